import type { UserOutput } from '@airlock/contracts';
import { iso } from '../../common/list-response';
import type { UserRow } from './users.repository';

/** The allow-listed output of a user: never the password hash, the SSO subject or tokens. */
export function userOut(u: UserRow) {
  const invitation = u.tokens[0];
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    groups: u.groups,
    disabled: u.disabled,
    hasPassword: u.passwordHash !== null,
    sso: u.ssoSubject !== null,
    invitationPending: !u.passwordHash && !u.ssoSubject && invitation !== undefined,
    invitationExpiresAt: !u.passwordHash && invitation ? iso(invitation.expiresAt) : null,
    lastLoginAt: iso(u.lastLoginAt),
    createdAt: iso(u.createdAt),
    updatedAt: iso(u.updatedAt),
  } satisfies UserOutput;
}

/** What the audit log keeps of a user (secrets are masked there too, this is belt and braces). */
export function userAudit(u: UserRow) {
  const { tokens: _t, passwordHash, ...rest } = u;
  return { ...rest, passwordHash: passwordHash ? '[set]' : null };
}
