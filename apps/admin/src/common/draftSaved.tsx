import { Alert } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { DeleteButton, type RedirectionSideEffect, SaveButton, Toolbar, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';

export const PUBLISH_PATH = '/policy/publish';

/** A saved-change toast: its message, then a link to the publish page. */
function PublishLinkMessage({ message, link }: { message: string; link: string }) {
  return (
    <Alert severity="success" variant="filled" role="status" data-testid="draft-saved">
      {message}{' '}
      <RouterLink to={PUBLISH_PATH} style={{ color: 'inherit', fontWeight: 600 }}>
        {link}
      </RouterLink>
    </Alert>
  );
}

/** "Detector saved to the draft — publish to apply", the last words a link to the publish page. */
export function DraftSavedMessage({ what, removed = false }: { what: string; removed?: boolean }) {
  const t = useTranslate();
  return <PublishLinkMessage message={t(removed ? 'airlock.draftSaved.removed' : 'airlock.draftSaved.saved', { what })} link={t('airlock.draftSaved.publish')} />;
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

/**
 * A form toolbar for a draft object: Save, and (when editing) Delete, whose toast says the removal
 * waits for a publish too.
 */
export function DraftToolbar({ resource, whatKey }: { resource: string; whatKey: string }) {
  const record = useRecordContext();
  const notify = useNotify();
  const redirect = useRedirect();
  const t = useTranslate();
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      {record?.id !== undefined ? (
        <DeleteButton
          mutationOptions={{
            onSuccess: () => {
              notify(<DraftSavedMessage what={t(whatKey)} removed />, { type: 'success', autoHideDuration: 10_000 });
              redirect('list', resource);
            },
          }}
        />
      ) : null}
    </Toolbar>
  );
}

/**
 * "Group saved: in force now, and recorded by the next published version — see what changes": for
 * groups and data classes, which apply when saved (not at a publish) but are recorded by versions.
 */
export function InForceMessage({ what, removed = false }: { what: string; removed?: boolean }) {
  const t = useTranslate();
  return <PublishLinkMessage message={t(removed ? 'airlock.draftSaved.inForceRemoved' : 'airlock.draftSaved.inForce', { what })} link={t('airlock.draftSaved.seeChanges')} />;
}

/** mutationOptions for an Edit or Create of a group or data class: the toast says it is in force now. */
export function useInForceSaved(resource: string, whatKey: string) {
  const notify = useNotify();
  const redirect = useRedirect();
  const t = useTranslate();
  return {
    onSuccess: () => {
      notify(<InForceMessage what={t(whatKey)} />, { type: 'success', autoHideDuration: 10_000 });
      redirect('list', resource);
    },
  };
}

/** Save, and Delete (not for built-in records) whose toast says the removal is in force now. */
export function InForceToolbar({ resource, whatKey }: { resource: string; whatKey: string }) {
  const record = useRecordContext();
  const notify = useNotify();
  const redirect = useRedirect();
  const t = useTranslate();
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      {record?.id !== undefined && !record.builtin ? (
        <DeleteButton
          mutationMode="pessimistic"
          mutationOptions={{
            onSuccess: () => {
              notify(<InForceMessage what={t(whatKey)} removed />, { type: 'success', autoHideDuration: 10_000 });
              redirect('list', resource);
            },
          }}
        />
      ) : null}
    </Toolbar>
  );
}
