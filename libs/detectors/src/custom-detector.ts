import { RE2JS } from 're2js';
import { AhoCorasick } from './aho-corasick';
import type { DataClassId } from './data-class';
import type { Finding } from './finding';

export interface CustomDetectorDef {
  id: string;
  name: string;
  kind: 'keywords' | 'dictionary' | 'regex';
  dataClass: DataClassId;
  patterns: string[];
  /** default: false for keywords and dictionary, true for regex */
  caseSensitive?: boolean;
  /** default: true for keywords and dictionary, false for regex */
  wholeWord?: boolean;
  enabled?: boolean;
}

export interface ValidationError {
  path: string;
  message: string;
}
export type ValidationResult = { ok: true } | { ok: false; errors: ValidationError[] };

/** Limits on what one custom detector may hold. */
export const CUSTOM_DETECTOR_LIMITS = {
  keywords: { maxPatterns: 1000, maxLength: 200 },
  dictionary: { maxPatterns: 50000, maxLength: 200 },
  regex: { maxPatterns: 50, maxLength: 1000 },
} as const;

export class CustomDetectorError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('invalid custom detector: ' + errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    this.name = 'CustomDetectorError';
  }
}

const KINDS = ['keywords', 'dictionary', 'regex'] as const;

function re2Flags(def: CustomDetectorDef): number {
  const cs = def.caseSensitive ?? def.kind === 'regex';
  return cs ? 0 : RE2JS.CASE_INSENSITIVE;
}

/**
 * Check a custom detector before it is saved: shape, limits, and for regexes that RE2 (re2js)
 * accepts them (no backreferences or lookaround) and that they cannot match the empty string.
 */
export function validateCustomDetector(def: unknown): ValidationResult {
  const errors: ValidationError[] = [];
  if (typeof def !== 'object' || def === null) return { ok: false, errors: [{ path: '', message: 'must be an object' }] };
  const d = def as Record<string, unknown>;
  if (typeof d.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(d.id)) {
    errors.push({ path: 'id', message: 'must be 1-64 letters, digits, dot, dash or underscore' });
  }
  if (typeof d.name !== 'string' || d.name.trim().length === 0 || d.name.length > 100) errors.push({ path: 'name', message: 'must be 1-100 characters' });
  if (typeof d.dataClass !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(d.dataClass)) {
    errors.push({ path: 'dataClass', message: 'must be a data class id (lowercase letters, digits, underscore)' });
  }
  for (const k of ['caseSensitive', 'wholeWord', 'enabled'] as const) {
    if (d[k] !== undefined && typeof d[k] !== 'boolean') errors.push({ path: k, message: 'must be a boolean' });
  }
  if (!KINDS.includes(d.kind as (typeof KINDS)[number])) {
    errors.push({ path: 'kind', message: 'must be one of keywords, dictionary, regex' });
    return { ok: false, errors };
  }
  const kind = d.kind as CustomDetectorDef['kind'];
  const limits = CUSTOM_DETECTOR_LIMITS[kind];
  if (!Array.isArray(d.patterns) || d.patterns.length === 0) {
    errors.push({ path: 'patterns', message: 'must be a non-empty array of strings' });
    return { ok: false, errors };
  }
  if (d.patterns.length > limits.maxPatterns) errors.push({ path: 'patterns', message: `at most ${limits.maxPatterns} patterns for ${kind}` });
  d.patterns.forEach((p: unknown, i: number) => {
    const path = `patterns[${i}]`;
    if (typeof p !== 'string' || p.trim().length === 0) {
      errors.push({ path, message: 'must be a non-empty string' });
      return;
    }
    if (p.length > limits.maxLength) {
      errors.push({ path, message: `must be at most ${limits.maxLength} characters` });
      return;
    }
    if (kind === 'regex' && errors.length < 100) {
      try {
        const re = RE2JS.compile(p, re2Flags(d as unknown as CustomDetectorDef));
        if (re.matches('')) errors.push({ path, message: 'must not match the empty string' });
      } catch (e) {
        errors.push({ path, message: 'not a valid RE2 regular expression: ' + (e instanceof Error ? e.message : String(e)) });
      }
    }
  });
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** A compiled custom detector. */
export interface CompiledCustomDetector {
  readonly def: CustomDetectorDef;
  detect(text: string, out: Finding[]): void;
}

/** Compile a (valid) custom detector; throws CustomDetectorError when it is not. */
export function compileCustomDetector(def: CustomDetectorDef): CompiledCustomDetector {
  const v = validateCustomDetector(def);
  if (!v.ok) throw new CustomDetectorError(v.errors);
  const detector = 'custom:' + def.id;
  const dataClass = def.dataClass;
  if (def.kind === 'regex') {
    const wholeWord = def.wholeWord ?? false;
    const source = def.patterns.map((p) => '(?:' + p + ')').join('|');
    const re = RE2JS.compile(wholeWord ? '\\b(?:' + source + ')\\b' : source, re2Flags(def));
    return {
      def,
      detect(text, out) {
        const m = re.matcher(text);
        while (m.find()) {
          const start = m.start(), end = m.end();
          if (end > start) out.push({ dataClass, detector, start, end, confidence: 0.9 });
        }
      },
    };
  }
  const patterns = def.patterns.map((p) => p.trim());
  const ac = new AhoCorasick(patterns, { caseSensitive: def.caseSensitive ?? false, wholeWord: def.wholeWord ?? true });
  const confidence = def.kind === 'dictionary' ? 0.9 : 0.8;
  return {
    def,
    detect(text, out) {
      for (const h of ac.search(text)) out.push({ dataClass, detector, start: h.start, end: h.end, confidence });
    },
  };
}

/** Run one custom detector on a sample (admin UI "test" button). Throws CustomDetectorError when invalid. */
export function testCustomDetector(def: CustomDetectorDef, sample: string): Finding[] {
  const out: Finding[] = [];
  compileCustomDetector({ ...def, enabled: true }).detect(sample, out);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
