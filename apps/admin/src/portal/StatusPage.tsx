import { Alert, Box, CircularProgress, Link as MuiLink, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/http';
import { AuthCard } from '../auth/AuthCard';
import { IncidentStatusChip } from '../common/chips';
import { useApi } from '../common/hooks';
import { StatusTokenForm } from './ReportsPage';

/** The status of an anonymous report, by its token; works without signing in. */
export default function StatusPage() {
  const t = useTranslate();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const { data, error, isPending } = useApi<{ number: number; status: string; statusExplanation: string; updatedAt: string }>(
    token ? `/api/portal/incidents/status/${encodeURIComponent(token)}` : null,
    { retry: false },
  );
  return (
    <AuthCard title={t('airlock.portal.status.title')}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {token && isPending ? <CircularProgress size={24} aria-label={t('ra.page.loading')} /> : null}
        {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
        {data ? (
          <Box data-testid="report-status">
            <Typography variant="h6" component="h2" gutterBottom>
              {t('airlock.portal.status.report', { number: data.number })} <IncidentStatusChip status={data.status} />
            </Typography>
            <Typography variant="body1">{data.statusExplanation}</Typography>
            <Typography variant="caption" color="text.secondary">
              {t('airlock.portal.status.updated', { when: new Date(data.updatedAt).toLocaleString() })}
            </Typography>
          </Box>
        ) : null}
        <StatusTokenForm />
        <MuiLink component={Link} to="/portal/tools" variant="body2">
          {t('airlock.portal.status.back')}
        </MuiLink>
      </Box>
    </AuthCard>
  );
}
