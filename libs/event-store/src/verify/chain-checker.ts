import type { DataSource } from 'typeorm';
import type { ChainBreak } from '../hash-chain';
import type { RawRow } from './raw-row';

interface Link {
  version: number;
  hash: string;
}

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

  async check(rows: readonly RawRow[], computed: readonly string[]): Promise<void> {
    if (this.heads.size > MAX_REMEMBERED_STREAMS) this.heads.clear();
    const before = await this.lookUpPredecessors(rows);
    rows.forEach((row, i) => {
      const head = this.heads.get(row.stream_id) ?? before.get(row.stream_id) ?? null;
      const reason = this.firstBreak ? null : breakOf(row, head, computed[i]);
      if (reason) {
        this.firstBreak = {
          globalPosition: Number(row.global_position),
          streamId: row.stream_id,
          version: row.version,
          reason,
        };
      }
      this.heads.set(row.stream_id, { version: row.version, hash: row.hash });
    });
    this.checked += rows.length;
  }

  /** The previous event of each stream whose head is not known, by key. */
  private async lookUpPredecessors(rows: readonly RawRow[]): Promise<Map<string, Link>> {
    const wanted = new Map<string, number>();
    const seen = new Set<string>();
    for (const row of rows) {
      // Only a stream's first row in the batch can need it; later rows follow that one.
      if (this.heads.has(row.stream_id) || seen.has(row.stream_id)) continue;
      seen.add(row.stream_id);
      if (row.version > 1) wanted.set(row.stream_id, row.version - 1);
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

function breakOf(row: RawRow, head: Link | null, computed: string): string | null {
  if (row.version > 1 && head === null) return `version ${row.version - 1} of the stream is missing`;
  if (head !== null && head.version !== row.version - 1) {
    return head.version >= row.version
      ? `version ${row.version} comes after version ${head.version}`
      : `version ${row.version - 1} of the stream is missing`;
  }
  if (row.prev_hash !== (head?.hash ?? null)) return 'prev_hash does not match the previous event';
  if (computed !== row.hash) return 'hash does not match the event content (altered)';
  return null;
}
