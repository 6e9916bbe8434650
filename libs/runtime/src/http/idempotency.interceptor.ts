import {
  HttpStatus,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DomainError } from '@union/kernel';
import { IdempotencyStore, outsideAttempts } from '@union/event-store';
import type { PlatformRequest } from '@union/platform';
import type { ServerResponse } from 'node:http';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { SERVICE_INFRA } from '../runtime.di-tokens';
import type { ServiceInfra } from '../service-infra';
import { OrgScope } from '../org/org-scope';
import { IdempotentWrites } from './idempotent-write';

const MAX_KEY_LENGTH = 200;
const WRITE_METHODS = new Set(['POST', 'PUT']);

/**
 * `Idempotency-Key` on POST/PUT (API.md; docs/idempotency.md): the key's record commits in the
 * command's own transaction; the same key with the same request gets the first answer again
 * (status, body, ETag; `Idempotent-Replayed: true`) if the caller may still make that write;
 * with a different request, 422 IDEMPOTENCY_KEY_REUSED. Every write, keyed or not, fails with
 * an answer that says truly whether anything was changed.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly writes: IdempotentWrites;

  constructor(@Inject(SERVICE_INFRA) infra: ServiceInfra, orgScope: OrgScope) {
    this.writes = new IdempotentWrites(
      new IdempotencyStore(infra.dataSource),
      infra.definition.name,
      orgScope,
    );
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // The same global interceptors wrap the @EventPattern consumers: they never join a request's key.
    if (context.getType() !== 'http') {
      return new Observable((subscriber) => outsideAttempts(() => next.handle().subscribe(subscriber)));
    }
    const req = context
      .switchToHttp()
      .getRequest<PlatformRequest & { body?: unknown; originalUrl?: string }>();
    if (!WRITE_METHODS.has(req.method ?? '')) return next.handle();
    // A dry run (`?dryRun=true`) decides and stores nothing: there is no write to replay.
    if (isDryRun(req.originalUrl ?? req.url ?? '')) return next.handle();
    const header = req.headers['idempotency-key'];
    const key = typeof header === 'string' && header !== '' ? header : undefined;
    if (key !== undefined && key.length > MAX_KEY_LENGTH) {
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
    const request = {
      key,
      method: req.method ?? 'POST',
      path: req.originalUrl ?? req.url ?? '',
      body: req.body,
      status: declared ?? (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK),
      principal: req.principal,
      res: context.switchToHttp().getResponse<ServerResponse>(),
    };
    return from(
      this.writes.run(request, () =>
        lastValueFrom(next.handle() as Observable<unknown>, { defaultValue: undefined }),
      ),
    );
  }
}

/** True for a write whose query asks for a dry run (`dryRun=true`). */
function isDryRun(url: string): boolean {
  const q = url.indexOf('?');
  return q >= 0 && new URLSearchParams(url.slice(q + 1)).get('dryRun') === 'true';
}
