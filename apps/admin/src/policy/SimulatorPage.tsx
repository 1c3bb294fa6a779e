import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormLabel,
  Grid,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import ScienceIcon from '@mui/icons-material/Science';
import { useState, type FormEvent } from 'react';
import { Title, useGetList, useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { ACCOUNT_TYPES, ACTIONS, CHANNELS } from '@airlock/contracts/constants';
import { useConditionChoices } from '../rules/ConditionsInputs';
import { DecisionCard } from './DecisionCard';
import type { SimulateResponse } from './types';

type DestKind = 'provider' | 'url' | 'host';
interface Choice {
  id: string;
  name: string;
}

function MultiPicker({ id, label, options, value, onChange }: { id: string; label: string; options: Choice[]; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <Autocomplete
      multiple
      id={id}
      options={options.map((o) => o.id)}
      getOptionLabel={(o) => options.find((c) => c.id === o)?.name ?? o}
      value={value}
      onChange={(_, v) => onChange(v)}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}

/** Fill a request; see the decision under the draft and under the published policy, side by side. */
export default function SimulatorPage() {
  const t = useTranslate();
  const options = useConditionChoices();
  // services and data classes by name only: the pickers never show a slug
  const providerList = useGetList('providers', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } });
  const classList = useGetList('data-classes', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } });
  const providerChoices: Choice[] = (providerList.data ?? []).map((p) => ({ id: p.slug as string, name: p.name as string }));
  const classChoices: Choice[] = (classList.data ?? []).map((d) => ({ id: d.key as string, name: d.name as string }));
  const [action, setAction] = useState<string>('prompt');
  const [destKind, setDestKind] = useState<DestKind>('provider');
  const [provider, setProvider] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const [ip, setIp] = useState('');
  const [channel, setChannel] = useState('');
  const [accountType, setAccountType] = useState('');
  const [zone, setZone] = useState('');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [dataClasses, setDataClasses] = useState<string[]>([]);
  const [result, setResult] = useState<SimulateResponse | null>(null);
  const [sentText, setSentText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const destination = destKind === 'provider' ? (provider ? { provider } : null) : url.trim() ? { [destKind]: url.trim() } : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!destination) return;
    setBusy(true);
    setError(null);
    const subject = { ...(email.trim() ? { email: email.trim() } : {}), ...(groups.length ? { groups } : {}) };
    const context = { ...(ip.trim() ? { ip: ip.trim() } : {}), ...(channel ? { channel } : {}), ...(accountType ? { accountType } : {}), ...(zone ? { networkZone: zone } : {}) };
    const content = { ...(text ? { text } : {}), ...(fileName.trim() ? { fileName: fileName.trim() } : {}), ...(dataClasses.length ? { dataClasses } : {}) };
    const request = {
      action,
      destination,
      ...(Object.keys(subject).length ? { subject } : {}),
      ...(Object.keys(context).length ? { context } : {}),
      ...(Object.keys(content).length ? { content } : {}),
    };
    try {
      setResult(await apiSend<SimulateResponse>('/api/policy/simulate', 'POST', { request }));
      setSentText(text);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={t('airlock.simulator.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {t('airlock.simulator.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('airlock.simulator.explain')}
          </Typography>
          <Box component="form" onSubmit={submit} aria-label={t('airlock.simulator.title')}>
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField select id="sim-action" label={t('airlock.simulator.action')} value={action} onChange={(e) => setAction(e.target.value)} fullWidth>
                  {ACTIONS.map((a) => (
                    <MenuItem key={a} value={a}>
                      {t(`airlock.action.${a}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, md: 8 }}>
                <FormControl>
                  <FormLabel id="sim-dest-kind">{t('airlock.simulator.destinationKind')}</FormLabel>
                  <RadioGroup row aria-labelledby="sim-dest-kind" value={destKind} onChange={(e) => setDestKind(e.target.value as DestKind)}>
                    <FormControlLabel value="provider" control={<Radio />} label={t('airlock.simulator.byProvider')} />
                    <FormControlLabel value="url" control={<Radio />} label={t('airlock.simulator.byUrl')} />
                    <FormControlLabel value="host" control={<Radio />} label={t('airlock.simulator.byHost')} />
                  </RadioGroup>
                </FormControl>
              </Grid>
              <Grid size={12}>
                {destKind === 'provider' ? (
                  <Autocomplete
                    id="sim-provider"
                    options={providerChoices.map((p) => p.id)}
                    getOptionLabel={(o) => providerChoices.find((p) => p.id === o)?.name ?? o}
                    value={provider}
                    onChange={(_, v) => setProvider(v)}
                    renderInput={(params) => <TextField {...params} label={t('airlock.simulator.provider')} required />}
                  />
                ) : (
                  <TextField
                    id="sim-url"
                    label={destKind === 'url' ? t('airlock.simulator.url') : t('airlock.simulator.host')}
                    placeholder={destKind === 'url' ? 'https://chat.example.com/' : 'chat.example.com'}
                    value={url}
                    onChange={(e) => setUrl(e.target.value)}
                    required
                    fullWidth
                  />
                )}
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField id="sim-email" label={t('airlock.simulator.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} fullWidth />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <MultiPicker id="sim-groups" label={t('airlock.simulator.groups')} options={options.groups} value={groups} onChange={setGroups} />
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField id="sim-ip" label={t('airlock.simulator.ip')} value={ip} onChange={(e) => setIp(e.target.value)} fullWidth />
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField select id="sim-channel" label={t('airlock.simulator.channel')} value={channel} onChange={(e) => setChannel(e.target.value)} fullWidth>
                  <MenuItem value="">{t('airlock.simulator.notSet')}</MenuItem>
                  {CHANNELS.map((c) => (
                    <MenuItem key={c} value={c}>
                      {t(`airlock.channel.${c}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField select id="sim-zone" label={t('airlock.simulator.zone')} value={zone} onChange={(e) => setZone(e.target.value)} fullWidth>
                  <MenuItem value="">{t('airlock.simulator.zoneFromIp')}</MenuItem>
                  {options.zones.map((z) => (
                    <MenuItem key={z.id} value={z.id}>
                      {z.name}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField select id="sim-account-type" label={t('airlock.simulator.accountType')} value={accountType} onChange={(e) => setAccountType(e.target.value)} fullWidth>
                  <MenuItem value="">{t('airlock.simulator.notSet')}</MenuItem>
                  {ACCOUNT_TYPES.map((a) => (
                    <MenuItem key={a} value={a}>
                      {t(`airlock.accountType.${a}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={12}>
                <TextField id="sim-text" label={t('airlock.simulator.text')} value={text} onChange={(e) => setText(e.target.value)} multiline minRows={3} fullWidth helperText={t('airlock.simulator.textHelp')} />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField id="sim-file" label={t('airlock.simulator.fileName')} value={fileName} onChange={(e) => setFileName(e.target.value)} fullWidth />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <MultiPicker id="sim-classes" label={t('airlock.simulator.dataClasses')} options={classChoices} value={dataClasses} onChange={setDataClasses} />
              </Grid>
              <Grid size={12}>
                <Button type="submit" variant="contained" startIcon={busy ? <CircularProgress size={18} /> : <ScienceIcon />} disabled={busy || !destination}>
                  {t('airlock.simulator.run')}
                </Button>
              </Grid>
            </Grid>
          </Box>
        </CardContent>
      </Card>
      {error ? <Alert severity="error">{error}</Alert> : null}
      {result ? (
        <Box aria-live="polite">
          {result.warnings.length ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {result.warnings.map((w) => `${w.path.join('.')}: ${w.message}`).join(' · ')}
            </Alert>
          ) : null}
          <Alert severity={result.differs ? 'warning' : 'info'} sx={{ mb: 2 }} role="status">
            {result.differs ? t('airlock.simulator.differs') : t('airlock.simulator.same')}
          </Alert>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <DecisionCard title={t('airlock.simulator.draft')} decision={result.draft} text={sentText} testId="decision-draft" />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <DecisionCard
                title={result.published?.policyVersion ? t('airlock.simulator.publishedVersion', { number: result.published.policyVersion }) : t('airlock.simulator.published')}
                decision={result.published}
                text={sentText}
                testId="decision-published"
              />
            </Grid>
          </Grid>
        </Box>
      ) : null}
    </Box>
  );
}
