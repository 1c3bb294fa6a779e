#!/usr/bin/env node
/**
 * Span-level quality of the built detectors (libs/detectors/dist) on a Presidio-format file: an
 * independent yardstick (issue 20). The data is not in this repository; get presidio-research's
 * data/synth_dataset_v2.json (MIT) or any file in its format:
 *   [{ "full_text": "...", "spans": [{ "entity_type": "PERSON", "start_position": 0, "end_position": 5 }, ...] }, ...]
 *
 *   node scripts/build-stale.mjs && node bench/presidio-eval.mjs --file <path> [--build <root of another checkout>] [--errors] [--json]
 *
 * Type mapping (Presidio entity type -> Airlock class):
 *   PERSON, STREET_ADDRESS, PHONE_NUMBER, EMAIL_ADDRESS, IP_ADDRESS -> personal_data
 *   ZIP_CODE -> personal_data when the sample also has a STREET_ADDRESS span (part of an address);
 *     a postal code alone ("ZIP: 1234") is not counted either way (Airlock does not claim bare postal codes)
 *   CREDIT_CARD, IBAN_CODE, US_BANK_NUMBER -> financial
 *   US_SSN, US_ITIN, US_PASSPORT, UK_NHS -> government_id
 * Not counted either way (no Airlock class claims them, or no detector exists): ORGANIZATION, GPE,
 * LOCATION, DATE_TIME, TITLE, AGE, NRP, DOMAIN_NAME, URL, US_DRIVER_LICENSE (no driver-licence
 * detector; reported as a count), and any type not listed above. A finding that overlaps such a span
 * is neither a true nor a false positive.
 * Only findings of the mapped classes (personal_data, financial, government_id) are scored: Presidio
 * labels no health data, credentials or confidential markings, so those findings are left out.
 *
 * Matching (the same rule as bench/detectors.mjs, whose score() is reused): a finding is a true
 * positive when it overlaps a counted span of its class, a false positive when it overlaps no span;
 * a span is recalled when a finding of its class overlaps it. Micro P/R/F1 overall and per class;
 * recall per Presidio type; person names: findings of the `person-name` detector against PERSON
 * spans only (a name found by another personal_data detector is not a name hit).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { score } = await import(pathToFileURL(join(root, 'bench/detectors.mjs')).href);

export const TYPE_CLASS = Object.freeze({
  PERSON: 'personal_data', STREET_ADDRESS: 'personal_data', PHONE_NUMBER: 'personal_data', EMAIL_ADDRESS: 'personal_data', IP_ADDRESS: 'personal_data',
  ZIP_CODE: 'personal_data',
  CREDIT_CARD: 'financial', IBAN_CODE: 'financial', US_BANK_NUMBER: 'financial',
  US_SSN: 'government_id', US_ITIN: 'government_id', US_PASSPORT: 'government_id', UK_NHS: 'government_id',
});
const CLASSES = ['personal_data', 'financial', 'government_id'];
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/** Presidio samples -> { id, text, spans (counted, with dataClass), neutral (spans counted neither way) }. */
export function convert(raw) {
  return raw.map((r, i) => {
    const hasAddress = r.spans.some((s) => s.entity_type === 'STREET_ADDRESS');
    const spans = [], neutral = [];
    for (const s of r.spans) {
      const sp = { type: s.entity_type, start: s.start_position, end: s.end_position };
      const cls = TYPE_CLASS[s.entity_type];
      if (cls && (s.entity_type !== 'ZIP_CODE' || hasAddress)) spans.push({ ...sp, dataClass: cls, detector: s.entity_type === 'PERSON' ? 'person-name' : undefined });
      else neutral.push(sp);
    }
    return { id: `p-${String(i + 1).padStart(4, '0')}`, text: r.full_text, spans, neutral };
  });
}

