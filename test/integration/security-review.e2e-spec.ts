/**
 * Findings of the security review (issue #12), each as the class of problem it was: login CSRF
 * through `Origin: null` and form bodies, client-chosen request ids, ...
 */
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

describe('security review (issue #12)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Trusted X-Forwarded-For lets each test act from its own address, so per-address limits stay independent.
    t = await startTestApp({ AIRLOCK_TRUST_PROXY: 'true' });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('login CSRF', () => {
    const signIn = (body: string, headers: Record<string, string>) => t.request('/api/auth/login', { method: 'POST', body, headers });
    const asJson = JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });

    test('Origin: null (sandboxed frame, data: page, cross-origin redirect) is refused on sign-in and sets no cookie', async () => {
      const res = await signIn(asJson, { 'content-type': 'application/json', origin: 'null', 'x-forwarded-for': '203.0.113.101' });
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).error.code).toBe('csrf_failed');
      expect(res.headers.getSetCookie()).toEqual([]);
    });

    test('a form-encoded or text/plain sign-in without any Origin (what a form can send) is refused with 415', async () => {
      for (const [body, type] of [
        [new URLSearchParams({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).toString(), 'application/x-www-form-urlencoded'],
        [asJson, 'text/plain'],
      ] as const) {
        const res = await signIn(body, { 'content-type': type, 'x-forwarded-for': '203.0.113.102' });
        expect(res.status).toBe(415);
        expect(((await res.json()) as any).error.message).toMatch(/JSON/);
        expect(res.headers.getSetCookie()).toEqual([]);
      }
      const reset = await t.request('/api/auth/password-reset/request', {
        method: 'POST',
        body: new URLSearchParams({ email: ADMIN_EMAIL }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.103' },
      });
      expect(reset.status).toBe(415);
    });

    test('Sec-Fetch-Site: cross-site is refused even without an Origin header', async () => {
      const res = await signIn(asJson, { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', 'x-forwarded-for': '203.0.113.104' });
      expect(res.status).toBe(403);
      const ok = await signIn(asJson, { 'content-type': 'application/json; charset=utf-8', 'sec-fetch-site': 'same-origin', origin: t.url, 'x-forwarded-for': '203.0.113.105' });
      expect(ok.status).toBe(200);
    });

    test('Origin: null is refused on cookie-authenticated mutations too', async () => {
      const s = await t.login();
      const res = await s.request('/api/zones', { method: 'POST', json: { name: 'z-null', cidrs: ['10.9.0.0/16'] }, headers: { origin: 'null' } });
      expect(res.status).toBe(403);
    });
  });

  describe('X-Request-Id', () => {
    test('a well-formed client id is kept; a long or ill-formed one is replaced by a UUID', async () => {
      const good = await t.request('/healthz', { headers: { 'x-request-id': 'client-trace:42' } });
      expect(good.headers.get('x-request-id')).toBe('client-trace:42');
      for (const bad of ['a'.repeat(3015), 'x'.repeat(129), 'has space', '<script>']) {
        const res = await t.request('/api/auth/me', { headers: { 'x-request-id': bad } });
        expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    test('what reaches the audit log is the bounded id', async () => {
      const long = 'a'.repeat(3015);
      const res = await t.request('/api/auth/login', { method: 'POST', json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, headers: { 'x-request-id': long, 'x-forwarded-for': '203.0.113.106' } });
      expect(res.status).toBe(200);
      const id = res.headers.get('x-request-id')!;
      expect(id).not.toBe(long);
      const events = await t.prisma.auditEvent.findMany({ where: { requestId: { not: null } }, select: { requestId: true } });
      expect(events.some((e) => e.requestId === id)).toBe(true);
      expect(events.every((e) => e.requestId!.length <= 128)).toBe(true);
    });
  });
});
