import { Box, Card, CardContent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useRefresh } from 'react-admin';
import type { IncidentEventOutput, IncidentOutput, IncidentTaskOutput } from '@airlock/contracts/types';
import { apiSend, errorMessage } from '../api/http';

// The answers of GET /api/incidents/:id and its events, as libs/contracts declares them.
export type Incident = IncidentOutput;
export type Task = IncidentTaskOutput;
export type IncidentEvent = IncidentEventOutput;

/** Saves a change to the incident (PUT), then refreshes the page and its timeline; says how it went. */
export function useUpdate(incident: Incident) {
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return async (data: Record<string, unknown>) => {
    try {
      await apiSend(`/api/incidents/${incident.id}`, 'PUT', data);
      refresh();
      await queryClient.invalidateQueries({ queryKey: ['api', `/api/incidents/${incident.id}/events`] });
      notify('airlock.incidents.saved', { type: 'success' });
      return true;
    } catch (err) {
      notify(errorMessage(err), { type: 'error' });
      return false;
    }
  };
}

export function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

export function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {value ?? '—'}
      </Typography>
    </Box>
  );
}
