import { v7 as uuidv7 } from 'uuid';
import { DecisionLogBatch } from '../../apps/api/src/modules/decisions/decision-log.batch';
import { DecisionLogStore } from '../../apps/api/src/modules/decisions/decision-log.store';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

/** The decision API end to end on real PostgreSQL: shapes, errors, content inspection, logging. */
describe('decision API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const decide = async (body: unknown, key?: string) => {
    const res = await t.decide(body, key);
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };

  it('answers an access decision with every documented field', async () => {
    const r = await decide({ action: 'access', destination: { url: 'https://chat.deepseek.com/a/chat' }, context: { ip: '10.20.30.40' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      effect: 'block',
      provider: { slug: 'deepseek', name: 'DeepSeek', status: 'under_review' },
      destination: { host: 'chat.deepseek.com', aiDestination: true, unknownAi: false },
      networkZones: ['corporate'],
      policyVersion: 1,
      findings: [],
    });
    // UUIDv7: time-ordered, so later decisions sort after earlier ones.
    expect(r.body.decisionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(r.body.evaluatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(typeof r.body.ttlSeconds).toBe('number');
    expect(r.body.reasons.map((x: any) => x.ruleId)).toEqual(['no-restricted-jurisdiction-on-corporate', 'coach-unreviewed']);
    for (const reason of r.body.reasons) expect(reason.message.length).toBeGreaterThan(20);
  });

  it('says no rule matched for a host that is not an AI service', async () => {
    const r = await decide({ action: 'access', destination: { host: 'intranet.example.org' } });
    expect(r.body.effect).toBe('allow');
    expect(r.body.reasons).toEqual([expect.objectContaining({ ruleId: 'no-matching-rule', effect: 'allow' })]);
    expect(r.body.provider).toBeNull();
    expect(r.body.destination.aiDestination).toBe(false);
  });

  it('treats a prompt to an unknown host as an unknown AI destination', async () => {
    const r = await decide({ action: 'prompt', destination: { url: 'https://new-ai-tool.example/chat' } });
    expect(r.body.destination).toMatchObject({ aiDestination: true, unknownAi: true });
    expect(r.body.effect).toBe('warn');
    expect(r.body.reasons[0].ruleId).toBe('coach-unreviewed');
    expect(r.body.ttlSeconds).toBe(0);
  });

  it('inspects content, blocks credentials, and never echoes the matched text', async () => {
    const secret = 'AKIAZ3MHQ7TNVX5KQ2PB';
    const text = `deploy with aws_access_key_id=${secret} and call me at +44 20 7946 0958`;
    const r = await decide({ action: 'prompt', destination: { provider: 'openai-chatgpt' }, content: { text } });
    expect(r.body.effect).toBe('block');
    expect(r.body.dataClasses).toEqual(expect.arrayContaining(['credentials']));
    const classes = r.body.findings.map((f: any) => f.dataClass);
    expect(classes).toContain('credentials');
    for (const f of r.body.findings) {
      expect(Object.keys(f).sort()).toEqual(['confidence', 'dataClass', 'detector', 'end', 'start']);
    }
    expect(JSON.stringify(r.body)).not.toContain(secret);
  });

  it('redacts personal data for an unapproved provider with typed, stable placeholders', async () => {
    const text = 'Write to jane.roe@client-corp.com, cc jane.roe@client-corp.com and bob@other.org about the renewal.';
    const r = await decide({ action: 'prompt', destination: { provider: 'mistral-le-chat' }, content: { text } });
    expect(r.body.effect).toBe('redact');
    expect(r.body.redactedText).toBe('Write to [EMAIL_1], cc [EMAIL_1] and [EMAIL_2] about the renewal.');
  });

  it('accepts data classes the client classified itself', async () => {
    const r = await decide({ action: 'upload', destination: { provider: 'perplexity' }, content: { dataClasses: ['client_information'] } });
    expect(r.body.effect).toBe('block');
    expect(r.body.reasons.map((x: any) => x.ruleId)).toEqual(expect.arrayContaining(['no-confidential-unapproved', 'no-uploads-unapproved']));
  });

  it('answers a batch item by item, echoing correlation ids, and reports bad items alone', async () => {
    const res = await t.request('/v1/decisions/batch', {
      method: 'POST',
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` },
      json: {
        items: [
          { correlationId: 'a', action: 'access', destination: { provider: 'deepseek' } },
          { correlationId: 'b', action: 'access', destination: { host: 'example.com' } },
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.items.map((i: any) => i.correlationId)).toEqual(['a', 'b']);
    expect(body.items[1].effect).toBe('allow');
    const tooMany = await t.request('/v1/decisions/batch', {
      method: 'POST',
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` },
      json: { items: Array.from({ length: 101 }, (_, i) => ({ correlationId: String(i), action: 'access', destination: { host: 'a.example' } })) },
    });
    expect(tooMany.status).toBe(400);
  });

  it('rejects bad requests with 400 and the path of each bad field', async () => {
    const r = await decide({ action: 'teleport', destination: { url: 'https://x.example' }, context: { ip: 'not-an-ip' }, extra: 1 });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    const paths = r.body.error.details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['action', 'context.ip']));
    expect(JSON.stringify(r.body.error.details)).toMatch(/extra/);
  });

  it('rejects invalid JSON in the error envelope', async () => {
    const res = await t.request('/v1/decisions', { method: 'POST', body: '{"action":', headers: { 'content-type': 'application/json', authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('invalid_json');
  });

  it('refuses a missing or unknown key with 401 and an oversized body with 413', async () => {
    expect((await t.request('/v1/decisions', { method: 'POST', json: { action: 'access', destination: { host: 'a.b' } } })).status).toBe(401);
    expect((await decide({ action: 'access', destination: { host: 'a.b' } }, 'ak_unknown')).status).toBe(401);
    const big = await decide({ action: 'prompt', destination: { host: 'a.b' }, content: { text: 'x'.repeat(1024 * 1024 + 10) } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const huge = await decide({ action: 'prompt', destination: { host: 'a.b' }, content: { text: 'x'.repeat(3 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
  });

  it('serves the bundle with an ETag and answers 304 when unchanged', async () => {
    const res = await t.request('/v1/bundle', { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    expect(res.status).toBe(200);
    const etag = res.headers.get('etag');
    const bundle = (await res.json()) as any;
    expect(bundle.policyVersion).toBe(1);
    expect(bundle.rules.map((r: any) => r.id)).toContain('no-credentials');
    expect(bundle.catalog.length).toBeGreaterThanOrEqual(25);
    const again = await t.request('/v1/bundle', { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('logs every decision without the text, with a keyed hash', async () => {
    const text = 'my password is Sup3rS3cret!Value and the token=abcdEFGH1234ijklMNOP5678';
    const r = await decide({ action: 'prompt', destination: { provider: 'openai-chatgpt' }, content: { text }, subject: { id: 'u-42', groups: ['engineering'] } });
    expect(r.status).toBe(200);
    let row: any = null;
    for (let i = 0; i < 50 && !row; i++) {
      await new Promise((res) => setTimeout(res, 100));
      row = await t.prisma.decisionLog.findFirst({ where: { id: r.body.decisionId } });
    }
    expect(row).toBeTruthy();
    expect(row.contentHmac).toMatch(/^[0-9a-f]{64}$/);
    expect(row.subjectId).toBe('u-42');
    expect(row.effect).toBe(r.body.effect);
    const all = await t.prisma.$queryRaw<{ t: string }[]>`SELECT row_to_json(d)::text AS t FROM "DecisionLog" d`;
    for (const { t: json } of all) {
      expect(json).not.toContain('Sup3rS3cret');
      expect(json).not.toContain('abcdEFGH1234');
    }
    const rollup = await t.prisma.decisionRollup.findMany({ where: { providerSlug: 'openai-chatgpt' } });
    expect(rollup.reduce((s, x) => s + x.count, 0)).toBeGreaterThan(0);
  });

  it('writes a batch whose organization vanished without it: the other rows land, the rest is counted', async () => {
    const org = await t.prisma.organization.findFirstOrThrow();
    const ghost = '00000000-0000-4000-8000-00000000dead';
    const base = { time: new Date(), apiClientId: null, policyVersion: 1, providerSlug: 'deepseek', destinationHost: 'chat.deepseek.com', action: 'access' as const, channel: null, networkZones: [], subjectId: null, subjectGroups: [], effect: 'block' as const, ruleIds: ['blocked-providers'], dataClasses: ['personal_data'], contentHmac: null, correlationId: null, latencyMicros: 5, staleSeconds: null };
    const batch = new DecisionLogBatch(4);
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    batch.add({ ...base, id: ids[0]!, organizationId: org.id });
    batch.add({ ...base, id: ids[1]!, organizationId: ghost });
    batch.add({ ...base, id: ids[2]!, organizationId: org.id });
    expect(await t.app.get(DecisionLogStore).insert(batch)).toEqual({ written: 2, discarded: 1 });
    const rows = await t.prisma.decisionLog.findMany({ where: { id: { in: ids } }, select: { id: true, organizationId: true } });
    expect(rows.map((r) => r.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(await t.prisma.decisionClassRollup.count({ where: { organizationId: ghost } })).toBe(0);
    expect(await t.prisma.decisionRollup.count({ where: { organizationId: ghost } })).toBe(0);
    // Only the ghost's rows: nothing written, nothing retried.
    const onlyGhost = new DecisionLogBatch(1);
    onlyGhost.add({ ...base, id: uuidv7(), organizationId: ghost });
    expect(await t.app.get(DecisionLogStore).insert(onlyGhost)).toEqual({ written: 0, discarded: 1 });
  });

  it('opens an incident automatically from a blocked credential when the organization enabled it', async () => {
    const admin = await t.login();
    const blocked = { action: 'prompt', destination: { provider: 'anthropic-claude' }, subject: { email: 'dev@airlock.test' }, content: { text: 'token ghp_1234567890abcdefghijklmnopqrstuvwxyz' } };
    await t.decide(blocked);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await admin.json<any[]>('/api/incidents')).filter((i) => i.source === 'automatic')).toHaveLength(0);
    await admin.json('/api/settings', { method: 'PUT', json: { autoIncidentOnBlock: true } });
    const r = (await (await t.decide(blocked)).json()) as any;
    expect(r.effect).toBe('block');
    let auto: any[] = [];
    for (let i = 0; i < 40 && auto.length === 0; i++) {
      await new Promise((res) => setTimeout(res, 250));
      auto = (await admin.json<any[]>('/api/incidents')).filter((x) => x.source === 'automatic');
    }
    expect(auto).toHaveLength(1);
    expect(auto[0].dataClasses).toContain('credentials');
    // The same subject, provider and class within the hour does not open another one.
    await t.decide(blocked);
    await new Promise((res) => setTimeout(res, 2500));
    expect((await admin.json<any[]>('/api/incidents')).filter((x) => x.source === 'automatic')).toHaveLength(1);
  });

  it('stores awkward values in the log exactly (COPY escaping)', async () => {
    // (Control characters are refused by the contract, so tabs and newlines never reach the log.)
    const subject = '"quoted" back\\slash \\N, comma {brace} NULL 名前 \u{1F600}';
    const group = 'eng';
    const r = (await (await t.decide({ requestId: 'req "1" \\ {x}', action: 'access', destination: { host: 'intranet.example.org' }, subject: { id: subject, groups: [group] } })).json()) as any;
    let row: any = null;
    for (let i = 0; i < 50 && !row; i++) {
      await new Promise((res) => setTimeout(res, 100));
      row = await t.prisma.decisionLog.findFirst({ where: { id: r.decisionId } });
    }
    expect(r.decisionId).toBeDefined();
    expect(row).toMatchObject({ subjectId: subject, subjectGroups: [group], correlationId: 'req "1" \\ {x}', ruleIds: ['no-matching-rule'], effect: 'allow' });
  });
});
