import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { DataTable, List, SimpleList, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { useApi, useIsSmall } from '../common/hooks';
import type { AuditVerifyOutput } from '@airlock/contracts/types';

type Verify = AuditVerifyOutput;

/** The hash chain's verification, above the log. */
function ChainStatus() {
  const t = useTranslate();
  const queryClient = useQueryClient();
  const { data, isPending, error, isFetching } = useApi<Verify>('/api/audit-events/verify', { staleTime: 0 });
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

function Expand() {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, p: 1 }}>
      <Box>
        <Typography variant="subtitle2">{t('resources.audit-events.fields.before')}</Typography>
        <Json value={record.before} />
      </Box>
      <Box>
        <Typography variant="subtitle2">{t('resources.audit-events.fields.after')}</Typography>
        <Json value={record.after} />
      </Box>
      <Typography variant="caption" sx={{ gridColumn: '1 / -1', wordBreak: 'break-all' }}>
        {t('resources.audit-events.fields.hash')}: <code>{record.hash}</code>
      </Typography>
    </Box>
  );
}

const filters = [<TextInput key="action" source="action" alwaysOn helperText={false} />, <TextInput key="entityType" source="entityType" helperText={false} />];

function AuditList() {
  const small = useIsSmall();
  return (
    <>
      <ChainStatus />
      <List filters={filters} sort={{ field: 'seq', order: 'DESC' }} exporter={false} actions={undefined}>
        {small ? (
          <SimpleList linkType={false} primaryText={(r) => `${r.seq}. ${r.action}`} secondaryText={(r) => `${r.actorLabel} · ${r.entityType}`} tertiaryText={(r) => new Date(r.createdAt).toLocaleString()} />
        ) : (
          <DataTable expand={<Expand />} bulkActionButtons={false} rowClick="expand">
            <DataTable.Col source="seq" />
            <DataTable.Col source="createdAt" render={(r) => new Date(r.createdAt).toLocaleString()} />
            <DataTable.Col source="actorLabel" disableSort />
            <DataTable.Col source="action" />
            <DataTable.Col source="entityType" disableSort />
            <DataTable.Col source="entityId" disableSort render={(r) => <code>{String(r.entityId ?? '').slice(0, 8)}</code>} />
          </DataTable>
        )}
      </List>
    </>
  );
}

export default { list: AuditList, icon: ReceiptLongIcon };
