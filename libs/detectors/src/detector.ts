import type { DataClassId } from './data-class';
import type { Finding } from './finding';
import type { KeywordHits } from './keyword-scan';

/** One entry of the detector catalogue shown to admins. */
export interface DetectorInfo {
  readonly id: string;
  readonly dataClass: DataClassId;
  readonly description: string;
}

/** Settings a detector may read, resolved once per compiled inspector. */
export interface DetectorSettings {
  readonly allowEmailDomains: readonly string[];
  readonly markings: readonly string[];
  readonly defaultPhoneRegion: string;
}

/** What one inspection shares between detectors: the text, settings and the one-pass keyword index. */
export interface Scan {
  readonly text: string;
  readonly settings: DetectorSettings;
  readonly keywords: KeywordHits;
}

/**
 * A built-in detector: it reports the ids (catalogue entries) it may emit and appends findings.
 * Detectors must be linear in the text length and should use `scan.keywords` or indexOf as a
 * prefilter before running anything per candidate.
 */
export interface Detector {
  readonly entries: readonly DetectorInfo[];
  detect(scan: Scan, out: Finding[]): void;
}

/**
 * First match of global (g) regex `re` starting in text[from, to) and ending by `to` + 64, with indices
 * into `text`. Runs on a bounded window, so a context-anchored search never scans the whole text.
 */
export function firstMatch(re: RegExp, text: string, from: number, to: number): { index: number; 0: string } | undefined {
  const win = text.slice(from, Math.min(text.length, to + 64));
  re.lastIndex = 0;
  const m = re.exec(win);
  if (!m || m.index >= to - from) return undefined;
  return { index: from + m.index, 0: m[0] };
}

/**
 * Call `fn` for each window [hit - before, hit + after] around keyword hits of one kind, merging
 * windows that overlap, so a context-required detector scans only near its context words.
 */
export function forEachWindow(
  scan: Scan,
  kind: Parameters<KeywordHits['hits']>[0],
  before: number,
  after: number,
  fn: (windowStart: number, window: string) => void,
): void {
  const { starts, ends } = scan.keywords.hits(kind);
  const n = scan.text.length;
  for (let i = 0; i < starts.length; ) {
    const ws = Math.max(0, starts[i]! - before);
    let we = ends[i]! + after;
    i++;
    while (i < starts.length && starts[i]! - before <= we) we = ends[i++]! + after;
    fn(ws, scan.text.slice(ws, Math.min(n, we)));
  }
}

/**
 * Bounds of the line holding position `i`, looking at most `max` characters each way so that a
 * huge single-line input stays linear. A line cut by the bound is reported as [cutStart, cutEnd].
 */
export function lineAround(text: string, i: number, max = 400): [number, number] {
  const from = Math.max(0, i - max);
  const back = text.slice(from, i).lastIndexOf('\n');
  const fwd = text.slice(i, Math.min(text.length, i + max)).indexOf('\n');
  return [back === -1 ? from : from + back + 1, fwd === -1 ? Math.min(text.length, i + max) : i + fwd];
}

/** How many values of sorted `xs` are in [a, b]. */
export function countInRange(xs: readonly number[], a: number, b: number): number {
  return lowerBound(xs, b + 1) - lowerBound(xs, a);
}

/** The index of the first value of sorted `xs` at or after `v` (bisection). */
export function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
