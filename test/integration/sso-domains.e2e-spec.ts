/**
 * Verified e-mail domains: the TXT record is looked up through node:dns's Resolver on the servers
 * AIRLOCK_DNS_SERVERS names, here a DNS server run by the test on 127.0.0.1 (dns-packet), and
 * home-realm discovery sends an address of a verified domain to its organization's SSO.
 */
import { BackgroundJobs } from '../../apps/api/src/common/background-jobs';
import { SsoDomainRecheck } from '../../apps/api/src/modules/auth/sso/sso-domain-recheck';
import type { DnsStub } from '../support/dns-stub.mjs';
import { createUser } from '../support/security';
import { startTestApp, type Session, type TestApp } from '../support/test-app';

describe('verified domains and home-realm discovery', () => {
  let t: TestApp;
  let dns: DnsStub;
  let owner: Session;
  let slug: string;

  beforeAll(async () => {
    const { startDnsStub } = await import('../support/dns-stub.mjs');
    dns = await startDnsStub();
    t = await startTestApp({ AIRLOCK_DNS_SERVERS: dns.server });
    owner = await t.login();
    slug = (await t.prisma.organization.findFirstOrThrow()).slug;
  });

  afterAll(async () => {
    await t?.close();
    await dns?.close();
  });

  const events = async (action: string) => t.prisma.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });

  test('adding a domain gives the TXT record to publish; bad names are a 400', async () => {
    const d = await owner.json<any>('/api/sso-domains', { method: 'POST', json: { domain: ' Corp.Example.COM. ' } });
    expect(d).toMatchObject({ domain: 'corp.example.com', txtRecordName: 'corp.example.com', verified: false, verifiedAt: null });
    expect(d.txtRecordValue).toMatch(/^airlock-verification=[A-Za-z0-9_-]{32}$/);
    const idn = await owner.json<any>('/api/sso-domains', { method: 'POST', json: { domain: 'bücher.example' } });
    expect(idn.domain).toBe('xn--bcher-kva.example');
    for (const domain of ['example.com/path', 'https://example.com', 'example.com:443', '10.0.0.1', 'localhost', '-bad.com', 'a..com', 'user@example.com', '']) {
      const res = await owner.request('/api/sso-domains', { method: 'POST', json: { domain } });
      expect([domain, res.status]).toEqual([domain, 400]);
    }
    const twice = await owner.request('/api/sso-domains', { method: 'POST', json: { domain: 'corp.example.com' } });
    expect(twice.status).toBe(409);
    expect((await owner.json<any[]>('/api/sso-domains')).map((x) => x.domain)).toEqual(['corp.example.com', 'xn--bcher-kva.example']);
    expect((await events('sso_domain.create')).map((e) => (e.after as any).domain)).toEqual(['corp.example.com', 'xn--bcher-kva.example']);
  });

  test('verify: refused with the reason until the record is published, then verified and audited', async () => {
    const [d] = await owner.json<any[]>('/api/sso-domains');
    const none = await owner.json<any>(`/api/sso-domains/${d.id}/verify`, { method: 'POST', json: {} });
    expect(none).toMatchObject({ verified: false, lastCheckError: expect.stringMatching(/^No TXT record airlock-verification=.* at corp\.example\.com yet/) });
    expect(dns.queries).toContain('TXT corp.example.com');

    dns.txt.set('corp.example.com', ['v=spf1 -all', 'airlock-verification=somebody-elses-token']);
    const wrong = await owner.json<any>(`/api/sso-domains/${d.id}/verify`, { method: 'POST', json: {} });
    expect(wrong.lastCheckError).toMatch(/has an airlock-verification TXT record, but not this one/);

    dns.mode = 'servfail';
    expect((await owner.json<any>(`/api/sso-domains/${d.id}/verify`, { method: 'POST', json: {} })).lastCheckError).toMatch(/SERVFAIL/);
    dns.mode = 'silent';
    const started = Date.now();
    expect((await owner.json<any>(`/api/sso-domains/${d.id}/verify`, { method: 'POST', json: {} })).lastCheckError).toMatch(/did not answer/);
    expect(Date.now() - started).toBeLessThan(15_000);
    dns.mode = 'answer';

    const value: string = d.txtRecordValue;
    dns.txt.set('corp.example.com', ['v=spf1 -all', value]);
    const ok = await owner.json<any>(`/api/sso-domains/${d.id}/verify`, { method: 'POST', json: {} });
    expect(ok).toMatchObject({ verified: true, lastCheckError: null, verifiedAt: expect.any(String) });
    const audited = await events('sso_domain.verify');
    expect(audited.at(-1)!.after).toMatchObject({ domain: 'corp.example.com', verified: true });
    expect((await events('sso_domain.verify_failed')).length).toBe(4);
  });

  test('a domain is verified for one organization only', async () => {
    const other = await t.prisma.organization.create({ data: { name: 'Other', slug: 'other-domains' } });
    await createUser(t, { organizationId: other.id, email: 'owner@other.test', role: 'owner', password: 'other owner password 1' });
    const otherOwner = await t.login('owner@other.test', 'other owner password 1');
    const res = await otherOwner.request('/api/sso-domains', { method: 'POST', json: { domain: 'corp.example.com' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.message).toMatch(/verified by another organization/);
    // Claimed by both while neither is verified: the first to verify wins, the second is refused.
    const mine = await owner.json<any>('/api/sso-domains', { method: 'POST', json: { domain: 'shared.example' } });
    const theirs = await otherOwner.json<any>('/api/sso-domains', { method: 'POST', json: { domain: 'shared.example' } });
    dns.txt.set('shared.example', [mine.txtRecordValue, theirs.txtRecordValue]);
    expect((await owner.json<any>(`/api/sso-domains/${mine.id}/verify`, { method: 'POST', json: {} })).verified).toBe(true);
    const lost = await otherOwner.json<any>(`/api/sso-domains/${theirs.id}/verify`, { method: 'POST', json: {} });
    expect(lost).toMatchObject({ verified: false, lastCheckError: expect.stringMatching(/verified by another organization/) });
    // Each organization sees and touches only its own.
    expect((await otherOwner.json<any[]>('/api/sso-domains')).map((x) => x.domain)).toEqual(['shared.example']);
    expect((await otherOwner.request(`/api/sso-domains/${mine.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await otherOwner.request(`/api/sso-domains/${mine.id}/verify`, { method: 'POST', json: {} })).status).toBe(404);
  });

  test('home-realm discovery: an address of a verified domain goes to its organization\'s SSO, only while SSO is on', async () => {
    const discover = async (email: string) => (await t.request(`/api/auth/sso/discover?email=${encodeURIComponent(email)}`)).json();
    expect(await discover('ada@corp.example.com')).toEqual({ sso: false });
    await t.prisma.ssoConnection.create({
      data: { organizationId: (await t.prisma.organization.findUniqueOrThrow({ where: { slug } })).id, protocol: 'saml', samlIdpEntityId: 'https://idp.example/', samlSsoUrl: 'https://idp.example/sso', samlIdpCertificates: ['x'], enabled: true },
    });
    expect(await discover('Ada@CORP.example.com')).toEqual({ sso: true, org: slug, protocol: 'saml', startUrl: `/api/auth/sso/start?org=${slug}&login_hint=Ada%40CORP.example.com` });
    // Not verified (the IDN domain), unknown, or not an address: nothing to say.
    expect(await discover('x@xn--bcher-kva.example')).toEqual({ sso: false });
    expect(await discover('x@nowhere.example')).toEqual({ sso: false });
    expect(await discover('not-an-address')).toEqual({ sso: false });
    expect((await t.request('/api/auth/sso/discover')).status).toBe(400);
    await t.prisma.ssoConnection.updateMany({ data: { enabled: false } });
    expect(await discover('ada@corp.example.com')).toEqual({ sso: false });
  });

  const discover = async (email: string): Promise<any> => (await t.request(`/api/auth/sso/discover?email=${encodeURIComponent(email)}`)).json();
  const corp = async () => (await owner.json<any[]>('/api/sso-domains')).find((x) => x.domain === 'corp.example.com');
  const verify = (id: string) => owner.json<any>(`/api/sso-domains/${id}/verify`, { method: 'POST', json: {} });

  test('checking a verified domain again withdraws it when the TXT record is gone; a DNS failure does not', async () => {
    await t.prisma.ssoConnection.updateMany({ data: { enabled: true } });
    const d = await corp();
    expect(d.verified).toBe(true);
    // An outage says nothing about the record: still verified, the reason noted.
    dns.mode = 'servfail';
    expect(await verify(d.id)).toMatchObject({ verified: true, lastCheckError: expect.stringMatching(/SERVFAIL.*The domain stays verified/) });
    dns.mode = 'answer';
    expect((await discover('ada@corp.example.com')).sso).toBe(true);

    dns.txt.set('corp.example.com', ['v=spf1 -all']);
    expect(await verify(d.id)).toMatchObject({ verified: false, verifiedAt: null, lastCheckError: expect.stringMatching(/is no longer published at corp\.example\.com: the domain is no longer verified/) });
    expect(await discover('ada@corp.example.com')).toEqual({ sso: false });
    const failed = (await events('sso_domain.verify_failed')).at(-1)!;
    expect(failed.before).toEqual({ verified: true });
    expect(failed.after).toMatchObject({ domain: 'corp.example.com', verified: false });

    dns.txt.set('corp.example.com', [d.txtRecordValue]);
    expect((await verify(d.id)).verified).toBe(true);
    expect((await discover('ada@corp.example.com')).sso).toBe(true);
  });

  test('the sso-domain-recheck background job looks verified domains up again when due; a record gone withdraws the domain', async () => {
    expect(t.app.get(BackgroundJobs).names()).toContain('sso-domain-recheck');
    const job = t.app.get(SsoDomainRecheck);
    const lookups = () => dns.queries.filter((q) => q === 'TXT corp.example.com').length;
    const aDayAgo = () => t.prisma.organizationDomain.updateMany({ where: { verifiedAt: { not: null } }, data: { lastCheckedAt: new Date(Date.now() - 2 * 86_400_000) } });

    // Checked a moment ago: not due, not looked up.
    const before = lookups();
    await job.run();
    expect(lookups()).toBe(before);

    // Due, the record still there: looked up, still verified, nothing audited.
    await aDayAgo();
    await job.run();
    expect(lookups()).toBe(before + 1);
    const kept = await t.prisma.organizationDomain.findFirstOrThrow({ where: { domain: 'corp.example.com', organization: { slug } } });
    expect(kept.verifiedAt).not.toBeNull();
    expect(kept.lastCheckedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await events('sso_domain.unverified')).toEqual([]);

    // The record removed at the DNS: the next due re-check withdraws the domain, as the system.
    dns.txt.delete('corp.example.com');
    await aDayAgo();
    await job.run();
    const lost = await t.prisma.organizationDomain.findFirstOrThrow({ where: { id: kept.id } });
    expect(lost).toMatchObject({ verifiedAt: null, lastCheckError: expect.stringMatching(/no longer published/) });
    const audited = await events('sso_domain.unverified');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ organizationId: kept.organizationId, actorType: 'system', actorLabel: 'domain re-check', entityId: kept.id });
    expect(audited[0]!.after).toMatchObject({ domain: 'corp.example.com', verified: false });
    expect(await discover('ada@corp.example.com')).toEqual({ sso: false });
    // Another organization's verified domain (record still there) was re-checked and kept.
    expect((await t.prisma.organizationDomain.findFirstOrThrow({ where: { domain: 'shared.example', verifiedAt: { not: null } } })).lastCheckError).toBeNull();

    // Not verified any more: the job leaves it alone; verifying again brings it back.
    await job.run();
    expect(lookups()).toBe(before + 2);
    dns.txt.set('corp.example.com', [(await corp()).txtRecordValue]);
    expect((await verify(kept.id)).verified).toBe(true);
    await t.prisma.ssoConnection.updateMany({ data: { enabled: false } });
  });

  test('removing a domain is audited; employees can neither read nor change domains', async () => {
    await createUser(t, { email: 'emp@corp.example.com', role: 'employee', password: 'employee password 12' });
    const employee = await t.login('emp@corp.example.com', 'employee password 12');
    expect((await employee.request('/api/sso-domains')).status).toBe(403);
    expect((await employee.request('/api/sso-domains', { method: 'POST', json: { domain: 'x.example' } })).status).toBe(403);
    const list = await owner.json<any[]>('/api/sso-domains');
    const idn = list.find((d) => d.domain === 'xn--bcher-kva.example');
    expect((await owner.request(`/api/sso-domains/${idn.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await events('sso_domain.delete')).at(-1)!.before).toEqual({ domain: 'xn--bcher-kva.example', verified: false });
    expect((await owner.request('/api/sso-domains/not-a-uuid', { method: 'DELETE' })).status).toBe(400);
  });
});
