/** Sign-in, sessions, CSRF, lockout, password hashing, password reset and change. */
import { AccountService } from '../../apps/api/src/modules/auth/account.service';
import { sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import { MAILER, type MailMessage, type Mailer } from '../../apps/api/src/modules/mail/mailer';
import { createUser, isErrorEnvelope, mintSession } from '../support/security';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

const login = (t: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  t.request('/api/auth/login', { method: 'POST', json: { email, password }, headers });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe('sessions and sign-in', () => {
  let t: TestApp;
  const mails: MailMessage[] = [];

  beforeAll(async () => {
    // Trusted X-Forwarded-For lets each test act from its own address, so per-address limits stay independent.
    t = await startTestApp({ AIRLOCK_TRUST_PROXY: 'true' });
    jest.spyOn(t.app.get<Mailer>(MAILER), 'send').mockImplementation(async (m) => {
      mails.push(m);
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  test('the session cookie is __Host-, HttpOnly, Secure, SameSite=Lax, Path=/; the body carries the CSRF token', async () => {
    const res = await login(t, ADMIN_EMAIL, ADMIN_PASSWORD, { 'x-forwarded-for': '203.0.113.1' });
    expect(res.status).toBe(200);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-airlock_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as any;
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // The database keeps only the token's SHA-256.
    const token = cookie!.split(';')[0]!.split('=')[1]!;
    const rows = await t.prisma.session.findMany();
    expect(rows.some((r) => r.id.includes(token))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
    // The sign-in is audited with where it came from.
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.login' }, orderBy: { seq: 'desc' } });
    expect(event).toMatchObject({ ip: '203.0.113.1', requestId: res.headers.get('x-request-id') });
  });

  test('a plain-named cookie is ignored where the __Host- name is in use (no cookie tossing)', async () => {
    const owner = await t.prisma.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL } });
    const s = await mintSession(t, owner);
    const token = s.cookie.split('=')[1]!;
    expect((await t.request('/api/auth/me', { headers: { cookie: `airlock_session=${token}` } })).status).toBe(401);
    expect((await t.request('/api/auth/me', { headers: { cookie: `__Host-airlock_session=${token}` } })).status).toBe(200);
  });

  test('logout ends the session at once', async () => {
    const s = await t.login();
    expect((await s.request('/api/auth/me')).status).toBe(200);
    const out = await s.request('/api/auth/logout', { method: 'POST' });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join('\n')).toMatch(/__Host-airlock_session=;/);
    expect((await s.request('/api/auth/me')).status).toBe(401);
    expect((await s.request('/api/zones', { method: 'POST', json: { name: 'after-logout', cidrs: ['10.9.0.0/16'] } })).status).toBe(401);
  });

  test('signing in again replaces the session the browser had', async () => {
    const first = await t.login();
    const res = await login(t, ADMIN_EMAIL, ADMIN_PASSWORD, { cookie: first.cookie, 'x-forwarded-for': '203.0.113.30' });
    expect(res.status).toBe(200);
    const second = res.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    expect((await first.request('/api/auth/me')).status).toBe(401);
    expect((await t.request('/api/auth/me', { headers: { cookie: second } })).status).toBe(200);
  });

  test('disabling a user ends their session at once', async () => {
    const user = await createUser(t, { email: 'dana@example.com', role: 'admin', password: 'danas password long' });
    const s = await mintSession(t, user);
    expect((await t.request('/api/auth/me', { headers: { cookie: s.cookie } })).status).toBe(200);
    await t.prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect((await t.request('/api/auth/me', { headers: { cookie: s.cookie } })).status).toBe(401);
    expect(await t.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test('CSRF: a mutation without X-CSRF-Token, with a wrong one, or from another origin is 403', async () => {
    const s = await t.login();
    const zone = (headers: Record<string, string>) =>
      t.request('/api/zones', { method: 'POST', json: { name: `z-${Object.keys(headers).join('-') || 'none'}`, cidrs: ['10.8.0.0/16'] }, headers: { cookie: s.cookie, ...headers } });
    const none = await zone({});
    expect(none.status).toBe(403);
    expect(((await none.json()) as any).error.code).toBe('csrf_failed');
    expect((await zone({ 'x-csrf-token': 'x'.repeat(32) })).status).toBe(403);
    const otherSession = await t.login();
    expect((await zone({ 'x-csrf-token': otherSession.csrfToken })).status).toBe(403);
    const crossOrigin = await zone({ 'x-csrf-token': s.csrfToken, origin: 'https://evil.example' });
    expect(crossOrigin.status).toBe(403);
    expect(((await crossOrigin.json()) as any).error.code).toBe('csrf_failed');
    expect((await zone({ 'x-csrf-token': s.csrfToken, origin: t.url })).status).toBe(201);
    expect(await t.prisma.networkZone.count({ where: { name: { startsWith: 'z-' } } })).toBe(1);
  });

  test('login CSRF: a sign-in posted from another origin (a cross-site form) is refused and sets no cookie', async () => {
    for (const [body, type] of [
      [JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }), 'application/json'],
      [new URLSearchParams({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).toString(), 'application/x-www-form-urlencoded'],
    ] as const) {
      const res = await t.request('/api/auth/login', { method: 'POST', body, headers: { 'content-type': type, origin: 'https://evil.example', 'x-forwarded-for': '203.0.113.90' } });
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const reset = await t.request('/api/auth/password-reset/request', { method: 'POST', json: { email: ADMIN_EMAIL }, headers: { origin: 'https://evil.example', 'x-forwarded-for': '203.0.113.91' } });
    expect(reset.status).toBe(403);
    expect((await login(t, ADMIN_EMAIL, ADMIN_PASSWORD, { origin: t.url, 'x-forwarded-for': '203.0.113.92' })).status).toBe(200);
  });

  test('lockout after 5 failures: the same answer for known and unknown e-mails, in comparable time', async () => {
    const user = await createUser(t, { email: 'lou@example.com', role: 'employee', password: 'lous password long' });
    const known: number[] = [];
    const unknown: number[] = [];
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++) {
      for (const [email, times] of [['lou@example.com', known], ['nobody@example.com', unknown]] as const) {
        const started = performance.now();
        const res = await login(t, email, 'wrong password!', { 'x-forwarded-for': `203.0.113.${10 + i}` });
        times.push(performance.now() - started);
        answers.add(`${res.status} ${await res.text()}`);
      }
    }
    expect(answers.size).toBe(1);
    expect([...answers][0]).toMatch(/^401 /);
    const ratio = median(known) / median(unknown);
    console.log(`sign-in failure timing: known e-mail median ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms (ratio ${ratio.toFixed(2)})`);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);

    // Sixth attempt: locked, even with the right password; the unknown e-mail answers the same.
    const locked = await login(t, 'lou@example.com', 'lous password long', { 'x-forwarded-for': '203.0.113.20' });
    const lockedUnknown = await login(t, 'nobody@example.com', 'whatever', { 'x-forwarded-for': '203.0.113.21' });
    expect(locked.status).toBe(429);
    expect(lockedUnknown.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    const [a, b] = [await locked.json(), await lockedUnknown.json()];
    expect(a).toEqual(b);
    expect(isErrorEnvelope(a)).toBe(true);
    // The account itself is fine once the lock expires.
    await t.prisma.loginThrottle.deleteMany();
    expect((await login(t, 'lou@example.com', 'lous password long', { 'x-forwarded-for': '203.0.113.22' })).status).toBe(200);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  test('passwords are stored as argon2id with m=19456,t=2,p=1', async () => {
    const owner = await t.prisma.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL } });
    expect(owner.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
  });

  test('sign-in is limited per address (429 with Retry-After) on top of the per-e-mail lockout', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 22; i++) {
      const res = await login(t, `someone${i}@example.com`, 'wrong password!', { 'x-forwarded-for': '198.51.100.7' });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another address is not affected.
    expect((await login(t, ADMIN_EMAIL, ADMIN_PASSWORD, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
  });

  describe('password reset', () => {
    const request = (email: string, ip: string) => t.request('/api/auth/password-reset/request', { method: 'POST', json: { email }, headers: { 'x-forwarded-for': ip } });
    const tokenOf = (m: MailMessage) => /token=([A-Za-z0-9_-]+)/.exec(m.text)![1]!;

    test('the request answers 202 the same way whether or not the e-mail exists; only a real account gets a mail', async () => {
      await createUser(t, { email: 'pat@example.com', role: 'analyst', password: 'pats old password' });
      const sent = mails.length;
      const a = await request('pat@example.com', '192.0.2.1');
      const b = await request('nobody-here@example.com', '192.0.2.1');
      expect(a.status).toBe(202);
      expect(b.status).toBe(202);
      expect(await a.text()).toBe(await b.text());
      await t.app.get(AccountService).settled();
      expect(mails.slice(sent).map((m) => m.to)).toEqual(['pat@example.com']);
      expect(mails[mails.length - 1]!.text).toContain('/#/reset-password?token=');
    });

    test('confirming sets the password, works once, and ends every session of the user', async () => {
      const pat = await t.prisma.user.findUniqueOrThrow({ where: { email: 'pat@example.com' } });
      const s = await mintSession(t, pat);
      const token = tokenOf(mails.filter((m) => m.to === 'pat@example.com').at(-1)!);
      const row = await t.prisma.userToken.findFirstOrThrow({ where: { userId: pat.id, kind: 'password_reset' } });
      expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 3_600_000)).toBeLessThan(5_000);
      const weak = await t.request('/api/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'pat@example.com-123' } });
      expect(weak.status).toBe(400);
      const ok = await t.request('/api/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'a completely new secret' } });
      expect(ok.status).toBe(200);
      expect((await t.request('/api/auth/me', { headers: { cookie: s.cookie } })).status).toBe(401);
      expect((await login(t, 'pat@example.com', 'pats old password', { 'x-forwarded-for': '192.0.2.50' })).status).toBe(401);
      expect((await login(t, 'pat@example.com', 'a completely new secret', { 'x-forwarded-for': '192.0.2.51' })).status).toBe(200);
      expect((await t.request('/api/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'yet another secret 1' } })).status).toBe(400);
      expect((await t.request('/api/auth/password-reset/confirm', { method: 'POST', json: { token: 'A'.repeat(43), password: 'yet another secret 1' } })).status).toBe(400);
      const requested = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: pat.id, action: 'user.password_reset_requested' } });
      expect(requested.ip).toBe('192.0.2.1');
      const reset = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: pat.id, action: 'user.password_reset' } });
      expect(reset).toMatchObject({ actorType: 'user', actorId: pat.id, ip: '127.0.0.1' });
      expect(reset.requestId).toBeTruthy();
    });

    test('an expired token does not work', async () => {
      const sent = mails.length;
      await request('pat@example.com', '192.0.2.2');
      await t.app.get(AccountService).settled();
      const token = tokenOf(mails[sent]!);
      await t.prisma.userToken.updateMany({ where: { usedAt: null, kind: 'password_reset' }, data: { expiresAt: new Date(Date.now() - 1) } });
      expect((await t.request('/api/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'a completely new secret 2' } })).status).toBe(400);
    });

    test('requests are limited per address (429) and per account (at most 3 mails an hour)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await request(`x${i}@example.com`, '192.0.2.99')).status);
      expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
      expect(statuses[10]).toBe(429);
      const sent = mails.length;
      for (let i = 0; i < 5; i++) await request('pat@example.com', `192.0.2.${120 + i}`);
      await t.app.get(AccountService).settled();
      // Two were sent earlier this hour: one more, then nothing.
      expect(mails.length - sent).toBe(1);
    });
  });

  test('changing one’s own password needs the current one, counts failures toward the lockout, and ends the other sessions', async () => {
    const user = await createUser(t, { email: 'cho@example.com', role: 'auditor', password: 'chos first password' });
    const current = await mintSession(t, user);
    const other = await mintSession(t, user);
    const change = (json: unknown) => t.request('/api/auth/password', { method: 'POST', json, headers: { ...current.principal.headers('POST'), 'x-forwarded-for': '192.0.2.200' } });
    const wrong = await change({ currentPassword: 'not my password', newPassword: 'a new passphrase here' });
    expect(wrong.status).toBe(400);
    // The wrong guess counts towards the e-mail's sign-in lockout.
    expect(await t.prisma.loginThrottle.findUnique({ where: { key: sha256Hex('login:cho@example.com') } })).toMatchObject({ failures: 1 });
    expect((await change({ currentPassword: 'chos first password', newPassword: 'short' })).status).toBe(400);
    expect((await change({ currentPassword: 'chos first password', newPassword: 'a new passphrase here' })).status).toBe(200);
    expect((await t.request('/api/auth/me', { headers: { cookie: current.cookie } })).status).toBe(200);
    expect((await t.request('/api/auth/me', { headers: { cookie: other.cookie } })).status).toBe(401);
    expect((await login(t, 'cho@example.com', 'a new passphrase here', { 'x-forwarded-for': '192.0.2.201' })).status).toBe(200);
    expect(await t.prisma.auditEvent.count({ where: { entityId: user.id, action: 'user.password_change' } })).toBe(1);
  });
});
