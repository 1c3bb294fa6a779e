#!/usr/bin/env node
// `npm test` runs this first (pretest): what the suite needs from the machine is checked in the first
// second, with the command that fixes it, rather than after minutes of lint, unit and integration tests.
import { existsSync } from 'node:fs';

const chromium = process.env.AIRLOCK_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const how = process.env.AIRLOCK_CHROMIUM
    ? `AIRLOCK_CHROMIUM points at ${chromium}, which does not exist.`
    : `The browser tests drive Debian's Chromium at ${chromium} (never a downloaded browser); it is not installed.`;
  console.error(`npm test: ${how}\nInstall it, then run npm test again:\n\n  apt-get update && apt-get install -y chromium\n\n(or set AIRLOCK_CHROMIUM to a Chromium binary). To run the other layers meanwhile: npm run test:unit, npm run test:integration.`);
  process.exit(1);
}
