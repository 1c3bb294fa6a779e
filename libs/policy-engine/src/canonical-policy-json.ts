import { DEFAULT_POLICY_SETTINGS } from './default-policy';
import type { PolicyRule, PolicySettings } from './types';

/** JSON with object keys sorted at every level; undefined members dropped (as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) as string | undefined;
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * The policy as one canonical JSON string, for content hashing by the API: keys sorted at every
 * level, rules ordered by priority then id (the order rows come back in does not change the hash),
 * everything else (including the order of values in a list) kept as written.
 */
export function canonicalPolicyJson(rules: readonly PolicyRule[], settings: PolicySettings = DEFAULT_POLICY_SETTINGS): string {
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return canonicalJson({ rules: ordered, settings });
}
