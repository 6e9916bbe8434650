import type { DataSource, EntityManager } from 'typeorm';
import { START, type Checkpoint } from './types';

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
}
