import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AuditChangeOutput } from '@airlock/contracts/types';
import { pathLabel, valueText } from './words';

function Value({ value, kind }: { value: unknown; kind?: 'old' | 'new' }) {
  const t = useTranslate();
  const text = valueText(t, value);
  return (
    <Box component="span" sx={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap', ...(kind === 'old' && value !== undefined && value !== null ? { textDecoration: 'line-through', color: 'text.secondary' } : {}) }}>
      {text}
    </Box>
  );
}

/** The items a change added to and removed from a list, as chips. */
function ListItems({ change }: { change: AuditChangeOutput }) {
  const t = useTranslate();
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {(change.added ?? []).map((v, i) => (
        <Chip key={`a${i}`} size="small" color="success" variant="outlined" label={`${t('airlock.audit.added')}: ${valueText(t, v)}`} />
      ))}
      {(change.removed ?? []).map((v, i) => (
        <Chip key={`r${i}`} size="small" color="error" variant="outlined" label={`${t('airlock.audit.removed')}: ${valueText(t, v)}`} />
      ))}
    </Stack>
  );
}

/** An audit event's before → after, field by field (the server's diff: `changes`). */
export function ChangesTable({ changes, truncated }: { changes: AuditChangeOutput[]; truncated: boolean }) {
  const t = useTranslate();
  if (changes.length === 0) return <Typography variant="body2">{t('airlock.audit.noChanges')}</Typography>;
  return (
    <>
      <Table size="small" aria-label={t('airlock.audit.changesTable')} data-testid="audit-changes">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('airlock.audit.field')}</TableCell>
            <TableCell component="th" scope="col">{t('resources.audit-events.fields.before')}</TableCell>
            <TableCell component="th" scope="col">{t('resources.audit-events.fields.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map((c, i) => (
            <TableRow key={i}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 500, verticalAlign: 'top' }}>
                {pathLabel(t, c.path)}
              </TableCell>
              {c.kind === 'list' ? (
                <TableCell colSpan={2}>
                  <ListItems change={c} />
                </TableCell>
              ) : (
                <>
                  <TableCell sx={{ verticalAlign: 'top' }}>{c.kind === 'added' ? <Value value={null} /> : <Value value={c.before} kind="old" />}</TableCell>
                  <TableCell sx={{ verticalAlign: 'top' }}>{c.kind === 'removed' ? t('airlock.audit.cleared') : <Value value={c.after} kind="new" />}</TableCell>
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {truncated ? (
        <Typography variant="caption" color="text.secondary">
          {t('airlock.audit.truncated', { smart_count: changes.length })}
        </Typography>
      ) : null}
    </>
  );
}
