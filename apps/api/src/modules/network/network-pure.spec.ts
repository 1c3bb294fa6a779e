import vm from 'node:vm';
import { AppError } from '../../common/errors';
import { headerSafe, originalFromEnvoy, originalFromNginx, prefersHtml } from './authz';
import { escapeHtml, renderBlockPage } from './block-page';
import { requestedHost } from './block-page.server';
import { coveringDomains, etagMatches, type ExportedService, renderExport } from './exports';
import { inputOfBody, inputOfQuery, toOpaError } from './opa';

const services: ExportedService[] = [
  { slug: 'deepseek', name: 'DeepSeek', domains: ['deepseek.com', '*.deepseek.com', 'chat.deepseek.com', 'api.deepseek.com'] },
  { slug: 'z-ai', name: 'Z.ai', domains: ['*.z.ai'] },
  { slug: 'odd', name: 'Odd', domains: ['203.0.113.9', 'xn--bcher-kva.example', 'exact.example.org', 'sub.exact.example.org'] },
];
const base = { policyVersion: 7, include: 'blocked' as const };

function pacFn(body: string): (url: string, host: string) => string {
  const ctx = vm.createContext({});
  vm.runInContext(body, ctx);
  return (url, host) => (ctx as { FindProxyForURL: (u: string, h: string) => string }).FindProxyForURL(url, host);
}

