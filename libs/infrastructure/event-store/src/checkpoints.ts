import type { DataSource, EntityManager } from 'typeorm';
import { START, type Checkpoint } from './types';

/** How far a subscription is behind the log. */
export interface CheckpointLag {
  /** Committed events after the checkpoint. */
  events: number;
  /** Age of the oldest of them in seconds (0 when none). */
  seconds: number;
}

/** Where each subscription (relay, projector) has got to in the log, in commit order. */
export class Checkpoints {
  constructor(private readonly dataSource: DataSource) {}

  async get(subscription: string, tx?: EntityManager): Promise<Checkpoint> {
    const rows: { transaction_id: string; global_position: string }[] = await (
      tx ?? this.dataSource.manager
    ).query(
      `SELECT transaction_id::text AS transaction_id, global_position FROM checkpoints WHERE subscription = $1`,
      [subscription],
    );
    return rows[0]
      ? { transactionId: rows[0].transaction_id, globalPosition: Number(rows[0].global_position) }
      : START;
  }

  /** Record progress; pass the transaction that did the work so both commit together. */
  async set(subscription: string, checkpoint: Checkpoint, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource.manager).query(
      `INSERT INTO checkpoints (subscription, transaction_id, global_position, updated_at)
       VALUES ($1, $2::xid8, $3, now())
       ON CONFLICT (subscription) DO UPDATE
         SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`,
      [subscription, checkpoint.transactionId, checkpoint.globalPosition],
    );
  }

  /**
   * Moves the checkpoint forward to `checkpoint`, never back: a writer that finished an older
   * batch late (a relay that lost its leadership mid-batch, or two relays for a moment) leaves a
   * newer checkpoint as it is. Returns false when the stored one was already at or past it.
   */
  async advance(subscription: string, checkpoint: Checkpoint, tx?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (tx ?? this.dataSource.manager).query(
      `INSERT INTO checkpoints AS c (subscription, transaction_id, global_position, updated_at)
       VALUES ($1, $2::xid8, $3, now())
       ON CONFLICT (subscription) DO UPDATE
         SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()
         WHERE (c.transaction_id, c.global_position) < (EXCLUDED.transaction_id, EXCLUDED.global_position)
       RETURNING 1`,
      [subscription, checkpoint.transactionId, checkpoint.globalPosition],
    );
    return rows.length > 0;
  }

  /** Events committed after the subscription's checkpoint, and how long the oldest has waited. */
  async lag(subscription: string): Promise<CheckpointLag> {
    const rows: { events: string; seconds: string | null }[] = await this.dataSource.query(
      `SELECT count(*) AS events, extract(epoch FROM now() - min(e.recorded_at)) AS seconds
       FROM events e
       WHERE (e.transaction_id, e.global_position) >
         coalesce((SELECT (c.transaction_id, c.global_position) FROM checkpoints c WHERE c.subscription = $1),
                  ('0'::xid8, 0::bigint))`,
      [subscription],
    );
    return {
      events: Number(rows[0]?.events ?? 0),
      seconds: Math.max(0, Math.round(Number(rows[0]?.seconds ?? 0))),
    };
  }
}
