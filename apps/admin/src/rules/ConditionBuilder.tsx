import { Alert, Autocomplete, Box, Button, Chip, IconButton, Menu, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/Delete';
import { useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { CONDITION_BOOLEAN_KEYS, CONDITION_LIST_KEYS, type ConditionKey, type ConditionListKey } from '@airlock/contracts/rule-conditions';
import { addableKeys, blockOf, type Conditions, type ConditionRow, freeSlots, isBooleanKey, newRow, rowsOf, slotOf } from './conditions';
import type { ValueChoice } from './ConditionsInputs';
import { matchNameOrKey } from '../common/useDataClassChoices';

const FIELDS: readonly ConditionKey[] = [...CONDITION_LIST_KEYS, ...CONDITION_BOOLEAN_KEYS];
const fieldLabel = (key: string) => `resources.rules.fields.conditions.${key}`;

/** A plain select (MUI's TextField in select mode), named for screen readers and for the browser tests. */
function Select({ label, value, onChange, children, width }: { label: string; value: string; onChange: (v: string) => void; children: React.ReactNode; width: number }) {
  return (
    <TextField select size="small" label={label} value={value} onChange={(e) => onChange(e.target.value)} sx={{ width: { xs: '100%', sm: width }, flexShrink: 0 }}>
      {children}
    </TextField>
  );
}

function Row({
  row,
  rows,
  choicesFor,
  onChange,
  onRemove,
}: {
  row: ConditionRow;
  rows: readonly ConditionRow[];
  choicesFor: (key: ConditionListKey) => ValueChoice[];
  onChange: (row: ConditionRow) => void;
  onRemove: () => void;
}) {
  const t = useTranslate();
  const free = freeSlots(rows, row);
  const name = t(fieldLabel(row.key));
  const changeField = (key: string) => {
    if (key === row.key) return;
    const next = newRow(key as ConditionKey, rows.filter((r) => r !== row));
    if (next) onChange(next);
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { xs: 'stretch', sm: 'flex-start' } }} role="group" aria-label={t('airlock.ruleForm.builder.row', { field: name })}>
      <Select label={t('airlock.ruleForm.builder.field')} value={row.key} onChange={changeField} width={200}>
        {FIELDS.map((key) => {
          const usable = key === row.key || (isBooleanKey(key) ? free.has(`is:${key}`) : free.has(`any:${key}`) || free.has(`none:${key}`));
          return (
            <MenuItem key={key} value={key} disabled={!usable}>
              {t(fieldLabel(key))}
            </MenuItem>
          );
        })}
      </Select>
      {row.kind === 'list' ? (
        <>
          <Select label={t('airlock.ruleForm.builder.operator')} value={row.op} onChange={(op) => onChange({ ...row, op: op as 'any' | 'none' })} width={150}>
            <MenuItem value="any" disabled={row.op !== 'any' && !free.has(`any:${row.key}`)}>
              {t('airlock.ruleForm.builder.anyOf')}
            </MenuItem>
            <MenuItem value="none" disabled={row.op !== 'none' && !free.has(`none:${row.key}`)}>
              {t('airlock.ruleForm.builder.noneOf')}
            </MenuItem>
          </Select>
          <ValuesPicker label={name} values={row.values} choices={choicesFor(row.key)} onChange={(values) => onChange({ ...row, values })} />
        </>
      ) : (
        <>
          <Select label={t('airlock.ruleForm.builder.operator')} value="is" onChange={() => undefined} width={150}>
            <MenuItem value="is">{t('airlock.ruleForm.builder.is')}</MenuItem>
          </Select>
          <Select label={name} value={row.value ? 'yes' : 'no'} onChange={(v) => onChange({ ...row, value: v === 'yes' })} width={150}>
            <MenuItem value="yes">{t('airlock.ruleForm.builder.yes')}</MenuItem>
            <MenuItem value="no">{t('airlock.ruleForm.builder.no')}</MenuItem>
          </Select>
        </>
      )}
      <Tooltip title={t('airlock.ruleForm.builder.remove')}>
        <IconButton aria-label={t('airlock.ruleForm.builder.removeNamed', { field: name })} onClick={onRemove} sx={{ alignSelf: { xs: 'flex-end', sm: 'center' } }}>
          <DeleteOutlineIcon />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}

/** The values of a list condition: names to read and search, the stored id beside them; values not offered (a deleted group) are kept. */
function ValuesPicker({ label, values, choices, onChange }: { label: string; values: string[]; choices: ValueChoice[]; onChange: (values: string[]) => void }) {
  const t = useTranslate();
  const byId = new Map(choices.map((c) => [c.id, c]));
  const options: ValueChoice[] = [...choices, ...values.filter((v) => !byId.has(v)).map((id) => ({ id, name: id }))];
  const selected: ValueChoice[] = values.map((v) => byId.get(v) ?? { id: v, name: v });
  return (
    <Autocomplete
      multiple
      size="small"
      fullWidth
      disableCloseOnSelect
      options={options}
      value={selected}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => o.name}
      filterOptions={(opts, { inputValue }) => opts.filter((o) => matchNameOrKey(inputValue, o) || (!!o.detail && matchNameOrKey(inputValue, { name: o.detail })))}
      onChange={(_e, picked) => onChange(picked.map((p) => p.id))}
      renderOption={(props, option) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <li key={key} {...rest}>
            {option.name}
            {option.detail && option.detail !== option.name ? (
              <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                {option.detail}
              </Typography>
            ) : null}
          </li>
        );
      }}
      renderValue={(picked, getItemProps) => picked.map((o, index) => <Chip size="small" label={o.name} {...getItemProps({ index })} key={o.id} />)}
      renderInput={(params) => <TextField {...params} label={label} placeholder={values.length ? undefined : t('airlock.ruleForm.builder.pick')} error={values.length === 0} helperText={values.length === 0 ? t('airlock.ruleForm.builder.pickHelp') : undefined} />}
      sx={{ flex: 1, minWidth: 220 }}
    />
  );
}

