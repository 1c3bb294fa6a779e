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
import { apiSend, errorMessage } from '../api/http';
import { EffectChip, ProviderStatusChip } from '../common/chips';
import { CountryCodes } from '../common/countries';
import { useApi } from '../common/hooks';
import type { PortalToolOutput, PortalToolsOutput, ToolRequestCreated, ToolRequestOutput } from '@airlock/contracts/types';

/** A service as GET /api/portal/tools answers it (libs/contracts portalToolOutput). */
type Tool = PortalToolOutput;

function ToolCard({ tool }: { tool: Tool }) {
  const t = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} component="article" aria-labelledby={`tool-${tool.slug}`}>
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
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {t('airlock.portal.tools.storesIn')} <CountryCodes codes={tool.storesDataIn} /> · {t(`airlock.portal.tools.trains.${tool.trainsOnInputs}`, { _: tool.trainsOnInputs })}
        </Typography>
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
                    <TableCell>{t(`airlock.portal.dataClass.${c.dataClass}`, { _: c.label })}</TableCell>
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
function NotAllowedRow({ tool }: { tool: Tool }) {
  const t = useTranslate();
  const why = tool.statusReason ?? t(`airlock.portal.tools.why.${tool.status}`, { _: tool.statusLabel });
  return (
    <Accordion disableGutters elevation={0} square sx={{ '&:before': { display: 'none' }, borderBottom: 1, borderColor: 'divider' }}>
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
        <Typography variant="caption" color="text.secondary" component="p">
          {t('airlock.portal.tools.storesIn')} <CountryCodes codes={tool.storesDataIn} /> · {t(`airlock.portal.tools.trains.${tool.trainsOnInputs}`, { _: tool.trainsOnInputs })}
        </Typography>
      </AccordionDetails>
    </Accordion>
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

/** The tools this employee asked to have reviewed, and the answers. */
function MyRequests() {
  const t = useTranslate();
  const { data } = useApi<MyRequest[]>('/api/portal/tool-requests');
  const rows = Array.isArray(data) ? data : [];
  if (!rows.length) return null;
  return (
    <Card sx={{ mt: 3 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('airlock.portal.tools.myRequests')}
        </Typography>
        <Table size="small" aria-label={t('airlock.portal.tools.myRequests')}>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{r.toolName}</TableCell>
                <TableCell>{t(`airlock.toolRequests.status.${r.status}`)}</TableCell>
                <TableCell>{r.resolutionNote ?? ''}</TableCell>
                <TableCell>{new Date(r.createdAt).toLocaleDateString()}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
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
  const match = (tool: Tool) => !q.trim() || `${tool.name} ${tool.vendor ?? ''} ${tool.slug}`.toLowerCase().includes(q.trim().toLowerCase());
  const tools = (data?.tools ?? []).filter(match);
  const usable = tools.filter((x) => x.status === 'approved' || x.status === 'restricted');
  const others = tools.filter((x) => x.status !== 'approved' && x.status !== 'restricted');
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={t('airlock.portal.tools.title')} />
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
          {usable.length === 0 ? <Alert severity="info" sx={{ mb: 3 }}>{t('airlock.portal.tools.noneUsable')}</Alert> : null}
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('airlock.portal.tools.notAllowed', { smart_count: others.length })}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('airlock.portal.tools.notAllowedExplain')}
          </Typography>
          <Card variant="outlined">
            {others.map((tool) => (
              <NotAllowedRow key={tool.slug} tool={tool} />
            ))}
          </Card>
        </>
      ) : null}
      <MyRequests />
      <RequestToolDialog open={asking} onClose={() => setAsking(false)} initialName={q} key={asking ? 'open' : 'closed'} />
    </Box>
  );
}
