import DownloadIcon from '@mui/icons-material/Download';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Alert, Box, Button, CircularProgress, Link as MuiLink, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextInput,
  TopToolbar,
  useListContext,
  usePermissions,
  useRecordContext,
  useTranslate,
  type TranslateFunction as Translate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@airlock/contracts/constants';
import type { AuditEventOutput, AuditVerifyOutput } from '@airlock/contracts/types';
import { useApi, useIsSmall } from '../common/hooks';
import { ChangesTable } from './ChangesTable';
import { entityHref, entityName } from './entityLink';
import { actionLabel, entityTypeLabel, pathLabel } from './words';

/** The hash chain's verification, above the log. */
function ChainStatus() {
  const t = useTranslate();
  const queryClient = useQueryClient();
  const { data, isPending, error, isFetching } = useApi<AuditVerifyOutput>('/api/audit-events/verify', { staleTime: 0 });
  const again = () => void queryClient.invalidateQueries({ queryKey: ['api', '/api/audit-events/verify'] });
  return (
    <Box sx={{ mt: 2 }}>
      {isPending ? (
        <Alert severity="info" icon={<CircularProgress size={18} />}>
          {t('airlock.audit.verifying')}
        </Alert>
      ) : error ? (
        <Alert severity="error">{String((error as Error).message)}</Alert>
      ) : data?.ok ? (
        <Alert
          severity="success"
          icon={<VerifiedIcon />}
          data-testid="chain-ok"
          action={
            <Button color="inherit" size="small" onClick={again} disabled={isFetching}>
              {t('airlock.audit.verifyAgain')}
            </Button>
          }
        >
          {t('airlock.audit.intact', { smart_count: data.checked })}
        </Alert>
      ) : data ? (
        <Alert severity="error" data-testid="chain-broken">
          {t('airlock.audit.broken', { seq: data.firstBroken?.seq ?? '?', reason: data.firstBroken?.reason ?? '' })}
        </Alert>
      ) : null}
    </Box>
  );
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span>—</span>;
  return (
    <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 300, overflow: 'auto' }}>
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}

/** The event opened: its readable diff, the raw snapshots behind a toggle, its hash. */
function Expand() {
  const record = useRecordContext<AuditEventOutput>();
  const t = useTranslate();
  const [raw, setRaw] = useState(false);
  if (!record) return null;
  return (
    <Box sx={{ p: 1, display: 'grid', gap: 1 }}>
      <ChangesTable changes={record.changes} truncated={record.changesTruncated} />
      <Box>
        <Button size="small" onClick={() => setRaw((r) => !r)} aria-expanded={raw}>
          {t(raw ? 'airlock.audit.hideRaw' : 'airlock.audit.showRaw')}
        </Button>
      </Box>
      {raw ? (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }} data-testid="audit-raw">
          <Box>
            <Typography variant="subtitle2">{t('resources.audit-events.fields.before')}</Typography>
            <Json value={record.before} />
          </Box>
          <Box>
            <Typography variant="subtitle2">{t('resources.audit-events.fields.after')}</Typography>
            <Json value={record.after} />
          </Box>
        </Box>
      ) : null}
      <Typography variant="caption" sx={{ wordBreak: 'break-all' }}>
        {t('resources.audit-events.fields.hash')}: <code>{record.hash}</code>
        {record.ip ? ` · ${t('airlock.audit.fromIp', { ip: record.ip })}` : ''}
      </Typography>
    </Box>
  );
}

/** Who acted: the user's name and e-mail, or what acted (an API client, Airlock itself). */
function actorText(t: Translate, r: AuditEventOutput): { primary: string; secondary: string | null } {
  if (r.actorType === 'user') return r.actorName ? { primary: r.actorName, secondary: r.actorLabel } : { primary: r.actorLabel, secondary: null };
  if (r.actorType === 'api_client') return { primary: r.actorLabel.replace(/^api client /, ''), secondary: t('airlock.audit.actorTypes.api_client') };
  return { primary: t(`airlock.audit.actorTypes.${r.actorType}`, { _: r.actorLabel }), secondary: null };
}

function Actor() {
  const r = useRecordContext<AuditEventOutput>();
  const t = useTranslate();
  if (!r) return null;
  const { primary, secondary } = actorText(t, r);
  return (
    <Box>
      <Typography variant="body2">{primary}</Typography>
      {secondary ? (
        <Typography variant="caption" color="text.secondary">
          {secondary}
        </Typography>
      ) : null}
    </Box>
  );
}

