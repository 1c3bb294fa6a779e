import { createUser } from '../support/security';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * The lists' bulk actions: services' status in the draft, incidents to an analyst, users disabled,
 * enabled or given a role. Each is one transaction with an audit event per item, follows the same
 * rules as a single edit, and refuses another organization's ids (404, nothing changed).
 */
describe('bulk actions', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let owner: Session;
  let analyst: Session;
  let analystId: string;
  let ownerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const p = t.prisma;
    orgA = (await p.organization.findFirstOrThrow()).id;
    ownerId = (await p.user.findFirstOrThrow({ where: { organizationId: orgA, role: 'owner' } })).id;
    owner = await t.login();
    analystId = (await createUser(t, { organizationId: orgA, email: 'analyst@airlock.test', role: 'analyst', password: 'analyst password 1234' })).id;
    analyst = await t.login('analyst@airlock.test', 'analyst password 1234');
    orgB = (await p.organization.create({ data: { name: 'Other', slug: 'other-org' } })).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const post = async (s: Session, path: string, json: unknown) => {
    const res = await s.request(path, { method: 'POST', json });
    return { status: res.status, body: (await res.json()) as { updated?: number; ids?: string[]; error?: { message: string } } };
  };

  it("sets several services' status in the draft with a reason, audited each, nothing in force until a publish", async () => {
    const p = t.prisma;
    const [a1, a2, a3] = await p.provider.findMany({ where: { organizationId: orgA, status: 'under_review' }, orderBy: { slug: 'asc' }, take: 3 });
    const b1 = await p.provider.create({ data: { organizationId: orgB, slug: 'b-service', name: 'B service', domains: ['b.example.com'], status: 'under_review', trainsOnInputs: 'no' } });
    const versionsBefore = await p.policyVersion.count({ where: { organizationId: orgA } });

    // Another organization's id among them: 404, none changed.
    const cross = await post(owner, '/api/providers/bulk-status', { ids: [a1!.id, b1.id], status: 'blocked', statusReason: 'Not reviewed' });
    expect(cross.status).toBe(404);
    expect((await p.provider.findUniqueOrThrow({ where: { id: a1!.id } })).status).toBe('under_review');
    expect((await p.provider.findUniqueOrThrow({ where: { id: b1.id } })).status).toBe('under_review');
    // The same validation as a single edit: a status the contract does not know, no reason, no ids.
    expect((await post(owner, '/api/providers/bulk-status', { ids: [a1!.id], status: 'maybe', statusReason: 'x' })).status).toBe(400);
    expect((await post(owner, '/api/providers/bulk-status', { ids: [a1!.id], status: 'blocked', statusReason: '  ' })).status).toBe(400);
    expect((await post(owner, '/api/providers/bulk-status', { ids: [], status: 'blocked', statusReason: 'x' })).status).toBe(400);
    expect((await post(analyst, '/api/providers/bulk-status', { ids: [a1!.id], status: 'blocked', statusReason: 'x' })).status).toBe(403);

    const ok = await post(owner, '/api/providers/bulk-status', { ids: [a1!.id, a2!.id, a1!.id], status: 'approved', statusReason: 'Reviewed by security on the DPA' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ updated: 2, ids: [a1!.id, a2!.id] });
    for (const id of [a1!.id, a2!.id]) {
      expect(await p.provider.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'approved', statusReason: 'Reviewed by security on the DPA' });
      expect(await p.auditEvent.count({ where: { organizationId: orgA, action: 'provider.update', entityId: id } })).toBe(1);
    }
    expect((await p.provider.findUniqueOrThrow({ where: { id: a3!.id } })).status).toBe('under_review');
    // In the draft only: no version was published.
    expect(await p.policyVersion.count({ where: { organizationId: orgA } })).toBe(versionsBefore);
  });

  it('assigns several incidents to an analyst, on each timeline and audited; refuses other organizations’ incidents and assignees', async () => {
    const p = t.prisma;
    const mk = (organizationId: string, number: number) =>
      p.incident.create({ data: { organizationId, number, title: `Bulk ${number}`, severity: 'medium', suggestedSeverity: 'medium', source: 'analyst', awareAt: new Date(), reportedAt: new Date() } });
    const i1 = await mk(orgA, 701);
    const i2 = await mk(orgA, 702);
    const ib = await mk(orgB, 703);
    const ownerB = await createUser(t, { organizationId: orgB, email: 'analyst@other.test', role: 'analyst' });

    const cross = await post(owner, '/api/incidents/bulk-assign', { ids: [i1.id, ib.id], assigneeId: analystId });
    expect(cross.status).toBe(404);
    expect((await p.incident.findUniqueOrThrow({ where: { id: i1.id } })).assigneeId).toBeNull();
    expect((await p.incident.findUniqueOrThrow({ where: { id: ib.id } })).assigneeId).toBeNull();
    const otherAssignee = await post(owner, '/api/incidents/bulk-assign', { ids: [i1.id, i2.id], assigneeId: ownerB.id });
    expect(otherAssignee.status).toBe(400);
    expect(otherAssignee.body.error!.message).toMatch(/assigneeId/);
    expect((await p.incident.findUniqueOrThrow({ where: { id: i1.id } })).assigneeId).toBeNull();

    const ok = await post(analyst, '/api/incidents/bulk-assign', { ids: [i1.id, i2.id], assigneeId: analystId });
    expect(ok.status).toBe(200);
    expect(ok.body.updated).toBe(2);
    for (const id of [i1.id, i2.id]) {
      expect((await p.incident.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(analystId);
      expect(await p.auditEvent.count({ where: { organizationId: orgA, entityId: id, action: { startsWith: 'incident.' } } })).toBeGreaterThanOrEqual(1);
      expect(await p.incidentEvent.count({ where: { incidentId: id } })).toBeGreaterThanOrEqual(1);
    }
    // Unassigned again.
    expect((await post(owner, '/api/incidents/bulk-assign', { ids: [i1.id], assigneeId: null })).status).toBe(200);
    expect((await p.incident.findUniqueOrThrow({ where: { id: i1.id } })).assigneeId).toBeNull();
  });

  it('disables, enables and changes the role of several users under the single-edit rules', async () => {
    const p = t.prisma;
    const u1 = await createUser(t, { organizationId: orgA, email: 'u1@airlock.test', role: 'employee' });
    const u2 = await createUser(t, { organizationId: orgA, email: 'u2@airlock.test', role: 'employee' });
    const ub = await createUser(t, { organizationId: orgB, email: 'ub@other.test', role: 'employee' });

    expect((await post(owner, '/api/users/bulk', { ids: [u1.id, ub.id], disabled: true })).status).toBe(404);
    expect((await p.user.findUniqueOrThrow({ where: { id: u1.id } })).disabled).toBe(false);
    expect((await p.user.findUniqueOrThrow({ where: { id: ub.id } })).disabled).toBe(false);
    expect((await post(owner, '/api/users/bulk', { ids: [u1.id], disabled: true, role: 'admin' })).status).toBe(400);
    // A 400 names what is wrong, not just "Invalid input".
    const says = async (json: unknown, words: RegExp) => {
      const r = await post(owner, '/api/users/bulk', json);
      expect(r.status).toBe(400);
      expect(r.body.error!.message).toMatch(words);
    };
    await says({ ids: [u1.id], role: 'superuser' }, /role/);
    await says({ ids: ['not-a-uuid'], disabled: true }, /ids\.0/);
    await says({ ids: Array.from({ length: 201 }, () => u1.id), disabled: true }, /ids/);
    await says({ ids: [u1.id], disabled: true, role: 'admin' }, /either/);
    await says({ ids: [u1.id] }, /either/);
    expect((await post(analyst, '/api/users/bulk', { ids: [u1.id], disabled: true })).status).toBe(403);

    // Yourself: refused, nobody changed.
    const self = await post(owner, '/api/users/bulk', { ids: [u1.id, ownerId], disabled: true });
    expect(self.status).toBe(422);
    expect((await p.user.findUniqueOrThrow({ where: { id: u1.id } })).disabled).toBe(false);
    expect((await post(owner, '/api/users/bulk', { ids: [ownerId], role: 'admin' })).status).toBe(422);

    const off = await post(owner, '/api/users/bulk', { ids: [u1.id, u2.id], disabled: true });
    expect(off).toEqual({ status: 200, body: { updated: 2, ids: [u1.id, u2.id] } });
    expect(await p.user.count({ where: { id: { in: [u1.id, u2.id] }, disabled: true } })).toBe(2);
    expect(await p.auditEvent.count({ where: { organizationId: orgA, action: 'user.disable', entityId: { in: [u1.id, u2.id] } } })).toBe(2);
    expect((await post(owner, '/api/users/bulk', { ids: [u1.id, u2.id], disabled: false })).status).toBe(200);
    expect(await p.auditEvent.count({ where: { organizationId: orgA, action: 'user.enable', entityId: { in: [u1.id, u2.id] } } })).toBe(2);

    const role = await post(owner, '/api/users/bulk', { ids: [u1.id, u2.id], role: 'analyst' });
    expect(role.status).toBe(200);
    expect((await p.user.findMany({ where: { id: { in: [u1.id, u2.id] } } })).map((u) => u.role)).toEqual(['analyst', 'analyst']);

    // A user whose role the identity provider owns (SSO on): 409 naming them, and nobody changed.
    await p.ssoConnection.create({ data: { organizationId: orgA, issuer: 'https://idp.example.com', clientId: 'x', enabled: true } });
    const sso = await createUser(t, { organizationId: orgA, email: 'sso@airlock.test', role: 'employee' });
    await p.user.update({ where: { id: sso.id }, data: { ssoIssuer: 'https://idp.example.com', ssoSubject: 'sub-1' } });
    const refused = await post(owner, '/api/users/bulk', { ids: [u1.id, sso.id], role: 'auditor' });
    expect(refused.status).toBe(409);
    expect(refused.body.error!.message).toMatch(/^sso@airlock\.test: /);
    expect((await p.user.findUniqueOrThrow({ where: { id: u1.id } })).role).toBe('analyst');
    // Disabling stays editable for SSO users.
    expect((await post(owner, '/api/users/bulk', { ids: [sso.id], disabled: true })).status).toBe(200);
    await p.ssoConnection.delete({ where: { organizationId: orgA } });
  });
});
