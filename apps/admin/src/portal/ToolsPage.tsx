import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Grid,
  InputAdornment,
  Link,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import SearchIcon from '@mui/icons-material/Search';
import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { apiSend, errorMessage } from '../api/http';
import { EffectChip, IncidentStatusChip, ProviderStatusChip } from '../common/chips';
import { CountryCodes } from '../common/countries';
import { useApi } from '../common/hooks';
import { useDataClassLabel } from '../common/labels';
import type { PortalIncidentOutput, PortalToolOutput, PortalToolsOutput, ToolRequestCreated, ToolRequestOutput } from '@airlock/contracts/types';
import { matchesSearch, mayUse, trainingStatement } from './tools-view';

/** A service as GET /api/portal/tools answers it (libs/contracts portalToolOutput). */
type Tool = PortalToolOutput;

/** Where it stores data and, once, whether it trains on what you send (tools-view trainingStatement). */
function ToolFacts({ tool }: { tool: Tool }) {
  const t = useTranslate();
  const training = trainingStatement(tool);
  const trains =
    training.kind === 'single'
      ? t(`airlock.portal.tools.trains.${training.trains}`)
      : training.accounts.map((a) => t('airlock.portal.tools.trainsWith', { account: t(`airlock.accountType.${a.kind}`), trains: t(`airlock.portal.tools.trains.${a.trains}`) })).join('; ');
  return (
    <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} data-testid="tool-facts">
      {t('airlock.portal.tools.storesIn')} <CountryCodes codes={tool.storesDataIn} /> · {trains}
    </Typography>
  );
}

function ToolCard({ tool }: { tool: Tool }) {
  const t = useTranslate();
  const classLabel = useDataClassLabel();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} component="article" aria-labelledby={`tool-${tool.slug}`} id={`card-${tool.slug}`} tabIndex={-1}>
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, alignItems: 'flex-start' }}>
          <Box>
            <Typography variant="h6" component="h3" id={`tool-${tool.slug}`}>
              {tool.name}
            </Typography>
            {tool.vendor ? (
              <Typography variant="caption" color="text.secondary">
                {tool.vendor}
              </Typography>
            ) : null}
          </Box>
          <ProviderStatusChip status={tool.status} />
        </Box>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {tool.summary}
        </Typography>
        {tool.statusReason ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {tool.statusReason}
          </Typography>
        ) : null}
        <ToolFacts tool={tool} />
        <Accordion disableGutters elevation={0} sx={{ mt: 1, bgcolor: 'transparent', '&:before': { display: 'none' } }}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`tool-${tool.slug}-details`} id={`tool-${tool.slug}-summary`} sx={{ px: 0 }}>
            <Typography variant="body2">{t('airlock.portal.tools.details')}</Typography>
          </AccordionSummary>
          <AccordionDetails id={`tool-${tool.slug}-details`} sx={{ px: 0 }}>
            <Table size="small" aria-label={t('airlock.portal.tools.whatFor', { name: tool.name })}>
              <TableBody>
                <TableRow>
                  <TableCell>{t('airlock.portal.tools.generalUse')}</TableCell>
                  <TableCell>
                    <EffectChip effect={tool.prompt} />
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{t('airlock.portal.tools.uploads')}</TableCell>
                  <TableCell>
                    <EffectChip effect={tool.upload} />
                  </TableCell>
                </TableRow>
                {tool.dataClasses.map((c) => (
                  <TableRow key={c.dataClass}>
                    <TableCell>{classLabel(c.dataClass)}</TableCell>
                    <TableCell>
                      <EffectChip effect={c.effect} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {tool.website ? (
              <Link href={tool.website} target="_blank" rel="noopener noreferrer" variant="body2" sx={{ display: 'inline-block', mt: 1 }}>
                {tool.website}
              </Link>
            ) : null}
          </AccordionDetails>
        </Accordion>
      </CardContent>
    </Card>
  );
}

/** A service one may not use: its name, status and why, in one line; the details on demand. */
function NotAllowedRow({ tool, byslug, onShow }: { tool: Tool; byslug: Map<string, Tool>; onShow: (slug: string) => void }) {
  const t = useTranslate();
  const why = tool.statusReason ?? t(`airlock.portal.tools.why.${tool.status}`, { _: tool.statusLabel });
  const instead = tool.alternatives.map((slug) => byslug.get(slug)).filter((x): x is Tool => !!x);
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Accordion disableGutters elevation={0} square sx={{ '&:before': { display: 'none' } }}>
        <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`other-${tool.slug}-details`} id={`other-${tool.slug}-summary`}>
          <Box sx={{ display: 'flex', flexDirection: { xs: 'column', sm: 'row' }, gap: { xs: 0.5, sm: 2 }, alignItems: { sm: 'center' }, width: '100%', pr: 1 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: { sm: 260 } }}>
              <Typography variant="subtitle1" component="h3">
                {tool.name}
              </Typography>
              <ProviderStatusChip status={tool.status} />
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
              {why}
            </Typography>
          </Box>
        </AccordionSummary>
        <AccordionDetails id={`other-${tool.slug}-details`}>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {tool.summary}
          </Typography>
          <ToolFacts tool={tool} />
        </AccordionDetails>
      </Accordion>
      {instead.length ? (
        // outside the summary (a button): links inside a button are not reachable
        <Typography variant="body2" data-testid={`instead-${tool.slug}`} sx={{ px: 2, pb: 1.5, mt: -0.5 }}>
          {t('airlock.portal.tools.useInstead')}{' '}
          {instead.map((alt, i) => (
            <span key={alt.slug}>
              {i > 0 ? ', ' : ''}
              <Link component="button" type="button" variant="body2" onClick={() => onShow(alt.slug)} sx={{ verticalAlign: 'baseline' }}>
                {alt.name}
              </Link>
            </span>
          ))}
        </Typography>
      ) : null}
    </Box>
  );
}

