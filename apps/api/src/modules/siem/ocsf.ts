import type { DecisionLogEntry } from '../decisions/decision-log.batch';
import { incidentUrl, type SiemAuditEvent, type SiemEvent, type SiemIncidentEvent, type SiemOrigin } from './siem-events';

/**
 * Events as OCSF 1.3.0 JSON (https://schema.ocsf.io): a decision is a Web Resources Activity
 * (class 6001) with the Security Control profile, a blocked decision and an incident a Detection
 * Finding (2004), an audit event an Entity Management event (3004: a user at a management console
 * creating, reading, changing or deleting a managed entity). Fields OCSF has no place for are in
 * `unmapped`. docs/integrations/siem.md has the mapping table.
 */
export const OCSF_VERSION = '1.3.0';

export const OCSF_CLASSES = {
  webResourcesActivity: { uid: 6001, name: 'Web Resources Activity', category: 6, categoryName: 'Application Activity' },
  detectionFinding: { uid: 2004, name: 'Detection Finding', category: 2, categoryName: 'Findings' },
  entityManagement: { uid: 3004, name: 'Entity Management', category: 3, categoryName: 'Identity & Access Management' },
} as const;

/** severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
const SEVERITY_NAMES = ['Unknown', 'Informational', 'Low', 'Medium', 'High', 'Critical'] as const;
const EFFECT_SEVERITY: Record<string, number> = { allow: 1, warn: 2, redact: 3, block: 4 };
const INCIDENT_SEVERITY: Record<string, number> = { low: 2, medium: 3, high: 4, critical: 5 };

/** disposition_id (Security Control profile): 1 Allowed, 2 Blocked, 11 Corrected (masked), 19 Alert (warned). */
const EFFECT_DISPOSITION: Record<string, [number, string]> = {
  allow: [1, 'Allowed'],
  warn: [19, 'Alert'],
  redact: [11, 'Corrected'],
  block: [2, 'Blocked'],
};

/** Web Resources Activity activity_id of a decision's action: the service read (opened, answered) or written to (prompt, upload). */
const ACTION_ACTIVITY: Record<string, [number, string]> = {
  access: [2, 'Read'],
  response: [2, 'Read'],
  prompt: [1, 'Create'],
  upload: [1, 'Create'],
};

function metadata(origin: SiemOrigin, uid: string, organizationId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const m: Record<string, unknown> = { version: OCSF_VERSION, uid, tenant_uid: organizationId, product: { name: 'Airlock', vendor_name: 'Airlock', version: origin.version } };
  for (const k in extra) m[k] = extra[k];
  return m;
}

function severity(id: number) {
  return { severity_id: id, severity: SEVERITY_NAMES[id] ?? 'Unknown' };
}

function classFields(c: (typeof OCSF_CLASSES)[keyof typeof OCSF_CLASSES], activityId: number, activityName: string) {
  return {
    class_uid: c.uid,
    class_name: c.name,
    category_uid: c.category,
    category_name: c.categoryName,
    activity_id: activityId,
    activity_name: activityName,
    type_uid: c.uid * 100 + activityId,
    type_name: `${c.name}: ${activityName}`,
  };
}

function decisionActor(d: DecisionLogEntry) {
  if (!d.subjectId && !d.subjectGroups.length) return undefined;
  const user: Record<string, unknown> = {};
  if (d.subjectId) user.uid = d.subjectId;
  user.groups = d.subjectGroups.map((name) => ({ name }));
  return { user };
}

function decisionResource(d: DecisionLogEntry) {
  const r: Record<string, unknown> = { type: 'AI service', name: d.providerSlug ?? d.destinationHost ?? 'unknown' };
  if (d.providerSlug) r.uid = d.providerSlug;
  return r;
}

function decisionUnmapped(d: DecisionLogEntry) {
  return {
    action: d.action,
    rule_ids: [...d.ruleIds],
    data_classes: [...d.dataClasses],
    network_zones: [...d.networkZones],
    channel: d.channel,
    source: d.source ?? 'api',
    api_client_id: d.apiClientId,
    latency_micros: d.latencyMicros,
    stale_seconds: d.staleSeconds,
    override_reason: d.overrideReason ?? null,
  };
}

