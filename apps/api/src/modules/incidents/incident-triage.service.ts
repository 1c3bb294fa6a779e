import { Inject, Injectable } from '@nestjs/common';
import type { IncidentUpdate, NotificationDecisionInput } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { WebhooksService } from '../webhooks/webhooks.service';
import { SiemTap } from '../siem/siem-tap';
import { ANONYMOUS_ACTOR, checkAssignee, eventActor } from './incident-common';
import { closedFinalError, nextService, planIncidentUpdate, planNotificationDecision } from './incident-triage';
import { DONE_STATUSES } from './incident-workflow';
import { type IncidentRow, IncidentsRepository } from './incidents.repository';
import { incidentAuditView, incidentWebhookData } from './incidents.serializers';
import { remediationChecklist } from './remediation-checklist';

/**
 * Triage: edits through the status workflow (planIncidentUpdate, pure), comments and the checklist.
 * Every change writes its timeline events, its audit event and its webhook deliveries in one
 * transaction.
 */
@Injectable()
export class IncidentTriage {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: IncidentsRepository,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
    private readonly siem: SiemTap,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses a link to itself, to another organization's incident, or one that would make a cycle. */
  private async checkDuplicateOf(organizationId: string, id: string, target: string): Promise<void> {
    if (target === id)
      throw AppError.unprocessable('An incident cannot be a duplicate of itself', [{ path: 'duplicateOfId', message: 'is this incident' }]);
    let cursor: string | null = target;
    for (let depth = 0; cursor && depth < 100; depth++) {
      const t = await this.repo.findDuplicateTarget(organizationId, cursor);
      if (!t) {
        if (depth === 0) throw AppError.validation([{ path: 'duplicateOfId', message: 'is not an incident of this organization' }]);
        return;
      }
      if (t.duplicateOfId === id)
        throw AppError.unprocessable(`Incident #${t.number} is already a duplicate of this one: linking back would make a cycle`);
      cursor = t.duplicateOfId;
    }
  }

  /**
   * Several incidents to one analyst (or unassigned): each as a single edit (its timeline event,
   * its audit event), all in one transaction; an id that is not one of the organization's
   * incidents is a 404 and nothing changes, as does any incident the edit is refused for.
   */
  async bulkAssign(organizationId: string, actor: Actor, ids: string[], assigneeId: string | null): Promise<{ updated: number; ids: string[] }> {
    const unique = [...new Set(ids)];
    return this.transactions.run(async () => {
      const found = await this.repo.existingIds(organizationId, unique);
      if (found.size !== unique.length) throw AppError.notFound(`Incident ${unique.find((id) => !found.has(id))}`);
      for (const id of unique) await this.update(organizationId, actor, id, { assigneeId });
      return { updated: unique.length, ids: unique };
    });
  }

