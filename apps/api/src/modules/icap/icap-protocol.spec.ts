import net from 'node:net';
import { asText, bodyTexts, maskJoined, parseContentType } from './icap-bodies';
import { type IcapHandler, type IcapPlan, serveIcapConnection } from './icap-connection';
import { wantsHtml } from './icap-pages';
import { ChunkedDecoder, encodeChunk, icapHead, IcapProtocolError, LAST_CHUNK, parseEncapsulated, parseHttpHead, parseIcapHead, proxyUserName, requestUrl } from './icap-protocol';

const head = (s: string) => Buffer.from(s.replace(/\n/g, '\r\n'), 'latin1');

describe('ICAP request head', () => {
  test('REQMOD with preview, Allow: 204, key in the URI', () => {
    const h = parseIcapHead(head('REQMOD icap://127.0.0.1:1344/reqmod?key=ak_x ICAP/1.0\nHost: 127.0.0.1\nEncapsulated: req-hdr=0, req-body=120\nPreview: 0\nAllow: 204, trailers\nX-Client-IP: 10.0.0.7'));
    expect(h).toMatchObject({ method: 'REQMOD', path: '/reqmod', sectionsLength: 120, preview: 0, allow204: true, body: 'req-body' });
    expect(h.query.get('key')).toBe('ak_x');
    expect(h.headers.get('x-client-ip')).toBe('10.0.0.7');
  });

  test('null-body: no preview, no body', () => {
    const h = parseIcapHead(head('REQMOD icap://h/reqmod ICAP/1.0\nEncapsulated: req-hdr=0, null-body=80\nPreview: 1024'));
    expect(h).toMatchObject({ body: null, preview: null, sectionsLength: 80, allow204: false });
  });

  test.each([
    ['GET icap://h/reqmod ICAP/1.0\nEncapsulated: null-body=0', 501],
    ['REQMOD icap://h/reqmod ICAP/2.0\nEncapsulated: null-body=0', 505],
    ['REQMOD /reqmod ICAP/1.0\nEncapsulated: null-body=0', 400],
    ['REQMOD http://h/reqmod ICAP/1.0\nEncapsulated: null-body=0', 400],
    ['REQMOD icap://h/reqmod ICAP/1.0', 400],
    ['REQMOD icap://h/reqmod ICAP/1.0\nEncapsulated: req-hdr=0, req-body=x', 400],
    ['REQMOD icap://h/reqmod ICAP/1.0\nEncapsulated: req-hdr=10, req-body=20', 400],
    ['REQMOD icap://h/reqmod ICAP/1.0\nEncapsulated: req-body=0, req-hdr=20', 400],
    ['REQMOD icap://h/reqmod ICAP/1.0\nEncapsulated: req-hdr=0, res-body=20', 400],
    ['REQMOD icap://h/reqmod ICAP/1.0\nEncapsulated: req-hdr=0, req-body=20\nPreview: -1', 400],
    ['REQMOD icap://h/reqmod ICAP/1.0\nEncapsulated: null-body=0\nbad header', 400],
    ['REQMOD icap://h/reqmod ICAP/1.0\nEncapsulated: null-body=0\nX: a\u0001b', 400],
    ['', 400],
  ])('malformed: %j → %i', (text, status) => {
    let caught: unknown;
    try {
      parseIcapHead(head(text));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(IcapProtocolError);
    expect((caught as IcapProtocolError).status).toBe(status);
  });

  test('Encapsulated of RESPMOD and OPTIONS', () => {
    expect(parseEncapsulated('req-hdr=0, res-hdr=100, res-body=200', 'RESPMOD').map((p) => p.name)).toEqual(['req-hdr', 'res-hdr', 'res-body']);
    expect(parseEncapsulated(undefined, 'OPTIONS')).toEqual([]);
  });
});

describe('encapsulated HTTP heads', () => {
  test('request URL: absolute target, Host + path, CONNECT', () => {
    expect(requestUrl(parseHttpHead(head('POST https://chatgpt.com/backend-api/conversation HTTP/1.1\nHost: chatgpt.com\n\n'), 'request'))).toBe('https://chatgpt.com/backend-api/conversation');
    expect(requestUrl(parseHttpHead(head('POST /api/x?q=1 HTTP/1.1\nHost: chat.deepseek.com\n\n'), 'request'))).toBe('http://chat.deepseek.com/api/x?q=1');
    expect(requestUrl(parseHttpHead(head('CONNECT chatgpt.com:443 HTTP/1.1\nHost: chatgpt.com:443\n\n'), 'request'))).toBe('https://chatgpt.com:443/');
    expect(requestUrl(parseHttpHead(head('GET /x HTTP/1.1\n\n'), 'request'))).toBeNull();
  });

  test('a head that does not end where the offsets say, or a bad start line, is refused', () => {
    expect(() => parseHttpHead(head('GET / HTTP/1.1\nHost: a\n'), 'request')).toThrow(IcapProtocolError);
    expect(() => parseHttpHead(head('NOT A REQUEST\n\n'), 'request')).toThrow(IcapProtocolError);
    expect(() => parseHttpHead(head('HTTP/1.1 OK\n\n'), 'response')).toThrow(IcapProtocolError);
  });
});

test.each([
  ['ana@example.com', 'ana@example.com'],
  ['WinNT://EXAMPLE/ana', 'ana'],
  ['Local://ana', 'ana'],
  ['EXAMPLE\\ana', 'ana'],
  ['LDAP://dc.example.com/cn=ana', 'cn=ana'],
])('proxy user %j → %j', (value, name) => expect(proxyUserName(value)).toBe(name));

describe('ChunkedDecoder', () => {
  const body = Buffer.concat([encodeChunk(Buffer.from('hello ')), encodeChunk(Buffer.from('world')), LAST_CHUNK, Buffer.from('NEXT')]);

  test('split at every byte boundary: the same data, the rest returned', () => {
    for (let cut = 1; cut < body.length; cut++) {
      const d = new ChunkedDecoder();
      const a = d.push(body.subarray(0, cut));
      const b = a.done ? null : d.push(body.subarray(cut));
      const data = Buffer.concat([...a.data, ...(b?.data ?? [])]).toString();
      expect(data).toBe('hello world');
      const end = b ?? a;
      expect(end.done).toEqual({ ieof: false });
      // What follows the body: the rest of the push that ended it, and what was not pushed yet.
      expect((end.rest?.toString() ?? '') + (b ? '' : body.subarray(cut).toString())).toBe('NEXT');
    }
  });

  test('ieof on the last chunk of a preview; chunk extensions; trailers', () => {
    const d = new ChunkedDecoder();
    const r = d.push(Buffer.from('5;name=x\r\nhello\r\n0; ieof\r\n\r\n'));
    expect(Buffer.concat(r.data).toString()).toBe('hello');
    expect(r.done).toEqual({ ieof: true });
    const t = new ChunkedDecoder().push(Buffer.from('0\r\nX-T: 1\r\n\r\n'));
    expect(t.done).toEqual({ ieof: false });
  });

  test.each([
    ['zz\r\n', 'not a hexadecimal size'],
    ['5\r\nhelloX\r\n', 'longer than its size'],
    ['5\nhello\r\n', 'CRLF'],
    [`${'1'.repeat(2000)}`, 'longer than 1 KiB'],
    ['123456789\r\n', 'not a hexadecimal size'],
  ])('malformed %j', (input, message) => {
    expect(() => new ChunkedDecoder().push(Buffer.from(input))).toThrow(message);
  });
});

describe('body texts', () => {
  test('JSON: every string value, rewritten in place; keys untouched', () => {
    const b = bodyTexts('application/json', Buffer.from(JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'card 4111 1111 1111 1111' }], n: 1 })));
    expect(b.kind).toBe('json');
    expect(b.texts.map((t) => t.get())).toEqual(['deepseek-chat', 'user', 'card 4111 1111 1111 1111']);
    b.texts[2]!.set('card [CARD_1]');
    expect(JSON.parse(b.serialize().toString())).toEqual({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'card [CARD_1]' }], n: 1 });
  });

  test('JSON unchanged is passed byte for byte; deep nesting is walked without recursion', () => {
    const raw = Buffer.from('{ "a" : "x" }');
    expect(bodyTexts('application/json', raw).serialize()).toBe(raw);
    const deep = '['.repeat(5000) + '"s"' + ']'.repeat(5000);
    expect(bodyTexts('application/json', Buffer.from(deep)).texts.map((t) => t.get())).toEqual(['s']);
  });

  test('form-urlencoded', () => {
    const b = bodyTexts('application/x-www-form-urlencoded; charset=utf-8', Buffer.from('q=hello+there&card=4111%201111'));
    expect(b.texts.map((t) => t.get())).toEqual(['hello there', '4111 1111']);
    b.texts[1]!.set('[CARD_1]');
    expect(b.serialize().toString()).toBe('q=hello+there&card=%5BCARD_1%5D');
  });

  test('multipart: fields as texts, files apart (text and binary), rebuilt with the same boundary', () => {
    const raw = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nsummarise this\r\n'),
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="iban.txt"\r\nContent-Type: text/plain\r\n\r\nIBAN DE89 3704 0044 0532 0130 00\r\n'),
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="img"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n'),
      Buffer.from([0x89, 0x50, 0x00, 0x01]),
      Buffer.from('\r\n--XyZ--\r\n'),
    ]);
    const b = bodyTexts('multipart/form-data; boundary="XyZ"', raw);
    expect(b.kind).toBe('multipart');
    expect(b.texts.map((t) => t.get())).toEqual(['summarise this']);
    expect(b.files.map((f) => [f.fileName, f.mimeType, f.text?.get() ?? null])).toEqual([
      ['iban.txt', 'text/plain', 'IBAN DE89 3704 0044 0532 0130 00'],
      ['a.png', 'image/png', null],
    ]);
    expect(b.serialize().equals(raw)).toBe(true);
    b.files[0]!.text!.set('IBAN [IBAN_1]');
    expect(b.serialize().toString('latin1')).toContain('filename="iban.txt"\r\nContent-Type: text/plain\r\n\r\nIBAN [IBAN_1]\r\n--XyZ');
  });

  test('a mislabelled or broken body is still read as text; binary gives nothing', () => {
    expect(bodyTexts('application/octet-stream', Buffer.from('secret text')).texts.map((t) => t.get())).toEqual(['secret text']);
    expect(bodyTexts('multipart/form-data; boundary=nope', Buffer.from('just text')).kind).toBe('text');
    expect(bodyTexts('application/json', Buffer.from('{not json')).kind).toBe('text');
    expect(bodyTexts('image/png', Buffer.from([0x89, 0, 1, 2])).kind).toBe('binary');
    expect(asText(Buffer.from([0xff, 0xfe]))).toBeNull();
  });

  test('maskJoined puts spans back per text, across the separator too', () => {
    expect(maskJoined(['ab 1234', 'x 5678 y'], '\n\n', [{ start: 3, end: 7, placeholder: '[N_1]' }, { start: 11, end: 15, placeholder: '[N_2]' }])).toEqual(['ab [N_1]', 'x [N_2] y']);
    expect(maskJoined(['ab12', '34cd'], '\n\n', [{ start: 2, end: 8, placeholder: '[N_1]' }])).toEqual(['ab[N_1]', '[N_1]cd']);
  });

  test('maskJoined stays linear: 100,000 texts and 20,000 spans', () => {
    const texts = Array.from({ length: 100_000 }, (_, i) => `t${i} 12345`);
    const spans: { start: number; end: number; placeholder: string }[] = [];
    let offset = 0;
    texts.forEach((t, i) => {
      if (i % 5 === 0) spans.push({ start: offset + t.length - 5, end: offset + t.length, placeholder: '[N]' });
      offset += t.length + 2;
    });
    const started = performance.now();
    const out = maskJoined(texts, '\n\n', spans);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out[0]).toBe('t0 [N]');
    expect(out[1]).toBe('t1 12345');
    expect(out[99_995]).toBe('t99995 [N]');
  });

  test('content type and Accept', () => {
    expect(parseContentType('Multipart/Form-Data; boundary="a b"')).toEqual({ type: 'multipart/form-data', params: { boundary: 'a b' } });
    expect(wantsHtml('text/html,application/xhtml+xml,*/*;q=0.8')).toBe(true);
    expect(wantsHtml('application/json')).toBe(false);
    expect(wantsHtml('*/*')).toBe(false);
    expect(wantsHtml(undefined)).toBe(false);
  });
});

