import type { AuditEvent } from './audit-event';

/**
 * The evidence export of one record (`GET /audit/streams/{streamId}/export`, and the CLI's
 * `export`): its whole history as stored, with every hash, enough to re-check each one offline
 * (`npm run audit -- check-export <file.json>`).
 */
export interface StreamExport {
  service: string;
  streamId: string;
  exportedAt: string;
  /** Who asked for it (the token's `sub`). */
  exportedBy: string;
  /** The command that recomputes every hash of this file, with no connection to the platform. */
  offlineCheck: string;
  events: AuditEvent[];
}

/** The file name both formats share: `<service>-<streamId>` with anything unsafe replaced. */
export const exportFileBase = (service: string, streamId: string): string =>
  `${service}-${streamId.replace(/[^A-Za-z0-9._-]/g, '_')}`;

export function streamExport(
  service: string,
  streamId: string,
  events: AuditEvent[],
  exportedBy: string,
  exportedAt: Date,
): StreamExport {
  return {
    service,
    streamId,
    exportedAt: exportedAt.toISOString(),
    exportedBy,
    offlineCheck: `npm run audit -- check-export ${exportFileBase(service, streamId)}.json`,
    events,
  };
}

export const EXPORT_CSV_COLUMNS = [
  'service',
  'streamId',
  'streamType',
  'version',
  'globalPosition',
  'eventId',
  'type',
  'schemaVersion',
  'recordedAt',
  'actor',
  'correlationId',
  'causationId',
  'policyVersion',
  'personRef',
  'prevHash',
  'hash',
  'data',
  'metadata',
] as const;

/** The history as CSV (RFC 4180, CRLF), one event a row, data and metadata as JSON cells. */
export function exportCsv(events: readonly AuditEvent[]): string {
  const rows = events.map((e) => {
    const m = e.metadata;
    const values: Partial<Record<(typeof EXPORT_CSV_COLUMNS)[number], unknown>> = {
      ...e,
      actor: m.actor,
      correlationId: m.correlationId,
      causationId: m.causationId,
      policyVersion: m.policyVersion,
      data: JSON.stringify(e.data),
      metadata: JSON.stringify(e.metadata),
    };
    return EXPORT_CSV_COLUMNS.map((c) => csvCell(values[c])).join(',');
  });
  return `${[EXPORT_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

// RFC 4180: quote a cell holding a comma, quote or line break; double the quotes inside.
function csvCell(value: unknown): string {
  const text =
    value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
