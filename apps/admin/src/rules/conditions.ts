import { CONDITION_BOOLEAN_KEYS, CONDITION_LIST_KEYS, type ConditionBooleanKey, type ConditionKey, type ConditionListKey, type ConditionsShape } from '@airlock/contracts/rule-conditions';

/**
 * A conditions block as the rule editor shows it: one row per condition in use, "field | is any of /
 * is none of | values" for a list, "field | is | yes / no" for a boolean. Pure: the form keeps the
 * block (`conditions`, each of `exceptions`) and these functions read and write it.
 */

export type Conditions = ConditionsShape;
export type ListOperator = 'any' | 'none';

export type ConditionRow = { kind: 'list'; key: ConditionListKey; op: ListOperator; values: string[] } | { kind: 'boolean'; key: ConditionBooleanKey; value: boolean };

export const isListKey = (key: string): key is ConditionListKey => (CONDITION_LIST_KEYS as readonly string[]).includes(key);
export const isBooleanKey = (key: string): key is ConditionBooleanKey => (CONDITION_BOOLEAN_KEYS as readonly string[]).includes(key);

/** A row's place in the block: `any:providers`, `none:providers`, `is:zeroRetentionOffer`. */
export function slotOf(row: ConditionRow): string {
  return row.kind === 'list' ? `${row.op}:${row.key}` : `is:${row.key}`;
}

/**
 * The rows of a block, in the order given by `order` (slots), then the others in reading order.
 * Lists that are present are rows even when empty (a row just added, no value picked yet).
 */
export function rowsOf(block: Conditions | null | undefined, order: readonly string[] = []): ConditionRow[] {
  const rows: ConditionRow[] = [];
  const c = block ?? {};
  for (const key of CONDITION_LIST_KEYS) {
    const any = c[key];
    if (Array.isArray(any)) rows.push({ kind: 'list', key, op: 'any', values: any });
    const none = c.noneOf?.[key];
    if (Array.isArray(none)) rows.push({ kind: 'list', key, op: 'none', values: none });
  }
  for (const key of CONDITION_BOOLEAN_KEYS) {
    const v = c[key];
    if (typeof v === 'boolean') rows.push({ kind: 'boolean', key, value: v });
  }
  const rank = (row: ConditionRow) => {
    const i = order.indexOf(slotOf(row));
    return i === -1 ? order.length : i;
  };
  return rows.map((row, i) => [row, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([row]) => row);
}

/** The block the rows say (empty lists kept: the form drops them when it saves, see cleanConditions). */
export function blockOf(rows: readonly ConditionRow[]): Conditions {
  const out: Conditions = {};
  const noneOf: NonNullable<Conditions['noneOf']> = {};
  for (const row of rows) {
    if (row.kind === 'boolean') out[row.key] = row.value;
    else if (row.op === 'any') out[row.key] = row.values;
    else noneOf[row.key] = row.values;
  }
  if (Object.keys(noneOf).length > 0) out.noneOf = noneOf;
  return out;
}

/** The slots a row could move to: its own, and every one no other row uses. */
export function freeSlots(rows: readonly ConditionRow[], own: ConditionRow | null): Set<string> {
  const used = new Set(rows.filter((r) => r !== own).map(slotOf));
  const free = new Set<string>();
  for (const key of CONDITION_LIST_KEYS) for (const op of ['any', 'none'] as const) if (!used.has(`${op}:${key}`)) free.add(`${op}:${key}`);
  for (const key of CONDITION_BOOLEAN_KEYS) if (!used.has(`is:${key}`)) free.add(`is:${key}`);
  return free;
}

/** A new row for `key`: "is any of" (else "is none of" when that is taken), no values; a boolean starts at yes. */
export function newRow(key: ConditionKey, rows: readonly ConditionRow[]): ConditionRow | null {
  const free = freeSlots(rows, null);
  if (isBooleanKey(key)) return free.has(`is:${key}`) ? { kind: 'boolean', key, value: true } : null;
  if (free.has(`any:${key}`)) return { kind: 'list', key, op: 'any', values: [] };
  if (free.has(`none:${key}`)) return { kind: 'list', key, op: 'none', values: [] };
  return null;
}

/** The fields that can still get a row. */
export function addableKeys(rows: readonly ConditionRow[]): ConditionKey[] {
  return [...CONDITION_LIST_KEYS, ...CONDITION_BOOLEAN_KEYS].filter((key) => newRow(key, rows) !== null);
}

/** Drops unset conditions (empty lists, an empty noneOf): an empty list means the same as unset. */
export function cleanConditions(raw: unknown): Conditions {
  const out: Conditions = {};
  if (!raw || typeof raw !== 'object') return out;
  const c = raw as Record<string, unknown>;
  const none = (c.noneOf && typeof c.noneOf === 'object' ? c.noneOf : {}) as Record<string, unknown>;
  const noneOf: NonNullable<Conditions['noneOf']> = {};
  for (const k of CONDITION_LIST_KEYS) {
    const v = c[k];
    if (Array.isArray(v) && v.length > 0) out[k] = v as string[];
    const n = none[k];
    if (Array.isArray(n) && n.length > 0) noneOf[k] = n as string[];
  }
  for (const k of CONDITION_BOOLEAN_KEYS) {
    const v = c[k];
    if (typeof v === 'boolean') out[k] = v;
  }
  if (Object.keys(noneOf).length > 0) out.noneOf = noneOf;
  return out;
}

/** The form's record as the API takes it: clean conditions, exceptions that are not empty groups. */
export function transformRule(data: Record<string, unknown>) {
  const exceptions = Array.isArray(data.exceptions) ? data.exceptions.map(cleanConditions).filter((e) => Object.keys(e).length > 0) : [];
  const out: Record<string, unknown> = {
    ...data,
    conditions: cleanConditions(data.conditions),
    exceptions,
    guidanceUrl: data.guidanceUrl ? data.guidanceUrl : null,
    description: data.description ? data.description : null,
  };
  for (const k of ['id', 'createdAt', 'updatedAt']) delete out[k];
  return out;
}
