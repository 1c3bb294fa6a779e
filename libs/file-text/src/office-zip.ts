/**
 * Office files are zip archives: their entries are counted and their declared sizes summed before
 * anything is inflated, then each is inflated once in bounded memory to check it is no larger than
 * declared; a PPTX's text is read from its slides' DrawingML here, and the text of every office
 * file that its reader leaves out (headers, footers, comments, notes, charts) too. Only fflate: the
 * browser extension bundles this part without pdf.js, mammoth or ExcelJS.
 */
import { Inflate, unzipSync } from 'fflate';

export interface FileTextLimits {
  /** UTF-16 code units of text returned at most */
  maxText: number;
  /** declared uncompressed size of an office file's entries together */
  maxUnzippedBytes: number;
  /** entries of an office file */
  maxZipEntries: number;
  /** time spent reading a PDF's pages: the pages after are left out (`truncated`) */
  maxPdfMillis: number;
}

export const FILE_TEXT_LIMITS: FileTextLimits = { maxText: 32 * 1024 * 1024, maxUnzippedBytes: 256 * 1024 * 1024, maxZipEntries: 20_000, maxPdfMillis: 12_000 };

export class FileTextError extends Error {}

/** The entries of a zip archive with their declared sizes, nothing inflated: counted and summed against the limits. */
export function zipNames(data: Uint8Array, limits: FileTextLimits = FILE_TEXT_LIMITS): string[] {
  const names: string[] = [];
  let total = 0;
  unzipSync(data, {
    filter(f) {
      names.push(f.name);
      total += f.originalSize;
      if (names.length > limits.maxZipEntries) throw new FileTextError(`the archive has more than ${limits.maxZipEntries} entries`);
      if (total > limits.maxUnzippedBytes) throw new FileTextError(`the archive would unpack to more than ${Math.round(limits.maxUnzippedBytes / 1048576)} MiB`);
      return false;
    },
  });
  return names;
}

interface DirectoryEntry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  offset: number;
}

/**
 * The central directory as readers of office files use it (mammoth and ExcelJS through JSZip: each
 * entry's data is found from its directory record, whatever its local header says), zip64 included.
 */
function directory(data: Uint8Array): DirectoryEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 0x100000000;
  const broken = () => new FileTextError('the archive is damaged (its directory points outside the file)');
  let end = data.length - 22;
  while (end >= 0 && end >= data.length - 22 - 65535 && u32(end) !== 0x06054b50) end--;
  if (end < 0 || end < data.length - 22 - 65535) throw new FileTextError('the archive is damaged (no central directory)');
  let count = u16(end + 10);
  let at = u32(end + 16);
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && u32(end - 20) === 0x07064b50) {
    const z = u64(end - 12);
    if (z + 56 > data.length || u32(z) !== 0x06064b50) throw broken();
    count = u64(z + 32);
    at = u64(z + 48);
  }
  const entries: DirectoryEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(at) !== 0x02014b50) throw broken();
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const entry = { name: decoder.decode(data.subarray(at + 46, at + 46 + nameLength)), method: u16(at + 10), compressed: u32(at + 20), declared: u32(at + 24), offset: u32(at + 42) };
    // zip64: the sizes and offset that do not fit in 32 bits, in this order, in extra field 0x0001.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
      if (u16(x) !== 1) continue;
      let f = x + 4;
      if (entry.declared === 0xffffffff) {
        entry.declared = u64(f);
        f += 8;
      }
      if (entry.compressed === 0xffffffff) {
        entry.compressed = u64(f);
        f += 8;
      }
      if (entry.offset === 0xffffffff) entry.offset = u64(f);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return entries;
}

/** An entry's data as stored (compressed), found from its directory record and local header. */
function entryData(data: Uint8Array, e: DirectoryEntry): Uint8Array {
  if (e.offset + 30 > data.length) throw new FileTextError('the archive is damaged (its directory points outside the file)');
  const view = new DataView(data.buffer, data.byteOffset + e.offset, 30);
  if (view.getUint32(0, true) !== 0x04034b50) throw new FileTextError('the archive is damaged (an entry has no local header)');
  const start = e.offset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + e.compressed > data.length) throw new FileTextError('the archive is damaged (an entry runs past the end of the file)');
  return data.subarray(start, start + e.compressed);
}

class TooLarge extends Error {}

