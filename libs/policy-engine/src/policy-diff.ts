import type { PolicyRule } from './types';

export interface FieldChange {
  /** `effect`, `when.dataClasses`, `unless[1].providerStatus`, ... */
  path: string;
  /** undefined: the field was not set. */
  before: unknown;
  after: unknown;
}

export interface RuleChange {
  id: string;
  fields: FieldChange[];
}

export interface PolicyDiff {
  /** Rules in `b` whose id is not in `a`, in `b`'s order. */
  added: PolicyRule[];
  /** Rules in `a` whose id is not in `b`, in `a`'s order. */
  removed: PolicyRule[];
  /** Rules in both whose content differs, in `b`'s order. */
  changed: RuleChange[];
}

/** Rule fields in the order people read them; other keys follow alphabetically. */
const FIELD_ORDER = ['priority', 'enabled', 'description', 'when', 'unless', 'effect', 'message', 'guidanceUrl'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

function orderedKeys(a: Record<string, unknown>, b: Record<string, unknown>, top: boolean): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const rank = (k: string): number => (top && FIELD_ORDER.includes(k) ? FIELD_ORDER.indexOf(k) : FIELD_ORDER.length);
  return keys.sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * Appends the differences between two values. Objects are compared key by key, lists of objects
 * (the `unless` exceptions) item by item; any other list is one value, shown whole before and after.
 */
function diffValue(before: unknown, after: unknown, path: string, out: FieldChange[], top = false): void {
  if (deepEqual(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of orderedKeys(before, after, top)) {
      if (top && key === 'id') continue;
      diffValue(before[key], after[key], path === '' ? key : `${path}.${key}`, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && (before.some(isPlainObject) || after.some(isPlainObject))) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) diffValue(before[i] as unknown, after[i] as unknown, `${path}[${i}]`, out);
    return;
  }
  out.push({ path, before, after });
}

/** What changed between two versions of a policy, rule by rule (matched by id). */
export function diffPolicies(a: readonly PolicyRule[], b: readonly PolicyRule[]): PolicyDiff {
  const before = new Map(a.map((r) => [r.id, r]));
  const after = new Map(b.map((r) => [r.id, r]));
  const changed: RuleChange[] = [];
  for (const rule of b) {
    const old = before.get(rule.id);
    if (old === undefined) continue;
    const fields: FieldChange[] = [];
    diffValue(old, rule, '', fields, true);
    if (fields.length > 0) changed.push({ id: rule.id, fields });
  }
  return {
    added: b.filter((r) => !before.has(r.id)),
    removed: a.filter((r) => !after.has(r.id)),
    changed,
  };
}
