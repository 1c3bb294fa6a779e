import EventBusyIcon from '@mui/icons-material/EventBusy';
import BlockIcon from '@mui/icons-material/Block';
import { Alert, Button, Chip } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import {
  AutocompleteInput,
  Create,
  CreateButton,
  DataTable,
  DateField,
  DateTimeInput,
  FormDataConsumer,
  List,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextInput,
  TopToolbar,
  useGetList,
  useNotify,
  useRedirect,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { useIsSmall, usePermission } from '../common/hooks';
import { matchNameOrKey, useDataClassChoices } from '../common/useDataClassChoices';
import { EXCEPTION_STATUSES } from '@airlock/contracts/constants';
import { EmptyState } from '../common/EmptyState';

const STATUS_COLOR = { active: 'success', expired: 'default', revoked: 'warning' } as const;

function StatusChip() {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record) return null;
  const status = record.status as keyof typeof STATUS_COLOR;
  return <Chip size="small" color={STATUS_COLOR[status]} variant={status === 'active' ? 'filled' : 'outlined'} label={t(`airlock.exceptions.status.${status}`)} />;
}

/** Ends an active exception now (POST /api/exceptions/:id/revoke); the row stays for the record. */
function RevokeButton() {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const canWrite = usePermission('exceptions.write');
  if (!record || !canWrite || record.status !== 'active') return null;
  const revoke = async (e: React.MouseEvent) => {
    e.stopPropagation();
    if (!window.confirm(t('airlock.exceptions.revokeConfirm'))) return;
    try {
      await apiSend(`/api/exceptions/${record.id}/revoke`, 'POST', {});
      notify('airlock.exceptions.revoked', { type: 'info' });
      await queryClient.invalidateQueries({ queryKey: ['exceptions'] });
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    }
  };
  return (
    <Button size="small" color="warning" startIcon={<BlockIcon />} onClick={revoke}>
      {t('airlock.exceptions.revoke')}
    </Button>
  );
}

const who = (r: { subjectEmail: string | null; subjectGroup: string | null }) => r.subjectEmail ?? `@${r.subjectGroup}`;

const filters = [
  <SelectInput
    key="status"
    source="status"
    alwaysOn
    choices={EXCEPTION_STATUSES.map((s) => ({ id: s, name: `airlock.exceptions.status.${s}` }))}
  />,
  <TextInput key="q" source="q" alwaysOn />,
];

function Actions() {
  const canWrite = usePermission('exceptions.write');
  return <TopToolbar>{canWrite ? <CreateButton /> : null}</TopToolbar>;
}

function ExceptionList() {
  const small = useIsSmall();
  const t = useTranslate();
  const any = t('airlock.exceptions.any');
  return (
    <List actions={<Actions />} filters={filters} filterDefaultValues={{ status: 'active' }} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={<EmptyState feature="exceptions" to="/exceptions/create" permission="exceptions.write" />}>
      {small ? (
        <SimpleList linkType={false} primaryText={(r) => who(r as never)} secondaryText={(r) => `${r.providerSlug ?? any} · ${r.dataClass ?? any} · ${r.reason}`} tertiaryText={() => <StatusChip />} />
      ) : (
        <DataTable rowClick={false} bulkActionButtons={false} empty={<EmptyState feature="exceptions" to="/exceptions/create" permission="exceptions.write" />}>
          <DataTable.Col source="subjectEmail" label="resources.exceptions.fields.subject" render={(r) => who(r as never)} />
          <DataTable.Col source="providerSlug" disableSort render={(r) => r.providerSlug ?? any} />
          <DataTable.Col source="dataClass" disableSort render={(r) => r.dataClass ?? any} />
          <DataTable.Col source="reason" disableSort />
          <DataTable.Col source="expiresAt">
            <DateField source="expiresAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <StatusChip />
          </DataTable.Col>
          <DataTable.Col source="createdByLabel" disableSort />
          <DataTable.Col label="airlock.exceptions.revoke" disableSort>
            <RevokeButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}

/** A week from now, at the full hour: a sensible first expiry. */
function defaultExpiry(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  d.setMinutes(0, 0, 0);
  return d.toISOString();
}

/** Groups as choices keyed by name (exceptions, like rules, name groups, not ids). */
function useGroupChoices() {
  const { data } = useGetList('groups', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } });
  return (data ?? []).map((g) => ({ id: g.name as string, name: g.name as string }));
}

function ExceptionCreate() {
  const dataClasses = useDataClassChoices();
  const groups = useGroupChoices();
  const notify = useNotify();
  const redirect = useRedirect();
  const t = useTranslate();
  const transform = (data: Record<string, unknown>) => ({
    subjectEmail: data.kind === 'person' ? data.subjectEmail : null,
    subjectGroup: data.kind === 'group' ? data.subjectGroup : null,
    providerId: data.providerId || null,
    dataClass: data.dataClass || null,
    reason: data.reason,
    expiresAt: new Date(data.expiresAt as string).toISOString(),
  });
  return (
    <Create
      transform={transform}
      record={{ kind: 'person', expiresAt: defaultExpiry() }}
      mutationOptions={{
        onSuccess: () => {
          notify('airlock.exceptions.granted', { type: 'info' });
          redirect('list', 'exceptions');
        },
      }}
    >
      <SimpleForm>
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('airlock.exceptions.explain')}
        </Alert>
        <RadioButtonGroupInput
          source="kind"
          choices={[
            { id: 'person', name: 'airlock.exceptions.person' },
            { id: 'group', name: 'airlock.exceptions.group' },
          ]}
        />
        <FormDataConsumer>
          {({ formData }) =>
            formData.kind === 'group' ? (
              <AutocompleteInput source="subjectGroup" choices={groups} translateChoice={false} validate={required()} />
            ) : (
              <TextInput source="subjectEmail" type="email" validate={required()} />
            )
          }
        </FormDataConsumer>
        <ReferenceInput source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" helperText="airlock.exceptions.anyService" />
        </ReferenceInput>
        <AutocompleteInput source="dataClass" choices={dataClasses} translateChoice={false} matchSuggestion={matchNameOrKey} helperText="airlock.exceptions.anyClass" />
        <TextInput source="reason" validate={required()} fullWidth multiline helperText="airlock.exceptions.reasonHelp" />
        <DateTimeInput source="expiresAt" validate={required()} helperText="airlock.exceptions.expiresHelp" />
      </SimpleForm>
    </Create>
  );
}

export default { list: ExceptionList, create: ExceptionCreate, icon: EventBusyIcon };
