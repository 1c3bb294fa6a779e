import { Alert, Box, Button, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { IncidentStatusChip } from '../common/chips';
import type { IncidentStatusOutput } from '@airlock/contracts/types';

/** POST /api/portal/incidents/status: the report's status and its messages. */
type StatusView = IncidentStatusOutput;

/**
 * Following an anonymous report: the status code is typed into a form and sent in a POST body, and
 * kept in this component's state only. It never goes into the URL (no query string, no route, no
 * link): a URL stays in the browser history of a managed laptop and in proxy logs, and would link
 * the report to the person. The field asks the browser not to remember it either.
 */
export function AnonymousStatus() {
  const t = useTranslate();
  const [token, setToken] = useState('');
  const [view, setView] = useState<StatusView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState('');
  const [sent, setSent] = useState(false);

  const check = async (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) return;
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      setView(await apiSend<StatusView>('/api/portal/incidents/status', 'POST', { token: token.trim() }));
    } catch (err) {
      setView(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const answer = async (e: FormEvent) => {
    e.preventDefault();
    if (!reply.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setView(await apiSend<StatusView>('/api/portal/incidents/status/messages', 'POST', { token: token.trim(), body: reply.trim() }));
      setReply('');
      setSent(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box component="form" method="post" onSubmit={check} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }} aria-label={t('airlock.portal.status.check')}>
        <TextField
          id="status-token-input"
          size="small"
          label={t('airlock.portal.report.token')}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="off"
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', style: { fontFamily: 'monospace' } } }}
          sx={{ flex: '1 1 260px' }}
        />
        <Button type="submit" variant="outlined" disabled={busy || !token.trim()}>
          {t('airlock.portal.status.check')}
        </Button>
      </Box>
      {error ? (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      ) : null}
      {view ? (
        <Box data-testid="report-status" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="h6" component="h2">
            {t('airlock.portal.status.report', { number: view.number })} <IncidentStatusChip status={view.status} />
          </Typography>
          <Typography variant="body1">{view.statusExplanation}</Typography>
          <Typography variant="caption" color="text.secondary">
            {t('airlock.portal.status.updated', { when: new Date(view.updatedAt).toLocaleString() })}
          </Typography>
          <Typography variant="h6" component="h3" sx={{ mt: 1 }}>
            {t('airlock.portal.status.messages')}
          </Typography>
          {view.messages.length ? (
            <List dense aria-label={t('airlock.portal.status.messages')} data-testid="status-messages">
              {view.messages.map((m) => (
                <ListItem key={m.id} disableGutters sx={{ borderLeft: 3, borderColor: m.from === 'team' ? 'primary.main' : 'divider', pl: 1.5, mb: 1 }}>
                  <ListItemText
                    primary={`${t(m.from === 'team' ? 'airlock.portal.status.fromTeam' : 'airlock.portal.status.fromYou')} · ${new Date(m.createdAt).toLocaleString()}`}
                    secondary={<span style={{ whiteSpace: 'pre-wrap' }}>{m.body}</span>}
                  />
                </ListItem>
              ))}
            </List>
          ) : (
            <Typography variant="body2">{t('airlock.portal.status.noMessages')}</Typography>
          )}
          {sent ? (
            <Alert severity="success" role="status">
              {t('airlock.portal.status.sent')}
            </Alert>
          ) : null}
          {view.canReply ? (
            <Box component="form" method="post" onSubmit={answer} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} aria-label={t('airlock.portal.status.reply')}>
              <TextField
                id="status-reply"
                label={t('airlock.portal.status.reply')}
                helperText={t('airlock.portal.status.replyHelp')}
                value={reply}
                onChange={(e) => setReply(e.target.value)}
                autoComplete="off"
                multiline
                minRows={3}
                fullWidth
              />
              <Box>
                <Button type="submit" variant="contained" disabled={busy || !reply.trim()}>
                  {t('airlock.portal.status.send')}
                </Button>
              </Box>
            </Box>
          ) : (
            <Typography variant="body2">{t('airlock.portal.status.closedNoReply')}</Typography>
          )}
        </Box>
      ) : null}
    </Box>
  );
}
