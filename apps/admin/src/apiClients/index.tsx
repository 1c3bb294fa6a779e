import KeyIcon from '@mui/icons-material/Key';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import BlockIcon from '@mui/icons-material/Block';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  CreateButton,
  DataTable,
  DateTimeInput,
  Edit,
  List,
  NumberInput,
  required,
  ShowBase,
  SimpleForm,
  SimpleList,
  TextInput,
  Title,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useGetList,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { apiSend, errorMessage } from '../api/http';
import { useIsSmall, usePermission } from '../common/hooks';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { KeyOnceDialog } from './KeyOnce';
import { API_SCOPES } from '@airlock/contracts/constants';
import type { ApiKeyOutput } from '@airlock/contracts/types';
import { EmptyState } from '../common/EmptyState';

const scopeChoices = API_SCOPES.map((s) => ({ id: s, name: `airlock.apiClients.scope.${s}` }));

type ApiKeyRow = ApiKeyOutput;

/** The choice that stands for "any zone" in the zones input (the API's `mayAssertZones: "any"`). */
const ANY_ZONE = '*';

/**
 * What the client may assert in a decision request (docs/security.md, "What a decision request
 * trusts"): its own groups, its own address, and which zones it may name. A new client may assert
 * nothing; an extension or script usually needs nothing, a proxy deciding for others needs the address.
 */
function AssertionInputs() {
  const t = useTranslate();
  const { data } = useGetList('zones', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } });
  const choices = [{ id: ANY_ZONE, name: t('airlock.apiClients.anyZone') }, ...(data ?? []).map((z) => ({ id: z.name as string, name: z.name as string }))];
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {t('airlock.apiClients.assertions')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 640 }}>
        {t('airlock.apiClients.assertionsHelp')}
      </Typography>
      <BooleanInput source="mayAssertGroups" helperText="airlock.apiClients.mayAssertGroupsHelp" />
      <BooleanInput source="mayAssertIp" helperText="airlock.apiClients.mayAssertIpHelp" />
      <AutocompleteArrayInput
        source="mayAssertZones"
        choices={choices}
        translateChoice={false}
        helperText="airlock.apiClients.mayAssertZonesHelp"
        format={(v: unknown) => (v === 'any' ? [ANY_ZONE] : ((v as string[] | undefined) ?? []))}
        parse={(v: string[]) => (v.includes(ANY_ZONE) ? 'any' : v)}
        sx={{ minWidth: 320 }}
      />
    </>
  );
}

const when = (v: string | null | undefined) => (v ? new Date(v).toLocaleString() : '—');

function StateChip({ revokedAt }: { revokedAt: string | null }) {
  const t = useTranslate();
  return revokedAt ? <Chip size="small" color="error" variant="outlined" label={t('airlock.apiClients.revoked')} /> : <Chip size="small" color="success" label={t('airlock.apiClients.active')} />;
}

function ListActions() {
  const canWrite = usePermission('apiClients.write');
  return <TopToolbar>{canWrite ? <CreateButton /> : null}</TopToolbar>;
}

function ApiClientList() {
  const small = useIsSmall();
  const t = useTranslate();
  return (
    <List actions={<ListActions />} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={<EmptyState feature="apiClients" to="/api-clients/create" permission="apiClients.write" />}>
      {small ? (
        <SimpleList linkType="show" primaryText={(r) => r.name} secondaryText={(r) => `${(r.scopes as string[]).join(', ')} · ${r.keyPrefix ?? '—'}`} tertiaryText={(r) => <StateChip revokedAt={r.revokedAt} />} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="scopes" disableSort render={(r) => (r.scopes as string[]).map((s) => t(`airlock.apiClients.scope.${s}`, { _: s })).join(', ')} />
          <DataTable.Col source="keyPrefix" disableSort render={(r) => (r.keyPrefix ? <code>{r.keyPrefix}…</code> : '—')} />
          <DataTable.Col source="lastUsedAt" disableSort render={(r) => when(r.lastUsedAt)} />
          <DataTable.Col source="rateLimitPerMinute" disableSort render={(r) => r.rateLimitPerMinute ?? t('airlock.apiClients.unlimited')} />
          <DataTable.Col source="revokedAt" disableSort render={(r) => <StateChip revokedAt={r.revokedAt} />} />
        </DataTable>
      )}
    </List>
  );
}

