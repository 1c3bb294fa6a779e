import { Inject, Injectable } from '@nestjs/common';
import type { DashboardOutput, DashboardPeriodQuery, OnboardingChecklistOutput, OverrideRatesOutput } from '@airlock/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor } from '../auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { DiscoveryService } from '../discovery/discovery.service';
import { bucketKey, type DashboardPeriod, periodBuckets, resolvePeriod } from './dashboard-period';
import { DashboardRepository } from './dashboard.repository';
import { OnboardingRepository } from './onboarding.repository';
import { OverrideRatesRepository } from './override-rates.repository';

export { windowStart } from './dashboard-period';

const OPEN = ['new', 'triaged', 'investigating', 'contained'] as const;

/**
 * The console's dashboard. Decision figures come from the hourly rollups the log writer maintains,
 * so the cost does not grow with the decision log; incident figures from the incidents table.
 * Every figure covers the chosen period (dashboard-period.ts) but the deadlines list, which is
 * what is due now.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: DashboardRepository,
    private readonly overrides: OverrideRatesRepository,
    private readonly onboarding: OnboardingRepository,
    private readonly discovery: DiscoveryService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The period of a request (400 when invalid). */
  period(q: DashboardPeriodQuery, now = Date.now()): DashboardPeriod {
    return resolvePeriod(q, now, this.config.decisionLogRetentionDays);
  }

  /**
   * Override rates: of the warnings shown (by the extension or another local evaluator that
   * reports them), how many people continued past with a reason; per service and per group.
   */
  async overrideRates(organizationId: string, p: DashboardPeriod): Promise<OverrideRatesOutput> {
    const [services, groups] = await Promise.all([this.overrides.byService(organizationId, p.from, p.to), this.overrides.byGroup(organizationId, p.from, p.to)]);
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
    return { days: p.days, totals: { ...totals, rate: rate(totals.warned, totals.overridden) }, byService, byGroup };
  }

  async summary(organizationId: string, p: DashboardPeriod, now = new Date()): Promise<DashboardOutput> {
    const { from, to } = p;
    const [overTime, top, classes, openBySeverity, nearDeadline, figures, totals, discovered] = await Promise.all([
      this.repo.decisionsOverTime(organizationId, from, to, p.granularity),
      this.repo.topProviders(organizationId, from, to),
      this.repo.dataClasses(organizationId, from, to),
      this.repo.openIncidentsBySeverity(organizationId, OPEN, from, to),
      this.repo.incidentsNearDeadline(organizationId, [...OPEN, 'resolved'], new Date(now.getTime() + 24 * 3_600_000)),
      this.repo.incidentFigures(organizationId, OPEN, from, to, now),
      this.repo.totalsByEffect(organizationId, from, to),
      // The AI services seen in imported logs (discovery), shown beside the decided ones and marked as such.
      this.discovery.topServices(organizationId, from, new Date(to.getTime() - 1)),
    ]);
    const names = new Map((await this.repo.providers(organizationId, top.map((t) => t.slug).filter((s) => !s.startsWith('host:')))).map((pr) => [pr.slug, pr]));
    const buckets: Record<string, { day: string; allow: number; warn: number; redact: number; block: number }> = {};
    for (const key of periodBuckets(p)) buckets[key] = { day: key, allow: 0, warn: 0, redact: 0, block: 0 };
    for (const r of overTime) {
      const entry = buckets[bucketKey(r.bucket, p.granularity)];
      if (entry) entry[r.effect as 'allow'] = Number(r.n);
    }
    const countOf = (effect: string) => Number(totals.find((t) => t.effect === effect)?.n ?? 0);
    const totalsByEffect = { allow: countOf('allow'), warn: countOf('warn'), redact: countOf('redact'), block: countOf('block') };
    const f = figures[0];
    const round1 = (h: number | null | undefined) => (h === null || h === undefined ? null : Math.round(h * 10) / 10);
    const nowMs = now.getTime();
    return {
      days: p.days,
      from: from.toISOString(),
      to: to.toISOString(),
      granularity: p.granularity,
      totals: { decisions: Object.values(totalsByEffect).reduce((a, b) => a + b, 0), ...totalsByEffect },
      decisionsByDay: Object.values(buckets),
      topProviders: top.map((t) => {
        const pr = names.get(t.slug);
        return {
          slug: t.slug,
          name: pr?.name ?? t.slug.replace(/^host:/, ''),
          status: pr?.status ?? 'unknown',
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
          overdue: i.notificationDeadline!.getTime() < nowMs,
          hoursLeft: Math.round((i.notificationDeadline!.getTime() - nowMs) / 360_000) / 10,
        })),
        mttaHours: f?.mtta ?? null,
        mttrHours: f?.mttr ?? null,
        period: {
          reported: Number(f?.reported ?? 0),
          open: Number(f?.open ?? 0),
          overdue: Number(f?.overdue ?? 0),
          resolved: Number(f?.resolved ?? 0),
          medianHoursToResolve: round1(f?.medianResolve),
          notified: Number(f?.notified ?? 0),
          medianHoursToNotify: round1(f?.medianNotify),
        },
      },
    };
  }

  /** A new organization's first steps, each from its data; `done` once all are. */
  async checklist(organizationId: string): Promise<OnboardingChecklistOutput> {
    const f = await this.onboarding.facts(organizationId);
    const items: OnboardingChecklistOutput['items'] = [
      { key: 'catalog', done: f.underReview === 0, count: f.underReview },
      { key: 'zones', done: f.zones > 0, count: f.zones },
      { key: 'sso', done: f.ssoConfigured, count: null },
      { key: 'apiKey', done: f.apiKeys > 0, count: f.apiKeys },
      { key: 'extension', done: f.extensionSeen > 0, count: null },
      { key: 'policy', done: f.published > 0, count: f.published },
    ];
    return { items, done: items.every((i) => i.done), dismissed: f.dismissedAt !== null };
  }

  /** Hides (or shows again) the checklist for everyone of the organization; audited. */
  async setChecklistDismissed(organizationId: string, actor: Actor, dismissed: boolean): Promise<OnboardingChecklistOutput> {
    await this.onboarding.setDismissed(organizationId, dismissed ? new Date() : null);
    await this.audit.record({ organizationId, actor, action: dismissed ? 'onboarding.dismiss' : 'onboarding.restore', entityType: 'Organization', entityId: organizationId });
    return this.checklist(organizationId);
  }
}
