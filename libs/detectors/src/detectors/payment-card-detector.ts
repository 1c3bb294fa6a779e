import type { Detector } from '../detector';
import { luhnValid } from '../luhn';
import { cardBrand, NATIONAL_SCHEMES, TEST_CARD_NUMBERS } from '../payment-card-brand';

/**
 * Boundaries: a card number is not part of a larger number ("3.4111...", "12-4111..."), but a field
 * separator next to it is fine: commas (CSV), semicolons, pipes, tabs, quotes, brackets. Groups are
 * separated consistently by a space, '-', '.' or '_'.
 */
// The look-behind comes after the first digit (it then includes that digit). Measured on 10 KB of
// the extension benchmark's prose: starting with the look-behind, Chromium 156 spent 0.59 ms per
// scan (Node 20: 0.02 ms), the largest part of a paste's inspection in the browser extension;
// starting with \d, 0.01 ms. Same matches (fuzzed): (?<!\d|\d[.-]|\.) before the first digit is
// (?<!\d\d|\d[.-]\d|\.\d) after it.
const RE = /\d(?<!\d\d|\d[.-]\d|\.\d)\d{3}([ ._-]?)\d{2,6}\1\d{4,5}(?:\1\d{1,4}){0,2}(?!\d|[._-]\d)/g;

/** a barcode's label right before a number: its code in capitals (EAN, GTIN, UPC, ISBN, and JAN with "code" or "13": not "15 JAN", "Jan: …"), or the word for barcode */
const BARCODE_BEFORE = /(?:(?<![A-Za-z])(?:JAN[ -]?(?:13|8|[Cc]ode|CODE|コード)|(?:EAN|GTIN|UPC|ISBN)(?:[ -]?(?:13|8|12|[Cc]ode|CODE|コード))?)|[Bb]arcode|[Bb]ar code|[Ss]trichcode|code-barres|código de barras|バーコード|条码|条形码|바코드)[ \t]*[:：#]?[ \t]*$/u;

const GROUPS = /^(?:4-4-4|4-4-4-4(?:-[1-3])?|4-6-5|4-6-4|4-4-4-1|4-4-4-2|4-4-4-3|4-4-4-4-3)$/;

/**
 * `raw` if it is a card number (length, grouping, Luhn, IIN range), else, when an expiry date's slash
 * follows it (`expiry`), its longest form cut at a separator that is one; undefined if none
 */
function validCard(raw: string, sep: string, expiry: boolean): string | undefined {
  for (let v = raw; ; ) {
    const d = v.replace(/\D/g, '');
    // (12 digits: Maestro only; cardBrand checks the length per scheme)
    if (d.length >= 12 && d.length <= 19 && (sep === '' || GROUPS.test(v.split(sep).map((g) => g.length).join('-'))) && luhnValid(d) && cardBrand(d) && !/^(\d)\1+$/.test(d)) return v;
    const cut = sep === '' ? -1 : v.lastIndexOf(sep);
    if (!expiry || cut < 0 || v.split(sep).length <= 3) return undefined;
    v = v.slice(0, cut);
  }
}

/**
 * Payment card numbers: Luhn plus issuer IIN range and length; plain, space- or dash-separated in
 * consistent groups. Documented test numbers (4111 1111 1111 1111, 4242..., 5555...4444) get confidence 0.3 (under the default threshold).
 */
export const paymentCardDetector: Detector = {
  entries: [{ id: 'payment-card', dataClass: 'financial', description: 'Payment card numbers (Luhn + IIN ranges and lengths)' }],
  detect({ text, keywords }, out) {
    const re = RE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      // the match may run on into the month of an expiry date after it ("4244 4574 8850 6965 03/27"
      // reads a fifth group "03"): its shorter forms, down to three groups, are tried too
      const raw = validCard(m[0], m[1]!, text.charCodeAt(m.index + m[0].length) === 47);
      if (raw === undefined) continue;
      const d = raw.replace(/\D/g, '');
      const end = m.index + raw.length;
      // ungrouped digits glued to letters are part of an identifier or a hash ("…aa5038745526710ef2e…" in a git SHA)
      if (m[1] === '' && (/[A-Za-z]/.test(text[m.index - 1] ?? '') || /[A-Za-z]/.test(text[end] ?? ''))) continue;
      // a product's barcode after its label ("JANコード：4901234567894", "EAN 4006381333931"): GTIN-13 numbers may pass Luhn too
      if (BARCODE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      if (TEST_CARD_NUMBERS.has(d)) {
        // a documented test number: reported at 0.3, under the default threshold (a policy may lower its threshold to see them)
        out.push({ dataClass: 'financial', detector: 'payment-card', start: m.index, end, confidence: 0.3 });
        continue;
      }
      const ctx = keywords.near('card', m.index, end, 60, 40);
      // (a national scheme's number ungrouped, "request_id=6063669363134704", only with a card's word near)
      if (m[1] === '' && !ctx && NATIONAL_SCHEMES.has(cardBrand(d)!)) continue;
      const confidence = ctx ? 0.98 : m[1] !== '' ? 0.9 : 0.8;
      out.push({ dataClass: 'financial', detector: 'payment-card', start: m.index, end, confidence });
    }
  },
};
