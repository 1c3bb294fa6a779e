import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import InsightsIcon from '@mui/icons-material/Insights';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { EffectChip } from '../common/chips';
import type { ImpactResponse } from './types';

/** Replays the draft against the last N logged decisions: how many answers would change, and how. */
export function ImpactPanel({ defaultLimit = 5000 }: { defaultLimit?: number }) {
  const t = useTranslate();
  const [limit, setLimit] = useState(defaultLimit);
  const [result, setResult] = useState<ImpactResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await apiSend<ImpactResponse>('/api/policy/impact', 'POST', { limit }));
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

function ImpactResult({ result }: { result: ImpactResponse }) {
  const t = useTranslate();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="impact-result">
      <Alert severity={result.changed ? 'warning' : 'success'} role="status">
        {result.replayed === 0
          ? t('airlock.impact.nothingToReplay')
          : t('airlock.impact.summary', { changed: result.changed, replayed: result.replayed, unchanged: result.unchanged })}
      </Alert>
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
      {result.byDestination.length ? (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" component="h3" gutterBottom>
              {t('airlock.impact.byDestination')}
            </Typography>
            <Table size="small" aria-label={t('airlock.impact.byDestination')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('airlock.impact.destination')}</TableCell>
                  <TableCell align="right">{t('airlock.impact.changed')}</TableCell>
                  <TableCell align="right">{t('airlock.impact.total')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.byDestination.map((d) => (
                  <TableRow key={d.destination}>
                    <TableCell>{d.destination}</TableCell>
                    <TableCell align="right">{d.changed}</TableCell>
                    <TableCell align="right">{d.total}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
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
                    <TableCell>{t('airlock.impact.before')}</TableCell>
                    <TableCell>{t('airlock.impact.after')}</TableCell>
                    <TableCell>{t('airlock.impact.rules')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.examples.slice(0, 20).map((e) => (
                    <TableRow key={e.decisionId}>
                      <TableCell>{new Date(e.time).toLocaleString()}</TableCell>
                      <TableCell>{e.destination}</TableCell>
                      <TableCell>{t(`airlock.action.${e.action}`, { _: e.action })}</TableCell>
                      <TableCell>
                        <EffectChip effect={e.before} />
                      </TableCell>
                      <TableCell>
                        <EffectChip effect={e.after} />
                      </TableCell>
                      <TableCell>{e.ruleIds.join(', ')}</TableCell>
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
