/** HTTP hardening: security headers, CORS, error bodies without internals, rate limits, and the audit chain. */
import { connect } from 'node:net';
import { Client } from 'pg';
import { closeGracefully } from '../../apps/api/src/server';
import { isErrorEnvelope, leaksInternals } from '../support/security';
import { BOOTSTRAP_KEY, startTestApp, type Session, type TestApp } from '../support/test-app';

const DECISION = { action: 'access', destination: { provider: 'deepseek' } };

describe('hardening', () => {
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_CORS_ORIGINS: 'https://console.example.com' });
    owner = await t.login();
  });

  afterAll(async () => {
    await t?.close();
  });

  test('security headers on API answers, errors and the console', async () => {
    for (const path of ['/api/auth/me', '/healthz', '/api/no-such-thing', '/']) {
      const res = await t.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  test('the machine API under /v1 and /gateway answers with the API header set (OWASP REST), errors included', async () => {
    const probes: [string, RequestInit][] = [
      ['/v1/decisions', { method: 'POST', body: JSON.stringify({ action: 'access', destination: { host: 'chat.deepseek.com' } }) }],
      ['/v1/decisions', { method: 'POST', body: '{"action":' }],
      ['/v1/bundle', {}],
      // The AI gateway is a machine API too (this key lacks its scope: the 403 carries the same set).
      ['/gateway/openai/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'm', messages: [] }) }],
    ];
    for (const [path, init] of probes) {
      const res = await fetch(t.url + path, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${BOOTSTRAP_KEY}` } });
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
    }
  });

  test('shutdown is not held up by a client that never finishes its request', async () => {
    const other = await startTestApp();
    const { port } = new URL(other.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.on('error', () => undefined);
    // Promises 100 bytes of body and sends 10: the request stays in flight.
    socket.write(`POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${BOOTSTRAP_KEY}\r\nContent-Length: 100\r\n\r\n{"action":`);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await closeGracefully(other.app, 500);
    expect(Date.now() - started).toBeLessThan(5_000);
    socket.destroy();
    await other.close().catch(() => undefined);
  });

  describe('connections that do not send a proper request', () => {
    let slow: TestApp;
    let port: number;
    beforeAll(async () => {
      slow = await startTestApp({ AIRLOCK_REQUEST_TIMEOUT_SECONDS: '1' });
      port = Number(new URL(slow.url).port);
    });
    afterAll(async () => {
      await slow?.close();
    });

    /** Sends raw bytes and returns everything the server answers until it closes the connection. */
    async function raw(bytes: string, waitMs = 10_000): Promise<{ text: string; closedAfterMs: number }> {
      const socket = connect(port, '127.0.0.1');
      const started = Date.now();
      socket.on('error', () => undefined);
      let text = '';
      socket.on('data', (d) => (text += d.toString('utf8')));
      socket.write(bytes);
      const closed = await Promise.race([new Promise((r) => socket.once('close', () => r(true))), new Promise((r) => setTimeout(() => r(false), waitMs))]);
      socket.destroy();
      expect(closed).toBe(true);
      return { text, closedAfterMs: Date.now() - started };
    }
    const envelope = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };

    test('a body that stops arriving gets a 408 in the error envelope and the connection closes', async () => {
      const r = await raw(`POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${BOOTSTRAP_KEY}\r\nContent-Length: 100\r\n\r\n{"action":`);
      expect(r.text).toMatch(/^HTTP\/1\.1 408 /);
      expect(envelope(r.text).error).toEqual({ code: 'request_timeout', message: 'The request did not arrive in full within 1 s' });
      expect(r.closedAfterMs).toBeGreaterThanOrEqual(900);
      expect(r.closedAfterMs).toBeLessThan(4_000);
    });

    test('headers that stop arriving (slowloris) get the same', async () => {
      const r = await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ');
      expect(r.text).toMatch(/^HTTP\/1\.1 408 /);
      expect(envelope(r.text).error.code).toBe('request_timeout');
    });

    test('oversized headers get a 431 and bytes that are not HTTP a 400, both in the envelope', async () => {
      const big = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(big.text).toMatch(/^HTTP\/1\.1 431 /);
      expect(envelope(big.text).error.code).toBe('headers_too_large');
      const junk = await raw('HELLO THERE\r\n\r\n');
      expect(junk.text).toMatch(/^HTTP\/1\.1 400 /);
      expect(envelope(junk.text).error).toEqual({ code: 'bad_request', message: 'The request is not valid HTTP/1.1' });
    });

    test('requests that arrive in time are untouched, on a connection kept alive across the timeout', async () => {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      let text = '';
      socket.on('data', (d) => (text += d.toString('utf8')));
      const body = JSON.stringify(DECISION);
      const request = `POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${BOOTSTRAP_KEY}\r\nContent-Length: ${body.length}\r\n\r\n`;
      // Headers first, the body 400 ms later: slow but inside the second.
      socket.write(request);
      await new Promise((r) => setTimeout(r, 400));
      socket.write(body);
      await new Promise((r) => setTimeout(r, 1_600));
      // An idle keep-alive connection is not a slow request: the next request on it is answered too.
      socket.write(request + body);
      await new Promise((r) => setTimeout(r, 500));
      socket.destroy();
      expect(text.match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
      expect(text).not.toContain(' 408 ');
    });
  });

  test('CORS is closed by default and open only to the configured origins', async () => {
    const closed = await startTestApp();
    try {
      const preflight = await closed.request('/api/zones', { method: 'OPTIONS', headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const get = await closed.request('/healthz', { headers: { origin: 'https://evil.example' } });
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await closed.close();
    }
    const allowed = await t.request('/api/zones', { method: 'OPTIONS', headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await t.request('/api/zones', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // A configured origin still needs the CSRF token for a mutation; an unlisted one is refused outright.
    const s = await t.login();
    const evil = await t.request('/api/zones', { method: 'POST', json: { name: 'cors', cidrs: ['10.1.0.0/16'] }, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    const friend = await t.request('/api/zones', { method: 'POST', json: { name: 'cors', cidrs: ['10.1.0.0/16'] }, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, origin: 'https://console.example.com' } });
    expect(friend.status).toBe(201);
  });

  test('no error answer carries a stack trace or internal detail', async () => {
    const probes: [string, RequestInit][] = [
      ['/api/zones/not-a-uuid', {}],
      ['/api/zones', { method: 'POST', body: '{"name":', headers: { 'content-type': 'application/json' } }],
      ['/api/zones', { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['/api/zones', { method: 'POST', body: JSON.stringify({ name: 'big', cidrs: ['10.0.0.0/8'], description: 'x'.repeat(300_000) }), headers: { 'content-type': 'application/json' } }],
      ['/api/zones?sort=%5B', {}],
      ['/v1/decisions', { method: 'POST', body: '[]', headers: { 'content-type': 'application/json', authorization: `Bearer ${BOOTSTRAP_KEY}` } }],
      ['/api/no-such-route', {}],
    ];
    for (const [path, init] of probes) {
      const headers = { ...(init.headers as Record<string, string>), ...(path.startsWith('/api/') ? { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken } : {}) };
      const res = await fetch(t.url + path, { ...init, headers });
      const text = await res.text();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(isErrorEnvelope(JSON.parse(text))).toBe(true);
      expect(leaksInternals(text)).toBe(false);
    }
  });

  // Fastify raises these before routing (FST_ERR_BAD_URL): server.ts's frameworkErrors handler
  // puts them in the envelope.
  test('a malformed percent-encoding in the path is answered in the error envelope', async () => {
    const res = await fetch(`${t.url}/api/zones/%E0%A4%A`, { headers: { cookie: owner.cookie } });
    expect(res.status).toBe(400);
    expect(isErrorEnvelope(await res.json())).toBe(true);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  // A path parameter longer than routerOptions.maxParamLength (200): FST_ERR_MAX_PARAM_LENGTH.
  test('an overlong path parameter is answered in the error envelope', async () => {
    const res = await fetch(`${t.url}/api/zones/${'x'.repeat(250)}`, { headers: { cookie: owner.cookie } });
    expect(res.status).toBe(414);
    expect(isErrorEnvelope(await res.json())).toBe(true);
  });

  test('NUL in a query, raw or JSON-escaped in a list filter, is a 400 and never reaches the database', async () => {
    for (const q of ['filter=%7B%22q%22%3A%22%5Cu0000%22%7D', 'filter=%00', `sort=${encodeURIComponent('["name\u0000","ASC"]')}`]) {
      for (const list of ['/api/zones', '/api/providers', '/api/api-clients', '/api/data-classes', '/api/users']) {
        const res = await owner.request(`${list}?${q}`);
        expect(res.status).toBe(400);
        expect(isErrorEnvelope(await res.json())).toBe(true);
      }
    }
  });

  test('429 with Retry-After on the per-address limit', async () => {
    const limited = await startTestApp({ AIRLOCK_RATE_LIMIT_PER_IP: '5' });
    try {
      const statuses: number[] = [];
      let last: Response | null = null;
      // Any unauthenticated route but the probes (/healthz, /readyz, /metrics stay outside the limit).
      for (let i = 0; i < 7; i++) {
        last = await limited.request('/api/auth/me');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      expect((await limited.request('/healthz')).status).toBe(200);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(isErrorEnvelope((await last!.json()) as any)).toBe(true);
    } finally {
      await limited.close();
    }
  });

  test('429 with Retry-After on the per-key limit, which leaves other keys alone', async () => {
    const created = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'slow', scopes: ['decide'], rateLimitPerMinute: 3 } });
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 5; i++) {
      last = await t.decide(DECISION, created.key);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await last!.json()) as any).error.code).toBe('rate_limited');
    expect((await t.decide(DECISION)).status).toBe(200);
  });

  describe('audit log', () => {
    const verify = () => owner.json<{ ok: boolean; checked: number; firstBroken: { seq: number; reason: string } | null }>('/api/audit-events/verify');

    test('every admin change writes its event in the same transaction; a failing change writes none', async () => {
      const count = () => t.prisma.auditEvent.count();
      const before = await count();
      const zone = await owner.json('/api/zones', { method: 'POST', json: { name: 'audited', cidrs: ['10.2.0.0/16'] } });
      expect(await count()).toBe(before + 1);
      const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: zone.id } });
      expect(event).toMatchObject({ action: 'zone.create', actorType: 'user', entityType: 'NetworkZone' });
      // Duplicate name: the insert fails, the transaction rolls back, no event.
      const dup = await owner.request('/api/zones', { method: 'POST', json: { name: 'audited', cidrs: ['10.3.0.0/16'] } });
      expect(dup.status).toBe(409);
      expect(await count()).toBe(before + 1);
      await owner.json(`/api/zones/${zone.id}`, { method: 'PUT', json: { cidrs: ['10.4.0.0/16'] } });
      const update = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: zone.id, action: 'zone.update' } });
      expect((update.before as { cidrs: string[] }).cidrs).toEqual(['10.2.0.0/16']);
      expect((update.after as { cidrs: string[] }).cidrs).toEqual(['10.4.0.0/16']);
    });

    test('secrets are masked in before/after', async () => {
      const created = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'masked', scopes: ['decide'] } });
      const events = await t.prisma.auditEvent.findMany({ where: { entityId: created.id } });
      expect(JSON.stringify(events)).not.toContain(created.key.slice(3));
    });

    test('the chain verifies; a row changed behind the API is named as the first broken link', async () => {
      const ok = await verify();
      expect(ok.ok).toBe(true);
      expect(ok.checked).toBeGreaterThan(5);
      const target = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'zone.create' } });
      const admin = new Client({ connectionString: t.databaseUrl });
      await admin.connect();
      try {
        // The database refuses UPDATE and DELETE on the audit table, even for the table's owner...
        await expect(admin.query(`UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE id = $1`, [target.id])).rejects.toThrow(/append-only/);
        await expect(admin.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [target.id])).rejects.toThrow(/append-only/);
        await expect(admin.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only|cannot truncate/);
        // ...so a superuser has to switch the triggers off to tamper, as an attacker with full access would.
        await admin.query('BEGIN');
        await admin.query('SET LOCAL session_replication_role = replica');
        await admin.query(`UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE id = $1`, [target.id]);
        await admin.query('COMMIT');
      } finally {
        await admin.end();
      }
      const broken = await verify();
      expect(broken.ok).toBe(false);
      expect(broken.firstBroken).toMatchObject({ seq: target.seq });
      expect(broken.firstBroken!.reason).toMatch(/changed/);
      console.log(`audit chain: verified ${ok.checked} events; after tampering with event ${target.seq} verification names it: ${broken.firstBroken!.reason}`);
    });

    test('a forged row inserted into the chain is named too', async () => {
      const t2 = await startTestApp();
      try {
        const o = await t2.login();
        await o.json('/api/zones', { method: 'POST', json: { name: 'z1', cidrs: ['10.5.0.0/16'] } });
        const last = await t2.prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } });
        await t2.prisma.auditEvent.create({
          data: {
            organizationId: last.organizationId,
            seq: last.seq + 1,
            actorType: 'user',
            actorLabel: 'forger',
            action: 'zone.delete',
            entityType: 'NetworkZone',
            prevHash: last.hash,
            hash: 'f'.repeat(64),
          },
        });
        const res = await o.json('/api/audit-events/verify');
        expect(res).toMatchObject({ ok: false, firstBroken: { seq: last.seq + 1 } });
      } finally {
        await t2.close();
      }
    });
  });
});
