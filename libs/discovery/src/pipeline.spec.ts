import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiscoveryPipeline, FormatNotDetected, type DiscoveryHooks } from './aggregate';
import { LineSplitter } from './lines';
import { HostMatcher, hostOf } from './match';
import { parseKnownAiServices } from './known-services';

const NOW = Date.UTC(2026, 11, 3, 12);
const enc = (s: string) => new TextEncoder().encode(s);

describe('LineSplitter', () => {
  test('lines across chunks, CRLF, a last line without newline, overlong lines skipped by number', () => {
    const got: [string, number][] = [];
    const overlong: number[] = [];
    const s = new LineSplitter((l, n) => got.push([l, n]), (n) => overlong.push(n), 10);
    s.push(enc('ab'));
    s.push(enc('c\r\nde'));
    s.push(enc('f\n0123456789ABCDEF'));
    s.push(enc('GHIJ\nlast'));
    s.end();
    expect(got).toEqual([['abc', 1], ['def', 2], ['last', 4]]);
    expect(overlong).toEqual([3]);
    expect(s.lines).toBe(4);
  });
  test('a multi-byte character split between chunks', () => {
    const got: string[] = [];
    const s = new LineSplitter((l) => got.push(l), () => undefined);
    const bytes = enc('café\n');
    s.push(bytes.subarray(0, 4));
    s.push(bytes.subarray(4));
    expect(got).toEqual(['café']);
  });
});

describe('HostMatcher', () => {
  const m = new HostMatcher(
    [{ slug: 'deepseek', name: 'DeepSeek', status: 'blocked', domains: ['deepseek.com', '*.deepseek.com'] }, { slug: 'poe', name: 'Poe', status: 'approved', domains: ['poe.com'] }],
    [{ slug: 'midjourney', name: 'Midjourney', domains: ['midjourney.com', '*.midjourney.com'], category: 'image', source: { url: 'https://x', kind: 'third_party', asOf: '2026-09-30' } }],
  );
  test('catalog first, wildcards without the apex, the known list after, ports and case and trailing dots', () => {
    expect(m.match(hostOf('chat.deepseek.com.')!)).toMatchObject({ kind: 'catalog', slug: 'deepseek' });
    expect(m.match(hostOf('https://Chat.DeepSeek.com:443/a')!)).toMatchObject({ slug: 'deepseek' });
    expect(m.match(hostOf('www.poe.com')!)).toBeNull();
    expect(m.match(hostOf('evildeepseek.com')!)).toBeNull();
    expect(m.match(hostOf('cdn.midjourney.com:443')!)).toMatchObject({ kind: 'known', slug: 'midjourney' });
    expect(hostOf('not a host')).toBeNull();
  });
});

function hooks(): DiscoveryHooks {
  const matcher = new HostMatcher([{ slug: 'openai-chatgpt', name: 'ChatGPT', status: 'approved', domains: ['chatgpt.com', 'chat.openai.com'] }], [
    { slug: 'midjourney', name: 'Midjourney', domains: ['*.midjourney.com', 'midjourney.com'], category: 'image', source: { url: 'https://x', kind: 'third_party', asOf: '2026-09-30' } },
  ]);
  return {
    match: (h) => matcher.match(h),
    zonesFor: (ip) => (ip.startsWith('10.1.') ? ['office'] : []),
    subjectOf: (user, ip) => (user ?? ip ? { subject: `h(${(user ?? ip)!.toLowerCase()})`, groups: user === 'alice' ? ['sales'] : [] } : null),
  };
}

