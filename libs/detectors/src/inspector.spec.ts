import { DETECTORS } from './detector-catalogue';
import { compileInspector } from './inspector';
import { expectWithin } from './timing.test-helper';

describe('compileInspector', () => {
  it('runs only the detectors of the requested classes', () => {
    const text = 'SSN 536-22-8713, mail jane.doe@gmail.com, CONFIDENTIAL';
    const ins = compileInspector({ classes: ['government_id'] });
    expect([...ins.classes]).toEqual(['government_id']);
    expect(ins.inspect(text).map((f) => f.dataClass)).toEqual(['government_id']);
  });
  it('skips the organization e-mail domains and their subdomains', () => {
    const ins = compileInspector({ allowEmailDomains: ['acme.com'] });
    const text = 'bob@acme.com, eve@eu.acme.com, jane@gmail.com';
    expect(ins.inspect(text).map((f) => text.slice(f.start, f.end))).toEqual(['jane@gmail.com']);
  });
  it('applies the minimum confidence', () => {
    const text = 'please keep this confidential';
    expect(compileInspector({}).inspect(text)).toEqual([]);
    expect(compileInspector({ minConfidence: 0.2 }).inspect(text)).toHaveLength(1);
  });
  it('uses the default phone region for national numbers', () => {
    const text = 'ring me on 0151 23456789';
    expect(compileInspector({ defaultPhoneRegion: 'DE' }).inspect(text).some((f) => f.detector === 'phone-number')).toBe(true);
  });
  it("reports the organization's own markings", () => {
    const ins = compileInspector({ markings: ['ACME-RESTRICTED'] });
    const f = ins.inspect('Q3 plan — ACME-RESTRICTED');
    expect(f).toEqual([expect.objectContaining({ dataClass: 'company_confidential', detector: 'org-marking' })]);
  });
  it('runs custom dictionaries, keywords and regexes; invalid ones are skipped and listed', () => {
    const ins = compileInspector({
      custom: [
        { id: 'clients', name: 'Clients', kind: 'dictionary', dataClass: 'client_information', patterns: ['Globex', 'Initech Corp'] },
        { id: 'acct', name: 'Accounts', kind: 'regex', dataClass: 'client_information', patterns: ['ACC-\\d{6}'] },
        { id: 'bad', name: 'Bad', kind: 'regex', dataClass: 'client_information', patterns: ['(a)\\1'] },
        { id: 'off', name: 'Off', kind: 'keywords', dataClass: 'client_information', patterns: ['Hooli'], enabled: false },
      ],
    });
    const text = 'Globex renewal for ACC-123456, also Hooli and initech corp.';
    expect(ins.inspect(text).map((f) => text.slice(f.start, f.end))).toEqual(['Globex', 'ACC-123456', 'initech corp']);
    expect(ins.skipped.map((s) => s.id)).toEqual(['bad']);
    expect(ins.classes.has('client_information')).toBe(true);
  });
  it('keeps one finding per span among number-like classes', () => {
    const text = 'SSN 536-22-8713';
    expect(compileInspector({}).inspect(text)).toHaveLength(1);
  });
  it('returns sorted findings with UTF-16 offsets', () => {
    const text = '😀😀 jane.doe@gmail.com 😀 SSN 536-22-8713';
    const f = compileInspector({}).inspect(text);
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['jane.doe@gmail.com', '536-22-8713']);
    expect(f[0]!.start).toBe(5);
  });
  it('handles empty and non-string input', () => {
    expect(compileInspector({}).inspect('')).toEqual([]);
    expect(compileInspector({}).inspect(undefined as unknown as string)).toEqual([]);
  });
  it('inspects 1 MB of text', () => {
    const chunk = 'Meeting notes: revenue grew 12% in Q3; call Bob on (415) 867-5309 or bob.smith@gmail.com.\n';
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    let f: ReturnType<ReturnType<typeof compileInspector>['inspect']> = [];
    expectWithin(5000, () => (f = compileInspector({}).inspect(text)));
    expect(f.filter((x) => x.detector === 'email')).toHaveLength(Math.ceil(1_000_000 / chunk.length));
  });
});

