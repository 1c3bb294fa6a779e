import { compileInspector } from './inspector';
import { deobfuscate, foldCharacters } from './normalize';
import { redact } from './redact';
import { visibleAfterRedaction as visible } from './redaction.test-helper';
import { expectWithin } from './timing.test-helper';

const inspector = compileInspector({});
/** Letters/digits of `value` (in `text`) left visible after redacting the findings. */
const visibleAfterRedaction = (text: string, value: string): number => visible(inspector, text, value);

describe('foldCharacters (view A)', () => {
  it('leaves ASCII text alone without a copy', () => {
    const t = 'plain ascii text 123';
    expect(foldCharacters(t)).toEqual({ text: t, map: undefined });
  });
  it('removes invisible characters, folds fullwidth, dashes, spaces and mixed-script look-alikes, and maps back', () => {
    const t = 'a\u200Bb ４２ x\u2011y p\u0430ss \u041c\u043e\u0441\u043a\u0432\u0430';
    const v = foldCharacters(t);
    expect(v.text).toBe('ab 42 x-y pass \u041c\u043e\u0441\u043a\u0432\u0430'); // an all-Cyrillic word is left alone
    const s = v.text.indexOf('42');
    expect([v.map!.start(s), v.map!.end(s + 2)]).toEqual([t.indexOf('４'), t.indexOf('２') + 1]);
    expect([v.map!.start(0), v.map!.end(2)]).toEqual([0, 3]); // "ab" covers the zero-width space between
  });
  it('folds mathematical alphanumerics (surrogate pairs) and other scripts\' digits', () => {
    const v = foldCharacters('\u{1D403}\u{1D404} \u0664\u0665');
    expect(v.text).toBe('DE 45');
    expect(v.map!.end(2)).toBe(4);
  });
});

