// Fixtures for tests and benchmarks beyond this lib: kept out of the service's barrel.
export { seedOpenCases, type SeedOpenCases } from './testing/seed-open-cases';
