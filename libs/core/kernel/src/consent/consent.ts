import { isIsoDate, type IsoDate } from '../dates/iso-date';
import type { FieldError } from '../errors/domain-error';

/**
 * The person's signed authorisation (授权书) to process their personal information (DOMAIN.md §5,
 * "Consent"): the worker's for a hardship case, the parent's for a grant application. The platform
 * keeps the union's reference of the signed paper, not a copy of it.
 */
export interface Consent {
  /** The union's filing reference of the signed document (e.g. `郑工帮授〔2026〕0012号`). */
  readonly documentRef: string;
  /** The day it was signed: not after the day the record is opened. */
  readonly signedOn: IsoDate;
}

/** The longest `documentRef`: a filing reference, not a description. */
export const CONSENT_DOCUMENT_REF_MAX_LENGTH = 64;

/** Something shaped like an 18-character identity number (17 digits and a check character). */
const ID_NUMBER_LIKE = /\d{17}[\dXx]/;

/** How {@link consentProblems} judges a consent. */
export interface ConsentRules {
  /** The day the record is opened (China time): the consent cannot be signed after it. */
  readonly on: IsoDate;
  /** False only for a dry run, which stores nothing and may leave the consent out. */
  readonly required: boolean;
  /**
   * The names of the people the record is about (the worker, the student). A reference is kept in
   * the clear after an erasure (docs/personal-information.md), so it may not carry them.
   */
  readonly names?: readonly string[];
  /** The path of the consent in the request; `consent` by default. */
  readonly field?: string;
}

/**
 * The field problems of a consent, empty when it is fine: present (unless not `required`), a
 * `documentRef` of 1 to {@link CONSENT_DOCUMENT_REF_MAX_LENGTH} characters (blanks trimmed) that
 * holds no identity number and none of the `names`, and a real `signedOn` date not after `on`.
 * The one rule of both programmes; the DTOs check only the shape (string, length, date format).
 */
export function consentProblems(consent: unknown, rules: ConsentRules): FieldError[] {
  const field = rules.field ?? 'consent';
  if (consent === undefined || consent === null) {
    return rules.required
      ? [
          {
            field,
            message: 'The signed authorisation (授权书: consent.documentRef, consent.signedOn) is required.',
          },
        ]
      : [];
  }
  if (typeof consent !== 'object' || Array.isArray(consent)) {
    return [{ field, message: 'consent must be an object { documentRef, signedOn }.' }];
  }
  const { documentRef, signedOn } = consent as Record<string, unknown>;
  return [
    ...documentRefProblems(documentRef, rules, `${field}.documentRef`),
    ...signedOnProblems(signedOn, rules, `${field}.signedOn`),
  ];
}

function documentRefProblems(value: unknown, rules: ConsentRules, field: string): FieldError[] {
  if (typeof value !== 'string' || value.trim() === '') {
    return [{ field, message: 'The reference of the signed authorisation is required.' }];
  }
  const ref = value.trim();
  if (ref.length > CONSENT_DOCUMENT_REF_MAX_LENGTH) {
    return [
      {
        field,
        message: `The reference has ${ref.length} characters; at most ${CONSENT_DOCUMENT_REF_MAX_LENGTH}.`,
      },
    ];
  }
  if (ID_NUMBER_LIKE.test(ref)) {
    return [
      { field, message: 'The reference may not contain an identity number; use the filing reference.' },
    ];
  }
  const named = (rules.names ?? []).map((n) => n.trim()).find((n) => n.length >= 2 && ref.includes(n));
  if (named !== undefined) {
    return [{ field, message: "The reference may not contain the person's name; use the filing reference." }];
  }
  return [];
}

function signedOnProblems(value: unknown, rules: ConsentRules, field: string): FieldError[] {
  if (!isIsoDate(value)) {
    return [{ field, message: `signedOn must be a real date written YYYY-MM-DD; got ${String(value)}.` }];
  }
  if (value > rules.on) {
    return [
      {
        field,
        message: `The authorisation is dated ${value}, after the day of opening (${rules.on}): not in the future.`,
      },
    ];
  }
  return [];
}

/** The consent as a record keeps it: the reference without surrounding blanks. */
export function normaliseConsent(consent: Consent): Consent {
  return { documentRef: consent.documentRef.trim(), signedOn: consent.signedOn };
}
