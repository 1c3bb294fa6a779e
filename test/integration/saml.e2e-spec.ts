/**
 * SAML 2.0 single sign-on end to end against a SAML identity provider run here (samlify in IdP
 * mode, its keys made by the test): Airlock's SP metadata, the IdP metadata by URL (SSRF guard) and
 * by upload, the signed AuthnRequest (checked by the IdP), the HTTP-POST response at the ACS, and
 * every way a response must be refused.
 */
import { APP_CONFIG, type AppConfig } from '../../apps/api/src/config/config';
import { CookieJar } from '../support/oidc-provider';
import { createUser } from '../support/security';
import { startTestApp, type Session, type TestApp } from '../support/test-app';

type SamlIdp = Awaited<ReturnType<typeof import('../support/saml-idp.mjs').startSamlIdp>>;

describe('SAML 2.0 single sign-on', () => {
  let t: TestApp;
  let idp: SamlIdp;
  let owner: Session;
  let slug: string;
  let acsUrl: string;
  let entityId: string;

  const sessionCookieOf = (setCookies: string[]) => setCookies.find((s) => s.startsWith('__Host-airlock_session=') && !s.startsWith('__Host-airlock_session=;'))?.split(';')[0] ?? null;
  const me = async (cookie: string): Promise<any> => (await t.request('/api/auth/me', { headers: { cookie } })).json();

  /** Starts a sign-in as a browser would: the redirect to the IdP (whose AuthnRequest the IdP checks), the state cookie kept. */
  async function start(path = `/api/auth/sso/start?org=${slug}`) {
    const jar = new CookieJar();
    const res = await fetch(t.url + path, { redirect: 'manual' });
    jar.store(t.url, res);
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location.startsWith(idp.ssoUrl)).toBe(true);
    return { jar, location, request: await idp.parseRequest(location), setCookie: res.headers.getSetCookie() };
  }

  /** The IdP's auto-submitted form: a cross-site POST to the ACS with the state cookie. */
  const post = (jar: CookieJar, samlResponse: string, relayState = '') =>
    fetch(acsUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(acsUrl), 'content-type': 'application/x-www-form-urlencoded', origin: idp.base, 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: relayState }).toString(),
    });

  const configure = (patch: Record<string, unknown> = {}) =>
    owner.request('/api/sso-connection', {
      method: 'PUT',
      json: {
        protocol: 'saml',
        samlIdpEntityId: idp.entityId,
        samlSsoUrl: idp.ssoUrl,
        samlSloUrl: idp.sloUrl,
        samlIdpCertificates: [idp.certificate],
        roleMappings: { 'Airlock-Admins': 'admin', 'airlock-auditors': 'auditor' },
        defaultRole: 'employee',
        allowJit: true,
        enabled: true,
        ...patch,
      },
    });

  const lastRefusal = async () => (await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.sso_refused' }, orderBy: { seq: 'desc' } })).after as Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_SSO_ALLOW_PRIVATE: '127.0.0.1' });
    (t.app.get(APP_CONFIG) as AppConfig).publicUrl = t.url;
    const { startSamlIdp } = await import('../support/saml-idp.mjs');
    idp = await startSamlIdp({
      users: {
        ada: { email: 'ada@corp.test', name: 'Ada Lovelace', groups: ['airlock-admins', 'eng'] },
        bob: { email: 'bob@corp.test', name: 'Bob', groups: ['AIRLOCK-AUDITORS'] },
      },
    });
    owner = await t.login();
    slug = (await t.prisma.organization.findFirstOrThrow()).slug;
    entityId = `${t.url}/api/auth/sso/saml/${slug}`;
    acsUrl = `${entityId}/acs`;
    await owner.json('/api/groups', { method: 'POST', json: { name: 'engineering', ssoGroups: ['ENG'] } });
  });

  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  test('the SP metadata: public, per organization, with the entity id, the ACS and logout URLs and a signing certificate', async () => {
    const before = await owner.json<any>('/api/sso-connection');
    expect(before).toMatchObject({ configured: false, saml: { entityId, acsUrl, sloUrl: `${entityId}/slo`, metadataUrl: `${entityId}/metadata` } });
    const res = await fetch(`${entityId}/metadata?download`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/samlmetadata\+xml/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="airlock-${slug}-saml-metadata.xml"`);
    const xml = await res.text();
    expect(xml).toContain(`entityID="${entityId}"`);
    expect(xml).toMatch(new RegExp(`AssertionConsumerService[^>]*Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]*Location="${acsUrl}"`));
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toMatch(/<ds:X509Certificate>MII/);
    expect(xml).not.toMatch(/PRIVATE KEY/);
    // The same key pair on every download; none for an organization that does not exist.
    const certOf = (x: string) => /<ds:X509Certificate>([^<]+)</.exec(x)![1];
    expect(certOf(await (await fetch(`${entityId}/metadata`)).text())).toBe(certOf(xml));
    expect((await fetch(`${t.url}/api/auth/sso/saml/no-such-org/metadata`)).status).toBe(404);
    idp.trust(xml);
  });

  test('the IdP metadata: loaded from its URL (SSRF-guarded) or an uploaded file, nothing saved; unusable metadata says why', async () => {
    const byUrl = await owner.json<any>('/api/sso-connection/saml-metadata', { method: 'POST', json: { url: idp.metadataUrl } });
    expect(byUrl).toMatchObject({ samlIdpEntityId: idp.entityId, samlSsoUrl: idp.ssoUrl, samlSloUrl: idp.sloUrl, samlMetadataUrl: idp.metadataUrl });
    expect(byUrl.samlIdpCertificates).toHaveLength(1);
    expect(byUrl.certificates[0]).toMatchObject({ subject: 'CN=Test SAML IdP', expired: false });
    const upload = await owner.json<any>('/api/sso-connection/saml-metadata', { method: 'POST', json: { xml: idp.metadata() } });
    expect(upload.samlIdpCertificates).toEqual(byUrl.samlIdpCertificates);
    expect(await t.prisma.ssoConnection.findFirst({ where: { samlIdpEntityId: { not: null } } })).toBeNull();

    // A loopback address the installation did not allow (AIRLOCK_SSO_ALLOW_PRIVATE names 127.0.0.1 only).
    const ssrf = await owner.request('/api/sso-connection/saml-metadata', { method: 'POST', json: { url: idp.metadataUrl.replace('127.0.0.1', '[::1]') } });
    expect(ssrf.status).toBe(422);
    expect(((await ssrf.json()) as any).error.message).toMatch(/::1 is a loopback address.*AIRLOCK_SSO_ALLOW_PRIVATE/);
    const cases: [unknown, RegExp][] = [
      [{ xml: 'not xml at all <' }, /not SAML metadata|not well-formed/],
      [{ xml: await (await fetch(`${entityId}/metadata`)).text() }, /no SAML 2.0 identity provider.*service provider's metadata/],
      [{ xml: '<!DOCTYPE x [<!ENTITY a "b">]><x/>' }, /DOCTYPE/],
      [{ xml: idp.metadata().replace(/<ds:X509Certificate>[^<]+<\/ds:X509Certificate>/g, '') }, /no signing certificate/],
      [{ url: `${idp.base}/nothing-here` }, /answered HTTP 404/],
    ];
    for (const [input, message] of cases) {
      const res = await owner.request('/api/sso-connection/saml-metadata', { method: 'POST', json: input });
      expect(res.status).toBe(422);
      expect(((await res.json()) as any).error.message).toMatch(message);
    }
    expect((await owner.request('/api/sso-connection/saml-metadata', { method: 'POST', json: { url: idp.metadataUrl, xml: '<x/>' } })).status).toBe(400);
  });

  test('test connection reads the certificates; saving checks them; the fields are required for SAML', async () => {
    const check = await owner.json<any>('/api/sso-connection/test', { method: 'POST', json: { protocol: 'saml', samlIdpEntityId: idp.entityId, samlSsoUrl: idp.ssoUrl, samlIdpCertificates: [idp.certificate] } });
    expect(check).toMatchObject({ ok: true, certificates: [{ subject: 'CN=Test SAML IdP', expired: false }] });
    const bad = await owner.json<any>('/api/sso-connection/test', { method: 'POST', json: { protocol: 'saml', samlIdpEntityId: idp.entityId, samlSsoUrl: idp.ssoUrl, samlIdpCertificates: ['MII' + 'A'.repeat(200)] } });
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/could not be read as an X.509 certificate/) });
    const missing = await owner.request('/api/sso-connection', { method: 'PUT', json: { protocol: 'saml', samlIdpCertificates: [idp.certificate] } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toMatch(/samlIdpEntityId.*required for SAML/);
    const garbage = await configure({ samlIdpCertificates: ['MII' + 'A'.repeat(200)] });
    expect(garbage.status).toBe(400);

    const res = await configure();
    expect(res.status).toBe(200);
    const saved = (await res.json()) as any;
    expect(saved).toMatchObject({ configured: true, protocol: 'saml', samlIdpEntityId: idp.entityId, enabled: true, samlCertificates: [{ expired: false }] });
    expect(JSON.stringify(saved)).not.toMatch(/PRIVATE KEY/);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'sso_connection.update' }, orderBy: { seq: 'desc' } });
    expect(JSON.stringify(audit)).not.toMatch(/PRIVATE KEY/);
  });

  test('a full sign-in: signed AuthnRequest, HTTP-POST response, JIT account, role and groups from the groups attribute, the deep link kept', async () => {
    const started = Date.now();
    const { jar, request, location, setCookie } = await start(`/api/auth/sso/start?org=${slug}&returnTo=${encodeURIComponent('/incidents')}&login_hint=ada%40corp.test`);
    // Signed with the SP key of the metadata (the IdP checked it), and the state cookie made for a cross-site POST.
    expect(new URL(location).searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(new URL(location).searchParams.get('login_hint')).toBe('ada@corp.test');
    expect(request.acsUrl).toBe(acsUrl);
    const cookie = setCookie.find((c) => c.startsWith('__Host-airlock_saml='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=None/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Max-Age=600/i);

    const res = await post(jar, await idp.respond(request, idp.users.get('ada')), request.relayState);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${t.url}/#/incidents`);
    const session = sessionCookieOf(res.headers.getSetCookie());
    expect(session).not.toBeNull();
    expect(res.headers.getSetCookie().some((c) => c.startsWith('__Host-airlock_saml=;'))).toBe(true);
    const who = await me(session!);
    expect(who.user).toMatchObject({ email: 'ada@corp.test', name: 'Ada Lovelace', role: 'admin', groups: ['engineering'] });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: 'ada@corp.test' } });
    expect(user).toMatchObject({ ssoIssuer: idp.entityId, ssoSubject: 'ada@corp.test', passwordHash: null });
    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['user.create', 'auth.login']);
    expect(audit[0]!.after).toMatchObject({ provisionedBy: 'sso', protocol: 'saml' });
    console.log(`SAML sign-in (start, signed AuthnRequest checked by the IdP, POST to the ACS, JIT): ${Date.now() - started} ms`);

    // Later: the provider's groups change, and so do the role and the SSO-managed groups.
    idp.users.set('ada', { email: 'ada@corp.test', name: 'Ada Lovelace', groups: ['AIRLOCK-AUDITORS'] });
    const again = await start();
    const res2 = await post(again.jar, await idp.respond(again.request, idp.users.get('ada')));
    expect((await me(sessionCookieOf(res2.headers.getSetCookie())!)).user).toMatchObject({ role: 'auditor', groups: [] });
  });

  test('attribute names are configurable: Entra ID claim URIs by default, a named attribute when set', async () => {
    idp.users.set('erin', {
      email: 'erin@corp.test',
      nameId: 'b2c1f0de-entra-object-id',
      attributes: {
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'Erin@Corp.test',
        'http://schemas.microsoft.com/identity/claims/displayname': 'Erin Entra',
        'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['airlock-admins'],
        department: ['airlock-auditors'],
      },
    });
    const a = await start();
    const res = await post(a.jar, await idp.respond(a.request, idp.users.get('erin')));
    expect((await me(sessionCookieOf(res.headers.getSetCookie())!)).user).toMatchObject({ email: 'erin@corp.test', name: 'Erin Entra', role: 'admin' });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { email: 'erin@corp.test' } })).toMatchObject({ ssoSubject: 'b2c1f0de-entra-object-id' });

    expect((await configure({ samlGroupsAttribute: 'department' })).status).toBe(200);
    const b = await start();
    const res2 = await post(b.jar, await idp.respond(b.request, idp.users.get('erin')));
    expect((await me(sessionCookieOf(res2.headers.getSetCookie())!)).user).toMatchObject({ role: 'auditor' });
    expect((await configure({ samlGroupsAttribute: null })).status).toBe(200);
  });

  test('refused: unsigned, only the message signed, signed by another key, tampered, wrong audience, expired, another issuer, replayed, unsolicited, not this browser', async () => {
    const ada = idp.users.get('ada');
    const cases: [string, Record<string, unknown>, string][] = [
      ['unsigned', { unsigned: true }, 'signature_invalid'],
      ['response signed, assertion not', { responseOnly: true }, 'signature_invalid'],
      ['signed by another key', { otherKey: true }, 'signature_invalid'],
      ['tampered after signing', { tamper: 'mallory@corp.test' }, 'signature_invalid'],
      ['wrong audience', { audience: 'https://another-sp.example/saml' }, 'audience_mismatch'],
      ['expired', { expired: true }, 'response_expired'],
      ['another issuer', { issuer: 'https://evil-idp.example/' }, 'provider_error'],
      ['another recipient', { recipient: 'https://another-sp.example/acs' }, 'audience_mismatch'],
      ['transient NameID', { nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' }, 'provider_error'],
    ];
    const sessionsBefore = await t.prisma.session.count();
    for (const [what, fault, reason] of cases) {
      const { jar, request } = await start();
      const res = await post(jar, await idp.respond(request, ada, fault));
      expect([what, res.status, res.headers.get('location')]).toEqual([what, 303, `${t.url}/#/login?sso_error=${reason}`]);
      expect(sessionCookieOf(res.headers.getSetCookie())).toBeNull();
      expect(await lastRefusal()).toMatchObject({ reason });
    }
    expect(await t.prisma.user.findUnique({ where: { email: 'mallory@corp.test' } })).toBeNull();

    // Replayed: the same response posted again with the same state cookie (a captured pair) is refused, on any instance.
    const { jar, request } = await start();
    const response = await idp.respond(request, ada);
    const first = await post(jar, response);
    expect(first.headers.get('location')).toBe(`${t.url}/#/`);
    const replay = await post(jar, response);
    expect(replay.headers.get('location')).toBe(`${t.url}/#/login?sso_error=response_replayed`);
    expect(sessionCookieOf(replay.headers.getSetCookie())).toBeNull();

    // Unsolicited (IdP-initiated, no InResponseTo), and a response to a sign-in started in another browser.
    const unsolicited = await post(new CookieJar(), await idp.respond(null, ada, { unsolicited: true }));
    expect(unsolicited.headers.get('location')).toBe(`${t.url}/#/login?sso_error=unsolicited`);
    const other = await start();
    const elsewhere = await post(new CookieJar(), await idp.respond(other.request, ada));
    expect(elsewhere.headers.get('location')).toBe(`${t.url}/#/login?sso_error=state_invalid`);
    // Two sign-ins in one browser: the response to the first no longer matches the state of the second.
    const one = await start();
    const two = await start();
    const crossed = await post(two.jar, await idp.respond(one.request, ada));
    expect(crossed.headers.get('location')).toBe(`${t.url}/#/login?sso_error=state_invalid`);
    expect(await t.prisma.session.count()).toBe(sessionsBefore + 1);

    // Malformed posts land on the sign-in page too, never on JSON.
    for (const body of ['', 'SAMLResponse=', 'SAMLResponse=%%%', `SAMLResponse=${Buffer.from('<x').toString('base64')}`]) {
      const res = await fetch(acsUrl, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/#\/login\?sso_error=/);
    }
    const json = await fetch(acsUrl, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(303);
    const unknownOrg = await fetch(`${t.url}/api/auth/sso/saml/no-such-org/acs`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'SAMLResponse=eA==' });
    expect(unknownOrg.headers.get('location')).toBe(`${t.url}/#/login?sso_error=not_configured`);
  });

  test('an existing local account is linked only when its domain is verified for the organization', async () => {
    await createUser(t, { email: 'carol@corp.test', role: 'analyst', password: 'carol local password 1' });
    idp.users.set('carol', { email: 'carol@corp.test', name: 'Carol', groups: [] });
    const a = await start();
    const refused = await post(a.jar, await idp.respond(a.request, idp.users.get('carol')));
    expect(refused.headers.get('location')).toBe(`${t.url}/#/login?sso_error=domain_unverified`);
    expect(await lastRefusal()).toEqual({ reason: 'domain_unverified', email: 'carol@corp.test' });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { email: 'carol@corp.test' } })).toMatchObject({ ssoSubject: null });

    const org = await t.prisma.organization.findFirstOrThrow();
    await t.prisma.organizationDomain.create({ data: { organizationId: org.id, domain: 'corp.test', token: 'x', verifiedAt: new Date() } });
    const b = await start();
    const linked = await post(b.jar, await idp.respond(b.request, idp.users.get('carol')));
    expect((await me(sessionCookieOf(linked.headers.getSetCookie())!)).user).toMatchObject({ email: 'carol@corp.test' });
    expect(await t.prisma.auditEvent.findFirst({ where: { action: 'user.sso_link' }, orderBy: { seq: 'desc' } })).toMatchObject({ after: { ssoIssuer: idp.entityId, ssoSubject: 'carol@corp.test', protocol: 'saml' } });
  });

  test('signing out of a SAML session answers the IdP single logout URL with a signed LogoutRequest for the person', async () => {
    const { jar, request } = await start();
    const res = await post(jar, await idp.respond(request, idp.users.get('bob')));
    const cookie = sessionCookieOf(res.headers.getSetCookie())!;
    const { csrfToken } = await me(cookie);
    const out = (await (await t.request('/api/auth/logout', { method: 'POST', json: {}, headers: { cookie, 'x-csrf-token': csrfToken } })).json()) as any;
    const url = new URL(out.endSessionUrl);
    expect(url.origin + url.pathname).toBe(idp.sloUrl);
    for (const p of ['SAMLRequest', 'SigAlg', 'Signature']) expect(url.searchParams.get(p)).toBeTruthy();
    const { inflateRawSync } = await import('node:zlib');
    const logoutRequest = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
    expect(logoutRequest).toContain('bob@corp.test</saml:NameID>');
    expect(logoutRequest).toContain(`<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${entityId}</saml:Issuer>`);
    expect((await fetch(url)).status).toBe(200);
    expect((await t.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    // Where the IdP sends the browser back: the console.
    const back = await fetch(`${entityId}/slo?SAMLResponse=eA%3D%3D`, { redirect: 'manual' });
    expect(back.headers.get('location')).toBe(`${t.url}/`);
  });

  test('switching the protocol keeps the other one\'s settings; a SAML connection turned off refuses sign-ins', async () => {
    expect((await configure({ enabled: false })).status).toBe(200);
    const res = await fetch(`${t.url}/api/auth/sso/start?org=${slug}`, { redirect: 'manual' });
    expect(res.headers.get('location')).toBe(`${t.url}/#/login?sso_error=not_configured`);
    const row = await t.prisma.ssoConnection.findFirstOrThrow();
    expect(row).toMatchObject({ protocol: 'saml', samlIdpEntityId: idp.entityId, enabled: false });
  });

  test('"Try a sign-in" (the connection off): the report of what the IdP sent and what would happen; nobody signed in, nothing written', async () => {
    const usersBefore = await t.prisma.user.count();
    const sessionsBefore = await t.prisma.session.count();
    const res = await owner.request('/api/auth/sso/test', { redirect: 'manual' });
    expect(res.status).toBe(302);
    const jar = new CookieJar();
    jar.store(t.url, res);
    const request = await idp.parseRequest(res.headers.get('location')!);
    idp.users.set('newbie', { email: 'newbie@corp.test', name: 'New Person', groups: ['airlock-admins', 'eng'] });
    const back = await post(jar, await idp.respond(request, idp.users.get('newbie')));
    expect(back.status).toBe(303);
    const location = new URL(back.headers.get('location')!);
    expect(location.hash).toMatch(/^#\/sso-test\?r=/);
    expect(sessionCookieOf(back.headers.getSetCookie())).toBeNull();
    const r = new URLSearchParams(location.hash.slice('#/sso-test?'.length)).get('r')!;
    const report = await owner.json<any>('/api/auth/sso/test/result', { method: 'POST', json: { r } });
    expect(report).toMatchObject({ ok: true, outcome: 'create', protocol: 'saml', email: 'newbie@corp.test', name: 'New Person', role: 'admin', airlockGroups: ['engineering'], providerGroups: ['airlock-admins', 'eng'] });
    expect(await t.prisma.user.count()).toBe(usersBefore);
    expect(await t.prisma.session.count()).toBe(sessionsBefore);

    // A refusal is reported to the test window, not audited as somebody's refused sign-in.
    const refusalsBefore = await t.prisma.auditEvent.count({ where: { action: 'auth.sso_refused' } });
    const again = await owner.request('/api/auth/sso/test', { redirect: 'manual' });
    const jar2 = new CookieJar();
    jar2.store(t.url, again);
    const bad = await post(jar2, await idp.respond(await idp.parseRequest(again.headers.get('location')!), idp.users.get('newbie'), { otherKey: true }));
    expect(bad.headers.get('location')).toBe(`${t.url}/#/sso-test?error=signature_invalid`);
    expect(await t.prisma.auditEvent.count({ where: { action: 'auth.sso_refused' } })).toBe(refusalsBefore);

    // Only owners (settings.write) start one; a report opens only in its own organization.
    expect((await t.request('/api/auth/sso/test', { redirect: 'manual' })).headers.get('location')).toBe('/#/login?sso_error=unauthenticated');
    expect((await owner.request('/api/auth/sso/test/result', { method: 'POST', json: { r: r.slice(0, -4) + 'AAAA' } })).status).toBe(422);
  });
});
