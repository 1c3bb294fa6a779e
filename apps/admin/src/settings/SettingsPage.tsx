import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  NumberInput,
  SimpleForm,
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
import { DraftSavedMessage } from '../common/draftSaved';

interface Settings {
  name: string;
  restrictedJurisdictions: string[];
  allowEmailDomains: string[];
  markings: string[];
  defaultPhoneRegion: string;
  autoIncidentOnBlock: boolean;
  autoIncidentOnOverride: boolean;
  decisionTtlSeconds: number;
  mfaRequiredRoles: string[];
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
      </CardContent>
    </Card>
  );
}

/** Organization settings (GET/PUT /api/settings); changes that affect decisions take effect on publish. */
export default function SettingsPage() {
  const t = useTranslate();
  const canWrite = usePermission('settings.write');
  const countries = useCountryChoices();
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
