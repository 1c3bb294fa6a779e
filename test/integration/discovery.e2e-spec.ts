import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createUser, mintSession, type Minted } from '../support/security';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Shadow-AI discovery through HTTP against the real API and PostgreSQL: every format uploaded as a
 * stream and detected, the figures (services, people, zones, bytes, days), pseudonymised people,
 * no log line anywhere in the database, the organization's data only, 4xx on bad input, progress
 * while an upload runs past the request timeout, and the event loop kept free.
 */
const MARKER = 'RAWLINE-MARKER-7f3a';
const DAY = 86_400_000;
const now = Date.now();
// Two days in the default 30-day range, at noon UTC.
const d1 = Math.floor(now / DAY) * DAY - 3 * DAY + 12 * 3_600_000;
const d2 = d1 + DAY;
const sec = (t: number) => (t / 1000).toFixed(3);
const iso = (t: number) => new Date(t).toISOString();
const dayOf = (t: number) => iso(t).slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const clf = (t: number) => {
  const d = new Date(t);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${iso(t).slice(11, 19)} +0000`;
};
const bindTime = (t: number) => {
  const d = new Date(t);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${iso(t).slice(11, 23)}`;
};
const zsTime = (t: number) => {
  const d = new Date(t);
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${iso(t).slice(11, 19)} ${d.getUTCFullYear()}`;
};

/** Each format: a file with two AI requests by alice (office), one by 10.9.9.9 to a known service outside the catalog, one to a plain site, one bad line (line 4 of the records). */
const FILES: Record<string, { lines: string[]; format: string; bytes: number | null; badLine: number }> = {
  squid: {
    format: 'squid',
    bytes: null,
    badLine: 4,
    lines: [
      `${sec(d1)}    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chat.openai.com:443 alice@corp.test HIER_DIRECT/104.18.32.47 -`,
      `${sec(d2)}     12 10.1.2.3 TCP_MISS/200 800 POST http://claude.ai/api/${MARKER} alice@corp.test HIER_DIRECT/160.79.104.10 application/json`,
      `${sec(d1)}      3 10.9.9.9 TCP_TUNNEL/200 100 CONNECT cdn.midjourney.com:443 - HIER_DIRECT/1.2.3.4 -`,
      `${sec(d1)} 245 10.1.2.3 TCP_TUNNEL/200`,
      `${sec(d1)}      3 10.1.2.3 TCP_MISS/200 100 GET http://${MARKER}.example.org/ alice@corp.test HIER_DIRECT/1.2.3.4 text/html`,
    ],
  },
  'squid-common': {
    format: 'squid-common',
    bytes: null,
    badLine: 4,
    lines: [
      `10.1.2.3 - alice@corp.test [${clf(d1)}] "CONNECT chat.openai.com:443 HTTP/1.1" 200 5230 TCP_TUNNEL:HIER_DIRECT`,
      `10.1.2.3 - alice@corp.test [${clf(d2)}] "POST http://claude.ai/api/${MARKER} HTTP/1.1" 200 800 "-" "${MARKER}-agent"`,
      `10.9.9.9 - - [${clf(d1)}] "CONNECT cdn.midjourney.com:443 HTTP/1.1" 200 100`,
      `10.1.2.3 - - [${clf(d1)}] CONNECT broken`,
      `10.1.2.3 - alice@corp.test [${clf(d1)}] "GET http://${MARKER}.example.org/ HTTP/1.1" 200 100`,
    ],
  },
  'zscaler-csv': {
    format: 'zscaler-csv',
    bytes: 3_000,
    badLine: 5,
    lines: [
      '"time","login","eurl","cip","reqsize","ua"',
      `"${zsTime(d1)}","alice@corp.test","chat.openai.com/backend-api/conversation","10.1.2.3","1000","${MARKER}"`,
      `"${zsTime(d2)}","alice@corp.test","claude.ai/api/${MARKER}","10.1.2.3","2000","ua"`,
      `"${zsTime(d1)}","None","cdn.midjourney.com/x","10.9.9.9","0","ua"`,
      `"${zsTime(d1)}","alice@corp.test`,
      `"${zsTime(d1)}","alice@corp.test","${MARKER}.example.org/","10.1.2.3","5","ua"`,
    ],
  },
  'zscaler-json': {
    format: 'zscaler-json',
    bytes: 3_000,
    badLine: 4,
    lines: [
      `{ "sourcetype" : "zscalernss-web", "event" : {"datetime":"${iso(d1).slice(0, 19).replace('T', ' ')}","ClientIP":"10.1.2.3","user":"alice@corp.test","url":"chat.openai.com/c/${MARKER}","hostname":"chat.openai.com","requestsize":"1000"}}`,
      `{ "sourcetype" : "zscalernss-web", "event" : {"datetime":"${iso(d2).slice(0, 19).replace('T', ' ')}","ClientIP":"10.1.2.3","user":"alice@corp.test","url":"claude.ai/api","hostname":"claude.ai","requestsize":"2000","useragent":"${MARKER}"}}`,
      `{ "sourcetype" : "zscalernss-web", "event" : {"datetime":"${iso(d1).slice(0, 19).replace('T', ' ')}","ClientIP":"10.9.9.9","user":"NA","url":"cdn.midjourney.com/","hostname":"cdn.midjourney.com","requestsize":"0"}}`,
      `{ "sourcetype" : "zscalernss-web", "event" : {"datetime":`,
      `{ "sourcetype" : "zscalernss-web", "event" : {"datetime":"${iso(d1).slice(0, 19).replace('T', ' ')}","ClientIP":"10.1.2.3","user":"alice@corp.test","url":"${MARKER}.example.org/","hostname":"${MARKER}.example.org","requestsize":"5"}}`,
    ],
  },
  bind: {
    format: 'bind',
    bytes: null,
    badLine: 4,
    lines: [
      `${bindTime(d1)} queries: info: client @0x7f1c2c0a8b60 10.1.2.3#53422 (chat.openai.com): query: chat.openai.com IN A +E(0)K (10.0.0.53)`,
      `${bindTime(d2)} queries: info: client @0x7f1c2c0a8b60 10.1.2.3#53423 (claude.ai): view ${MARKER}: query: claude.ai IN A +E(0)K (10.0.0.53)`,
      `${bindTime(d1)} queries: info: client @0x7f1c2c0a8b60 10.9.9.9#53424 (cdn.midjourney.com): query: cdn.midjourney.com IN AAAA + (10.0.0.53)`,
      `${bindTime(d1)} queries: info: client @0x7f1c query: broken`,
      `${bindTime(d1)} queries: info: client @0x7f1c2c0a8b60 10.1.2.3#53425 (${MARKER}.example.org): query: ${MARKER}.example.org IN A + (10.0.0.53)`,
    ],
  },
  unbound: {
    format: 'unbound',
    bytes: null,
    badLine: 4,
    lines: [
      `[${Math.floor(d1 / 1000)}] unbound[811:0] info: 10.1.2.3 chat.openai.com. A IN`,
      `[${Math.floor(d2 / 1000)}] unbound[811:0] info: 10.1.2.3 claude.ai. A IN`,
      `[${Math.floor(d1 / 1000)}] unbound[811:0] info: 10.9.9.9 cdn.midjourney.com. AAAA IN`,
      `[${Math.floor(d1 / 1000)}] unbound[811:0] info: 10.1.2.3 broken.`,
      `[${Math.floor(d1 / 1000)}] unbound[811:0] info: 10.1.2.3 ${MARKER.toLowerCase()}.example.org. A IN`,
    ],
  },
  zeek: {
    format: 'zeek',
    bytes: 3_000,
    badLine: 7,
    lines: [
      '#separator \\x09',
      '#path\thttp',
      '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tmethod\thost\turi\tuser_agent\trequest_body_len\tusername',
      `${sec(d1)}\tC1\t10.1.2.3\t50000\t1.2.3.4\t80\tPOST\tchat.openai.com\t/${MARKER}\tua\t1000\talice@corp.test`,
      `${sec(d2)}\tC2\t10.1.2.3\t50001\t1.2.3.4\t80\tPOST\tclaude.ai\t/api\t${MARKER}\t2000\talice@corp.test`,
      `${sec(d1)}\tC3\t10.9.9.9\t50002\t1.2.3.4\t80\tGET\tcdn.midjourney.com\t/\tua\t0\t-`,
      `${sec(d1)}\tC4\t10.1.2.3`,
      `${sec(d1)}\tC5\t10.1.2.3\t50003\t1.2.3.4\t80\tGET\t${MARKER}.example.org\t/\tua\t5\talice@corp.test`,
    ],
  },
  'zeek-json': {
    format: 'zeek',
    bytes: null,
    badLine: 4,
    lines: [
      `{"ts":${sec(d1)},"uid":"C1","id.orig_h":"10.1.2.3","query":"chat.openai.com","qtype_name":"A"}`,
      `{"ts":"${iso(d2)}","uid":"C2","id.orig_h":"10.1.2.3","server_name":"claude.ai","version":"TLSv13","ja3":"${MARKER}"}`,
      `{"ts":${sec(d1)},"uid":"C3","id.orig_h":"10.9.9.9","server_name":"cdn.midjourney.com"}`,
      `{"ts":${sec(d1)},"uid":`,
      `{"ts":${sec(d1)},"uid":"C5","id.orig_h":"10.1.2.3","query":"${MARKER.toLowerCase()}.example.org"}`,
    ],
  },
  csv: {
    format: 'csv',
    bytes: 3_000,
    badLine: 5,
    lines: [
      'timestamp,user,src_ip,domain,bytes_out,note',
      `${iso(d1)},alice@corp.test,10.1.2.3,chat.openai.com,1000,${MARKER}`,
      `${iso(d2)},alice@corp.test,10.1.2.3,claude.ai,2000,x`,
      `${iso(d1)},,10.9.9.9,cdn.midjourney.com,0,x`,
      `noon,alice@corp.test,10.1.2.3,claude.ai,1,x`,
      `${iso(d1)},alice@corp.test,10.1.2.3,${MARKER}.example.org,5,x`,
    ],
  },
};

