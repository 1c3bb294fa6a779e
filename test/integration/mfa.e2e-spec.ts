/**
 * Multi-factor sign-in for local accounts: TOTP enrolment and confirmation, the second step of a
 * sign-in (pending cookie, no session before it), replay refused, single-use recovery codes, the
 * shared lockout, MFA required by role, and step-up before the most sensitive actions. Codes are
 * computed here from the secret the API hands out, with otpauth (RFC 6238).
 */
import { Secret, TOTP } from 'otpauth';
import { createUser, discoverRoutes, fillPath, isErrorEnvelope, mintSession } from '../support/security';
import { startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'a long enough password for mfa';
let ip = 0;
const nextIp = () => `198.51.100.${(++ip % 250) + 1}`;

function codeAt(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

interface Browser {
  cookies: Map<string, string>;
  csrf?: string;
  call(path: string, init?: { method?: string; json?: unknown }): Promise<{ status: number; body: any; setCookies: string[] }>;
}

/** A cookie jar with the CSRF header, as the console is. */
function browser(t: TestApp): Browser {
  const b: Browser = {
    cookies: new Map(),
    async call(path, init = {}) {
      const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
      const headers: Record<string, string> = { 'x-forwarded-for': nextIp() };
      if (b.cookies.size) headers.cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (init.json !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET' && b.csrf) headers['x-csrf-token'] = b.csrf;
      const res = await fetch(t.url + path, { method, headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
      const setCookies = res.headers.getSetCookie();
      for (const c of setCookies) {
        const [pair] = c.split(';');
        const [k, v] = pair!.split('=') as [string, string];
        if (v) b.cookies.set(k, v);
        else b.cookies.delete(k);
      }
      const text = await res.text();
      const body = text ? JSON.parse(text) : undefined;
      if (body?.csrfToken) b.csrf = body.csrfToken;
      return { status: res.status, body, setCookies };
    },
  };
  return b;
}

/** Signs in with the password only; returns the browser (with a session, or a pending sign-in). */
async function passwordStep(t: TestApp, email: string, password = PASSWORD) {
  const b = browser(t);
  const res = await b.call('/api/auth/login', { json: { email, password } });
  return { b, res };
}

/** Enrols TOTP for a signed-in browser; returns the secret and the recovery codes. */
async function enrolTotp(b: Browser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await b.call('/api/auth/mfa/totp', { json: {} });
  expect(setup.status).toBe(200);
  const confirm = await b.call('/api/auth/mfa/totp/confirm', { json: { code: codeAt(setup.body.secret) } });
  expect(confirm.status).toBe(200);
  return { secret: setup.body.secret, recoveryCodes: confirm.body.recoveryCodes };
}

describe('multi-factor sign-in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_TRUST_PROXY: 'true' });
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A new window for the next code (tests cannot wait 30 s): as if the last used step were long ago. */
  const forgetLastStep = (userId: string) => t.prisma.totpFactor.updateMany({ where: { userId }, data: { lastUsedStep: null } });

  test('TOTP enrolment: otpauth URI and QR code, a first code confirms, 10 recovery codes once; the secret is sealed and the codes hashed', async () => {
    const user = await createUser(t, { email: 'enrol@mfa.test', role: 'admin', password: PASSWORD });
    const { b, res } = await passwordStep(t, user.email);
    expect(res.status).toBe(200);
    expect(res.body.mfaRequired).toBeUndefined();

    const before = await b.call('/api/auth/mfa');
    expect(before.body).toMatchObject({ enabled: false, totp: null, passkeys: [], recoveryCodesLeft: 0 });

    const setup = await b.call('/api/auth/mfa/totp', { json: {} });
    expect(setup.status).toBe(200);
    const uri = new URL(setup.body.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(setup.body.secret);
    expect(decodeURIComponent(uri.pathname)).toContain('enrol@mfa.test');
    expect(setup.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.body.qrCode.split(',')[1], 'base64').toString()).toMatch(/^<svg [^>]*viewBox/);
    const row = await t.prisma.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretSealed).not.toContain(setup.body.secret);
    expect(row.confirmedAt).toBeNull();

    // Not confirmed yet: not a factor.
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
    const wrong = await b.call('/api/auth/mfa/totp/confirm', { json: { code: codeAt(setup.body.secret, 5) } });
    expect(wrong.status).toBe(422);
    expect((await b.call('/api/auth/mfa/totp/confirm', { json: { code: '12345' } })).status).toBe(400);

    const confirm = await b.call('/api/auth/mfa/totp/confirm', { json: { code: codeAt(setup.body.secret) } });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
    for (const c of confirm.body.recoveryCodes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await t.prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    expect(stored.some((s) => confirm.body.recoveryCodes.some((c: string) => s.codeHash.includes(c.replace('-', ''))))).toBe(false);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(true);

    // A confirmed app is not replaced by starting again.
    expect((await b.call('/api/auth/mfa/totp', { json: {} })).status).toBe(409);
    const after = await b.call('/api/auth/mfa');
    expect(after.body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'mfa.totp.enrol', actorId: user.id } });
    expect(JSON.stringify(event)).not.toContain(setup.body.secret);
  });

  test('sign-in with TOTP: the password alone gives a pending sign-in, not a session; the second step opens it once', async () => {
    const user = await createUser(t, { email: 'signin@mfa.test', role: 'analyst', password: PASSWORD });
    const { b: first } = await passwordStep(t, user.email);
    const { secret } = await enrolTotp(first);
    await forgetLastStep(user.id);

    const { b, res } = await passwordStep(t, user.email);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, mfaRequired: true, methods: ['totp', 'recovery_code'] });
    expect(res.body.csrfToken).toBeUndefined();
    expect(res.setCookies.join('\n')).not.toMatch(/airlock_session=[^;]/);
    const pendingCookie = res.setCookies.find((c) => c.startsWith('__Host-airlock_mfa='))!;
    expect(pendingCookie).toMatch(/HttpOnly/i);
    expect(pendingCookie).toMatch(/SameSite=Strict/i);
    expect(pendingCookie).toMatch(/Secure/i);
    // The pending cookie is no session.
    expect((await b.call('/api/auth/me')).status).toBe(401);
    expect((await b.call('/api/rules')).status).toBe(401);
    const pendingToken = b.cookies.get('__Host-airlock_mfa')!;

    const wrongCode = await b.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code: codeAt(secret, 3) } });
    expect(wrongCode.status).toBe(401);
    expect(isErrorEnvelope(wrongCode.body)).toBe(true);
    const ok = await b.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code: codeAt(secret) } });
    expect(ok.status).toBe(200);
    expect(ok.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(b.cookies.has('__Host-airlock_session')).toBe(true);
    expect(b.cookies.has('__Host-airlock_mfa')).toBe(false);
    const me = await b.call('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.mfa).toMatchObject({ enabled: true, enrolmentRequired: false, sessionMethod: 'password' });
    const login = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.login', actorId: user.id }, orderBy: { seq: 'desc' } });
    expect(login.after).toMatchObject({ method: 'password', secondFactor: 'totp' });

    // The pending sign-in yields one session: replayed, it is gone.
    await forgetLastStep(user.id);
    const replay = await t.request('/api/auth/mfa/sign-in', {
      method: 'POST',
      json: { method: 'totp', code: codeAt(secret, 1) },
      headers: { cookie: `__Host-airlock_mfa=${pendingToken}`, 'x-forwarded-for': nextIp() },
    });
    expect(replay.status).toBe(401);
  });

  test('a TOTP code is accepted once: the same code (or an older one) in another sign-in is refused', async () => {
    const user = await createUser(t, { email: 'replay@mfa.test', role: 'analyst', password: PASSWORD });
    const { b: first } = await passwordStep(t, user.email);
    const { secret } = await enrolTotp(first);
    await forgetLastStep(user.id);

    const code = codeAt(secret);
    const a = (await passwordStep(t, user.email)).b;
    expect((await a.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code } })).status).toBe(200);
    const b = (await passwordStep(t, user.email)).b;
    expect((await b.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code } })).status).toBe(401);
    expect((await b.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code: codeAt(secret, -1) } })).status).toBe(401);
    // Two steps ahead is outside the ±1 window.
    expect((await b.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code: codeAt(secret, 2) } })).status).toBe(401);
    // The next step's code (within the window, never used) is fine; clear the failures first.
    await t.prisma.loginThrottle.deleteMany();
    expect((await b.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code: codeAt(secret, 1) } })).status).toBe(200);
  });

  test('recovery codes are single use (dashes and case do not matter)', async () => {
    const user = await createUser(t, { email: 'recovery@mfa.test', role: 'analyst', password: PASSWORD });
    const { b: first } = await passwordStep(t, user.email);
    const { recoveryCodes } = await enrolTotp(first);
    const [code] = recoveryCodes as [string];

    const a = (await passwordStep(t, user.email)).b;
    const typed = code.replace('-', '').toUpperCase();
    const ok = await a.call('/api/auth/mfa/sign-in', { json: { method: 'recovery_code', code: typed } });
    expect(ok.status).toBe(200);
    const login = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.login', actorId: user.id }, orderBy: { seq: 'desc' } });
    expect(login.after).toMatchObject({ secondFactor: 'recovery_code' });
    expect((await a.call('/api/auth/mfa')).body.recoveryCodesLeft).toBe(9);

    const b = (await passwordStep(t, user.email)).b;
    expect((await b.call('/api/auth/mfa/sign-in', { json: { method: 'recovery_code', code } })).status).toBe(401);
    expect((await b.call('/api/auth/mfa/sign-in', { json: { method: 'recovery_code', code: recoveryCodes[1] } })).status).toBe(200);
  });

  test('second-step failures count towards the same lockout as passwords: the password then no longer helps', async () => {
    const user = await createUser(t, { email: 'lockout@mfa.test', role: 'analyst', password: PASSWORD });
    const { b: first } = await passwordStep(t, user.email);
    const { secret } = await enrolTotp(first);
    await forgetLastStep(user.id);

    const { b } = await passwordStep(t, user.email);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await b.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code: '000000' === codeAt(secret) ? '111111' : '000000' } })).status);
    // The password attempt plus four wrong codes are five failures: the fifth code is refused unseen.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Locked: neither a right code nor the right password opens anything now.
    const right = await b.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code: codeAt(secret) } });
    expect(right.status).toBe(429);
    expect(Number((await fetch(t.url + '/api/auth/mfa', { method: 'GET' })).status)).toBe(401);
    const again = await passwordStep(t, user.email);
    expect(again.res.status).toBe(429);
    expect(again.res.body.error.code).toBe('rate_limited');
  });

  test('MFA required by role: such a user must enrol before anything else (403 mfa_enrolment_required); SSO sessions are not asked', async () => {
    const owner = await t.login();
    const settings = await owner.request('/api/settings', { method: 'PUT', json: { mfaRequiredRoles: ['auditor'] } });
    expect(settings.status).toBe(200);
    expect(((await settings.json()) as any).mfaRequiredRoles).toEqual(['auditor']);
    const user = await createUser(t, { email: 'required@mfa.test', role: 'auditor', password: PASSWORD });

    const { b, res } = await passwordStep(t, user.email);
    expect(res.status).toBe(200);
    const me = await b.call('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.mfa).toMatchObject({ enabled: false, enrolmentRequired: true });
    const refused = await b.call('/api/audit-events');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('mfa_enrolment_required');

    // Every route an auditor may call, but the few enrolment ones, refuses until then (a new
    // session per request: sign-out is one of the routes).
    const allowedBefore = new Set(['/api/auth/me', '/api/auth/logout']);
    const wrong: string[] = [];
    let checked = 0;
    for (const route of discoverRoutes(t)) {
      if (route.rule?.kind !== 'session' && route.rule?.kind !== 'session_or_api_key') continue;
      if (!['settings.read', 'audit.read', 'catalog.read', 'portal', 'users.read'].includes(route.rule.permission)) continue;
      const enrolRoute = route.path.startsWith('/api/auth/mfa') || allowedBefore.has(route.path);
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
      const session = await mintSession(t, user);
      const r = await fetch(t.url + fillPath(route), {
        method: route.method,
        headers: { ...session.principal.headers(route.method), 'x-forwarded-for': nextIp(), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
        body: hasBody ? '{}' : undefined,
      });
      const text = await r.text();
      checked += 1;
      const code = r.status === 403 ? JSON.parse(text).error.code : null;
      if (enrolRoute ? code === 'mfa_enrolment_required' : code !== 'mfa_enrolment_required') wrong.push(`${route.method} ${route.path}: ${r.status} ${text.slice(0, 100)}`);
    }
    expect(checked).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
    // An SSO session of the same role is the identity provider's business.
    const sso = await mintSession(t, user);
    await t.prisma.session.updateMany({ where: { userId: user.id, csrfToken: sso.csrfToken }, data: { method: 'sso' } });
    expect((await fetch(t.url + '/api/audit-events', { headers: sso.principal.headers('GET') })).status).toBe(200);

    // Enrolled: everything the role allows works; the last factor cannot be removed while required.
    await enrolTotp(b);
    expect((await b.call('/api/audit-events')).status).toBe(200);
    const remove = await b.call('/api/auth/mfa/totp', { method: 'DELETE' });
    expect(remove.status).toBe(422);
    await owner.request('/api/settings', { method: 'PUT', json: { mfaRequiredRoles: [] } });
  });

  test('step-up: owner accounts, API keys, SSO settings and the MFA requirement need a second factor from the last 5 minutes', async () => {
    const owner = await createUser(t, { email: 'stepup@mfa.test', role: 'owner', password: PASSWORD });
    const { b: first } = await passwordStep(t, owner.email);
    const { secret } = await enrolTotp(first);
    await forgetLastStep(owner.id);
    const { b } = await passwordStep(t, owner.email);
    expect((await b.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code: codeAt(secret) } })).status).toBe(200);
    // Just signed in with the second factor: that counts as fresh.
    const fresh = await b.call('/api/api-clients', { json: { name: 'fresh client', scopes: ['decide'] } });
    expect(fresh.status).toBe(201);

    // Six minutes later.
    await t.prisma.session.updateMany({ where: { userId: owner.id }, data: { mfaAt: new Date(Date.now() - 6 * 60_000) } });
    const expectStepUp = async (res: { status: number; body: any }) => {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('step_up_required');
    };
    await expectStepUp(await b.call('/api/api-clients', { json: { name: 'stale client', scopes: ['decide'] } }));
    await expectStepUp(await b.call(`/api/api-clients/${fresh.body.id}/rotate`, { json: { overlapHours: 0 } }));
    await expectStepUp(await b.call('/api/users', { json: { email: 'new-owner@mfa.test', name: 'New Owner', role: 'owner', password: PASSWORD } }));
    const analyst = await createUser(t, { email: 'to-promote@mfa.test', role: 'analyst' });
    await expectStepUp(await b.call(`/api/users/${analyst.id}`, { method: 'PUT', json: { role: 'owner' } }));
    await expectStepUp(await b.call('/api/sso-connection', { method: 'PUT', json: { issuer: 'https://idp.example.com', clientId: 'airlock', clientSecret: 's' } }));
    await expectStepUp(await b.call('/api/settings', { method: 'PUT', json: { mfaRequiredRoles: ['owner'] } }));
    await expectStepUp(await b.call('/api/auth/mfa/totp', { method: 'DELETE' }));
    // Less sensitive changes need none.
    expect((await b.call('/api/users', { json: { email: 'new-analyst@mfa.test', name: 'New Analyst', role: 'analyst', password: PASSWORD } })).status).toBe(201);
    expect((await b.call('/api/settings', { method: 'PUT', json: { decisionTtlSeconds: 30 } })).status).toBe(200);
    expect(await t.prisma.user.count({ where: { email: 'new-owner@mfa.test' } })).toBe(0);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: analyst.id } })).role).toBe('analyst');

    // A wrong code is refused (and counted); a right one opens 5 minutes.
    expect((await b.call('/api/auth/mfa/step-up', { json: { method: 'totp', code: codeAt(secret, 3) } })).status).toBe(401);
    await forgetLastStep(owner.id);
    const stepped = await b.call('/api/auth/mfa/step-up', { json: { method: 'totp', code: codeAt(secret) } });
    expect(stepped.status).toBe(200);
    expect((await t.prisma.auditEvent.count({ where: { action: 'auth.step_up', actorId: owner.id } }))).toBe(1);
    expect((await b.call('/api/api-clients', { json: { name: 'stepped-up client', scopes: ['decide'] } })).status).toBe(201);
    expect((await b.call('/api/users', { json: { email: 'new-owner@mfa.test', name: 'New Owner', role: 'owner', password: PASSWORD } })).status).toBe(201);
    expect((await b.call(`/api/users/${analyst.id}`, { method: 'PUT', json: { role: 'owner' } })).status).toBe(200);
    expect((await b.call('/api/settings', { method: 'PUT', json: { mfaRequiredRoles: ['owner'] } })).status).toBe(200);
    // Step-up lives in its session only.
    const other = (await passwordStep(t, owner.email)).b;
    await forgetLastStep(owner.id);
    expect((await other.call('/api/auth/mfa/sign-in', { json: { method: 'totp', code: codeAt(secret) } })).status).toBe(200);
    await t.prisma.session.updateMany({ where: { userId: owner.id, csrfToken: other.csrf }, data: { mfaAt: null } });
    await expectStepUp(await other.call('/api/api-clients', { json: { name: 'other session', scopes: ['decide'] } }));
    await t.login().then((s) => s.request('/api/settings', { method: 'PUT', json: { mfaRequiredRoles: [] } }));
  });

  test('removing a factor needs a step-up; without factors the recovery codes go and sign-in is password only again', async () => {
    const user = await createUser(t, { email: 'remove@mfa.test', role: 'admin', password: PASSWORD });
    const { b } = await passwordStep(t, user.email);
    await enrolTotp(b);
    // Enrolment itself proved the factor in this session: removing right away is allowed.
    const removed = await b.call('/api/auth/mfa/totp', { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(await t.prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabled).toBe(false);
    expect(await t.prisma.auditEvent.count({ where: { action: 'mfa.totp.remove', actorId: user.id } })).toBe(1);
    const again = await passwordStep(t, user.email);
    expect(again.res.body.csrfToken).toBeDefined();
  });
});
