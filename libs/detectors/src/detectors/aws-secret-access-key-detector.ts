import type { Detector } from '../detector';
import { charClassCount, shannonEntropy } from '../shannon-entropy';

const CANDIDATE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const DOC_EXAMPLE = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** AWS secret access keys: 40 base64 characters within 160 characters after an AWS word (aws, secret_access_key, SecretAccessKey). */
export const awsSecretAccessKeyDetector: Detector = {
  entries: [{ id: 'aws-secret-access-key', dataClass: 'credentials', description: 'AWS secret access key (40 chars after aws / secret_access_key words)' }],
  detect({ text, keywords }, out) {
    // anchors: AWS words, and access key ids (a secret pasted next to its key id, as in terraform.tfvars or a credentials CSV)
    const anchors = [...keywords.hits('aws').starts];
    if (text.indexOf('AKIA') !== -1 || text.indexOf('ASIA') !== -1) {
      const re = /(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/g;
      let k: RegExpExecArray | null;
      while ((k = re.exec(text)) !== null) anchors.push(Math.max(0, k.index - 140), k.index + 20);
      anchors.sort((a, b) => a - b);
    }
    if (anchors.length === 0) return;
    let lastEnd = -1;
    {
      for (const s of anchors) {
        const win = text.slice(s, s + 160);
        const re = CANDIDATE;
        re.lastIndex = 0;
        let w: RegExpExecArray | null;
        while ((w = re.exec(win)) !== null) {
          const m = { index: s + w.index, 0: w[0] };
          const v = m[0];
          if (v === DOC_EXAMPLE || v.includes('EXAMPLE')) continue;
          if (charClassCount(v) < 2 || shannonEntropy(v) < 4.2) continue;
          if (m.index < lastEnd) continue;
          lastEnd = m.index + 40;
          out.push({ dataClass: 'credentials', detector: 'aws-secret-access-key', start: m.index, end: m.index + 40, confidence: 0.95 });
        }
      }
    }
  },
};
