import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Grid,
  List as MuiList,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ShowBase, Title, useGetIdentity, useGetList, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { IncidentStatusChip, SeverityChip } from '../common/chips';
import { CLOSURE_REASONS, INCIDENT_SEVERITIES } from '@airlock/contracts/constants';
import { useApi, usePermission } from '../common/hooks';
import { useDataClassLabel } from '../common/labels';
import { DeadlineCountdown } from './Deadline';
import { CorrectFacts, NotificationDecision, ReporterMessages } from './IncidentClock';
import { Fact, Panel, useUpdate, type Incident, type IncidentEvent, type Task } from './IncidentParts';

/**
 * Resolving or closing with checklist tasks still open: which ones, and a required reason (the API
 * refuses the move without it and keeps the reason in the timeline and the audit log).
 */
function OpenTasksReason({ open, reason, setReason }: { open: Task[]; reason: string; setReason: (v: string) => void }) {
  const t = useTranslate();
  if (!open.length) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Alert severity="warning">
        {t('airlock.incidents.openTasksWarning', { smart_count: open.length })}
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {open.map((task) => (
            <li key={task.id}>{task.label}</li>
          ))}
        </Box>
      </Alert>
      <TextField
        id="open-tasks-reason"
        label={t('airlock.incidents.openTasksReason')}
        helperText={t('airlock.incidents.openTasksReasonHelp')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        multiline
        minRows={2}
        fullWidth
      />
    </Box>
  );
}