describe('discovery imports (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  let orgA: string;
  let owner: Minted;
  let analyst: Minted;
  let auditor: Minted;
  let employee: Minted;
  let ownerB: Minted;
  let discoveryKey: string;

  const upload = (who: Minted | { principal: { headers(m: string): Record<string, string> } } | string, body: string | Uint8Array | ReadableStream<Uint8Array>, query = '', type = 'application/octet-stream') => {
    const headers: Record<string, string> = typeof who === 'string' ? { authorization: `Bearer ${who}` } : who.principal.headers('POST');
    return fetch(`${t.url}/api/discovery/imports${query}`, { method: 'POST', headers: { ...headers, 'content-type': type }, body, duplex: 'half' } as RequestInit);
  };
  const get = async (who: Minted, path: string) => {
    const res = await fetch(t.url + path, { headers: who.principal.headers('GET') });
    const text = await res.text();
    return { status: res.status, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
  };
  /** Every row of every table of the database as text: a dump to grep. */
  const dump = async () => {
    const tables = await t.prisma.$queryRawUnsafe<{ s: string; n: string }[]>(
      `SELECT table_schema AS s, table_name AS n FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    let all = '';
    for (const { s, n } of tables) {
      const rows = await t.prisma.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(x)::text AS j FROM "${s}"."${n}" x`);
      all += rows.map((r) => r.j).join('\n');
    }
    return { text: all, tables: tables.length };
  };

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_REQUEST_TIMEOUT_SECONDS: '2' });
    const p = t.prisma;
    orgA = (await p.organization.findFirstOrThrow()).id;
    owner = await mintSession(t, await p.user.findFirstOrThrow({ where: { organizationId: orgA, role: 'owner' } }), 'owner');
    analyst = await mintSession(t, await createUser(t, { email: 'analyst@discovery.test', role: 'analyst' }), 'analyst');
    auditor = await mintSession(t, await createUser(t, { email: 'auditor@discovery.test', role: 'auditor' }), 'auditor');
    employee = await mintSession(t, await createUser(t, { email: 'employee@discovery.test', role: 'employee' }), 'employee');
    await createUser(t, { email: 'alice@corp.test', role: 'employee', groups: ['sales'] });
    await p.group.create({ data: { organizationId: orgA, name: 'sales' } }).catch(() => undefined);
    await p.networkZone.deleteMany({ where: { organizationId: orgA } });
    await p.networkZone.create({ data: { organizationId: orgA, name: 'office', cidrs: ['10.1.0.0/16'] } });
    const b = await p.organization.create({ data: { name: 'Discovery B', slug: 'discovery-b' } });
    ownerB = await mintSession(t, await createUser(t, { organizationId: b.id, email: 'owner@discovery-b.test', role: 'owner' }), 'owner B');
    discoveryKey = (await owner.principal && (await (await fetch(`${t.url}/api/api-clients`, { method: 'POST', headers: { ...owner.principal.headers('POST'), 'content-type': 'application/json' }, body: JSON.stringify({ name: 'discovery cli', scopes: ['discovery'] }) })).json()) as { key: string }).key;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  test.each(Object.entries(FILES))('%s: uploaded as a stream, detected, counted, bad line by number', async (name, f) => {
    const res = await upload(analyst, f.lines.join('\n') + '\n', `?name=${encodeURIComponent(`${name}.log`)}`);
    const body: any = await res.json();
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ status: 'completed', format: f.format, fileName: `${name}.log`, records: 4, aiRecords: 3, badLines: 1, badSamples: [{ line: f.badLine, reason: expect.any(String) }], createdBy: 'analyst@discovery.test' });
    expect(body.bytesProcessed).toBe(Buffer.byteLength(f.lines.join('\n') + '\n'));
    expect(JSON.stringify(body)).not.toContain(MARKER);
    const rows = await t.prisma.discoveryUsage.findMany({ where: { importId: body.id }, orderBy: [{ day: 'asc' }, { host: 'asc' }] });
    expect(rows.map((r) => [r.day.toISOString().slice(0, 10), r.host, r.requests, r.zones, r.groups, r.bytesOut === null ? null : Number(r.bytesOut)])).toEqual(
      [
        [dayOf(d1), 'cdn.midjourney.com', 1, [], [], f.bytes === null ? null : 0],
        [dayOf(d1), 'chat.openai.com', 1, ['office'], f.lines.some((l) => l.includes('alice')) && name !== 'bind' && name !== 'unbound' && name !== 'zeek-json' ? ['sales'] : [], f.bytes === null ? null : 1000],
        [dayOf(d2), 'claude.ai', 1, ['office'], name !== 'bind' && name !== 'unbound' && name !== 'zeek-json' ? ['sales'] : [], f.bytes === null ? null : 2000],
      ].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)),
    );
    // People are keyed hashes, the same person the same id within the import.
    for (const r of rows) expect(r.subject).toMatch(/^p_[0-9a-f]{24}$/);
    expect(rows[1]!.subject === rows[2]!.subject || rows[0]!.subject === rows[2]!.subject).toBe(true);
  });

  test('the same person has the same pseudonym in every import; names only when turned on', async () => {
    const subjects = await t.prisma.discoveryUsage.findMany({ where: { organizationId: orgA, host: 'claude.ai' }, select: { subject: true, importId: true } });
    const byUser = new Set(subjects.map((s) => s.subject));
    // alice (by user name) in 6 formats, 10.1.2.3 (by address) in the DNS ones: two ids in all.
    expect(byUser.size).toBe(2);
    expect((await get(auditor, '/api/discovery/settings')).body).toEqual({ showNames: false });
    const put = (who: Minted, json: unknown) => fetch(`${t.url}/api/discovery/settings`, { method: 'PUT', headers: { ...who.principal.headers('PUT'), 'content-type': 'application/json' }, body: JSON.stringify(json) });
    expect((await put(analyst, { showNames: true })).status).toBe(403);
    expect((await put(owner, { showNames: 'yes' })).status).toBe(400);
    expect((await put(owner, { showNames: true })).status).toBe(200);
    const res = await upload(owner, FILES.csv!.lines.join('\n'), '?format=csv');
    const body: any = await res.json();
    expect(body.namesShown).toBe(true);
    const named = await t.prisma.discoveryUsage.findMany({ where: { importId: body.id }, select: { subject: true } });
    expect(named.map((n) => n.subject).sort()).toEqual(['10.9.9.9', 'alice@corp.test', 'alice@corp.test']);
    expect((await put(owner, { showNames: false })).status).toBe(200);
    expect((await fetch(`${t.url}/api/discovery/imports/${body.id}`, { method: 'DELETE', headers: owner.principal.headers('DELETE') })).status).toBe(204);
    expect(await t.prisma.discoveryUsage.count({ where: { importId: body.id } })).toBe(0);
  });

  test('the summary: services, people, zones, bytes, days; unknown services flagged; filters by zone and group', async () => {
    const s = (await get(auditor, '/api/discovery/summary')).body;
    expect(s.totals).toMatchObject({ services: 3, unknownServices: 1, imports: 9 });
    const byKey = Object.fromEntries(s.services.map((x: { key: string }) => [x.key, x]));
    expect(byKey['catalog:openai-chatgpt']).toMatchObject({ name: 'OpenAI ChatGPT', inCatalog: true, status: 'under_review', hosts: ['chat.openai.com'], requests: 9, bytesOut: 4000, users: 2, zones: ['office'] });
    expect(byKey['catalog:anthropic-claude']).toMatchObject({ requests: 9, bytesOut: 8000, users: 2, lastSeen: expect.stringContaining(dayOf(d2)) });
    expect(byKey['known:midjourney']).toMatchObject({ inCatalog: false, status: null, requests: 9, users: 1, zones: [], known: { category: 'image generation', source: { url: expect.stringMatching(/^https:/) } } });
    const d1Row = s.byDay.find((d: { day: string }) => d.day === dayOf(d1));
    expect(d1Row).toMatchObject({ requests: 18, byService: { 'catalog:openai-chatgpt': 9, 'known:midjourney': 9 } });
    expect(s.byDay).toHaveLength(30);
    expect(s.zones).toEqual(['office']);
    expect(s.groups).toEqual(['sales']);
    const office = (await get(auditor, '/api/discovery/summary?zone=office')).body;
    expect(office.services.map((x: { key: string }) => x.key).sort()).toEqual(['catalog:anthropic-claude', 'catalog:openai-chatgpt']);
    const sales = (await get(auditor, '/api/discovery/summary?group=sales')).body;
    expect(sales.services.map((x: { requests: number }) => x.requests)).toEqual([6, 6]);
    const empty = (await get(auditor, `/api/discovery/summary?since=${dayOf(d2 + DAY)}`)).body;
    expect(empty.services).toEqual([]);
    const csv = await get(analyst, '/api/discovery/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('day,service,slug,inCatalog,status,requests,bytesOut,users');
    expect(csv.text).toContain(`${dayOf(d1)},Midjourney,midjourney,no,not in catalog,9,0,1`);
  });

  test('one click adds an unknown service to the catalog under review; its traffic then counts as the catalog entry', async () => {
    const known = (await get(auditor, '/api/discovery/known-services')).body.services.find((k: { slug: string }) => k.slug === 'midjourney');
    const res = await fetch(`${t.url}/api/providers`, {
      method: 'POST',
      headers: { ...owner.principal.headers('POST'), 'content-type': 'application/json' },
      body: JSON.stringify({ slug: known.slug, name: known.name, domains: known.domains, trainsOnInputs: 'yes', status: 'under_review', website: `https://${known.domains[0]}`, notes: 'Added from discovery' }),
    });
    expect(res.status).toBe(201);
    const s = (await get(auditor, '/api/discovery/summary')).body;
    expect(s.services.find((x: { key: string }) => x.key === 'catalog:midjourney')).toMatchObject({ inCatalog: true, status: 'under_review', requests: 9 });
    expect(s.totals.unknownServices).toBe(0);
  });

  test('no log line in any table: the marker (in URLs, agents, views, non-AI hosts) is nowhere in the database', async () => {
    const { text, tables } = await dump();
    expect(tables).toBeGreaterThan(30);
    expect(text).toContain('chat.openai.com');
    expect(text).not.toContain(MARKER);
    expect(text.toLowerCase()).not.toContain(MARKER.toLowerCase());
    expect(text).not.toContain('example.org');
  });

  test('another organization sees none of it; its ids are not found', async () => {
    const s = (await get(ownerB, '/api/discovery/summary')).body;
    expect(s.services).toEqual([]);
    expect(s.totals.imports).toBe(0);
    expect((await get(ownerB, '/api/discovery/imports')).body).toEqual([]);
    const anId = (await get(owner, '/api/discovery/imports')).body[0].id;
    expect((await get(ownerB, `/api/discovery/imports/${anId}`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/discovery/imports/${anId}`, { method: 'DELETE', headers: ownerB.principal.headers('DELETE') })).status).toBe(404);
  });

  test('an API key with the discovery scope imports (the CLI); gzip is recognised', async () => {
    const res = await upload(discoveryKey, gzipSync(FILES.squid!.lines.join('\n')), '?name=access.log.gz');
    const body: any = await res.json();
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ format: 'squid', aiRecords: 3, createdBy: 'API client discovery cli' });
  });

  test('bad input is a 4xx with a clear message, never a failed server', async () => {
    const cases: [Promise<Response>, number, RegExp][] = [
      [upload(analyst, 'hello\nthis is not a log\n'), 422, /not recognised/],
      [upload(analyst, 'x', '?format=apache'), 400, /format/],
      [upload(analyst, 'x', '?uploadId=no'), 400, /uploadId/],
      [upload(analyst, '{"a":1}', '', 'application/json'), 415, /octet-stream/],
      [upload(analyst, Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9])), 400, /gzip/],
      [upload(analyst, gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x61))), 413, /decompression bomb/],
      [upload(employee, 'x'), 403, /role/],
      [upload(auditor, 'x'), 403, /role/],
      [upload('ak_unknown_key_000000000000000000000000', 'x'), 401, /.*/],
      [fetch(`${t.url}/api/discovery/summary?since=2026-13-01`, { headers: auditor.principal.headers('GET') }), 400, /date/],
      [fetch(`${t.url}/api/discovery/imports/not-a-uuid`, { headers: auditor.principal.headers('GET') }), 404, /not found/],
    ];
    for (const [res, status, message] of cases) {
      const r = await res;
      const body = (await r.json()) as { error?: { message?: string } };
      expect([r.status, body.error?.message]).toEqual([status, expect.stringMatching(message)]);
    }
    const failed = await t.prisma.discoveryImport.findMany({ where: { organizationId: orgA, status: 'failed' } });
    expect(failed.length).toBe(3);
    expect(await t.prisma.discoveryUsage.count({ where: { importId: { in: failed.map((f) => f.id) } } })).toBe(0);
    const again = await upload(analyst, FILES.csv!.lines.join('\n'), '?uploadId=same-upload-id');
    expect(again.status).toBe(201);
    expect((await upload(analyst, 'x', '?uploadId=same-upload-id')).status).toBe(409);
  });

  test('a slow upload outlives the request timeout, its progress can be followed, and the event loop stays free', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(`${sec(d1 + i)} 1 10.1.${i % 200}.${i % 250} TCP_TUNNEL/200 10 CONNECT ${i % 3 === 0 ? 'chat.openai.com' : `site${i % 5000}.example.net`}:443 user${i % 700}@corp.test HIER_DIRECT/1.2.3.4 -`);
    const data = Buffer.from(lines.join('\n') + '\n');
    const parts = 40;
    const size = Math.ceil(data.length / parts);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= data.length) return controller.close();
        // Spread over about 3 s: longer than AIRLOCK_REQUEST_TIMEOUT_SECONDS=2.
        await new Promise((r) => setTimeout(r, 75));
        controller.enqueue(data.subarray(sent, sent + size));
        sent += size;
      },
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    const pending = upload(analyst, stream, `?uploadId=slow-upload-0001&size=${data.length}&name=big.log`);
    let seen: { status: string; bytesProcessed: number; totalBytes: number } | undefined;
    let healthy = 0;
    let polls = 0;
    while (Date.now() - started < 2_500) {
      polls++;
      await new Promise((r) => setTimeout(r, 200));
      const list = (await get(analyst, '/api/discovery/imports?uploadId=slow-upload-0001')).body;
      if (list[0]?.status === 'running' && list[0].bytesProcessed > 0) seen = list[0];
      if ((await fetch(`${t.url}/healthz`)).ok) healthy++;
    }
    const res = await pending;
    delay.disable();
    const body: any = await res.json();
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThan(2_000);
    expect(seen).toMatchObject({ status: 'running', totalBytes: data.length });
    expect(seen!.bytesProcessed).toBeLessThan(data.length);
    expect(polls).toBeGreaterThan(2);
    expect(healthy).toBe(polls);
    expect(body).toMatchObject({ status: 'completed', records: 100_000, badLines: 0, bytesProcessed: data.length, totalBytes: data.length });
    expect(body.aiRecords).toBe(33_334);
    console.log(`discovery: ${(data.length / 1e6).toFixed(1)} MB over ${((Date.now() - started) / 1000).toFixed(1)} s; event loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`);
    // A synchronous import of this file would hold the loop for seconds; the import yields, so the
    // delay stays that of a busy machine (about 100 ms on a shared two-core one).
    expect(delay.percentile(99) / 1e6).toBeLessThan(1_000);
  }, 180_000);
});
