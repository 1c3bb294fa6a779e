import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '../support/database';
import { buildApi, exitOf, spawnReadyApi, waitFor, type ApiProcess } from '../support/processes';
import { ADMIN_EMAIL, BOOTSTRAP_KEY, signIn } from '../support/test-app';

/**
 * OpenTelemetry: with OTEL_EXPORTER_OTLP_ENDPOINT set, the API (its own process, as shipped) sends
 * OTLP/HTTP JSON to a collector (here a receiver in the test): a span per console/admin request named
 * by its route, child spans for its PostgreSQL statements, none for decisions, and no secret or
 * prompt in any attribute. Without the setting nothing is loaded (tracing.spec.ts).
 */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}
interface Received {
  resource: Record<string, unknown>;
  span: OtlpSpan;
}

function collector() {
  const spans: Received[] = [];
  const posts: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posts.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const doc = JSON.parse(body) as { resourceSpans: { resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const rs of doc.resourceSpans) {
        const resource = Object.fromEntries(rs.resource.attributes.map((a) => [a.key, Object.values(a.value)[0]]));
        for (const ss of rs.scopeSpans) for (const span of ss.spans) spans.push({ resource, span });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return { server, spans, posts };
}

const attr = (s: OtlpSpan, key: string) => {
  const a = s.attributes.find((x) => x.key === key);
  return a ? Object.values(a.value)[0] : undefined;
};

describe('OpenTelemetry traces', () => {
  beforeAll(() => buildApi());
  const started: ApiProcess[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const api of started) {
      if (api.child.exitCode === null) {
        api.child.kill('SIGTERM');
        await exitOf(api.child);
      }
    }
    for (const drop of drops) await drop();
  });

  it('exports the admin API\'s requests and their SQL over OTLP, and nothing of decisions', async () => {
    const c = collector();
    await new Promise<void>((ok) => c.server.listen(0, '127.0.0.1', ok));
    const endpoint = `http://127.0.0.1:${(c.server.address() as AddressInfo).port}`;
    try {
      const db = await createTestDatabase();
      drops.push(db.drop);
      const api = await spawnReadyApi(db.url, { AIRLOCK_ADMIN_EMAIL: ADMIN_EMAIL, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'airlock-test', OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=ci', OTEL_BSP_SCHEDULE_DELAY: '200' });
      started.push(api);
      const owner = await signIn(api.url);
      const providers = await owner.json<{ id: string }[]>('/api/providers?range=[0,4]');
      expect(providers.length).toBeGreaterThan(0);
      await owner.json(`/api/providers/${providers[0]!.id}`);
      const secretText = 'my key is AKIAZ3MHQ7TNVX5KQ2PB and the client is Margarethe Vogler';
      const decision = await fetch(`${api.url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'prompt', destination: { url: 'https://chat.deepseek.com/' }, content: { text: secretText } }),
      });
      expect(decision.status).toBe(200);

      const byName = (name: string) => c.spans.filter((r) => r.span.name === name);
      await waitFor('the provider spans', async () => byName('GET /api/providers/:id').length > 0 && byName('GET /api/providers').length > 0, 15_000);
      expect(c.posts.every((p) => p.startsWith('POST /v1/traces application/json'))).toBe(true);
      const list = byName('GET /api/providers')[0]!;
      expect(list.resource).toMatchObject({ 'service.name': 'airlock-test', 'deployment.environment': 'ci', 'telemetry.sdk.name': 'opentelemetry' });
      expect(attr(list.span, 'http.route')).toBe('/api/providers');
      expect(attr(list.span, 'http.status_code') ?? attr(list.span, 'http.response.status_code')).toBe(200);
      // Its SQL, as children of the request's span, with placeholders and no values.
      const sql = c.spans.filter((r) => r.span.traceId === list.span.traceId && r.span.parentSpanId && (attr(r.span, 'db.system.name') ?? attr(r.span, 'db.system')) === 'postgresql');
      expect(sql.length).toBeGreaterThan(0);
      expect(sql.some((r) => /"Provider"/.test(String(attr(r.span, 'db.query.text') ?? attr(r.span, 'db.statement'))))).toBe(true);
      expect(byName('POST /api/auth/login')).toHaveLength(1);

      // No decision route, no stray database span without a request, and no secret anywhere.
      await new Promise((ok) => setTimeout(ok, 500));
      const names = c.spans.map((r) => r.span.name);
      expect(names.filter((n) => /\/v1\//.test(n) || n === 'POST')).toEqual([]);
      const all = JSON.stringify(c.spans);
      for (const secret of ['AKIAZ3MHQ7TNVX5KQ2PB', 'Margarethe', BOOTSTRAP_KEY, owner.csrfToken, 'correct horse battery staple']) expect(all).not.toContain(secret);
      const traceIds = new Set(c.spans.filter((r) => !r.span.parentSpanId).map((r) => r.span.traceId));
      for (const r of c.spans) expect(traceIds.has(r.span.traceId)).toBe(true);
    } finally {
      c.server.close();
    }
  }, 120_000);
});
