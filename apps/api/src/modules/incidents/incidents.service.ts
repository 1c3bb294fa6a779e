import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  type ApiIncidentInput,
  dataClassesOfKinds,
  type IncidentCreate,
  type IncidentFilter,
  type IncidentSeverity,
  type IncidentStatus,
  type IncidentUpdate,
  type PortalIncidentInput,
  readOrgSettings,
  REPORT_DATA_KINDS,
  type ReportDataKind,
} from '@airlock/contracts';
import { BUILTIN_DATA_CLASSES } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PrismaService, type Tx } from '../../database/prisma.service';
import type { IncidentSource, Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import { type Actor, actorOf, type ApiClientAuth, type UserAuth } from '../auth/auth-context';
import { roleHas } from '../auth/permissions';
import { randomToken, sha256Hex } from '../auth/tokens';
import { WebhooksService } from '../webhooks/webhooks.service';
import { suggestSeverity, severityRank } from './incident-severity';
import { closureProblem, DONE_STATUSES, OPEN_STATUSES, transitionProblem } from './incident-workflow';
import { IdempotencyService } from './idempotency.service';
import { type IncidentRow, IncidentsRepository, OVERRIDE_TITLE, type ProviderFacts } from './incidents.repository';
import { incidentAuditView, incidentWebhookData, toIncidentOutput, toPortalIncidentOutput } from './incidents.serializers';
import { DUE_SOON_MS, notificationDeadline } from './notification-deadline';
import { remediationChecklist } from './remediation-checklist';

const HOUR_MS = 3_600_000;

/** Who files an anonymous report, in the audit log and the timeline. */
export const ANONYMOUS_ACTOR: Actor = { type: 'anonymous', id: null, label: 'anonymous reporter' };
export const AUTOMATIC_ACTOR: Actor = { type: 'system', id: null, label: 'automatic (blocked decision)' };
export const OVERRIDE_ACTOR: Actor = { type: 'system', id: null, label: 'automatic (warning overridden)' };

/** A blocked decision involving one of these classes can open an incident (autoIncidentOnBlock). */
export const AUTO_INCIDENT_CLASSES: ReadonlySet<string> = new Set([
  'credentials',
  'personal_data',
  'health_data',
  'government_id',
  'financial',
]);
const AUTO_QUEUE_MAX = 10_000;
const AUTO_FLUSH_MS = 2_000;
const AUTO_DEDUPE_MS = HOUR_MS;
const SIMILAR_WINDOW_MS = 24 * HOUR_MS;
const METRICS_WINDOW_DAYS = 90;
const CSV_MAX_ROWS = 50_000;

/**
 * What the decision path hands over when a decision blocks (see queueAutomaticIncident). Plain
 * values only: it is queued in memory and turned into an incident off the request path.
 */
export interface AutomaticIncidentEntry {
  organizationId: string;
  decisionId: string;
  effect: 'allow' | 'warn' | 'redact' | 'block';
  providerSlug: string | null;
  destinationHost: string | null;
  dataClasses: Iterable<string>;
  ruleIds: Iterable<string>;
  /** The decision's subject (id or e-mail) as logged; null when the client sent none. */
  subject: string | null;
  time: Date;
  /**
   * A warning the person continued past with this reason (reported by a local evaluator): opens an
   * incident when the organization enabled autoIncidentOnOverride, whatever the data classes.
   */
  overrideReason?: string | null;
}

interface QueuedEntry extends Omit<AutomaticIncidentEntry, 'dataClasses' | 'ruleIds'> {
  dataClasses: string[];
  ruleIds: string[];
}

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

export interface ListQueryInput {
  skip: number;
  take: number;
  sortField: string;
  sortOrder: 'asc' | 'desc';
  filter: IncidentFilter;
}

const CLASS_LABELS = new Map<string, string>(BUILTIN_DATA_CLASSES.map((c) => [c.id, c.label]));

function classLabel(c: string): string {
  return CLASS_LABELS.get(c) ?? c;
}

function classSummary(classes: readonly string[]): string {
  if (!classes.length) return 'Possible data exposure';
  const [first, ...rest] = classes.map(classLabel);
  return rest.length ? `${first} and ${rest.length} more` : first!;
}

/** "Passwords, API keys or tokens and 1 more shared with DeepSeek", from the portal's answers. */
export function portalTitle(kinds: readonly ReportDataKind[], service: string): string {
  const labels = REPORT_DATA_KINDS.filter((k) => k.key !== 'not_sure' && kinds.includes(k.key)).map((k) => k.label);
  const title = labels.length
    ? `${labels[0]}${labels.length > 1 ? ` and ${labels.length - 1} more` : ''} shared with ${service}`
    : `Possible data exposure via ${service}`;
  return title.slice(0, 300);
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function eventActor(actor: Actor): { actorId: string | null; actorLabel: string } {
  return { actorId: actor.type === 'user' || actor.type === 'api_client' ? actor.id : null, actorLabel: actor.label };
}

function jsonValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

function round2(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}

/**
 * Incidents: reports from the portal (named or anonymous), from decision clients and from blocked
 * decisions; triage with a checked status workflow, checklist, timeline and 72-hour deadline. Every
 * change writes its timeline events, its audit event and its webhook deliveries in one transaction.
 */
@Injectable()
export class IncidentsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Incidents');
  private autoQueue: QueuedEntry[] = [];
  private readonly autoSeen = new Map<string, number>();
  private autoTimer: NodeJS.Timeout | null = null;
  private purgeTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<number> | null = null;
  /** Automatic incidents not queued because the queue was full (a burst of blocks). */
  autoDropped = 0;

  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: IncidentsRepository,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
    private readonly idempotency: IdempotencyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.autoTimer = setInterval(() => {
      if (this.autoQueue.length) void this.flushAutomaticIncidents();
    }, AUTO_FLUSH_MS);
    this.autoTimer.unref();
    this.purgeTimer = setInterval(() => {
      this.idempotency.purgeExpired().catch((err: Error) => this.logger.warn(`Could not purge idempotency keys: ${err.message}`));
    }, HOUR_MS);
    this.purgeTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.autoTimer) clearInterval(this.autoTimer);
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    if (this.autoQueue.length) await this.flushAutomaticIncidents().catch(() => 0);
  }

  // Creating ------------------------------------------------------------------------------------------

  /** The one way an incident comes to exist (portal, analyst, API, automatic, demo data). */
  async createIncident(p: CreateIncidentParams): Promise<IncidentRow> {
    const row = await this.prisma.$transaction((tx) => this.createInTx(tx, p), { timeout: 30_000 });
    this.webhooks.flushSoon();
    return row;
  }

  private async createInTx(tx: Tx, p: CreateIncidentParams): Promise<IncidentRow> {
    const now = p.now ?? new Date();
    const { organizationId } = p;
    const provider = p.providerId ? await this.repo.findProvider(organizationId, p.providerId, tx) : null;
    if (p.providerId && !provider) throw AppError.validation([{ path: 'providerId', message: 'is not a service in the catalog' }]);
    if (p.assigneeId) await this.checkAssignee(tx, organizationId, p.assigneeId);
    const dataClasses = unique(p.dataClasses);
    const suggestion = suggestSeverity(dataClasses, provider);
    const severity = p.severity ?? suggestion.severity;
    const awareAt = p.awareAt ?? now;
    const deadline = notificationDeadline(dataClasses, awareAt);
    const number = await this.repo.nextNumber(tx, organizationId);
    const row = await this.repo.create(tx, {
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
        tx,
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
    await this.repo.createEvents(tx, events);
    await this.audit.record(tx, {
      organizationId,
      actor: p.actor,
      action: 'incident.create',
      entityType: 'Incident',
      entityId: row.id,
      after: incidentAuditView(row),
      omitRequestOrigin: p.anonymous,
    });
    const data = incidentWebhookData(row, this.config.publicUrl);
    await this.webhooks.enqueue(tx, organizationId, 'incident.created', data, now);
    if (severityRank(severity) >= severityRank('high'))
      await this.webhooks.enqueue(tx, organizationId, 'incident.high_severity', data, now);
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
    const result = await this.idempotency.run(
      {
        organizationId,
        // Anonymous keys share one scope: nothing in the stored row points at the reporter.
        scope: anonymous ? 'portal-anonymous' : `portal:${user.userId}`,
        key: idempotencyKey,
        request: input,
        sealed: ['statusToken', 'statusUrl'],
      },
      async (tx) => {
        const provider = input.providerId === 'other' ? null : await this.repo.findProvider(organizationId, input.providerId, tx);
        if (input.providerId !== 'other' && !provider)
          throw AppError.validation([{ path: 'providerId', message: 'is not a service in the catalog' }]);
        const title = portalTitle(input.dataKinds, provider?.name ?? input.otherService ?? 'an AI service');
        const row = await this.createInTx(tx, {
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
    if (!result.replayed) this.webhooks.flushSoon();
    return result;
  }

  private portalConfirmation(
    row: IncidentRow,
    kinds: readonly ReportDataKind[],
    provider: ProviderFacts | null,
    token: string | undefined,
  ) {
    const steps: string[] = [
      row.anonymous
        ? 'The security team has been notified. Your report is anonymous, so they cannot ask you questions: nobody, including them, can see who sent it.'
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
        ? 'Keep the status code below: it is shown only this once and is the only way to follow this report.'
        : 'You can follow its status under "My reports".',
    );
    return {
      ...(row.anonymous ? {} : { id: row.id }),
      number: row.number,
      status: row.status,
      anonymous: row.anonymous,
      ...(token ? { statusToken: token, statusUrl: `${this.config.publicUrl}/api/portal/incidents/status/${token}` } : {}),
      message: `Thank you for reporting this. It is incident #${row.number}.`,
      nextSteps: steps,
    };
  }

  /** An analyst opens an incident by hand. */
  async createByAnalyst(user: UserAuth, input: IncidentCreate, idempotencyKey: string | undefined) {
    const result = await this.idempotency.run(
      { organizationId: user.organizationId, scope: `analyst:${user.userId}`, key: idempotencyKey, request: input },
      async (tx) => {
        const now = new Date();
        const row = await this.createInTx(tx, {
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
    if (!result.replayed) this.webhooks.flushSoon();
    return result;
  }

  /** A decision client files one (POST /v1/incidents, scope incidents:write). */
  async createFromApi(client: ApiClientAuth, input: ApiIncidentInput, idempotencyKey: string | undefined) {
    const result = await this.idempotency.run(
      { organizationId: client.organizationId, scope: `api:${client.clientId}`, key: idempotencyKey, request: input },
      async (tx) => {
        const provider = input.provider ? await this.repo.findProviderBySlug(client.organizationId, input.provider, tx) : null;
        const service = provider?.name ?? input.provider ?? 'an AI service';
        const dataClasses = unique(input.dataClasses);
        const subject = input.subject?.email ?? input.subject?.id ?? null;
        const row = await this.createInTx(tx, {
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
    if (!result.replayed) this.webhooks.flushSoon();
    return result;
  }

  // Automatic incidents from blocked decisions -------------------------------------------------------

  /**
   * Called by the decision path for every decision (cheap, synchronous, never throws): keeps blocks
   * of credentials or personal data in an in-memory queue that is turned into incidents every 2 s,
   * off the request path, if the organization enabled autoIncidentOnBlock. The same subject +
   * service + data class opens at most one incident per hour. Returns whether it was queued.
   */
  queueAutomaticIncident(entry: AutomaticIncidentEntry): boolean {
    const override = entry.effect === 'warn' && Boolean(entry.overrideReason);
    if (entry.effect !== 'block' && !override) return false;
    const dataClasses = Array.from(entry.dataClasses);
    if (!override && !dataClasses.some((c) => AUTO_INCIDENT_CLASSES.has(c))) return false;
    if (this.autoQueue.length >= AUTO_QUEUE_MAX) {
      this.autoDropped += 1;
      return false;
    }
    this.autoQueue.push({ ...entry, dataClasses, ruleIds: Array.from(entry.ruleIds) });
    return true;
  }

  /** Turns the queued blocks into incidents now (the timer calls it; tests await it). */
  flushAutomaticIncidents(now: Date = new Date()): Promise<number> {
    const run = (this.flushing ?? Promise.resolve(0)).then(() => this.flushAutomatic(now));
    this.flushing = run.catch(() => 0);
    return run;
  }

  private async flushAutomatic(now: Date): Promise<number> {
    const batch = this.autoQueue;
    this.autoQueue = [];
    for (const [k, until] of this.autoSeen) if (until <= now.getTime()) this.autoSeen.delete(k);
    const settings = new Map<string, { onBlock: boolean; onOverride: boolean }>();
    let created = 0;
    for (const e of batch) {
      try {
        if (!settings.has(e.organizationId)) {
          const org = await this.repo.orgSettings(e.organizationId);
          const s = org ? readOrgSettings(org.settings) : null;
          settings.set(e.organizationId, { onBlock: s?.autoIncidentOnBlock ?? false, onOverride: s?.autoIncidentOnOverride ?? false });
        }
        const override = e.effect === 'warn' && Boolean(e.overrideReason);
        const enabled = settings.get(e.organizationId)!;
        if (!(override ? enabled.onOverride : enabled.onBlock)) continue;
        if (override) {
          if (await this.openOverrideIncident(e, now)) created += 1;
          continue;
        }
        const subjectKey = e.subject ?? '';
        const destination = e.providerSlug ?? `host:${e.destinationHost ?? ''}`;
        const classes = unique(e.dataClasses.filter((c) => AUTO_INCIDENT_CLASSES.has(c)));
        const keyOf = (c: string) => `${e.organizationId}|${subjectKey}|${destination}|${c}`;
        const fresh = classes.filter((c) => (this.autoSeen.get(keyOf(c)) ?? 0) <= now.getTime());
        if (!fresh.length) continue;
        for (const c of classes) this.autoSeen.set(keyOf(c), now.getTime() + AUTO_DEDUPE_MS);
        const provider = e.providerSlug ? await this.repo.findProviderBySlug(e.organizationId, e.providerSlug) : null;
        const providerOther = provider ? null : (e.providerSlug ?? e.destinationHost ?? null);
        // Another instance may have opened it within the hour.
        const recent = await this.repo.findRecentAutomatic(e.organizationId, {
          providerId: provider?.id ?? null,
          providerOther,
          dataClasses: fresh,
          subjectKey,
          since: new Date(now.getTime() - AUTO_DEDUPE_MS),
        });
        if (recent) continue;
        const all = unique(e.dataClasses);
        const service = provider?.name ?? providerOther ?? 'an unknown destination';
        await this.createIncident({
          organizationId: e.organizationId,
          actor: AUTOMATIC_ACTOR,
          source: 'automatic',
          title: `Blocked: ${classSummary(all.filter((c) => AUTO_INCIDENT_CLASSES.has(c)))} to ${service}`.slice(0, 300),
          description:
            `Airlock blocked a request that would have sent ${all.map(classLabel).join(', ')} to ${service}` +
            `${e.subject ? ` (subject ${e.subject})` : ''}. Decision ${e.decisionId}, rules: ${e.ruleIds.join(', ') || 'none'}. ` +
            'Nothing left the network, but the attempt shows where the data is and where someone wanted to take it.',
          providerId: provider?.id ?? null,
          providerOther,
          dataClasses: all,
          occurredAt: e.time,
          reporterId: null,
          anonymous: false,
          decisionId: e.decisionId,
          createdEventData: {
            decisionId: e.decisionId,
            subject: e.subject,
            subjectKey,
            ruleIds: e.ruleIds,
            destinationHost: e.destinationHost,
          },
          now,
        });
        created += 1;
      } catch (err) {
        this.logger.warn(`Could not open an automatic incident for decision ${e.decisionId}: ${(err as Error).message}`);
      }
    }
    return created;
  }

  /**
   * An incident for a warning someone continued past with a reason: at most one per person,
   * service and data class an hour (the same deduplication as blocks, kept apart from them).
   */
  private async openOverrideIncident(e: QueuedEntry, now: Date): Promise<boolean> {
    const subjectKey = e.subject ?? '';
    const destination = e.providerSlug ?? `host:${e.destinationHost ?? ''}`;
    const classes = e.dataClasses.length ? unique(e.dataClasses) : [''];
    const keyOf = (c: string) => `override|${e.organizationId}|${subjectKey}|${destination}|${c}`;
    const fresh = classes.filter((c) => (this.autoSeen.get(keyOf(c)) ?? 0) <= now.getTime());
    if (!fresh.length) return false;
    for (const c of classes) this.autoSeen.set(keyOf(c), now.getTime() + AUTO_DEDUPE_MS);
    const provider = e.providerSlug ? await this.repo.findProviderBySlug(e.organizationId, e.providerSlug) : null;
    const providerOther = provider ? null : (e.providerSlug ?? e.destinationHost ?? null);
    const recent = await this.repo.findRecentAutomatic(e.organizationId, {
      providerId: provider?.id ?? null,
      providerOther,
      dataClasses: fresh.filter((c) => c !== ''),
      subjectKey,
      since: new Date(now.getTime() - AUTO_DEDUPE_MS),
      kind: 'override',
    });
    if (recent) return false;
    const service = provider?.name ?? providerOther ?? 'an unknown destination';
    const all = unique(e.dataClasses);
    await this.createIncident({
      organizationId: e.organizationId,
      actor: OVERRIDE_ACTOR,
      source: 'automatic',
      title: `${OVERRIDE_TITLE} ${all.length ? classSummary(all) : 'a request'} to ${service}`.slice(0, 300),
      description:
        `${e.subject ?? 'Someone'} was warned before sending ${all.length ? all.map(classLabel).join(', ') : 'a request'} to ${service} ` +
        `and continued, giving this reason: "${e.overrideReason ?? ''}". Decision ${e.decisionId}, rules: ${e.ruleIds.join(', ') || 'none'}.`,
      providerId: provider?.id ?? null,
      providerOther,
      dataClasses: all,
      occurredAt: e.time,
      reporterId: null,
      anonymous: false,
      decisionId: e.decisionId,
      createdEventData: {
        decisionId: e.decisionId,
        subject: e.subject,
        subjectKey,
        ruleIds: e.ruleIds,
        destinationHost: e.destinationHost,
        overrideReason: e.overrideReason ?? null,
        kind: 'override',
      },
      now,
    });
    return true;
  }

  // Reading -------------------------------------------------------------------------------------------

  private where(organizationId: string, f: IncidentFilter, now: Date): Prisma.IncidentWhereInput {
    const and: Prisma.IncidentWhereInput[] = [{ organizationId }];
    const list = <T>(v: T | T[]) => (Array.isArray(v) ? v : [v]);
    if (f.id) and.push({ id: { in: f.id } });
    if (f.status) and.push({ status: { in: list(f.status) } });
    if (f.severity) and.push({ severity: { in: list(f.severity) } });
    if (f.providerId) and.push({ providerId: f.providerId });
    if (f.dataClass) and.push({ dataClasses: { has: f.dataClass } });
    if (f.assigneeId) and.push({ assigneeId: f.assigneeId === 'unassigned' ? null : f.assigneeId });
    if (f.source) and.push({ source: f.source });
    if (f.overdue === true) and.push({ notificationDeadline: { lt: now }, status: { in: [...OPEN_STATUSES] } });
    if (f.overdue === false)
      and.push({ OR: [{ notificationDeadline: null }, { notificationDeadline: { gte: now } }, { status: { in: [...DONE_STATUSES] } }] });
    if (f.dueSoon === true)
      and.push({ notificationDeadline: { gte: now, lt: new Date(now.getTime() + DUE_SOON_MS) }, status: { in: [...OPEN_STATUSES] } });
    if (f.dueSoon === false) {
      and.push({
        OR: [
          { notificationDeadline: null },
          { notificationDeadline: { lt: now } },
          { notificationDeadline: { gte: new Date(now.getTime() + DUE_SOON_MS) } },
          { status: { in: [...DONE_STATUSES] } },
        ],
      });
    }
    const q = f.q?.trim();
    if (q) {
      const n = /^#?(\d{1,9})$/.exec(q);
      and.push({
        OR: [
          { title: { contains: q, mode: 'insensitive' } },
          { description: { contains: q, mode: 'insensitive' } },
          ...(n ? [{ number: Number(n[1]) }] : []),
        ],
      });
    }
    return { AND: and };
  }

  private orderBy(field: string, order: 'asc' | 'desc'): Prisma.IncidentOrderByWithRelationInput[] {
    const primary: Prisma.IncidentOrderByWithRelationInput =
      field === 'notificationDeadline'
        ? { notificationDeadline: { sort: order, nulls: 'last' } }
        : ({ [field]: order } as Prisma.IncidentOrderByWithRelationInput);
    return field === 'number' ? [primary] : [primary, { number: 'desc' }];
  }

  async list(organizationId: string, q: ListQueryInput, now = new Date()) {
    const [rows, total] = await this.repo.list(
      this.where(organizationId, q.filter, now),
      this.orderBy(q.sortField, q.sortOrder),
      q.skip,
      q.take,
    );
    return { rows, total, now };
  }

  async get(organizationId: string, id: string, now = new Date()) {
    const row = await this.repo.find(organizationId, id);
    if (!row) throw AppError.notFound('Incident');
    const [tasks, duplicateOf] = await Promise.all([
      this.repo.listTasks(organizationId, id),
      row.duplicateOfId ? this.repo.findDuplicateTarget(organizationId, row.duplicateOfId) : Promise.resolve(null),
    ]);
    return toIncidentOutput(row, now, {
      tasks,
      duplicateOf: duplicateOf ? { id: duplicateOf.id, number: duplicateOf.number, title: duplicateOf.title } : null,
    });
  }

  async events(organizationId: string, id: string) {
    if (!(await this.repo.find(organizationId, id))) throw AppError.notFound('Incident');
    return this.repo.listEvents(organizationId, id);
  }

  async tasks(organizationId: string, id: string) {
    if (!(await this.repo.find(organizationId, id))) throw AppError.notFound('Incident');
    return this.repo.listTasks(organizationId, id);
  }

  /** Every incident matching the filters, as rows for the CSV export (at most 50,000). */
  async exportRows(organizationId: string, filter: IncidentFilter, sortField: string, sortOrder: 'asc' | 'desc', now = new Date()) {
    const rows = await this.repo.findMany(this.where(organizationId, filter, now), this.orderBy(sortField, sortOrder), CSV_MAX_ROWS);
    return rows.map((r) => toIncidentOutput(r, now));
  }

  /**
   * Likely duplicates: same service, at least one data class in common, the same reporter (both
   * anonymous counts; for decision clients, the same subject), reported within 24 hours of it.
   */
  async similar(organizationId: string, id: string, now = new Date()) {
    const incident = await this.repo.find(organizationId, id);
    if (!incident) throw AppError.notFound('Incident');
    if (!incident.dataClasses.length || (!incident.providerId && !incident.providerOther)) return [];
    const own = await this.repo.createdEventData(id);
    const key = reporterKey(incident, own?.data);
    if (!key) return [];
    const candidates = await this.repo.similarCandidates(organizationId, incident, SIMILAR_WINDOW_MS);
    return candidates
      .filter((c) => reporterKey(c, c.events[0]?.data) === key)
      .map((c) => {
        const shared = c.dataClasses.filter((d) => incident.dataClasses.includes(d));
        const hours = Math.abs(c.reportedAt.getTime() - incident.reportedAt.getTime()) / HOUR_MS;
        return {
          ...toIncidentOutput(c, now),
          similarity: {
            sharedDataClasses: shared,
            hoursApart: Math.round(hours * 10) / 10,
            reasons: [
              'same service',
              `shares ${shared.join(', ')}`,
              incident.anonymous ? 'both anonymous' : 'same reporter',
              `reported ${Math.round(hours * 10) / 10} h apart`,
            ],
          },
        };
      });
  }

  async metrics(organizationId: string, now = new Date()) {
    const since = new Date(now.getTime() - METRICS_WINDOW_DAYS * 24 * HOUR_MS);
    const open = { in: [...OPEN_STATUSES] };
    const [[byStatusRows, bySeverityRows], overdue, dueSoon, times] = await Promise.all([
      this.repo.countBy(organizationId),
      this.repo.count({ organizationId, notificationDeadline: { lt: now }, status: open }),
      this.repo.count({ organizationId, notificationDeadline: { gte: now, lt: new Date(now.getTime() + DUE_SOON_MS) }, status: open }),
      this.repo.meanTimes(organizationId, since),
    ]);
    const byStatus = { new: 0, triaged: 0, investigating: 0, contained: 0, resolved: 0, closed: 0 } as Record<IncidentStatus, number>;
    for (const r of byStatusRows) byStatus[r.status] = (r._count as { _all: number })._all;
    const bySeverity = { low: 0, medium: 0, high: 0, critical: 0 } as Record<IncidentSeverity, number>;
    for (const r of bySeverityRows) bySeverity[r.severity] = (r._count as { _all: number })._all;
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    return {
      total,
      open: OPEN_STATUSES.reduce((a, s) => a + byStatus[s], 0),
      byStatus,
      bySeverity,
      overdue,
      dueSoon,
      windowDays: METRICS_WINDOW_DAYS,
      meanHoursToAcknowledge: round2(times.mtta),
      meanHoursToResolve: round2(times.mttr),
      acknowledgedInWindow: times.acknowledged,
      resolvedInWindow: times.resolved,
    };
  }

  // Portal reads ---------------------------------------------------------------------------------------

  async listMine(
    user: UserAuth,
    q: { skip: number; take: number; sortField: string; sortOrder: 'asc' | 'desc'; status?: IncidentStatus[] },
  ) {
    const where: Prisma.IncidentWhereInput = {
      organizationId: user.organizationId,
      reporterId: user.userId,
      anonymous: false,
      ...(q.status ? { status: { in: q.status } } : {}),
    };
    const [rows, total] = await this.repo.list(where, this.orderBy(q.sortField, q.sortOrder), q.skip, q.take);
    return { rows, total };
  }

  /** The employee's own named report; anyone else's (or an anonymous one) is "not found". */
  async findMine(user: UserAuth, id: string) {
    const row = await this.repo.find(user.organizationId, id);
    if (!row || row.anonymous || row.reporterId !== user.userId) throw AppError.notFound('Report');
    return toPortalIncidentOutput(row);
  }

  async statusByToken(token: string) {
    const row = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await this.repo.findByStatusTokenHash(sha256Hex(token)) : null;
    if (!row) throw new AppError('not_found', 'No report has this status code');
    return row;
  }

  async reportOptions(organizationId: string) {
    const services = await this.repo.listServices(organizationId);
    return {
      dataKinds: REPORT_DATA_KINDS.map((k) => ({ key: k.key, label: k.label, dataClasses: [...k.dataClasses] })),
      services,
    };
  }

  // Triage ----------------------------------------------------------------------------------------------

  private async checkAssignee(tx: Tx, organizationId: string, userId: string): Promise<void> {
    const u = await this.repo.findUser(organizationId, userId, tx);
    if (!u || u.disabled || !roleHas(u.role, 'incidents.write')) {
      throw AppError.validation([
        { path: 'assigneeId', message: 'must be an active user of this organization who can work on incidents (owner, admin or analyst)' },
      ]);
    }
  }

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
   * Applies an edit: checks the transition and closure rules, keeps the derived fields (suggested
   * severity, deadline, acknowledged/resolved/closed times, checklist) consistent, and records one
   * timeline event per changed field plus the audit event, in one transaction.
   */
  async update(organizationId: string, actor: Actor, id: string, input: IncidentUpdate, opts: { now?: Date } = {}): Promise<IncidentRow> {
    const now = opts.now ?? new Date();
    const outcome = await this.prisma.$transaction(
      async (tx) => {
        const before = await this.repo.findForUpdate(tx, organizationId, id);
        if (!before) throw AppError.notFound('Incident');
        if (input.providerId && input.providerOther)
          throw AppError.validation([{ path: 'providerOther', message: 'give providerId or providerOther, not both' }]);

        // The service.
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
        const provider = providerId ? await this.repo.findProvider(organizationId, providerId, tx) : null;
        if (providerId && !provider) throw AppError.validation([{ path: 'providerId', message: 'is not a service in the catalog' }]);

        const dataClasses = input.dataClasses ? unique(input.dataClasses) : before.dataClasses;
        const awareAt = input.awareAt ? new Date(input.awareAt) : before.awareAt;
        const occurredAt = input.occurredAt !== undefined ? (input.occurredAt ? new Date(input.occurredAt) : null) : before.occurredAt;
        const assigneeId = input.assigneeId !== undefined ? input.assigneeId : before.assigneeId;
        const duplicateOfId = input.duplicateOfId !== undefined ? input.duplicateOfId : before.duplicateOfId;
        const status = input.status ?? before.status;
        let closureReason = input.closureReason !== undefined ? input.closureReason : before.closureReason;
        let riskAcceptedUntil =
          input.riskAcceptedUntil !== undefined
            ? input.riskAcceptedUntil
              ? new Date(input.riskAcceptedUntil)
              : null
            : before.riskAcceptedUntil;

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
        if (assigneeId && assigneeId !== before.assigneeId) await this.checkAssignee(tx, organizationId, assigneeId);
        if (duplicateOfId && duplicateOfId !== before.duplicateOfId) await this.checkDuplicateOf(tx, organizationId, id, duplicateOfId);

        // Derived fields.
        const classesChanged = !sameList(dataClasses, before.dataClasses);
        const providerChanged = providerId !== before.providerId || providerOther !== before.providerOther;
        const suggestedSeverity =
          classesChanged || providerChanged ? suggestSeverity(dataClasses, provider).severity : before.suggestedSeverity;
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

        const next = {
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
        const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => {
          const a = before[k];
          const b = next[k];
          if (Array.isArray(a) && Array.isArray(b)) return !sameList(a, b);
          if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime() !== (b as Date | null)?.getTime();
          return a !== b;
        });
        if (!changed.length) return { row: before, raisedToHigh: false };
        if (before.status === 'closed') {
          throw AppError.unprocessable(
            'A closed incident is final and cannot be edited; comment on it, or open a new incident and link it',
          );
        }

        const data: Prisma.IncidentUncheckedUpdateInput = { updatedAt: now };
        for (const k of changed) (data as Record<string, unknown>)[k] = next[k];
        const row = await this.repo.update(tx, id, data);

        // Timeline: one event per field a person changed (derived timestamps are in the status event).
        const who = eventActor(actor);
        const DERIVED = new Set(['suggestedSeverity', 'acknowledgedAt', 'resolvedAt', 'closedAt', 'personalDataInvolved']);
        const typeOf = (k: string) =>
          k === 'status'
            ? 'status_changed'
            : k === 'severity'
              ? 'severity_changed'
              : k === 'assigneeId'
                ? 'assignee_changed'
                : k === 'duplicateOfId'
                  ? 'duplicate_linked'
                  : 'field_changed';
        const events: Prisma.IncidentEventUncheckedCreateInput[] = changed
          .filter((k) => !DERIVED.has(k))
          .map((k) => ({
            organizationId,
            incidentId: id,
            type: typeOf(k),
            ...who,
            data: {
              field: k,
              before: jsonValue(before[k]),
              after: jsonValue(next[k]),
              ...(k === 'status' && status === 'closed' ? { closureReason } : {}),
              ...(k === 'severity' && input.severity === undefined ? { followedSuggestion: true } : {}),
            } as Prisma.InputJsonValue,
            createdAt: now,
          }));

        // The checklist follows the data classes and the service; what was done stays.
        if (classesChanged || providerChanged) {
          const wanted = remediationChecklist({ dataClasses, provider, providerOther });
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
        await this.audit.record(tx, {
          organizationId,
          actor,
          action: changed.includes('status') ? 'incident.status_change' : 'incident.update',
          entityType: 'Incident',
          entityId: id,
          before: incidentAuditView(before),
          after: incidentAuditView(row),
        });
        const raisedToHigh =
          severityRank(row.severity) >= severityRank('high') && severityRank(row.severity) > severityRank(before.severity);
        if (raisedToHigh)
          await this.webhooks.enqueue(tx, organizationId, 'incident.high_severity', incidentWebhookData(row, this.config.publicUrl), now);
        return { row, raisedToHigh };
      },
      { timeout: 30_000 },
    );
    if (outcome.raisedToHigh) this.webhooks.flushSoon();
    return outcome.row;
  }

  /** PUT /api/incidents/:id: the edit, answered with the incident as GET shows it. */
  async edit(organizationId: string, actor: Actor, id: string, input: IncidentUpdate) {
    await this.update(organizationId, actor, id, input);
    return this.get(organizationId, id);
  }

  async addComment(organizationId: string, actor: Actor, id: string, body: string, opts: { now?: Date } = {}) {
    const now = opts.now ?? new Date();
    return this.prisma.$transaction(async (tx) => {
      const incident = await this.repo.find(organizationId, id, tx);
      if (!incident) throw AppError.notFound('Incident');
      const [event] = await this.repo.createEvents(tx, [
        { organizationId, incidentId: id, type: 'comment', ...eventActor(actor), data: { body }, createdAt: now },
      ]);
      await this.audit.record(tx, {
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
    return this.prisma.$transaction(async (tx) => {
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
      await this.audit.record(tx, {
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

/** Who stands behind a report, for "same reporter": a user, "anonymous", or a decision's subject. */
function reporterKey(i: { anonymous: boolean; reporterId: string | null; source: string }, createdData: unknown): string | null {
  if (i.anonymous) return 'anonymous';
  if (i.reporterId) return `user:${i.reporterId}`;
  const subject = (createdData as { subjectKey?: unknown } | null | undefined)?.subjectKey;
  if ((i.source === 'api' || i.source === 'automatic') && typeof subject === 'string' && subject) return `subject:${subject}`;
  return null;
}
