import type { DataSource } from 'typeorm';
import type { Page } from '@union/platform';

/** A query string as recorded: each parameter's value, or values when repeated; masked. */
export type RecordedQuery = Readonly<Record<string, string | readonly string[]>>;

/** One recorded read. `units`, `query`, `correlationId` and `purpose` are null in rows from before they were kept. */
export interface AccessLogEntry {
  at: string;
  actor: string;
  roles: string[];
  /** The units the reader's token granted (`["*"]`: every unit). */
  units: string[] | null;
  method: string;
  /** The path read, identity numbers masked (decoded first, however the client encoded them). */
  path: string;
  /** The query asked (list filters, `asOf`, `fromVersion`…), masked likewise; null when none. */
  query: RecordedQuery | null;
  /** The record or stream id of the route, or the person's ref (never an identity number). */
  subject: string | null;
  /** The request's correlation id, to find it in the request log. */
  correlationId: string | null;
  /**
   * Why: the purpose stated for a read that reveals a full identity number or a diagnosis
   * (DOMAIN.md §5); null for every other read, and in rows from before it was kept.
   */
  purpose: string | null;
}

export type AccessLogPage = Page<AccessLogEntry>;

export interface AccessLogFilter {
  actor?: string;
  subject?: string;
  page: number;
  pageSize: number;
}

const COLUMNS = `at, actor, roles, units, method, path, query, subject, correlation_id AS "correlationId", purpose`;

/** The service's record of reads of personal data beyond the reader's own unit work (`audit_access_log`). */
export class AccessLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: Omit<AccessLogEntry, 'at'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_access_log (actor, roles, units, method, path, query, subject, correlation_id, purpose)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.actor,
        entry.roles,
        entry.units,
        entry.method,
        entry.path,
        entry.query === null ? null : JSON.stringify(entry.query),
        entry.subject,
        entry.correlationId,
        entry.purpose,
      ],
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
      `SELECT ${COLUMNS} FROM audit_access_log WHERE ${where} ORDER BY id DESC LIMIT $3 OFFSET $4`,
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
