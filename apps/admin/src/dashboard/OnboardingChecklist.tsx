import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Alert, Box, Button, Card, CardContent, LinearProgress, List, ListItem, ListItemIcon, ListItemText, Link as MuiLink, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { OnboardingChecklistOutput, OnboardingStep } from '@airlock/contracts/types';
import { apiSend, errorMessage } from '../api/http';
import { useApi, useBusyAction, usePermission } from '../common/hooks';

export const CHECKLIST_PATH = '/api/dashboard/checklist';

/** Where each first step is done. */
const STEP_LINKS: Record<OnboardingStep, string> = {
  catalog: `/providers?filter=${encodeURIComponent(JSON.stringify({ status: 'under_review' }))}`,
  zones: '/zones',
  sso: '/settings/sso',
  apiKey: '/api-clients',
  extension: '/api-clients/create',
  policy: '/policy/publish',
};

/**
 * A new organization's first steps, for owners and admins: each computed by the API from the
 * organization's data, each linking to its page. Hidden once all are done or when dismissed.
 */
export function OnboardingChecklist() {
  const t = useTranslate();
  const allowed = usePermission('policy.publish');
  const { data, error } = useApi<OnboardingChecklistOutput>(allowed ? CHECKLIST_PATH : null);
  const queryClient = useQueryClient();
  const { busy, error: dismissError, run } = useBusyAction();
  if (!allowed || !data || data.done || data.dismissed) return error ? <Alert severity="error">{errorMessage(error)}</Alert> : null;
  const done = data.items.filter((i) => i.done).length;
  const dismiss = () =>
    run(async () => {
      const next = await apiSend<OnboardingChecklistOutput>(CHECKLIST_PATH, 'PUT', { dismissed: true });
      queryClient.setQueryData(['api', CHECKLIST_PATH], next);
    });
  return (
    <Card sx={{ mb: 2 }} component="section" aria-labelledby="onboarding-title" data-testid="onboarding-checklist">
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
          <Box>
            <Typography variant="h6" component="h2" id="onboarding-title">
              {t('airlock.onboarding.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('airlock.onboarding.intro', { done, total: data.items.length })}
            </Typography>
          </Box>
          <Button onClick={() => void dismiss()} disabled={busy}>
            {t('airlock.onboarding.dismiss')}
          </Button>
        </Box>
        <LinearProgress variant="determinate" value={(done / data.items.length) * 100} sx={{ my: 1 }} aria-label={t('airlock.onboarding.progress', { done, total: data.items.length })} />
        {dismissError ? <Alert severity="error">{dismissError}</Alert> : null}
        <List dense>
          {data.items.map((i) => (
            <ListItem key={i.key} disableGutters data-testid={`onboarding-${i.key}`} data-done={i.done ? 'true' : 'false'}>
              <ListItemIcon sx={{ minWidth: 32 }}>
                {i.done ? <CheckCircleIcon color="success" titleAccess={t('airlock.onboarding.doneLabel')} /> : <RadioButtonUncheckedIcon color="action" titleAccess={t('airlock.onboarding.todoLabel')} />}
              </ListItemIcon>
              <ListItemText
                primary={
                  <MuiLink component={Link} to={STEP_LINKS[i.key]}>
                    {t(`airlock.onboarding.step.${i.key}.title`)}
                  </MuiLink>
                }
                secondary={i.key === 'catalog' && !i.done ? t('airlock.onboarding.step.catalog.left', { smart_count: i.count ?? 0 }) : t(`airlock.onboarding.step.${i.key}.${i.done ? 'done' : 'todo'}`)}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}
