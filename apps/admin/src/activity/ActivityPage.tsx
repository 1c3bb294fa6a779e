import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Drawer,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import DownloadIcon from '@mui/icons-material/Download';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Title, useGetList, useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router-dom';
import type { ActivityDetailOutput, ActivityEntryOutput, ActivityPageOutput } from '@airlock/contracts/types';
import { ACTIONS, CHANNELS, EFFECTS } from '@airlock/contracts/constants';
import { apiGet, errorMessage } from '../api/http';
import { EffectChip } from '../common/chips';
import { useApi } from '../common/hooks';
import { useDataClassChoices } from '../common/useDataClassChoices';
import { useDataClassLabel } from '../common/labels';
import { type ActivityFilters, filtersFrom, fromLocalInput, queryOf, toLocalInput } from './filters';
import { EmptyState } from '../common/EmptyState';

const PAGE = 50;

interface Choice {
  id: string;
  name: string;
}

/** A labelled select with "Any" first; the current value stays selectable even if not in the list. */
function FilterSelect({ id, label, value, choices, onChange }: { id: string; label: string; value: string; choices: Choice[]; onChange: (v: string) => void }) {
  const t = useTranslate();
  const all = value && !choices.some((c) => c.id === value) ? [{ id: value, name: value }, ...choices] : choices;
  return (
    <TextField select size="small" id={id} label={label} value={value} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 180 }}>
      <MenuItem value="">{t('airlock.activity.any')}</MenuItem>
      {all.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

function useChoices(resource: string, id: string, name: (r: Record<string, unknown>) => string, sortField: string): Choice[] {
  const { data } = useGetList(resource, { pagination: { page: 1, perPage: 500 }, sort: { field: sortField, order: 'ASC' } });
  return (data ?? []).map((r) => ({ id: String(r[id]), name: name(r) }));
}

function Filters({ value, onApply }: { value: ActivityFilters; onApply: (f: ActivityFilters) => void }) {
  const t = useTranslate();
  const [f, setF] = useState<ActivityFilters>(value);
  const set = (k: keyof ActivityFilters) => (v: string | undefined) => setF((prev) => ({ ...prev, [k]: v || undefined }));
  const services = useChoices('providers', 'slug', (r) => String(r.name), 'name');
  const rules = useChoices('rules', 'ruleId', (r) => String(r.ruleId), 'ruleId');
  const zones = useChoices('zones', 'name', (r) => String(r.name), 'name');
  const groups = useChoices('groups', 'name', (r) => String(r.name), 'name');
  const clients = useChoices('api-clients', 'id', (r) => String(r.name), 'name');
  const dataClasses = useDataClassChoices();
  const effects = (f.effect ?? '').split(',').filter(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  return (
    <Card component="section" aria-label={t('airlock.activity.filters')} sx={{ mb: 2 }}>
      <CardContent>
        <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }}>
          <TextField size="small" type="datetime-local" id="activity-since" label={t('airlock.activity.since')} value={toLocalInput(f.since)} onChange={(e) => set('since')(fromLocalInput(e.target.value))} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField size="small" type="datetime-local" id="activity-until" label={t('airlock.activity.until')} value={toLocalInput(f.until)} onChange={(e) => set('until')(fromLocalInput(e.target.value))} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField
            select
            size="small"
            id="activity-effect"
            label={t('airlock.activity.effect')}
            value={effects}
            onChange={(e) => set('effect')((e.target.value as unknown as string[]).join(','))}
            slotProps={{ select: { multiple: true, renderValue: (v) => (v as string[]).map((x) => t(`airlock.effect.${x}`)).join(', ') } }}
            sx={{ minWidth: 180 }}
          >
            {EFFECTS.map((e) => (
              <MenuItem key={e} value={e}>
                {t(`airlock.effect.${e}`)}
              </MenuItem>
            ))}
          </TextField>
          <FilterSelect id="activity-service" label={t('airlock.activity.service')} value={f.service ?? ''} choices={services} onChange={set('service')} />
          <FilterSelect id="activity-rule" label={t('airlock.activity.rule')} value={f.rule ?? ''} choices={rules} onChange={set('rule')} />
          <FilterSelect id="activity-data-class" label={t('airlock.activity.dataClass')} value={f.dataClass ?? ''} choices={dataClasses} onChange={set('dataClass')} />
          <FilterSelect id="activity-zone" label={t('airlock.activity.zone')} value={f.zone ?? ''} choices={zones} onChange={set('zone')} />
          <FilterSelect id="activity-group" label={t('airlock.activity.group')} value={f.group ?? ''} choices={groups} onChange={set('group')} />
          <FilterSelect id="activity-channel" label={t('airlock.activity.channel')} value={f.channel ?? ''} choices={CHANNELS.map((c) => ({ id: c, name: t(`airlock.channel.${c}`, { _: c }) }))} onChange={set('channel')} />
          <FilterSelect id="activity-action" label={t('airlock.activity.action')} value={f.action ?? ''} choices={ACTIONS.map((a) => ({ id: a, name: t(`airlock.action.${a}`, { _: a }) }))} onChange={set('action')} />
          <FilterSelect id="activity-api-client" label={t('airlock.activity.apiClient')} value={f.apiClient ?? ''} choices={clients} onChange={set('apiClient')} />
          <TextField size="small" id="activity-subject" label={t('airlock.activity.subject')} value={f.subject ?? ''} onChange={(e) => set('subject')(e.target.value.trim())} />
          <TextField size="small" id="activity-host" label={t('airlock.activity.host')} value={f.host ?? ''} onChange={(e) => set('host')(e.target.value.trim())} />
          <Button type="submit" variant="contained">
            {t('airlock.activity.apply')}
          </Button>
          <Button onClick={() => { setF({}); onApply({}); }}>{t('airlock.activity.clear')}</Button>
        </Box>
      </CardContent>
    </Card>
  );
}