/** The object: its kind in words and its name, linked to its page where it has one. */
function Entity() {
  const r = useRecordContext<AuditEventOutput>();
  const t = useTranslate();
  const { permissions } = usePermissions<string[]>();
  if (!r) return null;
  // A user acting on their own account (signing in, a second factor): their name.
  const self = r.entityType === 'User' && r.entityId !== null && r.entityId === r.actorId ? r.actorName : null;
  const name = entityName(r) ?? self ?? (r.entityId ? r.entityId.slice(0, 8) : null);
  const href = entityHref(r, permissions ?? []);
  const kind = entityTypeLabel(t, r.entityType);
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {kind}
      </Typography>
      {href ? (
        <MuiLink component={Link} to={href} onClick={(e) => e.stopPropagation()} variant="body2" aria-label={t('airlock.audit.open', { what: `${kind} ${name ?? ''}`.trim() })}>
          {name ?? t('airlock.audit.openPage')}
        </MuiLink>
      ) : name ? (
        <Typography variant="body2">{name}</Typography>
      ) : null}
    </Box>
  );
}

/** The fields an event changed, in words, the first few. */
function ChangesSummary() {
  const r = useRecordContext<AuditEventOutput>();
  const t = useTranslate();
  if (!r || r.changes.length === 0) return null;
  const names = [...new Set(r.changes.map((c) => pathLabel(t, c.path)))];
  const shown = names.slice(0, 3).join(', ');
  return (
    <Typography variant="body2" color="text.secondary">
      {names.length > 3 ? `${shown} ${t('airlock.audit.more', { smart_count: names.length - 3 })}` : shown}
    </Typography>
  );
}

/** CSV of the events matching the current filters (same-origin GET: the session cookie goes along). */
function ExportCsvButton() {
  const t = useTranslate();
  const { filterValues } = useListContext();
  const href = `/api/audit-events/export.csv?filter=${encodeURIComponent(JSON.stringify(filterValues ?? {}))}`;
  return (
    <Button component="a" href={href} download size="small" startIcon={<DownloadIcon />}>
      {t('airlock.audit.exportCsv')}
    </Button>
  );
}

function Actions() {
  return (
    <TopToolbar>
      <FilterButton />
      <ExportCsvButton />
    </TopToolbar>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The date field shows the local day of the instant the filter holds. */
function localDay(v: unknown): string {
  if (typeof v !== 'string' || !v) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? '' : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
/** From the start of the chosen local day, to its end: the server takes instants. */
const dayStart = (v: string) => (v ? new Date(`${v}T00:00:00`).toISOString() : '');
const dayEnd = (v: string) => (v ? new Date(`${v}T23:59:59.999`).toISOString() : '');

function useFilters() {
  const t = useTranslate();
  const actions = AUDIT_ACTIONS.map((a) => ({ id: a, name: actionLabel(t, a) })).sort((a, b) => a.name.localeCompare(b.name));
  const entities = AUDIT_ENTITY_TYPES.map((e) => ({ id: e, name: entityTypeLabel(t, e) })).sort((a, b) => a.name.localeCompare(b.name));
  return [
    <DateInput key="since" source="since" alwaysOn helperText={false} parse={dayStart} format={localDay} />,
    <DateInput key="until" source="until" alwaysOn helperText={false} parse={dayEnd} format={localDay} />,
    <ReferenceInput key="actorId" source="actorId" reference="users" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        label="resources.audit-events.fields.actorId"
        helperText={false}
        optionText={(u: { name: string; email: string }) => `${u.name} (${u.email})`}
        sx={{ minWidth: 240 }}
      />
    </ReferenceInput>,
    <AutocompleteInput key="action" source="action" choices={actions} alwaysOn helperText={false} sx={{ minWidth: 240 }} />,
    <SelectInput key="entityType" source="entityType" choices={entities} helperText={false} />,
    <TextInput key="entityId" source="entityId" helperText={false} />,
  ];
}

function AuditList() {
  const small = useIsSmall();
  const t = useTranslate();
  const filters = useFilters();
  return (
    <>
      <ChainStatus />
      <List filters={filters} sort={{ field: 'seq', order: 'DESC' }} exporter={false} actions={<Actions />}>
        {small ? (
          <SimpleList<AuditEventOutput>
            linkType={false}
            primaryText={(r) => `${r.seq}. ${actionLabel(t, r.action)}`}
            secondaryText={(r) => `${actorText(t, r).primary} · ${entityTypeLabel(t, r.entityType)}`}
            tertiaryText={(r) => new Date(r.createdAt).toLocaleString()}
          />
        ) : (
          <DataTable expand={<Expand />} bulkActionButtons={false} rowClick="expand">
            <DataTable.Col source="seq" />
            <DataTable.Col source="createdAt" render={(r) => new Date(r.createdAt).toLocaleString()} />
            <DataTable.Col source="actorLabel" disableSort>
              <Actor />
            </DataTable.Col>
            <DataTable.Col source="action" render={(r) => actionLabel(t, r.action)} />
            <DataTable.Col source="entityType" disableSort>
              <Entity />
            </DataTable.Col>
            <DataTable.Col source="changes" disableSort>
              <ChangesSummary />
            </DataTable.Col>
          </DataTable>
        )}
      </List>
    </>
  );
}

export default { list: AuditList, icon: ReceiptLongIcon };
