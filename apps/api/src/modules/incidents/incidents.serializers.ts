import type {
  IncidentEventOutput,
  IncidentOutput,
  IncidentStatus,
  IncidentStatusOutput,
  IncidentTaskOutput,
  PortalIncidentOutput,
} from '@airlock/contracts';
import { iso } from '../../common/list-response';
import type { Incident, IncidentEvent, IncidentTask } from '../../generated/prisma/client';
import { allowedTransitions, STATUS_EXPLANATIONS } from './incident-workflow';
import { csvCell, type CsvCell } from './incidents-csv';
import type { IncidentRow } from './incidents.repository';
import { deadlineFlags } from './notification-deadline';

/** The incident as analysts see it (allow-listed: never statusTokenHash). */
export function toIncidentOutput(
  i: IncidentRow,
  now: Date,
  extra: { tasks?: IncidentTask[]; duplicateOf?: { id: string; number: number; title: string } | null } = {},
) {
  const flags = deadlineFlags(i, now);
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    description: i.description,
    providerId: i.providerId,
    provider: i.provider
      ? {
          id: i.provider.id,
          slug: i.provider.slug,
          name: i.provider.name,
          status: i.provider.status,
          riskScore: i.provider.riskScore,
          website: i.provider.website,
        }
      : null,
    providerOther: i.providerOther,
    dataClasses: i.dataClasses,
    severity: i.severity,
    suggestedSeverity: i.suggestedSeverity,
    status: i.status,
    allowedTransitions: [...allowedTransitions(i.status)],
    closureReason: i.closureReason,
    riskAcceptedUntil: iso(i.riskAcceptedUntil),
    assigneeId: i.assigneeId,
    assignee: i.assignee ? { id: i.assignee.id, name: i.assignee.name, email: i.assignee.email } : null,
    reporter: i.reporter ? { id: i.reporter.id, name: i.reporter.name, email: i.reporter.email } : null,
    anonymous: i.anonymous,
    source: i.source,
    apiClientId: i.apiClientId,
    decisionId: i.decisionId,
    occurredAt: iso(i.occurredAt),
    awareAt: iso(i.awareAt)!,
    reportedAt: iso(i.reportedAt)!,
    acknowledgedAt: iso(i.acknowledgedAt),
    resolvedAt: iso(i.resolvedAt),
    closedAt: iso(i.closedAt),
    personalDataInvolved: i.personalDataInvolved,
    notificationDeadline: iso(i.notificationDeadline),
    notificationDecision: i.notificationDecision,
    notifiedAt: iso(i.notifiedAt),
    notificationReference: i.notificationReference,
    notificationRationale: i.notificationRationale,
    notificationDecidedAt: iso(i.notificationDecidedAt),
    notificationDecidedBy: i.notificationDecidedBy,
    reporterReachable: i.statusTokenHash !== null,
    overdue: flags.overdue,
    dueSoon: flags.dueSoon,
    duplicateOfId: i.duplicateOfId,
    createdAt: iso(i.createdAt)!,
    updatedAt: iso(i.updatedAt)!,
    ...(extra.tasks ? { tasks: extra.tasks.map(toTaskOutput) } : {}),
    ...(extra.duplicateOf !== undefined ? { duplicateOf: extra.duplicateOf } : {}),
  } satisfies IncidentOutput;
}

/** The columns of the incidents' CSV export, in order. */
export const INCIDENT_CSV_COLUMNS = [
  'number',
  'title',
  'status',
  'severity',
  'suggestedSeverity',
  'service',
  'dataClasses',
  'source',
  'reporter',
  'assignee',
  'occurredAt',
  'awareAt',
  'reportedAt',
  'acknowledgedAt',
  'resolvedAt',
  'closedAt',
  'closureReason',
  'riskAcceptedUntil',
  'notificationDeadline',
  'notificationDecision',
  'notifiedAt',
  'notificationReference',
  'overdue',
  'duplicateOfId',
  'description',
] as const;

/** One incident as a line of the CSV export (its line break included); `now` decides "overdue". */
export function incidentCsvLine(i: IncidentRow, now: Date): string {
  const r = toIncidentOutput(i, now);
  const cells: CsvCell[] = [
    r.number,
    r.title,
    r.status,
    r.severity,
    r.suggestedSeverity,
    r.provider?.name ?? r.providerOther,
    r.dataClasses.join(';'),
    r.source,
    r.anonymous ? 'anonymous' : (r.reporter?.email ?? null),
    r.assignee?.email ?? null,
    r.occurredAt,
    r.awareAt,
    r.reportedAt,
    r.acknowledgedAt,
    r.resolvedAt,
    r.closedAt,
    r.closureReason,
    r.riskAcceptedUntil,
    r.notificationDeadline,
    r.notificationDecision,
    r.notifiedAt,
    r.notificationReference,
    r.overdue,
    r.duplicateOfId,
    r.description,
  ];
  return cells.map(csvCell).join(',') + '\r\n';
}

