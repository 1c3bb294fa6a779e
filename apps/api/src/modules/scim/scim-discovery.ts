import { SCIM_MAX_RESULTS, SCIM_SCHEMA, type ScimDiscoveryDocument } from '@airlock/contracts';

/** The discovery documents of RFC 7644 section 4: what Airlock's SCIM service supports. */

type Attr = {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';
  multiValued?: boolean;
  required?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  uniqueness?: 'none' | 'server';
  subAttributes?: Attr[];
  description?: string;
};

const attr = (a: Attr): Record<string, unknown> => ({
  name: a.name,
  type: a.type,
  multiValued: a.multiValued ?? false,
  description: a.description ?? '',
  required: a.required ?? false,
  caseExact: false,
  mutability: a.mutability ?? 'readWrite',
  returned: 'default',
  uniqueness: a.uniqueness ?? 'none',
  ...(a.subAttributes ? { subAttributes: a.subAttributes.map(attr) } : {}),
});

const USER_ATTRIBUTES: Attr[] = [
  { name: 'userName', type: 'string', required: true, uniqueness: 'server', description: "The user's e-mail address (Airlock identifies users by e-mail)." },
  {
    name: 'name',
    type: 'complex',
    description: 'Airlock keeps one name; givenName and familyName are read back by splitting it at the last space.',
    subAttributes: [
      { name: 'formatted', type: 'string' },
      { name: 'givenName', type: 'string' },
      { name: 'familyName', type: 'string' },
    ],
  },
  { name: 'displayName', type: 'string' },
  {
    name: 'emails',
    type: 'complex',
    multiValued: true,
    description: 'The primary (or work) address is the userName.',
    subAttributes: [
      { name: 'value', type: 'string' },
      { name: 'type', type: 'string' },
      { name: 'primary', type: 'boolean' },
    ],
  },
  { name: 'active', type: 'boolean', description: 'false disables the user and ends their sessions at once.' },
  {
    name: 'groups',
    type: 'complex',
    multiValued: true,
    mutability: 'readOnly',
    subAttributes: [
      { name: 'value', type: 'string', mutability: 'readOnly' },
      { name: 'display', type: 'string', mutability: 'readOnly' },
      { name: '$ref', type: 'reference', mutability: 'readOnly' },
    ],
  },
];

const GROUP_ATTRIBUTES: Attr[] = [
  { name: 'displayName', type: 'string', required: true, uniqueness: 'server' },
  {
    name: 'members',
    type: 'complex',
    multiValued: true,
    subAttributes: [
      { name: 'value', type: 'string', mutability: 'immutable' },
      { name: 'display', type: 'string', mutability: 'readOnly' },
      { name: '$ref', type: 'reference', mutability: 'immutable' },
    ],
  },
];

export function scimSchemas(base: string): ScimDiscoveryDocument[] {
  const schema = (id: string, name: string, description: string, attributes: Attr[]) => ({
    schemas: [SCIM_SCHEMA.schema],
    id,
    name,
    description,
    attributes: attributes.map(attr),
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${id}` },
  });
  return [
    schema(SCIM_SCHEMA.user, 'User', 'An Airlock user', USER_ATTRIBUTES),
    schema(SCIM_SCHEMA.group, 'Group', 'An Airlock group (policies refer to it by its name)', GROUP_ATTRIBUTES),
    schema(SCIM_SCHEMA.enterpriseUser, 'EnterpriseUser', 'Accepted and not kept', []),
  ];
}

export function scimResourceTypes(base: string): ScimDiscoveryDocument[] {
  return [
    {
      schemas: [SCIM_SCHEMA.resourceType],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      schema: SCIM_SCHEMA.user,
      schemaExtensions: [{ schema: SCIM_SCHEMA.enterpriseUser, required: false }],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [SCIM_SCHEMA.resourceType],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      schema: SCIM_SCHEMA.group,
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
    },
  ];
}

export function scimServiceProviderConfig(base: string): ScimDiscoveryDocument {
  return {
    schemas: [SCIM_SCHEMA.serviceProviderConfig],
    documentationUri: 'https://datatracker.ietf.org/doc/html/rfc7644',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'An Airlock API key whose client has the scim scope, as Authorization: Bearer <key>',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}