function ApiClientCreate() {
  const redirect = useRedirect();
  const [created, setCreated] = useState<{ id: string; name: string; key: string } | null>(null);
  const transform = (data: Record<string, unknown>) => ({
    name: data.name,
    description: data.description || null,
    scopes: data.scopes,
    rateLimitPerMinute: data.rateLimitPerMinute ? Number(data.rateLimitPerMinute) : null,
    mayAssertGroups: Boolean(data.mayAssertGroups),
    mayAssertIp: Boolean(data.mayAssertIp),
    mayAssertZones: data.mayAssertZones ?? [],
    expiresAt: data.expiresAt ? new Date(data.expiresAt as string).toISOString() : null,
  });
  return (
    <>
      <Create
        transform={transform}
        redirect={false}
        mutationOptions={{ onSuccess: (data: { id: string; name: string; key: string }) => setCreated({ id: data.id, name: data.name, key: data.key }) }}
        record={{ scopes: ['decide'], mayAssertGroups: false, mayAssertIp: false, mayAssertZones: [] }}
      >
        <SimpleForm>
          <TextInput source="name" validate={required()} />
          <TextInput source="description" fullWidth />
          <CheckboxGroupInput source="scopes" choices={scopeChoices} validate={required()} />
          <NumberInput source="rateLimitPerMinute" min={1} helperText="airlock.apiClients.rateHelp" />
          <DateTimeInput source="expiresAt" helperText="airlock.apiClients.expiresHelp" />
          <AssertionInputs />
        </SimpleForm>
      </Create>
      <KeyOnceDialog
        apiKey={created?.key ?? null}
        name={created?.name ?? ''}
        onClose={() => {
          const id = created?.id;
          setCreated(null);
          if (id) redirect('show', 'api-clients', id);
        }}
      />
    </>
  );
}

