/**
 * The text of an uploaded file, so an `upload` decision inspects what the file says and not only its
 * name: plain text and CSV as they are (UTF-8, UTF-16 with a byte-order mark, Windows-1252 as the
 * fallback); PDF with pdf.js; DOCX with mammoth; XLSX with ExcelJS; PPTX (slides and speaker notes)
 * read here from the slides' XML; and for the three office formats, the text their readers leave out
 * (headers, footers, footnotes, comments, charts, SmartArt, document properties: officeExtraText).
 * Office files are zip archives: their entries are counted and their declared sizes summed, then
 * inflated once in bounded memory to check they are no larger than declared, so a zip bomb is
 * refused before a reader opens it. A PDF has no such check (pdf.js inflates a stream whole): a
 * caller that takes files from the network runs this in a process with a memory ceiling and a
 * deadline. Password-protected PDFs and Office files give an error that says so. Works in Node
 * and in a browser bundle.
 */
import { unzipSync } from 'fflate';
import { pdfPageText } from './pdf-layout';
import { declaredSize, FILE_TEXT_LIMITS, type FileTextLimits, FileTextError, mainPart, markupText, officeExtraText, pptxText, wordDocumentText, zipEntries, zipNames } from './office-zip';

export { pdfPageText } from './pdf-layout';
export { drawingMlText, FILE_TEXT_LIMITS, markupText, MarkupReader, wordDocumentText, FileTextError, officeExtraText, pptxText, zipEntries, zipNames, type FileTextLimits } from './office-zip';

export type FileFormat = 'text' | 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'unsupported';

export interface FileText {
  format: FileFormat;
  /** absent when the format has no text Airlock can read, or reading failed (`error`) */
  text?: string;
  /** the text went on beyond `maxText`: only its beginning is in `text` */
  truncated?: boolean;
  error?: string;
}

const TEXT_EXTENSIONS = new Set([
  'txt', 'md', 'csv', 'tsv', 'json', 'jsonl', 'xml', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'log', 'env', 'pem', 'key', 'html', 'htm', 'css', 'rtf',
  'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'py', 'java', 'kt', 'go', 'rs', 'c', 'h', 'cc', 'cpp', 'hpp', 'cs', 'rb', 'php', 'swift', 'scala', 'sql', 'sh', 'ps1', 'r', 'm', 'pl', 'ipynb', 'tex',
]);
const OFFICE = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' } as const;

