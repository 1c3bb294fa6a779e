import { createHash, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../support/database';

const MIGRATIONS = path.join(__dirname, '../../prisma/migrations');

/**
 * prisma/schema.prisma and prisma/migrations describe the same database: a schema change without
 * its migration (or a hand edit that strays from the schema) fails here, not on a customer's upgrade.
 */
describe('migrations', () => {
  it('take an empty database exactly to schema.prisma', async () => {
    const db = await createTestDatabase();
    try {
      // @ts-expect-error: plain ESM module without types (the scripts use it too)
      const { diffMigrationsToSchema } = await import('../../prisma/migrate.mjs');
      expect(await diffMigrationsToSchema(db.url)).toBe('');
    } finally {
      await db.drop();
    }
  }, 120_000);
});

/**
 * A process killed while it applied a migration (Ctrl-C during a first start) leaves the migration
 * started and never finished; the next start must apply it again, not refuse with P3009.
 */
describe('a migration interrupted half-way', () => {
  const NAME = '99999999999999_interrupted_test';
  let db: { url: string; drop(): Promise<void> };
  let dir: string;
  let client: Client;

  beforeEach(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-interrupted-'));
    cpSync(MIGRATIONS, dir, { recursive: true });
    mkdirSync(path.join(dir, NAME));
    writeFileSync(path.join(dir, NAME, 'migration.sql'), 'CREATE TABLE "InterruptTest" (id integer PRIMARY KEY);\n');
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  // As the engine leaves it: the row of a migration started and never finished, its checksum the file's.
  const startedNeverFinished = (logs: string | null, checksum = createHash('sha256').update(readFileSync(path.join(dir, NAME, 'migration.sql'))).digest('hex')) =>
    client.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 0)`, [randomUUID(), checksum, NAME, logs]);
  const history = async () => (await client.query(`SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations WHERE migration_name = $1 ORDER BY started_at`, [NAME])).rows;
  const present = async () => (await client.query(`SELECT to_regclass('"InterruptTest"') IS NOT NULL AS present`)).rows[0].present as boolean;
  const NOTHING = { applied: [], recorded: [] };

  it('is applied on the next start, with its record in the same transaction, when nothing of it was kept (stopped inside its transaction)', async () => {
    await startedNeverFinished(null);
    // @ts-expect-error: plain ESM module without types (the scripts use it too)
    const { applyMigrations } = await import('../../prisma/migrate.mjs');
    expect(await applyMigrations(db.url, { dir })).toEqual([NAME]);
    expect(await present()).toBe(true);
    expect(await history()).toEqual([{ finished: true, rolled_back: false }]);
    expect(await applyMigrations(db.url, { dir })).toEqual([]);
  }, 120_000);

  it('is left alone while another process migrates, and when it failed on its own SQL', async () => {
    await startedNeverFinished(null);
    // @ts-expect-error: plain ESM module without types (the scripts use it too)
    const { releaseInterruptedMigrations } = await import('../../prisma/migrate.mjs');
    const other = new Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock(72707369)');
      expect(await releaseInterruptedMigrations(db.url, { dir })).toEqual(NOTHING);
    } finally {
      await other.end();
    }
    await client.query(`UPDATE _prisma_migrations SET logs = 'ERROR: syntax error' WHERE migration_name = $1`, [NAME]);
    expect(await releaseInterruptedMigrations(db.url, { dir })).toEqual(NOTHING);
  }, 120_000);

  it('is recorded as finished when its transaction was committed before the stop (what it makes is there)', async () => {
    // The engine runs the SQL in one transaction and records the migration as finished afterwards:
    // a stop between the two (the launcher closing connections, PostgreSQL stopped) leaves this.
    await client.query('CREATE TABLE "InterruptTest" (id integer PRIMARY KEY)');
    await startedNeverFinished(null);
    // @ts-expect-error: plain ESM module without types (the scripts use it too)
    const { applyMigrations } = await import('../../prisma/migrate.mjs');
    expect(await applyMigrations(db.url, { dir })).toEqual([]);
    const { rows: history } = await client.query(`SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count FROM _prisma_migrations WHERE migration_name = $1`, [NAME]);
    expect(history).toEqual([{ finished: true, rolled_back: false, applied_steps_count: 1 }]);
    // and the next start has nothing to do
    expect(await applyMigrations(db.url, { dir })).toEqual([]);
  }, 120_000);

  it('is left to the engine, unchanged, when its SQL fails for another reason, when the file changed since, or when what it makes first is not what fails', async () => {
    // @ts-expect-error: plain ESM module without types (the scripts use it too)
    const { releaseInterruptedMigrations } = await import('../../prisma/migrate.mjs');
    const open = [{ finished: false, rolled_back: false }];
    // Another failure: nothing of the trial run is kept.
    writeFileSync(path.join(dir, NAME, 'migration.sql'), 'CREATE TABLE "InterruptTest" (id integer PRIMARY KEY);\nSELECT 1/0;\n');
    await startedNeverFinished(null);
    expect(await releaseInterruptedMigrations(db.url, { dir })).toEqual(NOTHING);
    expect(await present()).toBe(false);
    expect(await history()).toEqual(open);
    // The file is not the one that was started (its checksum differs).
    await client.query('DELETE FROM _prisma_migrations WHERE migration_name = $1', [NAME]);
    await startedNeverFinished(null, 'f'.repeat(64));
    writeFileSync(path.join(dir, NAME, 'migration.sql'), 'CREATE TABLE "InterruptTest" (id integer PRIMARY KEY);\n');
    expect(await releaseInterruptedMigrations(db.url, { dir })).toEqual(NOTHING);
    expect(await present()).toBe(false);
    // A unique index over duplicate rows fails with a unique violation, and a later statement that
    // collides with something else is no proof that the migration had been committed.
    await client.query('DELETE FROM _prisma_migrations WHERE migration_name = $1', [NAME]);
    await client.query('CREATE TABLE "Dup" (v integer); INSERT INTO "Dup" VALUES (1), (1); CREATE TABLE "Taken" (id integer)');
    writeFileSync(path.join(dir, NAME, 'migration.sql'), 'CREATE UNIQUE INDEX "Dup_v_key" ON "Dup"(v);\n');
    await startedNeverFinished(null);
    expect(await releaseInterruptedMigrations(db.url, { dir })).toEqual(NOTHING);
    await client.query('DELETE FROM _prisma_migrations WHERE migration_name = $1', [NAME]);
    writeFileSync(path.join(dir, NAME, 'migration.sql'), 'CREATE TABLE "InterruptTest" (id integer PRIMARY KEY);\nCREATE TABLE "Taken" (id integer);\n');
    await startedNeverFinished(null);
    expect(await releaseInterruptedMigrations(db.url, { dir })).toEqual(NOTHING);
    expect(await present()).toBe(false);
    expect(await history()).toEqual(open);
  }, 120_000);

  it('never runs a migration with its own transaction control as a trial (it would commit it)', async () => {
    writeFileSync(path.join(dir, NAME, 'migration.sql'), 'CREATE TABLE "InterruptTest" (id integer PRIMARY KEY); COMMIT;\n');
    await startedNeverFinished(null);
    // @ts-expect-error: plain ESM module without types (the scripts use it too)
    const { releaseInterruptedMigrations, hasTransactionControl } = await import('../../prisma/migrate.mjs');
    expect(await releaseInterruptedMigrations(db.url, { dir })).toEqual(NOTHING);
    expect(await present()).toBe(false);
    expect(hasTransactionControl('CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;')).toBe(false);
    expect(hasTransactionControl("SELECT 'COMMIT'; -- BEGIN\n")).toBe(false);
    expect(hasTransactionControl('ALTER TABLE a ADD b int;\n  abort;')).toBe(true);
  }, 120_000);
});