describe('deobfuscate (view B)', () => {
  it.each([
    ['"AKIA12" + "34"', '"AKIA1234"'],
    ["'ab12' . 'cd34'", "'ab12cd34'"],
    ['"part1" +\n   "part2"', '"part1part2"'],
    ['x=\\u0061\\u0062\\x63', 'x=abc'],
    ['to=%6A%6F%40x.io', 'to=jo@x.io'],
    ['jo&#64;x.io', 'jo@x.io'],
    ['jo [at] x [dot] io', 'jo@x.io'],
    ['jo at mail dot com', 'jo@mail.com'],
    // the spelled-out form is looked for in the runs of address characters around each " dot ": the
    // characters just outside a run still decide (a comma or a quote before: found; an '@' glued: not)
    ['mail: "jo at mail dot com", ok', 'mail: "jo@mail.com", ok'],
    ['a,jo at mail dot com,b', 'a,jo@mail.com,b'],
    ['x@jo at mail dot com', 'x@jo at mail dot com'],
    ['one, two at x dot io; three at y dot org', 'one, two@x.io; three@y.org'],
    ['k=cGFzc3dvcmQ9aHVudGVyMg==', 'k=password=hunter2'],
    ['k=Y0dGemMzZHZjbVE5YUhWdWRHVnlNZz09', 'k=password=hunter2'], // encoded twice
    ['echo 70617373776f72643d68756e74657232 | xxd -r -p', 'echo password=hunter2 | xxd -r -p'],
    ['4539 1670\n2284 6132', '4539 1670 2284 6132'],
    // the second half followed by more words on its line, and a separator left at the first line's end
    ['card 4539 1670\n2284 6132 thanks', 'card 4539 1670 2284 6132 thanks'],
    ['4539-1670-\n2284-6132.', '4539-1670-2284-6132.'],
    ['AKIA3KD7QP\nXLMRT4W2ZQ', 'AKIA3KD7QPXLMRT4W2ZQ'],
    ['card 4 5 3 9 1 6 7 0 2 2 8 4 6 1 3 2 ok', 'card 4539167022846132 ok'],
    ['4-5-3-9-1-6-7-0-2-2-8-4-6-1-3-2', '4539167022846132'],
    ['pay with 4539/1670/2284/6132.', 'pay with 4539167022846132.'],
    ['id AKIA 3KD7 QP2X LMRT 4WZQ here', 'id AKIA3KD7QP2XLMRT4WZQ here'],
    ['k = [\'AKIA3KD7\', "QP2XLMRT4WZQ"].join(\'\');', 'k = AKIA3KD7QP2XLMRT4WZQ;'],
    ['nameplate: J o h a n n a   B e r g', 'nameplate: Johanna Berg'],
    ['host 10[.]20[.]3[.]44 and jo(@)corp(.)de', 'host 10.20.3.44 and jo@corp.de'],
    ['card 4539🔸1670🔸2284🔸6132 ok', 'card 4539167022846132 ok'],
    ['user j.o.h.a.n.n.a here', 'user johanna here'],
    ['card 4539 I67O 2284 6I32 exp', 'card 4539 1670 2284 6132 exp'],
    ['write to moc.liamg@htims.nhoj please', 'write to john.smith@gmail.com please'],
    ['diagnosed with l-e-u-k-a-e-m-i-a', 'diagnosed with leukaemia'],
    ['lena.fuchs<!-- a -->@<!-- b -->gruenwerk.de', 'lena.fuchs@gruenwerk.de'],
    ['dump: 70 61 73 73 77 6f 72 64 3d 53 75 6e 73 65 74 2d 39 31 21 end', 'dump: password=Sunset-91! end'],
    // a wider gap between the characters (two or three blanks, a tab); a longer gap is a word break
    ['key s  k  -  l  i  v  e  -  4  f  K  2 ok', 'key sk-live-4fK2 ok'],
    ['card 4\t5\t3\t9\t1\t6\t7\t0\t2\t2\t8\t4\t6\t1\t3\t2 ok', 'card 4539167022846132 ok'],
    ['J   o   h   n         S   m   i   t   h.', 'John Smith.'],
    // a separator with blanks around it, between every character or between digit groups
    ['card 4 - 5 - 3 - 9 - 1 - 6 - 7 - 0 - 2 - 2 - 8 - 4 - 6 - 1 - 3 - 2 ok', 'card 4539167022846132 ok'],
    ['mail j  .  s  m  i  t  h  @  g  m  a  i  l  .  c  o  m ok', 'mail j.smith@gmail.com ok'],
    ['card 4539 | 1670 | 2284 | 6132 ok', 'card 4539 1670 2284 6132 ok'],
    ['card 4539 - 1670 - 2284 - 6132.', 'card 4539 1670 2284 6132.'],
    // Python: an empty separator's join of a list or a tuple, "%s" formatting, and (already) adjacent literals
    ["k = ''.join(['sk-', 'live', '_abc'])", 'k = sk-live_abc'],
    ['k = "".join(["AKIA3KD7", \'QP2XLMRT4WZQ\'])', 'k = AKIA3KD7QP2XLMRT4WZQ'],
    ["k = ''.join((\"AKIA3KD7\", \"QP2XLMRT4WZQ\",))", 'k = AKIA3KD7QP2XLMRT4WZQ'],
    ["k = '%s%s' % ('AKIA3KD7', 'QP2XLMRT4WZQ')", 'k = AKIA3KD7QP2XLMRT4WZQ'],
    ['k = ("sk-" "live"\n     "_abc")', 'k = ("sk-live_abc")'],
  ])('%j -> %j', (input, out) => {
    expect(deobfuscate(input).text).toBe(out);
  });
  it('leaves prose, hex hashes, code lines and ordinary sentences with "at" alone', () => {
    for (const t of ['sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'id 550e8400e29b41d4a716446655440000', 'we met at noon in the lobby', 'Rooms 1204-\nwest wing', 'Total 1234 5678\n9012abc', 'ref 2024-\n-05', 'commit 3f9a1c2e4b5d6f708192a3b4c5d6e7f8091a2b3c', 'NAME=value\nOTHER_NAME=other1', 'Call me at home tonight.', 'on 2024/05/06 at 10/12', 'v1.2.3 and 1.2.3.4', 'parts.join(", ")', "['a', 'b'].join('-')",
      // tables with pipes, a Python join with a separator, a format string that is not "%s" only or whose parts do not match
      '| 4539 | 1670 | 2284 | 6132 |', 'qty 4539 | 1670 | 2284 | 6132 | 7000', "', '.join(['a', 'b'])", "'%s-%s' % ('a', 'b')", "'%s%s%s' % ('a', 'b')",
      // wide gaps that are no typed-out value: columns of words, a tab-separated row of words, a pair of letters
      'name    age    city', 'a\tbc\tdef\tg', 'x  y']) {
      expect(deobfuscate(t).map).toBeUndefined();
    }
  });
});

