#!/usr/bin/env node
// Bundles the CLI and everything it imports (the workspace libraries, zod, @noble/hashes, re2js, libphonenumber-js,
// stdnum, ipaddr.js) into dist/airlock.cjs with esbuild, so that the package `npm pack` makes is a working
// `airlock` command on its own: `npm install -g airlock-sdk-0.1.0.tgz`. Runs on prepack.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  entryPoints: [path.join(pkg, 'src', 'cli.ts')],
  outfile: path.join(pkg, 'dist', 'airlock.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The workspace libraries from their sources, not from a dist that may be stale.
  alias: Object.fromEntries(['decision-core', 'policy-engine', 'detectors', 'contracts'].map((l) => [`@airlock/${l}`, path.join(pkg, '..', l, 'src', 'index.ts')])),
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`libs/sdk/dist/airlock.cjs: ${(bytes / 1024).toFixed(0)} KiB`);
