import { compileDecisionPolicy, decideLocally } from '@airlock/decision-core';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';
import { collectGarbage, describeProbe, MAX_STALL_MS, officeProse as prose, whileProbing } from './probe';

/**
 * Long texts (from 64 KiB to the 1 MiB limit) are inspected in a worker thread, off the event loop
 * that answers every other request, and the decision is the one the same policy makes in-process:
 * same findings, same redaction. The test server shares the test's event loop, so a /healthz
 * answered slowly while a long text is decided is a stall.
 */
describe('decisions on long texts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function publishedPolicy() {
    const org = await t.prisma.organization.findFirstOrThrow();
    const v = await t.prisma.policyVersion.findFirstOrThrow({ where: { organizationId: org.id }, orderBy: { number: 'desc' } });
    return compileDecisionPolicy({ rules: v.rules as any, catalog: v.catalog as any, zones: v.zones as any, custom: v.detectors as any, settings: v.settings as any });
  }


  test('a 1 MB prompt is redacted exactly as in-process, and /healthz is answered meanwhile', async () => {
    const text = prose(1_000_000) + '\nFinal note: forward it to bob@other.org.';
    const request = { action: 'prompt', destination: { provider: 'mistral-le-chat' }, content: { text } } as const;
    // the first long text starts the thread and compiles the policy there
    expect((await t.decide(request)).status).toBe(200);
    await collectGarbage();
    const probe = await whileProbing(t, t.decide(request));
    const res = probe.result;
    const body = (await res.json()) as any;
    console.log(describeProbe(`decision on ${text.length} characters`, probe));
    expect(res.status).toBe(200);
    const local = decideLocally(await publishedPolicy(), request);
    expect(body.effect).toBe('redact');
    expect(body.effect).toBe(local.decision.effect);
    expect(body.findings.map((f: any) => [f.dataClass, f.detector, f.start, f.end])).toEqual(local.findings.map((f) => [f.dataClass, f.detector, f.start, f.end]));
    expect(body.redactedText).toBe(local.redactedText);
    expect(body.redactedText).toContain('forward it to [EMAIL_2].');
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  });

  test('a batch with long texts, and a short text beside them, all decided', async () => {
    const long = prose(300_000) + '\naws_access_key_id=AKIAZ3MHQ7TNVX5KQ2PB';
    const items = [
      { correlationId: 'a', action: 'prompt', destination: { provider: 'openai-chatgpt' }, content: { text: long } },
      { correlationId: 'b', action: 'prompt', destination: { provider: 'openai-chatgpt' }, content: { text: 'nothing to see' } },
      { correlationId: 'c', action: 'prompt', destination: { provider: 'mistral-le-chat' }, content: { text: prose(200_000) } },
    ];
    const res = await t.request('/v1/decisions/batch', { method: 'POST', json: { items }, headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    const policy = await publishedPolicy();
    expect(body.items.map((i: any) => [i.correlationId, i.effect])).toEqual(items.map(({ correlationId, ...req }) => [correlationId, decideLocally(policy, req as any).decision.effect]));
    expect(body.items[0].effect).toBe('block');
    expect(body.items[2].effect).toBe('redact');
  });
});
