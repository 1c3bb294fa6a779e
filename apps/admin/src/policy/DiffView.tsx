import { Alert, Box, Chip, List, ListItem, ListItemText, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EffectChip, ProviderStatusChip } from '../common/chips';
import { useDataClassLabel } from '../common/labels';
import type { PolicyDiff } from './types';

/** A setting's value in words: lists joined, allowed values by their value (and class), maps as `key: value`. */
const showSetting = (v: unknown, t: (k: string) => string, classLabel: (key: string) => string): string => {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return t('airlock.diff.none');
  if (typeof v === 'boolean') return t(v ? 'airlock.diff.on' : 'airlock.diff.off');
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'value' in x ? `${String(x.value)}${x.dataClass ? ` (${classLabel(String(x.dataClass))})` : ''}` : showSetting(x, t, classLabel))).join(', ');
  if (typeof v === 'object') {
    // The only map among the settings is per data class (minimum confidence): keys by their names.
    const entries = Object.entries(v);
    return entries.length ? entries.map(([k, x]) => `${classLabel(k)}: ${showSetting(x, t, classLabel)}`).join(', ') : t('airlock.diff.none');
  }
  return String(v);
};

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

/**
 * What a publish (or a version) changes, first in plain words, then part by part: rules added,
 * removed and changed field by field; AI services; custom detectors; zones; settings.
 */
export function DiffView({ diff }: { diff: PolicyDiff }) {
  const t = useTranslate();
  const classLabel = useDataClassLabel();
  if (diff.unchanged) return <Alert severity="info">{t('airlock.diff.unchanged')}</Alert>;
  const { added, removed, changed } = diff.rules;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="diff">
      {diff.summary.length ? (
        <Box>
          <Typography variant="subtitle1" component="h3">
            {t('airlock.diff.summary', { smart_count: diff.summary.length })}
          </Typography>
          <List dense data-testid="diff-summary">
            {diff.summary.map((line, i) => (
              <ListItem key={i} disableGutters sx={{ display: 'list-item', listStyle: 'disc', ml: 3 }}>
                <ListItemText primary={line} />
              </ListItem>
            ))}
          </List>
        </Box>
      ) : null}
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
                      {c.name}: {c.before ? <ProviderStatusChip status={c.before} /> : '—'} → {c.after ? <ProviderStatusChip status={c.after} /> : t('airlock.diff.gone')}
                    </span>
                  }
                  secondary={c.fields.length ? t('airlock.diff.providerFields', { fields: c.fields.map((f) => t(`airlock.diff.providerField.${f}`, { _: f })).join(', ') }) : undefined}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      ) : null}
      {diff.detectors.length ? (
        <Box>
          <Typography variant="subtitle1" component="h3">
            {t('airlock.diff.detectors', { smart_count: diff.detectors.length })}
          </Typography>
          <List dense>
            {diff.detectors.map((d) => (
              <ListItem key={d.name} disableGutters>
                <ListItemText
                  primary={
                    <span>
                      <Chip size="small" variant="outlined" color={d.change === 'added' ? 'success' : d.change === 'removed' ? 'error' : 'default'} label={t(`airlock.diff.change.${d.change}`)} sx={{ mr: 1 }} />
                      {d.name}
                    </span>
                  }
                  secondary={[d.before, d.after]
                    .map((v) => (v ? t('airlock.diff.detectorView', { smart_count: v.patterns, dataClass: v.dataClassLabel, state: v.enabled ? t('airlock.diff.enabled') : t('airlock.diff.disabled') }) : null))
                    .filter(Boolean)
                    .join(' → ')}
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
      <DirectoryDiff diff={diff} />
      {diff.settings.length ? (
        <Box>
          <Typography variant="subtitle1" component="h3">
            {t('airlock.diff.settings', { smart_count: diff.settings.length })}
          </Typography>
          <List dense>
            {diff.settings.map((s) => (
              <ListItem key={s.key} disableGutters>
                <ListItemText primary={t(`airlock.diff.setting.${s.key}`, { _: s.label })} secondary={`${showSetting(s.before, t, classLabel)} → ${showSetting(s.after, t, classLabel)}`} />
              </ListItem>
            ))}
          </List>
        </Box>
      ) : null}
    </Box>
  );
}

const changeColor = (c: string) => (c === 'added' ? 'success' : c === 'removed' ? 'error' : 'default');

/** Groups and data classes: in force when saved, recorded by each version, shown with what changed. */
function DirectoryDiff({ diff }: { diff: PolicyDiff }) {
  const t = useTranslate();
  if (!diff.directoryCompared) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('airlock.diff.directoryNotCompared')}
      </Typography>
    );
  }
  if (!diff.groups.length && !diff.dataClasses.length) return null;
  const group = (v: { description: string | null; ssoGroups: string[] } | null) =>
    v ? [v.ssoGroups.length ? t('airlock.diff.ssoGroups', { list: v.ssoGroups.join(', ') }) : t('airlock.diff.noSsoGroups'), v.description ? t('airlock.diff.description', { text: v.description }) : ''].filter(Boolean).join('; ') : null;
  const dataClass = (v: { name: string; description: string | null } | null) => (v ? [v.name, v.description ?? ''].filter(Boolean).join(' — ') : null);
  return (
    <Box data-testid="diff-directory">
      {diff.groups.length ? (
        <>
          <Typography variant="subtitle1" component="h3">
            {t('airlock.diff.groups', { smart_count: diff.groups.length })}
          </Typography>
          <List dense>
            {diff.groups.map((g) => (
              <ListItem key={g.name} disableGutters>
                <ListItemText
                  primary={
                    <span>
                      <Chip size="small" variant="outlined" color={changeColor(g.change)} label={t(`airlock.diff.change.${g.change}`)} sx={{ mr: 1 }} />
                      {g.name}
                    </span>
                  }
                  secondary={[group(g.before), group(g.after)].filter(Boolean).join(' → ')}
                />
              </ListItem>
            ))}
          </List>
        </>
      ) : null}
      {diff.dataClasses.length ? (
        <>
          <Typography variant="subtitle1" component="h3">
            {t('airlock.diff.dataClasses', { smart_count: diff.dataClasses.length })}
          </Typography>
          <List dense>
            {diff.dataClasses.map((c) => (
              <ListItem key={c.key} disableGutters>
                <ListItemText
                  primary={
                    <span>
                      <Chip size="small" variant="outlined" color={changeColor(c.change)} label={t(`airlock.diff.change.${c.change}`)} sx={{ mr: 1 }} />
                      {c.after?.name ?? c.before?.name ?? c.key}
                    </span>
                  }
                  secondary={[dataClass(c.before), dataClass(c.after)].filter(Boolean).join(' → ')}
                />
              </ListItem>
            ))}
          </List>
        </>
      ) : null}
      <Typography variant="body2" color="text.secondary">
        {t('airlock.diff.directoryNote')}
      </Typography>
    </Box>
  );
}
