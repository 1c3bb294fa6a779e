import type { Role } from '../../generated/prisma/enums';

export type ApiScope = 'decide' | 'bundle' | 'incidents:write';
export const API_SCOPES: readonly ApiScope[] = ['decide', 'bundle', 'incidents:write'];

export interface UserAuth {
  kind: 'user';
  organizationId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  groups: string[];
  sessionId: string;
  csrfToken: string;
}

export interface ApiClientAuth {
  kind: 'api_client';
  organizationId: string;
  clientId: string;
  clientName: string;
  keyId: string;
  scopes: readonly string[];
  rateLimitPerMinute: number | null;
}

export type AuthContext = UserAuth | ApiClientAuth;

/** Who did something, as recorded in the audit log and incident timelines. */
export interface Actor {
  type: 'user' | 'api_client' | 'system' | 'anonymous';
  id: string | null;
  label: string;
}

export function actorOf(auth: AuthContext | null | undefined): Actor {
  if (!auth) return { type: 'system', id: null, label: 'system' };
  if (auth.kind === 'user') return { type: 'user', id: auth.userId, label: auth.email };
  return { type: 'api_client', id: auth.clientId, label: `api client ${auth.clientName}` };
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}
