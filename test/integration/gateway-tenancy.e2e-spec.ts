/**
 * Organization isolation of the AI gateway: a gateway key of organization B cannot reach A's
 * upstreams (not by default, not by name), A's upstreams are invisible and untouchable through B's
 * console routes (and the reverse), and the traffic figures of each organization only count its
 * own calls.
 */
import { randomUUID } from 'node:crypto';
import { ApiKeyRegistry } from '../../apps/api/src/modules/api-clients/api-key-registry.service';
import { sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import { PolicyService } from '../../apps/api/src/modules/policy/policy.service';
import { type MockLlm, startMockLlm } from '../support/mock-llm';
import { createUser, mintSession, type Minted } from '../support/security';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

describe('AI gateway: organization isolation', () => {
  let t: TestApp;
  let mock: MockLlm;
  let ownerA: Session;
  let ownerB: Minted;
  let keyA: string;
  let clientA: string;
  const keyB = `ak_gw_tenant_b_${randomUUID()}`;
  let clientB: string;
  let upstreamA: string;

  const chat = (key: string, upstream?: string) =>
    t.request('/gateway/openai/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, ...(upstream ? { 'x-airlock-upstream': upstream } : {}) },
      json: { model: 'gpt-test', messages: [{ role: 'user', content: 'hello there' }] },
    });
  const asB = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const method = init.method ?? 'GET';
    return t.request(path, { ...init, headers: { ...ownerB.principal.headers(method), ...(init.headers as Record<string, string> | undefined) } });
  };

  beforeAll(async () => {
    mock = await startMockLlm();
    t = await startTestApp({ AIRLOCK_GATEWAY_ALLOW_PRIVATE: '127.0.0.1' });
    ownerA = await t.login();
    upstreamA = (await ownerA.json('/api/gateway/upstreams', { method: 'POST', json: { name: 'a-upstream', api: 'openai', providerSlug: 'openai-api', baseUrl: `${mock.url}/v1`, apiKey: 'sk-tenant-a-0001' } })).id;
    const a = await ownerA.json('/api/api-clients', { method: 'POST', json: { name: 'a-app', scopes: ['gateway'] } });
    keyA = a.key;
    clientA = a.id;

    // Organization B: an owner, a gateway key and a published policy, but no upstream yet.
    const p = t.prisma;
    const orgB = (await p.organization.create({ data: { name: 'Gateway Tenant B', slug: 'gateway-tenant-b' } })).id;
    ownerB = await mintSession(t, await createUser(t, { organizationId: orgB, email: 'owner@gw-tenant-b.test', role: 'owner', password: 'gateway tenant b password' }), 'owner B');
    await p.provider.create({ data: { organizationId: orgB, slug: 'openai-api', name: 'OpenAI API (B)', domains: ['api.openai.com'], channels: ['api'], trainsOnInputs: 'no', status: 'approved', hqCountry: 'US', dataCountries: ['US'] } });
    const client = await p.apiClient.create({ data: { organizationId: orgB, name: 'b-app', scopes: ['gateway'] } });
    clientB = client.id;
    await p.apiKey.create({ data: { organizationId: orgB, apiClientId: client.id, prefix: keyB.slice(0, 11), keyHash: sha256Hex(keyB) } });
    await t.app.get(PolicyService).publish(orgB, { type: 'system', id: null, label: 'test' }, 'tenant b policy');
    await t.app.get(ApiKeyRegistry).reload();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  test("a key of B cannot use A's upstreams, by default or by name", async () => {
    expect((await chat(keyA)).status).toBe(200);
    const calls = mock.calls.length;
    for (const res of [await chat(keyB), await chat(keyB, 'a-upstream')]) {
      expect(res.status).toBe(404);
      const body = (await res.json()) as any;
      expect(body.error.code).toBe('no_upstream');
      expect(JSON.stringify(body)).not.toContain(mock.url);
    }
    expect(mock.calls.length).toBe(calls);
  });

  test("A's upstreams are invisible and untouchable through B's console routes", async () => {
    const list = await asB('/api/gateway/upstreams');
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual([]);
    expect((await asB(`/api/gateway/upstreams/${upstreamA}`)).status).toBe(404);
    expect((await asB(`/api/gateway/upstreams/${upstreamA}`, { method: 'PUT', json: { name: 'taken-over', enabled: false } })).status).toBe(404);
    expect((await asB(`/api/gateway/upstreams/${upstreamA}`, { method: 'DELETE' })).status).toBe(404);
    const row = await t.prisma.gatewayUpstream.findUniqueOrThrow({ where: { id: upstreamA } });
    expect(row.name).toBe('a-upstream');
    expect(row.enabled).toBe(true);
  });

  test("B's own upstream serves B only; A cannot reach it by name; the traffic of each counts its own calls", async () => {
    const created = await asB('/api/gateway/upstreams', { method: 'POST', json: { name: 'b-upstream', api: 'openai', providerSlug: 'openai-api', baseUrl: `${mock.url}/v1`, apiKey: 'sk-tenant-b-0002' } });
    expect(created.status).toBe(201);
    const upstreamB = ((await created.json()) as any).id as string;
    expect((await chat(keyB)).status).toBe(200);
    expect(mock.calls[mock.calls.length - 1]!.headers.authorization).toBe('Bearer sk-tenant-b-0002');
    expect((await chat(keyA)).status).toBe(200);
    expect(mock.calls[mock.calls.length - 1]!.headers.authorization).toBe('Bearer sk-tenant-a-0001');
    const wrong = await chat(keyA, 'b-upstream');
    expect(wrong.status).toBe(404);
    expect((await ownerA.request(`/api/gateway/upstreams/${upstreamB}`)).status).toBe(404);
    expect(((await ownerA.json('/api/gateway/upstreams')) as any[]).map((u) => u.name)).toEqual(['a-upstream']);

    await new Promise((r) => setTimeout(r, 300));
    const trafficA = (await ownerA.json('/api/gateway/traffic?hours=1')) as any;
    const trafficB = (await (await asB('/api/gateway/traffic?hours=1')).json()) as any;
    expect(trafficA.items.length).toBeGreaterThan(0);
    expect(trafficB.items.length).toBeGreaterThan(0);
    expect(trafficA.items.every((i: any) => i.apiClientId === clientA)).toBe(true);
    expect(trafficB.items.every((i: any) => i.apiClientId === clientB)).toBe(true);
    expect(trafficB.items.reduce((n: number, i: any) => n + i.calls, 0)).toBe(1);
  });
});
