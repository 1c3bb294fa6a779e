import { Box } from '@mui/material';
import { AutocompleteArrayInput, NullableBooleanInput, SelectArrayInput, useGetList } from 'react-admin';
import { choices } from '../common/chips';
import { ACCOUNT_TYPE_CONDITIONS, ACTIONS, CHANNELS, PROVIDER_STATUS_CONDITIONS, TRAINS_ON_INPUTS } from '@airlock/contracts/constants';
import { useCountryChoices } from '../common/countries';

const ALL = { pagination: { page: 1, perPage: 1000 } };

/** Choices for the pickers, fed from the catalog, zones, groups and data classes. */
export function useConditionChoices() {
  const providers = useGetList('providers', { ...ALL, sort: { field: 'name', order: 'ASC' } });
  const zones = useGetList('zones', { ...ALL, sort: { field: 'name', order: 'ASC' } });
  const groups = useGetList('groups', { ...ALL, sort: { field: 'name', order: 'ASC' } });
  const dataClasses = useGetList('data-classes', { ...ALL, sort: { field: 'key', order: 'ASC' } });
  return {
    providers: (providers.data ?? []).map((p) => ({ id: p.slug as string, name: `${p.name} (${p.slug})` })),
    zones: (zones.data ?? []).map((z) => ({ id: z.name as string, name: z.name as string })),
    groups: (groups.data ?? []).map((g) => ({ id: g.name as string, name: g.name as string })),
    dataClasses: (dataClasses.data ?? []).map((d) => ({ id: d.key as string, name: `${d.name} (${d.key})` })),
  };
}

export type ConditionChoices = ReturnType<typeof useConditionChoices>;

/**
 * The inputs of one condition set. `prefix` is 'conditions.' for the rule's "when", '' inside the
 * exceptions iterator (whose inputs are relative to each item).
 */
export function ConditionsInputs({ prefix, options }: { prefix: string; options: ConditionChoices }) {
  const countries = useCountryChoices();
  const src = (k: string) => `${prefix}${k}`;
  const label = (k: string) => `resources.rules.fields.conditions.${k}`;
  const statusChoices = choices(PROVIDER_STATUS_CONDITIONS, 'airlock.providerStatus');
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, width: '100%' }}>
      <AutocompleteArrayInput source={src('providers')} label={label('providers')} choices={options.providers} translateChoice={false} helperText="airlock.ruleForm.help.providers" />
      <SelectArrayInput source={src('providerStatus')} label={label('providerStatus')} choices={statusChoices} helperText="airlock.ruleForm.help.providerStatus" />
      <AutocompleteArrayInput source={src('dataClasses')} label={label('dataClasses')} choices={options.dataClasses} translateChoice={false} helperText="airlock.ruleForm.help.dataClasses" />
      <SelectArrayInput source={src('actions')} label={label('actions')} choices={choices(ACTIONS, 'airlock.action')} helperText="airlock.ruleForm.help.actions" />
      <SelectArrayInput source={src('channels')} label={label('channels')} choices={choices(CHANNELS, 'airlock.channel')} helperText={false} />
      <SelectArrayInput source={src('accountTypes')} label={label('accountTypes')} choices={choices(ACCOUNT_TYPE_CONDITIONS, 'airlock.accountType')} helperText="airlock.ruleForm.help.accountTypes" />
      <AutocompleteArrayInput source={src('networkZones')} label={label('networkZones')} choices={options.zones} translateChoice={false} helperText={false} />
      <AutocompleteArrayInput source={src('groups')} label={label('groups')} choices={options.groups} translateChoice={false} helperText={false} />
      <AutocompleteArrayInput source={src('dataCountries')} label={label('dataCountries')} choices={countries} translateChoice={false} helperText="airlock.ruleForm.help.dataCountries" />
      <AutocompleteArrayInput source={src('hqCountries')} label={label('hqCountries')} choices={countries} translateChoice={false} helperText={false} />
      <SelectArrayInput source={src('trainsOnInputs')} label={label('trainsOnInputs')} choices={choices(TRAINS_ON_INPUTS, 'airlock.trains')} helperText={false} />
      <NullableBooleanInput source={src('restrictedJurisdiction')} label={label('restrictedJurisdiction')} nullLabel="airlock.ruleForm.any" helperText="airlock.ruleForm.help.restrictedJurisdiction" />
      <NullableBooleanInput source={src('unknownAiDestination')} label={label('unknownAiDestination')} nullLabel="airlock.ruleForm.any" helperText={false} />
      <NullableBooleanInput source={src('zeroRetentionOffer')} label={label('zeroRetentionOffer')} nullLabel="airlock.ruleForm.any" helperText={false} />
    </Box>
  );
}
