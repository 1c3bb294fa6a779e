import { canonicalIpLiteral, parseDottedQuad } from './ip-literal';

/*
 * Host extraction for the decision hot path.
 *
 * Clients send a URL (`https://user@Chat.DeepSeek.com.:443/a?b`), a bare host (`chat.deepseek.com`,
 * `chat.deepseek.com:443`, `[2001:db8::1]:443`, `2001:db8::1`) or garbage. The answer must be what a
 * browser would connect to, so the rules cannot be dodged by spelling: the reference is the WHATWG URL
 * parser (`new URL()`), which is also what turns Unicode hosts into punycode.
 *
 * Constructing a URL costs a few microseconds, more than the whole decision may take, so plain ASCII
 * input of the common shapes is parsed by hand: scheme, userinfo, host, port, stopping at the first
 * `/ ? # \`. Anything else (non-ASCII, whitespace or control characters, percent-escapes, `https:host`
 * without slashes, hosts that end in a number but are not a dotted quad such as `0x7f.1`, other
 * schemes) goes to the URL parser, whose answer is then normalized the same way.
 */

const SLASH = 0x2f;
const COLON = 0x3a;
const AT = 0x40;
const DOT = 0x2e;
const OPEN_BRACKET = 0x5b;

/** Special schemes that the URL parser reads differently from a `host:port` pair (`https:example.com`). */
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);

function isAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSchemeChar(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === 0x2b /* + */ || c === 0x2d /* - */ || c === DOT;
}

/** End of the authority: `/`, `?`, `#` or `\` (special schemes treat a backslash as a slash). */
function isAuthorityEnd(c: number): boolean {
  return c === SLASH || c === 0x3f /* ? */ || c === 0x23 /* # */ || c === 0x5c /* \ */;
}

function stripTrailingDots(host: string): string {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === DOT) end--;
  return end === host.length ? host : host.slice(0, end);
}

/** Normalizes a hostname that the URL parser produced. */
function normalizeParsedHostname(hostname: string): string | null {
  if (hostname === '') return null;
  if (hostname.charCodeAt(0) === OPEN_BRACKET) return canonicalIpLiteral(hostname);
  const host = stripTrailingDots(hostname);
  if (host === '') return null;
  // An IPv4 host the parser wrote as a dotted quad; `::ffff:a.b.c.d` was already unwrapped above.
  return host;
}

