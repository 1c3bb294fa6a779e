import { Box, Button as MuiButton, Chip, Typography } from '@mui/material';
import InsightsIcon from '@mui/icons-material/Insights';
import PublishIcon from '@mui/icons-material/Publish';
import { CreateButton, DataTable, List, SearchInput, SelectInput, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { describeRule } from '@airlock/contracts/rule-sentence';
import { choices, EffectChip } from '../common/chips';
import { EFFECTS } from '@airlock/contracts/constants';
import { useIsSmall, usePermission } from '../common/hooks';
import { useRuleVocabulary } from './ConditionsInputs';
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

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="effect" source="effect" choices={choices(EFFECTS, 'airlock.effect')} alwaysOn />];

export function RuleList() {
  const small = useIsSmall();
  const t = useTranslate();
  const { label } = useRuleVocabulary();
  const sentence = (r: { effect: string; conditions?: unknown; exceptions?: unknown }) =>
    describeRule({ effect: r.effect, conditions: r.conditions as never, exceptions: Array.isArray(r.exceptions) ? (r.exceptions as never[]) : [] }, label);
  return (
    <Box>
      <List filters={filters} actions={<Actions />} sort={{ field: 'priority', order: 'ASC' }} perPage={100} pagination={false} empty={<EmptyState feature="rules" to="/rules/create" permission="policy.write" />}>
        <DraftNotice />
        {small ? (
          <SimpleList
            linkType="edit"
            primaryText={(r) => `${r.priority}. ${r.ruleId}`}
            secondaryText={(r) => sentence(r as never)}
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
            <DataTable.Col
              source="conditions"
              label="airlock.rules.sentence"
              disableSort
              render={(r) => (
                <Typography variant="body2" component="div">
                  {sentence(r as never)}
                </Typography>
              )}
            />
            <DataTable.Col source="effect" render={(r) => <EffectChip effect={r.effect} />} />
          </DataTable>
        )}
      </List>
    </Box>
  );
}
