import { randomUUID } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import type { AuditEvent, Incident } from '../../generated/prisma/client';
import type { DecisionLogEntry } from '../decisions/decision-log.batch';
import type { AuditFacts, IncidentFacts, SiemEvent } from './siem-events';

/** What the tap hands events to: the SIEM dispatcher, once it has started. */
export interface SiemSink {
  /** Whether the organization streams anything at all (a Map lookup: the decision path asks first). */
  streams(organizationId: string): boolean;
  publish(event: SiemEvent): void;
}

/**
 * The one place the decision log writer, incidents and the audit log hand their events to the SIEM
 * streams, without depending on the SIEM module (which depends on them). Each call is an enqueue:
 * an organization that streams nothing costs one Map lookup; one that does, an object and an array
 * push per destination. Nothing here waits, formats or touches the network.
 */
@Injectable()
export class SiemTap {
  private sink: SiemSink | null = null;

  attach(sink: SiemSink | null): void {
    this.sink = sink;
  }

  decision(entry: DecisionLogEntry): void {
    const sink = this.sink;
    if (sink === null || !sink.streams(entry.organizationId)) return;
    sink.publish({ type: 'decision', entry });
  }

  /** An incident was created or changed (called after the transaction committed). */
  incident(activity: 'created' | 'updated', row: Incident, providerSlug: string | null): void {
    const sink = this.sink;
    if (sink === null || !sink.streams(row.organizationId)) return;
    sink.publish({ type: 'incident', eventId: randomUUID(), activity, time: row.updatedAt, incident: incidentFacts(row, providerSlug) });
  }

  /** An audit event was appended (called after the transaction committed). */
  audit(row: AuditEvent): void {
    const sink = this.sink;
    if (sink === null || !sink.streams(row.organizationId)) return;
    sink.publish({ type: 'audit', audit: auditFacts(row) });
  }
}

export function incidentFacts(i: Incident, providerSlug: string | null): IncidentFacts {
  return {
    id: i.id,
    organizationId: i.organizationId,
    number: i.number,
    status: i.status,
    severity: i.severity,
    source: i.source,
    providerSlug,
    dataClasses: i.dataClasses,
    anonymous: i.anonymous,
    personalDataInvolved: i.personalDataInvolved,
    notificationDeadline: i.notificationDeadline,
    closureReason: i.closureReason,
    decisionId: i.decisionId,
    apiClientId: i.apiClientId,
    assigneeId: i.assigneeId,
    reporterId: i.anonymous ? null : i.reporterId,
    duplicateOfId: i.duplicateOfId,
    reportedAt: i.reportedAt,
    acknowledgedAt: i.acknowledgedAt,
    resolvedAt: i.resolvedAt,
    closedAt: i.closedAt,
    updatedAt: i.updatedAt,
  };
}

export function auditFacts(a: AuditEvent): AuditFacts {
  return {
    id: a.id,
    organizationId: a.organizationId,
    seq: a.seq,
    action: a.action,
    entityType: a.entityType,
    entityId: a.entityId,
    actorType: a.actorType,
    actorId: a.actorId,
    actorLabel: a.actorLabel,
    ip: a.ip,
    requestId: a.requestId,
    hash: a.hash,
    createdAt: a.createdAt,
  };
}

/** Imported by the modules that produce events (decisions, incidents, audit) and by the SIEM module. */
@Module({ providers: [SiemTap], exports: [SiemTap] })
export class SiemTapModule {}
