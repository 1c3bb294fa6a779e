// Applies and creates Prisma migrations with Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) over the `pg` driver adapter. The Prisma CLI would download a native
// engine at run time, which fails offline and in air-gapped installs (docs/adr/0002-migrations-offline.md).
// The engine writes the standard `_prisma_migrations` table, so `prisma migrate deploy` stays compatible.
//
// Used by the API at boot, by `npm run db:migrate`, `npm run db:migration:new` and the test setup.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const PRISMA_DIR = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
const NO_FILTERS = { externalTables: [], externalEnums: [] };

let wasmModule;
async function loadEngineModule() {
  if (wasmModule) return wasmModule;
  // The engine reports Rust panics through this global; keep the message for the thrown error.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    set_message(m) {
      this.message = `schema engine panic: ${m}`;
    },
  };
  // The package is built for bundlers (it `import`s the .wasm file); instantiate it by hand.
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = await import(bgPath);
  const wasmPath = path.join(path.dirname(bgPath), 'schema_engine_bg.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    './schema_engine_bg.js': bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmModule = bg;
  return bg;
}

/**
 * The engine describes a database with catalog queries that return PostgreSQL's one-byte `"char"`
 * type (pg_class.relkind, pg_constraint.contype ...). @prisma/adapter-pg 7.10 has no mapping for it
 * and fails ("Column type 'char' could not be deserialized"); report those columns as the driver
 * adapter protocol's Character type, which is what the engine reads them as.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
function mapCharColumns(queryable) {
  const { ColumnTypeEnum } = require('@prisma/driver-adapter-utils');
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  const charColumns = new WeakMap();
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = [];
    result.fields?.forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length) charColumns.set(query, indexes);
    return result;
  };
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
}

/**
 * A pg driver adapter factory for the schema engine, with three fixes over @prisma/adapter-pg 7.10:
 * - scripts are sent whole, not split on every ";" (which breaks PL/pgSQL bodies): PostgreSQL runs a
 *   multi-statement simple query in one implicit transaction, so a migration applies entirely or not;
 * - `"char"` columns are typed (mapCharColumns);
 * - the shadow database is dropped after its pool is closed (the adapter drops it first, which
 *   fails while its own connection is open).
 */
function migrationAdapterFactory(config, opened) {
  const { PrismaPg } = require('@prisma/adapter-pg');
  const patch = (adapter) => {
    opened.push(adapter);
    mapCharColumns(adapter);
    adapter.executeScript = async (script) => {
      try {
        await adapter.client.query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    return adapter;
  };
  const factory = new PrismaPg(config);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => {
    const main = await factory.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.client.query(`CREATE DATABASE "${database}"`);
    const shadow = patch(await new PrismaPg({ ...config, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  };
  return factory;
}

async function withEngine(url, schemaText, fn) {
  const { SchemaEngine } = await loadEngineModule();
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
  // Explicit fields, not `connectionString`: the adapter's shadow database is `{ ...config, database }`,
  // and pg lets a connection string override that `database`.
  const { parse } = require(require.resolve('pg-connection-string', { paths: [require.resolve('pg')] }));
  const { database, user, password, host, port, ssl } = parse(url);
  const config = { database, user, password, host, port: port ? Number(port) : undefined, ssl };
  const opened = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(migrationAdapterFactory(config, opened));
  const datamodels = schemaText ? [['schema.prisma', schemaText]] : undefined;
  let engine;
  try {
    engine = await SchemaEngine.new({ datamodels }, (l) => { if (process.env.AIRLOCK_MIGRATE_DEBUG) console.error(l); }, adapter);
    return await fn(engine);
  } finally {
    engine?.free();
    // The engine does not close the connections it opened: leave no session behind (a template
    // database with a session open cannot be cloned, and a server cannot stop cleanly).
    for (const a of opened.reverse()) await a.dispose().catch(() => undefined);
  }
}

/** The migration directories as the engine expects them, read from disk. */
export function readMigrationsList(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const directories = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok', value: readFileSync(file, 'utf8') }
            : { tag: 'error', value: `missing ${file}` },
        },
      };
    }),
  };
}

/** The advisory lock Prisma's schema engine holds while it migrates a PostgreSQL database. */
const PRISMA_MIGRATE_LOCK = 72707369;

/**
 * SQLSTATEs that say a migration's SQL has already been applied: what it creates is there
 * (duplicate table or index, column, object, schema, function). Not "undefined" errors nor unique
 * violations: a migration with a bug, or a unique index over duplicate rows, fails with those too.
 */
const ALREADY_THERE = new Set(['42P07', '42701', '42710', '42P06', '42723']);

/** Statements that end or split a transaction: in a migration, they would commit a trial run. */
const TRANSACTION_STATEMENT = /^(?:BEGIN|COMMIT|END|ABORT|ROLLBACK|START|SAVEPOINT|RELEASE|PREPARE)\b/i;

/**
 * Whether `sql` has a statement of its own that ends or splits a transaction. Comments, quoted
 * strings, quoted names and dollar-quoted bodies (PL/pgSQL's BEGIN ... END) are left out first.
 */
