import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { BOOTSTRAP_KEY } from '../support/test-app';
import { buildApi, childrenOf, spawnApi } from '../support/processes';

/**
 * AIRLOCK_WORKERS=2 as the Docker image runs it (node apps/api/dist/main.js): two workers on one
 * port, per-key rate limits held across them, and a SIGTERM that flushes every decision log.
 */

describe('cluster workers (AIRLOCK_WORKERS)', () => {
  let db: { url: string; drop(): Promise<void> };
  let primary: ChildProcess;
  let url: string;
  let output: () => string = () => '';

  beforeAll(async () => {
    buildApi();
    db = await createTestDatabase();
    const api = await spawnApi(db.url, { AIRLOCK_WORKERS: '2', AIRLOCK_POLICY_POLL_SECONDS: '1' }, { capture: true });
    primary = api.child;
    url = api.url;
    output = api.output;
    // Ready when both workers have started (each registers itself as an instance when it is up).
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      for (let i = 0; ; i++) {
        if (primary.exitCode !== null || i > 600) throw new Error(`main.js did not start two workers (exit ${primary.exitCode}): ${output()}`);
        const { rows } = await pg.query(`SELECT count(*)::int AS n FROM "ApiInstance"`);
        if (rows[0].n === 2) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await pg.end();
    }
  }, 120_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) primary.kill('SIGKILL');
    await db?.drop();
  });

  const decide = (headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(`${url}/v1/decisions`, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BOOTSTRAP_KEY}`, ...headers },
      body: JSON.stringify({ action: 'access', destination: { host: 'chat.deepseek.com' } }),
    });

  test('two workers answer on one port and register as two instances', async () => {
    expect(childrenOf(primary.pid!)).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 40 }, () => decide()));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const { rows } = await pg.query(`SELECT count(*)::int AS n FROM "ApiInstance" WHERE "lastSeenAt" > now() - interval '1 minute'`);
      expect(rows[0].n).toBe(2);
    } finally {
      await pg.end();
    }
  });

  test("a key's rate limit holds across the workers, whichever serves its connections", async () => {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query(`UPDATE "ApiClient" SET "rateLimitPerMinute" = 30`);
      await pg.query(`NOTIFY airlock_api_keys`);
    } finally {
      await pg.end();
    }
    await new Promise((r) => setTimeout(r, 1500));
    // Fresh connections (connection: close), so the primary spreads them over both workers.
    const statuses: number[] = [];
    for (let round = 0; round < 9; round++) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => decide({ connection: 'close' })));
      statuses.push(...batch.map((r) => r.status));
      await new Promise((r) => setTimeout(r, 150));
    }
    const allowed = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // 30 per minute in all (one worker alone would allow 30, two unshared would allow 60).
    expect(allowed).toBeGreaterThanOrEqual(30);
    expect(allowed).toBeLessThanOrEqual(40);
    const reset = new Client({ connectionString: db.url });
    await reset.connect();
    try {
      await reset.query(`UPDATE "ApiClient" SET "rateLimitPerMinute" = NULL`);
      await reset.query(`NOTIFY airlock_api_keys`);
    } finally {
      await reset.end();
    }
    await new Promise((r) => setTimeout(r, 1500));
  });

  test('a worker that dies is replaced, and decisions go on meanwhile', async () => {
    const [victim, survivor] = childrenOf(primary.pid!);
    process.kill(victim!, 'SIGKILL');
    // A connection the primary hands over in the instant the worker dies is lost (its client times
    // out and retries, as with any crashed server); the surviving worker answers the rest.
    const during = await Promise.all(
      Array.from({ length: 10 }, () => decide({ connection: 'close' }, AbortSignal.timeout(3000)).then((r) => r.status, () => 'lost')),
    );
    expect(during.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(during.filter((s) => s !== 200 && s !== 'lost')).toEqual([]);
    let now: number[] = [];
    for (let i = 0; i < 300; i++) {
      now = childrenOf(primary.pid!);
      if (now.length === 2 && !now.includes(victim!)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(now).toContain(survivor);
    expect(now).toHaveLength(2);
    expect(now).not.toContain(victim);
    // The replacement serves too: enough fresh connections reach both workers.
    const after = await Promise.all(Array.from({ length: 20 }, () => decide({ connection: 'close' })));
    expect(after.map((r) => r.status)).toEqual(Array(20).fill(200));
  }, 60_000);

  test('SIGTERM stops both workers after they flush their decision logs', async () => {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      // The previous test's decisions reach the log within a flush interval (1 s).
      await new Promise((r) => setTimeout(r, 1500));
      const before = (await pg.query(`SELECT count(*)::int AS n FROM "DecisionLog"`)).rows[0].n as number;
      const answers = await Promise.all(Array.from({ length: 50 }, () => decide({ connection: 'close' })));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const workers = childrenOf(primary.pid!);
      const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
      const stopStarted = Date.now();
      primary.kill('SIGTERM');
      expect(await exited).toBe(0);
      console.log(`cluster: stopped in ${Date.now() - stopStarted} ms after SIGTERM`);
      expect(workers.filter((pid) => readdirSync('/proc').includes(String(pid)))).toEqual([]);
      const after = (await pg.query(`SELECT count(*)::int AS n FROM "DecisionLog"`)).rows[0].n as number;
      expect(after - before).toBe(50);
    } finally {
      await pg.end();
    }
  }, 60_000);
});
