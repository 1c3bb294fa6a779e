/**
 * Session management: a user lists and ends their own sessions; an owner lists and ends any
 * user's sessions in their organization, never another organization's. Ending a session makes
 * its cookie fail on the very next request.
 */
import { createUser, mintSession } from '../support/security';
import { startTestApp, type TestApp } from '../support/test-app';

describe('session management', () => {
  let t: TestApp;
  const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (cookie: string) => fetch(`${t.url}/api/auth/me`, { headers: { cookie } }).then((r) => r.status);

  test('a user lists their sessions (current one marked) and ends another: its cookie fails at once', async () => {
    const user = await createUser(t, { email: 'analyst@sessions.test', role: 'analyst', password: 'a long enough password 1' });
    const res = await t.request('/api/auth/login', { method: 'POST', json: { email: user.email, password: 'a long enough password 1' }, headers: { 'user-agent': CHROME } });
    expect(res.status).toBe(200);
    const laptopCookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const phone = await t.login(user.email, 'a long enough password 1');

    const list = await phone.json('/api/auth/sessions');
    expect(list).toHaveLength(2);
    const current = list.find((s: { current: boolean }) => s.current);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect(other).toMatchObject({ device: 'Chrome 126 on Windows', userAgent: CHROME, ip: '127.0.0.1' });
    expect(Object.keys(other).sort()).toEqual(['createdAt', 'current', 'device', 'expiresAt', 'id', 'ip', 'lastSeenAt', 'userAgent']);
    // The id is not the token's hash (the session's primary key).
    expect(await t.prisma.session.count({ where: { id: other.id } })).toBe(0);

    expect(await me(laptopCookie)).toBe(200);
    const ended = await phone.json(`/api/auth/sessions/${other.id}`, { method: 'DELETE' });
    expect(ended).toEqual({ ok: true, signedOut: false });
    expect(await me(laptopCookie)).toBe(401);
    expect(await me(phone.cookie)).toBe(200);
    expect((await phone.request(`/api/auth/sessions/${other.id}`, { method: 'DELETE' })).status).toBe(404);

    // Ending the current session signs this browser out.
    const self = await phone.request(`/api/auth/sessions/${current.id}`, { method: 'DELETE' });
    expect(await self.json()).toEqual({ ok: true, signedOut: true });
    expect(self.headers.getSetCookie().join(';')).toMatch(/airlock_session=;/);
    expect(await me(phone.cookie)).toBe(401);

    const events = await t.prisma.auditEvent.findMany({ where: { action: 'session.end', actorId: user.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.entityId)).toEqual([other.id, current.id]);
  });

  test('end every other session', async () => {
    const user = await createUser(t, { email: 'auditor@sessions.test', role: 'auditor' });
    const [a, b, c] = [await mintSession(t, user), await mintSession(t, user), await mintSession(t, user)];
    const res = await fetch(`${t.url}/api/auth/sessions/end-others`, { method: 'POST', headers: a.principal.headers('POST') });
    expect(await res.json()).toEqual({ ended: 2 });
    expect([await me(a.cookie), await me(b.cookie), await me(c.cookie)]).toEqual([200, 401, 401]);
  });

  test("a user cannot end another user's session through their own route", async () => {
    const u1 = await createUser(t, { email: 'one@sessions.test', role: 'employee' });
    const u2 = await createUser(t, { email: 'two@sessions.test', role: 'employee' });
    const s1 = await mintSession(t, u1);
    const s2 = await mintSession(t, u2);
    const row2 = await t.prisma.session.findFirstOrThrow({ where: { userId: u2.id } });
    const res = await fetch(`${t.url}/api/auth/sessions/${row2.publicId}`, { method: 'DELETE', headers: s1.principal.headers('DELETE') });
    expect(res.status).toBe(404);
    expect(await me(s2.cookie)).toBe(200);
  });

  test("an owner lists and ends a user's sessions; audited; only owners", async () => {
    const owner = await t.login();
    const user = await createUser(t, { email: 'employee@sessions.test', role: 'employee' });
    const s1 = await mintSession(t, user);
    const s2 = await mintSession(t, user);
    const list = await owner.json(`/api/users/${user.id}/sessions`);
    expect(list).toHaveLength(2);
    expect(list.every((s: { current: boolean }) => !s.current)).toBe(true);

    const one = list[0].id;
    expect(await owner.json(`/api/users/${user.id}/sessions/${one}`, { method: 'DELETE' })).toEqual({ ok: true, signedOut: false });
    const remaining = await owner.json(`/api/users/${user.id}/sessions`);
    expect(remaining).toHaveLength(1);
    expect(await owner.json(`/api/users/${user.id}/sessions`, { method: 'DELETE' })).toEqual({ ended: 1 });
    expect([await me(s1.cookie), await me(s2.cookie)]).toEqual([401, 401]);
    const ownerRow = await t.prisma.user.findFirstOrThrow({ where: { role: 'owner' } });
    const actions = (await t.prisma.auditEvent.findMany({ where: { actorId: ownerRow.id, action: { startsWith: 'session.' } }, orderBy: { seq: 'asc' } })).map((e) => [e.action, e.entityId]);
    expect(actions).toEqual([
      ['session.end', one],
      ['session.end_all', user.id],
    ]);

    // An admin is not an owner: 403.
    const admin = await createUser(t, { email: 'admin@sessions.test', role: 'admin' });
    const adminSession = await mintSession(t, admin);
    expect((await fetch(`${t.url}/api/users/${user.id}/sessions`, { headers: adminSession.principal.headers('GET') })).status).toBe(403);
  });

  test("an owner of organization A cannot see or end organization B's sessions", async () => {
    const orgB = await t.prisma.organization.create({ data: { slug: 'sessions-b', name: 'B' } });
    const ownerB = await createUser(t, { organizationId: orgB.id, email: 'owner@b.sessions.test', role: 'owner' });
    const userB = await createUser(t, { organizationId: orgB.id, email: 'user@b.sessions.test', role: 'employee' });
    const sB = await mintSession(t, userB);
    const rowB = await t.prisma.session.findFirstOrThrow({ where: { userId: userB.id } });
    const ownerA = await t.login();
    for (const [method, path] of [
      ['GET', `/api/users/${userB.id}/sessions`],
      ['DELETE', `/api/users/${userB.id}/sessions/${rowB.publicId}`],
      ['DELETE', `/api/users/${userB.id}/sessions`],
      ['DELETE', `/api/auth/sessions/${rowB.publicId}`],
    ]) {
      const res = await ownerA.request(path!, { method });
      expect({ method, path, status: res.status, body: (await res.text()).includes(rowB.publicId) }).toEqual({ method, path, status: 404, body: false });
    }
    // A's own user id with B's session id: still not found.
    const ownerARow = await t.prisma.user.findFirstOrThrow({ where: { email: 'owner@airlock.test' } });
    expect((await ownerA.request(`/api/users/${ownerARow.id}/sessions/${rowB.publicId}`, { method: 'DELETE' })).status).toBe(404);
    expect(await me(sB.cookie)).toBe(200);
    // B's owner does see them.
    const ob = await mintSession(t, ownerB);
    const listB = await fetch(`${t.url}/api/users/${userB.id}/sessions`, { headers: ob.principal.headers('GET') });
    expect(((await listB.json()) as { id: string }[]).map((s) => s.id)).toEqual([rowB.publicId]);
  });
});
