#!/usr/bin/env node
// The floor for bench/gateway.mjs: a bare Node reverse proxy on loopback, in its own process, that
// forwards each request to UPSTREAM (base URL) over a keep-alive agent and pipes the answer back,
// inspecting nothing. What any Node gateway pays for the two extra process hops on this host.
// Prints "READY <url>".
import http from 'node:http';

const upstream = new URL(process.env.UPSTREAM);
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const server = http.createServer((req, res) => {
  const out = http.request(
    { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, agent, headers: { 'content-type': req.headers['content-type'] ?? 'application/json', 'content-length': req.headers['content-length'] } },
    (answer) => {
      res.writeHead(answer.statusCode, { 'content-type': answer.headers['content-type'] ?? 'application/octet-stream' });
      answer.pipe(res);
    },
  );
  out.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
  req.pipe(out);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`READY http://127.0.0.1:${server.address().port}\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
