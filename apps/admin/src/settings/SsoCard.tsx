import { Alert, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/http';

/**
 * One section of the Single sign-on page under the connection (verified domains, group mappings):
 * a title, what it is for, the load error and the last action's problem, then its content.
 */
export function SsoCard({
  title,
  help,
  error,
  problem,
  children,
}: {
  title: string;
  help: string;
  error: unknown;
  problem: string | null;
  children: ReactNode;
}) {
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {help}
        </Typography>
        {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
        {problem ? (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        ) : null}
        {children}
      </CardContent>
    </Card>
  );
}
