import { DEFAULT_POLICY_SETTINGS } from './default-policy';
import type { PolicySettings, TrainsOnInputs } from './types';

/**
 * What a provider does with data, as far as the risk score is concerned (the catalog's fields).
 * `collects` holds ids, recognized case-insensitively with spaces and hyphens read as underscores
 * (`"Keystroke patterns"` = `keystroke_patterns`); `sharesWith` and `certifications` are free text,
 * recognized by keyword ("Alibaba Group affiliates" is sharing with the corporate group).
 */
export interface RiskAttributes {
  hqCountry: string;
  dataCountries: readonly string[];
  trainsOnInputs: TrainsOnInputs;
  zeroRetentionOffer: boolean;
  /** How long inputs are kept, in days; null when unknown or indefinite. */
  retentionDays: number | null;
  /** e.g. prompts, files, chat_history, keystroke_patterns, device_identifiers, ip_address, payment, advertiser_data */
  collects?: readonly string[];
  /** e.g. "corporate group", "Baidu affiliates", "advertising and analytics providers" */
  sharesWith?: readonly string[];
  /** e.g. "SOC 2 Type II", "ISO 27001" */
  certifications?: readonly string[];
}

export interface RiskFactor {
  id: string;
  /** Positive raises the risk, negative lowers it. */
  points: number;
  explanation: string;
}

export interface RiskScore {
  /** 0 (least risky) .. 100, the sum of the factors clamped to that range. */
  score: number;
  /** Every factor that moved the score, in the order below. */
  factors: RiskFactor[];
}

/**
 * The points behind the score. Deliberately few and coarse, so an admin can check a score by hand:
 *
 * | factor                                   | points |
 * |------------------------------------------|--------|
 * | headquartered in a restricted jurisdiction |  +25 |
 * | stores data in a restricted jurisdiction |    +25 |
 * | trains on inputs / unless you opt out    | +20 / +10 |
 * | no zero-retention offer                  |     +5 |
 * | retention unknown or indefinite / > 1 year / > 30 days | +15 / +10 / +5 |
 * | collects keystroke patterns              |    +10 |
 * | collects device identifiers              |     +5 |
 * | collects data from advertisers           |    +10 |
 * | shares with its corporate group          |     +5 |
 * | shares with advertisers                  |    +15 |
 * | SOC 2 report                             |     -5 |
 * | ISO/IEC 27001 certification              |     -5 |
 *
 * The two jurisdiction factors dominate on purpose: a law that compels disclosure to the state is the
 * one risk no contract or setting can remove.
 */
export const RISK_POINTS = Object.freeze({
  restrictedHq: 25,
  restrictedStorage: 25,
  trainsYes: 20,
  trainsOptOut: 10,
  noZeroRetention: 5,
  retentionUnknown: 15,
  retentionOverYear: 10,
  retentionOverMonth: 5,
  keystrokes: 10,
  deviceIds: 5,
  advertiserData: 10,
  sharesCorporateGroup: 5,
  sharesAdvertisers: 15,
  soc2: -5,
  iso27001: -5,
});

function normalize(items: readonly string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const item of items ?? []) {
    if (typeof item === 'string') out.add(item.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  }
  return out;
}

function hasAny(set: ReadonlySet<string>, ids: readonly string[]): boolean {
  return ids.some((id) => set.has(id));
}

/** Computes a provider's risk score from its attributes, with one plain-English line per factor. */
export function computeRiskScore(attrs: RiskAttributes, settings: PolicySettings = DEFAULT_POLICY_SETTINGS): RiskScore {
  const restricted = new Set(settings.restrictedJurisdictions.map((c) => c.toUpperCase()));
  const factors: RiskFactor[] = [];
  const add = (id: string, points: number, explanation: string): void => {
    factors.push({ id, points, explanation });
  };

  const hq = (attrs.hqCountry ?? '').toUpperCase();
  if (restricted.has(hq)) {
    add('restricted_hq', RISK_POINTS.restrictedHq, `Headquartered in ${hq}, whose laws can compel the company to hand data to the state.`);
  }
  const storedIn = [...new Set((attrs.dataCountries ?? []).map((c) => c.toUpperCase()))].filter((c) => restricted.has(c));
  if (storedIn.length > 0) {
    add(
      'restricted_storage',
      RISK_POINTS.restrictedStorage,
      `Stores data in ${storedIn.join(', ')}, where the law can compel disclosure of what users send.`,
    );
  }

  if (attrs.trainsOnInputs === 'yes') {
    add('trains_on_inputs', RISK_POINTS.trainsYes, 'Trains its models on what users send, with no way to opt out.');
  } else if (attrs.trainsOnInputs === 'opt_out') {
    add('trains_on_inputs', RISK_POINTS.trainsOptOut, 'Trains its models on what users send unless each user opts out.');
  }

  if (!attrs.zeroRetentionOffer) {
    add('no_zero_retention', RISK_POINTS.noZeroRetention, 'Offers no zero-retention option: everything sent is kept for a while at least.');
  }

  const days = attrs.retentionDays;
  if (days === null || days === undefined || !Number.isFinite(days) || days < 0) {
    add('retention', RISK_POINTS.retentionUnknown, 'Does not say how long it keeps data, or keeps it indefinitely.');
  } else if (days > 365) {
    add('retention', RISK_POINTS.retentionOverYear, `Keeps data for ${days} days, more than a year.`);
  } else if (days > 30) {
    add('retention', RISK_POINTS.retentionOverMonth, `Keeps data for ${days} days, more than a month.`);
  }

  const collects = normalize(attrs.collects);
  if (hasAny(collects, ['keystroke_patterns', 'keystrokes', 'keystroke_rhythms'])) {
    add('collects_keystrokes', RISK_POINTS.keystrokes, 'Records keystroke patterns, which can identify a person by how they type.');
  }
  if (hasAny(collects, ['device_identifiers', 'device_ids', 'device_id'])) {
    add('collects_device_ids', RISK_POINTS.deviceIds, 'Collects device identifiers that link activity across sessions and apps.');
  }
  if (hasAny(collects, ['advertiser_data', 'data_from_advertisers', 'advertisers'])) {
    add('collects_advertiser_data', RISK_POINTS.advertiserData, 'Receives data about users from advertisers and combines it with theirs.');
  }

  // Sharing is usually described in words ("Alibaba Group affiliates", "advertisers (through ad
  // targeting ...)"), so it is recognized by keyword.
  const shares = (attrs.sharesWith ?? []).filter((s): s is string => typeof s === 'string');
  if (shares.some((s) => /corporate.group|affiliat|subsidiar|group.compan/i.test(s))) {
    add('shares_corporate_group', RISK_POINTS.sharesCorporateGroup, 'Shares data with other companies in its corporate group.');
  }
  if (shares.some((s) => /advertis/i.test(s))) {
    add('shares_advertisers', RISK_POINTS.sharesAdvertisers, 'Shares data with advertisers or uses it for advertising.');
  }

  const certs = [...normalize(attrs.certifications)].map((c) => c.replace(/[^a-z0-9]/g, ''));
  if (certs.some((c) => c.startsWith('soc2'))) {
    add('soc2', RISK_POINTS.soc2, 'Has a SOC 2 report: an auditor checked its security controls.');
  }
  if (certs.some((c) => c.includes('27001'))) {
    add('iso27001', RISK_POINTS.iso27001, 'Is ISO/IEC 27001 certified: it runs an audited information-security management system.');
  }

  const total = factors.reduce((sum, f) => sum + f.points, 0);
  return { score: Math.min(100, Math.max(0, total)), factors };
}
