// @union/kernel/browser: the part of the kernel a browser may load (no node: modules), for the
// console (apps/console), so an identity number is checked there by the same code as in the
// services. Keep every export here free of Node built-ins.
export {
  type IdNumber,
  type IdNumberValidation,
  type IdNumberProblem,
  type IdNumberOptions,
  validateIdNumber,
  birthDateOf,
  checkCharOf,
} from './identity/id-number';
export { type IsoDate, isIsoDate } from './dates/iso-date';
export { type Consent, CONSENT_DOCUMENT_REF_MAX_LENGTH } from './consent/consent';
export { type ErrorCode, ERROR_CODES } from './errors/error-code';
export { maskName } from './identity/mask-name';
export { PURPOSE_MIN_LENGTH, PURPOSE_MAX_LENGTH } from './identity/purpose';
