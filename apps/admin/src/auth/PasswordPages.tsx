import { Alert, Box, Button, Link as MuiLink, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router-dom';
import { apiSend, errorMessage } from '../api/http';
import { AuthCard } from './AuthCard';
import { PasswordStrength } from './PasswordStrength';

function BackToSignIn() {
  const t = useTranslate();
  return (
    <MuiLink component={Link} to="/login" variant="body2">
      {t('airlock.password.backToLogin')}
    </MuiLink>
  );
}

/** Choose a password with a one-time token (invitation or reset link). */
function ConfirmForm({ token, mode }: { token: string; mode: 'invite' | 'reset' }) {
  const t = useTranslate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // false only when the estimator says the API would refuse it (it has the last word either way).
  const [acceptable, setAcceptable] = useState<boolean | null>(null);
  const tooShort = password.length > 0 && password.length < 12;
  const mismatch = repeat.length > 0 && repeat !== password;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // An invitation sets the first password (and may fix the name); a reset link replaces it.
      if (mode === 'invite') await apiSend('/api/auth/invitations/accept', 'POST', { token, password, ...(name.trim() ? { name: name.trim() } : {}) });
      else await apiSend('/api/auth/password-reset/confirm', 'POST', { token, password });
      setDone(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Alert severity="success">{t(mode === 'invite' ? 'airlock.password.inviteDone' : 'airlock.password.resetDone')}</Alert>
        <Button component={Link} to="/login" variant="contained">
          {t('airlock.login.signIn')}
        </Button>
      </Box>
    );
  }
  return (
    <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {error ? <Alert severity="error">{error}</Alert> : null}
      {mode === 'invite' ? (
        <TextField id="invite-name" label={t('airlock.password.name')} helperText={t('airlock.password.nameHelp')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} fullWidth />
      ) : null}
      <TextField
        id="new-password"
        label={t('airlock.password.new')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={tooShort}
        helperText={t('airlock.password.rules')}
        required
        fullWidth
      />
      <PasswordStrength password={password} userInputs={name.trim() ? [name.trim()] : []} onEstimate={setAcceptable} />
      <TextField
        id="repeat-password"
        label={t('airlock.password.repeat')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={mismatch}
        helperText={mismatch ? t('airlock.password.mismatch') : ' '}
        required
        fullWidth
      />
      <Button type="submit" variant="contained" disabled={busy || password.length < 12 || password !== repeat || acceptable === false}>
        {t(mode === 'invite' ? 'airlock.password.acceptInvite' : 'airlock.password.setPassword')}
      </Button>
      <BackToSignIn />
    </Box>
  );
}

export function AcceptInvitePage() {
  const t = useTranslate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <AuthCard title={t('airlock.password.inviteTitle')} subtitle={t('airlock.password.inviteSubtitle')}>
      {token ? <ConfirmForm token={token} mode="invite" /> : <Alert severity="error">{t('airlock.password.noToken')}</Alert>}
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const t = useTranslate();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (token) {
    return (
      <AuthCard title={t('airlock.password.resetTitle')}>
        <ConfirmForm token={token} mode="reset" />
      </AuthCard>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await apiSend('/api/auth/password-reset/request', 'POST', { email });
      setSent(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <AuthCard title={t('airlock.password.resetTitle')} subtitle={t('airlock.password.resetSubtitle')}>
      {sent ? (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Alert severity="success">{t('airlock.password.resetSent')}</Alert>
          <BackToSignIn />
        </Box>
      ) : (
        <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          {error ? <Alert severity="error">{error}</Alert> : null}
          <TextField id="reset-email" label={t('airlock.login.email')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required fullWidth />
          <Button type="submit" variant="contained" disabled={!email}>
            {t('airlock.password.sendLink')}
          </Button>
          <BackToSignIn />
        </Box>
      )}
    </AuthCard>
  );
}
