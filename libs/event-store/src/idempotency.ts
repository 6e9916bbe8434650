import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '@union/kernel';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in_progress' }
  | { kind: 'key_reused' };

/** Hash of what makes two requests "the same": method, path and canonical body. */
export const requestHash = (request: unknown): string =>
  createHash('sha256').update(canonicalJson(request)).digest('hex');

/**
 * Idempotency keys for commands (API.md, "Idempotency"): the first request with a key claims it;
 * the same key with the same request replays the stored response; with another request it is
 * refused. A claim whose request failed unexpectedly is released so the client may retry.
 */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async claim(scope: string, key: string, hash: string): Promise<IdempotencyClaim> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, hash],
    );
    if (inserted.length === 1) return { kind: 'new' };
    const rows: { request_hash: string; status: number | null; response: unknown }[] =
      await this.dataSource.query(
        `SELECT request_hash, status, response FROM idempotency WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
    const row = rows[0];
    if (!row) return this.claim(scope, key, hash);
    if (row.request_hash !== hash) return { kind: 'key_reused' };
    if (row.status === null) return { kind: 'in_progress' };
    return { kind: 'replay', response: { status: row.status, body: row.response } };
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency SET status = $3, response = $4 WHERE scope = $1 AND key = $2`,
      [scope, key, response.status, JSON.stringify(response.body ?? null)],
    );
  }

  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency WHERE scope = $1 AND key = $2 AND status IS NULL`, [
      scope,
      key,
    ]);
  }
}
