import { DeleteButton, SaveButton, Toolbar, useRecordContext } from 'react-admin';

/** Forms of records the API does not delete (users are disabled, settings and requests stay). */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Built-in records (data classes) cannot be removed: no Delete button for them. */
export const BuiltinAwareToolbar = () => {
  const record = useRecordContext();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record?.builtin ? null : <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};
