// Where the scripts find their database: DATABASE_URL when set, otherwise the embedded PostgreSQL
// whose data lives under .airlock/ in the checkout (or AIRLOCK_DATA_DIR).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './embedded-db.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = path.resolve(process.env.AIRLOCK_DATA_DIR || path.join(REPO_ROOT, '.airlock'));
export const EMBEDDED_DB_NAME = 'airlock';

/**
 * Starts the embedded database (durable: fsync on) and returns { url, port, stop, exited }; `port`
 * starts it again on the port it had (the API's connection string stays valid).
 */
export async function startEmbeddedDatabase({ log, port } = {}) {
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, 'postgres'), durable: true, log, port });
  try {
    await server.createDatabase(EMBEDDED_DB_NAME);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { url: server.url(EMBEDDED_DB_NAME), stop: () => server.stop(), port: server.port, exited: server.exited };
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
