import {
  Alert, Box, Button, Card, CardContent, Chip, FormControlLabel, Grid, LinearProgress, Link as MuiLink, MenuItem, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography, useTheme,
} from '@mui/material';
import { Fragment, useMemo, useRef, useState, type ReactNode } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DiscoveredServiceOutput, DiscoveryImportOutput, DiscoverySummaryOutput, ProviderOutput } from '@airlock/contracts/types';
import { DISCOVERY_FORMATS } from '@airlock/contracts/constants';
import { apiGet, apiSend, csrfHeaders, errorMessage } from '../api/http';
import { useApi, usePermission } from '../common/hooks';
import { EmptyState } from '../common/EmptyState';

const visuallyHidden = { border: 0, clip: 'rect(0 0 0 0)', height: '1px', margin: '-1px', overflow: 'hidden', padding: 0, position: 'absolute', whiteSpace: 'nowrap', width: '1px' } as const;
const PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457'];
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const fmt = (n: number) => n.toLocaleString();
export function bytes(n: number | null): string {
  if (n === null) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
function randomId(): string {
  const a = new Uint8Array(12);
  crypto.getRandomValues(a);
  return `ui-${[...a].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h5" component="p">
          {value}
        </Typography>
      </CardContent>
    </Card>
  );
}

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1, gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            {title}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}

/** Upload a log with a progress bar (the import's own progress, polled), then show its figures and bad lines. */
function ImportCard({ onDone }: { onDone: () => void }) {
  const t = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('auto');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<DiscoveryImportOutput | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const start = async () => {
    if (!file) return;
    const uploadId = randomId();
    setResult(null);
    setFailure(null);
    setProgress({ done: 0, total: file.size });
    let running = true;
    const poll = async () => {
      while (running) {
        await new Promise((r) => setTimeout(r, 400));
        if (!running) break;
        try {
          const [found] = await apiGet<DiscoveryImportOutput[]>(`/api/discovery/imports?uploadId=${uploadId}`);
          if (found && running) setProgress({ done: found.bytesProcessed, total: found.totalBytes ?? file.size });
        } catch {
          // the next poll tries again
        }
      }
    };
    void poll();
    try {
      const q = new URLSearchParams({ format, name: file.name, uploadId, size: String(file.size) });
      const res = await fetch(`/api/discovery/imports?${q.toString()}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json', ...csrfHeaders() },
        body: file,
      });
      const body = (await res.json()) as DiscoveryImportOutput & { error?: { message?: string } };
      if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
      setProgress({ done: body.bytesProcessed, total: body.totalBytes ?? body.bytesProcessed });
      setResult(body);
      onDone();
    } catch (err) {
      setFailure(errorMessage(err));
      setProgress(null);
    } finally {
      running = false;
    }
  };
  const pct = progress && progress.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  const busy = progress !== null && result === null && failure === null;
  return (
    <Section title={t('airlock.discovery.import.title')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('airlock.discovery.import.intro')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'center' } }}>
        <Button variant="outlined" component="label" disabled={busy}>
          {t('airlock.discovery.import.choose')}
          <input ref={input} hidden type="file" aria-label={t('airlock.discovery.import.file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Button>
        <Typography variant="body2" sx={{ minWidth: 160, overflowWrap: 'anywhere' }}>
          {file ? `${file.name} (${bytes(file.size)})` : t('airlock.discovery.import.none')}
        </Typography>
        <TextField select size="small" label={t('airlock.discovery.import.format')} value={format} onChange={(e) => setFormat(e.target.value)} sx={{ width: 200 }} id="discovery-format">
          {['auto', ...DISCOVERY_FORMATS].map((f) => (
            <MenuItem key={f} value={f}>
              {t(`airlock.discovery.formats.${f}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" disabled={!file || busy} onClick={() => void start()}>
          {t('airlock.discovery.import.upload')}
        </Button>
      </Stack>
      {progress ? (
        <Box sx={{ mt: 2 }}>
          <LinearProgress variant="determinate" value={pct} aria-label={t('airlock.discovery.import.progress')} />
          <Typography variant="caption" role="status">
            {t('airlock.discovery.import.progressText', { done: bytes(progress.done), total: bytes(progress.total), pct })}
          </Typography>
        </Box>
      ) : null}
      {failure ? <Alert severity="error" sx={{ mt: 2 }}>{failure}</Alert> : null}
      {result ? (
        <Box sx={{ mt: 2 }}>
          <Alert severity={result.badLines ? 'warning' : 'success'}>
            {t('airlock.discovery.import.done', { lines: fmt(result.lines), format: result.format ?? '?', records: fmt(result.records), ai: fmt(result.aiRecords), bad: fmt(result.badLines) })}
          </Alert>
          {result.badSamples.length ? <BadLines rows={result.badSamples} total={result.badLines} /> : null}
        </Box>
      ) : null}
    </Section>
  );
}

function BadLines({ rows, total }: { rows: { line: number; reason: string }[]; total: number }) {
  const t = useTranslate();
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="subtitle2" component="h3">
        {t('airlock.discovery.badLines', { shown: rows.length, total: fmt(total) })}
      </Typography>
      <Table size="small" aria-label={t('airlock.discovery.badLinesLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('airlock.discovery.line')}</TableCell>
            <TableCell>{t('airlock.discovery.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.line}>
              <TableCell>{r.line}</TableCell>
              <TableCell>{r.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/**
 * Shadow-AI discovery: which AI services people use, from logs the organization already has
 * (proxy, secure web gateway, DNS, Zeek); import, figures and charts, services outside the catalog
 * with "add to catalog", the imports with their bad lines, CSV export.
 */
export default function DiscoveryPage() {
  const t = useTranslate();
  const theme = useTheme();
  const notify = useNotify();
  const navigate = useNavigate();
  const canImport = usePermission('discovery.write');
  const canAdd = usePermission('catalog.write');
  const canSettings = usePermission('discovery.settings');
  const [since, setSince] = useState(daysAgo(29));
  const [until, setUntil] = useState(today());
  const [zone, setZone] = useState('');
  const [group, setGroup] = useState('');
  const query = new URLSearchParams({ since, until, ...(zone ? { zone } : {}), ...(group ? { group } : {}) }).toString();
  const summary = useApi<DiscoverySummaryOutput>(`/api/discovery/summary?${query}`);
  const imports = useApi<DiscoveryImportOutput[]>('/api/discovery/imports?limit=20');
  const settings = useApi<{ showNames: boolean }>('/api/discovery/settings');
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [openImport, setOpenImport] = useState<string | null>(null);
  const data = summary.data;
  const refresh = () => {
    void summary.refetch();
    void imports.refetch();
  };
  const top = useMemo(() => (data?.services ?? []).slice(0, 6), [data]);
  const chart = useMemo(
    () => (data?.byDay ?? []).map((d) => ({ day: d.day.slice(5), ...Object.fromEntries(top.map((s) => [s.name, d.byService[s.key] ?? 0])), other: d.requests - top.reduce((a, s) => a + (d.byService[s.key] ?? 0), 0) })),
    [data, top],
  );
  const add = async (s: DiscoveredServiceOutput) => {
    setBusy(s.key);
    setFailure(null);
    try {
      const created = await apiSend<ProviderOutput>('/api/providers', 'POST', {
        slug: s.slug,
        name: s.name,
        domains: s.known?.domains ?? s.hosts,
        // Unknown until someone checks: assume the worst, so the rules about training apply.
        trainsOnInputs: 'yes',
        status: 'under_review',
        notes: `Added from discovery: seen in imported logs (${s.hosts.join(', ')}).${s.known ? ` Listed as "${s.known.category}" by ${s.known.source.url} (as of ${s.known.source.asOf}).` : ''}`,
      });
      notify('airlock.discovery.added', { type: 'success', messageArgs: { name: s.name } });
      refresh();
      void navigate(`/providers/${created.id}`);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const remove = async (id: string) => {
    setFailure(null);
    try {
      await apiSend(`/api/discovery/imports/${id}`, 'DELETE');
      refresh();
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  const toggleNames = async (showNames: boolean) => {
    try {
      await apiSend('/api/discovery/settings', 'PUT', { showNames });
      void settings.refetch();
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={t('airlock.discovery.title')} />
      <Typography variant="h5" component="h2" sx={{ mb: 1 }}>
        {t('airlock.discovery.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('airlock.discovery.intro')}
      </Typography>
      {canImport ? <ImportCard onDone={refresh} /> : null}
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <TextField type="date" size="small" label={t('airlock.discovery.since')} value={since} onChange={(e) => setSince(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 180 }} />
        <TextField type="date" size="small" label={t('airlock.discovery.until')} value={until} onChange={(e) => setUntil(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 180 }} />
        <TextField select size="small" id="discovery-zone" label={t('airlock.discovery.zone')} value={zone} onChange={(e) => setZone(e.target.value)} sx={{ width: 180 }}>
          <MenuItem value="">{t('airlock.discovery.all')}</MenuItem>
          {(data?.zones ?? []).map((z) => (
            <MenuItem key={z} value={z}>
              {z}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" id="discovery-group" label={t('airlock.discovery.group')} value={group} onChange={(e) => setGroup(e.target.value)} sx={{ width: 180 }}>
          <MenuItem value="">{t('airlock.discovery.all')}</MenuItem>
          {(data?.groups ?? []).map((g) => (
            <MenuItem key={g} value={g}>
              {g}
            </MenuItem>
          ))}
        </TextField>
        <Button component="a" href={`/api/discovery/export.csv?${query}`} download>
          {t('airlock.discovery.export')}
        </Button>
      </Stack>
      {summary.error ? <Alert severity="error">{errorMessage(summary.error)}</Alert> : null}
      {failure ? <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert> : null}
      {data ? (
        <>
          <Grid container spacing={2} sx={{ mb: 2 }}>
            {[
              ['services', fmt(data.totals.services)],
              ['unknownServices', fmt(data.totals.unknownServices)],
              ['requests', fmt(data.totals.requests)],
              ['bytesOut', bytes(data.totals.bytesOut)],
              ['people', fmt(data.totals.users)],
              ['imports', fmt(data.totals.imports)],
            ].map(([k, v]) => (
              <Grid key={k} size={{ xs: 6, md: 2 }}>
                <Stat label={t(`airlock.discovery.totals.${k}`)} value={v!} />
              </Grid>
            ))}
          </Grid>
          <Section title={t('airlock.discovery.perDay')}>
            <Box role="figure" aria-label={t('airlock.discovery.perDay')}>
              <ResponsiveContainer width="100%" height={280}>
                <BarChart data={chart}>
                  <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
                  <XAxis dataKey="day" tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
                  <YAxis allowDecimals={false} tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
                  <Tooltip />
                  <Legend />
                  {top.map((s, i) => (
                    <Bar key={s.key} isAnimationActive={false} dataKey={s.name} stackId="a" fill={PALETTE[i % PALETTE.length]} />
                  ))}
                  {data.services.length > top.length ? <Bar isAnimationActive={false} dataKey="other" name={t('airlock.discovery.other')} stackId="a" fill={theme.palette.grey[500]} /> : null}
                </BarChart>
              </ResponsiveContainer>
            </Box>
          </Section>
          <Section title={t('airlock.discovery.services')}>
            {data.services.length ? (
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" aria-label={t('airlock.discovery.services')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('airlock.discovery.service')}</TableCell>
                      <TableCell>{t('airlock.discovery.hosts')}</TableCell>
                      <TableCell align="right">{t('airlock.discovery.totals.requests')}</TableCell>
                      <TableCell align="right">{t('airlock.discovery.totals.bytesOut')}</TableCell>
                      <TableCell align="right">{t('airlock.discovery.totals.people')}</TableCell>
                      <TableCell>{t('airlock.discovery.zones')}</TableCell>
                      <TableCell>{t('airlock.discovery.firstLast')}</TableCell>
                      <TableCell>
                        <Box component="span" sx={visuallyHidden}>
                          {t('airlock.discovery.actions')}
                        </Box>
                      </TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.services.map((s) => (
                      <TableRow key={s.key}>
                        <TableCell>
                          <Stack sx={{ gap: 0.5, alignItems: 'flex-start' }}>
                            <span>{s.name}</span>
                            {s.inCatalog ? (
                              <Chip size="small" label={t(`airlock.providerStatus.${s.status ?? 'unknown'}`)} />
                            ) : (
                              <Chip size="small" color="warning" label={t('airlock.discovery.review')} />
                            )}
                            {s.known ? (
                              <MuiLink href={s.known.source.url} target="_blank" rel="noreferrer" variant="caption">
                                {t('airlock.discovery.source', { category: s.known.category, asOf: s.known.source.asOf })}
                              </MuiLink>
                            ) : null}
                          </Stack>
                        </TableCell>
                        <TableCell sx={{ overflowWrap: 'anywhere', maxWidth: 240 }}>{s.hosts.join(', ')}</TableCell>
                        <TableCell align="right">{fmt(s.requests)}</TableCell>
                        <TableCell align="right">{bytes(s.bytesOut)}</TableCell>
                        <TableCell align="right">{fmt(s.users)}</TableCell>
                        <TableCell>{s.zones.join(', ') || '—'}</TableCell>
                        <TableCell>{`${new Date(s.firstSeen).toLocaleDateString()} – ${new Date(s.lastSeen).toLocaleDateString()}`}</TableCell>
                        <TableCell>
                          {!s.inCatalog && canAdd ? (
                            <Button size="small" variant="outlined" disabled={busy !== null} onClick={() => void add(s)} aria-label={t('airlock.discovery.addLabel', { name: s.name })}>
                              {t('airlock.discovery.add')}
                            </Button>
                          ) : s.inCatalog ? (
                            <Button size="small" component={Link} to={`/providers?filter=${encodeURIComponent(JSON.stringify({ q: s.slug }))}`}>
                              {t('airlock.discovery.open')}
                            </Button>
                          ) : null}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            ) : (
              <Typography>{t('airlock.discovery.empty')}</Typography>
            )}
          </Section>
        </>
      ) : null}
      <Section
        title={t('airlock.discovery.imports')}
        action={
          settings.data ? (
            <FormControlLabel
              control={<Switch checked={settings.data.showNames} disabled={!canSettings} onChange={(e) => void toggleNames(e.target.checked)} />}
              label={t('airlock.discovery.showNames')}
            />
          ) : null
        }
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t(settings.data?.showNames ? 'airlock.discovery.namesOn' : 'airlock.discovery.namesOff')}
        </Typography>
        {imports.data?.length ? (
          <Table size="small" aria-label={t('airlock.discovery.imports')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('airlock.discovery.file')}</TableCell>
                <TableCell>{t('airlock.discovery.import.format')}</TableCell>
                <TableCell>{t('airlock.discovery.status')}</TableCell>
                <TableCell align="right">{t('airlock.discovery.lines')}</TableCell>
                <TableCell align="right">{t('airlock.discovery.aiRequests')}</TableCell>
                <TableCell align="right">{t('airlock.discovery.bad')}</TableCell>
                <TableCell>{t('airlock.discovery.by')}</TableCell>
                <TableCell>
                  <Box component="span" sx={visuallyHidden}>
                    {t('airlock.discovery.actions')}
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {imports.data.map((i) => (
                <Fragment key={i.id}>
                  <TableRow>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{i.fileName ?? '—'}</TableCell>
                    <TableCell>{i.format ?? '—'}</TableCell>
                    <TableCell>{i.status === 'failed' ? `${t('airlock.discovery.failed')}: ${i.error ?? ''}` : t(`airlock.discovery.statuses.${i.status}`)}</TableCell>
                    <TableCell align="right">{fmt(i.lines)}</TableCell>
                    <TableCell align="right">{fmt(i.aiRecords)}</TableCell>
                    <TableCell align="right">
                      {i.badLines ? (
                        <Button size="small" onClick={() => setOpenImport(openImport === i.id ? null : i.id)} aria-label={t('airlock.discovery.showBad', { n: fmt(i.badLines), file: i.fileName ?? i.id })}>
                          {fmt(i.badLines)}
                        </Button>
                      ) : (
                        0
                      )}
                    </TableCell>
                    <TableCell>{`${i.createdBy ?? '—'}, ${new Date(i.startedAt).toLocaleString()}`}</TableCell>
                    <TableCell>
                      {canImport && i.status !== 'running' ? (
                        <Button size="small" color="error" onClick={() => void remove(i.id)} aria-label={t('airlock.discovery.deleteLabel', { file: i.fileName ?? i.id })}>
                          {t('ra.action.delete')}
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                  {openImport === i.id ? (
                    <TableRow key={`${i.id}-bad`}>
                      <TableCell colSpan={8}>
                        <BadLines rows={i.badSamples} total={i.badLines} />
                      </TableCell>
                    </TableRow>
                  ) : null}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        ) : (
          <EmptyState feature="discovery" to="/api-clients/create" permission="apiClients.write" />
        )}
      </Section>
    </Box>
  );
}
