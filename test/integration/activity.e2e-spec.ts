import { v7 as uuidv7 } from 'uuid';
import { DecisionLogBatch, type DecisionLogEntry } from '../../apps/api/src/modules/decisions/decision-log.batch';
import { DecisionLogStore } from '../../apps/api/src/modules/decisions/decision-log.store';
import { createUser, mintSession, type Minted } from '../support/security';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The Activity page's API over the decision log: every filter against the same rows computed here,
 * keyset pages that neither repeat nor skip while decisions keep arriving, the organization's rows
 * only, roles, the decision's reasons, the CSV export, unknown destinations and the global search.
 */
const EFFECTS = ['allow', 'warn', 'redact', 'block'] as const;
const SERVICES = ['deepseek', 'openai-chatgpt', null] as const;
const RULES: Record<(typeof EFFECTS)[number], string[]> = { allow: [], warn: ['coach-unreviewed'], redact: ['no-personal-data-unapproved'], block: ['no-credentials', 'blocked-providers'] };
const MARKER = 'tenant-b-activity-marker';

type Row = DecisionLogEntry;

function rowsFor(organizationId: string, n: number, apiClientId: string | null, now: number, subjectPrefix: string): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    // Spread over the last three days, several rows sharing a millisecond (the key's id breaks ties).
    const ms = now - Math.floor(i / 3) * 7_919 - 1_000;
    const effect = EFFECTS[i % 4]!;
    const service = SERVICES[i % 3]!;
    rows.push({
      id: uuidv7({ msecs: ms }),
      time: new Date(ms),
      organizationId,
      apiClientId: i % 5 === 0 ? null : apiClientId,
      policyVersion: 1,
      providerSlug: service,
      destinationHost: service ? `${service}.example` : 'new-ai-tool.example',
      action: i % 7 === 0 ? 'upload' : 'prompt',
      channel: i % 2 ? 'web' : 'ide',
      networkZones: i % 3 === 0 ? ['corporate'] : ['remote'],
      subjectId: `${subjectPrefix}${i % 11}@corp.test`,
      subjectGroups: i % 4 === 0 ? ['legal', 'emea'] : ['engineering'],
      effect,
      ruleIds: RULES[effect],
      dataClasses: effect === 'block' ? ['credentials'] : effect === 'redact' ? ['personal_data'] : [],
      contentHmac: i % 2 ? 'a'.repeat(64) : null,
      correlationId: null,
      latencyMicros: 100 + i,
      staleSeconds: null,
      source: i % 6 === 0 ? 'extension' : 'api',
      overrideReason: i === 5 ? '=HYPERLINK("http://evil.example")' : null,
      // An AI gateway call's tokens, on some prompts.
      inputTokens: i % 4 === 1 ? 1000 + i : null,
      outputTokens: i % 4 === 1 ? 20 + i : null,
    });
  }
  return rows;
}