/** Inflates `compressed` only to count its bytes, 64 KiB at a time, stopping as soon as they pass `limit`. */
function inflatesWithin(compressed: Uint8Array, limit: number): boolean {
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
  });
  try {
    for (let i = 0; i < compressed.length; i += 65536) inflate.push(compressed.subarray(i, i + 65536), i + 65536 >= compressed.length);
    if (compressed.length === 0) inflate.push(compressed, true);
  } catch (err) {
    if (err instanceof TooLarge) return false;
    throw new FileTextError('the archive is damaged (an entry does not inflate)');
  }
  return true;
}

/**
 * The entries of an office file, checked before a reader opens it: counted, their declared sizes
 * summed against the limits, no name twice (readers disagree on which one counts, so the text read
 * could be another than the one shown), and each entry inflated once, in bounded memory, to check it
 * unpacks to no more than it declares: a zip can lie about its sizes, and the readers trust none of
 * them (JSZip inflates an entry whole whatever its directory says).
 */
export function zipEntries(data: Uint8Array, limits: FileTextLimits = FILE_TEXT_LIMITS): string[] {
  const names = zipNames(data, limits);
  const seen = new Set<string>();
  for (const e of directory(data)) {
    if (seen.has(e.name)) throw new FileTextError(`the archive holds two entries named ${JSON.stringify(e.name.slice(0, 100))}`);
    seen.add(e.name);
    const lies = e.method === 8 ? !inflatesWithin(entryData(data, e), e.declared) : e.method === 0 && e.compressed > e.declared;
    if (lies) throw new FileTextError(`the archive's entry ${JSON.stringify(e.name.slice(0, 100))} unpacks to more than its directory declares (a zip bomb)`);
  }
  return names;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const TAG = /^<(\/?)(?:[\w.-]+:)?([\w.-]+)/;

/**
 * The text of XML by the local names of its elements, whatever prefix their namespace is given
 * (`<a:t>`, `<x:t>`), in one pass with no backtracking (a part of unclosed paragraphs costs what
 * its length does), pushed whole or in pieces (a part inflated as it is read, in bounded memory):
 * the character data and CDATA inside `text` elements, a line for each `lines` element, and
 * `breaks` for the elements that stand for a tab or a line break. Stops past `maxText`.
 */
export class MarkupReader {
  private rest = '';
  private line = '';
  private depth = 0;
  private readonly out: string[] = [];
  private length = 0;

  constructor(
    private readonly text: ReadonlySet<string>,
    private readonly lines: ReadonlySet<string>,
    private readonly breaks: Readonly<Record<string, string>> = {},
    private readonly maxText = Infinity,
  ) {}

  /** More text than `maxText` was read: the rest is not needed. */
  get full(): boolean {
    return this.length > this.maxText;
  }

  private flush(): void {
    if (this.line.trim()) {
      this.out.push(this.line);
      this.length += this.line.length + 1;
    }
    this.line = '';
  }

  /** The next piece of the XML; `final` for the last. */
  push(chunk: string, final = false): this {
    const xml = this.rest + chunk;
    this.rest = '';
    let i = 0;
    while (i < xml.length && !this.full) {
      const lt = xml.indexOf('<', i);
      if (lt === -1) {
        // Character data to the end of the piece: read now, except an entity it may cut in two.
        const amp = final ? -1 : xml.lastIndexOf('&');
        const end = amp >= i && xml.length - amp < 12 ? amp : xml.length;
        if (this.depth > 0) this.line += xmlText(xml.slice(i, end));
        this.rest = xml.slice(end);
        break;
      }
      if (this.depth > 0 && lt > i) this.line += xmlText(xml.slice(i, lt));
      const cdata = xml.startsWith('<![CDATA[', lt);
      if (cdata || xml.startsWith('<!--', lt)) {
        const close = xml.indexOf(cdata ? ']]>' : '-->', lt);
        if (close === -1 && !final) {
          this.rest = xml.slice(lt);
          break;
        }
        if (cdata && this.depth > 0) this.line += xml.slice(lt + 9, close === -1 ? xml.length : close);
        i = close === -1 ? xml.length : close + 3;
        continue;
      }
      const gt = xml.indexOf('>', lt);
      if (gt === -1) {
        if (!final) this.rest = xml.slice(lt);
        break;
      }
      i = gt + 1;
      const m = TAG.exec(xml.slice(lt, Math.min(gt, lt + 256)));
      if (!m) continue;
      const closing = m[1] === '/';
      const local = m[2]!;
      const selfClosing = xml[gt - 1] === '/';
      if (this.lines.has(local)) this.flush();
      if (this.text.has(local)) {
        if (closing) this.depth = Math.max(0, this.depth - 1);
        else if (!selfClosing) this.depth++;
      } else if (!closing && this.breaks[local] !== undefined) this.line += this.breaks[local];
    }
    if (final || this.full) {
      this.rest = '';
      this.flush();
    }
    return this;
  }

  /** The lines read. */
  result(): string {
    return this.out.join('\n');
  }
}

export function markupText(xml: string, text: ReadonlySet<string>, lines: ReadonlySet<string>, breaks: Readonly<Record<string, string>> = {}): string {
  return new MarkupReader(text, lines, breaks).push(xml, true).result();
}

const set = (...names: string[]) => new Set(names);
const DML_TEXT = set('t');
const DML_LINES = set('p');
const DML_BREAKS = { br: '\n' };

/** The paragraphs of DrawingML (slides, notes): each `<a:p>` a line, its `<a:t>` runs joined, `<a:br/>` a line break. */
export function drawingMlText(xml: string): string {
  return markupText(xml, DML_TEXT, DML_LINES, DML_BREAKS);
}

const slideNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);

