/**
 * What a gateway's authorization subrequest says about the original request (nginx `auth_request`,
 * Envoy's HTTP `ext_authz`), and how the answer is told back in headers. Pure: headers in, a
 * decision request or a 400 out.
 */
import { AppError } from '../../common/errors';

type Headers = Record<string, string | string[] | undefined>;

/** The gateway's view of the original request. */
export interface OriginalRequest {
  /** Absolute URL of the original request (scheme, host, path and query). */
  url: string;
  host: string;
  method: string;
  /** Who the gateway says the user is (an e-mail or an id), when it says so. */
  user: string | null;
  /** The client's address the gateway reports in X-Real-IP, when it does. */
  realIp: string | null;
}

const MAX_URL = 4096;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/;

function one(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined ? undefined : s.trim();
}

function absolute(raw: string, what: string): URL {
  if (raw.length > MAX_URL) throw new AppError('bad_request', `${what} is longer than ${MAX_URL} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('bad_request', `${what} is not an absolute URL (${JSON.stringify(raw.slice(0, 100))})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new AppError('bad_request', `${what} must be an http(s) or ws(s) URL, not ${url.protocol}`);
  }
  if (!url.hostname) throw new AppError('bad_request', `${what} has no host`);
  return url;
}

function fromParts(scheme: string, host: string, uri: string, what: string): URL {
  if (!/^[A-Za-z0-9.\-[\]:]+$/.test(host)) throw new AppError('bad_request', `${what}: the host ${JSON.stringify(host.slice(0, 100))} is not a host name`);
  if (!uri.startsWith('/')) throw new AppError('bad_request', `${what}: the path must start with "/" (got ${JSON.stringify(uri.slice(0, 100))})`);
  return absolute(`${scheme}://${host}${uri}`, what);
}

/** The person, from X-Airlock-User only: the gateway's configuration sets it (or clears it) itself. */
function user(headers: Headers): string | null {
  const v = one(headers, 'x-airlock-user');
  return v ? v : null;
}

function method(raw: string | undefined, what: string): string {
  const m = (raw ?? 'GET').toUpperCase();
  if (!TOKEN.test(m)) throw new AppError('bad_request', `${what} is not an HTTP method`);
  return m;
}

/**
 * nginx `auth_request` (GET|POST /v1/authz): the original request from X-Original-URL (an absolute
 * URL, e.g. `$scheme://$host$request_uri`), or from X-Original-URI (the path and query) with the
 * host in X-Original-Host (else X-Forwarded-Host) and the scheme in X-Original-Proto (else
 * X-Forwarded-Proto, else http); the method from X-Original-Method.
 */
export function originalFromNginx(headers: Headers): OriginalRequest {
  const full = one(headers, 'x-original-url');
  let url: URL;
  if (full) url = absolute(full, 'X-Original-URL');
  else {
    const uri = one(headers, 'x-original-uri');
    const host = one(headers, 'x-original-host') ?? one(headers, 'x-forwarded-host');
    if (!uri || !host) {
      throw new AppError(
        'bad_request',
        'Say which request to decide: X-Original-URL: <absolute URL> (nginx: proxy_set_header X-Original-URL $scheme://$host$request_uri;), or X-Original-URI with X-Original-Host',
      );
    }
    const scheme = (one(headers, 'x-original-proto') ?? one(headers, 'x-forwarded-proto') ?? 'http').toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') throw new AppError('bad_request', `X-Original-Proto must be http or https, not ${JSON.stringify(scheme.slice(0, 20))}`);
    url = fromParts(scheme, host, uri, 'X-Original-URI');
  }
  return { url: url.href, host: url.hostname, method: method(one(headers, 'x-original-method'), 'X-Original-Method'), user: user(headers), realIp: one(headers, 'x-real-ip') ?? null };
}

/** The path prefix Envoy's `http_service.path_prefix` is set to (docs/integrations/envoy.md). */
export const ENVOY_PREFIX = '/v1/authz/envoy';

/**
 * Envoy's HTTP ext_authz check request: the original method, `path_prefix` + the original path and
 * query, the original Host (`:authority`), and the headers `allowed_headers` lets through (scheme:
 * x-forwarded-proto, else x-envoy-original... else http).
 */
export function originalFromEnvoy(requestMethod: string, requestUrl: string, headers: Headers): OriginalRequest {
  if (!requestUrl.startsWith(ENVOY_PREFIX)) throw new AppError('bad_request', `Envoy's path_prefix must be ${ENVOY_PREFIX}`);
  let path = requestUrl.slice(ENVOY_PREFIX.length);
  if (path === '' || path.startsWith('?')) path = `/${path}`;
  const host = one(headers, 'host');
  if (!host) throw new AppError('bad_request', 'The check request has no Host header (Envoy sends the original :authority as Host)');
  const scheme = (one(headers, 'x-forwarded-proto') ?? 'http').toLowerCase();
  const url = fromParts(scheme === 'https' ? 'https' : 'http', host, path, 'The original request');
  return { url: url.href, host: url.hostname, method: method(requestMethod, 'The method'), user: user(headers), realIp: one(headers, 'x-real-ip') ?? null };
}

/**
 * A header value any HTTP stack accepts: printable ASCII kept, everything else (non-ASCII letters,
 * control characters) and `%` percent-encoded as UTF-8, at most `max` characters.
 */
export function headerSafe(text: string, max = 512): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const piece = c >= 0x20 && c <= 0x7e && ch !== '%' ? ch : encodeURIComponent(ch).replace(/[!'()*~]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
    if (out.length + piece.length > max) break;
    out += piece;
  }
  return out;
}

/** True when the client would rather read HTML (a browser's Accept), as far as the header says. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  if (html < 0) return false;
  const json = accept.indexOf('application/json');
  return json < 0 || html < json;
}
