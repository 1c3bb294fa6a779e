import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * AIRLOCK_DECISION_LOG_RETENTION_DAYS: the partition upkeep (at start and daily) drops each monthly
 * partition of the decision log once its whole month is older than the setting, and the old rows of
 * the default partition; recent months are kept, row for row.
 */
const partitions = async (c: Client) =>
  (
    await c.query<{ relname: string }>(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = '"DecisionLog"'::regclass ORDER BY c.relname`,
    )
  ).rows.map((r) => r.relname);

const monthName = (monthsAgo: number) => {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  return `DecisionLog_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

describe('decision log retention', () => {
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
  });

  it('drops the monthly partitions older than the setting at the upkeep, keeps the recent ones and their rows', async () => {
    const db = await createTestDatabase();
    const c = new Client({ connectionString: db.url });
    await c.connect();
    let organizationId: string;
    try {
      // Two years of monthly partitions, as an old installation has them, one row in each month, and
      // rows in the default partition (a month that had no partition when they arrived).
      await c.query(`SELECT airlock_ensure_decision_partitions((date_trunc('month', now()) - interval '24 months')::date, 24)`);
      const org = await c.query<{ id: string }>(
        `INSERT INTO "Organization" (id, slug, name, "updatedAt") VALUES (gen_random_uuid(), 'retained', 'Retained', now()) RETURNING id`,
      );
      organizationId = org.rows[0]!.id;
      await c.query(
        `INSERT INTO "DecisionLog" (id, "time", "organizationId", "policyVersion", action, effect, "latencyMicros")
         SELECT gen_random_uuid(), date_trunc('month', now()) - make_interval(months => m), $1, 1, 'access', 'allow', 10
         FROM generate_series(0, 24) AS m`,
        [organizationId],
      );
      const defaults = `INSERT INTO airlock_partitions."DecisionLog_default" (id, "time", "organizationId", "policyVersion", action, effect, "latencyMicros")
         VALUES (gen_random_uuid(), $2, $1, 1, 'access', 'allow', 10)`;
      await c.query(defaults, [organizationId, '2019-05-01T00:00:00Z']);
      await c.query(defaults, [organizationId, '2099-05-01T00:00:00Z']);
      expect(await partitions(c)).toContain(monthName(24));
    } finally {
      await c.end();
    }

    // 100 days: the months that ended more than 100 days ago go; this one and the last three stay.
    t = await startTestApp({ AIRLOCK_DECISION_LOG_RETENTION_DAYS: '100' }, { database: db });
    const check = new Client({ connectionString: db.url });
    await check.connect();
    try {
      const left = await partitions(check);
      for (let m = 0; m <= 2; m++) expect(left).toContain(monthName(m));
      for (let m = 5; m <= 24; m++) expect(left).not.toContain(monthName(m));
      expect(left).toContain('DecisionLog_default');
      // Every row still there is at most 100 days plus one month old; none younger than 100 days went.
      const { rows } = await check.query<{ oldest_days: number; recent: string; future: string }>(
        `SELECT extract(day FROM now() - min("time"))::int AS oldest_days,
                count(*) FILTER (WHERE "time" >= now() - interval '100 days') AS recent,
                count(*) FILTER (WHERE "time" > now()) AS future
         FROM "DecisionLog" WHERE "organizationId" = $1`,
        [organizationId],
      );
      expect(rows[0]!.oldest_days).toBeLessThanOrEqual(100 + 31);
      // The months 0..2 are wholly younger than 100 days, so at least their three rows remain.
      expect(Number(rows[0]!.recent)).toBeGreaterThanOrEqual(3);
      expect(Number(rows[0]!.future)).toBe(1);
      const inDefault = await check.query(`SELECT "time" FROM airlock_partitions."DecisionLog_default"`);
      expect(inDefault.rows.map((r) => (r.time as Date).getUTCFullYear())).toEqual([2099]);

      // Another upkeep with nothing older to drop changes nothing.
      const again = await check.query<{ dropped: string[] }>(`SELECT airlock_drop_decision_partitions(now() - interval '100 days') AS dropped`);
      expect(again.rows[0]!.dropped).toEqual([]);
    } finally {
      await check.end();
    }
  }, 120_000);
});
