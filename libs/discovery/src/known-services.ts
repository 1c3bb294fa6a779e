import { normalizeDomainPattern } from '@airlock/policy-engine';

/** An AI service Airlock knows of that is not in the built-in catalog, with where that knowledge comes from. */
export interface KnownAiService {
  slug: string;
  name: string;
  /** Exact hosts and `*.` wildcards, as in the catalog. */
  domains: string[];
  /** What it is, in a few words. */
  category: string;
  source: { url: string; kind: 'provider' | 'third_party'; asOf: string; note?: string };
}

export interface KnownAiServiceList {
  version: string;
  asOf: string;
  services: KnownAiService[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the shipped list (prisma/seed/known-ai-services.json); throws naming the first problem. */
export function parseKnownAiServices(raw: unknown): KnownAiServiceList {
  const fail = (where: string, what: string): never => {
    throw new Error(`known AI services list: ${where}: ${what}`);
  };
  if (typeof raw !== 'object' || raw === null) fail('root', 'must be an object');
  const o = raw as Record<string, unknown>;
  if (typeof o.version !== 'string' || o.version === '') fail('version', 'must be a string');
  if (typeof o.asOf !== 'string' || !DATE.test(o.asOf)) fail('asOf', 'must be a YYYY-MM-DD date');
  if (!Array.isArray(o.services)) return fail('services', 'must be a list');
  const slugs = new Set<string>();
  const services = (o.services as unknown[]).map((s, i): KnownAiService => {
    const where = `services[${i}]`;
    if (typeof s !== 'object' || s === null) fail(where, 'must be an object');
    const e = s as Record<string, unknown>;
    if (typeof e.slug !== 'string' || !SLUG.test(e.slug) || e.slug.length > 64) fail(`${where}.slug`, 'must be a lowercase slug');
    if (slugs.has(e.slug as string)) fail(`${where}.slug`, `"${String(e.slug)}" is listed twice`);
    slugs.add(e.slug as string);
    if (typeof e.name !== 'string' || e.name.trim() === '') fail(`${where}.name`, 'must be a name');
    if (typeof e.category !== 'string' || e.category.trim() === '') fail(`${where}.category`, 'must say what it is');
    if (!Array.isArray(e.domains) || e.domains.length === 0) fail(`${where}.domains`, 'must list at least one domain');
    for (const d of e.domains as unknown[]) {
      const p = normalizeDomainPattern(d);
      if ('error' in p) fail(`${where}.domains`, p.error);
    }
    const src = e.source as Record<string, unknown> | undefined;
    if (!src || typeof src.url !== 'string' || !/^https:\/\//.test(src.url)) fail(`${where}.source.url`, 'must be an https URL');
    if (src!.kind !== 'provider' && src!.kind !== 'third_party') fail(`${where}.source.kind`, 'must be provider or third_party');
    if (typeof src!.asOf !== 'string' || !DATE.test(src!.asOf)) fail(`${where}.source.asOf`, 'must be a YYYY-MM-DD date');
    return e as unknown as KnownAiService;
  });
  return { version: o.version as string, asOf: o.asOf as string, services };
}
