import { incidentOutput, incidentStatusOutput } from '@airlock/contracts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type Session, startTestApp, type TestApp } from '../support/test-app';
import { captureLogLines } from '../support/log-capture';

const H = 3_600_000;

/**
 * Incidents that protect the 72-hour clock (issue #19), end to end on PostgreSQL: resolving or
 * closing with open checklist tasks needs a reason; the notification decision is recorded and stops
 * the clock; analysts correct the facts and the deadline follows; the team and the anonymous
 * reporter exchange messages through the status page, whose code never travels in a URL.
 */
describe('incidents: the 72-hour clock', () => {
  let t: TestApp;
  let orgId: string;
  let sam: { id: string; s: Session };
  let auditor: Session;
  let eve: { id: string; s: Session };
  const providers: Record<string, string> = {};
  let logLines: string[] = [];

  async function addUser(email: string, role: 'employee' | 'analyst' | 'auditor', organizationId = orgId) {
    const owner = await t.prisma.user.findFirstOrThrow({ where: { email: ADMIN_EMAIL } });
    const u = await t.prisma.user.create({
      data: { organizationId, email, name: email.split('@')[0]!, role, passwordHash: owner.passwordHash },
    });
    return { id: u.id, s: await t.login(email, ADMIN_PASSWORD) };
  }

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_LOG_LEVEL: 'info' });
    logLines = captureLogLines(t);
    orgId = (await t.prisma.organization.findFirstOrThrow()).id;
    sam = await addUser('sam@airlock.test', 'analyst');
    auditor = (await addUser('olivia@airlock.test', 'auditor')).s;
    eve = await addUser('eve@airlock.test', 'employee');
    for (const p of await t.prisma.provider.findMany({ where: { organizationId: orgId } })) providers[p.slug] = p.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (json: Record<string, unknown>): Promise<any> =>
    sam.s.json('/api/incidents', { method: 'POST', json: { title: 'Clock test', ...json } });
  const put = (id: string, json: unknown, s: Session = sam.s) => s.request(`/api/incidents/${id}`, { method: 'PUT', json });
  const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as any).error });
  const eventsOf = async (id: string): Promise<any[]> => sam.s.json(`/api/incidents/${id}/events`);
  const lastAudit = (id: string, action: string) =>
    t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action }, orderBy: { seq: 'desc' } });

  describe('resolving or closing with open checklist tasks', () => {
    it('is refused without a reason (422 naming the tasks), and recorded with one in the timeline and the audit log', async () => {
      const i = await create({ providerId: providers.deepseek, dataClasses: ['personal_data'] });
      const tasks = (await sam.s.json(`/api/incidents/${i.id}`)).tasks as any[];
      expect(tasks.length).toBeGreaterThan(1);

      const refused = await errorOf(await put(i.id, { status: 'resolved' }));
      expect(refused.status).toBe(422);
      expect(refused.message).toMatch(new RegExp(`${tasks.length} checklist tasks are still open`));
      expect(refused.message).toContain(tasks[0].label);
      expect(refused.message).toMatch(/openTasksReason/);
      expect((await sam.s.json(`/api/incidents/${i.id}`)).status).toBe('new');

      // Closing too, and a blank reason is not a reason.
      expect((await put(i.id, { status: 'closed', closureReason: 'remediated' })).status).toBe(422);
      expect((await put(i.id, { status: 'resolved', openTasksReason: '   ' })).status).toBe(400);
      // A reason without resolving or closing is refused, not silently dropped.
      expect((await errorOf(await put(i.id, { severity: 'high', openTasksReason: 'x' }))).status).toBe(422);

      const reason = 'The vendor deletes chats after 30 days; the deletion request is not needed.';
      const res = await put(i.id, { status: 'resolved', openTasksReason: reason });
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).status).toBe('resolved');
      const event = (await eventsOf(i.id)).find((e) => e.type === 'status_changed');
      expect(event.data).toMatchObject({
        field: 'status',
        before: 'new',
        after: 'resolved',
        openTasksReason: reason,
        openTasks: tasks.map((x) => x.key),
      });
      const audit = await lastAudit(i.id, 'incident.status_change');
      expect(audit.after).toMatchObject({ status: 'resolved', openTasksReason: reason, openTasks: tasks.map((x) => x.key) });

      // Closing afterwards is its own decision: asked again.
      expect((await put(i.id, { status: 'closed', closureReason: 'remediated' })).status).toBe(422);
      expect((await put(i.id, { status: 'closed', closureReason: 'remediated', openTasksReason: 'Same as when resolved.' })).status).toBe(200);
    });

    it('needs no reason once every task is done', async () => {
      const i = await create({ providerId: providers.deepseek, dataClasses: ['credentials'] });
      for (const task of (await sam.s.json(`/api/incidents/${i.id}`)).tasks as any[])
        await sam.s.json(`/api/incidents/${i.id}/tasks/${task.id}`, { method: 'PUT', json: { done: true } });
      const res = await put(i.id, { status: 'closed', closureReason: 'remediated' });
      expect(res.status).toBe(200);
      const event = (await eventsOf(i.id)).find((e) => e.type === 'status_changed');
      expect(event.data.openTasksReason).toBeUndefined();
    });
  });

  describe('the notification decision', () => {
    it('is recorded (notified: when, reference), shown on the incident, stops the clock, and is in the timeline and the audit log', async () => {
      const awareAt = new Date(Date.now() - 80 * H).toISOString();
      const i = await create({ dataClasses: ['health_data'], awareAt, occurredAt: new Date(Date.now() - 90 * H).toISOString() });
      expect(i).toMatchObject({ overdue: true, notificationDecision: null, notifiedAt: null });
      expect((await sam.s.json('/api/incidents?filter={"overdue":true}')).map((x: any) => x.id)).toContain(i.id);

      const notifiedAt = new Date(Date.now() - 10 * H).toISOString();
      const res = await sam.s.request(`/api/incidents/${i.id}/notification`, {
        method: 'PUT',
        json: { decision: 'notified', notifiedAt, reference: 'CNIL-2026-0042' },
      });
      expect(res.status).toBe(200);
      const out = incidentOutput.parse(await res.json());
      expect(out).toMatchObject({
        notificationDecision: 'notified',
        notifiedAt,
        notificationReference: 'CNIL-2026-0042',
        notificationRationale: null,
        notificationDecidedBy: 'sam@airlock.test',
        overdue: false,
        dueSoon: false,
      });
      expect(out.notificationDecidedAt).toEqual(expect.any(String));
      expect((await sam.s.json('/api/incidents?filter={"overdue":true}')).map((x: any) => x.id)).not.toContain(i.id);
      expect((await sam.s.json('/api/incidents?filter={"overdue":false}')).map((x: any) => x.id)).toContain(i.id);

      const decided = (await eventsOf(i.id)).filter((e) => e.type === 'notification_decided');
      expect(decided).toHaveLength(1);
      expect(decided[0].data).toEqual({
        before: null,
        after: { decision: 'notified', notifiedAt, reference: 'CNIL-2026-0042', reason: null },
      });
      const audit = await lastAudit(i.id, 'incident.notification_decision');
      expect(audit.before).toMatchObject({ notificationDecision: null });
      expect(audit.after).toMatchObject({ notificationDecision: 'notified', notificationReference: 'CNIL-2026-0042' });

      // The same decision again changes nothing; a correction to "not notified" clears the other branch.
      await sam.s.json(`/api/incidents/${i.id}/notification`, { method: 'PUT', json: { decision: 'notified', notifiedAt, reference: 'CNIL-2026-0042' } });
      expect((await eventsOf(i.id)).filter((e) => e.type === 'notification_decided')).toHaveLength(1);
      const corrected = await sam.s.json(`/api/incidents/${i.id}/notification`, {
        method: 'PUT',
        json: { decision: 'not_notified', reason: 'Encrypted export: unlikely to result in a risk to the people concerned.' },
      });
      expect(corrected).toMatchObject({
        notificationDecision: 'not_notified',
        notifiedAt: null,
        notificationReference: null,
        notificationRationale: 'Encrypted export: unlikely to result in a risk to the people concerned.',
      });
      const again = (await eventsOf(i.id)).filter((e) => e.type === 'notification_decided');
      expect(again).toHaveLength(2);
      expect(again[1].data.before).toMatchObject({ decision: 'notified', reference: 'CNIL-2026-0042' });
      expect(again[1].data.after).toMatchObject({ decision: 'not_notified', reason: expect.stringMatching(/unlikely/) });

      // The CSV says it too.
      const csv = await (await sam.s.request(`/api/incidents/export.csv?filter={"id":["${i.id}"]}`)).text();
      expect(csv.split('\n')[0]).toContain('notificationDecision');
      expect(csv).toContain('not_notified');
    });

    it('refuses an incomplete decision (400), a notification before the incident happened (422), the auditor (403) and another organization (404)', async () => {
      const i = await create({ dataClasses: ['personal_data'], occurredAt: new Date(Date.now() - 5 * H).toISOString() });
      const decide = (json: unknown, s: Session = sam.s) => s.request(`/api/incidents/${i.id}/notification`, { method: 'PUT', json });
      expect((await decide({ decision: 'not_notified' })).status).toBe(400);
      expect((await decide({ decision: 'not_notified', reason: ' ' })).status).toBe(400);
      expect((await decide({ decision: 'notified' })).status).toBe(400);
      expect((await decide({ decision: 'maybe' })).status).toBe(400);
      expect((await decide({ decision: 'notified', notifiedAt: new Date(Date.now() + 5 * H).toISOString() })).status).toBe(400);
      const early = await errorOf(await decide({ decision: 'notified', notifiedAt: new Date(Date.now() - 6 * H).toISOString() }));
      expect(early.status).toBe(422);
      expect(early.message).toMatch(/before the incident happened/);
      expect((await decide({ decision: 'not_notified', reason: 'x' }, auditor)).status).toBe(403);

      const other = await t.prisma.organization.create({ data: { slug: 'clock-other', name: 'Other' } });
      const bob = await addUser('bob@clock-other.test', 'analyst', other.id);
      expect((await decide({ decision: 'not_notified', reason: 'x' }, bob.s)).status).toBe(404);
      expect((await bob.s.request(`/api/incidents/${i.id}/reporter-messages`, { method: 'POST', json: { body: 'hi' } })).status).toBe(404);
      expect((await sam.s.json(`/api/incidents/${i.id}`)).notificationDecision).toBeNull();
    });
  });

  describe('correcting the facts', () => {
    it('recomputes the deadline from a corrected awareness time and data classes, with before/after in the timeline and the audit log', async () => {
      const i = await create({ providerId: providers.deepseek, dataClasses: ['source_code'] });
      expect(i.notificationDeadline).toBeNull();
      const awareAt = new Date(Date.now() - 30 * H);
      const occurredAt = new Date(Date.now() - 40 * H);
      const res = await put(i.id, {
        dataClasses: ['source_code', 'personal_data'],
        awareAt: awareAt.toISOString(),
        occurredAt: occurredAt.toISOString(),
        providerId: providers['openai-chatgpt'],
      });
      expect(res.status).toBe(200);
      const after = (await res.json()) as any;
      expect(after.notificationDeadline).toBe(new Date(awareAt.getTime() + 72 * H).toISOString());
      expect(after).toMatchObject({ personalDataInvolved: true, awareAt: awareAt.toISOString(), occurredAt: occurredAt.toISOString() });

      const changes = (await eventsOf(i.id)).filter((e) => e.type === 'field_changed').map((e) => e.data);
      expect(changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'dataClasses', before: ['source_code'], after: ['source_code', 'personal_data'] }),
          expect.objectContaining({ field: 'awareAt', before: i.awareAt, after: awareAt.toISOString() }),
          expect.objectContaining({ field: 'occurredAt', before: null, after: occurredAt.toISOString() }),
          expect.objectContaining({ field: 'notificationDeadline', before: null, after: after.notificationDeadline }),
          expect.objectContaining({ field: 'providerId', beforeName: 'DeepSeek', afterName: 'OpenAI ChatGPT' }),
        ]),
      );
      const audit = await lastAudit(i.id, 'incident.update');
      expect(audit.before).toMatchObject({ awareAt: i.awareAt, notificationDeadline: null, dataClasses: ['source_code'] });
      expect(audit.after).toMatchObject({ awareAt: awareAt.toISOString(), notificationDeadline: after.notificationDeadline });

      // A later awareness moves the deadline later; no personal data, no deadline.
      const later = new Date(Date.now() - 2 * H);
      expect(((await (await put(i.id, { awareAt: later.toISOString() })).json()) as any).notificationDeadline).toBe(
        new Date(later.getTime() + 72 * H).toISOString(),
      );
      expect(((await (await put(i.id, { dataClasses: ['source_code'] })).json()) as any).notificationDeadline).toBeNull();

      // Aware before it happened is not a fact.
      const wrong = await errorOf(await put(i.id, { occurredAt: new Date(Date.now() - 1 * H).toISOString() }));
      expect(wrong.status).toBe(422);
      expect(wrong.message).toMatch(/must not be after awareAt/);
    });
  });

  describe('messages with the anonymous reporter', () => {
    let token: string;
    let id: string;
    const statusOf = async (tok: string) => incidentStatusOutput.parse(await (await t.request('/api/portal/incidents/status', { method: 'POST', json: { token: tok } })).json());

    beforeAll(async () => {
      const r = await eve.s.json('/api/portal/incidents', {
        method: 'POST',
        json: { providerId: 'other', otherService: 'A chatbot', dataKinds: ['customer_data'], description: 'Pasted a client list.', anonymous: true },
      });
      token = r.statusToken;
      id = (await t.prisma.incident.findFirstOrThrow({ where: { organizationId: orgId, number: r.number } })).id;
    });

    it('the team writes, the status page shows it as from the team; the reporter answers through it, and nothing names them', async () => {
      expect((await sam.s.json(`/api/incidents/${id}`)).reporterReachable).toBe(true);
      const from = logLines.length;
      const question = 'Which client list was it: the 2025 one or the current one?';
      const sent = await sam.s.request(`/api/incidents/${id}/reporter-messages`, { method: 'POST', json: { body: question } });
      expect(sent.status).toBe(201);
      expect(((await sent.json()) as any).type).toBe('message_to_reporter');

      const page = await statusOf(token);
      expect(page.messages).toEqual([{ id: expect.any(String), from: 'team', body: question, createdAt: expect.any(String) }]);
      expect(JSON.stringify(page)).not.toContain('sam');
      expect(page.canReply).toBe(true);

      const answer = 'The current one, about 200 rows.';
      const res = await t.request('/api/portal/incidents/status/messages', { method: 'POST', json: { token, body: answer } });
      expect(res.status).toBe(201);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const afterReply = incidentStatusOutput.parse(await res.json());
      expect(afterReply.messages.map((m) => [m.from, m.body])).toEqual([
        ['team', question],
        ['reporter', answer],
      ]);

      const timeline = await eventsOf(id);
      const reply = timeline.find((e) => e.type === 'message_from_reporter');
      expect(reply).toMatchObject({ actorId: null, actorLabel: 'anonymous reporter', data: { body: answer } });
      const audit = await lastAudit(id, 'incident.message_from_reporter');
      expect(audit).toMatchObject({ actorType: 'anonymous', actorId: null, ip: null, requestId: null });
      // The audit log says a message was sent, never what it said; no log line carries text or code.
      const teamAudit = await lastAudit(id, 'incident.message_to_reporter');
      expect(JSON.stringify([audit, teamAudit])).not.toContain(answer);
      expect(JSON.stringify([audit, teamAudit])).not.toContain(question);
      await new Promise((r) => setTimeout(r, 200));
      const logged = logLines.slice(from).join('');
      for (const trace of [question, answer, token, eve.id]) expect(logged).not.toContain(trace);
    });

    it('refuses a wrong code (404), an empty answer (400), writing to a named reporter (422), and answers once closed (422)', async () => {
      expect((await t.request('/api/portal/incidents/status/messages', { method: 'POST', json: { token: 'B'.repeat(32), body: 'hi' } })).status).toBe(404);
      expect((await t.request('/api/portal/incidents/status/messages', { method: 'POST', json: { token, body: '  ' } })).status).toBe(400);

      const named = await eve.s.json('/api/portal/incidents', {
        method: 'POST',
        json: { providerId: 'other', otherService: 'Bot', dataKinds: ['not_sure'], description: 'Named report.' },
      });
      expect((await sam.s.json(`/api/incidents/${named.id}`)).reporterReachable).toBe(false);
      const toNamed = await errorOf(await sam.s.request(`/api/incidents/${named.id}/reporter-messages`, { method: 'POST', json: { body: 'hi' } }));
      expect(toNamed.status).toBe(422);
      expect(toNamed.message).toMatch(/Only an anonymous report/);
      expect((await auditor.request(`/api/incidents/${id}/reporter-messages`, { method: 'POST', json: { body: 'hi' } })).status).toBe(403);

      await put(id, { status: 'closed', closureReason: 'false_positive', openTasksReason: 'Not a real exposure.' });
      expect((await statusOf(token)).canReply).toBe(false);
      const closed = await errorOf(await t.request('/api/portal/incidents/status/messages', { method: 'POST', json: { token, body: 'one more thing' } }));
      expect(closed.status).toBe(422);
      expect(closed.message).toMatch(/closed/);
    });
  });
});
