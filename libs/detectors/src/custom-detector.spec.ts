import { compileCustomDetector, CustomDetectorError, customRegexScanLimit, expandedRegexSize, testCustomDetector, validateCustomDetector, type CustomDetectorDef } from './custom-detector';
import type { Finding } from './finding';
import { expectWithin } from './timing.test-helper';

const def = (over: Partial<CustomDetectorDef>): CustomDetectorDef => ({
  id: 'acct',
  name: 'Account numbers',
  kind: 'regex',
  dataClass: 'client_information',
  patterns: ['ACC-\\d{8}'],
  ...over,
});

describe('validateCustomDetector', () => {
  it('accepts a valid regex, keyword list and dictionary', () => {
    expect(validateCustomDetector(def({}))).toEqual({ ok: true });
    expect(validateCustomDetector(def({ kind: 'keywords', patterns: ['Project Falcon'] }))).toEqual({ ok: true });
    expect(validateCustomDetector(def({ kind: 'dictionary', patterns: ['Globex', 'Initech'] }))).toEqual({ ok: true });
  });
  it.each([
    ['backreference', '(a)\\1', /invalid escape sequence/],
    ['lookbehind', '(?<=a)b', /invalid named capture|invalid or unsupported Perl syntax/],
    ['lookahead', 'a(?=b)', /invalid or unsupported Perl syntax|missing argument/],
    ['unbalanced', '(abc', /missing closing \)/],
  ])('rejects a %s with RE2 reason', (_what, pattern, reason) => {
    const r = validateCustomDetector(def({ patterns: [pattern] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.path).toBe('patterns[0]');
      expect(r.errors[0]!.message).toMatch(/not a valid RE2 regular expression/);
      expect(r.errors[0]!.message).toMatch(reason);
    }
  });
  it('rejects a regex that matches the empty string', () => {
    const r = validateCustomDetector(def({ patterns: ['a*'] }));
    expect(r).toEqual({ ok: false, errors: [{ path: 'patterns[0]', message: 'must not match the empty string' }] });
  });
  it.each([
    ['an empty id', { id: '' }, 'id'],
    ['a blank name', { name: ' ' }, 'name'],
    ['a class id with spaces', { dataClass: 'Client Info' }, 'dataClass'],
    ['no patterns', { patterns: [] }, 'patterns'],
    ['a blank pattern', { patterns: ['  '] }, 'patterns[0]'],
    ['an unknown kind', { kind: 'glob' as never }, 'kind'],
    ['a non-boolean option', { caseSensitive: 'yes' as never }, 'caseSensitive'],
    ['51 regexes', { patterns: Array.from({ length: 51 }, (_, i) => `x${i}`) }, 'patterns'],
    ['a 1001-character regex', { patterns: ['x'.repeat(1001)] }, 'patterns[0]'],
    ['a 201-character keyword', { kind: 'keywords' as const, patterns: ['y'.repeat(201)] }, 'patterns[0]'],
  ])('reports %s', (_what, over, path) => {
    const r = validateCustomDetector(def(over as Partial<CustomDetectorDef>));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });
  it('rejects non-objects', () => {
    expect(validateCustomDetector(null).ok).toBe(false);
  });
});

describe('testCustomDetector', () => {
  it('finds regex matches with UTF-16 offsets', () => {
    const sample = '😀 see ACC-12345678 and ACC-87654321';
    const f = testCustomDetector(def({}), sample);
    expect(f.map((x) => sample.slice(x.start, x.end))).toEqual(['ACC-12345678', 'ACC-87654321']);
    expect(f[0]).toMatchObject({ dataClass: 'client_information', detector: 'custom:acct' });
  });
  it('regexes are case-sensitive by default, keywords are not', () => {
    expect(testCustomDetector(def({}), 'acc-12345678')).toHaveLength(0);
    expect(testCustomDetector(def({ caseSensitive: false }), 'acc-12345678')).toHaveLength(1);
    expect(testCustomDetector(def({ kind: 'keywords', patterns: ['project falcon'] }), 'PROJECT FALCON kickoff')).toHaveLength(1);
  });
  it('keywords match whole words unless told otherwise', () => {
    const k = def({ kind: 'keywords', patterns: ['falcon'] });
    expect(testCustomDetector(k, 'falconry club')).toHaveLength(0);
    expect(testCustomDetector({ ...k, wholeWord: false }, 'falconry club')).toHaveLength(1);
  });
  it('throws CustomDetectorError with the reasons when invalid', () => {
    expect(() => testCustomDetector(def({ patterns: ['(a)\\1'] }), 'aa')).toThrow(CustomDetectorError);
  });
});

