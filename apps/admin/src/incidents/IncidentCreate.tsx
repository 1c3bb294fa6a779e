import {
  AutocompleteArrayInput,
  AutocompleteInput,
  Create,
  DateTimeInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { choices } from '../common/chips';
import { INCIDENT_SEVERITIES } from '@airlock/contracts/constants';
import { matchNameOrKey, useDataClassChoices } from '../common/useDataClassChoices';

/** An analyst files an incident directly (reports usually come from the portal). */
export function IncidentCreate() {
  const dataClasses = useDataClassChoices();
  const transform = (data: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...data };
    for (const k of Object.keys(out)) if (out[k] === null || out[k] === '') delete out[k];
    if (out.occurredAt) out.occurredAt = new Date(out.occurredAt as string).toISOString();
    return out;
  };
  return (
    <Create redirect="show" transform={transform}>
      <SimpleForm>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <ReferenceInput source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>
        <TextInput source="providerOther" helperText="airlock.incidents.providerOtherHelp" />
        <AutocompleteArrayInput source="dataClasses" choices={dataClasses} translateChoice={false} matchSuggestion={matchNameOrKey} />
        <SelectInput source="severity" choices={choices(INCIDENT_SEVERITIES, 'airlock.severity')} helperText="airlock.incidents.severityHelp" />
        <DateTimeInput source="occurredAt" />
      </SimpleForm>
    </Create>
  );
}
