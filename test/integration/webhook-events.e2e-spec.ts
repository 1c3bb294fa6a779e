import { webhookDecisionsBlockedData, webhookPolicyPublishedData, webhookProviderBlockedData } from '@airlock/contracts';
import { BackgroundJobs } from '../../apps/api/src/common/background-jobs';
import { Transactions } from '../../apps/api/src/database/transactions';
import { BlockedDecisionsDigest } from '../../apps/api/src/modules/webhooks/blocked-decisions.service';
import { WebhookDeliveryWorker } from '../../apps/api/src/modules/webhooks/webhook-delivery.worker';
import { WebhookUrlGuard } from '../../apps/api/src/modules/webhooks/webhook-url-guard';
import { WebhooksRepository } from '../../apps/api/src/modules/webhooks/webhooks.repository';
import { WebhooksService } from '../../apps/api/src/modules/webhooks/webhooks.service';
import { APP_CONFIG } from '../../apps/api/src/config/config';
import { startWebhookReceiver, until, verifySignature } from '../support/webhook-receiver';
import { ADMIN_EMAIL, type Session, startTestApp, type TestApp } from '../support/test-app';

/** Webhook events of issue #19: policy.published, provider.blocked, decisions.blocked; saving with a warning. */

const MIN = 60_000;

describe('webhook events: policy published, service blocked, blocked decisions', () => {
  let t: TestApp;
  let owner: Session;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let worker: WebhookDeliveryWorker;
  let digest: BlockedDecisionsDigest;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({ AIRLOCK_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' });
    owner = await t.login();
    worker = t.app.get(WebhookDeliveryWorker);
    digest = t.app.get(BlockedDecisionsDigest);
    // The tests drive the summaries with their own clock.
    digest.stop();
  });
  afterAll(async () => {
    digest.setClock(null);
    await t.close();
    await receiver.close();
  });

  const hook = (path: string, events: string[]) =>
    owner.json('/api/webhooks', { method: 'POST', json: { name: `hook ${path}`, url: receiver.url(path), events } });
  const bodies = (path: string, event: string) =>
    receiver
      .on(path)
      .filter((r) => r.headers['x-airlock-event'] === event)
      .map((r) => ({ r, body: JSON.parse(r.body) }));

  it('sends policy.published, signed, for a publish and a rollback', async () => {
    const h = await hook('/published', ['policy.published']);
    await owner.json('/api/rules', {
      method: 'POST',
      json: {
        ruleId: 'contractors-no-prompts',
        priority: 5,
        effect: 'block',
        message: 'Contractors may not send prompts to AI services.',
        conditions: { groups: ['contractors'], actions: ['prompt'] },
      },
    });
    const v2 = await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'Contractors: no prompts' } });
    await worker.tick();
    const [first] = await until(() => bodies('/published', 'policy.published').length >= 1 && bodies('/published', 'policy.published'));
    expect(verifySignature(h.secret, first!.r)).toBe(true);
    expect(first!.body.event).toBe('policy.published');
    expect(webhookPolicyPublishedData.parse(first!.body.data)).toEqual(first!.body.data);
    expect(first!.body.data.version).toMatchObject({
      number: v2.number,
      note: 'Contractors: no prompts',
      author: { type: 'user', label: ADMIN_EMAIL },
      cause: 'publish',
      rollbackOf: null,
      url: expect.stringMatching(/\/#\/policy-versions\/[0-9a-f-]{36}\/show$/),
    });
    const counts = first!.body.data.version.counts;
    expect(counts.rules).toBeGreaterThan(1);
    expect(counts.services).toBeGreaterThan(10);
    expect(counts.blockedServices).toBeGreaterThanOrEqual(0);

    const v3 = await owner.json(`/api/policy-versions/1/rollback`, { method: 'POST', json: { note: 'Back to the first rules' } });
    await worker.tick();
    const rolled = await until(() => bodies('/published', 'policy.published').length >= 2 && bodies('/published', 'policy.published')[1]);
    expect(rolled.body.data.version).toMatchObject({ number: v3.number, cause: 'rollback', rollbackOf: 1, note: 'Back to the first rules' });
    expect(verifySignature(h.secret, rolled.r)).toBe(true);
    // Put the contractors rule back in force for the blocked decisions below.
    await owner.json('/api/policy-versions/2/rollback', { method: 'POST', json: { note: 'Contractors again' } });
  });

  it('sends provider.blocked and policy.published (cause block_now) for Block now', async () => {
    const h = await hook('/blocked', ['provider.blocked', 'policy.published']);
    const provider = await t.prisma.provider.findFirstOrThrow({ where: { slug: 'mistral-le-chat' } });
    const res = await owner.json(`/api/providers/${provider.id}/block`, { method: 'POST', json: { reason: 'Chats exposed publicly' } });
    await worker.tick();
    await until(() => receiver.on('/blocked').length >= 2);
    const [blocked] = bodies('/blocked', 'provider.blocked');
    expect(verifySignature(h.secret, blocked!.r)).toBe(true);
    expect(webhookProviderBlockedData.parse(blocked!.body.data)).toEqual(blocked!.body.data);
    expect(blocked!.body.data).toEqual({
      service: { id: provider.id, slug: 'mistral-le-chat', name: provider.name, url: expect.stringMatching(new RegExp(`/#/providers/${provider.id}/show$`)) },
      reason: 'Chats exposed publicly',
      blockedBy: { type: 'user', label: ADMIN_EMAIL },
      blockedAt: expect.any(String),
      version: res.version.number,
    });
    const [published] = bodies('/blocked', 'policy.published');
    expect(published!.body.data.version).toMatchObject({ number: res.version.number, cause: 'block_now', note: expect.stringContaining('Chats exposed publicly') });
    expect(published!.body.data.version.counts.blockedServices).toBeGreaterThanOrEqual(1);
  });

  it('sums blocked decisions into one decisions.blocked per window, counts only, never the text', async () => {
    const h = await hook('/digest', ['decisions.blocked']);
    const secret = 'AKIAZ3MHQ7TNVX5KQ2PB';
    const text = `deploy with aws_access_key_id=${secret}`;
    // Mid-minute, so every decision falls in one window whatever the real clock does.
    const windowStart = Math.floor(Date.now() / MIN) * MIN + 10 * MIN;
    digest.setClock(() => windowStart + 30_000);
    const effects: string[] = [];
    const decide = async (body: unknown) => effects.push(((await (await t.decide(body)).json()) as any).effect);
    await decide({ action: 'prompt', destination: { provider: 'openai-chatgpt' }, content: { text }, context: { channel: 'web' } });
    await decide({ action: 'prompt', destination: { provider: 'openai-chatgpt' }, content: { text }, context: { channel: 'ide' } });
    await decide({ action: 'prompt', destination: { provider: 'openai-chatgpt' }, subject: { groups: ['contractors'] }, context: { channel: 'web' } });
    await decide({ action: 'access', destination: { provider: 'mistral-le-chat' } });
    // Not blocked: not counted.
    await decide({ action: 'access', destination: { host: 'intranet.example.org' } });
    expect(effects).toEqual(['block', 'block', 'block', 'block', 'allow']);

    // Before the window has ended (and its grace passed), nothing is sent.
    expect(await digest.tick(new Date(windowStart + 50_000))).toEqual({ saved: 0, summaries: 0 });
    expect(await digest.tick(new Date(windowStart + MIN + 5_000))).toEqual({ saved: 1, summaries: 0 });
    expect(await t.prisma.blockedDecisionTally.count()).toBe(1);
    expect(await digest.tick(new Date(windowStart + MIN + 25_000))).toEqual({ saved: 0, summaries: 1 });
    expect(await t.prisma.blockedDecisionTally.count()).toBe(0);
    // The summary is queued at the (test's) clock time: deliver as of then.
    await worker.tick(new Date(windowStart + MIN + 25_000));
    const [got] = await until(() => bodies('/digest', 'decisions.blocked').length >= 1 && bodies('/digest', 'decisions.blocked'));
    expect(verifySignature(h.secret, got!.r)).toBe(true);
    const data = got!.body.data;
    expect(webhookDecisionsBlockedData.parse(data)).toEqual(data);
    expect(data).toMatchObject({
      windowStart: new Date(windowStart).toISOString(),
      windowEnd: new Date(windowStart + MIN).toISOString(),
      total: 4,
      truncated: false,
      instances: 1,
      url: expect.stringMatching(/\/#\/activity$/),
    });
    expect(data.byService).toEqual([
      { service: 'openai-chatgpt', count: 3 },
      { service: 'mistral-le-chat', count: 1 },
    ]);
    expect(data.byChannel).toEqual([
      { channel: 'web', count: 2 },
      { channel: null, count: 1 },
      { channel: 'ide', count: 1 },
    ]);
    expect(data.byGroup).toEqual([{ group: 'contractors', count: 1 }]);
    expect(data.byRule).toEqual(expect.arrayContaining([{ rule: 'contractors-no-prompts', count: 1 }]));
    expect(data.byRule.reduce((n: number, r: any) => n + r.count, 0)).toBeGreaterThanOrEqual(4);
    // Metadata only: no text, no part of it, no person.
    expect(got!.r.body).not.toContain(secret);
    expect(got!.r.body).not.toContain('aws_access_key_id');
    expect(got!.r.body).not.toContain(ADMIN_EMAIL);
    // One summary for the window, however many blocks.
    await worker.tick(new Date(windowStart + 2 * MIN));
    expect(bodies('/digest', 'decisions.blocked')).toHaveLength(1);
    // A window without blocks sends nothing.
    expect(await digest.tick(new Date(windowStart + 5 * MIN))).toEqual({ saved: 0, summaries: 0 });
  });

  it('adds up every instance and sends each window once, even when two instances send at once', async () => {
    // A second instance's digest on the same database (its own counter and instance id).
    const other = new BlockedDecisionsDigest(
      t.app.get(WebhooksRepository),
      t.app.get(WebhooksService),
      t.app.get(Transactions),
      t.app.get(BackgroundJobs),
      t.app.get(APP_CONFIG),
    );
    const organizationId = (await t.prisma.user.findFirstOrThrow({ where: { email: ADMIN_EMAIL } })).organizationId;
    const windowStart = Math.floor(Date.now() / MIN) * MIN + 20 * MIN;
    const entry = (providerSlug: string) =>
      ({ organizationId, providerSlug, ruleIds: ['blocked-providers'], channel: 'api', subjectGroups: [], effect: 'block' }) as any;
    digest.setClock(() => windowStart + 1_000);
    other.setClock(() => windowStart + 2_000);
    digest.count(entry('deepseek'));
    other.count(entry('deepseek'));
    other.count(entry('perplexity'));
    // Each instance writes its counts after the window...
    const written = new Date(windowStart + MIN + 5_000);
    expect(await Promise.all([digest.tick(written), other.tick(written)])).toEqual([
      { saved: 1, summaries: 0 },
      { saved: 1, summaries: 0 },
    ]);
    // ...and once it is due, both try to send it at the same moment: one does, with both counts.
    const due = new Date(windowStart + MIN + 25_000);
    const [a, b] = await Promise.all([digest.tick(due), other.tick(due)]);
    expect(a.summaries + b.summaries).toBe(1);
    await worker.tick(due);
    const ofWindow = () => bodies('/digest', 'decisions.blocked').filter((x) => x.body.data.windowStart === new Date(windowStart).toISOString());
    const [summary] = await until(() => ofWindow().length >= 1 && ofWindow());
    expect(summary!.body.data).toMatchObject({
      total: 3,
      instances: 2,
      byService: [
        { service: 'deepseek', count: 2 },
        { service: 'perplexity', count: 1 },
      ],
      byRule: [{ rule: 'blocked-providers', count: 3 }],
      byChannel: [{ channel: 'api', count: 3 }],
      byGroup: [],
    });
    await worker.tick(new Date(windowStart + 2 * MIN));
    expect(ofWindow()).toHaveLength(1);
    expect(await t.prisma.blockedDecisionTally.count()).toBe(0);
  });

  it('counts nothing to the database for organizations without a decisions.blocked webhook', async () => {
    await t.prisma.webhook.updateMany({ where: { events: { has: 'decisions.blocked' } }, data: { enabled: false } });
    const windowStart = Math.floor(Date.now() / MIN) * MIN + 30 * MIN;
    digest.setClock(() => windowStart + 1_000);
    await t.decide({ action: 'access', destination: { provider: 'mistral-le-chat' } });
    expect(await digest.tick(new Date(windowStart + MIN + 25_000))).toEqual({ saved: 0, summaries: 0 });
    expect(await t.prisma.blockedDecisionTally.count()).toBe(0);
  });
});

