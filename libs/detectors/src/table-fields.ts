/**
 * Delimited tables in pasted text (CSV, TSV, semicolons, pipes): a header line of short labels and
 * the rows below it with as many fields. Detectors that read a column by its label (dates of birth
 * under "dob") walk the rows with `tableRows`.
 */

/** , ; tab | */
export const DELIMS = [44, 59, 9, 124];
/** the longest header line read (characters) */
const MAX_HEADER = 1000;

/**
 * The fields of [start, end) split at `delim`, outside quotes. A field is quoted when a double or
 * single quote opens it (after blanks, and the "(" of an SQL row: `(1001, 'Type 2 diabetes, CKD', …)`)
 * and the same quote closes it before blanks and a delimiter, a ")" or the end; a quote elsewhere is
 * a character (`O'Brien`, `5" screen`).
 */
export function fieldsOf(text: string, start: number, end: number, delim: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  // a quote with no closing one after it: none after a later one either (each line is read once: linear)
  let unclosedDouble = false, unclosedSingle = false;
  for (;;) {
    let i = s;
    while (i < end && isBlankOrParen(text.charCodeAt(i))) i++;
    const q = text.charCodeAt(i);
    if (i < end && ((q === 34 && !unclosedDouble) || (q === 39 && !unclosedSingle))) {
      const close = closingQuote(text, i + 1, end, q, delim);
      if (close !== -1) i = close + 1;
      else if (q === 34) unclosedDouble = true;
      else unclosedSingle = true;
    }
    while (i < end && text.charCodeAt(i) !== delim) i++;
    out.push([s, i]);
    if (i >= end) return out;
    s = i + 1;
  }
}

function isBlankOrParen(c: number): boolean {
  return c === 32 || c === 9 || c === 40;
}

/** The quote `q` at or after `from` that closes a field (blanks, then a delimiter, ")" or the end after it), or -1. */
function closingQuote(text: string, from: number, end: number, q: number, delim: number): number {
  for (let k = from; k < end; k++) {
    if (text.charCodeAt(k) !== q) continue;
    let m = k + 1;
    while (m < end && (text.charCodeAt(m) === 32 || text.charCodeAt(m) === 9 || text.charCodeAt(m) === 13)) m++;
    if (m >= end || text.charCodeAt(m) === delim || text.charCodeAt(m) === 41) return k;
    if (text.charCodeAt(m) === q) k = m; // a doubled quote inside ('O''Brien', "say ""hi""")
  }
  return -1;
}

/**
 * [start, end) of a field's value without its blanks and surrounding quotes, and without the
 * brackets of an SQL row around the first and last fields (`(1001`, `'BCBS-77')`).
 */
export function valueOf(text: string, s: number, e: number): [number, number] {
  [s, e] = trimBlanks(text, s, e);
  if (e > s && text.charCodeAt(s) === 40 && !hasCode(text, s, e, 41)) [s, e] = trimBlanks(text, s + 1, e);
  if (e > s && text.charCodeAt(e - 1) === 41 && !hasCode(text, s, e, 40)) [s, e] = trimBlanks(text, s, e - 1);
  if (e - s >= 2 && (text.charCodeAt(s) === 34 || text.charCodeAt(s) === 39) && text.charCodeAt(e - 1) === text.charCodeAt(s)) {
    s++;
    e--;
  }
  return [s, e];
}

function trimBlanks(text: string, s: number, e: number): [number, number] {
  while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9 || text.charCodeAt(e - 1) === 13)) e--;
  return [s, e];
}

function hasCode(text: string, s: number, e: number, c: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === c) return true;
  return false;
}

/** The delimiter used most on [s, e) (0 when none is). */
export function delimiterOf(text: string, s: number, e: number): number {
  let delim = 0, most = 0;
  for (const d of DELIMS) {
    let n = 0;
    for (let i = s; i < e; i++) if (text.charCodeAt(i) === d) n++;
    if (n > most) {
      most = n;
      delim = d;
    }
  }
  return delim;
}

