import { AppError } from '../../common/errors';
import { periodBuckets, resolvePeriod, windowStart } from './dashboard-period';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-12-05T04:37:12.000Z');

describe('dashboard period', () => {
  it('takes `days` as whole UTC days up to the next hour, today included', () => {
    const p = resolvePeriod({ days: 7 }, NOW, 400);
    expect(p.from.toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-12-05T05:00:00.000Z');
    expect(p.granularity).toBe('day');
    expect(periodBuckets(p)).toHaveLength(7);
    expect(windowStart(1, NOW).toISOString()).toBe('2026-12-05T00:00:00.000Z');
  });

  it('shows hours for two days or less, snapped to the hour', () => {
    const p = resolvePeriod({ from: new Date(NOW - DAY).toISOString(), to: new Date(NOW).toISOString() }, NOW, 400);
    expect(p.granularity).toBe('hour');
    expect(p.from.toISOString()).toBe('2026-12-04T04:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-12-05T05:00:00.000Z');
    expect(periodBuckets(p)).toHaveLength(25);
    expect(periodBuckets(p)[0]).toBe('2026-12-04T04:00:00.000Z');
  });

  it('defaults to the 30 days before `to`, never past now', () => {
    const p = resolvePeriod({ to: new Date(NOW + 10 * DAY).toISOString() }, NOW, 0);
    expect(p.to.toISOString()).toBe('2026-12-05T05:00:00.000Z');
    expect(p.from.toISOString()).toBe('2026-11-15T00:00:00.000Z');
  });

  it.each([
    [{ days: 7, from: '2026-12-01T00:00:00Z' }, /either/],
    [{ from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }, /from must be before to/],
    [{ from: '2025-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, /at most 366 days/],
    [{ from: '2026-06-01T00:00:00Z', to: '2026-07-01T00:00:00Z' }, /retention \(100 days\)/],
  ])('refuses %j', (q, message) => {
    let err: unknown;
    try {
      resolvePeriod(q, NOW, 100);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation_failed');
    expect((err as AppError).message).toMatch(message);
  });

  it('keeps everything when the retention is 0 (keep forever), up to a year and a day', () => {
    expect(resolvePeriod({ days: 366 }, NOW, 0).days).toBeGreaterThanOrEqual(366);
  });
});
