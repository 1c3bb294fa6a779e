import type { Detector } from '../detector';

const BEGIN = '-----BEGIN ';
const HEADER_RE = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?)-----/y;

/** PEM / OpenSSH / PGP private key blocks, from BEGIN to END (or to the end of the base64 body if cut). */
export const privateKeyDetector: Detector = {
  entries: [{ id: 'private-key', dataClass: 'credentials', description: 'PEM, OpenSSH and PGP private key blocks' }],
  detect({ text }, out) {
    let i = text.indexOf(BEGIN);
    while (i !== -1) {
      HEADER_RE.lastIndex = i;
      const m = HEADER_RE.exec(text);
      if (!m) {
        i = text.indexOf(BEGIN, i + BEGIN.length);
        continue;
      }
      const footer = '-----END ' + m[1] + '-----';
      const endAt = text.indexOf(footer, i + m[0].length);
      let end: number;
      if (endAt !== -1) end = endAt + footer.length;
      else {
        // truncated paste: take the base64 body that follows
        const body = /[\s\S]*?(?=\n\s*\n|$)/y;
        body.lastIndex = i + m[0].length;
        const b = body.exec(text);
        end = i + m[0].length + (b ? b[0].length : 0);
      }
      out.push({ dataClass: 'credentials', detector: 'private-key', start: i, end, confidence: endAt !== -1 ? 0.99 : 0.9 });
      i = text.indexOf(BEGIN, end);
    }
  },
};
