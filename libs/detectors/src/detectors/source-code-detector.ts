import type { Detector } from '../detector';

/** Line openings that are almost always code (JS/TS, Python, Java, C/C++, C#, Go, Rust, SQL, shell, config). */
const STRONG_START = new RegExp(
  [
    '(?:import|export)\\s+(?:[\\w{*"\']|default\\b|type\\b)',
    'from\\s+[\\w.]+\\s+import\\b',
    '(?:async\\s+)?function\\*?\\s*[\\w$]*\\s*\\(',
    '(?:const|let|var)\\s+[\\w${[]+\\s*[=:;]',
    '(?:async\\s+)?def\\s+\\w+\\s*\\(',
    'class\\s+\\w+\\s*[:({<]|class\\s+\\w+\\s+(?:extends|implements)\\b',
    '(?:public|private|protected|internal|static|final|abstract|override)\\s+[\\w<>\\[\\],.? ]*[({=;]',
    'package\\s+[\\w.]+;?\\s*$',
    'func\\s+[\\w(]',
    '(?:pub(?:\\(crate\\))?\\s+)?(?:fn|struct|enum|impl|trait|mod)\\s+[\\w<{]',
    'use\\s+[\\w:]+(?:::[\\w{*]+)*;',
    '#\\s*(?:include|define|ifndef|ifdef|endif|pragma)\\b',
    '#!\\/',
    'using\\s+[\\w.]+;',
    'namespace\\s+[\\w.]+',
    '(?:if|for|foreach|while|switch|catch)\\s*\\(',
    '(?:elif|if|for|while|with|except)\\s[^\\n]*:\\s*$',
    '(?:else|try|finally)\\s*[:{]',
    '(?:return|throw|raise|await|yield)\\b[^.!?]*$',
    '(?:SELECT|INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|CREATE\\s+(?:TABLE|INDEX|VIEW|OR\\s+REPLACE)|ALTER\\s+TABLE|DROP\\s+TABLE|FROM|WHERE|(?:LEFT\\s+|INNER\\s+)?JOIN|GROUP\\s+BY|ORDER\\s+BY|VALUES|LIMIT|AND|OR|HAVING|UNION)\\b',
    '@[A-Za-z]\\w*(?:\\(|\\s*$)',
    '\\/\\/|\\/\\*|\\*\\/|\\*\\s',
    '<\\/?[a-zA-Z][\\w-]*(?:\\s+[\\w-]+=|\\s*\\/?>)',
    '\\$\\s+\\w',
    '(?:echo|export|sudo|cd|npm|npx|yarn|pnpm|pip3?|git|docker|kubectl|helm|curl|wget|chmod|chown|mkdir|rm|cp|mv|apt-get|apt|brew|make|cargo|go|python3?|node|java|mvn|gradle|terraform|aws|gcloud|az|psql|mysql|ssh|scp)\\s+-{0,2}[\\w./$"\'-]',
    '(?:apiVersion|kind|metadata|spec|services|image|ports|volumes|environment|steps|jobs|runs-on|uses|with|env):',
    '-\\s+(?:name|image|uses|run|key|value|port|path):',
    '[A-Z][A-Z0-9_]*=\\S',
    '"[\\w.@$-]+"\\s*:\\s*',
    '[\\]{}()],?;?\\s*$',
  ].map((s) => '(?:' + s + ')').join('|'),
);
const STRONG_START_RE = new RegExp('^\\s*(?:' + STRONG_START.source + ')');
/**
 * False when STRONG_START_RE cannot match, known from the first two characters: no opening above
 * starts with a digit, and none with a capital and a small letter (the keywords are lower case, SQL
 * is all capitals, \`NAME=\` is capitals, digits and '_'); the first character is not a blank here.
 */
function mayOpenLikeCode(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c >= 48 && c <= 57) return false;
  if (c >= 65 && c <= 90) {
    const d = line.charCodeAt(1);
    return !(d >= 97 && d <= 122);
  }
  return true;
}
/** Line ends like code: ; { } [ ( ) => -> := or a backslash continuation. */
function endsLikeCode(line: string): boolean {
  let e = line.length - 1;
  while (e >= 0 && (line.charCodeAt(e) === 32 || line.charCodeAt(e) === 9 || line.charCodeAt(e) === 13)) e--;
  if (e < 0) return false;
  const c = line[e]!;
  if (c === ';' || c === '{' || c === '}' || c === '[' || c === '(' || c === ')' || c === '\\') return true;
  const two = line.slice(Math.max(0, e - 1), e + 1);
  return two === '=>' || two === '->' || two === ':=';
}
/**
 * Operators and assignments anywhere in the line; YAML "key: value" only when nested (indented) or
 * when the value looks like configuration (number, boolean, quoted, path/URL-like, flow collection),
 * so chat logs ("me: hey") and e-mail headers ("subject: lunch") are not code.
 */
