import { Alert, Box, Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/http';
import { IncidentStatusChip } from '../common/chips';
import { useApi } from '../common/hooks';
import { AnonymousStatus } from './AnonymousStatus';
import type { PortalIncidentOutput } from '@airlock/contracts/types';

type MyReport = PortalIncidentOutput;

/** "My reports": what I reported (not the anonymous ones: nothing links those to me) and where each stands. */
export default function ReportsPage() {
  const t = useTranslate();
  const { data, error, isPending } = useApi<MyReport[]>('/api/portal/incidents');
  const rows = Array.isArray(data) ? data : [];
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={t('airlock.portal.reports.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {t('airlock.portal.reports.title')}
          </Typography>
          {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
          {isPending ? <Typography role="status">{t('ra.page.loading')}</Typography> : null}
          {data && rows.length === 0 ? (
            <Typography variant="body2">
              {t('airlock.portal.reports.none')} <Link to="/portal/report">{t('airlock.portal.report.menu')}</Link>
            </Typography>
          ) : null}
          <List>
            {rows.map((r) => (
              <ListItem key={r.id} divider alignItems="flex-start" sx={{ flexWrap: 'wrap', gap: 1 }}>
                <ListItemText
                  primary={`#${r.number} ${r.title}`}
                  secondary={
                    <>
                      {r.service ? `${r.service} · ` : ''}
                      {t('airlock.portal.reports.reportedAt', { when: new Date(r.reportedAt).toLocaleString() })}
                      <br />
                      {r.statusExplanation}
                    </>
                  }
                />
                <IncidentStatusChip status={r.status} />
              </ListItem>
            ))}
          </List>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {t('airlock.portal.status.anonymousTitle')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {t('airlock.portal.status.anonymousExplain')}
          </Typography>
          <AnonymousStatus />
        </CardContent>
      </Card>
    </Box>
  );
}
