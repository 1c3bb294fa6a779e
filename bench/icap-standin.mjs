#!/usr/bin/env node
// The HTTPS stand-in for chat.deepseek.com in bench/icap.mjs, in its own process: answers every
// request with a small JSON body after reading it. Certificate and key from BENCH_CERT / BENCH_KEY
// (files); prints "READY <port>".
import fs from 'node:fs';
import https from 'node:https';

const server = https.createServer({ cert: fs.readFileSync(process.env.BENCH_CERT), key: fs.readFileSync(process.env.BENCH_KEY), keepAlive: true }, (req, res) => {
  let n = 0;
  req.on('data', (d) => (n += d.length));
  req.on('end', () => {
    const body = `{"ok":true,"received":${n}}`;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${server.address().port}\n`));
process.once('SIGTERM', () => process.exit(0));