/**
 * A decision: Web Resources Activity, or a Detection Finding when it was blocked. Built by plain
 * assignments in one object (no spreads of conditional parts): spreading a dozen optional pieces
 * made every event a dictionary-mode object and cost ten times the JSON body's time.
 */
function decisionToOcsf(d: DecisionLogEntry, origin: SiemOrigin): Record<string, unknown> {
  const blocked = d.effect === 'block';
  const [activityId, activityName] = blocked ? [1, 'Create'] : (ACTION_ACTIVITY[d.action] ?? [99, 'Other']);
  const o: Record<string, unknown> = classFields(blocked ? OCSF_CLASSES.detectionFinding : OCSF_CLASSES.webResourcesActivity, activityId, activityName);
  o.status_id = 1;
  o.status = blocked ? 'New' : 'Success';
  o.time = d.time.getTime();
  const severityId = EFFECT_SEVERITY[d.effect] ?? 0;
  o.severity_id = severityId;
  o.severity = SEVERITY_NAMES[severityId] ?? 'Unknown';
  o.message = `${d.action} ${d.effect}${d.destinationHost ? ` (${d.destinationHost})` : ''}`;
  const meta: Record<string, unknown> = metadata(origin, d.id, d.organizationId);
  if (d.correlationId) meta.correlation_uid = d.correlationId;
  meta.profiles = ['security_control', 'host'];
  meta.labels = [`instance:${origin.instanceId}`];
  o.metadata = meta;
  const actor = decisionActor(d);
  if (actor) o.actor = actor;
  if (d.destinationHost) o.dst_endpoint = { hostname: d.destinationHost };
  if (d.networkZones[0]) o.src_endpoint = { zone: d.networkZones[0] };
  const [dispositionId, disposition] = EFFECT_DISPOSITION[d.effect] ?? [0, 'Unknown'];
  o.action_id = blocked ? 2 : 1;
  o.action = blocked ? 'Denied' : 'Allowed';
  o.disposition_id = dispositionId;
  o.disposition = disposition;
  o.is_alert = d.effect !== 'allow';
  o.policy = { name: 'Airlock policy', version: String(d.policyVersion), is_applied: true };
  const firstRule = d.ruleIds[0];
  if (firstRule) o.firewall_rule = { uid: firstRule, name: firstRule };
  o.unmapped = decisionUnmapped(d);
  if (!blocked) {
    o.web_resources = [decisionResource(d)];
    return o;
  }
  const finding: Record<string, unknown> = {
    uid: d.id,
    title: `AI ${d.action} blocked`,
    desc: `Airlock blocked a ${d.action} to ${d.providerSlug ?? d.destinationHost ?? 'an AI service'} (rules: ${d.ruleIds.join(', ') || 'none'})`,
    types: ['AI data policy violation'],
    created_time: d.time.getTime(),
  };
  if (firstRule) finding.analytic = { type_id: 1, type: 'Rule', uid: firstRule, name: firstRule };
  finding.data_sources = ['airlock-decisions'];
  o.finding_info = finding;
  o.resources = [decisionResource(d)];
  o.confidence_id = 3;
  o.confidence = 'High';
  return o;
}

/** Detection Finding status_id of an incident's status: 1 New, 2 In Progress, 3 Suppressed, 4 Resolved. */
function incidentStatus(status: string, closureReason: string | null): [number, string] {
  if (status === 'new') return [1, 'New'];
  if (status === 'resolved') return [4, 'Resolved'];
  if (status === 'closed') return closureReason === 'false_positive' || closureReason === 'risk_accepted' ? [3, 'Suppressed'] : [4, 'Resolved'];
  return [2, 'In Progress'];
}

