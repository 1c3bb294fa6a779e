import type { Finding } from './finding';

/**
 * A value the organization allows in text even though a detector finds it: its own public hotline,
 * a documented test card number, a shared demo account. Optionally only for one data class.
 */
export interface AllowedValue {
  value: string;
  dataClass?: string;
}

/** Letters and digits only, NFKC-folded and lower case: "+1 (800) 273-8255" → "18002738255". */
export function canonicalValue(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const DIGITS = /^\d+$/;

/**
 * Phone numbers are written with or without a country code or trunk prefix ("0800 123 4567",
 * "+44 800 123 4567"): two digit strings of at least 8 digits name the same number when, leading
 * zeros removed, the shorter ends the longer and the longer has at most 3 more digits.
 */
function samePhoneNumber(a: string, b: string): boolean {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 8 && long.length - short.length <= 3 && long.endsWith(short);
}

/** Matches findings against an organization's allowed values (compiled once per policy). */
export class AllowedValues {
  private readonly any = new Set<string>();
  private readonly byClass = new Map<string, Set<string>>();
  private readonly phoneDigits: { digits: string; dataClass?: string }[] = [];

  constructor(values: readonly AllowedValue[]) {
    for (const v of values) {
      const c = canonicalValue(v.value);
      if (c.length < 3) continue; // too short to mean one value
      if (v.dataClass) {
        let set = this.byClass.get(v.dataClass);
        if (!set) this.byClass.set(v.dataClass, (set = new Set()));
        set.add(c);
      } else this.any.add(c);
      if (DIGITS.test(c) && c.length >= 8) this.phoneDigits.push({ digits: c, dataClass: v.dataClass });
    }
  }

  get size(): number {
    return this.any.size + [...this.byClass.values()].reduce((n, s) => n + s.size, 0);
  }

  /** True when the finding's text (in `text`, the original) is one of the allowed values. */
  allows(text: string, f: Finding): boolean {
    const c = canonicalValue(text.slice(f.start, f.end));
    if (this.any.has(c) || this.byClass.get(f.dataClass)?.has(c) === true) return true;
    if (f.detector !== 'phone-number' || !DIGITS.test(c)) return false;
    return this.phoneDigits.some((p) => (p.dataClass === undefined || p.dataClass === f.dataClass) && samePhoneNumber(p.digits, c));
  }
}
