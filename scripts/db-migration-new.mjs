#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database with every
// existing migration applied to the current prisma/schema.prisma. It applies the migrations to a
// throwaway embedded PostgreSQL and diffs it against the schema, so no server and no download are
// needed. Review the SQL before committing it; add by hand what Prisma cannot express (partitions,
// triggers, CHECK constraints).
//   npm run db:migration:new -- add_incident_labels
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffMigrationsToSchema, MIGRATIONS_DIR } from '../prisma/migrate.mjs';
import { startThrowawayPostgres } from './lib/embedded-db.mjs';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration:new -- <name>   (lower case letters, digits and _)');
  process.exit(2);
}
const server = await startThrowawayPostgres();
try {
  await server.createDatabase('migration_diff');
  const url = server.url('migration_diff');
  const sql = await diffMigrationsToSchema(url);
  if (!sql) {
    console.log('prisma/schema.prisma matches the migrations: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then commit it with the schema.`);
  }
} finally {
  await server.stop();
}