/** A PPTX's slides in order, each followed by its speaker notes, then its other text (officeExtraText). */
export function pptxText(data: Uint8Array, limits: FileTextLimits = FILE_TEXT_LIMITS): string {
  zipEntries(data, limits);
  const files = unzipSync(data, { filter: (f) => /^ppt\/(slides\/slide|notesSlides\/notesSlide)\d+\.xml$/.test(f.name) });
  const decoder = new TextDecoder('utf-8');
  const slides = Object.keys(files).filter((n) => n.startsWith('ppt/slides/')).sort((a, b) => slideNumber(a) - slideNumber(b));
  const parts: string[] = [];
  for (const s of slides) {
    parts.push(drawingMlText(decoder.decode(files[s])));
    const notes = files[`ppt/notesSlides/notesSlide${slideNumber(s)}.xml`];
    if (notes) parts.push(drawingMlText(decoder.decode(notes)));
  }
  parts.push(officeExtraText(data, 'pptx'));
  return parts.filter(Boolean).join('\n\n');
}


/** The text of WordprocessingML runs (`<w:t>`, deleted `<w:delText>`, tabs and breaks), a line per paragraph. */
const wordText = (xml: string) => markupText(xml, set('t', 'delText'), set('p'), { tab: '\t', br: '\n', cr: '\n' });
/** The text of some elements, a line for each element of `lines`. */
const elementsText = (xml: string, text: string[], lines: string[] = text) => markupText(xml, new Set(text), new Set(lines));

const commentText = (xml: string) => [elementsText(xml, ['text']), drawingMlText(xml)].filter(Boolean).join('\n');

/**
 * Where the readers do not look, by format: [part name, its text]. Every part of the format's
 * folder that can hold text, whatever it is named (a header can be called anything its relationship
 * says), except the ones read already and those without text (styles, settings, themes).
 */
const EXTRA_PARTS: Record<'docx' | 'xlsx' | 'pptx', [RegExp, (xml: string) => string][]> = {
  // mammoth reads the main document: not headers, footers, notes, comments, glossary.
  docx: [[/^word\/(?!(styles|stylesWithEffects|settings|fontTable|webSettings|numbering|people|commentsIds|commentsExtensible)\.xml$|theme\/|_rels\/)[^]*\.xml$/, wordText]],
  // ExcelJS's cell text: not comments (notes and threaded), headers and footers, text boxes, charts.
  xlsx: [
    [/^xl\/comments[^/]*\.xml$/, (xml) => elementsText(xml, ['t'], ['comment'])],
    [/^xl\/threadedComments\/[^/]+\.xml$/, (xml) => elementsText(xml, ['text'])],
    [/^xl\/(drawings|charts|diagrams)\/[^/]+\.xml$/, drawingMlText],
  ],
  // Slides and notes are read by pptxText: not comments, SmartArt, charts, masters and layouts.
  pptx: [
    [/^ppt\/comments\/[^/]+\.xml$/, commentText],
    [/^ppt\/(?!(slides\/slide|notesSlides\/notesSlide)\d+\.xml$|(presentation|presProps|viewProps|tableStyles|commentAuthors|authors)\.xml$|theme\/|comments\/|_rels\/|[^]*\/_rels\/)[^]*\.xml$/, drawingMlText],
  ],
};
/** The document's own description (not its author: a name in every file would read as personal data). */
const PROPERTIES: [RegExp, (xml: string) => string][] = [
  [/^docProps\/core\.xml$/, (xml) => elementsText(xml, ['title', 'subject', 'description', 'keywords', 'category'])],
  [/^docProps\/custom\.xml$/, (xml) => elementsText(xml, ['lpwstr', 'lpstr'])],
];

