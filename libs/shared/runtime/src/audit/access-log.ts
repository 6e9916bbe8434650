import type { DataSource } from 'typeorm';
import type { Page } from '@union/platform';

export interface AccessLogEntry {
  at: string;
  actor: string;
  roles: string[];
  method: string;
  path: string;
  subject: string | null;
}

export type AccessLogPage = Page<AccessLogEntry>;

export interface AccessLogFilter {
  actor?: string;
  subject?: string;
  page: number;
  pageSize: number;
}

/** The service's record of auditors' reads (table `audit_access_log`). */
export class AccessLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: Omit<AccessLogEntry, 'at'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_access_log (actor, roles, method, path, subject) VALUES ($1, $2, $3, $4, $5)`,
      [entry.actor, entry.roles, entry.method, entry.path, entry.subject],
    );
  }

  /** Newest first. */
  async list(filter: AccessLogFilter): Promise<AccessLogPage> {
    const where = `($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR subject = $2)`;
    const params = [filter.actor ?? null, filter.subject ?? null];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_access_log WHERE ${where}`,
      params,
    );
    const rows: (Omit<AccessLogEntry, 'at'> & { at: Date })[] = await this.dataSource.query(
      `SELECT at, actor, roles, method, path, subject FROM audit_access_log WHERE ${where}
       ORDER BY id DESC LIMIT $3 OFFSET $4`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return {
      items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
      page: filter.page,
      pageSize: filter.pageSize,
      total,
    };
  }
}
