/**
 * The dashboard's period, kept in the URL (`/?period=7d`, `/?from=…&to=…`) so a reload, the back
 * button or a shared link show the same figures. Presets are whole UTC days (`days=N`) except the
 * last 24 hours; a custom period is two instants.
 */
export const PERIOD_PRESETS = ['24h', '7d', '30d', '90d'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export type Period = { preset: PeriodPreset } | { preset: 'custom'; from: string; to: string };

export const DEFAULT_PERIOD: Period = { preset: '30d' };

export function periodFrom(params: URLSearchParams): Period {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to))) return { preset: 'custom', from, to };
  const p = params.get('period');
  return (PERIOD_PRESETS as readonly string[]).includes(p ?? '') ? { preset: p as PeriodPreset } : DEFAULT_PERIOD;
}

export function periodParams(p: Period): Record<string, string> {
  return p.preset === 'custom' ? { from: p.from, to: p.to } : p.preset === DEFAULT_PERIOD.preset ? {} : { period: p.preset };
}

/** The API's query for a period; `now` for the last 24 hours (fixed when the period was chosen). */
export function periodQuery(p: Period, now: number): string {
  if (p.preset === 'custom') return new URLSearchParams({ from: p.from, to: p.to }).toString();
  if (p.preset === '24h') return new URLSearchParams({ from: new Date(now - 24 * 3_600_000).toISOString(), to: new Date(now).toISOString() }).toString();
  return `days=${parseInt(p.preset, 10)}`;
}

/** The Activity page's since/until for the period the API answered (its `to` is exclusive, Activity's `until` inclusive). */
export function activityPeriod(from: string, to: string): { since: string; until: string } {
  return { since: from, until: new Date(Date.parse(to) - 1).toISOString() };
}

/** The incident list filtered to the incidents reported in the period (and more). */
export function incidentsLink(from: string, to: string, more: Record<string, unknown> = {}): string {
  return `/incidents?filter=${encodeURIComponent(JSON.stringify({ reportedSince: from, reportedUntil: to, ...more }))}`;
}
