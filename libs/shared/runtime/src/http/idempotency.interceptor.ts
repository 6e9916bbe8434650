import {
  HttpStatus,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import { DomainError } from '@union/kernel';
import { IdempotencyStore, requestHash } from '@union/event-store';
import type { PlatformRequest } from '@union/platform';
import type { ServerResponse } from 'node:http';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { SERVICE_INFRA } from '../runtime.di-tokens';
import type { ServiceInfra } from '../service-infra';

const MAX_KEY_LENGTH = 200;

/**
 * `Idempotency-Key` on POST/PUT (API.md): the first request with a key runs and its response is
 * kept; the same key with the same request gets that response again (status, body, ETag); with a
 * different request, 422 IDEMPOTENCY_KEY_REUSED. A request that fails stores nothing (nothing
 * was written), so its retry is decided afresh.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly keys: IdempotencyStore;

  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {
    this.keys = new IdempotencyStore(infra.dataSource);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // The same global interceptors wrap the @EventPattern consumers, which have no HTTP request.
    if (context.getType() !== 'http') return next.handle();
    const req = context
      .switchToHttp()
      .getRequest<PlatformRequest & { body?: unknown; originalUrl?: string }>();
    const res = context.switchToHttp().getResponse<ServerResponse>();
    const key = req.headers['idempotency-key'];
    if (!['POST', 'PUT'].includes(req.method ?? '') || typeof key !== 'string' || key === '')
      return next.handle();
    if (key.length > MAX_KEY_LENGTH) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters.`,
        {
          errors: [{ field: 'Idempotency-Key', message: `at most ${MAX_KEY_LENGTH} characters` }],
        },
      );
    }
    // Nest writes the status after interceptors: the route's own status is what the client gets.
    const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
    const status = declared ?? (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return from(this.handle(key, status, req, res, next));
  }

  private async handle(
    key: string,
    status: number,
    req: PlatformRequest & { body?: unknown; originalUrl?: string },
    res: ServerResponse,
    next: CallHandler,
  ): Promise<unknown> {
    const scope = `${this.infra.definition.name}:${req.principal?.sub ?? 'anonymous'}`;
    const hash = requestHash({
      method: req.method,
      path: req.originalUrl ?? req.url,
      body: req.body ?? null,
    });
    const claim = await this.keys.claim(scope, key, hash);
    switch (claim.kind) {
      case 'replay': {
        const stored = claim.response.body as { body: unknown; etag?: string };
        if (stored.etag) res.setHeader('ETag', stored.etag);
        res.setHeader('Idempotent-Replayed', 'true');
        return lastValueFrom(of(stored.body));
      }
      case 'key_reused':
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request.',
        );
      case 'in_progress':
        throw new DomainError(
          'CONFLICT',
          'A request with this Idempotency-Key is still being handled; retry shortly.',
        );
      case 'new':
        try {
          const body: unknown = await lastValueFrom(next.handle() as Observable<unknown>, {
            defaultValue: undefined,
          });
          const etag = res.getHeader('ETag');
          await this.keys.complete(scope, key, {
            status,
            body: { body, etag: typeof etag === 'string' ? etag : undefined },
          });
          return body;
        } catch (error) {
          await this.keys.release(scope, key);
          throw error;
        }
      default: {
        const _exhaustive: never = claim;
        return _exhaustive;
      }
    }
  }
}
