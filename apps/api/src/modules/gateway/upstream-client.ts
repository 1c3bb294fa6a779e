import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { ResolvedUpstream } from './upstreams.service';

/** Keep-alive pools for upstream connections (one per protocol; sockets are per host and port). */
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 }),
};

/** A lookup that answers the address vetted when the upstream was loaded: no second DNS answer can move the connection. */
function pinnedLookup(upstream: ResolvedUpstream): LookupFunction {
  const { address, family } = upstream.target.addresses[0]!;
  return ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (opts?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as unknown as LookupFunction;
}

/** What every request to one upstream shares, made once per loaded upstream (the cache's entry) rather than per call. */
interface Route {
  secure: boolean;
  options: Omit<https.RequestOptions, 'path' | 'headers'>;
  basePath: string;
}
const routes = new WeakMap<ResolvedUpstream, Route>();

function routeOf(upstream: ResolvedUpstream): Route {
  let route = routes.get(upstream);
  if (!route) {
    const base = upstream.baseUrl;
    const secure = base.protocol === 'https:';
    route = {
      secure,
      basePath: base.pathname.replace(/\/+$/, ''),
      options: {
        protocol: base.protocol,
        hostname: upstream.target.hostname,
        port: base.port || (secure ? 443 : 80),
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        lookup: pinnedLookup(upstream),
        servername: secure ? upstream.target.hostname : undefined,
      },
    };
    routes.set(upstream, route);
  }
  return route;
}

export interface UpstreamCall {
  /** Resolves with the response once its headers arrived. */
  response: Promise<IncomingMessage>;
  abort(): void;
}

/**
 * Sends one request to the upstream (the body is written at once); `path` is appended to its base
 * URL. `headers` is the call's own object: content-length is added to it.
 */
export function callUpstream(upstream: ResolvedUpstream, path: string, headers: Record<string, string>, body: string): UpstreamCall {
  const route = routeOf(upstream);
  headers['content-length'] = String(Buffer.byteLength(body));
  const req = (route.secure ? https : http).request({ ...route.options, path: route.basePath + path, headers });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  response.catch(() => undefined);
  req.end(body);
  return {
    response,
    abort: () => req.destroy(new Error('aborted')),
  };
}

/** Why an upstream answer could not be read: `timedOut` when it fell silent longer than allowed. */
export class UpstreamReadError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/**
 * The answer's bytes as sent: a body the upstream compressed although the gateway asked for none
 * (`accept-encoding: identity`) is decompressed (gzip, deflate, br), so that it is read and
 * inspected like any other; `res` itself otherwise. A coding the gateway does not know is refused.
 */
export function decodedBody(res: IncomingMessage): Readable {
  const coding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (!coding || coding === 'identity') return res;
  const decoder = coding === 'gzip' || coding === 'x-gzip' ? zlib.createGunzip() : coding === 'deflate' ? zlib.createInflate() : coding === 'br' ? zlib.createBrotliDecompress() : null;
  if (!decoder) throw new UpstreamReadError(`The upstream answered with a content coding the gateway cannot read (${coding})`);
  res.pipe(decoder);
  return decoder;
}

/**
 * The body of a response (read from `body`, `res` decoded, see decodedBody), up to `max` bytes
 * (more: throws); an upstream silent for `idleMs` while sending it, or that closes the connection
 * before its end, throws an UpstreamReadError rather than leaving the call waiting.
 */
export function readBody(res: IncomingMessage, max: number, idleMs: number, body: Readable = res): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let done = false;
    let timer: NodeJS.Timeout | null = null;
    const fail = (err: Error) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      res.destroy();
      if (body !== res) body.destroy();
      reject(err);
    };
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => fail(new UpstreamReadError(`The upstream sent nothing of its answer for ${idleMs / 1000} s`, true)), idleMs);
    };
    arm();
    body.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) return fail(new UpstreamReadError(`The upstream answer is larger than ${max} bytes`));
      parts.push(chunk);
      arm();
    });
    body.once('end', () => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
    });
    const cut = () => fail(new UpstreamReadError('The upstream closed the connection before the end of its answer'));
    // the connection reset under the answer (Node's "aborted"): cut, like a close before its end
    body.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' && !res.complete ? cut() : fail(new UpstreamReadError(`The upstream answer could not be read (${err.message})`))));
    if (body !== res) res.once('error', () => undefined);
    res.once('close', () => {
      if (!res.complete) cut();
    });
  });
}