function RequestToolDialog({ open, onClose, initialName }: { open: boolean; onClose: () => void; initialName: string }) {
  const t = useTranslate();
  const [toolName, setToolName] = useState(initialName);
  const [url, setUrl] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await apiSend<ToolRequestCreated>('/api/portal/tool-requests', 'POST', { toolName: toolName.trim(), ...(url.trim() ? { url: url.trim() } : {}), reason: reason.trim() });
      setDone(res.message ?? t('airlock.portal.tools.requestSent'));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const queryClient = useQueryClient();
  const close = () => {
    if (done) void queryClient.invalidateQueries({ queryKey: ['api', '/api/portal/tool-requests'] });
    setDone(null);
    setError(null);
    setReason('');
    setUrl('');
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} aria-labelledby="request-tool-title" fullWidth maxWidth="sm">
      <DialogTitle id="request-tool-title">{t('airlock.portal.tools.requestTitle')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {done ? (
          <Alert severity="success" role="status">
            {done}
          </Alert>
        ) : (
          <>
            <DialogContentText>{t('airlock.portal.tools.requestExplain')}</DialogContentText>
            {error ? <Alert severity="error">{error}</Alert> : null}
            <TextField id="request-tool-name" label={t('airlock.portal.tools.toolName')} value={toolName} onChange={(e) => setToolName(e.target.value)} required fullWidth autoFocus />
            <TextField id="request-tool-url" label={t('airlock.portal.tools.toolUrl')} type="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} fullWidth />
            <TextField id="request-tool-reason" label={t('airlock.portal.tools.reason')} helperText={t('airlock.portal.tools.reasonHelp')} value={reason} onChange={(e) => setReason(e.target.value)} required multiline minRows={3} fullWidth />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{done ? t('ra.action.close') : t('ra.action.cancel')}</Button>
        {done ? null : (
          <Button variant="contained" onClick={() => void submit()} disabled={busy || !toolName.trim() || !reason.trim()}>
            {t('airlock.portal.tools.send')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

type MyRequest = ToolRequestOutput;

/** "Your requests": the services this employee asked to have reviewed and the incidents they reported, and where each stands. */
function YourRequests() {
  const t = useTranslate();
  const requests = useApi<MyRequest[]>('/api/portal/tool-requests');
  const reports = useApi<PortalIncidentOutput[]>('/api/portal/incidents');
  const asked = Array.isArray(requests.data) ? requests.data : [];
  const reported = (Array.isArray(reports.data) ? reports.data : []).slice(0, 5);
  if (!asked.length && !reported.length) return null;
  return (
    <Card sx={{ mb: 2 }} component="section" aria-labelledby="your-requests">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom id="your-requests">
          {t('airlock.portal.tools.myRequests')}
        </Typography>
        {asked.length ? (
          <Table size="small" aria-label={t('airlock.portal.tools.askedFor')}>
            <TableBody>
              {asked.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.toolName}</TableCell>
                  <TableCell>{t(`airlock.toolRequests.status.${r.status}`)}</TableCell>
                  <TableCell>{r.resolutionNote ?? ''}</TableCell>
                  <TableCell>{new Date(r.createdAt).toLocaleDateString()}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {reported.length ? (
          <Table size="small" aria-label={t('airlock.portal.reports.title')} sx={{ mt: asked.length ? 2 : 0 }}>
            <TableBody>
              {reported.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{t('airlock.portal.tools.reportLine', { number: r.number, title: r.title })}</TableCell>
                  <TableCell>
                    <IncidentStatusChip status={r.status} />
                  </TableCell>
                  <TableCell>{r.statusExplanation}</TableCell>
                  <TableCell>{new Date(r.reportedAt).toLocaleDateString()}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {reported.length ? (
          <Link component={RouterLink} to="/portal/reports" variant="body2" sx={{ display: 'inline-block', mt: 1 }}>
            {t('airlock.portal.tools.allReports')}
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** "Which AI services may I use?" — what each service is allowed for, and why the others are not. */
export default function ToolsPage() {
  const t = useTranslate();
  const { data, error, isPending } = useApi<PortalToolsOutput>('/api/portal/tools');
  const [q, setQ] = useState('');
  const [asking, setAsking] = useState(false);
  const all = data?.tools ?? [];
  const byslug = new Map(all.map((x) => [x.slug, x]));
  const tools = all.filter((x) => matchesSearch(x, q));
  const usable = tools.filter(mayUse);
  const others = tools.filter((x) => !mayUse(x));
  const anyUsable = all.some(mayUse);
  const show = (slug: string) => {
    setQ('');
    // after the list re-renders without the search: bring the card into view and focus it
    setTimeout(() => {
      const el = document.getElementById(`card-${slug}`);
      el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      el?.focus();
    }, 50);
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={t('airlock.portal.tools.title')} />
      <YourRequests />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {t('airlock.portal.tools.title')}
          </Typography>
          <Typography variant="body1" sx={{ mb: 2 }}>
            {t('airlock.portal.tools.intro')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <TextField
              id="tools-search"
              label={t('airlock.portal.tools.search')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              size="small"
              slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon aria-hidden /></InputAdornment> } }}
              sx={{ flex: '1 1 240px' }}
            />
            <Button variant="outlined" startIcon={<AddCircleOutlineIcon />} onClick={() => setAsking(true)}>
              {t('airlock.portal.tools.request')}
            </Button>
          </Box>
        </CardContent>
      </Card>
      {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
      {isPending ? <Typography role="status">{t('ra.page.loading')}</Typography> : null}
      {data ? (
        <>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('airlock.portal.tools.mayUse', { smart_count: usable.length })}
          </Typography>
          <Grid container spacing={2} sx={{ mb: 3 }}>
            {usable.map((tool) => (
              <Grid key={tool.slug} size={{ xs: 12, md: 6, xl: 4 }}>
                <ToolCard tool={tool} />
              </Grid>
            ))}
          </Grid>
          {usable.length === 0 ? (
            <Alert severity="info" sx={{ mb: 3 }} data-testid="none-usable">
              {anyUsable && q.trim() ? t('airlock.portal.tools.noneMatches', { q: q.trim() }) : t('airlock.portal.tools.noneUsable')}
            </Alert>
          ) : null}
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('airlock.portal.tools.notAllowed', { smart_count: others.length })}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('airlock.portal.tools.notAllowedExplain')}
          </Typography>
          <Card variant="outlined">
            {others.length === 0 && q.trim() ? (
              <Typography variant="body2" sx={{ p: 2 }}>
                {t('airlock.portal.tools.noOtherMatches', { q: q.trim() })}
              </Typography>
            ) : null}
            {others.map((tool) => (
              <NotAllowedRow key={tool.slug} tool={tool} byslug={byslug} onShow={show} />
            ))}
          </Card>
        </>
      ) : null}
      <RequestToolDialog open={asking} onClose={() => setAsking(false)} initialName={q} key={asking ? 'open' : 'closed'} />
    </Box>
  );
}
