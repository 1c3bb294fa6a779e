import { Box, Button, Chip, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { type FormEvent, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import type { SsoDomainOutput } from '@airlock/contracts/types';
import { apiSend, errorMessage } from '../api/http';
import { useApi } from '../common/hooks';
import { SsoCard } from './SsoCard';

/**
 * The organization's e-mail domains: add one, publish the TXT record shown, verify it. A verified
 * domain sends its people to this organization's single sign-on from the sign-in page, and lets
 * single sign-on link existing accounts of that domain.
 */
export function SsoDomains({ canWrite }: { canWrite: boolean }) {
  const t = useTranslate();
  const notify = useNotify();
  const { data, error, refetch } = useApi<SsoDomainOutput[]>('/api/sso-domains');
  const [domain, setDomain] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setProblem(null);
    try {
      await action();
      await refetch();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    void run('add', async () => {
      await apiSend('/api/sso-domains', 'POST', { domain: domain.trim() });
      setDomain('');
    });
  };

  const verify = (d: SsoDomainOutput) =>
    run(d.id, async () => {
      const after = await apiSend<SsoDomainOutput>(`/api/sso-domains/${d.id}/verify`, 'POST', {});
      // Checking a verified domain again withdraws it when its record is gone: say so, not "not yet".
      const notice = after.verified ? 'verifiedNotice' : d.verified ? 'lost' : 'notYet';
      notify(`airlock.sso.domains.${notice}`, { type: after.verified ? 'info' : 'warning', messageArgs: { domain: d.domain } });
    });

  const remove = (d: SsoDomainOutput) => {
    if (!window.confirm(t('airlock.sso.domains.confirmRemove', { domain: d.domain }))) return;
    void run(d.id, () => apiSend(`/api/sso-domains/${d.id}`, 'DELETE'));
  };

  return (
    <SsoCard title={t('airlock.sso.domains.title')} help={t('airlock.sso.domains.help')} error={error} problem={problem}>
      <Stack spacing={2} sx={{ mb: 2 }} data-testid="sso-domains">
        {(data ?? []).map((d) => (
          <Box key={d.id} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }} data-testid={`sso-domain-${d.domain}`}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="subtitle1" component="h3" sx={{ fontFamily: 'monospace' }}>
                {d.domain}
              </Typography>
              <Chip
                size="small"
                color={d.verified ? 'success' : 'default'}
                label={t(d.verified ? 'airlock.sso.domains.verified' : 'airlock.sso.domains.pending')}
              />
              <Box sx={{ flex: 1 }} />
              {canWrite ? (
                <>
                  <Button size="small" variant="outlined" disabled={busy !== null} onClick={() => void verify(d)}>
                    {t(d.verified ? 'airlock.sso.domains.recheck' : 'airlock.sso.domains.verify', { domain: d.domain })}
                  </Button>
                  <IconButton
                    aria-label={t('airlock.sso.domains.remove', { domain: d.domain })}
                    disabled={busy !== null}
                    onClick={() => remove(d)}
                  >
                    <DeleteIcon />
                  </IconButton>
                </>
              ) : null}
            </Stack>
            {!d.verified ? (
              <Box sx={{ mt: 1 }}>
                <Typography variant="body2">{t('airlock.sso.domains.publish', { name: d.txtRecordName })}</Typography>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <TextField
                    size="small"
                    fullWidth
                    value={d.txtRecordValue}
                    label={t('airlock.sso.domains.txtValue')}
                    slotProps={{
                      htmlInput: { readOnly: true, 'data-testid': `sso-domain-txt-${d.domain}`, style: { fontFamily: 'monospace' } },
                    }}
                    onFocus={(e) => e.target.select()}
                  />
                  <Tooltip title={t('airlock.apiClients.copy')}>
                    <IconButton
                      aria-label={`${t('airlock.apiClients.copy')}: ${t('airlock.sso.domains.txtValue')}`}
                      onClick={() => void navigator.clipboard.writeText(d.txtRecordValue).catch(() => undefined)}
                    >
                      <ContentCopyIcon />
                    </IconButton>
                  </Tooltip>
                </Stack>
              </Box>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {t('airlock.sso.domains.verifiedAt', { date: new Date(d.verifiedAt!).toLocaleString() })}
              </Typography>
            )}
            {d.lastCheckError ? (
              <Typography
                variant="body2"
                color={d.verified ? 'warning.main' : 'error'}
                sx={{ mt: 1 }}
                data-testid={`sso-domain-error-${d.domain}`}
              >
                {t('airlock.sso.domains.lastCheck', {
                  date: d.lastCheckedAt ? new Date(d.lastCheckedAt).toLocaleString() : '—',
                  reason: d.lastCheckError,
                })}
              </Typography>
            ) : null}
          </Box>
        ))}
        {data && data.length === 0 ? <Typography variant="body2">{t('airlock.sso.domains.none')}</Typography> : null}
      </Stack>
      {canWrite ? (
        <Stack component="form" direction="row" spacing={1} onSubmit={add} noValidate sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label={t('airlock.sso.domains.add')}
            placeholder="example.com"
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
            helperText={t('airlock.sso.domains.addHelp')}
          />
          <Button type="submit" variant="outlined" disabled={busy !== null || !domain.trim()}>
            {t('airlock.sso.domains.addButton')}
          </Button>
        </Stack>
      ) : null}
    </SsoCard>
  );
}
