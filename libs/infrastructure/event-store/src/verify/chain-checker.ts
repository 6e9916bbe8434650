import type { DataSource } from 'typeorm';
import type { ChainBreak } from '../hash-chain';
import type { HashedBatch } from './raw-row';

interface Link {
  version: number;
  hash: string;
}

/** A stream's head before its first event (no version is 0). */
const NO_HEAD: Link = { version: 0, hash: '' };

/** Beyond this many streams the remembered heads are dropped; later ones are looked up again. */
const MAX_REMEMBERED_STREAMS = 500_000;

/**
 * Checks rows in global-position order against the head of their stream seen so far (a stream's
 * versions are written in position order: version n+1 needs version n committed). A stream met
 * for the first time past version 1 (a range starting mid-log) has its previous event looked up,
 * one query per batch. Keeps the first break.
 */
export class ChainChecker {
  private readonly heads = new Map<string, Link>();
  firstBreak: ChainBreak | null = null;
  checked = 0;

  constructor(private readonly dataSource: DataSource) {}

  async check(batch: HashedBatch): Promise<void> {
    if (this.heads.size > MAX_REMEMBERED_STREAMS) this.heads.clear();
    let before: Map<string, Link> | null = null; // looked up once per batch, when first needed
    const { streamIds, versions } = batch;
    for (let i = 0; i < streamIds.length; i++) {
      let head = this.heads.get(streamIds[i]);
      if (head === undefined) {
        if (versions[i] > 1 && before === null) before = await this.lookUpPredecessors(batch, i);
        head = { ...(before?.get(streamIds[i]) ?? NO_HEAD) };
        this.heads.set(streamIds[i], head);
      }
      const reason = this.firstBreak ? null : breakOf(batch, i, head.version === 0 ? null : head);
      if (reason) {
        this.firstBreak = {
          globalPosition: batch.positions[i],
          streamId: streamIds[i],
          version: versions[i],
          reason,
        };
      }
      // The head moves in place: one map lookup per row.
      head.version = versions[i];
      head.hash = batch.hashes[i];
    }
    this.checked += streamIds.length;
  }

  /**
   * The previous event, by key, of each stream met from row `from` on whose head is not known
   * (only a stream's first row in the batch can need it; later rows follow that one).
   */
  private async lookUpPredecessors(batch: HashedBatch, from: number): Promise<Map<string, Link>> {
    const wanted = new Map<string, number>();
    const seen = new Set<string>();
    for (let i = from; i < batch.streamIds.length; i++) {
      const streamId = batch.streamIds[i];
      if (this.heads.has(streamId) || seen.has(streamId)) continue;
      seen.add(streamId);
      if (batch.versions[i] > 1) wanted.set(streamId, batch.versions[i] - 1);
    }
    const found = new Map<string, Link>();
    if (wanted.size === 0) return found;
    const links: { stream_id: string; version: number; hash: string }[] = await this.dataSource.query(
      `SELECT e.stream_id, e.version, e.hash FROM events e
       JOIN unnest($1::text[], $2::int[]) AS w(stream_id, version)
         ON e.stream_id = w.stream_id AND e.version = w.version`,
      [[...wanted.keys()], [...wanted.values()]],
    );
    for (const l of links) found.set(l.stream_id, { version: l.version, hash: l.hash });
    return found;
  }
}

function breakOf(batch: HashedBatch, i: number, head: Link | null): string | null {
  const version = batch.versions[i];
  if (version > 1 && head === null) return `version ${version - 1} of the stream is missing`;
  if (head !== null && head.version !== version - 1) {
    return head.version >= version
      ? `version ${version} comes after version ${head.version}`
      : `version ${version - 1} of the stream is missing`;
  }
  if (batch.prevHashes[i] !== (head?.hash ?? null)) return 'prev_hash does not match the previous event';
  if (!batch.intact[i]) return 'hash does not match the event content (altered)';
  return null;
}
