import { Alert, Box, Button, Card, CardContent, CircularProgress, Collapse, TextField, Typography } from '@mui/material';
import PublishIcon from '@mui/icons-material/Publish';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { useApi, usePermission, usePolicyStatus } from '../common/hooks';
import { RolloutStatus, useRollout } from '../providers/BlockNowButton';
import { DiffView } from './DiffView';
import { ImpactPanel } from './ImpactPanel';
import type { PolicyDiff } from './types';

interface Published {
  id: string;
  number: number;
  note: string;
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
  const initialRollout = useMemo(() => (published ? { version: published.number, instances: [], complete: false } : null), [published]);
  const rollout = useRollout(initialRollout);

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const v = await apiSend<Published>('/api/policy/publish', 'POST', { note: note.trim() });
      setPublished(v);
      setNote('');
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
            {error ? <Alert severity="error">{error}</Alert> : null}
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
              <Button variant="contained" startIcon={busy ? <CircularProgress size={18} /> : <PublishIcon />} onClick={() => void publish()} disabled={busy || !note.trim() || diff.data?.unchanged === true}>
                {t('airlock.publish.button')}
              </Button>
            </Box>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
}
