import { Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  DateInput,
  Edit,
  NumberInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TabbedForm,
  TextArrayInput,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { choices } from '../common/chips';
import { CHANNELS, COLLECTED_DATA, PROVIDER_STATUSES, TRAINS_ON_INPUTS } from '@airlock/contracts/constants';
import { useCountryChoices } from '../common/countries';
import { useDraftSaved } from '../common/draftSaved';

const slugPattern = (value: string) => (value && !/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(value) ? 'airlock.validation.slug' : undefined);

function ProviderForm({ create = false }: { create?: boolean }) {
  const countries = useCountryChoices();
  const t = useTranslate();
  return (
    <TabbedForm>
      <TabbedForm.Tab label="airlock.providerForm.identity">
        {create ? <TextInput source="slug" validate={[required(), slugPattern]} helperText="airlock.providerForm.slugHelp" /> : null}
        <TextInput source="name" validate={required()} />
        <TextInput source="vendor" />
        <TextInput source="website" type="url" />
        <TextInput source="description" multiline minRows={2} fullWidth />
        <TextArrayInput source="domains" validate={required()} helperText="airlock.providerForm.domainsHelp" fullWidth />
        <SelectArrayInput source="channels" choices={choices(CHANNELS, 'airlock.channel')} />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="airlock.providerForm.data">
        <CheckboxGroupInput source="collects" choices={choices(COLLECTED_DATA, 'airlock.collects')} row />
        <AutocompleteInput source="hqCountry" choices={countries} translateChoice={false} />
        <AutocompleteArrayInput source="dataCountries" choices={countries} translateChoice={false} />
        <SelectInput source="trainsOnInputs" choices={choices(TRAINS_ON_INPUTS, 'airlock.trains')} validate={required()} />
        <TextInput source="retention" multiline fullWidth />
        <NumberInput source="retentionDays" min={0} />
        <BooleanInput source="zeroRetentionOffer" />
        <TextArrayInput source="sharesWith" fullWidth />
        <TextArrayInput source="certifications" fullWidth />
        <TextInput source="enterpriseOffering" multiline fullWidth />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="airlock.providerForm.decision">
        <SelectInput source="status" choices={choices(PROVIDER_STATUSES, 'airlock.providerStatus')} validate={required()} />
        <TextInput source="statusReason" multiline fullWidth helperText="airlock.providerForm.statusReasonHelp" />
        <Typography variant="body2" color="text.secondary">
          {t('airlock.providerForm.publishHint')}
        </Typography>
        <TextInput source="notes" multiline minRows={3} fullWidth />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="airlock.providerForm.sources">
        <ArrayInput source="sources">
          <SimpleFormIterator inline>
            <TextInput source="fact" validate={required()} />
            <TextInput source="url" type="url" validate={required()} />
            <DateInput source="asOf" validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
      </TabbedForm.Tab>
    </TabbedForm>
  );
}

function Title() {
  const record = useRecordContext();
  const t = useTranslate();
  return <span>{record ? t('airlock.providerForm.editTitle', { name: record.name }) : ''}</span>;
}

export function ProviderEdit() {
  return (
    <Edit mutationMode="pessimistic" mutationOptions={useDraftSaved('providers', 'airlock.draftSaved.provider', 'show')} title={<Title />}>
      <ProviderForm />
    </Edit>
  );
}

export function ProviderCreate() {
  return (
    <Create mutationOptions={useDraftSaved('providers', 'airlock.draftSaved.provider', 'show')} record={{ status: 'under_review', trainsOnInputs: 'yes', domains: [], channels: ['web'], collects: ['prompts'], dataCountries: [], sources: [] }}>
      <ProviderForm create />
    </Create>
  );
}
