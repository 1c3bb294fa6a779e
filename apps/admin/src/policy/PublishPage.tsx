import { Alert, Box, Button, Card, CardContent, CircularProgress, Collapse, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import PublishIcon from '@mui/icons-material/Publish';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { useApi, usePermission, usePolicyStatus } from '../common/hooks';
import { RolloutStatus, useRollout } from '../providers/BlockNowButton';
import { DiffView } from './DiffView';
import { EffectChip } from '../common/chips';
import { ImpactLimitations, ImpactPanel, impactRequest, impactSummary } from './ImpactPanel';
import type { ImpactResponse, PolicyDiff } from './types';
import type { PolicyVersionSummaryOutput } from '@airlock/contracts/types';

type Published = PolicyVersionSummaryOutput;

/** How many recent decisions the confirmation replays. */
const CONFIRM_IMPACT_LIMIT = 5000;

/**
 * The last step before a publish: what changes in plain words and what it would have done to
 * recent decisions, with the note; nothing is published until the admin confirms here.
 */
function ConfirmPublishDialog({ open, diff, note, nextNumber, busy, error, onCancel, onConfirm }: {
  open: boolean;
  diff: PolicyDiff | undefined;
  note: string;
  nextNumber: number;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useTranslate();
  const [impact, setImpact] = useState<ImpactResponse | null>(null);
  const [impactError, setImpactError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    setImpact(null);
    setImpactError(null);
    apiSend<ImpactResponse>('/api/policy/impact', 'POST', impactRequest(0, CONFIRM_IMPACT_LIMIT)).then(
      (r) => live && setImpact(r),
      (err: unknown) => live && setImpactError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [open]);
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby="confirm-publish-title" maxWidth="sm" fullWidth>
      <DialogTitle id="confirm-publish-title">{t('airlock.publish.confirmTitle', { number: nextNumber })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t('airlock.publish.confirmNote', { note })}
        </Typography>
        <Typography variant="subtitle1" component="h3">
          {t('airlock.publish.diffTitle')}
        </Typography>
        <List dense data-testid="confirm-summary">
          {(diff?.summary ?? []).map((line, i) => (
            <ListItem key={i} disableGutters sx={{ display: 'list-item', listStyle: 'disc', ml: 3 }}>
              <ListItemText primary={line} />
            </ListItem>
          ))}
        </List>
        <Typography variant="subtitle1" component="h3">
          {t('airlock.impact.title')}
        </Typography>
        {impact === null && impactError === null ? <LinearProgress aria-label={t('airlock.impact.running')} /> : null}
        {impactError ? <Alert severity="warning">{impactError}</Alert> : null}
        {impact ? (
          <Box data-testid="confirm-impact">
            <Typography variant="body2">{impactSummary(t, impact)}</Typography>
            {impact.transitions.map((tr) => (
              <Typography key={`${tr.before}-${tr.after}`} variant="body2" component="div" sx={{ mt: 0.5 }}>
                <EffectChip effect={tr.before} /> → <EffectChip effect={tr.after} /> {t('airlock.publish.confirmTransition', { smart_count: tr.count })}
              </Typography>
            ))}
            <Box sx={{ mt: 1 }}>
              <ImpactLimitations result={impact} />
            </Box>
          </Box>
        ) : null}
        {error ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {t('ra.action.cancel')}
        </Button>
        <Button variant="contained" startIcon={busy ? <CircularProgress size={18} /> : <PublishIcon />} onClick={onConfirm} disabled={busy}>
          {t('airlock.publish.confirmButton', { number: nextNumber })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Publish the draft: the diff against the version in force, the impact preview, a note. */
export default function PublishPage() {
  const t = useTranslate();
  const queryClient = useQueryClient();
  const canPublish = usePermission('policy.publish');
  const status = usePolicyStatus();
  const diff = useApi<PolicyDiff>('/api/policy/draft-diff');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const [showImpact, setShowImpact] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const initialRollout = useMemo(() => (published ? { version: published.number, instances: [], complete: false } : null), [published]);
  const rollout = useRollout(initialRollout);

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const v = await apiSend<Published>('/api/policy/publish', 'POST', { note: note.trim() });
      setPublished(v);
      setNote('');
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['api'] });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const v = status.data?.version;
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={t('airlock.publish.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {t('airlock.publish.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {v
              ? t('airlock.publish.inForce', { number: v.number, note: v.note, author: v.authorLabel, date: new Date(v.createdAt).toLocaleString() })
              : t('airlock.appBar.noPolicy')}
          </Typography>
          {published && rollout ? (
            <Box sx={{ mt: 2 }}>
              <Alert severity="success" sx={{ mb: 1 }}>
                {t('airlock.publish.done', { number: published.number })}
              </Alert>
              <RolloutStatus rollout={rollout} />
            </Box>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {t('airlock.publish.diffTitle')}
          </Typography>
          {diff.isPending ? <CircularProgress size={24} aria-label={t('ra.page.loading')} /> : null}
          {diff.error ? <Alert severity="error">{errorMessage(diff.error)}</Alert> : null}
          {diff.data ? <DiffView diff={diff.data} /> : null}
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {t('airlock.impact.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('airlock.impact.explain')}
          </Typography>
          {showImpact ? null : (
            <Button onClick={() => setShowImpact(true)} variant="outlined">
              {t('airlock.publish.showImpact')}
            </Button>
          )}
          <Collapse in={showImpact} unmountOnExit>
            <ImpactPanel />
          </Collapse>
        </CardContent>
      </Card>
      {canPublish ? (
        <Card>
          <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Typography variant="h6" component="h2">
              {t('airlock.publish.noteTitle')}
            </Typography>
            {error && !confirming ? <Alert severity="error">{error}</Alert> : null}
            <TextField
              id="publish-note"
              label={t('airlock.publish.note')}
              helperText={t('airlock.publish.noteHelp')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              required
              fullWidth
            />
            <Box>
              <Button variant="contained" startIcon={busy ? <CircularProgress size={18} /> : <PublishIcon />} onClick={() => setConfirming(true)} disabled={busy || !note.trim() || diff.data?.unchanged === true}>
                {t('airlock.publish.button')}
              </Button>
            </Box>
          </CardContent>
        </Card>
      ) : null}
      <ConfirmPublishDialog
        open={confirming}
        diff={diff.data}
        note={note.trim()}
        nextNumber={(v?.number ?? 0) + 1}
        busy={busy}
        error={error}
        onCancel={() => {
          setConfirming(false);
          setError(null);
        }}
        onConfirm={() => void publish()}
      />
    </Box>
  );
}
