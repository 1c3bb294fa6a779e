#!/usr/bin/env node
// Seeds DATABASE_URL, or the embedded database under .airlock/ when it is unset: the organization,
// its first owner, the built-in catalog and the default policy (and, with AIRLOCK_DEMO_DATA=true,
// the demo) — only if the database has no organization yet. Builds the API first if needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, withDatabase } from './lib/database-url.mjs';

if (!existsSync(path.join(REPO_ROOT, 'apps/api/dist/cli.js'))) {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await withDatabase(async (url) => {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'apps/api/dist/cli.js'), 'seed'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, AIRLOCK_EMBEDDED_DB: process.env.DATABASE_URL ? 'false' : 'true', AIRLOCK_LOG_LEVEL: process.env.AIRLOCK_LOG_LEVEL ?? 'warn' },
  });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
});
