import { loadDecisionSpec, specDirectory, specPolicyMaterial, summarise } from '../../../test/support/decision-spec';
import { compileDecisionPolicy } from './compile';
import { BundleDirectory } from './directory';
import { decideLocally } from './local-decide';
import { resolveRequest } from './subject';

/**
 * The shared decision specification (test/fixtures/decision-spec.json) through the function the
 * API and the SDK's local evaluation both run. The integration test runs the same cases over HTTP.
 */
describe('decision specification: decideLocally', () => {
  const spec = loadDecisionSpec();
  const policy = compileDecisionPolicy(specPolicyMaterial(spec));
  // The server's directory and the bundle's hashed one must resolve every case the same way.
  const server = specDirectory(spec);
  const bundled = new BundleDirectory(server.toBundle('spec-salt'));

  it.each(spec.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    for (const directory of [server, bundled]) {
      const r = decideLocally(policy, resolveRequest(c.request, directory).request);
      expect(
        summarise({ effect: r.decision.effect, reasons: r.decision.reasons, findings: r.findings, redactedText: r.redactedText, redactedClasses: r.redactedClasses }),
      ).toEqual(c.expect);
    }
  });

  it('covers the cases of issue 23', () => {
    expect(spec.cases.filter((c) => c.name.startsWith('issue 23'))).toHaveLength(2);
    expect(spec.cases.some((c) => c.expect.reasons.some((r) => r.escalated === 'redact_without_text'))).toBe(true);
  });
});