/** "token=ghp_…" in hex, as `xxd -p` prints it. */
const HEX_TOKEN = '746f6b656e3d6768705f5a74385177324c78394d76345262374e63314b70354873334a643646673059613257653920';

describe('normalised detection masks the whole original value', () => {
  it.each([
    ['e-mail with zero-width spaces', 'mail me at lena\u200B.krause@pos\u200Bteo.de today', 'lena\u200B.krause@pos\u200Bteo.de'],
    ['fullwidth card', 'card ４５３９ １６７０ ２２８４ ６１３２ ok', '４５３９ １６７０ ２２８４ ６１３２'],
    ['Cyrillic look-alikes in a key id', 'AWS_ACCESS_KEY_ID=\u0410\u041aI\u04103KD7QP2XLMRT4WZQ', '\u0410\u041aI\u04103KD7QP2XLMRT4WZQ'],
    ['Unicode hyphens in an SSN', 'SSN 536\u201082\u20104417', '536\u201082\u20104417'],
    ['concatenated key id', 'k = "AKIA3KD7" + "QP2XLMRT4WZQ";', 'AKIA3KD7" + "QP2XLMRT4WZQ'],
    ['token split by a line continuation', 'ghp_Zt8Qw2Lx9Mv4Rb7Nc1Kp5\\\n    Hs3Jd6Fg0Ya2We9 end', 'ghp_Zt8Qw2Lx9Mv4Rb7Nc1Kp5\\\n    Hs3Jd6Fg0Ya2We9'],
    ['base64 of an e-mail', 'note: Y29udGFjdCBsZW5hLmtyYXVzZUBwb3N0ZW8uZGU= end', 'Y29udGFjdCBsZW5hLmtyYXVzZUBwb3N0ZW8uZGU='],
    ['\\u-escaped e-mail', '"e": "\\u006a\\u006f\\u0040\\u0070\\u006f\\u0073\\u0074\\u002e\\u0064\\u0065"', '\\u006a\\u006f\\u0040\\u0070\\u006f\\u0073\\u0074\\u002e\\u0064\\u0065'],
    ['URL-escaped @', 'mailto:raj.patel%40fastmail.com', 'raj.patel%40fastmail.com'],
    ['spelled-out e-mail', 'my mail is raj.patel at fastmail dot com thanks', 'raj.patel at fastmail dot com'],
    ['hex-encoded token', `decode ${HEX_TOKEN} please`, HEX_TOKEN],
    ['card typed a digit at a time', 'card: 4 5 3 9 1 6 7 0 2 2 8 4 6 1 3 2 exp 09/28', '4 5 3 9 1 6 7 0 2 2 8 4 6 1 3 2'],
    ['card in slash-separated groups', 'charge 4539/1670/2284/6132 today', '4539/1670/2284/6132'],
    ['key id in groups of four', 'access key AKIA 3KD7 QP2X LMRT 4WZQ (rotated)', 'AKIA 3KD7 QP2X LMRT 4WZQ'],
    ['phone typed a digit at a time', 'his mobile is 0 7 9 0 0   5 1 2   7 7 3, call after 6', '0 7 9 0 0   5 1 2   7 7 3'],
    ['password typed a character at a time', 'guest wifi password is P l u m - 4 2 - H a r b o u r ! ok', 'P l u m - 4 2 - H a r b o u r !'],
    ['e-mail with HTML comments inside', 'the raw html has lena.fuchs<!-- a -->@<!-- b -->gruenwerk.de inside', 'lena.fuchs<!-- a -->@<!-- b -->gruenwerk.de'],
    ['a condition spelled with hyphens', 'my brother was diagnosed with l-e-u-k-a-e-m-i-a last spring', 'l-e-u-k-a-e-m-i-a'],
    ['card with emoji separators', 'card 4539🔸1670🔸2284🔸6132 ok', '4539🔸1670🔸2284🔸6132'],
    ['card with O and I for 0 and 1', 'card 4539 I67O 2284 6I32 exp 09/28', '4539 I67O 2284 6I32'],
    ['e-mail written backwards', 'write to moc.liamg@htims.nhoj please', 'moc.liamg@htims.nhoj'],
    ['defanged e-mail', 'mail jo.berg(@)example-corp(.)de today', 'jo.berg(@)example-corp(.)de'],
    ['key id joined from an array', "const id = ['AKIA3KD7', 'QP2XLMRT4WZQ'].join('');", "['AKIA3KD7', 'QP2XLMRT4WZQ'].join('')"],
    ['key typed with two blanks between the characters', 'key: s  k  _  l  i  v  e  _  5  1  H  x  8  Q  w  2  L  x  9  M  v  4  R  b  7  N  c  1  K  p  5  H  s  3  J  d  done', 's  k  _  l  i  v  e  _  5  1  H  x  8  Q  w  2  L  x  9  M  v  4  R  b  7  N  c  1  K  p  5  H  s  3  J  d'],
    ['card typed with tabs between the digits', 'card\t4\t5\t3\t9\t1\t6\t7\t0\t2\t2\t8\t4\t6\t1\t3\t2\texp 09/28', '4\t5\t3\t9\t1\t6\t7\t0\t2\t2\t8\t4\t6\t1\t3\t2'],
    ['card typed a digit at a time with hyphens between', 'card 4 - 5 - 3 - 9 - 1 - 6 - 7 - 0 - 2 - 2 - 8 - 4 - 6 - 1 - 3 - 2 ok', '4 - 5 - 3 - 9 - 1 - 6 - 7 - 0 - 2 - 2 - 8 - 4 - 6 - 1 - 3 - 2'],
    ['e-mail typed with two blanks between the characters', 'mail j  .  s  m  i  t  h  @  g  m  a  i  l  .  c  o  m ok', 'j  .  s  m  i  t  h  @  g  m  a  i  l  .  c  o  m'],
    ['card groups between pipes', 'card 4539 | 1670 | 2284 | 6132 ok', '4539 | 1670 | 2284 | 6132'],
    ['card groups between blank-padded hyphens', 'pay with 4539 - 1670 - 2284 - 6132 now', '4539 - 1670 - 2284 - 6132'],
    ['key joined by Python', "key = ''.join(['sk_live_', '51Hx8Qw2Lx9', 'Mv4Rb7Nc1Kp5Hs3Jd'])", "''.join(['sk_live_', '51Hx8Qw2Lx9', 'Mv4Rb7Nc1Kp5Hs3Jd'])"],
    ['key id joined by Python from a tuple', 'key = "".join(("AKIA3KD7", "QP2XLMRT4WZQ"))', '"".join(("AKIA3KD7", "QP2XLMRT4WZQ"))'],
    ['key id from a %s format', "key = '%s%s' % ('AKIA3KD7', 'QP2XLMRT4WZQ')", "'%s%s' % ('AKIA3KD7', 'QP2XLMRT4WZQ')"],
    ['key as adjacent Python literals in parentheses', 'key = ("sk_live_51Hx8"\n       "Qw2Lx9Mv4Rb7"\n       "Nc1Kp5Hs3Jd")', 'sk_live_51Hx8"\n       "Qw2Lx9Mv4Rb7"\n       "Nc1Kp5Hs3Jd'],
    ['key in JSON with escaped slashes', '{"SecretAccessKey": "wJalrXUtnFEMI\\/K7MDENG\\/bPxRfiCYzq3kLp9Tn2"}', 'wJalrXUtnFEMI\\/K7MDENG\\/bPxRfiCYzq3kLp9Tn2'],
    ['token in invisible tag characters', 'see note\u{E0067}\u{E0068}\u{E0070}\u{E005F}\u{E005A}\u{E0074}\u{E0038}\u{E0051}\u{E0077}\u{E0032}\u{E004C}\u{E0078}\u{E0039}\u{E004D}\u{E0076}\u{E0034}\u{E0052}\u{E0062}\u{E0037}\u{E004E}\u{E0063}\u{E0031}\u{E004B}\u{E0070}\u{E0035}\u{E0048}\u{E0073}\u{E0033}\u{E004A}\u{E0064}\u{E0036}\u{E0046}\u{E0067}\u{E0030}\u{E0059}\u{E0061}\u{E0032}\u{E0057}\u{E0065}\u{E0039} thanks', '\u{E0067}\u{E0068}\u{E0070}\u{E005F}\u{E005A}\u{E0074}\u{E0038}\u{E0051}\u{E0077}\u{E0032}\u{E004C}\u{E0078}\u{E0039}\u{E004D}\u{E0076}\u{E0034}\u{E0052}\u{E0062}\u{E0037}\u{E004E}\u{E0063}\u{E0031}\u{E004B}\u{E0070}\u{E0035}\u{E0048}\u{E0073}\u{E0033}\u{E004A}\u{E0064}\u{E0036}\u{E0046}\u{E0067}\u{E0030}\u{E0059}\u{E0061}\u{E0032}\u{E0057}\u{E0065}\u{E0039}'],
  ])('%s', (_what, text, value) => {
    const fs = inspector.inspect(text);
    expect(fs.length).toBeGreaterThan(0);
    expect(visibleAfterRedaction(text, value)).toBeLessThan(4);
    const r = redact(text, fs);
    expect(r.text).not.toContain(value);
  });
  it('removes the short tag runs of emoji flags, keeping the text as it was', () => {
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(foldCharacters(`Go ${england} team`).text).toBe('Go \u{1F3F4} team');
    expect(inspector.inspect(`Go ${england} team`)).toEqual([]);
  });
  it('finds nothing new in ordinary text with escapes and base64 that decode to nothing sensitive', () => {
    expect(inspector.inspect('path=/a%20b/c and data:aGVsbG8gd29ybGQgaGVsbG8= and \\u0041BC')).toEqual([]);
    // digits one at a time or in slashed groups that are no card; an array of words joined
    for (const t of ['Oil 1010 lol I1 0O and 2O24 goals', 'e.g. the U.S. and i.e. a.m.', 'regex [.] and (.) in a pattern', 'well done 🎉 team', 'ratings 1 2 3 4 5 4 3 2 1 and 2', 'S E E   Y O U   S O O N', 'a-b-c-d-e-f options', 'x<!-- note -->y', 'grid 1 0 1 1 0 0 1 0 1 1 0 1 0 1 done', 'sequence 1 2 3 4 5 6 7 8 9 1 2 3 4 5', 'ref 2024/0512/3344/99 filed', "const w = ['hello', 'world'].join('');",
      // Python joins of ordinary words, spaced-out headings, tables with pipes, aligned columns of digits
      "w = ''.join(['hello', ' ', 'world'])", "'%s%s' % ('good', 'morning')", 'S  U  M  M  A  R  Y', 'S\tU\tM\tM\tA\tR\tY', 'T O T A L   R E V E N U E',
      '| 4539 | 1670 | 2284 | 6132 |\n| 1111 | 2222 | 3333 | 4444 |', 'Q1 | Q2 | Q3 | Q4\n1200 | 3400 | 5600 | 7800', 'row\t1\t0\t1\t1\t0\t0\t1\t0\t1\t1\t0\t1\t0\tend',
      'scores  3  4  5  2  1  4  and 2', 'pages 12 - 14 - 16 - 18', 'v 1 . 2 . 3 . 4']) {
      expect(inspector.inspect(t).filter((f) => f.dataClass !== 'source_code')).toEqual([]);
    }
  });
});

