import { compileCustomDetector, CustomDetectorError, testCustomDetector, validateCustomDetector, type CustomDetectorDef } from './custom-detector';

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
    const t0 = performance.now();
    d.detect(input, []);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
