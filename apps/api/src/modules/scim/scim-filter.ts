import { ScimError } from '../../common/scim-error-response';

/** One comparison: the only filter form identity providers send when they look a resource up. */
export interface ScimEquality {
  /** The attribute path, lower-cased (attribute names are case-insensitive, RFC 7643 2.1). */
  attribute: string;
  value: string | boolean | null;
}

const COMPARISON = /^\s*([A-Za-z][\w.$:-]*)\s+(eq)\s+("(?:[^"\\]|\\.)*"|true|false|null)\s*$/i;

/**
 * Parses `<attribute> eq <value>` (RFC 7644 3.4.2.2), the form Okta and Microsoft Entra ID use
 * (`userName eq "x"`, `externalId eq "x"`, `displayName eq "x"`). Anything else, other operators
 * and `and`/`or` included, is a 400 `invalidFilter` naming what is supported; so is an attribute
 * outside `allowed` (lower-case names).
 */
export function parseScimFilter(filter: string, allowed: readonly string[]): ScimEquality {
  const m = COMPARISON.exec(filter);
  if (!m) {
    throw new ScimError('bad_request', 'invalidFilter', `Unsupported filter: only <attribute> eq "<value>" is supported, on ${allowed.join(', ')}`);
  }
  const attribute = m[1]!.toLowerCase();
  if (!allowed.includes(attribute)) throw new ScimError('bad_request', 'invalidFilter', `Cannot filter on "${m[1]}": filterable attributes are ${allowed.join(', ')}`);
  const raw = m[3]!;
  let value: string | boolean | null;
  if (raw.startsWith('"')) {
    try {
      value = JSON.parse(raw) as string;
    } catch {
      throw new ScimError('bad_request', 'invalidFilter', 'The filter value is not a valid string');
    }
  } else {
    value = raw.toLowerCase() === 'null' ? null : raw.toLowerCase() === 'true';
  }
  return { attribute, value };
}

/** A PATCH path (RFC 7644 3.5.2): `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, optionally behind a schema URN. */
export interface ScimPath {
  /** The schema URN the path was qualified with, lower-cased, or null. */
  schema: string | null;
  /** Top-level attribute, lower-cased. */
  attribute: string;
  /** The value filter of a multi-valued attribute (`emails[type eq "work"]`). */
  filter: ScimEquality | null;
  /** Sub-attribute, lower-cased (`name.givenName` -> `givenname`). */
  sub: string | null;
}

const PATH = /^([A-Za-z][\w$-]*)(?:\[([^\]]+)\])?(?:\.([A-Za-z][\w$-]*))?$/;

export function parseScimPath(path: string, knownSchemas: readonly string[]): ScimPath {
  let rest = path.trim();
  let schema: string | null = null;
  const lower = rest.toLowerCase();
  for (const s of knownSchemas) {
    const prefix = `${s.toLowerCase()}:`;
    if (lower.startsWith(prefix)) {
      schema = s.toLowerCase();
      rest = rest.slice(prefix.length);
      break;
    }
    // An extension's whole object (`urn:...:enterprise:2.0:User`).
    if (lower === s.toLowerCase()) return { schema: s.toLowerCase(), attribute: '', filter: null, sub: null };
  }
  const m = PATH.exec(rest);
  if (!m) throw new ScimError('bad_request', 'invalidPath', `"${path.slice(0, 200)}" is not a valid attribute path`);
  const filter = m[2] === undefined ? null : parseScimFilter(m[2], ['type', 'value', 'primary', 'display']);
  return { schema, attribute: m[1]!.toLowerCase(), filter, sub: m[3]?.toLowerCase() ?? null };
}
