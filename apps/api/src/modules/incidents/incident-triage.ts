import type {
  ClosureReason,
  IncidentSeverity,
  IncidentStatus,
  IncidentUpdate,
  NotificationDecision,
  NotificationDecisionInput,
} from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { suggestSeverity, severityRank } from './incident-severity';
import { closureProblem, DONE_STATUSES, transitionProblem } from './incident-workflow';
import type { ProviderFacts } from './incidents.repository';
import { notificationDeadline } from './notification-deadline';

/**
 * Triage as a pure function: what an edit of an incident changes, with no database and no clock of
 * its own. The service reads the incident, resolves the service it names, runs the checks the plan
 * asks for (assignee, duplicate link), and writes what the plan says in one transaction.
 */

/** The fields of an incident the workflow reads and writes. */
export interface TriageFields {
  title: string;
  description: string;
  providerId: string | null;
  providerOther: string | null;
  dataClasses: string[];
  severity: IncidentSeverity;
  suggestedSeverity: IncidentSeverity;
  status: IncidentStatus;
  closureReason: ClosureReason | null;
  riskAcceptedUntil: Date | null;
  assigneeId: string | null;
  duplicateOfId: string | null;
  occurredAt: Date | null;
  awareAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  personalDataInvolved: boolean;
  notificationDeadline: Date | null;
}

export type TriageField = keyof TriageFields;

/** A timeline event of the edit, without who and when (the service adds them). */
export interface PlannedEvent {
  type: 'status_changed' | 'severity_changed' | 'assignee_changed' | 'duplicate_linked' | 'field_changed';
  data: {
    field: TriageField;
    before: unknown;
    after: unknown;
    closureReason?: ClosureReason | null;
    followedSuggestion?: true;
    /** Resolved or closed with checklist tasks still open: which ones, and why (openTasksReason). */
    openTasks?: string[];
    openTasksReason?: string;
  };
}

/** A checklist task not yet done, as the plan sees it. */
export interface OpenTask {
  key: string;
  label: string;
}

export type IncidentUpdatePlan =
  | { kind: 'unchanged'; checks: PlanChecks }
  /** The incident is closed and the edit would change it: a closed incident is final (422). */
  | { kind: 'closed_final'; checks: PlanChecks }
  | {
      kind: 'update';
      checks: PlanChecks;
      next: TriageFields;
      /** The fields that change, in a fixed order. */
      changed: TriageField[];
      /** Only the changed fields, for the UPDATE. */
      data: Partial<TriageFields>;
      events: PlannedEvent[];
      /** The data classes or the service changed: the checklist must follow. */
      checklistChanged: boolean;
      auditAction: 'incident.status_change' | 'incident.update';
      /** The severity rose to high or critical: the `incident.high_severity` webhook fires. */
      raisedToHigh: boolean;
      /** Resolved or closed with open tasks: kept in the audit event next to the incident's fields. */
      openTasksNote?: { openTasks: string[]; openTasksReason: string };
    };

/** What the service must still check against the database before writing. */
export interface PlanChecks {
  /** A newly assigned user: must be active and able to work on incidents. */
  assigneeId?: string;
  /** A newly linked incident: must exist in the organization and not make a cycle. */
  duplicateOfId?: string;
}

/** The service an edit leaves the incident with (a catalog entry or a free-text name). */
export function nextService(
  before: Pick<TriageFields, 'providerId' | 'providerOther'>,
  input: IncidentUpdate,
): { providerId: string | null; providerOther: string | null } {
  if (input.providerId && input.providerOther)
    throw AppError.validation([{ path: 'providerOther', message: 'give providerId or providerOther, not both' }]);
  let providerId = before.providerId;
  let providerOther = before.providerOther;
  if (input.providerId) {
    providerId = input.providerId;
    providerOther = null;
  } else if (input.providerOther) {
    providerId = null;
    providerOther = input.providerOther;
  } else {
    if (input.providerId === null) providerId = null;
    if (input.providerOther === null) providerOther = null;
  }
  return { providerId, providerOther };
}

