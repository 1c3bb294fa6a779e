import { AppError, type ErrorCode, httpStatusOf } from './errors';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True when this is a bug or an outage worth logging at error level. */
  unexpected: boolean;
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The body is empty but the content type says JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The body is larger than this endpoint accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'The Content-Length header does not match the body' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'unsupported_media_type', message: 'The Content-Type header is invalid' },
  FST_ERR_BAD_URL: { code: 'bad_request', message: 'The URL is malformed (bad percent-encoding)' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'uri_too_long', message: 'A path parameter is longer than this API accepts' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'bad_request', message: 'The request is malformed' },
};

const PRISMA_CODES: Record<string, { code: ErrorCode; message: string }> = {
  P2002: { code: 'conflict', message: 'A record with the same unique value already exists' },
  P2025: { code: 'not_found', message: 'The record was not found' },
  P2003: { code: 'bad_request', message: 'The request refers to a record that does not exist' },
  P2000: { code: 'validation_failed', message: 'A value is too long for its field' },
  P2023: { code: 'bad_request', message: 'An id in the request is malformed' },
  // PostgreSQL refused a value (e.g. a NUL byte or invalid UTF-8 that reached a query).
  '22021': { code: 'bad_request', message: 'The request contains characters the database cannot store' },
  '22P05': { code: 'bad_request', message: 'The request contains characters the database cannot store' },
};

function statusToCode(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 408) return 'request_timeout';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 414) return 'uri_too_long';
  if (status === 415) return 'unsupported_media_type';
  if (status === 422) return 'unprocessable';
  if (status === 429) return 'rate_limited';
  if (status === 431) return 'headers_too_large';
  if (status === 503) return 'unavailable';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'internal';
}

function build(code: ErrorCode, message: string, details?: unknown, headers: Record<string, string> = {}): ErrorResponse {
  const status = httpStatusOf(code);
  return {
    status,
    body: { error: details === undefined ? { code, message } : { code, message, details } },
    headers,
    unexpected: status >= 500,
  };
}

interface ErrorLike {
  code?: unknown;
  statusCode?: unknown;
  status?: unknown;
  message?: unknown;
  getStatus?: () => number;
  getResponse?: () => unknown;
  meta?: Record<string, unknown>;
  name?: unknown;
}

/** Maps anything thrown into the one error envelope. Never leaks a stack trace or internal message. */
export function toErrorResponse(err: unknown): ErrorResponse {
  if (err instanceof AppError) return build(err.code, err.message, err.details, err.headers);
  let e = (err ?? {}) as ErrorLike & { cause?: unknown };
  // Nest wraps Fastify's client errors in an HttpException whose cause is the original.
  if (typeof e.getStatus === 'function' && e.cause && typeof (e.cause as ErrorLike).code === 'string') {
    e = e.cause as ErrorLike;
  }
  if (typeof e.code === 'string' && FASTIFY_CODES[e.code]) {
    const known = FASTIFY_CODES[e.code]!;
    return build(known.code, known.message);
  }
  if (isDatabaseUnavailable(err)) {
    // A restart, a failover, a full pool: the client may retry; nothing was half-done (each write is
    // one transaction). Not a bug, so no stack trace in the log; /metrics counts the 503s.
    return { ...build('unavailable', 'The database is not reachable right now; nothing was changed. Retry shortly.', undefined, { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) }), unexpected: false };
  }
  if (isDatabaseOutOfSpace(err)) {
    // Disk full (SQLSTATE 53100): the statement's transaction rolled back, nothing was half-done; it
    // lasts until an operator frees space, so the client is told to wait longer. Logged as an error.
    return {
      ...build('unavailable', 'The database has run out of disk space; nothing was changed. Retry once an operator has freed space.', undefined, { 'retry-after': String(DISK_FULL_RETRY_AFTER_SECONDS) }),
      unexpected: true,
    };
  }
  const sqlState = sqlStateOf(err);
  if (sqlState && PRISMA_CODES[sqlState]) return build(PRISMA_CODES[sqlState].code, PRISMA_CODES[sqlState].message);
  if (typeof e.code === 'string' && /^P\d{4}$/.test(e.code) && PRISMA_CODES[e.code]) {
    const known = PRISMA_CODES[e.code]!;
    const target = e.meta?.target ?? e.meta?.field_name;
    return build(known.code, known.message, target ? { target } : undefined);
  }
  // Nest's HttpException (e.g. the router's 404 for an unknown route).
  if (typeof e.getStatus === 'function') {
    const status = e.getStatus();
    const code = statusToCode(status);
    const message =
      status === 404 ? 'No such endpoint' : status < 500 && typeof e.message === 'string' ? e.message : 'Internal error';
    return build(code, message);
  }
  // Other Fastify client errors (4xx) carry statusCode.
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status && status >= 400 && status < 500) {
    return build(statusToCode(status), typeof e.message === 'string' ? e.message.slice(0, 300) : 'Bad request');
  }
  return build('internal', 'Internal error: the failure was logged with the request id');
}

