import { loadDecisionSpec, specPolicyMaterial, summarise } from '../../../test/support/decision-spec';
import { compileDecisionPolicy } from './compile';
import { decideLocally } from './local-decide';

/**
 * The shared decision specification (test/fixtures/decision-spec.json) through the function the
 * API and the SDK's local evaluation both run. The integration test runs the same cases over HTTP.
 */
describe('decision specification: decideLocally', () => {
  const spec = loadDecisionSpec();
  const policy = compileDecisionPolicy(specPolicyMaterial(spec));

  it.each(spec.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = decideLocally(policy, c.request);
    expect(
      summarise({ effect: r.decision.effect, reasons: r.decision.reasons, findings: r.findings, redactedText: r.redactedText, redactedClasses: r.redactedClasses }),
    ).toEqual(c.expect);
  });

  it('covers the cases of issue 23', () => {
    expect(spec.cases.filter((c) => c.name.startsWith('issue 23'))).toHaveLength(2);
    expect(spec.cases.some((c) => c.expect.reasons.some((r) => r.escalated === 'redact_without_text'))).toBe(true);
  });
});
