import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  IconButton,
  List,
  ListItem,
  ListItemText,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useState, type FormEvent } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { apiSend, errorMessage } from '../api/http';
import { useApi } from '../common/hooks';
import type { IncidentOptionsOutput, PortalIncidentCreated } from '@airlock/contracts/types';

type Options = IncidentOptionsOutput;
type Created = PortalIncidentCreated;

const OTHER = 'other';

function Confirmation({ created, onAnother }: { created: Created; onAnother: () => void }) {
  const t = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.statusToken ?? '');
      setCopied(true);
    } catch {
      (document.getElementById('status-token') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <Card>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="report-confirmation">
        <Alert severity="success" role="status">
          <strong>{t('airlock.portal.report.thanks', { number: created.number })}</strong> {created.message}
        </Alert>
        {created.nextSteps.length ? (
          <Box>
            <Typography variant="h6" component="h2">
              {t('airlock.portal.report.nextSteps')}
            </Typography>
            <List dense component="ol" sx={{ listStyle: 'decimal', pl: 3 }}>
              {created.nextSteps.map((s, i) => (
                <ListItem key={i} sx={{ display: 'list-item' }} disableGutters>
                  <ListItemText primary={s} />
                </ListItem>
              ))}
            </List>
          </Box>
        ) : null}
        {created.anonymous && created.statusToken ? (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <Alert severity="warning">{t('airlock.portal.report.tokenWarning')}</Alert>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <TextField
                id="status-token"
                label={t('airlock.portal.report.token')}
                value={created.statusToken}
                fullWidth
                slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'status-token', style: { fontFamily: 'monospace' } } }}
                onFocus={(e) => e.target.select()}
              />
              <Tooltip title={copied ? t('airlock.apiClients.copied') : t('airlock.apiClients.copy')}>
                <IconButton onClick={() => void copy()} aria-label={t('airlock.portal.report.copyToken')}>
                  <ContentCopyIcon />
                </IconButton>
              </Tooltip>
            </Box>
            <Typography variant="body2">
              {/* The page, never the code: a URL with the code would stay in the browser history. */}
              {t('airlock.portal.report.tokenHow')} <Link to="/status">{t('airlock.portal.status.title')}</Link>
            </Typography>
          </Box>
        ) : (
          <Typography variant="body2">
            {t('airlock.portal.report.followUp')} <Link to="/portal/reports">{t('airlock.portal.reports.menu')}</Link>
          </Typography>
        )}
        <Box>
          <Button onClick={onAnother}>{t('airlock.portal.report.another')}</Button>
        </Box>
      </CardContent>
    </Card>
  );
}

