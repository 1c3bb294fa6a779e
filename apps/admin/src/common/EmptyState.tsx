import AddIcon from '@mui/icons-material/Add';
import InboxIcon from '@mui/icons-material/Inbox';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { usePermission } from './hooks';

/** The lists and pages that explain themselves when empty; their words are airlock.empty.<feature>.* in en.ts. */
export type EmptyFeature =
  | 'rules'
  | 'detectors'
  | 'exceptions'
  | 'incidents'
  | 'apiClients'
  | 'webhooks'
  | 'siem'
  | 'gateway'
  | 'users'
  | 'zones'
  | 'groups'
  | 'dataClasses'
  | 'toolRequests'
  | 'versions'
  | 'discovery'
  | 'activity';

/**
 * What a list shows when it has no records yet (react-admin's `empty`, instead of its bare "No …
 * yet"): what the feature is for, and a button for the first step for those allowed to take it
 * (the others read who can).
 */
export function EmptyState({ feature, to, permission, icon, extra }: { feature: EmptyFeature; to?: string; permission?: string; icon?: ReactNode; extra?: ReactNode }) {
  const t = useTranslate();
  const allowed = usePermission(permission ?? '__none__');
  const canAct = !!to && (!permission || allowed);
  return (
    <Card sx={{ mt: 2, width: '100%' }} data-testid={`empty-${feature}`}>
      <CardContent sx={{ textAlign: 'center', py: 5, px: 3, maxWidth: 720, mx: 'auto' }}>
        <Box aria-hidden sx={{ color: 'text.secondary', '& svg': { fontSize: 56 } }}>
          {icon ?? <InboxIcon />}
        </Box>
        <Typography variant="h6" component="h2" gutterBottom>
          {t(`airlock.empty.${feature}.title`)}
        </Typography>
        <Typography variant="body1" color="text.secondary" sx={{ mb: 3 }}>
          {t(`airlock.empty.${feature}.explain`)}
        </Typography>
        {canAct ? (
          <Button variant="contained" component={Link} to={to} startIcon={<AddIcon />}>
            {t(`airlock.empty.${feature}.action`)}
          </Button>
        ) : to ? (
          <Typography variant="body2" color="text.secondary">
            {t('airlock.empty.askSomeone')}
          </Typography>
        ) : null}
        {extra}
      </CardContent>
    </Card>
  );
}
