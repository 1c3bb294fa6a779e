import StreamIcon from '@mui/icons-material/Stream';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, Card, CardContent, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  FormDataConsumer,
  List,
  NumberInput,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EFFECTS, type SiemEventType, type SiemFormat, type SiemHttpPreset, type SiemTransport } from '@airlock/contracts/constants';
import type { SiemDestinationOutput, SiemTestOutput } from '@airlock/contracts/types';
import { apiSend, errorMessage } from '../api/http';
import { useApi, usePermission } from '../common/hooks';
import { EmptyState } from '../common/EmptyState';

/**
 * Event streaming to the organization's SIEM (docs/integrations/siem.md): syslog over TCP or TLS
 * with CEF, JSON or OCSF bodies, or HTTP batches to Splunk HEC, Elastic or any collector; which
 * events; the TLS material; a test button and the delivery status of every instance added up.
 */
function Actions() {
  const canWrite = usePermission('siem.write');
  return <TopToolbar>{canWrite ? <CreateButton /> : null}</TopToolbar>;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
const target = (r: SiemDestinationOutput) => (r.transport === 'http' ? (r.url ?? '') : `${r.host ?? ''}:${r.port ?? ''}`);

function DestinationList() {
  const canWrite = usePermission('siem.write');
  return (
    <List actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false} title="Event streaming (SIEM)" empty={<EmptyState feature="siem" to="/siem/destinations/create" permission="siem.write" />}>
      <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="transport" />
        <DataTable.Col source="format" />
        <DataTable.Col label="Destination" disableSort render={(r) => target(r as SiemDestinationOutput)} />
        <DataTable.Col label="Sent" disableSort render={(r) => (r as SiemDestinationOutput).status.sent} />
        <DataTable.Col label="Queued" disableSort render={(r) => (r as SiemDestinationOutput).status.queued} />
        <DataTable.Col label="Dropped" disableSort render={(r) => (r as SiemDestinationOutput).status.dropped} />
        <DataTable.Col label="Last success" disableSort render={(r) => when((r as SiemDestinationOutput).status.lastSuccessAt)} />
        <DataTable.Col source="enabled" render={(r) => (r.enabled ? 'on' : 'off')} />
      </DataTable>
    </List>
  );
}

// Labels for the contract's values (libs/contracts constants): a value added there fails the type
// check here until it has a label. Choices keep the order of these objects.
const choicesOf = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([id, name]) => ({ id, name }));
const TRANSPORTS = choicesOf<SiemTransport>({
  syslog_tls: 'Syslog over TLS (RFC 5425)',
  syslog_tcp: 'Syslog over TCP (RFC 6587)',
  http: 'HTTP batches (gzip JSON lines)',
});
const FORMATS = choicesOf<SiemFormat>({
  cef: 'CEF',
  json: 'JSON (Airlock)',
  ocsf: 'OCSF 1.3',
});
const PRESETS = choicesOf<SiemHttpPreset>({
  splunk_hec: 'Splunk HTTP Event Collector',
  elastic: 'Elasticsearch _bulk',
  generic: 'Any collector (POST of gzip JSON lines)',
});
const EVENT_TYPES = choicesOf<SiemEventType>({
  decision: 'Decisions (metadata only)',
  incident: 'Incidents',
  audit: 'Audit events',
});
const EFFECT_CHOICES = EFFECTS.map((e) => ({ id: e, name: e }));
const FACILITIES = Array.from({ length: 24 }, (_, i) => ({ id: i, name: i >= 16 ? `local${i - 16} (${i})` : String(i) }));

