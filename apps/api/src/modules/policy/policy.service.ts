import { Injectable } from '@nestjs/common';
import type { DecisionRequestInput, ImpactOutput, PolicyDiffOutput, RuleImpactInput, RuleImpactOutput, RuleInput, SimulateOutput } from '@airlock/contracts';
import { toDecisionResponse } from '@airlock/decision-core';
import { compilePolicy, type Evaluator, PolicyCompileError, type PolicyRule as EngineRule } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import { TimeSlice } from '../../common/time-slice';
import { Transactions } from '../../database/transactions';
import type { PolicyRule, Prisma } from '../../generated/prisma/client';
import { AuditedCrud } from '../directory/audited-crud';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { WebhooksService } from '../webhooks/webhooks.service';
import { decide } from '../decisions/decide';
import { type CompiledPolicy, compileSnapshot } from './compiled-policy';
import { ImpactReplay, type ReplayedLog, RuleReplay, ruleReplayLimitations } from './impact-replay';
import { diffSnapshots } from './policy-diff';
import { PolicyRepository } from './policy.repository';
import { PolicyRuntime } from './policy-runtime.service';
import { type PolicySnapshot, ruleToRow, sameSnapshot, snapshotHash } from './policy-snapshot';

export interface PublishedVersion {
  id: string;
  number: number;
  contentHash: string;
  note: string;
  authorLabel: string;
  createdAt: Date;
  rollbackOf: number | null;
}

/** The impact replays let other requests in at least this often (see PolicyService.replayRecent). */
const REPLAY_SLICE_MS = 5;

