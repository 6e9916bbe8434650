import { ERROR_CODES } from '@union/kernel';
import { problemBody, problemTypeOf } from './problem-body';

describe('problemBody', () => {
  it('builds the API.md shape with the status of the code', () => {
    expect(
      problemBody({ code: 'VERSION_CONFLICT', detail: 'The case has changed since version 3.' }),
    ).toEqual({
      type: 'https://errors.union-assistance.local/version-conflict',
      title: 'The record has changed',
      status: 409,
      detail: 'The case has changed since version 3.',
      code: 'VERSION_CONFLICT',
    });
  });

  it('includes field errors only when there are some', () => {
    const errors = [{ field: 'household.size', message: 'size must not be less than 1.' }];
    expect(problemBody({ code: 'VALIDATION_FAILED', detail: 'x', errors }).errors).toEqual(errors);
    expect(problemBody({ code: 'VALIDATION_FAILED', detail: 'x', errors: [] })).not.toHaveProperty('errors');
  });

  it('adds extra members but never lets them replace the standard ones', () => {
    const body = problemBody({
      code: 'DUPLICATE',
      detail: 'This person already has an open case.',
      extra: { existingCaseId: 'c-1', status: 200, code: 'OK', skipped: undefined },
    });
    expect(body).toMatchObject({ status: 409, code: 'DUPLICATE', existingCaseId: 'c-1' });
    expect(body).not.toHaveProperty('skipped');
  });

  it('masks identity numbers in the detail and the field messages, percent-encoded or not', () => {
    const encoded = [...'11010519491231002X'].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    const body = problemBody({
      code: 'NOT_FOUND',
      detail: `There is no endpoint GET /api/v1/people/${encoded}/x.`,
      errors: [{ field: 'idNumber', message: 'The number 11010519491231002X is refused.' }],
    });
    expect(body.detail).toBe('There is no endpoint GET /api/v1/people/110105********002X/x.');
    expect(body.errors).toEqual([
      { field: 'idNumber', message: 'The number 110105********002X is refused.' },
    ]);
  });

  it('allows a status the code table lacks, and a custom title', () => {
    expect(
      problemBody({ code: 'VALIDATION_FAILED', status: 415, title: 'Unsupported Media Type', detail: 'x' }),
    ).toMatchObject({
      status: 415,
      title: 'Unsupported Media Type',
    });
  });

  it('gives every code a distinct lower-case dashed type URI', () => {
    const types = ERROR_CODES.map(problemTypeOf);
    expect(new Set(types).size).toBe(ERROR_CODES.length);
    for (const t of types) expect(t).toMatch(/^https:\/\/errors\.union-assistance\.local\/[a-z]+(-[a-z]+)*$/);
    expect(problemTypeOf('IDEMPOTENCY_KEY_REUSED')).toBe(
      'https://errors.union-assistance.local/idempotency-key-reused',
    );
  });
});
