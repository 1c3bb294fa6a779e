import { randomUUID } from 'node:crypto';
import { type Session, startTestApp, type TestApp } from '../support/test-app';
import { describeProbe, MAX_STALL_MS, whileProbing } from './probe';

/**
 * The impact previews replay up to 50,000 (policy) and 20,000 (rule editor) logged decisions per
 * request, twice or three times each, in the worker that also answers decisions: the replay hands
 * the event loop over every few milliseconds, so a preview never stalls the requests next to it.
 * The test server shares the test's event loop, so a /healthz answered slowly is a stall.
 */
describe('impact previews over many logged decisions do not freeze the server', () => {
  let t: TestApp;
  let admin: Session;
  const ROWS = 50_000;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    const org = await t.prisma.organization.findFirstOrThrow();
    // A draft with a few rules, so each replayed decision is evaluated against real conditions.
    await admin.json('/api/rules', { method: 'POST', json: { ruleId: 'warn-health', priority: 10, effect: 'warn', message: 'Health data', conditions: { dataClasses: ['health_data'] } } });
    await admin.json('/api/rules', { method: 'POST', json: { ruleId: 'block-code-outside-eng', priority: 20, effect: 'block', message: 'Code', conditions: { dataClasses: ['source_code'] }, exceptions: [{ groups: ['engineering'] }] } });
    const slugs = ['openai-chatgpt', 'google-gemini', 'deepseek', 'claude', 'a-host-outside-the-catalog'];
    const groups = [['sales'], ['engineering'], ['legal', 'sales'], []];
    const classes = [[], ['health_data'], ['source_code'], ['personal_data', 'financial']];
    const start = Date.now() - 3_600_000;
    for (let from = 0; from < ROWS; from += 10_000) {
      await t.prisma.decisionLog.createMany({
        data: Array.from({ length: 10_000 }, (_, k) => {
          const i = from + k;
          return {
            id: randomUUID(),
            time: new Date(start + i * 50),
            organizationId: org.id,
            policyVersion: 1,
            providerSlug: slugs[i % slugs.length]!,
            destinationHost: null,
            action: i % 7 === 0 ? 'upload' : 'prompt',
            channel: 'web',
            subjectGroups: groups[i % groups.length]!,
            dataClasses: classes[(i >> 2) % classes.length]!,
            effect: 'allow',
            latencyMicros: 10,
          } as const;
        }),
      });
    }
    // As autovacuum would after such a load: without statistics the planner reads all 50,000 rows
    // and sorts them for every page (a bitmap scan) instead of walking the key backwards.
    await t.prisma.$executeRawUnsafe('ANALYZE "DecisionLog"');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });


  test('the policy impact preview of 50,000 decisions', async () => {
    let body: any;
    const probe = await whileProbing(t, () => admin.json<any>('/api/policy/impact', { method: 'POST', json: { limit: ROWS } }).then((b) => (body = b)));
    console.log(describeProbe(`impact preview of ${ROWS} decisions`, probe));
    expect(body.replayed).toBe(ROWS);
    expect(body.changed).toBeGreaterThan(0);
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  });

  test("the rule editor's impact count of 20,000 decisions", async () => {
    let body: any;
    const rule = { conditions: { dataClasses: ['personal_data'] }, exceptions: [{ groups: ['legal'] }], effect: 'redact', limit: 20_000 };
    const probe = await whileProbing(t, () => admin.json<any>('/api/policy/rule-impact', { method: 'POST', json: rule }).then((b) => (body = b)));
    console.log(describeProbe('rule impact of 20,000 decisions', probe));
    expect(body.replayed).toBe(20_000);
    expect(body.matched).toBeGreaterThan(0);
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  });
});
