import { Dialog, DialogContent, DialogContentText, DialogTitle, Button, DialogActions } from '@mui/material';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { apiGet, apiSend, setStepUpHandler } from '../api/http';
import { SecondFactorForm, type SecondFactorMethod } from './SecondFactorForm';
import type { MfaStatusOutput } from '@airlock/contracts/types';


/**
 * The step-up prompt: when an action answers 403 step_up_required, the HTTP client waits on this
 * dialog (a code, a passkey or a recovery code), then retries the action once.
 */
export function StepUpDialog() {
  const t = useTranslate();
  const [request, setRequest] = useState<{ resolve: (ok: boolean) => void; methods: SecondFactorMethod[] } | null>(null);

  useEffect(() => {
    setStepUpHandler(async () => {
      const status = await apiGet<MfaStatusOutput>('/api/auth/mfa');
      const methods: SecondFactorMethod[] = [];
      if (status.totp) methods.push('totp');
      if (status.passkeys.length) methods.push('passkey');
      if (status.recoveryCodesLeft > 0) methods.push('recovery_code');
      return new Promise<boolean>((resolve) => setRequest({ resolve, methods }));
    });
    return () => setStepUpHandler(null);
  }, []);

  const close = (ok: boolean) => {
    request?.resolve(ok);
    setRequest(null);
  };

  return (
    <Dialog open={request !== null} onClose={() => close(false)} aria-labelledby="step-up-title" fullWidth maxWidth="xs">
      <DialogTitle id="step-up-title">{t('airlock.mfa.stepUpTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('airlock.mfa.stepUpText')}</DialogContentText>
        {request ? (
          <SecondFactorForm
            idPrefix="step-up"
            methods={request.methods}
            passkeyOptions={() => apiSend<PublicKeyCredentialRequestOptionsJSON>('/api/auth/mfa/step-up/passkey-options', 'POST', {})}
            onSubmit={async (factor) => {
              await apiSend('/api/auth/mfa/step-up', 'POST', factor);
              close(true);
            }}
          />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => close(false)}>{t('ra.action.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
