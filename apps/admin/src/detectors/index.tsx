import FindInPageIcon from '@mui/icons-material/FindInPage';
import { Chip } from '@mui/material';
import {
  BooleanInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  List,
  RadioButtonGroupInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextArrayInput,
  TextInput,
  TopToolbar,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useIsSmall, usePermission } from '../common/hooks';
import { DetectorTester } from './DetectorTester';
import { TermImport } from './TermImport';
import { DETECTOR_KINDS } from '@airlock/contracts/constants';
import { DraftToolbar, useDraftSaved } from '../common/draftSaved';
import { useDataClassLabel } from '../common/labels';
import { EmptyState } from '../common/EmptyState';


function Actions() {
  const canWrite = usePermission('detectors.write');
  return <TopToolbar>{canWrite ? <CreateButton /> : null}</TopToolbar>;
}

function EnabledChip() {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record) return null;
  return <Chip size="small" variant={record.enabled ? 'filled' : 'outlined'} color={record.enabled ? 'success' : 'default'} label={t(record.enabled ? 'airlock.detectors.on' : 'airlock.detectors.off')} />;
}

function DetectorList() {
  const small = useIsSmall();
  const t = useTranslate();
  const canWrite = usePermission('detectors.write');
  const classLabel = useDataClassLabel();
  return (
    <List actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false} empty={<EmptyState feature="detectors" to="/detectors/create" permission="detectors.write" />}>
      {small ? (
        <SimpleList linkType={canWrite ? 'edit' : false} primaryText={(r) => r.name} secondaryText={(r) => `${t(`airlock.detectors.kind.${r.kind}`)} → ${classLabel(r.dataClass as string)}`} />
      ) : (
        <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="kind" render={(r) => t(`airlock.detectors.kind.${r.kind}`)} />
          <DataTable.Col source="dataClass" render={(r) => classLabel(r.dataClass as string)} />
          <DataTable.Col source="patterns" disableSort render={(r) => t('airlock.detectors.patternCount', { smart_count: (r.patterns as string[]).length })} />
          <DataTable.Col source="enabled" render={() => <EnabledChip />} />
        </DataTable>
      )}
    </List>
  );
}

function DetectorForm() {
  const classes = useGetList('data-classes', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'key', order: 'ASC' } });
  const choices = (classes.data ?? []).map((d) => ({ id: d.key as string, name: d.name as string }));
  return (
    <SimpleForm toolbar={<DraftToolbar resource="detectors" whatKey="airlock.draftSaved.detector" />}>
      <TextInput source="name" validate={required()} />
      <TextInput source="description" fullWidth />
      <RadioButtonGroupInput source="kind" choices={DETECTOR_KINDS.map((k) => ({ id: k, name: `airlock.detectors.kind.${k}` }))} validate={required()} helperText="airlock.detectors.kindHelp" />
      <SelectInput source="dataClass" choices={choices} translateChoice={false} validate={required()} isPending={classes.isPending} />
      <TextArrayInput source="patterns" validate={required()} helperText="airlock.detectors.patternsHelp" fullWidth />
      <TermImport />
      <BooleanInput source="caseSensitive" />
      <BooleanInput source="wholeWord" />
      <BooleanInput source="enabled" />
      <DetectorTester />
    </SimpleForm>
  );
}

function Title() {
  const record = useRecordContext();
  return <span>{record?.name ?? ''}</span>;
}

function DetectorEdit() {
  return (
    <Edit mutationMode="pessimistic" mutationOptions={useDraftSaved('detectors', 'airlock.draftSaved.detector')} title={<Title />}>
      <DetectorForm />
    </Edit>
  );
}

function DetectorCreate() {
  return (
    <Create mutationOptions={useDraftSaved('detectors', 'airlock.draftSaved.detector')} record={{ kind: 'keywords', caseSensitive: false, wholeWord: true, enabled: true, patterns: [] }}>
      <DetectorForm />
    </Create>
  );
}

export default {
  list: DetectorList,
  edit: DetectorEdit,
  create: DetectorCreate,
  icon: FindInPageIcon,
  recordRepresentation: 'name',
};
