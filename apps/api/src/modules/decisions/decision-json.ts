import type { DecisionResponse } from '@airlock/contracts';

/**
 * The JSON of a decision answer, written field by field in the contract's order (decisionResponse
 * in libs/contracts). Most of an answer is made of objects the compiled policy shares between
 * decisions and has frozen: the reasons with their user-facing messages (the bulk of the bytes),
 * the provider, the zone lists. Their JSON is computed once per object and reused, which no
 * schema-driven serializer offers: measured, serialising the messages on every answer was a
 * visible share of the decision route. Every field is written from an explicit list, so nothing
 * the contract does not name can leak; decision-json.spec.ts checks the output against the contract
 * over generated answers.
 */
const fragments = new WeakMap<object, string>();

function shared(value: object, toJson: () => string): string {
  let json = fragments.get(value);
  if (json === undefined) {
    json = toJson();
    if (Object.isFrozen(value)) fragments.set(value, json);
  }
  return json;
}

type Reason = DecisionResponse['reasons'][number];

function reasonJson(r: Reason): string {
  return shared(r, () => {
    const out: Reason = { ruleId: r.ruleId, effect: r.effect, message: r.message };
    if (r.guidanceUrl !== undefined) out.guidanceUrl = r.guidanceUrl;
    if (r.escalated !== undefined) out.escalated = r.escalated;
    if (r.exception !== undefined) out.exception = { id: r.exception.id, expiresAt: r.exception.expiresAt, reason: r.exception.reason, effect: r.exception.effect };
    return JSON.stringify(out);
  });
}

function reasonsJson(reasons: readonly Reason[]): string {
  return shared(reasons, () => {
    let out = '[';
    for (let i = 0; i < reasons.length; i++) out += (i ? ',' : '') + reasonJson(reasons[i] as Reason);
    return `${out}]`;
  });
}

function providerJson(p: NonNullable<DecisionResponse['provider']>): string {
  return shared(p, () => JSON.stringify({ slug: p.slug, name: p.name, status: p.status, riskScore: p.riskScore }));
}

function stringsJson(list: readonly string[]): string {
  return list.length === 0 ? '[]' : shared(list, () => JSON.stringify(list));
}

function findingsJson(findings: DecisionResponse['findings']): string {
  if (findings.length === 0) return '[]';
  return JSON.stringify(findings.map((f) => ({ dataClass: f.dataClass, detector: f.detector, start: f.start, end: f.end, confidence: f.confidence })));
}

export function decisionJson(r: DecisionResponse): string {
  let out = `{"decisionId":${JSON.stringify(r.decisionId)}`;
  if (r.requestId !== undefined) out += `,"requestId":${JSON.stringify(r.requestId)}`;
  if (r.correlationId !== undefined) out += `,"correlationId":${JSON.stringify(r.correlationId)}`;
  out += `,"effect":"${r.effect}","reasons":${reasonsJson(r.reasons)}`;
  out += `,"provider":${r.provider === null ? 'null' : providerJson(r.provider)}`;
  const d = r.destination;
  out += `,"destination":{"host":${d.host === null ? 'null' : JSON.stringify(d.host)},"aiDestination":${d.aiDestination},"unknownAi":${d.unknownAi}}`;
  out += `,"action":"${r.action}","networkZones":${stringsJson(r.networkZones)},"ipSource":"${r.ipSource}","dataClasses":${stringsJson(r.dataClasses)}`;
  out += `,"findings":${findingsJson(r.findings)}`;
  if (r.redactedText !== undefined) out += `,"redactedText":${JSON.stringify(r.redactedText)}`;
  if (r.redactedClasses !== undefined) out += `,"redactedClasses":${JSON.stringify(r.redactedClasses)}`;
  out += `,"policyVersion":${r.policyVersion},"ttlSeconds":${r.ttlSeconds},"evaluatedAt":${JSON.stringify(r.evaluatedAt)}`;
  if (r.stale !== undefined) out += `,"stale":{"since":${JSON.stringify(r.stale.since)},"seconds":${r.stale.seconds}}`;
  return `${out}}`;
}
