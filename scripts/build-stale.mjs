#!/usr/bin/env node
// Builds what is missing or older than its sources (scripts/lib/build.mjs): the Prisma client, the
// API and libraries, the console. `npm run test:integration` runs it first, so that the tests that
// use the built output (the Docker image's layout, the CLI) find it current and never build it
// from several test files at once.
import { ensureBuilt } from './lib/build.mjs';

try {
  ensureBuilt((msg) => process.stdout.write(`[build] ${msg}\n`));
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
