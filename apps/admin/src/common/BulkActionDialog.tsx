import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { createContext, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useListContext, useRefresh, useTranslate } from 'react-admin';
import { apiSend, errorMessage } from '../api/http';

const BulkStateContext = createContext<{ state: Record<string, unknown>; set: (key: string, value: unknown) => void } | null>(null);

/**
 * Holds the bulk actions' dialogs and their fields above the list: react-admin re-creates the bulk
 * actions toolbar's children at times (a refetch, a resize), which would close an open dialog and
 * drop what was typed in it. Wrap a list that has bulk actions in it.
 */
export function BulkState({ children }: { children: ReactNode }) {
  const [state, setState] = useState<Record<string, unknown>>({});
  const value = useMemo(() => ({ state, set: (key: string, v: unknown) => setState((s) => ({ ...s, [key]: v })) }), [state]);
  return <BulkStateContext.Provider value={value}>{children}</BulkStateContext.Provider>;
}

/** A bulk action's piece of state: kept by the enclosing BulkState (else by the component). */
export function useBulkState<T>(key: string, initial: T): [T, (value: T) => void] {
  const ctx = useContext(BulkStateContext);
  const [local, setLocal] = useState<T>(initial);
  if (!ctx) return [local, setLocal];
  return [(key in ctx.state ? ctx.state[key] : initial) as T, (v: T) => ctx.set(key, v)];
}

/**
 * A list's bulk action: a button over the selected rows that opens a dialog (what to set), then
 * one POST to the resource's bulk endpoint, which changes all of them in one transaction or none.
 * On success the selection is cleared, the list re-read and `onDone` says what happened.
 */
export function BulkActionDialog({
  label,
  icon,
  title,
  explain,
  children,
  path,
  body,
  canSubmit = true,
  confirmLabel,
  onDone,
  testId,
}: {
  label: string;
  icon?: ReactElement;
  title: string;
  explain?: string;
  children?: ReactNode;
  path: string;
  /** The request body for the selected ids. */
  body: (ids: string[]) => unknown;
  canSubmit?: boolean;
  confirmLabel?: string;
  onDone: (count: number) => void;
  testId?: string;
}) {
  const t = useTranslate();
  const { selectedIds, onUnselectItems } = useListContext();
  const refresh = useRefresh();
  const key = `bulk.${testId ?? label}`;
  const [open, setOpen] = useBulkState(`${key}.open`, false);
  const [busy, setBusy] = useBulkState(`${key}.busy`, false);
  const [error, setError] = useBulkState<string | null>(`${key}.error`, null);
  const ids = selectedIds.map(String);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await apiSend<{ updated: number }>(path, 'POST', body(ids));
      setOpen(false);
      onUnselectItems();
      refresh();
      onDone(result.updated);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const titleId = `bulk-${testId ?? 'action'}-title`;
  return (
    <>
      <Button size="small" startIcon={icon} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => (busy ? undefined : setOpen(false))} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{explain ?? t('airlock.bulk.selected', { smart_count: ids.length })}</DialogContentText>
          {children}
          {error ? (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {t('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={() => void submit()} disabled={busy || !canSubmit}>
            {confirmLabel ?? t('airlock.bulk.apply', { smart_count: ids.length })}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

