/** The SSO-only facts of an organization's connection, as the password paths read them. */
export interface SsoOnlyFacts {
  enabled: boolean;
  ssoOnly: boolean;
  breakGlassUserId: string | null;
}

/** Prisma select for SsoOnlyFacts through a user's organization. */
export const SSO_ONLY_SELECT = { organization: { select: { ssoConnection: { select: { enabled: true, ssoOnly: true, breakGlassUserId: true } } } } } as const;

/**
 * Whether a user may use a password (sign in, reset it, set it from an invitation): always, unless
 * the organization is SSO-only through an enabled connection and the user is not its break-glass
 * owner. A connection turned off lifts SSO-only, so that switching SSO off never locks everyone out.
 */
export function passwordAllowed(sso: SsoOnlyFacts | null | undefined, userId: string): boolean {
  if (!sso?.enabled || !sso.ssoOnly) return true;
  return sso.breakGlassUserId === userId;
}