function Detail({ entry, onClose }: { entry: ActivityEntryOutput | null; onClose: () => void }) {
  const t = useTranslate();
  const className = useDataClassLabel();
  const { data, error } = useApi<ActivityDetailOutput>(entry ? `/api/activity/${entry.id}?time=${encodeURIComponent(entry.time)}` : null);
  const row = (label: string, value: ReactNode) => (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, mb: 1, overflowWrap: 'anywhere' }}>
        {value === null || value === undefined || value === '' ? '—' : value}
      </Typography>
    </>
  );
  return (
    <Drawer anchor="right" open={entry !== null} onClose={onClose} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 480 }, p: 2 }, role: 'dialog', 'aria-labelledby': 'activity-detail-title' } as object }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography id="activity-detail-title" variant="h6" component="h2">
          {t('airlock.activity.detailTitle')}
        </Typography>
        <IconButton onClick={onClose} aria-label={t('ra.action.close')}>
          <CloseIcon />
        </IconButton>
      </Stack>
      {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
      {data ? (
        <>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 2 }}>
            <EffectChip effect={data.effect} size="medium" />
            <Typography variant="body2">{new Date(data.time).toLocaleString()}</Typography>
          </Box>
          <Typography variant="subtitle1" component="h3">
            {t('airlock.activity.reasons')}
          </Typography>
          {data.reasons.length ? (
            <Box component="ul" sx={{ pl: 2, mt: 0.5 }} aria-label={t('airlock.activity.reasons')}>
              {data.reasons.map((r) => (
                <Box component="li" key={r.ruleId} sx={{ mb: 1 }}>
                  <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {r.ruleId}
                    </Typography>
                    {r.effect ? <EffectChip effect={r.effect} /> : null}
                  </Box>
                  <Typography variant="body2">{r.message ?? t('airlock.activity.ruleNotInVersion', { version: data.policyVersion })}</Typography>
                  {r.description ? (
                    <Typography variant="caption" color="text.secondary">
                      {r.description}
                    </Typography>
                  ) : null}
                </Box>
              ))}
            </Box>
          ) : (
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t('airlock.activity.noRule')}
            </Typography>
          )}
          <Box component="dl" sx={{ mt: 2 }}>
            {row(t('airlock.activity.service'), data.service ? data.service.name : null)}
            {row(t('airlock.activity.host'), data.destinationHost)}
            {row(t('airlock.activity.action'), t(`airlock.action.${data.action}`, { _: data.action }))}
            {row(t('airlock.activity.subject'), data.subjectId)}
            {row(t('airlock.activity.group'), data.subjectGroups.join(', '))}
            {row(t('airlock.activity.dataClass'), data.dataClasses.map(className).join(', '))}
            {row(t('airlock.activity.zone'), data.networkZones.join(', '))}
            {row(t('airlock.activity.channel'), data.channel ? t(`airlock.channel.${data.channel}`, { _: data.channel }) : null)}
            {row(t('airlock.activity.apiClient'), data.apiClient ? (data.apiClient.name ?? data.apiClient.id) : null)}
            {row(t('airlock.activity.source'), t(`airlock.activity.sources.${data.source}`, { _: data.source }))}
            {row(t('airlock.activity.overrideReason'), data.overrideReason)}
            {data.inputTokens !== null || data.outputTokens !== null
              ? row(t('airlock.activity.tokens'), t('airlock.activity.tokensValue', { input: data.inputTokens?.toLocaleString() ?? '—', output: data.outputTokens?.toLocaleString() ?? '—' }))
              : null}
            {row(t('airlock.activity.policyVersion'), data.policyVersion)}
            {row(t('airlock.activity.latency'), `${(data.latencyMicros / 1000).toFixed(2)} ms`)}
            {row(t('airlock.activity.content'), data.contentHashed ? t('airlock.activity.contentHashed') : t('airlock.activity.noContent'))}
            {row(t('airlock.activity.decisionId'), data.id)}
          </Box>
        </>
      ) : null}
    </Drawer>
  );
}

