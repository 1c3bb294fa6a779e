import { describe, expect, it } from '@jest/globals';
import { csvColumn, csvColumns, DETECTOR_MAX_PATTERN_LENGTH, DETECTOR_MAX_PATTERNS, guessDelimiter, looksLikeHeader, mergeTerms, parseCsv, splitLines } from './term-list';

describe('pasted lists', () => {
  it('splits on any line ending, trims, drops blank lines and duplicates, and counts each', () => {
    const r = mergeTerms(['Globex'], splitLines('\uFEFF Acme Corp \r\n\r\nGlobex\nInitech\rAcme Corp\n   \n'));
    expect(r).toEqual({ patterns: ['Globex', 'Acme Corp', 'Initech'], added: 2, duplicates: 2, blank: 2, tooLong: 0, overLimit: false });
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('')).toEqual(['']);
  });

  it('leaves out a term over the length limit and adds nothing past the list limit', () => {
    const long = 'x'.repeat(DETECTOR_MAX_PATTERN_LENGTH + 1);
    expect(mergeTerms([], ['ok', long])).toMatchObject({ patterns: ['ok'], added: 1, tooLong: 1 });
    const full = Array.from({ length: DETECTOR_MAX_PATTERNS - 1 }, (_, i) => `t${i}`);
    expect(mergeTerms(full, ['one more']).added).toBe(1);
    const over = mergeTerms(full, ['a', 'b']);
    expect(over).toMatchObject({ added: 0, overLimit: true });
    expect(over.patterns).toHaveLength(full.length);
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const csv = '\uFEFFName,Note\r\n"Acme, Inc.","said ""hi"""\r\nGlobex,"two\nlines"\r\n\r\n Initech ,\n';
    expect(parseCsv(csv)).toEqual([
      ['Name', 'Note'],
      ['Acme, Inc.', 'said "hi"'],
      ['Globex', 'two\nlines'],
      [' Initech ', ''],
    ]);
  });

  it('guesses a semicolon or tab delimiter from the first line, ignoring quoted text', () => {
    expect(guessDelimiter('name;code\nAcme;1')).toBe(';');
    expect(guessDelimiter('name\tcode\nAcme\t1')).toBe('\t');
    expect(guessDelimiter('"a;b;c",d\n')).toBe(',');
    expect(guessDelimiter('Acme')).toBe(',');
    expect(parseCsv('client;id\n"Umbrella; Ltd";7')).toEqual([
      ['client', 'id'],
      ['Umbrella; Ltd', '7'],
    ]);
  });

  it('detects a header by its usual titles or by text above numbers, and names the columns', () => {
    expect(looksLikeHeader(parseCsv('Client name,Term\nAcme,x'))).toBe(true);
    expect(looksLikeHeader(parseCsv('Company,Id\nAcme,1'))).toBe(true);
    expect(looksLikeHeader(parseCsv('Reference,Amount\nAcme,100\nGlobex,250'))).toBe(true);
    expect(looksLikeHeader(parseCsv('Acme\nGlobex\nInitech'))).toBe(false);
    expect(looksLikeHeader(parseCsv('Acme'))).toBe(false);
    const rows = parseCsv('Client,Code\nAcme,A1\nGlobex');
    expect(csvColumns(rows, true)).toEqual([
      { index: 0, name: 'Client' },
      { index: 1, name: 'Code' },
    ]);
    expect(csvColumns(rows, false).map((c) => c.name)).toEqual(['#1', '#2']);
    expect(csvColumn(rows, 1, true)).toEqual(['A1', '']);
    expect(csvColumn(rows, 0, false)).toEqual(['Client', 'Acme', 'Globex']);
  });

  it('keeps an unterminated quoted field to the end rather than losing it', () => {
    expect(parseCsv('"Acme\nGlobex')).toEqual([['Acme\nGlobex']]);
  });
});
