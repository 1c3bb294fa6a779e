import { Alert, AlertTitle, Box, Button, Card, CardContent, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import InsightsIcon from '@mui/icons-material/Insights';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { activityLink, type ActivityFilters } from '../activity/filters';
import { apiSend, errorMessage } from '../api/http';
import { EffectChip } from '../common/chips';
import type { ImpactResponse } from './types';

/** The time windows the preview offers (hours back from now; 0: any time). */
export const IMPACT_WINDOWS = [24, 24 * 7, 24 * 30, 0] as const;
export type ImpactWindow = (typeof IMPACT_WINDOWS)[number];

/** The request for a window: the newest `limit` decisions of it. */
export function impactRequest(hours: ImpactWindow, limit: number) {
  return hours ? { limit, since: new Date(Date.now() - hours * 3_600_000).toISOString() } : { limit };
}

/**
 * Replays the published policy and the draft over the same logged decisions of a time window and
 * shows where their answers differ: by effect, rule, AI service and group, and what the log cannot tell.
 */
export function ImpactPanel({ defaultLimit = 5000, defaultWindow = 24 * 7 }: { defaultLimit?: number; defaultWindow?: ImpactWindow }) {
  const t = useTranslate();
  const [limit, setLimit] = useState(defaultLimit);
  const [hours, setHours] = useState<ImpactWindow>(defaultWindow);
  const [result, setResult] = useState<ImpactResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await apiSend<ImpactResponse>('/api/policy/impact', 'POST', impactRequest(hours, limit)));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 2 }}>
        <TextField
          id="impact-window"
          select
          size="small"
          label={t('airlock.impact.window')}
          value={hours}
          onChange={(e) => setHours(Number(e.target.value) as ImpactWindow)}
          sx={{ width: 200 }}
        >
          {IMPACT_WINDOWS.map((h) => (
            <MenuItem key={h} value={h}>
              {t(`airlock.impact.windows.${h}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="impact-limit"
          type="number"
          size="small"
          label={t('airlock.impact.limit')}
          value={limit}
          onChange={(e) => setLimit(Math.max(1, Math.min(50_000, Number(e.target.value) || 1)))}
          slotProps={{ htmlInput: { min: 1, max: 50000 } }}
          fullWidth={false}
          sx={{ width: 200 }}
        />
        <Button variant="contained" startIcon={<InsightsIcon />} onClick={() => void run()} disabled={busy} sx={{ flexShrink: 0, alignSelf: { xs: 'flex-start', sm: 'center' } }}>
          {t('airlock.impact.run')}
        </Button>
      </Stack>
      {busy ? <LinearProgress aria-label={t('airlock.impact.running')} /> : null}
      {error ? <Alert severity="error">{error}</Alert> : null}
      {result ? <ImpactResult result={result} /> : null}
    </Box>
  );
}

/** One line: "Version 7 and the draft differ on 3 of 1,200 decisions …". */
export function impactSummary(t: ReturnType<typeof useTranslate>, result: ImpactResponse): string {
  if (result.replayed === 0) return t('airlock.impact.nothingToReplay');
  const range = { from: new Date(result.from!).toLocaleString(), to: new Date(result.to!).toLocaleString() };
  const against = result.against === null ? t('airlock.impact.nothingPublished') : t('airlock.impact.version', { number: result.against });
  return [
    result.changed === 0
      ? t('airlock.impact.noDifference', { against, replayed: result.replayed, ...range })
      : t('airlock.impact.summary', { against, changed: result.changed, replayed: result.replayed, unchanged: result.unchanged, ...range }),
    result.truncated ? t('airlock.impact.truncated', { replayed: result.replayed }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** What the replay could not take into account (the log stores metadata only). */
export function ImpactLimitations({ result }: { result: ImpactResponse }) {
  const t = useTranslate();
  if (!result.limitations.length) return null;
  return (
    <Alert severity="info" data-testid="impact-limitations">
      <AlertTitle>{t('airlock.impact.limitations')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {result.limitations.map((l) => (
          <li key={l.code}>
            {l.message}
            {l.items.length ? ` (${l.items.join(', ')})` : ''}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

function ImpactResult({ result }: { result: ImpactResponse }) {
  const t = useTranslate();
  const window: ActivityFilters = result.from && result.to ? { since: result.from, until: result.to } : {};
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="impact-result">
      <Alert severity={result.changed ? 'warning' : 'success'} role="status">
        {impactSummary(t, result)}
      </Alert>
      <ImpactLimitations result={result} />
      {result.transitions.length ? (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" component="h3" gutterBottom>
              {t('airlock.impact.transitions')}
            </Typography>
            <Table size="small" aria-label={t('airlock.impact.transitions')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('airlock.impact.before')}</TableCell>
                  <TableCell>{t('airlock.impact.after')}</TableCell>
                  <TableCell align="right">{t('airlock.impact.count')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.transitions.map((tr) => (
                  <TableRow key={`${tr.before}-${tr.after}`}>
                    <TableCell>
                      <EffectChip effect={tr.before} />
                    </TableCell>
                    <TableCell>
                      <EffectChip effect={tr.after} />
                    </TableCell>
                    <TableCell align="right">{tr.count}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <RuleCounts title={t('airlock.impact.newlyMatching')} rows={result.rulesNewlyMatching} />
        <RuleCounts title={t('airlock.impact.noLongerMatching')} rows={result.rulesNoLongerMatching} />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        {/* Each links to the replayed decisions of that service or group on the Activity page. */}
        <Affected
          title={t('airlock.impact.byDestination')}
          column={t('airlock.impact.destination')}
          rows={result.byDestination.map((d) => ({ key: d.destination, label: d.name, changed: d.changed, total: d.total, filter: { ...window, ...(d.destination.includes('.') ? { host: d.destination } : { service: d.destination }) } }))}
        />
        <Affected
          title={t('airlock.impact.byGroup')}
          column={t('airlock.impact.group')}
          rows={result.byGroup.map((g) => ({ key: g.group ?? '', label: g.group ?? t('airlock.impact.noGroup'), changed: g.changed, total: g.total, filter: g.group ? { ...window, group: g.group } : null }))}
        />
      </Box>
      {result.examples.length ? (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" component="h3" gutterBottom>
              {t('airlock.impact.examples')}
            </Typography>
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label={t('airlock.impact.examples')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('airlock.impact.time')}</TableCell>
                    <TableCell>{t('airlock.impact.destination')}</TableCell>
                    <TableCell>{t('airlock.impact.action')}</TableCell>
                    <TableCell>{t('airlock.impact.groups')}</TableCell>
                    <TableCell>{t('airlock.impact.before')}</TableCell>
                    <TableCell>{t('airlock.impact.after')}</TableCell>
                    <TableCell>{t('airlock.impact.rules')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.examples.slice(0, 20).map((e) => (
                    <TableRow key={e.decisionId}>
                      <TableCell>{new Date(e.time).toLocaleString()}</TableCell>
                      <TableCell>{e.name}</TableCell>
                      <TableCell>{t(`airlock.action.${e.action}`, { _: e.action })}</TableCell>
                      <TableCell>{e.groups.join(', ') || '—'}</TableCell>
                      <TableCell>
                        <EffectChip effect={e.before} />
                      </TableCell>
                      <TableCell>
                        <EffectChip effect={e.after} />
                      </TableCell>
                      <TableCell>{e.ruleIds.join(', ') || t('airlock.impact.noRule')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
}

/** The AI services or groups whose answers change: how many of their replayed decisions, with a link to them. */
function Affected({ title, column, rows }: { title: string; column: string; rows: { key: string; label: string; changed: number; total: number; filter: ActivityFilters | null }[] }) {
  const t = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          {title}
        </Typography>
        {rows.length ? (
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell>{column}</TableCell>
                <TableCell align="right">{t('airlock.impact.changed')}</TableCell>
                <TableCell align="right">{t('airlock.impact.total')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.key}>
                  <TableCell>
                    {r.filter ? (
                      <RouterLink to={activityLink(r.filter)}>{r.label}</RouterLink>
                    ) : (
                      r.label
                    )}
                  </TableCell>
                  <TableCell align="right">{r.changed}</TableCell>
                  <TableCell align="right">{r.total}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('airlock.impact.none')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

function RuleCounts({ title, rows }: { title: string; rows: { ruleId: string; count: number }[] }) {
  const t = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          {title}
        </Typography>
        {rows.length ? (
          <Table size="small" aria-label={title}>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.ruleId}>
                  <TableCell>{r.ruleId}</TableCell>
                  <TableCell align="right">{t('airlock.impact.decisions', { smart_count: r.count })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('airlock.impact.none')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