describe('serveIcapConnection', () => {
  let server: net.Server;
  let port: number;
  let plans: IcapPlan[] = [];
  const seen: string[] = [];
  const handler: IcapHandler = {
    options: () => icapHead(200, [['Methods', 'REQMOD'], ['ISTag', '"t"'], ['Allow', '204'], ['Preview', '0'], ['Encapsulated', 'null-body=0']]),
    plan: (tx) => {
      seen.push(tx.reqHdr?.startLine ?? '');
      return plans.shift() ?? { kind: 'reply', reply: { kind: 'unchanged' } };
    },
    istag: () => '"t"',
    onError: () => undefined,
  };

  beforeAll(async () => {
    server = net.createServer({ pauseOnConnect: true }, (s) => void serveIcapConnection(s, handler, { transactionTimeoutMs: 2000, idleTimeoutMs: 5000 }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** Sends `parts` (writing the next after `waitFor` text appears), collects the answer until `until` matches or close. */
  function exchange(parts: (string | Buffer)[], until: RegExp): Promise<string> {
    return new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      let got = '';
      const queue = [...parts];
      s.on('connect', () => s.write(queue.shift()!));
      s.on('data', (d) => {
        got += d.toString('latin1');
        if (/100 Continue\r\n\r\n$/.test(got) && queue.length) s.write(queue.shift()!);
        if (until.test(got)) {
          s.destroy();
          resolve(got);
        }
      });
      s.on('close', () => resolve(got));
    });
  }

  const http = 'POST http://chat.example/api HTTP/1.1\r\nHost: chat.example\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\n';
  const reqmod = (extra: string) => `REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: x\r\nEncapsulated: req-hdr=0, req-body=${http.length}\r\n${extra}\r\n${http}`;

  test('keep-alive: OPTIONS then two REQMODs on one connection, 204 each', async () => {
    const opts = 'OPTIONS icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: x\r\n\r\n';
    const one = reqmod('Allow: 204\r\n') + '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n';
    const got = await exchange([opts + one + one], /(ICAP\/1.0 204[^]*){2}/);
    expect(got.match(/ICAP\/1.0 \d+/g)).toEqual(['ICAP/1.0 200', 'ICAP/1.0 204', 'ICAP/1.0 204']);
  });

  test('preview 0 then 100 Continue, the body handed to finish, the rewritten answer', async () => {
    let body = '';
    plans = [{ kind: 'body', maxBytes: 100, overflow: () => ({ kind: 'unchanged' }), finish: (b) => ((body = b.toString()), { kind: 'message', bytes: icapHead(200, [['Encapsulated', 'null-body=0']]) }) }];
    const got = await exchange([reqmod('Preview: 0\r\nAllow: 204\r\n') + '0\r\n\r\n', '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n'], /ICAP\/1.0 200 OK[^]*\r\n\r\n$/);
    expect(got).toMatch(/^ICAP\/1.0 100 Continue\r\n\r\nICAP\/1.0 200 OK/);
    expect(body).toBe('hello world');
  });

  test('the whole body inside the preview (ieof): no 100 Continue', async () => {
    let body = '';
    plans = [{ kind: 'body', maxBytes: 100, overflow: () => ({ kind: 'unchanged' }), finish: (b) => ((body = b.toString()), { kind: 'unchanged' }) }];
    const got = await exchange([reqmod('Preview: 1024\r\n') + 'b\r\nhello world\r\n0; ieof\r\n\r\n'], /ICAP\/1.0 204/);
    expect(got).not.toContain('100 Continue');
    expect(body).toBe('hello world');
  });

  test('unchanged without Allow: 204 and no preview: the message is echoed', async () => {
    plans = [{ kind: 'body', maxBytes: 100, overflow: () => ({ kind: 'unchanged' }), finish: () => ({ kind: 'unchanged' }) }];
    const got = await exchange([reqmod('') + 'b\r\nhello world\r\n0\r\n\r\n'], /0\r\n\r\n$/);
    expect(got).toContain(`Encapsulated: req-hdr=0, req-body=${http.length}`);
    expect(got).toContain(`${http}b\r\nhello world\r\n0\r\n\r\n`);
  });

  test('past the limit, fail-open without 204: streamed back unchanged', async () => {
    plans = [{ kind: 'body', maxBytes: 4, overflow: () => ({ kind: 'unchanged' }), finish: () => ({ kind: 'unchanged' }) }];
    const got = await exchange([reqmod('') + '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n'], /0\r\n\r\n$/);
    expect(got).toMatch(/^ICAP\/1.0 200 OK/);
    expect(got).toContain('5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n');
  });

  test('past the limit, fail-closed: the overflow answer', async () => {
    plans = [{ kind: 'body', maxBytes: 4, overflow: () => ({ kind: 'message', bytes: icapHead(200, [['X-Over', '1'], ['Encapsulated', 'null-body=0']]) }), finish: () => ({ kind: 'unchanged' }) }];
    const got = await exchange([reqmod('Allow: 204\r\n') + '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n'], /X-Over: 1\r\n[^]*\r\n\r\n$/);
    expect(got).toContain('X-Over: 1');
  });

  test.each([
    ['garbage', 'hello\r\n\r\n', /^ICAP\/1.0 400/],
    ['bad chunk', reqmod('Allow: 204\r\n') + 'zz\r\n', /^ICAP\/1.0 400/],
    ['wrong version', 'REQMOD icap://h/reqmod ICAP/9.9\r\nEncapsulated: null-body=0\r\n\r\n', /^ICAP\/1.0 505/],
  ])('malformed (%s): an ICAP error, then the connection closes', async (_name, input, status) => {
    const got = await exchange([input], /never/);
    expect(got).toMatch(status);
    expect(got).toContain('Connection: close');
  });

  test('a sender that stops mid-transaction is cut at the transaction timeout; the event loop stays free', async () => {
    const slow = net.createServer({ pauseOnConnect: true }, (s) => void serveIcapConnection(s, handler, { transactionTimeoutMs: 300, idleTimeoutMs: 5000 }));
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const started = Date.now();
    const closed = await new Promise<number>((resolve) => {
      const s = net.connect((slow.address() as net.AddressInfo).port, '127.0.0.1', () => s.write(reqmod('Allow: 204\r\n') + '5\r\nhel'));
      s.on('close', () => resolve(Date.now() - started));
      s.on('error', () => undefined);
    });
    expect(closed).toBeGreaterThanOrEqual(250);
    expect(closed).toBeLessThan(3000);
    await new Promise<void>((r) => slow.close(() => r()));
  });

  test('an endless head is refused at 64 KiB, not buffered', async () => {
    const got = await exchange(['REQMOD icap://h/reqmod ICAP/1.0\r\n' + 'X-Pad: '.padEnd(70 * 1024, 'a')], /never/);
    expect(got).toMatch(/^ICAP\/1.0 400/);
  });
});
