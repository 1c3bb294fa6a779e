import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { byStatus, startMixedLoad, type WriteAnswer } from '../support/mixed-load';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { type ApiProcess, buildApi, exitOf, spawnReadyApi, waitFor } from '../support/processes';
import { ADMIN_EMAIL, signIn } from '../support/test-app';

/**
 * PostgreSQL killed with kill -9 in the middle of a mixed load (decisions, incident reports from
 * the portal, admin edits), then started again on the same data: crash recovery, as after a power
 * cut of the database host. Decisions never fail; every acknowledged write survives; writes during
 * the outage get 503 + Retry-After and leave nothing behind; the decision logs buffered meanwhile
 * are written once, after.
 */
describe('PostgreSQL killed with kill -9 under a mixed load, then restarted', () => {
  let pg: PostgresServer;
  let api: ApiProcess;
  const DB = 'airlock';

  beforeAll(async () => {
    buildApi();
    pg = await startPostgresServer(mkdtempSync(path.join(os.tmpdir(), 'airlock-fault-pg-')));
    await pg.query('postgres', `CREATE DATABASE ${DB}`);
    api = await spawnReadyApi(pg.url(DB), {
      AIRLOCK_MIGRATE: 'true',
      AIRLOCK_ADMIN_EMAIL: ADMIN_EMAIL,
      AIRLOCK_DECISION_LOG_FLUSH_MS: '200',
      DATABASE_POOL_SIZE: '5',
    });
  }, 180_000);

  afterAll(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await exitOf(api.child);
    }
    await pg?.stop({ remove: true });
  });

  it('decisions never fail, acknowledged writes survive, outage writes are 503 and undone, buffered logs land once', async () => {
    const session = await signIn(api.url);
    const load = startMixedLoad({ url: api.url, session, decisionConnections: 4 });
    await waitFor('writes acknowledged before the kill', async () => load.zones.some((z) => z.status === 201) && load.incidents.some((i) => i.status === 201), 20_000);
    await new Promise((r) => setTimeout(r, 1_500));

    const killedAt = Date.now();
    await pg.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 4_000));
    const restartingAt = Date.now();
    await pg.start();
    const backAt = Date.now();
    await waitFor('the API to reach the database again', async () => (await fetch(`${api.url}/readyz/database`)).status === 200, 60_000);
    const reconnectedAt = Date.now();
    // A little more traffic on the recovered database.
    await new Promise((r) => setTimeout(r, 1_500));
    await load.stop();

    const writes: WriteAnswer[] = [...load.zones, ...load.incidents];
    // Sent after the kill and answered before the restart (a write committed just before the kill may be answered just after it).
    const outage = writes.filter((w) => w.at - w.ms > killedAt && w.at < restartingAt);
    console.log(
      `kill -9 of PostgreSQL: decisions ${JSON.stringify(byStatus(load.decisions))}; zones ${JSON.stringify(byStatus(load.zones))}; ` +
        `incidents ${JSON.stringify(byStatus(load.incidents))}; writes sent and answered during the ${restartingAt - killedAt} ms outage: ${JSON.stringify(byStatus(outage))}; ` +
        `restart took ${backAt - restartingAt} ms, the API reconnected ${reconnectedAt - backAt} ms after`,
    );

    // Decisions: answered from memory throughout.
    expect(load.decisions.filter((d) => d.status !== 200)).toEqual([]);
    expect(load.decisions.filter((d) => d.at > killedAt && d.at < restartingAt).length).toBeGreaterThan(20);

    // Writes: acknowledged (201) or refused cleanly (503, Retry-After, "unavailable"), nothing else.
    for (const w of writes.filter((x) => x.status !== 201)) expect({ status: w.status, retryAfter: w.retryAfter, code: w.errorCode }).toEqual({ status: 503, retryAfter: '5', code: 'unavailable' });
    expect(outage.length).toBeGreaterThan(0);
    expect(outage.every((w) => w.status === 503)).toBe(true);
    expect(writes.filter((w) => w.at > reconnectedAt + 200 && w.status !== 201)).toEqual([]);

    // Every acknowledged write is there; no refused one left anything behind.
    const ackZones = load.zones.filter((z) => z.status === 201);
    const ackIncidents = load.incidents.filter((i) => i.status === 201);
    const refusedZones = load.zones.filter((z) => z.status === 503).map((z) => z.key);
    const refusedIncidents = load.incidents.filter((i) => i.status === 503).map((i) => i.key);
    const zonesFound = await pg.query<{ id: string }>(DB, `SELECT id FROM "NetworkZone" WHERE id = ANY($1::uuid[])`, [ackZones.map((z) => z.id)]);
    expect(zonesFound).toHaveLength(ackZones.length);
    const audited = await pg.query<{ n: number }>(DB, `SELECT count(DISTINCT "entityId")::int AS n FROM "AuditEvent" WHERE "entityType" = 'NetworkZone' AND "entityId" = ANY($1::text[])`, [ackZones.map((z) => z.id)]);
    expect(audited[0]!.n).toBe(ackZones.length);
    const incidentsFound = await pg.query<{ id: string }>(DB, `SELECT id FROM "Incident" WHERE id = ANY($1::uuid[])`, [ackIncidents.map((i) => i.id)]);
    expect(incidentsFound).toHaveLength(ackIncidents.length);
    expect(await pg.query(DB, `SELECT name FROM "NetworkZone" WHERE name = ANY($1::text[])`, [refusedZones])).toEqual([]);
    const leftovers = await pg.query(DB, `SELECT id FROM "Incident" WHERE "description" LIKE ANY($1::text[])`, [refusedIncidents.map((m) => `%(${m})`)]);
    expect(leftovers).toEqual([]);
    // Incident numbers are handed out under a row lock in the report's transaction: no gap, no twin.
    const numbers = await pg.query<{ n: number; max: number; distinct: number }>(DB, `SELECT count(*)::int AS n, max(number)::int AS max, count(DISTINCT number)::int AS distinct FROM "Incident"`);
    expect(numbers[0]).toEqual({ n: numbers[0]!.max, max: numbers[0]!.max, distinct: numbers[0]!.max });
    // The audit chain verifies end to end.
    const verified = await session.json<{ ok: boolean; checked: number }>('/api/audit-events/verify');
    expect(verified.ok).toBe(true);

    // Every decision answered is logged once: those buffered during the outage included.
    const ids = load.decisions.map((d) => d.id!);
    const logged = await waitFor(
      'the buffered decision logs',
      async () => {
        const [row] = await pg.query<{ found: number; rows: number }>(DB, `SELECT count(DISTINCT id)::int AS found, count(*)::int AS rows FROM "DecisionLog" WHERE id = ANY($1::uuid[])`, [ids]);
        return row!.found === ids.length ? row : undefined;
      },
      30_000,
    );
    console.log(`decision logs after the restart: ${logged!.rows} rows for ${ids.length} answered decisions`);
    expect(logged).toEqual({ found: ids.length, rows: ids.length });
    expect(api.output()).not.toMatch(/Unhandled|uncaught/i);
  }, 180_000);
});