describe('normalisation stays linear on adversarial input', () => {
  it.each([
    ['zero-width runs', 'a\u200B'.repeat(50_000)],
    ['fullwidth', '４'.repeat(100_000)],
    ['concatenations', '"a1" + '.repeat(14_000)],
    ['quotes', '"\''.repeat(50_000)],
    ['wrapped lines', 'abc123def4\n'.repeat(9_000)],
    ['digit lines', '4539 1670\n'.repeat(10_000)],
    ['digit lines with words', '4539-1670-\n2284 ok '.repeat(5_000)],
    ['tag characters', '\u{E0041}\u{E0031}'.repeat(25_000)],
    ['escaped slashes', 'a\\/'.repeat(33_000)],
    ['hex', '70617373776f72643d68756e74657232 '.repeat(3_000)],
    ['a quote, a long run of blanks, no closing quote', `"a"${' '.repeat(100_000)}+`],
    ['base64-ish', 'QUJDREVGR0hJSktMTU5PUA== '.repeat(4_000)],
    ['escapes', '\\u0041'.repeat(16_000)],
    ['percent', '%41'.repeat(33_000)],
    ['entities', '&#64;'.repeat(20_000)],
    ['single digits', '4 '.repeat(50_000)],
    ['single characters with word gaps', 'a b c   d e   '.repeat(7_000)],
    ['single letters and hyphens', 'a-b-'.repeat(25_000)],
    ['HTML comment openings', 'a<!-- '.repeat(16_000)],
    ['spaced hex bytes', '6f 7a '.repeat(16_000)],
    ['letters between dots', 'a.b.'.repeat(25_000)],
    ['digits and look-alike letters', '1O1I '.repeat(20_000)],
    ['reversed-looking addresses', 'moc.a@'.repeat(16_000)],
    ['emoji between digits', '1🔸'.repeat(33_000)],
    ['defanged dots', '1[.]'.repeat(25_000)],
    ['slashed digits', '4539/'.repeat(20_000)],
    ['key id groups', 'AKIA 3KD7 '.repeat(10_000)],
    ['an array never joined', `['a', ${"'b', ".repeat(12_000)}`],
    ['an array with a long run of blanks before its bracket', `['a', 'b'${' '.repeat(100_000)}].join`],
    ['spelled', 'a dot b at c dot '.repeat(6_000)],
    ['brackets', 'a [at] b [dot] '.repeat(7_000)],
    ['single characters two blanks apart', 'a  '.repeat(70_000)],
    ['single characters with growing gaps', 'a  b   c    d     e      '.repeat(5_000)],
    ['single characters a tab apart', 'a\t'.repeat(100_000)],
    ['tabs and blanks', ' \t  \t'.repeat(40_000)],
    ['digit groups between pipes', '4539 | '.repeat(30_000)],
    ['digit groups and hyphens', '4539 - 16 '.repeat(20_000)],
    ['quoted parts', "'x' ".repeat(50_000)],
    ['a Python join never closed', `''.join(['a', ${"'b', ".repeat(12_000)}`],
    ['Python joins glued', "''.join(['a',".repeat(15_000)],
    ['format strings', "'%s%s' % ('a', ".repeat(15_000)],
  ])('%s (100 KB)', (_what, input) => {
    expectWithin(1500, () => inspector.inspect(input));
  });
});

describe('normalisation never breaks offsets', () => {
  it('keeps every finding inside the original text, on code-point boundaries, for random obfuscated input', () => {
    const pieces = ['a', 'Z', '4', ' ', '\n', '"', "'", ' + ', '\u200B', '\u00AD', '４', '𝐃', 'а', '\u2011', '\u00A0', '\\u0041', '\\x41', '%41', '&#64;', '[at]', ' dot ',
      'AKIA', 'QUJDREVGR0hJSktMTU5PUA==', 'jo@x.io', '4539 1670 2284 6132', 'é', '😀', 'Anna Berg', 'Dear ', ':', ','];
    let seed = 42;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let k = 0; k < 300; k++) {
      let t = '';
      for (let i = 0, n = 5 + rand(60); i < n; i++) t += pieces[rand(pieces.length)];
      for (const f of inspector.inspect(t)) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(t.length);
        expect(f.end).toBeGreaterThan(f.start);
        const c = t.charCodeAt(f.start);
        expect(c >= 0xdc00 && c <= 0xdfff).toBe(false); // never starts inside a surrogate pair
      }
      expect(() => redact(t, inspector.inspect(t))).not.toThrow();
    }
  });
});
