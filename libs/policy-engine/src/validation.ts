import { DATA_CLASS_ID_PATTERN } from './data-classes';
import { groupName, isName } from './policy-fields';
import type { PolicyIssue, PolicySettings } from './types';
import { DEFAULT_POLICY_SETTINGS } from './default-policy';

/**
 * The compiler's validation: a collector of every problem (with the path to the value) and the
 * readers that check a value and return it normalized. Which identifiers and links are valid is
 * decided in policy-fields.ts, shared with the API's schemas.
 */

export type Path = (string | number)[];

export class Issues {
  readonly problems: PolicyIssue[] = [];
  readonly warnings: PolicyIssue[] = [];
  problem(path: Path, message: string): void {
    this.problems.push({ path, message });
  }
  warn(path: Path, message: string): void {
    this.warnings.push({ path, message });
  }
}

export const COUNTRY = /^[A-Za-z]{2}$/;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

export function listOfCountries(value: unknown, path: Path, issues: Issues): string[] {
  if (!Array.isArray(value)) {
    issues.problem(path, 'must be a list of ISO 3166-1 alpha-2 country codes');
    return [];
  }
  const out: string[] = [];
  value.forEach((code: unknown, i) => {
    if (typeof code === 'string' && COUNTRY.test(code)) out.push(code.toUpperCase());
    else issues.problem([...path, i], `${JSON.stringify(code)} is not an ISO 3166-1 alpha-2 country code`);
  });
  return out;
}

/** Reads a list condition; undefined or empty -> null (not set). Problems are reported per element. */
export function readList<T extends string>(
  value: unknown,
  path: Path,
  issues: Issues,
  check: (item: string) => T | string | null,
  expected: string,
): T[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    issues.problem(path, `must be a list of ${expected}`);
    return null;
  }
  const out: T[] = [];
  value.forEach((item: unknown, i) => {
    const ok = typeof item === 'string' ? check(item) : null;
    if (ok === null) issues.problem([...path, i], `${JSON.stringify(item)} is not ${expected}`);
    else out.push(ok as T);
  });
  return out.length === 0 ? null : out;
}

export function readBoolean(value: unknown, path: Path, issues: Issues): boolean | null {
  if (value === undefined) return null;
  if (typeof value !== 'boolean') {
    issues.problem(path, 'must be true or false');
    return null;
  }
  return value;
}

export function enumCheck<T extends string>(allowed: readonly T[]): (item: string) => T | null {
  return (item) => ((allowed as readonly string[]).includes(item) ? (item as T) : null);
}

export const checkCountry = (item: string): string | null => (COUNTRY.test(item) ? item.toUpperCase() : null);
/** Zone names: policy-fields' name rule, compared exactly. */
export const checkZoneName = (item: string): string | null => (isName(item) ? item : null);
/** Group names match case-insensitively (a directory or an IdP may spell `Legal` where a rule says `legal`). */
export const checkGroup = (item: string): string | null => groupName(item);
export const checkSlug = (item: string): string | null => (item.trim() === '' || /\s/.test(item) ? null : item.toLowerCase());
export const checkDataClass = (item: string): string | null => {
  const id = item.toLowerCase();
  return DATA_CLASS_ID_PATTERN.test(id) ? id : null;
};

export function readSettings(settings: PolicySettings, issues: Issues): Readonly<PolicySettings> {
  if (!isObject(settings)) {
    issues.problem(['settings'], 'settings must be an object');
    return DEFAULT_POLICY_SETTINGS;
  }
  const restricted = listOfCountries(settings.restrictedJurisdictions, ['settings', 'restrictedJurisdictions'], issues);
  return Object.freeze({ ...settings, restrictedJurisdictions: Object.freeze([...new Set(restricted)]) as string[] });
}