function RotateButton() {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState(24);
  const [key, setKey] = useState<string | null>(null);
  if (!record || record.revokedAt) return null;
  const rotate = async () => {
    try {
      const res = await apiSend<{ key: string }>(`/api/api-clients/${record.id}/rotate`, 'POST', { overlapHours: hours });
      setOpen(false);
      setKey(res.key);
      refresh();
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    }
  };
  return (
    <>
      <Button startIcon={<AutorenewIcon />} onClick={() => setOpen(true)}>
        {t('airlock.apiClients.rotate')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="rotate-title">
        <DialogTitle id="rotate-title">{t('airlock.apiClients.rotateTitle', { name: record.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('airlock.apiClients.rotateExplain')}</DialogContentText>
          <TextField
            id="overlap-hours"
            type="number"
            label={t('airlock.apiClients.overlapHours')}
            value={hours}
            onChange={(e) => setHours(Math.max(0, Math.min(720, Number(e.target.value) || 0)))}
            slotProps={{ htmlInput: { min: 0, max: 720 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => void rotate()}>
            {t('airlock.apiClients.rotate')}
          </Button>
        </DialogActions>
      </Dialog>
      <KeyOnceDialog apiKey={key} name={record.name} onClose={() => setKey(null)} />
    </>
  );
}

function RevokeButton() {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record || record.revokedAt) return null;
  const revoke = async () => {
    try {
      await apiSend(`/api/api-clients/${record.id}/revoke`, 'POST', {});
      setOpen(false);
      notify('airlock.apiClients.revokedNotice', { type: 'success', messageArgs: { name: record.name } });
      refresh();
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    }
  };
  return (
    <>
      <Button color="error" startIcon={<BlockIcon />} onClick={() => setOpen(true)}>
        {t('airlock.apiClients.revoke')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="revoke-title">
        <DialogTitle id="revoke-title">{t('airlock.apiClients.revokeTitle', { name: record.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('airlock.apiClients.revokeExplain')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" onClick={() => void revoke()}>
            {t('airlock.apiClients.revoke')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function KeysTable({ canWrite }: { canWrite: boolean }) {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const keys = (record?.keys ?? []) as ApiKeyRow[];
  const revokeKey = async (k: ApiKeyRow) => {
    try {
      await apiSend(`/api/api-clients/${record!.id}/keys/${k.id}/revoke`, 'POST', {});
      refresh();
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    }
  };
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('airlock.apiClients.keys')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('airlock.apiClients.prefix')}</TableCell>
            <TableCell>{t('resources.api-clients.fields.createdAt')}</TableCell>
            <TableCell>{t('airlock.apiClients.expires')}</TableCell>
            <TableCell>{t('resources.api-clients.fields.lastUsedAt')}</TableCell>
            <TableCell>{t('airlock.apiClients.state')}</TableCell>
            {canWrite ? <TableCell>{t('airlock.apiClients.actions')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {keys.map((k) => (
            <TableRow key={k.id}>
              <TableCell>
                <code>{k.prefix}…</code>
              </TableCell>
              <TableCell>{when(k.createdAt)}</TableCell>
              <TableCell>{k.expiresAt ? when(k.expiresAt) : t('airlock.apiClients.never')}</TableCell>
              <TableCell>{k.lastUsedAt ? when(k.lastUsedAt) : t('airlock.apiClients.neverUsed')}</TableCell>
              <TableCell>
                {k.active ? (
                  <Chip size="small" color="success" label={t('airlock.apiClients.active')} />
                ) : (
                  <Chip size="small" variant="outlined" label={k.revokedAt ? t('airlock.apiClients.revoked') : t('airlock.apiClients.expired')} />
                )}
              </TableCell>
              {canWrite ? (
                <TableCell>
                  {k.active ? (
                    <Button size="small" color="error" onClick={() => void revokeKey(k)} aria-label={t('airlock.apiClients.revokeKeyNamed', { prefix: k.prefix })}>
                      {t('airlock.apiClients.revokeKey')}
                    </Button>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function ApiClientPage() {
  const record = useRecordContext();
  const t = useTranslate();
  const canWrite = usePermission('apiClients.write');
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={record.name} />
      <Card>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
            <Box>
              <Typography variant="h5" component="h2">
                {record.name} <StateChip revokedAt={record.revokedAt} />
              </Typography>
              {record.description ? <Typography variant="body2">{record.description}</Typography> : null}
            </Box>
            {canWrite ? (
              <Stack direction="row" spacing={1}>
                <Button component={Link} to={`/api-clients/${record.id}`}>
                  {t('ra.action.edit')}
                </Button>
                <RotateButton />
                <RevokeButton />
              </Stack>
            ) : null}
          </Stack>
          {record.revokedAt ? <Alert severity="error">{t('airlock.apiClients.revokedAt', { when: when(record.revokedAt) })}</Alert> : null}
          <Typography variant="body2">
            <strong>{t('resources.api-clients.fields.scopes')}:</strong> {(record.scopes as string[]).map((s) => t(`airlock.apiClients.scope.${s}`, { _: s })).join(', ')}
          </Typography>
          <Typography variant="body2">
            <strong>{t('resources.api-clients.fields.rateLimitPerMinute')}:</strong> {record.rateLimitPerMinute ?? t('airlock.apiClients.unlimited')}
          </Typography>
          <Typography variant="body2" data-testid="last-used">
            <strong>{t('resources.api-clients.fields.lastUsedAt')}:</strong> {record.lastUsedAt ? when(record.lastUsedAt) : t('airlock.apiClients.neverUsed')}
          </Typography>
          <Typography variant="h6" component="h3">
            {t('airlock.apiClients.keys')}
          </Typography>
          <KeysTable canWrite={canWrite} />
        </CardContent>
      </Card>
    </Box>
  );
}

function ApiClientShow() {
  return (
    <ShowBase>
      <ApiClientPage />
    </ShowBase>
  );
}

function ApiClientEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <TextInput source="name" validate={required()} />
        <TextInput source="description" fullWidth />
        <CheckboxGroupInput source="scopes" choices={scopeChoices} validate={required()} />
        <NumberInput source="rateLimitPerMinute" min={1} helperText="airlock.apiClients.rateHelp" />
        <AssertionInputs />
      </SimpleForm>
    </Edit>
  );
}

export default { list: ApiClientList, create: ApiClientCreate, show: ApiClientShow, edit: ApiClientEdit, icon: KeyIcon, recordRepresentation: 'name' };
