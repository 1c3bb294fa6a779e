import { Box, Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';
import { useApi } from '../common/hooks';
import type { SessionOutput } from '@airlock/contracts/types';

/** Read by screen readers, not shown. */
const visuallyHidden = { border: 0, clip: 'rect(0 0 0 0)', height: '1px', margin: '-1px', overflow: 'hidden', padding: 0, position: 'absolute', whiteSpace: 'nowrap', width: '1px' } as const;

export type SessionRow = SessionOutput;

/**
 * A user's sessions with a button to end each: on one's own account page (`/api/auth/sessions`)
 * or, for owners, on a user's page (`/api/users/:id/sessions`).
 */
export function SessionsPanel({ base, endAll }: { base: string; endAll: { path: string; method: 'POST' | 'DELETE'; label: string } }) {
  const t = useTranslate();
  const notify = useNotify();
  const { data, refetch, isPending } = useApi<SessionRow[]>(base);
  const run = async (path: string, method: 'POST' | 'DELETE', done: string) => {
    try {
      const result = await apiSend<{ signedOut?: boolean; ended?: number }>(path, method);
      if (result?.signedOut) {
        window.location.reload();
        return;
      }
      notify(done, { type: 'success', messageArgs: { smart_count: result?.ended ?? 1 } });
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
    }
    await refetch();
  };
  const others = (data ?? []).filter((s) => !s.current).length;
  return (
    <Box component="section" aria-labelledby="sessions-heading" sx={{ mt: 2 }}>
      <Typography id="sessions-heading" variant="h6" component="h2">
        {t('airlock.sessions.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('airlock.sessions.help')}
      </Typography>
      {isPending ? null : !data?.length ? (
        <Typography variant="body2">{t('airlock.sessions.none')}</Typography>
      ) : (
        <Table size="small" aria-labelledby="sessions-heading">
          <TableHead>
            <TableRow>
              <TableCell>{t('airlock.sessions.device')}</TableCell>
              <TableCell>{t('airlock.sessions.ip')}</TableCell>
              <TableCell>{t('airlock.sessions.started')}</TableCell>
              <TableCell>{t('airlock.sessions.lastSeen')}</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  {t('airlock.sessions.actions')}
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((s) => (
              <TableRow key={s.id} data-testid="session-row">
                <TableCell title={s.userAgent ?? ''}>
                  {s.device} {s.current ? <Chip size="small" color="primary" label={t('airlock.sessions.current')} sx={{ ml: 1 }} /> : null}
                </TableCell>
                <TableCell>{s.ip ?? '—'}</TableCell>
                <TableCell>{new Date(s.createdAt).toLocaleString()}</TableCell>
                <TableCell>{new Date(s.lastSeenAt).toLocaleString()}</TableCell>
                <TableCell align="right">
                  <Button size="small" color="error" aria-label={t('airlock.sessions.endNamed', { device: s.device })} onClick={() => void run(`${base}/${s.id}`, 'DELETE', 'airlock.sessions.ended')}>
                    {t('airlock.sessions.end')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {(endAll.method === 'POST' ? others > 0 : (data?.length ?? 0) > 0) ? (
        <Button sx={{ mt: 1 }} variant="outlined" color="error" onClick={() => void run(endAll.path, endAll.method, 'airlock.sessions.endedMany')}>
          {t(endAll.label)}
        </Button>
      ) : null}
    </Box>
  );
}

/** The signed-in user's own account page: their sessions. */
export default function AccountPage() {
  const t = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('airlock.account.title')} />
      <CardContent>
        <SessionsPanel base="/api/auth/sessions" endAll={{ path: '/api/auth/sessions/end-others', method: 'POST', label: 'airlock.sessions.endOthers' }} />
      </CardContent>
    </Card>
  );
}

/** On a user's page, for owners. */
export function UserSessions() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <SessionsPanel base={`/api/users/${record.id}/sessions`} endAll={{ path: `/api/users/${record.id}/sessions`, method: 'DELETE', label: 'airlock.sessions.endAll' }} />
    </Box>
  );
}
