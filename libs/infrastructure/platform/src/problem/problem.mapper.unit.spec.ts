import {
  BadRequestException,
  ConflictException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import type { PlatformRequest } from '../http/http-types';
import { toProblem } from './problem.mapper';
import { isDatabaseUnavailable, WriteFailure } from './write-failure';

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
      const p = toProblem(e, req({ method: 'GET' }), 'corr-1');
      expect(p.unexpected).toBe(true);
      expect(p.body).toMatchObject({ code: 'INTERNAL', status: 500, correlationId: 'corr-1' });
      expect(p.body.detail).toContain('report correlation id corr-1');
      expect(JSON.stringify(p.body)).not.toMatch(/does not exist|pool exhausted/);
    }
  });

  describe('a database that is away, and writes whose outcome is not known (issue 14.2)', () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('Connection terminated unexpectedly'), { driverError: {} });

    it('answers a read 503 SERVICE_UNAVAILABLE with Retry-After, never a 500', () => {
      for (const e of [terminated, refused, wrapped, { driverError: { code: '08006' } }]) {
        const p = toProblem(e, req({ method: 'GET' }), 'c1');
        expect(p).toMatchObject({ body: { code: 'SERVICE_UNAVAILABLE', status: 503 }, unexpected: true });
        expect(p.headers).toEqual({ 'Retry-After': '5' });
        expect(p.body.detail).toContain('nothing was changed');
        expect(p.body.detail).not.toMatch(/ECONNREFUSED|administrator/);
      }
    });

    it('never tells a write it changed nothing unless that is known', () => {
      const lost = toProblem(terminated, req(), 'c1').body;
      expect(lost).toMatchObject({ code: 'OUTCOME_UNKNOWN', status: 503 });
      expect(lost.detail).toContain('Look the record up');
      const bug = toProblem(new TypeError('x is undefined'), req(), 'c1').body;
      expect(bug).toMatchObject({ code: 'INTERNAL', status: 500 });
      expect(bug.detail).toContain('it is not known whether');
      expect(bug.detail).not.toContain('nothing was changed');
    });

    it('words a write failure by what the idempotency layer established', () => {
      expect(toProblem(new WriteFailure(refused, 'unchanged', true), req()).body).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        detail: expect.stringContaining('nothing was changed') as unknown,
      });
      expect(toProblem(new WriteFailure(terminated, 'unknown', true), req()).body).toMatchObject({
        code: 'OUTCOME_UNKNOWN',
        detail: expect.stringContaining('Retry with the same Idempotency-Key') as unknown,
      });
      expect(toProblem(new WriteFailure(new Error('bug'), 'unchanged', false), req()).body).toMatchObject({
        code: 'INTERNAL',
        detail: expect.stringContaining('nothing was changed') as unknown,
      });
    });

    it('tells a lost connection from other database errors', () => {
      expect(isDatabaseUnavailable({ code: 'ENOENT', syscall: 'connect' })).toBe(true);
      expect(isDatabaseUnavailable({ code: '57P03' })).toBe(true);
      expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
      expect(isDatabaseUnavailable({ code: 'ENOENT', syscall: 'open' })).toBe(false);
      expect(isDatabaseUnavailable({ code: '23505', message: 'duplicate key' })).toBe(false);
      expect(isDatabaseUnavailable(new Error('relation "events" does not exist'))).toBe(false);
    });
  });
});
