import { Injectable } from '@nestjs/common';
import type { DecisionRequestInput, ImpactOutput, PolicyDiffOutput, RuleInput, SimulateOutput } from '@airlock/contracts';
import { toDecisionResponse } from '@airlock/decision-core';
import { type Channel, type Decision, PolicyCompileError } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { PolicyRule, Prisma } from '../../generated/prisma/client';
import { AuditedCrud } from '../directory/audited-crud';
import type { Effect } from '../../generated/prisma/enums';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { decide } from '../decisions/decide';
import { type CompiledPolicy, compileSnapshot } from './compiled-policy';
import { diffSnapshots } from './policy-diff';
import { PolicyRepository } from './policy.repository';
import { PolicyRuntime } from './policy-runtime.service';
import { type PolicySnapshot, ruleToRow, snapshotHash } from './policy-snapshot';

export interface PublishedVersion {
  id: string;
  number: number;
  contentHash: string;
  note: string;
  authorLabel: string;
  createdAt: Date;
  rollbackOf: number | null;
}

/** Publishing, versions, diffs, the simulator and the impact preview. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly repo: PolicyRepository,
    private readonly runtime: PolicyRuntime,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {
    this.rules = new AuditedCrud<PolicyRule>(transactions, audit, { type: 'PolicyRule', label: 'Rule', action: 'rule' }, {
      find: (tx, organizationId, id) => repo.findRule(organizationId, id, tx),
      create: (tx, organizationId, data) => repo.createRule(tx, { ...(data as Prisma.PolicyRuleUncheckedCreateInput), organizationId }),
      update: (tx, id, data) => repo.updateRule(tx, id, data as Prisma.PolicyRuleUncheckedUpdateInput),
      remove: (tx, id) => repo.deleteRule(tx, id),
    });
  }

  /** The draft rules, audited like every simple resource. */
  private readonly rules: AuditedCrud<PolicyRule>;

  /** Compiles a snapshot, turning compile problems into a 400 that names each one. */
  compileOr400(organizationId: string, version: number, hash: string, snapshot: PolicySnapshot): CompiledPolicy {
    try {
      return compileSnapshot(organizationId, version, hash, snapshot);
    } catch (err) {
      if (err instanceof PolicyCompileError) {
        throw AppError.validation(
          err.problems.map((i) => ({ path: i.path.join('.'), message: i.message })),
          'The policy does not compile',
        );
      }
      throw err;
    }
  }

  /**
   * Freezes the draft (rules + catalog + zones + detectors + settings) into the next version, in one
   * transaction with its audit event; NOTIFY tells every instance on commit, and this instance
   * installs the version after commit. Called inside a caller's transaction (Transactions.run: an
   * emergency block, a rollback, the first start), it joins it, so the change and the publish are
   * atomic and the install waits for the caller's commit.
   */
  async publish(
    organizationId: string,
    actor: Actor,
    note: string,
    opts: { rollbackOf?: number; allowUnchanged?: boolean; amendPublished?: (published: PolicySnapshot) => PolicySnapshot } = {},
  ): Promise<PublishedVersion> {
    const version = await this.transactions.run(async (tx) => {
      await this.repo.lockPublishing(tx, organizationId);
      const latest = await this.repo.latestVersion(organizationId, tx);
      // amendPublished (Block now): the version in force with one change, whatever state the draft is in.
      const published = opts.amendPublished && latest ? await this.repo.findVersion(organizationId, latest.number, tx) : null;
      const snapshot = published ? opts.amendPublished!(published.snapshot) : await this.repo.draftSnapshot(organizationId, tx);
      const hash = snapshotHash(snapshot);
      if (latest && latest.contentHash === hash && !opts.allowUnchanged) {
        throw AppError.conflict(`Nothing to publish: the draft is identical to version ${latest.number}`);
      }
      const number = (latest?.number ?? 0) + 1;
      const compiled = this.compileOr400(organizationId, number, hash, snapshot);
      const version = await this.repo.createVersion(tx, {
        organizationId,
        number,
        contentHash: hash,
        rules: snapshot.rules as unknown as Prisma.InputJsonValue,
        catalog: snapshot.catalog as unknown as Prisma.InputJsonValue,
        zones: snapshot.zones as unknown as Prisma.InputJsonValue,
        detectors: snapshot.detectors as unknown as Prisma.InputJsonValue,
        settings: snapshot.settings as unknown as Prisma.InputJsonValue,
        authorId: actor.type === 'user' ? actor.id : null,
        authorLabel: actor.label,
        note,
        rollbackOf: opts.rollbackOf ?? null,
      });
      await this.audit.record({
        organizationId,
        actor,
        action: opts.rollbackOf ? 'policy.rollback' : 'policy.publish',
        entityType: 'PolicyVersion',
        entityId: version.id,
        after: { number, contentHash: hash, note, rollbackOf: opts.rollbackOf ?? null, rules: snapshot.rules.length, providers: snapshot.catalog.length },
      });
      await this.repo.notifyPublished(tx, organizationId, number);
      // This instance answers with the new version once it is committed; the others on NOTIFY.
      await this.transactions.afterCommit(() => this.runtime.install(compiled));
      return version;
    }, { timeout: 30_000 });
    return {
      id: version.id,
      number: version.number,
      contentHash: version.contentHash,
      note: version.note,
      authorLabel: version.authorLabel,
      createdAt: version.createdAt,
      rollbackOf: version.rollbackOf,
    };
  }

  /**
   * Publishes version `number`'s rules again as a new version, and makes them the draft. The
   * catalog, zones and detectors stay as they are now: an emergency block is never undone by a
   * rules rollback (docs/architecture.md).
   */
  async rollback(organizationId: string, actor: Actor, number: number, note?: string): Promise<PublishedVersion> {
    return this.transactions.run(
      async (tx) => {
        const old = await this.repo.findVersion(organizationId, number, tx);
        if (!old) throw AppError.notFound(`Policy version ${number}`);
        await this.repo.replaceRules(
          tx,
          organizationId,
          old.snapshot.rules.map((r) => ruleToRow(organizationId, r)),
        );
        const published = await this.publish(organizationId, actor, note ?? `Rollback to version ${number}`, { rollbackOf: number, allowUnchanged: true });
        await this.transactions.afterCommit(() => this.runtime.sync());
        return published;
      },
      { timeout: 30_000 },
    );
  }

  /** What changed between two versions (or a version and the draft): every part that can change a decision. */
  async diff(organizationId: string, from: number, to: number | 'draft'): Promise<PolicyDiffOutput> {
    const a = await this.snapshotOf(organizationId, from);
    const b = to === 'draft' ? await this.repo.draftSnapshot(organizationId) : await this.snapshotOf(organizationId, to);
    return diffSnapshots(a, b, from, to, await this.repo.dataClassLabels(organizationId));
  }

  private async snapshotOf(organizationId: string, number: number): Promise<PolicySnapshot> {
    const v = await this.repo.findVersion(organizationId, number);
    if (!v) throw AppError.notFound(`Policy version ${number}`);
    return v.snapshot;
  }

  /** The same request under the draft and under the published policy, side by side. */
  async simulate(organizationId: string, request: DecisionRequestInput) {
    const draftSnapshot = await this.repo.draftSnapshot(organizationId);
    const draft = this.compileOr400(organizationId, 0, snapshotHash(draftSnapshot), draftSnapshot);
    const published = this.runtime.get(organizationId);
    // The answer /v1/decisions would give (libs/decision-core toDecisionResponse), less what only a
    // logged decision has (ids, address source, TTL, time).
    const run = (p: CompiledPolicy) => {
      const { effect, reasons, provider, destination, networkZones, dataClasses, findings, redactedText, redactedClasses } = toDecisionResponse(decide(p, request), {
        action: request.action,
        ipSource: 'none',
        policyVersion: p.version,
        decisionTtlSeconds: 0,
        evaluatedAt: '',
      });
      return {
        effect,
        reasons,
        provider,
        destination,
        networkZones,
        dataClasses,
        findings,
        ...(redactedText !== undefined ? { redactedText } : {}),
        ...(redactedClasses !== undefined ? { redactedClasses } : {}),
      };
    };
    const draftResult = run(draft);
    const publishedResult = published ? run(published) : null;
    return {
      draft: draftResult,
      published: publishedResult ? { ...publishedResult, policyVersion: published!.version } : null,
      differs: !publishedResult || publishedResult.effect !== draftResult.effect || JSON.stringify(publishedResult.reasons) !== JSON.stringify(draftResult.reasons),
      warnings: draft.evaluator.warnings.map((w) => ({ path: [...w.path], message: w.message })),
    } satisfies SimulateOutput;
  }

  /**
   * Impact preview: replays the draft against the last `limit` logged decisions (their provider or
   * host, action, channel, zones, groups and data classes: content is never stored, so classes
   * stand in for it) and reports which answers would change and how.
   */
  async impact(organizationId: string, limit: number) {
    const draftSnapshot = await this.repo.draftSnapshot(organizationId);
    const draft = this.compileOr400(organizationId, 0, snapshotHash(draftSnapshot), draftSnapshot);
    const logs = await this.repo.recentDecisions(organizationId, limit);
    const transitions = new Map<string, number>();
    const ruleGains = new Map<string, number>();
    const ruleLosses = new Map<string, number>();
    const byProvider = new Map<string, { changed: number; total: number }>();
    const examples: { decisionId: string; time: Date; destination: string; action: ImpactOutput['examples'][number]['action']; before: Effect; after: Effect; ruleIds: string[] }[] = [];
    let changed = 0;
    for (const log of logs) {
      const decision: Decision = draft.evaluator.evaluate({
        action: log.action,
        destination: log.providerSlug ? { provider: log.providerSlug } : { host: log.destinationHost ?? '' },
        subject: { groups: log.subjectGroups },
        context: { ...(log.channel ? { channel: log.channel as Channel } : {}), networkZones: log.networkZones },
        dataClasses: log.dataClasses,
      });
      const dest = log.providerSlug ?? log.destinationHost ?? '(none)';
      const p = byProvider.get(dest) ?? { changed: 0, total: 0 };
      p.total += 1;
      const newIds = decision.reasons.map((r) => r.ruleId);
      for (const id of newIds) if (!log.ruleIds.includes(id)) ruleGains.set(id, (ruleGains.get(id) ?? 0) + 1);
      for (const id of log.ruleIds) if (!newIds.includes(id)) ruleLosses.set(id, (ruleLosses.get(id) ?? 0) + 1);
      if (decision.effect !== log.effect) {
        changed += 1;
        p.changed += 1;
        const key = `${log.effect}->${decision.effect}`;
        transitions.set(key, (transitions.get(key) ?? 0) + 1);
        if (examples.length < 50) {
          examples.push({ decisionId: log.id, time: log.time, destination: dest, action: log.action, before: log.effect, after: decision.effect, ruleIds: newIds });
        }
      }
      byProvider.set(dest, p);
    }
    const sortDesc = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
    return {
      replayed: logs.length,
      changed,
      unchanged: logs.length - changed,
      from: logs.at(-1)?.time.toISOString() ?? null,
      to: logs[0]?.time.toISOString() ?? null,
      transitions: sortDesc(transitions).map(([k, count]) => {
        const [before, after] = k.split('->') as [Effect, Effect];
        return { before, after, count };
      }),
      rulesNewlyMatching: sortDesc(ruleGains).map(([ruleId, count]) => ({ ruleId, count })),
      rulesNoLongerMatching: sortDesc(ruleLosses).map(([ruleId, count]) => ({ ruleId, count })),
      byDestination: [...byProvider]
        .filter(([, v]) => v.changed > 0)
        .sort((a, b) => b[1].changed - a[1].changed)
        .slice(0, 20)
        .map(([destination, v]) => ({ destination, ...v })),
      examples: examples.map((e) => ({ ...e, time: e.time.toISOString() })),
    } satisfies ImpactOutput;
  }

  // Draft rules: audited like every simple resource (AuditedCrud) ------------------------------

  createRule(organizationId: string, actor: Actor, input: RuleInput) {
    return this.rules.create(organizationId, actor, input);
  }

  updateRule(organizationId: string, actor: Actor, id: string, input: Partial<RuleInput>) {
    return this.rules.update(organizationId, actor, id, input);
  }

  deleteRule(organizationId: string, actor: Actor, id: string) {
    return this.rules.remove(organizationId, actor, id);
  }

  listRules(...args: Parameters<PolicyRepository['listRules']>) {
    return this.repo.listRules(...args);
  }

  getRule(organizationId: string, id: string) {
    return this.rules.get(organizationId, id);
  }

  // Versions (read) ------------------------------------------------------------------------------

  /** The version in force, the one this instance serves, and (for staff) whether the draft differs. */
  async status(organizationId: string, withDraft: boolean) {
    const latest = await this.repo.latestVersion(organizationId);
    const draftChanged = latest && withDraft ? !(await this.diff(organizationId, latest.number, 'draft')).unchanged : null;
    return { latest, servingVersion: this.runtime.get(organizationId)?.version ?? null, draftChanged };
  }

  /** The draft against the version in force: what a publish would change. */
  async draftDiff(organizationId: string) {
    const latest = await this.repo.latestVersion(organizationId);
    if (!latest) throw AppError.notFound('Published policy');
    return this.diff(organizationId, latest.number, 'draft');
  }

  listVersions(...args: Parameters<PolicyRepository['listVersions']>) {
    return this.repo.listVersions(...args);
  }

  async getVersion(organizationId: string, id: string) {
    const v = await this.repo.findVersionById(organizationId, id);
    if (!v) throw AppError.notFound('Policy version');
    return v;
  }

  /** Version `id` against `against` (a number or the draft; by default the version before it). */
  async versionDiff(organizationId: string, id: string, against: number | 'draft' | undefined) {
    const v = await this.getVersion(organizationId, id);
    if (against === 'draft') return this.diff(organizationId, v.number, 'draft');
    const from = against ?? v.number - 1;
    if (from < 1) return this.diff(organizationId, v.number, v.number);
    return this.diff(organizationId, from, v.number);
  }
}