  /**
   * Applies an edit as planIncidentUpdate plans it: the checks it asks for, then the changed fields,
   * one timeline event per field a person changed, the checklist following the data classes and the
   * service, and the audit event, in one transaction.
   */
  async update(organizationId: string, actor: Actor, id: string, input: IncidentUpdate, opts: { now?: Date } = {}): Promise<IncidentRow> {
    const now = opts.now ?? new Date();
    return this.transactions.run(
      async () => {
        const before = await this.repo.findForUpdate(organizationId, id);
        if (!before) throw AppError.notFound('Incident');
        const { providerId } = nextService(before, input);
        const provider = providerId ? await this.repo.findProvider(organizationId, providerId) : null;
        if (providerId && !provider) throw AppError.validation([{ path: 'providerId', message: 'is not a service in the catalog' }]);

        // Resolving or closing reads the open checklist tasks: with any, the edit needs its reason.
        const finishing = input.status !== undefined && input.status !== before.status && DONE_STATUSES.includes(input.status);
        const openTasks = finishing ? (await this.repo.tasksOf(organizationId, id)).filter((t) => !t.done) : [];
        const plan = planIncidentUpdate(before, input, now, provider, openTasks);
        if (plan.checks.assigneeId) await checkAssignee(this.repo, organizationId, plan.checks.assigneeId);
        if (plan.checks.duplicateOfId) await this.checkDuplicateOf(organizationId, id, plan.checks.duplicateOfId);
        if (plan.kind === 'unchanged') return before;
        if (plan.kind === 'closed_final') throw closedFinalError();

        const row = await this.repo.update(organizationId, id, { ...plan.data, updatedAt: now });
        const who = eventActor(actor);
        const events: Prisma.IncidentEventUncheckedCreateInput[] = plan.events.map((e) => ({
          organizationId,
          incidentId: id,
          type: e.type,
          ...who,
          // A corrected service reads as names in the timeline, not as ids.
          data: (e.data.field === 'providerId'
            ? { ...e.data, beforeName: before.provider?.name ?? null, afterName: provider?.name ?? null }
            : e.data) as Prisma.InputJsonValue,
          createdAt: now,
        }));

        // The checklist follows the data classes and the service; what was done stays.
        if (plan.checklistChanged) {
          const wanted = remediationChecklist({ dataClasses: plan.next.dataClasses, provider, providerOther: plan.next.providerOther });
          const existing = await this.repo.tasksOf(organizationId, id);
          const add = wanted.filter((w) => !existing.some((e) => e.key === w.key));
          const remove = existing.filter((e) => !e.done && !wanted.some((w) => w.key === e.key));
          let position = existing.reduce((m, e) => Math.max(m, e.position), -1) + 1;
          if (add.length)
            await this.repo.createTasks(
              add.map((t) => ({ organizationId, incidentId: id, key: t.key, label: t.label, detail: t.detail, position: position++ })),
            );
          if (remove.length)
            await this.repo.deleteTasks(
              organizationId,
              remove.map((t) => t.id),
            );
          for (const e of existing) {
            const w = wanted.find((x) => x.key === e.key);
            if (w && !e.done && (w.label !== e.label || w.detail !== e.detail))
              await this.repo.updateTask(organizationId, e.id, { label: w.label, detail: w.detail });
          }
          if (add.length || remove.length) {
            events.push({
              organizationId,
              incidentId: id,
              type: 'tasks_updated',
              ...who,
              data: { added: add.map((t) => t.key), removed: remove.map((t) => t.key) },
              createdAt: now,
            });
          }
        }
        if (events.length) await this.repo.createEvents(events);
        await this.audit.record({
          organizationId,
          actor,
          action: plan.auditAction,
          entityType: 'Incident',
          entityId: id,
          before: incidentAuditView(before),
          after: { ...incidentAuditView(row), ...(plan.openTasksNote ?? {}) },
        });
        if (plan.raisedToHigh)
          await this.webhooks.enqueue(organizationId, 'incident.high_severity', incidentWebhookData(row, this.config.publicUrl), now);
        await this.transactions.afterCommit(() => this.siem.incident('updated', row, provider?.slug ?? null));
        return row;
      },
      { timeout: 30_000 },
    );
  }

  /**
   * Records or corrects the notification decision (planNotificationDecision): the incident's fields,
   * a `notification_decided` timeline event with the decision before and after, the audit event.
   */
  async decideNotification(organizationId: string, actor: Actor, id: string, input: NotificationDecisionInput, opts: { now?: Date } = {}) {
    const now = opts.now ?? new Date();
    return this.transactions.run(async () => {
      const before = await this.repo.findForUpdate(organizationId, id);
      if (!before) throw AppError.notFound('Incident');
      const plan = planNotificationDecision(before, input, now, actor.label);
      if (plan.kind === 'unchanged') return before;
      const row = await this.repo.update(organizationId, id, { ...plan.data, updatedAt: now });
      await this.repo.createEvents([
        {
          organizationId,
          incidentId: id,
          type: 'notification_decided',
          ...eventActor(actor),
          data: plan.event as unknown as Prisma.InputJsonValue,
          createdAt: now,
        },
      ]);
      await this.audit.record({
        organizationId,
        actor,
        action: 'incident.notification_decision',
        entityType: 'Incident',
        entityId: id,
        before: incidentAuditView(before),
        after: incidentAuditView(row),
      });
      return row;
    });
  }