export function evaluate(samples, inspector) {
  const cache = new Map();
  /** findings of the scored classes, without those that only touch a span counted neither way */
  const findingsOf = (s) => {
    if (!cache.has(s.id)) {
      const fs = inspector.inspect(s.text).filter((f) => CLASSES.includes(f.dataClass));
      cache.set(s.id, fs.filter((f) => s.spans.some((sp) => overlaps(sp, f)) || !s.neutral.some((sp) => overlaps(sp, f))));
    }
    return cache.get(s.id);
  };
  const all = score(samples, findingsOf, { classes: CLASSES });
  // person names: person-name findings against PERSON spans, as their own class
  const nameSamples = samples.map((s) => ({ ...s, spans: s.spans.filter((x) => x.type === 'PERSON').map((x) => ({ ...x, dataClass: 'person' })) }));
  const names = score(nameSamples, (s) => findingsOf(s).filter((f) => f.detector === 'person-name').map((f) => ({ ...f, dataClass: 'person' })), { classes: ['person'] });
  const perType = {};
  for (const s of samples) {
    const fs = findingsOf(s);
    for (const sp of s.spans) {
      const t = (perType[sp.type] ??= { spans: 0, recalled: 0 });
      t.spans++;
      if (fs.some((f) => f.dataClass === sp.dataClass && overlaps(f, sp))) t.recalled++;
    }
    for (const sp of s.neutral) (perType[sp.type] ??= { spans: 0, recalled: 0, counted: false }).spans++;
  }
  for (const t of Object.values(perType)) if (t.counted !== false) t.recall = Math.round((t.recalled / t.spans) * 1000) / 1000;
  return { ...all, names: names.overall, perType, findingsOf };
}

function window(text, start, end, pad = 30) {
  return (text.slice(Math.max(0, start - pad), start) + '[[' + text.slice(start, end) + ']]' + text.slice(end, end + pad)).replace(/\n/g, '⏎');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fi = process.argv.indexOf('--file');
  if (fi === -1 || !process.argv[fi + 1]) {
    console.error('usage: node bench/presidio-eval.mjs --file <presidio-format json> [--build <root of another checkout>] [--errors] [--json]');
    process.exit(2);
  }
  const raw = JSON.parse(readFileSync(process.argv[fi + 1], 'utf8'));
  const samples = convert(raw);
  const bi = process.argv.indexOf('--build');
  const det = require(join(bi === -1 ? root : process.argv[bi + 1], 'libs/detectors/dist/index.js'));
  const r = evaluate(samples, det.compileInspector({}));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ samples: samples.length, overall: r.overall, perClass: r.perClass, perDetector: r.perDetector, names: r.names, perType: r.perType }, null, 2));
  } else {
    const f = (v) => `P ${v.precision.toFixed(3)}  R ${v.recall.toFixed(3)}  F1 ${v.f1.toFixed(3)}  (tp ${v.tp}, fp ${v.fp}, spans ${v.spans}, recalled ${v.recalled})`;
    console.log(`${samples.length} samples, ${samples.reduce((a, s) => a + s.spans.length, 0)} counted spans`);
    console.log(`overall      ${f(r.overall)}`);
    console.log(`person names ${f(r.names)}`);
    for (const [k, v] of Object.entries(r.perClass)) console.log(`class ${k.padEnd(14)} ${f(v)}`);
    for (const [k, v] of Object.entries(r.perDetector)) console.log(`detector ${k.padEnd(16)} precision ${v.precision.toFixed(3)} (tp ${v.tp}, fp ${v.fp})`);
    for (const [k, v] of Object.entries(r.perType).sort()) console.log(`type ${k.padEnd(18)} spans ${String(v.spans).padStart(4)}  ${v.counted === false ? 'not counted' : `recalled ${v.recalled}  recall ${v.recall.toFixed(3)}`}`);
    if (process.argv.includes('--errors')) {
      // for analysis only: never paste these windows into tests or corpora
      for (const s of samples) {
        const fs = r.findingsOf(s);
        for (const sp of s.spans) if (!fs.some((x) => x.dataClass === sp.dataClass && overlaps(x, sp))) console.log(`MISS ${sp.type.padEnd(14)} ${window(s.text, sp.start, sp.end)}`);
        for (const x of fs) if (!s.spans.some((sp) => sp.dataClass === x.dataClass && overlaps(x, sp))) console.log(`FP   ${x.detector.padEnd(14)} ${window(s.text, x.start, x.end)}`);
      }
    }
  }
}
