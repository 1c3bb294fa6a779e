import { Injectable } from '@nestjs/common';
import type {
  ApiIncidentInput,
  IncidentCreate,
  IncidentFilter,
  IncidentStatus,
  IncidentUpdate,
  NotificationDecisionInput,
  PortalIncidentInput,
} from '@airlock/contracts';
import type { ListQuery, Sort } from '../../common/list-query';
import type { Actor, ApiClientAuth, UserAuth } from '../auth/auth-context';
import { type AutomaticIncidentEntry, AutomaticIncidentQueue } from './automatic-incidents.service';
import { type CreateIncidentParams, IncidentIntake } from './incident-intake.service';
import { IncidentQueries } from './incident-queries.service';
import { IncidentTriage } from './incident-triage.service';
import type { IncidentRow } from './incidents.repository';

export { ANONYMOUS_ACTOR, AUTO_INCIDENT_CLASSES, AUTOMATIC_ACTOR, portalTitle } from './incident-common';
export type { AutomaticIncidentEntry } from './automatic-incidents.service';
export type { CreateIncidentParams } from './incident-intake.service';

/**
 * Incidents, as the controllers, the decision path and the demo data see them. The work is done in
 * four rooms: intake (IncidentIntake), the automatic-incident queue (AutomaticIncidentQueue), triage
 * (IncidentTriage, whose workflow is the pure planIncidentUpdate) and queries (IncidentQueries);
 * this class only names their operations in one place.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly intake: IncidentIntake,
    private readonly automatic: AutomaticIncidentQueue,
    private readonly triage: IncidentTriage,
    private readonly queries: IncidentQueries,
  ) {}

  // Intake
  createIncident(p: CreateIncidentParams): Promise<IncidentRow> {
    return this.intake.createIncident(p);
  }
  reportFromPortal(user: UserAuth, input: PortalIncidentInput, idempotencyKey: string | undefined) {
    return this.intake.reportFromPortal(user, input, idempotencyKey);
  }
  createByAnalyst(user: UserAuth, input: IncidentCreate, idempotencyKey: string | undefined) {
    return this.intake.createByAnalyst(user, input, idempotencyKey);
  }
  createFromApi(client: ApiClientAuth, input: ApiIncidentInput, idempotencyKey: string | undefined) {
    return this.intake.createFromApi(client, input, idempotencyKey);
  }

  // The automatic-incident queue
  queueAutomaticIncident(entry: AutomaticIncidentEntry): boolean {
    return this.automatic.queueAutomaticIncident(entry);
  }
  flushAutomaticIncidents(now?: Date): Promise<number> {
    return this.automatic.flushAutomaticIncidents(now);
  }
  get autoDropped(): number {
    return this.automatic.autoDropped;
  }

  // Triage
  bulkAssign(organizationId: string, actor: Actor, ids: string[], assigneeId: string | null) {
    return this.triage.bulkAssign(organizationId, actor, ids, assigneeId);
  }
  update(organizationId: string, actor: Actor, id: string, input: IncidentUpdate, opts: { now?: Date } = {}): Promise<IncidentRow> {
    return this.triage.update(organizationId, actor, id, input, opts);
  }
  /** PUT /api/incidents/:id: the edit, answered with the incident as GET shows it. */
  async edit(organizationId: string, actor: Actor, id: string, input: IncidentUpdate) {
    await this.triage.update(organizationId, actor, id, input);
    return this.queries.get(organizationId, id);
  }
  addComment(organizationId: string, actor: Actor, id: string, body: string, opts: { now?: Date } = {}) {
    return this.triage.addComment(organizationId, actor, id, body, opts);
  }
  /** PUT /api/incidents/:id/notification: the decision, answered with the incident as GET shows it. */
  async decideNotification(organizationId: string, actor: Actor, id: string, input: NotificationDecisionInput) {
    await this.triage.decideNotification(organizationId, actor, id, input);
    return this.queries.get(organizationId, id);
  }
  messageReporter(organizationId: string, actor: Actor, id: string, body: string, opts: { now?: Date } = {}) {
    return this.triage.messageReporter(organizationId, actor, id, body, opts);
  }
  /** The anonymous reporter's answer, by status code; answered with the status page as it now is. */
  async replyByToken(token: string, body: string) {
    const incident = await this.queries.statusByToken(token);
    await this.triage.replyFromReporter(incident, body);
    return this.queries.statusView(token);
  }
  setTaskDone(organizationId: string, actor: Actor, id: string, taskId: string, done: boolean, opts: { now?: Date } = {}) {
    return this.triage.setTaskDone(organizationId, actor, id, taskId, done, opts);
  }

  // Queries
  list(organizationId: string, q: ListQuery<IncidentFilter>, now?: Date) {
    return this.queries.list(organizationId, q, now);
  }
  get(organizationId: string, id: string, now?: Date) {
    return this.queries.get(organizationId, id, now);
  }
  events(organizationId: string, id: string) {
    return this.queries.events(organizationId, id);
  }
  tasks(organizationId: string, id: string) {
    return this.queries.tasks(organizationId, id);
  }
  export(organizationId: string, filter: IncidentFilter, sort: Sort, now?: Date) {
    return this.queries.export(organizationId, filter, sort, now);
  }
  similar(organizationId: string, id: string, now?: Date) {
    return this.queries.similar(organizationId, id, now);
  }
  metrics(organizationId: string, now?: Date) {
    return this.queries.metrics(organizationId, now);
  }
  listMine(user: UserAuth, q: ListQuery<{ status?: IncidentStatus[] }>) {
    return this.queries.listMine(user, q);
  }
  findMine(user: UserAuth, id: string) {
    return this.queries.findMine(user, id);
  }
  statusView(token: string) {
    return this.queries.statusView(token);
  }
  reportOptions(organizationId: string) {
    return this.queries.reportOptions(organizationId);
  }
}
