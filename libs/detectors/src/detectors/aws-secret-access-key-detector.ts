import type { Detector } from '../detector';
import { charClassCount, shannonEntropy } from '../shannon-entropy';

const CANDIDATE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const DOC_EXAMPLE = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** AWS secret access keys: 40 base64 characters within 160 characters after an AWS word (aws, secret_access_key, SecretAccessKey). */
export const awsSecretAccessKeyDetector: Detector = {
  entries: [{ id: 'aws-secret-access-key', dataClass: 'credentials', description: 'AWS secret access key (40 chars after aws / secret_access_key words)' }],
  detect({ text, keywords }, out) {
    if (!keywords.has('aws')) return;
    for (const kind of ['aws'] as const) {
      const { starts } = keywords.hits(kind);
      for (const s of starts) {
        const win = text.slice(s, s + 160);
        const re = new RegExp(CANDIDATE);
        let w: RegExpExecArray | null;
        while ((w = re.exec(win)) !== null) {
          const m = { index: s + w.index, 0: w[0] };
          const v = m[0];
          if (v === DOC_EXAMPLE || v.includes('EXAMPLE')) continue;
          if (charClassCount(v) < 2 || shannonEntropy(v) < 4.2) continue;
          out.push({ dataClass: 'credentials', detector: 'aws-secret-access-key', start: m.index, end: m.index + 40, confidence: 0.95 });
        }
      }
    }
  },
};
