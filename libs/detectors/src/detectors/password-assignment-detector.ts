import type { Detector } from '../detector';

const KEY_RE = /[Pp]ass(?:word|wd|phrase)?|PASS(?:WORD|WD|PHRASE)?|[Pp]wd|PWD|[Pp]asswort|PASSWORT|[Mm]ot de passe|[Cc]ontraseña/g;
const VALUE_RE =
  /[A-Za-z0-9_.-]{0,24}["']?[ \t]{0,3}(=>|:=|=|:|[ \t]+is:?)[ \t]{0,3}(?:"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|`([^`\r\n]{1,200})`|([^\s"'`,;&<>)]{1,200}))/y;

/** Values that are placeholders, references or types rather than a password. */
const PLACEHOLDER =
  /^(?:\*+|x+|X+|\.+|#+|-+|_+|<[^>]*>|\{\{.*\}\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%\(?\w*\)?s?|%\w+%|\?+|null|none|nil|undefined|true|false|yes|no|required|optional|string|str|int|bool|boolean|text|char|varchar\S*|bytes|any|object|secret|secrets|password|passwords|passwd|pwd|pass|hash|hashed|changeme|example|redacted|hidden|masked|empty|blank|same|reset|expired|\[[^\]]*\])$/i;
const CODE_REF = /^(?:[A-Za-z_$][\w$]*(?:\.[\w$]+)+|process\.env\.\w+|os\.environ.*|.*\(.*|.*\[.*)$/;
const IDENT_NAMING_SECRET = /^[a-z_][a-z0-9_]*$/i;

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Passwords in assignments and labelled fields: password=..., "pwd": "...", PASSWORD: ..., DB_PASS=... */
export const passwordAssignmentDetector: Detector = {
  entries: [{ id: 'password-assignment', dataClass: 'credentials', description: 'Passwords in assignments, config and labelled fields' }],
  detect({ text }, out) {
    const re = new RegExp(KEY_RE);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const k = m.index;
      const prev = k > 0 ? text.charCodeAt(k - 1) : 32;
      // "bypass", "compass": a lowercase key glued to a preceding letter is part of another word
      if (isLower(text.charCodeAt(k)) && (isLower(prev) || (prev >= 65 && prev <= 90))) continue;
      VALUE_RE.lastIndex = k + m[0].length;
      const v = VALUE_RE.exec(text);
      if (!v) continue;
      const quoted = v[2] ?? v[3] ?? v[4];
      const value = quoted ?? v[5]!;
      const trimmed = value.trim();
      if (trimmed.length < 4 || PLACEHOLDER.test(trimmed) || CODE_REF.test(trimmed)) continue;
      if (quoted === undefined && IDENT_NAMING_SECRET.test(trimmed) && /pass|pwd|secret|token|key/i.test(trimmed)) continue;
      if (v[1]!.trim().startsWith('is') && (/^(?:the|a|an|not|too|set|correct|wrong|incorrect|invalid|weak|strong|stored|required|missing|empty|your|my)$/i.test(trimmed))) continue;
      const valueStart = VALUE_RE.lastIndex - value.length - (quoted !== undefined ? 1 : 0) + (value.length - value.trimStart().length);
      const start = valueStart;
      const end = start + trimmed.length;
      const op = v[1]!.trim();
      const confidence = quoted !== undefined || op === '=' ? 0.92 : op.startsWith('is') ? 0.7 : 0.88;
      out.push({ dataClass: 'credentials', detector: 'password-assignment', start, end, confidence });
      re.lastIndex = Math.max(re.lastIndex, end);
    }
  },
};
