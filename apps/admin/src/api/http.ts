import { fetchUtils, HttpError } from 'react-admin';

/**
 * The one HTTP client of the console: same-origin cookies, the session's CSRF token on every
 * mutation, and the API's error envelope { error: { code, message, details } } turned into a
 * react-admin HttpError (field problems become form errors through body.errors).
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header a mutation sent outside httpClient (a streamed upload) must carry. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function toHttpError(err: unknown): unknown {
  if (!(err instanceof HttpError)) return err;
  const body = err.body as ApiErrorBody | undefined;
  const envelope = body?.error;
  if (!envelope) return err;
  const errors: Record<string, string> = {};
  if (Array.isArray(envelope.details)) {
    for (const d of envelope.details as { path?: unknown; message?: unknown }[]) {
      if (d && typeof d.path === 'string' && typeof d.message === 'string' && d.path) errors[d.path] = d.message;
    }
    // A problem with one item of a list ("patterns[2]", "cidrs.0") is shown on the list's input,
    // which has no input per item: the list gets the first such message, naming the item.
    for (const [path, message] of Object.entries({ ...errors })) {
      const item = /^(.+?)(?:\[(\d+)\]|\.(\d+))$/.exec(path);
      if (item && !(item[1]! in errors)) errors[item[1]!] = `#${Number(item[2] ?? item[3]) + 1}: ${message}`;
    }
  }
  return new HttpError(envelope.message ?? err.message, err.status, { ...body, code: envelope.code, errors });
}

/**
 * Who asks the user for a fresh second factor when an action answers 403 step_up_required (the
 * StepUpDialog registers itself); resolves true once the step-up succeeded.
 */
let stepUpHandler: (() => Promise<boolean>) | null = null;

export function setStepUpHandler(handler: (() => Promise<boolean>) | null): void {
  stepUpHandler = handler;
}

export function errorCode(err: unknown): string | undefined {
  return err instanceof HttpError ? (err.body as { code?: string } | undefined)?.code : undefined;
}

async function send(url: string, options: fetchUtils.Options) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const method = (options.method ?? 'GET').toUpperCase();
  if (!SAFE.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'same-origin' });
  } catch (err) {
    throw toHttpError(err);
  }
}

export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  try {
    return await send(url, options);
  } catch (err) {
    // The most sensitive actions need a second factor from the last minutes: ask, then retry once.
    if (errorCode(err) === 'step_up_required' && stepUpHandler && (await stepUpHandler())) return send(url, options);
    throw err;
  }
}

/** JSON helpers for the endpoints outside react-admin's CRUD verbs. */
export async function apiGet<T>(path: string): Promise<T> {
  const { json } = await httpClient(path);
  return json as T;
}

export async function apiSend<T>(path: string, method: 'POST' | 'PUT' | 'DELETE', body?: unknown): Promise<T> {
  const { json } = await httpClient(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return json as T;
}

/** The message to show for any failure. */
export function errorMessage(err: unknown): string {
  if (err instanceof HttpError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