describe('exports', () => {
  test('RPZ: exact names and wildcards as they are, NXDOMAIN (CNAME .) or the block address, serial = policy version', () => {
    const { body } = renderExport('rpz', services, base);
    expect(body).toContain('@ IN SOA localhost. hostmaster.localhost. 7 3600 600 86400 60');
    expect(body).toContain('\ndeepseek.com CNAME .\n');
    expect(body).toContain('\n*.deepseek.com CNAME .\n');
    expect(body).toContain('\n*.z.ai CNAME .\n');
    // No apex for a wildcard-only entry: the catalog's wildcard never matches the apex.
    expect(body).not.toMatch(/^z\.ai /m);
    expect(body).toContain('\nxn--bcher-kva.example CNAME .\n');
    expect(body).not.toMatch(/^203\.0\.113\.9 /m);
    expect(renderExport('rpz', services, { ...base, address: '192.0.2.80' }).body).toContain('\n*.deepseek.com A 192.0.2.80\n');
    expect(renderExport('rpz', services, { ...base, address: '2001:db8::80' }).body).toContain('\nchat.deepseek.com AAAA 2001:db8::80\n');
  });

  test('hosts: exact names only, 0.0.0.0 unless an address is given', () => {
    const { body } = renderExport('hosts', services, base);
    expect(body).toContain('\n0.0.0.0 chat.deepseek.com\n');
    expect(body).toContain('not covered: *.deepseek.com, *.z.ai');
    expect(renderExport('hosts', services, { ...base, address: '10.1.2.3' }).body).toContain('\n10.1.2.3 deepseek.com\n');
  });

  test('covering names: the same as comparing every name with every kept one, on random catalogs', () => {
    // The quadratic algorithm coveringDomains replaced (2 s for 10,000 domains), as the reference.
    const reference = (names: { exact: string[]; wildcard: string[] }) => {
      const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
      const all = [...new Set([...names.exact, ...names.wildcard])].sort((a, b) => a.split('.').length - b.split('.').length || a.localeCompare(b));
      const kept: string[] = [];
      for (const d of all) if (!kept.some((k) => within(d, k))) kept.push(d);
      return kept.sort();
    };
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // Few labels so names often nest, an empty label now and then (`a..b`).
    const labels = ['a', 'b', 'ab', 'com', 'x', 'co', ''];
    const name = () => Array.from({ length: 1 + random(4) }, () => labels[random(labels.length)]).join('.');
    for (let round = 0; round < 300; round++) {
      const names = { exact: Array.from({ length: random(40) }, name), wildcard: Array.from({ length: random(10) }, name) };
      expect(coveringDomains(names)).toEqual(reference(names));
    }
  });

  test('covering names of a large catalog take time in proportion to it', () => {
    const exact = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `svc${i}.example` : `host${i}.svc${i - (i % 3)}.example`));
    const started = performance.now();
    const kept = coveringDomains({ exact, wildcard: [] });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(kept).toHaveLength(6667);
    const squid = renderExport('squid-acl', [{ slug: 'big', name: 'Big', domains: exact.map((d) => `*.${d}`) }], base).body;
    expect(squid.split('\n').filter((l) => l.startsWith('.'))).toHaveLength(6667);
  });

  test('dnsmasq, Unbound, adblock: one covering name each, nothing inside another', () => {
    expect(coveringDomains({ exact: ['chat.deepseek.com', 'deepseek.com', 'a.b.c'], wildcard: ['deepseek.com', 'b.c'] })).toEqual(['b.c', 'deepseek.com']);
    const dnsmasq = renderExport('dnsmasq', services, base).body;
    expect(dnsmasq).toContain('\naddress=/deepseek.com/\n');
    expect(dnsmasq).not.toContain('chat.deepseek.com/');
    expect(dnsmasq).toContain('\naddress=/exact.example.org/\n');
    expect(dnsmasq).not.toContain('sub.exact.example.org');
    expect(renderExport('dnsmasq', services, { ...base, address: '10.0.0.1' }).body).toContain('\naddress=/z.ai/10.0.0.1\n');
    const unbound = renderExport('unbound', services, base).body;
    expect(unbound).toMatch(/^server:$/m);
    expect(unbound).toContain('    local-zone: "deepseek.com." always_nxdomain');
    expect(renderExport('unbound', services, { ...base, address: '10.0.0.1' }).body).toContain('    local-data: "z.ai. 60 IN A 10.0.0.1"');
    const adblock = renderExport('adblock', services, base).body;
    expect(adblock.split('\n')[0]).toBe('[Adblock Plus 2.0]');
    expect(adblock).toContain('\n||deepseek.com^\n');
    expect(adblock).toContain('\n||203.0.113.9^\n');
  });

  test('Squid dstdomain: .domain for wildcards, bare names exact, no name inside a .domain', () => {
    const lines = renderExport('squid-acl', services, base).body.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual(['deepseek.com'.replace(/^/, '.'), 'exact.example.org', 'sub.exact.example.org', 'xn--bcher-kva.example', '.z.ai'].sort((a, b) => a.replace(/^\./, '').localeCompare(b.replace(/^\./, ''))));
  });

  test('PAC: blocked hosts and subdomains of wildcards to the block proxy, the apex of a wildcard-only entry and the rest DIRECT', () => {
    const { body, contentType } = renderExport('pac', services, { ...base, blockProxy: 'block.example:8099' });
    expect(contentType).toBe('application/x-ns-proxy-autoconfig');
    const find = pacFn(body);
    expect(find('https://chat.deepseek.com/', 'chat.deepseek.com')).toBe('PROXY block.example:8099');
    expect(find('https://CHAT.DeepSeek.com./', 'CHAT.DeepSeek.com.')).toBe('PROXY block.example:8099');
    expect(find('https://a.b.deepseek.com/', 'a.b.deepseek.com')).toBe('PROXY block.example:8099');
    expect(find('https://deepseek.com/', 'deepseek.com')).toBe('PROXY block.example:8099');
    expect(find('https://z.ai/', 'z.ai')).toBe('DIRECT');
    expect(find('https://chat.z.ai/', 'chat.z.ai')).toBe('PROXY block.example:8099');
    expect(find('https://notdeepseek.com/', 'notdeepseek.com')).toBe('DIRECT');
    expect(find('http://203.0.113.9/', '203.0.113.9')).toBe('PROXY block.example:8099');
    expect(find('https://chatgpt.com/', 'chatgpt.com')).toBe('DIRECT');
    expect(() => renderExport('pac', services, base)).toThrow(/block-page proxy/);
  });

  test('the same input gives the same bytes whatever the order; nothing blocked is still a valid file', () => {
    const a = renderExport('rpz', services, base).body;
    const b = renderExport('rpz', [...services].reverse(), base).body;
    expect(a).toBe(b);
    const empty = renderExport('pac', [], { ...base, blockProxy: 'b:1' }).body;
    expect(pacFn(empty)('https://chat.deepseek.com/', 'chat.deepseek.com')).toBe('DIRECT');
    expect(renderExport('rpz', [], base).body).toContain('@ IN NS localhost.');
  });

  test('If-None-Match: lists, weak validators and *', () => {
    expect(etagMatches(undefined, '"a"')).toBe(false);
    expect(etagMatches('"b", W/"a"', '"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('"ab"', '"a"')).toBe(false);
  });
});