/** A header's label: short, no sentence in it, not a number. */
export function isLabel(label: string): boolean {
  return label.length <= 40 && !SENTENCE_IN_LABEL.test(label) && label.split(/\s+/).length <= 4;
}
/** a sentence's end inside (not the dot of a short abbreviation: "Grund lt. Mitarbeiter", "Nr. konta"), a gap, a long number */
const SENTENCE_IN_LABEL = /(?<!(?:^|[\s(])\p{L}{1,3})\.\s|[!?]\s|\s{2,}|\d{3,}/u;

/**
 * The table headers of one text, asked for at increasing offsets (a detector's keyword hits): the
 * line holding each offset is found from where the last one was, so a long line of JSON with a "dob"
 * key in every record costs one pass, not one scan of the line per key.
 */
export class TableHeaders {
  private lineStart = 0;
  /** the first line break at or after lineStart (-1: none left) */
  private nextBreak: number;
  /** the start of a line already found longer than MAX_HEADER */
  private longLine = -1;
  /** the last line read as a header (many of a header's words are keywords: each asks for the same line) */
  private parsed: { lineStart: number; lineEnd: number; delim: number; fields: [number, number][]; labels: string[] | null } | undefined;

  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf('\n');
  }

  /**
   * The table whose header is the line holding `at`: its delimiter and width, and the index of the
   * field that holds `at`, when every field of that line is a label; else null. `at` may not go back.
   */
  headerAt(at: number): { lineEnd: number; delim: number; width: number; column: number; label: string; labels: readonly string[] } | null {
    const { text } = this;
    // cheap first: a delimiter (or the line's edge) within a label's length on each side of `at`
    if (!fieldEdge(text, at, -1) || !fieldEdge(text, at, 1)) return null;
    // the line breaks before this offset, found natively and each once
    while (this.nextBreak !== -1 && this.nextBreak < at) {
      this.lineStart = this.nextBreak + 1;
      this.nextBreak = text.indexOf('\n', this.lineStart);
    }
    const lineStart = this.lineStart;
    if (lineStart === this.longLine || at - lineStart > MAX_HEADER) return null;
    let line = this.parsed;
    if (line === undefined || line.lineStart !== lineStart) {
      line = this.parse(lineStart, at);
      if (line === undefined) return null;
      this.parsed = line;
    }
    const { lineEnd, delim, fields, labels } = line;
    if (labels === null) return null;
    for (let i = 0; i < fields.length; i++) {
      if (fields[i]![0] <= at && at < fields[i]![1]) return labels[i] === '' ? null : { lineEnd, delim, width: fields.length, column: i, label: labels[i]!, labels };
    }
    return null;
  }

  /**
   * The line at `lineStart` split at its delimiter, with its labels when every field is one and two
   * at least are not empty (a list in code, one item a line, `  "dx",`, is no header); undefined when
   * it is too long or too short, or has no delimiter.
   */
  private parse(lineStart: number, at: number): TableHeaders['parsed'] {
    const { text } = this;
    let lineEnd = at;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10) {
      if (++lineEnd - lineStart > MAX_HEADER) {
        this.longLine = lineStart;
        return undefined;
      }
    }
    if (lineEnd - lineStart < 4) return undefined;
    const delim = delimiterOf(text, lineStart, lineEnd);
    if (delim === 0) return undefined;
    const fields = fieldsOf(text, lineStart, lineEnd, delim);
    let labels: string[] | null = [];
    let filled = 0;
    for (const [a, b] of fields) {
      const [fa, fb] = valueOf(text, a, b);
      const l = text.slice(fa, fb);
      if (!isLabel(l)) {
        labels = null;
        break;
      }
      if (l !== '') filled++;
      labels.push(l);
    }
    return { lineStart, lineEnd, delim, fields, labels: filled >= 2 ? labels : null };
  }
}

/**
 * The one column of free text among a header's labels (an address, a note), where a CSV writer leaves
 * a comma unquoted ("서울특별시 강남구 테헤란로 152, 10층"); -1 when there is none or more than one.
 */
export function freeTextColumn(labels: readonly string[]): number {
  // (once per header line: its labels are one array, asked for by each of its columns in turn; a
  // header of 250 phone words once tested 62,500 labels per line)
  let column = FREE_COLUMNS.get(labels);
  if (column === undefined) {
    column = -1;
    for (let i = 0; i < labels.length; i++) {
      if (!FREE_TEXT_LABEL.test(labels[i]!)) continue;
      if (column !== -1) {
        column = -1;
        break;
      }
      column = i;
    }
    FREE_COLUMNS.set(labels, column);
  }
  return column;
}
const FREE_COLUMNS = new WeakMap<readonly string[], number>();
const FREE_TEXT_LABEL =
  /address|adress|anschrift|direcci|endere[cç]o|morada|indirizzo|adres|osoite|lakcím|διεύθυνση|адрес|alamat|địa chỉ|住所|地址|주소|العنوان|כתובת|ที่อยู่|पता|^(?:notes?|comments?|remarks?|description|bemerkung(?:en)?|notiz(?:en)?|kommentar|observa[cç](?:ão|oes|ões)|observaciones|commentaire|remarques?|opmerking(?:en)?|uwagi|notas|備考|비고|备注|примечание|комментарий)$/iu;