/** Fields derived by the workflow; their changes show in the status event, not as events of their own. */
const DERIVED: ReadonlySet<TriageField> = new Set([
  'suggestedSeverity',
  'acknowledgedAt',
  'resolvedAt',
  'closedAt',
  'personalDataInvolved',
]);

const EVENT_TYPES: Partial<Record<TriageField, PlannedEvent['type']>> = {
  status: 'status_changed',
  severity: 'severity_changed',
  assigneeId: 'assignee_changed',
  duplicateOfId: 'duplicate_linked',
};

const FIELDS: readonly TriageField[] = [
  'title',
  'description',
  'providerId',
  'providerOther',
  'dataClasses',
  'severity',
  'suggestedSeverity',
  'status',
  'closureReason',
  'riskAcceptedUntil',
  'assigneeId',
  'duplicateOfId',
  'occurredAt',
  'awareAt',
  'acknowledgedAt',
  'resolvedAt',
  'closedAt',
  'personalDataInvolved',
  'notificationDeadline',
];

/**
 * Applies an edit to an incident: checks the transition and closure rules (throws the 422/400 the
 * API answers), keeps the derived fields consistent (suggested severity, deadline,
 * acknowledged/resolved/closed times), and lists one timeline event per field a person changed.
 * `provider` is the catalog entry of the service the edit leaves (see nextService), or null;
 * `openTasks` the checklist tasks not done yet: resolving or closing with any of them needs
 * input.openTasksReason, so a forgotten task is a decision someone wrote down, not an accident.
 */
