import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * One personal field of an event, sealed with the person's data key (AES-256-GCM): the value's
 * JSON, encrypted, authenticated, bound to the person it belongs to (the additional data is the
 * person's ref, so a sealed value copied onto another person's event does not open). Stored in the
 * event's data in the field's place, as text: `pd1.<personRef>.<kind>.<iv>.<ciphertext>.<tag>`
 * (base64url; the ref is already a keyed pseudonym, stored in the clear in `events.person_ref`), so
 * a reader knows whose key opens it without knowing the event's shape; `kind` (`s` text, `n`
 * number, `x` anything else) lets an erased value read as the right kind of nothing. The hash chain covers this text:
 * verifying needs no key and still works once the key is destroyed.
 */
export const SEALED_PREFIX = 'pd1.';
/** A person's ref as it stands in a sealed value (a keyed hash, hex). */
const REF = /^[0-9a-f]{1,128}$/;
const IV_BYTES = 12;
export const DATA_KEY_BYTES = 32;

export const isSealed = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(SEALED_PREFIX);

export function sealValue(dataKey: Buffer, value: unknown, personRef: string): string {
  assertKey(dataKey);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(personRef, 'utf8'));
  const plain = Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `${SEALED_PREFIX}${personRef}.${kindOf(value)}.${b64(iv)}.${b64(body)}.${b64(cipher.getAuthTag())}`;
}

export type SealedKind = 's' | 'n' | 'x';
const kindOf = (value: unknown): SealedKind =>
  typeof value === 'string' ? 's' : typeof value === 'number' ? 'n' : 'x';

/** What kind of value `sealed` holds (readable without its key). */
export function sealedKindOf(sealed: string): SealedKind {
  return parse(sealed).kind;
}

function parse(sealed: string): { ref: string; kind: SealedKind; iv: Buffer; body: Buffer; tag: Buffer } {
  const parts = isSealed(sealed) ? sealed.slice(SEALED_PREFIX.length).split('.') : [];
  const [ref, kind, iv, body, tag] = parts;
  if (parts.length !== 5 || !REF.test(ref) || !/^[snx]$/.test(kind)) {
    throw new Error('not a sealed personal value');
  }
  const bytes = (p: string) => Buffer.from(p, 'base64url');
  return { ref, kind: kind as SealedKind, iv: bytes(iv), body: bytes(body), tag: bytes(tag) };
}

/**
 * The person whose key opens `sealed`, read without decoding the rest (every read of the log asks
 * it of every sealed value, to fetch the keys in one query). @throws Error when it is not a sealed value.
 */
export function sealedRefOf(sealed: string): string {
  const end = isSealed(sealed) ? sealed.indexOf('.', SEALED_PREFIX.length) : -1;
  const ref = end > 0 ? sealed.slice(SEALED_PREFIX.length, end) : '';
  if (!REF.test(ref)) throw new Error('not a sealed personal value');
  return ref;
}

/** @throws Error when the text is not a sealed value, or it does not open with this key. */
export function openValue(dataKey: Buffer, sealed: string): unknown {
  assertKey(dataKey);
  const { ref: personRef, iv, body, tag } = parse(sealed);
  const decipher = createDecipheriv('aes-256-gcm', dataKey, iv);
  decipher.setAAD(Buffer.from(personRef, 'utf8'));
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}

export const newDataKey = (): Buffer => randomBytes(DATA_KEY_BYTES);

const b64 = (b: Buffer) => b.toString('base64url');

function assertKey(key: Buffer): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`a data key is ${DATA_KEY_BYTES} bytes`);
}
