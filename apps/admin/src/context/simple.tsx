import LanIcon from '@mui/icons-material/Lan';
import GroupsIcon from '@mui/icons-material/Groups';
import CategoryIcon from '@mui/icons-material/Category';
import { Chip } from '@mui/material';
import {
  Create,
  CreateButton,
  DataTable,
  Edit,
  List,
  required,
  SimpleForm,
  SimpleList,
  TextArrayInput,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useIsSmall, usePermission } from '../common/hooks';
import { DraftToolbar, InForceToolbar, useDraftSaved, useInForceSaved } from '../common/draftSaved';
import { EmptyState } from '../common/EmptyState';

const slugPattern = (value: string) => (value && !/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(value) ? 'airlock.validation.slug' : undefined);

function ListActions({ permission }: { permission: string }) {
  const canWrite = usePermission(permission);
  return <TopToolbar>{canWrite ? <CreateButton /> : null}</TopToolbar>;
}

function NameTitle({ source = 'name' }: { source?: string }) {
  const record = useRecordContext();
  return <span>{record ? String(record[source]) : ''}</span>;
}

// Network zones ----------------------------------------------------------------------------------

function ZoneList() {
  const small = useIsSmall();
  const canWrite = usePermission('zones.write');
  return (
    <List actions={<ListActions permission="zones.write" />} sort={{ field: 'name', order: 'ASC' }} exporter={false} empty={<EmptyState feature="zones" to="/zones/create" permission="zones.write" />}>
      {small ? (
        <SimpleList linkType={canWrite ? 'edit' : false} primaryText={(r) => r.name} secondaryText={(r) => (r.cidrs as string[]).join(', ')} />
      ) : (
        <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="description" disableSort />
          <DataTable.Col source="cidrs" disableSort render={(r) => (r.cidrs as string[]).join(', ')} />
        </DataTable>
      )}
    </List>
  );
}

const cidr = (values: string[] | undefined) => {
  const bad = (values ?? []).find((v) => !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(v));
  return bad ? { message: 'airlock.validation.cidr', args: { value: bad } } : undefined;
};

function ZoneForm() {
  return (
    <SimpleForm toolbar={<DraftToolbar resource="zones" whatKey="airlock.draftSaved.zone" />}>
      <TextInput source="name" validate={[required(), slugPattern]} helperText="airlock.zones.nameHelp" />
      <TextInput source="description" fullWidth />
      <TextArrayInput source="cidrs" validate={[required(), cidr]} helperText="airlock.zones.cidrsHelp" fullWidth />
    </SimpleForm>
  );
}

function ZoneEdit() {
  return (
    <Edit mutationMode="pessimistic" mutationOptions={useDraftSaved('zones', 'airlock.draftSaved.zone')} title={<NameTitle />}>
      <ZoneForm />
    </Edit>
  );
}

function ZoneCreate() {
  return (
    <Create mutationOptions={useDraftSaved('zones', 'airlock.draftSaved.zone')}>
      <ZoneForm />
    </Create>
  );
}

export const zones = {
  list: ZoneList,
  edit: ZoneEdit,
  create: ZoneCreate,
  icon: LanIcon,
  recordRepresentation: 'name',
};

// Groups -----------------------------------------------------------------------------------------

function GroupList() {
  const small = useIsSmall();
  const canWrite = usePermission('groups.write');
  return (
    <List actions={<ListActions permission="groups.write" />} sort={{ field: 'name', order: 'ASC' }} exporter={false} empty={<EmptyState feature="groups" to="/groups/create" permission="groups.write" />}>
      {small ? (
        <SimpleList linkType={canWrite ? 'edit' : false} primaryText={(r) => r.name} secondaryText={(r) => r.description ?? ''} />
      ) : (
        <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="description" disableSort />
          <DataTable.Col source="ssoGroups" disableSort render={(r) => (r.ssoGroups as string[]).join(', ')} />
        </DataTable>
      )}
    </List>
  );
}

function GroupForm() {
  return (
    <SimpleForm toolbar={<InForceToolbar resource="groups" whatKey="airlock.draftSaved.group" />}>
      <TextInput source="name" validate={[required(), slugPattern]} />
      <TextInput source="description" fullWidth />
      <TextArrayInput source="ssoGroups" helperText="airlock.groups.ssoGroupsHelp" fullWidth />
    </SimpleForm>
  );
}

export const groups = {
  list: GroupList,
  edit: function GroupEdit() {
    return (
      <Edit mutationMode="pessimistic" mutationOptions={useInForceSaved('groups', 'airlock.draftSaved.group')} title={<NameTitle />}>
        <GroupForm />
      </Edit>
    );
  },
  create: function GroupCreate() {
    return (
      <Create mutationOptions={useInForceSaved('groups', 'airlock.draftSaved.group')} record={{ ssoGroups: [] }}>
        <GroupForm />
      </Create>
    );
  },
  icon: GroupsIcon,
  recordRepresentation: 'name',
};

// Data classes -----------------------------------------------------------------------------------

function BuiltinChip() {
  const record = useRecordContext();
  const t = useTranslate();
  return record?.builtin ? <Chip size="small" variant="outlined" label={t('airlock.dataClasses.builtin')} /> : null;
}

function DataClassList() {
  const small = useIsSmall();
  const canWrite = usePermission('dataClasses.write');
  return (
    <List actions={<ListActions permission="dataClasses.write" />} sort={{ field: 'key', order: 'ASC' }} exporter={false} empty={<EmptyState feature="dataClasses" to="/data-classes/create" permission="dataClasses.write" />}>
      {small ? (
        <SimpleList linkType={canWrite ? 'edit' : false} primaryText={(r) => r.name} secondaryText={(r) => r.key} />
      ) : (
        <DataTable rowClick={canWrite ? 'edit' : false} bulkActionButtons={false}>
          <DataTable.Col source="key" />
          <DataTable.Col source="name" />
          <DataTable.Col source="description" disableSort />
          <DataTable.Col source="builtin" disableSort render={() => <BuiltinChip />} />
        </DataTable>
      )}
    </List>
  );
}

export const dataClasses = {
  list: DataClassList,
  edit: function DataClassEdit() {
    return (
      <Edit mutationMode="pessimistic" mutationOptions={useInForceSaved('data-classes', 'airlock.draftSaved.dataClass')} title={<NameTitle />}>
        <SimpleForm toolbar={<InForceToolbar resource="data-classes" whatKey="airlock.draftSaved.dataClass" />}>
          <TextInput source="key" disabled />
          <TextInput source="name" validate={required()} />
          <TextInput source="description" fullWidth multiline />
        </SimpleForm>
      </Edit>
    );
  },
  create: function DataClassCreate() {
    return (
      <Create mutationOptions={useInForceSaved('data-classes', 'airlock.draftSaved.dataClass')}>
        <SimpleForm>
          <TextInput source="key" validate={[required(), slugPattern]} />
          <TextInput source="name" validate={required()} />
          <TextInput source="description" fullWidth multiline />
        </SimpleForm>
      </Create>
    );
  },
  icon: CategoryIcon,
  recordRepresentation: 'name',
};
