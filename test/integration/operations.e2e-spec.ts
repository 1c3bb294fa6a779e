/**
 * What an operator relies on: probes outside the per-address limit, which X-Forwarded-For hop is
 * believed, a batch's share of the key's limit and of the event loop, metrics and the instance
 * header, readiness, the bundle event stream (and the SDK following it), and draining.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ReadinessService } from '../../apps/api/src/modules/health/readiness.service';
import { AirlockClient, LocalDecider } from '../../libs/sdk/src';
import { parseServerSentEvent } from '../../libs/sdk/src/client';
import { isErrorEnvelope } from '../support/security';
import { BOOTSTRAP_KEY, startTestApp, type Session, type TestApp } from '../support/test-app';

const DECISION = { action: 'access', destination: { provider: 'deepseek' } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const auth = (key = BOOTSTRAP_KEY) => ({ authorization: `Bearer ${key}` });

/** Polls `read` until `ok` holds or `timeoutMs` passes; returns the last value read. */
async function eventually<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs: number, everyMs = 20): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v) && Date.now() < until) {
    await sleep(everyMs);
    v = await read();
  }
  return v;
}

/** One Prometheus sample: the value of `name{labels}` (labels matched as written), or null. */
function sample(metrics: string, name: string, labels?: Record<string, string>): number | null {
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (labels && !Object.entries(labels).every(([k, v]) => have[k] === v)) continue;
    return Number(m[3]);
  }
  return null;
}

interface SseEvent {
  type: string;
  data: string;
  at: number;
}

/** GET /v1/bundle/events, read in the background; close() aborts it. */
async function openEvents(t: TestApp, key: string | null = BOOTSTRAP_KEY) {
  const controller = new AbortController();
  const res = await fetch(`${t.url}/v1/bundle/events`, { headers: key ? { ...auth(key), accept: 'text/event-stream' } : {}, signal: controller.signal });
  const events: SseEvent[] = [];
  let ended = false;
  const pump = (async () => {
    if (!res.ok || !res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        let end: number;
        while ((end = buffered.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end).replace(/^\r?\n\r?\n/, '');
          const e = parseServerSentEvent(block);
          if (e.type !== 'message' || e.data) events.push({ ...e, at: Date.now() });
        }
      }
    } catch {
      // aborted by close()
    } finally {
      ended = true;
    }
  })();
  return {
    res,
    events,
    get ended() {
      return ended;
    },
    /** The first event from index `from` on that satisfies `pred`, within `timeoutMs`. */
    async next(pred: (e: SseEvent) => boolean, timeoutMs: number, from = 0): Promise<SseEvent> {
      const found = await eventually(
        () => events.slice(from).find(pred),
        (e) => e !== undefined,
        timeoutMs,
        5,
      );
      if (!found) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
      return found;
    },
    async close(): Promise<void> {
      controller.abort();
      await pump;
    },
  };
}

const providerId = async (s: Session, slug: string) =>
  (await s.json<any[]>(`/api/providers?filter=${encodeURIComponent(JSON.stringify({ q: slug }))}`)).find((p) => p.slug === slug).id as string;

