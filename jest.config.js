const { availableParallelism } = require('node:os');

/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  // NestJS 12 and a few of its dependencies are ESM-only: let swc compile them
  // (file-type, which sniffs uploads, and its own ESM dependencies too).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uid|cookie|content-disposition|oauth4webapi|jose|@apidevtools/json-schema-ref-parser|file-type|strtok3|token-types|@tokenizer/inflate|uint8array-extras|@borewit/text-codec)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // src/metadata.ts imports siblings as `./x.js`, as Node needs in the build.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

module.exports = {
  // Global, not per project: booting a fresh embedded database takes seconds.
  testTimeout: 30000,
  // Jest's default on two cores is one worker, so suites ran one after another while
  // most of their time is spent waiting on the database or the browser: two workers
  // take the Postgres run from about 2 minutes to 1.2 on this two-core machine.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // TESSERA_BROWSER_SUITES=elsewhere: a run whose browser suites another run covers
      // (CI's Postgres and Node 24 runs: the embedded run on Node 20 has them).
      testPathIgnorePatterns:
        process.env.TESSERA_BROWSER_SUITES === 'elsewhere' ? ['-browser\\.e2e-spec\\.ts$'] : [],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFiles: ['<rootDir>/test/helpers/env.ts'],
    },
    {
      // OpenAPI-driven fuzzing (npm run test:fuzz): minutes, so not part of `npm test`.
      ...shared,
      displayName: 'fuzz',
      testMatch: ['<rootDir>/test/fuzz/**/*.fuzz-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFiles: ['<rootDir>/test/helpers/env.ts'],
    },
    {
      // Fault injection against the built server as child processes (npm run test:faults):
      // a Postgres outage, two instances on one database, SIGTERM under load.
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
    },
  ],
};
