import type { Role } from '../../../generated/prisma/enums';
import { ROLE_RANK } from '../permissions';

/** The values of the groups claim: an array of strings, or one string; anything else counts as none. */
export function claimValues(claim: unknown): string[] {
  const raw = Array.isArray(claim) ? claim : typeof claim === 'string' ? [claim] : [];
  return [...new Set(raw.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 256))].slice(0, 1000);
}

/**
 * Group values compare without regard to case: providers differ in how they spell a group
 * ("Airlock-Admins" in Entra ID, "airlock-admins" typed in the console) and nobody means two groups.
 */
const groupKey = (value: string) => value.normalize('NFC').toLocaleLowerCase('en-US');

/** The highest role any claim value maps to, or null when none maps. */
export function mappedRole(values: readonly string[], mappings: Record<string, Role>): Role | null {
  const byKey = new Map<string, Role>();
  for (const [value, role] of Object.entries(mappings)) {
    const key = groupKey(value);
    const known = byKey.get(key);
    if (!known || ROLE_RANK[role] > ROLE_RANK[known]) byKey.set(key, role);
  }
  let best: Role | null = null;
  for (const v of values) {
    const r = byKey.get(groupKey(v));
    if (r && (!best || ROLE_RANK[r] > ROLE_RANK[best])) best = r;
  }
  return best;
}

/**
 * The user's groups after an SSO sign-in: groups that name SSO values (Group.ssoGroups) follow the
 * IdP (joined when a claim value matches, left when none does); the others stay as set in Airlock.
 */
export function syncedGroups(current: readonly string[], values: readonly string[], managed: readonly { name: string; ssoGroups: string[] }[]): string[] {
  const claimed = new Set(values.map(groupKey));
  const managedNames = new Set(managed.map((g) => g.name));
  const fromIdp = managed.filter((g) => g.ssoGroups.some((s) => claimed.has(groupKey(s)))).map((g) => g.name);
  return [...new Set([...current.filter((g) => !managedNames.has(g)), ...fromIdp])].sort();
}

/** A display name from the usual OpenID claims. */
export function displayName(claims: Record<string, unknown>, email: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const str = (v: unknown) => (typeof v === 'string' ? v.replace(/[\u0000-\u001f\u007f]/g, '').trim() : '');
  const name = str(claims.name) || [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(' ') || str(claims.preferred_username) || email;
  return name.slice(0, 200);
}