describe('activity (the decision log, searchable)', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let owner: Minted;
  let ownerB: Minted;
  let analyst: Minted;
  let auditor: Minted;
  let employee: Minted;
  let clientA: string;
  let rowsA: Row[];
  let rowsB: Row[];
  const now = Date.now();

  const write = async (rows: Row[]) => {
    const batch = new DecisionLogBatch(rows.length);
    for (const r of rows) batch.add(r);
    expect(await t.app.get(DecisionLogStore).insert(batch)).toEqual({ written: rows.length, discarded: 0 });
  };
  const get = async (who: Minted, path: string) => {
    const res = await fetch(t.url + path, { headers: who.principal.headers('GET') });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
  };
  /** Every page of a query, following nextCursor. */
  const all = async (who: Minted, query: string, limit = 200) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await get(who, `/api/activity?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      ids.push(...r.body.items.map((x: { id: string }) => x.id));
      cursor = r.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    return ids;
  };
  const newestFirst = (rows: Row[]) => [...rows].sort((a, b) => b.time.getTime() - a.time.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);

  beforeAll(async () => {
    t = await startTestApp();
    const p = t.prisma;
    orgA = (await p.organization.findFirstOrThrow()).id;
    clientA = (await p.apiClient.findFirstOrThrow({ where: { organizationId: orgA } })).id;
    owner = await mintSession(t, await p.user.findFirstOrThrow({ where: { organizationId: orgA, role: 'owner' } }), 'owner');
    analyst = await mintSession(t, await createUser(t, { email: 'analyst@activity.test', role: 'analyst' }), 'analyst');
    auditor = await mintSession(t, await createUser(t, { email: 'auditor@activity.test', role: 'auditor' }), 'auditor');
    employee = await mintSession(t, await createUser(t, { email: 'employee@activity.test', role: 'employee' }), 'employee');
    const b = await p.organization.create({ data: { name: 'Tenant B', slug: 'tenant-b-activity' } });
    orgB = b.id;
    ownerB = await mintSession(t, await createUser(t, { organizationId: orgB, email: 'owner@tenant-b-activity.test', role: 'owner' }), 'owner B');
    await p.provider.create({ data: { organizationId: orgB, slug: 'b-only-ai', name: `${MARKER} AI`, domains: ['b-only-ai.test'], trainsOnInputs: 'no' } });
    rowsA = rowsFor(orgA, 600, clientA, now, 'person');
    rowsB = rowsFor(orgB, 90, null, now, MARKER);
    await write(rowsA);
    await write(rowsB);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  test('pages newest first on the key, without a total, every row of the organization exactly once', async () => {
    const first = await get(owner, '/api/activity?limit=50');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(50);
    expect(typeof first.body.nextCursor).toBe('string');
    expect(Object.keys(first.body).sort()).toEqual(['items', 'nextCursor']);
    expect(first.headers.get('content-range')).toBeNull();
    const item = first.body.items[0];
    const newest = rowsA.find((r) => r.id === newestFirst(rowsA)[0])!;
    expect(item).toMatchObject({ id: newest.id, policyVersion: 1, apiClient: newest.apiClientId ? { id: clientA, name: expect.any(String) } : null });
    expect(JSON.stringify(first.body)).not.toContain('aaaaaaaa');
    const ids = await all(owner, '', 77);
    expect(ids).toEqual(newestFirst(rowsA));
    expect(ids.some((id) => rowsB.some((r) => r.id === id))).toBe(false);
    const idsB = await all(ownerB, '');
    expect(idsB).toEqual(newestFirst(rowsB));
  });

  test('a cursor stays stable while new decisions arrive: no row repeated, none skipped', async () => {
    const first = await get(owner, '/api/activity?limit=40&effect=block');
    const seen: string[] = first.body.items.map((x: { id: string }) => x.id);
    const newer = rowsFor(orgA, 12, clientA, Date.now() + 5_000, 'late').map((r) => ({ ...r, effect: 'block' as const, ruleIds: ['no-credentials'] }));
    await write(newer);
    let cursor = first.body.nextCursor;
    while (cursor) {
      const r = await get(owner, `/api/activity?limit=40&effect=block&cursor=${cursor}`);
      seen.push(...r.body.items.map((x: { id: string }) => x.id));
      cursor = r.body.nextCursor;
    }
    expect(seen).toEqual(newestFirst(rowsA.filter((r) => r.effect === 'block')));
    rowsA.push(...newer);
    // A fresh first page starts with the newest of them.
    expect((await get(owner, '/api/activity?limit=12&effect=block')).body.items.map((x: { id: string }) => x.id)).toEqual(newestFirst(rowsA.filter((r) => r.effect === 'block')).slice(0, 12));
    expect(newestFirst(rowsA)[0]).toBe(newestFirst(newer)[0]);
  });

  test('each filter returns exactly the matching rows', async () => {
    const since = new Date(now - 36 * 3_600_000).toISOString();
    const until = new Date(now - 6 * 3_600_000).toISOString();
    const inRange = (r: Row) => r.time >= new Date(since) && r.time <= new Date(until);
    const cases: [string, (r: Row) => boolean][] = [
      ['effect=block', (r) => r.effect === 'block'],
      ['effect=warn,redact', (r) => r.effect === 'warn' || r.effect === 'redact'],
      ['effect=warn&effect=block', (r) => r.effect === 'warn' || r.effect === 'block'],
      ['service=deepseek', (r) => r.providerSlug === 'deepseek'],
      ['host=new-ai-tool.example', (r) => r.destinationHost === 'new-ai-tool.example'],
      ['rule=no-credentials', (r) => r.ruleIds.includes('no-credentials')],
      ['dataClass=personal_data', (r) => r.dataClasses.includes('personal_data')],
      ['zone=corporate', (r) => r.networkZones.includes('corporate')],
      ['group=legal', (r) => r.subjectGroups.includes('legal')],
      ['group=Legal', (r) => r.subjectGroups.includes('legal')],
      [`subject=${encodeURIComponent('person3@corp.test')}`, (r) => r.subjectId === 'person3@corp.test'],
      ['channel=ide', (r) => r.channel === 'ide'],
      [`apiClient=${clientA}`, (r) => r.apiClientId === clientA],
      ['action=upload', (r) => r.action === 'upload'],
      ['source=extension', (r) => r.source === 'extension'],
      [`since=${since}&until=${until}`, inRange],
      [`since=${since}&until=${until}&effect=block&service=openai-chatgpt&zone=remote`, (r) => inRange(r) && r.effect === 'block' && r.providerSlug === 'openai-chatgpt' && r.networkZones.includes('remote')],
      ['subject=nobody%40corp.test', () => false],
    ];
    for (const [query, match] of cases) {
      const expected = newestFirst(rowsA.filter(match));
      expect({ query, ids: await all(owner, query) }).toEqual({ query, ids: expected });
    }
    // Another organization's subject finds nothing here.
    expect(await all(owner, `subject=${encodeURIComponent(`${MARKER}1@corp.test`)}`)).toEqual([]);
  });

  test('bad filters are a 400 that says what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['effect=maybe', /effect/],
      ['effect=', /effect/],
      ['since=yesterday', /since.*ISO 8601/],
      [`since=${new Date(now).toISOString()}&until=${new Date(now - 1000).toISOString()}`, /since must not be after until/],
      ['cursor=not-a-cursor!', /cursor/],
      [`cursor=${Buffer.from('123.nope').toString('base64url')}`, /cursor/],
      ['limit=0', /limit/],
      ['limit=201', /limit/],
      ['limit=ten', /limit/],
      ['apiClient=abc', /apiClient.*UUID/],
      ['zone=Not A Zone', /zone/],
      ['rule=a%20b', /rule/],
      ['host=a/b', /host/],
      ['action=delete', /action/],
      ['sort=time', /sort/],
      [`subject=${'x'.repeat(400)}`, /subject/],
    ];
    for (const [query, message] of cases) {
      const r = await get(owner, `/api/activity?${query}`);
      expect({ query, status: r.status }).toEqual({ query, status: 400 });
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.message).toMatch(message);
    }
    expect((await get(owner, '/api/activity/export.csv?effect=maybe')).status).toBe(400);
    expect((await get(owner, '/api/activity/unknown-destinations?days=0')).status).toBe(400);
  });

  test('one decision with the reasons of the policy version that made it; other organizations get 404', async () => {
    const blocked = rowsA.find((r) => r.effect === 'block' && r.ruleIds.length === 2)!;
    const r = await get(analyst, `/api/activity/${blocked.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: blocked.id, effect: 'block', contentHashed: blocked.contentHmac !== null, latencyMicros: blocked.latencyMicros, inputTokens: blocked.inputTokens, outputTokens: blocked.outputTokens });
    const withTokens = rowsA.find((x) => x.inputTokens !== null)!;
    expect((await get(analyst, `/api/activity/${withTokens.id}`)).body).toMatchObject({ inputTokens: withTokens.inputTokens, outputTokens: withTokens.outputTokens });
    expect(r.body.reasons.map((x: { ruleId: string }) => x.ruleId)).toEqual(blocked.ruleIds);
    for (const reason of r.body.reasons) {
      expect(reason.effect).toBe('block');
      expect(reason.message.length).toBeGreaterThan(10);
    }
    expect(r.text).not.toContain('a'.repeat(64));
    expect((await get(ownerB, `/api/activity/${blocked.id}`)).status).toBe(404);
    expect((await get(owner, `/api/activity/${rowsB[0]!.id}`)).status).toBe(404);
    expect((await get(owner, '/api/activity/not-an-id')).status).toBe(404);
    expect((await get(owner, '/api/activity/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // With the row's time (as the list gives it), any id is found by the exact key, a v4 id too.
    const v4 = { ...rowsA[1]!, id: '0d6f3c1e-8a3b-4c55-9f5e-1c2d3e4f5a6b', time: new Date(now - 123_456) };
    await write([v4]);
    rowsA.push(v4);
    expect((await get(owner, `/api/activity/${v4.id}`)).status).toBe(404);
    expect((await get(owner, `/api/activity/${v4.id}?time=${v4.time.toISOString()}`)).body).toMatchObject({ id: v4.id, time: v4.time.toISOString() });
    expect((await get(ownerB, `/api/activity/${v4.id}?time=${v4.time.toISOString()}`)).status).toBe(404);
    expect((await get(owner, `/api/activity/${v4.id}?time=soon`)).status).toBe(400);
  });

  test('staff roles read the log, employees do not', async () => {
    for (const who of [owner, analyst, auditor]) {
      expect((await get(who, '/api/activity?limit=1')).status).toBe(200);
      expect((await get(who, '/api/activity/export.csv?effect=block')).status).toBe(200);
    }
    for (const path of ['/api/activity', '/api/activity/export.csv', `/api/activity/${rowsA[0]!.id}`, '/api/activity/unknown-destinations', '/api/search?q=deep']) {
      expect((await get(employee, path)).status).toBe(403);
      expect((await fetch(t.url + path)).status).toBe(401);
    }
  });

  test('CSV export: streamed, metadata only, the filter applied, formulas neutralised, audited', async () => {
    const r = await get(auditor, '/api/activity/export.csv?service=openai-chatgpt');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="activity-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = r.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,id,effect,action,service,serviceName,destinationHost,channel,networkZones,subject,subjectGroups,rules,dataClasses,apiClientId,apiClientName,policyVersion,source,overrideReason,inputTokens,outputTokens');
    const expected = newestFirst(rowsA.filter((x) => x.providerSlug === 'openai-chatgpt'));
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(expected);
    // The gateway's tokens are the last two columns (empty when the row has none).
    const byId = new Map(rowsA.map((x) => [x.id, x]));
    const tokens = lines.slice(1).map((l) => l.split(',').slice(-2));
    expect(tokens).toEqual(lines.slice(1).map((l) => [String(byId.get(l.split(',')[1]!)!.inputTokens ?? ''), String(byId.get(l.split(',')[1]!)!.outputTokens ?? '')]));
    expect(tokens.some(([i]) => i !== '')).toBe(true);
    expect(r.text).not.toContain(MARKER);
    expect(r.text).not.toContain('a'.repeat(64));
    const withFormula = await get(owner, '/api/activity/export.csv?subject=person5%40corp.test');
    expect(withFormula.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const audit = await t.prisma.auditEvent.findFirst({ where: { organizationId: orgA, action: 'activity.export' }, orderBy: { seq: 'desc' } });
    expect(audit?.actorLabel).toBe('owner@airlock.test');
    expect(audit?.after).toEqual({ filter: { subject: 'person5@corp.test' } });
  });

  test('unknown AI destinations: hosts outside the catalog that content went to, from the rollups', async () => {
    const r = await get(owner, '/api/activity/unknown-destinations?days=7');
    expect(r.status).toBe(200);
    const hosts = r.body.map((x: { host: string }) => x.host);
    expect(hosts).toContain('new-ai-tool.example');
    const entry = r.body.find((x: { host: string }) => x.host === 'new-ai-tool.example');
    const expected = rowsA.filter((x) => x.destinationHost === 'new-ai-tool.example');
    expect(entry.decisions).toBe(expected.length);
    expect(entry.blocked).toBe(expected.filter((x) => x.effect === 'block').length);
    expect(new Date(entry.firstSeen).getTime()).toBeLessThanOrEqual(Math.min(...expected.map((x) => x.time.getTime())));
    // Added to the catalog (as the console's "add to catalog" does): no longer unknown.
    const res = await fetch(`${t.url}/api/providers`, {
      method: 'POST',
      headers: { ...owner.principal.headers('POST'), 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'new-ai-tool', name: 'new-ai-tool.example', domains: ['new-ai-tool.example'], trainsOnInputs: 'yes', status: 'under_review' }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { status: string }).status).toBe('under_review');
    const after = await get(owner, '/api/activity/unknown-destinations?days=7');
    expect(after.body.map((x: { host: string }) => x.host)).not.toContain('new-ai-tool.example');
    // Organization B's own unknown hosts are its own.
    const b = await get(ownerB, '/api/activity/unknown-destinations');
    expect(b.body.map((x: { host: string }) => x.host)).toEqual(['new-ai-tool.example']);
  });

  test('global search: services, rules, incidents, users, API clients of the organization only', async () => {
    const r = await get(analyst, '/api/search?q=deep');
    expect(r.status).toBe(200);
    expect(r.body.services.map((s: { slug: string }) => s.slug)).toContain('deepseek');
    expect(Object.keys(r.body).sort()).toEqual(['apiClients', 'incidents', 'rules', 'services', 'users']);
    expect((await get(owner, '/api/search?q=credentials')).body.rules.map((x: { ruleId: string }) => x.ruleId)).toContain('no-credentials');
    expect((await get(owner, '/api/search?q=auditor@activity')).body.users.map((x: { email: string }) => x.email)).toEqual(['auditor@activity.test']);
    const clientName = (await t.prisma.apiClient.findUniqueOrThrow({ where: { id: clientA } })).name;
    expect((await get(owner, `/api/search?q=${encodeURIComponent(clientName.slice(0, 5))}`)).body.apiClients.map((x: { id: string }) => x.id)).toContain(clientA);
    const incident = await t.prisma.incident.create({
      data: { organizationId: orgA, number: 4242, title: 'Pasted the payroll into a chatbot', severity: 'high', suggestedSeverity: 'high', source: 'analyst', awareAt: new Date(), reportedAt: new Date(), statusTokenHash: 'x'.repeat(64) },
    });
    expect((await get(owner, '/api/search?q=payroll')).body.incidents).toEqual([{ id: incident.id, number: 4242, title: 'Pasted the payroll into a chatbot' }]);
    expect((await get(owner, '/api/search?q=%234242')).body.incidents.map((x: { id: string }) => x.id)).toEqual([incident.id]);
    // Another organization's names are not found; wildcards are text.
    expect(JSON.stringify((await get(owner, `/api/search?q=${MARKER}`)).body)).not.toContain(MARKER);
    expect((await get(ownerB, '/api/search?q=payroll')).body.incidents).toEqual([]);
    const wild = await get(owner, '/api/search?q=%25%25');
    expect(wild.status).toBe(200);
    expect(wild.body.services).toEqual([]);
    expect((await get(owner, '/api/search?q=_')).status).toBe(400);
    expect((await get(owner, '/api/search?q=d_epseek')).body.services).toEqual([]);
    expect((await get(owner, '/api/search?q=a')).status).toBe(400);
    expect((await get(owner, '/api/search')).status).toBe(400);
  });
});
