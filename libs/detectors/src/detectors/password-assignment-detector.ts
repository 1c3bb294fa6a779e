import type { Detector } from '../detector';
import type { Finding } from '../finding';
import { charClassCount } from '../shannon-entropy';

/** command-line credentials: curl -u user:pass, --user user:pass, mysql -pSECRET, sshpass -p SECRET */
const CLI_USERPASS = /(?<![^\s])-(?:-user|u)[ \t]+['"]?[^\s:'"]{1,64}:([^\s'"]{4,128})/g;
const CLI_MYSQL = /\b(?:mysql|mysqldump|mariadb|mariadb-dump|mysqladmin|mysqlimport)\b[^\n]{0,200}?[ \t](?:-p|--password=)(?:'([^'\n]{4,128})'|"([^"\n]{4,128})"|([^\s'"-][^\s'"]{3,127}))/g;
const CLI_SSHPASS = /\bsshpass[ \t]+-p[ \t]*['"]?([^\s'"]{4,128})/g;

/** a line of a PostgreSQL password file (~/.pgpass): host:port:database:user:password, the port a number or '*' */
// (the host a name or an address with a letter or a dot, or '*'; the port two digits or more: not an IPv6
// address, a MAC address, a timestamp's "2024-05-01:12:30:…" or a counters line "cpu0:0:…")
/** its port and two more fields, unanchored: most texts have none, and this scan is cheaper than the anchored one at every line */
const PGPASS_HINT = /:(?:\d{2,5}|\*):[^:\s]{1,63}:[^:\s]{1,63}:[^\s:]/;
const PGPASS_LINE = /^(?:[A-Za-z0-9_-]*[A-Za-z.][A-Za-z0-9._-]{0,252}|\*):(?:\d{2,5}|\*):[^:\s]{1,63}:[^:\s]{1,63}:([^\s:]{4,128})$/gm;

/** camelCase keys the word index cannot see: dbPassword, userPass, adminPwd */
const CAMEL_KEY = /(?:Pass(?:word|wd|phrase)?|PASS(?:WORD|WD)?|Pwd|PWD)/g;
// (up to 24 blanks before the operator: aligned assignments, "sql_admin_password    = …"; "is" and the
// copula of other languages, an adverb after it: "heslo je …", "das Passwort ist …", "pw is still `…`")
const VALUE_RE =
  /[A-Za-z0-9_.-]{0,24}["']?[ \t]{0,24}(=>|:=|=|:|[ \t]+(?:ist|is|jest|je|est|es|è|é|är|er|adalah|là)(?![A-Za-z\u00C0-\u024F])(?:[ \t]+(?:still|now|currently|also|again|noch|jetzt|toujours|maintenant|todavía|ahora|ainda|agora|ancora|ora|nog|nu|nadal|teď|stále|fortfarande))?:?|[ \t]+)[ \t]{0,3}(?:"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|`([^`\r\n]{1,200})`|([^\s"'`,;<>)]{1,200}))/y;

