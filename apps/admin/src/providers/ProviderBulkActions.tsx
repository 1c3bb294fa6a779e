import EditNoteIcon from '@mui/icons-material/EditNote';
import { MenuItem, Stack, TextField } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { PROVIDER_STATUSES } from '@airlock/contracts/constants';
import { draftEvents } from '../api/dataProvider';
import { BulkActionDialog, useBulkState } from '../common/BulkActionDialog';
import { DraftSavedMessage } from '../common/draftSaved';

/** The catalog's bulk action: the selected services' status in the draft, with one reason. */
export function ProviderBulkActions() {
  const t = useTranslate();
  const notify = useNotify();
  const [status, setStatus] = useBulkState<string>('providers.status', 'approved');
  const [reason, setReason] = useBulkState('providers.reason', '');
  return (
    <BulkActionDialog
      testId="bulk-status"
      label={t('airlock.bulk.setStatus')}
      icon={<EditNoteIcon />}
      title={t('airlock.bulk.setStatusTitle')}
      path="/api/providers/bulk-status"
      body={(ids) => ({ ids, status, statusReason: reason })}
      canSubmit={reason.trim().length > 0}
      onDone={(n) => {
        setReason('');
        draftEvents.dispatchEvent(new Event('changed'));
        notify(<DraftSavedMessage what={t('airlock.bulk.services', { smart_count: n })} />, { type: 'success', autoHideDuration: 10_000 });
      }}
    >
      <Stack sx={{ gap: 2 }}>
        <TextField select id="bulk-status-value" label={t('resources.providers.fields.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
          {PROVIDER_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`airlock.providerStatus.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="bulk-status-reason"
          label={t('resources.providers.fields.statusReason')}
          helperText={t('airlock.bulk.reasonHelp')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          multiline
          minRows={2}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
      </Stack>
    </BulkActionDialog>
  );
}
