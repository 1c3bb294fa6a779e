import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  NumberInput,
  SearchInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import { choices, ProviderStatusChip, ProviderStatusField, RiskChip, RiskField } from '../common/chips';
import { PROVIDER_STATUSES, TRAINS_ON_INPUTS } from '@airlock/contracts/constants';
import { CountryCodes, useCountryChoices } from '../common/countries';
import { useIsSmall, usePermission } from '../common/hooks';
import { ProviderBulkActions } from './ProviderBulkActions';
import { SelectableRows } from '../common/SelectableRows';
import { BulkState } from '../common/BulkActionDialog';

function Actions() {
  const canWrite = usePermission('catalog.write');
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite ? <CreateButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
}

function useFilters() {
  const countries = useCountryChoices();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={choices(PROVIDER_STATUSES, 'airlock.providerStatus')} alwaysOn />,
    <SelectInput key="trainsOnInputs" source="trainsOnInputs" choices={choices(TRAINS_ON_INPUTS, 'airlock.trains')} />,
    <AutocompleteInput key="dataCountry" source="dataCountry" choices={countries} translateChoice={false} />,
    <AutocompleteInput key="hqCountry" source="hqCountry" choices={countries} translateChoice={false} />,
    <NumberInput key="minRisk" source="minRisk" min={0} max={100} />,
  ];
}

function TrainsField({ value }: { value: string }) {
  const t = useTranslate();
  return <span>{t(`airlock.trains.${value}`, { _: value })}</span>;
}

export function ProviderList() {
  const small = useIsSmall();
  const filters = useFilters();
  const t = useTranslate();
  const canWrite = usePermission('catalog.write');
  return (
    <BulkState>
      <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
        {small ? (
          <SimpleList
            linkType="show"
            primaryText={(r) => r.name}
            secondaryText={(r) => `${t(`airlock.providerStatus.${r.status}`)} · ${t('airlock.risk.score', { score: r.riskScore })}`}
            tertiaryText={(r) => (r.dataCountries as string[]).join(', ')}
          />
        ) : (
          <SelectableRows>
            <DataTable rowClick="show" bulkActionButtons={canWrite ? <ProviderBulkActions /> : false}>
              <DataTable.Col
                source="name"
                render={(r) => (
                  <Box>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {r.name}
                    </Typography>
                    {r.vendor ? (
                      <Typography variant="caption" color="text.secondary">
                        {r.vendor}
                      </Typography>
                    ) : null}
                  </Box>
                )}
              />
              <DataTable.Col source="status" field={ProviderStatusField} />
              <DataTable.Col source="riskScore" field={RiskField} />
              <DataTable.Col source="dataCountries" disableSort render={(r) => <CountryCodes codes={r.dataCountries} />} />
              <DataTable.Col source="hqCountry" render={(r) => <CountryCodes codes={r.hqCountry ? [r.hqCountry] : []} />} />
              <DataTable.Col source="trainsOnInputs" render={(r) => <TrainsField value={r.trainsOnInputs} />} />
            </DataTable>
          </SelectableRows>
        )}
      </List>
    </BulkState>
  );
}

export { ProviderStatusChip, RiskChip };
