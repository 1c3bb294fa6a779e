import type { Detector } from '../detector';
import { JWT_IO_SAMPLE_PAYLOAD, jwtHeaderValid } from '../jwt';

const RE = /(eyJ[A-Za-z0-9_-]{8,})\.(eyJ[A-Za-z0-9_-]{4,})\.([A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])/g;

/** JSON Web Tokens: three base64url segments whose header decodes to JSON with "alg". */
export const jwtDetector: Detector = {
  entries: [{ id: 'jwt', dataClass: 'credentials', description: 'JSON Web Tokens (header decodes to JSON with "alg")' }],
  detect({ text }, out) {
    RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RE.exec(text)) !== null) {
      if (jwtHeaderValid(m[1]!) && m[2] !== JWT_IO_SAMPLE_PAYLOAD) {
        out.push({ dataClass: 'credentials', detector: 'jwt', start: m.index, end: m.index + m[0].length, confidence: 0.95 });
      }
    }
  },
};
