import type { ImpactOutput, RuleImpactOutput } from '@airlock/contracts';
import { type Channel, type Conditions, type Decision, type Evaluator, NO_MATCH_RULE_ID, type PolicyRule } from '@airlock/policy-engine';
import type { DecisionAction as Action, Effect } from '../../generated/prisma/enums';
import type { PolicySnapshot } from './policy-snapshot';

/** A logged decision as the replay reads it: metadata only (the log never stores content). */
export interface ReplayedLog {
  id: string;
  time: Date;
  providerSlug: string | null;
  destinationHost: string | null;
  action: Action;
  channel: string | null;
  networkZones: string[];
  subjectGroups: string[];
  dataClasses: string[];
}

/** One side of the replay: the compiled evaluator and the snapshot it was compiled from. */
export interface ReplaySide {
  evaluator: Evaluator;
  snapshot: PolicySnapshot;
}

export interface ReplayOptions {
  /** The published version (null: none yet; the draft is then compared with "no policy": allow). */
  against: number | null;
  window: { since: string | null; until: string | null };
  /** The window held more decisions than `logs` (the newest were read). */
  truncated: boolean;
  /** Data class names by key, for the limitations' plain words. */
  classLabels?: ReadonlyMap<string, string>;
}

const MAX_EXAMPLES = 50;
const MAX_ROWS = 20;

/**
 * The same request a logged decision was, as far as the log tells: destination (the service when
 * one was resolved, else the host, so a domain the draft adds to the catalog is found), action,
 * channel, the zones it was in, the groups and the data classes. No account type is logged: the
 * request states none.
 */
export function requestOf(log: ReplayedLog) {
  return {
    action: log.action,
    destination: log.providerSlug ? { provider: log.providerSlug } : { host: log.destinationHost ?? '' },
    subject: { groups: log.subjectGroups },
    context: { ...(log.channel ? { channel: log.channel as Channel } : {}), networkZones: log.networkZones },
    dataClasses: log.dataClasses,
  };
}

const NO_POLICY: Decision['reasons'] = [];

/** The rules a decision matched ("no rule matched" is not a rule). */
const ruleIdsOf = (reasons: Decision['reasons']) => reasons.map((r) => r.ruleId).filter((id) => id !== NO_MATCH_RULE_ID);

/**
 * Replays `published` and `draft` over the same logged decisions and reports only where their
 * answers differ: the effect each decision had when it was made plays no part, so a change already
 * in force (a Block now since) is not counted as the draft's. Pure: no clock, no database. Fed one
 * logged decision at a time, newest first (`add`), so the caller reads the log in pages and lets
 * other work in between (PolicyService.replayRecent); `result` reports on what was added.
 */
export class ImpactReplay {
  private readonly names: Map<string, string>;
  private readonly transitions = new Transitions();
  private readonly ruleGains = new Map<string, number>();
  private readonly ruleLosses = new Map<string, number>();
  private readonly byDestination = new Map<string, { changed: number; total: number }>();
  private readonly byGroup = new Map<string | null, { changed: number; total: number }>();
  private readonly examples: ImpactOutput['examples'] = [];
  private readonly span = new Span();

  constructor(
    private readonly published: ReplaySide | null,
    private readonly draft: ReplaySide,
  ) {
    this.names = new Map(draft.snapshot.catalog.map((p) => [p.slug, p.name]));
    for (const p of published?.snapshot.catalog ?? []) if (!this.names.has(p.slug)) this.names.set(p.slug, p.name);
  }

  add(log: ReplayedLog): void {
    this.span.add(log);
    const request = requestOf(log);
    const after = this.draft.evaluator.evaluate(request);
    const before = this.published ? this.published.evaluator.evaluate(request) : null;
    const beforeEffect: Effect = before?.effect ?? 'allow';
    const beforeIds = ruleIdsOf(before?.reasons ?? NO_POLICY);
    const afterIds = ruleIdsOf(after.reasons);
    for (const id of afterIds) if (!beforeIds.includes(id)) bump(this.ruleGains, id);
    for (const id of beforeIds) if (!afterIds.includes(id)) bump(this.ruleLosses, id);
    const differs = after.effect !== beforeEffect;
    const dest = log.providerSlug ?? log.destinationHost ?? '';
    // A host outside the published catalog that the draft's catalog covers is named by the draft.
    if (!this.names.has(dest) && after.provider) this.names.set(dest, after.provider.name);
    let d = this.byDestination.get(dest);
    if (!d) this.byDestination.set(dest, (d = { changed: 0, total: 0 }));
    d.total += 1;
    const groups = log.subjectGroups.length ? new Set(log.subjectGroups) : [null];
    for (const g of groups) {
      let row = this.byGroup.get(g);
      if (!row) this.byGroup.set(g, (row = { changed: 0, total: 0 }));
      row.total += 1;
      if (differs) row.changed += 1;
    }
    if (!differs) return;
    d.changed += 1;
    this.transitions.add(beforeEffect, after.effect);
    if (this.examples.length < MAX_EXAMPLES) {
      this.examples.push({
        decisionId: log.id,
        time: log.time.toISOString(),
        destination: dest,
        name: this.names.get(dest) ?? dest,
        action: log.action,
        groups: log.subjectGroups,
        before: beforeEffect,
        after: after.effect,
        ruleIds: afterIds,
        publishedRuleIds: beforeIds,
      });
    }
  }

