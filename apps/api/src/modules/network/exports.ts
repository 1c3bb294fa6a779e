/**
 * The DNS, proxy and PAC exports (GET /v1/exports/:format): pure functions from the list of services
 * to block (with the catalog's domain patterns) to the text each program loads. No Nest, no I/O.
 *
 * A catalog pattern is an exact host (`chat.deepseek.com`) or a wildcard (`*.deepseek.com`: every
 * subdomain at any depth, never the apex), already normalized by the policy engine (lower case,
 * punycode). Each format keeps those semantics where the program can express them:
 * - RPZ, PAC: exactly (`*.x` stays a wildcard, the apex is not covered by it);
 * - hosts: exact hosts only (a hosts file has no wildcard; the catalog lists each wildcard's apex
 *   as a host of its own, so the apex is there);
 * - dnsmasq, Unbound local-zone, Squid dstdomain (`.x`), adblock (`||x^`): a name covers itself and
 *   every subdomain, so a wildcard also covers its apex, and names inside a covered domain are left
 *   out (Squid warns about them; the others would repeat themselves).
 * IP literals in the catalog are kept where the format can name an address (PAC, adblock) and left
 * out of the DNS formats and Squid's dstdomain list (a comment says so).
 */

export const EXPORT_FORMATS = ['rpz', 'hosts', 'dnsmasq', 'unbound', 'squid-acl', 'pac', 'adblock'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which services an export lists: those the policy blocks, or also every one not approved. */
export const EXPORT_INCLUDES = ['blocked', 'unapproved'] as const;
export type ExportInclude = (typeof EXPORT_INCLUDES)[number];

export interface ExportedService {
  slug: string;
  name: string;
  /** Catalog patterns: `host` or `*.host` (normalized, punycode). */
  domains: readonly string[];
}

export interface ExportOptions {
  policyVersion: number;
  include: ExportInclude;
  /** The network zone the decisions were taken for, when one was asked for. */
  zone?: string | null;
  /**
   * DNS formats: answer blocked names with this address (the block page's server) instead of
   * NXDOMAIN. The hosts file uses 0.0.0.0 without it (a hosts file cannot say NXDOMAIN).
   */
  address?: string | null;
  /** PAC: where blocked services go, `host:port` of the block-page proxy. Required for `pac`. */
  blockProxy?: string | null;
}

export interface RenderedExport {
  body: string;
  contentType: string;
  /** A file name for Content-Disposition. */
  filename: string;
}

interface Names {
  /** Exact hosts (no IP literals), sorted. */
  exact: string[];
  /** Wildcard patterns' base domains (`*.x` → `x`), sorted. */
  wildcard: string[];
  /** IP literals, sorted. */
  ips: string[];
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
function isIpLiteral(host: string): boolean {
  return IPV4.test(host) || host.includes(':');
}

function collect(services: readonly ExportedService[]): Names {
  const exact = new Set<string>();
  const wildcard = new Set<string>();
  const ips = new Set<string>();
  for (const s of services) {
    for (const raw of s.domains) {
      const d = raw.toLowerCase().replace(/\.$/, '');
      if (d.startsWith('*.')) wildcard.add(d.slice(2));
      else if (isIpLiteral(d)) ips.add(d);
      else if (d) exact.add(d);
    }
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return { exact: sorted(exact), wildcard: sorted(wildcard), ips: sorted(ips) };
}

/**
 * `host` is one of `domains` or inside one of them. Walks up the host's parent suffixes (`a.b.c`,
 * `b.c`, `c`) and looks each up, so a check costs the host's labels rather than the number of
 * domains: comparing every name with every kept domain made a catalog of 10,000 domains take 2 s.
 */
function withinAny(host: string, domains: ReadonlySet<string>): boolean {
  if (domains.has(host)) return true;
  for (let i = host.indexOf('.'); i !== -1; i = host.indexOf('.', i + 1)) {
    if (domains.has(host.slice(i + 1))) return true;
  }
  return false;
}

/**
 * For the formats where a name covers its subdomains: every name once, none inside another
 * (`chat.deepseek.com` is dropped when `deepseek.com` or `*.deepseek.com` is listed). Shorter
 * names first, so a name's parents are settled before it is.
 */
export function coveringDomains(names: Pick<Names, 'exact' | 'wildcard'>): string[] {
  // Within a label count the order does not matter (no name is inside another of as many labels).
  const labels = (d: string) => d.split('.').length;
  const all = [...new Set([...names.exact, ...names.wildcard])].map((d) => ({ d, n: labels(d) })).sort((a, b) => a.n - b.n);
  const kept = new Set<string>();
  for (const { d } of all) if (!withinAny(d, kept)) kept.add(d);
  return [...kept].sort();
}

function describe(options: ExportOptions, services: readonly ExportedService[]): string[] {
  const what = options.include === 'unapproved' ? 'blocked or not approved' : 'blocked';
  return [
    `Airlock: AI services ${what} by policy version ${options.policyVersion}${options.zone ? ` for network zone ${options.zone}` : ''}.`,
    `${services.length} service(s): ${services.map((s) => s.slug).join(', ') || 'none'}.`,
    'Generated from the published policy; fetch it again rather than editing it.',
  ];
}

function isIpv6(address: string): boolean {
  return address.includes(':');
}

function rpz(services: readonly ExportedService[], names: Names, o: ExportOptions): string {
  const lines = describe(o, services).map((l) => `; ${l}`);
  // The zone's name comes from the resolver's configuration (Unbound's rpz `name:`, BIND's zone):
  // every owner below is relative to it. SOA serial: the policy version, which only grows.
  lines.push('$TTL 60', `@ IN SOA localhost. hostmaster.localhost. ${o.policyVersion} 3600 600 86400 60`, '@ IN NS localhost.');
  const answer = o.address ? `${isIpv6(o.address) ? 'AAAA' : 'A'} ${o.address}` : 'CNAME .';
  for (const host of names.exact) lines.push(`${host} ${answer}`);
  for (const base of names.wildcard) lines.push(`*.${base} ${answer}`);
  if (names.ips.length) lines.push(`; not expressible as DNS names (IP addresses): ${names.ips.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function hosts(services: readonly ExportedService[], names: Names, o: ExportOptions): string {
  const lines = describe(o, services).map((l) => `# ${l}`);
  const address = o.address ?? '0.0.0.0';
  for (const host of names.exact) lines.push(`${address} ${host}`);
  if (names.wildcard.length) lines.push(`# a hosts file has no wildcards; not covered: ${names.wildcard.map((w) => `*.${w}`).join(', ')}`);
  if (names.ips.length) lines.push(`# IP addresses are not names: ${names.ips.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function dnsmasq(services: readonly ExportedService[], names: Names, o: ExportOptions): string {
  const lines = describe(o, services).map((l) => `# ${l}`);
  lines.push('# address=/name/ answers NXDOMAIN for the name and every name under it; with an address, that address.');
  for (const d of coveringDomains(names)) lines.push(`address=/${d}/${o.address ?? ''}`);
  return `${lines.join('\n')}\n`;
}

function unbound(services: readonly ExportedService[], names: Names, o: ExportOptions): string {
  const lines = describe(o, services).map((l) => `# ${l}`);
  lines.push('server:');
  for (const d of coveringDomains(names)) {
    if (o.address) {
      lines.push(`    local-zone: "${d}." redirect`, `    local-data: "${d}. 60 IN ${isIpv6(o.address) ? 'AAAA' : 'A'} ${o.address}"`);
    } else {
      lines.push(`    local-zone: "${d}." always_nxdomain`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function squidAcl(services: readonly ExportedService[], names: Names, o: ExportOptions): string {
  const lines = describe(o, services).map((l) => `# ${l}`);
  lines.push('# For: acl airlock_blocked dstdomain "/etc/squid/airlock-blocked.txt"');
  // `.x` matches x and every name under it; a bare `x` only x itself.
  const domains = coveringDomains({ exact: [], wildcard: names.wildcard });
  const covering = new Set(domains);
  const exact = names.exact.filter((h) => !withinAny(h, covering));
  for (const entry of [...domains.map((d) => `.${d}`), ...exact].sort((a, b) => a.replace(/^\./, '').localeCompare(b.replace(/^\./, '')))) lines.push(entry);
  if (names.ips.length) lines.push(`# IP addresses belong in a dst ACL, not dstdomain: ${names.ips.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** The PAC file: a pure JavaScript function (no PAC helper functions needed), blocked → the block-page proxy. */
function pac(services: readonly ExportedService[], names: Names, o: ExportOptions): string {
  if (!o.blockProxy) throw new Error('a PAC export needs the block-page proxy (host:port)');
  const exact: Record<string, 1> = {};
  for (const h of [...names.exact, ...names.ips]) exact[h] = 1;
  const suffixes = names.wildcard.map((w) => `.${w}`);
  return [
    ...describe(o, services).map((l) => `// ${l}`),
    `var AIRLOCK_BLOCKED_HOSTS = ${JSON.stringify(exact)};`,
    `var AIRLOCK_BLOCKED_SUFFIXES = ${JSON.stringify(suffixes)};`,
    `var AIRLOCK_BLOCK_PAGE = ${JSON.stringify(`PROXY ${o.blockProxy}`)};`,
    'function FindProxyForURL(url, host) {',
    '  var h = String(host).toLowerCase();',
    "  if (h.charAt(h.length - 1) === '.') h = h.substring(0, h.length - 1);",
    "  if (h.charAt(0) === '[') h = h.substring(1, h.length - 1);",
    '  if (Object.prototype.hasOwnProperty.call(AIRLOCK_BLOCKED_HOSTS, h)) return AIRLOCK_BLOCK_PAGE;',
    '  for (var i = 0; i < AIRLOCK_BLOCKED_SUFFIXES.length; i++) {',
    '    var s = AIRLOCK_BLOCKED_SUFFIXES[i];',
    '    if (h.length > s.length && h.substring(h.length - s.length) === s) return AIRLOCK_BLOCK_PAGE;',
    '  }',
    "  return 'DIRECT';",
    '}',
    '',
  ].join('\n');
}

function adblock(services: readonly ExportedService[], names: Names, o: ExportOptions): string {
  const lines = ['[Adblock Plus 2.0]', '! Title: Airlock: blocked AI services', `! Version: ${o.policyVersion}`, '! Expires: 1 hours'];
  lines.push(...describe(o, services).map((l) => `! ${l}`));
  for (const d of coveringDomains(names)) lines.push(`||${d}^`);
  for (const ip of names.ips) lines.push(`||${isIpv6(ip) ? `[${ip}]` : ip}^`);
  return `${lines.join('\n')}\n`;
}

const RENDERERS: Record<ExportFormat, { render: (s: readonly ExportedService[], n: Names, o: ExportOptions) => string; contentType: string; filename: string }> = {
  rpz: { render: rpz, contentType: 'text/dns; charset=utf-8', filename: 'airlock.rpz.zone' },
  hosts: { render: hosts, contentType: 'text/plain; charset=utf-8', filename: 'airlock.hosts' },
  dnsmasq: { render: dnsmasq, contentType: 'text/plain; charset=utf-8', filename: 'airlock-dnsmasq.conf' },
  unbound: { render: unbound, contentType: 'text/plain; charset=utf-8', filename: 'airlock-unbound.conf' },
  'squid-acl': { render: squidAcl, contentType: 'text/plain; charset=utf-8', filename: 'airlock-blocked.txt' },
  pac: { render: pac, contentType: 'application/x-ns-proxy-autoconfig', filename: 'airlock.pac' },
  adblock: { render: adblock, contentType: 'text/plain; charset=utf-8', filename: 'airlock-adblock.txt' },
};

/** One export's text. Services are listed in slug order, names sorted, so equal inputs give equal bytes (the ETag). */
export function renderExport(format: ExportFormat, services: readonly ExportedService[], options: ExportOptions): RenderedExport {
  const r = RENDERERS[format];
  const sorted = [...services].sort((a, b) => a.slug.localeCompare(b.slug));
  return { body: r.render(sorted, collect(sorted), options), contentType: r.contentType, filename: r.filename };
}

/** If-None-Match against an ETag (a list, weak validators, `*`), as RFC 9110 13.1.2 compares for GET. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
