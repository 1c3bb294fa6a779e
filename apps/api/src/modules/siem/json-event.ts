import { incidentUrl, isoOrNull, type SiemEvent, type SiemOrigin } from './siem-events';

/** The schema name every Airlock JSON event carries; a change of shape gets a new number. */
export const JSON_SCHEMA = 'airlock.siem/1';

/**
 * Airlock's own JSON shape of an event (the syslog JSON body and the HTTP batches' lines), in the
 * style of OPA's decision logs: `decision_id`, `timestamp`, `labels` naming who produced it, the
 * request as `input`, the answer as `result`, timings as `metrics`. Incidents and audit events keep
 * the same envelope with an `incident` or `audit` object. docs/integrations/siem.md lists every field.
 */
export function toJsonEvent(e: SiemEvent, origin: SiemOrigin): Record<string, unknown> {
  const labels = { app: 'airlock', instance_id: origin.instanceId, hostname: origin.hostname, version: origin.version };
  if (e.type === 'decision') {
    const d = e.entry;
    return {
      schema: JSON_SCHEMA,
      type: 'decision',
      id: d.id,
      decision_id: d.id,
      timestamp: d.time.toISOString(),
      organization_id: d.organizationId,
      labels,
      input: {
        action: d.action,
        destination_host: d.destinationHost,
        provider: d.providerSlug,
        channel: d.channel,
        network_zones: [...d.networkZones],
        subject_id: d.subjectId,
        subject_groups: [...d.subjectGroups],
        api_client_id: d.apiClientId,
        source: d.source ?? 'api',
        correlation_id: d.correlationId,
      },
      result: {
        effect: d.effect,
        rule_ids: [...d.ruleIds],
        data_classes: [...d.dataClasses],
        policy_version: d.policyVersion,
        override_reason: d.overrideReason ?? null,
        stale_seconds: d.staleSeconds,
      },
      metrics: { latency_micros: d.latencyMicros },
    };
  }
  if (e.type === 'incident') {
    const i = e.incident;
    return {
      schema: JSON_SCHEMA,
      type: 'incident',
      id: e.eventId,
      timestamp: e.time.toISOString(),
      organization_id: i.organizationId,
      labels,
      activity: e.activity,
      incident: {
        id: i.id,
        number: i.number,
        status: i.status,
        severity: i.severity,
        source: i.source,
        provider: i.providerSlug,
        data_classes: [...i.dataClasses],
        anonymous: i.anonymous,
        personal_data_involved: i.personalDataInvolved,
        notification_deadline: isoOrNull(i.notificationDeadline),
        closure_reason: i.closureReason,
        decision_id: i.decisionId,
        api_client_id: i.apiClientId,
        assignee_id: i.assigneeId,
        reporter_id: i.reporterId,
        duplicate_of_id: i.duplicateOfId,
        reported_at: i.reportedAt.toISOString(),
        acknowledged_at: isoOrNull(i.acknowledgedAt),
        resolved_at: isoOrNull(i.resolvedAt),
        closed_at: isoOrNull(i.closedAt),
        updated_at: i.updatedAt.toISOString(),
        url: incidentUrl(origin, i.id),
      },
    };
  }
  const a = e.audit;
  return {
    schema: JSON_SCHEMA,
    type: 'audit',
    id: a.id,
    timestamp: a.createdAt.toISOString(),
    organization_id: a.organizationId,
    labels,
    audit: {
      seq: a.seq,
      action: a.action,
      entity_type: a.entityType,
      entity_id: a.entityId,
      actor: { type: a.actorType, id: a.actorId, label: a.actorLabel },
      ip: a.ip,
      request_id: a.requestId,
      hash: a.hash,
    },
  };
}
