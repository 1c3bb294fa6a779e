import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the OpenAI and Anthropic APIs on loopback (chat completions, responses,
 * embeddings, messages; SSE streaming included). It answers "You said: <last user text>" so that
 * placeholders come back, and obeys words in the prompt: LEAK-SPLIT streams a credential split
 * across two events, ERROR-429 answers a rate limit, SLOW never answers, TOOL answers a tool call,
 * BURST writes every streamed event at once; chat with `n` > 1 streams the choices interleaved.
 */
export interface MockCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface MockLlm {
  url: string;
  calls: MockCall[];
  /** SLOW requests whose connection the caller (the gateway) closed. */
  readonly slowClosed: number;
  close(): Promise<void>;
}

/** A GitHub token split in the middle: neither half is a credential on its own. */
export const SPLIT_SECRET = ['ghp_1234567890abcdef', 'ghijklmnopqrstuvwxyz'] as const;

function lastUserText(path: string, body: any): string {
  if (path.endsWith('/embeddings')) return '';
  if (path.endsWith('/responses')) {
    if (typeof body.input === 'string') return body.input;
    const items = (body.input ?? []).filter((i: any) => i.role === 'user');
    const c = items[items.length - 1]?.content;
    return typeof c === 'string' ? c : (c ?? []).map((p: any) => p.text ?? '').join('');
  }
  const msgs = (body.messages ?? []).filter((m: any) => m.role === 'user');
  const c = msgs[msgs.length - 1]?.content;
  return typeof c === 'string' ? c : (c ?? []).map((p: any) => p.text ?? '').join('');
}

/**
 * Pieces of 7 characters, so that values are split across events; an answer of 64 KiB or more in
 * pieces of 64 (a 1 MB answer is then 16,000 events rather than 143,000: the mock and the test's
 * client share the event loop the stall tests measure, and would weigh more than the gateway).
 */
