import { Injectable } from '@nestjs/common';
import type { DashboardOutput, OverrideRatesOutput } from '@airlock/contracts';
import { DiscoveryService } from '../discovery/discovery.service';
import { DashboardRepository } from './dashboard.repository';
import { OverrideRatesRepository } from './override-rates.repository';

const OPEN = ['new', 'triaged', 'investigating', 'contained'] as const;

/**
 * The console's dashboard. Decision figures come from the hourly rollups the log writer maintains,
 * so the cost does not grow with the decision log; incident figures from the incidents table.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: DashboardRepository,
    private readonly overrides: OverrideRatesRepository,
    private readonly discovery: DiscoveryService,
  ) {}

  /**
   * Override rates: of the warnings shown (by the extension or another local evaluator that
   * reports them), how many people continued past with a reason; per service and per group.
   */
  async overrideRates(organizationId: string, days: number): Promise<OverrideRatesOutput> {
    const since = windowStart(days);
    const [services, groups] = await Promise.all([this.overrides.byService(organizationId, since), this.overrides.byGroup(organizationId, since)]);
    const names = new Map((await this.overrides.providerNames(organizationId, services.map((s) => s.slug).filter((s) => s && !s.startsWith('host:')))).map((p) => [p.slug, p.name]));
    const rate = (warned: number, overridden: number) => (warned === 0 ? 0 : Math.round((overridden / warned) * 1000) / 1000);
    const totals = { warned: 0, overridden: 0 };
    const byService = services.map((s) => {
      const warned = Number(s.warned);
      const overridden = Number(s.overridden);
      totals.warned += warned;
      totals.overridden += overridden;
      return { slug: s.slug, name: names.get(s.slug) ?? (s.slug.replace(/^host:/, '') || 'unknown'), warned, overridden, rate: rate(warned, overridden) };
    });
    const byGroup = groups.map((g) => ({ group: g.group, warned: Number(g.warned), overridden: Number(g.overridden), rate: rate(Number(g.warned), Number(g.overridden)) }));
    return { days, totals: { ...totals, rate: rate(totals.warned, totals.overridden) }, byService, byGroup };
  }

  async summary(organizationId: string, days: number): Promise<DashboardOutput> {
    const since = windowStart(days);
    const [byDay, top, classes, openBySeverity, nearDeadline, times, totals, discovered] = await Promise.all([
      this.repo.decisionsByDay(organizationId, since),
      this.repo.topProviders(organizationId, since),
      this.repo.dataClasses(organizationId, since),
      this.repo.openIncidentsBySeverity(organizationId, OPEN),
      this.repo.incidentsNearDeadline(organizationId, [...OPEN, 'resolved'], new Date(Date.now() + 24 * 3_600_000)),
      this.repo.responseTimes(organizationId),
      this.repo.totalsByEffect(organizationId, since),
      // The AI services seen in imported logs (discovery), shown beside the decided ones and marked as such.
      this.discovery.topServices(organizationId, days),
    ]);
    const names = new Map((await this.repo.providers(organizationId, top.map((t) => t.slug).filter((s) => !s.startsWith('host:')))).map((p) => [p.slug, p]));
    const days_: Record<string, { day: string; allow: number; warn: number; redact: number; block: number }> = {};
    for (let i = days - 1; i >= 0; i--) {
      const d = new Date(Date.now() - i * 86_400_000).toISOString().slice(0, 10);
      days_[d] = { day: d, allow: 0, warn: 0, redact: 0, block: 0 };
    }
    for (const r of byDay) {
      const d = r.day.toISOString().slice(0, 10);
      const entry = days_[d];
      if (entry) entry[r.effect as 'allow'] = Number(r.n);
    }
    const countOf = (effect: string) => Number(totals.find((t) => t.effect === effect)?.n ?? 0);
    const totalsByEffect = { allow: countOf('allow'), warn: countOf('warn'), redact: countOf('redact'), block: countOf('block') };
    const now = Date.now();
    return {
      days,
      totals: { decisions: Object.values(totalsByEffect).reduce((a, b) => a + b, 0), ...totalsByEffect },
      decisionsByDay: Object.values(days_),
      topProviders: top.map((t) => {
        const p = names.get(t.slug);
        return {
          slug: t.slug,
          name: p?.name ?? t.slug.replace(/^host:/, ''),
          status: p?.status ?? 'unknown',
          total: Number(t.total),
          blocked: Number(t.blocked ?? 0),
          warned: Number(t.warned ?? 0),
          redacted: Number(t.redacted ?? 0),
        };
      }),
      discoveredServices: discovered.map((d) => ({ ...d, source: 'discovery' as const })),
      dataClasses: classes.map((c) => ({ dataClass: c.dataClass, count: Number(c.n), blockedOrRedacted: Number(c.blocked ?? 0) })),
      incidents: {
        openBySeverity: Object.fromEntries(['low', 'medium', 'high', 'critical'].map((s) => [s, openBySeverity.find((o) => o.severity === s)?._count._all ?? 0])),
        nearDeadline: nearDeadline.map((i) => ({
          ...i,
          notificationDeadline: i.notificationDeadline!.toISOString(),
          overdue: i.notificationDeadline!.getTime() < now,
          hoursLeft: Math.round((i.notificationDeadline!.getTime() - now) / 360_000) / 10,
        })),
        mttaHours: times[0]?.mtta ?? null,
        mttrHours: times[0]?.mttr ?? null,
      },
    };
  }
}

/**
 * The first instant of a dashboard window of `days` days: midnight UTC `days - 1` days ago, so the
 * window is whole UTC days up to now, today included, as the chart's days and the discovered
 * services count them. Whole days also because the rollups of the days before yesterday are kept
 * one row per day (the daily upkeep merges their hours).
 */
export function windowStart(days: number, now = Date.now()): Date {
  return new Date(Math.floor(now / 86_400_000) * 86_400_000 - (days - 1) * 86_400_000);
}
