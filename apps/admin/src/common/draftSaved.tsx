import { Alert } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { type RedirectionSideEffect, useNotify, useRedirect, useTranslate } from 'react-admin';

export const PUBLISH_PATH = '/policy/publish';

/** "Detector saved to the draft — publish to apply", the last words a link to the publish page. */
export function DraftSavedMessage({ what }: { what: string }) {
  const t = useTranslate();
  return (
    <Alert severity="success" variant="filled" role="status" data-testid="draft-saved">
      {t('airlock.draftSaved.saved', { what })}{' '}
      <RouterLink to={PUBLISH_PATH} style={{ color: 'inherit', fontWeight: 600 }}>
        {t('airlock.draftSaved.publish')}
      </RouterLink>
    </Alert>
  );
}

/**
 * mutationOptions for an Edit or Create of a draft object (rule, AI service, zone, detector): the
 * toast says the change waits for a publish and links there, then the page goes where it went before.
 */
export function useDraftSaved(resource: string, whatKey: string, redirectTo: RedirectionSideEffect = 'list') {
  const notify = useNotify();
  const redirect = useRedirect();
  const t = useTranslate();
  return {
    onSuccess: (data: unknown) => {
      notify(<DraftSavedMessage what={t(whatKey)} />, { type: 'success', autoHideDuration: 10_000 });
      const record = data as { id?: string | number } | undefined;
      if (redirectTo !== false) redirect(redirectTo, resource, record?.id, record as never);
    },
  };
}
