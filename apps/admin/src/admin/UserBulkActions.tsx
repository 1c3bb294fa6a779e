import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { MenuItem, TextField } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { ROLES } from '@airlock/contracts/constants';
import { BulkActionDialog, useBulkState } from '../common/BulkActionDialog';

/**
 * The user list's bulk actions: disable, enable, change the role. The server applies the single
 * edit's rules to each (SSO-owned roles, the last owner, yourself) and changes nobody if one fails.
 */
export function UserBulkActions() {
  const t = useTranslate();
  const notify = useNotify();
  const [role, setRole] = useBulkState('users.role', '');
  const done = (n: number) => notify(t('airlock.bulk.usersSaved', { smart_count: n }), { type: 'success' });
  return (
    <>
      <BulkActionDialog testId="bulk-disable" label={t('airlock.bulk.disable')} icon={<BlockIcon />} title={t('airlock.bulk.disableTitle')} explain={t('airlock.bulk.disableExplain')} path="/api/users/bulk" body={(ids) => ({ ids, disabled: true })} onDone={done} />
      <BulkActionDialog testId="bulk-enable" label={t('airlock.bulk.enable')} icon={<CheckCircleOutlineIcon />} title={t('airlock.bulk.enableTitle')} path="/api/users/bulk" body={(ids) => ({ ids, disabled: false })} onDone={done} />
      <BulkActionDialog
        testId="bulk-role"
        label={t('airlock.bulk.role')}
        icon={<ManageAccountsIcon />}
        title={t('airlock.bulk.roleTitle')}
        explain={t('airlock.bulk.roleExplain')}
        path="/api/users/bulk"
        body={(ids) => ({ ids, role })}
        canSubmit={role !== ''}
        onDone={done}
      >
        <TextField select id="bulk-role-value" label={t('resources.users.fields.role')} value={role} onChange={(e) => setRole(e.target.value)} fullWidth>
          {ROLES.map((r) => (
            <MenuItem key={r} value={r}>
              {t(`airlock.role.${r}`)}
            </MenuItem>
          ))}
        </TextField>
      </BulkActionDialog>
    </>
  );
}
