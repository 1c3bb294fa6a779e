import { Alert, Box, Button, CircularProgress, Divider, Link as MuiLink, TextField } from '@mui/material';
import LoginIcon from '@mui/icons-material/Login';
import { useEffect, useState, type FormEvent } from 'react';
import { useLogin, useNotify, useTranslate } from 'react-admin';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { apiSend, errorMessage } from '../api/http';
import { AuthCard } from './AuthCard';
import { SecondFactorForm, type SecondFactorMethod } from './SecondFactorForm';
import { knownOrgSlug, setSessionHint } from './session';
import type { LoginOutput, SsoDiscoveryOutput } from '@airlock/contracts/types';

/** The reasons the API gives for a refused single sign-on (?sso_error=), each with its own words. */
const SSO_ERRORS = new Set([
  'not_configured',
  'provider_unreachable',
  'state_invalid',
  'provider_error',
  'no_email',
  'email_unverified',
  'other_organization',
  'linked_to_other_identity',
  'not_provisioned',
  'disabled',
  'rate_limited',
  'choose_organization',
  'validation_failed',
  'domain_unverified',
  'signature_invalid',
  'response_expired',
  'audience_mismatch',
  'response_replayed',
  'unsolicited',
]);

/** GET /api/auth/sso/discover, when the address signs in through SSO. */
type Discovery = Extract<SsoDiscoveryOutput, { sso: true }>;

/** Local sign-in, and single sign-on through the organization's identity provider. */
export function LoginPage() {
  const t = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const ssoError = params.get('sso_error');
  // react-admin sends a signed-out visitor here with where they were going; SSO takes it along.
  const location = useLocation() as { state?: { nextPathname?: string; nextSearch?: string } | null };
  const returnTo = location.state?.nextPathname && location.state.nextPathname !== '/' ? `${location.state.nextPathname}${location.state.nextSearch ?? ''}` : null;
  const [org, setOrg] = useState(() => params.get('org') ?? knownOrgSlug());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mfaMethods, setMfaMethods] = useState<SecondFactorMethod[] | null>(null);
  // Opened for an organization (?org=): say so when it signs in with SSO only. A hint, nothing more:
  // the password form stays for its break-glass owner, and the API refuses everyone else anyway.
  const [ssoOnly, setSsoOnly] = useState(false);
  const orgParam = params.get('org');
  useEffect(() => {
    if (!orgParam || !/^[a-z0-9][a-z0-9-]{0,47}$/.test(orgParam)) return;
    let live = true;
    fetch(`/api/auth/sso/organization?org=${encodeURIComponent(orgParam)}`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? (r.json() as Promise<{ ssoOnly?: boolean }>) : null))
      .then((answer) => live && setSsoOnly(answer?.ssoOnly === true))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [orgParam]);

  // Home-realm discovery: an address of a domain an organization verified goes to that organization's
  // single sign-on. Asked once the typing pauses; the password form stays (break-glass owners).
  const [discovered, setDiscovered] = useState<(Discovery & { domain: string }) | null>(null);
  const typedDomain = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(email.trim())?.[1]?.toLowerCase() ?? null;
  useEffect(() => {
    if (!typedDomain) {
      setDiscovered(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      fetch(`/api/auth/sso/discover?email=${encodeURIComponent(email.trim())}`, { credentials: 'same-origin' })
        .then((r) => (r.ok ? (r.json() as Promise<SsoDiscoveryOutput>) : null))
        .then((answer) => live && setDiscovered(answer?.sso && answer.startUrl ? { ...answer, domain: typedDomain } : null))
        .catch(() => undefined);
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [email, typedDomain]);

  const continueWithSso = () => {
    if (!discovered?.startUrl) return;
    setSessionHint(true);
    const url = new URL(discovered.startUrl, window.location.origin);
    if (returnTo && /^\/(?![/\\])/.test(returnTo)) url.searchParams.set('returnTo', returnTo);
    window.location.assign(`${url.pathname}${url.search}`);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // No password typed and the address signs in with SSO: that is what Enter means.
    if (!password && discovered) {
      continueWithSso();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await apiSend<LoginOutput>('/api/auth/login', 'POST', { email: email.trim(), password });
      if (!answer.ok) {
        setPassword('');
        setMfaMethods(answer.methods);
        return;
      }
      await login({ signedIn: true });
    } catch (err) {
      setError(errorMessage(err));
      notify(errorMessage(err), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const sso = () => {
    setSessionHint(true);
    const query = new URLSearchParams({ org: org.trim() });
    if (returnTo && /^\/(?![/\\])/.test(returnTo)) query.set('returnTo', returnTo);
    window.location.assign(`/api/auth/sso/start?${query.toString()}`);
  };

  if (mfaMethods) {
    return (
      <AuthCard title={t('airlock.mfa.signInTitle')} subtitle={t('airlock.mfa.signInSubtitle')}>
        <SecondFactorForm
          idPrefix="sign-in"
          methods={mfaMethods}
          passkeyOptions={() => apiSend<PublicKeyCredentialRequestOptionsJSON>('/api/auth/mfa/sign-in/passkey-options', 'POST', {})}
          onSubmit={(factor) => login({ secondFactor: factor })}
        />
        <MuiLink component="button" type="button" variant="body2" sx={{ mt: 3 }} onClick={() => setMfaMethods(null)}>
          {t('airlock.mfa.startOver')}
        </MuiLink>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('airlock.login.title')} subtitle={t('airlock.login.subtitle')}>
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} aria-label={t('airlock.login.title')}>
        {error ? (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        ) : null}
        {ssoOnly ? (
          <Alert severity="info" data-testid="login-sso-only">
            {t('airlock.login.ssoOnly')}
          </Alert>
        ) : null}
        {ssoError && !error ? (
          <Alert severity="error" role="alert">
            {t(`airlock.login.ssoErrors.${SSO_ERRORS.has(ssoError) ? ssoError : 'other'}`, { code: ssoError })}
          </Alert>
        ) : null}
        <TextField
          id="login-email"
          label={t('airlock.login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          autoFocus
          fullWidth
        />
        {discovered ? (
          <Alert
            severity="info"
            data-testid="login-discovered"
            action={
              <Button color="inherit" size="small" variant="outlined" onClick={continueWithSso}>
                {t('airlock.login.continueSso')}
              </Button>
            }
          >
            {t('airlock.login.discovered', { domain: discovered.domain })}
          </Alert>
        ) : null}
        <TextField
          id="login-password"
          label={t('airlock.login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          fullWidth
        />
        <Button type="submit" variant="contained" size="large" disabled={busy || !email || !password} startIcon={busy ? <CircularProgress size={18} /> : <LoginIcon />}>
          {t('airlock.login.signIn')}
        </Button>
        <MuiLink component={Link} to="/reset-password" variant="body2" sx={{ alignSelf: 'flex-end' }}>
          {t('airlock.login.forgot')}
        </MuiLink>
      </Box>
      <Divider sx={{ my: 3 }}>{t('airlock.login.or')}</Divider>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <TextField
          id="login-org"
          label={t('airlock.login.organization')}
          helperText={t('airlock.login.organizationHelp')}
          value={org}
          onChange={(e) => setOrg(e.target.value)}
          autoComplete="organization"
          fullWidth
        />
        {org.trim() ? (
          <Button variant={ssoOnly ? 'contained' : 'outlined'} size="large" onClick={sso}>
            {t('airlock.login.sso')}
          </Button>
        ) : null}
      </Box>
    </AuthCard>
  );
}
