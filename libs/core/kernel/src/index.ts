// Public API of @union/kernel: pure building blocks shared by every context (no Nest, no IO).
export { type ErrorCode, ERROR_CODES, statusOf, isErrorCode } from './errors/error-code';
export { DomainError, fieldError, type DomainErrorOptions, type FieldError } from './errors/domain-error';

export {
  type IdNumber,
  type IdNumberValidation,
  type IdNumberProblem,
  type IdNumberOptions,
  validateIdNumber,
  parseIdNumber,
  birthDateOf,
  checkCharOf,
} from './identity/id-number';
export { maskIdNumber, maskIdNumbersIn, maskIdNumbersInUrl } from './identity/mask-id-number';
export { maskName } from './identity/mask-name';
export { parsePurpose, PURPOSE_MIN_LENGTH, PURPOSE_MAX_LENGTH } from './identity/purpose';
export { personRef } from './identity/person-ref';

export { type Fen, type Bp, BP_ONE, assertFen, applyRatioBp, sumFen } from './money/fen';
export { type Band, type BandPart, type BandsResult, applyBands, validateBands } from './money/bands';

export {
  type IsoDate,
  isIsoDate,
  addMonths,
  addDays,
  daysBetween,
  compareDates,
  daysInMonth,
} from './dates/iso-date';
export { chinaToday } from './dates/china-today';
export { chinaDatePeriod, type InstantRange } from './dates/date-period';
export {
  type Consent,
  type ConsentRules,
  CONSENT_DOCUMENT_REF_MAX_LENGTH,
  consentProblems,
  normaliseConsent,
} from './consent/consent';

export { canonicalJson, canonicalJsonOfParsed } from './json/canonical-json';

export { type Clock, systemClock } from './ports/clock';
export { type IdGenerator, randomUuid } from './ports/id-generator';

export { idNumberWithCheckChar, fixedClock, sequentialIds, type FixedClock } from './testing';

export { type Decider, type DomainEvent, type SnapshotPolicy, type StateCodec } from './decider/decider';
