import { canonicalJson } from '@airlock/policy-engine';
import type { AuditChangeOutput } from '@airlock/contracts';

/** Most changes one event lists; an event whose snapshots differ in more says so (`truncated`). */
export const AUDIT_CHANGES_MAX = 200;
/** Deeper than this, a nested value is compared as a whole. */
const MAX_DEPTH = 12;

export interface AuditDiff {
  changes: AuditChangeOutput[];
  truncated: boolean;
}

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);
const absent = (v: unknown) => v === null || v === undefined;
const same = (a: unknown, b: unknown) => a === b || canonicalJson(a ?? null) === canonicalJson(b ?? null);
const keyOf = (v: unknown) => canonicalJson(v ?? null);

/** A list of objects that all carry an `id` (string or number) is matched item by item on it. */
function identities(list: unknown[]): string[] | null {
  const ids: string[] = [];
  for (const item of list) {
    if (!isPlain(item) || (typeof item.id !== 'string' && typeof item.id !== 'number')) return null;
    ids.push(String(item.id));
  }
  return new Set(ids).size === ids.length ? ids : null;
}

/**
 * The readable difference between an audit event's before and after snapshots: one entry per field
 * that differs, nested objects flattened to paths, lists as the items added and removed (lists of
 * objects with an `id` are matched on it and compared field by field). A created object (no before)
 * lists every field as added, a deleted one every field as removed. Pure: no I/O, no clock.
 */
export function auditDiff(before: unknown, after: unknown, max = AUDIT_CHANGES_MAX): AuditDiff {
  const changes: AuditChangeOutput[] = [];
  let truncated = false;
  const push = (c: AuditChangeOutput) => {
    if (changes.length >= max) truncated = true;
    else changes.push(c);
  };

  // Each node is compared once: objects field by field down to their leaves, lists as a whole once
  // (canonical JSON of each side), never a whole subtree again at every level below it (that made a
  // batch of large snapshots — a policy with its rules — take seconds of CPU in the CSV export).
  const walk = (b: unknown, a: unknown, path: string[]): void => {
    if (truncated || b === a) return;
    if (absent(b) && absent(a)) return;
    const deep = path.length < MAX_DEPTH;
    // Objects (or an object against nothing): field by field.
    if (deep && (isPlain(b) || absent(b)) && (isPlain(a) || absent(a))) {
      const bo = (b ?? {}) as Plain;
      const ao = (a ?? {}) as Plain;
      // Own keys only: `constructor` or `toString` (a data class key, say) is a field like any other.
      const own = (o: Plain, k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
      const keys = [...Object.keys(bo), ...Object.keys(ao).filter((k) => !Object.hasOwn(bo, k))];
      for (const k of keys) walk(own(bo, k), own(ao, k), [...path, k]);
      return;
    }
    // Lists (or a list against nothing).
    if ((Array.isArray(b) || absent(b)) && (Array.isArray(a) || absent(a))) {
      const bl = (b ?? []) as unknown[];
      const al = (a ?? []) as unknown[];
      if (bl.length === 0 && al.length === 0) return;
      const bIds = identities(bl);
      const aIds = identities(al);
      if (deep && bIds && aIds) {
        const afterAt = new Map(aIds.map((id, i) => [id, i]));
        const beforeIds = new Set(bIds);
        const removed = bl.filter((_, i) => !afterAt.has(bIds[i]!));
        const added = al.filter((_, i) => !beforeIds.has(aIds[i]!));
        if (added.length || removed.length) push({ path, kind: 'list', added, removed });
        bl.forEach((item, i) => {
          const j = afterAt.get(bIds[i]!);
          if (j !== undefined) walk(item, al[j], [...path, bIds[i]!]);
        });
        return;
      }
      const beforeKeys = bl.map(keyOf);
      const afterKeys = al.map(keyOf);
      if (beforeKeys.length === afterKeys.length && beforeKeys.every((k, i) => k === afterKeys[i])) return;
      const beforeSet = new Set(beforeKeys);
      const afterSet = new Set(afterKeys);
      const added = al.filter((_, i) => !beforeSet.has(afterKeys[i]!));
      const removed = bl.filter((_, i) => !afterSet.has(beforeKeys[i]!));
      // Same items in another order (or another count of duplicates): the list as a whole.
      push(added.length || removed.length ? { path, kind: 'list', added, removed } : { path, kind: 'changed', before: bl, after: al });
      return;
    }
    if (same(b, a)) return;
    if (absent(b)) push({ path, kind: 'added', after: a });
    else if (absent(a)) push({ path, kind: 'removed', before: b });
    else push({ path, kind: 'changed', before: b, after: a });
  };

  walk(before, after, []);
  return { changes, truncated };
}

/** A value of a change in one line: text as it is, anything else as JSON. */
export function changeValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The changes in one line of text for the CSV export: `status: allowed → blocked; tags: +a, -b`. */
export function changesText(diff: AuditDiff): string {
  const parts = diff.changes.map((c) => {
    const name = c.path.join('.') || '(value)';
    switch (c.kind) {
      case 'added':
        return `${name}: set to ${changeValue(c.after)}`;
      case 'removed':
        return `${name}: cleared (was ${changeValue(c.before)})`;
      case 'changed':
        return `${name}: ${changeValue(c.before)} → ${changeValue(c.after)}`;
      case 'list':
        return `${name}: ${[...(c.added ?? []).map((v) => `+${changeValue(v)}`), ...(c.removed ?? []).map((v) => `-${changeValue(v)}`)].join(', ')}`;
    }
  });
  if (diff.truncated) parts.push('…');
  return parts.join('; ');
}
