import { createTestDatabase, queryOnce } from '../support/database';
import { type DecisionAnswer, startMixedLoad } from '../support/mixed-load';
import { type ApiProcess, buildApi, exitOf, spawnReadyApi, waitFor } from '../support/processes';
import { ADMIN_EMAIL, signIn } from '../support/test-app';

/**
 * The API process (node apps/api/dist/main.js, as the Docker image runs it) stopped under a mixed
 * load: SIGTERM (an orchestrator) and SIGINT (Ctrl-C) drain, so every request in flight is
 * answered and every answered decision is logged; kill -9 loses nothing acknowledged as written
 * (incidents, audit events), and of the decision logs only those still in the buffer, which is
 * at most one flush interval's worth.
 */
const FLUSH_MS = 1000;

async function loggedOf(url: string, ids: string[]): Promise<{ found: number; rows: number; missing: Set<string> }> {
  const rows = await queryOnce<{ id: string }>(url, `SELECT id FROM "DecisionLog" WHERE id = ANY($1::uuid[])`, [ids]);
  const found = new Set(rows.map((r) => r.id));
  return { found: found.size, rows: rows.length, missing: new Set(ids.filter((id) => !found.has(id))) };
}

const sentAt = (a: { at: number; ms: number }) => a.at - a.ms;

// One database for the file: the first instance seeds it, the next ones start faster on it.
let db: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  buildApi();
  db = await createTestDatabase();
}, 120_000);
afterAll(async () => db?.drop());

describe.each(['SIGTERM', 'SIGINT'] as const)('the API stopped with %s under load', (signal) => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await spawnReadyApi(db.url, { AIRLOCK_ADMIN_EMAIL: ADMIN_EMAIL, AIRLOCK_DECISION_LOG_FLUSH_MS: String(FLUSH_MS), AIRLOCK_SHUTDOWN_GRACE_SECONDS: '1' });
  }, 120_000);
  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
  });

  it('answers every request in flight, exits 0, and has logged every decision it answered', async () => {
    const session = await signIn(api.url);
    const load = startMixedLoad({ url: api.url, session, decisionConnections: 6, timeoutMs: 10_000 });
    await waitFor('load running', async () => load.decisions.length > 200 && load.zones.length > 3, 30_000);
    const signalledAt = Date.now();
    api.child.kill(signal);
    const code = await exitOf(api.child);
    const exitedAt = Date.now();
    await load.stop();

    const inFlight = [...load.decisions, ...load.zones, ...load.incidents].filter((a) => sentAt(a) < signalledAt && a.at >= signalledAt);
    const sentBefore = [...load.decisions, ...load.zones, ...load.incidents].filter((a) => sentAt(a) < signalledAt);
    const answered = load.decisions.filter((d) => d.status === 200);
    console.log(
      `${signal} under load: exited ${code} after ${exitedAt - signalledAt} ms; ${inFlight.length} requests in flight at the signal, ` +
        `all sent before it: ${sentBefore.filter((a) => a.status !== 200 && a.status !== 201).length} not answered; ${answered.length} decisions answered`,
    );
    expect(code).toBe(0);
    expect(sentBefore.filter((a) => a.status !== 200 && a.status !== 201)).toEqual([]);
    // Through the grace second, new requests are still answered too.
    expect(answered.filter((a) => a.at > signalledAt).length).toBeGreaterThan(0);

    const logged = await loggedOf(db.url, answered.map((d) => d.id!));
    expect({ found: logged.found, rows: logged.rows }).toEqual({ found: answered.length, rows: answered.length });
    const acknowledged = load.incidents.filter((i) => i.status === 201).map((i) => i.id);
    expect(await queryOnce(db.url, `SELECT id FROM "Incident" WHERE id = ANY($1::uuid[])`, [acknowledged])).toHaveLength(acknowledged.length);
    expect(api.output()).not.toMatch(/could not be written before shutdown|Unhandled|uncaught/i);
  }, 120_000);
});

describe('the API killed with kill -9 under load', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await spawnReadyApi(db.url, { AIRLOCK_ADMIN_EMAIL: ADMIN_EMAIL, AIRLOCK_DECISION_LOG_FLUSH_MS: String(FLUSH_MS) });
  }, 120_000);
  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
  });

  it('keeps every acknowledged incident and audit event; loses only decision logs of the last flush interval', async () => {
    const session = await signIn(api.url);
    const load = startMixedLoad({ url: api.url, session, decisionConnections: 6, timeoutMs: 10_000 });
    await waitFor('load running', async () => load.decisions.length > 300 && load.zones.filter((z) => z.status === 201).length > 5, 30_000);
    const killedAt = Date.now();
    api.child.kill('SIGKILL');
    await exitOf(api.child);
    await load.stop();

    // Written and acknowledged: all there, with their audit events.
    const incidents = load.incidents.filter((i) => i.status === 201).map((i) => i.id);
    const zones = load.zones.filter((z) => z.status === 201).map((z) => z.id);
    expect(await queryOnce(db.url, `SELECT id FROM "Incident" WHERE id = ANY($1::uuid[])`, [incidents])).toHaveLength(incidents.length);
    expect(await queryOnce(db.url, `SELECT id FROM "NetworkZone" WHERE id = ANY($1::uuid[])`, [zones])).toHaveLength(zones.length);
    const audited = await queryOnce<{ n: number }>(db.url, `SELECT count(DISTINCT "entityId")::int AS n FROM "AuditEvent" WHERE "entityId" = ANY($1::text[])`, [zones]);
    expect(audited[0]!.n).toBe(zones.length);

    // Decision logs: what was answered but not yet flushed is lost, and only that.
    const answered: DecisionAnswer[] = load.decisions.filter((d) => d.status === 200);
    const logged = await loggedOf(db.url, answered.map((d) => d.id!));
    const lost = answered.filter((d) => logged.missing.has(d.id!));
    const oldestLostMs = lost.length ? killedAt - Math.min(...lost.map((d) => d.at)) : 0;
    const lastSecond = answered.filter((d) => d.at > killedAt - FLUSH_MS).length;
    console.log(
      `kill -9 under load (flush every ${FLUSH_MS} ms): ${answered.length} decisions answered, ${logged.found} logged, ${lost.length} lost ` +
        `(${((lost.length / answered.length) * 100).toFixed(1)}%), the oldest lost answered ${oldestLostMs} ms before the kill; ` +
        `${lastSecond} answered in the last flush interval; ${incidents.length} incidents and ${zones.length} zones acknowledged, all present`,
    );
    expect(logged.rows).toBe(logged.found);
    // Bound: one flush interval plus the time the flush in progress took to write (generous on a
    // loaded two-core host).
    expect(oldestLostMs).toBeLessThan(FLUSH_MS + 1500);
  }, 120_000);
});