/** What the audit log keeps of an incident: its fields, never the status token's hash. */
export function incidentAuditView(i: Incident) {
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    description: i.description,
    providerId: i.providerId,
    providerOther: i.providerOther,
    dataClasses: i.dataClasses,
    severity: i.severity,
    suggestedSeverity: i.suggestedSeverity,
    status: i.status,
    closureReason: i.closureReason,
    riskAcceptedUntil: iso(i.riskAcceptedUntil),
    assigneeId: i.assigneeId,
    reporterId: i.reporterId,
    anonymous: i.anonymous,
    source: i.source,
    apiClientId: i.apiClientId,
    decisionId: i.decisionId,
    occurredAt: iso(i.occurredAt),
    awareAt: iso(i.awareAt),
    reportedAt: iso(i.reportedAt),
    acknowledgedAt: iso(i.acknowledgedAt),
    resolvedAt: iso(i.resolvedAt),
    closedAt: iso(i.closedAt),
    personalDataInvolved: i.personalDataInvolved,
    notificationDeadline: iso(i.notificationDeadline),
    notificationDecision: i.notificationDecision,
    notifiedAt: iso(i.notifiedAt),
    notificationReference: i.notificationReference,
    notificationRationale: i.notificationRationale,
    notificationDecidedAt: iso(i.notificationDecidedAt),
    notificationDecidedBy: i.notificationDecidedBy,
    duplicateOfId: i.duplicateOfId,
  };
}

/**
 * The status page of an anonymous report: the status and the messages with the team. The team's
 * messages say "team", never who wrote them; nothing here says who the reporter is.
 */
export function toIncidentStatusOutput(
  i: { number: number; status: IncidentStatus; updatedAt: Date },
  thread: { id: string; type: string; data: unknown; createdAt: Date }[],
) {
  return {
    number: i.number,
    status: i.status,
    statusExplanation: STATUS_EXPLANATIONS[i.status],
    updatedAt: iso(i.updatedAt)!,
    messages: thread.map((e) => ({
      id: e.id,
      from: e.type === 'message_from_reporter' ? ('reporter' as const) : ('team' as const),
      body: typeof (e.data as { body?: unknown } | null)?.body === 'string' ? (e.data as { body: string }).body : '',
      createdAt: iso(e.createdAt)!,
    })),
    canReply: i.status !== 'closed',
  } satisfies IncidentStatusOutput;
}

export function toTaskOutput(t: IncidentTask) {
  return {
    id: t.id,
    key: t.key,
    label: t.label,
    detail: t.detail,
    position: t.position,
    done: t.done,
    doneById: t.doneById,
    doneByLabel: t.doneByLabel,
    doneAt: iso(t.doneAt),
  } satisfies IncidentTaskOutput;
}

export function toEventOutput(e: IncidentEvent) {
  return {
    id: e.id,
    incidentId: e.incidentId,
    type: e.type,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    data: e.data,
    createdAt: iso(e.createdAt)!,
  } satisfies IncidentEventOutput;
}

export function statusExplanation(status: IncidentStatus): string {
  return STATUS_EXPLANATIONS[status];
}

/** An employee's own report (no analyst fields: severity, assignee, comments stay internal). */
export function toPortalIncidentOutput(i: IncidentRow) {
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    description: i.description,
    service: i.provider?.name ?? i.providerOther ?? null,
    dataClasses: i.dataClasses,
    status: i.status,
    statusExplanation: STATUS_EXPLANATIONS[i.status],
    occurredAt: iso(i.occurredAt),
    reportedAt: iso(i.reportedAt)!,
    updatedAt: iso(i.updatedAt)!,
  } satisfies PortalIncidentOutput;
}

/** What a webhook receiver gets: enough to act, nothing about who reported. */
export function incidentWebhookData(i: IncidentRow, publicUrl: string) {
  return {
    incident: {
      id: i.id,
      number: i.number,
      title: i.title,
      severity: i.severity,
      status: i.status,
      source: i.source,
      anonymous: i.anonymous,
      provider: i.provider
        ? { slug: i.provider.slug, name: i.provider.name }
        : i.providerOther
          ? { slug: null, name: i.providerOther }
          : null,
      dataClasses: i.dataClasses,
      reportedAt: iso(i.reportedAt),
      notificationDeadline: iso(i.notificationDeadline),
      url: `${publicUrl}/#/incidents/${i.id}/show`,
    },
  };
}
