// One jest config, three projects chosen by file suffix (ARCHITECTURE.md, "Tests").
// unit: pure code, no IO. int: a service with its real Postgres (PGlite) and the in-process bus.
// e2e: separate processes against real PostgreSQL and real Kafka (npm run test:e2e).
// faults: the fault-injection suite, on its own PostgreSQL cluster and broker (npm run test:faults).
const { paths } = require('./tsconfig.base.json').compilerOptions;
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(__dirname + '/.swcrc', 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, sourceMaps: 'inline', swcrc: false }],
    // The console's components (apps/console): TSX with React's automatic runtime.
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        ...swc,
        jsc: {
          ...swc.jsc,
          parser: { ...swc.jsc.parser, tsx: true },
          transform: { ...swc.jsc.transform, react: { runtime: 'automatic' } },
        },
        sourceMaps: 'inline',
        swcrc: false,
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper,
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/tools'],
};
module.exports = {
  // Per-project testTimeout is ignored by jest; one global value (int and e2e boot real databases).
  testTimeout: 120000,
  // One worker per core (jest's default leaves one core idle): the int specs are CPU-bound in
  // PGlite, and `npm test` is most of CI. The e2e and fault suites run in band regardless.
  maxWorkers: '100%',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['**/*.unit.spec.ts', '**/*.unit.spec.tsx'] },
    { ...base, displayName: 'int', testMatch: ['**/*.int.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'] },
    { ...base, displayName: 'faults', testMatch: ['**/*.faults.spec.ts'] },
  ],
};
