import { AhoCorasick } from './aho-corasick';
import { type AllowedValue, AllowedValues } from './allowed-values';
import { BUILT_IN_DETECTORS } from './built-in-detectors';
import { compileCustomDetector, type CompiledCustomDetector, type CustomDetectorDef } from './custom-detector';
import type { DataClassId } from './data-class';
import type { Detector, DetectorSettings, Scan } from './detector';
import { markingConfidence } from './detectors/classification-marking-detector';
import { isDocumentationAddress } from './detectors/email-detector';
import type { Finding } from './finding';
import { KeywordHits } from './keyword-scan';
import { deobfuscate, foldCharacters, type OffsetMap } from './normalize';
import { TEST_CARD_NUMBERS } from './payment-card-brand';

export interface InspectorConfig {
  /** run only detectors for these classes; undefined = all */
  classes?: Iterable<string>;
  /** the organization's own e-mail domains (and their subdomains): not reported */
  allowEmailDomains?: string[];
  /** the organization's own classification markings */
  markings?: string[];
  custom?: CustomDetectorDef[];
  /** default 0.5 */
  minConfidence?: number;
  /** per data class, instead of minConfidence: `{ personal_data: 0.8 }` reports only surer names and phones */
  classThresholds?: Readonly<Record<string, number>>;
  /** values never reported (the organization's hotline, documented test cards), optionally per class */
  allowedValues?: readonly AllowedValue[];
  /** ISO 3166 region for national phone numbers, default 'US' */
  defaultPhoneRegion?: string;
}

/** Why a value a detector found does not count towards the decision (the simulator shows it). */
export type NotCountedReason = 'allowed_value' | 'test_value' | 'below_threshold';

/** A finding that was dropped, with the reason; `threshold` is the class's minimum confidence. */
export interface NotCountedFinding extends Finding {
  reason: NotCountedReason;
  threshold: number;
}

/** What `explain` answers: the findings `inspect` returns, and the ones it dropped with why. */
export interface Inspection {
  findings: Finding[];
  notCounted: NotCountedFinding[];
}

export interface Inspector {
  inspect(text: string): Finding[];
  /**
   * `inspect`, plus what was found but not counted (an allowed value, a documented test number,
   * under the class's minimum confidence). For the simulator only: the decision path calls `inspect`.
   */
  explain(text: string): Inspection;
  /** the data classes this inspector can report */
  readonly classes: ReadonlySet<string>;
  /** custom detectors that were skipped because they are invalid (fail closed: they never match) */
  readonly skipped: readonly { id: string; message: string }[];
}

/** Classes whose findings are whole blocks; they may overlap findings of any other class. */
const BLOCK_CLASSES = new Set<DataClassId>(['source_code', 'creative_work']);
/** Built-in point classes resolved against each other: one span is one thing. */
const POINT_CLASSES = new Set<DataClassId>(['credentials', 'personal_data', 'government_id', 'financial']);
/** Classes whose detectors run again on the deobfuscated view: the point classes, and health terms ("s-c-h-i-z-o-p-h-r-e-n-i-a"). */
const DEOBFUSCATED_CLASSES = new Set<DataClassId>([...POINT_CLASSES, 'health_data']);

function better(a: Finding, b: Finding): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return a.end - a.start > b.end - b.start;
}

