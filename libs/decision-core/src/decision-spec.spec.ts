import { loadDecisionSpec, specDirectory, specPolicyMaterial, summarise } from '../../../test/support/decision-spec';
import { compileDecisionPolicy } from './compile';
import { decideLocally } from './decide';
import { BundleDirectory } from './directory';
import { toDecisionResponse } from './response';
import { resolveRequest } from './subject';

/**
 * The shared decision specification (test/fixtures/decision-spec.json) through the function the
 * API, the SDK's local evaluation and the browser extension all run, up to the answer they give
 * (toDecisionResponse). browser-bundle.spec.ts runs the same cases through the browser bundle, the
 * SDK's spec through LocalDecider, the integration test over HTTP and the CLI.
 */
describe('decision specification: decideLocally and toDecisionResponse', () => {
  const spec = loadDecisionSpec();
  const policy = compileDecisionPolicy(specPolicyMaterial(spec));
  // The server's directory and the bundle's hashed one must resolve every case the same way.
  const server = specDirectory(spec);
  const bundled = new BundleDirectory(server.toBundle('spec-salt'));

  it.each(spec.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    for (const directory of [server, bundled]) {
      const resolved = resolveRequest(c.request, directory);
      const answer = toDecisionResponse(decideLocally(policy, resolved.request), {
        action: c.request.action,
        ipSource: resolved.ipSource,
        policyVersion: 1,
        decisionTtlSeconds: spec.policy.settings.decisionTtlSeconds,
        evaluatedAt: new Date().toISOString(),
      });
      expect(summarise(answer)).toEqual(c.expect);
      if (c.expect.effect !== 'redact') expect(answer).not.toHaveProperty('redactedText');
    }
  });

  it('covers every effect, escalation, redaction and both TTL outcomes', () => {
    const expects = spec.cases.map((c) => c.expect);
    for (const effect of ['allow', 'warn', 'redact', 'block']) expect(expects.some((e) => e.effect === effect)).toBe(true);
    expect(spec.cases.filter((c) => c.name.startsWith('issue 23'))).toHaveLength(2);
    expect(expects.some((e) => e.reasons.some((r) => r.escalated === 'redact_without_text'))).toBe(true);
    expect(expects.some((e) => e.redactedText !== undefined && e.findingClasses.length > 0)).toBe(true);
    expect(expects.some((e) => e.ttlSeconds > 0 && e.effect === 'block')).toBe(true);
    expect(expects.some((e) => e.ttlSeconds === 0 && e.effect === 'warn')).toBe(true);
  });
});
