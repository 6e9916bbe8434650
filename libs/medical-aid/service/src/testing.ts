// Fixtures for tests beyond this lib (the embedded platform's): kept out of the service's barrel.
export { periodBody } from './testing/period-body.fixture';
