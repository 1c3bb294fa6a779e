import type { DecisionLogEntry } from '../decisions/decision-log.batch';

/**
 * What Airlock streams to an organization's SIEM: metadata only. A decision is its log entry (the
 * fields the decision log stores, never the text: the entry has none, and its keyed content hash is
 * left out too), an incident its workflow fields (never its title, description or comments, which
 * people type), an audit event its who / what / when (never the before and after values).
 */
export const SIEM_EVENT_TYPES = ['decision', 'incident', 'audit'] as const;
export type SiemEventType = (typeof SIEM_EVENT_TYPES)[number];

export interface SiemDecisionEvent {
  type: 'decision';
  entry: DecisionLogEntry;
}

export interface IncidentFacts {
  id: string;
  organizationId: string;
  number: number;
  status: string;
  severity: string;
  source: string;
  providerSlug: string | null;
  dataClasses: readonly string[];
  anonymous: boolean;
  personalDataInvolved: boolean;
  notificationDeadline: Date | null;
  closureReason: string | null;
  decisionId: string | null;
  apiClientId: string | null;
  assigneeId: string | null;
  reporterId: string | null;
  duplicateOfId: string | null;
  reportedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export interface SiemIncidentEvent {
  type: 'incident';
  /** This event's own id (an incident has many events). */
  eventId: string;
  activity: 'created' | 'updated';
  time: Date;
  incident: IncidentFacts;
}

export interface AuditFacts {
  id: string;
  organizationId: string;
  seq: number;
  action: string;
  entityType: string;
  entityId: string | null;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  requestId: string | null;
  hash: string;
  createdAt: Date;
}

export interface SiemAuditEvent {
  type: 'audit';
  audit: AuditFacts;
}

export type SiemEvent = SiemDecisionEvent | SiemIncidentEvent | SiemAuditEvent;

/** Where the events come from: the instance that produced them (each instance ships its own). */
export interface SiemOrigin {
  /** This instance's host name (syslog HOSTNAME, Splunk `host`). */
  hostname: string;
  instanceId: string;
  /** Airlock's version (CEF Device Version, OCSF metadata.product.version). */
  version: string;
  /** The console's address, for links to an incident (empty: no link). */
  consoleUrl: string;
}

export function eventTypeOf(e: SiemEvent): SiemEventType {
  return e.type;
}

/** The event's time. */
export function eventTime(e: SiemEvent): Date {
  if (e.type === 'decision') return e.entry.time;
  if (e.type === 'incident') return e.time;
  return e.audit.createdAt;
}

/** The event's id: the decision's, the incident event's, the audit event's. */
export function eventId(e: SiemEvent): string {
  if (e.type === 'decision') return e.entry.id;
  if (e.type === 'incident') return e.eventId;
  return e.audit.id;
}

export function organizationOf(e: SiemEvent): string {
  if (e.type === 'decision') return e.entry.organizationId;
  if (e.type === 'incident') return e.incident.organizationId;
  return e.audit.organizationId;
}

export function incidentUrl(origin: SiemOrigin, id: string): string | null {
  return origin.consoleUrl ? `${origin.consoleUrl.replace(/\/+$/, '')}/#/incidents/${id}/show` : null;
}

const ISO = (d: Date | null) => (d ? d.toISOString() : null);
export { ISO as isoOrNull };
