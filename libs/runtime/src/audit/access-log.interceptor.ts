import {
  Inject,
  Injectable,
  Logger,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { mergeMap, type Observable } from 'rxjs';
import { currentCorrelationId, ProblemException, type PlatformRequest } from '@union/platform';
import { SERVICE_INFRA, SERVICE_SETTINGS } from '../runtime.di-tokens';
import type { ServiceSettings } from '../service-definition';
import type { ServiceInfra } from '../service-infra';
import { AccessLog } from './access-log';
import { accessEntryOf, type ReadRequest } from './access-log.entry';
import { readsBeyondOwnUnits } from './access-scope';
import { statedPurposeOf } from '../privacy/purpose';

const NOT_RECORDED = 'union:accessNotRecorded';
const RECORDED_FOR_EVERYONE = 'union:accessRecordedForEveryone';

/** A read that is not itself recorded in the access log (listing the access log). */
export const NotRecorded = (): MethodDecorator => SetMetadata(NOT_RECORDED, true);

/**
 * A read recorded whoever makes it: a lookup by identity number whose answer may come from
 * another unit's record (the hardship eligibility the other programmes keep), so even a
 * caseworker of named units reads beyond their own units' work with it.
 */
export const RecordedForEveryone = (): MethodDecorator => SetMetadata(RECORDED_FOR_EVERYONE, true);

/**
 * Records every successful GET of a principal reading beyond one unit's own work (auditors,
 * admins, tokens for every unit: {@link readsBeyondOwnUnits}), and of anyone on a route marked
 * {@link RecordedForEveryone}, and every read with a stated purpose (`@Purpose()`: a full identity
 * number or a diagnosis revealed) whoever makes it: who, with which roles and units, which path
 * and query (identity numbers masked), the subject read, the correlation id, and the purpose.
 *
 * The row is written before the answer leaves. A read that cannot be recorded is not served: it
 * fails closed with a 503 that carries nothing of the record (the ETag already set is removed),
 * and the failure is logged as an error, so it is neither silent nor a leak.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  private readonly log: AccessLog;
  private readonly logger = new Logger(AccessLogInterceptor.name);

  constructor(
    @Inject(SERVICE_INFRA) infra: ServiceInfra,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly reflector: Reflector,
  ) {
    this.log = new AccessLog(infra.dataSource);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<PlatformRequest & ReadRequest>();
    const principal = req.principal;
    if (req.method !== 'GET' || !principal) return next.handle();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(NOT_RECORDED, targets)) return next.handle();
    const forEveryone = this.reflector.getAllAndOverride<boolean | undefined>(RECORDED_FOR_EVERYONE, targets);
    const recorded = forEveryone || readsBeyondOwnUnits(principal);
    const res = context.switchToHttp().getResponse<ServerResponse>();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        // A read with a stated purpose (a full identity number, a diagnosis) is recorded whoever
        // makes it; the route's `@Purpose()` parameter set it once the purpose was valid.
        const purpose = statedPurposeOf(req);
        if (!recorded && purpose === null) return body;
        const entry = accessEntryOf(
          req,
          principal,
          this.settings.personRefSecret,
          currentCorrelationId() ?? null,
          purpose,
        );
        try {
          await this.log.record(entry);
        } catch (error) {
          this.logger.error(
            `A read of ${entry.path} by ${entry.actor} could not be recorded in the access log, so it was refused: ${String(error)}`,
            error instanceof Error ? error.stack : undefined,
          );
          res.removeHeader('ETag');
          throw new ProblemException(
            'SERVICE_UNAVAILABLE',
            'This read could not be recorded in the access log, so it is not answered. Try again shortly.',
          );
        }
        return body;
      }),
    );
  }
}
