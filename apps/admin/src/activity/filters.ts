/**
 * The Activity page's filters live in the URL (`/activity?effect=block&service=deepseek`), so the
 * dashboard, the unknown destinations list and the search link straight to a filtered view, and a
 * filtered view can be bookmarked or shared. The names are the API's (GET /api/activity).
 */
export const ACTIVITY_FILTERS = ['since', 'until', 'effect', 'action', 'service', 'host', 'rule', 'dataClass', 'zone', 'group', 'subject', 'channel', 'apiClient', 'source'] as const;
export type ActivityFilterName = (typeof ACTIVITY_FILTERS)[number];
export type ActivityFilters = Partial<Record<ActivityFilterName, string>>;

export function filtersFrom(params: URLSearchParams): ActivityFilters {
  const f: ActivityFilters = {};
  for (const k of ACTIVITY_FILTERS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function queryOf(f: ActivityFilters): string {
  const p = new URLSearchParams();
  for (const k of ACTIVITY_FILTERS) if (f[k]) p.set(k, f[k]!);
  return p.toString();
}

/** A link to the Activity page with these filters. */
export function activityLink(f: ActivityFilters): string {
  const q = queryOf(f);
  return q ? `/activity?${q}` : '/activity';
}

/** The start of the dashboard's period (`days` back from now), as the API's `since`. */
export function sinceDays(days: number, now = Date.now()): string {
  return new Date(now - days * 86_400_000).toISOString();
}

/** One UTC day of the dashboard's chart ("2026-12-01") as a since/until pair. */
export function dayRange(day: string): { since: string; until: string } {
  const start = new Date(`${day}T00:00:00.000Z`);
  return { since: start.toISOString(), until: new Date(start.getTime() + 86_400_000 - 1).toISOString() };
}

/** The dashboard's rollups name a destination outside the catalog `host:<host>`. */
export function serviceFilter(slug: string): ActivityFilters {
  return slug.startsWith('host:') ? { host: slug.slice(5) } : { service: slug };
}

/** An ISO instant as the value of an <input type="datetime-local"> (local time, minutes). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
