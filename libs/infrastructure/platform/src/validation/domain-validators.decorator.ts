import { ValidateBy, type ValidationOptions } from 'class-validator';
import { BP_ONE, isIsoDate, validateIdNumber } from '@union/kernel';

/** Default upper bound of {@link IsFen}: 10^12 fen (10 billion yuan), far above any real amount. */
export const DEFAULT_MAX_FEN = 1_000_000_000_000;

/**
 * A resident identity number (GB 11643-1999) per the kernel's `validateIdNumber`; the message is
 * the kernel's reason, e.g. "The check character should be 7 but is 3.". Lower-case `x` passes;
 * normalise with `parseIdNumber` before using the value.
 */
export function IsIdNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIdNumber',
      validator: {
        validate: (value: unknown) => validateIdNumber(value).ok,
        defaultMessage: (args) => {
          const result = validateIdNumber(args?.value);
          return result.ok ? 'This is not a valid identity number.' : result.reason;
        },
      },
    },
    options,
  );
}

/** An amount in fen: a safe integer from 0 to `max` (default {@link DEFAULT_MAX_FEN}). */
export function IsFen(bounds: { max?: number } = {}, options?: ValidationOptions): PropertyDecorator {
  const max = bounds.max ?? DEFAULT_MAX_FEN;
  return ValidateBy(
    {
      name: 'isFen',
      constraints: [max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max,
        defaultMessage: () => `$property must be a whole number of fen from 0 to ${max}.`,
      },
    },
    options,
  );
}

/** A ratio in basis points: an integer from 0 to `max` (default 10000 = 100%; raise it for multipliers). */
export function IsBp(bounds: { max?: number } = {}, options?: ValidationOptions): PropertyDecorator {
  const max = bounds.max ?? BP_ONE;
  return ValidateBy(
    {
      name: 'isBp',
      constraints: [max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max,
        defaultMessage: () => `$property must be a whole number of basis points from 0 to ${max}.`,
      },
    },
    options,
  );
}

/** A real calendar date written `YYYY-MM-DD` (no 2023-02-29, no month 13). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: () => '$property must be a real date written YYYY-MM-DD.',
      },
    },
    options,
  );
}
