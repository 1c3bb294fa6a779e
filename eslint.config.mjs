// typescript-eslint with type information on the TypeScript sources (house habits:
// no-floating-promises, switch-exhaustiveness-check, eqeqeq), recommended rules on plain JS.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Outside repositories and src/database: what reaches the database (see the rooms rule below). */
const DATABASE_IMPORTS = [
  {
    group: ['**/database/prisma.service'],
    importNames: ['PrismaService'],
    message: 'Only repositories (*.repository.ts) use PrismaService: move the query into a repository.',
  },
  {
    group: ['**/database/prisma.service'],
    importNames: ['Tx'],
    message: 'Do not thread a transaction client: call Transactions.run(async () => ...) and let the repositories read Transactions.db.',
  },
  { group: ['pg', 'pg-*', '@prisma/*'], message: 'Only repositories and src/database reach the database: move the query into a repository.' },
  { group: ['**/generated/prisma/client'], importNames: ['PrismaClient'], message: 'Only src/database creates a Prisma client.' },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/api/src/generated/**',
      'test/artifacts/**',
      'coverage/**',
      '.airlock/**',
      'test/fixtures/**/*.jsonl',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', globalThis: 'readonly', fetch: 'readonly',
        WebAssembly: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', AbortController: 'readonly', performance: 'readonly',
        require: 'readonly', module: 'writable', __dirname: 'readonly', structuredClone: 'readonly', crypto: 'readonly',
        // Browser tests pass functions to page.evaluate(), which run in the page.
        window: 'readonly', document: 'readonly', navigator: 'readonly', getComputedStyle: 'readonly', location: 'readonly',
      },
    },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Nest resolves constructor parameters through emitted decorator metadata: a type-only import of
    // an injected class would erase it at run time.
    files: ['apps/api/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Rooms in the API (docs/architecture.md): only repositories (`*.repository.ts`) and the database
    // infrastructure (`src/database/`) hold a database client. Services open transactions through
    // `Transactions.run(async () => ...)` and never see a client: repositories read the current
    // transaction from `Transactions.db` (AsyncLocalStorage), so no `tx` is threaded by hand and the
    // type `Tx` is not imported outside them. The one exception is DecisionLogStore, whose own pg pool
    // speaks COPY, which Prisma does not (ignored below).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.repository.ts', 'apps/api/src/database/**', 'apps/api/src/**/*.spec.ts', 'apps/api/src/modules/decisions/decision-log.store.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: DATABASE_IMPORTS }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^\\$(transaction|queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe)$/]',
          message: 'Open transactions with Transactions.run and put raw SQL in a repository.',
        },
        {
          selector: 'CallExpression > MemberExpression.callee > MemberExpression.object > Identifier.object[name=/^(tx|db|prisma)$/]',
          message: 'A query on a database client outside a repository: move it into a repository (*.repository.ts).',
        },
      ],
    },
  },
  {
    // Controllers stay thin: they parse the request, call one service and shape the answer with a
    // serializer (`*.serializers.ts`); neither a repository nor a Prisma type reaches them.
    files: ['apps/api/src/**/*.controller.ts', 'apps/api/src/**/*.controllers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...DATABASE_IMPORTS,
            { group: ['**/*.repository'], message: 'A controller calls its service, not a repository.' },
            { group: ['**/generated/prisma/*'], message: 'Shape rows in a serializer (*.serializers.ts): a controller does not see Prisma types.' },
          ],
        },
      ],
    },
  },
  {
    // Background work has one mechanism (ADR 0015): BackgroundJobs.every(name, ms, job). Ignored
    // below: background-jobs.ts itself, and rate-limiter.ts, whose 100 ms share tick between cluster
    // workers is part of the limiter, which the guards create with `new` outside dependency
    // injection (so there is no SchedulerRegistry to register with; see the comment at the tick).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.spec.ts', 'apps/api/src/common/background-jobs.ts', 'apps/api/src/common/rate-limiter.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'setInterval', message: 'Run periodic work as a named job: BackgroundJobs.every(name, ms, job).' }],
    },
  },
);
