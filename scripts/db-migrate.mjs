#!/usr/bin/env node
// Applies pending migrations to DATABASE_URL, or to the embedded database under .airlock/ when
// DATABASE_URL is unset (starting it for the duration). Nothing is downloaded.
import { applyMigrations } from '../prisma/migrate.mjs';
import { withDatabase } from './lib/database-url.mjs';

await withDatabase(async (url, where) => {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}` : `${where} is up to date.`);
});
