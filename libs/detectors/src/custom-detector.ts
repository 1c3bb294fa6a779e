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

/**
 * Bounds on what a custom regex may cost. RE2 matches in time linear in the text, but the constant
 * grows with the compiled program, which counted repetitions expand (`.{0,1000}` is ~2,000
 * instructions; twenty of them ~40,000, and compiling alone takes half a second). So:
 * - each pattern's RE2 program (re2js `programSize()`) may hold at most `maxProgramSize`
 *   instructions, and the detector's patterns together (they run as one alternation)
 *   `maxDetectorProgramSize`; a pattern whose counted repetitions expand beyond `maxProgramSize`
 *   is refused before it is compiled;
 * - per decision, a custom regex looks at the first `scanBudget / max(programSize, 100)` characters
 *   of the text (200,000 for a small pattern, 4,000 for the largest allowed detector), so its work
 *   per decision is bounded whatever the text; built-in detectors and keyword lists see everything.
 */
export const CUSTOM_REGEX_LIMITS = {
  maxProgramSize: 2000,
  maxDetectorProgramSize: 5000,
  scanBudget: 20_000_000,
  minProgramCost: 100,
} as const;

/** How many characters of a text a custom regex of this program size looks at (see CUSTOM_REGEX_LIMITS). */
export function customRegexScanLimit(programSize: number): number {
  return Math.floor(CUSTOM_REGEX_LIMITS.scanBudget / Math.max(programSize, CUSTOM_REGEX_LIMITS.minProgramCost));
}

/**
 * An upper estimate of the size of a pattern once its counted repetitions are expanded (one unit
 * per literal, class or escape; `x{n,m}` counts x max(n, m) times; groups nest), computed without
 * compiling, so a pattern whose compilation alone would take long is refused cheaply.
 */
export function expandedRegexSize(pattern: string): number {
  const frames: { total: number; last: number }[] = [{ total: 0, last: 0 }];
  const top = () => frames[frames.length - 1]!;
  const atom = (size: number) => {
    const f = top();
    f.total += size;
    f.last = size;
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const stop = end < 0 ? pattern.length : end;
        for (let k = i + 2; k < stop; k++) atom(1);
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      i += 2;
      if ((next === 'p' || next === 'P' || next === 'x') && pattern[i] === '{') i = Math.max(i, pattern.indexOf('}', i) + 1 || pattern.length);
      atom(1);
    } else if (c === '[') {
      let k = i + 1;
      if (pattern[k] === '^') k++;
      if (pattern[k] === ']') k++;
      while (k < pattern.length && pattern[k] !== ']') k += pattern[k] === '\\' ? 2 : pattern.startsWith('[:', k) ? Math.max(1, pattern.indexOf(':]', k) + 2 - k) : 1;
      i = k + 1;
      atom(1);
    } else if (c === '(') {
      // (?flags) sets flags and opens nothing; (?:, (?flags:, (?P<name> and (?<name> open a group.
      const m = /^\(\?(?:P?<[^>]*>|[a-zA-Z-]*[:)])/.exec(pattern.slice(i, i + 64));
      if (m?.[0].endsWith(')')) {
        i += m[0].length;
        continue;
      }
      frames.push({ total: 0, last: 0 });
      i += m ? m[0].length : 1;
    } else if (c === ')') {
      const f = frames.length > 1 ? frames.pop()! : { total: 0, last: 0 };
      i++;
      atom(f.total + 1);
    } else if (c === '|') {
      top().last = 0;
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i, i + 16));
      if (m) {
        const times = Math.max(Number(m[1]), m[2] ? Number(m[2]) : 0);
        const f = top();
        f.total += f.last * Math.max(0, times - 1);
        f.last *= Math.max(1, times);
        i += m[0].length;
      } else {
        atom(1);
        i++;
      }
    } else {
      atom(1);
      i++;
    }
  }
  while (frames.length > 1) {
    const f = frames.pop()!;
    top().total += f.total;
  }
  return top().total;
}

/** The one RE2 program a regex detector runs: its patterns as one alternation, and its flags. */
export function customRegexSource(def: Pick<CustomDetectorDef, 'patterns' | 'kind' | 'caseSensitive' | 'wholeWord'>): { source: string; flags: number } {
  const source = def.patterns.map((p) => '(?:' + p + ')').join('|');
  return { source: (def.wholeWord ?? false) ? '\\b(?:' + source + ')\\b' : source, flags: re2Flags(def) };
}

export class CustomDetectorError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('invalid custom detector: ' + errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    this.name = 'CustomDetectorError';
  }
}

const KINDS = ['keywords', 'dictionary', 'regex'] as const;

function re2Flags(def: Pick<CustomDetectorDef, 'kind' | 'caseSensitive'>): number {
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
      const { maxProgramSize } = CUSTOM_REGEX_LIMITS;
      const expanded = expandedRegexSize(p);
      if (expanded > maxProgramSize) {
        errors.push({ path, message: `too costly: its counted repetitions expand to about ${expanded} steps, over the limit of ${maxProgramSize} (use smaller counts such as {0,100} instead of {0,1000})` });
        return;
      }
      try {
        const re = RE2JS.compile(p, re2Flags(d as unknown as CustomDetectorDef));
        const size = re.matcher('').programSize();
        if (size > maxProgramSize) errors.push({ path, message: `too costly: RE2 compiles it to ${size} instructions, over the limit of ${maxProgramSize} (use smaller repetition counts)` });
        else if (re.matches('')) errors.push({ path, message: 'must not match the empty string' });
      } catch (e) {
        errors.push({ path, message: 'not a valid RE2 regular expression: ' + (e instanceof Error ? e.message : String(e)) });
      }
    }
  });
  if (kind === 'regex' && errors.length === 0) {
    const { source, flags } = customRegexSource(d as unknown as CustomDetectorDef);
    const size = RE2JS.compile(source, flags).matcher('').programSize();
    const max = CUSTOM_REGEX_LIMITS.maxDetectorProgramSize;
    if (size > max) errors.push({ path: 'patterns', message: `too costly together: RE2 compiles them to ${size} instructions, over the limit of ${max} for one detector` });
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** A compiled custom detector. */
export interface CompiledCustomDetector {
  readonly def: CustomDetectorDef;
  detect(text: string, out: Finding[]): void;
}

/**
 * Compile a (valid) custom detector; throws CustomDetectorError when it is not. A regex detector
 * saved before the cost limits existed still compiles (refusing it would stop its policy version
 * from loading); its scan limit keeps its cost per decision bounded.
 */
export function compileCustomDetector(def: CustomDetectorDef): CompiledCustomDetector {
  const v = validateCustomDetector(def);
  if (!v.ok && !v.errors.every((e) => e.message.startsWith('too costly'))) throw new CustomDetectorError(v.errors);
  const detector = 'custom:' + def.id;
  const dataClass = def.dataClass;
  if (def.kind === 'regex') {
    const { source, flags } = customRegexSource(def);
    const re = RE2JS.compile(source, flags);
    const scanLimit = customRegexScanLimit(re.matcher('').programSize());
    return {
      def,
      detect(text, out) {
        const m = re.matcher(text.length > scanLimit ? text.slice(0, scanLimit) : text);
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
