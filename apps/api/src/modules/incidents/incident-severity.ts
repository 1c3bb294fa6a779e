import type { IncidentSeverity } from '@airlock/contracts';

export const SEVERITY_ORDER: readonly IncidentSeverity[] = ['low', 'medium', 'high', 'critical'];

export function severityRank(s: IncidentSeverity): number {
  return SEVERITY_ORDER.indexOf(s);
}

/** What the suggestion needs to know about the AI service; null when unknown ("other" or none). */
export interface SeverityProvider {
  status: 'approved' | 'restricted' | 'under_review' | 'blocked';
  riskScore: number;
}

/**
 * The data classes' own weight. Credentials, health data, government ids and financial details are
 * "high" on their own: each is directly usable for fraud or harm once it has left. Personal data,
 * client information, confidential documents and source code are "medium". Creative work, custom
 * classes and "not sure" are "low".
 */
const CLASS_WEIGHT: Readonly<Record<string, IncidentSeverity>> = Object.freeze({
  credentials: 'high',
  health_data: 'high',
  government_id: 'high',
  financial: 'high',
  personal_data: 'medium',
  client_information: 'medium',
  company_confidential: 'medium',
  source_code: 'medium',
  creative_work: 'low',
});

export const RISKY_PROVIDER_SCORE = 60;
export const LOW_RISK_PROVIDER_SCORE = 30;

/**
 * Suggested severity = the heaviest data class, moved by the provider:
 *
 * | data classes (heaviest)                                   | base   |
 * |-----------------------------------------------------------|--------|
 * | credentials, health_data, government_id, financial        | high   |
 * | personal_data, client_information, company_confidential, source_code | medium |
 * | creative_work, custom classes, none ("not sure")          | low    |
 *
 * | provider                                                  | effect |
 * |-----------------------------------------------------------|--------|
 * | blocked, unknown ("other"/none), or riskScore >= 60       | one step up (high -> critical, medium -> high, low -> medium) |
 * | approved with riskScore < 30 (e.g. an enterprise agreement, no training) | one step down, never below medium for a "high" class (a leaked credential must still be rotated) |
 * | anything else                                             | base   |
 */
export function suggestSeverity(
  dataClasses: readonly string[],
  provider: SeverityProvider | null,
): { severity: IncidentSeverity; reasons: string[] } {
  let base: IncidentSeverity = 'low';
  let heaviest: string | null = null;
  for (const c of dataClasses) {
    const w = CLASS_WEIGHT[c] ?? 'low';
    if (severityRank(w) > severityRank(base)) {
      base = w;
      heaviest = c;
    }
  }
  const reasons = [heaviest ? `${heaviest} is ${base} on its own` : dataClasses.length ? 'no class above low' : 'no data class named'];
  let rank = severityRank(base);
  if (!provider) {
    rank += 1;
    reasons.push('the service is not in the catalog');
  } else if (provider.status === 'blocked') {
    rank += 1;
    reasons.push('the service is blocked');
  } else if (provider.riskScore >= RISKY_PROVIDER_SCORE) {
    rank += 1;
    reasons.push(`the service's risk score is ${provider.riskScore} (>= ${RISKY_PROVIDER_SCORE})`);
  } else if (provider.status === 'approved' && provider.riskScore < LOW_RISK_PROVIDER_SCORE) {
    const floor = base === 'high' ? severityRank('medium') : 0;
    if (rank > floor) {
      rank -= 1;
      reasons.push(`the service is approved with a low risk score (${provider.riskScore})`);
    }
  }
  const severity = SEVERITY_ORDER[Math.min(Math.max(rank, 0), SEVERITY_ORDER.length - 1)]!;
  return { severity, reasons };
}
