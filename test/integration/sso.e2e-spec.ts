/**
 * OpenID Connect single sign-on end to end against a real OpenID provider (oidc-provider) on
 * 127.0.0.1: the browser's part is played by fetch following redirects and posting the
 * provider's login and consent forms.
 */
import { APP_CONFIG, type AppConfig } from '../../apps/api/src/config/config';
import { AccountService } from '../../apps/api/src/modules/auth/account.service';
import { randomToken, sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import { CookieJar, ssoSignIn, startTestIdp, type TestIdp } from '../support/oidc-provider';
import { createUser } from '../support/security';
import { startTestApp, type Session, type TestApp } from '../support/test-app';

describe('OpenID Connect single sign-on', () => {
  let t: TestApp;
  let idp: TestIdp;
  let owner: Session;
  let orgSlug: string;

  const signIn = (login: string, extra: Partial<Parameters<typeof ssoSignIn>[0]> = {}) => ssoSignIn({ appUrl: t.url, startPath: `/api/auth/sso/start?org=${orgSlug}`, login, ...extra });

  /** The session cookie the callback set, as a header, or null. */
  const sessionCookieOf = (setCookies: string[]) => {
    const c = setCookies.find((s) => s.startsWith('__Host-airlock_session=') && !s.startsWith('__Host-airlock_session=;'));
    return c ? c.split(';')[0]! : null;
  };
  const me = async (cookie: string): Promise<any> => (await t.request("/api/auth/me", { headers: { cookie } })).json();

  const configure = (patch: Record<string, unknown> = {}) =>
    owner.request('/api/sso-connection', {
      method: 'PUT',
      json: {
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        scopes: 'openid email profile groups',
        groupsClaim: 'groups',
        roleMappings: { 'airlock-admins': 'admin', 'airlock-auditors': 'auditor', 'airlock-owners': 'owner' },
        defaultRole: 'employee',
        allowJit: true,
        enabled: true,
        ...patch,
      },
    });

  beforeAll(async () => {
    // Each sign-in costs two requests of the per-address sign-in budget (start and callback).
    t = await startTestApp({ AIRLOCK_LOGIN_RATE_LIMIT_PER_IP: '500' });
    // The app listens on a random port: make AIRLOCK_PUBLIC_URL say so (the redirect URI derives from it).
    (t.app.get(APP_CONFIG) as AppConfig).publicUrl = t.url;
    idp = await startTestIdp({ redirectUri: `${t.url}/api/auth/sso/callback`, postLogoutRedirectUri: `${t.url}/` });
    owner = await t.login();
    orgSlug = (await t.prisma.organization.findFirstOrThrow()).slug;
    await owner.json('/api/groups', { method: 'POST', json: { name: 'engineering', ssoGroups: ['eng', 'eng-contractors'] } });
    await owner.json('/api/groups', { method: 'POST', json: { name: 'finance', ssoGroups: ['fin'] } });
    await owner.json('/api/groups', { method: 'POST', json: { name: 'local-only' } });
    idp.accounts.set('alice', { email: 'Alice@Corp.test', email_verified: true, name: 'Alice Example', groups: ['airlock-auditors', 'airlock-admins', 'eng', 'unknown-group'] });
  });

  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  test('the connection: secret write-only, masked in the audit log, and the callback URL to register', async () => {
    const before = await owner.json('/api/sso-connection');
    expect(before).toMatchObject({ configured: false, callbackUrl: `${t.url}/api/auth/sso/callback` });
    const missingSecret = await owner.request('/api/sso-connection', { method: 'PUT', json: { issuer: idp.issuer, clientId: 'x' } });
    expect(missingSecret.status).toBe(400);
    const insecure = await owner.request('/api/sso-connection', { method: 'PUT', json: { issuer: 'http://idp.example.com', clientId: 'x', clientSecret: 'y' } });
    expect(insecure.status).toBe(400);

    const res = await configure();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(idp.clientSecret);
    expect(JSON.parse(text)).toMatchObject({ configured: true, issuer: idp.issuer, clientSecretSet: true, startUrl: `${t.url}/api/auth/sso/start?org=${orgSlug}` });
    expect(JSON.stringify(await owner.json('/api/sso-connection'))).not.toContain(idp.clientSecret);

    // Omitting the secret keeps it; the audit log never shows it.
    expect((await configure({ clientSecret: undefined })).status).toBe(200);
    const events = await owner.json<any[]>(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'SsoConnection' }))}`);
    expect(events.map((e) => e.action).sort()).toEqual(['sso_connection.create', 'sso_connection.update']);
    expect(JSON.stringify(events)).not.toContain(idp.clientSecret);
    expect(events.find((e) => e.action === 'sso_connection.create').after.clientSecret).toBe('[masked]');
    expect((await t.prisma.ssoConnection.findFirstOrThrow()).clientSecret).toBe(idp.clientSecret);
  });

  test('test connection runs discovery without saving; an enabled connection that does not answer is refused, a disabled one kept', async () => {
    const ok = await owner.json<any>('/api/sso-connection/test', { method: 'POST', json: { issuer: idp.issuer, clientId: idp.clientId, scopes: 'openid email profile groups', groupsClaim: 'groups' } });
    expect(ok).toMatchObject({ ok: true, issuer: idp.issuer, authorizationEndpoint: expect.stringContaining(idp.issuer), tokenEndpoint: expect.stringContaining(idp.issuer), pkceS256: true });

    // A port on loopback where nothing listens: the reason in words, nothing saved.
    const dead = `http://127.0.0.1:${await (async () => {
      const { createServer } = await import('node:net');
      const server = createServer();
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const port = (server.address() as { port: number }).port;
      await new Promise((r) => server.close(r));
      return port;
    })()}`;
    const failed = await owner.json<any>('/api/sso-connection/test', { method: 'POST', json: { issuer: dead } });
    expect(failed).toMatchObject({ ok: false, message: expect.stringContaining('Nothing accepts connections') });

    const before = await owner.json<any>('/api/sso-connection');
    const refused = await configure({ issuer: dead });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as any;
    expect(body.error.message).toMatch(/Nothing accepts connections at .* Nothing was saved/);
    expect((await owner.json<any>('/api/sso-connection')).issuer).toBe(before.issuer);

    // Turned off, it is kept unchecked; turned on again at the right issuer, it is checked and saved.
    const off = await configure({ issuer: dead, enabled: false });
    expect(off.status).toBe(200);
    expect((await configure()).status).toBe(200);
    const now = await owner.json<any>('/api/sso-connection');
    expect(now).toMatchObject({ issuer: idp.issuer, enabled: true, signInUrl: `${t.url}/#/login?org=${orgSlug}`, ssoUsers: 0, lastSignInAt: null });

    // Bad input is a 400, and the employee cannot run it.
    expect((await owner.request('/api/sso-connection/test', { method: 'POST', json: { issuer: 'not a url' } })).status).toBe(400);
  });

  test('first sign-in provisions the user just in time, maps groups and the highest role, and opens a session', async () => {
    const started = Date.now();
    const flow = await signIn('alice');
    expect(flow.status).toBe(302);
    expect(flow.location).toBe(`${t.url}/#/`);
    // The whole round trip went through the provider's login and consent pages.
    expect(flow.visited.some((v) => v.startsWith(`POST ${idp.issuer}/interaction/`))).toBe(true);
    const cookie = sessionCookieOf(flow.setCookies);
    expect(cookie).not.toBeNull();
    const who = await me(cookie!);
    expect(who.user).toMatchObject({ email: 'alice@corp.test', name: 'Alice Example', role: 'admin', groups: ['engineering'] });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: 'alice@corp.test' } });
    expect(user).toMatchObject({ ssoSubject: 'alice', ssoIssuer: idp.issuer, passwordHash: null });
    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['user.create', 'auth.login']);
    expect(audit[1]!.after).toEqual({ method: 'sso' });
    // Both carry the callback request's origin.
    expect(audit.every((e) => e.ip === '127.0.0.1' && e.requestId)).toBe(true);
    console.log(`SSO sign-in with JIT provisioning through the real provider: ${Date.now() - started} ms`);
  });

  test('a deep link survives the sign-in; a return path to another site is refused on the sign-in page, not as JSON', async () => {
    const flow = await signIn('alice', { startPath: `/api/auth/sso/start?org=${orgSlug}&returnTo=${encodeURIComponent('/incidents?filter={"status":"open"}')}` });
    expect(flow.location).toBe(`${t.url}/#/incidents?filter={"status":"open"}`);
    for (const evil of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)']) {
      const res = await t.request(`/api/auth/sso/start?org=${orgSlug}&returnTo=${encodeURIComponent(evil)}`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/#/login?sso_error=validation_failed');
    }
  });

  test('a sign-in started at the provider (app tile): the organization from the issuer, login_hint passed on, target kept', async () => {
    const target = `${t.url}/#/incidents`;
    const res = await t.request(`/api/auth/sso/initiate?iss=${encodeURIComponent(idp.issuer)}&login_hint=alice%40corp.test&target_link_uri=${encodeURIComponent(target)}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('login_hint')).toBe('alice@corp.test');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    // The whole flow from the tile lands on the target.
    const flow = await signIn('alice', { startPath: `/api/auth/sso/initiate?iss=${encodeURIComponent(idp.issuer)}&target_link_uri=${encodeURIComponent(target)}` });
    expect(flow.location).toBe(target);
    // An issuer no organization uses, or a target on another site: the sign-in page, with words.
    const unknown = await t.request('/api/auth/sso/initiate?iss=https%3A%2F%2Fidp.unknown.test', { redirect: 'manual' });
    expect(unknown.headers.get('location')).toBe(`${t.url}/#/login?sso_error=choose_organization`);
    const away = await signIn('alice', { startPath: `/api/auth/sso/initiate?iss=${encodeURIComponent(idp.issuer)}&target_link_uri=${encodeURIComponent('https://evil.example/#/x')}` });
    expect(away.location).toBe(`${t.url}/#/`);
  });

  test('later sign-ins follow the provider: groups and role change with the claim; groups not mapped to SSO stay', async () => {
    const alice = await t.prisma.user.findUniqueOrThrow({ where: { email: 'alice@corp.test' } });
    await owner.json(`/api/users/${alice.id}`, { method: 'PUT', json: { groups: ['engineering', 'local-only'] } });
    idp.accounts.set('alice', { email: 'alice@corp.test', email_verified: true, name: 'Alice Example', groups: ['fin', 'airlock-auditors'] });
    const flow = await signIn('alice');
    expect(flow.location).toBe(`${t.url}/#/`);
    const who = await me(sessionCookieOf(flow.setCookies)!);
    expect(who.user).toMatchObject({ role: 'auditor', groups: ['finance', 'local-only'] });

    idp.accounts.set('alice', { email: 'alice@corp.test', email_verified: true, groups: [] });
    const again = await signIn('alice');
    expect((await me(sessionCookieOf(again.setCookies)!)).user).toMatchObject({ role: 'employee', groups: ['local-only'] });
    const sync = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: alice.id, action: 'user.sso_sync' }, orderBy: { seq: 'desc' } });
    expect(sync.before).toEqual({ role: 'auditor', groups: ['finance', 'local-only'] });
  });

  test('the mappings the Single sign-on page edits: role mappings on the connection, provider groups on each Airlock group', async () => {
    // The page saves role mappings with the connection and a group's provider groups through the Groups API.
    expect((await configure({ roleMappings: { 'airlock-admins': 'admin', 'airlock-auditors': 'auditor', 'airlock-owners': 'owner', 'Finance-Leads': 'analyst' }, clientSecret: undefined })).status).toBe(200);
    const groups = await owner.json<any[]>('/api/groups');
    const localOnly = groups.find((g) => g.name === 'local-only');
    const mapped = await owner.json<any>(`/api/groups/${localOnly.id}`, { method: 'PUT', json: { ssoGroups: ['contractors'] } });
    expect(mapped.ssoGroups).toEqual(['contractors']);
    expect((await owner.json<any>('/api/sso-connection')).roleMappings).toMatchObject({ 'Finance-Leads': 'analyst' });

    // Matched without regard to case, like every group value.
    idp.accounts.set('gina', { email: 'gina@corp.test', email_verified: true, groups: ['finance-leads', 'CONTRACTORS'] });
    const flow = await signIn('gina');
    expect((await me(sessionCookieOf(flow.setCookies)!)).user).toMatchObject({ role: 'analyst', groups: ['local-only'] });

    // Unmapped again: the group is the console's alone, and the next sign-in leaves it as it is.
    await owner.json(`/api/groups/${localOnly.id}`, { method: 'PUT', json: { ssoGroups: [] } });
    idp.accounts.set('gina', { email: 'gina@corp.test', email_verified: true, groups: [] });
    const again = await signIn('gina');
    expect((await me(sessionCookieOf(again.setCookies)!)).user).toMatchObject({ role: 'employee', groups: ['local-only'] });
  });

  test('the users API refuses changes to what the provider owns of an SSO user (role, SSO groups) while SSO is on', async () => {
    const alice = await t.prisma.user.findUniqueOrThrow({ where: { email: 'alice@corp.test' } });
    expect(alice).toMatchObject({ role: 'employee', groups: ['local-only'] });
    const put = (json: Record<string, unknown>) => owner.request(`/api/users/${alice.id}`, { method: 'PUT', json });

    const role = await put({ role: 'admin' });
    expect(role.status).toBe(409);
    const roleBody = (await role.json()) as any;
    expect(roleBody.error).toMatchObject({ code: 'conflict', details: { providerOwned: ['role'], groups: [] } });
    expect(roleBody.error.message).toMatch(/identity provider owns their role/);

    const joins = await put({ groups: ['local-only', 'finance'] });
    expect(joins.status).toBe(409);
    const joinsBody = (await joins.json()) as any;
    expect(joinsBody.error.details).toEqual({ providerOwned: ['groups'], groups: ['finance'] });
    expect(joinsBody.error.message).toMatch(/membership of "finance"/);
    expect((await put({ role: 'owner', groups: ['engineering'] })).status).toBe(409);
    // Nothing of a refused change was kept, and no audit event claims it was.
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: alice.id } })).toMatchObject({ role: 'employee', groups: ['local-only'] });

    // What the console sends back (the same role, the same provider groups) and what Airlock owns pass.
    const renamed = await owner.json<any>(`/api/users/${alice.id}`, { method: 'PUT', json: { name: 'Alice E.', role: 'employee', groups: [] } });
    expect(renamed).toMatchObject({ name: 'Alice E.', role: 'employee', groups: [], sso: true });
    expect((await put({ disabled: true })).status).toBe(200);
    expect((await put({ disabled: false, groups: ['local-only'] })).status).toBe(200);

    // With single sign-on off, nothing overwrites them: an owner sets them again.
    expect((await configure({ enabled: false, clientSecret: undefined })).status).toBe(200);
    expect((await put({ role: 'analyst' })).status).toBe(200);
    expect((await put({ role: 'employee' })).status).toBe(200);
    expect((await configure({ clientSecret: undefined })).status).toBe(200);

    // A password user is not concerned.
    const local = await createUser(t, { email: 'hank@corp.test', role: 'employee', password: 'hank local password 1' });
    expect((await owner.request(`/api/users/${local.id}`, { method: 'PUT', json: { role: 'analyst', groups: ['finance'] } })).status).toBe(200);
  });

  test('an existing local user is linked by verified e-mail once the domain is verified; an unverified e-mail is refused', async () => {
    await createUser(t, { email: 'carol@corp.test', role: 'analyst', password: 'carol local password 1' });
    // The organization has not proved it owns corp.test yet: no account of that domain is linked.
    idp.accounts.set('carol', { email: 'carol@corp.test', email_verified: true, groups: ['airlock-admins'] });
    const unproved = await signIn('carol');
    expect(unproved.location).toBe(`${t.url}/#/login?sso_error=domain_unverified`);
    const org = await t.prisma.organization.findFirstOrThrow({ where: { slug: orgSlug } });
    await t.prisma.organizationDomain.create({ data: { organizationId: org.id, domain: 'corp.test', token: 'verified-by-the-test', verifiedAt: new Date() } });
    idp.accounts.set('carol-unverified', { email: 'carol@corp.test', email_verified: false, groups: [] });
    const refused = await signIn('carol-unverified');
    expect(refused.location).toBe(`${t.url}/#/login?sso_error=email_unverified`);
    expect(sessionCookieOf(refused.setCookies)).toBeNull();
    // The refusal is in the organization's audit log: why, for whom, from where.
    const audited = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.sso_refused' }, orderBy: { seq: 'desc' } });
    expect(audited.after).toEqual({ reason: 'email_unverified', email: 'carol@corp.test' });
    expect(audited.ip).toBe('127.0.0.1');

    idp.accounts.set('carol', { email: 'carol@corp.test', email_verified: true, groups: ['airlock-admins'] });
    const flow = await signIn('carol');
    expect((await me(sessionCookieOf(flow.setCookies)!)).user).toMatchObject({ email: 'carol@corp.test', role: 'admin' });
    // A second identity claiming the same e-mail cannot take the account over.
    idp.accounts.set('mallory', { email: 'carol@corp.test', email_verified: true, groups: ['airlock-owners'] });
    const takeover = await signIn('mallory');
    expect(takeover.location).toBe(`${t.url}/#/login?sso_error=linked_to_other_identity`);
  });

  test('an e-mail that belongs to another organization is refused', async () => {
    const other = await t.prisma.organization.create({ data: { name: 'Other Org', slug: 'other-org-sso' } });
    await createUser(t, { organizationId: other.id, email: 'dave@other.test', role: 'owner', password: 'dave other password 1' });
    idp.accounts.set('dave', { email: 'dave@other.test', email_verified: true, groups: [] });
    const flow = await signIn('dave');
    expect(flow.location).toBe(`${t.url}/#/login?sso_error=other_organization`);
    expect(sessionCookieOf(flow.setCookies)).toBeNull();
    expect(await t.prisma.user.findUniqueOrThrow({ where: { email: 'dave@other.test' } })).toMatchObject({ organizationId: other.id, ssoSubject: null });
  });

  test('a disabled user is refused, and their open sessions are gone', async () => {
    idp.accounts.set('erin', { email: 'erin@corp.test', email_verified: true, groups: [] });
    const first = await signIn('erin');
    const cookie = sessionCookieOf(first.setCookies)!;
    expect((await t.request('/api/auth/me', { headers: { cookie } })).status).toBe(200);
    const erin = await t.prisma.user.findUniqueOrThrow({ where: { email: 'erin@corp.test' } });
    await owner.json(`/api/users/${erin.id}`, { method: 'PUT', json: { disabled: true } });
    expect((await t.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    const flow = await signIn('erin');
    expect(flow.status).toBe(302);
    expect(flow.location).toBe(`${t.url}/#/login?sso_error=disabled`);
    expect(sessionCookieOf(flow.setCookies)).toBeNull();
  });

  test('without just-in-time provisioning an unknown user is refused', async () => {
    expect((await configure({ allowJit: false, clientSecret: undefined })).status).toBe(200);
    idp.accounts.set('frank', { email: 'frank@corp.test', email_verified: true, groups: ['airlock-admins'] });
    const flow = await signIn('frank');
    expect(flow.location).toBe(`${t.url}/#/login?sso_error=not_provisioned`);
    expect(await t.prisma.user.findUnique({ where: { email: 'frank@corp.test' } })).toBeNull();
    expect((await configure({ allowJit: true, clientSecret: undefined })).status).toBe(200);
  });

  test('a wrong state is refused, and so is a callback without the state cookie or with a forged one', async () => {
    idp.accounts.set('grace', { email: 'grace@corp.test', email_verified: true, groups: [] });
    const tampered = await signIn('grace', {
      beforeCallback: (u) => {
        u.searchParams.set('state', 'an-attacker-chosen-state');
        return u;
      },
    });
    expect(tampered.location).toBe(`${t.url}/#/login?sso_error=provider_error`);
    expect(sessionCookieOf(tampered.setCookies)).toBeNull();

    const jar = new CookieJar();
    const noCookie = await signIn('grace', {
      jar,
      beforeCallback: (u) => {
        jar.delete(t.url, '__Host-airlock_sso');
        return u;
      },
    });
    expect(noCookie.location).toBe(`${t.url}/#/login?sso_error=state_invalid`);

    const jar2 = new CookieJar();
    const forged = await signIn('grace', {
      jar: jar2,
      beforeCallback: (u) => {
        const sealed = jar2.get(t.url, '__Host-airlock_sso')!;
        const parts = sealed.split('.');
        parts[2] = `${parts[2]!.slice(0, -2)}AA`;
        jar2.store(t.url, new Response(null, { headers: { 'set-cookie': `__Host-airlock_sso=${parts.join('.')}; Path=/` } }));
        return u;
      },
    });
    expect(forged.location).toBe(`${t.url}/#/login?sso_error=state_invalid`);
    expect(await t.prisma.user.findUnique({ where: { email: 'grace@corp.test' } })).toBeNull();

    // A callback replayed with an authorization code already used is refused too.
    const jar3 = new CookieJar();
    let callbackUrl = '';
    const ok = await signIn('grace', {
      jar: jar3,
      beforeCallback: (u) => {
        callbackUrl = u.toString();
        return u;
      },
    });
    expect(ok.location).toBe(`${t.url}/#/`);
    const replay = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: jar3.header(callbackUrl) } });
    expect(replay.headers.get('location')).toMatch(/sso_error=/);
  });

  test('the state cookie is HttpOnly, SameSite=Lax, __Host- and short-lived; start refuses unknown organizations', async () => {
    const res = await fetch(`${t.url}/api/auth/sso/start?org=${orgSlug}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe(idp.issuer);
    for (const p of ['state', 'nonce', 'code_challenge']) expect(location.searchParams.get(p)).toBeTruthy();
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe(`${t.url}/api/auth/sso/callback`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-airlock_sso='))!;
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Max-Age=600/i);
    // The sealed state reveals nothing of the PKCE verifier.
    expect(cookie).not.toContain(location.searchParams.get('state')!);

    const unknown = await fetch(`${t.url}/api/auth/sso/start?org=no-such-org`, { redirect: 'manual' });
    expect(unknown.headers.get('location')).toBe(`${t.url}/#/login?sso_error=not_configured`);
    // A malformed link is a browser navigation too: the sign-in page says so, not a JSON 400.
    const bad = await fetch(`${t.url}/api/auth/sso/start?org=${encodeURIComponent('<script>')}`, { redirect: 'manual' });
    expect(bad.status).toBe(302);
    expect(bad.headers.get('location')).toBe('/#/login?sso_error=validation_failed');
  });

  describe('SSO-only and RP-initiated logout', () => {
    const ownerLogin = (email: string, password: string) => t.request('/api/auth/login', { method: 'POST', json: { email, password } });

    test('SSO-only cannot be turned on without an enabled connection or a proper break-glass owner', async () => {
      const off = await configure({ enabled: false, ssoOnly: true, breakGlassOwner: 'owner@airlock.test' });
      expect(off.status).toBe(422);
      expect(((await off.json()) as any).error.message).toMatch(/single sign-on turned on/);
      const none = await configure({ ssoOnly: true, breakGlassOwner: null });
      expect(none.status).toBe(422);
      expect(((await none.json()) as any).error.message).toMatch(/needs a break-glass owner/);
      await createUser(t, { email: 'admin-bg@corp.test', role: 'admin', password: 'admin break glass 1' });
      const notOwner = await configure({ ssoOnly: true, breakGlassOwner: 'admin-bg@corp.test' });
      expect(notOwner.status).toBe(422);
      expect(((await notOwner.json()) as any).error.message).toMatch(/is not an owner/);
      const other = await t.prisma.organization.create({ data: { name: 'Elsewhere', slug: 'elsewhere-bg' } });
      const foreign = await createUser(t, { organizationId: other.id, email: 'owner-bg@elsewhere.test', role: 'owner', password: 'foreign owner pass 1' });
      const foreignRes = await configure({ ssoOnly: true, breakGlassOwner: foreign.id });
      expect(foreignRes.status).toBe(422);
      expect(((await foreignRes.json()) as any).error.message).toMatch(/not a user of this organization/);
      await createUser(t, { email: 'owner-nopw@corp.test', role: 'owner' });
      const noPassword = await configure({ ssoOnly: true, breakGlassOwner: 'owner-nopw@corp.test' });
      expect(noPassword.status).toBe(422);
      expect(((await noPassword.json()) as any).error.message).toMatch(/has no password/);
      const disabled = await createUser(t, { email: 'owner-off@corp.test', role: 'owner', password: 'disabled owner pass 1' });
      await t.prisma.user.update({ where: { id: disabled.id }, data: { disabled: true } });
      const disabledRes = await configure({ ssoOnly: true, breakGlassOwner: disabled.id });
      expect(disabledRes.status).toBe(422);
      expect(((await disabledRes.json()) as any).error.message).toMatch(/is disabled/);
      expect((await t.prisma.ssoConnection.findFirstOrThrow()).ssoOnly).toBe(false);
    });

    test('SSO-only refuses the passwords of everyone but the break-glass owner, with the wrong-password answer', async () => {
      await createUser(t, { email: 'pat@corp.test', role: 'analyst', password: 'pat local password 1' });
      const ownerId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'owner@airlock.test' } })).id;
      const on = await configure({ ssoOnly: true, breakGlassOwner: 'OWNER@airlock.test' });
      expect(on.status).toBe(200);
      expect(await on.json()).toMatchObject({ ssoOnly: true, breakGlassOwner: 'owner@airlock.test', breakGlassUserId: ownerId, postLogoutRedirectUri: `${t.url}/` });

      const wrong = await ownerLogin('pat@corp.test', 'not the password at all');
      const refused = await ownerLogin('pat@corp.test', 'pat local password 1');
      expect(refused.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(await refused.json()).toEqual(await wrong.json());
      // The break-glass owner still signs in with a password.
      expect((await ownerLogin('owner@airlock.test', 'correct horse battery staple')).status).toBe(200);

      // The sign-in page's hint: only for an SSO-only organization, the same for an unknown one as for one without.
      expect(await (await t.request(`/api/auth/sso/organization?org=${orgSlug}`)).json()).toEqual({ ssoOnly: true });
      expect(await (await t.request('/api/auth/sso/organization?org=no-such-org')).json()).toEqual({ ssoOnly: false });
      expect((await t.request('/api/auth/sso/organization?org=%3Cx%3E')).status).toBe(400);

      // Audited, with who the break-glass owner is.
      const events = await owner.json<any[]>(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'SsoConnection' }))}`);
      const audit = events.find((e) => e.action === 'sso_connection.sso_only_on');
      expect(audit.after).toMatchObject({ ssoOnly: true, breakGlassUserId: ownerId, breakGlassOwner: 'owner@airlock.test' });

      // A password reset mails nothing; a reset or invitation link cannot set a password.
      const pat = await t.prisma.user.findUniqueOrThrow({ where: { email: 'pat@corp.test' } });
      const tokensBefore = await t.prisma.userToken.count({ where: { userId: pat.id } });
      expect((await t.request('/api/auth/password-reset/request', { method: 'POST', json: { email: 'pat@corp.test' } })).status).toBe(202);
      await t.app.get(AccountService).settled();
      expect(await t.prisma.userToken.count({ where: { userId: pat.id } })).toBe(tokensBefore);
      const token = randomToken();
      await t.prisma.userToken.create({ data: { organizationId: pat.organizationId, userId: pat.id, kind: 'invitation', tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + 3_600_000) } });
      const accept = await t.request('/api/auth/invitations/accept', { method: 'POST', json: { token, password: 'a brand new password 1' } });
      expect(accept.status).toBe(422);
      expect(((await accept.json()) as any).error.message).toMatch(/signs in with single sign-on/);

      // The break-glass owner cannot be demoted or disabled while SSO-only is on, even with another owner.
      await createUser(t, { email: 'owner2@corp.test', role: 'owner', password: 'second owner pass 1' });
      const demote = await owner.request(`/api/users/${ownerId}`, { method: 'PUT', json: { role: 'admin' } });
      expect(demote.status).toBe(422);
      expect(((await demote.json()) as any).error.message).toMatch(/break-glass owner/);

      // Off again: passwords work again, and that is audited too.
      expect((await configure({ ssoOnly: false })).status).toBe(200);
      expect((await ownerLogin('pat@corp.test', 'pat local password 1')).status).toBe(200);
      const after = await owner.json<any[]>(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'SsoConnection' }))}`);
      expect(after.some((e) => e.action === 'sso_connection.sso_only_off')).toBe(true);
    });

    test('logging out of an SSO session answers the provider end-session URL; a password session does not', async () => {
      const flow = await signIn('alice');
      const cookie = sessionCookieOf(flow.setCookies)!;
      const { csrfToken } = await me(cookie);
      const res = await t.request('/api/auth/logout', { method: 'POST', json: {}, headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      const url = new URL(body.endSessionUrl);
      expect(url.origin).toBe(idp.issuer);
      expect(url.searchParams.get('client_id')).toBe(idp.clientId);
      expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${t.url}/`);
      // The provider accepts it: its logout confirmation page, not an error.
      const confirm = await fetch(url, { redirect: 'manual' });
      expect(confirm.status).toBe(200);
      expect(await confirm.text()).toMatch(/logout/i);
      expect((await t.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);

      const password = await t.login();
      const plain = await password.json<any>('/api/auth/logout', { method: 'POST', json: {} });
      expect(plain).toEqual({ ok: true });
    });
  });
});
