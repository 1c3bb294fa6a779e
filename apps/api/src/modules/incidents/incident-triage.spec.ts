import { AppError } from '../../common/errors';
import { suggestSeverity } from './incident-severity';
import {
  closedFinalError,
  type IncidentUpdatePlan,
  nextService,
  type NotificationFields,
  planIncidentUpdate,
  planNotificationDecision,
  type TriageFields,
} from './incident-triage';
import type { ProviderFacts } from './incidents.repository';
import { notificationDeadline } from './notification-deadline';

const NOW = new Date('2026-11-29T12:00:00Z');
const H = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * H);

function incident(over: Partial<TriageFields> = {}): TriageFields {
  return {
    title: 'Passwords shared with DeepSeek',
    description: 'Pasted a config file',
    providerId: null,
    providerOther: 'DeepSeek',
    dataClasses: ['credentials'],
    severity: 'critical',
    suggestedSeverity: 'critical',
    status: 'new',
    closureReason: null,
    riskAcceptedUntil: null,
    assigneeId: null,
    duplicateOfId: null,
    occurredAt: null,
    awareAt: at(-10),
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    personalDataInvolved: false,
    notificationDeadline: null,
    ...over,
  };
}

const approved: ProviderFacts = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'chatgpt',
  name: 'ChatGPT',
  website: null,
  status: 'approved',
  riskScore: 10,
  zeroRetentionOffer: true,
  trainsOnInputs: 'no',
};

function update(plan: IncidentUpdatePlan) {
  if (plan.kind !== 'update') throw new Error(`expected an update, got ${plan.kind}`);
  return plan;
}

