import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@union/event-store';
import { evolveMembershipRow, type MembershipEvent, type MembershipRow } from '@union/medical-aid/domain';

/**
 * The read-model rows of membership streams just started by enrollment, in one statement: the
 * row the membership projection would write (same domain `evolve`), without its per-row upsert,
 * which cost as much as writing the events. Only the rows travel; the copied-out columns are read
 * from them in SQL as `membershipEntityOf` maps them (the rebuild test compares the two paths).
 */
export async function insertStartedMemberships(tx: EntityManager, started: readonly StoredEvent[]): Promise<void> {
  if (started.length === 0) return;
  const rows = started.map(
    (e) => evolveMembershipRow(null, { type: e.type, data: e.data } as MembershipEvent, e.version) as MembershipRow,
  );
  await tx.query(
    `INSERT INTO membership_summary
       (member_key, period_id, person_ref, unit_id, waived, contribution_fen, serious_illness_aid_fen, version, data)
     SELECT (d->>'periodId') || '-' || (d->>'personRef'), d->>'periodId', d->>'personRef', d->>'unitId',
       (d->>'waived')::boolean, (d->>'contributionFen')::bigint, (d->'totals'->>'seriousIllnessAidFen')::bigint,
       (d->>'version')::int, d
     FROM jsonb_array_elements($1::jsonb) AS r(d)`,
    [JSON.stringify(rows)],
  );
}
