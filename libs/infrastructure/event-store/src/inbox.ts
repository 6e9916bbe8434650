import type { EntityManager } from 'typeorm';

/**
 * Idempotent consumption: a consumer records each event id in the same transaction as the
 * effect, so a redelivered event changes nothing.
 */
export class Inbox {
  /** True when the event is new for this consumer (and is now recorded), false for a redelivery. */
  static async tryRecord(tx: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, eventId],
    );
    return rows.length === 1;
  }
}
