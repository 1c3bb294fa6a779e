import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A fresh database per test file, cloned from the template that global-setup migrated
 * (CREATE DATABASE ... TEMPLATE: a few milliseconds, no migrations per file).
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.AIRLOCK_TEST_ADMIN_URL;
  const template = process.env.AIRLOCK_TEST_TEMPLATE_DB;
  if (!adminUrl || !template) throw new Error('Integration tests run through jest --selectProjects integration (global-setup starts PostgreSQL)');
  const name = `${template.replace('_template_', '_')}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** One query on its own connection (the fault tests read a database whose server they restart). */
export async function queryOnce<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    return (await pg.query(sql, params)).rows as T[];
  } finally {
    await pg.end();
  }
}
