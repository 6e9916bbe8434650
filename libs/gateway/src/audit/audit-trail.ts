import { Injectable } from '@nestjs/common';
import { isErrorCode, type ErrorCode, type FieldError } from '@union/kernel';
import { ProblemException } from '@union/platform';
import type { UpstreamName } from '../gateway.settings';
import { ProxyService } from '../proxy/proxy.service';
import { AUDITED_SERVICES } from '../routing/route-table';

/** An event as a service's audit routes return it, labelled with the service that stored it. */
export interface AuditEvent {
  readonly service: UpstreamName;
  readonly streamId: string;
  readonly globalPosition: number;
  readonly recordedAt: string;
  readonly [field: string]: unknown;
}

/**
 * One question put to every audited service at once (a person's events, or a correlation's),
 * merged into one answer. An audit answer must be complete, not partial: unlike the people view,
 * a service that is down or answers an error fails the whole answer (503 naming it), because a
 * timeline missing a programme would read as "nothing happened there".
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly proxy: ProxyService) {}

  /** `path`: the service's route under `/api/v1/audit`, e.g. `/people/<id>/events`. */
  async collect(path: string, authorization: string): Promise<AuditEvent[]> {
    const headers = { authorization };
    const results = await Promise.allSettled(
      AUDITED_SERVICES.map((service) => this.proxy.getJson(service, `/api/v1/audit${path}`, headers)),
    );
    const down = AUDITED_SERVICES.filter((_, i) => results[i].status === 'rejected');
    if (down.length > 0) {
      const first = results.find((r) => r.status === 'rejected')?.reason as unknown;
      throw new ProblemException(
        'SERVICE_UNAVAILABLE',
        down.length === 1 && first instanceof ProblemException
          ? `${first.body.detail} An audit answer is given only when every service has answered.`
          : `The ${down.join(', ')} services are unavailable; an audit answer is given only when every service has answered.`,
        { extra: { service: down[0], services: down } },
      );
    }
    const events = AUDITED_SERVICES.flatMap((service, i) =>
      eventsOf(service, (results[i] as PromiseFulfilledResult<{ status: number; body: unknown }>).value),
    );
    return events.sort(oldestFirst);
  }
}

const REFUSALS: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
};

function eventsOf(service: UpstreamName, answer: { status: number; body: unknown }): AuditEvent[] {
  const { status, body } = answer;
  const refusal = REFUSALS[status];
  if (refusal) {
    // The service refused the caller or the input: pass its problem on.
    const problem = body as { code?: unknown; detail?: unknown; errors?: unknown } | null;
    throw new ProblemException(
      isErrorCode(problem?.code) ? problem.code : refusal,
      typeof problem?.detail === 'string' ? problem.detail : `The ${service} service answered ${status}.`,
      {
        extra: { service },
        errors: Array.isArray(problem?.errors) ? (problem.errors as FieldError[]) : undefined,
      },
    );
  }
  const events = (body as { events?: unknown } | null)?.events;
  if (status !== 200 || !Array.isArray(events)) {
    throw new ProblemException(
      'SERVICE_UNAVAILABLE',
      `The ${service} service answered ${status} without its events; an audit answer is given only when every service has answered.`,
      { extra: { service, services: [service] } },
    );
  }
  // The gateway knows who answered: that label wins over anything the body says.
  return (events as Record<string, unknown>[]).map((e) => ({ ...e, service }) as AuditEvent);
}

/** Oldest first by recorded time; ties by service, then by the service's log position. */
function oldestFirst(a: AuditEvent, b: AuditEvent): number {
  return (
    Date.parse(a.recordedAt) - Date.parse(b.recordedAt) ||
    a.service.localeCompare(b.service) ||
    a.globalPosition - b.globalPosition
  );
}
