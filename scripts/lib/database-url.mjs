// Where the scripts find their database: DATABASE_URL when set, otherwise the embedded PostgreSQL
// whose data lives under .airlock/ in the checkout (or AIRLOCK_DATA_DIR).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ROLE, ensureAppRole, urlAs } from './app-role.mjs';
import { startEmbeddedPostgres } from './embedded-db.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = path.resolve(process.env.AIRLOCK_DATA_DIR || path.join(REPO_ROOT, '.airlock'));
export const EMBEDDED_DB_NAME = 'airlock';

/** The application role's password, generated once and kept beside the cluster's own credentials. */
function appRolePassword(dataDir) {
  const file = path.join(dataDir, 'app-role.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).password;
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, JSON.stringify({ role: APP_ROLE, password }), { mode: 0o600 });
  return password;
}

/**
 * Starts the embedded database (durable: fsync on) and returns { url, appUrl, port, stop, exited };
 * `port` starts it again on the port it had (the API's connection string stays valid).
 * `url` is the owner (a superuser: migrations, seeding, maintenance); `appUrl` is the role the API
 * runs as, `airlock_app`, which owns nothing (scripts/lib/app-role.mjs), so the application's own
 * credentials cannot switch off the audit log's append-only triggers.
 */
export async function startEmbeddedDatabase({ log, port } = {}) {
  const dataDir = path.join(DATA_DIR, 'postgres');
  const server = await startEmbeddedPostgres({ dataDir, durable: true, log, port });
  let appUrl;
  try {
    await server.createDatabase(EMBEDDED_DB_NAME);
    const password = appRolePassword(dataDir);
    await ensureAppRole(server.url(EMBEDDED_DB_NAME), { role: APP_ROLE, password });
    appUrl = urlAs(server.url(EMBEDDED_DB_NAME), APP_ROLE, password);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { url: server.url(EMBEDDED_DB_NAME), appUrl, stop: () => server.stop(), port: server.port, exited: server.exited };
}

/** Runs fn(url, description) against DATABASE_URL or a temporarily started embedded database. */
export async function withDatabase(fn) {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL, 'DATABASE_URL');
  const db = await startEmbeddedDatabase();
  try {
    return await fn(db.url, `the embedded database in ${path.relative(process.cwd(), DATA_DIR) || DATA_DIR}`);
  } finally {
    await db.stop();
  }
}
