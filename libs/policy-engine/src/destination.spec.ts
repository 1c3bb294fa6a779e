import fc from 'fast-check';
import { extractHost, normalizeDomainPattern } from './destination';
import { DomainIndex } from './domain-index';

/** expect.stringContaining, typed (it returns `any`). */
const containing = (text: string): string => expect.stringContaining(text) as string;

describe('extractHost', () => {
  it.each([
    // [input, host]
    ['https://chat.deepseek.com/a/b?c=d#e', 'chat.deepseek.com'],
    ['https://Chat.DeepSeek.COM/', 'chat.deepseek.com'],
    ['HTTPS://CHAT.DEEPSEEK.COM', 'chat.deepseek.com'],
    ['https://chat.deepseek.com./', 'chat.deepseek.com'],
    ['https://chat.deepseek.com:8443/x', 'chat.deepseek.com'],
    ['https://chat.deepseek.com:/x', 'chat.deepseek.com'],
    ['https://user:secret@chat.deepseek.com/', 'chat.deepseek.com'],
    ['https://evil.com@chat.deepseek.com/', 'chat.deepseek.com'],
    ['https://evil.com/@chat.deepseek.com', 'evil.com'],
    ['https://evil.com?@chat.deepseek.com', 'evil.com'],
    ['https://evil.com#@chat.deepseek.com', 'evil.com'],
    ['https://chat.deepseek.com\\@evil.com/', 'chat.deepseek.com'],
    ['wss://chat.deepseek.com/ws', 'chat.deepseek.com'],
    ['//chat.deepseek.com/x', 'chat.deepseek.com'],
    ['chat.deepseek.com', 'chat.deepseek.com'],
    ['chat.deepseek.com/path?q=1', 'chat.deepseek.com'],
    ['chat.deepseek.com:443', 'chat.deepseek.com'],
    ['CHAT.deepseek.com.', 'chat.deepseek.com'],
    ['localhost:8080', 'localhost'],
    // IDN: Unicode in, punycode out, either way round
    ['https://bücher.example/', 'xn--bcher-kva.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['BÜCHER.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['https://bücher。example/', 'xn--bcher-kva.example'],
    // percent-escapes and odd spellings go through the URL parser
    ['http://%64eepseek.com/', 'deepseek.com'],
    ['https:chat.deepseek.com', 'chat.deepseek.com'],
    ['  https://chat.deepseek.com  ', 'chat.deepseek.com'],
    ['ht\ttps://chat.deep\nseek.com/', 'chat.deepseek.com'],
    // IP literals
    ['http://10.1.2.3:80/', '10.1.2.3'],
    ['203.0.113.7', '203.0.113.7'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['https://[2001:DB8::7]:443/v1', '2001:db8::7'],
    ['[2001:db8:0:0:0:0:0:7]', '2001:db8::7'],
    ['2001:db8::7', '2001:db8::7'],
    ['fd00::1', 'fd00::1'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['http://[::ffff:10.1.2.3]/', '10.1.2.3'],
    // non-special schemes are read as hosts too
    ['ftp://files.example.com/x', 'files.example.com'],
  ])('%j -> %j', (input, host) => {
    expect(extractHost(input)).toBe(host);
  });

  it.each([
    [''],
    ['   '],
    ['/relative/path'],
    ['https://'],
    ['https:///'],
    ['http://[::1'],
    ['http://[not-ipv6]/'],
    ['http://1.2.3.4.5/'],
    ['http://a b.com/'],
    ['https://chat.deepseek.com:abc/'],
    ['javascript:alert(1)'],
    ['https://xn--0.example/'], // a punycode label that does not decode
    ['a:b:c'],
    [null],
    [undefined],
    [42],
    [{ host: 'chat.deepseek.com' }],
  ])('%j has no host', (input) => {
    expect(extractHost(input)).toBeNull();
  });

  it('agrees with the WHATWG URL parser on http(s) URLs made of URL characters', () => {
    const label = fc.stringMatching(/^[a-zA-Z0-9_-]{1,8}$/);
    const host = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
      fc.ipV4(),
      fc.constantFrom('0x7f.1', '127.1', '1.2.3.04', 'xn--bcher-kva.example', 'a..b', 'a.b.', 'xn--0._', 'XN--0.a', 'a.xn--'),
    );
    const url = fc.record({
      scheme: fc.constantFrom('http', 'https', 'HTTP', 'wss'),
      userinfo: fc.option(fc.stringMatching(/^[a-z0-9:.@]{0,8}$/), { nil: undefined }),
      host,
      port: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }),
      rest: fc.constantFrom('', '/', '/p?q=1', '?x', '#y', '/@evil.com', '\\x'),
    });
    fc.assert(
      fc.property(url, ({ scheme, userinfo, host: h, port, rest }) => {
        const input = `${scheme}://${userinfo === undefined ? '' : `${userinfo}@`}${h}${port === undefined ? '' : `:${port}`}${rest}`;
        let expected: string | null;
        try {
          expected = new URL(input).hostname.replace(/\.+$/, '') || null;
        } catch {
          expected = null;
        }
        expect(extractHost(input)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normalizeDomainPattern', () => {
  it.each([
    ['chat.deepseek.com', { wildcard: false, host: 'chat.deepseek.com' }],
    ['Chat.DeepSeek.com.', { wildcard: false, host: 'chat.deepseek.com' }],
    ['*.deepseek.com', { wildcard: true, host: 'deepseek.com' }],
    ['*.bücher.example', { wildcard: true, host: 'xn--bcher-kva.example' }],
    ['203.0.113.7', { wildcard: false, host: '203.0.113.7' }],
    ['[2001:DB8::7]', { wildcard: false, host: '2001:db8::7' }],
    ['2001:db8::7', { wildcard: false, host: '2001:db8::7' }],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeDomainPattern(input)).toEqual(expected);
  });

  it.each([
    ['', 'non-empty'],
    ['https://chat.deepseek.com', 'not a host name'],
    ['chat.deepseek.com/path', 'not a host name'],
    ['chat.deepseek.com:443', 'no port'],
    ['chat.*.com', 'leading'],
    ['*deepseek.com', 'leading'],
    ['*.com', 'top-level'],
    ['*.10.0.0.1', 'IP address'],
    ['a..b', 'not a valid host'],
  ])('%j is rejected (%s)', (input, message) => {
    const result = normalizeDomainPattern(input);
    expect(result).toEqual({ error: containing(message) });
  });
});

describe('DomainIndex', () => {
  const index = new DomainIndex<string>();
  for (const [pattern, value] of [
    ['chat.deepseek.com', 'chat'],
    ['*.deepseek.com', 'any-deepseek'],
    ['*.labs.deepseek.com', 'labs'],
    ['api.labs.deepseek.com', 'labs-api'],
    ['203.0.113.7', 'ip'],
  ] as const) {
    const p = normalizeDomainPattern(pattern);
    if ('error' in p) throw new Error(p.error);
    index.add(p, value);
  }

  it.each([
    ['chat.deepseek.com', 'chat'],
    ['www.deepseek.com', 'any-deepseek'],
    ['a.b.deepseek.com', 'any-deepseek'],
    ['x.labs.deepseek.com', 'labs'],
    ['a.b.labs.deepseek.com', 'labs'],
    ['api.labs.deepseek.com', 'labs-api'],
    ['labs.deepseek.com', 'any-deepseek'],
    ['203.0.113.7', 'ip'],
    // near misses
    ['deepseek.com', undefined],
    ['evildeepseek.com', undefined],
    ['deepseek.com.evil.net', undefined],
    ['chat.deepseek.co', undefined],
    ['deepseek.co', undefined],
    ['chat.deepseek.com.', undefined], // not normalized: hosts must come from extractHost
    ['203.0.113.8', undefined],
    ['1.203.0.113.7', undefined],
  ])('%s -> %s', (host, expected) => {
    expect(index.lookup(host)).toBe(expected);
  });

  it('keeps the first value for a pattern listed twice', () => {
    const i = new DomainIndex<string>();
    expect(i.add({ wildcard: false, host: 'a.example' }, 'first')).toBeUndefined();
    expect(i.add({ wildcard: false, host: 'a.example' }, 'second')).toBe('first');
    expect(i.lookup('a.example')).toBe('first');
  });
});
