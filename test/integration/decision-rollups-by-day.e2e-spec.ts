import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The daily upkeep (at start and once a day) merges the hourly decision rollups of the days before
 * yesterday (UTC) into one row per day: the dashboard's figures are the same before and after,
 * yesterday and today keep their hours, and running it again changes nothing.
 */
const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const at = (daysAgo: number, hour: number) => new Date(today - daysAgo * DAY + hour * 3_600_000).toISOString();

async function rollupRows(c: Client, organizationId: string) {
  const { rows } = await c.query<{ table: string; bucket: Date; n: string }>(
    `SELECT 'decision' AS table, "bucket", sum("count")::text AS n FROM "DecisionRollup" WHERE "organizationId" = $1 GROUP BY 1, 2
     UNION ALL SELECT 'class', "bucket", sum("count")::text FROM "DecisionClassRollup" WHERE "organizationId" = $1 GROUP BY 1, 2
     UNION ALL SELECT 'override', "bucket", sum("warned" + 100 * "overridden")::text FROM "DecisionOverrideRollup" WHERE "organizationId" = $1 GROUP BY 1, 2
     ORDER BY 1, 2`,
    [organizationId],
  );
  return rows.map((r) => `${r.table} ${r.bucket.toISOString()} ${r.n}`);
}

describe('decision rollups merged by day', () => {
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
  });

  it('keeps every count, one row per day for the days before yesterday, hours for yesterday and today', async () => {
    const db = await createTestDatabase();
    // The first instance leaves the database to the second (closing an app drops its database).
    t = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      const organizationId = (await c.query<{ id: string }>(`SELECT id FROM "Organization" LIMIT 1`)).rows[0]!.id;
      // Hours of five days ago, three days ago (its midnight hour too), yesterday and today.
      const hours: [number, number][] = [[5, 1], [5, 23], [3, 0], [3, 7], [3, 13], [3, 23], [1, 4], [1, 18], [0, 0]];
      for (const [daysAgo, hour] of hours) {
        const bucket = at(daysAgo, hour);
        await c.query(
          `INSERT INTO "DecisionRollup" ("organizationId", "bucket", "providerSlug", "action", "effect", "count")
           VALUES ($1, $2, 'chatgpt', 'prompt', 'block', $3), ($1, $2, 'chatgpt', 'prompt', 'allow', 10), ($1, $2, 'deepseek', 'access', 'warn', 2)`,
          [organizationId, bucket, hour + 1],
        );
        await c.query(
          `INSERT INTO "DecisionClassRollup" ("organizationId", "bucket", "dataClass", "effect", "count") VALUES ($1, $2, 'credentials', 'block', $3)`,
          [organizationId, bucket, hour + 1],
        );
        await c.query(
          `INSERT INTO "DecisionOverrideRollup" ("organizationId", "bucket", "providerSlug", "subjectGroup", "warned", "overridden")
           VALUES ($1, $2, 'deepseek', '*', 2, 1), ($1, $2, 'deepseek', 'engineering', 2, 1)`,
          [organizationId, bucket],
        );
      }
      const owner = await t.login();
      const summary = () => owner.json<{ totals: unknown; decisionsByDay: unknown; topProviders: unknown; dataClasses: unknown }>('/api/dashboard?days=7');
      const overrides = () => owner.json<{ totals: unknown; byService: unknown; byGroup: unknown }>('/api/dashboard/overrides?days=7');
      const before = { summary: await summary(), overrides: await overrides() };
      expect(before.summary.totals).toMatchObject({ block: hours.reduce((n, [, h]) => n + h + 1, 0), allow: 10 * hours.length, warn: 2 * hours.length });
      const rowsBefore = await rollupRows(c, organizationId);

      // The upkeep runs at start: a second start of the API on the same database merges.
      await t.close();
      t = await startTestApp({}, { database: db });
      const after = await c.query<{ table: string; bucket: Date; rows: string }>(
        `SELECT 'decision' AS table, "bucket", count(*)::text AS rows FROM "DecisionRollup" WHERE "organizationId" = $1 GROUP BY 1, 2
         UNION ALL SELECT 'class', "bucket", count(*)::text FROM "DecisionClassRollup" WHERE "organizationId" = $1 GROUP BY 1, 2
         UNION ALL SELECT 'override', "bucket", count(*)::text FROM "DecisionOverrideRollup" WHERE "organizationId" = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [organizationId],
      );
      const buckets = (table: string) => after.rows.filter((r) => r.table === table).map((r) => r.bucket.toISOString());
      // Five and three days ago: their midnight only; yesterday and today: every hour as written.
      const expected = [at(5, 0), at(3, 0), at(1, 4), at(1, 18), at(0, 0)];
      for (const table of ['decision', 'class', 'override']) expect([table, buckets(table)]).toEqual([table, expected]);
      // Each day's sums are what its hours held.
      const perDay = (lines: string[]) => {
        const sums = new Map<string, number>();
        for (const line of lines) {
          const [table, bucket, n] = line.split(' ');
          const key = `${table} ${bucket!.slice(0, 10)}`;
          sums.set(key, (sums.get(key) ?? 0) + Number(n));
        }
        return [...sums].sort();
      };
      expect(perDay(await rollupRows(c, organizationId))).toEqual(perDay(rowsBefore));
      // The dashboard says the same.
      const owner2 = await t.login();
      expect(await owner2.json('/api/dashboard?days=7')).toEqual(before.summary);
      expect(await owner2.json('/api/dashboard/overrides?days=7')).toEqual(before.overrides);

      // Again, with nothing to merge: nothing changes. A late decision for an old hour is merged next time.
      const again = await c.query<{ merged: string }>(`SELECT airlock_merge_decision_rollups_by_day(now() - interval '1 day')::text AS merged`);
      expect(again.rows[0]!.merged).toBe('0');
      await c.query(
        `INSERT INTO "DecisionRollup" ("organizationId", "bucket", "providerSlug", "action", "effect", "count") VALUES ($1, $2, 'chatgpt', 'prompt', 'block', 5)`,
        [organizationId, at(3, 9)],
      );
      await c.query(`SELECT airlock_merge_decision_rollups_by_day(now() - interval '1 day')`);
      const day3 = await c.query<{ bucket: Date; count: number }>(
        `SELECT "bucket", "count" FROM "DecisionRollup" WHERE "organizationId" = $1 AND "providerSlug" = 'chatgpt' AND "effect" = 'block' AND "bucket" >= $2 AND "bucket" < $3`,
        [organizationId, at(3, 0), at(2, 0)],
      );
      expect(day3.rows.map((r) => [r.bucket.toISOString(), r.count])).toEqual([[at(3, 0), 1 + 8 + 14 + 24 + 5]]);
    } finally {
      await c.end();
    }
  }, 120_000);
});
