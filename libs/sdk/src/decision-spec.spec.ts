import { requiredDataClasses, compilePolicy } from '@airlock/policy-engine';
import { loadDecisionSpec, specDirectory, specPolicyMaterial, summarise } from '../../../test/support/decision-spec';
import type { AirlockClient, PolicyBundle } from './client';
import { LocalDecider } from './local-decider';

/**
 * The shared decision specification (test/fixtures/decision-spec.json) through the SDK's
 * LocalDecider, from a bundle shaped as GET /v1/bundle serves it (hashed directory included). The
 * decision function itself is checked in libs/decision-core; the integration test fetches the real
 * bundle from the API.
 */
describe('decision specification: LocalDecider', () => {
  const spec = loadDecisionSpec();
  const m = specPolicyMaterial(spec);
  const { settings } = spec.policy;
  const bundle: PolicyBundle = {
    policyVersion: 7,
    contentHash: 'spec',
    publishedAt: new Date(0).toISOString(),
    rules: m.rules,
    catalog: m.catalog,
    zones: m.zones,
    detectors: {
      classes: requiredDataClasses(compilePolicy(m.rules, m.catalog, m.zones, settings)).classes,
      settings: { allowEmailDomains: settings.allowEmailDomains, markings: settings.markings, defaultPhoneRegion: settings.defaultPhoneRegion },
      custom: [],
    },
    settings: { restrictedJurisdictions: settings.restrictedJurisdictions, decisionTtlSeconds: settings.decisionTtlSeconds },
    directory: specDirectory(spec).toBundle('spec-salt'),
    client: { mayAssertGroups: true, mayAssertIp: true, mayAssertZones: 'any' },
  };
  const client = { fetchBundle: async () => ({ bundle, etag: '"spec"' }) } as unknown as AirlockClient;
  let local: LocalDecider;
  beforeAll(async () => {
    local = await LocalDecider.start(client, { watch: false });
  });
  afterAll(() => local.stop());

  it.each(spec.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const answer = local.decide(c.request);
    expect(summarise(answer)).toEqual(c.expect);
    expect(answer.policyVersion).toBe(7);
    expect(answer.ipSource).toBe(c.request.context?.ip !== undefined ? 'context' : 'none');
    // What a client would cache or send on: plain JSON.
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
  });
});
