/**
 * Office files are zip archives: their entries are counted and their declared sizes summed before
 * anything is inflated, and a PPTX's text is read from its slides' DrawingML here. Only fflate:
 * the browser extension bundles this part without pdf.js, mammoth or ExcelJS.
 */
import { unzipSync } from 'fflate';

export interface FileTextLimits {
  /** UTF-16 code units of text returned at most */
  maxText: number;
  /** declared uncompressed size of an office file's entries together */
  maxUnzippedBytes: number;
  /** entries of an office file */
  maxZipEntries: number;
}

export const FILE_TEXT_LIMITS: FileTextLimits = { maxText: 32 * 1024 * 1024, maxUnzippedBytes: 256 * 1024 * 1024, maxZipEntries: 20_000 };

export class FileTextError extends Error {}

/** The entries of a zip archive with their declared sizes, nothing inflated. */
export function zipEntries(data: Uint8Array, limits: FileTextLimits = FILE_TEXT_LIMITS): string[] {
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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The paragraphs of DrawingML (slides, notes): each `<a:p>` a line, its `<a:t>` runs joined, `<a:br/>` a line break. */
export function drawingMlText(xml: string): string {
  const lines: string[] = [];
  for (const p of xml.match(/<a:p\b[^>]*>[\s\S]*?<\/a:p>/g) ?? []) {
    let line = '';
    for (const m of p.matchAll(/<a:t(?:\s[^>]*)?>([\s\S]*?)<\/a:t>|<a:br\b[^>]*\/>/g)) line += m[1] === undefined ? '\n' : xmlText(m[1]);
    if (line.trim()) lines.push(line);
  }
  return lines.join('\n');
}

const slideNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);

/** A PPTX's slides in order, each followed by its speaker notes. */
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
  return parts.filter(Boolean).join('\n\n');
}

