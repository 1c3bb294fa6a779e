import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import tls from 'node:tls';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

const gzipAsync = promisify(gzip);

/** Where to connect: the host as configured (for SNI and the certificate check) and the address vetted for it. */
export interface PinnedTarget {
  hostname: string;
  address: string;
  family: 4 | 6;
  port: number;
}

export interface TlsMaterial {
  /** PEM CA certificates to trust instead of the system's (a private CA). */
  ca: string | null;
  /** Client certificate and key (PEM) for mutual TLS. */
  cert: string | null;
  key: string | null;
}

export const CONNECT_TIMEOUT_MS = 10_000;
export const HTTP_TIMEOUT_MS = 15_000;

/**
 * A TCP or TLS (RFC 5425) connection to a syslog receiver, to the vetted address; TLS verifies the
 * receiver's certificate against the configured CA (or the system's) and the configured host name.
 * Resolves once connected (and the handshake done), rejects with a message for the console.
 */
export function openSyslogSocket(target: PinnedTarget, useTls: boolean, material: TlsMaterial, timeoutMs = CONNECT_TIMEOUT_MS): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    let socket: net.Socket;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no connection within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const fail = (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new Error(describeError(err)));
    };
    if (useTls) {
      const servername = net.isIP(target.hostname) ? undefined : target.hostname;
      socket = tls.connect(
        {
          host: target.address,
          port: target.port,
          servername,
          ...(material.ca ? { ca: material.ca } : {}),
          ...(material.cert && material.key ? { cert: material.cert, key: material.key } : {}),
          rejectUnauthorized: true,
          minVersion: 'TLSv1.2',
          checkServerIdentity: (_host, cert) => tls.checkServerIdentity(target.hostname, cert),
        },
        () => {
          clearTimeout(timer);
          socket.off('error', fail);
          resolve(socket);
        },
      );
    } else {
      socket = net.connect({ host: target.address, port: target.port, family: target.family }, () => {
        clearTimeout(timer);
        socket.off('error', fail);
        resolve(socket);
      });
    }
    socket.once('error', fail);
  });
}

export function describeError(err: NodeJS.ErrnoException): string {
  return ((err.code ? `${err.code}: ` : '') + err.message).slice(0, 300);
}

export interface PostResult {
  ok: boolean;
  statusCode: number | null;
  /** The answer's body (at most 1 MiB), for Elastic's per-item results. */
  body: string;
  error: string | null;
}

function pinnedLookup(target: PinnedTarget): LookupFunction {
  return ((_hostname: string, options: { all?: boolean } | undefined, callback: (...args: unknown[]) => void) => {
    if (options && typeof options === 'object' && options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

export function gzipLines(lines: readonly string[]): Promise<Buffer> {
  return gzipAsync(Buffer.from(lines.join('\n') + '\n', 'utf8'));
}

/**
 * POSTs a gzip body to the vetted address of `url` (no redirects followed: a redirect could point
 * anywhere). 2xx is success; the whole exchange is bounded by `timeoutMs`.
 */
export function postBatch(url: URL, target: PinnedTarget, headers: Record<string, string>, body: Buffer, material: TlsMaterial, timeoutMs = HTTP_TIMEOUT_MS): Promise<PostResult> {
  const isHttps = url.protocol === 'https:';
  const request = isHttps ? https.request : http.request;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = request(
      {
        method: 'POST',
        protocol: url.protocol,
        hostname: target.hostname,
        port: url.port || (isHttps ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, 'content-length': String(body.length), 'user-agent': 'Airlock-SIEM/1' },
        lookup: pinnedLookup(target),
        agent: false,
        ...(isHttps
          ? {
              ...(material.ca ? { ca: material.ca } : {}),
              ...(material.cert && material.key ? { cert: material.cert, key: material.key } : {}),
              servername: net.isIP(target.hostname) ? undefined : target.hostname,
              minVersion: 'TLSv1.2' as const,
            }
          : {}),
      },
      (res: IncomingMessage) => {
        const code = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < 1024 * 1024) chunks.push(c);
          size += c.length;
        });
        res.on('error', () => undefined);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (code >= 200 && code < 300) finish({ ok: true, statusCode: code, body: text, error: null });
          else if (code >= 300 && code < 400) finish({ ok: false, statusCode: code, body: text, error: `redirect (${code}) not followed` });
          else finish({ ok: false, statusCode: code, body: text, error: `HTTP ${code}${text ? `: ${text.replace(/\s+/g, ' ').slice(0, 200)}` : ''}` });
        });
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, statusCode: null, body: '', error: `no answer within ${timeoutMs / 1000} s` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => finish({ ok: false, statusCode: null, body: '', error: describeError(err) }));
    req.end(body);
  });
}