export function planIncidentUpdate(
  before: TriageFields,
  input: IncidentUpdate,
  now: Date,
  provider: ProviderFacts | null = null,
  openTasks: readonly OpenTask[] = [],
): IncidentUpdatePlan {
  const { providerId, providerOther } = nextService(before, input);
  const dataClasses = input.dataClasses ? [...new Set(input.dataClasses)] : before.dataClasses;
  const awareAt = input.awareAt ? new Date(input.awareAt) : before.awareAt;
  const occurredAt = input.occurredAt !== undefined ? (input.occurredAt ? new Date(input.occurredAt) : null) : before.occurredAt;
  const assigneeId = input.assigneeId !== undefined ? input.assigneeId : before.assigneeId;
  const duplicateOfId = input.duplicateOfId !== undefined ? input.duplicateOfId : before.duplicateOfId;
  const status = input.status ?? before.status;
  let closureReason = input.closureReason !== undefined ? input.closureReason : before.closureReason;
  let riskAcceptedUntil =
    input.riskAcceptedUntil !== undefined ? (input.riskAcceptedUntil ? new Date(input.riskAcceptedUntil) : null) : before.riskAcceptedUntil;

  // The workflow.
  const problem = transitionProblem(before.status, status);
  if (problem) throw AppError.unprocessable(problem, [{ path: 'status', message: problem }]);
  if (status !== 'closed') {
    if (input.closureReason)
      throw AppError.unprocessable('closureReason is given only when closing the incident (status "closed")', [
        { path: 'closureReason', message: 'only when closing' },
      ]);
    if (input.riskAcceptedUntil)
      throw AppError.unprocessable('riskAcceptedUntil is given only when closing with closureReason "risk_accepted"', [
        { path: 'riskAcceptedUntil', message: 'only with risk_accepted' },
      ]);
    closureReason = null;
    riskAcceptedUntil = null;
  } else if (before.status !== 'closed') {
    const closure = closureProblem({ closureReason, riskAcceptedUntil, duplicateOfId }, now);
    if (closure) throw AppError.unprocessable(closure.message, [closure]);
    if (closureReason !== 'risk_accepted') {
      if (input.riskAcceptedUntil)
        throw AppError.unprocessable('riskAcceptedUntil goes with closureReason "risk_accepted" only', [
          { path: 'riskAcceptedUntil', message: 'only with risk_accepted' },
        ]);
      riskAcceptedUntil = null;
    }
  }
  // Resolving or closing with open checklist tasks is a decision: it needs its reason.
  const finishing = status !== before.status && DONE_STATUSES.includes(status);
  const openTasksReason = input.openTasksReason?.trim();
  if (openTasksReason && !finishing)
    throw AppError.unprocessable('openTasksReason is given only when resolving or closing the incident', [
      { path: 'openTasksReason', message: 'only when resolving or closing' },
    ]);
  if (finishing && before.status !== 'closed' && openTasks.length && !openTasksReason) {
    const n = openTasks.length;
    const names = openTasks.map((t) => `"${t.label}"`).join(', ');
    const message = `${n} checklist task${n === 1 ? ' is' : 's are'} still open (${names}): to ${status === 'closed' ? 'close' : 'resolve'} the incident anyway, give openTasksReason, why ${n === 1 ? 'it is' : 'they are'} left open`;
    throw AppError.unprocessable(message, [{ path: 'openTasksReason', message: 'required while checklist tasks are open' }]);
  }
  const openTasksNote = finishing && openTasks.length && openTasksReason ? { openTasks: openTasks.map((t) => t.key), openTasksReason } : undefined;

  // The facts: the organization cannot have become aware of a breach before it happened.
  if ((input.occurredAt !== undefined || input.awareAt !== undefined) && occurredAt && occurredAt.getTime() > awareAt.getTime())
    throw AppError.unprocessable('occurredAt (when it happened) must not be after awareAt (when the organization became aware of it)', [
      { path: input.occurredAt !== undefined ? 'occurredAt' : 'awareAt', message: 'occurredAt must not be after awareAt' },
    ]);

  const checks: PlanChecks = {
    ...(assigneeId && assigneeId !== before.assigneeId ? { assigneeId } : {}),
    ...(duplicateOfId && duplicateOfId !== before.duplicateOfId ? { duplicateOfId } : {}),
  };

  // Derived fields.
  const classesChanged = !sameList(dataClasses, before.dataClasses);
  const providerChanged = providerId !== before.providerId || providerOther !== before.providerOther;
  const suggestedSeverity = classesChanged || providerChanged ? suggestSeverity(dataClasses, provider).severity : before.suggestedSeverity;
  // An analyst's own choice of severity stays; a suggested one follows the new suggestion.
  const severity = input.severity ?? (before.severity === before.suggestedSeverity ? suggestedSeverity : before.severity);
  const deadline =
    classesChanged || awareAt.getTime() !== before.awareAt.getTime()
      ? notificationDeadline(dataClasses, awareAt)
      : before.notificationDeadline;
  let acknowledgedAt = before.acknowledgedAt;
  if (!acknowledgedAt && ((before.status === 'new' && status !== 'new') || (assigneeId && !before.assigneeId))) acknowledgedAt = now;
  let resolvedAt = before.resolvedAt;
  let closedAt = before.closedAt;
  if (status !== before.status) {
    if (status === 'resolved') resolvedAt = now;
    else if (status === 'closed') {
      resolvedAt ??= now;
      closedAt = now;
    } else if (DONE_STATUSES.includes(before.status) || before.status === 'contained') {
      // Reopened (or containment failed): not resolved any more.
      resolvedAt = null;
    }
  }

  const next: TriageFields = {
    title: input.title ?? before.title,
    description: input.description ?? before.description,
    providerId,
    providerOther,
    dataClasses,
    severity,
    suggestedSeverity,
    status,
    closureReason,
    riskAcceptedUntil,
    assigneeId,
    duplicateOfId,
    occurredAt,
    awareAt,
    acknowledgedAt,
    resolvedAt,
    closedAt,
    personalDataInvolved: deadline !== null,
    notificationDeadline: deadline,
  };
  const changed = FIELDS.filter((k) => differs(before[k], next[k]));
  if (!changed.length) return { kind: 'unchanged', checks };
  if (before.status === 'closed') return { kind: 'closed_final', checks };

  const data: Partial<TriageFields> = {};
  for (const k of changed) (data as Record<string, unknown>)[k] = next[k];
  const events: PlannedEvent[] = changed
    .filter((k) => !DERIVED.has(k))
    .map((k) => ({
      type: EVENT_TYPES[k] ?? 'field_changed',
      data: {
        field: k,
        before: jsonValue(before[k]),
        after: jsonValue(next[k]),
        ...(k === 'status' && status === 'closed' ? { closureReason } : {}),
        ...(k === 'status' && openTasksNote ? openTasksNote : {}),
        ...(k === 'severity' && input.severity === undefined ? { followedSuggestion: true as const } : {}),
      },
    }));
  return {
    kind: 'update',
    checks,
    next,
    changed,
    data,
    events,
    checklistChanged: classesChanged || providerChanged,
    auditAction: changed.includes('status') ? 'incident.status_change' : 'incident.update',
    raisedToHigh: severityRank(next.severity) >= severityRank('high') && severityRank(next.severity) > severityRank(before.severity),
    ...(openTasksNote ? { openTasksNote } : {}),
  };
}

