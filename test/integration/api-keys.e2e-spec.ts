/** API keys of decision clients: format, storage, scopes, expiry, usage, revocation, rotation. */
import { ApiKeyRegistry } from '../../apps/api/src/modules/api-clients/api-key-registry.service';
import { isWellFormedApiKey } from '../../apps/api/src/modules/api-clients/api-key-format';
import { sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import { BOOTSTRAP_KEY, startTestApp, type Session, type TestApp } from '../support/test-app';

const DECISION = { action: 'access', destination: { provider: 'deepseek' } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('API keys', () => {
  let t: TestApp;
  let owner: Session;

  const createClient = (json: Record<string, unknown>) => owner.json('/api/api-clients', { method: 'POST', json: { name: 'proxy', scopes: ['decide'], ...json } });
  const bundle = (key: string) => t.request('/v1/bundle', { headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.login();
  });

  afterAll(async () => {
    await t?.close();
  });

  test('format: ak_ + 30 base62 + 6 checksum characters, verifiable offline', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) keys.push((await createClient({ name: `fmt-${i}` })).key);
    for (const key of keys) {
      expect(key).toMatch(/^ak_[0-9A-Za-z]{30}[0-9A-Za-z]{6}$/);
      expect(isWellFormedApiKey(key)).toBe(true);
      // Any single changed character is caught by the checksum, without asking the server.
      for (const at of [3, 20, 32, 38]) {
        const c = key[at]!;
        const flipped = key.slice(0, at) + (c === 'a' ? 'b' : 'a') + key.slice(at + 1);
        expect(isWellFormedApiKey(flipped)).toBe(false);
      }
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('stored as SHA-256, shown once, listed by prefix; the audit log never holds it', async () => {
    const created = await createClient({ name: 'shown-once' });
    const key: string = created.key;
    const row = await t.prisma.apiKey.findFirstOrThrow({ where: { apiClientId: created.id } });
    expect(row.keyHash).toBe(sha256Hex(key));
    expect(row.prefix).toBe(key.slice(0, 11));
    const again = await owner.request(`/api/api-clients/${created.id}`);
    const text = await again.text();
    expect(text).not.toContain(key);
    expect(JSON.parse(text)).toMatchObject({ keyPrefix: key.slice(0, 11) });
    expect(JSON.stringify(await owner.json('/api/api-clients'))).not.toContain(key.slice(11));
    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: created.id } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(key.slice(11));
    expect(JSON.stringify(audit)).not.toContain(row.keyHash);
  });

  test('scopes are enforced: a key without the scope gets 403', async () => {
    const { key } = await createClient({ name: 'decide-only', scopes: ['decide'] });
    expect((await t.decide(DECISION, key)).status).toBe(200);
    const res = await bundle(key);
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe('forbidden');
    const { key: bundleKey } = await createClient({ name: 'bundle-only', scopes: ['bundle'] });
    expect((await bundle(bundleKey)).status).toBe(200);
    expect((await t.decide(DECISION, bundleKey)).status).toBe(403);
    // A session cannot stand in for a key, nor a key for a session.
    expect((await owner.request('/v1/decisions', { method: 'POST', json: DECISION })).status).toBe(401);
    expect((await t.request('/api/zones', { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
  });

  test('unknown, malformed and expired keys are 401', async () => {
    for (const k of ['ak_000000000000000000000000000000000000', 'nope', 'x'.repeat(600), BOOTSTRAP_KEY.toUpperCase()]) {
      expect((await t.decide(DECISION, k)).status).toBe(401);
    }
    const expiring = await createClient({ name: 'expiring', expiresAt: new Date(Date.now() + 1500).toISOString() });
    expect((await t.decide(DECISION, expiring.key)).status).toBe(200);
    await sleep(1700);
    const res = await t.decide(DECISION, expiring.key);
    expect(res.status).toBe(401);
    expect((await owner.request('/api/api-clients', { method: 'POST', json: { name: 'past', scopes: ['decide'], expiresAt: new Date(Date.now() - 1000).toISOString() } })).status).toBe(400);
  });

  test('last use is recorded', async () => {
    const created = await createClient({ name: 'used' });
    expect((await owner.json(`/api/api-clients/${created.id}`)).lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await t.decide(DECISION, created.key)).status).toBe(200);
    await t.app.get(ApiKeyRegistry).flushUsage();
    const after = await owner.json(`/api/api-clients/${created.id}`);
    expect(new Date(after.lastUsedAt).getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(new Date(after.keys[0].lastUsedAt).getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  test('revocation is effective on the very next request', async () => {
    const created = await createClient({ name: 'revoked' });
    expect((await t.decide(DECISION, created.key)).status).toBe(200);
    await owner.json(`/api/api-clients/${created.id}/revoke`, { method: 'POST' });
    expect((await t.decide(DECISION, created.key)).status).toBe(401);
    // One key of a client, too.
    const other = await createClient({ name: 'one-key-revoked' });
    const keyId = (await owner.json(`/api/api-clients/${other.id}`)).keys[0].id;
    await owner.json(`/api/api-clients/${other.id}/keys/${keyId}/revoke`, { method: 'POST' });
    expect((await t.decide(DECISION, other.key)).status).toBe(401);
    // A reload from the database does not bring them back.
    await t.app.get(ApiKeyRegistry).reload();
    expect((await t.decide(DECISION, created.key)).status).toBe(401);
    expect((await t.decide(DECISION, other.key)).status).toBe(401);
  });

  test('rotation: the old key works until the overlap ends, then 401; the new one keeps working', async () => {
    const created = await createClient({ name: 'rotated' });
    const overlapHours = 2.5 / 3600;
    const rotated = await owner.json(`/api/api-clients/${created.id}/rotate`, { method: 'POST', json: { overlapHours } });
    expect(rotated.key).not.toBe(created.key);
    expect((await t.decide(DECISION, rotated.key)).status).toBe(200);
    expect((await t.decide(DECISION, created.key)).status).toBe(200);
    await sleep(2700);
    expect((await t.decide(DECISION, created.key)).status).toBe(401);
    expect((await t.decide(DECISION, rotated.key)).status).toBe(200);
    const keys = (await owner.json(`/api/api-clients/${created.id}`)).keys;
    expect(keys.map((k: { active: boolean }) => k.active)).toEqual([true, false]);
  });

  test('AIRLOCK_BOOTSTRAP_API_KEY is accepted as it is, whatever its format', async () => {
    expect(isWellFormedApiKey(BOOTSTRAP_KEY)).toBe(false);
    expect((await t.decide(DECISION)).status).toBe(200);
    expect((await bundle(BOOTSTRAP_KEY)).status).toBe(200);
  });
});
