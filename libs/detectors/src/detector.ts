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

export function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Digits of `s` without separators. */
export function digitsOf(s: string): string {
  return s.replace(/\D+/g, '');
}
