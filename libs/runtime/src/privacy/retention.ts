import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@union/kernel';

/**
 * A service's records of a person for their retention period (DOMAIN.md §5: "default 10 years
 * after the last case, application or membership closed"). `sql` gives one row per record:
 * `person_ref text, open boolean, closed_on date` (`closed_on` null while open), `$1` being
 * today's business date (a record may close by the calendar, as a medical-aid membership when
 * its period's coverage ends).
 */
export interface RetentionRecords {
  readonly sql: string;
}

/** A person's retention in one service, on `today`. */
export interface Retention {
  /** How many records of theirs this service holds. */
  readonly records: number;
  /** A record is still open: the retention period has not started (no end date). */
  readonly open: boolean;
  readonly lastClosedOn: IsoDate | null;
  /** `lastClosedOn` plus the programme's years; null while a record is open or there is none. */
  readonly endsOn: IsoDate | null;
  /** Erasure is due: every record closed and `endsOn` reached, or nothing held at all. */
  readonly passed: boolean;
}

const AGGREGATE = (sql: string, where: string) => `
  WITH r AS (${sql})
  SELECT r.person_ref, $1::date AS today, count(*)::int AS records, coalesce(bool_or(r.open), false) AS open,
         max(r.closed_on)::text AS last_closed_on,
         CASE WHEN bool_or(r.open) THEN NULL
              ELSE (max(r.closed_on) + make_interval(years => $2::int))::date::text END AS ends_on
  FROM r WHERE ${where} GROUP BY r.person_ref`;

/** The person's retention in this service on `today`, with `years` of retention (one query). */
export async function retentionOf(
  m: EntityManager,
  records: RetentionRecords,
  years: number,
  today: IsoDate,
  personRef: string,
): Promise<Retention> {
  const rows: { records: number; open: boolean; last_closed_on: string | null; ends_on: string | null }[] =
    await m.query(AGGREGATE(records.sql, 'r.person_ref = $3'), [today, years, personRef]);
  const row = rows[0];
  if (!row) return { records: 0, open: false, lastClosedOn: null, endsOn: null, passed: true };
  const endsOn = row.ends_on;
  return {
    records: row.records,
    open: row.open,
    lastClosedOn: row.last_closed_on,
    endsOn,
    passed: !row.open && endsOn !== null && endsOn <= today,
  };
}

/**
 * The people whose retention passed on `today` and whose data is not erased yet: every record
 * of theirs closed `years` or more ago, and a data key still held (one query).
 */
export async function peopleDueForErasure(
  m: EntityManager,
  records: RetentionRecords,
  years: number,
  today: IsoDate,
  limit: number,
): Promise<string[]> {
  const rows: { person_ref: string }[] = await m.query(
    `SELECT d.person_ref FROM (${AGGREGATE(records.sql, 'true')}) d
     JOIN person_keys k ON k.person_ref = d.person_ref AND k.erased_at IS NULL
     WHERE d.ends_on IS NOT NULL AND d.ends_on <= $1::text
     ORDER BY d.person_ref LIMIT $3`,
    [today, years, limit],
  );
  return rows.map((r) => r.person_ref);
}
