import { EFFECT_RANK } from './effect';
import type { Decision, DecisionReason, Effect, PolicyRule, ReasonException } from './types';

/**
 * A time-limited exception an admin granted: for one person (by e-mail) or one group, on one
 * service (catalog provider slug) or any, for one data class or any, until `expiresAt`.
 *
 * The person is named either in clear (`subjectEmail`, as the server holds it) or by the salted
 * hash the bundle's directory uses (`subjectKey`, libs/sdk subjectKey), so the bundle does not list
 * who holds an exception in clear; `compileExceptions` is told how to key an e-mail.
 */
export interface PolicyException {
  id: string;
  subjectEmail?: string;
  subjectKey?: string;
  subjectGroup?: string;
  /** Provider slug; null: any service. */
  provider: string | null;
  /** Data class id; null: any class (and rules that test no data class). */
  dataClass: string | null;
  reason: string;
  /** ISO date-time. An expired exception lifts nothing, whether or not it was reloaded since. */
  expiresAt: string;
}

/** Who a decision is about, as the evaluator saw it (groups from the directory and the client). */
export interface ExceptionSubject {
  email?: string;
  groups?: readonly string[];
}

interface Entry {
  grant: ReasonException;
  expiresAtMs: number;
  provider: string | null;
  dataClass: string | null;
}

/** The exceptions of one organization, indexed by person and group, ready for `apply`. */
export interface CompiledExceptions {
  readonly size: number;
  /**
   * The decision with every non-allow reason that a matching, unexpired exception covers turned
   * into `allow` (with `exception` saying which), and the effect recomputed from the rest. The
   * decision is returned unchanged (the same object) when nothing applies.
   *
   * A reason is covered when the exception's service is the decision's provider (or any) and:
   * the rule tests data classes: every class of the request the rule names is covered by an
   * exception of that class or of any class; the rule tests none (a blocked service, an upload
   * rule): an exception of any class covers it.
   */
  apply(decision: Decision, subject: ExceptionSubject | undefined, rules: readonly PolicyRule[], nowMs: number): Decision;
  /** The earliest expiry of the exceptions in force at `nowMs` (ms), or null when none is. */
  nextExpiry(nowMs: number): number | null;
}

const EMPTY: readonly Entry[] = Object.freeze([]);

/** Lower-cased, trimmed e-mail: how the server keys a person. */
export function plainEmailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Compiles a list of exceptions. `keyOfEmail` turns a subject's e-mail into the key exceptions name
 * people by: the plain lower-cased address on the server, the bundle's salted hash in local
 * evaluation. Exceptions with neither person nor group, or an unreadable expiry, are skipped.
 */
export function compileExceptions(list: readonly PolicyException[], keyOfEmail: (email: string) => string = plainEmailKey): CompiledExceptions {
  const byPerson = new Map<string, Entry[]>();
  const byGroup = new Map<string, Entry[]>();
  const all: Entry[] = [];
  for (const e of list) {
    const expiresAtMs = Date.parse(e.expiresAt);
    if (!Number.isFinite(expiresAtMs)) continue;
    const entry: Entry = {
      grant: Object.freeze({ id: e.id, expiresAt: new Date(expiresAtMs).toISOString(), reason: e.reason, effect: 'allow' as Effect }),
      expiresAtMs,
      provider: e.provider ? e.provider.toLowerCase() : null,
      dataClass: e.dataClass ? e.dataClass.toLowerCase() : null,
    };
    const person = e.subjectKey ?? (e.subjectEmail ? keyOfEmail(e.subjectEmail) : undefined);
    if (person !== undefined) push(byPerson, person, entry);
    else if (e.subjectGroup) push(byGroup, e.subjectGroup.toLowerCase(), entry);
    else continue;
    all.push(entry);
  }
  const namedClasses = new WeakMap<readonly PolicyRule[], Map<string, readonly string[]>>();
  const classesOfRules = (rules: readonly PolicyRule[]) => {
    let m = namedClasses.get(rules);
    if (!m) {
      m = new Map(rules.map((r) => [r.id, Object.freeze((r.when.dataClasses ?? []).map((c) => c.toLowerCase()))]));
      namedClasses.set(rules, m);
    }
    return m;
  };

  return {
    size: all.length,
    nextExpiry(nowMs) {
      let min: number | null = null;
      for (const e of all) if (e.expiresAtMs > nowMs && (min === null || e.expiresAtMs < min)) min = e.expiresAtMs;
      return min;
    },
    apply(decision, subject, rules, nowMs) {
      if (all.length === 0 || decision.effect === 'allow' || !subject) return decision;
      const provider = decision.provider?.slug.toLowerCase() ?? null;
      const candidates: Entry[] = [];
      const consider = (entries: readonly Entry[] | undefined) => {
        for (const e of entries ?? EMPTY) {
          if (e.expiresAtMs <= nowMs) continue;
          if (e.provider !== null && e.provider !== provider) continue;
          candidates.push(e);
        }
      };
      if (subject.email) consider(byPerson.get(keyOfEmail(subject.email)));
      for (const g of subject.groups ?? []) consider(byGroup.get(g.toLowerCase()));
      if (candidates.length === 0) return decision;

      const named = classesOfRules(rules);
      const present = new Set(decision.dataClasses.map((c) => c.toLowerCase()));
      const kept: DecisionReason[] = [];
      const lifted: DecisionReason[] = [];
      for (const r of decision.reasons) {
        if (r.effect === 'allow') {
          kept.push(r);
          continue;
        }
        const classes = (named.get(r.ruleId) ?? []).filter((c) => present.has(c));
        const grant = covering(candidates, classes);
        if (!grant) {
          kept.push(r);
          continue;
        }
        lifted.push(
          Object.freeze({
            ruleId: r.ruleId,
            effect: 'allow' as const,
            message: r.message,
            ...(r.guidanceUrl !== undefined ? { guidanceUrl: r.guidanceUrl } : {}),
            exception: Object.freeze({ ...grant.grant, effect: r.escalated ? ('redact' as const) : r.effect }),
          }),
        );
      }
      if (lifted.length === 0) return decision;
      let effect: Effect = 'allow';
      for (const r of kept) if (EFFECT_RANK[r.effect] > EFFECT_RANK[effect]) effect = r.effect;
      // The evaluator's result is a fresh object per call (only its parts are shared).
      decision.effect = effect;
      decision.reasons = Object.freeze([...kept, ...lifted]);
      return decision;
    },
  };
}

/**
 * The exception that lifts a rule matching these classes, or null. No classes: one of any class.
 * Several classes: each must be covered; the grant reported is the one that ends first (when it
 * expires the rule applies again).
 */
function covering(candidates: readonly Entry[], classes: readonly string[]): Entry | null {
  if (classes.length === 0) return latest(candidates.filter((e) => e.dataClass === null));
  let first: Entry | null = null;
  for (const c of classes) {
    const best = latest(candidates.filter((e) => e.dataClass === null || e.dataClass === c));
    if (!best) return null;
    if (!first || best.expiresAtMs < first.expiresAtMs) first = best;
  }
  return first;
}

function latest(entries: readonly Entry[]): Entry | null {
  let out: Entry | null = null;
  for (const e of entries) if (!out || e.expiresAtMs > out.expiresAtMs) out = e;
  return out;
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
