import { type CatalogProvider, type Conditions, DomainIndex, normalizeDomainPattern, type PolicyRule } from '@airlock/policy-engine';
import type { KnownAiServiceList } from './known-services';

/**
 * Whether an enabled rule is about AI destinations outside the catalog: `unknownAiDestination: true`,
 * `providerStatus` naming 'unknown' (which matches the same destinations), or a none-of about the
 * service that they pass (`noneOf.providers`: an unknown service is none of them; `noneOf.providerStatus`
 * without 'unknown', e.g. "not approved"). Only then does a client that watches a fixed set of hosts
 * (the browser extension) need hosts beyond the catalog.
 */
export function policyWatchesUnknownAi(rules: readonly PolicyRule[]): boolean {
  return rules.some((r) => r.enabled && aboutUnknownAi(r.when));
}

function aboutUnknownAi(c: Conditions): boolean {
  const notStatus = c.noneOf?.providerStatus ?? [];
  return (
    c.unknownAiDestination === true ||
    (c.providerStatus ?? []).includes('unknown') ||
    (c.noneOf?.providers ?? []).length > 0 ||
    (notStatus.length > 0 && !notStatus.includes('unknown'))
  );
}

/**
 * The host patterns (exact `a.b` or `*.a.b`) of the known AI services that the catalog does not
 * cover: where a client must watch for unknown AI destinations. A pattern the catalog resolves (the
 * same host, or a wildcard of the catalog's covering it) is left out: that traffic is the catalog
 * provider's. Sorted, without duplicates.
 */
export function unknownAiHosts(known: KnownAiServiceList, catalog: readonly CatalogProvider[]): string[] {
  const index = new DomainIndex<true>();
  for (const p of catalog) {
    for (const d of p.domains) {
      const pattern = normalizeDomainPattern(d);
      if (!('error' in pattern)) index.add(pattern, true);
    }
  }
  const out = new Set<string>();
  for (const s of known.services) {
    for (const d of s.domains) {
      const pattern = normalizeDomainPattern(d);
      if ('error' in pattern) continue;
      // A wildcard is covered when a host under it resolves to the catalog (its own or a parent's wildcard).
      const probe = pattern.wildcard ? `airlock-probe.${pattern.host}` : pattern.host;
      if (index.lookup(probe)) continue;
      out.add(pattern.wildcard ? `*.${pattern.host}` : pattern.host);
    }
  }
  return [...out].sort();
}

/**
 * What /v1/bundle's `watchHosts` carries: the known AI services' hosts outside the catalog when the
 * policy has a rule for unknown AI destinations, else nothing (watching them would decide nothing).
 */
export function bundleWatchHosts(rules: readonly PolicyRule[], catalog: readonly CatalogProvider[], known: KnownAiServiceList): string[] {
  return policyWatchesUnknownAi(rules) ? unknownAiHosts(known, catalog) : [];
}
