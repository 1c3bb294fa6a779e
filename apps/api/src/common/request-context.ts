import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request facts that deep layers (the audit log) record without every signature carrying them. */
export interface RequestContext {
  requestId: string;
  ip?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}