function DestinationForm({ creating }: { creating: boolean }) {
  const record = useRecordContext<SiemDestinationOutput>();
  return (
    <SimpleForm>
      <TextInput source="name" validate={required()} helperText="Lowercase letters, digits, - or _" />
      <SelectInput source="transport" choices={TRANSPORTS} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <SelectInput source="format" choices={formData.transport === 'http' ? FORMATS.filter((f) => f.id !== 'cef') : FORMATS} validate={required()} />
        )}
      </FormDataConsumer>
      <FormDataConsumer>
        {({ formData }) =>
          formData.transport === 'http' ? (
            <Box sx={{ display: 'flex', flexDirection: 'column', width: '100%' }}>
              <SelectInput source="httpPreset" label="Collector" choices={PRESETS} validate={required()} />
              <TextInput source="url" label="URL" type="url" validate={required()} fullWidth helperText="Splunk: https://splunk:8088 (…/services/collector/event is added); Elastic: https://es:9200 (…/_bulk is added); any collector: the full URL" />
              <TextInput source="index" label="Index" helperText="Splunk index or Elastic index / data stream (Elastic default: airlock-events)" />
              <PasswordInput
                source="token"
                label={creating || !record?.tokenLast4 ? 'Token' : `New token (leave empty to keep …${record.tokenLast4})`}
                autoComplete="off"
                helperText="Splunk HEC token, Elastic API key or bearer token; stored sealed, never shown again"
              />
            </Box>
          ) : (
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              <TextInput source="host" validate={required()} />
              <NumberInput source="port" min={1} max={65535} validate={required()} helperText="6514 for TLS, 514 or 601 for TCP" />
              <SelectInput source="facility" choices={FACILITIES} />
            </Box>
          )
        }
      </FormDataConsumer>
      <FormDataConsumer>
        {({ formData }) =>
          formData.transport === 'syslog_tls' || (formData.transport === 'http' && String(formData.url ?? '').startsWith('https:')) ? (
            <Box sx={{ display: 'flex', flexDirection: 'column', width: '100%' }}>
              <TextInput source="caCert" label="CA certificates (PEM)" multiline minRows={2} fullWidth helperText="To trust a private CA instead of the system's" />
              <TextInput source="clientCert" label="Client certificate (PEM, mutual TLS)" multiline minRows={2} fullWidth />
              <TextInput
                source="clientKey"
                label={record?.hasClientKey ? 'New client key (PEM; leave empty to keep the stored one)' : 'Client key (PEM)'}
                multiline
                minRows={2}
                fullWidth
                helperText="Stored sealed, never shown again"
              />
            </Box>
          ) : null
        }
      </FormDataConsumer>
      <CheckboxGroupInput source="eventTypes" label="Events" choices={EVENT_TYPES} validate={required()} />
      <CheckboxGroupInput source="decisionEffects" label="Only decisions with these effects (none checked: all)" choices={EFFECT_CHOICES} />
      <BooleanInput source="enabled" />
    </SimpleForm>
  );
}

/** The test button and the delivery status (every instance's counts added up). */
function DeliveryCard() {
  const record = useRecordContext<SiemDestinationOutput>();
  const canWrite = usePermission('siem.write');
  const queryClient = useQueryClient();
  const t = useTranslate();
  const [result, setResult] = useState<SiemTestOutput | null>(null);
  const [busy, setBusy] = useState(false);
  // The counts move while the page is open: read them again every five seconds (the form keeps its edits).
  const live = useApi<SiemDestinationOutput>(record ? `/api/siem/destinations/${record.id}` : null, { refetchInterval: 5_000 });
  if (!record) return null;
  const s = live.data?.status ?? record.status;
  const test = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await apiSend<SiemTestOutput>(`/api/siem/destinations/${record.id}/test`, 'POST', {}));
    } catch (err) {
      setResult({ ok: false, error: errorMessage(err), millis: 0 });
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries();
    }
  };
  const rows: [string, string | number][] = [
    ['Last success', when(s.lastSuccessAt)],
    ['Last error', s.lastError ? `${s.lastError} (${when(s.lastErrorAt)})` : '—'],
    ['Queued', s.queued],
    ['Sent', s.sent],
    ['Dropped', s.dropped],
    ['Failed attempts', s.failures],
    ['Instances reporting', s.instances],
  ];
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h6" component="h2">
          Delivery
        </Typography>
        {canWrite ? (
          <Box>
            <Button variant="outlined" startIcon={<SendIcon />} disabled={busy} onClick={() => void test()}>
              {busy ? 'Sending…' : 'Send a test event'}
            </Button>
          </Box>
        ) : null}
        {result ? (
          <Alert severity={result.ok ? 'success' : 'error'} role="status">
            {result.ok ? `The test event was delivered (${result.millis} ms).` : `The test event was not delivered: ${result.error ?? t('ra.notification.http_error')}`}
          </Alert>
        ) : null}
        <Table size="small" aria-label="Delivery status">
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row">
                  {label}
                </TableCell>
                <TableCell>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" color="text.secondary">
          Each API instance sends the events it produced, from a buffer in its memory; the counts are every instance&apos;s added up.
        </Typography>
      </CardContent>
    </Card>
  );
}

const dropReadOnly = (d: Record<string, unknown>) => {
  const { id: _id, tokenLast4: _t, hasClientKey: _h, status: _s, createdAt: _c, updatedAt: _u, ...rest } = d;
  if (!rest.token) delete rest.token;
  if (!rest.clientKey) delete rest.clientKey;
  for (const k of ['caCert', 'clientCert', 'index']) if (rest[k] === '') rest[k] = null;
  return rest;
};

export default {
  list: DestinationList,
  create: () => (
    <Create redirect="edit" record={{ enabled: true, transport: 'syslog_tls', format: 'cef', facility: 16, eventTypes: ['decision', 'incident', 'audit'], decisionEffects: [] }} title="New SIEM destination" transform={dropReadOnly}>
      <DestinationForm creating />
    </Create>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic" transform={dropReadOnly} aside={undefined}>
      <DestinationForm creating={false} />
      <DeliveryCard />
    </Edit>
  ),
  icon: StreamIcon,
  recordRepresentation: 'name',
  options: { label: 'Event streaming (SIEM)' },
};
