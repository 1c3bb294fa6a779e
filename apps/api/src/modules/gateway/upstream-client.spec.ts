import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { callUpstream, decodedBody, readBody } from './upstream-client';
import type { ResolvedUpstream } from './upstreams.service';

/** A local server; each test says how it answers. */
let handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void = () => undefined;
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(parts).toString('utf8')));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** An upstream whose host name does not resolve: only the vetted address (the pinned lookup) reaches the server. */
function upstream(host = 'upstream.invalid'): ResolvedUpstream {
  const baseUrl = new URL(`http://${host}:${port}/v1/`);
  return { id: 'u', name: 'test', api: 'openai', providerSlug: 'openai-api', baseUrl, apiKey: 'k', timeoutMs: 5_000, target: { url: baseUrl, hostname: host, addresses: [{ address: '127.0.0.1', family: 4 }] } };
}

describe('callUpstream', () => {
  test('connects to the vetted address whatever the name resolves to; path, headers and body as given', async () => {
    let seen: { url?: string; host?: string; auth?: string; length?: string; body?: string } = {};
    handler = (req, res, body) => {
      seen = { url: req.url, host: req.headers.host, auth: req.headers.authorization, length: req.headers['content-length'], body };
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    };
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: 'Bearer k' };
    const res = await callUpstream(upstream(), '/chat/completions', headers, '{"é":1}').response;
    expect(res.statusCode).toBe(200);
    expect((await readBody(res, 1024, 5_000)).toString()).toBe('{"ok":true}');
    expect(res.complete).toBe(true);
    expect(seen).toEqual({ url: '/v1/chat/completions', host: `upstream.invalid:${port}`, auth: 'Bearer k', length: '8', body: '{"é":1}' });
    expect(headers['content-length']).toBe('8');
  });

  test('repeated answer headers: the first of retry-after and content-type, others joined, set-cookie a list', async () => {
    handler = (_req, res) => {
      res.setHeader('retry-after', ['1', '2']);
      res.setHeader('x-ratelimit-remaining-requests', ['5', '6']);
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('content-type', ['application/json', 'text/plain']);
      res.end('{}');
    };
    const res = await callUpstream(upstream(), '/x', {}, '{}').response;
    expect(res.headers['retry-after']).toBe('1');
    expect(res.headers['x-ratelimit-remaining-requests']).toBe('5, 6');
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(res.headers['content-type']).toBe('application/json');
    await readBody(res, 1024, 5_000);
  });

  test('an answer cut before its end is "closed the connection before the end of its answer"', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const res = await callUpstream(upstream(), '/x', {}, '{}').response;
    await expect(readBody(res, 1024, 5_000)).rejects.toThrow('The upstream closed the connection before the end of its answer');
    expect(res.complete).toBe(false);
  });

  test('a streamed answer cut before its end: the stream says so (an error), never a normal end', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"a":1}\n\n');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const res = await callUpstream(upstream(), '/x', {}, '{}').response;
    const outcome = await new Promise<string>((resolve) => {
      res.on('data', () => undefined);
      res.once('end', () => resolve('end'));
      res.once('error', () => resolve('error'));
    });
    expect(outcome).toBe('error');
    expect(res.complete).toBe(false);
  });

  test('aborted before the answer: the call fails; aborted while the body is read: the body stops', async () => {
    handler = () => undefined; // never answers
    const call = callUpstream(upstream(), '/x', {}, '{}');
    setTimeout(() => call.abort(), 20);
    await expect(call.response).rejects.toThrow();
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
    };
    const second = callUpstream(upstream(), '/x', {}, '{}');
    const res = await second.response;
    const read = readBody(res, 1024, 5_000);
    second.abort();
    await expect(read).rejects.toThrow();
  });

  test('a body compressed although identity was asked for is decompressed; an unknown coding is refused', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync('{"z":true}'));
    };
    const res = await callUpstream(upstream(), '/x', {}, '{}').response;
    expect((await readBody(res, 1024, 5_000, decodedBody(res))).toString()).toBe('{"z":true}');
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'zstd-x' });
      res.end('{}');
    };
    const odd = await callUpstream(upstream(), '/x', {}, '{}').response;
    expect(() => decodedBody(odd)).toThrow(/cannot read \(zstd-x\)/);
    odd.destroy();
  });

  test('an upstream that does not answer in time is cut by the idle timer, and a refused connection fails the call', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
    };
    const res = await callUpstream(upstream(), '/x', {}, '{}').response;
    await expect(readBody(res, 1024, 50)).rejects.toMatchObject({ timedOut: true });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const baseUrl = new URL(`http://refused.invalid:${closedPort}/`);
    const refused: ResolvedUpstream = { ...upstream(), baseUrl, target: { url: baseUrl, hostname: 'refused.invalid', addresses: [{ address: '127.0.0.1', family: 4 }] } };
    await expect(callUpstream(refused, '/x', {}, '{}').response).rejects.toThrow(/ECONNREFUSED/);
  });
});