/** "Report an incident": short, plain words, anonymous if the employee wants. */
export default function ReportPage() {
  const t = useTranslate();
  const options = useApi<Options>('/api/portal/incident-options');
  const [service, setService] = useState<string | null>(null);
  const [serviceText, setServiceText] = useState('');
  const [otherService, setOtherService] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [occurredAt, setOccurredAt] = useState('');
  const [description, setDescription] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [tried, setTried] = useState(false);

  const services = [...(options.data?.services ?? []).map((s) => ({ id: s.id, name: s.name })), { id: OTHER, name: t('airlock.portal.report.otherService') }];
  const nameOf = (id: string) => services.find((s) => s.id === id)?.name ?? id;
  const exactMatch = (text: string) => services.find((s) => s.id !== OTHER && s.name.toLowerCase() === text.trim().toLowerCase());
  /** Typed text that is not a service's full name: kept as the "other" service's name, never mapped to a partial match. */
  const typedOther = () => {
    const typed = serviceText.trim();
    return typed && !exactMatch(typed) && typed !== nameOf(OTHER) ? typed : '';
  };
  const pickService = (v: string | null) => {
    if (v === OTHER) {
      const typed = typedOther();
      if (typed) setOtherService(typed);
    }
    setService(v);
  };
  // Leaving the field decides explicitly: the exact name picks that service, other text becomes
  // "Other" with that name (shown in the field below it), nothing typed clears the choice.
  const leaveService = () => {
    const typed = serviceText.trim();
    if (service && typed === nameOf(service)) return;
    if (!typed) return setService(null);
    const match = exactMatch(typed);
    if (match) return setService(match.id);
    setOtherService(typed);
    setService(OTHER);
  };
  const valid = !!service && (service !== OTHER || otherService.trim()) && kinds.length > 0 && description.trim();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const res = await apiSend<Created>('/api/portal/incidents', 'POST', {
        providerId: service,
        ...(service === OTHER ? { otherService: otherService.trim() } : {}),
        dataKinds: kinds,
        ...(occurredAt ? { occurredAt: new Date(occurredAt).toISOString() } : {}),
        description: description.trim(),
        anonymous,
      });
      setCreated(res);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setCreated(null);
    setService(null);
    setServiceText('');
    setOtherService('');
    setKinds([]);
    setOccurredAt('');
    setDescription('');
    setAnonymous(false);
    setTried(false);
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 760 }}>
      <Title title={t('airlock.portal.report.title')} />
      {created ? (
        <Confirmation created={created} onAnother={reset} />
      ) : (
        <Card>
          <CardContent>
            <Typography variant="h5" component="h2" gutterBottom>
              {t('airlock.portal.report.title')}
            </Typography>
            <Typography variant="body1" sx={{ mb: 2 }}>
              {t('airlock.portal.report.intro')}
            </Typography>
            {options.error ? <Alert severity="error">{errorMessage(options.error)}</Alert> : null}
            <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }} aria-label={t('airlock.portal.report.title')}>
              {/* First, before any detail: whether the report is anonymous shapes what one is willing to write. */}
              <Box>
                <FormControlLabel control={<Checkbox checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />} label={t('airlock.portal.report.anonymous')} />
                <FormHelperText sx={{ ml: 4 }}>{t('airlock.portal.report.anonymousHelp')}</FormHelperText>
              </Box>
              <Autocomplete
                id="report-service"
                options={services.map((s) => s.id)}
                getOptionLabel={nameOf}
                value={service}
                onChange={(_, v) => pickService(v)}
                inputValue={serviceText}
                onInputChange={(_, v, reason) => {
                  setServiceText(v);
                  // Typing again is choosing again: the earlier choice no longer stands.
                  if (reason === 'input' && service && v !== nameOf(service)) setService(null);
                }}
                onBlur={leaveService}
                // Nothing is picked for the user: no first-match highlight, no pick on blur or Enter
                // without a choice; "Other" stays offered, with the typed name.
                autoHighlight={false}
                autoSelect={false}
                clearOnBlur={false}
                filterOptions={(ids, state) => {
                  const q = state.inputValue.trim().toLowerCase();
                  const shown = q && !(service && state.inputValue === nameOf(service)) ? ids.filter((id) => id !== OTHER && nameOf(id).toLowerCase().includes(q)) : ids.filter((id) => id !== OTHER);
                  return [...shown, OTHER];
                }}
                renderOption={(props, id) => {
                  const { key, ...rest } = props as typeof props & { key: string };
                  const typed = id === OTHER ? typedOther() : '';
                  return (
                    <li key={key} {...rest}>
                      {typed ? t('airlock.portal.report.useTyped', { name: typed }) : nameOf(id)}
                    </li>
                  );
                }}
                renderInput={(params) => (
                  <TextField {...params} label={t('airlock.portal.report.service')} required error={tried && !service} helperText={tried && !service ? t('airlock.portal.report.required') : t('airlock.portal.report.serviceHelp')} />
                )}
              />
              {service === OTHER ? (
                <TextField id="report-other" label={t('airlock.portal.report.otherName')} value={otherService} onChange={(e) => setOtherService(e.target.value)} required error={tried && !otherService.trim()} fullWidth />
              ) : null}
              <FormControl required error={tried && kinds.length === 0} component="fieldset">
                <FormLabel component="legend">{t('airlock.portal.report.whatData')}</FormLabel>
                <FormGroup>
                  {(options.data?.dataKinds ?? []).map((k) => (
                    <FormControlLabel
                      key={k.key}
                      control={<Checkbox checked={kinds.includes(k.key)} onChange={(e) => setKinds(e.target.checked ? [...kinds, k.key] : kinds.filter((x) => x !== k.key))} />}
                      label={t(`airlock.portal.dataKinds.${k.key}`, { _: k.label })}
                    />
                  ))}
                </FormGroup>
                <FormHelperText>{tried && kinds.length === 0 ? t('airlock.portal.report.pickOne') : t('airlock.portal.report.whatDataHelp')}</FormHelperText>
              </FormControl>
              <TextField
                id="report-when"
                type="datetime-local"
                label={t('airlock.portal.report.when')}
                value={occurredAt}
                onChange={(e) => setOccurredAt(e.target.value)}
                slotProps={{ inputLabel: { shrink: true } }}
                helperText={t('airlock.portal.report.whenHelp')}
                sx={{ maxWidth: 320 }}
              />
              <TextField
                id="report-description"
                label={t('airlock.portal.report.description')}
                helperText={tried && !description.trim() ? t('airlock.portal.report.required') : t('airlock.portal.report.descriptionHelp')}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                error={tried && !description.trim()}
                required
                multiline
                minRows={4}
                fullWidth
              />
              {error ? (
                <Alert severity="error" role="alert">
                  {error}
                </Alert>
              ) : null}
              <Box>
                <Button type="submit" variant="contained" size="large" disabled={busy}>
                  {t('airlock.portal.report.submit')}
                </Button>
              </Box>
            </Box>
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
