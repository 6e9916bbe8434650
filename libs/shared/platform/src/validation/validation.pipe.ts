import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@union/kernel';
import { ProblemException } from '../problem/problem.exception';

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
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = fieldErrorsOf(errors);
      const detail =
        fieldErrors.length === 1
          ? `${fieldErrors[0].field === '' ? 'The request' : fieldErrors[0].field}: ${fieldErrors[0].message}`
          : `The request has ${fieldErrors.length} problems; see errors.`;
      return new ProblemException('VALIDATION_FAILED', detail, { errors: fieldErrors });
    },
  });
}

function joinPath(parent: string, property: string): string {
  if (property === '' || property === undefined) return parent;
  if (/^\d+$/.test(property) && parent !== '') return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
