import { Alert, Box, Button, CircularProgress, Link, TextField } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { useBusyAction } from '../common/hooks';

import type { SecondFactorMethod } from '@airlock/contracts/constants';

export type { SecondFactorMethod };
export type SecondFactor = { method: 'totp' | 'recovery_code'; code: string } | { method: 'passkey'; response: unknown };

/**
 * The second factor, at sign-in and for a step-up: a code from the authenticator app, a passkey,
 * or a recovery code. `passkeyOptions` asks the API for a WebAuthn challenge.
 */
export function SecondFactorForm({
  methods,
  onSubmit,
  passkeyOptions,
  idPrefix,
}: {
  methods: SecondFactorMethod[];
  onSubmit: (factor: SecondFactor) => Promise<void>;
  passkeyOptions: () => Promise<PublicKeyCredentialRequestOptionsJSON>;
  idPrefix: string;
}) {
  const t = useTranslate();
  const hasTotp = methods.includes('totp');
  const [useRecovery, setUseRecovery] = useState(!hasTotp && !methods.includes('passkey'));
  const [code, setCode] = useState('');
  const { busy, error, run } = useBusyAction();


  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    void run(() => onSubmit({ method: useRecovery ? 'recovery_code' : 'totp', code }));
  };

  const passkey = () =>
    run(async () => {
      const optionsJSON = await passkeyOptions();
      const response = await startAuthentication({ optionsJSON });
      await onSubmit({ method: 'passkey', response });
    });

  const showCodeForm = useRecovery || hasTotp;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {error ? (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      ) : null}
      {methods.includes('passkey') ? (
        <Button variant={hasTotp ? 'outlined' : 'contained'} size="large" startIcon={<KeyIcon />} onClick={() => void passkey()} disabled={busy}>
          {t('airlock.mfa.usePasskey')}
        </Button>
      ) : null}
      {showCodeForm ? (
        <Box component="form" onSubmit={submitCode} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <TextField
            id={`${idPrefix}-code`}
            label={useRecovery ? t('airlock.mfa.recoveryCode') : t('airlock.mfa.totpCode')}
            helperText={useRecovery ? t('airlock.mfa.recoveryCodeHelp') : t('airlock.mfa.totpCodeHelp')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="one-time-code"
            slotProps={{ htmlInput: useRecovery ? { spellCheck: false, autoCapitalize: 'none' } : { inputMode: 'numeric', pattern: '[0-9 ]*' } }}
            autoFocus
            required
            fullWidth
          />
          <Button type="submit" variant="contained" size="large" disabled={busy || !code.trim()} startIcon={busy ? <CircularProgress size={18} /> : undefined}>
            {t('airlock.mfa.verify')}
          </Button>
        </Box>
      ) : null}
      {methods.includes('recovery_code') && hasTotp ? (
        <Link component="button" type="button" variant="body2" sx={{ alignSelf: 'flex-start' }} onClick={() => { setUseRecovery(!useRecovery); setCode(''); }}>
          {useRecovery ? t('airlock.mfa.useApp') : t('airlock.mfa.useRecoveryCode')}
        </Link>
      ) : null}
      {methods.includes('recovery_code') && !hasTotp && !useRecovery ? (
        <Link component="button" type="button" variant="body2" sx={{ alignSelf: 'flex-start' }} onClick={() => setUseRecovery(true)}>
          {t('airlock.mfa.useRecoveryCode')}
        </Link>
      ) : null}
    </Box>
  );
}
