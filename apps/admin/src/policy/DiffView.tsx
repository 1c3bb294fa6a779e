import { Alert, Box, Chip, List, ListItem, ListItemText, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EffectChip, ProviderStatusChip } from '../common/chips';
import type { PolicyDiff } from './types';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Rules added or removed, each with its effect and message. */
function RuleList({ rules, title, mark, color }: { rules: PolicyDiff['rules']['added']; title: string; mark: string; color: 'success' | 'error' }) {
  if (!rules.length) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">
        {title}
      </Typography>
      <List dense>
        {rules.map((r) => (
          <ListItem key={r.id} disableGutters>
            <ListItemText
              primary={
                <span>
                  <Chip size="small" color={color} variant="outlined" label={mark} sx={{ mr: 1 }} />
                  {r.id} <EffectChip effect={r.effect} />
                </span>
              }
              secondary={r.message}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/** What a publish (or a version) changes: rules added, removed and changed field by field; catalog statuses; zones. */
export function DiffView({ diff }: { diff: PolicyDiff }) {
  const t = useTranslate();
  if (diff.unchanged) return <Alert severity="info">{t('airlock.diff.unchanged')}</Alert>;
  const { added, removed, changed } = diff.rules;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="diff">
      <RuleList rules={added} title={t('airlock.diff.added', { smart_count: added.length })} mark="+" color="success" />
      <RuleList rules={removed} title={t('airlock.diff.removed', { smart_count: removed.length })} mark="−" color="error" />
      {changed.length ? (
        <Box>
          <Typography variant="subtitle1" component="h3">
            {t('airlock.diff.changed', { smart_count: changed.length })}
          </Typography>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={t('airlock.diff.changed', { smart_count: changed.length })}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('airlock.diff.rule')}</TableCell>
                  <TableCell>{t('airlock.diff.field')}</TableCell>
                  <TableCell>{t('airlock.diff.before')}</TableCell>
                  <TableCell>{t('airlock.diff.after')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {changed.flatMap((c) =>
                  c.fields.map((f, i) => (
                    <TableRow key={`${c.id}-${f.path}`}>
                      <TableCell>{i === 0 ? c.id : ''}</TableCell>
                      <TableCell>
                        <code>{f.path}</code>
                      </TableCell>
                      <TableCell sx={{ wordBreak: 'break-word', maxWidth: 320 }}>
                        <Box component="del" sx={{ color: 'error.main' }}>
                          {show(f.before)}
                        </Box>
                      </TableCell>
                      <TableCell sx={{ wordBreak: 'break-word', maxWidth: 320 }}>
                        <Box component="ins" sx={{ color: 'success.main', textDecoration: 'none' }}>
                          {show(f.after)}
                        </Box>
                      </TableCell>
                    </TableRow>
                  )),
                )}
              </TableBody>
            </Table>
          </Box>
        </Box>
      ) : null}
      {diff.catalog.length ? (
        <Box>
          <Typography variant="subtitle1" component="h3">
            {t('airlock.diff.catalog', { smart_count: diff.catalog.length })}
          </Typography>
          <List dense>
            {diff.catalog.map((c) => (
              <ListItem key={c.slug} disableGutters>
                <ListItemText
                  primary={
                    <span>
                      {c.slug}: {c.before ? <ProviderStatusChip status={c.before} /> : '—'} → {c.after ? <ProviderStatusChip status={c.after} /> : t('airlock.diff.gone')}
                    </span>
                  }
                />
              </ListItem>
            ))}
          </List>
        </Box>
      ) : null}
      {diff.zones.length ? (
        <Box>
          <Typography variant="subtitle1" component="h3">
            {t('airlock.diff.zones', { smart_count: diff.zones.length })}
          </Typography>
          <List dense>
            {diff.zones.map((z) => (
              <ListItem key={z.name} disableGutters>
                <ListItemText primary={z.name} secondary={`${z.before?.join(', ') ?? '—'} → ${z.after?.join(', ') ?? t('airlock.diff.gone')}`} />
              </ListItem>
            ))}
          </List>
        </Box>
      ) : null}
      {diff.settingsChanged ? <Alert severity="info">{t('airlock.diff.settingsChanged')}</Alert> : null}
    </Box>
  );
}
