import { errorEnvelope } from '@airlock/contracts';
import { z } from 'zod';
import type { AccessRule } from '../modules/auth/access.decorators';
import { OPERATIONS, type OperationInfo } from './operations';
import type { AppRoute } from './routes';

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown>; responses: Record<string, unknown>; parameters: Record<string, unknown> };
  tags: { name: string; description: string }[];
}

/**
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, with zod 4's own converter. Checks
 * JSON Schema cannot say (refinements, transforms) are left out: the API still applies them and
 * answers 400 with the path of each bad field.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline', cycles: 'ref' }) as JsonSchema;
  delete out.$schema;
  return escapeRefProperties(out) as JsonSchema;
}

/**
 * A property literally named `$ref` (SCIM's member references) is written as the equivalent
 * `patternProperties: { "^\\$ref$": ... }`: reference resolvers take any `$ref` key for a reference.
 */
function escapeRefProperties(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(escapeRefProperties);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = escapeRefProperties(v);
  const props = out.properties as Record<string, unknown> | undefined;
  if (props && typeof props === 'object' && '$ref' in props && typeof props.$ref === 'object') {
    const { $ref, ...rest } = props;
    out.properties = rest;
    out.patternProperties = { ...(out.patternProperties as object | undefined), '^\\$ref$': $ref };
  }
  return out;
}

/** `/api/rules/:id` → `/api/rules/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function tagOf(path: string): string {
  if (path.startsWith('/v1/')) return 'Decision API';
  if (path.startsWith('/scim/')) return 'SCIM';
  if (path.startsWith('/api/portal/')) return 'Employee portal';
  if (path.startsWith('/api/auth/')) return 'Sign-in and account';
  if (path.startsWith('/api/')) return `Admin: ${path.split('/')[2]}`;
  return 'Operations';
}

function securityOf(rule: AccessRule | null): { security: Record<string, string[]>[]; note: string } {
  switch (rule?.kind) {
    case 'public':
      return { security: [], note: 'Public.' };
    case 'session':
      return { security: [{ session: [] }], note: `Signed-in user with permission \`${rule.permission}\`.` };
    case 'api_key':
      return { security: [{ apiKey: [] }], note: `API key with scope \`${rule.scope}\`.` };
    case 'session_or_api_key':
      return { security: [{ session: [] }, { apiKey: [] }], note: `Signed-in user with permission \`${rule.permission}\`, or an API key with scope \`${rule.scope}\`.` };
    case 'mfa_pending':
      return { security: [{ mfaPending: [] }], note: 'The second step of a password sign-in (the pending sign-in cookie).' };
    case undefined:
      return { security: [], note: 'Refused: this route declares no access rule.' };
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The OpenAPI 3.1 document of the running API: one operation for every route Nest and the native
 * decision routes registered (routes.ts), with its path parameters, access (security schemes and
 * the permission or scope), the request body from the zod schema its pipe parses with, the answer
 * from the contract's output schemas (operations.ts) and the one error envelope.
 */
