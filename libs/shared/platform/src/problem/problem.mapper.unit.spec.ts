import {
  BadRequestException,
  ConflictException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import type { PlatformRequest } from '../http/http-types';
import { toProblem } from './problem.mapper';

const req = (over: Partial<PlatformRequest> = {}) =>
  ({ method: 'POST', originalUrl: '/cases?x=1', ...over }) as PlatformRequest;

describe('toProblem', () => {
  it('maps Nest HttpExceptions by status, keeping their message as a sentence', () => {
    expect(toProblem(new ConflictException('campaign is closed'), req(), 'c1')).toMatchObject({
      body: { code: 'CONFLICT', status: 409, detail: 'Campaign is closed.' },
      unexpected: false,
    });
    expect(toProblem(new HttpException('teapot', 418), req()).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 418,
    });
  });

  it('tells an unknown route from a NotFoundException thrown by a handler', () => {
    expect(toProblem(new NotFoundException('Cannot POST /cases?x=1'), req()).body.detail).toBe(
      'There is no endpoint POST /cases.',
    );
    expect(toProblem(new NotFoundException('Case c-1 does not exist.'), req()).body.detail).toBe(
      'Case c-1 does not exist.',
    );
  });

  it('recognises the bad-JSON 400 Nest makes before routing', () => {
    const e = new BadRequestException(`Expected property name or '}' in JSON at position 1`);
    expect(toProblem(e, req()).body.detail).toBe('The request body is not valid JSON.');
    expect(toProblem(e, req({ route: { path: '/cases' } })).body.detail).toContain('in JSON at position 1');
  });

  it("maps body-parser's own errors it may show", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      limit: 102400,
      type: 'entity.too.large',
    });
    expect(toProblem(tooLarge, req()).body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
      detail: 'The request body is larger than the limit of 102400 bytes.',
    });
    const charset = Object.assign(new Error('unsupported charset "LATIN-9"'), { status: 415, expose: true });
    expect(toProblem(charset, req()).body).toMatchObject({
      status: 415,
      detail: 'Unsupported charset "LATIN-9".',
    });
  });

  it('hides the cause of unexpected errors and 5xx HttpExceptions', () => {
    for (const e of [
      new Error('relation "events" does not exist'),
      new InternalServerErrorException('pool exhausted'),
      'a string',
      Object.assign(new Error('x'), { status: 400 }),
    ]) {
      const p = toProblem(e, req(), 'corr-1');
      expect(p.unexpected).toBe(true);
      expect(p.body).toMatchObject({ code: 'INTERNAL', status: 500, correlationId: 'corr-1' });
      expect(p.body.detail).toContain('report correlation id corr-1');
      expect(JSON.stringify(p.body)).not.toMatch(/does not exist|pool exhausted/);
    }
  });
});