describe('regexes run in linear time (RE2)', () => {
  it.each([
    ['(a+)+$', 'a'.repeat(100_000) + '!'],
    ['(a|aa)*b', 'a'.repeat(100_000)],
    ['(x+x+)+y', 'x'.repeat(100_000)],
    ['(\\w+\\s?)*\\d', 'word '.repeat(20_000)],
  ])('%s over 100 KB of adversarial input finishes fast', (pattern, input) => {
    const d = compileCustomDetector(def({ patterns: [pattern] }));
    expectWithin(2000, () => d.detect(input, []));
  });
});

describe('the cost of a custom regex is bounded (issue #12)', () => {
  const attack = '.{0,1000}'.repeat(20);

  it('estimates the expansion of counted repetitions without compiling', () => {
    expect(expandedRegexSize('ACC-\\d{8}')).toBe(12);
    expect(expandedRegexSize('.{0,1000}')).toBe(1000);
    expect(expandedRegexSize(attack)).toBe(20_000);
    expect(expandedRegexSize('(?:ab{3}){10}')).toBe(10 * (1 + 3 + 1));
    expect(expandedRegexSize('(?i)(?P<n>a{10})')).toBe(11);
    expect(expandedRegexSize('[{]{5}\\{9}\\Q{1000}\\E')).toBe(5 + 3 + 6);
  });

  it('refuses the attack pattern (20 × .{0,1000}) at once, naming the bound', () => {
    const started = performance.now();
    const r = validateCustomDetector(def({ patterns: [attack + 'a'] }));
    expect(performance.now() - started).toBeLessThan(100);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/too costly: .*over the limit of 2000/);
  });

  it("refuses a pattern whose RE2 program is over the bound, with RE2's size", () => {
    const r = validateCustomDetector(def({ patterns: ['x.{0,1000}x'] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/RE2 compiles it to \d+ instructions, over the limit of 2000/);
  });

  it('refuses patterns that are cheap alone but costly together', () => {
    const r = validateCustomDetector(def({ patterns: Array.from({ length: 7 }, (_, i) => `k${i}.{0,400}x`) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ path: 'patterns', message: expect.stringMatching(/too costly together: .* over the limit of 5000/) }]);
  });

  it('still accepts ordinary patterns', () => {
    for (const p of ['[^ ]{0,300}@[^ ]{0,300}\\.com', '(?i)[a-z]{2}\\d{2}[a-z0-9]{11,30}', '\\w{3,30}@\\w{2,20}\\.com']) {
      expect(validateCustomDetector(def({ patterns: [p] }))).toEqual({ ok: true });
    }
  });

  it('a detector saved before the bound still compiles, and its work per decision is bounded by its scan limit', () => {
    const legacy = compileCustomDetector(def({ patterns: [attack + 'a'] }));
    const text = 'lorem ipsum dolor sit amet '.repeat(80); // 2,160 characters: took 1.6 s unbounded
    const started = performance.now();
    legacy.detect(text, []);
    expect(performance.now() - started).toBeLessThan(200);
    expect(customRegexScanLimit(40_003)).toBe(499);
  });

  it('scans at most the scan limit of a long text, the whole of a normal one', () => {
    const small = compileCustomDetector(def({ patterns: ['ACC-\\d{8}'] }));
    const out: Finding[] = [];
    small.detect('x'.repeat(150_000) + ' ACC-12345678', out);
    expect(out).toHaveLength(1);
    const big = compileCustomDetector(def({ patterns: ['ACC-\\d{8}.{0,999}'] }));
    const limit = customRegexScanLimit(2011);
    const late: Finding[] = [];
    big.detect('x'.repeat(limit) + ' ACC-12345678', late);
    expect(late).toHaveLength(0);
  });
});
