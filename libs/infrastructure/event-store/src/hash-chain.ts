import { hash } from 'node:crypto';
import { canonicalJson, canonicalJsonOfParsed } from '@union/kernel';

/** The fields of an event that its hash covers. Changing any of them breaks the chain. */
export interface HashedFields {
  streamId: string;
  streamType: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
  personRef: string | null;
}

/**
 * `hash = sha256(prevHash || canonicalJson(fields))`, hex. The first event of a stream has no
 * previous hash (the empty string is hashed in its place). Reproducible offline from an export.
 */
export function eventHash(prevHash: string | null, fields: HashedFields): string {
  return hashOfContent(prevHash, contentJson(fields));
}

/**
 * `eventHash` of a stored event whose data and metadata are still the JSON text the database
 * sent: parsed, then written canonically by the native writer where the keys already stand
 * sorted (`canonicalJsonOfParsed`). The same bytes as `eventHash` of the parsed fields.
 */
export function storedEventHash(
  prevHash: string | null,
  fields: Omit<HashedFields, 'data' | 'metadata'> & { dataText: string; metadataText: string },
): string {
  const data: unknown = JSON.parse(fields.dataText);
  const metadata: unknown = JSON.parse(fields.metadataText);
  if (!isWellTypedEnvelope(fields)) {
    const { dataText: _d, metadataText: _m, ...envelope } = fields; // the rare, careful path
    return eventHash(prevHash, { ...envelope, data, metadata });
  }
  return hashOfContent(
    prevHash,
    envelopeJson(fields, canonicalJsonOfParsed(data), canonicalJsonOfParsed(metadata)),
  );
}

function hashOfContent(prevHash: string | null, content: string): string {
  // One-shot hashing of the concatenation: the same bytes as updating with each part, faster.
  return hash('sha256', (prevHash ?? '') + content, 'hex');
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isWhole = (v: unknown): v is number => Number.isSafeInteger(v);

/** The fields around data and metadata have the types the direct envelope writer assumes. */
const isWellTypedEnvelope = (f: Omit<HashedFields, 'data' | 'metadata'>): boolean =>
  isText(f.streamId) &&
  isText(f.streamType) &&
  isText(f.eventId) &&
  isText(f.type) &&
  isText(f.recordedAt) &&
  isWhole(f.version) &&
  isWhole(f.schemaVersion) &&
  (f.personRef === null || isText(f.personRef));

/**
 * `canonicalJson` of the hashed fields. For well-typed fields it writes the envelope in its
 * sorted key order directly (no object to build and sort per event: verify's hot loop); anything
 * else goes through `canonicalJson` of the picked fields, which defines the bytes (a unit test
 * holds the two equal).
 */
function contentJson(f: HashedFields): string {
  if (!isWellTypedEnvelope(f) || f.data === undefined || f.metadata === undefined) {
    // Pick the fields by name: a caller may pass a whole stored event, whose other properties
    // (position, hashes) are not part of the content.
    return canonicalJson({
      streamId: f.streamId,
      streamType: f.streamType,
      version: f.version,
      eventId: f.eventId,
      type: f.type,
      schemaVersion: f.schemaVersion,
      data: f.data,
      metadata: f.metadata,
      recordedAt: f.recordedAt,
      personRef: f.personRef,
    });
  }
  return envelopeJson(f, canonicalJson(f.data), canonicalJson(f.metadata));
}

/** The canonical envelope of well-typed fields around their data and metadata, already written. */
function envelopeJson(
  f: Omit<HashedFields, 'data' | 'metadata'>,
  dataJson: string,
  metadataJson: string,
): string {
  return (
    `{"data":${dataJson},"eventId":${JSON.stringify(f.eventId)},` +
    `"metadata":${metadataJson},"personRef":${f.personRef === null ? 'null' : JSON.stringify(f.personRef)},` +
    `"recordedAt":${JSON.stringify(f.recordedAt)},"schemaVersion":${f.schemaVersion},` +
    `"streamId":${JSON.stringify(f.streamId)},"streamType":${JSON.stringify(f.streamType)},` +
    `"type":${JSON.stringify(f.type)},"version":${f.version}}`
  );
}

export interface ChainLink extends HashedFields {
  globalPosition: number;
  prevHash: string | null;
  hash: string;
}

export interface ChainBreak {
  globalPosition: number;
  streamId: string;
  version: number;
  reason: string;
}

/**
 * Checks one stream's events, given in version order starting at `expectedFirst` (with
 * `prevHashOfFirst`, the hash of the event before it, null at version 1). Returns the first break.
 */
export function checkStreamChain(
  links: readonly ChainLink[],
  expectedFirst = 1,
  prevHashOfFirst: string | null = null,
): ChainBreak | null {
  let expectedVersion = expectedFirst;
  let prev = prevHashOfFirst;
  for (const link of links) {
    const at = { globalPosition: link.globalPosition, streamId: link.streamId, version: link.version };
    if (link.version !== expectedVersion) {
      return { ...at, reason: `version ${expectedVersion} is missing (found ${link.version})` };
    }
    if (link.prevHash !== prev) {
      return { ...at, reason: 'prev_hash does not match the previous event' };
    }
    if (eventHash(prev, link) !== link.hash) {
      return { ...at, reason: 'hash does not match the event content (altered)' };
    }
    prev = link.hash;
    expectedVersion += 1;
  }
  return null;
}
