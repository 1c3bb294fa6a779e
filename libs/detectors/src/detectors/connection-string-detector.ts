import type { Detector } from '../detector';

/** user:password@host; the password may hold '#' or '?' as typed (pasted URLs are not always encoded) */
const USERINFO = /([^\s:@/?#"'<>]{0,64}):([^\s@/"'<>]{1,128})@[A-Za-z0-9.\-[\]:_]{1,255}/y;
const PLACEHOLDER = /^(?:\*+|x+|<[^>]*>|\$\{[^}]*\}|\$[A-Za-z_]\w*|%[A-Za-z_]\w*%|\{\{[^}]*\}\}|password|pass|pwd|secret|changeme|\[[^\]]*\])$/i;

function isSchemeChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/** URLs and connection strings with a password in the userinfo (postgres://u:p@h, https://u:p@h, redis://:p@h with no user). */
export const connectionStringDetector: Detector = {
  entries: [{ id: 'connection-string', dataClass: 'credentials', description: 'URLs and connection strings with user:password@host' }],
  detect({ text }, out) {
    if (text.indexOf('@') === -1) return;
    let i = text.indexOf('://');
    while (i !== -1) {
      let s = i;
      while (s > 0 && i - s < 24 && isSchemeChar(text.charCodeAt(s - 1))) s--;
      if (s < i) {
        USERINFO.lastIndex = i + 3;
        const m = USERINFO.exec(text);
        if (m) {
          const pass = m[2]!;
          const passStart = i + 3 + m[1]!.length + 1;
          if (!PLACEHOLDER.test(pass)) {
            out.push({ dataClass: 'credentials', detector: 'connection-string', start: passStart, end: passStart + pass.length, confidence: 0.97 });
          }
          i = text.indexOf('://', i + 3 + m[0].length);
          continue;
        }
      }
      i = text.indexOf('://', i + 3);
    }
  },
};
