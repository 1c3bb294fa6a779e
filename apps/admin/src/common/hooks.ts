import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useMediaQuery, type Theme } from '@mui/material';
import { usePermissions } from 'react-admin';
import { useEffect, useState } from 'react';
import { draftEvents } from '../api/dataProvider';
import { apiGet, errorMessage } from '../api/http';
import { currentMe, hasSessionHint, loadMe, type Me } from '../auth/session';
import type { PolicyStatusOutput } from '@airlock/contracts/types';

/** GET a JSON endpoint outside react-admin's CRUD verbs, cached under its path. */
export function useApi<T>(path: string | null, options: Partial<UseQueryOptions<T>> = {}) {
  return useQuery<T>({
    queryKey: ['api', path],
    queryFn: () => apiGet<T>(path!),
    enabled: path !== null,
    ...options,
  });
}

export function useMe() {
  return useQuery<Me>({ queryKey: ['me'], queryFn: () => loadMe(), staleTime: 60_000, retry: false, enabled: !!currentMe() || hasSessionHint() });
}

export function usePermission(permission: string): boolean {
  const { permissions } = usePermissions<string[]>();
  return Array.isArray(permissions) && permissions.includes(permission);
}

export function useIsSmall(): boolean {
  return useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
}

export type PolicyStatus = PolicyStatusOutput;

export const POLICY_STATUS_PATH = '/api/policy/status';

export function usePolicyStatus() {
  const query = useApi<PolicyStatus>(POLICY_STATUS_PATH, { refetchInterval: 30_000 });
  const { refetch } = query;
  // Any change to the draft (a rule, a service's status...) re-reads whether it differs now.
  useEffect(() => {
    const onChange = () => void refetch();
    draftEvents.addEventListener('changed', onChange);
    return () => draftEvents.removeEventListener('changed', onChange);
  }, [refetch]);
  return query;
}

/**
 * An action that disables its buttons while it runs and shows its failure: `run(fn)` sets `busy`,
 * clears `error`, and puts the failure's message in `error`.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
