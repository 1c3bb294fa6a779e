import WebhookIcon from '@mui/icons-material/Webhook';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import SendIcon from '@mui/icons-material/Send';
import { useQueryClient } from '@tanstack/react-query';
import { apiSend, errorMessage } from '../api/http';
import { useApi } from '../common/hooks';
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
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
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { KeyOnceDialog } from '../apiClients/KeyOnce';
import { WEBHOOK_EVENTS } from '@airlock/contracts/constants';
import type { WebhookDeliveryOutput } from '@airlock/contracts/types';
import { useIsSmall, usePermission } from '../common/hooks';
import { EmptyState } from '../common/EmptyState';

/** The i18n key of an event's words (`webhook.test` included: the delivery log shows it). */
const eventKey = (e: string) => `airlock.webhooks.event.${e.replace('.', '_')}`;
const eventChoices = WEBHOOK_EVENTS.map((e) => ({ id: e, name: eventKey(e) }));

/** Create and update answer `warnings` for a target saved that will not work yet; the page after the save shows them. */
type SavedWebhook = { id: string; name: string; secret?: string; warnings?: string[] };

function SavedWarnings() {
  const t = useTranslate();
  const warnings = (useLocation().state as { webhookWarnings?: string[] } | null)?.webhookWarnings;
  if (!warnings?.length) return null;
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="webhook-warnings">
      <AlertTitle>{t('airlock.webhooks.savedWithWarning')}</AlertTitle>
      {warnings.map((w) => (
        <Typography key={w} variant="body2">
          {w}
        </Typography>
      ))}
    </Alert>
  );
}

function Actions() {
  const canWrite = usePermission('webhooks.write');
  return <TopToolbar>{canWrite ? <CreateButton /> : null}</TopToolbar>;
}

function WebhookList() {
  const small = useIsSmall();
  const t = useTranslate();
  const canWrite = usePermission('webhooks.write');
  return (
    <List actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false} empty={<EmptyState feature="webhooks" to="/webhooks/create" permission="webhooks.write" />}>
      {small ? (
        <SimpleList linkType={canWrite ? 'edit' : false} primaryText={(r) => r.name} secondaryText={(r) => r.url} />
      ) : (
        <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="url" disableSort />
          <DataTable.Col source="events" disableSort render={(r) => (r.events as string[]).map((e) => t(eventKey(e), { _: e })).join('; ')} />
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
  const [saved, setSaved] = useState<SavedWebhook | null>(null);
  return (
    <>
      <Create redirect={false} record={{ enabled: true, events: ['incident.created'] }} mutationOptions={{ onSuccess: (data) => setSaved(data as unknown as SavedWebhook) }}>
        <WebhookForm />
      </Create>
      <KeyOnceDialog
        apiKey={saved?.secret ?? null}
        name={saved ? `${saved.name} — ${t('airlock.webhooks.secret')}` : ''}
        onClose={() => {
          const warnings = saved?.warnings;
          setSaved(null);
          // A warning stays in view on the webhook's page; otherwise back to the list.
          if (warnings?.length && saved) redirect('edit', 'webhooks', saved.id, undefined, { webhookWarnings: warnings });
          else redirect('list', 'webhooks');
        }}
      />
    </>
  );
}

type Delivery = WebhookDeliveryOutput;

/** Send a test event, rotate the signing secret (shown once), and the delivery log. */
function WebhookTools() {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const canWrite = usePermission('webhooks.write');
  const [secret, setSecret] = useState<string | null>(null);
  const path = record ? `/api/webhooks/${record.id}/deliveries?range=${encodeURIComponent('[0,9]')}` : null;
  const deliveries = useApi<Delivery[]>(path);
  if (!record) return null;
  const test = async () => {
    try {
      await apiSend(`/api/webhooks/${record.id}/test`, 'POST', {});
      notify('airlock.webhooks.testSent', { type: 'info' });
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['api', path] }), 1500);
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    }
  };
  const rotate = async () => {
    try {
      const res = await apiSend<{ secret: string }>(`/api/webhooks/${record.id}/rotate-secret`, 'POST', {});
      setSecret(res.secret);
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    }
  };
  const rows = Array.isArray(deliveries.data) ? deliveries.data : [];
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {canWrite ? (
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="outlined" startIcon={<SendIcon />} onClick={() => void test()}>
              {t('airlock.webhooks.sendTest')}
            </Button>
            <Button startIcon={<AutorenewIcon />} onClick={() => void rotate()}>
              {t('airlock.webhooks.rotateSecret')}
            </Button>
          </Box>
        ) : null}
        <Typography variant="h6" component="h2">
          {t('airlock.webhooks.deliveries')}
        </Typography>
        {rows.length ? (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={t('airlock.webhooks.deliveries')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('airlock.webhooks.when')}</TableCell>
                  <TableCell>{t('airlock.webhooks.eventColumn')}</TableCell>
                  <TableCell>{t('airlock.webhooks.result')}</TableCell>
                  <TableCell>{t('airlock.webhooks.attempts')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell>{new Date(d.createdAt).toLocaleString()}</TableCell>
                    <TableCell>{t(eventKey(d.event), { _: d.event })}</TableCell>
                    <TableCell>
                      <Chip size="small" color={d.status === 'succeeded' ? 'success' : d.status === 'failed' ? 'error' : 'default'} label={t(`airlock.webhooks.status.${d.status}`)} />{' '}
                      {d.lastStatusCode ?? ''} {d.lastError ?? ''}
                    </TableCell>
                    <TableCell>{d.attempts}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        ) : (
          <Typography variant="body2">{t('airlock.webhooks.noDeliveries')}</Typography>
        )}
      </CardContent>
      <KeyOnceDialog apiKey={secret} name={`${String(record.name)} — ${t('airlock.webhooks.secret')}`} onClose={() => setSecret(null)} />
    </Card>
  );
}

function WebhookEdit() {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Edit
      mutationMode="pessimistic"
      aside={undefined}
      mutationOptions={{
        onSuccess: (data) => {
          const saved = data as unknown as SavedWebhook;
          notify('resources.webhooks.notifications.updated', { type: 'info', messageArgs: { smart_count: 1 } });
          // A warning (e.g. the new host does not resolve yet) stays in view on this page.
          if (saved.warnings?.length) redirect('edit', 'webhooks', saved.id, undefined, { webhookWarnings: saved.warnings });
          else redirect('list', 'webhooks');
        },
      }}
    >
      <>
        <SavedWarnings />
        <WebhookForm />
        <WebhookTools />
      </>
    </Edit>
  );
}

export default {
  list: WebhookList,
  create: WebhookCreate,
  edit: WebhookEdit,
  icon: WebhookIcon,
  recordRepresentation: 'name',
};
