import { createUser } from '../support/security';
import { type Session, startTestApp, type TestApp } from '../support/test-app';
import { describeProbe, MAX_STALL_MS, whileProbing } from './probe';

/**
 * The incidents' and the activity's CSV exports and the discovery import handle tens of thousands
 * of rows (or megabytes of log) per request in the worker that also answers decisions: each reads
 * in pages and hands the event loop over every few milliseconds, so none stalls the requests next
 * to it. The test server shares the test's event loop, so a /healthz answered slowly is a stall.
 */
describe('exports and imports of many rows do not freeze the server', () => {
  let t: TestApp;
  let owner: Session;
  let orgId: string;
  const INCIDENTS = 20_000;
  const DECISIONS = 20_000;
  const BASE = Date.parse('2026-03-01T00:00:00.000Z');
  const MIN = 60_000;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.login();
    orgId = (await t.prisma.organization.findFirstOrThrow()).id;
    const provider = await t.prisma.provider.findFirstOrThrow({ where: { organizationId: orgId, slug: 'openai-chatgpt' } });
    const analyst = await createUser(t, { email: 'ana@exports.test', role: 'analyst' });
    const reporter = await createUser(t, { email: 'rey@exports.test', role: 'employee' });
    // Written by PostgreSQL (generate_series): createMany of this many rows takes most of a minute
    // on a busy machine. Incidents with ties on every sortable column (the keyset's tie-breaker is
    // the number), empty deadlines (sorted last), relations on some rows, text that needs quoting.
    await t.prisma.$executeRaw`
      INSERT INTO "Incident" ("id", "organizationId", "number", "title", "description", "providerId", "providerOther", "dataClasses", "severity",
        "suggestedSeverity", "status", "closureReason", "closedAt", "assigneeId", "reporterId", "anonymous", "source", "occurredAt", "awareAt",
        "reportedAt", "resolvedAt", "notificationDeadline", "updatedAt")
      SELECT gen_random_uuid(), ${orgId}::uuid, n,
        CASE n % 10 WHEN 0 THEN 'Incident ' || n || ', "quoted"' WHEN 1 THEN '=cmd ' || n ELSE 'Incident ' || n END,
        CASE WHEN n % 7 = 0 THEN 'line one of ' || n || E'\nline two' ELSE '' END,
        CASE WHEN n % 2 = 0 THEN ${provider.id}::uuid END,
        CASE WHEN n % 2 = 1 THEN 'tool-' || n % 13 END,
        CASE WHEN n % 3 = 0 THEN ARRAY['personal_data', 'health_data'] ELSE ARRAY['source_code'] END,
        (ARRAY['low', 'medium', 'high', 'critical'])[n % 4 + 1]::"IncidentSeverity",
        (ARRAY['low', 'medium', 'high', 'critical'])[(n >> 2) % 4 + 1]::"IncidentSeverity",
        x.status::"IncidentStatus",
        CASE WHEN x.status = 'closed' THEN 'remediated'::"ClosureReason" END,
        CASE WHEN x.status = 'closed' THEN x.reported + interval '180 minutes' END,
        CASE WHEN n % 5 = 0 THEN ${analyst.id}::uuid END,
        CASE WHEN n % 4 = 1 THEN ${reporter.id}::uuid END,
        n % 4 = 3,
        (CASE WHEN n % 4 = 1 THEN 'portal' ELSE 'analyst' END)::"IncidentSource",
        CASE WHEN n % 2 = 0 THEN x.reported - interval '60 minutes' END,
        x.reported,
        x.reported,
        CASE WHEN x.status IN ('resolved', 'closed') THEN x.reported + interval '120 minutes' END,
        CASE WHEN n % 4 <> 0 THEN x.reported + interval '72 hours' END,
        ${new Date(BASE)}::timestamptz + (n % 500) * interval '1 minute'
      FROM generate_series(1, ${INCIDENTS}::int) AS n,
        LATERAL (SELECT (ARRAY['new', 'triaged', 'investigating', 'contained', 'resolved', 'closed'])[n % 6 + 1] AS status,
                        ${new Date(BASE)}::timestamptz + (n / 3) * interval '1 minute' AS reported) AS x`;
    await t.prisma.$executeRaw`
      INSERT INTO "DecisionLog" ("id", "time", "organizationId", "policyVersion", "providerSlug", "destinationHost", "action", "channel", "subjectId",
        "subjectGroups", "networkZones", "ruleIds", "dataClasses", "effect", "overrideReason", "latencyMicros")
      SELECT gen_random_uuid(), ${new Date(Date.now() - 3_600_000)}::timestamptz + i * interval '100 milliseconds', ${orgId}::uuid, 1,
        (ARRAY['openai-chatgpt', 'claude', 'deepseek', 'a-host-outside-the-catalog'])[i % 4 + 1],
        CASE WHEN i % 9 = 0 THEN 'chatgpt.com' END,
        (CASE WHEN i % 7 = 0 THEN 'upload' ELSE 'prompt' END)::"DecisionAction",
        'web', 'person' || i % 300 || '@corp.test',
        CASE WHEN i % 2 = 1 THEN ARRAY['sales', 'emea', 'managers', 'contractors', 'berlin', 'paris', 'project-x', 'all-staff'] ELSE ARRAY[]::text[] END,
        ARRAY['office', 'emea-offices'],
        CASE WHEN i % 3 = 0 THEN ARRAY['warn-health', 'redact-personal-data'] ELSE ARRAY[]::text[] END,
        CASE WHEN i % 3 = 0 THEN ARRAY['health_data', 'personal_data'] ELSE ARRAY[]::text[] END,
        (CASE WHEN i % 3 = 0 THEN 'warn' ELSE 'allow' END)::"Effect",
        CASE WHEN i % 3 = 0 AND i > 0 THEN 'Needed for the "Q3, EMEA" client report, reviewed by legal' END,
        10
      FROM generate_series(0, ${DECISIONS - 1}::int) AS i`;
    await t.prisma.$executeRawUnsafe('ANALYZE "Incident"');
    await t.prisma.$executeRawUnsafe('ANALYZE "DecisionLog"');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });


  const text = async (path: string) => {
    const res = await owner.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    return res.text();
  };

  test(`the incidents' CSV of ${INCIDENTS} incidents`, async () => {
    const probe = await whileProbing(t, () => text('/api/incidents/export.csv'));
    const csv = probe.result;
    console.log(describeProbe(`incidents export of ${INCIDENTS} rows (${(csv.length / 1e6).toFixed(1)} MB)`, probe));
    const lines = csv.split(/\r\n(?=\d+,)/);
    expect(lines[0]).toBe(
      'number,title,status,severity,suggestedSeverity,service,dataClasses,source,reporter,assignee,occurredAt,awareAt,reportedAt,acknowledgedAt,resolvedAt,closedAt,closureReason,riskAcceptedUntil,notificationDeadline,notificationDecision,notifiedAt,notificationReference,overdue,duplicateOfId,description',
    );
    const numbers = lines.slice(1).map((l) => Number(l.slice(0, l.indexOf(','))));
    // Every incident once, newest number first (the list's default sort).
    expect(numbers).toEqual(Array.from({ length: INCIDENTS }, (_, k) => INCIDENTS - k));
    // Incident 12,340: a quoted title, the catalog's service, assigned, resolved (never overdue).
    const at = (m: number) => new Date(BASE + Math.floor(12_340 / 3) * MIN + m * MIN).toISOString();
    expect(lines[1 + INCIDENTS - 12_340]).toBe(
      `12340,"Incident 12340, ""quoted""",resolved,low,medium,OpenAI ChatGPT,source_code,analyst,,ana@exports.test,${at(-60)},${at(0)},${at(0)},,${at(120)},,,,,,,,false,,`,
    );
    // Incident 7: anonymous, a service outside the catalog, a multi-line description, overdue.
    expect(lines[1 + INCIDENTS - 7]).toBe(
      `7,Incident 7,triaged,critical,medium,tool-7,source_code,analyst,anonymous,,,${new Date(BASE + 2 * MIN).toISOString()},${new Date(BASE + 2 * MIN).toISOString()},,,,,,${new Date(BASE + 2 * MIN + 72 * 60 * MIN).toISOString()},,,,true,,"line one of 7\nline two"`,
    );
    expect(lines[1 + INCIDENTS - 11]).toMatch(/^11,'=cmd 11,/);
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  });

  test.each([
    ['number', 'ASC', [{ number: 'asc' }]],
    ['updatedAt', 'DESC', [{ updatedAt: 'desc' }, { number: 'desc' }]],
    ['severity', 'ASC', [{ severity: 'asc' }, { number: 'desc' }]],
    ['status', 'DESC', [{ status: 'desc' }, { number: 'desc' }]],
    ['reportedAt', 'ASC', [{ reportedAt: 'asc' }, { number: 'desc' }]],
    ['notificationDeadline', 'DESC', [{ notificationDeadline: { sort: 'desc', nulls: 'last' } }, { number: 'desc' }]],
    ['notificationDeadline', 'ASC', [{ notificationDeadline: { sort: 'asc', nulls: 'last' } }, { number: 'desc' }]],
  ] as const)("the incidents' CSV sorted by %s %s: every row once, in the list's order", async (field, order, orderBy) => {
    // A filter leaves out some rows, so the pages end on ties and across the nulls.
    const filter = encodeURIComponent(JSON.stringify({ severity: ['low', 'high', 'critical'] }));
    const csv = await text(`/api/incidents/export.csv?sort=${encodeURIComponent(JSON.stringify([field, order]))}&filter=${filter}`);
    const numbers = csv.split(/\r\n(?=\d+,)/).slice(1).map((l) => Number(l.slice(0, l.indexOf(','))));
    const expected = await t.prisma.incident.findMany({ where: { organizationId: orgId, severity: { in: ['low', 'high', 'critical'] } }, orderBy: orderBy as never, select: { number: true } });
    expect(numbers).toEqual(expected.map((r) => r.number));
  });

  test(`the activity CSV of ${DECISIONS} decisions`, async () => {
    const probe = await whileProbing(t, () => text('/api/activity/export.csv'));
    const csv = probe.result;
    console.log(describeProbe(`activity export of ${DECISIONS} rows (${(csv.length / 1e6).toFixed(1)} MB)`, probe));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,id,effect,action,service,serviceName,destinationHost,channel,networkZones,subject,subjectGroups,rules,dataClasses,apiClientId,apiClientName,policyVersion,source,overrideReason,inputTokens,outputTokens');
    expect(lines).toHaveLength(1 + DECISIONS);
    const rows = await t.prisma.decisionLog.findMany({ where: { organizationId: orgId }, orderBy: [{ time: 'desc' }, { id: 'desc' }], select: { id: true } });
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(rows.map((r) => r.id));
    // The oldest decision (the first written): an upload to ChatGPT with health data, a warning.
    const oldest = await t.prisma.decisionLog.findFirstOrThrow({ where: { organizationId: orgId }, orderBy: { time: 'asc' } });
    expect(lines[DECISIONS]).toBe(
      `${oldest.time.toISOString()},${oldest.id},warn,upload,openai-chatgpt,OpenAI ChatGPT,chatgpt.com,web,office;emea-offices,person0@corp.test,,warn-health;redact-personal-data,health_data;personal_data,,,1,${oldest.source},,,`,
    );
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  });

  test('a discovery import of a multi-megabyte proxy log', async () => {
    // 200,000 requests by 4,000 people over 20 days: tens of thousands of (day, host, person) cells.
    const day = 86_400_000;
    const first = Math.floor(Date.now() / day) * day - 25 * day;
    const hosts = ['chat.openai.com', 'claude.ai', 'www.example.net', 'cdn.example.org'];
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const time = ((first + (Math.floor(i / 10_000) % 20) * day + (i % 86_000) * 1000) / 1000).toFixed(3);
      lines.push(`${time}    245 10.1.${i % 200}.${i % 250} TCP_TUNNEL/200 5230 CONNECT ${hosts[i % hosts.length]}:443 user${i % 4_000}@corp.test HIER_DIRECT/104.18.32.47 -`);
    }
    const data = Buffer.from(lines.join('\n') + '\n');
    // Sent as a stream of 256 KiB pieces: fetch copies a Buffer body whole, in one step of the
    // loop this test shares with the server.
    const body = () => {
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= data.length) return controller.close();
          controller.enqueue(data.subarray(sent, sent + 256 * 1024));
          sent += 256 * 1024;
        },
      });
    };
    // An import of its own each time (what is checked below is read by its id): it may be measured again.
    const upload = () => owner.request('/api/discovery/imports?name=big-access.log', { method: 'POST', body: body(), duplex: 'half', headers: { 'content-type': 'application/octet-stream' } } as RequestInit);
    const probe = await whileProbing(t, upload);
    const res = probe.result;
    const out: any = await res.json();
    console.log(describeProbe(`discovery import of ${(data.length / 1e6).toFixed(1)} MB`, probe));
    expect(res.status).toBe(201);
    expect(out).toMatchObject({ status: 'completed', format: 'squid', records: 200_000, aiRecords: 100_000, badLines: 0, bytesProcessed: data.length });
    const cells = await t.prisma.discoveryUsage.aggregate({ where: { organizationId: orgId, importId: out.id }, _sum: { requests: true }, _count: true });
    expect(cells._sum.requests).toBe(100_000);
    expect(cells._count).toBeGreaterThan(20_000);
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  }, 120_000);
});
