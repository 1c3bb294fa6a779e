/**
 * SCIM 2.0 provisioning (/scim/v2): the request sequences Okta and Microsoft Entra ID send
 * (test/fixtures/scim/*.json) replayed against the real API, then what those sequences do not
 * show: tenant isolation, SCIM errors for bad input, the audit trail, and a deactivated user's
 * session refused at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiKeyRegistry } from '../../apps/api/src/modules/api-clients/api-key-registry.service';
import { sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import { mintSession } from '../support/security';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

interface Step {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  expect: { status: number; body?: unknown; absent?: string[] };
  capture?: Record<string, string>;
}

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

function fill<T>(value: T, vars: Record<string, string>): T {
  return JSON.parse(JSON.stringify(value).replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    if (!(k in vars)) throw new Error(`fixture variable ${k} is not set`);
    return vars[k]!;
  })) as T;
}

describe('SCIM 2.0 provisioning', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  const keyA = 'ak_scim_test_key_org_a_0123456789';
  const keyB = 'ak_scim_test_key_org_b_0123456789';

  const scim = (key: string, p: string, init: { method?: string; body?: unknown; contentType?: string; raw?: string } = {}) =>
    fetch(`${t.url}/scim/v2${p}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${key}`, ...(init.body !== undefined || init.raw !== undefined ? { 'content-type': init.contentType ?? 'application/scim+json' } : {}) },
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
  const json = async (res: Response) => {
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };

  async function scimClient(organizationId: string, key: string, name: string) {
    const client = await t.prisma.apiClient.create({ data: { organizationId, name, scopes: ['scim'] } });
    await t.prisma.apiKey.create({ data: { organizationId, apiClientId: client.id, prefix: key.slice(0, 11), keyHash: sha256Hex(key) } });
    return client;
  }

  beforeAll(async () => {
    t = await startTestApp();
    orgA = (await t.prisma.organization.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
    orgB = (await t.prisma.organization.create({ data: { slug: 'scim-other', name: 'Other organization' } })).id;
    await scimClient(orgA, keyA, 'okta');
    await scimClient(orgB, keyB, 'other');
    await t.app.get(ApiKeyRegistry).reload();
  });

  afterAll(async () => {
    await t?.close();
  });

  async function replay(fixture: string, vars: Record<string, string>) {
    const { steps } = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/scim', fixture), 'utf8')) as { steps: Step[] };
    for (const raw of steps) {
      const step = fill({ ...raw, capture: undefined }, vars);
      const res = await scim(keyA, step.path, { method: step.method, body: step.body });
      const body = await json(res);
      const where = `${fixture} "${step.name}": ${step.method} ${step.path} -> ${res.status} ${JSON.stringify(body)?.slice(0, 400)}`;
      expect({ where, status: res.status }).toEqual({ where, status: step.expect.status });
      if (body !== undefined) expect(res.headers.get('content-type')).toMatch(/^application\/scim\+json/);
      if (step.expect.body) expect({ where, body }).toMatchObject({ where, body: step.expect.body });
      for (const a of step.expect.absent ?? []) expect({ where, has: a in body }).toEqual({ where, has: false });
      for (const [name, field] of Object.entries(raw.capture ?? {})) vars[name] = String(body[field]);
    }
    return vars;
  }

  test('Okta: the SCIM 2.0 test flow and Group Push', async () => {
    const vars = await replay('okta.json', { userName: 'test.user@okta.local' });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: vars.userId } });
    expect(user).toMatchObject({ organizationId: orgA, email: 'test.user@okta.local', name: 'Another User', provisionedBy: 'scim', passwordHash: null, role: 'employee', externalId: '00ujl29u0le5T6Aj10h7', disabled: false });
    // The group was deleted; the user is in no group any more.
    expect(user.groups).toEqual([]);
  });

  test('Microsoft Entra ID: users and groups as Entra provisions them', async () => {
    const vars = await replay('entra.json', { userName: 'test_user_ab6490ee@contoso.example', newUserName: 'updated.email@contoso.example' });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: vars.userId } });
    // DELETE keeps the row for the audit trail, disabled and out of SCIM's sight.
    expect(user).toMatchObject({ email: 'updated.email@contoso.example', disabled: true, name: 'givenName updatedFamilyName' });
    expect(user.scimDeletedAt).not.toBeNull();
    // Provisioning the same address again brings the same row back.
    const again = await scim(keyA, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'updated.email@contoso.example', active: true } });
    expect(again.status).toBe(201);
    expect((await json(again)).id).toBe(vars.userId);
  });

  test('every change is audited with the API client as the actor', async () => {
    const created = await json(await scim(keyA, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'audited@example.com', name: { givenName: 'Au', familyName: 'Dited' } } }));
    await scim(keyA, `/Users/${created.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'active', value: false }] } });
    const events = await t.prisma.auditEvent.findMany({ where: { organizationId: orgA, entityId: created.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.action, e.actorType, e.actorLabel])).toEqual([
      ['user.create', 'api_client', 'api client okta'],
      ['user.disable', 'api_client', 'api client okta'],
    ]);
    const verify = await (await t.login()).json('/api/audit-events/verify');
    expect(verify.ok).toBe(true);
  });

  test("deactivation ends the user's sessions at once: their cookie is refused on the next request", async () => {
    const created = await json(await scim(keyA, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'leaver@example.com' } }));
    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    const a = await mintSession(t, row);
    const b = await mintSession(t, row);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie: a.cookie } })).status).toBe(200);
    const res = await scim(keyA, `/Users/${created.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { active: false } }] } });
    expect(res.status).toBe(200);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie: a.cookie } })).status).toBe(401);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie: b.cookie } })).status).toBe(401);
    expect(await t.prisma.session.count({ where: { userId: created.id } })).toBe(0);

    // DELETE does the same.
    await scim(keyA, `/Users/${created.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'active', value: true }] } });
    const c = await mintSession(t, row);
    expect((await scim(keyA, `/Users/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${t.url}/api/auth/me`, { headers: { cookie: c.cookie } })).status).toBe(401);
  });

  test("tenant isolation: another organization's key sees 404 and cannot touch the user or the group", async () => {
    const user = await json(await scim(keyA, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'tenant-a@example.com' } }));
    const group = await json(await scim(keyA, '/Groups', { method: 'POST', body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Tenant A group', members: [{ value: user.id }] } }));
    const patch = { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'active', value: false }] };
    for (const [method, p, body] of [
      ['GET', `/Users/${user.id}`],
      ['PUT', `/Users/${user.id}`, { schemas: [USER_SCHEMA], userName: 'tenant-a@example.com', active: false }],
      ['PATCH', `/Users/${user.id}`, patch],
      ['DELETE', `/Users/${user.id}`],
      ['GET', `/Groups/${group.id}`],
      ['PUT', `/Groups/${group.id}`, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'taken over' }],
      ['PATCH', `/Groups/${group.id}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'remove', path: 'members' }] }],
      ['DELETE', `/Groups/${group.id}`],
    ] as [string, string, unknown?][]) {
      const res = await scim(keyB, p, { method, body });
      const b = await json(res);
      expect({ method, p, status: res.status, schemas: b.schemas }).toEqual({ method, p, status: 404, schemas: [ERROR_SCHEMA] });
      expect(JSON.stringify(b)).not.toContain('tenant-a');
    }
    const list = await json(await scim(keyB, `/Users?filter=${encodeURIComponent('userName eq "tenant-a@example.com"')}`));
    expect(list.totalResults).toBe(0);
    const all = await json(await scim(keyB, '/Users?count=200'));
    expect(all.Resources.every((r: { userName: string }) => !r.userName.endsWith('@example.com'))).toBe(true);
    // B cannot put A's user into its own group either.
    const groupB = await json(await scim(keyB, '/Groups', { method: 'POST', body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'B group' } }));
    const add = await scim(keyB, `/Groups/${groupB.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'add', path: 'members', value: [{ value: user.id }] }] } });
    expect(add.status).toBe(400);
    // B creating a user with A's e-mail: e-mails are unique installation-wide (security.md says so).
    const dup = await scim(keyB, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'tenant-a@example.com' } });
    expect(dup.status).toBe(409);
    // Nothing changed in A.
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ disabled: false, organizationId: orgA });
    const g = await json(await scim(keyA, `/Groups/${group.id}`));
    expect(g).toMatchObject({ displayName: 'Tenant A group', members: [{ value: user.id }] });
  });

  test('bad input answers in the SCIM error format', async () => {
    const cases: { name: string; res: Promise<Response>; status: number; scimType?: string }[] = [
      { name: 'no userName', res: scim(keyA, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA] } }), status: 400, scimType: 'invalidValue' },
      { name: 'userName not an e-mail and no emails', res: scim(keyA, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'jdoe' } }), status: 400, scimType: 'invalidValue' },
      { name: 'an attribute no schema defines', res: scim(keyA, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'x@example.com', organizationId: orgB } }), status: 400 },
      { name: 'malformed JSON', res: scim(keyA, '/Users', { method: 'POST', raw: '{"schemas":' }), status: 400, scimType: 'invalidSyntax' },
      { name: 'an unsupported filter', res: scim(keyA, `/Users?filter=${encodeURIComponent('userName co "x"')}`), status: 400, scimType: 'invalidFilter' },
      { name: 'a filter on an unknown attribute', res: scim(keyA, `/Users?filter=${encodeURIComponent('password eq "x"')}`), status: 400, scimType: 'invalidFilter' },
      { name: 'the same userName twice', res: scim(keyA, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'owner@airlock.test' } }), status: 409, scimType: 'uniqueness' },
      { name: 'no key', res: fetch(`${t.url}/scim/v2/Users`), status: 401 },
      { name: 'a key without the scim scope', res: scim(BOOTSTRAP_KEY, '/Users'), status: 403 },
    ];
    const user = await json(await scim(keyA, '/Users', { method: 'POST', contentType: 'application/json', body: { schemas: [USER_SCHEMA], userName: 'bad-input@example.com' } }));
    cases.push(
      { name: 'a PATCH path that is no attribute', res: scim(keyA, `/Users/${user.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'isAdmin', value: true }] } }), status: 400, scimType: 'invalidPath' },
      { name: 'remove without a path', res: scim(keyA, `/Users/${user.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'remove' }] } }), status: 400, scimType: 'noTarget' },
      { name: 'an unknown op', res: scim(keyA, `/Users/${user.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'move', path: 'active' }] } }), status: 400 },
      { name: 'active not a boolean', res: scim(keyA, `/Users/${user.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'active', value: 'nope' }] } }), status: 400, scimType: 'invalidValue' },
      { name: 'groups is read-only', res: scim(keyA, `/Users/${user.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'add', path: 'groups', value: [{ value: 'x' }] }] } }), status: 400, scimType: 'mutability' },
      { name: 'disabling the last owner', res: (async () => {
        const owner = await t.prisma.user.findFirstOrThrow({ where: { organizationId: orgA, role: 'owner' } });
        return scim(keyA, `/Users/${owner.id}`, { method: 'PATCH', body: { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'active', value: false }] } });
      })(), status: 400, scimType: 'mutability' },
    );
    for (const c of cases) {
      const res = await c.res;
      const body = await json(res);
      expect({ name: c.name, status: res.status, schemas: body.schemas, statusField: body.status, detail: typeof body.detail, error: body.error }).toEqual({
        name: c.name,
        status: c.status,
        schemas: [ERROR_SCHEMA],
        statusField: String(c.status),
        detail: 'string',
        error: undefined,
      });
      if (c.scimType) expect({ name: c.name, scimType: body.scimType }).toEqual({ name: c.name, scimType: c.scimType });
      expect(res.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    }
    expect(await t.prisma.user.count({ where: { email: { in: ['x@example.com', 'jdoe'] } } })).toBe(0);
  });

  test('pagination: startIndex is 1-based, count bounds the page, totalResults counts all', async () => {
    for (let i = 0; i < 5; i++) await scim(keyB, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: `page${i}@b.example` } });
    const all = await json(await scim(keyB, '/Users?startIndex=1&count=100'));
    const page = await json(await scim(keyB, '/Users?startIndex=2&count=2'));
    expect(page).toMatchObject({ totalResults: all.totalResults, startIndex: 2, itemsPerPage: 2 });
    expect(page.Resources.map((r: { id: string }) => r.id)).toEqual(all.Resources.slice(1, 3).map((r: { id: string }) => r.id));
    const none = await json(await scim(keyB, '/Users?count=0'));
    expect(none).toMatchObject({ totalResults: all.totalResults, itemsPerPage: 0, Resources: [] });
  });

  test('discovery: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
    const spc = await json(await scim(keyA, '/ServiceProviderConfig'));
    expect(spc).toMatchObject({ patch: { supported: true }, filter: { supported: true, maxResults: 200 }, bulk: { supported: false } });
    const types = await json(await scim(keyA, '/ResourceTypes'));
    expect(types.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    const schemas = await json(await scim(keyA, '/Schemas'));
    expect(schemas.Resources.map((s: { id: string }) => s.id)).toContain(USER_SCHEMA);
    expect((await scim(keyA, `/Schemas/${USER_SCHEMA}`)).status).toBe(200);
    expect((await scim(keyA, '/Schemas/nope')).status).toBe(404);
  });
});
