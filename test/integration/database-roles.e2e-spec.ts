/**
 * The API as a role that owns nothing, as `npm start` sets it up on the embedded database
 * (scripts/lib/app-role.mjs): migrations run as the owner (AIRLOCK_MIGRATE_DATABASE_URL), the API
 * connects as the application role. The product starts on an empty database, migrates, decides and
 * writes audit events; the application's credentials cannot switch off the audit log's triggers nor
 * truncate, update or delete audit events.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureAppRole, urlAs } from '../../scripts/lib/app-role.mjs';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the API runs as a role without ownership (npm start’s embedded setup)', () => {
  const suffix = randomBytes(4).toString('hex');
  const role = `airlock_app_${suffix}`;
  const database = `airlock_roles_${suffix}`;
  const password = randomBytes(18).toString('base64url');
  const adminUrl = process.env.AIRLOCK_TEST_ADMIN_URL!;
  let ownerUrl: string;
  let appUrl: string;
  let t: TestApp | undefined;

  const asAdmin = async <T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  const asApp = <T>(fn: (c: Client) => Promise<T>) => asAdmin(appUrl, fn);
  const refusal = (c: Client, sql: string) =>
    c.query(sql).then(
      () => 'allowed',
      (e: Error) => e.message,
    );
  const start = () =>
    startTestApp(
      { AIRLOCK_MIGRATE: 'true', AIRLOCK_MIGRATE_DATABASE_URL: ownerUrl },
      { database: { url: appUrl, drop: async () => undefined } },
    );

  beforeAll(async () => {
    await asAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${database}"`));
    const u = new URL(adminUrl);
    u.pathname = `/${database}`;
    ownerUrl = u.toString();
    appUrl = urlAs(ownerUrl, role, password);
    // First start: the role and its default privileges exist before any table does.
    await ensureAppRole(ownerUrl, { role, password });
    t = await start();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await asAdmin(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS "${role}"`);
    });
  });

  test('the role is no superuser and owns nothing', async () => {
    const attrs = await asApp((c) => c.query(`SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`));
    expect(attrs.rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await asApp((c) => c.query(`SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`));
    expect(owned.rows[0].n).toBe(0);
  });

  test('the product migrated the empty database as the owner, started, decides and writes audit events as the app role', async () => {
    const migrations = await asAdmin(ownerUrl, (c) => c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`));
    expect(migrations.rows[0].n).toBeGreaterThanOrEqual(5);
    const owner = await t!.login();
    await owner.json('/api/groups', { method: 'POST', json: { name: 'finance' } });
    const decision = await t!.decide({ action: 'access', destination: { url: 'https://chat.deepseek.com/a/chat' } });
    expect(decision.status).toBe(200);
    const { decisionId } = (await decision.json()) as { decisionId: string };
    for (let i = 0; i < 50 && !(await t!.prisma.decisionLog.count({ where: { id: decisionId } })); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await t!.prisma.decisionLog.count({ where: { id: decisionId } })).toBe(1);
    expect(await t!.prisma.auditEvent.count({ where: { action: 'group.create' } })).toBe(1);
    const verify = await owner.json('/api/audit-events/verify');
    expect(verify.ok).toBe(true);
  });

  test('the app role cannot switch off the triggers nor truncate, update or delete audit events', async () => {
    await asApp(async (c) => {
      expect(await refusal(c, `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).toMatch(/must be owner of table AuditEvent/);
      expect(await refusal(c, `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update"`)).toMatch(/must be owner/);
      expect(await refusal(c, `DROP TRIGGER "AuditEvent_no_update" ON "AuditEvent"`)).toMatch(/must be owner/);
      expect(await refusal(c, `TRUNCATE "AuditEvent"`)).toMatch(/permission denied for table AuditEvent/);
      expect(await refusal(c, `UPDATE "AuditEvent" SET action = 'forged'`)).toMatch(/permission denied for table AuditEvent/);
      expect(await refusal(c, `DELETE FROM "AuditEvent"`)).toMatch(/permission denied for table AuditEvent/);
      expect(await refusal(c, `SET session_replication_role = replica`)).toMatch(/permission denied/);
      expect(await refusal(c, `CREATE TABLE "Sneaky" (id int)`)).toMatch(/permission denied for schema public/);
      expect(await refusal(c, `DELETE FROM "_prisma_migrations"`)).toMatch(/permission denied/);
    });
    expect(await t!.prisma.auditEvent.count()).toBeGreaterThan(0);
  });

  test('partition maintenance works through the owner’s SECURITY DEFINER function', async () => {
    const created = await asApp((c) => c.query(`SELECT airlock_ensure_decision_partitions('2031-01-01'::date, 2) AS n`));
    expect(created.rows[0].n).toBe(2);
    const owners = await asAdmin(ownerUrl, (c) =>
      c.query(`SELECT relname, pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname IN ('DecisionLog_2031_01', 'DecisionLog_2031_02') ORDER BY relname`),
    );
    expect(owners.rows.map((r: { owner: string }) => r.owner)).toEqual([new URL(adminUrl).username, new URL(adminUrl).username]);
  });

  test('a second start (roles and grants set up again, nothing to migrate) keeps the audit log closed', async () => {
    await t!.close();
    t = undefined;
    await ensureAppRole(ownerUrl, { role, password });
    t = await start();
    await (await t.login()).json('/api/groups', { method: 'POST', json: { name: 'legal' } });
    const privileges = await asApp((c) =>
      c.query(`SELECT has_table_privilege(current_user, '"AuditEvent"', 'UPDATE') AS u, has_table_privilege(current_user, '"AuditEvent"', 'DELETE') AS d,
                      has_table_privilege(current_user, '"AuditEvent"', 'TRUNCATE') AS tr, has_table_privilege(current_user, '"AuditEvent"', 'INSERT') AS i`),
    );
    expect(privileges.rows[0]).toEqual({ u: false, d: false, tr: false, i: true });
  });
});