describe('built-in regexes stay linear on adversarial input', () => {
  const inspector = compileInspector({});
  it.each([
    ['digits', '1'.repeat(100_000)],
    ['spaced digits', '1 '.repeat(50_000)],
    ['dashed digits', '12-'.repeat(33_000)],
    ['dotted digits', '1.'.repeat(50_000)],
    ['at signs', 'a@'.repeat(50_000)],
    ['colons', 'a:'.repeat(50_000)],
    ['hex colons', 'ab:cd:'.repeat(16_000)],
    ['PEM headers', '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(3_000)],
    ['jwt-ish', 'eyJhbGciOi.'.repeat(9_000)],
    ['password keys', 'password=password='.repeat(6_000)],
    ['keywords', 'secret token patient confidential chapter '.repeat(2_500)],
    ['capital words', 'Main Street Avenue Road '.repeat(4_000)],
    ['uppercase', 'ABCDEFGHIJ'.repeat(10_000)],
    ['base64', 'aws Zq3T8vK2pLm9Xw4Rb7Nc1Yd6Hf0Js5Ga8Ue3Vi2O/+'.repeat(2_000)],
    ['code lines', 'if (x) {\n  y();\n}\n'.repeat(6_000)],
    ['urls', 'https://user:pass@'.repeat(6_000)],
    // one long run of blanks between two words, no digit after it (a street pattern once tried the run from each blank)
    ['a long run of blanks', `a${' '.repeat(100_000)}b`],
    ['a long run of tabs', `Main${'\t'.repeat(100_000)}Street`],
    ['blanks and line breaks', `a${' \n'.repeat(50_000)}1`],
    // the Indian, Japanese and Brazilian address shapes
    ['PIN codes after place names', 'Flat 1, Road 2, Pune, Maharashtra 411001, '.repeat(2_400)],
    ['six-digit numbers', '560001 '.repeat(14_000)],
    ['block numbers and wards', '1-2-3 Aoyama, Minato-ku, '.repeat(4_000)],
    ['hyphenated numbers near a ward', `Shibuya-ku ${'1-2-'.repeat(25_000)}`],
    ['postcodes after words', '12 Cotham Hill, Bristol BS6 6LA, '.repeat(3_000)],
    ['postcodes alone', 'BS6 6LA '.repeat(12_000)],
    ['Brazilian segments without a CEP', `Rua Augusta, 1500${' - Bela Vista'.repeat(7_000)}`],
    // national ids after their labels, on one line (each label once looked back to its line's start)
    ['labelled ids on one line', 'CNP 1850312402702, '.repeat(5_000)],
    ['labels without values', 'RUT: '.repeat(20_000)],
    ['mentions', '@Ngozi '.repeat(14_000)],
    // a table's row of fields that each open a quote no one closes (each once searched to the line's end)
    ['unclosed quotes in a row', `name,dob\n${"'x,".repeat(33_000)}`],
    ['unclosed double quotes in a row', `name;diagnosis\n${'"x;'.repeat(33_000)}`],
    ['SQL rows', `INSERT INTO t (id, name, dob) VALUES\n${"(1, 'a, b', '1990-01-01'),\n".repeat(3_000)}`],
    ['reason columns', 'name,days,reason\n'.repeat(6_000)],
    // header lines of column words, each word once read its whole line again (a break-it review: 5 s for 320 KB)
    ['lines of health column words', `${Array(333).fill('dx').join(',')}\n\n`.repeat(100)],
    ['lines of phone column words', `${Array(250).fill('tel').join(',')}\n\n`.repeat(100)],
    ['lines of id column words', `${Array(250).fill('nif').join(';')}\n\n`.repeat(100)],
  ])('%s (100 KB)', (_what, input) => {
    expectWithin(1500, () => inspector.inspect(input));
  });
});

describe('the label readers of this round stay linear on long lines of labels (two break-it reviews)', () => {
  const inspector = compileInspector({});
  it.each([
    // Chinese prose with a diagnosis and a treatment word in every sentence, no line break (1 MB once took 37 s)
    ['Chinese prose of label words', '医生诊断后给予药物治疗。'],
    ['Korean prose of label words', '진단 후 약물 치료를 받았다. '],
    ['one kanji label word', '薬'],
    // a line of address labels (each value once read 240 characters on: 400 KB took 12.5 s)
    ['a line of address labels', '地址：上海市徐汇区漕溪北路'],
    ['Japanese labels and blanks', '住所 東京都千代田区丸の内 '],
    // thousands of diagnosis fields (each item once compared with every finding: 800 KB took 2.2 s)
    ['diagnosis lines', 'Diagnosis: asthma\n'],
    ['diagnosis lines with codes', 'Diagnosis: asthma, insulin, mild (J44.1)\n'],
    ['diagnosis fields of unclosed brackets', 'Diagnosis: asthma (a, b (c\n'],
  ])('%s (400 KB)', (_what, unit) => {
    const input = unit.repeat(Math.ceil(400_000 / unit.length));
    // (0.3-1 s here; a quadratic path takes 10 s or more at this size)
    expectWithin(6000, () => inspector.inspect(input));
  });
});

describe('DETECTORS catalogue', () => {
  it('lists every detector id once with a built-in class', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['aws-access-key-id', 'email', 'phone-number', 'us-ssn', 'payment-card', 'iban', 'jwt', 'source-code', 'creative-work', 'org-marking']) {
      expect(ids).toContain(id);
    }
    expect(DETECTORS.every((d) => d.description.length > 0)).toBe(true);
  });
});
