import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { eventHash, progressReporter } from '@union/event-store';

const LOAD_BATCH = 10_000;

/**
 * Writes `events` correctly hashed events into the `events` table of `dataSource`, as a busy log
 * holds them: streams of `perStream` versions, written version by version (every stream's v1,
 * then every v2…), each chained to its stream's previous hash; then settles the table (VACUUM
 * ANALYZE, CHECKPOINT) so the first pass measured does not pay for it. Answers how many it wrote.
 * The audit benches' one loader (bench:audit, bench:console-audit).
 */
export async function loadHashedLog(
  dataSource: DataSource,
  events: number,
  perStream: number,
): Promise<number> {
  const streams = Math.ceil(events / perStream);
  const heads: (string | null)[] = new Array<string | null>(streams).fill(null);
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const report = progressReporter('load', streams * perStream);
  let written = 0;
  for (let version = 1; version <= perStream; version++) {
    for (let first = 0; first < streams; first += LOAD_BATCH) {
      const cols: unknown[][] = Array.from({ length: 10 }, () => []);
      for (let s = first; s < Math.min(first + LOAD_BATCH, streams); s++) {
        const fields = {
          streamId: `counter-${s}`,
          streamType: 'counter',
          version,
          eventId: randomUUID(),
          type: version === 1 ? 'CounterOpened' : 'CounterBumped',
          schemaVersion: 1,
          data:
            version === 1
              ? { name: `counter ${s}` }
              : {
                  by: version,
                  note: 'benchmark event with a realistic small payload',
                  unitId: `unit-${s % 5314}`,
                },
          metadata: {
            actor: `cw-${s % 97}`,
            correlationId: randomUUID(),
            causationId: randomUUID(),
            policyVersion: 3,
          },
          recordedAt: new Date(base + written).toISOString(),
          personRef: `p${s}`.padEnd(64, '0'),
        };
        const hash = eventHash(heads[s], fields);
        const values = [
          fields.streamId,
          fields.version,
          fields.eventId,
          fields.type,
          JSON.stringify(fields.data),
          JSON.stringify(fields.metadata),
          fields.recordedAt,
          fields.personRef,
          heads[s],
          hash,
        ];
        values.forEach((v, i) => cols[i].push(v));
        heads[s] = hash;
        written += 1;
      }
      await dataSource.query(
        `INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata,
           recorded_at, person_ref, prev_hash, hash)
         SELECT s, 'counter', v, e, t, 1, d::jsonb, m::jsonb, r, p, ph, h
         FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                     $8::text[], $9::text[], $10::text[]) AS x(s, v, e, t, d, m, r, p, ph, h)`,
        cols,
      );
      report(written);
    }
  }
  // Settle the bulk load as a long-lived log is settled: statistics, hint bits and the visibility
  // map written now, and the dirty pages flushed, not by the first pass measured (nor by an
  // autovacuum or a checkpoint racing it).
  await dataSource.query(`VACUUM ANALYZE events`);
  await dataSource.query(`CHECKPOINT`);
  return written;
}
