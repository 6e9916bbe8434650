import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { parsePurpose } from '@union/kernel';

/** A request whose `purpose` was checked by {@link Purpose}. */
interface PurposedRequest {
  readonly query?: Readonly<Record<string, unknown>>;
  statedPurpose?: string;
}

/**
 * The `purpose` of a read that may reveal a full identity number or a diagnosis (API.md,
 * "Personal information"): null when none is given (the read then reveals nothing), the trimmed
 * text when it is 4 to 200 characters, else 400 `VALIDATION_FAILED` on `purpose` before anything
 * is read. A valid purpose is noted on the request: the access log records the read with it,
 * whoever makes it (`AccessLogInterceptor`), once the read succeeded.
 */
export const Purpose = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => {
  const req = ctx.switchToHttp().getRequest<PurposedRequest>();
  const purpose = parsePurpose(req.query?.['purpose']);
  if (purpose !== null) req.statedPurpose = purpose;
  return purpose;
});

/** The purpose {@link Purpose} checked on this request, or null. */
export function statedPurposeOf(req: object): string | null {
  return (req as PurposedRequest).statedPurpose ?? null;
}
