import { Inject, Injectable } from '@nestjs/common';
import type { IncidentUpdate } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { WebhooksService } from '../webhooks/webhooks.service';
import { checkAssignee, eventActor } from './incident-common';
import { closedFinalError, nextService, planIncidentUpdate } from './incident-triage';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses a link to itself, to another organization's incident, or one that would make a cycle. */
  private async checkDuplicateOf(tx: Tx, organizationId: string, id: string, target: string): Promise<void> {
    if (target === id)
      throw AppError.unprocessable('An incident cannot be a duplicate of itself', [{ path: 'duplicateOfId', message: 'is this incident' }]);
    let cursor: string | null = target;
    for (let depth = 0; cursor && depth < 100; depth++) {
      const t = await this.repo.findDuplicateTarget(organizationId, cursor, tx);
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
   * Applies an edit as planIncidentUpdate plans it: the checks it asks for, then the changed fields,
   * one timeline event per field a person changed, the checklist following the data classes and the
   * service, and the audit event, in one transaction.
   */
  async update(organizationId: string, actor: Actor, id: string, input: IncidentUpdate, opts: { now?: Date } = {}): Promise<IncidentRow> {
    const now = opts.now ?? new Date();
    const outcome = await this.transactions.run(
      async (tx) => {
        const before = await this.repo.findForUpdate(tx, organizationId, id);
        if (!before) throw AppError.notFound('Incident');
        const { providerId } = nextService(before, input);
        const provider = providerId ? await this.repo.findProvider(organizationId, providerId, tx) : null;
        if (providerId && !provider) throw AppError.validation([{ path: 'providerId', message: 'is not a service in the catalog' }]);

        const plan = planIncidentUpdate(before, input, now, provider);
        if (plan.checks.assigneeId) await checkAssignee(this.repo, tx, organizationId, plan.checks.assigneeId);
        if (plan.checks.duplicateOfId) await this.checkDuplicateOf(tx, organizationId, id, plan.checks.duplicateOfId);
        if (plan.kind === 'unchanged') return { row: before, raisedToHigh: false };
        if (plan.kind === 'closed_final') throw closedFinalError();

        const row = await this.repo.update(tx, id, { ...plan.data, updatedAt: now });
        const who = eventActor(actor);
        const events: Prisma.IncidentEventUncheckedCreateInput[] = plan.events.map((e) => ({
          organizationId,
          incidentId: id,
          type: e.type,
          ...who,
          data: e.data as Prisma.InputJsonValue,
          createdAt: now,
        }));

        // The checklist follows the data classes and the service; what was done stays.
        if (plan.checklistChanged) {
          const wanted = remediationChecklist({ dataClasses: plan.next.dataClasses, provider, providerOther: plan.next.providerOther });
          const existing = await this.repo.listTasks(organizationId, id, tx);
          const add = wanted.filter((w) => !existing.some((e) => e.key === w.key));
          const remove = existing.filter((e) => !e.done && !wanted.some((w) => w.key === e.key));
          let position = existing.reduce((m, e) => Math.max(m, e.position), -1) + 1;
          if (add.length)
            await this.repo.createTasks(
              tx,
              add.map((t) => ({ organizationId, incidentId: id, key: t.key, label: t.label, detail: t.detail, position: position++ })),
            );
          if (remove.length)
            await this.repo.deleteTasks(
              tx,
              remove.map((t) => t.id),
            );
          for (const e of existing) {
            const w = wanted.find((x) => x.key === e.key);
            if (w && !e.done && (w.label !== e.label || w.detail !== e.detail))
              await this.repo.updateTask(tx, e.id, { label: w.label, detail: w.detail });
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
        if (events.length) await this.repo.createEvents(tx, events);
        await this.audit.record({
          organizationId,
          actor,
          action: plan.auditAction,
          entityType: 'Incident',
          entityId: id,
          before: incidentAuditView(before),
          after: incidentAuditView(row),
        });
        if (plan.raisedToHigh)
          await this.webhooks.enqueue(organizationId, 'incident.high_severity', incidentWebhookData(row, this.config.publicUrl), now);
        return { row, raisedToHigh: plan.raisedToHigh };
      },
      { timeout: 30_000 },
    );
    if (outcome.raisedToHigh) this.webhooks.flushSoon();
    return outcome.row;
  }

  async addComment(organizationId: string, actor: Actor, id: string, body: string, opts: { now?: Date } = {}) {
    const now = opts.now ?? new Date();
    return this.transactions.run(async (tx) => {
      const incident = await this.repo.find(organizationId, id, tx);
      if (!incident) throw AppError.notFound('Incident');
      const [event] = await this.repo.createEvents(tx, [
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
    return this.transactions.run(async (tx) => {
      const task = await this.repo.findTask(organizationId, id, taskId, tx);
      if (!task) throw AppError.notFound('Task');
      if (task.done === done) return task;
      const row = await this.repo.updateTask(tx, taskId, {
        done,
        doneById: done && actor.type === 'user' ? actor.id : null,
        doneByLabel: done ? actor.label : null,
        doneAt: done ? now : null,
      });
      await this.repo.createEvents(tx, [
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
