import { DomainError, fieldError } from './domain-error';
import { ERROR_CODES, isErrorCode, statusOf } from './error-code';

describe('statusOf', () => {
  it('maps the codes of API.md to their HTTP statuses', () => {
    expect(Object.fromEntries(ERROR_CODES.map((code) => [code, statusOf(code)]))).toEqual({
      VALIDATION_FAILED: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      SAME_ACTOR: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      VERSION_CONFLICT: 409,
      DUPLICATE: 409,
      BUDGET_EXHAUSTED: 409,
      PAYLOAD_TOO_LARGE: 413,
      NOT_ELIGIBLE: 422,
      RULE_VIOLATION: 422,
      PERSON_RESTRICTED: 422,
      IDEMPOTENCY_KEY_REUSED: 422,
      RATE_LIMITED: 429,
      INTERNAL: 500,
      SERVICE_UNAVAILABLE: 503,
      OUTCOME_UNKNOWN: 503,
    });
  });

  it('recognises known codes only', () => {
    expect(isErrorCode('DUPLICATE')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('DomainError', () => {
  it('carries code, message, details and field errors', () => {
    const e = new DomainError('DUPLICATE', 'This person already has an open case.', {
      details: { existingCaseId: 'c-1' },
    });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'DomainError', code: 'DUPLICATE', details: { existingCaseId: 'c-1' } });
    expect(e.errors).toBeUndefined();
    expect(fieldError('household.size', 'must be 1 or more')).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'household.size', message: 'must be 1 or more' }],
    });
  });
});