/** Buttons for the allowed next statuses only; closing asks for the reason, and open tasks ask why. */
function StatusActions({ incident }: { incident: Incident }) {
  const t = useTranslate();
  const update = useUpdate(incident);
  const [closing, setClosing] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [reason, setReason] = useState('remediated');
  const [until, setUntil] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [tasksReason, setTasksReason] = useState('');
  const others = useGetList(
    'incidents',
    { pagination: { page: 1, perPage: 50 }, sort: { field: 'number', order: 'DESC' } },
    { enabled: closing && reason === 'duplicate' },
  );
  if (!incident.allowedTransitions.length) return <Typography variant="body2">{t('airlock.incidents.final')}</Typography>;
  const openTasks = (incident.tasks ?? []).filter((x) => !x.done);
  const withReason = openTasks.length ? { openTasksReason: tasksReason.trim() } : {};
  const close = async () => {
    const ok = await update({
      status: 'closed',
      closureReason: reason,
      ...(reason === 'risk_accepted' && until ? { riskAcceptedUntil: new Date(until).toISOString() } : {}),
      ...(reason === 'duplicate' && duplicateOf ? { duplicateOfId: duplicateOf } : {}),
      ...withReason,
    });
    if (ok) {
      setClosing(false);
      setTasksReason('');
    }
  };
  const resolve = async () => {
    if (await update({ status: 'resolved', ...withReason })) {
      setResolving(false);
      setTasksReason('');
    }
  };
  const move = (s: string) => {
    if (s === 'closed') setClosing(true);
    else if (s === 'resolved' && openTasks.length) setResolving(true);
    else void update({ status: s });
  };
  const needsReason = openTasks.length > 0 && !tasksReason.trim();
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }} role="group" aria-label={t('airlock.incidents.moveTo')}>
        {incident.allowedTransitions.map((s) => (
          <Button
            key={s}
            variant={s === 'closed' ? 'outlined' : 'contained'}
            size="small"
            color={s === 'investigating' && ['contained', 'resolved'].includes(incident.status) ? 'warning' : 'primary'}
            onClick={() => move(s)}
          >
            {t(`airlock.incidents.to.${s}`)}
          </Button>
        ))}
      </Stack>
      <Dialog open={closing} onClose={() => setClosing(false)} aria-labelledby="close-incident-title" fullWidth maxWidth="sm">
        <DialogTitle id="close-incident-title">{t('airlock.incidents.closeTitle', { number: incident.number })}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          <TextField
            select
            id="closure-reason"
            label={t('resources.incidents.fields.closureReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
          >
            {CLOSURE_REASONS.map((r) => (
              <MenuItem key={r} value={r}>
                {t(`airlock.closure.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          {reason === 'risk_accepted' ? (
            <TextField
              id="risk-until"
              type="date"
              label={t('resources.incidents.fields.riskAcceptedUntil')}
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              required
              fullWidth
            />
          ) : null}
          {reason === 'duplicate' ? (
            <TextField
              select
              id="duplicate-of"
              label={t('resources.incidents.fields.duplicateOfId')}
              value={duplicateOf}
              onChange={(e) => setDuplicateOf(e.target.value)}
              required
              fullWidth
            >
              {(others.data ?? [])
                .filter((o) => o.id !== incident.id)
                .map((o) => (
                  <MenuItem key={o.id} value={o.id as string}>
                    #{o.number} {o.title}
                  </MenuItem>
                ))}
            </TextField>
          ) : null}
          <OpenTasksReason open={openTasks} reason={tasksReason} setReason={setTasksReason} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setClosing(false)}>{t('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            onClick={() => void close()}
            disabled={(reason === 'risk_accepted' && !until) || (reason === 'duplicate' && !duplicateOf) || needsReason}
          >
            {t(openTasks.length ? 'airlock.incidents.confirmCloseAnyway' : 'airlock.incidents.confirmClose')}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={resolving} onClose={() => setResolving(false)} aria-labelledby="resolve-incident-title" fullWidth maxWidth="sm">
        <DialogTitle id="resolve-incident-title">{t('airlock.incidents.resolveTitle', { number: incident.number })}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          <OpenTasksReason open={openTasks} reason={tasksReason} setReason={setTasksReason} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setResolving(false)}>{t('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => void resolve()} disabled={needsReason}>
            {t('airlock.incidents.confirmResolveAnyway')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** An ISO time as a datetime-local input's value (local time, to the minute). */
function Assignment({ incident, canWrite }: { incident: Incident; canWrite: boolean }) {
  const t = useTranslate();
  const update = useUpdate(incident);
  const { identity } = useGetIdentity();
  const users = useGetList(
    'users',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' }, filter: {} },
    { enabled: canWrite },
  );
  const staff = (users.data ?? []).filter((u) => u.role !== 'employee' && !u.disabled);
  if (!canWrite) return <Typography variant="body2">{incident.assignee?.name ?? t('airlock.incidents.unassigned')}</Typography>;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
      <TextField
        select
        size="small"
        id="incident-assignee"
        label={t('resources.incidents.fields.assigneeId')}
        value={incident.assigneeId ?? ''}
        onChange={(e) => void update({ assigneeId: e.target.value || null })}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        sx={{ minWidth: 220 }}
      >
        <MenuItem value="">{t('airlock.incidents.unassigned')}</MenuItem>
        {incident.assignee && !staff.some((u) => u.id === incident.assigneeId) ? (
          <MenuItem value={incident.assignee.id}>{incident.assignee.name}</MenuItem>
        ) : null}
        {staff.map((u) => (
          <MenuItem key={u.id} value={u.id as string}>
            {u.name}
          </MenuItem>
        ))}
      </TextField>
      {identity && incident.assigneeId !== identity.id ? (
        <Button size="small" onClick={() => void update({ assigneeId: identity.id })}>
          {t('airlock.incidents.assignToMe')}
        </Button>
      ) : null}
    </Stack>
  );
}

function Checklist({ incident, canWrite }: { incident: Incident; canWrite: boolean }) {
  const t = useTranslate();
  const refresh = useRefresh();
  const notify = useNotify();
  const tasks = incident.tasks ?? [];
  const toggle = async (task: Task) => {
    try {
      await apiSend(`/api/incidents/${incident.id}/tasks/${task.id}`, 'PUT', { done: !task.done });
      refresh();
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    }
  };
  if (!tasks.length) return <Typography variant="body2">{t('airlock.incidents.noTasks')}</Typography>;
  const done = tasks.filter((x) => x.done).length;
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {t('airlock.incidents.tasksDone', { done, total: tasks.length })}
      </Typography>
      {tasks.map((task) => (
        <Box key={task.id} sx={{ mb: 1 }}>
          <FormControlLabel
            control={<Checkbox checked={task.done} onChange={() => void toggle(task)} disabled={!canWrite} />}
            label={<span style={{ textDecoration: task.done ? 'line-through' : 'none' }}>{task.label}</span>}
          />
          {task.detail ? (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ ml: 4 }}>
              {task.detail}
            </Typography>
          ) : null}
          {task.done && task.doneByLabel ? (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ ml: 4 }}>
              {t('airlock.incidents.doneBy', { who: task.doneByLabel, when: task.doneAt ? new Date(task.doneAt).toLocaleString() : '' })}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}

type T = (k: string, o?: Record<string, unknown>) => string;

/** One timeline entry in words: a comment's text, "Status: New → Triaged", a ticked task, the report. */
function describeEvent(e: IncidentEvent, t: T, people: Map<string, string>, className: (key: string) => string): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  if (typeof d.body === 'string') return d.body;
  if (e.type === 'notification_decided') {
    const after = (d.after ?? {}) as { decision?: string; notifiedAt?: string | null; reference?: string | null; reason?: string | null };
    if (after.decision === 'notified')
      return `${t('airlock.incidents.notifiedOn', { when: after.notifiedAt ? new Date(after.notifiedAt).toLocaleString() : '—' })}${after.reference ? ` (${after.reference})` : ''}`;
    return `${t('airlock.incidents.notNotified')}: ${after.reason ?? ''}`;
  }
  if (typeof d.field === 'string') {
    const field = d.field;
    if (field === 'providerId' && ('beforeName' in d || 'afterName' in d)) {
      const name = (v: unknown) => (typeof v === 'string' && v ? v : '—');
      return t('airlock.timeline.changed', {
        field: t('resources.incidents.fields.providerId'),
        from: name(d.beforeName),
        to: name(d.afterName),
      });
    }
    const fmt = (v: unknown): string => {
      if (v === null || v === undefined || v === '') return '—';
      if (field === 'status') return t(`airlock.incidentStatus.${String(v)}`, { _: String(v) });
      if (field === 'severity') return t(`airlock.severity.${String(v)}`, { _: String(v) });
      if (field === 'assigneeId') return people.get(String(v)) ?? String(v);
      if (field === 'closureReason') return t(`airlock.closure.${String(v)}`, { _: String(v) });
      if (field === 'dataClasses' && Array.isArray(v)) return v.length ? v.map((k) => className(String(k))).join(', ') : '—';
      if (Array.isArray(v)) return v.join(', ');
      if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return new Date(v).toLocaleString();
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    };
    const label = t(`resources.incidents.fields.${field}`, { _: field });
    const closure = typeof d.closureReason === 'string' ? ` (${t(`airlock.closure.${d.closureReason}`, { _: d.closureReason })})` : '';
    const openTasks =
      typeof d.openTasksReason === 'string'
        ? `\n${t('airlock.timeline.openTasksLeft', { smart_count: Array.isArray(d.openTasks) ? d.openTasks.length : 0, reason: d.openTasksReason })}`
        : '';
    return `${t('airlock.timeline.changed', { field: label, from: fmt(d.before), to: fmt(d.after) })}${closure}${openTasks}`;
  }
  if (typeof d.label === 'string') return d.label;
  if (e.type === 'created') {
    const parts = [
      d.service ? String(d.service) : null,
      Array.isArray(d.dataClasses) && d.dataClasses.length ? (d.dataClasses as string[]).map(className).join(', ') : null,
    ];
    return parts.filter(Boolean).join(' · ');
  }
  return '';
}

function Timeline({ incident, canWrite }: { incident: Incident; canWrite: boolean }) {
  const t = useTranslate();
  const path = `/api/incidents/${incident.id}/events`;
  const events = useApi<IncidentEvent[]>(path);
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const comment = async () => {
    setBusy(true);
    try {
      await apiSend(`/api/incidents/${incident.id}/comments`, 'POST', { body: body.trim() });
      setBody('');
      await queryClient.invalidateQueries({ queryKey: ['api', path] });
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const rows = Array.isArray(events.data) ? events.data : [];
  const users = useGetList('users', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  const people = new Map((users.data ?? []).map((u) => [String(u.id), String(u.name)]));
  const className = useDataClassLabel();
  return (
    <Box>
      {events.error ? <Alert severity="error">{errorMessage(events.error)}</Alert> : null}
      <MuiList dense aria-label={t('airlock.incidents.timeline')}>
        {rows.map((e) => (
          <ListItem
            key={e.id}
            disableGutters
            alignItems="flex-start"
            sx={{ borderLeft: 3, borderColor: e.type === 'comment' ? 'primary.main' : 'divider', pl: 1.5, mb: 1 }}
          >
            <ListItemText
              primary={
                <span>
                  <strong>{e.actorLabel}</strong> · {t(`airlock.timeline.type.${e.type}`, { _: e.type.replace(/_/g, ' ') })} ·{' '}
                  {new Date(e.createdAt).toLocaleString()}
                </span>
              }
              secondary={<span style={{ whiteSpace: 'pre-wrap' }}>{describeEvent(e, t, people, className)}</span>}
            />
          </ListItem>
        ))}
      </MuiList>
      {canWrite ? (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <TextField
            id="incident-comment"
            label={t('airlock.incidents.comment')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            multiline
            minRows={2}
            fullWidth
          />
          <Box>
            <Button variant="contained" size="small" onClick={() => void comment()} disabled={busy || !body.trim()}>
              {t('airlock.incidents.addComment')}
            </Button>
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}

function Similar({ incident }: { incident: Incident }) {
  const t = useTranslate();
  const similar = useApi<{ id: string; number: number; title: string; status: string; similarity?: { reasons: string[] } }[]>(
    `/api/incidents/${incident.id}/similar`,
  );
  const rows = Array.isArray(similar.data) ? similar.data : [];
  if (!rows.length) return <Typography variant="body2">{t('airlock.incidents.noSimilar')}</Typography>;
  return (
    <MuiList dense>
      {rows.map((s) => (
        <ListItem key={s.id} disableGutters>
          <ListItemText
            primary={<Link to={`/incidents/${s.id}/show`}>{`#${s.number} ${s.title}`}</Link>}
            secondary={
              <>
                <IncidentStatusChip status={s.status} /> {s.similarity?.reasons.join(' · ') ?? ''}
              </>
            }
            slotProps={{ secondary: { component: 'div' } }}
          />
        </ListItem>
      ))}
    </MuiList>
  );
}

function IncidentPage() {
  const incident = useRecordContext<Incident>();
  const t = useTranslate();
  const canWrite = usePermission('incidents.write');
  const update = useUpdate(incident ?? ({} as Incident));
  const className = useDataClassLabel();
  if (!incident) return null;
  const dt = (v: string | null) => (v ? new Date(v).toLocaleString() : '—');
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={`#${incident.number} ${incident.title}`} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
            <Box>
              <Typography variant="h5" component="h2">
                #{incident.number} {incident.title}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap', gap: 1 }}>
                <IncidentStatusChip status={incident.status} />
                <SeverityChip severity={incident.severity} />
                {incident.personalDataInvolved ? (
                  <Chip size="small" variant="outlined" label={t('airlock.incidents.personalData')} />
                ) : null}
                <DeadlineCountdown
                  deadline={incident.notificationDeadline}
                  resolved={!!incident.resolvedAt}
                  decided={!!incident.notificationDecision}
                />
              </Stack>
            </Box>
            {canWrite ? <StatusActions incident={incident} /> : null}
          </Stack>
          {incident.notificationDeadline && !incident.resolvedAt && !incident.notificationDecision ? (
            <Alert severity={incident.overdue ? 'error' : 'warning'} sx={{ mt: 2 }}>
              {t(incident.overdue ? 'airlock.incidents.deadlinePassed' : 'airlock.incidents.deadlineExplain', {
                when: dt(incident.notificationDeadline),
              })}
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Panel title={t('airlock.incidents.whatHappened')}>
            <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', mb: 2 }}>
              {incident.description || '—'}
            </Typography>
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, sm: 6 }}>
                <Fact
                  label={t('resources.incidents.fields.providerId')}
                  value={
                    incident.provider ? (
                      <Link to={`/providers/${incident.provider.id}/show`}>{incident.provider.name}</Link>
                    ) : (
                      incident.providerOther
                    )
                  }
                />
                <Fact
                  label={t('resources.incidents.fields.dataClasses')}
                  value={incident.dataClasses.length ? incident.dataClasses.map(className).join(', ') : null}
                />
                <Fact
                  label={t('airlock.incidents.reporter')}
                  value={
                    incident.anonymous
                      ? t('airlock.incidents.anonymous')
                      : incident.reporter
                        ? `${incident.reporter.name} <${incident.reporter.email}>`
                        : t(`airlock.incidents.source.${incident.source}`, { _: incident.source })
                  }
                />
                {incident.duplicateOf ? (
                  <Fact
                    label={t('resources.incidents.fields.duplicateOfId')}
                    value={
                      <Link
                        to={`/incidents/${incident.duplicateOf.id}/show`}
                      >{`#${incident.duplicateOf.number} ${incident.duplicateOf.title}`}</Link>
                    }
                  />
                ) : null}
                {incident.closureReason ? (
                  <Fact
                    label={t('resources.incidents.fields.closureReason')}
                    value={`${t(`airlock.closure.${incident.closureReason}`)}${incident.riskAcceptedUntil ? ` (${dt(incident.riskAcceptedUntil)})` : ''}`}
                  />
                ) : null}
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <Fact label={t('resources.incidents.fields.occurredAt')} value={dt(incident.occurredAt)} />
                <Fact label={t('resources.incidents.fields.awareAt')} value={dt(incident.awareAt)} />
                <Fact label={t('resources.incidents.fields.notificationDeadline')} value={dt(incident.notificationDeadline)} />
                <Fact label={t('resources.incidents.fields.reportedAt')} value={dt(incident.reportedAt)} />
                <Fact label={t('resources.incidents.fields.acknowledgedAt')} value={dt(incident.acknowledgedAt)} />
                <Fact label={t('resources.incidents.fields.resolvedAt')} value={dt(incident.resolvedAt)} />
              </Grid>
            </Grid>
            {canWrite && incident.status !== 'closed' ? <CorrectFacts incident={incident} /> : null}
          </Panel>
          {incident.reporterReachable ? (
            <Panel title={t('airlock.incidents.messages')}>
              <ReporterMessages incident={incident} canWrite={canWrite} />
            </Panel>
          ) : null}
          <Panel title={t('airlock.incidents.timeline')}>
            <Timeline incident={incident} canWrite={canWrite} />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Panel title={t('airlock.incidents.handling')}>
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
              <Assignment incident={incident} canWrite={canWrite} />
              {canWrite ? (
                <TextField
                  select
                  size="small"
                  id="incident-severity"
                  label={t('resources.incidents.fields.severity')}
                  value={incident.severity}
                  onChange={(e) => void update({ severity: e.target.value })}
                  helperText={t('airlock.incidents.suggested', { severity: t(`airlock.severity.${incident.suggestedSeverity}`) })}
                  sx={{ maxWidth: 220 }}
                >
                  {INCIDENT_SEVERITIES.map((s) => (
                    <MenuItem key={s} value={s}>
                      {t(`airlock.severity.${s}`)}
                    </MenuItem>
                  ))}
                </TextField>
              ) : null}
            </Box>
          </Panel>
          <Panel title={t('airlock.incidents.notification')}>
            <NotificationDecision incident={incident} canWrite={canWrite} />
          </Panel>
          <Panel title={t('airlock.incidents.checklist')}>
            <Checklist incident={incident} canWrite={canWrite} />
          </Panel>
          <Panel title={t('airlock.incidents.similar')}>
            <Similar incident={incident} />
          </Panel>
        </Grid>
      </Grid>
    </Box>
  );
}

export function IncidentShow() {
  return (
    <ShowBase>
      <IncidentPage />
    </ShowBase>
  );
}
