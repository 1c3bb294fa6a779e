import { Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { type DecisionReport, type DecisionReportResponse, REPORT_MAX_AGE_SECONDS, REPORT_MAX_AHEAD_SECONDS, type ReportedDecision } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import type { ApiClientAuth } from '../auth/auth-context';
import { IncidentsService } from '../incidents/incidents.service';
import { PolicyRuntime } from '../policy/policy-runtime.service';
import type { DecisionLogEntry } from './decision-log.batch';
import { automaticIncidentOf } from './decision.service';
import { DecisionLogStore } from './decision-log.store';
import { SiemTap } from '../siem/siem-tap';
import { SubjectDirectoryService } from './subject-directory.service';

const HOUR_MS = 3_600_000;

type Rejection = DecisionReportResponse['rejected'][number];

/**
 * POST /v1/decisions/report: decisions a local evaluator (the browser extension, the SDK's
 * LocalDecider) made itself, logged like the API's own so the decision log, the dashboard and the
 * automatic incidents stay complete. Each item is checked on its own: its time within the report
 * window, its subject a person of the key's organization (a directory member, or an address in the
 * organization's own e-mail domains), its policy version one that was published. Items that pass
 * are written at once, in one transaction with their ids (DecisionLogStore.insertReported), so a
 * batch sent again (the answer was lost) logs nothing twice; those that fail are named in the
 * answer and the rest are logged.
 */
@Injectable()
export class DecisionReportService {
  private readonly logger = new Logger('DecisionReport');
  private lastPrune = 0;

  constructor(
    private readonly runtime: PolicyRuntime,
    private readonly store: DecisionLogStore,
    private readonly directory: SubjectDirectoryService,
    private readonly incidents: IncidentsService,
    private readonly siem: SiemTap,
  ) {}

  async report(client: ApiClientAuth, input: DecisionReport, now = new Date()): Promise<DecisionReportResponse> {
    const policy = this.runtime.get(client.organizationId);
    if (!policy) throw new AppError('unavailable', 'The policy of this organization is not loaded yet; retry shortly', undefined, { 'retry-after': '1' });
    const ownDomains = new Set(policy.snapshot.settings.allowEmailDomains.map((d) => d.toLowerCase()));
    const rejected: Rejection[] = [];
    const entries: { reportedId: string; entry: DecisionLogEntry; item: ReportedDecision }[] = [];
    const seen = new Set<string>();
    let repeated = 0;
    input.decisions.forEach((item, index) => {
      const reject = (code: string, message: string) => rejected.push({ index, id: item.id, code, message });
      const id = item.id.toLowerCase();
      if (seen.has(id)) {
        repeated += 1;
        return;
      }
      seen.add(id);
      const at = new Date(item.at);
      if (at.getTime() > now.getTime() + REPORT_MAX_AHEAD_SECONDS * 1000) {
        return reject('clock_skew', `"at" is more than ${REPORT_MAX_AHEAD_SECONDS} s ahead of the server's clock (${now.toISOString()}): check the device's clock`);
      }
      if (at.getTime() < now.getTime() - REPORT_MAX_AGE_SECONDS * 1000) {
        return reject('too_old', `"at" is more than ${REPORT_MAX_AGE_SECONDS / 86_400} days ago: decisions older than that are no longer accepted`);
      }
      const email = item.subject.email.trim().toLowerCase();
      const domain = email.slice(email.lastIndexOf('@') + 1);
      if (!this.directory.isMember(client.organizationId, email) && !ownDomains.has(domain)) {
        return reject('unknown_subject', 'subject.email is neither a person of this organization nor an address in its own e-mail domains (settings: allowEmailDomains)');
      }
      if (item.policyVersion > policy.version) {
        return reject('unknown_policy_version', `policyVersion ${item.policyVersion} was never published (the current version is ${policy.version})`);
      }
      const destination = policy.evaluator.resolveDestination(item.destination, item.action);
      const groups = this.directory.get(client.organizationId)?.directory.groupsOf({ email }) ?? [];
      entries.push({
        reportedId: id,
        item,
        entry: {
          // Time-ordered at the time of the decision, like the API's own ids.
          id: uuidv7({ msecs: at.getTime() }),
          time: at,
          organizationId: client.organizationId,
          apiClientId: client.clientId,
          policyVersion: item.policyVersion,
          providerSlug: destination.provider?.slug ?? null,
          destinationHost: destination.host,
          action: item.action,
          channel: item.channel ?? (item.source === 'extension' ? 'web' : null),
          networkZones: [],
          subjectId: email,
          subjectGroups: groups,
          effect: item.effect,
          ruleIds: item.reasons.map((r) => r.ruleId),
          dataClasses: [...new Set(item.findingClasses)].sort(),
          contentHmac: null,
          // The client's own id: how its decision is found in the log.
          correlationId: id,
          latencyMicros: 0,
          staleSeconds: null,
          source: item.source,
          overrideReason: item.override?.reason ?? null,
        },
      });
    });
    let fresh = new Set<string>();
    if (entries.length > 0) {
      try {
        fresh = await this.store.insertReported(client.organizationId, entries);
      } catch (err) {
        this.logger.warn(`Could not log ${entries.length} reported decisions: ${(err as Error).message}`);
        throw new AppError('unavailable', 'The decision log cannot be written just now; send the batch again shortly (nothing of it was logged)', undefined, { 'retry-after': '5' });
      }
    }
    for (const { reportedId, entry } of entries) {
      if (!fresh.has(reportedId)) continue;
      this.siem.decision(entry);
      this.incidents.queueAutomaticIncident(automaticIncidentOf(entry));
    }
    this.pruneSometimes(now);
    return { accepted: fresh.size, duplicates: entries.length - fresh.size + repeated, rejected };
  }

  /** Once an hour at most: forget reported ids that are past the report window. */
  private pruneSometimes(now: Date): void {
    if (now.getTime() - this.lastPrune < HOUR_MS) return;
    this.lastPrune = now.getTime();
    const before = new Date(now.getTime() - REPORT_MAX_AGE_SECONDS * 1000 - HOUR_MS);
    this.store.pruneReported(before).catch((err: Error) => this.logger.warn(`Could not prune reported decision ids: ${err.message}`));
  }
}
