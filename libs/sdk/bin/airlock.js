#!/usr/bin/env node
// The `airlock` command. npm links a workspace's bins when it installs, before anything is built,
// and leaves out a bin whose file does not exist yet: so the bin is this committed file.
// - In the package `npm pack` makes (libs/sdk/scripts/bundle-cli.mjs), the CLI is one bundled file,
//   dist/airlock.cjs, and there are no sources to build.
// - In the repository, it runs the tsc output (dist/cli.js), building it first (tsc -b libs/sdk) when
//   it is missing or older than the sources of the SDK and the libraries it uses.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const pkg = path.resolve(__dirname, '..');

function newest(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(target)) max = Math.max(max, newest(path.join(target, entry)));
  return max;
}

if (!fs.existsSync(path.join(pkg, 'src'))) {
  require(path.join(pkg, 'dist', 'airlock.cjs'));
} else {
  const cli = path.join(pkg, 'dist', 'cli.js');
  const libs = path.dirname(pkg);
  const sources = Math.max(...['sdk', 'decision-core', 'policy-engine', 'detectors', 'contracts'].map((l) => newest(path.join(libs, l, 'src'))));
  if (newest(cli) < sources) {
    const tsc = require.resolve('typescript/bin/tsc', { paths: [pkg] });
    const built = spawnSync(process.execPath, [tsc, '-b', pkg], { stdio: ['ignore', 2, 2] });
    if (built.status !== 0) {
      process.stderr.write(`airlock: building the CLI (tsc -b ${path.relative(process.cwd(), pkg) || '.'}) failed\n`);
      process.exit(1);
    }
    // tsc -b leaves an output alone when its content would not change: mark it current.
    const now = new Date();
    fs.utimesSync(cli, now, now);
  }
  require(cli);
}
