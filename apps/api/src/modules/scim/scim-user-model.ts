import { SCIM_SCHEMA, scimBoolean, type ScimPatchOperation, type ScimUserInput } from '@airlock/contracts';
import { z } from 'zod';
import { ScimError } from '../../common/scim-error-response';
import { parseScimPath } from './scim-filter';

/**
 * How a SCIM User maps onto an Airlock user, as pure functions (no database):
 * - `userName` (an e-mail address) or else the primary e-mail -> `User.email`, lower-cased; a PATCH
 *   of `userName` or of the work/primary e-mail changes it;
 * - `displayName`, else `name.formatted`, else `name.givenName` + `name.familyName` -> `User.name`
 *   (Airlock keeps one name: given and family names are read back by splitting it at the last space);
 * - `active` -> `!User.disabled`; `externalId` -> `User.externalId`.
 * Attributes of the advertised schemas that Airlock does not keep are accepted and ignored.
 */
export interface ScimUserFields {
  email: string;
  name: string;
  /** undefined: not given (a PUT without `active` leaves it as it is). */
  active?: boolean;
  externalId: string | null;
}

const emailShape = z.email().max(320);

const IGNORED = new Set([
  'nickname',
  'profileurl',
  'title',
  'usertype',
  'preferredlanguage',
  'locale',
  'timezone',
  'phonenumbers',
  'ims',
  'photos',
  'addresses',
  'entitlements',
  'roles',
  'x509certificates',
  'password',
]);
const READ_ONLY = new Set(['id', 'meta', 'groups', 'schemas']);

function email(value: unknown, path: string): string {
  const r = emailShape.safeParse(typeof value === 'string' ? value.trim() : value);
  if (!r.success) throw new ScimError('bad_request', 'invalidValue', `${path} must be an e-mail address (Airlock identifies users by e-mail)`);
  return r.data.toLowerCase();
}

function text(value: unknown, path: string, max = 200): string | null {
  if (value === null || value === undefined) return null;
  // eslint-disable-next-line no-control-regex -- refuses control characters
  if (typeof value !== 'string' || value.length > max || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new ScimError('bad_request', 'invalidValue', `${path} must be text of at most ${max} characters`);
  }
  return value.trim() || null;
}

function bool(value: unknown, path: string): boolean {
  const r = scimBoolean.safeParse(value);
  if (!r.success) throw new ScimError('bad_request', 'invalidValue', `${path} must be true or false`);
  return r.data;
}

function joinName(given: string | null | undefined, family: string | null | undefined): string | null {
  const n = [given, family].filter((p) => p && p.trim()).join(' ').trim();
  return n || null;
}

/** Given and family names read back from Airlock's single name (split at the last space). */
export function splitName(name: string): { givenName: string; familyName: string } {
  const i = name.trim().lastIndexOf(' ');
  return i < 0 ? { givenName: name.trim(), familyName: '' } : { givenName: name.slice(0, i).trim(), familyName: name.slice(i + 1).trim() };
}

function primaryEmail(emails: readonly { value: string; type?: string; primary?: boolean }[] | null | undefined): string | undefined {
  if (!emails?.length) return undefined;
  return (emails.find((e) => e.primary === true) ?? emails.find((e) => e.type?.toLowerCase() === 'work') ?? emails[0])!.value;
}

/** The fields of a POST or PUT body. */
export function fieldsFromInput(input: ScimUserInput): ScimUserFields {
  const userName = input.userName.trim();
  const fromEmails = primaryEmail(input.emails);
  const address = emailShape.safeParse(userName).success ? userName : fromEmails;
  if (!address) throw new ScimError('bad_request', 'invalidValue', 'userName must be an e-mail address, or emails must hold one (Airlock identifies users by e-mail)');
  const mail = email(address, 'userName');
  const name = text(input.displayName, 'displayName') ?? text(input.name?.formatted, 'name.formatted') ?? joinName(input.name?.givenName, input.name?.familyName) ?? mail.split('@')[0]!;
  return { email: mail, name: name.slice(0, 200), active: input.active, externalId: input.externalId?.trim() || null };
}

/**
 * Applies PATCH operations (RFC 7644 3.5.2) to a user's current fields. Paths may be qualified by
 * the User schema's URN; paths into the enterprise extension and attributes Airlock does not keep
 * are accepted and ignored. `emails[type eq "work"].value` (Entra ID) and a value object without a
 * path (Okta: `{"op":"replace","value":{"active":false}}`) are understood.
 */
