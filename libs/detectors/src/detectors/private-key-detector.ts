import type { Detector } from '../detector';

const BEGIN = '-----BEGIN ';
const HEADER_RE = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?)-----/y;

/** PEM / OpenSSH / PGP private key blocks, from BEGIN to END (or to the end of the base64 body if cut). */
export const privateKeyDetector: Detector = {
  entries: [{ id: 'private-key', dataClass: 'credentials', description: 'PEM, OpenSSH and PGP private key blocks' }],
  detect({ text }, out) {
    /** per footer: where it was last found (or -1 = not after that point): keeps many headers linear */
    const footers = new Map<string, number>();
    let i = text.indexOf(BEGIN);
    while (i !== -1) {
      HEADER_RE.lastIndex = i;
      const m = HEADER_RE.exec(text);
      if (!m) {
        i = text.indexOf(BEGIN, i + BEGIN.length);
        continue;
      }
      const footer = '-----END ' + m[1] + '-----';
      let endAt = footers.get(footer);
      if (endAt === undefined || (endAt !== -1 && endAt < i + m[0].length)) {
        endAt = text.indexOf(footer, i + m[0].length);
        footers.set(footer, endAt);
      }
      let end: number;
      if (endAt !== -1) end = endAt + footer.length;
      else {
        // truncated paste: take the base64 body that follows
        // truncated paste: the base64 body up to a blank line (a key is well under 16 KB)
        const rest = text.slice(i + m[0].length, i + m[0].length + 16384);
        const b = /[\s\S]*?(?=\n\s*\n|-----BEGIN |$)/.exec(rest);
        end = i + m[0].length + (b ? b[0].length : 0);
      }
      out.push({ dataClass: 'credentials', detector: 'private-key', start: i, end, confidence: endAt !== -1 ? 0.99 : 0.9 });
      i = text.indexOf(BEGIN, end);
    }
  },
};
