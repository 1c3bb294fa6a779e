import { AhoCorasick } from './aho-corasick';
import { BUILT_IN_DETECTORS } from './built-in-detectors';
import { compileCustomDetector, type CompiledCustomDetector, type CustomDetectorDef } from './custom-detector';
import type { DataClassId } from './data-class';
import type { DetectorSettings, Scan } from './detector';
import { markingConfidence } from './detectors/classification-marking-detector';
import type { Finding } from './finding';
import { KeywordHits } from './keyword-scan';

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
  /** ISO 3166 region for national phone numbers, default 'US' */
  defaultPhoneRegion?: string;
}

export interface Inspector {
  inspect(text: string): Finding[];
  /** the data classes this inspector can report */
  readonly classes: ReadonlySet<string>;
  /** custom detectors that were skipped because they are invalid (fail closed: they never match) */
  readonly skipped: readonly { id: string; message: string }[];
}

/** Classes whose findings are whole blocks; they may overlap findings of any other class. */
const BLOCK_CLASSES = new Set<DataClassId>(['source_code', 'creative_work']);
/** Built-in point classes resolved against each other: one span is one thing. */
const POINT_CLASSES = new Set<DataClassId>(['credentials', 'personal_data', 'government_id', 'financial']);

function better(a: Finding, b: Finding): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return a.end - a.start > b.end - b.start;
}

/** Drop findings overlapped by a better one of the same class (or of another built-in point class). */
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
      if (better(f, prev)) {
        kept[li!] = f;
      }
      continue;
    }
    lastByGroup.set(g, kept.length);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
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
  const classes = new Set<string>();
  for (const d of builtins) for (const e of d.entries) if (want(e.dataClass)) classes.add(e.dataClass);
  for (const c of customs) classes.add(c.def.dataClass);
  if (markings) classes.add('company_confidential');

  return {
    classes,
    skipped,
    inspect(text: string): Finding[] {
      if (typeof text !== 'string' || text.length === 0) return [];
      const scan: Scan = { text, settings, keywords: new KeywordHits(text) };
      const raw: Finding[] = [];
      for (const d of builtins) d.detect(scan, raw);
      for (const c of customs) c.detect(text, raw);
      if (markings) {
        for (const h of markings.search(text)) {
          const conf = Math.max(0.75, Math.min(0.97, markingConfidence(text, h.start, h.end, text.slice(h.start, h.end)) + 0.1));
          raw.push({ dataClass: 'company_confidential', detector: 'org-marking', start: h.start, end: h.end, confidence: conf });
        }
      }
      const filtered = raw.filter((f) => f.confidence >= minConfidence && want(f.dataClass));
      return resolveOverlaps(filtered).map((f) => ({ ...f, confidence: Math.round(f.confidence * 100) / 100 }));
    },
  };
}
