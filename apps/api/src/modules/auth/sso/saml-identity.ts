import type { Profile } from '@node-saml/node-saml';
import type { FederatedIdentity } from './federated-sign-in.service';
import { claimValues, displayName } from './sso-claims';

/**
 * The attribute names identity providers use, tried in order when the connection names none:
 * Okta's and Google Workspace's usual (`email`, `name`, `groups`, as set in the app's attribute
 * statements), Microsoft Entra ID's claim URIs, and the LDAP/eduPerson OIDs of Shibboleth-style IdPs.
 */
export const SAML_DEFAULT_ATTRIBUTES = {
  email: ['email', 'mail', 'emailAddress', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'urn:oid:0.9.2342.19200300.100.1.3'],
  name: ['name', 'displayName', 'http://schemas.microsoft.com/identity/claims/displayname', 'urn:oid:2.16.840.1.113730.3.1.241'],
  givenName: ['firstName', 'givenName', 'given_name', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'urn:oid:2.5.4.42'],
  familyName: ['lastName', 'surname', 'sn', 'family_name', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'urn:oid:2.5.4.4'],
  groups: ['groups', 'memberOf', 'isMemberOf', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups', 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1'],
} as const;

const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

export interface SamlAttributeNames {
  email: string | null;
  name: string | null;
  groups: string | null;
}

/** The string values of an attribute (one or many; complex values and empty strings dropped). */
function stringsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
}

/** The attribute's values by its exact name, else without regard to case; the first of `names` that is present. */
function lookup(attributes: Record<string, unknown>, names: readonly string[]): string[] {
  for (const name of names) {
    if (Object.hasOwn(attributes, name)) {
      const values = stringsOf(attributes[name]);
      if (values.length) return values;
    }
    const lower = name.toLowerCase();
    const key = Object.keys(attributes).find((k) => k.toLowerCase() === lower);
    if (key) {
      const values = stringsOf(attributes[key]);
      if (values.length) return values;
    }
  }
  return [];
}

const looksLikeEmail = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

export class SamlIdentityError extends Error {}

/**
 * Who a validated SAML assertion says signed in: the NameID is the stable subject (a transient one
 * is refused: it changes at every sign-in, so the account could never be found again), the e-mail
 * comes from the configured attribute or the usual ones, else from the NameID when it is an
 * address; name and groups likewise.
 */
export function samlIdentity(issuer: string, profile: Profile, names: SamlAttributeNames): FederatedIdentity {
  if (!profile.nameID) throw new SamlIdentityError('The assertion has no NameID');
  if (profile.nameIDFormat === TRANSIENT) {
    throw new SamlIdentityError('The identity provider sends a transient NameID, which changes at every sign-in: set the application\'s NameID to a persistent id or the e-mail address');
  }
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const pick = (configured: string | null, defaults: readonly string[]) => lookup(attributes, configured ? [configured] : defaults);
  const email = pick(names.email, SAML_DEFAULT_ATTRIBUTES.email).find(looksLikeEmail) ?? (looksLikeEmail(profile.nameID) ? profile.nameID : null);
  const nameClaims: Record<string, unknown> = {
    name: pick(names.name, SAML_DEFAULT_ATTRIBUTES.name)[0],
    given_name: lookup(attributes, SAML_DEFAULT_ATTRIBUTES.givenName)[0],
    family_name: lookup(attributes, SAML_DEFAULT_ATTRIBUTES.familyName)[0],
  };
  return {
    issuer,
    subject: profile.nameID.slice(0, 1024),
    email: email ? email.toLowerCase() : null,
    emailVerified: null,
    name: displayName(nameClaims, email ?? profile.nameID),
    groups: claimValues(pick(names.groups, SAML_DEFAULT_ATTRIBUTES.groups)),
  };
}
