/** Users and roles through the admin API (react-admin conventions at /api/users). */
import { MAILER, type MailMessage, type Mailer } from '../../apps/api/src/modules/mail/mailer';
import { createUser, mintSession } from '../support/security';
import { ADMIN_EMAIL, startTestApp, type Session, type TestApp } from '../support/test-app';

const OUTPUT_KEYS = ['createdAt', 'disabled', 'email', 'groups', 'hasPassword', 'id', 'invitationExpiresAt', 'invitationPending', 'lastLoginAt', 'name', 'role', 'sso', 'updatedAt'];

describe('users and roles', () => {
  let t: TestApp;
  let owner: Session;
  let ownerId: string;
  const mails: MailMessage[] = [];

  const auditCount = () => t.prisma.auditEvent.count();
  const tokenFrom = (mail: MailMessage) => /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_PUBLIC_URL: 'https://airlock.example.com', AIRLOCK_LOGIN_RATE_LIMIT_PER_IP: '500' });
    const mailer = t.app.get<Mailer>(MAILER);
    const send = mailer.send.bind(mailer);
    jest.spyOn(mailer, 'send').mockImplementation(async (m) => {
      mails.push(m);
      await send(m);
    });
    owner = await t.login();
    ownerId = (await t.prisma.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL } })).id;
    await owner.json('/api/groups', { method: 'POST', json: { name: 'engineering' } });
    await owner.json('/api/groups', { method: 'POST', json: { name: 'legal' } });
  });

  afterAll(async () => {
    await t?.close();
  });

  test('creating a user with a password: ready to sign in, output allow-listed, audited with the hash masked', async () => {
    const res = await owner.request('/api/users', { method: 'POST', json: { email: 'Ana@Example.com', name: 'Ana', role: 'analyst', groups: ['engineering'], password: 'a long enough password' } });
    expect(res.status).toBe(201);
    const ana = (await res.json()) as any;
    expect(Object.keys(ana).filter((k) => k !== 'invitationSent').sort()).toEqual(OUTPUT_KEYS);
    expect(ana).toMatchObject({ email: 'ana@example.com', role: 'analyst', groups: ['engineering'], hasPassword: true, invitationPending: false, invitationSent: false });
    const s = await t.login('ana@example.com', 'a long enough password');
    expect((await s.json('/api/auth/me')).user.role).toBe('analyst');
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: ana.id, action: 'user.create' } });
    expect((event.after as Record<string, unknown>).passwordHash).toBe('[masked]');
    expect(JSON.stringify(await owner.json('/api/users'))).not.toMatch(/argon2/);
  });

  test('creating a user without a password sends an invitation; accepting it sets the password once', async () => {
    const sent = mails.length;
    const created = await owner.json('/api/users', { method: 'POST', json: { email: 'ivan@example.com', name: 'Ivan', role: 'employee' } });
    expect(created).toMatchObject({ hasPassword: false, invitationPending: true, invitationSent: true });
    expect(new Date(created.invitationExpiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const mail = mails[sent]!;
    expect(mail.to).toBe('ivan@example.com');
    expect(mail.text).toContain('https://airlock.example.com/#/accept-invite?token=');
    const token = tokenFrom(mail);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    // Only the SHA-256 is stored.
    const row = await t.prisma.userToken.findFirstOrThrow({ where: { userId: created.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);

    expect((await t.request('/api/auth/invitations/accept', { method: 'POST', json: { token, password: 'short' } })).status).toBe(400);
    const ok = await t.request('/api/auth/invitations/accept', { method: 'POST', json: { token, password: 'a brand new passphrase' } });
    expect(ok.status).toBe(200);
    await t.login('ivan@example.com', 'a brand new passphrase');
    const again = await t.request('/api/auth/invitations/accept', { method: 'POST', json: { token, password: 'another new password 1' } });
    expect(again.status).toBe(400);
    expect(((await again.json()) as any).error.code).toBe('bad_request');
    expect((await owner.json(`/api/users/${created.id}`)).invitationPending).toBe(false);
  });

  test('a re-sent invitation replaces the previous link; an expired one does not work', async () => {
    const created = await owner.json('/api/users', { method: 'POST', json: { email: 'rita@example.com', name: 'Rita', role: 'employee' } });
    const first = tokenFrom(mails[mails.length - 1]!);
    await owner.json(`/api/users/${created.id}/invitation`, { method: 'POST' });
    const second = tokenFrom(mails[mails.length - 1]!);
    expect(second).not.toBe(first);
    expect((await t.request('/api/auth/invitations/accept', { method: 'POST', json: { token: first, password: 'a fresh passphrase 1' } })).status).toBe(400);
    await t.prisma.userToken.updateMany({ where: { userId: created.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.request('/api/auth/invitations/accept', { method: 'POST', json: { token: second, password: 'a fresh passphrase 1' } })).status).toBe(400);
    // An invitation is not a password reset token, nor the reverse.
    await owner.json(`/api/users/${created.id}/invitation`, { method: 'POST' });
    const third = tokenFrom(mails[mails.length - 1]!);
    expect((await t.request('/api/auth/password-reset/confirm', { method: 'POST', json: { token: third, password: 'a fresh passphrase 1' } })).status).toBe(400);
  });

  test('e-mails are unique across the installation: 409, and nothing is written', async () => {
    const before = await auditCount();
    const res = await owner.request('/api/users', { method: 'POST', json: { email: 'ANA@example.com', name: 'Other Ana', role: 'employee', password: 'a long enough password' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.code).toBe('conflict');
    expect(await auditCount()).toBe(before);
  });

  test('groups must exist in the organization; unknown fields are refused (no mass assignment)', async () => {
    const res = await owner.request('/api/users', { method: 'POST', json: { email: 'gus@example.com', name: 'Gus', role: 'employee', groups: ['no-such-group'], password: 'a long enough password' } });
    expect(res.status).toBe(400);
    expect(await t.prisma.user.findUnique({ where: { email: 'gus@example.com' } })).toBeNull();
    for (const extra of [{ passwordHash: 'x' }, { organizationId: '00000000-0000-4000-8000-000000000000' }, { ssoSubject: 'x' }, { isAdmin: true }]) {
      const r = await owner.request('/api/users', { method: 'POST', json: { email: 'gus@example.com', name: 'Gus', role: 'employee', ...extra } });
      expect(r.status).toBe(400);
    }
    const ana = await t.prisma.user.findUniqueOrThrow({ where: { email: 'ana@example.com' } });
    for (const extra of [{ passwordHash: 'x' }, { organizationId: '00000000-0000-4000-8000-000000000000' }, { ssoSubject: 'x' }]) {
      expect((await owner.request(`/api/users/${ana.id}`, { method: 'PUT', json: extra })).status).toBe(400);
    }
    // react-admin sends the whole record back: read-only fields are accepted and ignored.
    const record = await owner.json(`/api/users/${ana.id}`);
    const updated = await owner.json(`/api/users/${ana.id}`, { method: 'PUT', json: { ...record, email: 'changed@example.com', name: 'Ana B.' } });
    expect(updated).toMatchObject({ email: 'ana@example.com', name: 'Ana B.' });
    expect((await owner.request(`/api/users/${ana.id}`, { method: 'PUT', json: { groups: ['ghost'] } })).status).toBe(400);
  });

  test('changing a role or disabling a user ends their sessions at once; every change is audited', async () => {
    const user = await createUser(t, { email: 'sam@example.com', role: 'admin', password: 'sams password long' });
    const s1 = await mintSession(t, user);
    const s2 = await mintSession(t, user);
    const me = (s: typeof s1) => t.request('/api/auth/me', { headers: { cookie: s.cookie } });
    expect((await me(s1)).status).toBe(200);
    const updated = await owner.json(`/api/users/${user.id}`, { method: 'PUT', json: { role: 'auditor' } });
    expect(updated.role).toBe('auditor');
    expect((await me(s1)).status).toBe(401);
    expect((await me(s2)).status).toBe(401);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.update' } });
    expect(event.before).toEqual({ role: 'admin' });
    expect(event.after).toEqual({ role: 'auditor', sessionsEnded: 2 });

    // A name change keeps the sessions.
    const s3 = await mintSession(t, user);
    await owner.json(`/api/users/${user.id}`, { method: 'PUT', json: { name: 'Samuel' } });
    expect((await me(s3)).status).toBe(200);
    await owner.json(`/api/users/${user.id}`, { method: 'PUT', json: { disabled: true } });
    expect((await me(s3)).status).toBe(401);
    expect((await t.request('/api/auth/login', { method: 'POST', json: { email: 'sam@example.com', password: 'sams password long' } })).status).toBe(401);
    expect(await t.prisma.auditEvent.count({ where: { entityId: user.id, action: 'user.disable' } })).toBe(1);
    // Enabled again, the user signs in again.
    await owner.json(`/api/users/${user.id}`, { method: 'PUT', json: { disabled: false } });
    await t.login('sam@example.com', 'sams password long');
  });

  test('the last enabled owner cannot be demoted or disabled; an owner cannot disable themselves', async () => {
    const demote = await owner.request(`/api/users/${ownerId}`, { method: 'PUT', json: { role: 'admin' } });
    expect(demote.status).toBe(422);
    expect(((await demote.json()) as any).error.message).toMatch(/last owner who can sign in/);
    const disableSelf = await owner.request(`/api/users/${ownerId}`, { method: 'PUT', json: { disabled: true } });
    expect(disableSelf.status).toBe(422);

    const second = await createUser(t, { email: 'olga@example.com', role: 'owner', password: 'olgas password long' });
    const olga = await mintSession(t, second);
    // With a second owner, the first may step down; then the second is the last one.
    expect((await owner.request(`/api/users/${ownerId}`, { method: 'PUT', json: { role: 'admin' } })).status).toBe(200);
    const olgaReq = (path: string, json: unknown) => t.request(path, { method: 'PUT', json, headers: olga.principal.headers('PUT') });
    expect((await olgaReq(`/api/users/${second.id}`, { role: 'admin' })).status).toBe(422);
    expect((await olgaReq(`/api/users/${ownerId}`, { role: 'owner' })).status).toBe(200);
    // A disabled owner does not count.
    expect((await olgaReq(`/api/users/${ownerId}`, { disabled: true })).status).toBe(200);
    expect((await olgaReq(`/api/users/${second.id}`, { role: 'admin' })).status).toBe(422);
    expect((await olgaReq(`/api/users/${ownerId}`, { disabled: false })).status).toBe(200);
    owner = await t.login();
  });

  test('an invited owner who never set a password (nor signs in with SSO) does not count as another owner', async () => {
    await t.prisma.user.updateMany({ where: { role: 'owner', NOT: { id: ownerId } }, data: { role: 'admin' } });
    const invited = await owner.json('/api/users', { method: 'POST', json: { email: 'ines@example.com', name: 'Ines', role: 'owner' } });
    expect(invited.invitationPending).toBe(true);
    const demote = await owner.request(`/api/users/${ownerId}`, { method: 'PUT', json: { role: 'admin' } });
    expect(demote.status).toBe(422);
    expect(((await demote.json()) as any).error.message).toMatch(/last owner who can sign in/);
    expect((await owner.request(`/api/users/${ownerId}`, { method: 'PUT', json: { disabled: true } })).status).toBe(422);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: ownerId } })).role).toBe('owner');
    // Once the invited owner can sign in (an SSO identity here), the first may step down.
    await t.prisma.user.update({ where: { id: invited.id }, data: { ssoIssuer: 'https://idp.example', ssoSubject: 'ines' } });
    expect((await owner.request(`/api/users/${ownerId}`, { method: 'PUT', json: { role: 'admin' } })).status).toBe(200);
    await t.prisma.user.update({ where: { id: ownerId }, data: { role: 'owner' } });
    await t.prisma.user.update({ where: { id: invited.id }, data: { disabled: true } });
    owner = await t.login();
  });

  test('lists follow react-admin: sort, range, filter, Content-Range; bad queries are 400', async () => {
    const res = await owner.request(`/api/users?sort=${encodeURIComponent('["email","ASC"]')}&range=${encodeURIComponent('[0,1]')}&filter=${encodeURIComponent('{"role":["owner","analyst"]}')}`);
    expect(res.status).toBe(200);
    const rows = (await res.json()) as any;
    expect(rows.map((r: { role: string }) => r.role).every((r: string) => ['owner', 'analyst'].includes(r))).toBe(true);
    expect(res.headers.get('content-range')).toMatch(/^users 0-1\/\d+$/);
    for (const q of ['sort=["passwordHash","ASC"]', 'filter={"passwordHash":"x"}', 'range=[5,1]', 'filter={"q":"\u0000"}', 'page=2']) {
      expect((await owner.request(`/api/users?${q.replace(/=(.*)$/, (_, v: string) => `=${encodeURIComponent(v)}`)}`)).status).toBe(400);
    }
    const byGroup = await owner.json(`/api/users?filter=${encodeURIComponent('{"group":"engineering"}')}`);
    expect(byGroup.map((u: { email: string }) => u.email)).toEqual(['ana@example.com']);
  });

  test('no hard delete', async () => {
    const ana = await t.prisma.user.findUniqueOrThrow({ where: { email: 'ana@example.com' } });
    const res = await owner.request(`/api/users/${ana.id}`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(await t.prisma.user.findUnique({ where: { id: ana.id } })).not.toBeNull();
  });
});
