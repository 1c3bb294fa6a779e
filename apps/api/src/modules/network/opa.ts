/**
 * OPA's Data API shapes (https://www.openpolicyagent.org/docs/rest-api): the request body
 * `{"input": ...}`, the answer `{"result": ...}` (absent when the document is undefined), and the
 * error body `{"code", "message", "errors"?}`. Pure.
 */
import { AppError } from '../../common/errors';

/** OPA's error codes (server/types/types.go) the Data API answers with. */
export type OpaErrorCode = 'invalid_parameter' | 'unauthorized' | 'resource_not_found' | 'invalid_operation' | 'internal_error' | 'too_many_requests' | 'unavailable';

export interface OpaError {
  code: OpaErrorCode;
  message: string;
  errors?: { code: string; message: string; location?: { file: string; row: number; col: number } }[];
}

/** An Airlock error as OPA says it: the status is kept, the code mapped. */
export function toOpaError(status: number, message: string, details?: unknown): OpaError {
  const code: OpaErrorCode =
    status === 401 || status === 403
      ? 'unauthorized'
      : status === 404
        ? 'resource_not_found'
        : status === 405
          ? 'invalid_operation'
          : status === 429
            ? 'too_many_requests'
            : status === 503
              ? 'unavailable'
              : status >= 500
                ? 'internal_error'
                : 'invalid_parameter';
  const errors = Array.isArray(details)
    ? details
        .filter((d): d is { path?: unknown; message?: unknown } => typeof d === 'object' && d !== null)
        .map((d) => ({ code: 'invalid_parameter', message: `${typeof d.path === 'string' && d.path ? `input.${d.path}: ` : ''}${String(d.message ?? '')}` }))
    : undefined;
  return { code, message, ...(errors?.length ? { errors } : {}) };
}

/** OPA's warning when the body has no `input` (the document is then evaluated without it). */
export const MISSING_INPUT_WARNING = { code: 'api_usage_warning', message: "'input' key missing from the request" } as const;

/**
 * The POST body: an object with at most `input` (OPA ignores other keys; Airlock refuses them so a
 * misspelt `inptu` is not silently a request without input). `{ present: false }` without input.
 */
export function inputOfBody(body: unknown): { present: true; input: unknown } | { present: false } {
  if (body === undefined || body === null || body === '') return { present: false };
  if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('bad_request', 'body contains malformed input document: the body must be a JSON object like {"input": {...}}');
  const keys = Object.keys(body);
  const unknown = keys.filter((k) => k !== 'input');
  if (unknown.length) throw new AppError('bad_request', `body contains unknown key(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')}: send {"input": {...}}`);
  return keys.includes('input') ? { present: true, input: (body as { input: unknown }).input } : { present: false };
}

/** GET /v1/data/...?input=<JSON>: OPA's query-string input. */
export function inputOfQuery(raw: unknown): { present: true; input: unknown } | { present: false } {
  if (raw === undefined) return { present: false };
  if (typeof raw !== 'string') throw new AppError('bad_request', 'input must be given once, as JSON');
  try {
    return { present: true, input: JSON.parse(raw) as unknown };
  } catch {
    throw new AppError('bad_request', 'input is not valid JSON');
  }
}
