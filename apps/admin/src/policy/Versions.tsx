import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import RestoreIcon from '@mui/icons-material/Restore';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  DataTable,
  DateField,
  List,
  Show,
  SimpleList,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { EffectChip } from '../common/chips';
import { useApi, useIsSmall, usePermission, usePolicyStatus } from '../common/hooks';
import { DiffView } from './DiffView';
import type { EngineRule, PolicyDiff } from './types';
import { EmptyState } from '../common/EmptyState';

function InForceChip() {
  const record = useRecordContext();
  const { data } = usePolicyStatus();
  const t = useTranslate();
  if (!record || data?.version?.number !== record.number) return null;
  return <Chip size="small" color="success" label={t('airlock.versions.inForce')} />;
}

export function VersionList() {
  const small = useIsSmall();
  const t = useTranslate();
  return (
    <List sort={{ field: 'number', order: 'DESC' }} exporter={false} actions={false} empty={<EmptyState feature="versions" to="/policy/publish" permission="policy.publish" />}>
      {small ? (
        <SimpleList linkType="show" primaryText={(r) => `v${r.number} — ${r.note}`} secondaryText={(r) => `${r.authorLabel} · ${new Date(r.createdAt).toLocaleString()}`} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="number" render={(r) => <span>v{r.number}</span>} />
          <DataTable.Col source="note" disableSort />
          <DataTable.Col source="authorLabel" disableSort />
          <DataTable.Col source="createdAt" render={(r) => new Date(r.createdAt).toLocaleString()} />
          <DataTable.Col source="ruleCount" disableSort />
          <DataTable.Col source="rollbackOf" disableSort render={(r) => (r.rollbackOf ? t('airlock.versions.rollbackOf', { number: r.rollbackOf }) : '')} />
          <DataTable.Col label="airlock.versions.state" disableSort render={() => <InForceChip />} />
        </DataTable>
      )}
    </List>
  );
}

function RollbackButton() {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const allowed = usePermission('policy.publish');
  const { data: status } = usePolicyStatus();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || !allowed || status?.version?.number === record.number) return null;
  const submit = async () => {
    setBusy(true);
    try {
      const v = await apiSend<{ id: string; number: number }>(`/api/policy-versions/${record.number}/rollback`, 'POST', note.trim() ? { note: note.trim() } : {});
      notify('airlock.versions.rolledBack', { type: 'success', messageArgs: { number: record.number, newNumber: v.number } });
      await queryClient.invalidateQueries({ queryKey: ['api'] });
      setOpen(false);
      redirect('show', 'policy-versions', v.id);
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button color="warning" startIcon={<RestoreIcon />} onClick={() => setOpen(true)}>
        {t('airlock.versions.rollback')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="rollback-title" fullWidth maxWidth="sm">
        <DialogTitle id="rollback-title">{t('airlock.versions.rollbackTitle', { number: record.number })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('airlock.versions.rollbackExplain', { number: record.number })}</DialogContentText>
          <TextField id="rollback-note" label={t('airlock.publish.note')} value={note} onChange={(e) => setNote(e.target.value)} fullWidth />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('ra.action.cancel')}</Button>
          <Button color="warning" variant="contained" onClick={() => void submit()} disabled={busy}>
            {t('airlock.versions.rollback')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function VersionDiff() {
  const record = useRecordContext();
  const t = useTranslate();
  const [against, setAgainst] = useState<string>('previous');
  const path = record ? `/api/policy-versions/${record.id}/diff${against === 'previous' ? '' : `?against=${against}`}` : null;
  const diff = useApi<PolicyDiff>(path);
  if (!record) return null;
  const options = ['previous', 'draft', ...Array.from({ length: Math.max(0, (record.number as number) - 1) }, (_, i) => String(i + 1)).reverse()];
  return (
    <Card variant="outlined">
      <CardContent>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {t('airlock.versions.diffTitle')}
          </Typography>
          <TextField select size="small" id="diff-against" label={t('airlock.versions.against')} value={against} onChange={(e) => setAgainst(e.target.value)} sx={{ minWidth: 200 }}>
            {options.map((o) => (
              <MenuItem key={o} value={o}>
                {o === 'previous' ? t('airlock.versions.previous') : o === 'draft' ? t('airlock.versions.draft') : `v${o}`}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        {diff.isPending ? <CircularProgress size={24} aria-label={t('ra.page.loading')} /> : null}
        {diff.error ? <Alert severity="error">{errorMessage(diff.error)}</Alert> : null}
        {diff.data ? <DiffView diff={diff.data} /> : null}
      </CardContent>
    </Card>
  );
}

function VersionRules() {
  const record = useRecordContext();
  const t = useTranslate();
  const rules = (record?.rules ?? []) as EngineRule[];
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('airlock.versions.rules', { smart_count: rules.length })}
        </Typography>
        {rules.map((r) => (
          <Box key={r.id} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', py: 0.5, borderBottom: 1, borderColor: 'divider' }}>
            <Typography variant="body2" sx={{ minWidth: 40 }}>
              {r.priority}
            </Typography>
            <Typography variant="body2" sx={{ flex: 1, opacity: r.enabled ? 1 : 0.6 }}>
              {r.id}
            </Typography>
            <EffectChip effect={r.effect} />
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}

function VersionBody() {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box>
        <Typography variant="h5" component="h2">
          <HistoryIcon sx={{ verticalAlign: 'middle', mr: 1 }} aria-hidden />
          v{record.number} — {record.note} <InForceChip />
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('airlock.versions.by', { author: record.authorLabel })} · <DateField source="createdAt" showTime />
          {record.rollbackOf ? ` · ${t('airlock.versions.rollbackOf', { number: record.rollbackOf })}` : ''}
        </Typography>
      </Box>
      <VersionDiff />
      <VersionRules />
    </Box>
  );
}

function VersionTitle() {
  const record = useRecordContext();
  return <span>{record ? `v${record.number}` : ''}</span>;
}

export function VersionShow() {
  return (
    <Show
      title={<VersionTitle />}
      actions={
        <TopToolbar>
          <RollbackButton />
        </TopToolbar>
      }
    >
      <VersionBody />
    </Show>
  );
}

export default { list: VersionList, show: VersionShow, icon: HistoryIcon };
