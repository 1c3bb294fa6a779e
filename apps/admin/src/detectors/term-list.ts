/**
 * Terms for a keyword or dictionary detector from a pasted list or a CSV file: pure functions, unit
 * tested in term-list.spec.ts. The limits are the detector contract's (libs/contracts detectorInput).
 */
import { DETECTOR_MAX_PATTERNS, DETECTOR_MAX_PATTERN_LENGTH } from '@airlock/contracts/constants';

export { DETECTOR_MAX_PATTERNS, DETECTOR_MAX_PATTERN_LENGTH };

/** What merging terms into a detector's list did. */
export interface MergeResult {
  /** The new list: the existing terms, then the added ones, in order. */
  patterns: string[];
  added: number;
  /** Already in the list (or repeated in the input). */
  duplicates: number;
  blank: number;
  /** Longer than DETECTOR_MAX_PATTERN_LENGTH characters: left out. */
  tooLong: number;
  /** The list would exceed DETECTOR_MAX_PATTERNS: nothing was added. */
  overLimit: boolean;
}

/** One term per line (any line ending); the line ending after the last line does not make a blank line. */
export function splitLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Adds `candidates` to `existing`: trimmed, blank ones dropped, duplicates (exact, after trimming)
 * dropped, terms over the length limit left out; nothing is added when the list would hold more
 * than the contract allows.
 */
export function mergeTerms(existing: readonly string[], candidates: readonly string[]): MergeResult {
  const seen = new Set(existing);
  const added: string[] = [];
  let duplicates = 0;
  let blank = 0;
  let tooLong = 0;
  for (const raw of candidates) {
    const term = raw.trim();
    if (!term) blank++;
    else if (term.length > DETECTOR_MAX_PATTERN_LENGTH) tooLong++;
    else if (seen.has(term)) duplicates++;
    else {
      seen.add(term);
      added.push(term);
    }
  }
  if (existing.length + added.length > DETECTOR_MAX_PATTERNS) {
    return { patterns: [...existing], added: 0, duplicates, blank, tooLong, overLimit: true };
  }
  return { patterns: [...existing, ...added], added: added.length, duplicates, blank, tooLong, overLimit: false };
}

/** The rows of a CSV text (RFC 4180): quoted fields with "" for a quote, line breaks inside quotes. */
export function parseCsv(input: string, delimiter = guessDelimiter(input)): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      // a quote opens a field only at its start (spaces before it are dropped)
      field = '';
      quoted = true;
      i++;
    } else if (c === delimiter) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0 || quoted) endRow();
  // a row that is one empty field is a blank line
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

/** Comma, unless the first line has more semicolons or tabs (spreadsheets in many locales). */
export function guessDelimiter(text: string): string {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const outside = first.replace(/"[^"]*"/g, '');
  const count = (ch: string) => outside.split(ch).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

const HEADER_WORDS = /^(terms?|names?|keywords?|words?|values?|patterns?|entr(y|ies)|items?|clients?|customers?|companies|company|projects?|code ?names?|labels?|titles?|phrases?)$/i;

/**
 * Whether the first row looks like a header: one of its cells is a usual column title ("Name",
 * "Term", "Client"...), or the file has several rows and the first row's cell in every column is
 * text while the same column holds numbers below.
 */
export function looksLikeHeader(rows: readonly string[][]): boolean {
  const first = rows[0];
  if (!first || rows.length < 2) return false;
  if (first.some((c) => HEADER_WORDS.test(c.trim()))) return true;
  const numeric = (s: string) => /^[\d\s.,+-]+$/.test(s.trim()) && /\d/.test(s);
  return first.some((c, col) => !numeric(c) && c.trim() !== '' && rows.slice(1, 6).every((r) => numeric(r[col] ?? '')));
}

/** The columns of a CSV, named by the header or by position. */
export function csvColumns(rows: readonly string[][], header: boolean): { index: number; name: string }[] {
  const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
  return Array.from({ length: width }, (_, index) => ({ index, name: header ? rows[0]?.[index]?.trim() || `#${index + 1}` : `#${index + 1}` }));
}

/** The cells of one column, the header row left out when there is one. */
export function csvColumn(rows: readonly string[][], column: number, header: boolean): string[] {
  return (header ? rows.slice(1) : rows).map((r) => r[column] ?? '');
}
