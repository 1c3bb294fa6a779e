import { Inject, Injectable } from '@nestjs/common';
import {
  type ApiIncidentInput,
  dataClassesOfKinds,
  type IncidentCreate,
  type IncidentSeverity,
  type PortalIncidentCreated,
  type PortalIncidentInput,
  type ReportDataKind,
} from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Transactions } from '../../database/transactions';
import type { IncidentSource, Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import { type Actor, actorOf, type ApiClientAuth, type UserAuth } from '../auth/auth-context';
import { randomToken, sha256Hex } from '../auth/tokens';
import { WebhooksService } from '../webhooks/webhooks.service';
import { SiemTap } from '../siem/siem-tap';
import { ANONYMOUS_ACTOR, checkAssignee, classSummary, eventActor, portalTitle, unique } from './incident-common';
import { suggestSeverity, severityRank } from './incident-severity';
import { IdempotencyService } from './idempotency.service';
import { type IncidentRow, IncidentsRepository, type ProviderFacts } from './incidents.repository';
import { incidentAuditView, incidentWebhookData, toIncidentOutput } from './incidents.serializers';
import { notificationDeadline } from './notification-deadline';
import { remediationChecklist } from './remediation-checklist';

export interface CreateIncidentParams {
  organizationId: string;
  actor: Actor;
  source: IncidentSource;
  title: string;
  description: string;
  providerId: string | null;
  providerOther: string | null;
  dataClasses: readonly string[];
  severity?: IncidentSeverity;
  occurredAt?: Date | null;
  awareAt?: Date;
  reporterId: string | null;
  anonymous: boolean;
  statusTokenHash?: string | null;
  apiClientId?: string | null;
  decisionId?: string | null;
  assigneeId?: string | null;
  /** More facts for the "created" timeline event (e.g. a decision's subject). */
  createdEventData?: Record<string, unknown>;
  /** The clock: demo data and tests create incidents in the past. */
  now?: Date;
}

/**
 * Intake: how an incident comes to exist (portal, analyst, decision client, automatic, demo data).
 * The incident, its checklist, its "created" event, its audit event and its webhook deliveries are
 * written in one transaction.
 */
@Injectable()
export class IncidentIntake {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: IncidentsRepository,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
    private readonly idempotency: IdempotencyService,
    private readonly siem: SiemTap,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The one way an incident comes to exist (portal, analyst, API, automatic, demo data): in its own
   * transaction, or in the caller's (an idempotent create stores its answer in the same one).
   */
  createIncident(p: CreateIncidentParams): Promise<IncidentRow> {
    return this.transactions.run(() => this.write(p), { timeout: 30_000 });
  }

  private async write(p: CreateIncidentParams): Promise<IncidentRow> {
    const now = p.now ?? new Date();
    const { organizationId } = p;
    const provider = p.providerId ? await this.repo.findProvider(organizationId, p.providerId) : null;
    if (p.providerId && !provider) throw AppError.validation([{ path: 'providerId', message: 'is not a service in the catalog' }]);
    if (p.assigneeId) await checkAssignee(this.repo, organizationId, p.assigneeId);
    const dataClasses = unique(p.dataClasses);
    const suggestion = suggestSeverity(dataClasses, provider);
    const severity = p.severity ?? suggestion.severity;
    const awareAt = p.awareAt ?? now;
    const deadline = notificationDeadline(dataClasses, awareAt);
    const number = await this.repo.nextNumber(organizationId);
    const row = await this.repo.create({
      organizationId,
      number,
      title: p.title,
      description: p.description,
      providerId: provider?.id ?? null,
      providerOther: provider ? null : (p.providerOther ?? null),
      dataClasses,
      severity,
      suggestedSeverity: suggestion.severity,
      status: 'new',
      assigneeId: p.assigneeId ?? null,
      reporterId: p.anonymous ? null : p.reporterId,
      anonymous: p.anonymous,
      statusTokenHash: p.statusTokenHash ?? null,
      source: p.source,
      apiClientId: p.apiClientId ?? null,
      decisionId: p.decisionId ?? null,
      occurredAt: p.occurredAt ?? null,
      awareAt,
      reportedAt: now,
      acknowledgedAt: p.assigneeId ? now : null,
      personalDataInvolved: deadline !== null,
      notificationDeadline: deadline,
      createdAt: now,
      updatedAt: now,
    });
    const tasks = remediationChecklist({ dataClasses, provider, providerOther: row.providerOther });
    if (tasks.length) {
      await this.repo.createTasks(
        tasks.map((t, position) => ({ organizationId, incidentId: row.id, key: t.key, label: t.label, detail: t.detail, position })),
      );
    }
    const who = eventActor(p.actor);
    const events: Prisma.IncidentEventUncheckedCreateInput[] = [
      {
        organizationId,
        incidentId: row.id,
        type: 'created',
        ...who,
        data: {
          source: p.source,
          severity,
          suggestedSeverity: suggestion.severity,
          severityReasons: suggestion.reasons,
          dataClasses,
          service: provider?.name ?? row.providerOther,
          tasks: tasks.map((t) => t.key),
          ...(p.createdEventData ?? {}),
        } as Prisma.InputJsonValue,
        createdAt: now,
      },
    ];
    if (p.assigneeId) {
      events.push({
        organizationId,
        incidentId: row.id,
        type: 'assignee_changed',
        ...who,
        data: { field: 'assigneeId', before: null, after: p.assigneeId },
        createdAt: now,
      });
    }
    await this.repo.createEvents(events);
    await this.audit.record({
      organizationId,
      actor: p.actor,
      action: 'incident.create',
      entityType: 'Incident',
      entityId: row.id,
      after: incidentAuditView(row),
      omitRequestOrigin: p.anonymous,
    });
    const data = incidentWebhookData(row, this.config.publicUrl);
    await this.webhooks.enqueue(organizationId, 'incident.created', data, now);
    if (severityRank(severity) >= severityRank('high'))
      await this.webhooks.enqueue(organizationId, 'incident.high_severity', data, now);
    await this.transactions.afterCommit(() => this.siem.incident('created', row, provider?.slug ?? null));
    return row;
  }

  /**
   * An employee's report. Anonymous: no reporter, no request origin in the audit event, no user in
   * the idempotency scope, and a status token shown once (only its SHA-256 is kept).
   */
  async reportFromPortal(user: UserAuth, input: PortalIncidentInput, idempotencyKey: string | undefined) {
    const anonymous = input.anonymous;
    const token = anonymous ? randomToken(24) : undefined;
    const organizationId = user.organizationId;
    return this.idempotency.run(
      {
        organizationId,
        // Anonymous keys share one scope: nothing in the stored row points at the reporter.
        scope: anonymous ? 'portal-anonymous' : `portal:${user.userId}`,
        key: idempotencyKey,
        request: input,
        sealed: ['statusToken', 'statusUrl'],
      },
      async () => {
        const provider = input.providerId === 'other' ? null : await this.repo.findProvider(organizationId, input.providerId);
        if (input.providerId !== 'other' && !provider)
          throw AppError.validation([{ path: 'providerId', message: 'is not a service in the catalog' }]);
        const title = portalTitle(input.dataKinds, provider?.name ?? input.otherService ?? 'an AI service');
        const row = await this.createIncident({
          organizationId,
          actor: anonymous ? ANONYMOUS_ACTOR : actorOf(user),
          source: 'portal',
          title,
          description: input.description,
          providerId: provider?.id ?? null,
          providerOther: provider ? null : (input.otherService ?? null),
          dataClasses: dataClassesOfKinds(input.dataKinds),
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
          reporterId: anonymous ? null : user.userId,
          anonymous,
          statusTokenHash: token ? sha256Hex(token) : null,
          createdEventData: { dataKinds: input.dataKinds },
        });
        return this.portalConfirmation(row, input.dataKinds, provider, token);
      },
    );
  }

  private portalConfirmation(
    row: IncidentRow,
    kinds: readonly ReportDataKind[],
    provider: ProviderFacts | null,
    token: string | undefined,
  ) {
    const steps: string[] = [
      row.anonymous
        ? 'The security team has been notified. Your report is anonymous: nobody, including them, can see who sent it. They may leave questions on the status page, where you can answer them with your status code.'
        : 'The security team has been notified and will look at it. They may contact you if they need details.',
    ];
    if (kinds.includes('passwords_keys'))
      steps.push("Change the password or revoke the key or token now if you can: don't wait for the security team.");
    const service = provider?.name ?? row.providerOther;
    if (service)
      steps.push(`If you can, delete the conversation from ${service}'s chat history${provider?.website ? ` (${provider.website})` : ''}.`);
    if (row.personalDataInvolved)
      steps.push(
        'Personal data is involved: the organization may have to notify the regulator within 72 hours, so this report is handled first.',
      );
    steps.push(
      row.anonymous
        ? 'Keep the status code below: it is shown only this once and is the only way to follow this report and read the questions of the security team.'
        : 'You can follow its status under "My reports".',
    );
    return {
      ...(row.anonymous ? {} : { id: row.id }),
      number: row.number,
      status: row.status,
      anonymous: row.anonymous,
      // The status page, without the code: the reporter types it in, so no URL ever carries it.
      ...(token ? { statusToken: token, statusUrl: `${this.config.publicUrl}/#/status` } : {}),
      message: `Thank you for reporting this. It is incident #${row.number}.`,
      nextSteps: steps,
    } satisfies PortalIncidentCreated;
  }

  /** An analyst opens an incident by hand. */
  async createByAnalyst(user: UserAuth, input: IncidentCreate, idempotencyKey: string | undefined) {
    return this.idempotency.run(
      { organizationId: user.organizationId, scope: `analyst:${user.userId}`, key: idempotencyKey, request: input },
      async () => {
        const now = new Date();
        const row = await this.createIncident({
          organizationId: user.organizationId,
          actor: actorOf(user),
          source: 'analyst',
          title: input.title,
          description: input.description,
          providerId: input.providerId ?? null,
          providerOther: input.providerOther ?? null,
          dataClasses: input.dataClasses,
          ...(input.severity ? { severity: input.severity } : {}),
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
          ...(input.awareAt ? { awareAt: new Date(input.awareAt) } : {}),
          reporterId: user.userId,
          anonymous: false,
          assigneeId: input.assigneeId ?? null,
          now,
        });
        return toIncidentOutput(row, now) as unknown as Record<string, unknown>;
      },
    );
  }

  /** A decision client files one (POST /v1/incidents, scope incidents:write). */
  async createFromApi(client: ApiClientAuth, input: ApiIncidentInput, idempotencyKey: string | undefined) {
    return this.idempotency.run(
      { organizationId: client.organizationId, scope: `api:${client.clientId}`, key: idempotencyKey, request: input },
      async () => {
        const provider = input.provider ? await this.repo.findProviderBySlug(client.organizationId, input.provider) : null;
        const service = provider?.name ?? input.provider ?? 'an AI service';
        const dataClasses = unique(input.dataClasses);
        const subject = input.subject?.email ?? input.subject?.id ?? null;
        const row = await this.createIncident({
          organizationId: client.organizationId,
          actor: actorOf(client),
          source: 'api',
          title: (input.title ?? `${classSummary(dataClasses)} sent to ${service}`).slice(0, 300),
          description: input.description,
          providerId: provider?.id ?? null,
          providerOther: provider ? null : (input.provider ?? null),
          dataClasses,
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
          reporterId: null,
          anonymous: false,
          apiClientId: client.clientId,
          decisionId: input.decisionId ?? null,
          createdEventData: { client: client.clientName, subject: input.subject ?? null, subjectKey: subject ?? '' },
        });
        return {
          id: row.id,
          number: row.number,
          status: row.status,
          severity: row.severity,
          notificationDeadline: row.notificationDeadline?.toISOString() ?? null,
          reportedAt: row.reportedAt.toISOString(),
        };
      },
    );
  }
}
