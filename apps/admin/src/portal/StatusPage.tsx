import { Box, Link as MuiLink } from '@mui/material';
import { useEffect } from 'react';
import { useTranslate } from 'react-admin';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthCard } from '../auth/AuthCard';
import { AnonymousStatus } from './AnonymousStatus';

/**
 * The status of an anonymous report and the messages with the security team, by its status code;
 * works without signing in. The code is typed in, never read from the URL: an old link that still
 * carries `?token=` is replaced by the bare page at once, and the code is not used.
 */
export default function StatusPage() {
  const t = useTranslate();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const stale = params.has('token');
  useEffect(() => {
    if (stale) void navigate('/status', { replace: true });
  }, [stale, navigate]);
  return (
    <AuthCard title={t('airlock.portal.status.title')}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <AnonymousStatus />
        <MuiLink component={Link} to="/portal/tools" variant="body2">
          {t('airlock.portal.status.back')}
        </MuiLink>
      </Box>
    </AuthCard>
  );
}
