import { GatewayTrafficCard } from '../admin/gateway';
import { Alert, Box, Card, CardContent, Chip, Grid, Link as MuiLink, List, ListItem, ListItemText, Stack, Typography, useTheme } from '@mui/material';
import { useMemo, type ReactNode } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { activityLink, dayRange, serviceFilter } from '../activity/filters';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { errorMessage } from '../api/http';
import { SeverityChip } from '../common/chips';
import { useApi } from '../common/hooks';
import { useDataClassLabel } from '../common/labels';
import { OverrideRatesCard } from './OverrideRates';
import { OnboardingChecklist } from './OnboardingChecklist';
import { PeriodPicker } from './PeriodPicker';
import { activityPeriod, incidentsLink, periodFrom, periodParams, periodQuery, type Period } from './period';
import { DeadlineCountdown } from '../incidents/Deadline';
import { EFFECTS, INCIDENT_SEVERITIES, type IncidentSeverity } from '@airlock/contracts/constants';
import type { DashboardOutput } from '@airlock/contracts/types';

type DashboardData = DashboardOutput;

const OPEN = ['new', 'triaged', 'investigating', 'contained'];

/** A bucket of the chart (a UTC day, or an hour of a period of two days or less) as an Activity since/until. */
function bucketRange(bucket: string, granularity: 'hour' | 'day'): { since: string; until: string } {
  if (granularity === 'day') return dayRange(bucket);
  const start = new Date(bucket);
  return { since: start.toISOString(), until: new Date(start.getTime() + 3_600_000 - 1).toISOString() };
}

/** Every figure opens the decisions (or incidents) behind it: a panel's title links to all of them. */
function Panel({ title, children, label, to }: { title: string; children: ReactNode; label?: string; to?: string }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {to ? (
            <MuiLink component={Link} to={to} color="inherit" underline="hover">
              {title}
            </MuiLink>
          ) : (
            title
          )}
        </Typography>
        <Box role="figure" aria-label={label ?? title}>
          {children}
        </Box>
      </CardContent>
    </Card>
  );
}

