import type { TranslateFunction as Translate } from 'react-admin';

/** `createdAt` → "Created at", `ssoGroups` → "Sso groups", `block_now` → "Block now": the fallback when en.ts has no better word. */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

/** An instant as the API writes it (ISO 8601 with a time): shown in the reader's time. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An action in words from the one table (en.ts `airlock.audit.actions`), e.g. "Rule updated". */
export function actionLabel(t: Translate, action: string): string {
  return t(`airlock.audit.actions.${action}`, { _: humanize(action) });
}

/** What an event is about in words, e.g. "Network zone". */
export function entityTypeLabel(t: Translate, entityType: string): string {
  return t(`airlock.audit.entities.${entityType}`, { _: humanize(entityType) });
}

/** One segment of a change's path in words; a list item's id (a UUID) shortened. */
export function fieldLabel(t: Translate, segment: string): string {
  if (UUID.test(segment)) return segment.slice(0, 8);
  if (/^\d+$/.test(segment)) return segment;
  return t(`airlock.audit.fields.${segment}`, { _: humanize(segment) });
}

/** A changed field's path in words: "Conditions › Data classes". */
export function pathLabel(t: Translate, path: readonly string[]): string {
  return path.length ? path.map((s) => fieldLabel(t, s)).join(' › ') : t('airlock.audit.wholeValue');
}

/** A value of a change in one line: text as it is, yes/no, nothing as a dash, anything else as JSON. */
export function valueText(t: Translate, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return t(v ? 'airlock.audit.yes' : 'airlock.audit.no');
  if (typeof v === 'string') return INSTANT.test(v) && !Number.isNaN(Date.parse(v)) ? new Date(v).toLocaleString() : v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}