export function extensionOf(name: string): string {
  const base = name.toLowerCase().split(/[\\/]/).pop() ?? '';
  if (base === '.env' || base.startsWith('.env.')) return 'env';
  const dot = base.lastIndexOf('.');
  return dot > 0 || (dot === 0 && base.length > 1) ? base.slice(dot + 1) : '';
}

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);
const isZip = (data: Uint8Array) => startsWith(data, [0x50, 0x4b, 0x03, 0x04]);
const isPdf = (data: Uint8Array) => startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
/** An OLE compound file: a password-protected DOCX, XLSX or PPTX, or a legacy .doc, .xls or .ppt. */
const isCompoundFile = (data: Uint8Array) => startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function includesBytes(data: Uint8Array, needle: Uint8Array): boolean {
  for (let i = data.indexOf(needle[0]!); i !== -1 && i + needle.length <= data.length; i = data.indexOf(needle[0]!, i + 1)) {
    let j = 1;
    while (j < needle.length && data[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Why an OLE compound file has no text here: encrypted (its EncryptionInfo stream), or a legacy format. */
function compoundFileError(data: Uint8Array): string {
  const encryptionInfo = Uint8Array.from([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]));
  return includesBytes(data, encryptionInfo)
    ? 'the file is password-protected (an encrypted Office file): its text cannot be read'
    : 'the file is a legacy Office document (.doc, .xls, .ppt), whose text is not read';
}

/** The file's name or type says it is text. */
const saysText = (name: string, type: string) => TEXT_EXTENSIONS.has(extensionOf(name)) || type.startsWith('text/') || /^application\/(json|xml|x-ndjson|x-yaml|csv)\b/.test(type);

/**
 * What the file is, by its bytes first (a renamed PDF is still a PDF) and then by its name and
 * type: an office format is told apart by the folders inside the zip.
 */
export function detectFormat(data: Uint8Array, name: string, type = '', limits: FileTextLimits = FILE_TEXT_LIMITS): FileFormat {
  if (isPdf(data)) return 'pdf';
  if (isZip(data)) {
    const names = zipNames(data, limits);
    for (const [format, folder] of Object.entries(OFFICE) as [keyof typeof OFFICE, string][]) {
      if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith(folder))) return format;
    }
    return 'unsupported';
  }
  if (saysText(name, type)) return 'text';
  // Unknown name and type: text if it decodes as text.
  return decodeText(data) === null ? 'unsupported' : 'text';
}

/** Plain text: UTF-8 or UTF-16 by their byte-order marks, else UTF-8, else Windows-1252; null for binary. */
export function decodeText(data: Uint8Array): string | null {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const head = data.subarray(0, 65536);
  const utf16 = utf16WithoutMark(head);
  if (utf16) return new TextDecoder(utf16).decode(data.subarray(0, data.length - (data.length % 2)));
  if (head.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Control characters other than tab, newlines and form feed mean binary, not a legacy encoding.
    let control = 0;
    for (const b of head) if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
    return control > head.length / 100 ? null : windows1252(data);
  }
}

/**
 * UTF-16 without a byte-order mark (what some Windows tools write): mostly ASCII text, so nearly
 * every other byte is zero and the bytes between are not.
 */
function utf16WithoutMark(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (head.length < 4) return null;
  const zeros = [0, 0];
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) zeros[0]!++;
    if (head[i + 1] === 0) zeros[1]!++;
  }
  const pairs = Math.floor(head.length / 2);
  if (zeros[1]! >= pairs * 0.9 && zeros[0]! <= pairs * 0.02) return 'utf-16le';
  if (zeros[0]! >= pairs * 0.9 && zeros[1]! <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * A file that says it is text (by its name or type) but holds NUL or other control bytes: read as
 * UTF-8 all the same, those bytes as spaces, so a stray NUL cannot make a CSV go uninspected.
 */
function lenientText(data: Uint8Array): string {
  // eslint-disable-next-line no-control-regex
  return new TextDecoder('utf-8').decode(data).replace(/[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g, ' ');
}

/** 0x80–0x9F of Windows-1252 (Node's TextDecoder reads that label as Latin-1, which has controls there). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(data: Uint8Array): string {
  let out = '';
  for (let i = 0; i < data.length; i += 8192) {
    const chunk = data.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

interface PdfJs {
  getDocument(src: { data: Uint8Array; isEvalSupported: boolean; useSystemFonts: boolean; disableFontFace?: boolean; verbosity?: number }): {
    promise: Promise<{
      numPages: number;
      getPage(i: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; getAnnotations(): Promise<unknown[]> }>;
      getMetadata(): Promise<{ info?: unknown }>;
      destroy(): Promise<void>;
    }>;
  };
}


/** The text of a page's annotations: a comment's contents, a form field's value, a widget's alternative text. */
function annotationText(annotations: unknown[]): string {
  const out: string[] = [];
  for (const a of annotations) {
    if (!a || typeof a !== 'object') continue;
    const { contentsObj, fieldValue, alternativeText, richText } = a as { contentsObj?: { str?: unknown }; fieldValue?: unknown; alternativeText?: unknown; richText?: { str?: unknown } };
    for (const v of [contentsObj?.str, richText?.str, alternativeText, ...(Array.isArray(fieldValue) ? fieldValue : [fieldValue])]) if (typeof v === 'string' && v.trim()) out.push(v);
  }
  return out.join('\n');
}

/** The document's title, subject and keywords (its Info dictionary; not its author). */
function infoText(info: unknown): string {
  if (!info || typeof info !== 'object') return '';
  const { Title, Subject, Keywords } = info as Record<string, unknown>;
  return [Title, Subject, Keywords].filter((v): v is string => typeof v === 'string' && v.trim() !== '').join('\n');
}

/** The pages' text until `maxText`, or until `maxMillis` have passed (a PDF of 100,000 pages): truncated then. */
async function pdfText(data: Uint8Array, maxText: number, maxMillis: number): Promise<{ text: string; truncated: boolean }> {
  const started = Date.now();
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const doc = await pdfjs
    .getDocument({ data: data.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 })
    .promise.catch((err: unknown) => {
      // pdf.js reads a PDF encrypted with an empty user password by itself; any other needs one.
      if (err instanceof Error && err.name === 'PasswordException') throw new FileTextError('the PDF is password-protected (encrypted): its text cannot be read');
      throw err;
    });
  try {
    const parts: string[] = [];
    let length = 0;
    let i = 1;
    for (; i <= doc.numPages && length <= maxText && Date.now() - started < maxMillis; i++) {
      const page = await doc.getPage(i);
      const text = pdfPageText((await page.getTextContent()).items);
      // Comments, sticky notes and form fields are not drawn in the page's content: read them too.
      const notes = annotationText(await page.getAnnotations().catch(() => []));
      parts.push(notes ? `${text}\n${notes}` : text);
      length += text.length + notes.length + 2;
    }
    const info = infoText((await doc.getMetadata().catch(() => ({}) as { info?: unknown })).info);
    return { text: [...parts, info].filter(Boolean).join('\n'), truncated: i <= doc.numPages };
  } finally {
    await doc.destroy();
  }
}

interface Mammoth {
  extractRawText(input: { buffer?: unknown; arrayBuffer?: ArrayBuffer }): Promise<{ value: string }>;
}

async function docxText(data: Uint8Array): Promise<string> {
  const mod = (await import('mammoth')) as unknown as Mammoth & { default?: Mammoth };
  const mammoth = mod.default ?? mod;
  const NodeBuffer = (globalThis as { Buffer?: { from(a: Uint8Array): unknown } }).Buffer;
  return (await mammoth.extractRawText(NodeBuffer ? { buffer: NodeBuffer.from(data) } : { arrayBuffer: data.slice().buffer })).value;
}

interface ExcelWorkbook {
  xlsx: { load(data: unknown): Promise<unknown> };
  eachSheet(fn: (sheet: { name: string; eachRow(fn: (row: { eachCell(fn: (cell: { text: string }) => void): void }) => void): void }) => void): void;
}

/**
 * Every sheet's cells (hidden sheets too), row by row, until `maxText`: a cell can repeat one long
 * shared string thousands of times, so the text is measured as it is built, never joined whole.
 */
async function xlsxText(data: Uint8Array, maxText: number): Promise<{ text: string; truncated: boolean }> {
  const mod = (await import('exceljs')) as unknown as { Workbook?: new () => ExcelWorkbook; default?: { Workbook: new () => ExcelWorkbook } };
  const Workbook = mod.Workbook ?? mod.default?.Workbook;
  if (!Workbook) throw new FileTextError('ExcelJS did not load');
  const wb = new Workbook();
  const NodeBuffer = (globalThis as { Buffer?: { from(a: Uint8Array): unknown } }).Buffer;
  await wb.xlsx.load(NodeBuffer ? NodeBuffer.from(data) : data.slice().buffer);
  const lines: string[] = [];
  let length = 0;
  let full = false;
  wb.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      if (full) return;
      let line = '';
      row.eachCell((cell) => {
        if (full) return;
        const text = cell.text;
        line += (line ? '\t' : '') + (text.length > maxText ? text.slice(0, maxText + 1) : text);
        if (length + line.length > maxText) full = true;
      });
      lines.push(line);
      length += line.length + 1;
      if (length > maxText) full = true;
    });
  });
  return { text: lines.join('\n'), truncated: full };
}

