import type { Conditions, PolicyVersionSummaryOutput, RuleOutput } from '@airlock/contracts';
import { iso } from '../../common/list-response';
import type { PolicyRule, PolicyVersion } from '../../generated/prisma/client';

export function toRuleOutput(r: PolicyRule): RuleOutput {
  return {
    id: r.id,
    ruleId: r.ruleId,
    priority: r.priority,
    enabled: r.enabled,
    description: r.description,
    conditions: r.conditions as Conditions,
    exceptions: r.exceptions as Conditions[],
    effect: r.effect,
    message: r.message,
    guidanceUrl: r.guidanceUrl,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toVersionSummary(v: Pick<PolicyVersion, 'id' | 'number' | 'contentHash' | 'authorLabel' | 'note' | 'rollbackOf' | 'createdAt'> & { rules?: unknown }): PolicyVersionSummaryOutput {
  return {
    id: v.id,
    number: v.number,
    contentHash: v.contentHash,
    authorLabel: v.authorLabel,
    note: v.note,
    rollbackOf: v.rollbackOf,
    createdAt: iso(v.createdAt),
    ...(Array.isArray(v.rules) ? { ruleCount: v.rules.length } : {}),
  };
}
