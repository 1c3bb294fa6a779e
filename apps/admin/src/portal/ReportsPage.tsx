import { Alert, Box, Button, Card, CardContent, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/http';
import { IncidentStatusChip } from '../common/chips';
import { useApi } from '../common/hooks';

interface MyReport {
  id: string;
  number: number;
  title: string;
  service: string | null;
  status: string;
  statusExplanation: string;
  reportedAt: string;
  updatedAt: string;
}

export function StatusTokenForm() {
  const t = useTranslate();
  const navigate = useNavigate();
  const [token, setToken] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (token.trim()) void navigate(`/status?token=${encodeURIComponent(token.trim())}`);
  };
  return (
    <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField id="status-token-input" size="small" label={t('airlock.portal.report.token')} value={token} onChange={(e) => setToken(e.target.value)} sx={{ flex: '1 1 260px' }} />
      <Button type="submit" variant="outlined" disabled={!token.trim()}>
        {t('airlock.portal.status.check')}
      </Button>
    </Box>
  );
}

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
          <StatusTokenForm />
        </CardContent>
      </Card>
    </Box>
  );
}
