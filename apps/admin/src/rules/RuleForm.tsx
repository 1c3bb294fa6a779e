import { Box, Card, CardContent, Typography } from '@mui/material';
import { BooleanInput, Create, Edit, NumberInput, RadioButtonGroupInput, required, SimpleForm, TextInput, useInput, useRecordContext, useTranslate } from 'react-admin';
import { choices } from '../common/chips';
import { EFFECTS } from '@airlock/contracts/constants';
import { type Conditions, transformRule } from './conditions';
import { useRuleVocabulary } from './ConditionsInputs';
import { ConditionBuilder, ExceptionGroups, PrecedenceNote } from './ConditionBuilder';
import { RuleImpactCount, RuleSentence } from './RuleSummary';
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

/** The rule's "when": a condition builder bound to the form's `conditions`. */
function WhenInput({ choicesFor }: { choicesFor: ReturnType<typeof useRuleVocabulary>['choicesFor'] }) {
  const t = useTranslate();
  const { field } = useInput({ source: 'conditions', format: (v: unknown) => v ?? {} });
  return (
    <Box component="section" aria-label={t('airlock.ruleForm.whenTitle')} sx={{ width: '100%' }}>
      <ConditionBuilder value={field.value as Conditions} onChange={field.onChange} choicesFor={choicesFor} emptyText={t('airlock.ruleForm.builder.emptyWhen')} label={t('airlock.ruleForm.whenTitle')} />
    </Box>
  );
}

/** The rule's "unless": labelled groups bound to the form's `exceptions`. */
function UnlessInput({ choicesFor }: { choicesFor: ReturnType<typeof useRuleVocabulary>['choicesFor'] }) {
  const { field } = useInput({ source: 'exceptions', format: (v: unknown) => (Array.isArray(v) ? v : []) });
  return <ExceptionGroups value={field.value as Conditions[]} onChange={field.onChange} choicesFor={choicesFor} />;
}

function RuleFormBody({ create }: { create: boolean }) {
  const { choicesFor } = useRuleVocabulary();
  const record = useRecordContext();
  return (
    <SimpleForm toolbar={<DraftToolbar resource="rules" whatKey="airlock.draftSaved.rule" />}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr 1fr' }, columnGap: 2, width: '100%', alignItems: 'center' }}>
        <TextInput source="ruleId" validate={[required(), slugPattern]} readOnly={!create} helperText={create ? 'airlock.ruleForm.ruleIdHelp' : false} />
        <NumberInput source="priority" validate={required()} min={0} helperText="airlock.ruleForm.priorityHelp" />
        <BooleanInput source="enabled" />
      </Box>
      <TextInput source="description" fullWidth multiline />

      <RuleSentence />
      <Box sx={{ mt: 1, width: '100%' }}>
        <RuleImpactCount replaces={create ? undefined : (record?.ruleId as string | undefined)} />
      </Box>

      <Heading title="airlock.ruleForm.whenTitle" help="airlock.ruleForm.whenHelp" />
      <WhenInput choicesFor={choicesFor} />

      <Heading title="airlock.ruleForm.unlessTitle" help="airlock.ruleForm.unlessHelp" />
      <UnlessInput choicesFor={choicesFor} />

      <Heading title="airlock.ruleForm.thenTitle" help="airlock.ruleForm.thenHelp" />
      <RadioButtonGroupInput source="effect" choices={choices(EFFECTS, 'airlock.effect')} validate={required()} />
      <PrecedenceNote />
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
