import type { DataSource } from 'typeorm';
import { eventHash, type ChainBreak } from './hash-chain';
import { eventColumns, toRawEvent, type EventRow } from './rows';

export interface VerifyRange {
  fromPosition?: number;
  toPosition?: number;
  batchSize?: number;
  onProgress?: (checked: number) => void;
}

export interface VerifyReport {
  checked: number;
  valid: boolean;
  firstInvalid?: ChainBreak;
}

interface LinkedRow extends EventRow {
  actual_prev_hash: string | null;
  has_prev: boolean;
}

/**
 * Checks every event in a range of global positions: its hash matches its content and its
 * prev_hash matches the hash of the stream's previous version, which must exist. Each event is
 * checked against its neighbour by key, so a range can start anywhere. Reports the first break
 * in global-position order.
 */
export async function verifyLog(dataSource: DataSource, range: VerifyRange = {}): Promise<VerifyReport> {
  const batchSize = range.batchSize ?? 5000;
  const to = range.toPosition ?? Number.MAX_SAFE_INTEGER;
  let after = (range.fromPosition ?? 1) - 1;
  let checked = 0;
  for (;;) {
    const rows: LinkedRow[] = await dataSource.query(
      `SELECT ${eventColumns('e')}, p.hash AS actual_prev_hash, p.hash IS NOT NULL AS has_prev
       FROM events e LEFT JOIN events p ON p.stream_id = e.stream_id AND p.version = e.version - 1
       WHERE e.global_position > $1 AND e.global_position <= $2
       ORDER BY e.global_position LIMIT $3`,
      [after, to, batchSize],
    );
    for (const row of rows) {
      const event = toRawEvent(row);
      const reason = breakOf(row, event);
      if (reason) {
        return {
          checked,
          valid: false,
          firstInvalid: {
            globalPosition: event.globalPosition,
            streamId: event.streamId,
            version: event.version,
            reason,
          },
        };
      }
      checked += 1;
    }
    range.onProgress?.(checked);
    if (rows.length < batchSize) return { checked, valid: true };
    after = Number(rows[rows.length - 1].global_position);
  }
}

function breakOf(row: LinkedRow, event: ReturnType<typeof toRawEvent>): string | null {
  if (event.version > 1 && !row.has_prev) return `version ${event.version - 1} of the stream is missing`;
  if (event.prevHash !== row.actual_prev_hash) return 'prev_hash does not match the previous event';
  const expected = eventHash(event.prevHash, { ...event, recordedAt: event.recordedAt.toISOString() });
  if (expected !== event.hash) return 'hash does not match the event content (altered)';
  return null;
}
