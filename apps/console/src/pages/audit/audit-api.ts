/**
 * The audit API as the auditor's screens read it (API.md "Audit"; docs/api-changes.md): typed from
 * the generated schema, one hook per answer. Every service has the same audit routes under
 * `/api/v1/audit/<service>`, so one path type serves the four.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap, type Schemas } from '../../api/client';
import type { AuditedService } from './audit-labels';

export type AuditEvent = Schemas['AuditEvent'];
export type AuditState = Schemas['AuditState'];
export type AuditStateAt = Schemas['AuditStateAt'];
export type AsDecided = Schemas['AuditAsDecided'];
export type AuditSeal = Schemas['AuditSeal'];
export type AccessLogPage = Schemas['AccessLogPage'];
export type AccessLogRow = NonNullable<AccessLogPage['items']>[number];
export type RebuildComparison = Schemas['RebuildComparison'];
export type VerifyStreamLine = Schemas['AuditVerifyStreamLine'];

/** A service's audit route, typed as the hardship service's (the four have the same routes). */
export const auditPath = <P extends string>(service: AuditedService, rest: P) =>
  `/api/v1/audit/${service}${rest}` as `/api/v1/audit/hardship-cases${P}`;

/** The URL of a service's audit route, for what is not read as JSON (downloads, the streamed verify). */
export const auditUrl = (service: AuditedService, rest: string) =>
  `${window.location.origin}/api/v1/audit/${service}${rest}`;

export function useStreamHistory(service: AuditedService, streamId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', service, streamId, 'events'],
    queryFn: async () =>
      unwrap(
        await api.GET(auditPath(service, '/streams/{streamId}/events'), { params: { path: { streamId } } }),
      ),
  });
}

/** The query of the record's state at a version: shared by the screen and its prefetch of neighbours. */
export function stateQuery(
  api: ReturnType<typeof useApi>,
  service: AuditedService,
  streamId: string,
  version: number,
) {
  return {
    queryKey: ['audit', service, streamId, 'state', version],
    queryFn: async () =>
      unwrap(
        await api.GET(auditPath(service, '/streams/{streamId}/state'), {
          params: { path: { streamId }, query: { asOfVersion: String(version) } },
        }),
      ),
    staleTime: Infinity, // a version of a record never changes
  };
}

export function useStateAt(service: AuditedService, streamId: string, version: number) {
  const api = useApi();
  return useQuery({
    ...stateQuery(api, service, streamId, version),
    enabled: version > 0,
    placeholderData: keepPreviousData,
  });
}

/** The record as it stood at an instant: which version that was, then that version's state. */
export function useVersionAsOf(service: AuditedService, streamId: string, asOf: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', service, streamId, 'as-of', asOf],
    enabled: asOf !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET(auditPath(service, '/streams/{streamId}/state'), {
          params: { path: { streamId }, query: { asOf } },
        }),
      ),
    retry: false,
  });
}

export function useAsDecided(service: AuditedService, streamId: string, version: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', service, streamId, 'as-decided', version],
    queryFn: async () =>
      unwrap(
        await api.GET(auditPath(service, '/streams/{streamId}/as-decided'), {
          params: { path: { streamId }, query: { version: String(version) } },
        }),
      ),
    staleTime: Infinity,
  });
}

export function useTimeline(idNumber: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', 'timeline', idNumber],
    enabled: idNumber !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/audit/people/{idNumber}/timeline', {
          params: { path: { idNumber: idNumber ?? '' } },
        }),
      ),
    retry: false,
  });
}

export function useTrace(correlationId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', 'trace', correlationId],
    enabled: correlationId !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/audit/trace/{correlationId}', {
          params: { path: { correlationId: correlationId ?? '' } },
        }),
      ),
    retry: false,
  });
}

export function useSeals(service: AuditedService, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', service, 'seals', page],
    queryFn: async () =>
      unwrap(
        await api.GET(auditPath(service, '/seals'), {
          params: { query: { page: String(page), pageSize: '10' } },
        }),
      ),
  });
}

export interface AccessLogFilter {
  readonly actor?: string;
  readonly subject?: string;
  readonly page: number;
}

export function useAccessLog(service: AuditedService, filter: AccessLogFilter) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', service, 'access-log', filter],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(
        await api.GET(auditPath(service, '/access-log'), {
          params: {
            query: {
              page: String(filter.page),
              pageSize: '20',
              ...(filter.actor ? { actor: filter.actor } : {}),
              ...(filter.subject ? { subject: filter.subject } : {}),
            },
          },
        }),
      ),
  });
}

/**
 * Downloads an audit answer as a file (the evidence export): fetched with the session's token,
 * saved under the name the service gives it.
 */
export async function downloadAudit(token: string, url: string, fallbackName: string): Promise<string> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${res.status}`);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
