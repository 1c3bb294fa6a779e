import HubIcon from '@mui/icons-material/Hub';
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BooleanInput, Create, CreateButton, DataTable, Edit, List, NumberInput, PasswordInput, required, SelectInput, SimpleForm, TextInput, TopToolbar, useGetList } from 'react-admin';
import { useApi, usePermission } from '../common/hooks';
import type { GatewayTrafficOutput } from '@airlock/contracts/types';
import { EmptyState } from '../common/EmptyState';

/** The AI gateway's upstreams: the organization's key is write-only (shown as its last four characters). */
function Actions() {
  const canWrite = usePermission('gateway.write');
  return <TopToolbar>{canWrite ? <CreateButton /> : null}</TopToolbar>;
}

function UpstreamList() {
  const canWrite = usePermission('gateway.write');
  return (
    <List actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false} title="Gateway upstreams" empty={<EmptyState feature="gateway" to="/gateway/upstreams/create" permission="gateway.write" />}>
      <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="api" />
        <DataTable.Col source="providerSlug" />
        <DataTable.Col source="baseUrl" disableSort />
        <DataTable.Col source="keyLast4" disableSort render={(r) => `…${r.keyLast4 as string}`} />
        <DataTable.Col source="enabled" render={(r) => (r.enabled ? 'on' : 'off')} />
      </DataTable>
    </List>
  );
}

/** The catalog's AI services by name (stored by slug): the policy decides every call through the upstream as sent to this service. */
function ProviderInput() {
  const { data, isPending } = useGetList('providers', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } });
  const choices = (data ?? []).map((p) => ({ id: p.slug as string, name: p.name as string }));
  return <SelectInput source="providerSlug" choices={choices} isPending={isPending} validate={required()} helperText="The catalog's AI service this upstream is: rules about it apply to every call" />;
}

function UpstreamForm({ creating }: { creating: boolean }) {
  return (
    <SimpleForm>
      <TextInput source="name" validate={required()} helperText="Lowercase; callers pick it with X-Airlock-Upstream" />
      <SelectInput source="api" choices={[{ id: 'openai', name: 'OpenAI' }, { id: 'anthropic', name: 'Anthropic' }]} validate={required()} />
      <ProviderInput />
      <TextInput source="baseUrl" type="url" validate={required()} fullWidth helperText="As the SDK would use it: https://api.openai.com/v1, https://api.anthropic.com" />
      <PasswordInput source="apiKey" label={creating ? 'Upstream API key' : 'New upstream API key (leave empty to keep)'} validate={creating ? required() : undefined} autoComplete="off" helperText="Stored sealed; never shown again (the list shows its last four characters)" />
      <NumberInput source="timeoutSeconds" min={1} max={900} />
      <BooleanInput source="enabled" />
    </SimpleForm>
  );
}

export default {
  list: UpstreamList,
  create: () => (
    <Create redirect="list" record={{ enabled: true, timeoutSeconds: 120, api: 'openai' }} title="New gateway upstream">
      <UpstreamForm creating />
    </Create>
  ),
  edit: () => (
    <Edit mutationMode="pessimistic" transform={(d: Record<string, unknown>) => { const { id: _id, keyLast4: _k, createdAt: _c, updatedAt: _u, ...rest } = d; return rest.apiKey ? rest : { ...rest, apiKey: undefined }; }}>
      <UpstreamForm creating={false} />
    </Edit>
  ),
  icon: HubIcon,
  recordRepresentation: 'name',
  options: { label: 'Gateway upstreams' },
};


/** Dashboard card: gateway traffic per AI service and API key over the dashboard's period (else the last week). */
export function GatewayTrafficCard({ period }: { period?: { from: string; to: string } }) {
  const { data } = useApi<GatewayTrafficOutput>(period ? `/api/gateway/traffic?${new URLSearchParams(period).toString()}` : '/api/gateway/traffic?hours=168');
  if (!data || data.items.length === 0) return null;
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {period ? 'Gateway traffic in this period' : 'Gateway traffic (7 days)'}
        </Typography>
        <Table size="small" aria-label="Gateway traffic per AI service and key">
          <TableHead>
            <TableRow>
              <TableCell>AI service</TableCell>
              <TableCell>Key</TableCell>
              <TableCell align="right">Calls</TableCell>
              <TableCell align="right">Blocked</TableCell>
              <TableCell align="right">Redacted</TableCell>
              <TableCell align="right">Tokens in / out</TableCell>
              <TableCell align="right">Added ms</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map((r) => (
              <TableRow key={`${r.providerSlug}-${r.apiClientId}`}>
                <TableCell>{r.providerSlug}</TableCell>
                <TableCell>{r.apiClientName ?? r.apiClientId}</TableCell>
                <TableCell align="right">{r.calls}</TableCell>
                <TableCell align="right">{r.blocked}</TableCell>
                <TableCell align="right">{r.redacted}</TableCell>
                <TableCell align="right">{`${r.inputTokens} / ${r.outputTokens}`}</TableCell>
                <TableCell align="right">{r.avgAddedMs ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
