// The database role the API runs as: it owns nothing, so it cannot switch off the audit log's
// append-only triggers (ALTER TABLE needs the owner), nor TRUNCATE, UPDATE or DELETE audit events.
// Migrations run as the owner (AIRLOCK_MIGRATE_DATABASE_URL). `npm start` sets this up on the embedded
// database; docs/security.md ("Database roles") shows the same SQL for a server.
import { createRequire } from 'node:module';

export const APP_ROLE = 'airlock_app';

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;

/**
 * The statements that give `role` what the API needs in the connected database, as the role that
 * owns its objects (`owner`, the one that runs the migrations): DML on tables, sequences, EXECUTE on
 * functions, now and for what later migrations create; then no UPDATE, DELETE or TRUNCATE on
 * "AuditEvent" and no writes to the migrations table. Idempotent.
 */
export function appPrivilegesSql({ role, owner, database, auditTableExists, migrationsTableExists }) {
  const r = quoteIdent(role);
  const o = quoteIdent(owner);
  return [
    `GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${r}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${r}`,
    ...(auditTableExists ? [`REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM ${r}`] : []),
    ...(migrationsTableExists ? [`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM ${r}`] : []),
  ];
}

/**
 * Creates (or updates the password and attributes of) the login role `role` and grants it the
 * API's privileges in the database `adminUrl` points at, connected as that database's owner.
 * The role has no superuser, CREATEDB, CREATEROLE, replication or RLS bypass.
 */
export async function ensureAppRole(adminUrl, { role = APP_ROLE, password }) {
  const require = createRequire(import.meta.url);
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${client.escapeLiteral(password)}`;
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    await client.query(`${rowCount ? 'ALTER' : 'CREATE'} ROLE ${quoteIdent(role)} WITH ${attributes}`);
    const { rows } = await client.query(
      `SELECT current_user AS owner, current_database() AS database,
              to_regclass('public."AuditEvent"') IS NOT NULL AS audit,
              to_regclass('public."_prisma_migrations"') IS NOT NULL AS migrations`,
    );
    const { owner, database, audit, migrations } = rows[0];
    for (const sql of appPrivilegesSql({ role, owner, database, auditTableExists: audit, migrationsTableExists: migrations })) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `url` with another user and password (same host, port, database and parameters). */
export function urlAs(url, user, password) {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}
