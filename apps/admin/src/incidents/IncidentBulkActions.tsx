import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { MenuItem, TextField } from '@mui/material';
import { useGetList, useNotify, useTranslate } from 'react-admin';
import { BulkActionDialog, useBulkState } from '../common/BulkActionDialog';

const CAN_WORK_ON_INCIDENTS = ['owner', 'admin', 'analyst'];
const UNASSIGNED = 'unassigned';

/** The incident list's bulk action: the selected incidents to one analyst (or to nobody). */
export function IncidentBulkActions() {
  const t = useTranslate();
  const notify = useNotify();
  const [assignee, setAssignee] = useBulkState('incidents.assignee', '');
  const { data: users } = useGetList('users', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  const analysts = (users ?? []).filter((u) => CAN_WORK_ON_INCIDENTS.includes(u.role as string) && !u.disabled);
  return (
    <BulkActionDialog
      testId="bulk-assign"
      label={t('airlock.bulk.assign')}
      icon={<AssignmentIndIcon />}
      title={t('airlock.bulk.assignTitle')}
      path="/api/incidents/bulk-assign"
      body={(ids) => ({ ids, assigneeId: assignee === UNASSIGNED ? null : assignee })}
      canSubmit={assignee !== ''}
      onDone={(n) => notify(t('airlock.bulk.assigned', { smart_count: n }), { type: 'success' })}
    >
      <TextField select id="bulk-assignee" label={t('resources.incidents.fields.assigneeId')} value={assignee} onChange={(e) => setAssignee(e.target.value)} fullWidth>
        <MenuItem value={UNASSIGNED}>{t('airlock.incidents.unassigned')}</MenuItem>
        {analysts.map((u) => (
          <MenuItem key={u.id} value={String(u.id)}>
            {`${u.name as string} (${u.email as string})`}
          </MenuItem>
        ))}
      </TextField>
    </BulkActionDialog>
  );
}
