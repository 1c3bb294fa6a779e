import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { readOrgSettings } from '@airlock/contracts';
import { AUTO_INCIDENT_CLASSES, AUTOMATIC_ACTOR, OVERRIDE_ACTOR, classLabel, classSummary, HOUR_MS, unique } from './incident-common';
import { IncidentIntake } from './incident-intake.service';
import { IdempotencyService } from './idempotency.service';
import { IncidentsRepository, OVERRIDE_TITLE } from './incidents.repository';
import { BackgroundJobs } from '../../common/background-jobs';

const AUTO_QUEUE_MAX = 10_000;
const AUTO_FLUSH_MS = 2_000;
const AUTO_DEDUPE_MS = HOUR_MS;

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

/**
 * The automatic-incident queue: blocked decisions involving credentials or personal data, kept in
 * memory by the decision path and turned into incidents every 2 s, off the request path.
 */
@Injectable()
export class AutomaticIncidentQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Incidents');
  private autoQueue: QueuedEntry[] = [];
  private readonly autoSeen = new Map<string, number>();
  private flushing: Promise<number> | null = null;
  /** Automatic incidents not queued because the queue was full (a burst of blocks). */
  autoDropped = 0;

  constructor(
    private readonly repo: IncidentsRepository,
    private readonly intake: IncidentIntake,
    private readonly idempotency: IdempotencyService,
    private readonly jobs: BackgroundJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('automatic-incidents', AUTO_FLUSH_MS, () => {
      if (this.autoQueue.length) void this.flushAutomaticIncidents();
    });
    this.jobs.every('idempotency-purge', HOUR_MS, () => {
      this.idempotency.purgeExpired().catch((err: Error) => this.logger.warn(`Could not purge idempotency keys: ${err.message}`));
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.jobs.stop('automatic-incidents');
    this.jobs.stop('idempotency-purge');
    if (this.autoQueue.length) await this.flushAutomaticIncidents().catch(() => 0);
  }

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
        const kind = e.effect === 'warn' && e.overrideReason ? 'override' : 'block';
        const enabled = settings.get(e.organizationId)!;
        if (!(kind === 'override' ? enabled.onOverride : enabled.onBlock)) continue;
        if (await this.openAutomatic(e, kind, now)) created += 1;
      } catch (err) {
        this.logger.warn(`Could not open an automatic incident for decision ${e.decisionId}: ${(err as Error).message}`);
      }
    }
    return created;
  }

  /**
   * Opens the incident of a blocked decision, or of a warning someone continued past with a reason,
   * unless deduplication says it is already open: the same subject, service and data class (`''`
   * for none) opens at most one an hour, here (in memory) and across instances (an incident already
   * in the database); blocks and overridden warnings are counted apart. A block is about the
   * sensitive classes it involved; an override about every class, or none.
   */
  private async openAutomatic(e: QueuedEntry, kind: 'block' | 'override', now: Date): Promise<boolean> {
    const all = unique(e.dataClasses);
    const sensitive = all.filter((c) => AUTO_INCIDENT_CLASSES.has(c));
    const claimed = await this.claim(e, kind === 'block' ? sensitive : all.length ? all : [''], kind, now);
    if (!claimed) return false;
    const { subjectKey, provider, providerOther } = claimed;
    const service = provider?.name ?? providerOther ?? 'an unknown destination';
    const rules = e.ruleIds.join(', ') || 'none';
    const text =
      kind === 'block'
        ? {
            title: `Blocked: ${classSummary(sensitive)} to ${service}`,
            description:
              `Airlock blocked a request that would have sent ${all.map(classLabel).join(', ')} to ${service}` +
              `${e.subject ? ` (subject ${e.subject})` : ''}. Decision ${e.decisionId}, rules: ${rules}. ` +
              'Nothing left the network, but the attempt shows where the data is and where someone wanted to take it.',
          }
        : {
            title: `${OVERRIDE_TITLE} ${all.length ? classSummary(all) : 'a request'} to ${service}`,
            description:
              `${e.subject ?? 'Someone'} was warned before sending ${all.length ? all.map(classLabel).join(', ') : 'a request'} to ${service} ` +
              `and continued, giving this reason: "${e.overrideReason ?? ''}". Decision ${e.decisionId}, rules: ${rules}.`,
          };
    await this.intake.createIncident({
      organizationId: e.organizationId,
      actor: kind === 'block' ? AUTOMATIC_ACTOR : OVERRIDE_ACTOR,
      source: 'automatic',
      title: text.title.slice(0, 300),
      description: text.description,
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
        ...(kind === 'override' ? { overrideReason: e.overrideReason ?? null, kind: 'override' } : {}),
      },
      now,
    });
    return true;
  }

  /** Deduplication (see openAutomatic). null: nothing to open. */
  private async claim(e: QueuedEntry, classes: string[], kind: 'block' | 'override', now: Date) {
    const subjectKey = e.subject ?? '';
    const destination = e.providerSlug ?? `host:${e.destinationHost ?? ''}`;
    const keyOf = (c: string) => `${kind}|${e.organizationId}|${subjectKey}|${destination}|${c}`;
    const fresh = classes.filter((c) => (this.autoSeen.get(keyOf(c)) ?? 0) <= now.getTime());
    if (!fresh.length) return null;
    for (const c of classes) this.autoSeen.set(keyOf(c), now.getTime() + AUTO_DEDUPE_MS);
    const provider = e.providerSlug ? await this.repo.findProviderBySlug(e.organizationId, e.providerSlug) : null;
    const providerOther = provider ? null : (e.providerSlug ?? e.destinationHost ?? null);
    // Another instance may have opened it within the hour.
    const recent = await this.repo.findRecentAutomatic(e.organizationId, {
      providerId: provider?.id ?? null,
      providerOther,
      dataClasses: fresh.filter((c) => c !== ''),
      subjectKey,
      since: new Date(now.getTime() - AUTO_DEDUPE_MS),
      ...(kind === 'override' ? { kind } : {}),
    });
    return recent ? null : { subjectKey, provider, providerOther };
  }
}
