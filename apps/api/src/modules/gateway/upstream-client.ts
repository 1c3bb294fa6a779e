import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
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

/** The body of a response, up to `max` bytes (more: throws). */
export function readBody(res: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        res.destroy();
        reject(new Error(`The upstream answer is larger than ${max} bytes`));
        return;
      }
      parts.push(chunk);
    });
    res.once('end', () => resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts)));
    res.once('error', reject);
    res.once('close', () => {
      if (!res.complete) reject(new Error('The upstream closed the connection before the end of its answer'));
    });
  });
}
