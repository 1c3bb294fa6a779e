import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The languages of a fenced block that a reader would paste into a shell. */
export const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console', 'zsh']);

export interface FencedBlock {
  /** Relative to the repository, e.g. docs/api.md. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  body: string;
  /** The reason in `<!-- not-run: reason -->` right before the block, if any. */
  notRun?: string;
  /** The fenced block right after this one (only blank lines between): its documented output. */
  next?: FencedBlock;
}

/** README.md and every docs/**\/*.md. */
export function documentationFiles(root: string): string[] {
  const files = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.md')) files.push(rel);
    }
  };
  walk('docs');
  return files;
}

/** Every fenced block of a Markdown file, with the `not-run` mark before it and the block after it. */
export function fencedBlocks(root: string, file: string): FencedBlock[] {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const blocks: FencedBlock[] = [];
  let previous: { block: FencedBlock; end: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence); i++) body.push(lines[i]!);
    // The mark: an HTML comment on the closest non-blank line above the fence.
    let k = start - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    const mark = k >= 0 ? /^<!--\s*not-run:\s*([\s\S]*?)\s*-->\s*$/.exec(lines[k]!.trim()) : null;
    const block: FencedBlock = { file, line: start + 1, lang: open[3]!.toLowerCase(), body: body.join('\n'), notRun: mark?.[1] };
    if (previous && lines.slice(previous.end + 1, start).every((l) => l.trim() === '')) previous.block.next = block;
    blocks.push(block);
    previous = { block, end: i };
  }
  return blocks;
}

/** An unlabelled block that looks like commands: it should say which shell it is for. */
export function looksLikeCommands(block: FencedBlock): boolean {
  return block.lang === '' && /^\s*(\$ |npm |npx |curl |docker |node |apt-get |export )/m.test(block.body);
}

/**
 * Whether `actual` has everything `documented` shows. The documentation abbreviates: `...` inside a
 * string stands for any text, `, ...` at the end of an array or object for more elements; arrays are
 * compared element by element from the start, objects by the keys the documentation names.
 */
export function documentedJson(text: string): unknown {
  const cleaned = text.replace(/,\s*\.\.\.\s*(?=[\]}])/g, '').replace(/\/\/[^\n"]*$/gm, '');
  return JSON.parse(cleaned);
}

export function mismatches(actual: unknown, documented: unknown, at = '$'): string[] {
  if (typeof documented === 'string') {
    if (documented.includes('...')) {
      const pattern = new RegExp(`^${documented.split('...').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
      return typeof actual === 'string' && pattern.test(actual) ? [] : [`${at}: ${JSON.stringify(actual)} does not match ${JSON.stringify(documented)}`];
    }
  }
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual)) return [`${at}: not an array: ${JSON.stringify(actual)}`];
    if (actual.length < documented.length) return [`${at}: ${actual.length} elements, the documentation shows ${documented.length}`];
    return documented.flatMap((d, i) => mismatches(actual[i], d, `${at}[${i}]`));
  }
  if (documented !== null && typeof documented === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${at}: not an object: ${JSON.stringify(actual)}`];
    return Object.entries(documented).flatMap(([k, d]) => mismatches((actual as Record<string, unknown>)[k], d, `${at}.${k}`));
  }
  return Object.is(actual, documented) ? [] : [`${at}: ${JSON.stringify(actual)}, the documentation shows ${JSON.stringify(documented)}`];
}
