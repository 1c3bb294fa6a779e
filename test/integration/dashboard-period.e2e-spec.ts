import { createUser } from '../support/security';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * The dashboard's period: every figure sums the rollups (and incidents) of the chosen days or
 * from/to, a bad period is a 400, incident KPIs count the incidents reported in the period, and the
 * first-run checklist follows the organization's data.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const hourAgo = (h: number) => new Date(Math.floor((now - h * HOUR) / HOUR) * HOUR);
const iso = (ms: number) => new Date(ms).toISOString();

describe('dashboard period', () => {
  let t: TestApp;
  let orgA: string;
  let owner: Session;
  let analyst: Session;

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_DECISION_LOG_RETENTION_DAYS: '120' });
    const p = t.prisma;
    orgA = (await p.organization.findFirstOrThrow()).id;
    owner = await t.login();
    await createUser(t, { organizationId: orgA, email: 'analyst@airlock.test', role: 'analyst', password: 'analyst password 1234' });
    analyst = await t.login('analyst@airlock.test', 'analyst password 1234');
    // Blocks 2 hours ago (3), 3 days ago (5), 20 days ago (7), 60 days ago (11); allows 2 hours ago (100).
    const rows: [Date, string, number][] = [
      [hourAgo(2), 'block', 3],
      [hourAgo(2), 'allow', 100],
      [hourAgo(3 * 24), 'block', 5],
      [hourAgo(20 * 24), 'block', 7],
      [hourAgo(60 * 24), 'block', 11],
    ];
    for (const [bucket, effect, count] of rows) {
      await p.decisionRollup.create({ data: { organizationId: orgA, bucket, providerSlug: 'chatgpt', action: 'prompt', effect: effect as 'block', count } });
      await p.decisionClassRollup.create({ data: { organizationId: orgA, bucket, dataClass: 'credentials', effect: effect as 'block', count } });
    }
    // Incidents: reported 5 h ago (open, deadline passed, no decision: overdue), 2 days ago (resolved
    // after 10 h, notified 30 h after awareness), 10 days ago (resolved after 4 h), 40 days ago (open).
    const incident = (n: number, reportedAgoH: number, extra: Record<string, unknown>) =>
      p.incident.create({
        data: {
          organizationId: orgA,
          number: n,
          title: `Incident ${n}`,
          severity: 'high',
          suggestedSeverity: 'high',
          source: 'analyst',
          awareAt: new Date(now - reportedAgoH * HOUR),
          reportedAt: new Date(now - reportedAgoH * HOUR),
          ...extra,
        },
      });
    await incident(901, 5, { status: 'investigating', notificationDeadline: new Date(now - HOUR) });
    await incident(902, 48, { status: 'resolved', resolvedAt: new Date(now - 38 * HOUR), notifiedAt: new Date(now - 18 * HOUR), notificationDecision: 'notified' });
    await incident(903, 240, { status: 'closed', closureReason: 'remediated', resolvedAt: new Date(now - 236 * HOUR), closedAt: new Date(now - 236 * HOUR) });
    await incident(904, 960, { status: 'new' });
  });

  afterAll(async () => {
    await t?.close();
  });

  type Summary = {
    from: string;
    to: string;
    days: number;
    granularity: string;
    totals: { decisions: number; block: number; allow: number };
    decisionsByDay: { day: string; block: number; allow: number }[];
    dataClasses: { dataClass: string; count: number }[];
    topProviders: { slug: string; blocked: number }[];
    incidents: {
      openBySeverity: Record<string, number>;
      period: { reported: number; open: number; overdue: number; resolved: number; medianHoursToResolve: number | null; notified: number; medianHoursToNotify: number | null };
    };
  };
  const get = async (query: string) => {
    const res = await owner.request(`/api/dashboard?${query}`);
    return { status: res.status, body: (await res.json()) as Summary & { error?: { message: string } } };
  };

  it('sums only the rollups of the period, whatever its form', async () => {
    const last24 = await get(`from=${iso(now - DAY)}&to=${iso(now)}`);
    expect(last24.status).toBe(200);
    expect(last24.body.granularity).toBe('hour');
    expect(last24.body.totals).toMatchObject({ block: 3, allow: 100, decisions: 103 });
    expect(last24.body.decisionsByDay.length).toBeGreaterThanOrEqual(24);
    expect(last24.body.decisionsByDay.reduce((a, d) => a + d.block, 0)).toBe(3);
    expect(last24.body.dataClasses).toEqual([expect.objectContaining({ dataClass: 'credentials', count: 103 })]);

    const week = await get('days=7');
    expect(week.body.granularity).toBe('day');
    expect(week.body.decisionsByDay).toHaveLength(7);
    expect(week.body.totals.block).toBe(8);
    expect(week.body.topProviders).toEqual([expect.objectContaining({ slug: 'chatgpt', blocked: 8 })]);

    expect((await get('days=30')).body.totals.block).toBe(15);
    expect((await get('days=90')).body.totals.block).toBe(26);

    // A custom range in the past: only the block of 20 days ago.
    const custom = await get(`from=${iso(now - 25 * DAY)}&to=${iso(now - 10 * DAY)}`);
    expect(custom.status).toBe(200);
    expect(custom.body.totals).toMatchObject({ block: 7, allow: 0 });
    expect(custom.body.decisionsByDay.reduce((a, d) => a + d.block, 0)).toBe(7);
    expect(Date.parse(custom.body.from)).toBeLessThanOrEqual(now - 25 * DAY);
    expect(Date.parse(custom.body.to)).toBeLessThanOrEqual(now - 10 * DAY + HOUR);

    // The override rates follow the same period.
    const overrides = await owner.request(`/api/dashboard/overrides?from=${iso(now - 25 * DAY)}&to=${iso(now - 10 * DAY)}`);
    expect(overrides.status).toBe(200);

    // So does the gateway traffic card: calls 2 hours ago (4) and 20 days ago (9).
    const client = await t.prisma.apiClient.findFirstOrThrow({ where: { organizationId: orgA } });
    for (const [bucket, calls] of [[hourAgo(2), 4], [hourAgo(20 * 24), 9]] as const) {
      await t.prisma.gatewayUsageRollup.create({ data: { organizationId: orgA, bucket, providerSlug: 'openai-api', apiClientId: client.id, endpoint: 'chat', calls } });
    }
    type Traffic = { items: { calls: number }[] };
    const calls = (r: Traffic) => r.items.reduce((a, i) => a + i.calls, 0);
    expect(calls(await owner.json<Traffic>(`/api/gateway/traffic?from=${custom.body.from}&to=${custom.body.to}`))).toBe(9);
    expect(calls(await owner.json<Traffic>(`/api/gateway/traffic?from=${last24.body.from}&to=${last24.body.to}`))).toBe(4);
    expect(calls(await owner.json<Traffic>('/api/gateway/traffic?hours=168'))).toBe(4);
    expect((await owner.request(`/api/gateway/traffic?from=${iso(now)}&to=${iso(now - DAY)}`)).status).toBe(400);
    expect((await owner.request(`/api/gateway/traffic?hours=5&from=${iso(now - DAY)}`)).status).toBe(400);
  });

  it('refuses a reversed, too long or before-retention period with a 400 saying why', async () => {
    const reversed = await get(`from=${iso(now)}&to=${iso(now - DAY)}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error!.message).toMatch(/from must be before to/);
    const both = await get(`days=7&from=${iso(now - DAY)}`);
    expect(both.status).toBe(400);
    expect(both.body.error!.message).toMatch(/either/);
    const beyondRetention = await get(`from=${iso(now - 200 * DAY)}&to=${iso(now - 100 * DAY)}`);
    expect(beyondRetention.status).toBe(400);
    expect(beyondRetention.body.error!.message).toMatch(/retention \(120 days\)/);
    expect((await get('days=400')).status).toBe(400);
    expect((await get('days=0')).status).toBe(400);
    expect((await get('from=yesterday')).status).toBe(400);
    expect((await get('since=2026-01-01')).status).toBe(400);
    // Before year 1 (PostgreSQL has no year 0): a 400 on the dashboard, the gateway card and the incident list, never a 500.
    const yearZero = await get('from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z');
    expect(yearZero.status).toBe(400);
    expect(yearZero.body.error!.message).toMatch(/from/);
    expect((await owner.request('/api/gateway/traffic?from=0000-01-01T00:00:00Z&to=0000-06-01T00:00:00Z')).status).toBe(400);
    const incidents = await owner.request(`/api/incidents?filter=${encodeURIComponent(JSON.stringify({ reportedSince: '0000-01-01T00:00:00Z' }))}`);
    expect(incidents.status).toBe(400);
    // The same on the Activity filters, the impact preview's window and an incident's time of occurrence.
    const activity = await owner.request('/api/activity?since=0000-01-01T00:00:00Z');
    expect(activity.status).toBe(400);
    expect((await owner.request('/api/policy/impact', { method: 'POST', json: { since: '0000-01-01T00:00:00Z' } })).status).toBe(400);
    const incident = await owner.request('/api/incidents', { method: 'POST', json: { title: 'Year zero', occurredAt: '0000-06-01T00:00:00Z' } });
    expect(incident.status).toBe(400);
    expect(JSON.stringify(await incident.json())).toContain('0001-01-01');
  });

  it('counts the incidents reported in the period: reported, open, overdue, medians', async () => {
    const week = await get('days=7');
    expect(week.body.incidents.period).toEqual({ reported: 2, open: 1, overdue: 1, resolved: 1, medianHoursToResolve: 10, notified: 1, medianHoursToNotify: 30 });
    expect(week.body.incidents.openBySeverity.high).toBe(1);
    const month = await get('days=30');
    expect(month.body.incidents.period).toEqual({ reported: 3, open: 1, overdue: 1, resolved: 2, medianHoursToResolve: 7, notified: 1, medianHoursToNotify: 30 });
    const quarter = await get('days=90');
    expect(quarter.body.incidents.period).toMatchObject({ reported: 4, open: 2, overdue: 1 });
    expect(quarter.body.incidents.openBySeverity.high).toBe(2);

    // The figures link to the incident list filtered to the same period.
    const list = await owner.request(`/api/incidents?filter=${encodeURIComponent(JSON.stringify({ reportedSince: week.body.from, reportedUntil: week.body.to }))}`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { number: number }[]).map((i) => i.number).sort()).toEqual([901, 902]);
  });

  it('computes the first-run checklist from the organization’s data, per organization, dismissible by owners and admins', async () => {
    const p = t.prisma;
    type Checklist = { items: { key: string; done: boolean; count: number | null }[]; done: boolean; dismissed: boolean };
    const state = async (s: Session = owner) => {
      const c = await s.json<Checklist>('/api/dashboard/checklist');
      return Object.fromEntries(c.items.map((i) => [i.key, i.done]));
    };
    // The first start: the built-in catalog is under review, the initial policy published by the system.
    expect(await state()).toEqual({ catalog: false, zones: (await p.networkZone.count({ where: { organizationId: orgA } })) > 0, sso: false, apiKey: false, extension: false, policy: false });
    expect((await analyst.request('/api/dashboard/checklist')).status).toBe(403);

    await p.provider.updateMany({ where: { organizationId: orgA, status: 'under_review' }, data: { status: 'restricted' } });
    await p.networkZone.deleteMany({ where: { organizationId: orgA } });
    await p.networkZone.create({ data: { organizationId: orgA, name: 'office', cidrs: ['10.0.0.0/8'] } });
    await p.ssoConnection.create({ data: { organizationId: orgA, issuer: 'https://idp.example.com', clientId: 'x' } });
    const ownerRow = await p.user.findFirstOrThrow({ where: { organizationId: orgA, role: 'owner' } });
    const client = await p.apiClient.create({ data: { organizationId: orgA, name: 'extension', scopes: ['extension'], createdById: ownerRow.id } });
    const key = await p.apiKey.create({ data: { organizationId: orgA, apiClientId: client.id, prefix: 'ak_x', keyHash: 'x'.repeat(64) } });
    expect(await state()).toEqual({ catalog: true, zones: true, sso: true, apiKey: true, extension: false, policy: false });
    await p.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
    const published = await owner.request('/api/policy/publish', { method: 'POST', json: { note: 'First policy' } });
    expect(published.status).toBe(201);
    const all = await owner.json<Checklist>('/api/dashboard/checklist');
    expect(all.items.every((i) => i.done)).toBe(true);
    expect(all.done).toBe(true);

    // Another organization's checklist is its own: nothing done there.
    const orgB = await p.organization.create({ data: { name: 'Fresh', slug: 'fresh-org' } });
    await createUser(t, { organizationId: orgB.id, email: 'owner@fresh.test', role: 'owner', password: 'fresh owner password 1234' });
    const ownerB = await t.login('owner@fresh.test', 'fresh owner password 1234');
    expect(await state(ownerB)).toEqual({ catalog: true, zones: false, sso: false, apiKey: false, extension: false, policy: false });

    // Dismissed for the organization (audited), not for the other one; a body without the flag is a 400.
    expect((await ownerB.request('/api/dashboard/checklist', { method: 'PUT', json: {} })).status).toBe(400);
    const dismissed = await ownerB.request('/api/dashboard/checklist', { method: 'PUT', json: { dismissed: true } });
    expect(dismissed.status).toBe(200);
    expect(((await dismissed.json()) as Checklist).dismissed).toBe(true);
    expect((await ownerB.json<Checklist>('/api/dashboard/checklist')).dismissed).toBe(true);
    expect((await owner.json<Checklist>('/api/dashboard/checklist')).dismissed).toBe(false);
    expect(await p.auditEvent.count({ where: { organizationId: orgB.id, action: 'onboarding.dismiss' } })).toBe(1);
    expect((await analyst.request('/api/dashboard/checklist', { method: 'PUT', json: { dismissed: true } })).status).toBe(403);
  });
});