export function buildOpenApiDocument(routes: readonly AppRoute[], opts: { version: string; serverUrl: string }): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = { Error: jsonSchemaOf(errorEnvelope, 'output') };
  const named = new Map<z.ZodType, string>();
  const ref = (name: string, schema: z.ZodType): JsonSchema => {
    const known = named.get(schema);
    if (known) return { $ref: `#/components/schemas/${known}` };
    if (schemas[name]) throw new Error(`Two schemas are named ${name} in the OpenAPI document`);
    schemas[name] = jsonSchemaOf(schema, 'output');
    named.set(schema, name);
    return { $ref: `#/components/schemas/${name}` };
  };

  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const method = route.method.toLowerCase();
    const key = `${route.method} ${route.path}`;
    const info: OperationInfo = OPERATIONS[key] ?? {};
    const { security, note } = securityOf(route.rule);
    const scim = route.path.startsWith('/scim/');
    const parameters: unknown[] = route.params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    if (info.list === 'paged') parameters.push({ $ref: '#/components/parameters/sort' }, { $ref: '#/components/parameters/range' }, { $ref: '#/components/parameters/filter' });
    if (route.querySchema) {
      const q = jsonSchemaOf(route.querySchema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
    }
    if (security.some((s) => 'session' in s) && !SAFE_METHODS.has(route.method)) parameters.push({ $ref: '#/components/parameters/csrf' });

    const bodySchema = route.bodySchema ?? info.body;
    const mediaType = scim ? 'application/scim+json' : 'application/json';
    const requestBody =
      route.takesBody || bodySchema
        ? { required: true, content: { [info.consumes ?? mediaType]: { schema: bodySchema ? jsonSchemaOf(bodySchema, 'input') : { type: 'object' } } } }
        : undefined;

    const success = info.response ? ref(info.response.name, info.response.schema) : {};
    // Every answer with a body has a schema (the OpenAPI test checks); `noJsonBody` routes say why they have none.
    const content = info.noJsonBody
      ? undefined
      : info.produces
        ? { [info.produces]: { schema: { type: 'string' } } }
        : { [mediaType]: { schema: info.list ? { type: 'array', items: success } : success } };
    const responses: Record<string, unknown> = {
      [info.status ?? String(route.status)]: {
        description: info.noJsonBody ? `${info.summary ?? 'Success'}: ${info.noJsonBody}` : (info.summary ?? 'Success'),
        ...(content ? { content } : {}),
        ...(info.list === 'paged' ? { headers: { 'Content-Range': { description: 'e.g. `incidents 0-24/319`', schema: { type: 'string' } } } } : {}),
      },
      ...(scim ? { '4XX': { $ref: '#/components/responses/ScimError' } } : { '4XX': { $ref: '#/components/responses/Error' }, '5XX': { $ref: '#/components/responses/Error' } }),
    };

    paths[openApiPath(route.path)] ??= {};
    paths[openApiPath(route.path)]![method] = {
      operationId: route.handler.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') + (route.handler.startsWith('native') ? '' : `_${method}`),
      summary: info.summary ?? `${route.method} ${route.path}`,
      description: `${note}${route.stepUp ? ' Needs a second factor proven in the last five minutes (`step_up_required`).' : ''}`,
      tags: [tagOf(route.path)],
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
      ...(route.rule?.kind === 'session' ? { 'x-airlock-permission': route.rule.permission } : {}),
      ...(route.rule?.kind === 'api_key' ? { 'x-airlock-scope': route.rule.scope } : {}),
    };
  }

  const tags = [...new Set(Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags as string[])))].sort();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Airlock API',
      version: opts.version,
      description:
        'Decision API (`/v1`, API keys), admin API (`/api`, react-admin conventions, session cookie + `X-CSRF-Token` on mutations), ' +
        'SCIM 2.0 (`/scim/v2`) and probes. Generated from the running application and the zod contract (libs/contracts). ' +
        'Every failure answers the one error envelope `{ "error": { "code", "message", "details" } }` (SCIM: RFC 7644 errors).',
    },
    servers: [{ url: opts.serverUrl }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'ak_…', description: 'An API key (Authorization: Bearer ak_…) with the scope the route names.' },
        session: { type: 'apiKey', in: 'cookie', name: '__Host-airlock_session', description: 'The console session (`airlock_session` over plain HTTP); mutations also need X-CSRF-Token.' },
        mfaPending: { type: 'apiKey', in: 'cookie', name: '__Host-airlock_mfa', description: 'A pending sign-in waiting for its second factor (five minutes).' },
      },
      responses: {
        Error: { description: 'The error envelope', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ScimError: {
          description: 'A SCIM error (RFC 7644 3.12)',
          content: { 'application/scim+json': { schema: { type: 'object', properties: { schemas: { type: 'array', items: { type: 'string' } }, status: { type: 'string' }, scimType: { type: 'string' }, detail: { type: 'string' } } } } },
        },
      },
      parameters: {
        sort: { name: 'sort', in: 'query', required: false, description: 'JSON `["field","ASC|DESC"]`', schema: { type: 'string' } },
        range: { name: 'range', in: 'query', required: false, description: 'JSON `[first,last]`, at most 1,000 rows', schema: { type: 'string' } },
        filter: { name: 'filter', in: 'query', required: false, description: 'JSON object of filters', schema: { type: 'string' } },
        csrf: { name: 'X-CSRF-Token', in: 'header', required: true, description: 'The session\'s CSRF token (GET /api/auth/me `csrfToken`)', schema: { type: 'string' } },
      },
    },
    tags: tags.map((name) => ({ name, description: name })),
  };
}
