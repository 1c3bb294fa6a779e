import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  IconButton,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { HttpError, Title, useNotify, useTranslate } from 'react-admin';
import { ROLES, type Role, type SsoProtocol } from '@airlock/contracts/constants';
import type { SamlCertificateInfo, SamlMetadataOutput, SsoConnectionCheck, SsoConnectionOutput, UserOutput } from '@airlock/contracts/types';
import { apiSend, errorMessage } from '../api/http';
import { useApi, usePermission } from '../common/hooks';
import { SsoDomains } from './SsoDomains';
import { SsoGroupMappings } from './SsoGroupMappings';

/**
 * Attribute names per identity provider, as their SAML applications send them by default (Okta's
 * and Google's attribute statements are named by the admin: these are the names docs/sso.md asks for).
 */
const ATTRIBUTE_PRESETS: Record<'okta' | 'entra' | 'google', { email: string; name: string; groups: string }> = {
  okta: { email: 'email', name: 'name', groups: 'groups' },
  entra: {
    email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    name: 'http://schemas.microsoft.com/identity/claims/displayname',
    groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  },
  google: { email: '', name: 'name', groups: 'groups' },
};

/** The PEM blocks of a text box (one or more certificates; a bare base64 one counts as one). */
function certificatesIn(text: string): string[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (blocks) return blocks.map((b) => b.trim());
  return text.trim() ? [text.trim()] : [];
}

/**
 * GET /api/sso-connection: the connection as the API shows it (the client secret never comes back),
 * read field by field whichever branch it is (set up, or only what to register at the provider).
 */
type SsoConnectionView = Partial<Omit<Extract<SsoConnectionOutput, { protocol: unknown }>, 'id'>> & Pick<SsoConnectionOutput, 'id' | 'configured' | 'callbackUrl'>;

/** An owner who could be the break-glass owner (GET /api/users, owners only). */
type OwnerRow = Pick<UserOutput, 'id' | 'email' | 'name' | 'disabled' | 'hasPassword'>;

interface FormState {
  protocol: SsoProtocol;
  samlIdpEntityId: string;
  samlSsoUrl: string;
  samlSloUrl: string;
  samlCertificates: string;
  samlMetadataUrl: string;
  samlEmailAttribute: string;
  samlNameAttribute: string;
  samlGroupsAttribute: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  mappings: { value: string; role: Role }[];
  defaultRole: Role;
  allowJit: boolean;
  enabled: boolean;
  ssoOnly: boolean;
  breakGlassOwner: string;
}

function formOf(c: SsoConnectionView): FormState {
  return {
    protocol: c.protocol ?? 'oidc',
    samlIdpEntityId: c.samlIdpEntityId ?? '',
    samlSsoUrl: c.samlSsoUrl ?? '',
    samlSloUrl: c.samlSloUrl ?? '',
    samlCertificates: (c.samlIdpCertificates ?? []).join('\n'),
    samlMetadataUrl: c.samlMetadataUrl ?? '',
    samlEmailAttribute: c.samlEmailAttribute ?? '',
    samlNameAttribute: c.samlNameAttribute ?? '',
    samlGroupsAttribute: c.samlGroupsAttribute ?? '',
    issuer: c.issuer ?? '',
    clientId: c.clientId ?? '',
    clientSecret: '',
    scopes: c.scopes ?? 'openid email profile',
    groupsClaim: c.groupsClaim ?? 'groups',
    mappings: Object.entries(c.roleMappings ?? {}).map(([value, role]) => ({ value, role })),
    defaultRole: c.defaultRole ?? 'employee',
    allowJit: c.allowJit ?? true,
    enabled: c.enabled ?? true,
    ssoOnly: c.ssoOnly ?? false,
    breakGlassOwner: c.breakGlassOwner ?? '',
  };
}

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1.5 }}>
      <TextField
        label={label}
        value={value}
        fullWidth
        size="small"
        slotProps={{ htmlInput: { readOnly: true, 'data-testid': testId, style: { fontFamily: 'monospace' } } }}
        onFocus={(e) => e.target.select()}
      />
      <Tooltip title={copied ? t('airlock.apiClients.copied') : t('airlock.apiClients.copy')}>
        <IconButton
          aria-label={`${t('airlock.apiClients.copy')}: ${label}`}
          onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true), () => undefined)}
        >
          <ContentCopyIcon />
        </IconButton>
      </Tooltip>
    </Box>
  );
}

