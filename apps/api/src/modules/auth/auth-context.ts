import type { AssertionRights } from '@airlock/decision-core';
import type { Role } from '../../generated/prisma/enums';

export type ApiScope = 'decide' | 'bundle' | 'incidents:write' | 'scim' | 'gateway' | 'extension' | 'network' | 'discovery';
export const API_SCOPES: readonly ApiScope[] = ['decide', 'bundle', 'incidents:write', 'scim', 'gateway', 'extension', 'network', 'discovery'];
/** What a route asks of an API key: one scope, or any one of several. */
export type ScopeRequirement = ApiScope | readonly ApiScope[];

/** Whether a key's scopes meet a route's requirement (any one of the listed scopes will do). */
export function scopeMet(scopes: readonly string[], required: ScopeRequirement): boolean {
  return typeof required === 'string' ? scopes.includes(required) : required.some((s) => scopes.includes(s));
}

/** Where the request came from, recorded with the audit events it causes. */
export interface RequestOrigin {
  requestId?: string;
  ip?: string;
}

export interface UserAuth extends RequestOrigin {
  kind: 'user';
  organizationId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  groups: string[];
  sessionId: string;
  csrfToken: string;
  /** How the session was opened; MFA applies to password sessions only (SSO: the IdP's job). */
  method: 'password' | 'sso';
  /** The user has a confirmed second factor. */
  mfaEnabled: boolean;
  /** When a second factor was last proven in this session (sign-in or step-up). */
  mfaAt: Date | null;
  /** The organization requires MFA for the user's role and the user has none yet. */
  mfaEnrolmentRequired: boolean;
}

/** A password sign-in waiting for its second factor (the MFA pending cookie). */
export interface PendingAuth extends RequestOrigin {
  kind: 'mfa_pending';
  pendingId: string;
  organizationId: string;
  userId: string;
  email: string;
  webauthnChallenge: string | null;
}

export interface ApiClientAuth extends RequestOrigin {
  kind: 'api_client';
  organizationId: string;
  clientId: string;
  clientName: string;
  keyId: string;
  scopes: readonly string[];
  rateLimitPerMinute: number | null;
  /** What the client may assert in a decision request (frozen, shared by its keys). */
  rights: AssertionRights;
}

export type AuthContext = UserAuth | ApiClientAuth;

/** Who did something, as recorded in the audit log and incident timelines. */
export interface Actor {
  type: 'user' | 'api_client' | 'system' | 'anonymous';
  id: string | null;
  label: string;
  /** The request that acted, for the audit log (absent for system actions). */
  origin?: RequestOrigin;
}

export function actorOf(auth: AuthContext | null | undefined): Actor {
  if (!auth) return { type: 'system', id: null, label: 'system' };
  const origin = { requestId: auth.requestId, ip: auth.ip };
  if (auth.kind === 'user') return { type: 'user', id: auth.userId, label: auth.email, origin };
  return { type: 'api_client', id: auth.clientId, label: `api client ${auth.clientName}`, origin };
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    pending?: PendingAuth;
  }
}