/** Values that are placeholders, references or types rather than a password. */
const PLACEHOLDER =
  /^(?:\*+|x+|X+|\.+|#+|-+|_+|<[^>]*>|\{\{.*\}\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%s|%\(\w+\)s|%\w+%|\?+|null|none|nil|undefined|true|false|yes|no|required|optional|string|str|int|bool|boolean|text|char|varchar\S*|bytes|any|object|secret|secrets|password|passwords|passwd|pwd|pass|hash|hashed|changeme|example|redacted|hidden|masked|empty|blank|same|reset|expired|\[[^\]]*\])$/i;
const CODE_REF = /^(?:[A-Za-z_$][\w$]*(?:\.[\w$]+)+|process\.env\.\w+|os\.environ.*|.*\(.*|.*\[.*)$/;
const IDENT_NAMING_SECRET = /^[a-z_][a-z0-9_]*$/i;

/**
 * A variable given as a name and a value: a Kubernetes or Compose env list (`- name: DB_PASSWORD`
 * then `value: "..."` on the next line), an ECS task definition or any JSON list of
 * `{"name": "...", "value": "..."}`. The key is the name's value, not a word before the secret.
 */
const YAML_NAME_VALUE = /-[ \t]+name:[ \t]*["']?([A-Za-z][\w.-]{1,80})["']?[ \t]*\r?\n[ \t]+value:[ \t]*(?:"([^"\r\n]{1,300})"|'([^'\r\n]{1,300})'|([^\s#"'][^\r\n#]{0,299}))/g;
const JSON_NAME_VALUE = /"name"[ \t]*:[ \t]*"([A-Za-z][\w.-]{1,80})"[ \t]*,[ \t\r\n]*"value"[ \t]*:[ \t]*"([^"\\\r\n]{1,300})"/g;
/** names of variables that hold a password (first) or another secret */
const PASSWORD_NAME = /pass(?:word|wd|phrase)?|pwd/i;
const SECRET_NAME = /secret|token|api[_.-]?key|access[_.-]?key|private[_.-]?key|credential|auth[_.-]?key|(?:^|[_.-])key$/i;

function nameValuePairs(text: string, out: Finding[]): void {
  for (const re of [YAML_NAME_VALUE, JSON_NAME_VALUE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const name = m[1]!;
      const password = PASSWORD_NAME.test(name);
      if (!password && !SECRET_NAME.test(name)) continue;
      const raw = m[2] ?? m[3] ?? m[4]!;
      const value = raw.trim();
      if (value.length < 4 || PLACEHOLDER.test(value) || CODE_REF.test(value)) continue;
      const start = m.index + m[0].length - raw.length - (m[4] === undefined ? 1 : 0) + (raw.length - raw.trimStart().length);
      out.push({ dataClass: 'credentials', detector: password ? 'password-assignment' : 'generic-secret', start, end: start + value.length, confidence: 0.9 });
    }
  }
}

/** Passwords in assignments and labelled fields: password=..., "pwd": "...", PASSWORD: ..., DB_PASS=... */
/** a key=value field of a log line: a lower-case identifier, "=" and a value */
const NEXT_FIELD = /^[a-z][a-z_.]{2,30}=[^=]/;

export const passwordAssignmentDetector: Detector = {
  entries: [{ id: 'password-assignment', dataClass: 'credentials', description: 'Passwords in assignments, config and labelled fields' }],
  detect({ text, keywords }, out) {
    if (text.indexOf('value') !== -1) nameValuePairs(text, out);
    const keys: { start: number; end: number }[] = [];
    const { starts, ends } = keywords.hits('passkey');
    for (let i = 0; i < starts.length; i++) keys.push({ start: starts[i]!, end: ends[i]! });
    CAMEL_KEY.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = CAMEL_KEY.exec(text)) !== null) {
      const prev = c.index > 0 ? text.charCodeAt(c.index - 1) : 32;
      if ((prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57)) keys.push({ start: c.index, end: c.index + c[0].length });
    }
    for (const re of keywords.has('cli') ? [CLI_USERPASS, CLI_MYSQL, CLI_SSHPASS] : []) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const value = m[1] ?? m[2] ?? m[3]!;
        const quoted = re === CLI_MYSQL && m[3] === undefined; // -p'secret' / -p"secret": the closing quote ends the match
        const start = m.index + m[0].length - value.length - (quoted ? 1 : 0);
        if (PLACEHOLDER.test(value)) continue;
        out.push({ dataClass: 'credentials', detector: 'password-assignment', start, end: start + value.length, confidence: 0.9 });
      }
    }
    if (text.indexOf(':') !== -1 && PGPASS_HINT.test(text)) {
      PGPASS_LINE.lastIndex = 0;
      let p: RegExpExecArray | null;
      while ((p = PGPASS_LINE.exec(text)) !== null) {
        const value = p[1]!;
        if (PLACEHOLDER.test(value)) continue;
        const end = p.index + p[0].length;
        out.push({ dataClass: 'credentials', detector: 'password-assignment', start: end - value.length, end, confidence: 0.85 });
      }
    }
    if (keys.length === 0) return;
    keys.sort((a, b) => a.start - b.start);
    let lastEnd = 0;
    for (const k of keys) {
      if (k.start < lastEnd) continue;
      VALUE_RE.lastIndex = k.end;
      const v = VALUE_RE.exec(text);
      if (!v) continue;
      const quoted = v[2] ?? v[3] ?? v[4];
      let value = quoted ?? v[5]!;
      if (quoted === undefined) {
        const q = /&\w+=/.exec(value); // query string: password=x&next=y
        if (q) {
          VALUE_RE.lastIndex -= value.length - q.index;
          value = value.slice(0, q.index);
        }
      }
      let trimmed = value.trim();
      // an unquoted value at the end of a sentence: its full stop or comma is the sentence's ("şifresi Gulsen1958!. adı")
      if (quoted === undefined && /[^.,][.,]$/.test(trimmed) && /^(?:\s|$)/.test(text.slice(VALUE_RE.lastIndex, VALUE_RE.lastIndex + 1))) {
        trimmed = trimmed.slice(0, -1);
      }
      if (trimmed.length < 4 || PLACEHOLDER.test(trimmed) || CODE_REF.test(trimmed)) continue;
      if (quoted === undefined && IDENT_NAMING_SECRET.test(trimmed) && /pass|pwd|secret|token|(?:^|_)key$|[a-z]Key$/i.test(trimmed)) continue;
      const op = v[1]!.trim();
      // "pwd Xy7!kq2#Lm" without an operator: only a value that looks generated, not a word
      if (op === '' && !(trimmed.length >= 8 && /\d/.test(trimmed) && /[A-Za-z]/.test(trimmed) && charClassCount(trimmed) >= 3)) continue;
      // (nor the log line's next field: "reason=bad_password attempts=4")
      if (op === '' && NEXT_FIELD.test(trimmed)) continue;
      if (op.startsWith('is') && /^(?:the|a|an|not|too|set|correct|wrong|incorrect|invalid|weak|strong|stored|required|missing|empty|your|my|expired|reset|changed|valid|case)$/i.test(trimmed)) continue;
      // after another language's copula only a value that looks generated ("heslo je Jaro2024!Kx7q", not "heslo je silné")
      if (/^[a-zàèéä]/.test(op) && !op.startsWith('is') && !(/\d/.test(trimmed) && /\p{L}/u.test(trimmed) && trimmed.length >= 6)) continue;
      if (op === ':' && quoted === undefined && /^[a-z]+$/.test(trimmed) && /^[ \t]/.test(text.slice(VALUE_RE.lastIndex - value.length - 1))) {
        // "pass: the ball" reads as prose; keep only when the key itself is an unambiguous password word
        if (text.slice(k.start, k.end).toLowerCase() === 'pass') continue;
      }
      const start = VALUE_RE.lastIndex - value.length - (quoted !== undefined ? 1 : 0) + (value.length - value.trimStart().length);
      const end = start + trimmed.length;
      const confidence = quoted !== undefined || op === '=' ? 0.92 : /^[a-zàèéä]/.test(op) ? 0.7 : op === '' ? 0.75 : 0.88;
      out.push({ dataClass: 'credentials', detector: 'password-assignment', start, end, confidence });
      lastEnd = end;
    }
  },
};
