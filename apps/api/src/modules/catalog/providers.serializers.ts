import type { ProviderOutput } from '@airlock/contracts';
import { iso } from '../../common/list-response';
import type { Provider } from '../../generated/prisma/client';
import { isStale, oldestKeySourceAsOf } from './catalog-release';

/** The catalog entry as the API shows it (allow-listed fields); `maxAgeDays` flags stale sources. */
export function toProviderOutput(p: Provider, maxAgeDays = 365) {
  const oldestSourceAsOf = oldestKeySourceAsOf(p.sources);
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    vendor: p.vendor,
    description: p.description,
    website: p.website,
    domains: p.domains,
    channels: p.channels,
    hqCountry: p.hqCountry,
    dataCountries: p.dataCountries,
    trainsOnInputs: p.trainsOnInputs,
    retention: p.retention,
    retentionDays: p.retentionDays,
    zeroRetentionOffer: p.zeroRetentionOffer,
    collects: p.collects,
    sharesWith: p.sharesWith,
    certifications: p.certifications,
    enterpriseOffering: p.enterpriseOffering,
    notes: p.notes,
    sources: p.sources as ProviderOutput['sources'],
    unknownFacts: p.unknownFacts as ProviderOutput['unknownFacts'],
    accountTypes: p.accountTypes as ProviderOutput['accountTypes'],
    sharedHosts: p.sharedHosts as ProviderOutput['sharedHosts'],
    oldestSourceAsOf,
    staleSources: isStale(oldestSourceAsOf, maxAgeDays),
    status: p.status,
    statusReason: p.statusReason,
    statusChangedAt: iso(p.statusChangedAt),
    riskScore: p.riskScore,
    riskFactors: p.riskFactors as ProviderOutput['riskFactors'],
    builtin: p.builtin,
    catalogVersion: p.catalogVersion,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  } satisfies ProviderOutput;
}
