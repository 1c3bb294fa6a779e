import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Chip, Link } from '@mui/material';
import { DataTable, Edit, List, RadioButtonGroupInput, SelectInput, SimpleForm, SimpleList, TextField, TextInput, Labeled, useTranslate, useRecordContext } from 'react-admin';
import { useIsSmall, usePermission } from '../common/hooks';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { TOOL_REQUEST_STATUSES } from '@airlock/contracts/constants';
import { EmptyState } from '../common/EmptyState';

const statusChoices = TOOL_REQUEST_STATUSES.map((s) => ({ id: s, name: `airlock.toolRequests.status.${s}` }));

function StatusChip() {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record) return null;
  const color = record.status === 'approved' ? 'success' : record.status === 'rejected' ? 'error' : 'warning';
  return <Chip size="small" color={color} label={t(`airlock.toolRequests.status.${record.status}`)} />;
}

function ToolRequestList() {
  const small = useIsSmall();
  const canWrite = usePermission('toolRequests.write');
  return (
    <List filters={[<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />]} filterDefaultValues={{ status: 'open' }} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={<EmptyState feature="toolRequests" to="/portal/tools" />}>
      {small ? (
        <SimpleList linkType={canWrite ? 'edit' : false} primaryText={(r) => r.toolName} secondaryText={(r) => r.reason} tertiaryText={() => <StatusChip />} />
      ) : (
        <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={false} empty={<EmptyState feature="toolRequests" to="/portal/tools" />}>
          <DataTable.Col source="toolName" />
          <DataTable.Col source="url" disableSort render={(r) => (r.url ? <Link href={r.url} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()}>{r.url}</Link> : '—')} />
          <DataTable.Col source="reason" disableSort />
          <DataTable.Col source="status" render={() => <StatusChip />} />
          <DataTable.Col source="createdAt" render={(r) => new Date(r.createdAt).toLocaleString()} />
        </DataTable>
      )}
    </List>
  );
}

function ToolRequestEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Labeled>
          <TextField source="toolName" />
        </Labeled>
        <Labeled>
          <TextField source="url" emptyText="—" />
        </Labeled>
        <Labeled>
          <TextField source="reason" />
        </Labeled>
        <RadioButtonGroupInput source="status" choices={statusChoices} />
        <TextInput source="resolutionNote" multiline fullWidth helperText="airlock.toolRequests.noteHelp" />
      </SimpleForm>
    </Edit>
  );
}

export default { list: ToolRequestList, edit: ToolRequestEdit, icon: HowToRegIcon, recordRepresentation: 'toolName' };
