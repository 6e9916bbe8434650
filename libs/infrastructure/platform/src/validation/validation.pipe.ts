import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@union/kernel';
import { ProblemException } from '../problem/problem.exception';
import { unsafeInputIn } from './unsafe-input';

/**
 * Flattens class-validator's error tree into `{ field, message }` pairs. Nested objects give
 * dotted paths (`household.size`), array elements brackets (`members[2].idNumber`). A property
 * that is not declared on the DTO gives "Unknown field 'x'.".
 */
export function fieldErrorsOf(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([kind, message]): FieldError => {
      if (kind === 'whitelistValidation')
        return { field: path, message: `Unknown field '${error.property}'.` };
      if (kind === 'unknownValue') return { field: path, message: 'This must be a JSON object.' };
      return { field: path, message: sentence(message) };
    });
    return [...own, ...fieldErrorsOf(error.children ?? [], path)];
  });
}

/**
 * The ValidationPipe every service uses: DTOs are transformed (class-transformer) and checked
 * (class-validator); undeclared fields are refused, not silently dropped, because a misspelt
 * optional field would otherwise be ignored without the client knowing (API.md: "Unknown fields
 * are a 400"). Failures are a `VALIDATION_FAILED` problem listing each field.
 */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(fieldErrorsOf(errors)),
  });
}

/**
 * Refuses what no DTO can accept ({@link unsafeInputIn}: text that cannot be stored, prototype
 * keys, absurd nesting) in the body, query and path before the DTO checks, so it is a 400 naming
 * the field rather than a 500 from the database or the stack, whatever a DTO says about the field.
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unsafe = unsafeInputIn(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (unsafe.length > 0) throw validationFailed(unsafe);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

function validationFailed(fieldErrors: FieldError[]): ProblemException {
  const detail =
    fieldErrors.length === 1
      ? `${fieldErrors[0].field === '' ? 'The request' : fieldErrors[0].field}: ${fieldErrors[0].message}`
      : `The request has ${fieldErrors.length} problems; see errors.`;
  return new ProblemException('VALIDATION_FAILED', detail, { errors: fieldErrors });
}

function joinPath(parent: string, property: string): string {
  if (property === '' || property === undefined) return parent;
  if (/^\d+$/.test(property) && parent !== '') return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