function Row({ e, onOpen, className, ruleDescription }: { e: ActivityEntryOutput; onOpen: () => void; className: (key: string) => string; ruleDescription: Map<string, string> }) {
  const t = useTranslate();
  return (
    <TableRow hover>
      <TableCell>
        <Button size="small" onClick={onOpen} sx={{ textTransform: 'none', p: 0, minWidth: 0, textAlign: 'left' }} aria-label={t('airlock.activity.openDetail', { time: new Date(e.time).toLocaleString() })}>
          {new Date(e.time).toLocaleString()}
        </Button>
      </TableCell>
      <TableCell>
        <EffectChip effect={e.effect} />
      </TableCell>
      <TableCell>{e.service ? e.service.name : (e.destinationHost ?? '—')}</TableCell>
      <TableCell>{t(`airlock.action.${e.action}`, { _: e.action })}</TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>{e.subjectId ?? '—'}</TableCell>
      <TableCell>
        {e.ruleIds.length
          ? e.ruleIds.map((id, i) => (
              // rule ids are the names admins give their rules; the description is a hover away
              <span key={id} title={ruleDescription.get(id)}>
                {i ? ', ' : ''}
                {id}
              </span>
            ))
          : '—'}
      </TableCell>
      <TableCell>
        {e.dataClasses.map((c) => (
          <Chip key={c} size="small" variant="outlined" label={className(c)} sx={{ mr: 0.5 }} />
        ))}
      </TableCell>
    </TableRow>
  );
}

