import { Validator } from '@seriousme/openapi-schema-validator';
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