/** Publishing, versions, diffs, the simulator and the impact preview. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly repo: PolicyRepository,
    private readonly runtime: PolicyRuntime,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly webhooks: WebhooksService,
  ) {
    this.rules = new AuditedCrud<PolicyRule>(transactions, audit, { type: 'PolicyRule', label: 'Rule', action: 'rule' }, {
      find: (organizationId, id) => repo.findRule(organizationId, id),
      create: (organizationId, data) => repo.createRule({ ...(data as Prisma.PolicyRuleUncheckedCreateInput), organizationId }),
      update: (organizationId, id, data) => repo.updateRule(organizationId, id, data as Prisma.PolicyRuleUncheckedUpdateInput),
      remove: (organizationId, id) => repo.deleteRule(organizationId, id),
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
    opts: {
      rollbackOf?: number;
      allowUnchanged?: boolean;
      amendPublished?: (published: PolicySnapshot) => PolicySnapshot;
      /** What the `policy.published` webhook says caused it (a rollback says so by `rollbackOf`). */
      cause?: 'block_now' | 'catalog_release';
    } = {},
  ): Promise<PublishedVersion> {
    const version = await this.transactions.run(async () => {
      await this.repo.lockPublishing(organizationId);
      const latest = await this.repo.latestVersion(organizationId);
      // amendPublished (Block now): the version in force with one change, whatever state the draft is in.
      const published = opts.amendPublished && latest ? await this.repo.findVersion(organizationId, latest.number) : null;
      // The directory (groups, data classes) is in force as it is, whatever is published: recorded as it is now.
      const snapshot = published
        ? { ...opts.amendPublished!(published.snapshot), directory: await this.repo.draftDirectory(organizationId) }
        : await this.repo.draftSnapshot(organizationId);
      const hash = snapshotHash(snapshot);
      if (latest && !opts.allowUnchanged && (latest.contentHash === hash || (await this.sameAsVersion(organizationId, latest.number, snapshot)))) {
        throw AppError.conflict(`Nothing to publish: the draft is identical to version ${latest.number}`);
      }
      const number = (latest?.number ?? 0) + 1;
      const compiled = this.compileOr400(organizationId, number, hash, snapshot);
      const version = await this.repo.createVersion({
        organizationId,
        number,
        contentHash: hash,
        rules: snapshot.rules as unknown as Prisma.InputJsonValue,
        catalog: snapshot.catalog as unknown as Prisma.InputJsonValue,
        zones: snapshot.zones as unknown as Prisma.InputJsonValue,
        detectors: snapshot.detectors as unknown as Prisma.InputJsonValue,
        settings: snapshot.settings as unknown as Prisma.InputJsonValue,
        directory: snapshot.directory as unknown as Prisma.InputJsonValue,
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
      await this.webhooks.policyPublished(organizationId, actor, version, opts.rollbackOf ? 'rollback' : (opts.cause ?? 'publish'), {
        rules: snapshot.rules.length,
        services: snapshot.catalog.length,
        blockedServices: snapshot.catalog.filter((p) => p.status === 'blocked').length,
        zones: snapshot.zones.length,
      });
      await this.repo.notifyPublished(organizationId, number);
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
   * Whether `snapshot` holds what version `number` holds, the directory compared only when the version
   * recorded it (a version published before then has a hash without it).
   */
  private async sameAsVersion(organizationId: string, number: number, snapshot: PolicySnapshot): Promise<boolean> {
    const v = await this.repo.findVersion(organizationId, number);
    return v ? sameSnapshot(v.snapshot, snapshot) : false;
  }

  /**
   * Publishes version `number`'s rules again as a new version, and makes them the draft. The
   * catalog, zones and detectors stay as they are now: an emergency block is never undone by a
   * rules rollback (docs/architecture.md).
   */
  async rollback(organizationId: string, actor: Actor, number: number, note?: string): Promise<PublishedVersion> {
    return this.transactions.run(
      async () => {
        const old = await this.repo.findVersion(organizationId, number);
        if (!old) throw AppError.notFound(`Policy version ${number}`);
        await this.repo.replaceRules(
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
    const text = request.content?.text;
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
        // what a detector found but the decision did not count, and why (never part of /v1/decisions)
        notCounted: text && p.inspector ? p.inspector.explain(text).notCounted : [],
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
   * Impact preview: the published policy and the draft replayed over the same logged decisions (the
   * newest `limit` of the window; their service or host, action, channel, zones, groups and data
   * classes: content is never stored, so classes stand in for it), reporting only where the two
   * answers differ, by effect, rule, AI service and group, and what the log cannot tell
   * (impact-replay.ts).
   */
  async impact(organizationId: string, input: { limit: number; since?: string; until?: string }): Promise<ImpactOutput> {
    const draftSnapshot = await this.repo.draftSnapshot(organizationId);
    const draft = this.compileOr400(organizationId, 0, snapshotHash(draftSnapshot), draftSnapshot);
    const latest = await this.repo.latestVersion(organizationId);
    let published: CompiledPolicy | null = null;
    if (latest) {
      const serving = this.runtime.get(organizationId);
      if (serving && serving.version === latest.number) published = serving;
      else {
        const v = await this.repo.findVersion(organizationId, latest.number);
        if (v) published = this.compileOr400(organizationId, v.number, v.contentHash, v.snapshot);
      }
    }
    const since = input.since ? new Date(input.since) : undefined;
    const until = input.until ? new Date(input.until) : undefined;
    const replay = new ImpactReplay(published, draft);
    const truncated = await this.replayRecent(organizationId, input.limit, { since, until }, (log) => replay.add(log));
    return replay.result({
      against: published?.version ?? null,
      window: { since: since?.toISOString() ?? null, until: until?.toISOString() ?? null },
      truncated,
      classLabels: await this.repo.dataClassLabels(organizationId),
    });
  }

  /**
   * The rule editor's impact count: the newest `limit` logged decisions replayed under the draft
   * with one rule as it is being edited (in place of `replaces`, or added) and without it, counting
   * the decisions it matches and those whose effect it changes, and for an edit those the edit
   * changes from the draft as saved (impact-replay.ts replayRule). Only
   * the policy engine is compiled: the log holds data classes, never text. A rule that does not
   * compile is a 400 naming each problem by its place in the rule (`when.noneOf.groups.0`).
   */
  async ruleImpact(organizationId: string, input: RuleImpactInput): Promise<RuleImpactOutput> {
    const snapshot = await this.repo.draftSnapshot(organizationId);
    if (input.replaces !== undefined && !snapshot.rules.some((r) => r.id === input.replaces)) throw AppError.notFound(`Rule ${input.replaces}`);
    const others = snapshot.rules.filter((r) => r.id !== input.replaces);
    const taken = new Set(others.map((r) => r.id));
    let id = input.replaces ?? 'rule-being-edited';
    for (let n = 2; taken.has(id); n++) id = `rule-being-edited-${n}`;
    const rule: EngineRule = { id, priority: 0, enabled: true, when: input.conditions, unless: input.exceptions, effect: input.effect, message: 'The rule being edited' };
    const at = others.length;
    const settings = { restrictedJurisdictions: snapshot.settings.restrictedJurisdictions };
    const inRule = (path: readonly (string | number)[]) => (path[0] === 'rules' && path[1] === at ? path.slice(2) : path).join('.');
    let withRule: Evaluator;
    let without: Evaluator;
    let saved: Evaluator | null = null;
    try {
      withRule = compilePolicy([...others, rule], snapshot.catalog, snapshot.zones, settings);
      without = compilePolicy(others, snapshot.catalog, snapshot.zones, settings);
      if (input.replaces !== undefined) saved = compilePolicy(snapshot.rules, snapshot.catalog, snapshot.zones, settings);
    } catch (err) {
      if (err instanceof PolicyCompileError) {
        throw AppError.validation(
          err.problems.map((i) => ({ path: inRule(i.path), message: i.message })),
          'The rule does not compile',
        );
      }
      throw err;
    }
    const replay = new RuleReplay(without, withRule, id, saved ? { saved, edited: input.enabled ? withRule : without } : null);
    const truncated = await this.replayRecent(organizationId, input.limit, {}, (log) => replay.add(log));
    return {
      ...replay.result(),
      truncated,
      warnings: withRule.warnings.filter((w) => w.path[0] === 'rules' && w.path[1] === at).map((w) => ({ path: inRule(w.path), message: w.message })),
      limitations: ruleReplayLimitations(rule, this.runtime.get(organizationId)?.evaluator ?? null, await this.repo.dataClassLabels(organizationId)),
    };
  }

  /**
   * Hands the newest `limit` logged decisions of the window to `add`, newest first, read a page at a
   * time and letting other requests in every REPLAY_SLICE_MS (tens of thousands of decisions
   * replayed two or three times each would otherwise hold the worker, and the decisions it answers,
   * for most of a second). True when the window held more than `limit`.
   */
  private async replayRecent(organizationId: string, limit: number, window: { since?: Date; until?: Date }, add: (log: ReplayedLog) => void): Promise<boolean> {
    const slice = new TimeSlice(REPLAY_SLICE_MS);
    let left = limit;
    for await (const page of this.repo.recentDecisions(organizationId, limit + 1, window)) {
      for (const log of page) {
        if (left === 0) return true;
        add(log);
        left -= 1;
        if (slice.due()) await slice.pause();
      }
    }
    return false;
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