describe('DiscoveryPipeline', () => {
  test('detects the format, keeps only AI hosts, aggregates per day, person and zone, counts bad lines with their numbers', () => {
    const p = new DiscoveryPipeline({ format: 'auto', hooks: hooks(), now: NOW });
    const log = [
      '1764756000.000 1 10.1.2.3 TCP_TUNNEL/200 10 CONNECT chat.openai.com:443 alice HIER_DIRECT/1.2.3.4 -',
      '1764756060.000 1 10.1.2.3 TCP_TUNNEL/200 10 CONNECT chat.openai.com:443 alice HIER_DIRECT/1.2.3.4 -',
      'garbage line',
      '1764756120.000 1 10.2.0.1 TCP_TUNNEL/200 10 CONNECT www.midjourney.com:443 - HIER_DIRECT/1.2.3.4 -',
      '1764756180.000 1 10.1.2.3 TCP_MISS/200 10 GET http://example.com/ alice HIER_DIRECT/1.2.3.4 -',
      '1764842400.000 1 10.1.2.3 TCP_TUNNEL/200 10 CONNECT chatgpt.com:443 alice HIER_DIRECT/1.2.3.4 -',
    ].join('\n');
    p.push(enc(log));
    p.end();
    expect(p.stats).toMatchObject({ format: 'squid', lines: 6, records: 5, aiRecords: 4, badLines: 1, badSamples: [{ line: 3, reason: expect.stringMatching(/7 fields/) }] });
    const cells = p.drain().sort((a, b) => (a.day + a.host).localeCompare(b.day + b.host));
    expect(cells).toEqual([
      { day: '2025-12-03', host: 'chat.openai.com', subject: 'h(alice)', zones: ['office'], groups: ['sales'], requests: 2, bytesOut: null, firstSeen: 1764756000000, lastSeen: 1764756060000 },
      { day: '2025-12-03', host: 'www.midjourney.com', subject: 'h(10.2.0.1)', zones: [], groups: [], requests: 1, bytesOut: null, firstSeen: 1764756120000, lastSeen: 1764756120000 },
      { day: '2025-12-04', host: 'chatgpt.com', subject: 'h(alice)', zones: ['office'], groups: ['sales'], requests: 1, bytesOut: null, firstSeen: 1764842400000, lastSeen: 1764842400000 },
    ]);
    expect(JSON.stringify(cells)).not.toContain('example.com');
  });
  test('an unrecognisable file fails once the sample is read; a short one at the end', () => {
    const long = new DiscoveryPipeline({ format: 'auto', hooks: hooks(), now: NOW, sampleLines: 5 });
    expect(() => long.push(enc('a\nb\nc\nd\ne\nf\n'))).toThrow(FormatNotDetected);
    const short = new DiscoveryPipeline({ format: 'auto', hooks: hooks(), now: NOW });
    short.push(enc('hello\n'));
    expect(() => short.end()).toThrow(FormatNotDetected);
  });
  test('bytes add up; bad-line samples are bounded; Unbound answers are not counted twice', () => {
    const p = new DiscoveryPipeline({ format: 'csv', hooks: hooks(), now: NOW, maxBadSamples: 2 });
    p.push(enc('time,user,host,bytes_out\n2026-12-01T10:00:00Z,alice,chatgpt.com,100\n2026-12-01T11:00:00Z,alice,chatgpt.com,50\nx\ny\nz\n'));
    p.end();
    expect(p.drain()[0]).toMatchObject({ requests: 2, bytesOut: 150 });
    expect(p.stats.badLines).toBe(3);
    expect(p.stats.badSamples.map((b) => b.line)).toEqual([4, 5]);
    const u = new DiscoveryPipeline({ format: 'unbound', hooks: hooks(), now: NOW });
    u.push(enc('[1764756000] unbound[1:0] info: 10.1.2.3 chatgpt.com. A IN\n[1764756000] unbound[1:0] info: 10.1.2.3 chatgpt.com. A IN NOERROR 0.0001 0 50\n'));
    u.end();
    expect(u.drain()[0]).toMatchObject({ requests: 1 });
    expect(u.stats.ignoredLines).toBe(1);
  });
});

describe('the shipped list of known AI services', () => {
  const root = path.join(__dirname, '..', '..', '..');
  const list = parseKnownAiServices(JSON.parse(readFileSync(path.join(root, 'prisma/seed/known-ai-services.json'), 'utf8')));
  const catalog = (JSON.parse(readFileSync(path.join(root, 'prisma/seed/catalog.json'), 'utf8')) as { providers: { slug: string; name: string; domains: string[] }[] }).providers;
  test('dozens of entries, each sourced and dated', () => {
    expect(list.services.length).toBeGreaterThanOrEqual(50);
    for (const s of list.services) expect(s.source.url).toMatch(/^https:\/\//);
  });
  test('no entry is a service the built-in catalog already has (slug or host)', () => {
    const catalogMatcher = new HostMatcher(catalog.map((p) => ({ ...p, status: 'under_review' })), []);
    const slugs = new Set(catalog.map((p) => p.slug));
    for (const s of list.services) {
      expect(slugs.has(s.slug)).toBe(false);
      for (const d of s.domains) {
        const host = d.startsWith('*.') ? `x.${d.slice(2)}` : d;
        expect([s.slug, d, catalogMatcher.match(host)]).toEqual([s.slug, d, null]);
      }
    }
  });
  test('a broken list is refused with the place of the problem', () => {
    expect(() => parseKnownAiServices({ version: '1', asOf: '2026-12-03', services: [{ slug: 'a', name: 'A', category: 'x', domains: ['https://a.com/'], source: { url: 'https://a', kind: 'provider', asOf: '2026-12-03' } }] })).toThrow(/services\[0\]\.domains/);
  });
});
