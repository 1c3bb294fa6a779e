import { Alert, Box, Card, CardContent, Chip, Grid, Link, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import type { ReactNode } from 'react';
import { EditButton, Show, TopToolbar, useRecordContext, useTranslate, DateField } from 'react-admin';
import { ProviderStatusChip, RiskChip } from '../common/chips';
import { useCountryName } from '../common/countries';
import { usePermission } from '../common/hooks';
import { BlockNowButton } from './BlockNowButton';
import { listInWords, type ProviderRecord } from './plainWords';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function ShowActions() {
  const canWrite = usePermission('catalog.write');
  return (
    <TopToolbar sx={{ gap: 1 }}>
      {canWrite ? <EditButton /> : null}
      <BlockNowButton />
    </TopToolbar>
  );
}

function ProviderTitle() {
  const record = useRecordContext<ProviderRecord>();
  return <span>{record?.name ?? ''}</span>;
}

function Profile() {
  const p = useRecordContext<ProviderRecord>();
  const t = useTranslate();
  const country = useCountryName();
  if (!p) return null;
  const and = t('airlock.words.and');
  const countries = p.dataCountries.map((c) => `${country(c)} (${c})`);
  const collects = p.collects.map((c) => t(`airlock.collects.${c}`, { _: c }));

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h5" component="h2">
            {p.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {[p.vendor, p.website].filter(Boolean).join(' · ')}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1}>
          <ProviderStatusChip status={p.status} size="medium" />
          <RiskChip score={p.riskScore} />
        </Stack>
      </Stack>
      {p.statusReason ? (
        <Alert severity={p.status === 'blocked' ? 'error' : p.status === 'approved' ? 'success' : 'warning'} sx={{ mb: 2 }}>
          <strong>{t(`airlock.providerStatus.${p.status}`)}:</strong> {p.statusReason}
        </Alert>
      ) : null}
      {p.description ? (
        <Typography variant="body1" sx={{ mb: 2 }}>
          {p.description}
        </Typography>
      ) : null}

      {p.staleSources ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('airlock.profile.staleSources', { _: 'The sources for training, retention or storage are older than your review age (oldest: %{date}): check the provider\'s current pages before relying on this profile.', date: p.oldestSourceAsOf ?? '' })}
        </Alert>
      ) : null}
      {(p.sharedHosts ?? []).map((h) => (
        <Alert key={h.host} severity="warning" sx={{ mb: 1 }}>
          <strong>{h.host}</strong>{' '}
          {t('airlock.profile.sharedHost', { _: 'is shared with %{list}: a domain block cannot separate them.', list: listInWords(h.sharedWith, and) })}
          {h.inDomains ? '' : ` ${t('airlock.profile.sharedHostNotListed', { _: 'It is not in this entry\'s domains, so this service cannot be blocked by domain alone.' })}`}
          {h.note ? ` ${h.note}` : ''}
        </Alert>
      ))}

      <Grid container spacing={2}>
        {p.accountTypes?.length ? (
          <Grid size={{ xs: 12 }}>
            <Section title={t('airlock.profile.accountTypesTitle', { _: 'Account types' })}>
              <List dense disablePadding>
                {p.accountTypes.map((a) => (
                  <ListItem key={a.name} disableGutters sx={{ display: 'block' }}>
                    <Typography variant="subtitle2" component="h3">
                      {a.name} <Chip size="small" label={t(`airlock.accountType.${a.kind}`, { _: a.kind })} sx={{ ml: 0.5 }} />
                      {a.trainsOnInputs ? <Chip size="small" variant="outlined" sx={{ ml: 0.5 }} label={t(`airlock.profile.trains.${a.trainsOnInputs}`, { name: a.name })} /> : null}
                    </Typography>
                    {a.retention ? <Typography variant="body2">{a.retention}</Typography> : null}
                    {a.notes ? <Typography variant="body2">{a.notes}</Typography> : null}
                    {a.certifications.length ? <Typography variant="body2">{t('resources.providers.fields.certifications')}: {a.certifications.join(', ')}</Typography> : null}
                    {a.signals.map((sig) => (
                      <Typography key={sig.value} variant="body2" color="text.secondary">
                        {t('airlock.profile.signal', { _: 'Tells it apart' })} ({t(`airlock.profile.signalKind.${sig.kind}`, { _: sig.kind })}): <code>{sig.value}</code>
                        {sig.note ? ` — ${sig.note}` : ''}
                      </Typography>
                    ))}
                  </ListItem>
                ))}
              </List>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t('airlock.profile.accountTypesRule', {
                  _: 'A rule can let only some account types through (the “Account types” condition) when the extension or gateway reports the account in use; block “Not stated” too, so a client that cannot tell is not let through.',
                })}
              </Typography>
            </Section>
          </Grid>
        ) : null}
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('airlock.profile.collectsTitle')}>
            <Typography variant="body2" gutterBottom>
              {collects.length ? t('airlock.profile.collects', { name: p.name, list: listInWords(collects, and) }) : t('airlock.profile.collectsUnknown')}
            </Typography>
            <Typography variant="body2">{t(`airlock.profile.trains.${p.trainsOnInputs}`, { name: p.name })}</Typography>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('airlock.profile.storageTitle')}>
            <Typography variant="body2" gutterBottom>
              {countries.length ? t('airlock.profile.storedIn', { list: listInWords(countries, and) }) : t('airlock.profile.storedUnknown')}
            </Typography>
            {p.hqCountry ? (
              <Typography variant="body2" gutterBottom>
                {t('airlock.profile.hq', { country: `${country(p.hqCountry)} (${p.hqCountry})` })}
              </Typography>
            ) : null}
            <Typography variant="body2">
              {p.retention ? p.retention : p.retentionDays !== null ? t('airlock.profile.retentionDays', { smart_count: p.retentionDays }) : t('airlock.profile.retentionUnknown')}
              {p.zeroRetentionOffer ? ` ${t('airlock.profile.zeroRetention')}` : ''}
            </Typography>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('airlock.profile.sharesTitle')}>
            <Typography variant="body2">
              {p.sharesWith.length ? t('airlock.profile.shares', { list: listInWords(p.sharesWith, and) }) : t('airlock.profile.sharesNone')}
            </Typography>
            {p.certifications.length ? (
              <Box sx={{ mt: 1, display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                <Typography variant="body2" component="span" sx={{ mr: 0.5 }}>
                  {t('resources.providers.fields.certifications')}:
                </Typography>
                {p.certifications.map((c) => (
                  <Chip key={c} size="small" variant="outlined" label={c} />
                ))}
              </Box>
            ) : null}
            {p.enterpriseOffering ? (
              <Typography variant="body2" sx={{ mt: 1 }}>
                <strong>{t('resources.providers.fields.enterpriseOffering')}:</strong> {p.enterpriseOffering}
              </Typography>
            ) : null}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('airlock.profile.riskTitle', { score: p.riskScore })}>
            {p.riskFactors.length ? (
              <List dense disablePadding>
                {p.riskFactors.map((f) => (
                  <ListItem key={f.id} disableGutters>
                    <ListItemText primary={f.explanation} secondary={t('airlock.profile.points', { smart_count: f.points })} />
                  </ListItem>
                ))}
              </List>
            ) : (
              <Typography variant="body2">{t('airlock.profile.noRiskFactors')}</Typography>
            )}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('airlock.profile.reachTitle')}>
            <Typography variant="body2" gutterBottom>
              {/* host names are identifiers: shown as such, not as prose */}
              {t('airlock.profile.domains')}:{' '}
              {p.domains.map((d, i) => (
                <span key={d}>
                  {i ? ', ' : ''}
                  <Box component="code" sx={{ fontFamily: 'monospace', fontSize: '0.85em' }}>
                    {d}
                  </Box>
                </span>
              ))}
            </Typography>
            <Typography variant="body2">
              {t('airlock.profile.channels')}: {p.channels.length ? p.channels.map((c) => t(`airlock.channel.${c}`, { _: c })).join(', ') : '—'}
            </Typography>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('airlock.profile.sourcesTitle')}>
            {p.sources.length ? (
              <List dense disablePadding>
                {p.sources.map((s, i) => (
                  <ListItem key={i} disableGutters>
                    <ListItemText
                      primary={
                        <Link href={s.url} target="_blank" rel="noopener noreferrer">
                          {s.fact}
                          <OpenInNewIcon sx={{ fontSize: 14, ml: 0.5, verticalAlign: 'middle' }} aria-label={t('airlock.words.opensInNewTab')} />
                        </Link>
                      }
                      secondary={t('airlock.profile.asOf', { date: s.asOf })}
                    />
                  </ListItem>
                ))}
              </List>
            ) : (
              <Typography variant="body2">{t('airlock.profile.noSources')}</Typography>
            )}
            {(p.unknownFacts ?? []).map((u) => (
              <Typography key={u.topic + u.note} variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {t('airlock.profile.unknown', { _: 'Unknown (%{topic})', topic: t(`airlock.profile.topic.${u.topic}`, { _: u.topic }) })}: {u.note}
              </Typography>
            ))}
          </Section>
        </Grid>
      </Grid>
      {p.notes ? (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h2">
            {t('resources.providers.fields.notes')}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {p.notes}
          </Typography>
        </Box>
      ) : null}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
        {t('airlock.profile.updated')} <DateField source="updatedAt" showTime />
        {p.builtin ? ` · ${t('airlock.profile.builtin')}` : ''} · {t('airlock.profile.catalogId')}:{' '}
        <Box component="code" sx={{ fontFamily: 'monospace' }}>
          {p.slug}
        </Box>
      </Typography>
    </Box>
  );
}

export function ProviderShow() {
  return (
    <Show actions={<ShowActions />} title={<ProviderTitle />}>
      <Profile />
    </Show>
  );
}
