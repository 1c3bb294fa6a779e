/**
 * The layout part of reading a PDF's text, without pdf.js itself: the server's reader
 * (index.ts) and the browser extension's (apps/extension/src/extract.ts) both order a page's
 * runs with it.
 */

interface PdfRun {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A page's text as it is seen: its runs grouped in lines by their baselines (top to bottom), each
 * line's runs in order from left to right, joined without a space where one ends where the next
 * begins. pdf.js gives the runs in the order they are drawn, and a PDF can draw the end of a word
 * before its start. A page with rotated text keeps the drawing order.
 */
export function pdfPageText(items: unknown[]): string {
  const runs: PdfRun[] = [];
  let rotated = false;
  for (const it of items) {
    if (!it || typeof it !== 'object' || !('str' in it)) continue;
    const { str, transform, width, height } = it as { str: unknown; transform?: unknown; width?: unknown; height?: unknown };
    const t = Array.isArray(transform) && transform.length >= 6 && transform.every((n) => typeof n === 'number') ? (transform as number[]) : null;
    if (!t || Math.abs(t[1]!) > 1e-6 || Math.abs(t[2]!) > 1e-6) rotated = true;
    const text = String(str);
    if (text) runs.push({ s: text, x: t?.[4] ?? 0, y: t?.[5] ?? 0, w: typeof width === 'number' ? width : 0, h: Math.abs(t?.[3] ?? 0) || (typeof height === 'number' ? height : 0) || 10 });
  }
  if (rotated) return runs.map((r) => r.s).join(' ');
  const order = runs.map((_, i) => i).sort((a, b) => runs[b]!.y - runs[a]!.y || a - b);
  const lines: PdfRun[][] = [];
  for (const i of order) {
    const run = runs[i]!;
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - run.y) <= Math.min(line[0]!.h, run.h) / 2) line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let out = '';
      let end = -Infinity;
      for (const r of line) {
        out += out && r.x - end > r.h * 0.15 && !/\s$/.test(out) && !/^\s/.test(r.s) ? ` ${r.s}` : r.s;
        end = Math.max(end, r.x + r.w);
      }
      return out;
    })
    .join('\n');
}
