import type { EntityManager } from 'typeorm';
import type { InlineProjection, StoredEvent } from '@union/event-store';

/**
 * `restricted_people` (event-store schema): who is restricted or erased in this service, from the
 * `privacy-<personRef>` streams, in the transaction of the privacy event's append. The store's
 * append checks it before writing anything about a person; the worklists and batches leave its
 * people out ({@link hiddenFromWork}). Idempotent: a restriction or erasure keeps its first date.
 */
export const restrictedPeopleProjection: InlineProjection = {
  name: 'restricted_people',
  handles: ['PersonalDataRestricted', 'PersonalDataErased'],
  tables: ['restricted_people'],
  async apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    for (const e of events) {
      if (!e.personRef) continue;
      const requestId = (e.data as { requestId?: string }).requestId ?? null;
      if (e.type === 'PersonalDataRestricted') {
        await tx.query(
          `INSERT INTO restricted_people (person_ref, restricted_at, request_id) VALUES ($1, $2, $3)
           ON CONFLICT (person_ref) DO UPDATE
             SET restricted_at = coalesce(restricted_people.restricted_at, EXCLUDED.restricted_at),
                 request_id = coalesce(restricted_people.request_id, EXCLUDED.request_id)`,
          [e.personRef, e.recordedAt, requestId],
        );
      } else {
        await tx.query(
          `INSERT INTO restricted_people (person_ref, erased_at) VALUES ($1, $2)
           ON CONFLICT (person_ref) DO UPDATE
             SET erased_at = coalesce(restricted_people.erased_at, EXCLUDED.erased_at)`,
          [e.personRef, e.recordedAt],
        );
      }
    }
  },
};

/**
 * The SQL condition that leaves restricted people out of a worklist or a batch: `refColumn` is the
 * person's ref column of the rows listed (a qualified name written by the caller, never input).
 * Erased people are not left out: their records are closed and read as erased.
 */
export function notRestrictedSql(refColumn: string): string {
  return `NOT EXISTS (SELECT 1 FROM restricted_people rp WHERE rp.person_ref = ${refColumn} AND rp.erased_at IS NULL)`;
}

/**
 * {@link notRestrictedSql} for a list a user reads: auditors still see restricted people's
 * records (PIPL Art. 47 stops their use, not their oversight); everyone else's worklists do not.
 */
export function hiddenFromWork(principal: { roles: readonly string[] }, refColumn: string): string | null {
  return principal.roles.includes('auditor') ? null : notRestrictedSql(refColumn);
}
