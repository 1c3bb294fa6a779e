import { Alert, Autocomplete, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useNotify, useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { usePermission } from '../common/hooks';
import { SsoCard } from './SsoCard';
import type { GroupOutput } from '@airlock/contracts/types';

type GroupRecord = GroupOutput;

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Which provider groups put people into which Airlock group, edited next to the connection they
 * come through. Each line is an Airlock group and the provider's group values that fill it; applying
 * a line changes that group's `ssoGroups` through the Groups API (the same field as on the Groups
 * page, in force at once, audited there). The next sign-in of each person follows it.
 */
export function SsoGroupMappings() {
  const t = useTranslate();
  const notify = useNotify();
  const canWrite = usePermission('groups.write');
  const { data, error, refetch } = useGetList<GroupRecord>('groups', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [edits, setEdits] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // A refetch shows what the server holds: drop the edits it now agrees with.
  useEffect(() => {
    if (!data) return;
    setEdits((e) =>
      Object.fromEntries(Object.entries(e).filter(([id, values]) => !same(values, data.find((g) => g.id === id)?.ssoGroups ?? []))),
    );
  }, [data]);

  const save = async (g: GroupRecord) => {
    setBusy(g.id);
    setProblem(null);
    try {
      await apiSend(`/api/groups/${g.id}`, 'PUT', { ssoGroups: edits[g.id] ?? g.ssoGroups });
      notify('airlock.sso.groupMappings.saved', { type: 'info', messageArgs: { group: g.name } });
      await refetch();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <SsoCard title={t('airlock.sso.groupMappings.title')} help={t('airlock.sso.groupMappings.help')} error={error} problem={problem}>
      {data && !data.length ? <Typography variant="body2">{t('airlock.sso.groupMappings.none')}</Typography> : null}
      <Stack spacing={1.5} data-testid="sso-group-mappings">
        {(data ?? []).map((g) => {
          const values = edits[g.id] ?? g.ssoGroups;
          const changed = !same(values, g.ssoGroups);
          return (
            <Stack
              key={g.id}
              direction={{ xs: 'column', sm: 'row' }}
              spacing={1}
              sx={{ alignItems: { sm: 'center' } }}
              data-testid={`sso-group-mapping-${g.name}`}
            >
              <Box sx={{ width: { sm: 160 }, flexShrink: 0 }}>
                <Typography variant="subtitle2" component="h3" sx={{ fontFamily: 'monospace' }}>
                  {g.name}
                </Typography>
              </Box>
              <Autocomplete
                multiple
                freeSolo
                autoSelect
                options={[]}
                value={values}
                disabled={!canWrite || busy === g.id}
                onChange={(_, next) => setEdits({ ...edits, [g.id]: [...new Set(next.map((v) => v.trim()).filter(Boolean))] })}
                renderInput={(params) => (
                  <TextField
                    {...params}
                    size="small"
                    label={t('airlock.sso.groupMappings.field', { group: g.name })}
                    placeholder={values.length ? undefined : t('airlock.sso.groupMappings.placeholder')}
                  />
                )}
                sx={{ flex: 1 }}
              />
              {canWrite ? (
                <Button
                  variant={changed ? 'contained' : 'outlined'}
                  disabled={busy !== null}
                  onClick={() => void save(g)}
                  aria-label={t('airlock.sso.groupMappings.applyTo', { group: g.name })}
                >
                  {t('airlock.sso.groupMappings.apply')}
                </Button>
              ) : null}
            </Stack>
          );
        })}
      </Stack>
      {!canWrite ? (
        <Alert severity="info" sx={{ mt: 2 }}>
          {t('airlock.settings.readOnly')}
        </Alert>
      ) : null}
    </SsoCard>
  );
}
