/**
 * Built-in catalog releases reaching an existing organization: facts change, statuses and the
 * organization's own edits do not; the admin sees what changed with its source, reviews it (audited),
 * and the release is applied once even when two instances start together.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinCatalog, orgSettings } from '@airlock/contracts';
import { loadBuiltinCatalog } from '../../apps/api/src/modules/bootstrap/builtin-catalog';
import { builtinRowData, CatalogReleaseService } from '../../apps/api/src/modules/catalog/catalog-release.service';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

describe('catalog releases', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });
  afterAll(async () => t?.close());

  it('seeds a new organization with the current release and nothing to review', async () => {
    const status = await admin.json('/api/catalog/release');
    const builtin = loadBuiltinCatalog();
    expect(status.builtinRelease.id).toBe(builtin.catalogVersion);
    expect(status.appliedRelease.id).toBe(builtin.catalogVersion);
    expect(status.pending).toEqual([]);
    expect(status.sourceMaxAgeDays).toBe(365);
    // Sources older than a year are flagged.
    expect(status.staleProfiles.length).toBeGreaterThan(0);
    // (against today's date: a profile's sources grow stale as the calendar moves on)
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    for (const p of status.staleProfiles) expect(p.oldestSourceAsOf <= yearAgo).toBe(true);
    const [claude] = (await admin.json('/api/providers?filter=' + encodeURIComponent(JSON.stringify({ q: 'anthropic-claude' })))) as any[];
    expect(claude.accountTypes.map((a: any) => a.kind)).toEqual(['consumer', 'business']);
    expect(claude.certifications).toEqual([]);
  });

  it('updates facts of an existing organization without touching its statuses or its own edits', async () => {
    const org = await t.prisma.organization.findFirstOrThrow();
    const mistral = await t.prisma.provider.findFirstOrThrow({ where: { organizationId: org.id, slug: 'mistral-le-chat' } });
    await admin.json(`/api/providers/${mistral.id}`, { method: 'PUT', json: { status: 'approved', statusReason: 'Enterprise contract', notes: 'Our own note' } });

    const next = loadBuiltinCatalog();
    next.catalogVersion = '2099-01-01';
    next.releaseDate = '2099-01-01';
    const m = next.providers.find((p) => p.slug === 'mistral-le-chat')!;
    m.trainsOnInputs = 'yes';
    m.notes = 'The catalog says something else';
    m.sources = [...m.sources, { fact: 'training (Pro trained on)', url: 'https://help.mistral.ai/en/articles/323757', asOf: '2099-01-01', topic: 'training', kind: 'provider' }];
    const ernie = next.providers.find((p) => p.slug === 'baidu-ernie-bot')!;
    ernie.domains = [...ernie.domains, 'ernie-new.baidu.com'];
    next.providers.push({ ...ernie, slug: 'test-new-ai', name: 'Test New AI', domains: ['new-ai.example'], sharedHosts: [], accountTypes: [] });

    const service = t.app.get(CatalogReleaseService);
    // Two instances starting at once: the release is applied once.
    const results = await Promise.all([service.applyToAll(next), service.applyToAll(next)]);
    expect(results.flat().length).toBe(1);
    expect(await t.prisma.catalogUpdate.count({ where: { organizationId: org.id, releaseId: '2099-01-01' } })).toBe(1);

    const after = await t.prisma.provider.findFirstOrThrow({ where: { id: mistral.id } });
    expect(after.status).toBe('approved');
    expect(after.statusReason).toBe('Enterprise contract');
    expect(after.notes).toBe('Our own note');
    expect(after.trainsOnInputs).toBe('yes');
    expect(after.catalogVersion).toBe('2099-01-01');
    expect(after.riskScore).toBeGreaterThan(mistral.riskScore);
    const added = await t.prisma.provider.findFirstOrThrow({ where: { organizationId: org.id, slug: 'test-new-ai' } });
    expect(added.status).toBe('under_review');

    // In force at once, with the published statuses.
    const version = await t.prisma.policyVersion.findFirstOrThrow({ where: { organizationId: org.id }, orderBy: { number: 'desc' } });
    const catalog = version.catalog as any[];
    expect(catalog.find((p) => p.slug === 'mistral-le-chat')).toMatchObject({ trainsOnInputs: 'yes' });
    expect(catalog.find((p) => p.slug === 'baidu-ernie-bot').domains).toContain('ernie-new.baidu.com');
    expect(catalog.find((p) => p.slug === 'test-new-ai')).toMatchObject({ status: 'under_review' });
    // A status the admin set in the draft but did not publish stays unpublished.
    expect(catalog.find((p) => p.slug === 'mistral-le-chat').status).toBe('under_review');

    const status = await admin.json('/api/catalog/release');
    expect(status.appliedRelease.id).toBe('2099-01-01');
    const changes = status.pending.flatMap((u: any) => u.changes);
    const training = changes.find((c: any) => c.slug === 'mistral-le-chat' && c.field === 'trainsOnInputs');
    expect(training).toMatchObject({ outcome: 'applied', from: 'opt_out', to: 'yes' });
    expect(training.summary).toBe('Mistral Le Chat: training on inputs changed from opt_out to yes, source https://help.mistral.ai/en/articles/323757');
    expect(changes.find((c: any) => c.slug === 'mistral-le-chat' && c.field === 'notes')).toMatchObject({ outcome: 'kept_own_edit', from: 'Our own note' });
    expect(changes.find((c: any) => c.slug === 'test-new-ai')).toMatchObject({ outcome: 'added' });
    const risk = status.pending.flatMap((u: any) => u.riskChanges).find((r: any) => r.slug === 'mistral-le-chat');
    expect(risk.explanation).toMatch(/Trains its models/);
  });

  it('records the review in the audit log, and a second review has nothing to do', async () => {
    const res = await admin.request('/api/catalog/review', { method: 'POST', json: { note: 'Read the Mistral change' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { reviewed: string[] }).reviewed).toEqual(['2099-01-01']);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'catalog.review' } });
    expect(event.after).toMatchObject({ releases: ['2099-01-01'], note: 'Read the Mistral change' });
    expect((await admin.json('/api/catalog/release')).pending).toEqual([]);
    expect((await admin.request('/api/catalog/review', { method: 'POST', json: {} })).status).toBe(409);
    expect((await admin.request('/api/catalog/review', { method: 'POST', json: { bogus: 1 } })).status).toBe(400);
  });

  it('brings an organization still at the 2026-12-02 release up to the built-in release, on top of what it has', async () => {
    // The previous release exactly as it shipped (test/fixtures), and the one in prisma/seed/catalog.json.
    const previous = builtinCatalog.parse(JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog-release-2026-12-02.json'), 'utf8')));
    const current = loadBuiltinCatalog();
    expect(previous.catalogVersion).toBe('2026-12-02');
    expect(current.catalogVersion > previous.catalogVersion).toBe(true);

    const org = await t.prisma.organization.create({ data: { name: 'Seeded in 2026-12-02', slug: 'seeded-2026-12-02', settings: orgSettings.parse({}) } });
    await t.prisma.provider.createMany({ data: previous.providers.map((p) => builtinRowData(org.id, p, previous.catalogVersion, ['CN'])) });
    const service = t.app.get(CatalogReleaseService);
    await service.recordInitialSeed(org.id, previous);
    const jasper = await t.prisma.provider.findFirstOrThrow({ where: { organizationId: org.id, slug: 'jasper' } });
    expect(jasper.trainsOnInputs).toBe('no');
    await t.prisma.provider.update({ where: { id: jasper.id }, data: { status: 'approved', statusReason: 'Marketing team contract' } });
    // The organization's own edit of a fact the release changes (its baseline is the 2026-12-02 value).
    const ownEdit = await t.prisma.provider.findFirstOrThrow({ where: { organizationId: org.id, slug: 'google-ai-studio' } });
    await t.prisma.provider.update({ where: { id: ownEdit.id }, data: { retention: 'Checked by our DPO' } });

    const applied = await service.applyToOrganization(org.id, current);
    expect(applied).toMatchObject({ organizationId: org.id, releaseId: current.catalogVersion });
    expect(applied!.changes).toBeGreaterThan(20);
    // Once only.
    expect(await service.applyToOrganization(org.id, current)).toBeNull();

    const after = await t.prisma.provider.findFirstOrThrow({ where: { id: jasper.id } });
    expect(after).toMatchObject({ status: 'approved', statusReason: 'Marketing team contract', trainsOnInputs: 'opt_out', catalogVersion: current.catalogVersion });
    expect(after.riskScore).toBeGreaterThan(jasper.riskScore);
    expect((after.sources as any[]).some((s) => s.asOf === '2026-12-03' && s.kind === 'third_party')).toBe(true);
    const studio = await t.prisma.provider.findFirstOrThrow({ where: { id: ownEdit.id } });
    expect(studio.retention).toBe('Checked by our DPO');
    expect(studio.retentionDays).toBe(55);
    const perplexity = await t.prisma.provider.findFirstOrThrow({ where: { organizationId: org.id, slug: 'perplexity' } });
    expect((perplexity.accountTypes as any[]).map((a) => a.kind)).toEqual(['consumer', 'business']);
    const duck = await t.prisma.provider.findFirstOrThrow({ where: { organizationId: org.id, slug: 'duckduckgo-duck-ai' } });
    expect((duck.sharedHosts as any[]).map((h) => h.host)).toContain('duckduckgo.com');

    const update = await t.prisma.catalogUpdate.findFirstOrThrow({ where: { organizationId: org.id, releaseId: current.catalogVersion } });
    expect(update.previousRelease).toBe('2026-12-02');
    expect(update.reviewedAt).toBeNull();
    const changes = update.changes as any[];
    const training = changes.find((c) => c.slug === 'jasper' && c.field === 'trainsOnInputs');
    expect(training).toMatchObject({ outcome: 'applied', from: 'no', to: 'opt_out' });
    expect(training.summary).toMatch(/^Jasper: training on inputs changed from no to opt_out, source https:\/\//);
    expect(changes.find((c) => c.slug === 'google-ai-studio' && c.field === 'retention')).toMatchObject({ outcome: 'kept_own_edit', from: 'Checked by our DPO' });
    expect(changes.find((c) => c.slug === 'huggingchat' && c.field === 'trainsOnInputs')).toMatchObject({ outcome: 'applied', from: 'no', to: 'opt_out' });
    const risk = (update.riskChanges as any[]).find((r) => r.slug === 'jasper');
    expect(risk).toMatchObject({ from: jasper.riskScore, to: after.riskScore });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: 'catalog.release_applied' } });
    expect(event.after).toMatchObject({ releaseId: current.catalogVersion, previousRelease: '2026-12-02' });
  });

  it('answers only a signed-in session', async () => {
    const res = await t.request('/api/catalog/release');
    expect(res.status).toBe(401);
  });
});
