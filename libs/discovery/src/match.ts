import { DomainIndex, extractHost, normalizeDomainPattern } from '@airlock/policy-engine';
import type { KnownAiService } from './known-services';
import { own } from './lines';

/** A catalog entry as matching needs it. */
export interface CatalogEntry {
  slug: string;
  name: string;
  status: string;
  domains: readonly string[];
}

export type HostMatch =
  | { kind: 'catalog'; slug: string; name: string; status: string }
  | { kind: 'known'; slug: string; name: string; service: KnownAiService };

const HOST_CHARS = /^[a-z0-9._:-]+$/;

/**
 * The host a log's destination names, normalized as the decision path does (extractHost: lowercase,
 * punycode, no port, path, user or trailing dot), or null when it names none a resolver could ask for.
 */
export function hostOf(destination: string): string | null {
  const host = extractHost(destination);
  if (host === null || host.length > 253 || !HOST_CHARS.test(host)) return null;
  return host;
}

/**
 * Hosts to AI services: the organization's catalog first (the policy engine's DomainIndex, so exact
 * and `*.` wildcard domains match as decisions do: a wildcard never covers its apex), then the list
 * of known AI services outside the catalog. Lookups are cached (bounded).
 */
export class HostMatcher {
  private readonly catalog = new DomainIndex<HostMatch>();
  private readonly known = new DomainIndex<HostMatch>();
  private cache = new Map<string, HostMatch | null>();

  constructor(catalog: readonly CatalogEntry[], known: readonly KnownAiService[]) {
    for (const p of catalog) {
      const entry: HostMatch = { kind: 'catalog', slug: p.slug, name: p.name, status: p.status };
      for (const d of p.domains) {
        const pattern = normalizeDomainPattern(d);
        if (!('error' in pattern)) this.catalog.add(pattern, entry);
      }
    }
    for (const s of known) {
      const entry: HostMatch = { kind: 'known', slug: s.slug, name: s.name, service: s };
      for (const d of s.domains) {
        const pattern = normalizeDomainPattern(d);
        if (!('error' in pattern)) this.known.add(pattern, entry);
      }
    }
  }

  /** `host` must come from hostOf. */
  match(host: string): HostMatch | null {
    const cached = this.cache.get(host);
    if (cached !== undefined) return cached;
    const found = this.catalog.lookup(host) ?? this.known.lookup(host) ?? null;
    if (this.cache.size >= 50_000) this.cache = new Map();
    this.cache.set(own(host), found);
    return found;
  }
}
