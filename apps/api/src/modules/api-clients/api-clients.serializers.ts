import type { ApiClientOutput, ApiKeyOutput } from '@airlock/contracts';
import { iso } from '../../common/list-response';
import type { ApiClient, ApiKey } from '../../generated/prisma/client';

export function toApiClientOutput(c: ApiClient & { keys: ApiKey[] }): ApiClientOutput {
  const now = Date.now();
  const keys = c.keys.map((k) => ({
    id: k.id,
    prefix: k.prefix,
    createdAt: iso(k.createdAt),
    expiresAt: iso(k.expiresAt),
    lastUsedAt: iso(k.lastUsedAt),
    revokedAt: iso(k.revokedAt),
    active: !k.revokedAt && (!k.expiresAt || k.expiresAt.getTime() > now),
  }) satisfies ApiKeyOutput);
  const lastUsed = c.keys.map((k) => k.lastUsedAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    scopes: c.scopes,
    rateLimitPerMinute: c.rateLimitPerMinute,
    mayAssertGroups: c.mayAssertGroups,
    mayAssertIp: c.mayAssertIp,
    mayAssertZones: c.mayAssertAnyZone ? ('any' as const) : c.mayAssertZones,
    revokedAt: iso(c.revokedAt),
    lastUsedAt: lastUsed ? new Date(lastUsed).toISOString() : null,
    keyPrefix: keys.find((k) => k.active)?.prefix ?? null,
    keys,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  } satisfies ApiClientOutput;
}
