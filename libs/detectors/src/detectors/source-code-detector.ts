import type { Detector } from '../detector';

/*
 * How (what is reported is defined on `sourceCodeDetector` below).
 *
 * Lines are classified:
 * - STRONG: opens like a program statement (a declaration, import, control flow with its syntax,
 *   SQL clause, shebang, preprocessor line, decorator, function definition in some language);
 * - CODE: a statement by its punctuation (a call ending in ';', an assignment of an expression,
 *   '=>', '&&', ':=', a closing '});');
 * - NEUTRAL: could be inside code or inside a config: "key: value", '"key": value', 'KEY=value',
 *   'key = "literal"', '[section]', a lone brace, a markup tag, a shell command at a prompt;
 * - COMMENT: a comment line (//, #, /*, *, --);
 * - OTHER: prose, and anything else.
 * A block is a run of non-OTHER lines (up to two blank lines inside; one OTHER line between code
 * lines is absorbed). It is reported when it holds program-code evidence: a STRONG line and a
 * CODE line (2 x STRONG + CODE >= 3), three CODE lines, two CODE lines in a block of four lines, or
 * a STRONG line heading a block of three lines (a declaration and its members); NEUTRAL and COMMENT
 * lines only join, so a config or a transcript, however long, has no evidence. A single line
 * pasted alone is reported when it is unmistakably a statement. Fenced ``` blocks are judged by
 * their language tag (a programming language: code; json, yaml, toml, ini, env, csv, xml, html,
 * text, console: not) or, without one or with a shell tag, by their lines (one STRONG or two CODE
 * lines). Stack-trace frames are never code. Every pattern is linear in the line (no nested or
 * overlapping quantifiers; lines over 400 characters are prose).
 */

/**
 * `^\s*` that never gives back what it took (a lookahead capture, then the backreference): a
 * pattern opening with it is tried once per line, not once per leading blank, so a line of 400
 * spaces costs 400 steps and not 400 times the pattern's alternatives.
 */