export default function ActivityPage() {
  const t = useTranslate();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const query = queryOf(filters);
  const [open, setOpen] = useState<ActivityEntryOutput | null>(null);
  const pages = useInfiniteQuery({
    queryKey: ['activity', query],
    queryFn: ({ pageParam }) => apiGet<ActivityPageOutput>(`/api/activity?${query}${query ? '&' : ''}limit=${PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const active = Object.entries(filters);
  const className = useDataClassLabel();
  const services = useChoices('providers', 'slug', (r) => String(r.name), 'name');
  const clients = useChoices('api-clients', 'id', (r) => String(r.name), 'name');
  const rules = useGetList('rules', { pagination: { page: 1, perPage: 500 }, sort: { field: 'ruleId', order: 'ASC' } });
  const ruleDescription = new Map((rules.data ?? []).filter((r) => r.description).map((r) => [String(r.ruleId), String(r.description)]));
  /** A filter's value in words: names for keys and slugs, the wording of an effect, a channel, an action. */
  const valueOf = (k: string, v: string): string => {
    if (k === 'since' || k === 'until') return new Date(v).toLocaleString();
    if (k === 'dataClass') return className(v);
    if (k === 'service') return services.find((c) => c.id === v)?.name ?? v;
    if (k === 'apiClient') return clients.find((c) => c.id === v)?.name ?? v;
    if (k === 'effect') return v.split(',').map((x) => t(`airlock.effect.${x}`, { _: x })).join(', ');
    if (k === 'channel') return t(`airlock.channel.${v}`, { _: v });
    if (k === 'action') return t(`airlock.action.${v}`, { _: v });
    if (k === 'source') return t(`airlock.activity.sources.${v}`, { _: v });
    return v;
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={t('airlock.activity.title')} />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h2">
          {t('airlock.activity.title')}
        </Typography>
        <Stack direction="row" sx={{ gap: 1 }}>
          <Button component={Link} to="/activity/unknown-destinations">
            {t('airlock.activity.unknownDestinations')}
          </Button>
          <Button component="a" href={`/api/activity/export.csv${query ? `?${query}` : ''}`} download startIcon={<DownloadIcon />} variant="outlined">
            {t('airlock.activity.export')}
          </Button>
        </Stack>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('airlock.activity.intro')}
      </Typography>
      <Filters key={query} value={filters} onApply={(f) => setParams(new URLSearchParams(queryOf(f)))} />
      {active.length ? (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 1 }} aria-label={t('airlock.activity.activeFilters')} role="group">
          {active.map(([k, v]) => (
            <Chip
              key={k}
              label={`${t(`airlock.activity.${k}`)}: ${valueOf(k, v)}`}
              onDelete={() => setParams(new URLSearchParams(queryOf({ ...filters, [k]: undefined })))}
              data-testid={`activity-filter-${k}`}
            />
          ))}
        </Box>
      ) : null}
      {pages.error ? <Alert severity="error">{errorMessage(pages.error)}</Alert> : null}
      <Card>
        <Table size="small" aria-label={t('airlock.activity.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('airlock.activity.time')}</TableCell>
              <TableCell>{t('airlock.activity.effect')}</TableCell>
              <TableCell>{t('airlock.activity.service')}</TableCell>
              <TableCell>{t('airlock.activity.action')}</TableCell>
              <TableCell>{t('airlock.activity.subject')}</TableCell>
              <TableCell>{t('airlock.activity.rule')}</TableCell>
              <TableCell>{t('airlock.activity.dataClass')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((e) => (
              <Row key={e.id} e={e} onOpen={() => setOpen(e)} className={className} ruleDescription={ruleDescription} />
            ))}
          </TableBody>
        </Table>
        <Box sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'center' }}>
          {pages.isPending ? <Typography role="status">{t('ra.page.loading')}</Typography> : null}
          {!pages.isPending && !items.length ? (
            Object.keys(filters).length ? (
              <Typography>{t('airlock.activity.empty')}</Typography>
            ) : (
              <EmptyState feature="activity" to="/api-clients/create" permission="apiClients.write" />
            )
          ) : null}
          {items.length ? (
            <Typography variant="body2" color="text.secondary" role="status">
              {t(pages.hasNextPage ? 'airlock.activity.shownMore' : 'airlock.activity.shownAll', { smart_count: items.length })}
            </Typography>
          ) : null}
          {pages.hasNextPage ? (
            <Button variant="outlined" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
              {t('airlock.activity.more')}
            </Button>
          ) : null}
        </Box>
      </Card>
      <Detail entry={open} onClose={() => setOpen(null)} />
    </Box>
  );
}

