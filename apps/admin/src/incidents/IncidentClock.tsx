import {
  Autocomplete,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  List as MuiList,
  ListItem,
  ListItemText,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { useApi } from '../common/hooks';
import { matchNameOrKey, useDataClassChoices } from '../common/useDataClassChoices';
import { Fact, useUpdate, type Incident, type IncidentEvent } from './IncidentParts';

/**
 * What protects the 72-hour clock on the incident page: the notification decision, correcting the
 * facts the deadline counts from, and the messages with an anonymous reporter.
 */

function toLocalInput(v: string | null): string {
  if (!v) return '';
  const d = new Date(v);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Whether the supervisory authority was notified (when, reference) or not (why): recording it
 * stops the 72-hour clock. It can be changed; each change is in the timeline and the audit log.
 */
export function NotificationDecision({ incident, canWrite }: { incident: Incident; canWrite: boolean }) {
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<'notified' | 'not_notified'>('notified');
  const [notifiedAt, setNotifiedAt] = useState('');
  const [reference, setReference] = useState('');
  const [why, setWhy] = useState('');
  const [busy, setBusy] = useState(false);
  const dt = (v: string | null) => (v ? new Date(v).toLocaleString() : '—');
  const start = () => {
    setDecision(incident.notificationDecision ?? 'notified');
    setNotifiedAt(toLocalInput(incident.notifiedAt) || toLocalInput(new Date().toISOString()));
    setReference(incident.notificationReference ?? '');
    setWhy(incident.notificationRationale ?? '');
    setOpen(true);
  };
  const save = async () => {
    setBusy(true);
    try {
      await apiSend(
        `/api/incidents/${incident.id}/notification`,
        'PUT',
        decision === 'notified'
          ? { decision, notifiedAt: new Date(notifiedAt).toISOString(), ...(reference.trim() ? { reference: reference.trim() } : {}) }
          : { decision, reason: why.trim() },
      );
      setOpen(false);
      refresh();
      await queryClient.invalidateQueries({ queryKey: ['api', `/api/incidents/${incident.id}/events`] });
      notify('airlock.incidents.notificationSaved', { type: 'success' });
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const valid = decision === 'notified' ? !!notifiedAt : !!why.trim();
  return (
    <Box data-testid="notification-decision" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {incident.notificationDecision === 'notified' ? (
        <>
          <Typography variant="body2">
            <strong>{t('airlock.incidents.notifiedOn', { when: dt(incident.notifiedAt) })}</strong>
          </Typography>
          <Fact label={t('airlock.incidents.notificationReference')} value={incident.notificationReference} />
        </>
      ) : incident.notificationDecision === 'not_notified' ? (
        <>
          <Typography variant="body2">
            <strong>{t('airlock.incidents.notNotified')}</strong>
          </Typography>
          <Fact
            label={t('airlock.incidents.notNotifiedWhy')}
            value={<span style={{ whiteSpace: 'pre-wrap' }}>{incident.notificationRationale}</span>}
          />
        </>
      ) : (
        <Typography variant="body2">
          {t(incident.personalDataInvolved ? 'airlock.incidents.notificationPending' : 'airlock.incidents.notificationNotNeeded')}
        </Typography>
      )}
      {incident.notificationDecision && incident.notificationDecidedBy ? (
        <Typography variant="caption" color="text.secondary">
          {t('airlock.incidents.decidedBy', { who: incident.notificationDecidedBy, when: dt(incident.notificationDecidedAt) })}
        </Typography>
      ) : null}
      {canWrite ? (
        <Box>
          <Button size="small" variant="outlined" onClick={start}>
            {t(incident.notificationDecision ? 'airlock.incidents.changeDecision' : 'airlock.incidents.recordDecision')}
          </Button>
        </Box>
      ) : null}
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="notification-title" fullWidth maxWidth="sm">
        <DialogTitle id="notification-title">{t('airlock.incidents.notificationTitle', { number: incident.number })}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          <FormControl>
            <FormLabel id="notification-choice">{t('airlock.incidents.notificationQuestion')}</FormLabel>
            <RadioGroup
              aria-labelledby="notification-choice"
              value={decision}
              onChange={(e) => setDecision(e.target.value as 'notified' | 'not_notified')}
            >
              <FormControlLabel value="notified" control={<Radio />} label={t('airlock.incidents.choiceNotified')} />
              <FormControlLabel value="not_notified" control={<Radio />} label={t('airlock.incidents.choiceNotNotified')} />
            </RadioGroup>
          </FormControl>
          {decision === 'notified' ? (
            <>
              <TextField
                id="notified-at"
                type="datetime-local"
                label={t('airlock.incidents.notifiedAt')}
                value={notifiedAt}
                onChange={(e) => setNotifiedAt(e.target.value)}
                slotProps={{ inputLabel: { shrink: true } }}
                required
                fullWidth
              />
              <TextField
                id="notification-reference"
                label={t('airlock.incidents.notificationReference')}
                helperText={t('airlock.incidents.notificationReferenceHelp')}
                value={reference}
                onChange={(e) => setReference(e.target.value)}
                fullWidth
              />
            </>
          ) : (
            <TextField
              id="notification-why"
              label={t('airlock.incidents.notNotifiedWhy')}
              helperText={t('airlock.incidents.notNotifiedHelp')}
              value={why}
              onChange={(e) => setWhy(e.target.value)}
              required
              multiline
              minRows={3}
              fullWidth
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => void save()} disabled={busy || !valid}>
            {t('airlock.incidents.saveDecision')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

const OTHER_SERVICE = '__other__';

/**
 * Correcting the facts an incident was reported with: the service, the data classes, when it
 * happened and when the organization became aware (the 72-hour deadline counts from then, and the
 * server recomputes it). Only what changed is sent; each change is in the timeline with before/after.
 */
export function CorrectFacts({ incident }: { incident: Incident }) {
  const t = useTranslate();
  const update = useUpdate(incident);
  const classChoices = useDataClassChoices();
  const [open, setOpen] = useState(false);
  const services = useGetList(
    'providers',
    { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: open },
  );
  const [service, setService] = useState('');
  const [other, setOther] = useState('');
  const [classes, setClasses] = useState<string[]>([]);
  const [occurredAt, setOccurredAt] = useState('');
  const [awareAt, setAwareAt] = useState('');
  const start = () => {
    setService(incident.provider?.id ?? (incident.providerOther ? OTHER_SERVICE : ''));
    setOther(incident.providerOther ?? '');
    setClasses(incident.dataClasses);
    setOccurredAt(toLocalInput(incident.occurredAt));
    setAwareAt(toLocalInput(incident.awareAt));
    setOpen(true);
  };
  const save = async () => {
    const data: Record<string, unknown> = {};
    if (service === OTHER_SERVICE) {
      if (other.trim() !== (incident.providerOther ?? '') || incident.provider) data.providerOther = other.trim();
    } else if (service !== (incident.provider?.id ?? '')) {
      if (service) data.providerId = service;
      else {
        data.providerId = null;
        data.providerOther = null;
      }
    } else if (!service && incident.providerOther) data.providerOther = null;
    if (classes.join('\n') !== incident.dataClasses.join('\n')) data.dataClasses = classes;
    if (occurredAt !== toLocalInput(incident.occurredAt)) data.occurredAt = occurredAt ? new Date(occurredAt).toISOString() : null;
    if (awareAt !== toLocalInput(incident.awareAt)) data.awareAt = new Date(awareAt).toISOString();
    if (!Object.keys(data).length || (await update(data))) setOpen(false);
  };
  const labelOf = new Map(classChoices.map((c) => [c.id, c.name]));
  const options = [...new Set([...classChoices.map((c) => c.id), ...classes])];
  return (
    <>
      <Button size="small" variant="outlined" onClick={start}>
        {t('airlock.incidents.correctFacts')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="facts-title" fullWidth maxWidth="sm">
        <DialogTitle id="facts-title">{t('airlock.incidents.correctFactsTitle', { number: incident.number })}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          <Typography variant="body2">{t('airlock.incidents.correctFactsHelp')}</Typography>
          <TextField
            select
            id="facts-service"
            label={t('resources.incidents.fields.providerId')}
            value={service}
            onChange={(e) => setService(e.target.value)}
            fullWidth
          >
            <MenuItem value="">{t('airlock.incidents.noService')}</MenuItem>
            {(services.data ?? []).map((p) => (
              <MenuItem key={p.id} value={p.id as string}>
                {p.name}
              </MenuItem>
            ))}
            {incident.provider && !(services.data ?? []).some((p) => p.id === incident.provider!.id) ? (
              <MenuItem value={incident.provider.id}>{incident.provider.name}</MenuItem>
            ) : null}
            <MenuItem value={OTHER_SERVICE}>{t('airlock.incidents.otherService')}</MenuItem>
          </TextField>
          {service === OTHER_SERVICE ? (
            <TextField
              id="facts-other"
              label={t('resources.incidents.fields.providerOther')}
              value={other}
              onChange={(e) => setOther(e.target.value)}
              required
              fullWidth
            />
          ) : null}
          <Autocomplete
            multiple
            id="facts-classes"
            options={options}
            value={classes}
            onChange={(_, v) => setClasses(v)}
            getOptionLabel={(o) => labelOf.get(o) ?? o}
            filterOptions={(opts, { inputValue }) => opts.filter((o) => matchNameOrKey(inputValue, { id: o, name: labelOf.get(o) }))}
            renderInput={(params) => <TextField {...params} label={t('resources.incidents.fields.dataClasses')} />}
          />
          <TextField
            id="facts-occurred"
            type="datetime-local"
            label={t('resources.incidents.fields.occurredAt')}
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            fullWidth
          />
          <TextField
            id="facts-aware"
            type="datetime-local"
            label={t('resources.incidents.fields.awareAt')}
            helperText={t('airlock.incidents.awareAtHelp')}
            value={awareAt}
            onChange={(e) => setAwareAt(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            required
            fullWidth
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => void save()} disabled={!awareAt || (service === OTHER_SERVICE && !other.trim())}>
            {t('airlock.incidents.saveFacts')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/**
 * Messages with an anonymous reporter: what the team writes shows on the status page of whoever
 * holds the report's status code, and their answers come back here. Nobody is notified, so the
 * reporter reads the questions when they next check.
 */
export function ReporterMessages({ incident, canWrite }: { incident: Incident; canWrite: boolean }) {
  const t = useTranslate();
  const path = `/api/incidents/${incident.id}/events`;
  const events = useApi<IncidentEvent[]>(path);
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const rows = (Array.isArray(events.data) ? events.data : []).filter(
    (e) => e.type === 'message_to_reporter' || e.type === 'message_from_reporter',
  );
  const send = async () => {
    setBusy(true);
    try {
      await apiSend(`/api/incidents/${incident.id}/reporter-messages`, 'POST', { body: body.trim() });
      setBody('');
      await queryClient.invalidateQueries({ queryKey: ['api', path] });
      notify('airlock.incidents.messageSent', { type: 'success' });
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {t('airlock.incidents.messagesExplain')}
      </Typography>
      <MuiList dense aria-label={t('airlock.incidents.messages')}>
        {rows.map((e) => (
          <ListItem
            key={e.id}
            disableGutters
            sx={{ borderLeft: 3, borderColor: e.type === 'message_from_reporter' ? 'secondary.main' : 'primary.main', pl: 1.5, mb: 1 }}
          >
            <ListItemText
              primary={`${e.type === 'message_from_reporter' ? t('airlock.incidents.fromReporter') : t('airlock.incidents.fromTeam', { who: e.actorLabel })} · ${new Date(e.createdAt).toLocaleString()}`}
              secondary={<span style={{ whiteSpace: 'pre-wrap' }}>{String((e.data as { body?: unknown } | null)?.body ?? '')}</span>}
            />
          </ListItem>
        ))}
      </MuiList>
      {!rows.length ? <Typography variant="body2">{t('airlock.incidents.noMessages')}</Typography> : null}
      {canWrite ? (
        <>
          <TextField
            id="reporter-message"
            label={t('airlock.incidents.messageToReporter')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            multiline
            minRows={2}
            fullWidth
          />
          <Box>
            <Button variant="contained" size="small" onClick={() => void send()} disabled={busy || !body.trim()}>
              {t('airlock.incidents.sendToReporter')}
            </Button>
          </Box>
        </>
      ) : null}
    </Box>
  );
}
