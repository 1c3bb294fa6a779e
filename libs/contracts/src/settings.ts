import { z } from 'zod';
import { role } from './auth';
import { countryCode, line, slug, updateOf } from './common';

/** Organization settings (Organization.settings), with their defaults. */
export const orgSettings = z.object({
  /** Jurisdictions whose laws compel disclosure to the state (no-restricted-jurisdiction-on-corporate). */
  restrictedJurisdictions: z.array(countryCode).max(50).default(['CN']),
  /** The organization's own e-mail domains: addresses there are not personal-data findings. */
  allowEmailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain like example.com').max(253)).max(100).default([]),
  /** The organization's own classification markings ("ACME INTERNAL"), found as company_confidential. */
  markings: z.array(line(100)).max(100).default([]),
  /**
   * Values never reported as findings: the organization's public hotline, documented test card
   * numbers, a shared demo account. Compared on letters and digits only ("+1 800-273-8255" is
   * "18002738255"; a phone number also without its country code); optionally for one data class.
   */
  allowedValues: z
    .array(
      z.object({
        value: line(200).refine((v) => v.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '').length >= 3, 'must hold at least 3 letters or digits'),
        dataClass: slug.optional(),
        note: line(200).optional(),
      }),
    )
    .max(500)
    .default([]),
  /**
   * Minimum confidence per data class (0.3–1; 0.5 for classes not named): raise it where findings
   * are too eager for the organization's text, e.g. `{ "personal_data": 0.8 }` for names.
   */
  classThresholds: z.record(slug, z.number().min(0.3).max(1)).default({}),
  /** Region for national phone numbers without a country code (ISO 3166-1 alpha-2). */
  defaultPhoneRegion: countryCode.default('US'),
  /** Open an incident automatically when a decision blocks credentials or personal data. */
  autoIncidentOnBlock: z.boolean().default(false),
  /**
   * Open an incident when someone continues past a warning with a reason (an override reported by
   * the browser extension or another local evaluator); at most one per person, service and data
   * class an hour.
   */
  autoIncidentOnOverride: z.boolean().default(false),
  /** How long clients may cache an access decision (a decision about content is never cached). */
  decisionTtlSeconds: z.number().int().min(0).max(86_400).default(60),
  /** Roles whose local (password) accounts must use a second factor; they enrol right after sign-in. */
  mfaRequiredRoles: z
    .array(role)
    .max(5)
    .refine((r) => new Set(r).size === r.length, 'must not repeat a role')
    .default([]),
  /** A catalog profile whose training, retention or storage source is older than this is flagged for review. */
  catalogSourceMaxAgeDays: z.number().int().min(30).max(3650).default(365),
});
export type OrgSettings = z.output<typeof orgSettings>;
/** PUT /api/settings: react-admin sends the record back whole; the organization's name may change. */
export const orgSettingsUpdate = updateOf(orgSettings.extend({ name: line(200).default('') }), ['slug']);

export function readOrgSettings(raw: unknown): OrgSettings {
  const parsed = orgSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : orgSettings.parse({});
}

/** GET/PUT /api/settings: the organization's name, slug and settings. */
export const orgSettingsOutput = orgSettings.extend({ id: z.string(), name: z.string(), slug: z.string() });
export type OrgSettingsOutput = z.output<typeof orgSettingsOutput>;