/**
 * One conditions block as rows: only the conditions in use are shown; "Add condition" offers the
 * fields that can still get one (a list can have an "is any of" and an "is none of" row).
 */
export function ConditionBuilder({
  value,
  onChange,
  choicesFor,
  emptyText,
  label,
}: {
  value: Conditions | null | undefined;
  onChange: (block: Conditions) => void;
  choicesFor: (key: ConditionListKey) => ValueChoice[];
  emptyText: string;
  label: string;
}) {
  const t = useTranslate();
  // The order rows were added in (a block is an object, and the database keeps no key order).
  const order = useRef<string[]>([]);
  const rows = rowsOf(value, order.current);
  order.current = rows.map(slotOf);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const set = (next: ConditionRow[]) => {
    order.current = next.map(slotOf);
    onChange(blockOf(next));
  };
  const addable = addableKeys(rows);
  return (
    <Stack spacing={1.5} sx={{ width: '100%' }}>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {emptyText}
        </Typography>
      ) : null}
      {rows.map((row, i) => (
        <Row
          key={slotOf(row)}
          row={row}
          rows={rows}
          choicesFor={choicesFor}
          onChange={(r) => set(rows.map((x, j) => (j === i ? r : x)))}
          onRemove={() => set(rows.filter((_, j) => j !== i))}
        />
      ))}
      <Box>
        <Button size="small" startIcon={<AddIcon />} onClick={(e) => setMenu(e.currentTarget)} disabled={addable.length === 0} aria-label={t('airlock.ruleForm.builder.addTo', { group: label })}>
          {t('airlock.ruleForm.builder.add')}
        </Button>
        <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
          {addable.map((key) => (
            <MenuItem
              key={key}
              onClick={() => {
                setMenu(null);
                const row = newRow(key, rows);
                if (row) set([...rows, row]);
              }}
            >
              {t(fieldLabel(key))}
            </MenuItem>
          ))}
        </Menu>
      </Box>
    </Stack>
  );
}

/** The exceptions: labelled groups ("Unless 1", …), each a block of its own. */
export function ExceptionGroups({
  value,
  onChange,
  choicesFor,
}: {
  value: (Conditions | null)[];
  onChange: (groups: Conditions[]) => void;
  choicesFor: (key: ConditionListKey) => ValueChoice[];
}) {
  const t = useTranslate();
  const groups = value.map((g) => g ?? {});
  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      {groups.map((g, i) => {
        const name = t('airlock.ruleForm.builder.unlessN', { n: i + 1 });
        return (
          <Box key={i} component="section" aria-label={name} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
            <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography variant="subtitle2" component="h3">
                {name}
              </Typography>
              <Button size="small" color="inherit" startIcon={<DeleteOutlineIcon />} onClick={() => onChange(groups.filter((_, j) => j !== i))} aria-label={t('airlock.ruleForm.builder.removeGroup', { group: name })}>
                {t('airlock.ruleForm.builder.removeGroupShort')}
              </Button>
            </Stack>
            <ConditionBuilder
              value={g}
              label={name}
              onChange={(block) => onChange(groups.map((x, j) => (j === i ? block : x)))}
              choicesFor={choicesFor}
              emptyText={t('airlock.ruleForm.builder.emptyException')}
            />
          </Box>
        );
      })}
      {groups.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('airlock.ruleForm.builder.noExceptions')}
        </Typography>
      ) : null}
      <Box>
        <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={() => onChange([...groups, {}])}>
          {t('airlock.ruleForm.builder.addGroup')}
        </Button>
      </Box>
    </Stack>
  );
}

/** Said once, beside the effect: which effect wins, and what priority does (and does not) do. */
export function PrecedenceNote() {
  const t = useTranslate();
  return (
    <Alert severity="info" variant="outlined" sx={{ my: 1 }}>
      {t('airlock.ruleForm.precedence')}
    </Alert>
  );
}