export function hasTransactionControl(sql) {
  const bare = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|(\$[A-Za-z_0-9]*\$)[\s\S]*?\1/g, ' ');
  return bare.split(';').some((statement) => TRANSACTION_STATEMENT.test(statement.trim()));
}

/**
 * A migration whose process was stopped while applying it (Ctrl-C during a first start, a pod
 * evicted) stays in `_prisma_migrations` as started and never finished, and the engine then refuses
 * every later start (P3009) until someone runs `prisma migrate resolve`. Each migration is one
 * multi-statement query, which PostgreSQL runs as one implicit transaction (migrationAdapterFactory),
 * so such a migration either left nothing behind (stopped while it ran) or was wholly committed
 * (stopped after that transaction and before the engine recorded it as finished: a stop that closes
 * the connections, or stops PostgreSQL, in between). Its SQL is run again here in one transaction
 * with its record: if it applies, nothing of it had been kept, and it is committed now with the row
 * marked finished (`applied`); if it fails on its first statement because what that creates is
 * already there (ALREADY_THERE), it had been committed, and the row is marked finished (`recorded`).
 * Anything else is left to the engine's refusal, unchanged: another failure, a row with an error
 * logged (a migration that failed on its own SQL), a file missing or changed since (checksum), SQL
 * with its own transaction control (hasTransactionControl). Only while no other process migrates
 * (the engine's own advisory lock, tried without waiting).
 */
export async function releaseInterruptedMigrations(url, { dir = MIGRATIONS_DIR } = {}) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  const out = { applied: [], recorded: [] };
  await client.connect();
  try {
    const { rows: table } = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!table[0].present) return out;
    const { rows: lock } = await client.query('SELECT pg_try_advisory_lock($1) AS got', [PRISMA_MIGRATE_LOCK]);
    if (!lock[0].got) return out;
    try {
      const { rows } = await client.query('SELECT id, checksum, migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL AND logs IS NULL ORDER BY started_at');
      for (const { id, checksum, migration_name: name } of rows) {
        const file = path.join(dir, name, 'migration.sql');
        if (!existsSync(file)) continue;
        const bytes = readFileSync(file);
        if (createHash('sha256').update(bytes).digest('hex') !== checksum) continue;
        const sql = bytes.toString('utf8');
        if (hasTransactionControl(sql)) continue;
        const finish = 'UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE id = $1';
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query(finish, [id]);
          await client.query('COMMIT');
          out.applied.push(name);
          continue;
        } catch (err) {
          await client.query('ROLLBACK');
          if (!ALREADY_THERE.has(err.code) || !(await failsFirst(client, sql, err.code))) continue;
        }
        await client.query(finish, [id]);
        out.recorded.push(name);
      }
      return out;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
    }
  } finally {
    await client.end();
  }
}

/**
 * Whether the first statement of `sql` alone fails with `code` (in a transaction rolled back): the
 * proof that what the migration begins with is there, rather than something it made itself later on.
 */
async function failsFirst(client, sql, code) {
  const first = firstStatement(sql);
  if (!first) return false;
  await client.query('BEGIN');
  try {
    await client.query(first);
    return false;
  } catch (err) {
    return err.code === code;
  } finally {
    await client.query('ROLLBACK');
  }
}

/** The first statement of a migration (comments and quoted text skipped when looking for its end). */
function firstStatement(sql) {
  const token = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|(\$[A-Za-z_0-9]*\$)[\s\S]*?\1|;/g;
  for (let m; (m = token.exec(sql)); ) if (m[0] === ';') return sql.slice(0, m.index + 1);
  return sql.trim() ? sql : '';
}

/**
 * Applies every migration not yet applied, after settling those a stopped process left half-way
 * (releaseInterruptedMigrations). Safe to run concurrently from several instances: the engine takes
 * a Postgres advisory lock. Returns the names it applied.
 */
export async function applyMigrations(url, { dir = MIGRATIONS_DIR } = {}) {
  const { applied, recorded } = await releaseInterruptedMigrations(url, { dir });
  if (applied.length) console.error(`Migration(s) ${applied.join(', ')} had been interrupted before they were committed (nothing of them was kept); applied again`);
  if (recorded.length) console.error(`Migration(s) ${recorded.join(', ')} had been committed but not recorded as finished when their process stopped; recorded now`);
  return withEngine(url, undefined, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(dir), filters: NO_FILTERS });
    return [...applied, ...out.appliedMigrationNames];
  });
}

/**
 * The SQL that takes a database migrated with every existing migration to the current schema.prisma.
 * The engine replays the migrations in a shadow database it creates on the server at `url`.
 * Returns '' when nothing changed.
 */
export async function diffMigrationsToSchema(url, { schemaPath = SCHEMA_PATH, dir = MIGRATIONS_DIR } = {}) {
  const schema = readFileSync(schemaPath, 'utf8');
  return withEngine(url, schema, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...readMigrationsList(dir) },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = (result.stdout ?? '').trim();
    return /^-- This is an empty migration\.?$/.test(sql) ? '' : sql;
  });
}
