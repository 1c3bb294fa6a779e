import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { toErrorResponse } from '../../apps/api/src/common/error-response';
import { createTestDatabase } from '../support/database';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';
import { buildApi, spawnApi, waitFor } from '../support/processes';

/**
 * The database going away under an API that keeps answering: a restart or failover as the
 * application sees it (every connection cut, new ones refused), and PostgreSQL terminating a
 * connection in the middle of the decision log writer's transaction. Nothing answered may be lost,
 * nothing may crash, and admin writes get a 503 the client can retry.
 */
const DECISION = { action: 'prompt', destination: { url: 'https://chat.deepseek.com/' }, content: { text: 'Summarise the minutes of the planning meeting' } };



async function loggedIds(databaseUrl: string, ids: string[]): Promise<{ found: number; rows: number }> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query(`SELECT count(DISTINCT "id")::int AS found, count(*)::int AS rows FROM "DecisionLog" WHERE "id" = ANY($1::uuid[])`, [ids]);
    return rows[0] as { found: number; rows: number };
  } finally {
    await pg.end();
  }
}

describe('the database restarts under a running instance', () => {
  let db: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port));
    t = await startTestApp({ DATABASE_URL: proxy.url(db.url), AIRLOCK_DECISION_LOG_FLUSH_MS: '100' });
  }, 60_000);

  afterAll(async () => {
    proxy.restore();
    await t?.close();
    await proxy?.close();
    await db?.drop();
  });

  it('keeps deciding from memory, answers admin writes 503 with Retry-After, and writes every buffered log once it is back', async () => {
    const admin = await t.login();
    proxy.cut();
    const ids: string[] = [];
    let failed = 0;
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => t.decide(DECISION)));
      for (const res of answers) {
        if (res.status !== 200) failed += 1;
        else ids.push(((await res.json()) as { decisionId: string }).decisionId);
      }
    }
    expect(failed).toBe(0);
    expect(ids).toHaveLength(200);

    // A load balancer's check stays green: the instance can answer decisions.
    const ready = await t.request('/readyz');
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: { database: unknown } }).checks.database).toMatchObject({ ok: false });
    expect((await t.request('/readyz/database')).status).toBe(503);

    // Writes fail cleanly: 503, Retry-After, the one error envelope, nothing half-done.
    const write = await admin.request('/api/zones', { method: 'POST', json: { name: 'during-outage', cidrs: ['10.77.0.0/16'] } });
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).toBe('5');
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('unavailable');

    proxy.restore();
    await waitFor('the database check', async () => (await t.request('/readyz/database')).status === 200);
    const after = await admin.request('/api/zones', { method: 'POST', json: { name: 'after-outage', cidrs: ['10.78.0.0/16'] } });
    expect(after.status).toBe(201);
    expect(await t.prisma.networkZone.count({ where: { name: 'during-outage' } })).toBe(0);

    // Every decision answered during the outage reaches the log, none twice.
    const logged = await waitFor('the buffered decision logs', async () => {
      const got = await loggedIds(db.url, ids);
      return got.found === ids.length ? got : undefined;
    });
    expect(logged).toEqual({ found: 200, rows: 200 });
  }, 90_000);

  it('rolls back a transaction that runs out of time and answers it 503; the default allows one slower than Prisma\'s 5 s', async () => {
    const exists = async (table: string) => ((await t.prisma.$queryRawUnsafe<{ r: string | null }[]>(`SELECT to_regclass('${table}')::text AS r`))[0]!.r !== null);
    const late = t.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('CREATE TABLE tx_out_of_time (id int)');
        await tx.$queryRawUnsafe('SELECT pg_sleep(0.6)::text');
        await tx.$executeRawUnsafe('INSERT INTO tx_out_of_time VALUES (1)');
      },
      { timeout: 300 },
    );
    // A slow database as the API's defaults see it: 5.5 s of statements in one transaction.
    const slow = t.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('CREATE TABLE tx_slow_but_kept (id int)');
      await tx.$queryRawUnsafe('SELECT pg_sleep(5.5)::text');
    });
    const err = await late.then(() => undefined, (e: unknown) => e);
    const answer = toErrorResponse(err);
    expect({ status: answer.status, code: answer.body.error.code, retryAfter: answer.headers['retry-after'], unexpected: answer.unexpected }).toEqual({ status: 503, code: 'unavailable', retryAfter: '5', unexpected: false });
    expect(await exists('tx_out_of_time')).toBe(false);
    await slow;
    expect(await exists('tx_slow_but_kept')).toBe(true);
  }, 30_000);
});

