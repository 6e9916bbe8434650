import { Controller, Get, Headers, Query } from '@nestjs/common';
import { chinaDatePeriod, DomainError } from '@union/kernel';
import { ProblemException, Roles } from '@union/platform';
import type { UpstreamName } from '../gateway.settings';
import { ProxyService } from '../proxy/proxy.service';
import type { ServicePart } from './privacy.controller';

/** The services that hold personal data (the union's tree holds none). */
const HOLDERS: readonly UpstreamName[] = ['hardship-cases', 'education-grants', 'medical-aid'];

/** As each service's own limit (`PROCESSING_RECORDS_MAX_DAYS`): about ten years, the default retention. */
const MAX_DAYS = 3660;

/**
 * `GET /api/v1/privacy/processing-records?from=&to=` (admin, auditor; API.md, "Personal
 * information"; DOMAIN.md §5, PIPL Art. 55-56): per programme, which kinds of personal information
 * it processed in the period, about how many people, who read them and for which purposes. Each
 * service answers its own part from its own log and access log, checking the role itself; a
 * service that did not answer is `available: false` and the report `complete: false`.
 */
@Controller('api/v1/privacy/processing-records')
export class ProcessingRecordsController {
  constructor(private readonly proxy: ProxyService) {}

  @Get()
  @Roles('admin', 'auditor')
  async report(@Query() query: Record<string, unknown>, @Headers('authorization') authorization: string) {
    const { from, to } = periodOf(query);
    const path = `/api/v1/privacy/processing-records?from=${from}&to=${to}`;
    const results = await Promise.allSettled(
      HOLDERS.map((upstream) => this.proxy.getJson(upstream, path, { authorization })),
    );
    const services = Object.fromEntries(
      HOLDERS.map((upstream, i) => [upstream, partOf(results[i], upstream)]),
    ) as Record<UpstreamName, ServicePart>;
    return {
      from,
      to,
      complete: Object.values(services).every((p) => p.available && p.status >= 200 && p.status < 300),
      services,
    };
  }
}

/** `from` and `to`, checked before any service is asked (400 `VALIDATION_FAILED`, nothing asked). */
function periodOf(query: Record<string, unknown>): { from: string; to: string } {
  const unknown = Object.keys(query).filter((k) => k !== 'from' && k !== 'to');
  if (unknown.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `Unknown query parameter: ${unknown.join(', ')}.`, {
      errors: unknown.map((field) => ({ field, message: 'is not a parameter of this report' })),
    });
  }
  chinaDatePeriod(query.from, query.to, MAX_DAYS);
  return { from: query.from as string, to: query.to as string };
}

function partOf(result: PromiseSettledResult<{ status: number; body: unknown }>, upstream: UpstreamName): ServicePart {
  if (result.status === 'rejected') {
    const detail =
      result.reason instanceof ProblemException
        ? result.reason.body.detail
        : `The ${upstream} service gave an answer the gateway could not read.`;
    return { available: false, detail };
  }
  return { available: true, status: result.value.status, answer: result.value.body };
}