function CheckResult({ check }: { check: SsoConnectionCheck }) {
  const t = useTranslate();
  if (!check.ok) {
    return (
      <Alert severity="error" data-testid="sso-check" sx={{ mt: 2 }}>
        {check.message}
      </Alert>
    );
  }
  if (check.certificates) {
    return (
      <Alert severity={check.certificates.some((c) => c.expired || c.expiresSoon) ? 'warning' : 'success'} data-testid="sso-check" sx={{ mt: 2 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {t('airlock.sso.check.samlOk', { smart_count: check.certificates.length })}
        </Typography>
        <CertificateList certificates={check.certificates} />
      </Alert>
    );
  }
  const notes: string[] = [];
  if (check.unlistedScopes?.length) notes.push(t('airlock.sso.check.unlistedScopes', { scopes: check.unlistedScopes.join(', ') }));
  if (check.groupsClaimListed === false) notes.push(t('airlock.sso.check.groupsClaimUnlisted'));
  if (!check.pkceS256) notes.push(t('airlock.sso.check.noPkce'));
  return (
    <Alert severity={notes.length ? 'warning' : 'success'} data-testid="sso-check" sx={{ mt: 2 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t('airlock.sso.check.ok', { ms: Math.round(check.durationMs) })}
      </Typography>
      <Typography variant="body2">{t('airlock.sso.check.endpoints', { authorization: check.authorizationEndpoint ?? '—', token: check.tokenEndpoint ?? '—' })}</Typography>
      {notes.map((n) => (
        <Typography key={n} variant="body2">
          {n}
        </Typography>
      ))}
    </Alert>
  );
}

/** The identity provider's signing certificates: whom they name, until when, their fingerprint. */
function CertificateList({ certificates }: { certificates: SamlCertificateInfo[] }) {
  const t = useTranslate();
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="saml-certificates">
      {certificates.map((c) => (
        <Typography component="li" variant="body2" key={c.sha256 || c.subject}>
          {t(c.expired ? 'airlock.sso.saml.certificateExpired' : c.expiresSoon ? 'airlock.sso.saml.certificateExpiresSoon' : 'airlock.sso.saml.certificate', {
            subject: c.subject,
            date: c.notAfter ? new Date(c.notAfter).toLocaleDateString() : '—',
          })}
          <Typography component="span" variant="caption" sx={{ display: 'block', fontFamily: 'monospace', wordBreak: 'break-all' }} color="text.secondary">
            SHA-256 {c.sha256}
          </Typography>
        </Typography>
      ))}
    </Box>
  );
}

/** An on/off setting of the connection with its explanation under it. */
function SwitchField({ field, form, set, disabled }: { field: 'allowJit' | 'enabled' | 'ssoOnly'; form: FormState; set: <K extends keyof FormState>(key: K, value: FormState[K]) => void; disabled: boolean }) {
  const t = useTranslate();
  return (
    <Box>
      <FormControlLabel control={<Switch checked={form[field]} onChange={(e) => set(field, e.target.checked)} disabled={disabled} />} label={t(`airlock.sso.fields.${field}`)} />
      <Typography variant="caption" color="text.secondary" component="div">
        {t(`airlock.sso.help.${field}`)}
      </Typography>
    </Box>
  );
}

/** The organization's single sign-on (OpenID Connect): what to register at the provider, the connection, and its state. */
export default function SsoPage() {
  const t = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const canWrite = usePermission('settings.write');
  const { data, error, refetch } = useApi<SsoConnectionView>('/api/sso-connection');
  // Owners who can be the break-glass owner: enabled, with a password (the API checks it again).
  const { data: owners } = useApi<OwnerRow[]>(canWrite ? `/api/users?filter=${encodeURIComponent(JSON.stringify({ role: 'owner' }))}&range=${encodeURIComponent('[0,199]')}` : null, { retry: false });
  const [form, setForm] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [check, setCheck] = useState<SsoConnectionCheck | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | 'metadata' | null>(null);
  const [metadataError, setMetadataError] = useState<string | null>(null);
  const [certificates, setCertificates] = useState<SamlCertificateInfo[] | null>(null);

  useEffect(() => {
    if (data && !form) setForm(formOf(data));
  }, [data, form]);

  if (error) return <Alert severity="error">{errorMessage(error)}</Alert>;
  if (!data || !form) return null;

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm({ ...form, [key]: value });
  const fieldError = (key: string) => (errors[key] ? { error: true, helperText: errors[key] } : {});
  const roleChoices = ROLES.map((r) => (
    <MenuItem key={r} value={r}>
      {t(`airlock.role.${r}`)}
    </MenuItem>
  ));

  const samlFields = () => ({
    samlIdpEntityId: form.samlIdpEntityId.trim(),
    samlSsoUrl: form.samlSsoUrl.trim(),
    samlIdpCertificates: certificatesIn(form.samlCertificates),
  });

  const test = async () => {
    setBusy('test');
    setCheck(null);
    try {
      const input =
        form.protocol === 'saml'
          ? { protocol: 'saml', ...samlFields(), samlSsoUrl: form.samlSsoUrl.trim() || undefined }
          : { protocol: 'oidc', issuer: form.issuer.trim(), clientId: form.clientId.trim() || undefined, scopes: form.scopes.trim() || undefined, groupsClaim: form.groupsClaim.trim() || undefined };
      setCheck(await apiSend<SsoConnectionCheck>('/api/sso-connection/test', 'POST', input));
    } catch (err) {
      setCheck({ ok: false, issuer: form.issuer, durationMs: 0, message: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  /** "Load": the identity provider's metadata (its URL, or a file's XML) into the form, nothing saved. */
  const loadMetadata = async (input: { url: string } | { xml: string }) => {
    setBusy('metadata');
    setMetadataError(null);
    try {
      const meta = await apiSend<SamlMetadataOutput>('/api/sso-connection/saml-metadata', 'POST', input);
      setForm({
        ...form,
        samlIdpEntityId: meta.samlIdpEntityId,
        samlSsoUrl: meta.samlSsoUrl,
        samlSloUrl: meta.samlSloUrl ?? '',
        samlCertificates: meta.samlIdpCertificates.join('\n'),
        samlMetadataUrl: meta.samlMetadataUrl ?? '',
      });
      setCertificates(meta.certificates);
      notify('airlock.sso.saml.metadataLoaded', { type: 'info' });
    } catch (err) {
      setMetadataError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const uploadMetadata = (file: File | undefined) => {
    if (!file) return;
    if (file.size > 1_000_000) {
      setMetadataError(t('airlock.sso.saml.fileTooLarge'));
      return;
    }
    void file.text().then((xml) => loadMetadata({ xml }));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    setErrors({});
    setSaveError(null);
    try {
      const protocolFields =
        form.protocol === 'saml'
          ? {
              ...samlFields(),
              samlSloUrl: form.samlSloUrl.trim() || null,
              samlMetadataUrl: form.samlMetadataUrl.trim() || null,
              samlEmailAttribute: form.samlEmailAttribute.trim() || null,
              samlNameAttribute: form.samlNameAttribute.trim() || null,
              samlGroupsAttribute: form.samlGroupsAttribute.trim() || null,
            }
          : {
              issuer: form.issuer.trim(),
              clientId: form.clientId.trim(),
              ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
              scopes: form.scopes.trim(),
              groupsClaim: form.groupsClaim.trim(),
            };
      const saved = await apiSend<SsoConnectionView>('/api/sso-connection', 'PUT', {
        protocol: form.protocol,
        ...protocolFields,
        roleMappings: Object.fromEntries(form.mappings.filter((m) => m.value.trim()).map((m) => [m.value.trim(), m.role])),
        defaultRole: form.defaultRole,
        allowJit: form.allowJit,
        enabled: form.enabled,
        ssoOnly: form.ssoOnly,
        breakGlassOwner: form.breakGlassOwner.trim() || null,
      });
      setForm(formOf(saved));
      setCertificates(null);
      notify('airlock.sso.saved', { type: 'info' });
      await queryClient.invalidateQueries({ queryKey: ['api', '/api/sso-connection'] });
      void refetch();
    } catch (err) {
      if (err instanceof HttpError) {
        const body = err.body as { errors?: Record<string, string>; details?: { check?: SsoConnectionCheck } } | undefined;
        setErrors(body?.errors ?? {});
        const failedCheck = (body as { error?: { details?: { check?: SsoConnectionCheck } } } | undefined)?.error?.details?.check;
        if (failedCheck) setCheck(failedCheck);
      }
      setSaveError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const state = !data.configured ? 'notConfigured' : data.enabled ? 'enabled' : 'disabled';
  return (
    <Box sx={{ maxWidth: 880 }}>
      <Title title={t('airlock.sso.title')} />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2, mb: 2 }}>
        {t('airlock.sso.intro')}
      </Typography>

      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2">
              {t('airlock.sso.state')}
            </Typography>
            <Chip data-testid="sso-state" label={t(`airlock.sso.states.${state}`)} color={state === 'enabled' ? 'success' : 'default'} size="small" />
          </Stack>
          {data.configured ? (
            <Typography variant="body2" data-testid="sso-usage">
              {t('airlock.sso.usage', { smart_count: data.ssoUsers ?? 0, last: data.lastSignInAt ? new Date(data.lastSignInAt).toLocaleString() : t('airlock.sso.never') })}
            </Typography>
          ) : (
            <Typography variant="body2">{t('airlock.sso.firstSteps')}</Typography>
          )}
        </CardContent>
      </Card>

      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('airlock.sso.register')}
          </Typography>
          {form.protocol === 'saml' && data.saml ? (
            <>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {t('airlock.sso.saml.registerHelp')}
              </Typography>
              <Button variant="outlined" startIcon={<DownloadIcon />} href={`${data.saml.metadataUrl}?download`} sx={{ mb: 2 }} data-testid="saml-sp-metadata">
                {t('airlock.sso.saml.downloadMetadata')}
              </Button>
              <CopyField label={t('airlock.sso.saml.acsUrl')} value={data.saml.acsUrl} testId="saml-acs-url" />
              <CopyField label={t('airlock.sso.saml.entityId')} value={data.saml.entityId} testId="saml-entity-id" />
              <CopyField label={t('airlock.sso.saml.sloUrl')} value={data.saml.sloUrl} testId="saml-slo-url" />
              <CopyField label={t('airlock.sso.saml.metadataUrl')} value={data.saml.metadataUrl} testId="saml-metadata-url" />
            </>
          ) : (
            <>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {t('airlock.sso.registerHelp')}
              </Typography>
              <CopyField label={t('airlock.sso.callbackUrl')} value={data.callbackUrl} testId="sso-callback-url" />
              {data.postLogoutRedirectUri ? <CopyField label={t('airlock.sso.postLogoutRedirectUri')} value={data.postLogoutRedirectUri} testId="sso-post-logout-url" /> : null}
            </>
          )}
          {data.signInUrl ? <CopyField label={t('airlock.sso.signInUrl')} value={data.signInUrl} testId="sso-sign-in-url" /> : null}
          {data.organizationSlug ? (
            <Typography variant="body2" color="text.secondary">
              {t('airlock.sso.organizationSlug', { slug: data.organizationSlug })}
            </Typography>
          ) : null}
        </CardContent>
      </Card>

      <Card component="form" onSubmit={(e: FormEvent) => void save(e)} noValidate>
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
            {t('airlock.sso.connection')}
          </Typography>
          <Stack spacing={2}>
            <Box>
              <Typography variant="subtitle1" component="h3" id="sso-protocol-label">
                {t('airlock.sso.fields.protocol')}
              </Typography>
              <RadioGroup row aria-labelledby="sso-protocol-label" value={form.protocol} onChange={(e) => set('protocol', e.target.value as SsoProtocol)}>
                <FormControlLabel value="oidc" control={<Radio />} label={t('airlock.sso.protocols.oidc')} disabled={!canWrite} />
                <FormControlLabel value="saml" control={<Radio />} label={t('airlock.sso.protocols.saml')} disabled={!canWrite} />
              </RadioGroup>
              <Typography variant="caption" color="text.secondary" component="div">
                {t('airlock.sso.help.protocol')}
              </Typography>
            </Box>
            {form.protocol === 'oidc' ? (
              <>
            <TextField label={t('airlock.sso.fields.issuer')} value={form.issuer} onChange={(e) => set('issuer', e.target.value)} required disabled={!canWrite} helperText={t('airlock.sso.help.issuer')} {...fieldError('issuer')} />
            <TextField label={t('airlock.sso.fields.clientId')} value={form.clientId} onChange={(e) => set('clientId', e.target.value)} required disabled={!canWrite} helperText={t('airlock.sso.help.clientId')} {...fieldError('clientId')} />
            <TextField
              label={t('airlock.sso.fields.clientSecret')}
              type="password"
              autoComplete="new-password"
              value={form.clientSecret}
              onChange={(e) => set('clientSecret', e.target.value)}
              disabled={!canWrite}
              helperText={data.clientSecretSet ? t('airlock.sso.help.clientSecretKept') : t('airlock.sso.help.clientSecretNew')}
              {...fieldError('clientSecret')}
            />
            <TextField label={t('airlock.sso.fields.scopes')} value={form.scopes} onChange={(e) => set('scopes', e.target.value)} disabled={!canWrite} helperText={t('airlock.sso.help.scopes')} {...fieldError('scopes')} />
            <TextField label={t('airlock.sso.fields.groupsClaim')} value={form.groupsClaim} onChange={(e) => set('groupsClaim', e.target.value)} disabled={!canWrite} helperText={t('airlock.sso.help.groupsClaim')} {...fieldError('groupsClaim')} />

              </>
            ) : (
              <>
                <Box>
                  <Typography variant="subtitle1" component="h3">
                    {t('airlock.sso.saml.idpMetadata')}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {t('airlock.sso.saml.idpMetadataHelp')}
                  </Typography>
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
                    <TextField
                      label={t('airlock.sso.saml.fields.metadataUrl')}
                      value={form.samlMetadataUrl}
                      onChange={(e) => set('samlMetadataUrl', e.target.value)}
                      disabled={!canWrite}
                      size="small"
                      fullWidth
                      helperText={t('airlock.sso.saml.help.metadataUrl')}
                    />
                    <Button variant="outlined" disabled={!canWrite || busy !== null || !form.samlMetadataUrl.trim()} onClick={() => void loadMetadata({ url: form.samlMetadataUrl.trim() })}>
                      {t('airlock.sso.saml.load')}
                    </Button>
                    <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={!canWrite || busy !== null} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
                      {t('airlock.sso.saml.upload')}
                      <input
                        type="file"
                        hidden
                        accept=".xml,application/xml,text/xml,application/samlmetadata+xml"
                        data-testid="saml-metadata-file"
                        onChange={(e) => {
                          uploadMetadata(e.target.files?.[0]);
                          e.target.value = '';
                        }}
                      />
                    </Button>
                  </Stack>
                  {metadataError ? (
                    <Alert severity="error" sx={{ mt: 1 }} role="alert" data-testid="saml-metadata-error">
                      {metadataError}
                    </Alert>
                  ) : null}
                </Box>
                <TextField label={t('airlock.sso.saml.fields.entityId')} value={form.samlIdpEntityId} onChange={(e) => set('samlIdpEntityId', e.target.value)} required disabled={!canWrite} helperText={t('airlock.sso.saml.help.entityId')} {...fieldError('samlIdpEntityId')} />
                <TextField label={t('airlock.sso.saml.fields.ssoUrl')} value={form.samlSsoUrl} onChange={(e) => set('samlSsoUrl', e.target.value)} required disabled={!canWrite} helperText={t('airlock.sso.saml.help.ssoUrl')} {...fieldError('samlSsoUrl')} />
                <TextField label={t('airlock.sso.saml.fields.sloUrl')} value={form.samlSloUrl} onChange={(e) => set('samlSloUrl', e.target.value)} disabled={!canWrite} helperText={t('airlock.sso.saml.help.sloUrl')} {...fieldError('samlSloUrl')} />
                <TextField
                  label={t('airlock.sso.saml.fields.certificates')}
                  value={form.samlCertificates}
                  onChange={(e) => set('samlCertificates', e.target.value)}
                  required
                  multiline
                  minRows={3}
                  maxRows={10}
                  disabled={!canWrite}
                  helperText={errors.samlIdpCertificates ?? t('airlock.sso.saml.help.certificates')}
                  error={!!errors.samlIdpCertificates}
                  slotProps={{ htmlInput: { style: { fontFamily: 'monospace', fontSize: 12 } } }}
                />
                {(certificates ?? data.samlCertificates ?? []).length ? <CertificateList certificates={certificates ?? data.samlCertificates ?? []} /> : null}
                <Box>
                  <Typography variant="subtitle1" component="h3">
                    {t('airlock.sso.saml.attributes')}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {t('airlock.sso.saml.attributesHelp')}
                  </Typography>
                  <Stack direction="row" spacing={1} sx={{ mb: 1.5, flexWrap: 'wrap' }}>
                    {(['okta', 'entra', 'google'] as const).map((p) => (
                      <Button
                        key={p}
                        size="small"
                        disabled={!canWrite}
                        onClick={() => setForm({ ...form, samlEmailAttribute: ATTRIBUTE_PRESETS[p].email, samlNameAttribute: ATTRIBUTE_PRESETS[p].name, samlGroupsAttribute: ATTRIBUTE_PRESETS[p].groups })}
                      >
                        {t(`airlock.sso.saml.presets.${p}`)}
                      </Button>
                    ))}
                  </Stack>
                  <Stack spacing={2}>
                    <TextField size="small" label={t('airlock.sso.saml.fields.emailAttribute')} value={form.samlEmailAttribute} onChange={(e) => set('samlEmailAttribute', e.target.value)} disabled={!canWrite} helperText={t('airlock.sso.saml.help.emailAttribute')} />
                    <TextField size="small" label={t('airlock.sso.saml.fields.nameAttribute')} value={form.samlNameAttribute} onChange={(e) => set('samlNameAttribute', e.target.value)} disabled={!canWrite} helperText={t('airlock.sso.saml.help.nameAttribute')} />
                    <TextField size="small" label={t('airlock.sso.saml.fields.groupsAttribute')} value={form.samlGroupsAttribute} onChange={(e) => set('samlGroupsAttribute', e.target.value)} disabled={!canWrite} helperText={t('airlock.sso.saml.help.groupsAttribute')} />
                  </Stack>
                </Box>
              </>
            )}

            <Box>
              <Typography variant="subtitle1" component="h3">
                {t('airlock.sso.fields.roleMappings')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {t('airlock.sso.help.roleMappings')}
              </Typography>
              {form.mappings.map((m, i) => (
                <Stack key={i} direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
                  <TextField
                    size="small"
                    label={t('airlock.sso.fields.groupValue')}
                    value={m.value}
                    disabled={!canWrite}
                    onChange={(e) => set('mappings', form.mappings.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                    sx={{ flex: 2 }}
                  />
                  <TextField
                    size="small"
                    select
                    label={t('airlock.sso.fields.role')}
                    value={m.role}
                    disabled={!canWrite}
                    onChange={(e) => set('mappings', form.mappings.map((x, j) => (j === i ? { ...x, role: e.target.value as Role } : x)))}
                    sx={{ flex: 1 }}
                  >
                    {roleChoices}
                  </TextField>
                  <IconButton aria-label={t('airlock.sso.removeMapping', { value: m.value || '—' })} disabled={!canWrite} onClick={() => set('mappings', form.mappings.filter((_, j) => j !== i))}>
                    <DeleteIcon />
                  </IconButton>
                </Stack>
              ))}
              {errors.roleMappings ? (
                <Typography variant="caption" color="error">
                  {errors.roleMappings}
                </Typography>
              ) : null}
              <Button startIcon={<AddIcon />} disabled={!canWrite} onClick={() => set('mappings', [...form.mappings, { value: '', role: 'analyst' }])}>
                {t('airlock.sso.addMapping')}
              </Button>
            </Box>

            <TextField select label={t('airlock.sso.fields.defaultRole')} value={form.defaultRole} onChange={(e) => set('defaultRole', e.target.value as Role)} disabled={!canWrite} helperText={t('airlock.sso.help.defaultRole')}>
              {roleChoices}
            </TextField>
            <SwitchField field="allowJit" form={form} set={set} disabled={!canWrite} />
            <SwitchField field="enabled" form={form} set={set} disabled={!canWrite} />
            <SwitchField field="ssoOnly" form={form} set={set} disabled={!canWrite} />
            {owners ? (
              <TextField
                select
                label={t('airlock.sso.fields.breakGlassOwner')}
                value={form.breakGlassOwner}
                onChange={(e) => set('breakGlassOwner', e.target.value)}
                disabled={!canWrite}
                required={form.ssoOnly}
                helperText={t('airlock.sso.help.breakGlassOwner')}
                slotProps={{ htmlInput: { 'data-testid': 'sso-break-glass' } }}
              >
                <MenuItem value="">{t('airlock.sso.noBreakGlass')}</MenuItem>
                {owners
                  .filter((o) => (!o.disabled && o.hasPassword) || o.email === form.breakGlassOwner)
                  .map((o) => (
                    <MenuItem key={o.id} value={o.email}>
                      {o.name ? `${o.name} <${o.email}>` : o.email}
                    </MenuItem>
                  ))}
              </TextField>
            ) : (
              <TextField
                label={t('airlock.sso.fields.breakGlassOwner')}
                value={form.breakGlassOwner}
                onChange={(e) => set('breakGlassOwner', e.target.value)}
                disabled={!canWrite}
                required={form.ssoOnly}
                helperText={t('airlock.sso.help.breakGlassOwner')}
              />
            )}
          </Stack>

          {check ? <CheckResult check={check} /> : null}
          {saveError ? (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {saveError}
            </Alert>
          ) : null}
          {canWrite ? (
            <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
              <Button variant="outlined" onClick={() => void test()} disabled={busy !== null || (form.protocol === 'oidc' ? !form.issuer.trim() : !form.samlCertificates.trim())}>
                {t('airlock.sso.test')}
              </Button>
              <Button type="submit" variant="contained" disabled={busy !== null}>
                {t('ra.action.save')}
              </Button>
              {data.configured ? (
                <Tooltip title={t('airlock.sso.trial.help')} describeChild>
                  <Button onClick={() => window.open('/api/auth/sso/test', 'airlock-sso-test', 'popup=yes,width=720,height=800')} disabled={busy !== null}>
                    {t('airlock.sso.trial.button')}
                  </Button>
                </Tooltip>
              ) : null}
            </Stack>
          ) : (
            <Alert severity="info" sx={{ mt: 2 }}>
              {t('airlock.settings.readOnly')}
            </Alert>
          )}
        </CardContent>
      </Card>

      <SsoGroupMappings />
      <SsoDomains canWrite={canWrite} />
    </Box>
  );
}