  /**
   * The team writes to an anonymous reporter: the message shows on the status page, to whoever
   * holds the status code. Only anonymous portal reports have one; a named reporter is contacted
   * directly. The audit event records that a message was sent, never its text.
   */
  async messageReporter(organizationId: string, actor: Actor, id: string, body: string, opts: { now?: Date } = {}) {
    const now = opts.now ?? new Date();
    return this.transactions.run(async () => {
      const incident = await this.repo.findReachability(organizationId, id);
      if (!incident) throw AppError.notFound('Incident');
      if (!incident.statusTokenHash)
        throw AppError.unprocessable(
          'Only an anonymous report has a status page to write to; contact a named reporter directly, or comment for the team',
        );
      const [event] = await this.repo.createEvents([
        { organizationId, incidentId: id, type: 'message_to_reporter', ...eventActor(actor), data: { body }, createdAt: now },
      ]);
      await this.repo.update(organizationId, id, { updatedAt: now });
      await this.audit.record({
        organizationId,
        actor,
        action: 'incident.message_to_reporter',
        entityType: 'Incident',
        entityId: id,
        after: { eventId: event!.id },
      });
      return event!;
    });
  }

  /**
   * The anonymous reporter answers through the status page. Nothing of the request (address,
   * request id) goes into the audit event, and the text is in the timeline only.
   */
  async replyFromReporter(incident: { id: string; organizationId: string; status: string }, body: string, opts: { now?: Date } = {}) {
    const now = opts.now ?? new Date();
    if (incident.status === 'closed')
      throw AppError.unprocessable('This report is closed: the security team no longer reads answers here. Send a new report if something changed.');
    const { organizationId, id } = incident;
    return this.transactions.run(async () => {
      const [event] = await this.repo.createEvents([
        { organizationId, incidentId: id, type: 'message_from_reporter', ...eventActor(ANONYMOUS_ACTOR), data: { body }, createdAt: now },
      ]);
      await this.repo.update(organizationId, id, { updatedAt: now });
      await this.audit.record({
        organizationId,
        actor: ANONYMOUS_ACTOR,
        action: 'incident.message_from_reporter',
        entityType: 'Incident',
        entityId: id,
        after: { eventId: event!.id },
        omitRequestOrigin: true,
      });
      return event!;
    });
  }

  async addComment(organizationId: string, actor: Actor, id: string, body: string, opts: { now?: Date } = {}) {
    const now = opts.now ?? new Date();
    return this.transactions.run(async () => {
      const incident = await this.repo.find(organizationId, id);
      if (!incident) throw AppError.notFound('Incident');
      const [event] = await this.repo.createEvents([
        { organizationId, incidentId: id, type: 'comment', ...eventActor(actor), data: { body }, createdAt: now },
      ]);
      await this.audit.record({
        organizationId,
        actor,
        action: 'incident.comment',
        entityType: 'Incident',
        entityId: id,
        after: { eventId: event!.id, body },
      });
      return event!;
    });
  }

  /** Checks or unchecks a checklist item, recording who and when. */
  async setTaskDone(organizationId: string, actor: Actor, id: string, taskId: string, done: boolean, opts: { now?: Date } = {}) {
    const now = opts.now ?? new Date();
    return this.transactions.run(async () => {
      const task = await this.repo.findTask(organizationId, id, taskId);
      if (!task) throw AppError.notFound('Task');
      if (task.done === done) return task;
      const row = await this.repo.updateTask(organizationId, taskId, {
        done,
        doneById: done && actor.type === 'user' ? actor.id : null,
        doneByLabel: done ? actor.label : null,
        doneAt: done ? now : null,
      });
      await this.repo.createEvents([
        {
          organizationId,
          incidentId: id,
          type: done ? 'task_checked' : 'task_unchecked',
          ...eventActor(actor),
          data: { taskId, key: task.key, label: task.label },
          createdAt: now,
        },
      ]);
      await this.audit.record({
        organizationId,
        actor,
        action: done ? 'incident.task_check' : 'incident.task_uncheck',
        entityType: 'IncidentTask',
        entityId: taskId,
        before: { incidentId: id, key: task.key, done: task.done, doneByLabel: task.doneByLabel, doneAt: task.doneAt },
        after: { incidentId: id, key: row.key, done: row.done, doneByLabel: row.doneByLabel, doneAt: row.doneAt },
      });
      return row;
    });
  }
}