describe('PostgreSQL ends the log writer\'s connection inside its transaction (API in its own process)', () => {
  let db: { url: string; drop(): Promise<void> };
  let api: ChildProcess;
  let url: string;
  let output: () => string = () => '';

  beforeAll(async () => {
    buildApi();
    db = await createTestDatabase();
    const started = await spawnApi(
      db.url,
      // Flushing often keeps the writer inside a transaction a good part of the time.
      { AIRLOCK_DECISION_LOG_FLUSH_MS: '50', AIRLOCK_SHUTDOWN_GRACE_SECONDS: '1' },
      { capture: true },
    );
    api = started.child;
    url = started.url;
    output = started.output;
    await waitFor('the API to be ready', async () => {
      if (api.exitCode !== null) throw new Error(`the API exited: ${output()}`);
      return (await fetch(`${url}/readyz`)).status === 200;
    }, 60_000).catch((err: Error) => {
      throw new Error(`${err.message} (exit ${api.exitCode}): ${output().slice(-3000)}`);
    });
  }, 120_000);

  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    await db?.drop();
  });

  it('survives it, retries the batch, and on SIGTERM under load logs every decision it answered', async () => {
    const ids: string[] = [];
    let errors = 0;
    let running = true;
    const decide = async () => {
      const res = await fetch(`${url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(DECISION),
      });
      if (res.status === 200) ids.push(((await res.json()) as { decisionId: string }).decisionId);
      else errors += 1;
    };
    const load = Array.from({ length: 6 }, async () => {
      while (running) await decide().catch(() => (errors += 1));
    });

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    let hits = 0;
    try {
      const until = Date.now() + 45_000;
      while (hits < 3 && Date.now() < until) {
        api.kill('SIGSTOP');
        // A statement running when the process stopped completes; the transaction then waits.
        await new Promise((r) => setTimeout(r, 30));
        const { rows } = await pg.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'airlock-decision-log' AND state = 'idle in transaction'`,
        );
        for (const { pid } of rows) await pg.query('SELECT pg_terminate_backend($1)', [pid]);
        if (rows.length) hits += 1;
        api.kill('SIGCONT');
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
      }
      // And a failover's worth: every connection of the API ended at once.
      await pg.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'airlock-%'`);
    } finally {
      api.kill('SIGCONT');
      await pg.end();
    }
    expect(hits).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(api.exitCode).toBeNull();
    const answeredBefore = ids.length;
    expect(answeredBefore).toBeGreaterThan(100);

    // SIGTERM in the middle of the load: readiness fails at once, requests are still answered
    // through the grace second, then the listener closes; every answered decision is logged.
    expect(errors).toBe(0);
    const exited = new Promise<number | null>((resolve) => api.once('exit', (code) => resolve(code)));
    api.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    const duringGrace = ids.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(ids.length).toBeGreaterThan(duringGrace);
    expect(await exited).toBe(0);
    running = false;
    await Promise.all(load);
    expect(output()).not.toMatch(/could not be written before shutdown|Unhandled|uncaught/i);

    const logged = await loggedIds(db.url, ids);
    expect(logged).toEqual({ found: ids.length, rows: ids.length });
  }, 150_000);
});