export function applyUserPatch(current: Required<ScimUserFields>, operations: readonly ScimPatchOperation[]): Required<ScimUserFields> {
  const split = splitName(current.name);
  const s = {
    email: current.email,
    active: current.active,
    externalId: current.externalId,
    displayName: current.name as string | null,
    formatted: null as string | null,
    given: split.givenName as string | null,
    family: split.familyName as string | null,
    name: 'unchanged' as 'unchanged' | 'display' | 'parts',
  };
  const knownSchemas = [SCIM_SCHEMA.user, SCIM_SCHEMA.enterpriseUser];

  const apply = (op: ScimPatchOperation['op'], path: string, value: unknown) => {
    const p = parseScimPath(path, knownSchemas);
    if (p.schema === SCIM_SCHEMA.enterpriseUser.toLowerCase()) return;
    if (IGNORED.has(p.attribute)) return;
    if (READ_ONLY.has(p.attribute)) throw new ScimError('bad_request', 'mutability', `${path} is read-only`);
    const remove = op === 'remove';
    switch (p.attribute) {
      case 'username':
        if (remove) throw new ScimError('bad_request', 'mutability', 'userName is required and cannot be removed');
        s.email = email(value, 'userName');
        return;
      case 'active':
        if (remove) throw new ScimError('bad_request', 'mutability', 'active cannot be removed; set it to false');
        s.active = bool(value, 'active');
        return;
      case 'externalid':
        s.externalId = remove ? null : text(value, 'externalId', 500);
        return;
      case 'displayname':
        s.displayName = remove ? null : text(value, 'displayName');
        s.name = 'display';
        return;
      case 'name': {
        if (s.name !== 'display') s.name = 'parts';
        const set = (sub: string, v: unknown) => {
          const t = remove ? null : text(v, `name.${sub}`);
          if (sub === 'givenname') s.given = t;
          else if (sub === 'familyname') s.family = t;
          else if (sub === 'formatted') s.formatted = t;
          else if (!['middlename', 'honorificprefix', 'honorificsuffix'].includes(sub)) throw new ScimError('bad_request', 'invalidPath', `name.${sub} is not an attribute of name`);
        };
        if (p.sub) return set(p.sub, value);
        if (remove) {
          s.given = s.family = s.formatted = null;
          return;
        }
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ScimError('bad_request', 'invalidValue', 'name must be an object');
        if (op === 'replace') s.given = s.family = s.formatted = null;
        for (const [k, v] of Object.entries(value)) set(k.toLowerCase(), v);
        return;
      }
      case 'emails': {
        if (remove) throw new ScimError('bad_request', 'mutability', 'Airlock users need an e-mail address: emails cannot be removed');
        if (p.filter) {
          const f = p.filter;
          const picksPrimary = (f.attribute === 'type' && typeof f.value === 'string' && f.value.toLowerCase() === 'work') || (f.attribute === 'primary' && f.value === true);
          if (!picksPrimary) return; // another e-mail (home, other): not kept
          if (p.sub && p.sub !== 'value') return; // its type, display or primary flag
          s.email = email(p.sub ? value : (value as { value?: unknown } | null)?.value, 'emails.value');
          return;
        }
        const list = Array.isArray(value) ? value : [value];
        const parsed = z.array(z.object({ value: z.unknown(), type: z.string().optional(), primary: scimBoolean.optional() })).safeParse(list);
        if (!parsed.success) throw new ScimError('bad_request', 'invalidValue', 'emails must be a list of { value, type, primary }');
        const chosen = parsed.data.find((e) => e.primary === true) ?? parsed.data.find((e) => e.type?.toLowerCase() === 'work') ?? parsed.data[0];
        if (chosen) s.email = email(chosen.value, 'emails.value');
        return;
      }
      default:
        throw new ScimError('bad_request', 'invalidPath', `"${path.slice(0, 200)}" is not an attribute of a User`);
    }
  };

  for (const operation of operations) {
    if (operation.path) {
      apply(operation.op, operation.path, operation.value);
      continue;
    }
    if (operation.op === 'remove') throw new ScimError('bad_request', 'noTarget', 'A remove operation needs a path');
    const value = operation.value;
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ScimError('bad_request', 'invalidValue', `An ${operation.op} without a path needs an object of attributes as its value`);
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      // An extension's attributes come as one object under its URN.
      if (key.toLowerCase() === SCIM_SCHEMA.enterpriseUser.toLowerCase()) continue;
      apply(operation.op, key, v);
    }
  }

  const name =
    s.name === 'display' && s.displayName
      ? s.displayName
      : s.name !== 'unchanged'
        ? (s.formatted ?? joinName(s.given, s.family) ?? s.displayName ?? s.email.split('@')[0]!)
        : current.name;
  return { email: s.email, name: name.slice(0, 200), active: s.active, externalId: s.externalId };
}
