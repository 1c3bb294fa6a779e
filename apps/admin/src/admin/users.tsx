import PeopleIcon from '@mui/icons-material/People';
import { Alert, Button, Chip } from '@mui/material';
import MailIcon from '@mui/icons-material/Mail';
import { apiSend, errorMessage } from '../api/http';
import {
  AutocompleteArrayInput,
  BooleanInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  email,
  List,
  PasswordInput,
  required,
  SearchInput,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextInput,
  TopToolbar,
  useGetList,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useApi, useIsSmall, usePermission } from '../common/hooks';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { UserSessions } from './sessions';
import { UserBulkActions } from './UserBulkActions';
import { PasswordStrength } from '../auth/PasswordStrength';
import { useWatch } from 'react-hook-form';
import { ROLES } from '@airlock/contracts/constants';
import { EmptyState } from '../common/EmptyState';
import { SelectableRows } from '../common/SelectableRows';
import { BulkState } from '../common/BulkActionDialog';

const roleChoices = ROLES.map((r) => ({ id: r, name: `airlock.role.${r}` }));

function useGroupChoices() {
  const { data } = useGetList('groups', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } });
  return (data ?? []).map((g) => ({ id: g.name as string, name: g.name as string, sso: ((g.ssoGroups as string[] | undefined) ?? []).length > 0 }));
}

/**
 * Whether single sign-on is on for the organization: then every SSO sign-in sets the person's role
 * (mapped from their groups, else the default role) and the groups that list provider groups.
 * Unknown (no right to read the settings) counts as off: the form stays editable, as before.
 */
function useSsoSyncOn(): boolean {
  const canRead = usePermission('settings.read');
  const { data } = useApi<{ enabled?: boolean }>(canRead ? '/api/sso-connection' : null, { retry: false });
  return data?.enabled === true;
}

function Actions() {
  const canWrite = usePermission('users.write');
  return <TopToolbar>{canWrite ? <CreateButton label="airlock.users.invite" /> : null}</TopToolbar>;
}

function RoleChip() {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record) return null;
  return <Chip size="small" variant={record.role === 'employee' ? 'outlined' : 'filled'} color={record.role === 'owner' || record.role === 'admin' ? 'primary' : 'default'} label={t(`airlock.role.${record.role}`)} />;
}

function UserList() {
  const small = useIsSmall();
  const t = useTranslate();
  const canWrite = usePermission('users.write');
  return (
    <BulkState>
      <List actions={<Actions />} filters={[<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />]} sort={{ field: 'name', order: 'ASC' }} exporter={false} empty={<EmptyState feature="users" to="/users/create" permission="users.write" />}>
        {small ? (
          <SimpleList linkType={canWrite ? 'edit' : false} primaryText={(r) => r.name} secondaryText={(r) => r.email} tertiaryText={(r) => `${t(`airlock.role.${r.role}`)}${r.sso ? ` · ${t('airlock.users.ssoChip')}` : ''}`} />
        ) : (
          <SelectableRows>
            <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={canWrite ? <UserBulkActions /> : false}>
              <DataTable.Col source="name" />
              <DataTable.Col source="email" />
              <DataTable.Col source="role" render={() => <RoleChip />} />
              <DataTable.Col source="groups" disableSort render={(r) => (r.groups as string[]).join(', ')} />
              <DataTable.Col
                source="sso"
                label="airlock.users.signIn"
                disableSort
                render={(r) => (r.sso ? <Chip size="small" color="secondary" variant="outlined" label={t('airlock.users.ssoChip')} title={t('airlock.users.ssoChipHelp')} /> : null)}
              />
              <DataTable.Col source="lastLoginAt" render={(r) => (r.lastLoginAt ? new Date(r.lastLoginAt).toLocaleString() : t('airlock.users.neverSignedIn'))} />
              <DataTable.Col
                source="disabled"
                label="airlock.users.state"
                render={(r) =>
                  r.disabled ? (
                    <Chip size="small" color="error" variant="outlined" label={t('airlock.users.disabled')} />
                  ) : r.invitationPending ? (
                    <Chip size="small" color="info" variant="outlined" label={t('airlock.users.invitationPending')} />
                  ) : null
                }
              />
            </DataTable>
          </SelectableRows>
        )}
      </List>
    </BulkState>
  );
}

/** The strength of the password an owner sets for a new user (empty: an invitation goes instead). */
function NewPasswordStrength() {
  const [password, email, name] = useWatch({ name: ['password', 'email', 'name'] }) as [string | undefined, string | undefined, string | undefined];
  return <PasswordStrength password={password ?? ''} userInputs={[email ?? '', name ?? ''].filter(Boolean)} />;
}

function UserCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const groups = useGroupChoices();
  const transform = (data: Record<string, unknown>) => {
    const out = { ...data };
    if (!out.password) delete out.password;
    return out;
  };
  return (
    <Create
      redirect="list"
      transform={transform}
      record={{ role: 'employee', groups: [] }}
      mutationOptions={{
        // The user exists either way; a mail that did not leave is the owner's to know about.
        onSuccess: (data) => {
          const invitationError = (data as { invitationError?: string }).invitationError;
          if (invitationError) notify(invitationError, { type: 'warning', autoHideDuration: 15_000 });
          // notify() translates its message itself: pass the key, not the translated text.
          else notify('resources.users.notifications.created', { type: 'info', messageArgs: { smart_count: 1 } });
          // A custom onSuccess replaces react-admin's own, redirect included.
          redirect('list', 'users');
        },
      }}
    >
      <SimpleForm>
        <TextInput source="email" type="email" validate={[required(), email()]} />
        <TextInput source="name" validate={required()} />
        <SelectInput source="role" choices={roleChoices} validate={required()} helperText="airlock.users.roleHelp" />
        <AutocompleteArrayInput source="groups" choices={groups} translateChoice={false} />
        <PasswordInput source="password" helperText="airlock.users.passwordHelp" autoComplete="new-password" />
        <NewPasswordStrength />
      </SimpleForm>
    </Create>
  );
}

function ResendInvitation() {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  if (!record?.invitationPending) return null;
  const send = async () => {
    try {
      const result = await apiSend<{ invitationSent?: boolean; invitationError?: string } | undefined>(`/api/users/${record.id}/invitation`, 'POST', {});
      if (result?.invitationSent === false) notify(result.invitationError ?? 'airlock.users.invitationNotSent', { type: 'warning', autoHideDuration: 15_000 });
      else notify('airlock.users.invitationSent', { type: 'success', messageArgs: { email: record.email } });
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    }
  };
  return (
    <Button startIcon={<MailIcon />} onClick={() => void send()}>
      {t('airlock.users.resendInvitation')}
    </Button>
  );
}

/**
 * Role and groups of a user. For someone who signs in through SSO while it is on, the provider owns
 * the role and the groups that list provider groups (the next sign-in overwrites them): those are
 * read-only here, with why; groups Airlock alone manages stay editable, and saving keeps the
 * provider's groups as they are.
 */
function RoleAndGroupsInputs() {
  const record = useRecordContext();
  const t = useTranslate();
  const groups = useGroupChoices();
  const syncOn = useSsoSyncOn();
  const managedByIdp = syncOn && record?.sso === true;
  if (!managedByIdp) {
    return (
      <>
        <SelectInput source="role" choices={roleChoices} validate={required()} helperText="airlock.users.roleHelp" />
        <AutocompleteArrayInput source="groups" choices={groups} translateChoice={false} />
      </>
    );
  }
  const ssoGroupNames = new Set(groups.filter((g) => g.sso).map((g) => g.name));
  const fromIdp = ((record.groups as string[] | undefined) ?? []).filter((g) => ssoGroupNames.has(g));
  return (
    <>
      <Alert severity="info" data-testid="user-sso-managed" sx={{ mb: 2, maxWidth: 600 }}>
        {t('airlock.users.ssoManaged', { groups: fromIdp.length ? fromIdp.join(', ') : t('airlock.users.ssoNoGroups') })}
      </Alert>
      <SelectInput source="role" choices={roleChoices} disabled helperText="airlock.users.ssoRoleHelp" />
      <AutocompleteArrayInput
        source="groups"
        label="airlock.users.localGroups"
        choices={groups.filter((g) => !g.sso)}
        translateChoice={false}
        helperText="airlock.users.localGroupsHelp"
        format={(value: string[] | undefined) => (value ?? []).filter((g) => !ssoGroupNames.has(g))}
        parse={(value: string[] | undefined) => [...new Set([...(value ?? []), ...fromIdp])]}
      />
    </>
  );
}

function UserEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      actions={
        <TopToolbar>
          <ResendInvitation />
        </TopToolbar>
      }
    >
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <TextInput source="email" disabled />
        <TextInput source="name" validate={required()} />
        <RoleAndGroupsInputs />
        <BooleanInput source="disabled" helperText="airlock.users.disabledHelp" />
      </SimpleForm>
      <UserSessions />
    </Edit>
  );
}

export default { list: UserList, create: UserCreate, edit: UserEdit, icon: PeopleIcon, recordRepresentation: 'name' };
