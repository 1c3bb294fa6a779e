import { createHash } from 'node:crypto';
import { canonicalJson } from '@airlock/policy-engine';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  organizationId: string;
  seq: number;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  createdAt: Date;
}

/** hash_n = SHA-256(hash_{n-1} || canonical JSON of event n): changing or removing any event breaks every later link. */
export function auditHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    organizationId: e.organizationId,
    seq: e.seq,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    ip: e.ip,
    createdAt: e.createdAt.toISOString(),
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

const SECRET_KEYS = /^(password|passwordhash|secret|clientsecret|keyhash|key|token|tokenhash|statustokenhash|csrftoken|apikey)$/i;

/** Before/after snapshots with secrets masked, so the audit log never becomes a place to steal them. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEYS.test(k) && v !== null && v !== undefined ? '[masked]' : maskSecrets(v);
    }
    return out;
  }
  return value;
}
