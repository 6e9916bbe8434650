import type { EntityManager } from 'typeorm';

/** The first key of stream locks (the two-key advisory lock space), so no other lock shares them. */
const STREAM_LOCK_SPACE = 7_001;

/**
 * Queues the writers of one hot stream (a campaign's budget) for the rest of the caller's
 * transaction, so the second of two concurrent commands waits and then decides on the first's
 * result instead of deciding on stale state, losing the append and doing all its work again.
 * An optimisation only: the expected-version check of the append still guards every write.
 */
export async function lockStream(tx: EntityManager, streamId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${STREAM_LOCK_SPACE}, hashtext($1))`, [streamId]);
}