/** The slow, exact path: the WHATWG URL parser, with or without an assumed `http://`. */
function hostViaUrlParser(input: string): string | null {
  let url: URL | null;
  try {
    url = new URL(input);
  } catch {
    url = null;
  }
  if (url === null || url.hostname === '') {
    // `scheme://` was there and still no host: there is none. Otherwise read it as a bare host.
    if (/^\s*[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(input)) return null;
    try {
      url = new URL(`http://${input}`);
    } catch {
      return null;
    }
  }
  let hostname = url.hostname;
  if (!SPECIAL_SCHEMES.has(url.protocol.slice(0, -1)) && hostname !== '' && hostname.charCodeAt(0) !== OPEN_BRACKET) {
    // Non-special schemes keep an opaque, un-normalized host: read it again as an http host.
    try {
      hostname = new URL(`http://${hostname}`).hostname;
    } catch {
      return null;
    }
  }
  return normalizeParsedHostname(hostname);
}

/** `[start, end)` holds only digits (an empty port is fine too). */
function isPort(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** input[0, len) is `http`, `https`, `ws` or `wss`, in any case (len is the scheme's length). */
function isFastScheme(s: string, len: number): boolean {
  const c0 = s.charCodeAt(0) | 0x20;
  if (c0 === 0x68 /* h */) {
    if (len !== 4 && len !== 5) return false;
    if ((s.charCodeAt(1) | 0x20) !== 0x74 || (s.charCodeAt(2) | 0x20) !== 0x74 || (s.charCodeAt(3) | 0x20) !== 0x70) return false;
    return len === 4 || (s.charCodeAt(4) | 0x20) === 0x73;
  }
  if (c0 === 0x77 /* w */) {
    if (len !== 2 && len !== 3) return false;
    if ((s.charCodeAt(1) | 0x20) !== 0x73) return false;
    return len === 2 || (s.charCodeAt(2) | 0x20) === 0x73;
  }
  return false;
}

/**
 * The host a URL or host string points at, normalized for catalog lookup: lowercase, punycode, no
 * port, userinfo, path or trailing dot; IPv6 without brackets in RFC 5952 form; IPv4-mapped IPv6 as
 * IPv4. Returns null for input that has no host. Never throws.
 */
export function extractHost(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const n = input.length;
  if (n === 0) return null;

  // 1. Where the authority starts: after `scheme://`, after a leading `//`, or at 0 for a bare host.
  let start = 0;
  let bare = true;
  const c0 = input.charCodeAt(0);
  if (isAlpha(c0)) {
    let i = 1;
    while (i < n && isSchemeChar(input.charCodeAt(i))) i++;
    if (i < n && input.charCodeAt(i) === COLON) {
      if (i + 2 < n && input.charCodeAt(i + 1) === SLASH && input.charCodeAt(i + 2) === SLASH) {
        if (!isFastScheme(input, i)) return hostViaUrlParser(input);
        start = i + 3;
        bare = false;
      } else if (i <= 5 && SPECIAL_SCHEMES.has(input.slice(0, i).toLowerCase())) {
        return hostViaUrlParser(input); // `https:example.com`, `http:/example.com`
      }
      // otherwise `host:port` or an unbracketed IPv6 literal such as `fd00::1`: bare host
    }
  } else if (c0 === SLASH) {
    if (n < 3 || input.charCodeAt(1) !== SLASH) return null;
    start = 2;
    bare = false;
  }

  // 2. One pass over the authority, up to `/ ? # \`: where the host starts (after the last `@`),
  //    where the port starts, and whether the host needs lowercasing or the URL parser.
  let hostStart = start;
  let colon = -1;
  let colons = 0;
  let lastDot = -1;
  let upper = false;
  let other = false; // a printable character the fast path does not take in a host: `%`, `*`, `[`, ...
  let end = start;
  for (; end < n; end++) {
    const c = input.charCodeAt(end);
    if (c >= 0x61 && c <= 0x7a) continue;
    if (c === DOT) {
      lastDot = end;
      continue;
    }
    if (isDigit(c) || c === 0x2d /* - */) continue;
    if (isAuthorityEnd(c)) break;
    if (c === COLON) {
      if (colons === 0) colon = end;
      colons++;
      continue;
    }
    if (c >= 0x41 && c <= 0x5a) {
      upper = true;
      continue;
    }
    if (c === AT) {
      hostStart = end + 1;
      colon = -1;
      colons = 0;
      lastDot = -1;
      upper = false;
      other = false;
      continue;
    }
    if (c === 0x5f /* _ */) continue;
    if (c <= 0x20 || c >= 0x7f) return hostViaUrlParser(input); // whitespace, controls, non-ASCII
    other = true;
  }
  if (hostStart >= end) return bare ? null : hostViaUrlParser(input);

  // 3. IPv6: bracketed anywhere, unbracketed only as a bare host (`2001:db8::1`).
  if (input.charCodeAt(hostStart) === OPEN_BRACKET) {
    const close = input.indexOf(']', hostStart);
    if (close === -1 || close >= end) return null;
    if (close + 1 < end && (input.charCodeAt(close + 1) !== COLON || !isPort(input, close + 2, end))) return null;
    return canonicalIpLiteral(input.slice(hostStart + 1, close));
  }
  if (colons >= 2) {
    return bare && hostStart === start ? canonicalIpLiteral(input.slice(hostStart, end)) : hostViaUrlParser(input);
  }
  if (other) return hostViaUrlParser(input);
  let hostEnd = end;
  if (colon !== -1) {
    if (!isPort(input, colon + 1, end)) return hostViaUrlParser(input);
    hostEnd = colon;
  }
  if (hostEnd === hostStart) return bare ? null : hostViaUrlParser(input);

  // 4. The host: lowercase, without trailing dots.
  let host = input.slice(hostStart, hostEnd);
  if (upper) host = host.toLowerCase();
  let lastLabel = lastDot < hostStart ? hostStart : lastDot + 1;
  if (lastDot === hostEnd - 1) {
    host = stripTrailingDots(host);
    if (host === '') return null;
    lastLabel = hostStart + host.lastIndexOf('.') + 1;
  }

  // 5. A punycode label (`xn--`) must decode: the URL parser refuses `xn--0` and rewrites none that do.
  if (host.includes('xn--')) return hostViaUrlParser(input);

  // 6. A host whose last label starts with a digit may be an IPv4 address in a form the URL parser
  //    rewrites (`0x7f.1`, `2130706433`, `010.0.0.1`): only the canonical dotted quad stays fast.
  if (isDigit(input.charCodeAt(lastLabel)) && parseDottedQuad(host) === null) return hostViaUrlParser(input);
  return host;
}

/** A catalog domain, normalized: exact host, or the suffix under a `*.` wildcard. */
export interface DomainPattern {
  wildcard: boolean;
  host: string;
}

/**
 * Normalizes a catalog domain (`chat.deepseek.com`, `*.deepseek.com`, `*.bücher.example`, `1.2.3.4`,
 * `2001:db8::1`) into the form extractHost produces. Returns an error message for anything that is
 * not a host (scheme, port, path, wildcard elsewhere than a leading `*.`, wildcard over a top-level
 * domain or an IP address).
 */
export function normalizeDomainPattern(domain: unknown): DomainPattern | { error: string } {
  if (typeof domain !== 'string' || domain.trim() === '') return { error: 'a domain must be a non-empty string' };
  const text = domain.trim();
  if (/[\s/?#@\\]/.test(text)) return { error: `"${text}" is not a host name (no scheme, path or user)` };
  const wildcard = text.startsWith('*.');
  const rest = wildcard ? text.slice(2) : text;
  if (rest.includes('*')) return { error: `"${text}": a wildcard is only allowed as a leading "*."` };
  const ip = canonicalIpLiteral(rest);
  if (ip !== null) {
    if (wildcard) return { error: `"${text}": a wildcard cannot cover an IP address` };
    return { wildcard: false, host: ip };
  }
  if (rest.includes(':') || rest.includes('[')) return { error: `"${text}" is not a host name (no port)` };
  const host = extractHost(rest);
  if (host === null || host.startsWith('.') || host.includes('..')) return { error: `"${text}" is not a valid host name` };
  if (wildcard) {
    if (!host.includes('.')) return { error: `"${text}" would cover a whole top-level domain` };
    if (isDigit(host.charCodeAt(host.lastIndexOf('.') + 1))) return { error: `"${text}": a wildcard cannot cover an IP address` };
  }
  return { wildcard, host };
}
