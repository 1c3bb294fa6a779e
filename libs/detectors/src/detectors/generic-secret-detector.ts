import type { Detector } from '../detector';
import type { Finding } from '../finding';
import { base64UrlDecode } from '../jwt';
import { charClassCount, shannonEntropy } from '../shannon-entropy';

// (up to 24 blanks before the operator: aligned assignments, "vpn_shared_key        = …"; a quoted value
// may hold any printable character but its quote: "Arbb_Pu*R-0&UB")
const AFTER_KEYWORD =
  /[A-Za-z0-9_.-]{0,30}["']?[ \t]{0,24}(=>|:=|=|:|[ \t])[ \t]{0,3}(?:(?:Bearer|Basic|Token|token)[ \t]+)?(?:"([!#-~]{8,400})(?=")|'([!-&(-~]{8,400})(?=')|["'`]?([A-Za-z0-9_\-+/=.~]{8,400}))/y;

/** Minimum Shannon entropy (bits per char) for a value to look random enough to be a secret. */
export const SECRET_ENTROPY_THRESHOLD = 3.5;

/** True when `value` looks like a random secret rather than a word, path or identifier. */
export function looksLikeSecretValue(value: string): boolean {
  // (12 to 15 characters when all four classes are in it: "Arbb_Pu*R-0&UB", a generated password)
  if (value.length < 16 && !(value.length >= 12 && charClassCount(value) >= 4)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (charClassCount(value) < 2) return false;
  if (/^(?:[a-z]+[_.-])+[a-z]+$/i.test(value)) return false; // snake/kebab identifiers
  if (/^\d+(?:\.\d+)+$/.test(value)) return false;
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|urn:)/i.test(value)) return false; // a URL or URN, quoted after a token word
  if (/example|sample|dummy|placeholder|your[_-]|xxxx|redacted|changeme/i.test(value)) return false;
  if (/^pk_(?:live|test)_/.test(value)) return false; // Stripe publishable keys are public by design
  const threshold = value.length >= 32 ? SECRET_ENTROPY_THRESHOLD : SECRET_ENTROPY_THRESHOLD - 0.3;
  return shannonEntropy(value) >= threshold;
}

/** "Authorization: Basic <base64>" whose payload decodes to printable user:password. */
function basicAuthValid(value: string): boolean {
  const decoded = base64UrlDecode(value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  return decoded !== undefined && /^[\x20-\x7e]+:[\x20-\x7e]{3,}$/.test(decoded);
}

/** A Cookie or Set-Cookie header (pasted from a browser's network tab, a curl command, a HAR file). */
const COOKIE_HEADER = /(?<![\w-])(set-)?cookie:[ \t]*([^\r\n'"]{1,4000})/gi;
/** Cookie names of sessions and sign-ins: whoever holds the value is signed in as its owner. */
const SESSION_COOKIE = /sess|sid$|^sid|auth|token|jwt|remember|login|^__(?:secure|host)-/i;

/** Session cookies' values in Cookie / Set-Cookie headers (a bearer credential, however random they look). */
function sessionCookies(text: string, out: Finding[]): void {
  COOKIE_HEADER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COOKIE_HEADER.exec(text)) !== null) {
    const header = m[2]!;
    let at = m.index + m[0].length - header.length;
    // Set-Cookie: the first pair is the cookie, the rest its attributes
    const pairs = m[1] ? header.split(';', 1) : header.split(';');
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (eq > 0 && value.length >= 16 && SESSION_COOKIE.test(name) && /\d/.test(value) && /[A-Za-z]/.test(value) && !/^(?:deleted|null|undefined)$/i.test(value)) {
        const start = at + eq + 1 + (pair.slice(eq + 1).length - pair.slice(eq + 1).trimStart().length);
        out.push({ dataClass: 'credentials', detector: 'generic-secret', start, end: start + value.length, confidence: 0.85 });
      }
      at += pair.length + 1;
    }
  }
}

const QUOTED_NOT_SECRET = /\$\{|\{\{|%\{|\\|^[a-z][a-z0-9+.-]*:|#[^#]*#|(?:^|\+)(?:ctrl|alt|shift|cmd|meta|option)\+/i;

/** a Telegram bot's token: the bot's id, a colon and 35 characters starting "AA" (in the Bot API's URL too: ".../bot123456789:AA…/sendMessage") */
const TELEGRAM_BOT_TOKEN = /(?:(?<=\/bot)|(?<![\w:]))\d{8,10}:AA[A-Za-z0-9_-]{33}(?![\w-])/g;

/** High-entropy values next to secret, token, api_key, password, bearer ... */
export const genericSecretDetector: Detector = {
  entries: [{ id: 'generic-secret', dataClass: 'credentials', description: 'High-entropy values next to secret/token/api_key/password words' }],
  detect({ text, keywords }, out) {
    if (text.indexOf('ookie') !== -1 || text.indexOf('OOKIE') !== -1) sessionCookies(text, out);
    if (text.indexOf(':AA') !== -1) {
      TELEGRAM_BOT_TOKEN.lastIndex = 0;
      let t: RegExpExecArray | null;
      while ((t = TELEGRAM_BOT_TOKEN.exec(text)) !== null) out.push({ dataClass: 'credentials', detector: 'generic-secret', start: t.index, end: t.index + t[0].length, confidence: 0.9 });
    }
    const ends = [...keywords.hits('secret').ends, ...keywords.hits('passkey').ends].sort((a, b) => a - b);
    let lastEnd = -1;
    for (const e of ends) {
      if (e < lastEnd) continue;
      AFTER_KEYWORD.lastIndex = e;
      const m = AFTER_KEYWORD.exec(text);
      if (!m) continue;
      // ordinary words ("key", "salt") need an explicit assignment: "the key pk_live_..." is prose
      if (m[1]!.trim() === '' && /^(?:key|keys|salt|hmac|secret|secrets|token|tokens|auth)$/i.test(text.slice(Math.max(0, e - 7), e).replace(/^.*[^A-Za-z]/, ''))) continue;
      const raw = m[2] ?? m[3] ?? m[4]!;
      // a quoted value that is a template, a path, a scheme's value or a composite key, not a secret ("${env:KEY}", "C:\\Users\\…", "sha256:…", "arn:aws:…", "ORDER#2024#ITEM#17", "Ctrl+Alt+F12")
      if (m[4] === undefined && QUOTED_NOT_SECRET.test(raw)) continue;
      const value = raw.replace(/[.=]+$/, (s) => (s.startsWith('=') ? s : ''));
      const basic = /basic$/i.test(text.slice(Math.max(0, e - 5), e)) && basicAuthValid(value);
      if (!basic && !looksLikeSecretValue(value)) continue;
      const start = AFTER_KEYWORD.lastIndex - raw.length;
      const end = start + value.length;
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
      out.push({ dataClass: 'credentials', detector: 'generic-secret', start, end, confidence: basic ? 0.9 : uuid ? 0.6 : 0.8 });
      lastEnd = end;
    }
  },
};
