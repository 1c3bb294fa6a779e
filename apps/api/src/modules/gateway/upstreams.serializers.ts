import type { GatewayUpstreamOutput } from '@airlock/contracts';
import type { GatewayUpstream } from '../../generated/prisma/client';

/** An upstream as the API shows it: the key only as its last four characters. */
export function toUpstreamOutput(u: GatewayUpstream): GatewayUpstreamOutput {
  return {
    id: u.id,
    name: u.name,
    api: u.api as GatewayUpstreamOutput['api'],
    providerSlug: u.providerSlug,
    baseUrl: u.baseUrl,
    keyLast4: u.keyLast4,
    enabled: u.enabled,
    timeoutSeconds: u.timeoutSeconds,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** What the audit log records of an upstream (never the key, sealed or not). */
export function upstreamAuditView(u: GatewayUpstream) {
  return { id: u.id, name: u.name, api: u.api, providerSlug: u.providerSlug, baseUrl: u.baseUrl, keyLast4: u.keyLast4, enabled: u.enabled, timeoutSeconds: u.timeoutSeconds };
}
