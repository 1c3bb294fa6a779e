// Text extraction for uploads, loaded by the content script only when a file is selected, pasted
// or dropped (import() of this web-accessible module): plain text and the text formats as they
// are; PDF with pdf.js (run on the page's main thread: a page cannot start a worker from the
// extension's origin); DOCX with mammoth; XLSX with ExcelJS; PPTX (slides and speaker notes) with
// the file-text library's reader, which also refuses zip bombs (declared sizes, then each entry
// inflated once in bounded memory). For the three office formats, the text their readers leave out
// too (headers, footers, comments, charts, document properties), and a PDF page's runs in the order
// they are seen, as the server reads them. Anything else: no text (the policy then decides on the
// file's name and type alone).
import * as pdfjs from 'pdfjs-dist';
import * as pdfWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { mainPart, officeExtraText, pptxText, zipEntries } from '@airlock/file-text/office-zip';
import { pdfPageText } from '@airlock/file-text/pdf-layout';

export interface Extracted {
  text?: string;
  error?: string;
  /** The text went on beyond MAX_TEXT: only its beginning is in `text`. */
  truncated?: boolean;
}

const TEXT_EXTENSIONS = new Set([
  'txt', 'md', 'csv', 'tsv', 'json', 'jsonl', 'xml', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'log', 'env', 'pem', 'key', 'html', 'htm', 'css',
  'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'py', 'java', 'kt', 'go', 'rs', 'c', 'h', 'cc', 'cpp', 'hpp', 'cs', 'rb', 'php', 'swift', 'scala', 'sql', 'sh', 'ps1', 'r', 'm', 'pl',
]);

function extOf(name: string): string {
  const base = name.toLowerCase();
  if (base === '.env' || base.startsWith('.env.')) return 'env';
  const dot = base.lastIndexOf('.');
  return dot >= 0 ? base.slice(dot + 1) : '';
}

/**
 * Text at most this long (UTF-16 code units) is inspected: a file within maxUploadBytes whose text
 * is longer (a compressed DOCX or XLSX can hold several times its size in text) is reported as
 * truncated, and the caller treats it as not fully inspectable.
 */
const MAX_TEXT = 32 * 1024 * 1024;

function bounded(text: string): Extracted {
  return text.length > MAX_TEXT ? { text: text.slice(0, MAX_TEXT), truncated: true } : { text };
}

export async function extractText(file: File, _workerUrl: string): Promise<Extracted> {
  const ext = extOf(file.name);
  const type = file.type;
  try {
    if (TEXT_EXTENSIONS.has(ext) || type.startsWith('text/') || type === 'application/json') return bounded(await file.text());
    if (ext === 'pdf' || type === 'application/pdf') return bounded(await pdfText(await file.arrayBuffer()));
    if (ext !== 'pptx' && ext !== 'docx' && ext !== 'xlsx') return {};
    // Office files are zips: entries counted and declared sizes summed before anything is inflated.
    const data = await file.arrayBuffer();
    const bytes = new Uint8Array(data);
    zipEntries(bytes);
    let main: string;
    if (ext === 'pptx') main = pptxText(bytes);
    else if (ext === 'docx') {
      const mod = (await import('mammoth/mammoth.browser.js')) as typeof import('mammoth/mammoth.browser.js') & { default?: typeof import('mammoth/mammoth.browser.js') };
      const mammoth = mod.default ?? mod;
      main = (await mammoth.extractRawText({ arrayBuffer: data })).value;
    } else main = await xlsxText(data);
    if (main.length > MAX_TEXT) return bounded(main);
    // the main document was read by mammoth: not again
    const extra = officeExtraText(bytes, ext as 'docx' | 'xlsx' | 'pptx', ext === 'docx' ? [mainPart(bytes, 'word/document.xml')] : []);
    return bounded(extra ? `${main}\n\n${extra}` : main);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

async function pdfText(data: ArrayBuffer): Promise<string> {
  // pdf.js runs its "worker" on this thread when it finds the worker module here.
  (globalThis as unknown as { pdfjsWorker: unknown }).pdfjsWorker = pdfWorker;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: true }).promise;
  const parts: string[] = [];
  let length = 0;
  for (let i = 1; i <= doc.numPages && length <= MAX_TEXT; i++) {
    const page = await doc.getPage(i);
    const text = pdfPageText((await page.getTextContent()).items);
    parts.push(text);
    length += text.length;
  }
  await doc.destroy();
  return parts.join('\n');
}

async function xlsxText(data: ArrayBuffer): Promise<string> {
  const mod = (await import('exceljs')) as unknown as { Workbook?: new () => ExcelWorkbook; default?: { Workbook: new () => ExcelWorkbook } };
  const Workbook = mod.Workbook ?? mod.default?.Workbook;
  if (!Workbook) throw new Error('ExcelJS did not load');
  const wb = new Workbook();
  await wb.xlsx.load(data);
  // A sheet whose one long shared string fills every cell holds gigabytes of text in a few hundred
  // KB: reading stops past MAX_TEXT (the caller marks the text truncated), before the tab runs out
  // of memory.
  const lines: string[] = [];
  let length = 0;
  wb.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      if (length > MAX_TEXT) return;
      const cells: string[] = [];
      row.eachCell((cell) => {
        if (length > MAX_TEXT) return;
        const text = cell.text;
        cells.push(text);
        length += text.length + 1;
      });
      lines.push(cells.join('\t'));
    });
  });
  return lines.join('\n');
}

interface ExcelWorkbook {
  xlsx: { load(data: ArrayBuffer): Promise<unknown> };
  eachSheet(fn: (sheet: { eachRow(fn: (row: { eachCell(fn: (cell: { text: string }) => void): void }) => void): void }) => void): void;
}
