import { incidentMetricsOutput } from '@airlock/contracts';
import { IncidentsService } from '../../apps/api/src/modules/incidents/incidents.service';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type Session, startTestApp, type TestApp } from '../support/test-app';

const H = 3_600_000;

/** Analysts' side of incidents, end to end on PostgreSQL: numbering, workflow, deadline, checklist, lists, CSV, metrics. */
describe('incidents: triage', () => {
  let t: TestApp;
  let orgId: string;
  let sam: { id: string; s: Session };
  let auditor: Session;
  let eve: { id: string; s: Session };
  let dan: { id: string; s: Session };
  const providers: Record<string, string> = {};

  async function addUser(email: string, role: 'employee' | 'analyst' | 'auditor', organizationId = orgId) {
    const owner = await t.prisma.user.findFirstOrThrow({ where: { email: ADMIN_EMAIL } });
    const u = await t.prisma.user.create({
      data: { organizationId, email, name: email.split('@')[0]!, role, passwordHash: owner.passwordHash },
    });
    return { id: u.id, s: await t.login(email, ADMIN_PASSWORD) };
  }

  async function addOrganization(slug: string) {
    return t.prisma.organization.create({ data: { slug, name: slug } });
  }

  beforeAll(async () => {
    t = await startTestApp();
    orgId = (await t.prisma.organization.findFirstOrThrow()).id;
    sam = await addUser('sam@airlock.test', 'analyst');
    auditor = (await addUser('olivia@airlock.test', 'auditor')).s;
    eve = await addUser('eve@airlock.test', 'employee');
    dan = await addUser('dan@airlock.test', 'employee');
    for (const p of await t.prisma.provider.findMany({ where: { organizationId: orgId } })) providers[p.slug] = p.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (json: Record<string, unknown>, s: Session = sam.s) =>
    s.json('/api/incidents', { method: 'POST', json: { title: 'Test incident', ...json } });
  const put = (id: string, json: unknown, s: Session = sam.s) => s.request(`/api/incidents/${id}`, { method: 'PUT', json });
  const putJson = async (id: string, json: unknown): Promise<any> => (await put(id, json)).json();
  const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as any).error });

  describe('numbers', () => {
    it('are per organization, consecutive, and unique under concurrent creates', async () => {
      const first = await create({ dataClasses: [] });
      const burst = await Promise.all(Array.from({ length: 6 }, () => create({ dataClasses: [] })));
      const numbers = [first.number, ...burst.map((b: any) => b.number)].sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 7 }, (_, i) => first.number + i));

      const other = await addOrganization('other-org');
      const bob = await addUser('bob@other.test', 'employee', other.id);
      const r = await bob.s.json('/api/portal/incidents', {
        method: 'POST',
        json: { providerId: 'other', otherService: 'X', dataKinds: ['not_sure'], description: 'first in this org' },
      });
      expect(r.number).toBe(1);
      expect((await t.prisma.organization.findUniqueOrThrow({ where: { id: other.id } })).incidentSeq).toBe(1);

      // And the other organization's incident is invisible here.
      const theirs = await t.prisma.incident.findFirstOrThrow({ where: { organizationId: other.id } });
      expect((await sam.s.request(`/api/incidents/${theirs.id}`)).status).toBe(404);
      expect((await put(theirs.id, { title: 'mine now' })).status).toBe(404);
    });
  });

  describe('severity', () => {
    it('is suggested from the data classes and the service, and an analyst can change it', async () => {
      const critical = await create({ providerId: providers.deepseek, dataClasses: ['credentials'] });
      expect(critical).toMatchObject({ severity: 'critical', suggestedSeverity: 'critical' });
      const medium = await create({ providerId: providers['openai-chatgpt'], dataClasses: ['personal_data'] });
      expect(medium.severity).toBe('medium');
      await t.prisma.provider.update({ where: { id: providers['anthropic-api'] }, data: { status: 'approved' } });
      const low = await create({ providerId: providers['anthropic-api'], dataClasses: ['personal_data'] });
      expect(low.severity).toBe('low');
      const unknown = await create({ providerOther: 'Some bot', dataClasses: ['health_data'] });
      expect(unknown.severity).toBe('critical');
      const chosen = await create({ providerId: providers['openai-chatgpt'], dataClasses: ['creative_work'], severity: 'high' });
      expect(chosen).toMatchObject({ severity: 'high', suggestedSeverity: 'low' });

      // A suggested severity follows new facts; a chosen one stays.
      const updated = await putJson(medium.id, { dataClasses: ['personal_data', 'government_id'] });
      expect(updated).toMatchObject({ severity: 'high', suggestedSeverity: 'high' });
      const kept = await putJson(chosen.id, { dataClasses: ['creative_work', 'source_code'] });
      expect(kept).toMatchObject({ severity: 'high', suggestedSeverity: 'medium' });
    });
  });

  describe('status workflow', () => {
    it('allows forward moves (skipping steps), reopening, and records acknowledgement and resolution times', async () => {
      const i = await create({ dataClasses: ['source_code'], providerId: providers['openai-chatgpt'] });
      expect(i).toMatchObject({
        status: 'new',
        acknowledgedAt: null,
        allowedTransitions: ['triaged', 'investigating', 'contained', 'resolved', 'closed'],
      });
      const triaged = await putJson(i.id, { status: 'triaged' });
      expect(triaged.acknowledgedAt).toEqual(expect.any(String));
      const resolved = await putJson(i.id, { status: 'resolved', openTasksReason: 'Checklist not the point of this test' });
      expect(resolved.resolvedAt).toEqual(expect.any(String));
      expect(resolved.allowedTransitions).toEqual(['investigating', 'closed']);
      const reopened = await putJson(i.id, { status: 'investigating' });
      expect(reopened).toMatchObject({ status: 'investigating', resolvedAt: null, acknowledgedAt: triaged.acknowledgedAt });
    });

    it('refuses a move the workflow does not allow with a 422 that says why', async () => {
      const i = await create({ dataClasses: [] });
      await put(i.id, { status: 'investigating' });
      const back = await errorOf(await put(i.id, { status: 'new' }));
      expect(back).toMatchObject({ status: 422, code: 'unprocessable' });
      expect(back.message).toBe(
        'An incident cannot move from "investigating" to "new"; from "investigating" it can move to "contained", "resolved", "closed"',
      );
      expect((await sam.s.json(`/api/incidents/${i.id}`)).status).toBe('investigating');
    });

    it('closing needs a reason; risk accepted needs a future review date; duplicate needs the original; closed is final', async () => {
      const i = await create({ dataClasses: ['credentials'] });
      expect(await errorOf(await put(i.id, { status: 'closed' }))).toMatchObject({
        status: 422,
        message: expect.stringMatching(/closureReason/),
      });
      expect(await errorOf(await put(i.id, { closureReason: 'remediated' }))).toMatchObject({
        status: 422,
        message: expect.stringMatching(/only when closing/),
      });
      const past = new Date(Date.now() - H).toISOString();
      expect(await errorOf(await put(i.id, { status: 'closed', closureReason: 'risk_accepted' }))).toMatchObject({
        status: 422,
        message: expect.stringMatching(/riskAcceptedUntil/),
      });
      expect(await errorOf(await put(i.id, { status: 'closed', closureReason: 'risk_accepted', riskAcceptedUntil: past }))).toMatchObject({
        status: 422,
        message: 'riskAcceptedUntil must be in the future',
      });
      expect(
        await errorOf(
          await put(i.id, { status: 'closed', closureReason: 'remediated', riskAcceptedUntil: new Date(Date.now() + H).toISOString() }),
        ),
      ).toMatchObject({ status: 422 });
      const until = new Date(Date.now() + 30 * 24 * H).toISOString();
      const closed = await putJson(i.id, { status: 'closed', closureReason: 'risk_accepted', riskAcceptedUntil: until, openTasksReason: 'Checklist not the point of this test' });
      expect(closed).toMatchObject({ status: 'closed', closureReason: 'risk_accepted', riskAcceptedUntil: until, allowedTransitions: [] });
      expect(closed.closedAt).toEqual(expect.any(String));
      expect(closed.resolvedAt).toEqual(expect.any(String));
      const reopen = await errorOf(await put(i.id, { status: 'investigating' }));
      expect(reopen).toMatchObject({ status: 422, message: expect.stringMatching(/closed incident is final/) });
      expect(await errorOf(await put(i.id, { title: 'edited later' }))).toMatchObject({
        status: 422,
        message: expect.stringMatching(/final/),
      });
      // A no-op edit of a closed incident (react-admin re-sending the record) is fine.
      expect((await put(i.id, { status: 'closed', title: closed.title })).status).toBe(200);

      const original = await create({ dataClasses: [] });
      const dup = await create({ dataClasses: [] });
      expect(await errorOf(await put(dup.id, { status: 'closed', closureReason: 'duplicate' }))).toMatchObject({
        status: 422,
        message: expect.stringMatching(/duplicateOfId/),
      });
      expect(await errorOf(await put(dup.id, { duplicateOfId: dup.id }))).toMatchObject({
        status: 422,
        message: expect.stringMatching(/itself/),
      });
      expect(await errorOf(await put(dup.id, { duplicateOfId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ status: 400 });
      const closedDup = await putJson(dup.id, { status: 'closed', closureReason: 'duplicate', duplicateOfId: original.id, openTasksReason: 'Checklist not the point of this test' });
      expect(closedDup).toMatchObject({
        status: 'closed',
        closureReason: 'duplicate',
        duplicateOfId: original.id,
        duplicateOf: { id: original.id, number: original.number },
      });
      // No cycles.
      expect(await errorOf(await put(original.id, { duplicateOfId: dup.id }))).toMatchObject({
        status: 422,
        message: expect.stringMatching(/cycle/),
      });

      for (const reason of ['remediated', 'false_positive'] as const) {
        const x = await create({ dataClasses: [] });
        expect((await putJson(x.id, { status: 'closed', closureReason: reason, openTasksReason: 'Checklist not the point of this test' })).closureReason).toBe(reason);
      }
    });

    it('assigns only to users who can work on incidents, and assignment acknowledges', async () => {
      const i = await create({ dataClasses: [] });
      expect(await errorOf(await put(i.id, { assigneeId: eve.id }))).toMatchObject({
        status: 400,
        details: [expect.objectContaining({ path: 'assigneeId' })],
      });
      const assigned = await putJson(i.id, { assigneeId: sam.id });
      expect(assigned).toMatchObject({ assigneeId: sam.id, assignee: { id: sam.id, email: 'sam@airlock.test' }, status: 'new' });
      expect(assigned.acknowledgedAt).toEqual(expect.any(String));
      expect((await putJson(i.id, { assigneeId: null })).assignee).toBeNull();
    });

    it('records every field change as a timeline event and an audit event, and lets auditors read but not write', async () => {
      const i = await create({ dataClasses: ['personal_data'], providerId: providers['openai-chatgpt'] });
      await put(i.id, { title: 'Renamed', severity: 'critical', status: 'triaged' });
      const events = (await sam.s.json(`/api/incidents/${i.id}/events`)) as any[];
      const changes = events
        .filter((e) => e.type !== 'created')
        .map((e) => [e.type, e.data.field, e.data.before, e.data.after, e.actorLabel]);
      expect(changes).toEqual(
        expect.arrayContaining([
          ['field_changed', 'title', 'Test incident', 'Renamed', 'sam@airlock.test'],
          ['severity_changed', 'severity', 'medium', 'critical', 'sam@airlock.test'],
          ['status_changed', 'status', 'new', 'triaged', 'sam@airlock.test'],
        ]),
      );
      expect(changes).toHaveLength(3);
      expect(events[0]).toMatchObject({ type: 'created', actorId: sam.id });
      const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: i.id, action: 'incident.status_change' } });
      expect(audit).toMatchObject({
        actorId: sam.id,
        before: expect.objectContaining({ title: 'Test incident', status: 'new' }),
        after: expect.objectContaining({ title: 'Renamed', status: 'triaged' }),
      });
      expect(JSON.stringify(audit)).not.toMatch(/statusTokenHash/);

      expect((await auditor.request(`/api/incidents/${i.id}`)).status).toBe(200);
      expect((await put(i.id, { title: 'nope' }, auditor)).status).toBe(403);
    });
  });

  describe('comments and timeline', () => {
    it('adds comments to the timeline in order', async () => {
      const i = await create({ dataClasses: [] });
      const c = await sam.s.json(`/api/incidents/${i.id}/comments`, { method: 'POST', json: { body: 'Called the user; chat deleted.' } });
      expect(c).toMatchObject({ type: 'comment', actorLabel: 'sam@airlock.test', data: { body: 'Called the user; chat deleted.' } });
      expect((await sam.s.request(`/api/incidents/${i.id}/comments`, { method: 'POST', json: { body: '   ' } })).status).toBe(400);
      const res = await sam.s.request(`/api/incidents/${i.id}/events`);
      expect(res.headers.get('content-range')).toBe('incident-events 0-1/2');
      expect(((await res.json()) as any[]).map((e) => e.type)).toEqual(['created', 'comment']);
      expect(await t.prisma.auditEvent.count({ where: { entityId: i.id, action: 'incident.comment' } })).toBe(1);
    });
  });

  describe('72-hour notification deadline', () => {
    it('is set from awareAt when personal data is involved, flags overdue and due soon, and filters by them', async () => {
      const overdueAware = new Date(Date.now() - 80 * H);
      const overdue = await create({ title: 'overdue one', dataClasses: ['personal_data'], awareAt: overdueAware.toISOString() });
      expect(overdue.notificationDeadline).toBe(new Date(overdueAware.getTime() + 72 * H).toISOString());
      expect(overdue).toMatchObject({ personalDataInvolved: true, overdue: true, dueSoon: false });
      const soon = await create({
        title: 'due soon one',
        dataClasses: ['client_information'],
        awareAt: new Date(Date.now() - 50 * H).toISOString(),
      });
      expect(soon).toMatchObject({ overdue: false, dueSoon: true });
      const fresh = await create({ dataClasses: ['health_data'] });
      expect(new Date(fresh.notificationDeadline).getTime() - new Date(fresh.awareAt).getTime()).toBe(72 * H);
      expect(fresh.awareAt).toBe(fresh.reportedAt);
      expect(fresh).toMatchObject({ overdue: false, dueSoon: false });
      const none = await create({ dataClasses: ['source_code', 'credentials'] });
      expect(none).toMatchObject({ notificationDeadline: null, personalDataInvolved: false, overdue: false });

      const list = (f: unknown) =>
        sam.s.json(`/api/incidents?filter=${encodeURIComponent(JSON.stringify(f))}&range=[0,999]`) as Promise<any[]>;
      expect((await list({ overdue: true })).map((i) => i.id)).toEqual([overdue.id]);
      expect((await list({ dueSoon: true })).map((i) => i.id)).toEqual([soon.id]);
      expect((await list({ overdue: false })).map((i) => i.id)).not.toContain(overdue.id);

      const resolved = await putJson(overdue.id, { status: 'resolved', openTasksReason: 'Checklist not the point of this test' });
      expect(resolved.overdue).toBe(false);
      expect(await list({ overdue: true })).toEqual([]);

      // Moving awareAt moves the deadline.
      const moved = await putJson(fresh.id, { awareAt: new Date(Date.now() - 100 * H).toISOString() });
      expect(moved.overdue).toBe(true);
    });
  });

  describe('remediation checklist', () => {
    it('is generated from the data classes and the service, and each item is checked with who and when', async () => {
      const i = await create({ providerId: providers.deepseek, dataClasses: ['credentials'] });
      const full = await sam.s.json(`/api/incidents/${i.id}`);
      expect(full.tasks.map((x: any) => x.key)).toEqual([
        'rotate_credentials',
        'delete_chat_history',
        'request_provider_deletion',
        'check_training_settings',
      ]);
      expect(full.tasks[1]).toMatchObject({ label: 'Delete the chat history in DeepSeek', done: false, doneById: null, doneAt: null });
      expect(full.tasks[1].detail).toContain('https://www.deepseek.com');

      const task = full.tasks[0];
      const checked = await sam.s.json(`/api/incidents/${i.id}/tasks/${task.id}`, { method: 'PUT', json: { done: true } });
      expect(checked).toMatchObject({ done: true, doneById: sam.id, doneByLabel: 'sam@airlock.test' });
      expect(Date.now() - new Date(checked.doneAt).getTime()).toBeLessThan(60_000);
      const unchecked = await sam.s.json(`/api/incidents/${i.id}/tasks/${task.id}`, { method: 'PUT', json: { done: false } });
      expect(unchecked).toMatchObject({ done: false, doneById: null, doneByLabel: null, doneAt: null });
      await sam.s.json(`/api/incidents/${i.id}/tasks/${task.id}`, { method: 'PUT', json: { done: true } });
      const events = (await sam.s.json(`/api/incidents/${i.id}/events`)) as any[];
      expect(events.map((e) => e.type)).toEqual(['created', 'task_checked', 'task_unchecked', 'task_checked']);
      expect(await t.prisma.auditEvent.count({ where: { entityId: task.id } })).toBe(3);
      expect(
        (await sam.s.request(`/api/incidents/${i.id}/tasks/00000000-0000-4000-8000-000000000000`, { method: 'PUT', json: { done: true } }))
          .status,
      ).toBe(404);

      // New facts add items; what was done stays.
      await put(i.id, { dataClasses: ['credentials', 'client_information'] });
      const tasks = (await sam.s.json(`/api/incidents/${i.id}/tasks`)) as any[];
      expect(tasks.map((x) => x.key)).toEqual([
        'rotate_credentials',
        'delete_chat_history',
        'request_provider_deletion',
        'check_training_settings',
        'assess_regulator_notification',
        'inform_client',
      ]);
      expect(tasks[0]).toMatchObject({ done: true, doneById: sam.id });
    });
  });

  describe('duplicates', () => {
    it('suggests same-service, overlapping-class reports from the same reporter (or both anonymous) within 24 hours', async () => {
      const report = (s: Session, json: Record<string, unknown>) =>
        s.json('/api/portal/incidents', {
          method: 'POST',
          json: { providerId: providers['google-gemini'], description: 'pasted it', ...json },
        });
      const first = await report(eve.s, { dataKinds: ['customer_data'] });
      const second = await report(eve.s, { dataKinds: ['personal_info'] });
      const otherClass = await report(eve.s, { dataKinds: ['source_code'] });
      const otherPerson = await report(dan.s, { dataKinds: ['customer_data'] });
      const otherService = await report(eve.s, { dataKinds: ['customer_data'], providerId: providers.perplexity });
      const service = t.app.get(IncidentsService);
      const old = await service.createIncident({
        organizationId: orgId,
        actor: { type: 'user', id: eve.id, label: 'eve@airlock.test' },
        source: 'portal',
        title: 'old',
        description: '',
        providerId: providers['google-gemini']!,
        providerOther: null,
        dataClasses: ['personal_data'],
        reporterId: eve.id,
        anonymous: false,
        now: new Date(Date.now() - 30 * H),
      });
      const similar = (await sam.s.json(`/api/incidents/${first.id}/similar`)) as any[];
      expect(similar.map((s) => s.id)).toEqual([second.id]);
      expect(similar[0].similarity).toMatchObject({
        sharedDataClasses: ['personal_data'],
        reasons: expect.arrayContaining(['same service', 'same reporter']),
      });
      for (const x of [otherClass, otherPerson, otherService, old]) expect(similar.map((s) => s.id)).not.toContain(x.id);

      const a1 = await report(eve.s, { dataKinds: ['health'], anonymous: true, providerId: providers['meta-ai'] });
      const a2 = await report(dan.s, { dataKinds: ['health'], anonymous: true, providerId: providers['meta-ai'] });
      const [i1, i2] = await Promise.all(
        [a1, a2].map((a) => t.prisma.incident.findFirstOrThrow({ where: { organizationId: orgId, number: a.number } })),
      );
      const anon = (await sam.s.json(`/api/incidents/${i1!.id}/similar`)) as any[];
      expect(anon.map((s) => s.id)).toEqual([i2!.id]);
      expect(anon[0].similarity.reasons).toContain('both anonymous');

      // Linking is the duplicateOfId field (see the workflow tests); unlinking sets it to null.
      const linked = await putJson(second.id, { duplicateOfId: first.id });
      expect(linked.duplicateOfId).toBe(first.id);
      expect((await putJson(second.id, { duplicateOfId: null })).duplicateOfId).toBeNull();
    });
  });

  describe('lists, filters and CSV', () => {
    let ids: Record<string, any> = {};
    beforeAll(async () => {
      const other = await addOrganization('filters-org');
      const alice = await addUser('alice@filters.test', 'analyst', other.id);
      const s = alice.s;
      await t.prisma.provider.create({
        data: { organizationId: other.id, slug: 'acme-ai', name: 'Acme AI', domains: ['acme.ai'], trainsOnInputs: 'yes', riskScore: 80 },
      });
      const acme = (await t.prisma.provider.findFirstOrThrow({ where: { organizationId: other.id, slug: 'acme-ai' } })).id;
      const mk = (json: Record<string, unknown>) => s.json('/api/incidents', { method: 'POST', json: { title: 'x', ...json } });
      ids = {
        s,
        alice,
        acme,
        a: await mk({ title: 'Keys to Acme', providerId: acme, dataClasses: ['credentials'] }),
        b: await mk({ title: 'Customer list', dataClasses: ['client_information'], providerOther: 'Other bot', assigneeId: alice.id }),
        c: await mk({
          title: '=HYPERLINK("http://evil.example","click")',
          description: 'a,b "quoted"\nsecond line',
          dataClasses: ['creative_work'],
          providerOther: '+cmd',
        }),
        d: await mk({ title: '@SUM(1+1)', description: '-2+3', dataClasses: ['source_code'], providerId: acme }),
      };
      await s.request(`/api/incidents/${ids.b.id}`, { method: 'PUT', json: { status: 'investigating' } });
    });
    const list = async (query: string) => {
      const res = await ids.s.request(`/api/incidents?${query}`);
      expect(res.status).toBe(200);
      return { range: res.headers.get('content-range'), rows: (await res.json()) as any[] };
    };
    const f = (filter: unknown, extra = '') => `filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

    it('filters by status (one or many), severity, service, data class, assignee, and text or number', async () => {
      const numbers = (r: { rows: any[] }) => r.rows.map((x) => x.number).sort();
      expect(numbers(await list(f({ status: 'investigating' })))).toEqual([ids.b.number]);
      expect(numbers(await list(f({ status: ['investigating', 'new'] })))).toEqual([1, 2, 3, 4]);
      expect(numbers(await list(f({ severity: 'critical' })))).toEqual([ids.a.number]);
      expect(numbers(await list(f({ severity: ['critical', 'high'] })))).toEqual([ids.a.number, ids.b.number, ids.d.number]);
      expect(numbers(await list(f({ providerId: ids.acme })))).toEqual([ids.a.number, ids.d.number]);
      expect(numbers(await list(f({ dataClass: 'client_information' })))).toEqual([ids.b.number]);
      expect(numbers(await list(f({ assigneeId: ids.alice.id })))).toEqual([ids.b.number]);
      expect(numbers(await list(f({ assigneeId: 'unassigned' })))).toEqual([ids.a.number, ids.c.number, ids.d.number]);
      expect(numbers(await list(f({ q: 'customer' })))).toEqual([ids.b.number]);
      expect(numbers(await list(f({ q: '#3' })))).toEqual([3]);
      expect((await ids.s.request(`/api/incidents?${f({ nonsense: 1 })}`)).status).toBe(400);
      expect((await ids.s.request(`/api/incidents?sort=${encodeURIComponent('["title","ASC"]')}`)).status).toBe(400);
    });

    it('sorts and pages in react-admin conventions', async () => {
      const bySeverity = await list(`sort=${encodeURIComponent('["severity","DESC"]')}&range=[0,1]`);
      expect(bySeverity.range).toBe('incidents 0-1/4');
      expect(bySeverity.rows.map((r) => r.severity)).toEqual(['critical', 'high']);
      const byNumber = await list(`sort=${encodeURIComponent('["number","ASC"]')}`);
      expect(byNumber.rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
      const byStatus = await list(`sort=${encodeURIComponent('["status","DESC"]')}`);
      expect(byStatus.rows[0].number).toBe(ids.b.number);
      const byDeadline = await list(`sort=${encodeURIComponent('["notificationDeadline","ASC"]')}`);
      expect(byDeadline.rows[0].number).toBe(ids.b.number);
      expect((await list('range=[10,20]')).range).toBe('incidents */4');
    });

    it('exports the filtered list as CSV, quoted and safe against formula injection', async () => {
      const res = await ids.s.request(
        `/api/incidents/export.csv?${f({ id: [ids.c.id, ids.d.id] }, `&sort=${encodeURIComponent('["number","ASC"]')}`)}`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="incidents-\d{4}-\d{2}-\d{2}\.csv"$/);
      const csv = await res.text();
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe(
        'number,title,status,severity,suggestedSeverity,service,dataClasses,source,reporter,assignee,occurredAt,awareAt,reportedAt,acknowledgedAt,resolvedAt,closedAt,closureReason,riskAcceptedUntil,notificationDeadline,notificationDecision,notifiedAt,notificationReference,overdue,duplicateOfId,description',
      );
      expect(csv).toContain(
        `3,"'=HYPERLINK(""http://evil.example"",""click"")",new,medium,medium,'+cmd,creative_work,analyst,alice@filters.test,`,
      );
      expect(csv).toContain(`"a,b ""quoted""\nsecond line"\r\n`);
      expect(csv).toContain(`4,'@SUM(1+1),new,high,high,Acme AI,source_code,analyst,alice@filters.test,`);
      expect(csv).toMatch(/,'-2\+3\r\n/);
      // Only the filtered rows: the header, two incidents, the final line break.
      expect(csv.match(/\r\n(?=\d+,)/g)).toHaveLength(2);
    });
  });

  describe('metrics', () => {
    it('counts by status and severity, times to acknowledge and resolve over 90 days, overdue and due soon', async () => {
      const org = await addOrganization('metrics-org');
      const mia = await addUser('mia@metrics.test', 'analyst', org.id);
      const actor = { type: 'user' as const, id: mia.id, label: 'mia@metrics.test' };
      const service = t.app.get(IncidentsService);
      const now = Date.now();
      const at = (h: number) => new Date(now + h * H);
      const make = (reportedHoursAgo: number, dataClasses: string[]) =>
        service.createIncident({
          organizationId: org.id,
          actor,
          source: 'analyst',
          title: 'm',
          description: '',
          providerId: null,
          providerOther: 'bot',
          dataClasses,
          reporterId: mia.id,
          anonymous: false,
          now: at(-reportedHoursAgo),
        });
      // 1: reported 10 days ago, acknowledged after 2 h, resolved after 10 h.
      const i1 = await make(240, ['source_code']);
      await service.update(org.id, actor, i1.id, { status: 'triaged' }, { now: at(-238) });
      await service.update(org.id, actor, i1.id, { status: 'resolved', openTasksReason: 'Checklist not the point of this test' }, { now: at(-230) });
      // 2: reported 5 days ago, acknowledged after 4 h, still investigating.
      const i2 = await make(120, ['source_code']);
      await service.update(org.id, actor, i2.id, { status: 'investigating' }, { now: at(-116) });
      // 3: 100 days ago, outside the window: acknowledged after 50 h, closed after 100 h.
      const i3 = await make(2400, ['creative_work']);
      await service.update(org.id, actor, i3.id, { status: 'triaged' }, { now: at(-2350) });
      await service.update(org.id, actor, i3.id, { status: 'closed', closureReason: 'remediated', openTasksReason: 'Checklist not the point of this test' }, { now: at(-2300) });
      // 4: personal data, 4 days old, never touched: overdue. 5: 60 h old: due soon.
      await make(96, ['personal_data']);
      await make(60, ['health_data']);

      const m = await mia.s.json('/api/incidents/metrics');
      expect(incidentMetricsOutput.parse(m)).toEqual(m);
      expect(m).toEqual({
        total: 5,
        open: 3,
        byStatus: { new: 2, triaged: 0, investigating: 1, contained: 0, resolved: 1, closed: 1 },
        // bot is not in the catalog: one step up from each class's own weight.
        bySeverity: { low: 0, medium: 1, high: 3, critical: 1 },
        overdue: 1,
        dueSoon: 1,
        windowDays: 90,
        meanHoursToAcknowledge: 3,
        meanHoursToResolve: 10,
        acknowledgedInWindow: 2,
        resolvedInWindow: 1,
      });
      expect((await eve.s.request('/api/incidents/metrics')).status).toBe(403);
    });
  });

  describe('automatic incidents on blocked decisions', () => {
    const entryFrom = (decision: any, subject: string) => ({
      organizationId: orgId,
      decisionId: decision.decisionId,
      effect: decision.effect,
      providerSlug: decision.provider?.slug ?? null,
      destinationHost: decision.destination.host,
      dataClasses: decision.dataClasses,
      ruleIds: decision.reasons.map((r: any) => r.ruleId),
      subject,
      time: new Date(decision.evaluatedAt),
    });
    const blockCredentials = async () => {
      const res = await t.decide({
        action: 'prompt',
        destination: { provider: 'deepseek' },
        subject: { email: 'user9@example.com' },
        content: { text: 'aws_access_key_id=AKIAZ3MHQ7TNVX5KQ2PB' },
      });
      const d = (await res.json()) as any;
      expect(d.effect).toBe('block');
      expect(d.dataClasses).toContain('credentials');
      return d;
    };
    const setAuto = (on: boolean) =>
      t.prisma.organization.update({ where: { id: orgId }, data: { settings: { autoIncidentOnBlock: on } } });

    it('opens nothing while the organization has not enabled it', async () => {
      await setAuto(false);
      const service = t.app.get(IncidentsService);
      expect(service.queueAutomaticIncident(entryFrom(await blockCredentials(), 'user9@example.com'))).toBe(true);
      await service.flushAutomaticIncidents();
      expect(await t.prisma.incident.count({ where: { source: 'automatic' } })).toBe(0);
    });

    it('opens one incident per subject, service and class within the hour when enabled', async () => {
      await setAuto(true);
      const service = t.app.get(IncidentsService);
      const d = await blockCredentials();
      // Not a block, or no sensitive class: not even queued.
      expect(service.queueAutomaticIncident({ ...entryFrom(d, 'user9@example.com'), effect: 'warn' })).toBe(false);
      expect(service.queueAutomaticIncident({ ...entryFrom(d, 'user9@example.com'), dataClasses: ['source_code'] })).toBe(false);

      service.queueAutomaticIncident(entryFrom(d, 'user9@example.com'));
      service.queueAutomaticIncident(entryFrom(await blockCredentials(), 'user9@example.com'));
      await service.flushAutomaticIncidents();
      const auto = await t.prisma.incident.findMany({ where: { source: 'automatic' } });
      expect(auto).toHaveLength(1);
      const full = await sam.s.json(`/api/incidents/${auto[0]!.id}`);
      expect(full).toMatchObject({
        source: 'automatic',
        decisionId: d.decisionId,
        provider: { slug: 'deepseek' },
        dataClasses: expect.arrayContaining(['credentials']),
        severity: 'critical',
        title: 'Blocked: Credentials to DeepSeek',
      });
      const events = (await sam.s.json(`/api/incidents/${full.id}/events`)) as any[];
      expect(events[0]).toMatchObject({
        actorLabel: 'automatic (blocked decision)',
        data: expect.objectContaining({ subject: 'user9@example.com', decisionId: d.decisionId }),
      });

      // Another subject is another incident; the same subject again an hour later too.
      service.queueAutomaticIncident(entryFrom(await blockCredentials(), 'user10@example.com'));
      await service.flushAutomaticIncidents();
      expect(await t.prisma.incident.count({ where: { source: 'automatic' } })).toBe(2);
      service.queueAutomaticIncident(entryFrom(await blockCredentials(), 'user9@example.com'));
      await service.flushAutomaticIncidents();
      expect(await t.prisma.incident.count({ where: { source: 'automatic' } })).toBe(2);
      service.queueAutomaticIncident(entryFrom(await blockCredentials(), 'user9@example.com'));
      await service.flushAutomaticIncidents(new Date(Date.now() + 61 * 60_000));
      expect(await t.prisma.incident.count({ where: { source: 'automatic' } })).toBe(3);
    });
  });
});
