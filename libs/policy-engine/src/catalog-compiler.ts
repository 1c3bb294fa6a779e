import { normalizeDomainPattern } from './destination';
import { DomainIndex } from './domain-index';
import { CHANNELS, PROVIDER_STATUSES, TRAINS_ON_INPUTS, type CatalogProvider, type DecisionProvider, type ProviderStatus, type TrainsOnInputs } from './types';
import { COUNTRY, type Issues, isNonEmptyString, isObject, listOfCountries, oneOf, type Path } from './validation';

/** A catalog entry as the evaluator uses it: normalized, with its answer object built once. */
export interface ProviderEntry {
  index: number;
  slug: string;
  status: ProviderStatus;
  hqCountry: string;
  dataCountries: readonly string[];
  trainsOnInputs: TrainsOnInputs;
  zeroRetentionOffer: boolean;
  /** HQ or a data country is in settings.restrictedJurisdictions. */
  restricted: boolean;
  output: DecisionProvider;
  provider: Readonly<CatalogProvider>;
}

export interface CompiledCatalog {
  entries: ProviderEntry[];
  bySlug: Map<string, ProviderEntry>;
  domains: DomainIndex<ProviderEntry>;
}

/**
 * Validates and indexes the provider catalog: slugs, exact and wildcard domains (a domain listed by
 * two providers is a warning, the first one wins), countries normalized, the restricted flag.
 */
export function compileCatalog(
  catalog: readonly CatalogProvider[],
  restricted: ReadonlySet<string>,
  issues: Issues,
): CompiledCatalog {
  const entries: ProviderEntry[] = [];
  const bySlug = new Map<string, ProviderEntry>();
  const domains = new DomainIndex<ProviderEntry>();
  if (!Array.isArray(catalog)) {
    issues.problem(['catalog'], 'the catalog must be a list of providers');
    return { entries, bySlug, domains };
  }
  catalog.forEach((raw: unknown, i) => {
    const path: Path = ['catalog', i];
    if (!isObject(raw)) {
      issues.problem(path, 'a provider must be an object');
      return;
    }
    const before = issues.problems.length;
    const p = raw as Partial<CatalogProvider>;
    const slug = isNonEmptyString(p.slug) && !/\s/.test(p.slug) ? p.slug.toLowerCase() : null;
    if (slug === null) issues.problem([...path, 'slug'], 'a provider needs a slug without spaces');
    else if (bySlug.has(slug)) issues.problem([...path, 'slug'], `provider "${slug}" is already in the catalog`);
    if (!isNonEmptyString(p.name)) issues.problem([...path, 'name'], 'a provider needs a name');
    if (!oneOf(PROVIDER_STATUSES, p.status)) {
      issues.problem([...path, 'status'], `status must be one of ${PROVIDER_STATUSES.join(', ')}`);
    }
    if (!oneOf(TRAINS_ON_INPUTS, p.trainsOnInputs)) {
      issues.problem([...path, 'trainsOnInputs'], `trainsOnInputs must be one of ${TRAINS_ON_INPUTS.join(', ')}`);
    }
    if (typeof p.zeroRetentionOffer !== 'boolean') issues.problem([...path, 'zeroRetentionOffer'], 'must be true or false');
    // Unknown headquarters (absent, null or "", as the catalog API allows) is '': no country matches it.
    const hqUnknown = p.hqCountry === undefined || p.hqCountry === null || p.hqCountry === '';
    const hq = hqUnknown ? '' : typeof p.hqCountry === 'string' && COUNTRY.test(p.hqCountry) ? p.hqCountry.toUpperCase() : null;
    if (hq === null) issues.problem([...path, 'hqCountry'], 'must be an ISO 3166-1 alpha-2 country code (or absent when unknown)');
    const dataCountries = listOfCountries(p.dataCountries, [...path, 'dataCountries'], issues);
    if (!Array.isArray(p.channels)) issues.problem([...path, 'channels'], 'must be a list of channels');
    else {
      p.channels.forEach((c: unknown, j) => {
        if (!oneOf(CHANNELS, c)) issues.problem([...path, 'channels', j], `channel must be one of ${CHANNELS.join(', ')}`);
      });
    }
    if (p.riskScore !== undefined && p.riskScore !== null) {
      if (typeof p.riskScore !== 'number' || !(p.riskScore >= 0 && p.riskScore <= 100)) {
        issues.problem([...path, 'riskScore'], 'must be a number from 0 to 100');
      }
    }
    const patterns: { pattern: { wildcard: boolean; host: string }; j: number }[] = [];
    if (!Array.isArray(p.domains)) issues.problem([...path, 'domains'], 'must be a list of domains');
    else {
      p.domains.forEach((d: unknown, j) => {
        const pattern = normalizeDomainPattern(d);
        if ('error' in pattern) issues.problem([...path, 'domains', j], pattern.error);
        else patterns.push({ pattern, j });
      });
    }
    if (issues.problems.length > before || slug === null || hq === null) return;

    const provider: Readonly<CatalogProvider> = Object.freeze({
      ...(p as CatalogProvider),
      slug,
      domains: Object.freeze(patterns.map(({ pattern }) => (pattern.wildcard ? `*.${pattern.host}` : pattern.host))) as string[],
      channels: Object.freeze([...(p.channels as string[])]) as CatalogProvider['channels'],
      hqCountry: hq,
      dataCountries: Object.freeze(dataCountries) as string[],
    });
    const entry: ProviderEntry = {
      index: entries.length,
      slug,
      status: provider.status,
      hqCountry: hq,
      dataCountries: provider.dataCountries,
      trainsOnInputs: provider.trainsOnInputs,
      zeroRetentionOffer: provider.zeroRetentionOffer,
      restricted: restricted.has(hq) || dataCountries.some((c) => restricted.has(c)),
      output: Object.freeze({
        slug,
        name: provider.name,
        status: provider.status,
        riskScore: typeof provider.riskScore === 'number' ? provider.riskScore : null,
      }),
      provider,
    };
    entries.push(entry);
    bySlug.set(slug, entry);
    for (const { pattern, j } of patterns) {
      const existing = domains.add(pattern, entry);
      if (existing !== undefined && existing !== entry) {
        const text = pattern.wildcard ? `*.${pattern.host}` : pattern.host;
        issues.warn([...path, 'domains', j], `"${text}" is already listed by provider "${existing.slug}"; that one is used`);
      }
    }
  });
  return { entries, bySlug, domains };
}
