import { Alert, Box, Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { apiSend, errorMessage } from '../api/http';
import type { SsoTestResultOutput } from '@airlock/contracts/types';

/** POST /api/auth/sso/test/result: what a test sign-in found (nothing was written). */
type SsoTestResult = SsoTestResultOutput;

/**
 * The report of the SSO page's "Try a sign-in", in the popup it opened: what the identity provider
 * sent and what a real sign-in would do with it. Nobody was signed in and no account changed.
 */
export default function SsoTestPage() {
  const t = useTranslate();
  const [params] = useSearchParams();
  const sealed = params.get('r');
  const error = params.get('error');
  const [result, setResult] = useState<SsoTestResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!sealed) return;
    apiSend<SsoTestResult>('/api/auth/sso/test/result', 'POST', { r: sealed }).then(setResult, (err: unknown) => setProblem(errorMessage(err)));
  }, [sealed]);

  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ width: '35%' }}>
        {label}
      </TableCell>
      <TableCell data-testid={testId} sx={{ wordBreak: 'break-word' }}>
        {value}
      </TableCell>
    </TableRow>
  );

  return (
    <Box sx={{ maxWidth: 760 }}>
      <Title title={t('airlock.sso.trial.title')} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('airlock.sso.trial.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('airlock.sso.trial.intro')}
          </Typography>
          {error ? (
            <Alert severity="error" role="alert" data-testid="sso-test-error">
              {t(`airlock.login.ssoErrors.${error}`, { _: t('airlock.login.ssoErrors.other', { code: error }), code: error })}
            </Alert>
          ) : null}
          {problem ? (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          ) : null}
          {result ? (
            <>
              <Alert severity={result.ok ? 'success' : 'warning'} data-testid="sso-test-outcome" sx={{ mb: 2 }}>
                {result.ok ? t(`airlock.sso.trial.outcomes.${result.outcome}`, { account: result.account ?? result.email ?? '' }) : `${t('airlock.sso.trial.wouldRefuse')} ${t(`airlock.login.ssoErrors.${result.reason}`, { _: result.message ?? '', code: result.reason })}`}
              </Alert>
              <Table size="small" aria-label={t('airlock.sso.trial.title')}>
                <TableBody>
                  {row(t('airlock.sso.trial.fields.email'), result.email ?? '—', 'sso-test-email')}
                  {row(t('airlock.sso.trial.fields.name'), result.name)}
                  {row(t('airlock.sso.trial.fields.subject'), <code>{result.subject}</code>)}
                  {row(t('airlock.sso.trial.fields.issuer'), <code>{result.issuer}</code>)}
                  {row(
                    t('airlock.sso.trial.fields.providerGroups'),
                    result.providerGroups.length ? result.providerGroups.map((g) => <Chip key={g} size="small" label={g} sx={{ mr: 0.5, mb: 0.5 }} />) : t('airlock.sso.trial.none'),
                    'sso-test-groups',
                  )}
                  {row(t('airlock.sso.trial.fields.role'), t(`airlock.role.${result.role}`), 'sso-test-role')}
                  {row(t('airlock.sso.trial.fields.airlockGroups'), result.airlockGroups.length ? result.airlockGroups.join(', ') : t('airlock.sso.trial.none'))}
                </TableBody>
              </Table>
            </>
          ) : null}
          <Button sx={{ mt: 2 }} variant="outlined" onClick={() => window.close()}>
            {t('airlock.sso.trial.close')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}
