import type { Detector } from '../detector';
import { base64UrlDecode } from '../jwt';
import { charClassCount, shannonEntropy } from '../shannon-entropy';

const AFTER_KEYWORD =
  /[A-Za-z0-9_.-]{0,30}["']?[ \t]{0,3}(=>|:=|=|:|[ \t])[ \t]{0,3}(?:(?:Bearer|Basic|Token|token)[ \t]+)?["'`]?([A-Za-z0-9_\-+/=.~]{8,400})/y;

/** Minimum Shannon entropy (bits per char) for a value to look random enough to be a secret. */
export const SECRET_ENTROPY_THRESHOLD = 3.5;

/** True when `value` looks like a random secret rather than a word, path or identifier. */
export function looksLikeSecretValue(value: string): boolean {
  if (value.length < 16) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (charClassCount(value) < 2) return false;
  if (/^(?:[a-z]+[_.-])+[a-z]+$/i.test(value)) return false; // snake/kebab identifiers
  if (/^\d+(?:\.\d+)+$/.test(value)) return false;
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

/** High-entropy values next to secret, token, api_key, password, bearer ... */
export const genericSecretDetector: Detector = {
  entries: [{ id: 'generic-secret', dataClass: 'credentials', description: 'High-entropy values next to secret/token/api_key/password words' }],
  detect({ text, keywords }, out) {
    const ends = [...keywords.hits('secret').ends, ...keywords.hits('passkey').ends].sort((a, b) => a - b);
    let lastEnd = -1;
    for (const e of ends) {
      if (e < lastEnd) continue;
      AFTER_KEYWORD.lastIndex = e;
      const m = AFTER_KEYWORD.exec(text);
      if (!m) continue;
      // ordinary words ("key", "salt") need an explicit assignment: "the key pk_live_..." is prose
      if (m[1]!.trim() === '' && /^(?:key|keys|salt|hmac|secret|secrets|token|tokens|auth)$/i.test(text.slice(Math.max(0, e - 7), e).replace(/^.*[^A-Za-z]/, ''))) continue;
      const value = m[2]!.replace(/[.=]+$/, (s) => (s.startsWith('=') ? s : ''));
      const basic = /basic$/i.test(text.slice(Math.max(0, e - 5), e)) && basicAuthValid(value);
      if (!basic && !looksLikeSecretValue(value)) continue;
      const start = AFTER_KEYWORD.lastIndex - m[2]!.length;
      const end = start + value.length;
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
      out.push({ dataClass: 'credentials', detector: 'generic-secret', start, end, confidence: basic ? 0.9 : uuid ? 0.6 : 0.8 });
      lastEnd = end;
    }
  },
};
