/**
 * Four projects: `unit` (specs next to the code, no database), `integration`
 * (test/integration, real PostgreSQL started once in globalSetup), `faults` (test/faults, the
 * same setup; processes killed on purpose, run by `npm run test:faults`) and `stalls` (test/stalls,
 * the same setup; large requests that must not hold the event loop, run by `npm run test:stalls`).
 * Nest 12 ships ESM only, so @swc/jest transforms those packages too (jest on Node 20 cannot require() them).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];
const fs = require('node:fs');
const path = require('node:path');

/**
 * Packages published as ESM only ("type": "module"), found in node_modules at config time: jest on
 * Node 20 cannot require() them, so @swc/jest compiles them to CommonJS like our own code.
 */
function esmOnlyPackages() {
  const root = path.join(__dirname, 'node_modules');
  const found = new Set(['@nestjs']);
  const visit = (dir, name) => {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.type === 'module') found.add(name);
    } catch {
      // not a package
    }
  };
  for (const entry of fs.readdirSync(root)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const sub of fs.readdirSync(path.join(root, entry))) visit(path.join(root, entry, sub), `${entry}/${sub}`);
    } else {
      visit(path.join(root, entry), entry);
    }
  }
  return [...found].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
const esmPackages = esmOnlyPackages();
const shared = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@airlock/(policy-engine|detectors|contracts|decision-core|discovery|sdk|file-text)$': '<rootDir>/libs/$1/src',
    '^@airlock/contracts/(constants|types|rule-conditions|rule-sentence)$': '<rootDir>/libs/contracts/src/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};
module.exports = {
  // Integration specs start the real API on a fresh database; unit specs are far below this.
  testTimeout: 60000,
  // Sixty integration suites each boot the API (Nest, Prisma, the policy cache) in a fresh module
  // registry; run in one process, what each leaves behind adds up until the heap runs out (CI died
  // of it after 18 minutes). A worker process is recycled once it holds more than this between test
  // files; setting it also makes jest use a worker on a two-core host instead of running in band.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/apps/admin/src/**/*.spec.ts', '<rootDir>/apps/extension/src/**/*.spec.ts', '<rootDir>/prisma/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/deploy/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
    },
    {
      // `npm run test:faults`: real processes broken on purpose (PostgreSQL and the API killed,
      // instances behind HAProxy, a slow and a flaky database, a full disk). Same PostgreSQL setup.
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
    },
    {
      // `npm run test:stalls`: requests over large data (tens of thousands of rows, 1 MB texts, big
      // groups) while /healthz is asked every 10 ms: no request may hold the event loop. They time
      // latency, so they run one file at a time, apart from the other suites. Same PostgreSQL setup.
      ...shared,
      displayName: 'stalls',
      testMatch: ['<rootDir>/test/stalls/**/*.stall-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
    },
  ],
};