const CODE_MID =
  /==|!=|&&|\|\||=>|->|::|\+=|\w\(\)|[\w\]]\.\w+\(|\w\[[\w"']*\]|^\s*[\w.$]+\s*=\s*[\w"'[{(<$-]|^\s{2,}[a-z_][\w.-]*:\s+\S|^\s*[a-z_][\w.-]*:\s+(?:-?\d[\w.:-]*|true|false|null|yes|no|~|"[^"]*"|'[^']*'|[\w.-]*[_./@$][\w./:@$-]*|\[.*\]|\{.*\}|[|>]-?)\s*$|^\s*-\s+[\w"'.-]+:\s/;
/**
 * What every CODE_MID alternative but the YAML ones holds: a line without any, and without a
 * possible YAML key (mayBeYamlKey), is not tested. ':' and '>' alone (e-mail headers "From: Ana
 * <ana@x.org>", "Tel: ...") are not enough: they need "->", "::" or a YAML key.
 */
const CODE_MID_OPS = /[=&|([]|->|::/;
/**
 * The three YAML alternatives of CODE_MID (^\s{2,}[a-z_]...:, ^\s*[a-z_]...:, ^\s*-\s+...:) need a
 * ':' and, as the first character after the leading white space, [a-z_] or '-' (`first` is the first
 * character that is not ASCII white space; a non-ASCII one may be a Unicode space: left to the regex).
 */
function mayBeYamlKey(line: string, first: number): boolean {
  const c = line.charCodeAt(first);
  return (c >= 128 || (c >= 97 && c <= 122) || c === 95 || c === 45) && line.indexOf(':') !== -1;
}
const FRAME = /^\s*(?:at\s+[\w$.<>/]+\s*\(|File\s+"[^"]+",\s+line\s+\d+|\.\.\.\s*\d+\s+more|Traceback\s+\(|Caused by:|[\w.]+(?:Error|Exception)\b[:\s])/;
const FENCE = /^\s*(?:```|~~~)/;
/** characters that make a sentence-like line worth a closer look */
const PROSE_BREAKERS = /[;{}=<>]|^\s*(?:\/\/|#|\*|--)/;

const CODE = 1, OTHER = 0, BLANK = 2, FRAME_LINE = 3, STRONG = 4;

/** ASCII white space as `trim` and `\s` see it (tab, line feed, vertical tab, form feed, carriage return, space) */
const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
/**
 * Where the first character of `line` that is not ASCII white space is (the line's length when there
 * is none): a line starting with another ASCII character (almost every line) is known not to be
 * blank, not to be a fence and not to be indented without a regex or a trimmed copy. Non-ASCII
 * characters (Unicode spaces among them) are left to the regexes.
 */
function firstNonSpaceAt(line: string): number {
  let i = 0;
  while (i < line.length && isAsciiSpace(line.charCodeAt(i))) i++;
  return i;
}
/** `line.trim().length === 0` without the copy */
function isBlank(line: string, first: number): boolean {
  return first === line.length || (line.charCodeAt(first) >= 128 && line.trim().length === 0);
}
/** FENCE.test(line), asked only when the first non-blank character may open a fence or be a Unicode space */
function isFence(line: string): boolean {
  const c = line.charCodeAt(firstNonSpaceAt(line));
  return (c === 96 || c === 126 || c >= 128) && FENCE.test(line);
}

function classify(line: string): number {
  const first = firstNonSpaceAt(line);
  if (isBlank(line, first)) return BLANK;
  // fast path for prose: a longer line ending like a sentence, without code punctuation
  let e = line.length - 1;
  while (e > 0 && (line.charCodeAt(e) === 32 || line.charCodeAt(e) === 13 || line.charCodeAt(e) === 9)) e--;
  const last = line.charCodeAt(e);
  if ((last === 46 || last === 63 || last === 33) && e > 40 && !PROSE_BREAKERS.test(line)) return OTHER;
  if (FRAME.test(line)) return FRAME_LINE;
  if (mayOpenLikeCode(line) && STRONG_START_RE.test(line)) return STRONG;
  const endsCode = endsLikeCode(line);
  const c0 = line.charCodeAt(0);
  const indented = c0 === 9 || (c0 === 32 && line.charCodeAt(1) === 32); // /^(?: {2,}|\t)/ without a regex call
  const mid = (CODE_MID_OPS.test(line) || mayBeYamlKey(line, first)) && CODE_MID.test(line);
  if (endsCode && (indented || mid || line.length < 100)) return CODE;
  if (mid && (indented || !/[.!?]\s*$/.test(line))) return CODE;
  if (indented && /[=(){}[\];:]/.test(line) && !/[.!?]\s*$/.test(line)) return CODE;
  return OTHER;
}

/**
 * Code blocks by syntactic density: lines are classified (keywords at line start, braces and
 * semicolons at line end, operators, indentation, imports, SQL, shell, YAML/JSON/.env keys); a run of
 * at least 3 code lines making up at least 60% of its non-blank lines is reported as one span, and so
 * are two adjacent code lines when one of them opens like code (a keyword, import, SQL, a command).
 * Fenced ``` blocks are reported whole. Stack-trace frames do not count as code.
 */
export const sourceCodeDetector: Detector = {
  entries: [{ id: 'source-code', dataClass: 'source_code', description: 'Source code and config blocks by syntactic density' }],
  detect({ text }, out) {
    if (text.indexOf('\n') === -1) return;
    const starts: number[] = [];
    const ends: number[] = [];
    const kinds: number[] = [];
    /** per line: opens like code (keyword, import, SQL, shell command...), not only punctuation */
    const strong: boolean[] = [];
    let pos = 0;
    let inFence = -1;
    while (pos <= text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) nl = text.length;
      if (nl - pos > 400 && inFence === -1) {
        // a paragraph, not a line of code (and never a fence): skip without slicing
        starts.push(pos); ends.push(nl); kinds.push(OTHER); strong.push(false);
        pos = nl + 1;
        continue;
      }
      const line = text.slice(pos, nl);
      if (isFence(line)) {
        if (inFence === -1) inFence = nl + 1;
        else {
          if (pos > inFence && text.slice(inFence, pos).trim()) out.push({ dataClass: 'source_code', detector: 'source-code', start: inFence, end: pos - 1, confidence: 0.95 });
          inFence = -1;
        }
        starts.push(pos); ends.push(nl); kinds.push(BLANK); strong.push(false);
      } else if (inFence !== -1) {
        starts.push(pos); ends.push(nl); kinds.push(BLANK); strong.push(false);
      } else {
        const k = classify(line);
        strong.push(k === STRONG);
        starts.push(pos); ends.push(nl); kinds.push(k === STRONG ? CODE : k);
        pos = nl + 1;
        continue;
      }
      pos = nl + 1;
    }
    const n = kinds.length;
    let i = 0;
    while (i < n) {
      if (kinds[i] !== CODE) { i++; continue; }
      let code = 1, nonBlank = 1, last = i, blanks = 0, j = i + 1;
      for (; j < n; j++) {
        const k = kinds[j]!;
        if (k === BLANK) { if (++blanks > 2) break; continue; }
        if (k === CODE) { code++; nonBlank++; last = j; blanks = 0; continue; }
        // allow one non-code line (comment, docstring) when code follows right after
        const nextCode = j + 1 < n && kinds[j + 1] === CODE;
        if (k === OTHER && nextCode && blanks === 0 && (code + 1) / (nonBlank + 1) >= 0.6) { nonBlank++; blanks = 0; continue; }
        break;
      }
      if (code >= 3 && code / nonBlank >= 0.6) {
        out.push({ dataClass: 'source_code', detector: 'source-code', start: starts[i]!, end: ends[last]!, confidence: code >= 6 ? 0.92 : 0.82 });
      } else if (code === 2 && nonBlank === 2 && last === i + 1 && (strong[i] || strong[last]) && ends[last]! - starts[i]! >= 24) {
        // two adjacent code lines, one opening like code: "import pandas as pd\ndf = pd.read_csv(p)"
        out.push({ dataClass: 'source_code', detector: 'source-code', start: starts[i]!, end: ends[last]!, confidence: 0.7 });
      }
      i = last + 1;
    }
  },
};
