import { Alert, Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import KeyIcon from '@mui/icons-material/Key';
import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { apiGet, apiSend, errorMessage } from '../api/http';
import { useBusyAction } from '../common/hooks';
import { loadMe } from '../auth/session';
import type { MfaStatusOutput, TotpSetupOutput } from '@airlock/contracts/types';

type MfaStatus = MfaStatusOutput;
type TotpSetup = TotpSetupOutput;

/** Recovery codes, shown once right after they are made. */
function RecoveryCodesDialog({ codes, onClose }: { codes: string[] | null; onClose: () => void }) {
  const t = useTranslate();
  return (
    <Dialog open={!!codes} onClose={onClose} aria-labelledby="recovery-codes-title" fullWidth maxWidth="xs">
      <DialogTitle id="recovery-codes-title">{t('airlock.mfa.recoveryTitle')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('airlock.mfa.recoveryWarning')}
        </Alert>
        <Box component="ol" data-testid="recovery-codes" sx={{ fontFamily: 'monospace', fontSize: '1.1rem', columns: 2, pl: 4, m: 0 }}>
          {codes?.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('airlock.mfa.recoveryStored')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The signed-in user's own second factors: authenticator app (TOTP), passkeys, recovery codes. */
export default function SecurityPage() {
  const t = useTranslate();
  const notify = useNotify();
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [passkeyName, setPasskeyName] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const { busy, error, setError, run } = useBusyAction();

  const refresh = useCallback(async () => {
    setStatus(await apiGet<MfaStatus>('/api/auth/mfa'));
    await loadMe(true);
  }, []);

  useEffect(() => {
    void refresh().catch((err: unknown) => setError(errorMessage(err)));
  }, [refresh]);


  const startTotp = () => run(async () => setSetup(await apiSend<TotpSetup>('/api/auth/mfa/totp', 'POST', {})));

  const confirmTotp = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const answer = await apiSend<{ recoveryCodes: string[] | null }>('/api/auth/mfa/totp/confirm', 'POST', { code });
      setSetup(null);
      setCode('');
      if (answer.recoveryCodes) setCodes(answer.recoveryCodes);
      notify('airlock.mfa.totpAdded', { type: 'success' });
      await refresh();
    });
  };

  const addPasskey = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const optionsJSON = await apiSend<PublicKeyCredentialCreationOptionsJSON>('/api/auth/mfa/passkeys/options', 'POST', {});
      const response = await startRegistration({ optionsJSON });
      const answer = await apiSend<{ recoveryCodes: string[] | null }>('/api/auth/mfa/passkeys', 'POST', { name: passkeyName.trim() || 'Passkey', response });
      setPasskeyName('');
      if (answer.recoveryCodes) setCodes(answer.recoveryCodes);
      notify('airlock.mfa.passkeyAdded', { type: 'success' });
      await refresh();
    });
  };

  const remove = (path: string) =>
    run(async () => {
      await apiSend(path, 'DELETE');
      notify('airlock.mfa.removed', { type: 'info' });
      await refresh();
    });

  const newCodes = () =>
    run(async () => {
      const answer = await apiSend<{ recoveryCodes: string[] }>('/api/auth/mfa/recovery-codes', 'POST', {});
      setCodes(answer.recoveryCodes);
      await refresh();
    });

  return (
    <Box sx={{ maxWidth: 760, display: 'flex', flexDirection: 'column', gap: 2, py: 2 }}>
      <Title title={t('airlock.mfa.title')} />
      <Typography variant="h5" component="h2">
        {t('airlock.mfa.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('airlock.mfa.intro')}
      </Typography>
      {status?.enrolmentRequired ? (
        <Alert severity="warning" role="alert">
          {t('airlock.mfa.required')}
        </Alert>
      ) : null}
      {status && !status.appliesToThisSession ? <Alert severity="info">{t('airlock.mfa.ssoSession')}</Alert> : null}
      {error ? (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      ) : null}

      <Card component="section" aria-labelledby="totp-heading">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <PhonelinkLockIcon aria-hidden />
            <Typography variant="h6" component="h3" id="totp-heading">
              {t('airlock.mfa.totpTitle')}
            </Typography>
            {status?.totp ? <Chip size="small" color="success" label={t('airlock.mfa.on')} /> : null}
          </Box>
          {status?.totp ? (
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2">{t('airlock.mfa.totpSince', { date: new Date(status.totp.confirmedAt).toLocaleDateString() })}</Typography>
              <Button color="error" startIcon={<DeleteIcon />} disabled={busy} onClick={() => void remove('/api/auth/mfa/totp')}>
                {t('airlock.mfa.removeTotp')}
              </Button>
            </Box>
          ) : setup ? (
            <Box component="form" onSubmit={confirmTotp} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
              <Typography variant="body2">{t('airlock.mfa.scan')}</Typography>
              <Box component="img" src={setup.qrCode} alt={t('airlock.mfa.qrAlt')} sx={{ width: 232, height: 232, alignSelf: 'flex-start', bgcolor: '#fff' }} />
              <TextField
                id="totp-secret"
                label={t('airlock.mfa.secret')}
                value={setup.secret}
                helperText={t('airlock.mfa.secretHelp')}
                slotProps={{ htmlInput: { readOnly: true, spellCheck: false, 'data-testid': 'totp-secret', style: { fontFamily: 'monospace' } } }}
                onFocus={(e) => e.target.select()}
              />
              <TextField
                id="totp-confirm-code"
                label={t('airlock.mfa.totpCode')}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoComplete="one-time-code"
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                required
              />
              <Box sx={{ display: 'flex', gap: 1 }}>
                <Button type="submit" variant="contained" disabled={busy || !code.trim()}>
                  {t('airlock.mfa.confirm')}
                </Button>
                <Button onClick={() => setSetup(null)}>{t('ra.action.cancel')}</Button>
              </Box>
            </Box>
          ) : (
            <Box>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {t('airlock.mfa.totpExplain')}
              </Typography>
              <Button variant="outlined" disabled={busy || !status} onClick={() => void startTotp()}>
                {t('airlock.mfa.setUpTotp')}
              </Button>
            </Box>
          )}
        </CardContent>
      </Card>

      <Card component="section" aria-labelledby="passkeys-heading">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <KeyIcon aria-hidden />
            <Typography variant="h6" component="h3" id="passkeys-heading">
              {t('airlock.mfa.passkeysTitle')}
            </Typography>
          </Box>
          <Typography variant="body2">{t('airlock.mfa.passkeysExplain')}</Typography>
          {status?.passkeys.length ? (
            <List dense aria-label={t('airlock.mfa.passkeysTitle')}>
              {status.passkeys.map((p) => (
                <ListItem
                  key={p.id}
                  secondaryAction={
                    <Button color="error" startIcon={<DeleteIcon />} disabled={busy} onClick={() => void remove(`/api/auth/mfa/passkeys/${p.id}`)} aria-label={t('airlock.mfa.removePasskey', { name: p.name })}>
                      {t('airlock.mfa.remove')}
                    </Button>
                  }
                >
                  <ListItemText
                    primary={p.name}
                    secondary={t('airlock.mfa.passkeyUsed', {
                      added: new Date(p.createdAt).toLocaleDateString(),
                      used: p.lastUsedAt ? new Date(p.lastUsedAt).toLocaleString() : t('airlock.mfa.never'),
                    })}
                  />
                </ListItem>
              ))}
            </List>
          ) : null}
          <Box component="form" onSubmit={addPasskey} noValidate sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <TextField id="passkey-name" size="small" label={t('airlock.mfa.passkeyName')} value={passkeyName} onChange={(e) => setPasskeyName(e.target.value)} />
            <Button type="submit" variant="outlined" disabled={busy || !status} startIcon={<KeyIcon />}>
              {t('airlock.mfa.addPasskey')}
            </Button>
          </Box>
        </CardContent>
      </Card>

      {status?.enabled ? (
        <Card component="section" aria-labelledby="recovery-heading">
          <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <Typography variant="h6" component="h3" id="recovery-heading">
              {t('airlock.mfa.recoveryHeading')}
            </Typography>
            <Typography variant="body2" data-testid="recovery-left">
              {t('airlock.mfa.recoveryLeft', { smart_count: status.recoveryCodesLeft })}
            </Typography>
            <Box>
              <Button variant="outlined" disabled={busy} onClick={() => void newCodes()}>
                {t('airlock.mfa.newRecoveryCodes')}
              </Button>
            </Box>
          </CardContent>
        </Card>
      ) : null}
      <RecoveryCodesDialog codes={codes} onClose={() => setCodes(null)} />
    </Box>
  );
}
