// The PostgreSQL server the integration tests use: TEST_DATABASE_URL's server when set (CI runs the
// suite against the machine's PostgreSQL 15), otherwise a throwaway embedded one.
// A template database is migrated once; each test file clones it (test/support/database.ts).
import pg from 'pg';
import { applyMigrations } from '../../prisma/migrate.mjs';
import { startThrowawayPostgres } from '../../scripts/lib/embedded-db.mjs';

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function startTestDatabaseServer() {
  const external = process.env.TEST_DATABASE_URL;
  let server;
  let adminUrl;
  if (external) {
    adminUrl = external;
  } else {
    server = await startThrowawayPostgres();
    adminUrl = server.adminUrl;
  }
  const templateDb = `airlock_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${templateDb}"`);
  } finally {
    await admin.end();
  }
  await applyMigrations(withDatabase(adminUrl, templateDb));
  return {
    adminUrl,
    templateDb,
    async stop() {
      if (server) {
        await server.stop();
        return;
      }
      // On a shared server, remove what this run created.
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        const { rows } = await c.query(
          `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
          [templateDb, `airlock_test_${process.pid}_%`],
        );
        for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
