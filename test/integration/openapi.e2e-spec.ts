import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import { OPERATIONS } from '../../apps/api/src/openapi/operations';
import { openApiPath } from '../../apps/api/src/openapi/openapi-document';
import { createUser, discoverRoutes, fastifyRoutes, mintSession, wildcardRoutesNotServed } from '../support/security';
import { ADMIN_PASSWORD, BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

/**
 * GET /openapi.json is the OpenAPI 3.1 document of the running API (ADR 0014): it validates against
 * the OpenAPI 3.1 schema, names every route Fastify serves (so a new route cannot be left out), and
 * says for each how to call it. /docs renders it for signed-in staff, from files served here.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: {
    openapi: string;
    paths: Record<string, Record<string, { security: unknown[]; parameters?: { $ref?: string; name?: string; in?: string }[]; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>; 'x-airlock-permission'?: string }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }>; securitySchemes: Record<string, unknown> };
  };
  let raw: string;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.request('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    raw = await res.text();
    doc = JSON.parse(raw) as typeof doc;
  });

  afterAll(async () => {
    await t?.close();
  });

  test('is public and validates as OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(validator.version).toBe('3.1');
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('documents every route Fastify serves, and the Nest walk matches it', () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    // find-my-way prints two param names at one position as ":id|:number"; either spelling counts.
    const variants = (path: string) => {
      const m = /(:[A-Za-z0-9_]+(?:\|:[A-Za-z0-9_]+)+)/.exec(path);
      return m ? m[1]!.split('|').map((alt) => path.replace(m[1]!, alt)) : [path];
    };
    const served = fastifyRoutes(t);
    expect(served).toEqual(expect.arrayContaining([{ method: 'GET', path: '/openapi.json' }, { method: 'GET', path: '/docs' }]));
    const missing = served.filter((r) => !variants(r.path).some((v) => documented.has(`${r.method} ${openApiPath(v)}`)));
    expect(served.length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
    // Wildcard routes (Envoy's check requests, OPA's undefined documents) are served as walked.
    expect(discoverRoutes(t).filter((r) => r.path.includes('*')).length).toBeGreaterThan(0);
    expect(wildcardRoutesNotServed(t, discoverRoutes(t))).toEqual([]);
    // And nothing is documented that the application does not serve.
    const walked = new Set(discoverRoutes(t).map((r) => `${r.method} ${openApiPath(r.path)}`));
    expect([...documented].filter((op) => !walked.has(op))).toEqual([]);
  });

  test('every entry of the answer table names a real route', () => {
    const walked = new Set(discoverRoutes(t).map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(OPERATIONS).filter((k) => !walked.has(k))).toEqual([]);
  });

  test('every operation says who may call it and answers errors in the envelope', () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!Array.isArray(op.security)) problems.push(`${method} ${path}: no security`);
        const errors = op.responses['4XX'] as unknown as { $ref?: string } | undefined;
        if (!errors?.$ref) problems.push(`${method} ${path}: no error response`);
        for (const name of path.match(/\{([^}]+)\}/g) ?? []) {
          if (!op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name)) problems.push(`${method} ${path}: path parameter ${name} undocumented`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKey', 'mfaPending', 'session']);
    expect(doc.paths['/api/rules']!.get!.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/rules']!.post!.parameters).toEqual(expect.arrayContaining([{ $ref: '#/components/parameters/csrf' }]));
    expect(doc.paths['/api/rules']!.get!['x-airlock-permission']).toBe('policy.read');
    expect(doc.paths['/v1/decisions']!.post!.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/healthz']!.get!.security).toEqual([]);
  });

  test('request bodies come from the zod schemas the routes parse with, answers from the contract', () => {
    const decide = doc.paths['/v1/decisions']!.post!;
    const body = decide.requestBody!.content['application/json']!.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['action', 'destination', 'subject', 'context', 'content']));
    expect(body.required).toEqual(expect.arrayContaining(['action', 'destination']));
    expect(decide.responses['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/DecisionResponse' });
    const rule = doc.paths['/api/rules']!.post!.requestBody!.content['application/json']!.schema as { properties: Record<string, { enum?: string[] }> };
    expect(rule.properties.effect!.enum).toEqual(['allow', 'warn', 'redact', 'block']);
    expect(doc.paths['/api/rules']!.post!.responses['201']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Rule' });
    expect(Object.keys(doc.components.schemas.Incident!.properties!)).toEqual(expect.arrayContaining(['number', 'severity', 'allowedTransitions']));
    // Routes whose handler reads a body without a schema still declare one.
    const withBody = discoverRoutes(t).filter((r) => r.takesBody);
    expect(withBody.filter((r) => !doc.paths[openApiPath(r.path)]![r.method.toLowerCase()]!.requestBody).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  test('every route that answers JSON documents its answer with a schema from the contract', () => {
    const routes = discoverRoutes(t);
    const undocumented = routes
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => {
        const info = OPERATIONS[key];
        return !info?.response && !info?.produces && !info?.noJsonBody;
      });
    expect(undocumented).toEqual([]);
    // The routes without a JSON answer are few, and each says why.
    const noJson = Object.entries(OPERATIONS).filter(([, info]) => info.noJsonBody);
    for (const [, info] of noJson) expect(info.noJsonBody!.length).toBeGreaterThan(10);
    expect(noJson.length).toBeLessThan(40);
  });

  test('real answers validate against the documented schemas', async () => {
    // The document is one schema resource; each answer is checked against its route's success schema.
    const base = 'https://airlock.test/openapi.json';
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: base, components: doc.components });
    const owner = await createUser(t, { email: 'owner@openapi.test', role: 'owner' });
    const s = await mintSession(t, owner, 'owner');
    const failures: string[] = [];
    let checked = 0;
    const validatorOf = (method: string, template: string, status: number) => {
      const documented = doc.paths[openApiPath(template)]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json']?.schema;
      return documented ? ajv.compile(JSON.parse(JSON.stringify(documented).replaceAll('"#/components/', `"${base}#/components/`)) as object) : undefined;
    };
    const check = async (method: string, path: string, template = path.split('?')[0]!, body?: unknown): Promise<unknown> => {
      const res = await fetch(`${t.url}${path}`, {
        method,
        headers: { ...s.principal.headers(method), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const validate = validatorOf(method, template, res.status);
      if (!validate) {
        failures.push(`${method} ${path}: ${res.status} is not a documented JSON answer`);
        return undefined;
      }
      const answer: unknown = await res.json();
      if (!validate(answer)) failures.push(`${method} ${path}: ${ajv.errorsText(validate.errors)}`);
      checked++;
      return answer;
    };
    for (const path of ['/healthz', '/readyz', '/openapi.json']) await check('GET', path);
    const zone = (await check('POST', '/api/zones', '/api/zones', { name: 'openapi-office', cidrs: ['10.9.0.0/16'] })) as { id: string };
    await check('GET', `/api/zones/${zone.id}`, '/api/zones/:id');
    // Output schemas are strict: a field the contract does not name fails, as a missing one does.
    const zoneSchema = validatorOf('GET', '/api/zones/:id', 200)!;
    expect(zoneSchema({ ...zone, extra: 1 })).toBe(false);
    expect(zoneSchema({ ...zone, cidrs: undefined })).toBe(false);
    await check('POST', '/api/detectors/test', '/api/detectors/test', {
      sample: 'Project Bluebird ships in May',
      detector: { name: 'Code names', kind: 'keywords', dataClass: 'client_information', patterns: ['Bluebird'] },
    });
    await check('GET', `/api/users/${owner.id}/sessions`, '/api/users/:id/sessions');
    await check('GET', '/api/auth/sso/discover?email=someone%40example.org');
    await check('POST', '/api/auth/sessions/end-others', '/api/auth/sessions/end-others', {});
    for (const path of [
      '/api/auth/me',
      '/api/auth/mfa',
      '/api/auth/sessions',
      '/api/settings',
      '/api/zones',
      '/api/groups',
      '/api/data-classes',
      '/api/detectors',
      '/api/detectors/builtin',
      '/api/rules',
      '/api/providers',
      '/api/policy/status',
      '/api/policy/draft-diff',
      '/api/policy-versions',
      '/api/audit-events',
      '/api/audit-events/verify',
      '/api/dashboard',
      '/api/dashboard/overrides',
      '/api/catalog/release',
      '/api/users',
      '/api/sso-connection',
      '/api/sso-domains',
      '/api/exceptions',
      '/api/incidents',
      '/api/incidents/metrics',
      '/api/webhooks',
      '/api/api-clients',
      '/api/tool-requests',
      '/api/gateway/upstreams',
      '/api/siem/destinations',
      '/api/discovery/known-services',
      '/api/discovery/imports',
      '/api/discovery/settings',
      '/api/activity',
    ]) {
      await check('GET', path);
    }
    // The zone made the draft differ from the published policy (a publish of an unchanged draft is a 409).
    const published = (await check('POST', '/api/policy/publish', '/api/policy/publish', { note: 'openapi answers' })) as { number: number } | undefined;
    await check('GET', `/api/policy/rollout?version=${published?.number ?? 1}`, '/api/policy/rollout');
    await check('DELETE', `/api/zones/${zone.id}`, '/api/zones/:id');
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(35);
  });

  test('answers to API keys (decisions, OPA, guardrails, SCIM) validate against the documented schemas', async () => {
    const base = 'https://airlock.test/openapi.json';
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: base, components: doc.components });
    const owner = await createUser(t, { email: 'keys-owner@openapi.test', role: 'owner' });
    const s = await mintSession(t, owner, 'owner');
    const newKey = async (name: string, scopes: string[]) => {
      const res = await fetch(`${t.url}/api/api-clients`, { method: 'POST', headers: { ...s.principal.headers('POST'), 'content-type': 'application/json' }, body: JSON.stringify({ name, scopes }) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { key: string }).key;
    };
    const gatewayKey = await newKey('openapi gateway', ['gateway']);
    const scimKey = await newKey('openapi scim', ['scim']);
    const failures: string[] = [];
    const check = async (key: string, method: string, path: string, body?: unknown, template = path.split('?')[0]!) => {
      const scim = path.startsWith('/scim/');
      const mediaType = scim ? 'application/scim+json' : 'application/json';
      const res = await fetch(`${t.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': mediaType }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const documented = doc.paths[openApiPath(template)]?.[method.toLowerCase()]?.responses[String(res.status)]?.content?.[mediaType]?.schema;
      if (!documented) return void failures.push(`${method} ${path}: ${res.status} is not a documented answer`);
      const validate = ajv.compile(JSON.parse(JSON.stringify(documented).replaceAll('"#/components/', `"${base}#/components/`)) as object);
      const answer: unknown = await res.json();
      if (!validate(answer)) failures.push(`${method} ${path}: ${ajv.errorsText(validate.errors)}`);
      return answer as Record<string, unknown>;
    };
    const request = { action: 'prompt', destination: { provider: 'openai' }, content: { text: 'card 4111 1111 1111 1111' } };
    await check(BOOTSTRAP_KEY, 'POST', '/v1/decisions', request);
    await check(BOOTSTRAP_KEY, 'POST', '/v1/decisions/batch', { items: [{ ...request, correlationId: 'a' }] });
    await check(BOOTSTRAP_KEY, 'GET', '/v1/bundle');
    await check(BOOTSTRAP_KEY, 'POST', '/v1/data/airlock/decision', { input: request });
    await check(BOOTSTRAP_KEY, 'POST', '/v1/data/airlock/allow', { input: request });
    await check(BOOTSTRAP_KEY, 'POST', '/v1/data/other/document', { input: request }, '/v1/data/*');
    await check(gatewayKey, 'POST', '/v1/guard', { messages: [{ role: 'user', content: 'card 4111 1111 1111 1111' }], metadata: { provider: 'openai' }, payload: true, breakdown: true, dev_info: true });
    await check(gatewayKey, 'POST', '/v1/guardrails/litellm/beta/litellm_basic_guardrail_api', { texts: ['hello', 'card 4111 1111 1111 1111'], additional_provider_specific_params: { provider: 'openai' } });
    const user = await check(scimKey, 'POST', '/scim/v2/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'scim.person@openapi.test', name: { givenName: 'Scim', familyName: 'Person' } });
    await check(scimKey, 'GET', `/scim/v2/Users/${String(user?.id)}`, undefined, '/scim/v2/Users/:id');
    await check(scimKey, 'GET', '/scim/v2/Users');
    await check(scimKey, 'POST', '/scim/v2/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'openapi-team', members: [{ value: String(user?.id) }] });
    await check(scimKey, 'GET', '/scim/v2/Groups');
    for (const path of ['/scim/v2/ServiceProviderConfig', '/scim/v2/ResourceTypes', '/scim/v2/Schemas']) await check(scimKey, 'GET', path);
    expect(failures).toEqual([]);
  });

  test('holds no secret', () => {
    for (const secret of [BOOTSTRAP_KEY, ADMIN_PASSWORD]) expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/ak_[A-Za-z0-9]{30}/);
  });

  test('/docs is a page for signed-in staff, its script and style served here under the CSP', async () => {
    expect((await t.request('/docs')).status).toBe(401);
    const employee = await createUser(t, { email: 'employee@openapi.test', role: 'employee' });
    const asEmployee = await mintSession(t, employee, 'employee');
    expect((await fetch(`${t.url}/docs`, { headers: asEmployee.principal.headers('GET') })).status).toBe(403);

    const analyst = await createUser(t, { email: 'analyst@openapi.test', role: 'analyst' });
    const s = await mintSession(t, analyst, 'analyst');
    const res = await fetch(`${t.url}/docs`, { headers: s.principal.headers('GET') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const html = await res.text();
    // No inline script (the CSP would refuse it) and nothing from another origin.
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toEqual(['/docs/assets/swagger-ui.css', '/docs/assets/swagger-ui-bundle.js', '/docs/assets/init.js']);
    for (const src of scripts) {
      const asset = await t.request(src);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(src.endsWith('.css') ? /^text\/css/ : /^application\/javascript/);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(20);
    }
    const init = await (await t.request('/docs/assets/init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
    expect(init).toContain('validatorUrl: null');
    // The filter box: the virtualized operations list is out of reach of find-in-page (ADR 0014).
    expect(init).toContain('filter: true');
    const unknown = await t.request('/docs/assets/..%2F..%2Fpackage.json');
    expect(unknown.status).toBe(404);
  });
});