function Stat({ label, value, hint, to }: { label: string; value: string; hint?: ReactNode; to?: string }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" component="h2">
          {label}
        </Typography>
        <Typography variant="h4" component="p" sx={{ fontWeight: 600 }}>
          {to ? (
            <MuiLink component={Link} to={to} color="inherit" underline="hover" aria-label={`${label}: ${value}`}>
              {value}
            </MuiLink>
          ) : (
            value
          )}
        </Typography>
        {hint ? (
          <Typography variant="caption" color="text.secondary">
            {hint}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
}

function useEffectColors() {
  const theme = useTheme();
  return { allow: theme.palette.success.main, warn: theme.palette.warning.main, redact: theme.palette.info.main, block: theme.palette.error.main };
}

export default function Dashboard() {
  const t = useTranslate();
  const theme = useTheme();
  const colors = useEffectColors();
  const classLabel = useDataClassLabel();
  const [params, setParams] = useSearchParams();
  const period = periodFrom(params);
  const periodKey = JSON.stringify(period);
  // The last 24 hours end when they were chosen (or the page opened), so the query stays the same while shown.
  const query = useMemo(() => periodQuery(period, Date.now()), [periodKey]);
  const setPeriod = (p: Period) => setParams(periodParams(p));
  const { data, error, isPending } = useApi<DashboardData>(`/api/dashboard?${query}`, { placeholderData: (prev) => prev });
  const navigate = useNavigate();
  // Every link keeps the period the figures cover (as the API answered it).
  const since = data ? activityPeriod(data.from, data.to) : {};
  const go = (f: Parameters<typeof activityLink>[0]) => void navigate(activityLink(f));
  const fmt = (n: number) => n.toLocaleString();
  const hours = (h: number | null | undefined) => (h === null || h === undefined ? '—' : h < 1 ? t('airlock.dashboard.minutes', { n: Math.round(h * 60) }) : t('airlock.dashboard.hours', { n: h.toFixed(1) }));
  const totals = data?.totals ?? data?.decisionsByDay.reduce((a, d) => ({ decisions: a.decisions + d.allow + d.warn + d.redact + d.block, allow: a.allow + d.allow, warn: a.warn + d.warn, redact: a.redact + d.redact, block: a.block + d.block }), { decisions: 0, allow: 0, warn: 0, redact: 0, block: 0 });
  const axis = { stroke: theme.palette.text.secondary, fontSize: 12 };
  const tooltipStyle = { contentStyle: { background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}`, color: theme.palette.text.primary } };
  const severities = [...INCIDENT_SEVERITIES].reverse();
  const sevColors: Record<IncidentSeverity, string> = { critical: theme.palette.error.main, high: theme.palette.warning.main, medium: theme.palette.info.main, low: theme.palette.text.secondary };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={t('airlock.dashboard.title')} />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h2">
          {t('airlock.dashboard.title')}
        </Typography>
        <PeriodPicker value={period} onChange={setPeriod} shown={data ? { from: data.from, to: data.to } : undefined} />
      </Stack>
      <OnboardingChecklist />
      {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
      {isPending ? <Typography role="status">{t('ra.page.loading')}</Typography> : null}
      {data && totals ? (
        <Grid container spacing={2}>
          <Grid size={{ xs: 6, md: 3 }}>
            <Stat label={t('airlock.dashboard.decisions')} value={fmt(totals.decisions)} to={activityLink(since)} />
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <Stat
              label={t('airlock.dashboard.blocked')}
              value={fmt(totals.block)}
              to={activityLink({ ...since, effect: 'block' })}
              hint={
                <MuiLink component={Link} to={activityLink({ ...since, effect: 'redact,warn' })} color="inherit">
                  {t('airlock.dashboard.redactedWarned', { redact: fmt(totals.redact), warn: fmt(totals.warn) })}
                </MuiLink>
              }
            />
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <Stat label={t('airlock.dashboard.mtta')} value={hours(data.incidents.mttaHours)} hint={t('airlock.dashboard.mttaHint')} to={incidentsLink(data.from, data.to)} />
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <Stat label={t('airlock.dashboard.mttr')} value={hours(data.incidents.mttrHours)} hint={t('airlock.dashboard.mttrHint')} to={incidentsLink(data.from, data.to)} />
          </Grid>
          <Grid size={12}>
            <Typography variant="subtitle1" component="h3" sx={{ mt: 1 }}>
              {t('airlock.dashboard.incidentsInPeriod')}
            </Typography>
          </Grid>
          <Grid size={{ xs: 6, md: 2.4 }}>
            <Stat label={t('airlock.dashboard.reported')} value={fmt(data.incidents.period.reported)} to={incidentsLink(data.from, data.to)} />
          </Grid>
          <Grid size={{ xs: 6, md: 2.4 }}>
            <Stat label={t('airlock.dashboard.stillOpen')} value={fmt(data.incidents.period.open)} to={incidentsLink(data.from, data.to, { status: OPEN })} />
          </Grid>
          <Grid size={{ xs: 6, md: 2.4 }}>
            <Stat label={t('airlock.dashboard.overdue')} value={fmt(data.incidents.period.overdue)} hint={t('airlock.dashboard.overdueHint')} to={incidentsLink(data.from, data.to, { overdue: true })} />
          </Grid>
          <Grid size={{ xs: 6, md: 2.4 }}>
            <Stat
              label={t('airlock.dashboard.medianResolve')}
              value={hours(data.incidents.period.medianHoursToResolve)}
              hint={t('airlock.dashboard.medianResolveHint', { smart_count: data.incidents.period.resolved })}
              to={incidentsLink(data.from, data.to, { status: ['resolved', 'closed'] })}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 2.4 }}>
            <Stat label={t('airlock.dashboard.medianNotify')} value={hours(data.incidents.period.medianHoursToNotify)} hint={t('airlock.dashboard.medianNotifyHint', { smart_count: data.incidents.period.notified })} to={incidentsLink(data.from, data.to)} />
          </Grid>

          <Grid size={{ xs: 12, lg: 8 }}>
            <Panel title={t('airlock.dashboard.overTime')} to={activityLink(since)}>
              <ResponsiveContainer width="100%" height={280}>
                <AreaChart
                  data={data.decisionsByDay}
                  margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
                  style={{ cursor: 'pointer' }}
                  onClick={(e) => {
                    const day = (e as { activeLabel?: string } | null)?.activeLabel;
                    if (day) go(bucketRange(String(day), data.granularity));
                  }}
                >
                  <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
                  <XAxis dataKey="day" tick={axis} tickFormatter={(d: string) => (data.granularity === 'hour' ? d.slice(11, 16) : d.slice(5))} />
                  <YAxis tick={axis} allowDecimals={false} />
                  <Tooltip {...tooltipStyle} />
                  <Legend />
                  {EFFECTS.map((e) => (
                    <Area key={e} isAnimationActive={false} type="monotone" dataKey={e} name={t(`airlock.effect.${e}`)} stackId="1" stroke={colors[e]} fill={colors[e]} fillOpacity={0.35} />
                  ))}
                </AreaChart>
              </ResponsiveContainer>
            </Panel>
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Panel title={t('airlock.dashboard.openIncidents')} to={incidentsLink(data.from, data.to, { status: OPEN })}>
              <ResponsiveContainer width="100%" height={200}>
                <BarChart data={severities.map((s) => ({ severity: t(`airlock.severity.${s}`), key: s, count: data.incidents.openBySeverity[s] ?? 0 }))}>
                  <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
                  <XAxis dataKey="severity" tick={axis} />
                  <YAxis tick={axis} allowDecimals={false} />
                  <Tooltip {...tooltipStyle} />
                  <Bar isAnimationActive={false} dataKey="count" name={t('airlock.dashboard.open')} fill={theme.palette.primary.main}>
                    {severities.map((s) => (
                      <Cell key={s} fill={sevColors[s]} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
              <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', gap: 1 }}>
                {severities.map((s) => (
                  <Box key={s} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                    <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: sevColors[s] }} aria-hidden />
                    <MuiLink component={Link} to={incidentsLink(data.from, data.to, { status: OPEN, severity: s })} variant="caption" color="inherit">
                      {t(`airlock.severity.${s}`)}: {data.incidents.openBySeverity[s] ?? 0}
                    </MuiLink>
                  </Box>
                ))}
              </Stack>
            </Panel>
          </Grid>

          <Grid size={{ xs: 12, md: 6 }}>
            <Panel title={t('airlock.dashboard.topProviders')} to={activityLink(since)}>
              {data.topProviders.length ? (
                <ResponsiveContainer width="100%" height={Math.max(180, data.topProviders.length * 44)}>
                  <BarChart data={data.topProviders} layout="vertical" margin={{ left: 16, right: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
                    <XAxis type="number" tick={axis} allowDecimals={false} />
                    <YAxis type="category" dataKey="name" tick={axis} width={150} interval={0} tickFormatter={(n: string) => (n.length > 22 ? `${n.slice(0, 21)}…` : n)} />
                    <Tooltip {...tooltipStyle} />
                    <Legend />
                    <Bar isAnimationActive={false} dataKey="total" name={t('airlock.dashboard.uses')} fill={theme.palette.primary.main} cursor="pointer" onClick={(d) => go({ ...since, ...serviceFilter(String((d as { slug?: string }).slug ?? (d as { payload?: { slug?: string } }).payload?.slug ?? '')) })} />
                    <Bar isAnimationActive={false} dataKey="blocked" name={t('airlock.dashboard.blocks')} fill={colors.block} cursor="pointer" onClick={(d) => go({ ...since, effect: 'block', ...serviceFilter(String((d as { slug?: string }).slug ?? (d as { payload?: { slug?: string } }).payload?.slug ?? '')) })} />
                  </BarChart>
                </ResponsiveContainer>
              ) : (
                <Typography variant="body2">{t('airlock.dashboard.noDecisions')}</Typography>
              )}
              {data.topProviders.length ? (
                <Box component="ul" aria-label={t('airlock.dashboard.topProviders')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, listStyle: 'none', p: 0, m: 0, mt: 1 }}>
                  {data.topProviders.map((p) => (
                    <li key={p.slug}>
                      <MuiLink component={Link} to={activityLink({ ...since, ...serviceFilter(p.slug) })} variant="caption">
                        {`${p.name}: ${fmt(p.total)}`}
                      </MuiLink>
                      {p.blocked ? (
                        <>
                          {' · '}
                          <MuiLink component={Link} to={activityLink({ ...since, effect: 'block', ...serviceFilter(p.slug) })} variant="caption">
                            {t('airlock.dashboard.blockedCount', { n: fmt(p.blocked) })}
                          </MuiLink>
                        </>
                      ) : null}
                    </li>
                  ))}
                </Box>
              ) : null}
              {data.discoveredServices?.length ? (
                <Box sx={{ mt: 2 }}>
                  <Typography variant="subtitle2" component="h3">
                    <MuiLink component={Link} to="/discovery" color="inherit" underline="hover">
                      {t('airlock.dashboard.discovered')}
                    </MuiLink>
                  </Typography>
                  <Box component="ul" aria-label={t('airlock.dashboard.discovered')} sx={{ listStyle: 'none', p: 0, m: 0, mt: 0.5, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
                    {data.discoveredServices.map((d) => (
                      <li key={d.key}>
                        <Chip size="small" variant="outlined" label={t('airlock.dashboard.discoveredChip')} sx={{ mr: 1 }} />
                        <MuiLink component={Link} to="/discovery" variant="body2">
                          {t('airlock.dashboard.discoveredItem', { name: d.name, requests: fmt(d.requests), users: fmt(d.users) })}
                        </MuiLink>
                        {d.inCatalog ? null : (
                          <Typography component="span" variant="caption" color="warning.main" sx={{ ml: 1 }}>
                            {t('airlock.dashboard.notInCatalog')}
                          </Typography>
                        )}
                      </li>
                    ))}
                  </Box>
                </Box>
              ) : null}
            </Panel>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Panel title={t('airlock.dashboard.dataClasses')} to={activityLink(since)}>
              {data.dataClasses.length ? (
                <ResponsiveContainer width="100%" height={Math.max(180, data.dataClasses.length * 44)}>
                  <BarChart data={data.dataClasses} layout="vertical" margin={{ left: 16, right: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
                    <XAxis type="number" tick={axis} allowDecimals={false} />
                    <YAxis type="category" dataKey="dataClass" tick={axis} width={150} interval={0} tickFormatter={(key: string) => classLabel(key)} />
                    <Tooltip {...tooltipStyle} labelFormatter={(key) => classLabel(String(key))} />
                    <Legend />
                    <Bar isAnimationActive={false} dataKey="count" name={t('airlock.dashboard.caught')} fill={colors.warn} cursor="pointer" onClick={(d) => go({ ...since, dataClass: String((d as { dataClass?: string }).dataClass ?? (d as { payload?: { dataClass?: string } }).payload?.dataClass ?? '') })} />
                    {data.dataClasses[0]?.blockedOrRedacted !== undefined ? (
                      <Bar isAnimationActive={false} dataKey="blockedOrRedacted" name={t('airlock.dashboard.stopped')} fill={colors.block} cursor="pointer" onClick={(d) => go({ ...since, effect: 'block,redact', dataClass: String((d as { dataClass?: string }).dataClass ?? (d as { payload?: { dataClass?: string } }).payload?.dataClass ?? '') })} />
                    ) : null}
                  </BarChart>
                </ResponsiveContainer>
              ) : (
                <Typography variant="body2">{t('airlock.dashboard.noFindings')}</Typography>
              )}
              {data.dataClasses.length ? (
                <Box component="ul" aria-label={t('airlock.dashboard.dataClasses')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, listStyle: 'none', p: 0, m: 0, mt: 1 }}>
                  {data.dataClasses.map((c) => (
                    <li key={c.dataClass}>
                      <MuiLink component={Link} to={activityLink({ ...since, dataClass: c.dataClass })} variant="caption">
                        {`${classLabel(c.dataClass)}: ${fmt(c.count)}`}
                      </MuiLink>
                    </li>
                  ))}
                </Box>
              ) : null}
            </Panel>
          </Grid>
          <Grid size={12}>
            <OverrideRatesCard query={query} range={since} />
          </Grid>
          <Grid size={12}>
            <Panel title={t('airlock.dashboard.nearDeadline')}>
              {data.incidents.nearDeadline.length ? (
                <List dense>
                  {data.incidents.nearDeadline.map((i) => (
                    <ListItem key={i.id} disableGutters>
                      <ListItemText
                        primary={<Link to={`/incidents/${i.id}/show`}>{`#${i.number} ${i.title}`}</Link>}
                        secondary={
                          <Box component="span" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
                            {i.severity ? <SeverityChip severity={i.severity} /> : null}
                            <DeadlineCountdown deadline={i.notificationDeadline} />
                          </Box>
                        }
                        slotProps={{ secondary: { component: 'div' } }}
                      />
                    </ListItem>
                  ))}
                </List>
              ) : (
                <Typography variant="body2">{t('airlock.dashboard.noDeadlines')}</Typography>
              )}
            </Panel>
          </Grid>
          <Grid size={{ xs: 12 }}>
            <GatewayTrafficCard period={{ from: data.from, to: data.to }} />
          </Grid>
        </Grid>
      ) : null}
    </Box>
  );
}
