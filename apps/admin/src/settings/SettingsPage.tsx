import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  NumberInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
  required,
  Title,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { loadMe } from '../auth/session';
import { useCountryChoices } from '../common/countries';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { useApi, usePermission } from '../common/hooks';
import { ROLES } from '@airlock/contracts/constants';
import type { OrgSettingsOutput } from '@airlock/contracts/types';
import { DraftSavedMessage } from '../common/draftSaved';
import { useDataClassChoices } from '../common/useDataClassChoices';

/** The settings form edits the answer of GET /api/settings (sent back as PUT /api/settings). */
type Settings = OrgSettingsOutput;

/** The form holds one threshold field per data class; only the ones filled in are kept. */
function withoutEmptyThresholds(data: Settings): Settings {
  const kept = Object.entries(data.classThresholds ?? {}).filter(([, v]) => typeof v === 'number' && Number.isFinite(v));
  const allowedValues = (data.allowedValues ?? []).map(({ value, dataClass, note }) => ({ value, ...(dataClass ? { dataClass } : {}), ...(note ? { note } : {}) }));
  return { ...data, allowedValues, classThresholds: Object.fromEntries(kept) };
}

/** Minimum confidence per data class: empty means the default (0.5). */
function ClassThresholdInputs() {
  const t = useTranslate();
  const classes = useDataClassChoices();
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2">{t('resources.settings.fields.classThresholds')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('airlock.settings.thresholdsHelp')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        {classes.map((c) => (
          <NumberInput key={c.id} source={`classThresholds.${c.id}`} label={c.name} min={0.3} max={1} step={0.05} helperText={false} sx={{ width: 260 }} />
        ))}
      </Box>
    </Box>
  );
}

const ROLE_CHOICES = ROLES.map((id) => ({ id, name: `airlock.role.${id}` }));

function ReadOnlySettings() {
  const t = useTranslate();
  const { data, error } = useApi<Settings>('/api/settings');
  if (error) return <Alert severity="error">{String((error as Error).message)}</Alert>;
  if (!data) return null;
  const row = (key: keyof Settings, value: string) => (
    <Box key={key} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {t(`resources.settings.fields.${key}`)}
      </Typography>
      <Typography variant="body2">{value || '—'}</Typography>
    </Box>
  );
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('airlock.settings.readOnly')}
        </Alert>
        {row('name', data.name)}
        {row('restrictedJurisdictions', data.restrictedJurisdictions.join(', '))}
        {row('allowEmailDomains', data.allowEmailDomains.join(', '))}
        {row('markings', data.markings.join(', '))}
        {row('defaultPhoneRegion', data.defaultPhoneRegion)}
        {row('autoIncidentOnBlock', t(data.autoIncidentOnBlock ? 'ra.boolean.true' : 'ra.boolean.false'))}
        {row('autoIncidentOnOverride', t(data.autoIncidentOnOverride ? 'ra.boolean.true' : 'ra.boolean.false'))}
        {row('decisionTtlSeconds', String(data.decisionTtlSeconds))}
        {row('mfaRequiredRoles', (data.mfaRequiredRoles ?? []).map((r) => t(`airlock.role.${r}`)).join(', ') || '—')}
        {row('allowedValues', (data.allowedValues ?? []).map((v) => (v.dataClass ? `${v.value} (${v.dataClass})` : v.value)).join(', '))}
        {row(
          'classThresholds',
          Object.entries(data.classThresholds ?? {})
            .map(([k, v]) => `${k} ≥ ${v}`)
            .join(', '),
        )}
      </CardContent>
    </Card>
  );
}

/** Organization settings (GET/PUT /api/settings); changes that affect decisions take effect on publish. */
export default function SettingsPage() {
  const t = useTranslate();
  const canWrite = usePermission('settings.write');
  const countries = useCountryChoices();
  const dataClasses = useDataClassChoices();
  const notify = useNotify();
  const queryClient = useQueryClient();
  return (
    <Box>
      {canWrite ? null : <Title title={t('airlock.menu.settings')} />}
      {canWrite ? (
        <Edit
          resource="settings"
          id="settings"
          redirect={false}
          mutationMode="pessimistic"
          title={t('airlock.menu.settings')}
          actions={false}
          transform={withoutEmptyThresholds}
          mutationOptions={{
            onSuccess: () => {
              notify(<DraftSavedMessage what={t('airlock.draftSaved.settings')} />, { type: 'success', autoHideDuration: 10_000 });
              // The organization's name is in the app bar: read /api/auth/me again.
              void loadMe(true).then(() => queryClient.invalidateQueries({ queryKey: ['me'] }));
            },
          }}
        >
          <SimpleForm toolbar={<SaveOnlyToolbar />}>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {t('airlock.settings.explain')}
            </Typography>
            <TextInput source="name" validate={required()} helperText="airlock.settings.nameHelp" />
            <AutocompleteArrayInput source="restrictedJurisdictions" choices={countries} translateChoice={false} helperText="airlock.settings.restrictedHelp" fullWidth />
            <TextArrayInput source="allowEmailDomains" helperText="airlock.settings.domainsHelp" fullWidth />
            <TextArrayInput source="markings" helperText="airlock.settings.markingsHelp" fullWidth />
            <AutocompleteInput source="defaultPhoneRegion" choices={countries} translateChoice={false} />
            <ArrayInput source="allowedValues" helperText="airlock.settings.allowedValuesHelp">
              <SimpleFormIterator inline disableReordering>
                <TextInput source="value" label="resources.settings.fields.value" validate={required()} helperText={false} />
                <SelectInput source="dataClass" label="resources.settings.fields.dataClass" choices={dataClasses} translateChoice={false} emptyText="airlock.settings.anyDataClass" helperText={false} />
                <TextInput source="note" label="resources.settings.fields.note" helperText={false} />
              </SimpleFormIterator>
            </ArrayInput>
            <ClassThresholdInputs />
            <BooleanInput source="autoIncidentOnBlock" helperText="airlock.settings.autoIncidentHelp" />
            <BooleanInput source="autoIncidentOnOverride" helperText="airlock.settings.autoIncidentOverrideHelp" />
            <NumberInput source="decisionTtlSeconds" min={0} max={86400} helperText="airlock.settings.ttlHelp" />
            <CheckboxGroupInput source="mfaRequiredRoles" choices={ROLE_CHOICES} helperText="airlock.settings.mfaRequiredHelp" />
          </SimpleForm>
        </Edit>
      ) : (
        <ReadOnlySettings />
      )}
    </Box>
  );
}