const HEADER_FOOTER = strToBytes('<headerFooter');
function strToBytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}
function lastIndexOfBytes(data: Uint8Array, needle: Uint8Array): number {
  for (let i = data.lastIndexOf(needle[0]!); i !== -1; i = i === 0 ? -1 : data.lastIndexOf(needle[0]!, i - 1)) {
    let j = 1;
    while (j < needle.length && data[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/**
 * The text an office file holds outside what its reader returns (see EXTRA_PARTS), and its title,
 * subject, description, keywords and custom properties: a secret in a DOCX footer, an XLSX cell
 * comment or a slide's comment is inspected too. Call after zipEntries (sizes checked).
 */
export function officeExtraText(data: Uint8Array, format: 'docx' | 'xlsx' | 'pptx', read: readonly string[] = []): string {
  const parts = [...EXTRA_PARTS[format], ...PROPERTIES];
  const sheet = /^xl\/worksheets\/[^/]+\.xml$/;
  const files = unzipSync(data, { filter: (f) => !read.includes(f.name) && (parts.some(([re]) => re.test(f.name)) || (format === 'xlsx' && sheet.test(f.name))) });
  const decoder = new TextDecoder('utf-8');
  const out: string[] = [];
  for (const name of Object.keys(files).sort()) {
    const bytes = files[name]!;
    if (format === 'xlsx' && sheet.test(name)) {
      // A sheet's headers and footers come after its cells: read from there, not the whole sheet again.
      const at = lastIndexOfBytes(bytes, HEADER_FOOTER);
      if (at !== -1) out.push(elementsText(decoder.decode(bytes.subarray(at)), ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter']).replace(/&[LCR]/g, ' ').trim());
      continue;
    }
    const part = parts.find(([re]) => re.test(name));
    if (part) out.push(part[1](decoder.decode(bytes)).trim());
  }
  return out.filter(Boolean).join('\n\n');
}

/** The main part of an office file, as its package relationships (`_rels/.rels`) name it, or `fallback`. */
export function mainPart(data: Uint8Array, fallback: string): string {
  const rels = unzipSync(data, { filter: (f) => f.name === '_rels/.rels' })['_rels/.rels'];
  if (!rels) return fallback;
  for (const [tag] of new TextDecoder('utf-8').decode(rels).matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    if (!/\bType="[^"]*\/officeDocument"/.test(tag)) continue;
    const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
    if (target) return target.replace(/^\.?\//, '');
  }
  return fallback;
}

/** The size an entry declares, or undefined when the archive has no such entry. */
export function declaredSize(data: Uint8Array, name: string): number | undefined {
  return directory(data).find((e) => e.name === name)?.declared;
}

/**
 * A Word document's text read from its main part as it is inflated (64 KiB of compressed data at a
 * time, never the whole part in memory), up to `maxText`: for documents too large for mammoth, which
 * builds the whole document in memory (16 MB of XML outgrows a 512 MB heap). Runs of text and
 * deleted text, a line per paragraph. Call after zipEntries (sizes checked).
 */
export function wordDocumentText(data: Uint8Array, part: string, maxText: number): string {
  const entry = directory(data).find((e) => e.name === part);
  if (!entry) throw new FileTextError(`the document has no main part (${part.slice(0, 100)})`);
  const reader = new MarkupReader(set('t', 'delText'), set('p'), { tab: '\t', br: '\n', cr: '\n' }, maxText);
  const decoder = new TextDecoder('utf-8');
  const stored = entryData(data, entry);
  if (entry.method === 0) return reader.push(decoder.decode(stored), true).result();
  const inflate = new Inflate((chunk, final) => {
    reader.push(decoder.decode(chunk, { stream: !final }), final);
    if (reader.full) throw new TooLarge();
  });
  try {
    for (let i = 0; i < stored.length; i += 65536) inflate.push(stored.subarray(i, i + 65536), i + 65536 >= stored.length);
  } catch (err) {
    if (!(err instanceof TooLarge)) throw new FileTextError('the archive is damaged (an entry does not inflate)');
  }
  return reader.push('', true).result();
}
