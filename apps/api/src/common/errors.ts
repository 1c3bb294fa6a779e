/**
 * Every failure leaves the API in one envelope: { "error": { "code", "message", "details"? } }.
 * Codes are a closed set; the filter maps each to HTTP with an exhaustive switch.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'mfa_enrolment_required'
  | 'step_up_required'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'precondition_failed'
  | 'request_timeout'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'headers_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface FieldProblem {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }
  static validation(problems: FieldProblem[], message = 'The request is invalid'): AppError {
    return new AppError('validation_failed', `${message}: ${problems.map((p) => `${p.path || '(body)'} ${p.message}`).join('; ')}`, problems);
  }
  static forbidden(message = 'You do not have permission to do this'): AppError {
    return new AppError('forbidden', message);
  }
  static conflict(message: string, details?: unknown): AppError {
    return new AppError('conflict', message, details);
  }
  static unprocessable(message: string, details?: unknown): AppError {
    return new AppError('unprocessable', message, details);
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'invalid_json':
    case 'bad_request':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
    case 'csrf_failed':
    case 'mfa_enrolment_required':
    case 'step_up_required':
      return 403;
    case 'not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'conflict':
      return 409;
    case 'request_timeout':
      return 408;
    case 'precondition_failed':
      return 412;
    case 'payload_too_large':
      return 413;
    case 'uri_too_long':
      return 414;
    case 'headers_too_large':
      return 431;
    case 'unsupported_media_type':
      return 415;
    case 'unprocessable':
      return 422;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
    default:
      return assertUnreachable(code);
  }
}
