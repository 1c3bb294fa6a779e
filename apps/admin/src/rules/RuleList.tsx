import { Box, Button as MuiButton, Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import InsightsIcon from '@mui/icons-material/Insights';
import PublishIcon from '@mui/icons-material/Publish';
import {
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  useDataProvider,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import { errorMessage } from '../api/http';
import { choices, EffectChip } from '../common/chips';
import { EFFECTS } from '@airlock/contracts/constants';
import { useIsSmall, usePermission } from '../common/hooks';
import { ConditionsSummary } from './ConditionsSummary';
import { DraftNotice } from './RuleForm';
import { EmptyState } from '../common/EmptyState';

function Actions() {
  const t = useTranslate();
  const canWrite = usePermission('policy.write');
  const canPublish = usePermission('policy.publish');
  const canSimulate = usePermission('policy.simulate');
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      {canSimulate ? (
        <MuiButton component={Link} to="/policy/impact" size="small" startIcon={<InsightsIcon />}>
          {t('airlock.menu.impact')}
        </MuiButton>
      ) : null}
      {canPublish ? (
        <MuiButton component={Link} to="/policy/publish" size="small" startIcon={<PublishIcon />}>
          {t('airlock.menu.publish')}
        </MuiButton>
      ) : null}
      {canWrite ? <CreateButton /> : null}
    </TopToolbar>
  );
}

/** Moves a rule up or down by swapping its priority with its neighbour's. */
function MoveButtons() {
  const record = useRecordContext();
  const { data } = useListContext();
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const notify = useNotify();
  const t = useTranslate();
  const [busy, setBusy] = useState(false);
  if (!record || !data) return null;
  const index = data.findIndex((r) => r.id === record.id);
  const swap = async (other: (typeof data)[number] | undefined) => {
    if (!other) return;
    setBusy(true);
    try {
      const a = record.priority as number;
      const b = other.priority as number;
      const [pa, pb] = a === b ? [b, a + 1] : [b, a];
      await dataProvider.update('rules', { id: record.id, data: { priority: pa }, previousData: record });
      await dataProvider.update('rules', { id: other.id, data: { priority: pb }, previousData: other });
      refresh();
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const stop = (e: React.MouseEvent) => e.stopPropagation();
  return (
    <Stack direction="row" onClick={stop}>
      <Tooltip title={t('airlock.rules.moveUp')}>
        <span>
          <IconButton size="small" aria-label={t('airlock.rules.moveUpNamed', { id: record.ruleId })} disabled={busy || index <= 0} onClick={() => void swap(data[index - 1])}>
            <ArrowUpwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={t('airlock.rules.moveDown')}>
        <span>
          <IconButton size="small" aria-label={t('airlock.rules.moveDownNamed', { id: record.ruleId })} disabled={busy || index >= data.length - 1} onClick={() => void swap(data[index + 1])}>
            <ArrowDownwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    </Stack>
  );
}

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="effect" source="effect" choices={choices(EFFECTS, 'airlock.effect')} alwaysOn />];

export function RuleList() {
  const small = useIsSmall();
  const t = useTranslate();
  const canWrite = usePermission('policy.write');
  return (
    <Box>
      <List filters={filters} actions={<Actions />} sort={{ field: 'priority', order: 'ASC' }} perPage={100} pagination={false} empty={<EmptyState feature="rules" to="/rules/create" permission="policy.write" />}>
        <DraftNotice />
        {small ? (
          <SimpleList
            linkType="edit"
            primaryText={(r) => `${r.priority}. ${r.ruleId}`}
            secondaryText={(r) => r.message}
            tertiaryText={(r) => <EffectChip effect={r.effect} />}
          />
        ) : (
          <DataTable rowClick="edit" bulkActionButtons={false}>
            <DataTable.Col source="priority" />
            <DataTable.Col
              source="ruleId"
              render={(r) => (
                <Box>
                  <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
                    {r.ruleId} {r.enabled ? null : <Chip size="small" variant="outlined" label={t('airlock.rules.disabled')} />}
                  </Typography>
                  {r.description ? (
                    <Typography variant="caption" color="text.secondary">
                      {r.description}
                    </Typography>
                  ) : null}
                </Box>
              )}
            />
            <DataTable.Col source="conditions" label="resources.rules.fields.conditions.name" disableSort render={(r) => <ConditionsSummary conditions={r.conditions} exceptions={r.exceptions} />} />
            <DataTable.Col source="effect" render={(r) => <EffectChip effect={r.effect} />} />
            {canWrite ? <DataTable.Col label="airlock.rules.order" disableSort render={() => <MoveButtons />} /> : null}
          </DataTable>
        )}
      </List>
    </Box>
  );
}
