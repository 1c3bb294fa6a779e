import type { DashboardPeriodQuery } from '@airlock/contracts';
import { AppError } from '../../common/errors';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The longest period the dashboard sums: a year and a day (the rollups are kept per day). */
export const MAX_PERIOD_DAYS = 366;
/** Up to two days the chart shows hours (the rollups keep hours for today and yesterday), days beyond. */
const HOURLY_UP_TO = 2 * DAY;

export interface DashboardPeriod {
  from: Date;
  to: Date;
  /** Whole days the period spans (rounded up): the discovery summary and older clients read it. */
  days: number;
  granularity: 'hour' | 'day';
}

/**
 * The first instant of a dashboard window of `days` days: midnight UTC `days - 1` days ago, so the
 * window is whole UTC days up to now, today included, as the chart's days and the discovered
 * services count them. Whole days also because the rollups of the days before yesterday are kept
 * one row per day (the daily upkeep merges their hours).
 */
export function windowStart(days: number, now = Date.now()): Date {
  return new Date(Math.floor(now / DAY) * DAY - (days - 1) * DAY);
}

/**
 * The period of a dashboard request: `days` (whole UTC days up to now) or `from`-`to`. Snapped to
 * what the rollups can tell apart (the hour; the day when the chart shows days), so every figure
 * sums the same buckets. A 400 for a period that ends before it starts, is longer than a year or
 * starts before the decision log's retention (its figures would silently be partial).
 */
export function resolvePeriod(q: DashboardPeriodQuery, now: number, retentionDays: number): DashboardPeriod {
  if (q.days !== undefined && (q.from !== undefined || q.to !== undefined)) {
    throw AppError.validation([{ path: 'days', message: 'cannot be combined with from/to: give either the number of days or a from/to range' }]);
  }
  let from: number;
  let to: number;
  if (q.days !== undefined) {
    from = windowStart(q.days, now).getTime();
    to = now;
  } else {
    to = q.to ? Date.parse(q.to) : now;
    from = q.from ? Date.parse(q.from) : to - 30 * DAY;
  }
  if (from >= to) throw AppError.validation([{ path: 'from', message: 'must be before to' }]);
  const hourly = to - from <= HOURLY_UP_TO;
  const unit = hourly ? HOUR : DAY;
  from = Math.floor(from / unit) * unit;
  to = Math.min(Math.ceil(to / HOUR) * HOUR, Math.ceil(now / HOUR) * HOUR);
  if (to <= from) to = from + unit;
  if (to - from > MAX_PERIOD_DAYS * DAY + DAY) throw AppError.validation([{ path: 'from', message: `the period can be at most ${MAX_PERIOD_DAYS} days long` }]);
  if (retentionDays > 0 && from < windowStart(retentionDays, now).getTime()) {
    throw AppError.validation([{ path: 'from', message: `is before the decision log's retention (${retentionDays} days): choose a later start` }]);
  }
  return { from: new Date(from), to: new Date(to), days: Math.max(1, Math.ceil((to - from) / DAY)), granularity: hourly ? 'hour' : 'day' };
}

/** The chart's buckets of a period: each hour or UTC day from `from` up to `to`. */
export function periodBuckets(p: DashboardPeriod): string[] {
  const unit = p.granularity === 'hour' ? HOUR : DAY;
  const out: string[] = [];
  for (let t = Math.floor(p.from.getTime() / unit) * unit; t < p.to.getTime(); t += unit) out.push(bucketKey(new Date(t), p.granularity));
  return out;
}

/** "2026-12-01" for a day, "2026-12-01T13:00:00.000Z" for an hour. */
export function bucketKey(d: Date, granularity: 'hour' | 'day'): string {
  return granularity === 'day' ? d.toISOString().slice(0, 10) : d.toISOString();
}
