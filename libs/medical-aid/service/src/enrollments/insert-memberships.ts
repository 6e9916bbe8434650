import { evolveMembershipRow, type MembershipEvent } from '@union/medical-aid/domain';
import type { FirstEvent, StartedRows } from './start-streams';

/**
 * The read-model rows of membership streams started by enrollment, written in the statement that
 * starts them: the row the membership projection would write (same domain `evolve`), without
 * its per-row upsert, which cost as much as writing the events. Only the rows travel; the
 * copied-out columns are read from them in SQL as `membershipEntityOf` maps them (the rebuild
 * test compares the two paths).
 */
export const startedMemberships: StartedRows = {
  rowOf: (first: FirstEvent) =>
    evolveMembershipRow(null, { type: first.type, data: first.data } as MembershipEvent, 1),
  insert: `INSERT INTO membership_summary
       (member_key, period_id, person_ref, unit_id, waived, contribution_fen, serious_illness_aid_fen, version, data)
     SELECT (d->>'periodId') || '-' || (d->>'personRef'), d->>'periodId', d->>'personRef', d->>'unitId',
       (d->>'waived')::boolean, (d->>'contributionFen')::bigint, (d->'totals'->>'seriousIllnessAidFen')::bigint,
       (d->>'version')::int, d
     FROM started_rows`,
};
