import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { SubjectDirectoryService } from '../../apps/api/src/modules/decisions/subject-directory.service';
import { AirlockClient, LocalDecider } from '../../libs/sdk/src';
import { cliArgs, loadDecisionSpec, summarise } from '../support/decision-spec';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

/**
 * The shared decision specification (test/fixtures/decision-spec.json) end to end: the organization
 * is set up as the spec's policy says (a new organization's default rules and catalog, the demo's
 * statuses), then every case goes through /v1/decisions, /v1/decisions/batch, the SDK's
 * LocalDecider and, where it can be expressed, the CLI (server and --local). All must give the
 * answers the unit tests check (libs/decision-core/src/decision-spec.spec.ts).
 */
describe('decision specification over HTTP, the SDK and the CLI', () => {
  const spec = loadDecisionSpec();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login();
    const zones = await admin.json<any[]>('/api/zones');
    expect(zones.map((z) => ({ name: z.name, cidrs: z.cidrs }))).toEqual(spec.policy.zones);
    const settings = await admin.json<any>('/api/settings');
    expect({
      restrictedJurisdictions: settings.restrictedJurisdictions,
      allowEmailDomains: settings.allowEmailDomains,
      markings: settings.markings,
      defaultPhoneRegion: settings.defaultPhoneRegion,
      decisionTtlSeconds: settings.decisionTtlSeconds,
    }).toEqual(spec.policy.settings);
    const providers = await admin.json<any[]>('/api/providers?range=[0,199]');
    for (const [slug, status] of Object.entries(spec.policy.statuses)) {
      const p = providers.find((x) => x.slug === slug);
      await admin.json(`/api/providers/${p.id}`, { method: 'PUT', json: { status, statusReason: 'decision specification' } });
    }
    for (const r of spec.policy.rules) {
      const json = { ruleId: r.id, priority: r.priority, enabled: r.enabled, effect: r.effect, message: r.message, conditions: r.when, exceptions: r.unless ?? [] };
      await admin.json('/api/rules', { method: 'POST', json });
    }
    const groups = new Set(spec.policy.directory.flatMap((p) => p.groups));
    for (const name of groups) await admin.json('/api/groups', { method: 'POST', json: { name } });
    for (const p of spec.policy.directory) await admin.json('/api/users', { method: 'POST', json: { email: p.email, name: p.name, role: 'employee', groups: p.groups } });
    await admin.json('/api/policy/publish', { method: 'POST', json: { note: 'decision specification statuses and rules' } });
    // The directory reaches memory through NOTIFY: wait until the first member of a group resolves.
    const member = spec.policy.directory.find((p) => p.groups.length > 0)!;
    const directory = t.app.get(SubjectDirectoryService);
    for (let i = 0; i < 50 && !directory.get((await t.prisma.organization.findFirstOrThrow()).id)?.directory.groupsOf({ email: member.email }); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(spec.cases.map((c) => [c.name, c] as const))('POST /v1/decisions: %s', async (_name, c) => {
    const res = await t.decide(c.request);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(summarise(body)).toEqual(c.expect);
    if (c.expect.effect !== 'redact') expect(body).not.toHaveProperty('redactedText');
  });

  it('POST /v1/decisions/batch gives the same answers, item by item', async () => {
    const res = await t.request('/v1/decisions/batch', {
      method: 'POST',
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` },
      json: { items: spec.cases.map((c, i) => ({ correlationId: `case-${i}`, ...c.request })) },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: any[] };
    expect(body.items.map((item) => item.correlationId)).toEqual(spec.cases.map((_, i) => `case-${i}`));
    body.items.forEach((item, i) => {
      const c = spec.cases[i]!;
      expect({ name: c.name, ...summarise(item) }).toEqual({ name: c.name, ...c.expect });
    });
  });

  it("the SDK's local evaluation gives the same answers", async () => {
    const local = await LocalDecider.start(new AirlockClient({ baseUrl: t.url, apiKey: BOOTSTRAP_KEY }));
    try {
      for (const c of spec.cases) expect({ name: c.name, ...summarise(local.decide(c.request)) }).toEqual({ name: c.name, ...c.expect });
    } finally {
      local.stop();
    }
  });

  // One process per case and mode, each starting Node: a timeout generous enough for a loaded machine.
  it('the CLI exits 3 on block and 0 otherwise, from the server and locally', async () => {
    const root = path.join(__dirname, '../..');
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'libs/sdk'], { cwd: root });
    const cli = path.join(root, 'libs/sdk/dist/cli.js');
    const env = { ...process.env, AIRLOCK_URL: t.url, AIRLOCK_API_KEY: BOOTSTRAP_KEY };
    // Asynchronously: the API under test runs in this process and must keep answering.
    const run = (args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [cli, ...args], { env }, (err, stdout, stderr) => resolve({ status: err ? Number(err.code) : 0, stdout, stderr }));
      });
    const cases = spec.cases.filter((c) => c.cli);
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const c of cases) {
      for (const extra of [[], ['--local']]) {
        const out = await run([...cliArgs(c), ...extra]);
        const what = `${c.name} ${extra.join(' ')}`;
        expect({ what, stderr: out.stderr, status: out.status }).toEqual({ what, stderr: '', status: c.expect.effect === 'block' ? 3 : 0 });
        expect({ what, ...summarise(JSON.parse(out.stdout)) }).toEqual({ what, ...c.expect });
      }
    }
  }, 180_000);
});
