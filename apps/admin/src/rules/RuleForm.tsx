import { Box, Card, CardContent, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  Create,
  Edit,
  NumberInput,
  RadioButtonGroupInput,
  required,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { choices } from '../common/chips';
import { EFFECTS } from '@airlock/contracts/constants';
import { transformRule } from './conditions';
import { ConditionsInputs, useConditionChoices } from './ConditionsInputs';
import { DraftToolbar, useDraftSaved } from '../common/draftSaved';

const slugPattern = (value: string) => (value && !/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(value) ? 'airlock.validation.slug' : undefined);

function Heading({ title, help }: { title: string; help: string }) {
  const t = useTranslate();
  return (
    <Box sx={{ mt: 2, mb: 1 }}>
      <Typography variant="h6" component="h2">
        {t(title)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t(help)}
      </Typography>
    </Box>
  );
}

function RuleFormBody({ create }: { create: boolean }) {
  const options = useConditionChoices();
  return (
    <SimpleForm toolbar={<DraftToolbar resource="rules" whatKey="airlock.draftSaved.rule" />}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr 1fr' }, columnGap: 2, width: '100%', alignItems: 'center' }}>
        <TextInput source="ruleId" validate={[required(), slugPattern]} readOnly={!create} helperText={create ? 'airlock.ruleForm.ruleIdHelp' : false} />
        <NumberInput source="priority" validate={required()} min={0} helperText="airlock.ruleForm.priorityHelp" />
        <BooleanInput source="enabled" />
      </Box>
      <TextInput source="description" fullWidth multiline />

      <Heading title="airlock.ruleForm.whenTitle" help="airlock.ruleForm.whenHelp" />
      <ConditionsInputs prefix="conditions." options={options} />

      <Heading title="airlock.ruleForm.unlessTitle" help="airlock.ruleForm.unlessHelp" />
      <ArrayInput source="exceptions" label={false}>
        <SimpleFormIterator disableReordering fullWidth sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', pb: 2 } }}>
          <ConditionsInputs prefix="" options={options} />
        </SimpleFormIterator>
      </ArrayInput>

      <Heading title="airlock.ruleForm.thenTitle" help="airlock.ruleForm.thenHelp" />
      <RadioButtonGroupInput source="effect" choices={choices(EFFECTS, 'airlock.effect')} validate={required()} />
      <TextInput source="message" validate={required()} fullWidth multiline minRows={2} helperText="airlock.ruleForm.messageHelp" />
      <TextInput source="guidanceUrl" type="url" fullWidth />
    </SimpleForm>
  );
}

function Title() {
  const record = useRecordContext();
  const t = useTranslate();
  return <span>{record ? t('airlock.ruleForm.editTitle', { id: record.ruleId }) : ''}</span>;
}

export function RuleEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={transformRule} mutationOptions={useDraftSaved('rules', 'airlock.draftSaved.rule')} title={<Title />}>
      <RuleFormBody create={false} />
    </Edit>
  );
}

export function RuleCreate() {
  return (
    <Create transform={transformRule} mutationOptions={useDraftSaved('rules', 'airlock.draftSaved.rule')} record={{ enabled: true, priority: 100, effect: 'warn', conditions: {}, exceptions: [] }}>
      <RuleFormBody create />
    </Create>
  );
}

export function DraftNotice() {
  const t = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 1 }}>
      <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
        <Typography variant="body2">{t('airlock.rules.draftNotice')}</Typography>
      </CardContent>
    </Card>
  );
}