describe('authorization subrequests', () => {
  test('nginx: X-Original-URL, or X-Original-URI with a host; the method; the user', () => {
    expect(originalFromNginx({ 'x-original-url': 'https://Chat.DeepSeek.com/a?b=1', 'x-original-method': 'post', 'x-airlock-user': 'ann@example.com' })).toEqual({
      url: 'https://chat.deepseek.com/a?b=1',
      host: 'chat.deepseek.com',
      method: 'POST',
      user: 'ann@example.com',
      realIp: null,
    });
    expect(originalFromNginx({ 'x-original-uri': '/x', 'x-original-host': 'chatgpt.com:8443', 'x-forwarded-proto': 'https', 'x-real-ip': '10.0.0.5' })).toMatchObject({ url: 'https://chatgpt.com:8443/x', host: 'chatgpt.com', method: 'GET', realIp: '10.0.0.5' });
  });

  test.each([
    [{}, /X-Original-URL/],
    [{ 'x-original-url': '/relative' }, /absolute URL/],
    [{ 'x-original-url': 'ftp://x.example/' }, /http\(s\)/],
    [{ 'x-original-url': `https://a.example/${'x'.repeat(5000)}` }, /longer than/],
    [{ 'x-original-uri': 'nopath', 'x-original-host': 'a.example' }, /must start with/],
    [{ 'x-original-uri': '/', 'x-original-host': 'a b' }, /not a host name/],
    [{ 'x-original-uri': '/', 'x-original-host': 'a.example', 'x-original-proto': 'gopher' }, /http or https/],
    [{ 'x-original-url': 'https://a.example/', 'x-original-method': 'GE T' }, /not an HTTP method/],
  ])('nginx: bad headers (case %#) are a 400 that says what to send', (headers, message) => {
    let error: unknown;
    try {
      originalFromNginx(headers as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('bad_request');
    expect((error as AppError).message).toMatch(message);
  });

  test('Envoy: the original method, the path after the prefix, the Host', () => {
    expect(originalFromEnvoy('DELETE', '/v1/authz/envoy/api/v1/x?y=2', { host: 'chat.deepseek.com', 'x-forwarded-proto': 'https' })).toMatchObject({
      url: 'https://chat.deepseek.com/api/v1/x?y=2',
      method: 'DELETE',
      host: 'chat.deepseek.com',
    });
    expect(originalFromEnvoy('GET', '/v1/authz/envoy', { host: 'chatgpt.com' }).url).toBe('http://chatgpt.com/');
    expect(originalFromEnvoy('GET', '/v1/authz/envoy?q=1', { host: 'chatgpt.com' }).url).toBe('http://chatgpt.com/?q=1');
    expect(() => originalFromEnvoy('GET', '/v1/authz/envoy/', {})).toThrow(/Host/);
  });

  test('header values stay printable ASCII', () => {
    expect(headerSafe('Blocked: DeepSeek stores data in CN')).toBe('Blocked: DeepSeek stores data in CN');
    expect(headerSafe('Zugriff verweigert – für alle\r\nX-Evil: 1')).toBe('Zugriff verweigert %E2%80%93 f%C3%BCr alle%0D%0AX-Evil: 1');
    expect(headerSafe('100%')).toBe('100%25');
    expect(headerSafe('é'.repeat(1000), 20).length).toBeLessThanOrEqual(20);
  });

  test('HTML for browsers, JSON otherwise', () => {
    expect(prefersHtml('text/html,application/xhtml+xml,*/*;q=0.8')).toBe(true);
    expect(prefersHtml('application/json, text/html')).toBe(false);
    expect(prefersHtml('*/*')).toBe(false);
    expect(prefersHtml(undefined)).toBe(false);
  });
});

describe('block page', () => {
  test('escapes everything and links only http(s) or local guidance', () => {
    const html = renderBlockPage({
      host: '<script>x</script>',
      service: 'Deep"Seek',
      reasons: [
        { message: 'Use <b>ChatGPT Enterprise</b>', guidanceUrl: 'javascript:alert(1)' },
        { message: 'See the wiki', guidanceUrl: 'https://wiki.example/ai' },
      ],
      decisionId: '0190c0de-0000-7000-8000-000000000000',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Deep&quot;Seek');
    expect(html).toContain('href="https://wiki.example/ai"');
    expect(html).toContain('0190c0de-0000-7000-8000-000000000000');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  test('the host a proxied request is for', () => {
    expect(requestedHost('http://chat.deepseek.com:8080/x', 'ignored')).toBe('chat.deepseek.com');
    expect(requestedHost('/x', 'chatgpt.com:80')).toBe('chatgpt.com');
    expect(requestedHost('/x', undefined)).toBeNull();
    expect(requestedHost('/x', 'bad host[')).toBeNull();
  });
});

describe('OPA shapes', () => {
  test('body: only input; missing input is not an error', () => {
    expect(inputOfBody({ input: { a: 1 } })).toEqual({ present: true, input: { a: 1 } });
    expect(inputOfBody({})).toEqual({ present: false });
    expect(inputOfBody(undefined)).toEqual({ present: false });
    expect(() => inputOfBody([1])).toThrow(/JSON object/);
    expect(() => inputOfBody({ inptu: {} })).toThrow(/unknown key/);
    expect(inputOfQuery('{"a":1}')).toEqual({ present: true, input: { a: 1 } });
    expect(() => inputOfQuery('{')).toThrow(/not valid JSON/);
    expect(() => inputOfQuery(['a', 'b'])).toThrow(/once/);
  });

  test('errors in OPA codes, field problems in errors[]', () => {
    expect(toOpaError(400, 'bad', [{ path: 'destination', message: 'Required' }])).toEqual({
      code: 'invalid_parameter',
      message: 'bad',
      errors: [{ code: 'invalid_parameter', message: 'input.destination: Required' }],
    });
    expect(toOpaError(401, 'who').code).toBe('unauthorized');
    expect(toOpaError(403, 'no').code).toBe('unauthorized');
    expect(toOpaError(503, 'later').code).toBe('unavailable');
    expect(toOpaError(500, 'oops').code).toBe('internal_error');
  });
});
