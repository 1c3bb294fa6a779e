/**
 * Two projects: `unit` (specs next to the code, no database) and `integration`
 * (test/integration, real PostgreSQL started once in globalSetup).
 * Nest 12 ships ESM only, so @swc/jest transforms those packages too (STACK-NOTES pitfall 2).
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
const esmPackages = ['@nestjs', 'uid', '@lukeed', 'file-type', 'strtok3', 'token-types', 'peek-readable', 'openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];
const shared = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@airlock/(policy-engine|detectors|contracts|sdk)$': '<rootDir>/libs/$1/src',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/prisma/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
      testTimeout: 60000,
    },
  ],
};
