// Fixtures for tests beyond this lib (the embedded platform's, security suites): kept out of the barrel.
export { TRAVERSAL_CORPUS, type TraversalProbe } from './testing/traversal-corpus';
export {
  jsonPrefix,
  openRawConnection,
  requestHead,
  sendRaw,
  type EarlyAnswer,
  type RawAnswer,
  type RawConnection,
} from './testing/raw-request';