export const DATABASE_RETRY_AFTER_SECONDS = 5;
/** Prisma's codes for a database it cannot reach, lost, or could not get a connection to in time. */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds for the same. */
const ADAPTER_UNAVAILABLE = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** P2028 when a transaction ran out of time (Prisma rolled it back) or could not start in time: a slow or saturated database. */
const TRANSACTION_OUT_OF_TIME = /expired transaction|Unable to start a transaction in the given time/i;
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Can't reach database server|Server has closed the connection|terminating connection due to|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error/i;

/**
 * True when an error means the database could not be reached or the connection was lost (SQLSTATE
 * class 08, 57P01-57P03 administrator shutdown / crash / starting, 53300 too many connections, and
 * the same as Prisma, the driver adapter and the socket report them), wherever the layers put it.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const sqlState = sqlStateOf(err);
  if (sqlState && (sqlState.startsWith('08') || /^57P0[123]$/.test(sqlState) || sqlState === '53300')) return true;
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && typeof e === 'object' && depth < 6; e = e.cause as Record<string, unknown> | undefined, depth++) {
    if (typeof e.code === 'string' && (PRISMA_UNAVAILABLE.has(e.code) || SOCKET_UNAVAILABLE.has(e.code))) return true;
    if (e.code === 'P2028' && typeof e.message === 'string' && TRANSACTION_OUT_OF_TIME.test(e.message)) return true;
    if (typeof e.kind === 'string' && ADAPTER_UNAVAILABLE.has(e.kind)) return true;
    const adapterError = (e.meta as Record<string, unknown> | undefined)?.driverAdapterError;
    if (adapterError && isDatabaseUnavailable(adapterError)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  }
  return false;
}

const DISK_FULL_RETRY_AFTER_SECONDS = 60;

/** True when PostgreSQL could not write because its disk is full (SQLSTATE 53100), wherever the layers put it. */
export function isDatabaseOutOfSpace(err: unknown): boolean {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && typeof e === 'object' && depth < 6; e = e.cause as Record<string, unknown> | undefined, depth++) {
    if (e.code === '53100' || e.originalCode === '53100') return true;
    if (typeof e.message === 'string' && /No space left on device/.test(e.message)) return true;
    const adapterError = (e.meta as Record<string, unknown> | undefined)?.driverAdapterError;
    if (adapterError && isDatabaseOutOfSpace(adapterError)) return true;
  }
  return false;
}

/** The PostgreSQL SQLSTATE behind a driver or Prisma error, wherever the layers put it. */
export function sqlStateOf(err: unknown): string | undefined {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && depth < 5; e = e.cause as Record<string, unknown> | undefined, depth++) {
    for (const key of ['originalCode', 'code']) {
      const v = e[key];
      if (typeof v === 'string' && /^[0-9A-Z]{5}$/.test(v) && !/^P\d{4}$/.test(v)) return v;
    }
    const meta = e.meta as Record<string, unknown> | undefined;
    const dbCode = meta?.code ?? (meta?.driverAdapterError as Record<string, unknown> | undefined)?.cause;
    if (typeof dbCode === 'string' && /^[0-9A-Z]{5}$/.test(dbCode)) return dbCode;
  }
  return undefined;
}