describe('operations', () => {
  /** Tight per-address limit (probes and metrics). Nothing here signs in: the address is limited on purpose. */
  describe('with a per-address limit of 20', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ AIRLOCK_RATE_LIMIT_PER_IP: '20' });
    });
    afterAll(async () => {
      await t?.close();
    });

    test('health, readiness and metrics stay outside the per-address limit; keyed decisions too', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) {
        const res = await t.request('/api/auth/me');
        statuses.push(res.status);
        await res.arrayBuffer();
        if (statuses.filter((s) => s === 429).length >= 5) break;
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses).toContain(429);
      const limited = await t.request('/api/auth/me');
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as any).error.code).toBe('rate_limited');

      // The address is over its limit; the probes answer anyway, many times.
      for (let round = 0; round < 3; round++) {
        const probes = await Promise.all(
          Array.from({ length: 30 }, (_, i) => ['/healthz', '/readyz', '/metrics'][i % 3]!).map(async (path) => {
            const res = await t.request(path);
            await res.arrayBuffer();
            return `${path} ${res.status}`;
          }),
        );
        expect(probes.filter((p) => !p.endsWith(' 200'))).toEqual([]);
      }
      for (let i = 0; i < 5; i++) {
        const res = await t.decide(DECISION);
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
      // Still limited: the probes were answered while the address was over its limit.
      expect((await t.request('/api/auth/me')).status).toBe(429);
    });

    test('every answer names the instance; /metrics has the per-instance figures', async () => {
      const v1 = await t.decide(DECISION);
      expect(v1.status).toBe(200);
      const api = await t.request('/api/auth/me');
      expect([401, 429]).toContain(api.status);
      const health = await t.request('/healthz');
      const instance = v1.headers.get('x-airlock-instance');
      expect(instance).toMatch(UUID);
      expect(api.headers.get('x-airlock-instance')).toBe(instance);
      expect(health.headers.get('x-airlock-instance')).toBe(instance);

      // A 429 on the per-address limit, counted by limit.
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await t.request('/api/auth/me')).status);
      expect(statuses).toContain(429);

      // LISTEN connects in the background and the decision log flushes every 100 ms: wait for both.
      const scrape = async () => (await t.request('/metrics')).text();
      const metrics = await eventually(
        scrape,
        (m) => sample(m, 'airlock_listen_connected') === 1 && (sample(m, 'airlock_decision_log_written_total') ?? 0) >= 1,
        5_000,
        100,
      );
      expect(sample(metrics, 'airlock_instance_info', { instance: instance! })).toBe(1);
      expect(sample(metrics, 'airlock_policy_version')).toBeGreaterThanOrEqual(1);
      expect(sample(metrics, 'airlock_policy_stale_seconds')).toBe(0);
      // The served version's age: published moments ago by the first start (under a minute here).
      expect(sample(metrics, 'airlock_policy_age_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(metrics, 'airlock_policy_age_seconds')).toBeLessThan(600);
      expect(sample(metrics, 'airlock_process_nodejs_eventloop_lag_p99_seconds')).not.toBeNull();
      expect(sample(metrics, 'airlock_listen_connected')).toBe(1);
      expect(sample(metrics, 'airlock_decision_log_written_total')).toBeGreaterThanOrEqual(1);
      expect(sample(metrics, 'airlock_db_pool_connections', { pool: 'api', state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(sample(metrics, 'airlock_db_pool_connections', { pool: 'decision_log', state: 'total' })).not.toBeNull();
      expect(sample(metrics, 'airlock_http_responses_total', { status: '200' })).toBeGreaterThanOrEqual(3);
      expect(sample(metrics, 'airlock_http_responses_total', { status: '429' })).toBeGreaterThanOrEqual(1);
      expect(sample(metrics, 'airlock_rate_limited_total', { limit: 'ip' })).toBeGreaterThanOrEqual(1);
      expect(sample(metrics, 'airlock_draining')).toBe(0);
    });
  });

  describe('AIRLOCK_TRUST_PROXY decides which address the per-address limit counts', () => {
    const CLIENT = '203.0.113.9';
    const forged = (i: number) => `198.51.100.${(i % 250) + 1}`;
    const me = async (t: TestApp, xff?: string) => {
      const res = await t.request('/api/auth/me', { headers: xff ? { 'x-forwarded-for': xff } : {} });
      await res.arrayBuffer();
      return res.status;
    };

    test.each([
      ['1', 'one hop: the load balancer'],
      ['127.0.0.1/8', "the proxies' network"],
    ])('%s (%s): a forged left-most address does not escape the limit of the real client', async (trust) => {
      const t = await startTestApp({ AIRLOCK_TRUST_PROXY: trust, AIRLOCK_RATE_LIMIT_PER_IP: '5' });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++) statuses.push(await me(t, `${forged(i)}, ${CLIENT}`));
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
        // The proxy's own address (the socket) and another client keep their own budgets.
        expect(await me(t)).toBe(401);
        expect(await me(t, '203.0.113.10')).toBe(401);
        expect(await me(t, `${forged(99)}, 203.0.113.10`)).toBe(401);
      } finally {
        await t.close();
      }
    });

    test('true believes the left-most address, which the client writes: varying it escapes the limit (why `true` is discouraged)', async () => {
      const t = await startTestApp({ AIRLOCK_TRUST_PROXY: 'true', AIRLOCK_RATE_LIMIT_PER_IP: '5' });
      try {
        const varied: number[] = [];
        for (let i = 0; i < 12; i++) varied.push(await me(t, `${forged(i)}, ${CLIENT}`));
        expect(varied.every((s) => s === 401)).toBe(true);
        // The limit itself works: the same forged address six times is limited.
        const same: number[] = [];
        for (let i = 0; i < 6; i++) same.push(await me(t, `${forged(200)}, ${CLIENT}`));
        expect(same).toEqual([401, 401, 401, 401, 401, 429]);
      } finally {
        await t.close();
      }
    });
  });

  describe('with the default limits', () => {
    let t: TestApp;
    let owner: Session;
    beforeAll(async () => {
      t = await startTestApp();
      owner = await t.login();
    });
    afterAll(async () => {
      await t?.close();
    });

    const batch = (items: unknown[], key = BOOTSTRAP_KEY) => t.request('/v1/decisions/batch', { method: 'POST', json: { items }, headers: auth(key) });
    const items = (n: number, text?: string) => Array.from({ length: n }, (_, i) => ({ correlationId: `c${i}`, ...DECISION, ...(text === undefined ? {} : { action: 'prompt', content: { text } }) }));

    test('a batch counts each item against the key rate limit', async () => {
      const { key } = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'batcher', scopes: ['decide'], rateLimitPerMinute: 3 } });
      const tooBig = await batch(items(5), key);
      expect(tooBig.status).toBe(429);
      const tooBigBody = (await tooBig.json()) as any;
      expect(isErrorEnvelope(tooBigBody)).toBe(true);
      expect(tooBigBody.error.code).toBe('rate_limited');
      expect(tooBigBody.error.message).toMatch(/a batch counts each item/);
      expect(tooBigBody.error.message).toMatch(/limited to 3 requests per minute/);

      // The refused batch took nothing: three items fit, then the key is spent.
      const fits = await batch(items(3), key);
      expect(fits.status).toBe(200);
      expect(((await fits.json()) as any).items).toHaveLength(3);
      const single = await t.decide(DECISION, key);
      expect(single.status).toBe(429);
      expect(Number(single.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const singleBody = (await single.json()) as any;
      expect(singleBody.error.code).toBe('rate_limited');
      expect(singleBody.error.message).toMatch(/a batch counts each item/);
      // Other keys are not affected.
      expect((await t.decide(DECISION)).status).toBe(200);
    });

    test('a batch carries at most 2 MiB of text together: 413 with a message that says so', async () => {
      const text = 'x'.repeat(Math.round(0.8 * 1024 * 1024));
      const res = await batch(items(3, text));
      expect(res.status).toBe(413);
      const body = (await res.json()) as any;
      expect(isErrorEnvelope(body)).toBe(true);
      expect(body.error.code).toBe('payload_too_large');
      expect(body.error.message).toMatch(/at most 2 MiB of text together \(this one: 2\.4 MiB\); send several batches/);
    });

    test('while a batch with ~2 MiB of text is decided, /healthz is answered in between its items', async () => {
      const prose = 'Quarterly planning notes: the team reviewed the roadmap, budget and hiring; contact maria@client.example about card 4242 4242 4242 4241. ';
      const perItem = 512 * 1024;
      const text = prose.repeat(Math.ceil(perItem / prose.length)).slice(0, perItem);
      const body = JSON.stringify({ items: items(4, text) }); // 4 x 0.5 MiB = 2 MiB, the limit
      // The first large text a fresh process decides pays a one-off warm-up (a stall of about 300 ms
      // measured, cause not isolated): warm up with a small one so that the figure is the batch's own.
      expect((await t.decide({ ...DECISION, action: 'prompt', content: { text: text.slice(0, 16 * 1024) } })).status).toBe(200);
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const started = performance.now();
      let batchMs = 0;
      let batchStatus = 0;
      let done = false;
      const decided = fetch(`${t.url}/v1/decisions/batch`, { method: 'POST', body, headers: { ...auth(), 'content-type': 'application/json' } })
        .then(async (res) => {
          batchStatus = res.status;
          batchMs = performance.now() - started;
          await res.arrayBuffer();
        })
        .finally(() => (done = true));
      // A probe is due every 10 ms; its latency counts from when it was due, so time this process
      // (client and server share the event loop) could not even send it counts too, as it would for
      // a load balancer probing from outside.
      const probes: Promise<{ status: number; ms: number; beforeBatch: boolean }>[] = [];
      for (let due = started; !done; due += 10) {
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        if (done) break;
        const from = due;
        probes.push(
          t.request('/healthz').then(async (res) => {
            await res.arrayBuffer();
            return { status: res.status, ms: performance.now() - from, beforeBatch: !done };
          }),
        );
        due = Math.max(due, performance.now() - 10); // fell behind: the next one is due now, not a burst
      }
      await decided;
      const answered = await Promise.all(probes);
      loop.disable();
      const worst = Math.round(Math.max(...answered.map((p) => p.ms)));
      const loopMax = Math.round(loop.max / 1e6);
      console.log(
        `batch of 4 x 512 KiB text: ${Math.round(batchMs)} ms (status ${batchStatus}); /healthz meanwhile: ${answered.length} probes, ` +
          `worst ${worst} ms, median ${Math.round(answered.map((p) => p.ms).sort((a, b) => a - b)[answered.length >> 1]!)} ms; longest event-loop stall ${loopMax} ms`,
      );
      expect(batchStatus).toBe(200);
      expect(answered.every((p) => p.status === 200)).toBe(true);
      expect(answered.length).toBeGreaterThanOrEqual(3);
      // The structural property, whatever the host's speed: probes are answered while the batch is
      // still being decided (a batch decided in one go would answer none before it). The figures
      // above are printed, not asserted: on a loaded host the stall of one 512 KiB item varies.
      expect(answered.filter((p) => p.beforeBatch).length).toBeGreaterThanOrEqual(2);
    });

    test('readiness: /readyz ready with the database reported; /readyz/database alone; unknown checks 404', async () => {
      const ready = await t.request('/readyz');
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as any;
      expect(body.status).toBe('ready');
      expect(body.checks.database).toBe(true);
      expect(body.checks.draining).toBeUndefined();

      const db = await t.request('/readyz/database');
      expect(db.status).toBe(200);
      expect(await db.json()).toEqual({ status: 'ready', checks: { database: true } });

      const unknown = await t.request('/readyz/nonexistent');
      expect(unknown.status).toBe(404);
      const err = (await unknown.json()) as any;
      expect(isErrorEnvelope(err)).toBe(true);
      expect(err.error.code).toBe('not_found');
    });

    test('GET /v1/bundle/events announces the current policy, then a Block now within 2 s', async () => {
      const bundle = await t.request('/v1/bundle', { headers: auth() });
      expect(bundle.status).toBe(200);
      const etag = bundle.headers.get('etag');
      const { policyVersion } = (await bundle.json()) as any;

      const stream = await openEvents(t);
      try {
        expect(stream.res.status).toBe(200);
        expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(stream.res.headers.get('x-airlock-instance')).toMatch(UUID);
        const first = await stream.next((e) => e.type === 'policy', 2_000);
        expect(JSON.parse(first.data)).toEqual({ policyVersion, etag });

        const started = Date.now();
        const blocked = await owner.json<any>(`/api/providers/${await providerId(owner, 'perplexity')}/block`, { method: 'POST', json: { reason: 'Leaked chats found online' } });
        expect(blocked.version.number).toBeGreaterThan(policyVersion);
        const next = await stream.next((e) => e.type === 'policy' && JSON.parse(e.data).policyVersion > policyVersion, 2_000);
        const elapsed = next.at - started;
        console.log(`bundle event for Block now arrived ${elapsed} ms after the request was sent`);
        expect(elapsed).toBeLessThan(2_000);
        const announced = JSON.parse(next.data);
        expect(announced.policyVersion).toBe(blocked.version.number);
        const now = await t.request('/v1/bundle', { headers: auth() });
        expect(now.headers.get('etag')).toBe(announced.etag);
        await now.arrayBuffer();
      } finally {
        await stream.close();
      }
    });

    test('GET /v1/bundle/events refuses a request without a key (401, JSON envelope) and a key without the bundle scope (403)', async () => {
      const anon = await openEvents(t, null);
      expect(anon.res.status).toBe(401);
      expect(anon.res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(isErrorEnvelope(await anon.res.json())).toBe(true);
      await anon.close();

      const { key } = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'decide-only', scopes: ['decide'] } });
      const scoped = await openEvents(t, key);
      expect(scoped.res.status).toBe(403);
      expect(isErrorEnvelope(await scoped.res.json())).toBe(true);
      await scoped.close();
    });

    test("the SDK's LocalDecider follows the stream: a Block now is in force locally within 3 s, long before its hourly poll", async () => {
      const client = new AirlockClient({ baseUrl: t.url, apiKey: BOOTSTRAP_KEY });
      const errors: unknown[] = [];
      const decider = await LocalDecider.start(client, { refreshSeconds: 3600, onError: (e) => errors.push(e) });
      try {
        const request = { action: 'access', destination: { provider: 'poe' } } as const;
        const before = decider.decide(request as never);
        expect(before.effect).not.toBe('block');
        const versionBefore = decider.policyVersion!;
        const started = Date.now();
        await owner.json(`/api/providers/${await providerId(owner, 'poe')}/block`, { method: 'POST', json: { reason: 'Shares prompts with third parties' } });
        const effect = await eventually(
          () => decider.decide(request as never).effect,
          (e) => e === 'block',
          3_000,
          10,
        );
        const elapsed = Date.now() - started;
        console.log(`LocalDecider (poll every 3600 s) blocked poe ${elapsed} ms after Block now; version ${versionBefore} -> ${decider.policyVersion}`);
        expect(effect).toBe('block');
        expect(elapsed).toBeLessThan(3_000);
        expect(decider.policyVersion!).toBeGreaterThan(versionBefore);
        expect(errors).toEqual([]);
      } finally {
        decider.stop();
      }
    });
  });

  describe('draining', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    test('/readyz says draining while decisions are still answered; event streams end with reason shutdown', async () => {
      const stream = await openEvents(t);
      try {
        expect(stream.res.status).toBe(200);
        await stream.next((e) => e.type === 'policy', 2_000);
        expect((await t.request('/readyz')).status).toBe(200);

        t.app.get(ReadinessService).beginDraining();

        const ready = await t.request('/readyz');
        expect(ready.status).toBe(503);
        const body = (await ready.json()) as any;
        expect(body.status).toBe('draining');
        expect(body.checks.draining).toMatchObject({ ok: false, since: expect.any(String) });
        expect((await t.request('/healthz')).status).toBe(200);
        const decision = await t.decide(DECISION);
        expect(decision.status).toBe(200);
        expect(((await decision.json()) as any).effect).toEqual(expect.any(String));

        const end = await stream.next((e) => e.type === 'end', 2_000);
        expect(JSON.parse(end.data)).toEqual({ reason: 'shutdown' });
        // The server closed the stream, so the listener can close.
        expect(await eventually(() => stream.ended, (e) => e, 2_000)).toBe(true);
        const metrics = await (await t.request('/metrics')).text();
        expect(sample(metrics, 'airlock_draining')).toBe(1);
      } finally {
        await stream.close();
      }
    });
  });
});