function incidentToOcsf(e: SiemIncidentEvent, origin: SiemOrigin): Record<string, unknown> {
  const i = e.incident;
  const [activityId, activityName] = e.activity === 'created' ? [1, 'Create'] : i.status === 'closed' ? [3, 'Close'] : [2, 'Update'];
  const [statusId, status] = incidentStatus(i.status, i.closureReason);
  const url = incidentUrl(origin, i.id);
  return {
    ...classFields(OCSF_CLASSES.detectionFinding, activityId, activityName),
    time: e.time.getTime(),
    ...severity(INCIDENT_SEVERITY[i.severity] ?? 0),
    status_id: statusId,
    status,
    message: `Incident #${i.number} ${e.activity} (${i.status})`,
    metadata: metadata(origin, e.eventId, i.organizationId, { profiles: ['incident'], labels: [`instance:${origin.instanceId}`] }),
    finding_info: {
      uid: i.id,
      title: `Incident #${i.number}`,
      types: ['AI data exposure incident'],
      created_time: i.reportedAt.getTime(),
      modified_time: i.updatedAt.getTime(),
      ...(url ? { src_url: url } : {}),
      ...(i.decisionId ? { related_events: [{ uid: i.decisionId, type: 'decision' }] } : {}),
      data_sources: [`airlock-incidents:${i.source}`],
    },
    is_alert: e.activity === 'created',
    ...(i.providerSlug ? { resources: [{ type: 'AI service', name: i.providerSlug, uid: i.providerSlug }] } : {}),
    ...(i.assigneeId ? { assignee: { uid: i.assigneeId } } : {}),
    ...(url ? { src_url: url } : {}),
    unmapped: {
      number: i.number,
      incident_status: i.status,
      incident_severity: i.severity,
      source: i.source,
      data_classes: [...i.dataClasses],
      anonymous: i.anonymous,
      personal_data_involved: i.personalDataInvolved,
      notification_deadline: i.notificationDeadline?.toISOString() ?? null,
      closure_reason: i.closureReason,
      api_client_id: i.apiClientId,
      reporter_id: i.reporterId,
      duplicate_of_id: i.duplicateOfId,
      acknowledged_at: i.acknowledgedAt?.toISOString() ?? null,
      resolved_at: i.resolvedAt?.toISOString() ?? null,
      closed_at: i.closedAt?.toISOString() ?? null,
    },
  };
}

/** Entity Management activity_id from the audit action's verb (`gateway_upstream.create` → 1 Create). */
export function auditActivity(action: string): [number, string] {
  const verb = action.split('.').pop() ?? '';
  if (/^(create|add|grant|invite|import|register|enroll)/.test(verb)) return [1, 'Create'];
  if (/^(read|export|view|list|download)/.test(verb)) return [2, 'Read'];
  if (/^(delete|remove|revoke|disable|end|destroy)/.test(verb)) return [4, 'Delete'];
  if (/^(update|change|set|edit|publish|rotate|reset|enable|assign|rename|restore|apply|approve|reject|close|reopen)/.test(verb)) return [3, 'Update'];
  return [99, 'Other'];
}

const IP = /^(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9a-fA-F:.]+:[0-9a-fA-F:.]*)$/;

function auditToOcsf(e: SiemAuditEvent, origin: SiemOrigin): Record<string, unknown> {
  const a = e.audit;
  const [activityId, activityName] = auditActivity(a.action);
  return {
    ...classFields(OCSF_CLASSES.entityManagement, activityId, activityName),
    time: a.createdAt.getTime(),
    ...severity(1),
    status_id: 1,
    status: 'Success',
    message: a.action,
    metadata: metadata(origin, a.id, a.organizationId, {
      sequence: a.seq,
      ...(a.requestId ? { correlation_uid: a.requestId } : {}),
      labels: [`instance:${origin.instanceId}`],
    }),
    actor: { user: { ...(a.actorId ? { uid: a.actorId } : {}), name: a.actorLabel } },
    entity: { type: a.entityType, name: a.entityType, ...(a.entityId ? { uid: a.entityId } : {}) },
    ...(a.ip && IP.test(a.ip) ? { src_endpoint: { ip: a.ip } } : {}),
    unmapped: { action: a.action, actor_type: a.actorType, hash: a.hash },
  };
}

export function toOcsf(e: SiemEvent, origin: SiemOrigin): Record<string, unknown> {
  if (e.type === 'decision') return decisionToOcsf(e.entry, origin);
  if (e.type === 'incident') return incidentToOcsf(e, origin);
  return auditToOcsf(e, origin);
}
