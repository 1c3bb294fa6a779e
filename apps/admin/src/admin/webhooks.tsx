import WebhookIcon from '@mui/icons-material/Webhook';
import { Chip } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  List,
  required,
  SimpleForm,
  SimpleList,
  TextInput,
  TopToolbar,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { KeyOnceDialog } from '../apiClients/KeyOnce';
import { useIsSmall, usePermission } from '../common/hooks';

const EVENTS = ['incident.created', 'incident.high_severity'];
const eventChoices = EVENTS.map((e) => ({ id: e, name: `airlock.webhooks.event.${e.replace('.', '_')}` }));

function Actions() {
  const canWrite = usePermission('webhooks.write');
  return <TopToolbar>{canWrite ? <CreateButton /> : null}</TopToolbar>;
}

function WebhookList() {
  const small = useIsSmall();
  const t = useTranslate();
  const canWrite = usePermission('webhooks.write');
  return (
    <List actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      {small ? (
        <SimpleList linkType={canWrite ? 'edit' : false} primaryText={(r) => r.name} secondaryText={(r) => r.url} />
      ) : (
        <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="url" disableSort />
          <DataTable.Col source="events" disableSort render={(r) => (r.events as string[]).join(', ')} />
          <DataTable.Col source="enabled" render={(r) => <Chip size="small" color={r.enabled ? 'success' : 'default'} variant={r.enabled ? 'filled' : 'outlined'} label={t(r.enabled ? 'airlock.detectors.on' : 'airlock.detectors.off')} />} />
        </DataTable>
      )}
    </List>
  );
}

function WebhookForm() {
  return (
    <SimpleForm>
      <TextInput source="name" validate={required()} />
      <TextInput source="url" type="url" validate={required()} fullWidth />
      <CheckboxGroupInput source="events" choices={eventChoices} validate={required()} />
      <BooleanInput source="enabled" />
    </SimpleForm>
  );
}

function WebhookCreate() {
  const redirect = useRedirect();
  const t = useTranslate();
  const [secret, setSecret] = useState<{ secret: string; name: string } | null>(null);
  return (
    <>
      <Create redirect={false} record={{ enabled: true, events: ['incident.created'] }} mutationOptions={{ onSuccess: (data) => { const d = data as unknown as { secret: string; name: string }; setSecret({ secret: d.secret, name: d.name }); } }}>
        <WebhookForm />
      </Create>
      <KeyOnceDialog
        apiKey={secret?.secret ?? null}
        name={secret ? `${secret.name} — ${t('airlock.webhooks.secret')}` : ''}
        onClose={() => {
          setSecret(null);
          redirect('list', 'webhooks');
        }}
      />
    </>
  );
}

export default {
  list: WebhookList,
  create: WebhookCreate,
  edit: () => (
    <Edit mutationMode="pessimistic">
      <WebhookForm />
    </Edit>
  ),
  icon: WebhookIcon,
  recordRepresentation: 'name',
};
