import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { createTestDatabase } from '../support/database';
import { buildApi, freePort, spawnApi, waitFor, type ApiProcess } from '../support/processes';

/**
 * AIRLOCK_REDIS_URL: two API processes (two hosts, as far as they know) share one per-address limit
 * through Redis, instead of each allowing the full limit; and an instance whose Redis does not answer
 * starts and serves anyway, with limits of its own (ADR 0031). The Redis is Debian's redis-server,
 * started by this test on a loopback port of its own (nothing kept on disk), or the one
 * AIRLOCK_TEST_REDIS_URL names.
 */
let REDIS = process.env.AIRLOCK_TEST_REDIS_URL ?? '';
const LIMIT = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function redisAnswers(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = createConnection({ host: u.hostname, port: Number(u.port || 6379) });
    s.setTimeout(1000, () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(false));
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => (s.end(), resolve(d.toString().startsWith('+PONG'))));
  });
}

describe('rate limits shared across hosts through Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  const children: ChildProcess[] = [];
  let redisServer: ChildProcess | undefined;
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    if (!REDIS) {
      const port = await freePort();
      redisServer = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      REDIS = `redis://127.0.0.1:${port}`;
    }
    await waitFor(`Redis at ${REDIS}`, async () => redisAnswers(REDIS), 15_000);
    buildApi();
    db = await createTestDatabase();
    const env = { AIRLOCK_REDIS_URL: REDIS, AIRLOCK_RATE_LIMIT_PER_IP: String(LIMIT), AIRLOCK_LOG_LEVEL: 'error', AIRLOCK_SHUTDOWN_GRACE_SECONDS: '1' };
    a = await spawnApi(db.url, env);
    children.push(a.child);
    // One at a time: the first applies the first-start seed.
    // Generous: the first start seeds, and the machine may be busy with other suites.
    await waitFor('instance a', async () => (await fetch(`${a.url}/readyz`)).status === 200, 120_000);
    b = await spawnApi(db.url, env);
    children.push(b.child);
    await waitFor('instance b', async () => (await fetch(`${b.url}/readyz`)).status === 200, 120_000);
  }, 300_000);

  afterAll(async () => {
    for (const c of children) c.kill('SIGTERM');
    // Each stops within its shutdown grace (the Redis connections closed too, reachable or not).
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    await db?.drop();
    // Ours, stopped by its own pid once the instances using it are gone.
    redisServer?.kill('SIGTERM');
  }, 60_000);

  it('holds one address to its limit across two instances, whichever serves it', async () => {
    const statuses: number[] = [];
    // Alternating between the instances, a little slower than they share (every 100 ms).
    for (let i = 0; i < 3 * LIMIT; i++) {
      const res = await fetch(`${i % 2 ? b.url : a.url}/api/auth/me`);
      await res.arrayBuffer();
      statuses.push(res.status);
      await sleep(15);
    }
    const allowed = statuses.filter((s) => s !== 429).length;
    // The limit once (each instance alone would let LIMIT through, 2 x LIMIT in all), give or take
    // what the other let through since its last share and the refill over the few seconds this takes.
    expect(allowed).toBeGreaterThanOrEqual(LIMIT);
    expect(allowed).toBeLessThanOrEqual(LIMIT + 12);
    // Both refused the address, each for requests the other one had counted too.
    expect(statuses.filter((s, i) => i % 2 === 0 && s === 429).length).toBeGreaterThan(LIMIT / 2);
    expect(statuses.filter((s, i) => i % 2 === 1 && s === 429).length).toBeGreaterThan(LIMIT / 2);
  }, 60_000);

  it('starts and serves with limits of its own when Redis does not answer', async () => {
    const lone = await spawnApi(db.url, { AIRLOCK_REDIS_URL: 'redis://127.0.0.1:1', AIRLOCK_RATE_LIMIT_PER_IP: String(LIMIT), AIRLOCK_LOG_LEVEL: 'error', AIRLOCK_SHUTDOWN_GRACE_SECONDS: '1' });
    children.push(lone.child);
    await waitFor('instance without Redis', async () => (await fetch(`${lone.url}/readyz`)).status === 200, 120_000);
    // Its own, full limit (the other two's counts never reached it), and no more.
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMIT; i++) statuses.push((await fetch(`${lone.url}/api/auth/me`)).status);
    const allowed = statuses.filter((s) => s !== 429).length;
    expect(allowed).toBeGreaterThanOrEqual(LIMIT);
    expect(allowed).toBeLessThanOrEqual(LIMIT + 3);
  }, 180_000);
});