/** The largest main part of a DOCX that mammoth reads (its XML); beyond, wordDocumentText does. */
const DOCX_MAMMOTH_BYTES = 2 * 1024 * 1024;

/** The deleted text (tracked changes) of a DOCX's main part, which mammoth leaves out. */
function deletedText(data: Uint8Array, main: string): string {
  const bytes = unzipSync(data, { filter: (f) => f.name === main })[main];
  return bytes ? markupText(new TextDecoder('utf-8').decode(bytes), new Set(['delText']), new Set(['p'])) : '';
}

const withExtra = (text: string, extra: string) => (extra ? (text.trim() ? `${text.trimEnd()}\n\n${extra}` : extra) : text);

function bounded(format: FileFormat, text: string, maxText: number): FileText {
  return text.length > maxText ? { format, text: text.slice(0, maxText), truncated: true } : { format, text };
}

/** The file's text, or why there is none (never throws). */
export async function extractFileText(data: Uint8Array, file: { name: string; type?: string }, limits: Partial<FileTextLimits> = {}): Promise<FileText> {
  const l = { ...FILE_TEXT_LIMITS, ...limits };
  let format: FileFormat = 'unsupported';
  try {
    format = detectFormat(data, file.name, file.type ?? '', l);
    switch (format) {
      case 'text': {
        const text = decodeText(data) ?? (saysText(file.name, file.type ?? '') ? lenientText(data) : null);
        return text === null ? { format: 'unsupported' } : bounded(format, text, l.maxText);
      }
      case 'pdf': {
        const { text, truncated } = await pdfText(data, l.maxText, l.maxPdfMillis);
        const r = bounded(format, text, l.maxText);
        return truncated ? { ...r, truncated } : r;
      }
      case 'docx': {
        zipEntries(data, l);
        // mammoth builds the whole document in memory: a large one is read as it is inflated instead.
        const main = mainPart(data, 'word/document.xml');
        const large = (declaredSize(data, main) ?? 0) > DOCX_MAMMOTH_BYTES;
        const body = large ? wordDocumentText(data, main, l.maxText) : withExtra(await docxText(data), deletedText(data, main));
        return bounded(format, withExtra(body, body.length > l.maxText ? '' : officeExtraText(data, 'docx', [main])), l.maxText);
      }
      case 'xlsx': {
        zipEntries(data, l);
        const { text, truncated } = await xlsxText(data, l.maxText);
        const r = bounded(format, withExtra(text, truncated ? '' : officeExtraText(data, 'xlsx')), l.maxText);
        return truncated ? { ...r, truncated } : r;
      }
      case 'pptx':
        return bounded(format, pptxText(data, l), l.maxText);
      case 'unsupported':
        return isCompoundFile(data) ? { format, error: compoundFileError(data) } : { format };
    }
  } catch (err) {
    // Our own messages as they are; a reader's own (which can quote the file: an unknown entity's
    // name, a bad token) reduced to what it means.
    if (err instanceof FileTextError) return { format, error: err.message };
    if (err instanceof RangeError) return { format, error: 'the file needs more memory to read than allowed (its content unpacks to far more than its size)' };
    return { format, error: `the file could not be read: it is damaged or malformed${format === 'unsupported' ? '' : ` (as a ${format.toUpperCase()})`}` };
  }
}