function chunksOf(text: string, size = text.length >= 65_536 ? 64 : 7): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export async function startMockLlm(): Promise<MockLlm> {
  const calls: MockCall[] = [];
  const state = { slowClosed: 0 };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      let body: any = {};
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        /* answered below */
      }
      calls.push({ path, headers: req.headers, body });
      const said = lastUserText(path, body);
      if (said.includes('SLOW')) {
        // never answers; counts the connections the gateway closes while waiting
        req.socket.once('close', () => state.slowClosed++);
        return;
      }
      if (said.includes('ERROR-429')) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7', 'x-request-id': 'req_mock_429' });
        return res.end(JSON.stringify({ error: { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' } }));
      }
      const leak = said.includes('LEAK-SPLIT');
      const pieces = leak ? ['Here it is: ', SPLIT_SECRET[0], `${SPLIT_SECRET[1]} and more`] : chunksOf(`You said: ${said}`);
      const answer = pieces.join('');
      const tool = said.includes('TOOL');
      const burst = said.includes('BURST');
      // n > 1 (chat): choice 0 is short (it ends while the others are still under way), choice c > 0 answers "Choice c heard: <last user text>".
      const n = typeof body.n === 'number' && body.n > 1 ? Math.min(body.n, 8) : 1;
      const choiceTexts = Array.from({ length: n }, (_, c) => (c === 0 ? 'Short one' : `Choice ${c} heard: ${said}`));
      // OpenAI streams a usage chunk last only when asked (stream_options.include_usage).
      const includeUsage = body.stream_options?.include_usage === true;
      const frame = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
      const sse = (data: unknown, event?: string) => res.write(frame(data, event));

      if (path === '/v1/embeddings') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const inputs = Array.isArray(body.input) ? body.input : [body.input];
        return res.end(JSON.stringify({ object: 'list', data: inputs.map((_: unknown, i: number) => ({ object: 'embedding', index: i, embedding: [0.1, 0.2, 0.3] })), model: body.model, usage: { prompt_tokens: 5, total_tokens: 5 } }));
      }
      if (path === '/v1/chat/completions') {
        if (!body.stream) {
          res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_mock_chat' });
          const message = tool
            ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'send_mail', arguments: JSON.stringify({ to: said.match(/\[EMAIL_\d+\]/)?.[0] ?? 'nobody' }) } }] }
            : { role: 'assistant', content: answer };
          const choices = n > 1 ? choiceTexts.map((content, index) => ({ index, message: { role: 'assistant', content }, finish_reason: 'stop' })) : [{ index: 0, message, finish_reason: tool ? 'tool_calls' : 'stop' }];
          return res.end(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: body.model, choices, usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 } }));
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const base = { id: 'chatcmpl-2', object: 'chat.completion.chunk', created: 1, model: body.model };
        if (n > 1) {
          // Several choices, their pieces interleaved (each choice its own piece size, so a
          // placeholder splits at different places), each choice ending as soon as its text does.
          const queues = choiceTexts.map((text, c) => chunksOf(text, 3 + 5 * c));
          const finished = queues.map(() => false);
          for (let c = 0; c < n; c++) sse({ ...base, choices: [{ index: c, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
          const events: unknown[] = [];
          while (finished.includes(false))
            for (let c = 0; c < n; c++) {
              const piece = queues[c]!.shift();
              if (piece !== undefined) events.push({ ...base, choices: [{ index: c, delta: { content: piece }, finish_reason: null }] });
              else if (!finished[c]) {
                finished[c] = true;
                events.push({ ...base, choices: [{ index: c, delta: {}, finish_reason: 'stop' }] });
              }
            }
          if (includeUsage) events.push({ ...base, choices: [], usage: { prompt_tokens: 11, completion_tokens: 9 * n, total_tokens: 11 + 9 * n } });
          const write = (): unknown => {
            const ev = events.shift();
            if (ev === undefined) return res.end('data: [DONE]\n\n');
            sse(ev);
            return burst ? write() : setTimeout(write, 2);
          };
          return write();
        }
        sse({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
        let i = 0;
        const next = (): unknown => {
          if (i < pieces.length) {
            sse({ ...base, choices: [{ index: 0, delta: { content: pieces[i++] }, finish_reason: null }] });
            // BURST: every event written at once (the gateway reads them in one go).
            return burst ? next() : setTimeout(next, 5);
          }
          sse({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
          if (includeUsage) sse({ ...base, choices: [], usage: { prompt_tokens: 11, completion_tokens: pieces.length, total_tokens: 11 + pieces.length } });
          res.end('data: [DONE]\n\n');
        };
        return next();
      }
      if (path === '/v1/responses') {
        // as OpenAI does, the answer echoes the request's instructions
        const response = (text: string) => ({ id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: body.model, instructions: body.instructions ?? null, output: [{ type: 'message', id: 'msg_1', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }], usage: { input_tokens: 9, output_tokens: 4, total_tokens: 13 } });
        if (!body.stream) {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(JSON.stringify(response(answer)));
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        let seq = 0;
        sse({ type: 'response.created', sequence_number: seq++, response: { ...response(''), status: 'in_progress', output: [] } }, 'response.created');
        // A long answer's events are written 256 at a time (one write), yielding between: the mock
        // shares the test's event loop, whose delay the stall tests measure.
        let i = 0;
        const deltas = (): unknown => {
          let batch = '';
          for (const end = Math.min(i + 256, pieces.length); i < end; i++) batch += frame({ type: 'response.output_text.delta', sequence_number: seq++, item_id: 'msg_1', output_index: 0, content_index: 0, delta: pieces[i] }, 'response.output_text.delta');
          res.write(batch);
          if (i < pieces.length) return setImmediate(deltas);
          const full = pieces.join('');
          sse({ type: 'response.output_text.done', sequence_number: seq++, item_id: 'msg_1', output_index: 0, content_index: 0, text: full }, 'response.output_text.done');
          sse({ type: 'response.completed', sequence_number: seq, response: response(full) }, 'response.completed');
          return res.end();
        };
        return deltas();
      }
      if (path === '/v1/messages') {
        const usage = { input_tokens: 12, output_tokens: 6 };
        if (!body.stream) {
          res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_mock_msg' });
          const content = tool ? [{ type: 'tool_use', id: 'toolu_1', name: 'send_mail', input: { to: said.match(/\[EMAIL_\d+\]/)?.[0] ?? 'nobody' } }] : [{ type: 'text', text: answer }];
          return res.end(JSON.stringify({ id: 'msg_1', type: 'message', role: 'assistant', model: body.model, content, stop_reason: tool ? 'tool_use' : 'end_turn', stop_sequence: null, usage }));
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        sse({ type: 'message_start', message: { id: 'msg_2', type: 'message', role: 'assistant', model: body.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 12, output_tokens: 1 } } }, 'message_start');
        sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start');
        let i = 0;
        const next = () => {
          if (i < pieces.length) {
            sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: pieces[i++] } }, 'content_block_delta');
            return setTimeout(next, 5);
          }
          sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop');
          sse({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: pieces.length } }, 'message_delta');
          sse({ type: 'message_stop' }, 'message_stop');
          res.end();
        };
        return next();
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${path}`, type: 'invalid_request_error' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get slowClosed() {
      return state.slowClosed;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
