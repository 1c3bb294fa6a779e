import { decisionResponse, type DecisionResponse } from '@airlock/contracts';
import fc from 'fast-check';
import { decisionJson } from './decision-json';

const effect = fc.constantFrom('allow', 'warn', 'redact', 'block' as const);
const str = fc.string({ unit: 'binary', maxLength: 40 });
const maybeFrozen = <T extends object>(arb: fc.Arbitrary<T>) => fc.tuple(arb, fc.boolean()).map(([v, freeze]) => (freeze ? Object.freeze(v) : v));
// Extra fields stand for whatever else an engine object carries: they must never reach the answer.
const reason = maybeFrozen(
  fc.record(
    { ruleId: str, effect, message: str, guidanceUrl: fc.option(str, { nil: undefined }), escalated: fc.constantFrom('redact_without_text' as const), internal: str },
    { requiredKeys: ['ruleId', 'effect', 'message', 'internal'] },
  ),
);
const provider = maybeFrozen(fc.record({ slug: str, name: str, status: fc.constantFrom('approved', 'restricted', 'under_review', 'blocked' as const), riskScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), domains: fc.array(str) }));
const finding = fc.record({ dataClass: str, detector: str, start: fc.nat(), end: fc.nat(), confidence: fc.double({ min: 0, max: 1, noNaN: true }), text: str });
const answer = fc.record(
  {
    decisionId: fc.uuid(),
    requestId: str,
    correlationId: str,
    effect,
    reasons: maybeFrozen(fc.array(reason, { maxLength: 4 })),
    provider: fc.option(provider, { nil: null }),
    destination: fc.record({ host: fc.option(str, { nil: null }), aiDestination: fc.boolean(), unknownAi: fc.boolean() }),
    action: fc.constantFrom('access', 'prompt', 'upload' as const),
    networkZones: maybeFrozen(fc.array(str, { maxLength: 3 })),
    ipSource: fc.constantFrom('context', 'connection', 'none'),
    dataClasses: maybeFrozen(fc.array(str, { maxLength: 3 })),
    findings: fc.array(finding, { maxLength: 3 }),
    redactedText: str,
    redactedClasses: maybeFrozen(fc.array(str, { maxLength: 3 })),
    policyVersion: fc.nat(),
    ttlSeconds: fc.nat(),
    evaluatedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    stale: fc.record({ since: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), seconds: fc.nat() }),
  },
  { requiredKeys: ['decisionId', 'effect', 'reasons', 'provider', 'destination', 'action', 'networkZones', 'ipSource', 'dataClasses', 'findings', 'policyVersion', 'ttlSeconds', 'evaluatedAt'] },
);

describe('decisionJson', () => {
  it('writes exactly what the response contract names, for any answer', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const r = a as unknown as DecisionResponse;
        // Twice: the second answer reuses the fragments cached for frozen objects.
        for (let i = 0; i < 2; i++) expect(JSON.parse(decisionJson(r))).toEqual(decisionResponse.parse(r));
      }),
      { numRuns: 500 },
    );
  });

  it('never writes the extra fields engine objects carry', () => {
    const r = {
      decisionId: '00000000-0000-4000-8000-000000000001',
      effect: 'redact',
      reasons: Object.freeze([Object.freeze({ ruleId: 'r', effect: 'redact', message: 'm', secret: 'x' })]),
      provider: null,
      destination: { host: 'chat.example', aiDestination: true, unknownAi: false },
      action: 'prompt',
      networkZones: [],
      ipSource: 'none',
      dataClasses: ['personal_data'],
      findings: [{ dataClass: 'personal_data', detector: 'email', start: 0, end: 5, confidence: 1, text: 'ann@x' }],
      policyVersion: 1,
      ttlSeconds: 0,
      evaluatedAt: '2026-11-29T10:00:00.000Z',
    } as unknown as DecisionResponse;
    const json = decisionJson(r);
    expect(json).not.toContain('secret');
    expect(json).not.toContain('ann@x');
  });
});