describe('webhooks: saving a target that does not resolve yet', () => {
  let t: TestApp;
  let owner: Session;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.login();
  });
  afterAll(async () => {
    t.app.get(WebhookUrlGuard).setLookup(null);
    await t.close();
  });

  const create = (url: string) => owner.request('/api/webhooks', { method: 'POST', json: { name: 'later', url, events: ['policy.published'] } });

  it('saves a host name that does not resolve, with a warning in the answer', async () => {
    const res = await create('https://hooks.not-yet.invalid/airlock');
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body.secret).toMatch(/^whsec_/);
    expect(body.warnings).toEqual([expect.stringMatching(/^Host hooks\.not-yet\.invalid does not resolve \(yet\)/)]);
    expect(await t.prisma.webhook.count({ where: { id: body.id } })).toBe(1);
    // Updating to another unresolvable name warns again; a change that leaves the URL alone does not.
    const updated = await owner.json(`/api/webhooks/${body.id}`, { method: 'PUT', json: { url: 'https://other.not-yet.invalid/in' } });
    expect(updated.warnings).toEqual([expect.stringContaining('other.not-yet.invalid')]);
    const renamed = await owner.json(`/api/webhooks/${body.id}`, { method: 'PUT', json: { name: 'renamed' } });
    expect(renamed.warnings).toBeUndefined();
    // A resolvable public name saves without a warning.
    const guard = t.app.get(WebhookUrlGuard);
    guard.setLookup(async () => [{ address: '93.184.216.34', family: 4 }]);
    const ok = (await (await create('https://hooks.example.test/in')).json()) as any;
    expect(ok.warnings).toBeUndefined();
    guard.setLookup(null);
  });

  it('still refuses malformed URLs and private or loopback addresses', async () => {
    for (const [url, why] of [
      ['not a url', /url|URL/],
      ['ftp://hooks.example.test/', /url|URL|http/],
      ['http://127.0.0.1:9/hook', /loopback/],
      ['http://10.1.2.3/hook', /private/],
      ['http://169.254.169.254/latest/meta-data/', /cloud metadata/],
    ] as const) {
      const res = await create(url);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(why);
    }
    // A name that resolves to a private address is refused, not warned about.
    const guard = t.app.get(WebhookUrlGuard);
    guard.setLookup(async () => [{ address: '10.0.0.7', family: 4 }]);
    const res = await create('https://inside.example.test/hook');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(/inside\.example\.test resolves to 10\.0\.0\.7 is a private/);
    guard.setLookup(null);
  });

  it('checks the address again at delivery: a name still unresolved fails the attempt and is retried', async () => {
    const worker = t.app.get(WebhookDeliveryWorker);
    worker.stop();
    const created = (await (await create('https://never.not-yet.invalid/in')).json()) as any;
    await owner.json(`/api/webhooks/${created.id}/test`, { method: 'POST' });
    const now = new Date();
    expect(await worker.tick(now)).toMatchObject({ attempted: 1, failed: 1 });
    const d = await t.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: created.id } });
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(d.lastError).toMatch(/^refused: host never\.not-yet\.invalid cannot be resolved/);
    worker.start();
  });
});
