import { Alert, Box, Button, Card, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import type { ProviderOutput, UnknownDestinationOutput } from '@airlock/contracts/types';
import { apiSend, errorMessage } from '../api/http';
import { useApi, usePermission } from '../common/hooks';
import { activityLink, sinceDays } from './filters';

const visuallyHidden = { border: 0, clip: 'rect(0 0 0 0)', height: '1px', margin: '-1px', overflow: 'hidden', padding: 0, position: 'absolute', whiteSpace: 'nowrap', width: '1px' } as const;

/** A catalog slug for a host: lowercase letters and digits separated by "-" (the contract's rule), at most 64. */
export function slugOfHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/**
 * Hosts outside the catalog that prompts, uploads or answers went to, with "add to catalog": a new
 * entry under review (the catalog's POST /api/providers), its domain the host, then its form to
 * complete the facts.
 */
export default function UnknownDestinationsPage() {
  const t = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const canWrite = usePermission('catalog.write');
  const [days, setDays] = useState(30);
  const { data, error, isPending, refetch } = useApi<UnknownDestinationOutput[]>(`/api/activity/unknown-destinations?days=${days}`);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const add = async (host: string) => {
    setBusy(host);
    setFailure(null);
    try {
      const created = await apiSend<ProviderOutput>('/api/providers', 'POST', {
        slug: slugOfHost(host),
        name: host,
        domains: [host.replace(/:\d+$/, '')],
        // Unknown until someone checks: assume the worst, so the rules about training apply.
        trainsOnInputs: 'yes',
        status: 'under_review',
        notes: `Added from the decisions sent to ${host} (Activity, unknown AI destinations).`,
      });
      notify('airlock.activity.unknown.added', { type: 'success', messageArgs: { host } });
      await refetch();
      void navigate(`/providers/${created.id}`);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={t('airlock.activity.unknown.title')} />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h2">
          {t('airlock.activity.unknown.title')}
        </Typography>
        <TextField select size="small" id="unknown-days" label={t('airlock.dashboard.period')} value={days} onChange={(e) => setDays(Number(e.target.value))} sx={{ width: 200 }}>
          {[7, 30, 90, 365].map((d) => (
            <MenuItem key={d} value={d}>
              {t('airlock.dashboard.lastDays', { smart_count: d })}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('airlock.activity.unknown.intro')}
      </Typography>
      {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
      {failure ? <Alert severity="error" sx={{ mb: 1 }}>{failure}</Alert> : null}
      {isPending ? <Typography role="status">{t('ra.page.loading')}</Typography> : null}
      {data ? (
        <Card>
          {data.length ? (
            <Table size="small" aria-label={t('airlock.activity.unknown.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('airlock.activity.unknown.host')}</TableCell>
                  <TableCell align="right">{t('airlock.activity.unknown.decisions')}</TableCell>
                  <TableCell align="right">{t('airlock.activity.unknown.blocked')}</TableCell>
                  <TableCell align="right">{t('airlock.activity.unknown.warned')}</TableCell>
                  <TableCell>{t('airlock.activity.unknown.firstSeen')}</TableCell>
                  <TableCell>{t('airlock.activity.unknown.lastSeen')}</TableCell>
                  <TableCell>
                    <Box component="span" sx={visuallyHidden}>
                      {t('airlock.activity.unknown.actions')}
                    </Box>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((d) => (
                  <TableRow key={d.host}>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{d.host}</TableCell>
                    <TableCell align="right">{d.decisions.toLocaleString()}</TableCell>
                    <TableCell align="right">{d.blocked.toLocaleString()}</TableCell>
                    <TableCell align="right">{d.warned.toLocaleString()}</TableCell>
                    <TableCell>{new Date(d.firstSeen).toLocaleString()}</TableCell>
                    <TableCell>{new Date(d.lastSeen).toLocaleString()}</TableCell>
                    <TableCell>
                      <Stack direction="row" sx={{ gap: 1, justifyContent: 'flex-end' }}>
                        <Button size="small" component={Link} to={activityLink({ host: d.host, since: sinceDays(days) })} aria-label={t('airlock.activity.unknown.viewLabel', { host: d.host })}>
                          {t('airlock.activity.unknown.view')}
                        </Button>
                        {canWrite ? (
                          <Button size="small" variant="outlined" disabled={busy !== null} onClick={() => void add(d.host)} aria-label={t('airlock.activity.unknown.addLabel', { host: d.host })}>
                            {t('airlock.activity.unknown.add')}
                          </Button>
                        ) : null}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <Typography sx={{ p: 2 }}>{t('airlock.activity.unknown.empty')}</Typography>
          )}
        </Card>
      ) : null}
    </Box>
  );
}
