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
  Stack,
  Switch,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { HttpError, Title, useNotify, useTranslate } from 'react-admin';
import { ROLES, type Role } from '@airlock/contracts/constants';
import type { SsoConnectionCheck } from '@airlock/contracts/types';
import { apiSend, errorMessage } from '../api/http';
import { useApi, usePermission } from '../common/hooks';

/** GET /api/sso-connection: the connection as the API shows it (the client secret never comes back). */
interface SsoConnectionView {
  configured: boolean;
  callbackUrl: string;
  issuer?: string;
  clientId?: string;
  clientSecretSet?: boolean;
  scopes?: string;
  groupsClaim?: string;
  roleMappings?: Record<string, Role>;
  defaultRole?: Role;
  allowJit?: boolean;
  enabled?: boolean;
  organizationSlug?: string;
  signInUrl?: string;
  ssoUsers?: number;
  lastSignInAt?: string | null;
  ssoOnly?: boolean;
  breakGlassOwner?: string | null;
  postLogoutRedirectUri?: string;
}

/** An owner who could be the break-glass owner (GET /api/users, owners only). */
interface OwnerRow {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  hasPassword: boolean;
}

interface FormState {
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
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);

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

  const test = async () => {
    setBusy('test');
    setCheck(null);
    try {
      setCheck(await apiSend<SsoConnectionCheck>('/api/sso-connection/test', 'POST', { issuer: form.issuer.trim(), clientId: form.clientId.trim() || undefined, scopes: form.scopes.trim() || undefined, groupsClaim: form.groupsClaim.trim() || undefined }));
    } catch (err) {
      setCheck({ ok: false, issuer: form.issuer, durationMs: 0, message: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    setErrors({});
    setSaveError(null);
    try {
      const saved = await apiSend<SsoConnectionView>('/api/sso-connection', 'PUT', {
        issuer: form.issuer.trim(),
        clientId: form.clientId.trim(),
        ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
        scopes: form.scopes.trim(),
        groupsClaim: form.groupsClaim.trim(),
        roleMappings: Object.fromEntries(form.mappings.filter((m) => m.value.trim()).map((m) => [m.value.trim(), m.role])),
        defaultRole: form.defaultRole,
        allowJit: form.allowJit,
        enabled: form.enabled,
        ssoOnly: form.ssoOnly,
        breakGlassOwner: form.breakGlassOwner.trim() || null,
      });
      setForm(formOf(saved));
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
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('airlock.sso.registerHelp')}
          </Typography>
          <CopyField label={t('airlock.sso.callbackUrl')} value={data.callbackUrl} testId="sso-callback-url" />
          {data.postLogoutRedirectUri ? <CopyField label={t('airlock.sso.postLogoutRedirectUri')} value={data.postLogoutRedirectUri} testId="sso-post-logout-url" /> : null}
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
              <Button variant="outlined" onClick={() => void test()} disabled={busy !== null || !form.issuer.trim()}>
                {t('airlock.sso.test')}
              </Button>
              <Button type="submit" variant="contained" disabled={busy !== null}>
                {t('ra.action.save')}
              </Button>
            </Stack>
          ) : (
            <Alert severity="info" sx={{ mt: 2 }}>
              {t('airlock.settings.readOnly')}
            </Alert>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
