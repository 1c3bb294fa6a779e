import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { BOOTSTRAP_KEY } from '../support/test-app';
import { HAPROXY, type Haproxy, startHaproxy } from '../support/haproxy';
import { buildApi, spawnApi, waitFor } from '../support/processes';

/**
 * Two instances behind Debian's HAProxy (round robin, health checks on /readyz), under load, broken
 * on purpose the way an operator's week breaks them: the database restarts, a flood of anonymous
 * requests arrives through the balancer, an instance is stopped for a deployment. Keyed decisions
 * must not fail, and every answered decision must be in the log.
 */
const DECISION = { action: 'prompt', destination: { url: 'https://chat.deepseek.com/' }, content: { text: 'Draft a reply to the supplier about the delivery dates' } };



(HAPROXY ? describe : describe.skip)('two instances behind HAProxy', () => {
  if (!HAPROXY) console.warn('HAProxy is not installed (apt-get install -y haproxy): skipping');
  let db: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  const instances: ChildProcess[] = [];
  let lb: Haproxy;
  let url: string;

  beforeAll(async () => {
    buildApi();
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port));
    const ports: number[] = [];
    for (let i = 0; i < 2; i++) {
      const api = await spawnApi(proxy.url(db.url), {
        AIRLOCK_LOG_LEVEL: 'error',
        AIRLOCK_TRUST_PROXY: '1',
        AIRLOCK_RATE_LIMIT_PER_IP: '100',
        AIRLOCK_SHUTDOWN_GRACE_SECONDS: '3',
        AIRLOCK_DECISION_LOG_FLUSH_MS: '200',
      });
      instances.push(api.child);
      ports.push(api.port);
      // One at a time: the first applies the first-start seed.
      await waitFor(`instance on ${api.port}`, async () => (await fetch(`${api.url}/readyz`)).status === 200);
    }
    lb = await startHaproxy({ a: ports[0]!, b: ports[1]! });
    url = lb.url;
    await waitFor('both servers up in HAProxy', async () => (await serversUp()) === 2);
  }, 180_000);

  afterAll(async () => {
    lb?.stop();
    for (const i of instances) if (i.exitCode === null) i.kill('SIGKILL');
    await proxy?.close();
    await db?.drop();
  });

  const serversUp = () => lb.serversUp();

  /** Keyed decisions through the balancer until stop(); every answered id and every failure counted. */
  function load(connections = 4) {
    const ids: string[] = [];
    const instancesSeen = new Set<string>();
    let failed = 0;
    let minUp = 2;
    let running = true;
    const loops = Array.from({ length: connections }, async () => {
      while (running) {
        try {
          const res = await fetch(`${url}/v1/decisions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json' },
            body: JSON.stringify(DECISION),
          });
          if (res.status === 200) {
            ids.push(((await res.json()) as { decisionId: string }).decisionId);
            instancesSeen.add(res.headers.get('x-airlock-instance') ?? '');
          } else {
            failed += 1;
            await res.arrayBuffer();
          }
        } catch {
          failed += 1;
        }
      }
    });
    const watch = (async () => {
      while (running) {
        minUp = Math.min(minUp, await serversUp().catch(() => 0));
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    return {
      ids,
      instancesSeen,
      get failed() {
        return failed;
      },
      get minUp() {
        return minUp;
      },
      async stop() {
        running = false;
        await Promise.all([...loops, watch]);
      },
    };
  }

  it('a database restart takes no instance out and fails no decision', async () => {
    const l = load();
    await new Promise((r) => setTimeout(r, 1_000));
    proxy.cut();
    await new Promise((r) => setTimeout(r, 5_000));
    proxy.restore();
    await new Promise((r) => setTimeout(r, 1_000));
    await l.stop();
    console.log(`database outage of 5 s: ${l.ids.length} decisions answered, ${l.failed} failed, fewest servers UP ${l.minUp}`);
    expect(l.failed).toBe(0);
    expect(l.minUp).toBe(2);
    expect(l.instancesSeen.size).toBe(2);
  }, 60_000);

  it('a flood of anonymous requests through the balancer neither fails its checks nor starves keyed clients', async () => {
    const l = load();
    let limited = 0;
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all(Array.from({ length: 25 }, () => fetch(`${url}/api/auth/me`).then((r) => r.status)));
      limited += answers.filter((s) => s === 429).length;
    }
    await new Promise((r) => setTimeout(r, 1_500));
    await l.stop();
    console.log(`flood of 500 anonymous requests: ${limited} got 429; keyed: ${l.ids.length} answered, ${l.failed} failed; fewest servers UP ${l.minUp}`);
    expect(limited).toBeGreaterThan(0);
    expect(l.failed).toBe(0);
    expect(l.minUp).toBe(2);
  }, 60_000);

  it('an instance stopped under load drains: no decision fails and every answered one is logged', async () => {
    const l = load();
    await new Promise((r) => setTimeout(r, 1_000));
    const stopping = instances[0]!;
    const exited = new Promise<number | null>((resolve) => stopping.once('exit', (code) => resolve(code)));
    stopping.kill('SIGTERM');
    expect(await exited).toBe(0);
    await new Promise((r) => setTimeout(r, 1_000));
    await l.stop();
    console.log(`SIGTERM to one of two instances: ${l.ids.length} decisions answered, ${l.failed} failed`);
    expect(l.failed).toBe(0);
    // The other instance writes its buffer within its flush interval.
    await new Promise((r) => setTimeout(r, 1_000));
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const { rows } = await pg.query(`SELECT count(DISTINCT "id")::int AS n FROM "DecisionLog" WHERE "id" = ANY($1::uuid[])`, [l.ids]);
      expect(rows[0].n).toBe(l.ids.length);
    } finally {
      await pg.end();
    }
  }, 60_000);
});
