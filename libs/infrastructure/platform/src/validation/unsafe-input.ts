import type { FieldError } from '@union/kernel';

// NUL cannot be stored in a PostgreSQL text or jsonb value (the insert fails, a 500), and an
// unpaired UTF-16 surrogate is not Unicode at all: jsonb refuses its escape and the driver would
// silently turn it into U+FFFD. Neither is ever meaningful in this domain's text.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_MESSAGE = 'Text must be valid Unicode without NUL characters or unpaired surrogates.';
// JSON.parse keeps these as own keys, but class-transformer assigns them onto the DTO instance, where
// `__proto__` swaps its prototype and hides the field from the unknown-field check. No DTO has them.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// No DTO nests deeper than a few levels; a deeper document would only make class-transformer recurse
// until the stack overflows (a 500).
export const MAX_INPUT_DEPTH = 32;

/**
 * What no DTO can accept, found before the DTO checks run, as `{ field, message }` pairs named like
 * the validation errors (dotted paths, array elements in brackets): text with a NUL character or an
 * unpaired surrogate (in values or keys), prototype keys, and nesting deeper than {@link MAX_INPUT_DEPTH}.
 */
export function unsafeInputIn(value: unknown, path = '', depth = 0): FieldError[] {
  if (typeof value === 'string')
    return UNSTORABLE.test(value) ? [{ field: path, message: UNSTORABLE_MESSAGE }] : [];
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_INPUT_DEPTH)
    return [{ field: path, message: `Nested more than ${MAX_INPUT_DEPTH} levels deep.` }];
  if (Array.isArray(value))
    return value.flatMap((item, i) => unsafeInputIn(item, `${path}[${i}]`, depth + 1));
  return Object.entries(value).flatMap(([key, item]) => {
    const field = path === '' ? key : `${path}.${key}`;
    if (PROTOTYPE_KEYS.has(key)) return [{ field, message: `Unknown field '${key}'.` }];
    const own = UNSTORABLE.test(key) ? [{ field, message: UNSTORABLE_MESSAGE }] : [];
    return [...own, ...unsafeInputIn(item, field, depth + 1)];
  });
}