const ATOMIC_INDENT = '^(?=(\\s*))\\1';
/** Line openings that are program code (JS/TS, Python, Java, Kotlin, Swift, C/C++, C#, Go, Rust, PHP, Ruby, Perl, SQL, shell logic). */
const STRONG_START = [
  // imports, modules
  'import\\s+(?:type\\s+)?[\\w$*{][^\\n]*\\bfrom\\s+[\'"]',
  'import\\s+[\'"]',
  'import\\s*[{(]',
  'import\\s+(?:static\\s+)?[\\w.]+(?:\\.\\*)?\\s*;',
  'import\\s+[\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+as\\s+\\w+)?)*\\s*$',
  'from\\s+[\\w.]+\\s+import\\s',
  '(?:export\\s+)?(?:default\\s+)?(?:async\\s+)?function\\*?\\s*[\\w$]*\\s*(?:<[^>\\n]*>)?\\s*\\(',
  'export\\s+(?:default|const|let|var|function|class|interface|type|enum|async|abstract|declare|namespace|\\{|\\*)',
  'module\\.exports\\b|exports\\.[\\w$]+\\s*=',
  '(?:const|let|var|val)\\s+(?:mut\\s+)?[\\w$]+\\s*(?::[^=\\n]{1,80})?=[^=]',
  '(?:const|let|var)\\s+[{[][^=\\n]*=',
  '(?:var|val|let)\\s+[\\w$]+\\s*:\\s*[\\w<>\\[\\]?.]+\\s*$',
  '(?:async\\s+)?def\\s+\\w+[?!]?\\s*[(:]',
  'def\\s+(?:self\\.)?\\w+[?!]?\\s*$',
  '(?:(?:abstract|data|sealed|open|final|static|public|private|internal|export|default|partial)\\s+)*class\\s+\\w+(?:<[^>\\n]*>)?\\s*(?:[:({]|\\s(?:extends|implements|<)\\b|$)',
  '(?:export\\s+)?interface\\s+\\w+(?:<[^>\\n]*>)?\\s*(?:extends\\s[^{\\n]+)?\\{',
  '(?:export\\s+)?type\\s+\\w+(?:<[^>\\n]*>)?\\s*=\\s*\\S',
  '(?:export\\s+)?(?:const\\s+)?enum\\s+\\w+\\s*[{:]',
  '(?:@\\w+\\s+)*(?:public|private|protected|internal|static|final|abstract|override|readonly|virtual|sealed|synchronized|extern|inline)\\s+[\\w<>\\[\\],.?* ]*[\\w>\\]?]\\s*[({=;]',
  'package\\s+[\\w.]+\\s*;?\\s*$',
  'func\\s+(?:\\([^)\\n]*\\)\\s*)?\\w+\\s*[(<[]',
  '(?:(?:override|private|public|internal|suspend|inline|operator)\\s+)*fun\\s+[\\w<>.]+\\s*\\(',
  '(?:pub(?:\\([\\w:]+\\))?\\s+)?(?:async\\s+)?(?:unsafe\\s+)?fn\\s+\\w+',
  '(?:pub(?:\\([\\w:]+\\))?\\s+)?(?:struct|enum|trait|union)\\s+\\w+(?:<[^>\\n]*>)?\\s*[{(;]',
  'impl(?:<[^>\\n]*>)?\\s[\\w:<>, ]+\\{',
  'mod\\s+\\w+\\s*[{;]',
  'use\\s+[\\w:\\\\]+(?:::[\\w{*,} ]+)*\\s*;',
  'use\\s+(?:strict|warnings)\\b',
  'type\\s+\\w+\\s+(?:struct|interface|func)\\b',
  '(?:defer|go)\\s+[\\w.]+\\(',
  '[\\w.]+(?:\\s*,\\s*[\\w.]+)*\\s*:=\\s*\\S',
  '(?:guard|if)\\s+let\\s',
  'var\\s+\\w+(?:\\s*,\\s*\\w+)*\\s+[\\w.*[\\]]+\\s*(?:=|$)',
  '(?:for|if|while|switch|match|select)\\s[^\\n]*\\{\\s*$',
  '(?:extension|protocol)\\s+\\w+\\s*[{:]',
  '(?:companion\\s+)?object\\s+\\w+\\s*[{:]',
  'when\\s*\\([^)\\n]*\\)\\s*\\{',
  'match\\s[^\\n]*\\{\\s*$',
  'template\\s*<',
  'namespace\\s+[\\w.:\\\\]+\\s*[{;]?\\s*$',
  'using\\s+(?:static\\s+)?[\\w.]+(?:\\s*=\\s*[\\w.]+)?\\s*;',
  '#\\s*include\\s*[<"]|#(?:define|ifndef|ifdef|endif|pragma|undef|if|elif|else)\\b',
  '#!\\/',
  '<\\?php',
  '(?:unsigned\\s+|signed\\s+|const\\s+|static\\s+|struct\\s+|extern\\s+)*(?:int|char|void|float|double|long|short|bool|size_t|auto|u?int(?:8|16|32|64)_t|boolean|byte|string)(?:\\s+|\\s*\\*+\\s*)\\w+\\s*(?:\\[[^\\]\\n]*\\]\\s*)?[=;(,]',
  // control flow with its syntax
  '(?:if|for|foreach|while|switch|catch|elseif|lock|using)\\s*\\([^\\n]*[)({;]\\s*$',
  '\\}\\s*(?:else|catch|finally|while)\\b',
  '(?:else|try|finally|do)\\s*\\{',
  '(?:else|try|finally)\\s*:\\s*$',
  '(?:elif|while|with|async\\s+with|except)\\s[^\\n]*:\\s*$|except\\s*:\\s*$',
  'if\\s+(?:not\\s+)?[\\w.\\[\\]()\'"]+(?:\\s*(?:==|!=|<=|>=|<|>|\\bis\\b|\\bin\\b|\\band\\b|\\bor\\b)\\s*[^\\n]+)?:\\s*$',
  '(?:async\\s+)?for\\s+\\w+(?:\\s*,\\s*\\w+)*\\s+in\\s+[\\w.\\[\\]()\'"][^\\n]*:\\s*$',
  'return(?:\\s*;|\\s*$|\\s+[^\\s.!?,](?:[^\\n]*[^\\s.!,])?\\s*$)',
  'constructor\\s*\\(',
  '(?:readonly|private|public|protected|static|declare|abstract)\\s+(?:readonly\\s+)?[\\w$#]+[?!]?\\s*:',
  '\\.\\.\\.[\\w$.]+\\s*[,)}\\]]?\\s*$',
  'type\\s+\\w+(?:\\s+as\\s+\\w+)?,?\\s*$',
  'throw\\s+(?:new\\s+)?[\\w.]+\\s*[(;]',
  'raise\\s+\\w[\\w.]*(?:\\(|\\s*$)',
  'await\\s+[\\w$.]+\\s*[(`]',
  'yield\\b[^\\n]*[;)\\w]\\s*$',
  'console\\.\\w+\\(|print(?:ln|f)?!?\\s*\\(|System\\.out\\.|fmt\\.\\w+\\(|puts\\s|echo\\s+\\$',
  'require(?:_relative|_once)?\\s*\\(?\\s*[\'"]',
  'attr_(?:accessor|reader|writer)\\s+:',
  '[\\w.$@]+(?:\\([^\\n]*\\))?\\s+do\\s*\\|[\\w, *]*\\|\\s*$',
  '(?:next|break|redo|retry|return)\\s+(?:if|unless)\\s|unless\\s+[\\w.@!]+',
  '(?:my|our|local)\\s+[$@%]\\w+',
  'sub\\s+\\w+\\s*\\{',
  '\\$\\w+\\s*(?:=[^=]|->|\\[|\\.=|\\+=)',
  '(?:self|this|@)\\.?[\\w$]+(?:\\.[\\w$]+)*\\s*(?:[-+*/|&]?=[^=]|\\()',
  // shell logic
  'if\\s+!?\\s*\\[\\[?\\s',
  '(?:if|while|until)\\s[^\\n]*;\\s*then\\s*$',
  'for\\s+\\w+\\s+in\\s[^\\n]*;\\s*do\\b',
  '(?:then|do|done|fi|esac|elif\\s[^\\n]*;\\s*then)\\s*$',
  'case\\s+\\S+\\s+in\\s*$',
  '(?:function\\s+)?[\\w-]+\\s*\\(\\)\\s*\\{',
  'set\\s+-[euxo]+\\b',
  'trap\\s+[\'"]',
  '[\\w]+=\\$\\(',
  // SQL
  '(?:SELECT|select)\\s+(?:\\*|DISTINCT\\b|TOP\\b|[\\w.()*]+(?:\\s+AS\\s+\\w+)?\\s*(?:,|$|FROM\\b)|[^\\n]*\\bFROM\\s+[\\w."]+)',
  '(?:INSERT\\s+INTO|UPDATE\\s+[\\w."]+\\s+SET|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\b',
  '(?:CREATE|ALTER|DROP)\\s+(?:OR\\s+REPLACE\\s+)?(?:[A-Z]+\\s+){0,3}?(?:TABLE|INDEX|VIEW|FUNCTION|PROCEDURE|TRIGGER|SCHEMA|SEQUENCE|TYPE|DATABASE|DOMAIN|EXTENSION|OPERATOR|AGGREGATE|POLICY|ROLE|USER|CAST|CLASS)\\b',
  '(?:GRANT|REVOKE)\\s[A-Z, ]*\\sON\\b|RETURNS\\s+(?:SETOF\\s+)?[\\w.]+|LANGUAGE\\s+(?:SQL|C|plpgsql|PLPGSQL|sql)\\b|DECLARE\\s+@?\\w+',
  '(?:FROM|JOIN|INTO)\\s+[\\w."]+(?:\\s+(?:AS\\s+)?\\w+)?(?:\\s+ON\\b|\\s*$|\\s*,|\\s+WHERE\\b)',
  '(?:(?:LEFT|RIGHT|INNER|FULL|CROSS)(?:\\s+OUTER)?\\s+JOIN|GROUP\\s+BY|ORDER\\s+BY|PARTITION\\s+BY|UNION(?:\\s+ALL)?|WHERE|HAVING|VALUES|SET|ON\\s+CONFLICT)\\b',
  '(?:AND|OR)\\s+[\\w.]+\\s*(?:=|<|>|!=|<>|IN\\b|IS\\b|LIKE\\b|BETWEEN\\b)',
  '(?:LIMIT|OFFSET)\\s+\\d+',
  'BEGIN(?:\\s+TRANSACTION)?\\s*;|COMMIT\\s*;|ROLLBACK\\s*;',
  // decorators and annotations
  '@[A-Za-z][\\w.]*(?:\\([^\\n]*\\))?\\s*$',
];
const STRONG_START_RE = new RegExp(ATOMIC_INDENT + '(?:' + STRONG_START.map((s) => '(?:' + s + ')').join('|') + ')');
/**
 * False when STRONG_START_RE cannot match, known from the first characters: no opening above starts
 * with a digit, and none with a capital and a small letter (the keywords are lower case, SQL is all
 * capitals; `System.out.` and `Console.` are the exceptions, tested for).
 */
