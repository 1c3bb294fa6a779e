import { AuditService } from '../../apps/api/src/modules/audit/audit.service';
import { createUser, mintSession, type Minted } from '../support/security';
import { startTestApp, type Session, type TestApp } from '../support/test-app';

/**
 * The audit log for auditors and owners: filters (time range, actor, action or family, entity) done
 * by the server inside the organization, the readable diff of each event, the streamed CSV export
 * (same filters, spreadsheet-safe cells), who may read and export it, and bad filters refused.
 */
const MARKER = 'tenant-b-audit-marker';

describe('audit log (filters, readable diff, CSV export)', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let owner: Session;
  let ownerId: string;
  let auditor: Minted;
  let admin: Minted;
  let analyst: Minted;
  let employee: Minted;
  let ownerB: Minted;
  let zoneId: string;
  let bEntityId: string;

  const get = async (who: Minted, path: string) => {
    const res = await fetch(t.url + path, { headers: who.principal.headers('GET') });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
  };
  const q = (filter: Record<string, unknown>, extra = '') => `?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
  const list = async (who: Minted, filter: Record<string, unknown>) => {
    const r = await get(who, `/api/audit-events${q(filter, '&range=[0,999]')}`);
    expect(r.status).toBe(200);
    return r.body as any[];
  };
  /** CSV lines (RFC 4180: quoted cells may hold line breaks) as arrays of cells. */
  const parseCsv = (text: string): string[][] => {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        row.push(cell);
        cell = '';
      } else if (c === '\r' && text[i + 1] === '\n') {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
        i++;
      } else cell += c;
    }
    return rows;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const p = t.prisma;
    orgA = (await p.organization.findFirstOrThrow()).id;
    owner = await t.login();
    ownerId = (await p.user.findFirstOrThrow({ where: { organizationId: orgA, role: 'owner' } })).id;
    auditor = await mintSession(t, await createUser(t, { email: 'auditor@audit-log.test', role: 'auditor', name: 'Olivia Auditor' }), 'auditor');
    admin = await mintSession(t, await createUser(t, { email: 'admin@audit-log.test', role: 'admin' }), 'admin');
    analyst = await mintSession(t, await createUser(t, { email: 'analyst@audit-log.test', role: 'analyst' }), 'analyst');
    employee = await mintSession(t, await createUser(t, { email: 'employee@audit-log.test', role: 'employee' }), 'employee');
    orgB = (await p.organization.create({ data: { name: 'Tenant B', slug: 'tenant-b-audit' } })).id;
    ownerB = await mintSession(t, await createUser(t, { organizationId: orgB, email: 'owner@tenant-b-audit.test', role: 'owner' }), 'owner B');

    // Changes made through the API, as the console makes them.
    const zone = await owner.json<{ id: string }>('/api/zones', { method: 'POST', json: { name: 'audit-office', description: 'First floor', cidrs: ['10.1.0.0/16', '10.2.0.0/16'] } });
    zoneId = zone.id;
    await owner.json(`/api/zones/${zoneId}`, { method: 'PUT', json: { name: 'audit-office', description: 'Second floor', cidrs: ['10.2.0.0/16', '10.3.0.0/16'] } });

    // Another organization's events, with a marker that must never show up in A's log or export.
    const audit = t.app.get(AuditService);
    bEntityId = '11111111-2222-4333-8444-555555555555';
    for (let i = 0; i < 3; i++) {
      await audit.record({ organizationId: orgB, actor: { type: 'user', id: ownerB.userId, label: ownerB.email }, action: 'zone.update', entityType: 'NetworkZone', entityId: bEntityId, before: { description: MARKER }, after: { description: `${MARKER} ${i}` } });
    }
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  test('an update reads field by field: old → new, list items added and removed, the actor by name', async () => {
    const [update] = await list(auditor, { entityId: zoneId, action: 'zone.update' });
    expect(update).toMatchObject({ action: 'zone.update', entityType: 'NetworkZone', entityId: zoneId, actorId: ownerId, actorLabel: 'owner@airlock.test', changesTruncated: false });
    expect(update.actorName).toEqual(expect.any(String));
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { path: ['description'], kind: 'changed', before: 'First floor', after: 'Second floor' },
        { path: ['cidrs'], kind: 'list', added: ['10.3.0.0/16'], removed: ['10.1.0.0/16'] },
      ]),
    );
    expect(update.changes.some((c: { path: string[] }) => c.path[0] === 'name')).toBe(false);
    // The raw snapshots are still there.
    expect(update.before.description).toBe('First floor');
    const [create] = await list(auditor, { entityId: zoneId, action: 'zone.create' });
    expect(create.changes).toEqual(expect.arrayContaining([{ path: ['name'], kind: 'added', after: 'audit-office' }]));
    const one = await get(auditor, `/api/audit-events/${update.id}`);
    expect(one.body.changes).toEqual(update.changes);
  });

  test('filters narrow on the server: actor, actor type, action, action family, entity type and id, time range', async () => {
    const everything = await owner.json<any[]>('/api/audit-events?range=[0,999]');
    expect(everything.length).toBeGreaterThan(3);

    const byActor = await list(auditor, { actorId: ownerId });
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actorId === ownerId)).toBe(true);
    const system = await list(auditor, { actorType: 'system' });
    expect(system.length).toBeGreaterThan(0);
    expect(system.every((e) => e.actorType === 'system')).toBe(true);

    const exact = await list(auditor, { action: 'zone.create' });
    expect(exact.map((e) => e.action)).toEqual(['zone.create']);
    const family = await list(auditor, { action: 'zone.' });
    expect(family.map((e) => e.action).sort()).toEqual(['zone.create', 'zone.update']);
    // An action is not a prefix of another without the dot: "zone" alone matches no event.
    expect(await list(auditor, { action: 'zone' })).toEqual([]);

    const zones = await list(auditor, { entityType: 'NetworkZone' });
    expect(zones.every((e) => e.entityType === 'NetworkZone')).toBe(true);
    expect(zones.map((e) => e.entityId)).toContain(zoneId);

    // The time range: from the first zone event to the second, inclusive on both ends.
    const [update, create] = family;
    const between = await list(auditor, { since: create.createdAt, until: update.createdAt, entityId: zoneId });
    expect(between.map((e) => e.id)).toEqual([update.id, create.id]);
    const afterCreate = await list(auditor, { since: new Date(Date.parse(create.createdAt) + 1).toISOString(), entityId: zoneId });
    expect(afterCreate.map((e) => e.id)).toEqual(update.createdAt === create.createdAt ? [] : [update.id]);
    const beforeAll = await list(auditor, { until: '2000-01-01T00:00:00Z' });
    expect(beforeAll).toEqual([]);
    // With a time zone offset too.
    const offset = await list(auditor, { since: '2000-01-01T00:00:00+02:00', entityId: zoneId });
    expect(offset).toHaveLength(2);

    // The total follows the filter (react-admin's Content-Range).
    const r = await get(auditor, `/api/audit-events${q({ action: 'zone.' }, '&range=[0,0]')}`);
    expect(r.headers.get('content-range')).toBe('audit-events 0-0/2');
  });

  test("another organization's events never appear, whatever the filter", async () => {
    const mine = await list(auditor, {});
    expect(JSON.stringify(mine)).not.toContain(MARKER);
    expect(await list(auditor, { entityId: bEntityId })).toEqual([]);
    expect(await list(auditor, { actorId: ownerB.userId })).toEqual([]);
    const theirs = await list(ownerB, { entityId: bEntityId });
    expect(theirs).toHaveLength(3);
    expect(JSON.stringify(theirs)).not.toContain(zoneId);
    const csv = await get(auditor, `/api/audit-events/export.csv${q({ entityId: bEntityId })}`);
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(MARKER);
    expect(parseCsv(csv.text)).toHaveLength(1);
    const all = await get(auditor, '/api/audit-events/export.csv');
    expect(all.text).not.toContain(MARKER);
    const otherEvent = theirs[0].id;
    expect((await get(auditor, `/api/audit-events/${otherEvent}`)).status).toBe(404);
  });

  test('the CSV export: the filtered events newest first, readable changes, spreadsheet-safe cells, and itself audited', async () => {
    const audit = t.app.get(AuditService);
    await audit.record({
      organizationId: orgA,
      actor: { type: 'system', id: null, label: '=HYPERLINK("http://evil.example","click")' },
      action: 'settings.update',
      entityType: 'Organization',
      entityId: '-2+3',
      before: { name: 'Acme' },
      after: { name: '@SUM(A1:A9), "quoted"\nnext line' },
    });
    const res = await get(auditor, `/api/audit-events/export.csv${q({ entityType: 'Organization', action: 'settings.update' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual(['seq', 'time', 'actor_type', 'actor_id', 'actor', 'actor_name', 'action', 'entity_type', 'entity_id', 'changes', 'before', 'after', 'request_id', 'ip', 'hash']);
    const [, evil] = rows;
    expect(rows).toHaveLength(2);
    // Cells a spreadsheet would run as a formula start with a quote; quotes doubled, line breaks kept inside quotes.
    expect(evil![4]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(evil![8]).toBe(`'-2+3`);
    expect(evil![9]).toBe('name: Acme → @SUM(A1:A9), "quoted"\nnext line');
    expect(JSON.parse(evil![11]!)).toEqual({ name: '@SUM(A1:A9), "quoted"\nnext line' });
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);

    // The same filters as the list: every zone event, newest first.
    const zoneCsv = parseCsv((await get(auditor, `/api/audit-events/export.csv${q({ entityId: zoneId })}`)).text);
    const zoneList = await list(auditor, { entityId: zoneId });
    expect(zoneCsv.slice(1).map((r) => Number(r[0]))).toEqual(zoneList.map((e) => e.seq));
    const update = zoneCsv.find((r) => r[6] === 'zone.update')!;
    expect(update[9]).toContain('description: First floor → Second floor');
    expect(update[9]).toContain('cidrs: +10.3.0.0/16, -10.1.0.0/16');
    expect(update[5]).toEqual(expect.any(String));

    // Each export is an event of its own: who took a copy, with which filters.
    const exports = await list(auditor, { action: 'audit.export' });
    expect(exports.length).toBeGreaterThanOrEqual(3);
    expect(exports[0]).toMatchObject({ actorId: auditor.userId, entityType: 'AuditLog', after: { filter: { entityId: zoneId } } });
  });

  test('the export streams a large log in batches: every event once, in order', async () => {
    const audit = t.app.get(AuditService);
    for (let i = 0; i < 2100; i++) {
      await audit.record({ organizationId: orgA, actor: { type: 'system', id: null, label: 'system' }, action: 'webhook.test', entityType: 'Webhook', entityId: 'bulk-webhook', after: { ok: i % 2 === 0, n: i } });
    }
    const r = await owner.request(`/api/audit-events/export.csv${q({ entityId: 'bulk-webhook' })}`);
    expect(r.status).toBe(200);
    const rows = parseCsv(await r.text()).slice(1);
    expect(rows).toHaveLength(2100);
    const seqs = rows.map((row) => Number(row[0]));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(2100);
    expect(JSON.parse(rows[0]![11]!)).toEqual({ ok: false, n: 2099 });
    expect(JSON.parse(rows[2099]![11]!)).toEqual({ ok: true, n: 0 });
  }, 120_000);

  test('who reads and exports it: owners and auditors; admins, analysts and employees are refused', async () => {
    for (const path of ['/api/audit-events', '/api/audit-events/export.csv', '/api/audit-events/verify']) {
      expect((await get(auditor, path)).status).toBe(200);
      expect((await owner.request(path)).status).toBe(200);
      for (const who of [admin, analyst, employee]) expect((await get(who, path)).status).toBe(403);
      expect((await fetch(t.url + path)).status).toBe(401);
    }
  });

  test('bad filters are a 400 naming the field, never a 500', async () => {
    const bad = async (filter: unknown, path = '/api/audit-events') => {
      const r = await get(auditor, `${path}?filter=${encodeURIComponent(typeof filter === 'string' ? filter : JSON.stringify(filter))}`);
      expect(r.status).toBe(400);
      return JSON.stringify(r.body);
    };
    for (const path of ['/api/audit-events', '/api/audit-events/export.csv']) {
      expect(await bad({ since: 'yesterday' }, path)).toContain('since');
      expect(await bad({ until: '2026-13-45T00:00:00Z' }, path)).toContain('until');
      expect(await bad({ since: '2026-12-01' }, path)).toContain('ISO 8601');
      expect(await bad({ since: '2026-12-02T00:00:00Z', until: '2026-12-01T00:00:00Z' }, path)).toContain('since must not be after until');
      expect(await bad({ action: "x'; DROP TABLE \"AuditEvent\"; --" }, path)).toContain('action');
      expect(await bad({ entityType: 'Policy Rule' }, path)).toContain('entityType');
      expect(await bad({ actorType: 'robot' }, path)).toContain('actorType');
      expect(await bad({ colour: 'red' }, path)).toContain('colour');
      expect(await bad('{not json', path)).toContain('filter');
      expect(await bad({ entityId: 'x'.repeat(201) }, path)).toContain('entityId');
      // PostgreSQL has no year 0: an instant before year 1 is refused, not a database error.
      expect(await bad({ since: '0000-01-01T00:00:00Z' }, path)).toContain('since');
      expect(await bad({ until: '0001-01-01T00:30:00+01:00' }, path)).toContain('until');
    }
    expect((await get(auditor, '/api/audit-events/export.csv?since=2026-01-01T00:00:00Z')).status).toBe(400);
  });
});
