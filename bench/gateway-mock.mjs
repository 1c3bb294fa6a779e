#!/usr/bin/env node
// The upstream for bench/gateway.mjs: an OpenAI-compatible chat completions endpoint on loopback,
// in its own process. Answers at once; streams 20 chunks. Prints "READY <url>".
import http from 'node:http';

const answer = 'The quick brown fox jumps over the lazy dog. '.repeat(4);
const server = http.createServer((req, res) => {
  const parts = [];
  req.on('data', (c) => parts.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}');
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ id: 'c', object: 'chat.completion', created: 1, model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }], usage: { prompt_tokens: 500, completion_tokens: 40, total_tokens: 540 } }));
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const base = { id: 'c', object: 'chat.completion.chunk', created: 1, model: body.model };
    for (let i = 0; i < 20; i++) res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: answer.slice(i * 9, i * 9 + 9) }, finish_reason: null }] })}\n\n`);
    res.end(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`READY http://127.0.0.1:${server.address().port}\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