/** Drop findings overlapped by a better one of the same class (or of another built-in point class), and those inside one of their class. */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  const groupOf = (f: Finding): string => (POINT_CLASSES.has(f.dataClass) && !f.detector.startsWith('custom:') ? '#point' : f.dataClass);
  const lastByGroup = new Map<string, number>();
  for (const f of findings) {
    const g = groupOf(f);
    if (BLOCK_CLASSES.has(f.dataClass)) {
      kept.push(f);
      continue;
    }
    const li = lastByGroup.get(g);
    const prev = li === undefined ? undefined : kept[li];
    if (prev && f.start < prev.end) {
      // a finding inside one of its own class is part of it (a town line of an address block read as a
      // name, a postcode read as a phone number): the whole is kept, whatever their confidences
      const inside = f.end <= prev.end && f.end - f.start < prev.end - prev.start && f.dataClass === prev.dataClass;
      if (!inside && better(f, prev)) {
        kept[li!] = f;
      }
      continue;
    }
    lastByGroup.set(g, kept.length);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A documented test value (a card network's 4111 1111 1111 1111, jane@example.com): never a real one. */
function isTestValue(text: string, f: Finding): boolean {
  if (f.detector === 'email') return isDocumentationAddress(text.slice(f.start, f.end));
  return f.detector === 'payment-card' && TEST_CARD_NUMBERS.has(text.slice(f.start, f.end).replace(/\D/g, ''));
}

function mapFinding(map: OffsetMap, f: Finding): void {
  const s = map.start(f.start);
  f.end = map.end(f.end);
  f.start = s;
}

/** How far before a finding of the deobfuscated view an edit may be its context word. */
const CONTEXT_BEFORE = 40;
/** Context kept around each deobfuscation edit when the point detectors run again. */
const EDIT_WINDOW = 256;

/**
 * Run the point detectors on the deobfuscated view of `text` (windows around its edits only, so the
 * cost follows the number of edits) and append, in `text` offsets, the findings that cross an edit.
 */
function deobfuscatedFindings(text: string, keywords: KeywordHits, settings: DetectorSettings, detectors: readonly Detector[], out: Finding[]): void {
  const b = deobfuscate(text, keywords);
  if (!b.map) return;
  const map = b.map;
  const { d0, d1 } = map.ranges();
  const n = b.text.length;
  for (let i = 0; i < d0.length; ) {
    const ws = Math.max(0, d0[i]! - EDIT_WINDOW);
    let we = Math.min(n, d1[i]! + EDIT_WINDOW);
    i++;
    while (i < d0.length && d0[i]! - EDIT_WINDOW <= we) we = Math.min(n, d1[i++]! + EDIT_WINDOW);
    const win = b.text.slice(ws, we);
    const found: Finding[] = [];
    const scan: Scan = { text: win, settings, keywords: new KeywordHits(win) };
    for (const d of detectors) d.detect(scan, found);
    for (const f of found) {
      if (!DEOBFUSCATED_CLASSES.has(f.dataClass)) continue;
      const s = ws + f.start, e = ws + f.end;
      // a finding that crosses no edit was found in the folded text already, unless an edit just
      // before it was its context word ("p a s s w o r d = …", "d-i-a-g-n-o-s-e-d with …")
      if (!map.touchesEdit(Math.max(0, s - CONTEXT_BEFORE), e)) continue;
      out.push({ ...f, start: map.start(s), end: map.end(e) });
    }
  }
}

/**
 * Compile the detectors for one configuration (once per published policy) and return an inspector
 * to reuse for every request. Invalid custom detectors are skipped and listed in `skipped`.
 */
export function compileInspector(config: InspectorConfig = {}): Inspector {
  const wanted = config.classes === undefined ? undefined : new Set<string>(config.classes);
  const want = (c: string): boolean => wanted === undefined || wanted.has(c);
  const builtins = BUILT_IN_DETECTORS.filter((d) => d.entries.some((e) => want(e.dataClass)));
  const settings: DetectorSettings = {
    allowEmailDomains: (config.allowEmailDomains ?? []).map((d) => d.trim().toLowerCase()).filter(Boolean),
    markings: (config.markings ?? []).map((m) => m.trim()).filter(Boolean),
    defaultPhoneRegion: (config.defaultPhoneRegion ?? 'US').toUpperCase(),
  };
  const pointDetectors = builtins.filter((d) => d.entries.some((e) => DEOBFUSCATED_CLASSES.has(e.dataClass) && want(e.dataClass)));
  const skipped: { id: string; message: string }[] = [];
  const customs: CompiledCustomDetector[] = [];
  for (const def of config.custom ?? []) {
    if (def.enabled === false || !want(def.dataClass)) continue;
    try {
      customs.push(compileCustomDetector(def));
    } catch (e) {
      skipped.push({ id: String(def.id), message: e instanceof Error ? e.message : String(e) });
    }
  }
  const markings = want('company_confidential') && settings.markings.length > 0 ? new AhoCorasick(settings.markings, { wholeWord: true }) : undefined;
  const minConfidence = config.minConfidence ?? 0.5;
  const thresholds = new Map<string, number>(Object.entries(config.classThresholds ?? {}));
  const threshold = (c: string): number => thresholds.get(c) ?? minConfidence;
  const allowed = config.allowedValues && config.allowedValues.length > 0 ? new AllowedValues(config.allowedValues) : undefined;
  const classes = new Set<string>();
  for (const d of builtins) for (const e of d.entries) if (want(e.dataClass)) classes.add(e.dataClass);
  for (const c of customs) classes.add(c.def.dataClass);
  if (markings) classes.add('company_confidential');

  return {
    classes,
    skipped,
    inspect(text: string): Finding[] {
      return run(text, false).findings;
    },
    explain(text: string): Inspection {
      return run(text, true);
    },
  };

  function run(text: string, explain: boolean): Inspection {
    if (typeof text !== 'string' || text.length === 0) return { findings: [], notCounted: [] };
    // view A: characters folded (NFKC, invisible characters, dashes, look-alikes); every detector runs on it
    const a = foldCharacters(text);
    const at = a.text;
    const scan: Scan = { text: at, settings, keywords: new KeywordHits(at) };
    const raw: Finding[] = [];
    for (const d of builtins) d.detect(scan, raw);
    for (const c of customs) c.detect(at, raw);
    if (markings) {
      for (const h of markings.search(at)) {
        const conf = Math.max(0.75, Math.min(0.97, markingConfidence(at, h.start, h.end, at.slice(h.start, h.end)) + 0.1));
        raw.push({ dataClass: 'company_confidential', detector: 'org-marking', start: h.start, end: h.end, confidence: conf });
      }
    }
    // view B: concatenations joined, wrapped values joined, base64 and escapes decoded; point detectors
    // run on windows around those edits and keep what crosses an edit
    if (pointDetectors.length > 0) deobfuscatedFindings(at, scan.keywords, settings, pointDetectors, raw);
    if (a.map) for (const f of raw) mapFinding(a.map, f);
    const round = <F extends Finding>(f: F): F => ({ ...f, confidence: Math.round(f.confidence * 100) / 100 });
    if (!explain) {
      const filtered = raw.filter((f) => f.confidence >= threshold(f.dataClass) && want(f.dataClass) && !allowed?.allows(text, f));
      return { findings: resolveOverlaps(filtered).map(round), notCounted: [] };
    }
    const counted: Finding[] = [];
    const dropped: NotCountedFinding[] = [];
    for (const f of raw) {
      if (!want(f.dataClass)) continue;
      const min = threshold(f.dataClass);
      const reason: NotCountedReason | null = allowed?.allows(text, f)
        ? 'allowed_value'
        : isTestValue(text, f)
          ? f.confidence >= min ? null : 'test_value'
          : f.confidence >= min ? null : 'below_threshold';
      if (reason === null) counted.push(f);
      else dropped.push({ ...f, reason, threshold: min });
    }
    const findings = resolveOverlaps(counted);
    // one span is one thing: a dropped value inside a counted finding is not listed again
    const notCounted = (resolveOverlaps(dropped) as NotCountedFinding[]).filter((d) => !findings.some((f) => d.start < f.end && f.start < d.end));
    return { findings: findings.map(round), notCounted: notCounted.map(round) };
  }
}
