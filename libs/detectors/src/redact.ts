import type { Finding } from './finding';

export interface RedactionPlaceholder {
  placeholder: string;
  dataClass: string;
  detector: string;
  /** offsets into the ORIGINAL text */
  start: number;
  end: number;
}

export interface RedactionResult {
  text: string;
  placeholders: RedactionPlaceholder[];
}

const BY_DETECTOR: Record<string, string> = {
  email: 'EMAIL',
  'phone-number': 'PHONE',
  'payment-card': 'CARD',
  'us-ssn': 'SSN',
  'us-itin': 'ITIN',
  iban: 'IBAN',
  'ip-address': 'IP',
  'date-of-birth': 'DOB',
  'street-address': 'ADDRESS',
  'person-name': 'PERSON',
  'passport-number': 'PASSPORT',
  'uk-national-insurance-number': 'NINO',
  'ca-sin': 'SIN',
  'in-aadhaar': 'AADHAAR',
  'de-steuer-id': 'TAX_ID',
  'es-dni': 'ID',
  'uk-nhs-number': 'NHS',
  'aba-routing-number': 'ROUTING',
  'bank-account-number': 'ACCOUNT',
  'swift-bic': 'BIC',
  'icd-10-code': 'ICD',
  'medical-condition': 'HEALTH',
  medication: 'HEALTH',
  'medical-procedure': 'HEALTH',
};
const BY_CLASS: Record<string, string> = {
  credentials: 'SECRET',
  personal_data: 'PII',
  health_data: 'HEALTH',
  financial: 'FINANCIAL',
  government_id: 'ID',
  client_information: 'NAME',
  company_confidential: 'CONFIDENTIAL',
  source_code: 'CODE',
  creative_work: 'WORK',
};

/** The placeholder type for a finding: EMAIL, PHONE, CARD, SSN, IBAN, SECRET, NAME, ... */
export function placeholderType(f: Pick<Finding, 'dataClass' | 'detector'>): string {
  return BY_DETECTOR[f.detector] ?? BY_CLASS[f.dataClass] ?? f.dataClass.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/**
 * Replace findings with typed placeholders ([EMAIL_1], [CARD_1], [SECRET_1] ...). The same value
 * (same type, same text) gets the same placeholder within one call; overlapping findings are merged
 * into one span covering both, typed after the higher-confidence (then wider) finding. Placeholder
 * offsets refer to the original text; matched values are never returned.
 */
export function redact(text: string, findings: readonly Finding[]): RedactionResult {
  const spans = findings
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end <= text.length && f.end > f.start)
    .map((f) => ({ ...f }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const f of spans) {
    const prev = merged[merged.length - 1];
    if (prev && f.start < prev.end) {
      const wider = f.end - f.start > prev.end - prev.start;
      const lead = f.confidence > prev.confidence || (f.confidence === prev.confidence && wider) ? f : prev;
      merged[merged.length - 1] = { ...lead, start: prev.start, end: Math.max(prev.end, f.end), confidence: Math.max(prev.confidence, f.confidence) };
    } else merged.push(f);
  }
  const counters = new Map<string, number>();
  const byValue = new Map<string, string>();
  const placeholders: RedactionPlaceholder[] = [];
  let out = '';
  let pos = 0;
  for (const f of merged) {
    const type = placeholderType(f);
    const key = type + '\u0000' + text.slice(f.start, f.end);
    let ph = byValue.get(key);
    if (ph === undefined) {
      const n = (counters.get(type) ?? 0) + 1;
      counters.set(type, n);
      ph = `[${type}_${n}]`;
      byValue.set(key, ph);
    }
    out += text.slice(pos, f.start) + ph;
    pos = f.end;
    placeholders.push({ placeholder: ph, dataClass: f.dataClass, detector: f.detector, start: f.start, end: f.end });
  }
  out += text.slice(pos);
  return { text: out, placeholders };
}
