import { SCIM_SCHEMA } from '@airlock/contracts';
import { AppError, type ErrorCode } from './errors';
import type { ErrorResponse } from './error-response';

/** RFC 7644 3.12 detail error keywords. */
export type ScimType = 'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'invalidVers' | 'sensitive';

/** An AppError that also names its SCIM error keyword. */
export class ScimError extends AppError {
  constructor(
    code: ErrorCode,
    readonly scimType: ScimType | undefined,
    message: string,
  ) {
    super(code, message);
  }
}

/** Everything under /scim answers in SCIM's own error format (RFC 7644 3.12), not the API's envelope. */
export function isScimPath(url: string | undefined): boolean {
  return url === '/scim' || (url ?? '').startsWith('/scim/') || (url ?? '').startsWith('/scim?');
}

/**
 * The SCIM form of an error response. The status is the one the envelope would have had, except
 * 422 (not in RFC 7644's list, which identity providers expect): a 400 with `invalidValue`.
 */
export function toScimErrorResponse(res: ErrorResponse, err: unknown): ErrorResponse {
  const status = res.status === 422 ? 400 : res.status;
  const scimType: ScimType | undefined =
    err instanceof ScimError ? err.scimType : res.status === 409 ? 'uniqueness' : res.body.error.code === 'invalid_json' ? 'invalidSyntax' : status === 400 ? 'invalidValue' : undefined;
  const headers = { ...res.headers };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="scim"';
  return {
    status,
    headers,
    unexpected: res.unexpected,
    body: { schemas: [SCIM_SCHEMA.error], status: String(status), ...(scimType ? { scimType } : {}), detail: res.body.error.message } as unknown as ErrorResponse['body'],
  };
}
