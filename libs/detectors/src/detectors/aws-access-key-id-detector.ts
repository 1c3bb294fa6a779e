import type { Detector } from '../detector';

const RE = /(?<![A-Za-z0-9])(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16}(?![A-Za-z0-9])/g;

/** AWS access key ids (AKIA... long-term, ASIA... temporary, other unique-id prefixes lower). */
export const awsAccessKeyIdDetector: Detector = {
  entries: [{ id: 'aws-access-key-id', dataClass: 'credentials', description: 'AWS access key id (AKIA..., ASIA...)' }],
  detect({ text }, out) {
    if (text.indexOf('A') === -1) return;
    const re = RE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].endsWith('EXAMPLE')) continue; // AKIAIOSFODNN7EXAMPLE and friends from AWS docs
      const strong = m[1] === 'AKIA' || m[1] === 'ASIA';
      out.push({ dataClass: 'credentials', detector: 'aws-access-key-id', start: m.index, end: m.index + 20, confidence: strong ? 0.97 : 0.75 });
    }
  },
};