function problem(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('planIncidentUpdate: nothing to do', () => {
  it('an empty edit changes nothing', () => {
    expect(planIncidentUpdate(incident(), {}, NOW)).toEqual({ kind: 'unchanged', checks: {} });
  });

  it('setting fields to the values they have changes nothing', () => {
    const before = incident({ status: 'triaged', acknowledgedAt: at(-5) });
    expect(planIncidentUpdate(before, { status: 'triaged', title: before.title, dataClasses: ['credentials'] }, NOW).kind).toBe(
      'unchanged',
    );
  });

  it('repeated data classes count once', () => {
    expect(planIncidentUpdate(incident(), { dataClasses: ['credentials', 'credentials'] }, NOW).kind).toBe('unchanged');
  });

  it('a closed incident with an edit that changes nothing is unchanged, not an error', () => {
    const closed = incident({
      status: 'closed',
      closureReason: 'remediated',
      closedAt: at(-1),
      resolvedAt: at(-1),
      acknowledgedAt: at(-2),
    });
    expect(planIncidentUpdate(closed, { status: 'closed' }, NOW).kind).toBe('unchanged');
  });
});

describe('planIncidentUpdate: the status workflow', () => {
  it('moving on from new acknowledges the incident and records a status event', () => {
    const plan = update(planIncidentUpdate(incident(), { status: 'triaged' }, NOW));
    expect(plan.next.status).toBe('triaged');
    expect(plan.next.acknowledgedAt).toEqual(NOW);
    expect(plan.changed).toEqual(['status', 'acknowledgedAt']);
    expect(plan.data).toEqual({ status: 'triaged', acknowledgedAt: NOW });
    // acknowledgedAt is derived: it shows in the status event, not as an event of its own.
    expect(plan.events).toEqual([{ type: 'status_changed', data: { field: 'status', before: 'new', after: 'triaged' } }]);
    expect(plan.auditAction).toBe('incident.status_change');
  });

  it('keeps an earlier acknowledgement', () => {
    const plan = update(planIncidentUpdate(incident({ status: 'triaged', acknowledgedAt: at(-3) }), { status: 'investigating' }, NOW));
    expect(plan.next.acknowledgedAt).toEqual(at(-3));
    expect(plan.changed).toEqual(['status']);
  });

  it('refuses a move the workflow does not allow, with a 422 naming the allowed moves', () => {
    const err = problem(() =>
      planIncidentUpdate(incident({ status: 'investigating', acknowledgedAt: at(-3) }), { status: 'triaged' }, NOW),
    );
    expect(err.code).toBe('unprocessable');
    expect(err.message).toMatch(/cannot move from "investigating" to "triaged"/);
    expect(err.message).toContain('"contained"');
  });

  it('resolving sets resolvedAt; reopening clears it', () => {
    const resolved = update(planIncidentUpdate(incident({ status: 'investigating', acknowledgedAt: at(-3) }), { status: 'resolved' }, NOW));
    expect(resolved.next.resolvedAt).toEqual(NOW);
    const reopened = update(
      planIncidentUpdate(incident({ status: 'resolved', acknowledgedAt: at(-3), resolvedAt: at(-1) }), { status: 'investigating' }, NOW),
    );
    expect(reopened.next.resolvedAt).toBeNull();
    expect(reopened.changed).toEqual(['status', 'resolvedAt']);
  });

  it('containment that failed (contained -> investigating) is not resolved', () => {
    const plan = update(planIncidentUpdate(incident({ status: 'contained', acknowledgedAt: at(-3) }), { status: 'investigating' }, NOW));
    expect(plan.next.resolvedAt).toBeNull();
  });

  it('closing needs a reason', () => {
    const err = problem(() => planIncidentUpdate(incident(), { status: 'closed' }, NOW));
    expect(err.code).toBe('unprocessable');
    expect(err.details).toEqual([expect.objectContaining({ path: 'closureReason' })]);
  });

  it('closing sets closedAt and resolvedAt (when not resolved before) and records the reason in the status event', () => {
    const plan = update(planIncidentUpdate(incident(), { status: 'closed', closureReason: 'false_positive' }, NOW));
    expect(plan.next).toMatchObject({
      status: 'closed',
      closureReason: 'false_positive',
      closedAt: NOW,
      resolvedAt: NOW,
      acknowledgedAt: NOW,
    });
    const status = plan.events.find((e) => e.type === 'status_changed');
    expect(status?.data).toEqual({ field: 'status', before: 'new', after: 'closed', closureReason: 'false_positive' });
    expect(plan.events.map((e) => e.data.field)).toEqual(['status', 'closureReason']);
  });

  it('closing a resolved incident keeps the time it was resolved', () => {
    const plan = update(
      planIncidentUpdate(
        incident({ status: 'resolved', acknowledgedAt: at(-5), resolvedAt: at(-2) }),
        { status: 'closed', closureReason: 'remediated' },
        NOW,
      ),
    );
    expect(plan.next.resolvedAt).toEqual(at(-2));
    expect(plan.next.closedAt).toEqual(NOW);
  });

  it('accepting the risk needs a future review date, kept on the incident', () => {
    expect(problem(() => planIncidentUpdate(incident(), { status: 'closed', closureReason: 'risk_accepted' }, NOW)).details).toEqual([
      expect.objectContaining({ path: 'riskAcceptedUntil' }),
    ]);
    expect(
      problem(() =>
        planIncidentUpdate(incident(), { status: 'closed', closureReason: 'risk_accepted', riskAcceptedUntil: at(-1).toISOString() }, NOW),
      ).message,
    ).toMatch(/future/);
    const plan = update(
      planIncidentUpdate(
        incident(),
        { status: 'closed', closureReason: 'risk_accepted', riskAcceptedUntil: at(24 * 30).toISOString() },
        NOW,
      ),
    );
    expect(plan.next.riskAcceptedUntil).toEqual(at(24 * 30));
  });

  it('a review date goes with risk_accepted only', () => {
    const err = problem(() =>
      planIncidentUpdate(incident(), { status: 'closed', closureReason: 'remediated', riskAcceptedUntil: at(24).toISOString() }, NOW),
    );
    expect(err.message).toMatch(/risk_accepted/);
  });

  it('a closure reason or a review date are refused unless closing', () => {
    expect(problem(() => planIncidentUpdate(incident(), { closureReason: 'remediated' }, NOW)).message).toMatch(/only when closing/);
    expect(
      problem(() => planIncidentUpdate(incident(), { status: 'triaged', riskAcceptedUntil: at(24).toISOString() }, NOW)).message,
    ).toMatch(/risk_accepted/);
  });

  it('closing as duplicate needs the incident it duplicates, and asks for the link to be checked', () => {
    expect(problem(() => planIncidentUpdate(incident(), { status: 'closed', closureReason: 'duplicate' }, NOW)).details).toEqual([
      expect.objectContaining({ path: 'duplicateOfId' }),
    ]);
    const target = '00000000-0000-4000-8000-0000000000aa';
    const plan = update(planIncidentUpdate(incident(), { status: 'closed', closureReason: 'duplicate', duplicateOfId: target }, NOW));
    expect(plan.checks).toEqual({ duplicateOfId: target });
    expect(plan.events.find((e) => e.type === 'duplicate_linked')?.data).toEqual({ field: 'duplicateOfId', before: null, after: target });
  });

  it('a closed incident is final: an edit that changes it is planned as closed_final', () => {
    const closed = incident({
      status: 'closed',
      closureReason: 'remediated',
      closedAt: at(-1),
      resolvedAt: at(-1),
      acknowledgedAt: at(-2),
    });
    expect(planIncidentUpdate(closed, { title: 'Something else' }, NOW)).toEqual({ kind: 'closed_final', checks: {} });
    expect(closedFinalError().message).toMatch(/closed incident is final/);
    expect(problem(() => planIncidentUpdate(closed, { status: 'investigating' }, NOW)).message).toMatch(/closed incident is final/);
  });
});

describe('planIncidentUpdate: assignee', () => {
  const assignee = '00000000-0000-4000-8000-0000000000bb';

  it('a new assignee is checked, acknowledges the incident and gets its own event', () => {
    const plan = update(planIncidentUpdate(incident(), { assigneeId: assignee }, NOW));
    expect(plan.checks).toEqual({ assigneeId: assignee });
    expect(plan.next.acknowledgedAt).toEqual(NOW);
    expect(plan.events).toEqual([{ type: 'assignee_changed', data: { field: 'assigneeId', before: null, after: assignee } }]);
    expect(plan.auditAction).toBe('incident.update');
  });

  it('the same assignee is not checked again; unassigning is not checked at all', () => {
    expect(planIncidentUpdate(incident({ assigneeId: assignee, acknowledgedAt: at(-1) }), { assigneeId: assignee }, NOW)).toEqual({
      kind: 'unchanged',
      checks: {},
    });
    const plan = update(planIncidentUpdate(incident({ assigneeId: assignee, acknowledgedAt: at(-1) }), { assigneeId: null }, NOW));
    expect(plan.checks).toEqual({});
    expect(plan.next.acknowledgedAt).toEqual(at(-1));
  });

  it('checks are planned even when a closed incident refuses the edit (the service runs them first)', () => {
    const closed = incident({
      status: 'closed',
      closureReason: 'remediated',
      closedAt: at(-1),
      resolvedAt: at(-1),
      acknowledgedAt: at(-2),
    });
    expect(planIncidentUpdate(closed, { assigneeId: assignee }, NOW)).toEqual({ kind: 'closed_final', checks: { assigneeId: assignee } });
  });
});

describe('planIncidentUpdate: severity, deadline and checklist follow the facts', () => {
  it('a suggested severity follows a new suggestion when the data classes change', () => {
    const before = incident({ dataClasses: ['source_code'], severity: 'medium', suggestedSeverity: 'medium' });
    const plan = update(planIncidentUpdate(before, { dataClasses: ['credentials'] }, NOW));
    const expected = suggestSeverity(['credentials'], null).severity;
    expect(plan.next.suggestedSeverity).toBe(expected);
    expect(plan.next.severity).toBe(expected);
    expect(plan.checklistChanged).toBe(true);
    expect(plan.events.find((e) => e.type === 'severity_changed')?.data).toMatchObject({ followedSuggestion: true });
  });

  it("an analyst's own severity stays when the suggestion changes", () => {
    const before = incident({ dataClasses: ['source_code'], severity: 'low', suggestedSeverity: 'medium' });
    const plan = update(planIncidentUpdate(before, { dataClasses: ['credentials'] }, NOW));
    expect(plan.next.severity).toBe('low');
    expect(plan.changed).not.toContain('severity');
  });

  it('a severity set by hand is recorded without followedSuggestion', () => {
    const plan = update(planIncidentUpdate(incident({ severity: 'medium', suggestedSeverity: 'medium' }), { severity: 'low' }, NOW));
    expect(plan.events).toEqual([{ type: 'severity_changed', data: { field: 'severity', before: 'medium', after: 'low' } }]);
    expect(plan.raisedToHigh).toBe(false);
  });

  it('raising the severity to high or critical fires the high-severity webhook; raising within low/medium does not', () => {
    expect(update(planIncidentUpdate(incident({ severity: 'medium' }), { severity: 'high' }, NOW)).raisedToHigh).toBe(true);
    expect(update(planIncidentUpdate(incident({ severity: 'high' }), { severity: 'critical' }, NOW)).raisedToHigh).toBe(true);
    expect(update(planIncidentUpdate(incident({ severity: 'low' }), { severity: 'medium' }, NOW)).raisedToHigh).toBe(false);
    expect(update(planIncidentUpdate(incident({ severity: 'critical' }), { severity: 'high' }, NOW)).raisedToHigh).toBe(false);
  });

  it('personal data sets the notification deadline from awareAt; removing it clears the deadline', () => {
    const plan = update(planIncidentUpdate(incident(), { dataClasses: ['personal_data'] }, NOW));
    expect(plan.next.notificationDeadline).toEqual(notificationDeadline(['personal_data'], at(-10)));
    expect(plan.next.notificationDeadline).not.toBeNull();
    expect(plan.next.personalDataInvolved).toBe(true);
    const back = update(
      planIncidentUpdate(
        incident({ dataClasses: ['personal_data'], personalDataInvolved: true, notificationDeadline: plan.next.notificationDeadline }),
        { dataClasses: ['credentials'] },
        NOW,
      ),
    );
    expect(back.next.notificationDeadline).toBeNull();
    expect(back.next.personalDataInvolved).toBe(false);
  });

  it('a new awareAt moves the deadline', () => {
    const before = incident({
      dataClasses: ['personal_data'],
      personalDataInvolved: true,
      notificationDeadline: notificationDeadline(['personal_data'], at(-10)),
    });
    const plan = update(planIncidentUpdate(before, { awareAt: at(-2).toISOString() }, NOW));
    expect(plan.next.notificationDeadline).toEqual(notificationDeadline(['personal_data'], at(-2)));
    expect(plan.changed).toEqual(['awareAt', 'notificationDeadline']);
    expect(plan.events.map((e) => e.data.field)).toEqual(['awareAt', 'notificationDeadline']);
  });

  it('occurredAt can be set and cleared; dates in events are ISO strings', () => {
    const set = update(planIncidentUpdate(incident(), { occurredAt: at(-20).toISOString() }, NOW));
    expect(set.events).toEqual([{ type: 'field_changed', data: { field: 'occurredAt', before: null, after: at(-20).toISOString() } }]);
    const cleared = update(planIncidentUpdate(incident({ occurredAt: at(-20) }), { occurredAt: null }, NOW));
    expect(cleared.next.occurredAt).toBeNull();
  });

  it('changing only the title or description leaves the checklist alone', () => {
    const plan = update(planIncidentUpdate(incident(), { title: 'New title', description: 'More detail' }, NOW));
    expect(plan.checklistChanged).toBe(false);
    expect(plan.changed).toEqual(['title', 'description']);
    expect(plan.events.map((e) => e.type)).toEqual(['field_changed', 'field_changed']);
  });
});

describe('planIncidentUpdate: the service', () => {
  it('a catalog service replaces a free-text one, and its facts drive the suggestion', () => {
    const plan = update(planIncidentUpdate(incident(), { providerId: approved.id }, NOW, approved));
    expect(plan.next.providerId).toBe(approved.id);
    expect(plan.next.providerOther).toBeNull();
    expect(plan.next.suggestedSeverity).toBe(suggestSeverity(['credentials'], approved).severity);
    expect(plan.checklistChanged).toBe(true);
  });

  it('nextService: a free-text name replaces a catalog service; null clears either; both at once is a 400', () => {
    expect(nextService({ providerId: approved.id, providerOther: null }, { providerOther: 'Some tool' })).toEqual({
      providerId: null,
      providerOther: 'Some tool',
    });
    expect(nextService({ providerId: approved.id, providerOther: null }, { providerId: null })).toEqual({
      providerId: null,
      providerOther: null,
    });
    expect(nextService({ providerId: null, providerOther: 'X' }, { providerOther: null })).toEqual({
      providerId: null,
      providerOther: null,
    });
    expect(nextService({ providerId: null, providerOther: 'X' }, {})).toEqual({ providerId: null, providerOther: 'X' });
    const err = problem(() => nextService({ providerId: null, providerOther: null }, { providerId: approved.id, providerOther: 'X' }));
    expect(err.code).toBe('validation_failed');
  });
});

describe('resolving or closing with open checklist tasks', () => {
  const open = [
    { key: 'rotate_credentials', label: 'Rotate the password' },
    { key: 'delete_chat_history', label: 'Delete the chat' },
  ];

  it('needs openTasksReason: the 422 names the tasks', () => {
    const err = problem(() => planIncidentUpdate(incident(), { status: 'resolved' }, NOW, null, open));
    expect(err.code).toBe('unprocessable');
    expect(err.message).toMatch(/^2 checklist tasks are still open \("Rotate the password", "Delete the chat"\): to resolve/);
    expect(problem(() => planIncidentUpdate(incident(), { status: 'closed', closureReason: 'remediated' }, NOW, null, open.slice(0, 1))).message).toMatch(
      /^1 checklist task is still open .*to close/,
    );
  });

  it('records the reason and the open tasks in the status event and the audit note', () => {
    const plan = update(planIncidentUpdate(incident(), { status: 'resolved', openTasksReason: '  Not needed: test data.  ' }, NOW, null, open));
    const event = plan.events.find((e) => e.type === 'status_changed')!;
    expect(event.data).toMatchObject({ openTasks: ['rotate_credentials', 'delete_chat_history'], openTasksReason: 'Not needed: test data.' });
    expect(plan.openTasksNote).toEqual({ openTasks: ['rotate_credentials', 'delete_chat_history'], openTasksReason: 'Not needed: test data.' });
  });

  it('asks nothing when every task is done, or for other moves; refuses a reason without resolving or closing', () => {
    expect(update(planIncidentUpdate(incident(), { status: 'resolved' }, NOW, null, [])).openTasksNote).toBeUndefined();
    expect(update(planIncidentUpdate(incident(), { status: 'investigating' }, NOW, null, open)).next.status).toBe('investigating');
    expect(problem(() => planIncidentUpdate(incident(), { severity: 'low', openTasksReason: 'x' }, NOW, null, open)).message).toMatch(
      /only when resolving or closing/,
    );
  });
});

describe('correcting the facts', () => {
  it('recomputes the deadline from a corrected awareness time, and refuses awareness before the incident', () => {
    const before = incident({ dataClasses: ['personal_data'], personalDataInvolved: true, notificationDeadline: notificationDeadline(['personal_data'], at(-10)) });
    const plan = update(planIncidentUpdate(before, { awareAt: at(-30).toISOString() }, NOW));
    expect(plan.next.notificationDeadline).toEqual(at(42));
    expect(plan.events.map((e) => e.data.field)).toEqual(['awareAt', 'notificationDeadline']);
    expect(problem(() => planIncidentUpdate(before, { occurredAt: at(-5).toISOString() }, NOW)).message).toMatch(/must not be after awareAt/);
  });
});

describe('planNotificationDecision', () => {
  const none: NotificationFields & { awareAt: Date; occurredAt: Date | null } = {
    notificationDecision: null,
    notifiedAt: null,
    notificationReference: null,
    notificationRationale: null,
    notificationDecidedAt: null,
    notificationDecidedBy: null,
    awareAt: at(-20),
    occurredAt: at(-30),
  };

  it('records notified (when, reference) and says what it was before', () => {
    const plan = planNotificationDecision(none, { decision: 'notified', notifiedAt: at(-2).toISOString(), reference: ' CNIL-1 ' }, NOW, 'sam@example.com');
    if (plan.kind !== 'update') throw new Error('expected an update');
    expect(plan.data).toEqual({
      notificationDecision: 'notified',
      notifiedAt: at(-2),
      notificationReference: 'CNIL-1',
      notificationRationale: null,
      notificationDecidedAt: NOW,
      notificationDecidedBy: 'sam@example.com',
    });
    expect(plan.event).toEqual({ before: null, after: { decision: 'notified', notifiedAt: at(-2).toISOString(), reference: 'CNIL-1', reason: null } });
  });

  it('a correction to "not notified" clears the notified fields; the same decision again changes nothing', () => {
    const notified = { ...none, notificationDecision: 'notified' as const, notifiedAt: at(-2), notificationReference: 'CNIL-1' };
    const plan = planNotificationDecision(notified, { decision: 'not_notified', reason: 'Encrypted.' }, NOW, 'sam');
    if (plan.kind !== 'update') throw new Error('expected an update');
    expect(plan.data).toMatchObject({ notificationDecision: 'not_notified', notifiedAt: null, notificationReference: null, notificationRationale: 'Encrypted.' });
    expect(plan.event.before).toMatchObject({ decision: 'notified', reference: 'CNIL-1' });
    expect(planNotificationDecision(notified, { decision: 'notified', notifiedAt: at(-2).toISOString(), reference: 'CNIL-1' }, NOW, 'sam').kind).toBe('unchanged');
  });

  it('refuses a notification before the incident happened', () => {
    expect(problem(() => planNotificationDecision(none, { decision: 'notified', notifiedAt: at(-40).toISOString() }, NOW, 'sam')).message).toMatch(
      /before the incident happened/,
    );
  });
});
