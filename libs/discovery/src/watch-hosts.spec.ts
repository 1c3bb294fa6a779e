import type { CatalogProvider, PolicyRule } from '@airlock/policy-engine';
import { bundleWatchHosts, policyWatchesUnknownAi, unknownAiHosts } from './watch-hosts';
import type { KnownAiServiceList } from './known-services';

const source = { url: 'https://example.com/list', kind: 'third_party' as const, asOf: '2026-09-30' };
const known: KnownAiServiceList = {
  version: '2026-12-03',
  asOf: '2026-12-03',
  services: [
    { slug: 'tome', name: 'Tome', domains: ['tome.app', '*.tome.app'], category: 'slides', source },
    { slug: 'writer', name: 'Writer', domains: ['app.writer.com'], category: 'writing', source },
    // Covered by the catalog below: its exact host, and a wildcard under the catalog's own wildcard.
    { slug: 'deepseek-api', name: 'DeepSeek API', domains: ['chat.deepseek.com', '*.api.deepseek.com'], category: 'chat', source },
  ],
};
const provider = (slug: string, domains: string[]): CatalogProvider => ({
  slug,
  name: slug,
  status: 'approved',
  domains,
  channels: ['web'],
  hqCountry: 'US',
  dataCountries: ['US'],
  trainsOnInputs: 'no',
  zeroRetentionOffer: false,
});
const catalog = [provider('deepseek', ['chat.deepseek.com', '*.deepseek.com'])];
const rule = (when: PolicyRule['when'], enabled = true): PolicyRule => ({ id: 'r', priority: 1, enabled, when, effect: 'block', message: 'm' });

describe('hosts the extension watches beyond the catalog', () => {
  it('are the known AI services’ hosts the catalog does not cover, sorted', () => {
    expect(unknownAiHosts(known, catalog)).toEqual(['*.tome.app', 'app.writer.com', 'tome.app']);
    expect(unknownAiHosts(known, [])).toEqual(['*.api.deepseek.com', '*.tome.app', 'app.writer.com', 'chat.deepseek.com', 'tome.app']);
  });

  it('are carried only when an enabled rule can match an unknown AI destination', () => {
    expect(policyWatchesUnknownAi([rule({ unknownAiDestination: true })])).toBe(true);
    expect(policyWatchesUnknownAi([rule({ providerStatus: ['unknown', 'blocked'] })])).toBe(true);
    expect(policyWatchesUnknownAi([rule({ unknownAiDestination: true }, false)])).toBe(false);
    expect(policyWatchesUnknownAi([rule({ unknownAiDestination: false }), rule({ providerStatus: ['blocked'] })])).toBe(false);
    // None-of conditions about the service that an unknown AI service passes: "not approved", "not ChatGPT".
    expect(policyWatchesUnknownAi([rule({ noneOf: { providerStatus: ['approved'] } })])).toBe(true);
    expect(policyWatchesUnknownAi([rule({ noneOf: { providers: ['openai-chatgpt'] } })])).toBe(true);
    expect(policyWatchesUnknownAi([rule({ noneOf: { providerStatus: ['approved', 'unknown'] } })])).toBe(false);
    expect(policyWatchesUnknownAi([rule({ noneOf: { groups: ['legal'] } })])).toBe(false);
    expect(bundleWatchHosts([rule({ dataClasses: ['credentials'] })], catalog, known)).toEqual([]);
    expect(bundleWatchHosts([rule({ unknownAiDestination: true, dataClasses: ['credentials'] })], catalog, known)).toEqual(['*.tome.app', 'app.writer.com', 'tome.app']);
  });
});
