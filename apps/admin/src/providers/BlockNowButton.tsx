import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  TextField,
} from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import PowerOffIcon from '@mui/icons-material/PowerOff';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiGet, apiSend, errorMessage } from '../api/http';
import { useApi, usePermission } from '../common/hooks';
import type { BlockNowOutput, RolloutOutput } from '@airlock/contracts/types';

type Rollout = RolloutOutput;
type BlockResponse = BlockNowOutput;

/** Polls GET /api/policy/rollout?version=N every second until every live instance serves it. */
export function useRollout(initial: Rollout | null) {
  const [rollout, setRollout] = useState<Rollout | null>(initial);
  useEffect(() => setRollout(initial), [initial]);
  useEffect(() => {
    if (!rollout || rollout.complete) return;
    const timer = setTimeout(() => {
      apiGet<Rollout>(`/api/policy/rollout?version=${rollout.version}`)
        .then(setRollout)
        .catch(() => setRollout({ ...rollout }));
    }, 1000);
    return () => clearTimeout(timer);
  }, [rollout]);
  return rollout;
}

export function RolloutStatus({ rollout }: { rollout: Rollout }) {
  const t = useTranslate();
  return (
    <>
      {rollout.complete ? (
        <Alert severity="success" role="status" data-testid="rollout-complete">
          {t('airlock.rollout.complete', { version: rollout.version, smart_count: rollout.instances.length })}
        </Alert>
      ) : (
        <>
          <Alert severity="info" role="status">
            {t('airlock.rollout.pending', { version: rollout.version })}
          </Alert>
          <LinearProgress sx={{ mt: 1 }} aria-label={t('airlock.rollout.pending', { version: rollout.version })} />
        </>
      )}
      <List dense aria-label={t('airlock.rollout.instances')}>
        {rollout.instances.map((i) => {
          const ended = i.state === 'gone' || i.state === 'stopped';
          return (
            <ListItem key={i.id ?? i.hostname} data-state={i.state ?? 'live'}>
              <ListItemIcon>
                {ended ? <PowerOffIcon color="disabled" aria-hidden /> : i.upToDate ? <CheckCircleIcon color="success" aria-hidden /> : <HourglassTopIcon aria-hidden />}
              </ListItemIcon>
              <ListItemText
                primary={i.hostname}
                secondary={
                  ended
                    ? t(`airlock.rollout.${i.state}`, { version: i.servingVersion ?? '—' })
                    : i.upToDate
                      ? t('airlock.rollout.serving', { version: i.servingVersion ?? '—' })
                      : t('airlock.rollout.behind', { version: i.servingVersion ?? '—' })
                }
              />
            </ListItem>
          );
        })}
      </List>
    </>
  );
}

/** The emergency "Block now": a reason, then the rollout until every instance has it. */
export function BlockNowButton() {
  const record = useRecordContext();
  const t = useTranslate();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const allowed = usePermission('policy.publish');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BlockResponse | null>(null);
  const rollout = useRollout(result?.rollout ?? null);
  const { data: settings } = useApi<{ decisionTtlSeconds: number }>(open ? '/api/settings' : null);

  if (!record || !allowed) return null;
  const alreadyBlocked = record.status === 'blocked' && !result;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await apiSend<BlockResponse>(`/api/providers/${record.id}/block`, 'POST', { reason: reason.trim() });
      setResult(res);
      void queryClient.invalidateQueries({ queryKey: ['api'] });
      refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setOpen(false);
    setResult(null);
    setReason('');
    setError(null);
  };

  return (
    <>
      <Button color="error" variant="contained" startIcon={<BlockIcon />} onClick={() => setOpen(true)} disabled={alreadyBlocked}>
        {t('airlock.block.button')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} aria-labelledby="block-now-title" fullWidth maxWidth="sm">
        <DialogTitle id="block-now-title">{t('airlock.block.title', { name: record.name })}</DialogTitle>
        <DialogContent>
          {result && rollout ? (
            <RolloutStatus rollout={rollout} />
          ) : (
            <>
              <DialogContentText sx={{ mb: 2 }}>{t('airlock.block.explain', { name: record.name })}</DialogContentText>
              {settings && settings.decisionTtlSeconds > 0 ? (
                <Alert severity="warning" sx={{ mb: 2 }} data-testid="block-ttl-note">
                  {t('airlock.block.ttlNote', { ttl: settings.decisionTtlSeconds })}
                </Alert>
              ) : null}
              {error ? (
                <Alert severity="error" sx={{ mb: 2 }}>
                  {error}
                </Alert>
              ) : null}
              <TextField
                id="block-reason"
                label={t('airlock.block.reason')}
                helperText={t('airlock.block.reasonHelp')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                fullWidth
                multiline
                minRows={2}
                autoFocus
              />
            </>
          )}
        </DialogContent>
        <DialogActions>
          {result ? (
            <Button onClick={close}>{t('ra.action.close')}</Button>
          ) : (
            <>
              <Button onClick={close} disabled={busy}>
                {t('ra.action.cancel')}
              </Button>
              <Button color="error" variant="contained" onClick={submit} disabled={busy || !reason.trim()}>
                {t('airlock.block.confirm')}
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