  result(opts: ReplayOptions): ImpactOutput {
    const sortDesc = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const affected = <K>(m: Map<K, { changed: number; total: number }>) =>
      [...m].filter(([, v]) => v.changed > 0).sort((a, b) => b[1].changed - a[1].changed || b[1].total - a[1].total).slice(0, MAX_ROWS);
    const changed = this.transitions.total;
    return {
      against: opts.against,
      window: opts.window,
      replayed: this.span.count,
      changed,
      unchanged: this.span.count - changed,
      truncated: opts.truncated,
      from: this.span.from,
      to: this.span.to,
      transitions: this.transitions.list(),
      rulesNewlyMatching: sortDesc(this.ruleGains).map(([ruleId, count]) => ({ ruleId, count })),
      rulesNoLongerMatching: sortDesc(this.ruleLosses).map(([ruleId, count]) => ({ ruleId, count })),
      byDestination: affected(this.byDestination).map(([destination, v]) => ({ destination, name: this.names.get(destination) ?? destination, ...v })),
      byGroup: affected(this.byGroup).map(([group, v]) => ({ group, ...v })),
      examples: this.examples,
      limitations: replayLimitations(this.published, this.draft, opts.classLabels ?? new Map()),
    };
  }
}

/** ImpactReplay over a list of logged decisions, newest first. */
export function replayImpact(published: ReplaySide | null, draft: ReplaySide, logs: readonly ReplayedLog[], opts: ReplayOptions): ImpactOutput {
  const replay = new ImpactReplay(published, draft);
  for (const log of logs) replay.add(log);
  return replay.result(opts);
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** How many decisions were replayed and the time of the first added (`to`, the newest) and the last (`from`). */
class Span {
  count = 0;
  private first: Date | null = null;
  private last: Date | null = null;
  add(log: ReplayedLog): void {
    this.first ??= log.time;
    this.last = log.time;
    this.count += 1;
  }
  get from(): string | null {
    return this.last?.toISOString() ?? null;
  }
  get to(): string | null {
    return this.first?.toISOString() ?? null;
  }
}

/** Counts effect transitions ("allow->block"), most frequent first. */
class Transitions {
  private readonly counts = new Map<string, number>();
  total = 0;
  add(before: Effect, after: Effect): void {
    const key = `${before}->${after}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += 1;
  }
  list(): { before: Effect; after: Effect; count: number }[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, count]) => {
        const [before, after] = k.split('->') as [Effect, Effect];
        return { before, after, count };
      });
  }
}

/**
 * One rule's part in the answers: the logged decisions replayed under the draft with the rule
 * (`withRule`, where its id is `ruleId`, enabled) and, where it matches, under the draft without it
 * (`without`; where it does not match, both answer the same): the decisions it matches and those
 * whose effect it changes. With `edit`, also the decisions whose effect the edit changes: the draft
 * as saved against the draft as edited (the rule's own enabled switch included), which counts what
 * a loosened rule gives back too. Pure and fed one decision at a time, like ImpactReplay.
 */
export class RuleReplay {
  private matched = 0;
  private readonly changed = new Transitions();
  private readonly edited = new Transitions();
  private readonly span = new Span();

  constructor(
    private readonly without: Evaluator,
    private readonly withRule: Evaluator,
    private readonly ruleId: string,
    private readonly edit: { saved: Evaluator; edited: Evaluator } | null = null,
  ) {}

  add(log: ReplayedLog): void {
    this.span.add(log);
    const request = requestOf(log);
    const after = this.withRule.evaluate(request);
    if (this.edit) {
      const saved = this.edit.saved.evaluate(request).effect;
      const now = this.edit.edited === this.withRule ? after.effect : this.edit.edited.evaluate(request).effect;
      if (saved !== now) this.edited.add(saved, now);
    }
    if (!after.reasons.some((r) => r.ruleId === this.ruleId)) return;
    this.matched += 1;
    const before = this.without.evaluate(request).effect;
    if (before !== after.effect) this.changed.add(before, after.effect);
  }

  result(): Pick<RuleImpactOutput, 'replayed' | 'matched' | 'changed' | 'transitions' | 'edit' | 'from' | 'to'> {
    return {
      replayed: this.span.count,
      matched: this.matched,
      changed: this.changed.total,
      transitions: this.changed.list(),
      edit: this.edit ? { changed: this.edited.total, transitions: this.edited.list() } : null,
      from: this.span.from,
      to: this.span.to,
    };
  }
}

const enabledConditions = (rules: readonly PolicyRule[]): Conditions[] => rules.filter((r) => r.enabled).flatMap((r) => [r.when, ...(r.unless ?? [])]);
const ACCOUNT_TYPE_NOT_LOGGED = 'The account type (personal, work, API) is not logged: replayed decisions state none, so rules on account types see an unknown account.';
const CLASSES_NOT_DETECTED =
  'Text is only inspected for the data classes the policy in force looks at, and never stored: decisions were logged without these classes unless a client stated them or a file name implied them, so rules on them are undercounted.';

/** A conditions block tests the account type (any-of or none-of). */
const testsAccountType = (c: Conditions) => Boolean(c.accountTypes?.length || c.noneOf?.accountTypes?.length);

/**
 * What the replay cannot take into account, because the decision log does not store it: said in
 * plain words with the names concerned, so the preview is not read as more certain than it is.
 */
export function replayLimitations(published: ReplaySide | null, draft: ReplaySide, classLabels: ReadonlyMap<string, string>): ImpactOutput['limitations'] {
  const out: ImpactOutput['limitations'] = [];
  if (!published) {
    out.push({ code: 'no_published_policy', message: 'Nothing is published yet: the draft is compared with allowing everything.', items: [] });
  }
  const conditions = [...enabledConditions(draft.snapshot.rules), ...enabledConditions(published?.snapshot.rules ?? [])];
  const accountRules = [...new Set([...draft.snapshot.rules, ...(published?.snapshot.rules ?? [])].filter((r) => r.enabled && [r.when, ...(r.unless ?? [])].some(testsAccountType)).map((r) => r.id))].sort();
  if (conditions.some(testsAccountType)) {
    out.push({
      code: 'account_type',
      message: ACCOUNT_TYPE_NOT_LOGGED,
      items: accountRules,
    });
  }
  if (published) {
    const before = new Map(published.snapshot.zones.map((z) => [z.name, [...z.cidrs].sort().join(',')]));
    const after = new Map(draft.snapshot.zones.map((z) => [z.name, [...z.cidrs].sort().join(',')]));
    const zones = [...new Set([...before.keys(), ...after.keys()])].filter((n) => before.get(n) !== after.get(n)).sort();
    if (zones.length) {
      out.push({
        code: 'zone_addresses',
        message: 'Addresses are not logged: decisions keep the zones they were made in, so changes to the networks of these zones are not replayed.',
        items: zones,
      });
    }
    const undetected = [...draft.evaluator.classesReferenced].filter((c) => !published.evaluator.classesReferenced.has(c)).sort();
    if (undetected.length) {
      out.push({
        code: 'classes_not_detected',
        message: CLASSES_NOT_DETECTED,
        items: undetected.map((c) => classLabels.get(c) ?? c),
      });
    }
    const key = (d: PolicySnapshot['detectors'][number]) => JSON.stringify([d.kind, d.dataClass, d.patterns, d.caseSensitive, d.wholeWord, d.enabled]);
    const oldDetectors = new Map(published.snapshot.detectors.map((d) => [d.name, key(d)]));
    const newDetectors = new Map(draft.snapshot.detectors.map((d) => [d.name, key(d)]));
    const detectors = [...new Set([...oldDetectors.keys(), ...newDetectors.keys()])].filter((n) => oldDetectors.get(n) !== newDetectors.get(n)).sort();
    if (detectors.length) {
      out.push({
        code: 'detectors_changed',
        message: 'Text is never stored, so what changed custom detectors would find in past requests cannot be replayed: decisions keep the data classes found when they were made.',
        items: detectors,
      });
    }
  }
  return out;
}

/** The data classes a rule looks at (any-of and none-of, in `when` and `unless`), in lower case. */
function classesOf(rule: PolicyRule): string[] {
  const out = new Set<string>();
  for (const c of [rule.when, ...(rule.unless ?? [])]) for (const dc of [...(c.dataClasses ?? []), ...(c.noneOf?.dataClasses ?? [])]) out.add(dc.toLowerCase());
  return [...out].sort();
}

/**
 * What the replay of one rule cannot take into account (replayRule): the account type when the
 * rule tests it, and the classes it looks at that the policy in force did not, so were never looked
 * for in the text of the logged decisions.
 */
export function ruleReplayLimitations(rule: PolicyRule, published: Evaluator | null, classLabels: ReadonlyMap<string, string>): RuleImpactOutput['limitations'] {
  const out: RuleImpactOutput['limitations'] = [];
  if ([rule.when, ...(rule.unless ?? [])].some(testsAccountType)) out.push({ code: 'account_type', message: ACCOUNT_TYPE_NOT_LOGGED, items: [] });
  const undetected = classesOf(rule).filter((c) => !published?.classesReferenced.has(c));
  if (undetected.length) out.push({ code: 'classes_not_detected', message: CLASSES_NOT_DETECTED, items: undetected.map((c) => classLabels.get(c) ?? c) });
  return out;
}
