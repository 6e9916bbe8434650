import { Controller, Get, Headers, Param } from '@nestjs/common';
import { maskIdNumber, validateIdNumber } from '@union/kernel';
import { isAcceptableCorrelationId, ProblemException, Roles } from '@union/platform';
import { AuditTrail, type AuditEvent } from './audit-trail';

export interface PersonTimeline {
  readonly idNumberMasked: string;
  readonly events: readonly AuditEvent[];
}

export interface CorrelationTrace {
  readonly correlationId: string;
  readonly events: readonly AuditEvent[];
}

/**
 * The two audit answers the gateway composes itself (API.md, "Audit"): a person's timeline and
 * a correlation's trace across the three services. The `{service}` audit routes are forwarded
 * by the proxy through the route table.
 */
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get('people/:idNumber/timeline')
  @Roles('auditor', 'admin')
  async timeline(
    @Param('idNumber') raw: string,
    @Headers('authorization') authorization: string,
  ): Promise<PersonTimeline> {
    const id = validateIdNumber(raw);
    if (!id.ok) {
      throw new ProblemException('VALIDATION_FAILED', id.reason, {
        errors: [{ field: 'idNumber', message: id.reason }],
      });
    }
    const events = await this.trail.collect(`/people/${encodeURIComponent(id.value)}/events`, authorization);
    // Events carry personRef, never the number; the answer names the person only masked.
    return { idNumberMasked: maskIdNumber(id.value), events };
  }

  @Get('trace/:correlationId')
  @Roles('auditor', 'admin')
  async trace(
    @Param('correlationId') correlationId: string,
    @Headers('authorization') authorization: string,
  ): Promise<CorrelationTrace> {
    if (!isAcceptableCorrelationId(correlationId)) {
      const message = 'must be 1 to 128 letters, digits or . _ : - (as in x-correlation-id)';
      throw new ProblemException('VALIDATION_FAILED', `The correlation id ${message}.`, {
        errors: [{ field: 'correlationId', message }],
      });
    }
    const events = await this.trail.collect(
      `/correlations/${encodeURIComponent(correlationId)}/events`,
      authorization,
    );
    return { correlationId, events };
  }
}
