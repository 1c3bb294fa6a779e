// Builds what is missing or older than its sources: the Prisma client, the API and libs (tsc -b),
// the admin console (vite) and the browser extension (esbuild). Shared by `npm start` and the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './database-url.mjs';

const r = (...p) => path.join(REPO_ROOT, ...p);

/** The newest modification time below `target` (node_modules, dist and dot folders skipped). */
export function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function run(cmd, args, what, say, cwd = REPO_ROOT) {
  const t0 = Date.now();
  say(`${what}…`);
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`${what} failed (exit ${res.status})`);
  say(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Throws when a step fails; `say` reports each step. */
export function ensureBuilt(say = () => {}) {
  const client = r('apps/api/src/generated/prisma/client.ts');
  if (!existsSync(client) || newestMtime(r('prisma/schema.prisma')) > newestMtime(client)) {
    run(process.execPath, [r('scripts/prisma-generate.mjs')], 'Generating the Prisma client', say);
  }
  const apiSources = Math.max(
    newestMtime(r('apps/api/src')),
    newestMtime(r('prisma/schema.prisma')),
    ...['policy-engine', 'detectors', 'contracts', 'decision-core', 'discovery', 'sdk'].map((l) => newestMtime(r('libs', l, 'src'))),
  );
  if (newestMtime(r('apps/api/dist/main.js')) < apiSources) {
    run(process.execPath, [r('node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], 'Building the API', say);
  }
  const uiSources = Math.max(
    newestMtime(r('apps/admin/src')),
    newestMtime(r('apps/admin/index.html')),
    newestMtime(r('apps/admin/vite.config.ts')),
    newestMtime(r('libs/contracts/src')),
  );
  if (existsSync(r('apps/admin/index.html')) && newestMtime(r('apps/admin/dist/index.html')) < uiSources) {
    // vite is a dependency of the admin workspace (npm may not hoist it to the root).
    const viteBin = path.join(path.dirname(createRequire(r('apps/admin/package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
    run(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], 'Building the admin console', say, r('apps/admin'));
  }
  // The browser extension the extension scenarios load unpacked (apps/extension/dist).
  const extensionSources = Math.max(
    newestMtime(r('apps/extension/src')),
    newestMtime(r('apps/extension/static')),
    newestMtime(r('apps/extension/build.mjs')),
    ...['policy-engine', 'detectors', 'contracts', 'decision-core'].map((l) => newestMtime(r('libs', l, 'src'))),
  );
  if (existsSync(r('apps/extension/build.mjs')) && newestMtime(r('apps/extension/dist/manifest.json')) < extensionSources) {
    run(process.execPath, [r('apps/extension/build.mjs')], 'Building the browser extension', say, r('apps/extension'));
  }
}
