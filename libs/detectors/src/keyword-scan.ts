/**
 * One case-insensitive pass over the text for every context word the built-in detectors use. The
 * result is an index of hit positions per kind; detectors ask it "is there a birth word within 40
 * characters?" by binary search instead of running a regex per candidate.
 */
const KINDS = {
  secret:
    'passw(?:or)?d|passphrase|pwd|secret|tokens?|api[_ -]?keys?|apikey|access[_ -]?keys?|auth(?:orization)?|bearer|credentials?|client[_ -]?secret|private[_ -]?key|signing[_ -]?key',
  aws: 'aws',
  birth: 'dob|d\\.o\\.b\\.?|born|date of birth|birth ?date|birthday|geburtsdatum|geb\\.|geboren|date de naissance|n[ée]e? le|fecha de nacimiento',
  ssn: 'ssn|ss#|social security(?: number| no\\.?)?|soc\\.? ?sec',
  nino: 'national insurance(?: number| no\\.?)?|nino|ni number|ni no\\.?',
  passport: 'passport|reisepass|passeport|pasaporte',
  itin: 'itin|taxpayer identification',
  sin: 'sin|social insurance|assurance sociale|nas',
  aadhaar: 'aadhaa?r|uidai',
  steuer: 'steuer-?id|steueridentifikationsnummer|identifikationsnummer|steuer-?nr|idnr|tax id',
  routing: 'routing|aba|rtn|transit',
  swift: 'swift|bic',
  card: 'cards?|visa|mastercard|amex|american express|credit|debit|cvv|cvc|expir(?:y|es|ation)|exp\\.?|payment',
  phone: 'phone|tel|telephone|mobile|cell|call|fax|whatsapp|contact|reach|ph|mob|téléphone|telefon|handy|sms|text me',
  health:
    'patients?|diagnos[ie]s|diagnosed|prescri(?:bed|ption)|symptoms?|clinic(?:al)?|medications?|medical|dosage|doses?|treatment|therapy|physician|hospital|icd(?:-10)?|mg|mcg|ml|tablets?|daily|b\\.i\\.d|t\\.i\\.d|q\\.d|prn|chart|discharge|admitted|referral|history of|allerg(?:y|ies)|blood pressure|labs?|biopsy|oncology|cardiology|psychiatr(?:y|ic|ist)|nurse|doctor|dr\\.',
  ip: 'ip|ipv4|ipv6|address|host|server|client|from|login|source|remote|src|dst|peer|addr',
} as const;

export type KeywordKind = keyof typeof KINDS;
const KIND_NAMES = Object.keys(KINDS) as KeywordKind[];

const KEYWORD_RE = new RegExp(
  '(?<![A-Za-z0-9])(?:' + KIND_NAMES.map((k) => '(' + KINDS[k] + ')').join('|') + ')(?![A-Za-z0-9])',
  'gi',
);

export class KeywordHits {
  private readonly starts: Record<KeywordKind, number[]>;
  private readonly ends: Record<KeywordKind, number[]>;

  constructor(text: string) {
    this.starts = {} as Record<KeywordKind, number[]>;
    this.ends = {} as Record<KeywordKind, number[]>;
    for (const k of KIND_NAMES) {
      this.starts[k] = [];
      this.ends[k] = [];
    }
    const re = new RegExp(KEYWORD_RE);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      for (let g = 1; g <= KIND_NAMES.length; g++) {
        if (m[g] !== undefined) {
          const k = KIND_NAMES[g - 1]!;
          this.starts[k].push(m.index);
          this.ends[k].push(m.index + m[0].length);
          break;
        }
      }
    }
  }

  has(kind: KeywordKind): boolean {
    return this.starts[kind].length > 0;
  }

  /** Hit starts and ends of one kind, in text order. */
  hits(kind: KeywordKind): { starts: readonly number[]; ends: readonly number[] } {
    return { starts: this.starts[kind], ends: this.ends[kind] };
  }

  /** True when a word of `kind` starts within `before` chars before `start` or `after` chars after `end`. */
  near(kind: KeywordKind, start: number, end: number, before: number, after: number = before): boolean {
    const s = this.starts[kind];
    if (s.length === 0) return false;
    const lo = start - before;
    const hi = end + after;
    // first hit with start >= lo
    let a = 0, b = s.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (s[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    for (let i = a; i < s.length && s[i]! <= hi; i++) {
      const e = this.ends[kind][i]!;
      if (e <= start || s[i]! >= end) return true;
    }
    return false;
  }
}