/** The notification decision fields of an incident. */
export interface NotificationFields {
  notificationDecision: NotificationDecision | null;
  notifiedAt: Date | null;
  notificationReference: string | null;
  notificationRationale: string | null;
  notificationDecidedAt: Date | null;
  notificationDecidedBy: string | null;
}

export type NotificationDecisionPlan =
  | { kind: 'unchanged' }
  | {
      kind: 'update';
      data: NotificationFields;
      /** The timeline event's data: the decision before and after, in the API's words. */
      event: { before: NotificationView | null; after: NotificationView };
    };

export interface NotificationView {
  decision: NotificationDecision;
  notifiedAt: string | null;
  reference: string | null;
  reason: string | null;
}

function notificationView(f: NotificationFields): NotificationView | null {
  if (!f.notificationDecision) return null;
  return {
    decision: f.notificationDecision,
    notifiedAt: f.notifiedAt ? f.notifiedAt.toISOString() : null,
    reference: f.notificationReference,
    reason: f.notificationRationale,
  };
}

/**
 * Records (or corrects) whether the supervisory authority was notified: when and under which
 * reference, or why not. The other branch's fields are cleared, so the record never says both.
 * Allowed in every status, closed included: the decision is often written down after the work.
 */
export function planNotificationDecision(
  before: NotificationFields & { awareAt: Date; occurredAt: Date | null },
  input: NotificationDecisionInput,
  now: Date,
  decidedBy: string,
): NotificationDecisionPlan {
  const notified = input.decision === 'notified';
  const notifiedAt = notified ? new Date(input.notifiedAt) : null;
  if (notifiedAt && before.occurredAt && notifiedAt.getTime() < before.occurredAt.getTime())
    throw AppError.unprocessable('notifiedAt must not be before the incident happened (occurredAt)', [
      { path: 'notifiedAt', message: 'before occurredAt' },
    ]);
  const after: NotificationFields = {
    notificationDecision: input.decision,
    notifiedAt,
    notificationReference: notified ? (input.reference?.trim() || null) : null,
    notificationRationale: notified ? null : input.reason.trim(),
    notificationDecidedAt: now,
    notificationDecidedBy: decidedBy,
  };
  const prev = notificationView(before);
  const next = notificationView(after)!;
  if (prev && JSON.stringify(prev) === JSON.stringify(next)) return { kind: 'unchanged' };
  return { kind: 'update', data: after, event: { before: prev, after: next } };
}

/** The error a `closed_final` plan answers with. */
export function closedFinalError(): AppError {
  return AppError.unprocessable('A closed incident is final and cannot be edited; comment on it, or open a new incident and link it');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function differs(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return !sameList(a as string[], b as string[]);
  if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime() !== (b as Date | null)?.getTime();
  return a !== b;
}

function jsonValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}
