import type { Detector } from '../detector';
import { charClassCount, shannonEntropy } from '../shannon-entropy';

const CANDIDATE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const DOC_EXAMPLE = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** AWS secret access keys: 40 base64 characters within 80 characters of "aws" or a secret word. */
export const awsSecretAccessKeyDetector: Detector = {
  entries: [{ id: 'aws-secret-access-key', dataClass: 'credentials', description: 'AWS secret access key (40 chars near aws/secret words)' }],
  detect({ text, keywords }, out) {
    if (!keywords.has('aws') && !keywords.has('secret')) return;
    for (const kind of ['aws', 'secret'] as const) {
      const { starts } = keywords.hits(kind);
      for (const s of starts) {
        const re = new RegExp(CANDIDATE);
        re.lastIndex = s;
        const limit = s + 120;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null && m.index < limit) {
          const v = m[0];
          if (v === DOC_EXAMPLE || v.includes('EXAMPLE')) continue;
          if (charClassCount(v) < 3 || shannonEntropy(v) < 4.2) continue;
          const aws = keywords.near('aws', m.index, m.index + 40, 120, 20);
          out.push({ dataClass: 'credentials', detector: 'aws-secret-access-key', start: m.index, end: m.index + 40, confidence: aws ? 0.95 : 0.8 });
        }
      }
    }
  },
};