/**
 * A row's cells as the header's columns: as split when there are `width`; with up to four more,
 * the free-text column `free` (freeTextColumn) spans the extra ones, the columns before it read from
 * the left and those after from the right; else null (not a row of this table).
 */
export function alignedCells(cells: [number, number][], width: number, free: number): [number, number][] | null {
  const extra = cells.length - width;
  if (extra === 0) return cells;
  if (free < 0 || extra < 0 || extra > 4) return null;
  const out = cells.slice(0, free);
  out.push([cells[free]![0], cells[free + extra]![1]]);
  for (let i = free + extra + 1; i < cells.length; i++) out.push(cells[i]!);
  return out;
}

/**
 * The rows below a header ending at `headerEnd` (as many fields as it has; more when its free-text
 * column `free` holds commas, see alignedCells), up to the first line that is not one; `fn` gets each
 * row's cells, one per column.
 */
export function tableRows(text: string, headerEnd: number, delim: number, width: number, fn: (cells: [number, number][]) => void, free = -1): number {
  let row = headerEnd + 1;
  // an SQL insert with VALUES on a line of its own after its column list
  VALUES_LINE.lastIndex = row;
  if (VALUES_LINE.test(text)) row = VALUES_LINE.lastIndex;
  while (row < text.length) {
    let rowEnd = text.indexOf('\n', row);
    if (rowEnd === -1) rowEnd = text.length;
    const cells = alignedCells(fieldsOf(text, row, sqlRowEnd(text, row, rowEnd), delim), width, free);
    if (cells === null) break;
    fn(cells);
    row = rowEnd + 1;
  }
  return row;
}

/** The end of a row without the "," or ";" after the ")" of an SQL row (`(1001, 'Ann Lee', '1948-02-11'),`); a row that opens with "(" only. */
export function sqlRowEnd(text: string, row: number, rowEnd: number): number {
  let b = row;
  while (b < rowEnd && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b++;
  if (text.charCodeAt(b) !== 40) return rowEnd; // (a CSV row whose last cell ends in a bracket: "Finance (EMEA),")
  let e = rowEnd;
  while (e > row && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9 || text.charCodeAt(e - 1) === 13)) e--;
  return e - 1 > row && (text.charCodeAt(e - 1) === 44 || text.charCodeAt(e - 1) === 59) && text.charCodeAt(e - 2) === 41 ? e - 1 : rowEnd;
}

const VALUES_LINE = /[ \t]*values[ \t]*\r?\n/iy;

/** A table's header as TableHeaders.headerAt reads it. */
export type TableHeader = NonNullable<ReturnType<TableHeaders['headerAt']>>;

/**
 * The cells of the table columns whose header `accept`s, for the words at `starts` (sorted) that may
 * head one: each cell's value span, with its header, to `cell`. Every accepted column of a header line
 * is read ("ИНН;СНИЛС", "routing;account"), each once; the words inside a table's rows are passed over.
 */
export function forEachColumnCell(
  text: string,
  starts: readonly number[],
  accept: (header: TableHeader, at: number) => boolean,
  cell: (start: number, end: number, header: TableHeader) => void,
): void {
  const headers = new TableHeaders(text);
  const read = new Set<string>();
  let tablesTo = -1, headerEnd = -1;
  for (const at of starts) {
    if (at < tablesTo && at >= headerEnd) continue;
    const header = headers.headerAt(at);
    if (header === null || header.width < 2 || read.has(`${header.lineEnd}:${header.column}`) || !accept(header, at)) continue;
    read.add(`${header.lineEnd}:${header.column}`);
    headerEnd = header.lineEnd;
    tablesTo = tableRows(
      text,
      header.lineEnd,
      header.delim,
      header.width,
      (cells) => {
        const [a, b] = valueOf(text, cells[header.column]![0], cells[header.column]![1]);
        cell(a, b, header);
      },
      freeTextColumn(header.labels),
    );
  }
}

/** True when a delimiter, a line break or the text's edge is within 40 characters of `at` in direction `dir` (a header's field is short). */
function fieldEdge(text: string, at: number, dir: -1 | 1): boolean {
  for (let i = dir < 0 ? at - 1 : at, n = 0; n <= 40; i += dir, n++) {
    if (i < 0 || i >= text.length) return true;
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || DELIMS.includes(c)) return true;
  }
  return false;
}
