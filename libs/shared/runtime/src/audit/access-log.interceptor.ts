import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, type Observable } from 'rxjs';
import { maskIdNumber, personRef, validateIdNumber } from '@union/kernel';
import type { PlatformRequest } from '@union/platform';
import { SERVICE_INFRA, SERVICE_SETTINGS } from '../runtime.di-tokens';
import type { ServiceSettings } from '../service-definition';
import type { ServiceInfra } from '../service-infra';
import { AccessLog } from './access-log';

const NOT_RECORDED = 'union:accessNotRecorded';
/** A read that is not itself recorded in the access log (listing the access log). */
export const NotRecorded = (): MethodDecorator => SetMetadata(NOT_RECORDED, true);

/**
 * Records every successful GET by a principal holding `auditor`, on any route of the service:
 * who, with which roles, which path, and the subject read (the record or stream id of the route,
 * or the person's ref: identity numbers are stored neither as subject nor in the path). The row is
 * written before the answer leaves, so a read that cannot be recorded is not served.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  private readonly log: AccessLog;

  constructor(
    @Inject(SERVICE_INFRA) infra: ServiceInfra,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly reflector: Reflector,
  ) {
    this.log = new AccessLog(infra.dataSource);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<PlatformRequest & { params?: Record<string, string> }>();
    const principal = req.principal;
    if (req.method !== 'GET' || !principal?.roles.includes('auditor')) return next.handle();
    if (this.reflector.get<boolean | undefined>(NOT_RECORDED, context.getHandler())) return next.handle();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const { subject, path } = this.subjectOf(
          (req.originalUrl ?? req.url ?? '/').split('?')[0],
          req.params ?? {},
        );
        await this.log.record({
          actor: principal.sub,
          roles: [...principal.roles],
          method: 'GET',
          path,
          subject,
        });
        return body;
      }),
    );
  }

  private subjectOf(path: string, params: Record<string, string>): { subject: string | null; path: string } {
    let subject: string | null = null;
    let masked = path;
    for (const value of Object.values(params)) {
      const id = validateIdNumber(value);
      if (id.ok) {
        masked = masked.split(encodeURIComponent(value)).join(maskIdNumber(id.value));
        subject ??= personRef(this.settings.personRefSecret, id.value);
      }
    }
    subject ??= Object.values(params)[0] ?? null;
    return { subject, path: masked };
  }
}
