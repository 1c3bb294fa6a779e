import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import {
  AutocompleteInput,
  BooleanInput,
  CreateButton,
  DataTable,
  DateTimeInput,
  FilterButton,
  FilterList,
  FilterListItem,
  FilterLiveSearch,
  List,
  ReferenceInput,
  SavedQueriesList,
  SearchInput,
  SelectArrayInput,
  SimpleList,
  TopToolbar,
  useGetIdentity,
  useListContext,
  useTranslate,
} from 'react-admin';
import { choices, IncidentStatusChip, SeverityChip } from '../common/chips';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, OPEN_INCIDENT_STATUSES } from '@airlock/contracts/constants';
import { useIsSmall, usePermission } from '../common/hooks';
import { matchNameOrKey, useDataClassChoices } from '../common/useDataClassChoices';
import { useDataClassLabel } from '../common/labels';
import { DeadlineCountdown } from './Deadline';
import { IncidentBulkActions } from './IncidentBulkActions';
import { EmptyState } from '../common/EmptyState';
import { SelectableRows } from '../common/SelectableRows';
import { BulkState } from '../common/BulkActionDialog';

/** CSV of the incidents matching the current filters (same-origin GET: the session cookie goes along). */
function ExportCsvButton() {
  const t = useTranslate();
  const { filterValues } = useListContext();
  const href = `/api/incidents/export.csv?filter=${encodeURIComponent(JSON.stringify(filterValues ?? {}))}`;
  return (
    <Button component="a" href={href} download size="small" startIcon={<DownloadIcon />}>
      {t('airlock.incidents.exportCsv')}
    </Button>
  );
}

function Actions() {
  const canWrite = usePermission('incidents.write');
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite ? <CreateButton /> : null}
      <ExportCsvButton />
    </TopToolbar>
  );
}


/** Filters at a click, and the analyst's saved views (react-admin's SavedQueriesList, kept in the store). */
function Aside() {
  const t = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 210, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', lg: 'block' } }}>
      <CardContent>
        <FilterLiveSearch source="q" label="ra.action.search" />
        <SavedQueriesList />
        <FilterList label="airlock.incidents.views" icon={null}>
          <FilterListItem label="airlock.incidents.viewOpen" value={{ status: [...OPEN_INCIDENT_STATUSES] }} />
          <FilterListItem label="airlock.incidents.viewOverdue" value={{ overdue: true }} />
          <FilterListItem label="airlock.incidents.viewDueSoon" value={{ dueSoon: true }} />
          <FilterListItem label="airlock.incidents.viewUnassigned" value={{ assigneeId: 'unassigned' }} />
          {identity ? <FilterListItem label="airlock.incidents.viewMine" value={{ assigneeId: identity.id }} /> : null}
        </FilterList>
        <FilterList label="resources.incidents.fields.severity" icon={null}>
          {INCIDENT_SEVERITIES.map((s) => (
            <FilterListItem key={s} label={t(`airlock.severity.${s}`)} value={{ severity: s }} />
          ))}
        </FilterList>
        <FilterList label="resources.incidents.fields.status" icon={null}>
          {INCIDENT_STATUSES.map((s) => (
            <FilterListItem key={s} label={t(`airlock.incidentStatus.${s}`)} value={{ status: s }} />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  );
}

/** A datetime-local value (the reader's time) as the instant the API's filter takes. */
const toInstant = (v: string) => (v && !Number.isNaN(new Date(v).getTime()) ? new Date(v).toISOString() : undefined);

function useFilters() {
  const dataClasses = useDataClassChoices();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput key="status" source="status" choices={choices(INCIDENT_STATUSES, 'airlock.incidentStatus')} />,
    <SelectArrayInput key="severity" source="severity" choices={choices(INCIDENT_SEVERITIES, 'airlock.severity')} />,
    <ReferenceInput key="providerId" source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" label="resources.incidents.fields.providerId" />
    </ReferenceInput>,
    <AutocompleteInput key="dataClass" source="dataClass" choices={dataClasses} translateChoice={false} matchSuggestion={matchNameOrKey} label="resources.incidents.fields.dataClasses" />,
    <ReferenceInput key="assigneeId" source="assigneeId" reference="users" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" label="resources.incidents.fields.assigneeId" />
    </ReferenceInput>,
    <BooleanInput key="overdue" source="overdue" />,
    // The dashboard's period (its incident figures link here with it): shown, so it can be removed.
    <DateTimeInput key="reportedSince" source="reportedSince" parse={toInstant} />,
    <DateTimeInput key="reportedUntil" source="reportedUntil" parse={toInstant} />,
  ];
}

export function IncidentList() {
  const small = useIsSmall();
  const t = useTranslate();
  const filters = useFilters();
  const canWrite = usePermission('incidents.write');
  const className = useDataClassLabel();
  return (
    <BulkState>
      <List filters={filters} actions={<Actions />} aside={small ? undefined : <Aside />} sort={{ field: 'number', order: 'DESC' }} exporter={false} empty={<EmptyState feature="incidents" to="/incidents/create" permission="incidents.write" />}>
        {small ? (
          <SimpleList
            linkType="show"
            primaryText={(r) => `#${r.number} ${r.title}`}
            secondaryText={(r) => `${t(`airlock.incidentStatus.${r.status}`)} · ${t(`airlock.severity.${r.severity}`)}`}
            tertiaryText={(r) => (r.notificationDeadline ? <DeadlineCountdown deadline={r.notificationDeadline} resolved={!!r.resolvedAt} decided={!!r.notificationDecision} live={false} compact /> : null)}
          />
        ) : (
          <SelectableRows>
            <DataTable rowClick="show" bulkActionButtons={canWrite ? <IncidentBulkActions /> : false}>
              <DataTable.Col source="number" render={(r) => `#${r.number}`} />
              <DataTable.Col
                source="title"
                cellSx={() => ({ minWidth: 280 })}
                render={(r) => (
                  <Box>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {r.title}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" component="div">
                      {[r.provider?.name ?? r.providerOther, (r.dataClasses as string[] | undefined)?.map(className).join(', '), new Date(r.reportedAt).toLocaleString()].filter(Boolean).join(' · ')}
                    </Typography>
                  </Box>
                )}
              />
              <DataTable.Col source="severity" render={(r) => <SeverityChip severity={r.severity} />} />
              <DataTable.Col source="status" render={(r) => <IncidentStatusChip status={r.status} />} />
              <DataTable.Col source="notificationDeadline" render={(r) => <DeadlineCountdown deadline={r.notificationDeadline} resolved={!!r.resolvedAt} decided={!!r.notificationDecision} live={false} compact />} />
              <DataTable.Col source="assigneeId" disableSort render={(r) => r.assignee?.name ?? t('airlock.incidents.unassigned')} />
            </DataTable>
          </SelectableRows>
        )}
      </List>
    </BulkState>
  );
}