function mayOpenLikeCode(line: string, first: number): boolean {
  const c = line.charCodeAt(first);
  if (c >= 48 && c <= 57) return false;
  if (c >= 65 && c <= 90) {
    const d = line.charCodeAt(first + 1);
    return !(d >= 97 && d <= 122) || line.startsWith('System.out.', first);
  }
  return true;
}

/** Line ends like code: ; { } [ ( ) => -> := or a backslash continuation. */
function lastNonSpace(line: string): number {
  let e = line.length - 1;
  while (e >= 0 && (line.charCodeAt(e) === 32 || line.charCodeAt(e) === 9 || line.charCodeAt(e) === 13)) e--;
  return e;
}

/** Operators and shapes that only program code has (checked after STRONG and the config shapes). */
const CODE_TOKENS: RegExp[] = [
  /(?<=[\w\])'"] ?)(?:[=!]==?|&&|\|\||[<>+*/-]=|\?\?|<<|>>)\s*[\w(['"!-]/, // comparison, logic, compound assignment after an operand (the operator is looked for first: it is rare)
  /=>|\w->\w|\)\s*->|\w::\w/, // arrow functions, member access, return types, scope resolution
  /[\w\])]\.[\w$]+\(/, // method call
  /(?<![\w$])[A-Za-z_$][\w$]*\([^()\n]*\)\s*[;{),]?\s*$/, // a call ending the line
  /[\w\])]\[[^\][\n]*\]\s*(?:=|\.|\)|;|$)/, // indexing
  /\w\+\+|\+\+\w|\w--(?!\w)/, // increment, decrement
  /\bnew\s+[A-Z]\w*\s*[(<]/, // constructor
  /\bfunction\s*\(|\blambda\b[^:\n]{0,80}:/,
  /\)\s*(?::[\w$.<>[\]|, ]+)?\{\s*$/, // a function or method header: "name(args): Type {", ") {"
];
/** "name = expression" where the expression is more than a literal (a call, a name, an operator) */
const ASSIGN_EXPR = /^(?=(\s*))\1(?:[\w$.[\]'"]+\s*[-+*/|&%]?=\s*(?:[\w$.]+\s*\(|[a-z_$][\w$]*(?:\.[\w$]+)+\s*(?:[-+*/%[?]|$|;)|[a-z_$][\w$]*\s*[-+*/%[?]|\[[^\]\n]*\bfor\b|new\s|await\s|not\s|-?\d[\d.]*\s*[-+*/%]\s*[\w(]))/;
/** a config line: "key: value", "- key: value", '"key": value', "KEY=value", "[section]", "key = literal" */
const CONFIG_LINE =
  /^(?=(\s*))\1(?:(?:-\s+)?(?:[\w.$@/-]+[?!]?|"[^"\n]*"|'[^'\n]*')\s*:(?:\s|$)|[A-Za-z_][A-Za-z0-9_.-]*=(?:\S|$)|export\s+[A-Za-z_]\w*=|\[[\w .:"'/-]+\]\s*$|[\w.-]+\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|-?\d[\w.:+-]*|true|false|yes|no|on|off|null|nil|None|True|False|\[[^\]\n]*\]|\{[^}\n]*\})\s*,?\s*(?:#[^\n]*)?$|-\s+(?:"[^"\n]*"|'[^'\n]*'|[\w./:@${}-]+)\s*$|[[{]?\s*\{\s*"[^"\n]*"\s*:)/;
/** a JSON/YAML list or data row: literals and separators only */
const LITERAL_ROW = /^(?=(\s*))\1(?:(?:"[^"\n]*"|'[^'\n]*'|-?\d[\d.eE+-]*|true|false|null)(?:\s*,\s*(?:"[^"\n]*"|'[^'\n]*'|-?\d[\d.eE+-]*|true|false|null))*[\s,]*$)/;
/** brackets and separators only: "{", "}", "],", "});" */
const BRACKETS_ONLY = /^[\s{}[\]();,]*$/;
/** a command typed at a prompt: "$ git push", "PS C:\> dir", "user@host:~$ ls", "  501  ls -la" (shell history) */
const PROMPT_LINE = /^(?=(\s*))\1(?:(?:[$%>]\s+\S|PS\s+[A-Z]:\\[^>\n]*>|[\w.-]+@[\w.-]+:[^\s$#]*[$#]\s|\d{1,6}\s{2}\S))/;
/** a command line: a well-known program and its arguments (at a prompt or in a list of steps) */
const COMMAND_LINE =
  /^(?=(\s*))\1(?:(?:sudo\s+)?(?:npm|npx|yarn|pnpm|pip3?|pipx|poetry|conda|git|gh|docker|docker-compose|podman|kubectl|helm|minikube|curl|wget|chmod|chown|mkdir|rm|cp|mv|ln|ls|cat|less|tail|head|grep|find|tar|unzip|zip|ssh|scp|sshpass|rsync|apt-get|apt|yum|dnf|brew|make|cmake|cargo|rustup|go|python3?|node|deno|bun|java|javac|mvn|gradle|dotnet|terraform|ansible(?:-playbook)?|aws|gcloud|gsutil|az|psql|mysql|mysqldump|pg_dump|redis-cli|mongo(?:sh)?|openssl|systemctl|service|journalctl|cd|echo|export|source|touch|nano|vim?|code|kill|ps|top|df|du|ping|nc|telnet|dig|nslookup|traceroute|env|printenv|which|whoami|history|clear|exit|cls|dir|type|copy|del|choco|winget|flutter|dart|composer|php|ruby|gem|bundle|rails|rake|bash|sh|zsh)(?:\s|$)(?!\s*[=(:.[+*/<>-]{1,2}\s))/;
/** a member declared in a struct or class body: "    uint32_t flags;", "\tchar *name;", "  Foo<Bar> items;" */
const MEMBER_DECLARATION = /^\s+[A-Za-z_][\w:<>,]*(?:\s+|\s*[*&]+\s*)[*&]?[A-Za-z_]\w*(?:\[[^\]\n]*\])?\s*;\s*$/;
/** a column in CREATE TABLE: "  id bigserial PRIMARY KEY,", "  name varchar(80) NOT NULL" */
const SQL_COLUMN = /^\s+"?\w+"?\s+(?:int|integer|bigint|smallint|serial|bigserial|text|varchar|nvarchar|char|boolean|bool|bit|date|datetime2?|time|timestamp|timestamptz|uuid|numeric|decimal|money|jsonb?|real|float|double|bytea|blob|clob|INT|INTEGER|BIGINT|SMALLINT|SERIAL|BIGSERIAL|TEXT|VARCHAR|NVARCHAR|CHAR|BOOLEAN|BOOL|BIT|DATE|DATETIME2?|TIME|TIMESTAMP|TIMESTAMPTZ|UUID|NUMERIC|DECIMAL|MONEY|JSONB?|REAL|FLOAT|DOUBLE|BYTEA|BLOB|CLOB)\b(?:\(\d+(?:,\s*\d+)?\))?(?:\s+[A-Z][A-Z ()\w'.,\t\r]*)?,?$/;
/** a Terraform/HCL block header: "resource "aws_s3_bucket" "logs" {" (its attributes are config lines; expressions make it code) */
const HCL_BLOCK = /^\s*(?:resource|data|module|variable|output|provider|locals|terraform|dynamic)(?:\s+"[^"\n]*"){0,2}\s*\{\s*$/;
/** an arm of Kotlin's `when`: "in 200..299 -> \"ok\"", "is Circle -> r * r", "else -> 0" */
const WHEN_ARM = /^\s+(?:in\s+\S+|is\s+\S+|else|[\w."']+(?:\s*,\s*[\w."']+)*)\s*->\s*\S/;
/** a command's options continued on their own line: "  --region=eu-west-1 \\", "-o out.txt" */
const OPTION_LINE = /^(?=(\s*))\1(?:--?[A-Za-z][\w-]*(?:[= ]|$))/;
/** markup: a line that opens with a tag */
const MARKUP_LINE = /^(?=(\s*))\1(?:<\/?[A-Za-z][\w:.-]*(?:\s|\/?>|$)|<!--)/;
/** Markdown: a link, an image, two inline `code` spans, a table row, a bullet of words */
const MARKDOWN = /\]\([^)\s]*\)|\]\[[\w .-]*\]|^\s*\[!?\[|`[^`\n]+`[^`\n]*`[^`\n]+`|^\s*\|.*\|\s*$|^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|`?[A-Za-z][\w.-]*`?:?\s+[A-Za-z(`]+\s)/;
/** a comment line: //, /*, *, #, --, ;; (not #include, #!, #region...) */
const COMMENT_LINE = /^(?=(\s*))\1(?:(?:\/\/|\/\*|\*\/|\*(?:\s|$)|#(?:\s|$|#)|--\s|--$|;;|'''|"""))/;
const FRAME = /^(?=(\s*))\1(?:(?:at\s+[\w$.<>/]+\s*\(|File\s+"[^"]+",\s+line\s+\d+|\.\.\.\s*\d+\s+more|Traceback\s+\(|Caused by:|[\w.]+(?:Error|Exception)\b[:\s]))/;
const FENCE = /^\s*(?:```|~~~)/;
/** characters that make a sentence-like line worth a closer look */
const PROSE_BREAKERS = /[;{}=<>]|^\s*(?:\/\/|#|\*|--)/;
/** a lone word: Ruby's `end`, Python's `pass`, a Rust tail expression */
const LONE_KEYWORD = /^(?=(\s*))\1(?:(?:end|pass|break|continue|fi|done|esac|then|do|else|\}?\s*else\s*\{?|default:|case\s+[^\n]+:|begin|rescue(?:\s[^\n]*)?|ensure|elsif\s[^\n]+)\s*$)/;

const OTHER = 0, NEUTRAL = 1, BLANK = 2, FRAME_LINE = 3, STRONG = 4, CODE = 5, COMMENT = 6;

/** ASCII white space as `trim` and `\s` see it (tab, line feed, vertical tab, form feed, carriage return, space) */
const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
/** Where the first character of `line` that is not ASCII white space is (the line's length when there is none). */
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

/** characters a line has (set by `scanLine`): the regexes that need one of them are not run without it */
const H_EQ = 1, H_COLON = 2, H_PAREN = 4, H_BRACKET = 8, H_BACKTICK = 16, H_DOT = 32, H_BRACE = 64, H_OP = 128, H_AT = 256, H_QUOTE = 512;
let lineHas = 0;
const C_SPACE = 1024, C_LETTER = 2048, C_SYMBOL = 4096, C_WORD_END = 8192;
/** per ASCII character: the H_ bit it sets, and whether it is a space, a letter, code punctuation, or may end a word (, . : ') */
const CHAR_CLASS = new Uint16Array(128);
for (let c = 65; c <= 90; c++) CHAR_CLASS[c] = C_LETTER;
for (let c = 97; c <= 122; c++) CHAR_CLASS[c] = C_LETTER;
CHAR_CLASS[32] = C_SPACE;
for (const [chars, bits] of [['=', H_EQ | C_SYMBOL], ['()', H_PAREN | C_SYMBOL], ['[]', H_BRACKET | C_SYMBOL], ['{}', H_BRACE | C_SYMBOL], [';', C_SYMBOL], ['<>', H_OP | C_SYMBOL], ['&|+-*/!?', H_OP], [':', H_COLON | C_WORD_END], ['.', H_DOT | C_WORD_END], [',', C_WORD_END], ["'", H_QUOTE | C_WORD_END], ['"', H_QUOTE], ['`', H_BACKTICK], ['@', H_AT]] as const) {
  for (const ch of chars) CHAR_CLASS[ch.charCodeAt(0)] = bits;
}
/**
 * One pass over the line: how many words of letters only ("the", "Fixed,") it has, as prose has
 * them (counted up to 7), and how many code punctuation characters ( ) { } [ ] ; = < > (a line of
 * words with the odd bracket is prose), packed as words * 65536 + symbols; sets `lineHas`.
 */
function scanLine(line: string): number {
  let words = 0, symbols = 0, inWord = 0, plain = true, has = 0;
  const n = line.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? line.charCodeAt(i) : 32;
    const k = c < 128 ? CHAR_CLASS[c]! : 0;
    if (k & C_SPACE) {
      if (inWord >= 2 && plain && words < 7) words++;
      inWord = 0;
      plain = true;
    } else if (k & C_LETTER) inWord++;
    else {
      has |= k;
      if (k & C_SYMBOL) symbols++;
      if (!(inWord > 0 && k & C_WORD_END && (i + 1 === n || line.charCodeAt(i + 1) === 32))) plain = false;
    }
  }
  lineHas = has & 1023;
  return words * 65536 + symbols;
}

/** what each of CODE_TOKENS needs (see `lineHas`); 0: nothing known */
const CODE_TOKEN_NEEDS = [H_EQ | H_OP, H_EQ | H_OP | H_COLON, H_PAREN, H_PAREN, H_BRACKET, H_OP, H_PAREN | H_OP, H_PAREN | H_COLON, H_BRACE];
/** CODE_TOKENS found in `line`; `has` is its `lineHas` (all bits when unknown) */
function codeTokenCount(line: string, has = -1): number {
  let n = 0;
  // "a call ending the line" (CODE_TOKENS[3]) needs the line to end with ) ; { or ,
  const last = line.charCodeAt(lastNonSpace(line));
  const callEnd = last === 41 || last === 59 || last === 123 || last === 44;
  for (let i = 0; i < CODE_TOKENS.length; i++) if (has & CODE_TOKEN_NEEDS[i]! && (i !== 3 || callEnd) && CODE_TOKENS[i]!.test(line)) n++;
  return n;
}

function classify(line: string): number {
  const first = firstNonSpaceAt(line);
  if (isBlank(line, first)) return BLANK;
  const e = lastNonSpace(line);
  const last = line.charCodeAt(e);
  // fast path for prose: a longer line ending like a sentence, without code punctuation
  if ((last === 46 || last === 63 || last === 33) && e > 40 && !PROSE_BREAKERS.test(line)) return OTHER;
  if (FRAME.test(line)) return FRAME_LINE;
  const c0 = line.charCodeAt(first);
  // '#' opens a comment, a heading or a preprocessor line; '*' a comment or a bullet
  if (c0 !== 35 || !/^\s*(?:#\s*include\s*[<"]|#(?:define|ifndef|ifdef|endif|pragma|undef|if|elif|else)\b)|^#!\//.test(line)) {
    if (COMMENT_LINE.test(line)) return first === 0 && c0 === 42 ? OTHER : COMMENT;
  }
  const sentence = last === 46 || last === 63 || last === 33 || last === 58; // . ? ! :
  const ws = scanLine(line);
  const has = lineHas;
  const symbols = ws & 65535;
  const words = ws >= 5 * 65536;
  const proseLike = words && (symbols <= 1 || symbols * 30 < e - first);
  // a sentence, even one that opens with a keyword ("for each region in the plan:", "return to the office.")
  if (proseLike && ((sentence && last !== 58) || ws >= 7 * 65536)) return OTHER;
  if (mayOpenLikeCode(line, first) && STRONG_START_RE.test(line)) return STRONG;
  // "if (x) y();": a control statement with its body on the line (tested apart: two open-ended parts)
  if (last === 59 && /^\s*(?:if|for|while)\s*\(/.test(line)) return STRONG;
  const c0IsDigit = c0 >= 48 && c0 <= 57;
  // Markdown prose with `inline code` ("You may call `cache.set(k)`, but this is") is not code
  if (proseLike || (has & H_BACKTICK && ws >= 4 * 65536 && /`[^`\n]+`/.test(line)) || ((has & (H_BACKTICK | H_BRACKET) || c0 === 124 || c0 === 45 || c0 === 42 || c0 === 43 || c0IsDigit) && MARKDOWN.test(line))) return OTHER;
  if (LONE_KEYWORD.test(line)) return CODE;
  const semi = last === 59; // ;
  if (BRACKETS_ONLY.test(line)) return semi || line.indexOf(')') !== -1 ? CODE : NEUTRAL;
  if (((c0 === 36 || c0 === 37 || c0 === 62 || c0 === 80 || c0IsDigit || has & H_AT) && PROMPT_LINE.test(line)) || (c0 >= 97 && c0 <= 122 && COMMAND_LINE.test(line)) || (c0 === 45 && OPTION_LINE.test(line))) return NEUTRAL;
  if (c0 === 60 && MARKUP_LINE.test(line)) return NEUTRAL;
  if ((has & (H_COLON | H_EQ) || c0 === 91 || c0 === 123 || c0 === 45) && CONFIG_LINE.test(line) || ((has & H_QUOTE || c0IsDigit || c0 === 45 || c0 === 116 || c0 === 102 || c0 === 110) && LITERAL_ROW.test(line))) {
    // "name: type;" (TypeScript members), "key: () => x" (object methods) are code
    return semi || /=>|\bfunction\s*\(/.test(line) || codeTokenCount(line, has) >= 2 ? CODE : NEUTRAL;
  }
  const tokens = codeTokenCount(line, has) + (has & H_EQ && ASSIGN_EXPR.test(line) ? 1 : 0);
  const endsCode = semi || last === 123 || last === 125 || (last === 41 && tokens > 0) || (last === 40 && tokens > 0) || last === 92 || (e > 0 && line.charCodeAt(e - 1) === 61 && last === 62);
  if (tokens >= 2 || (tokens >= 1 && (endsCode || !sentence)) || (semi && symbols >= 2 && !words)) return CODE;
  // a lone name with code punctuation ("self,", "args.source,", "counts") is an argument or a tail expression; a lone word may be prose
  if (/^\s*[\w$.]+,?\s*$/.test(line)) return /^\s*[A-Za-z]+\s*$/.test(line) ? OTHER : NEUTRAL;
  if (semi && first > 0 && MEMBER_DECLARATION.test(line)) return CODE;
  if (first > 0 && SQL_COLUMN.test(line)) return CODE;
  if (last === 123 && HCL_BLOCK.test(line)) return CODE;
  if (WHEN_ARM.test(line)) return CODE;
  if (c0 === 46 && /^\s*\.[A-Za-z_$][\w$]*\s*\(/.test(line)) return CODE; // a chained call: ".then(render)"
  return OTHER;
}

/** A single line pasted alone: a statement beyond doubt ("const x = await f(y);", "SELECT a FROM t WHERE b = 1;"). */
function isStatement(line: string): boolean {
  const e = lastNonSpace(line);
  const last = line.charCodeAt(e);
  return e >= 20 && (last === 59 || last === 123 || last === 41 || last === 58) && codeTokenCount(line) + (ASSIGN_EXPR.test(line) ? 1 : 0) >= 2;
}

/** fence tags: a programming language (the block is code), or data/config/markup/output (it is not) */
const CODE_TAGS = new Set('js javascript jsx mjs cjs ts typescript tsx py python python3 py3 java kotlin kt kts swift c h cpp c++ cc cxx hpp hh cs csharp c# fs fsharp vb vbnet go golang rust rs php rb ruby sql plsql tsql pgsql mysql postgres postgresql sqlite scala sc perl pl pm lua r dart elixir ex exs erlang erl haskell hs clojure clj cljs groovy gradle objc objective-c objectivec m mm solidity sol vue svelte zig nim julia jl ocaml ml crystal cr coffee coffeescript apex abap cobol fortran f90 pascal delphi asm nasm wasm wat vhdl verilog sv matlab octave powershell ps1 psm1 pwsh'.split(' '));
const NOT_CODE_TAGS = new Set('json json5 jsonc jsonl ndjson yaml yml toml ini cfg conf config env dotenv properties csv tsv xml html htm xhtml svg text txt plain plaintext log logs output console shell-session sh-session terminal pycon irb diff patch http md markdown mdx rst tex latex mermaid dot graphviz plantuml nginx apache apacheconf hosts csp gitignore gitattributes editorconfig'.split(' '));

function fenceTag(line: string): string {
  const m = /^\s*(?:```|~~~)\s*\{?\s*\.?([\w+#.-]*)/.exec(line);
  return m ? m[1]!.toLowerCase() : '';
}

type Out = Parameters<Detector['detect']>[1];
const push = (out: Out, start: number, end: number, confidence: number): void => {
  out.push({ dataClass: 'source_code', detector: 'source-code', start, end, confidence });
};

/**
 * What `source_code` means: program code someone wrote, the kind a company keeps in its
 * repositories: functions, classes, methods, declarations, control flow, queries (SQL), and scripts
 * with logic (a shell script with a shebang, conditions, loops or functions; a Dockerfile-like list
 * of commands is not enough). Not source code: configuration and data, even when a program reads
 * them (.env files, YAML, JSON, TOML, INI, docker-compose files, Kubernetes manifests, exports of
 * records as JSON or CSV): their secrets and personal data are what the other detectors report.
 * A transcript of commands typed at a prompt (`$ git push`, shell history) is not code either; its
 * lines only join a block that has code around them. Markup (HTML, XML tags), Markdown prose with
 * `inline code`, release notes and changelogs are not code.
 * Infrastructure code counts when it has logic: Terraform/HCL with expressions, conditions and
 * functions is code; a resource block of literal attributes is configuration.
 */
export const sourceCodeDetector: Detector = {
  entries: [{ id: 'source-code', dataClass: 'source_code', description: 'Program code (functions, classes, control flow, SQL, scripts with logic); not configuration files, data or command transcripts' }],
  detect({ text }, out) {
    if (text.indexOf('\n') === -1) {
      if (text.length <= 400 && isStatement(text) && classify(text) === STRONG) push(out, 0, text.length, 0.6);
      return;
    }
    const starts: number[] = [];
    const ends: number[] = [];
    const kinds: number[] = [];
    let pos = 0;
    let inFence = -1;
    let fenceOpen = '';
    let fenceStrong = 0, fenceCode = 0;
    while (pos <= text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) nl = text.length;
      if (nl - pos > 400 && inFence === -1) {
        // a paragraph, not a line of code (and never a fence): skip without slicing
        starts.push(pos); ends.push(nl); kinds.push(OTHER);
        pos = nl + 1;
        continue;
      }
      const line = text.slice(pos, nl);
      if (isFence(line)) {
        if (inFence === -1) {
          inFence = nl + 1;
          fenceOpen = fenceTag(line);
          fenceStrong = fenceCode = 0;
        } else {
          const tag = fenceOpen;
          const evidence = CODE_TAGS.has(tag) ? true : NOT_CODE_TAGS.has(tag) ? false : fenceStrong >= 1 || fenceCode >= 2;
          if (evidence && pos > inFence && text.slice(inFence, pos).trim()) push(out, inFence, pos - 1, 0.95);
          inFence = -1;
        }
        starts.push(pos); ends.push(nl); kinds.push(BLANK);
      } else if (inFence !== -1) {
        if (!CODE_TAGS.has(fenceOpen) && !NOT_CODE_TAGS.has(fenceOpen) && nl - pos <= 400) {
          const k = classify(line);
          if (k === STRONG) fenceStrong++;
          else if (k === CODE) fenceCode++;
        }
        starts.push(pos); ends.push(nl); kinds.push(BLANK);
      } else {
        starts.push(pos); ends.push(nl); kinds.push(classify(line));
      }
      pos = nl + 1;
    }
    const n = kinds.length;
    const isEvidence = (k: number): boolean => k === STRONG || k === CODE;
    let i = 0;
    while (i < n) {
      const k0 = kinds[i]!;
      if (k0 === OTHER || k0 === BLANK || k0 === FRAME_LINE) { i++; continue; }
      let strong = 0, code = 0, other = 0, blanks = 0, lines = 0, j = i;
      let firstEv = -1, lastEv = -1, lastLine = i;
      for (; j < n; j++) {
        const k = kinds[j]!;
        if (k === BLANK) { if (++blanks > 2) break; continue; }
        if (k === FRAME_LINE) break;
        if (k === OTHER) {
          // one line that is not code (a wrapped string, a docstring line) when code follows right after
          const next = j + 1 < n ? kinds[j + 1]! : OTHER;
          if (blanks === 0 && next !== OTHER && next !== BLANK && next !== FRAME_LINE && strong + code >= 1 && (strong + code + 1) / (strong + code + other + 1) >= 0.75) { other++; continue; }
          break;
        }
        blanks = 0;
        lastLine = j;
        lines++;
        if (k === STRONG) strong++;
        else if (k === CODE) code++;
        if (isEvidence(k)) { if (firstEv === -1) firstEv = j; lastEv = j; }
      }
      const ev = strong + code;
      if (2 * strong + code >= 3 || (code >= 2 && lines >= 4) || (strong >= 1 && lines >= 3 && ends[lastLine]! - starts[i]! >= 24) || (strong === 2 && ends[lastEv]! - starts[firstEv]! >= 24)) {
        push(out, starts[i]!, ends[lastLine]!, ev >= 6 ? 0.92 : ev >= 3 ? 0.82 : 0.7);
      } else if (strong === 1 && code === 0 && isStatement(text.slice(starts[firstEv]!, ends[firstEv]!))) {
        // a single statement on its own line: "why does this fail:\nconst x = await f(y);\n"
        push(out, starts[firstEv]!, ends[firstEv]!, 0.6);
      }
      i = Math.max(j, i + 1);
    }
  },
};
