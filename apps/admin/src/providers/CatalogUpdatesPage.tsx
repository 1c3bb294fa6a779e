import { Alert, Box, Button, Card, CardContent, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Title, useNotify, useTranslate } from 'react-admin';
import { apiGet, apiSend, errorMessage } from '../api/http';
import { usePermission } from '../common/hooks';
import type { CatalogReleaseOutput } from '@airlock/contracts/types';

type ReleaseStatus = CatalogReleaseOutput;

/** What built-in catalog releases changed in the organization's copy since the last review. */
export default function CatalogUpdatesPage() {
  const t = useTranslate();
  const notify = useNotify();
  const canReview = usePermission('catalog.write');
  const [status, setStatus] = useState<ReleaseStatus | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    apiGet<ReleaseStatus>('/api/catalog/release').then(setStatus, (err) => notify(errorMessage(err), { type: 'error' }));
  }, [notify]);
  useEffect(load, [load]);

  const review = async () => {
    setBusy(true);
    try {
      await apiSend('/api/catalog/review', 'POST', note ? { note } : {});
      notify(t('airlock.catalogUpdates.reviewed', { _: 'Marked as reviewed' }), { type: 'success' });
      setNote('');
      load();
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (!status) return null;
  const changes = status.pending.flatMap((u) => u.changes);
  const risks = status.pending.flatMap((u) => u.riskChanges);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={t('airlock.catalogUpdates.title', { _: 'Catalog updates' })} />
      <Typography variant="h5" component="h1" gutterBottom>
        {t('airlock.catalogUpdates.title', { _: 'Catalog updates' })}
      </Typography>
      <Typography variant="body2" gutterBottom>
        {t('airlock.catalogUpdates.release', { _: 'Built-in catalog release %{id}; your copy: %{applied}. Last reviewed: %{reviewed}.', id: status.builtinRelease.id, applied: status.appliedRelease?.id ?? '—', reviewed: status.lastReviewedAt ?? '—' })}
      </Typography>
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2">
            {t('airlock.catalogUpdates.changed', { _: 'What changed since your last review' })}
          </Typography>
          {changes.length || risks.length ? (
            <>
              <List dense>
                {changes.map((c, i) => (
                  <ListItem key={i} disableGutters>
                    <ListItemText primary={c.summary ?? `${c.name}: ${c.field}`} secondary={c.outcome === 'kept_own_edit' ? t('airlock.catalogUpdates.keptOwn', { _: 'Your own value was kept' }) : undefined} />
                  </ListItem>
                ))}
                {risks.map((r) => (
                  <ListItem key={`risk-${r.slug}`} disableGutters>
                    <ListItemText primary={r.explanation} />
                  </ListItem>
                ))}
              </List>
              {canReview ? (
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                  <TextField size="small" label={t('airlock.catalogUpdates.note', { _: 'Note (optional)' })} value={note} onChange={(e) => setNote(e.target.value)} sx={{ flex: 1 }} />
                  <Button variant="contained" onClick={review} disabled={busy}>
                    {t('airlock.catalogUpdates.markReviewed', { _: 'Mark reviewed' })}
                  </Button>
                </Box>
              ) : null}
            </>
          ) : (
            <Typography variant="body2">{t('airlock.catalogUpdates.none', { _: 'Nothing new since your last review.' })}</Typography>
          )}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2">
            {t('airlock.catalogUpdates.stale', { _: 'Profiles with sources older than %{days} days', days: status.sourceMaxAgeDays })}
          </Typography>
          {status.staleProfiles.length ? (
            <List dense>
              {status.staleProfiles.map((p) => (
                <ListItem key={p.id} disableGutters component={RouterLink} to={`/providers/${p.id}/show`}>
                  <ListItemText primary={p.name} secondary={p.oldestSourceAsOf ?? ''} />
                </ListItem>
              ))}
            </List>
          ) : (
            <Alert severity="success">{t('airlock.catalogUpdates.noStale', { _: 'Every profile\'s sources are recent enough.' })}</Alert>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
