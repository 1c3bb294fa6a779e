import { BootstrapService } from '../../apps/api/src/modules/bootstrap/bootstrap.service';
import { startTestApp, type TestApp, type Session } from '../support/test-app';

/** AIRLOCK_DEMO_DATA: a dozen incidents made through the incidents service, consistent end to end. */
describe('incidents: demo data', () => {
  let t: TestApp;
  let owner: Session;
  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_DEMO_DATA: 'true' });
    owner = await t.login();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('the launcher banner names the demo users on the first start and on every later one, until they are gone', async () => {
    const first = t.app.get(BootstrapService).signInHelp();
    // One line per demo user: e-mail and role, after where the password is.
    expect(first.join('\n')).toMatch(/^Demo users \(the same password\):\n {2}maria\.admin@example\.com +admin\n {2}sam\.analyst@example\.com +analyst\n {2}olivia\.auditor@example\.com +auditor\n {2}eve\.employee@example\.com +employee$/m);
    const again = await startTestApp({ AIRLOCK_DEMO_DATA: 'true' }, { shareDatabaseWith: t });
    try {
      expect(again.app.get(BootstrapService).signInHelp().join('\n')).toMatch(/^Demo users \(the password the first owner was given at the first start\):\n {2}maria\.admin@example\.com +admin$/m);
      await t.prisma.user.updateMany({ where: { email: { endsWith: '@example.com', not: 'admin@example.com' } }, data: { disabled: true } });
    } finally {
      await again.close();
    }
    const later = await startTestApp({ AIRLOCK_DEMO_DATA: 'true' }, { shareDatabaseWith: t });
    try {
      expect(later.app.get(BootstrapService).signInHelp().join('\n')).not.toMatch(/Demo users/);
    } finally {
      await t.prisma.user.updateMany({ where: { email: { endsWith: '@example.com', not: 'admin@example.com' } }, data: { disabled: false } });
      await later.close();
    }
  });

  it('seeds twelve incidents in every state, with every closure reason, anonymous, automatic, overdue and due soon', async () => {
    const res = await owner.request('/api/incidents?range=[0,99]&sort=["number","ASC"]');
    expect(res.headers.get('content-range')).toBe('incidents 0-11/12');
    const all = (await res.json()) as any[];
    expect(all.map((i) => i.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(all.map((i) => i.status))).toEqual(new Set(['new', 'triaged', 'investigating', 'contained', 'resolved', 'closed']));
    expect(
      all
        .filter((i) => i.status === 'closed')
        .map((i) => i.closureReason)
        .sort(),
    ).toEqual(['duplicate', 'false_positive', 'remediated', 'risk_accepted']);
    const dup = all.find((i) => i.closureReason === 'duplicate');
    expect(all.find((i) => i.id === dup.duplicateOfId)).toBeTruthy();
    const accepted = all.find((i) => i.closureReason === 'risk_accepted');
    expect(new Date(accepted.riskAcceptedUntil).getTime()).toBeGreaterThan(Date.now());
    const anonymous = all.filter((i) => i.anonymous);
    expect(anonymous).toHaveLength(2);
    for (const a of anonymous) expect(a.reporter).toBeNull();
    expect(all.filter((i) => i.source === 'automatic')).toHaveLength(1);
    expect(all.filter((i) => i.overdue).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((i) => i.dueSoon).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((i) => i.assignee?.email === 'sam.analyst@example.com').length).toBeGreaterThanOrEqual(6);

    const m = await owner.json('/api/incidents/metrics');
    expect(m.total).toBe(12);
    expect(m.meanHoursToAcknowledge).toBeGreaterThan(0);
    expect(m.meanHoursToResolve).toBeGreaterThan(m.meanHoursToAcknowledge);
  });

  it('gives them timelines and checklists consistent with their story', async () => {
    const all = (await owner.json('/api/incidents?range=[0,99]')) as any[];
    const remediated = all.find((i) => i.closureReason === 'remediated');
    const full = await owner.json(`/api/incidents/${remediated.id}`);
    expect(full.tasks.length).toBeGreaterThan(0);
    for (const task of full.tasks) expect(task).toMatchObject({ done: true, doneByLabel: 'sam.analyst@example.com' });
    const events = (await owner.json(`/api/incidents/${remediated.id}/events`)) as any[];
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['created', 'status_changed', 'assignee_changed', 'task_checked', 'comment']),
    );
    for (let i = 1; i < events.length; i++)
      expect(new Date(events[i].createdAt).getTime()).toBeGreaterThanOrEqual(new Date(events[i - 1].createdAt).getTime());
    expect(new Date(events[0].createdAt).toISOString()).toBe(full.reportedAt);
    expect(new Date(full.reportedAt).getTime()).toBeLessThan(Date.now() - 10 * 86_400_000);
    // Every change went through the audited service: the chain verifies.
    const verify = await owner.json('/api/audit-events/verify');
    expect(verify.ok).toBe(true);
    expect(await t.prisma.auditEvent.count({ where: { entityType: 'Incident', action: 'incident.create' } })).toBe(12);
  });
});
