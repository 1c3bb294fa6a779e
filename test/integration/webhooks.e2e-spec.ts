import { WebhookDeliveryWorker } from '../../apps/api/src/modules/webhooks/webhook-delivery.worker';
import { postWebhook } from '../../apps/api/src/modules/webhooks/webhook-sender';
import { WebhookUrlGuard } from '../../apps/api/src/modules/webhooks/webhook-url-guard';
import { startWebhookReceiver, until, verifySignature } from '../support/webhook-receiver';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type Session, startTestApp, type TestApp } from '../support/test-app';

const MIN = 60_000;
const H = 60 * MIN;

async function addUser(t: TestApp, email: string, role: 'employee' | 'analyst') {
  const owner = await t.prisma.user.findFirstOrThrow({ where: { email: ADMIN_EMAIL } });
  await t.prisma.user.create({
    data: { organizationId: owner.organizationId, email, name: email, role, passwordHash: owner.passwordHash },
  });
  return t.login(email, ADMIN_PASSWORD);
}

describe('webhooks: signed deliveries with retries', () => {
  let t: TestApp;
  let owner: Session;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let worker: WebhookDeliveryWorker;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    // The test receiver is on loopback: allow exactly that address.
    t = await startTestApp({ AIRLOCK_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' });
    owner = await t.login();
    worker = t.app.get(WebhookDeliveryWorker);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const newIncident = (json: Record<string, unknown>) =>
    owner.json('/api/incidents', { method: 'POST', json: { title: 'Webhook test', dataClasses: [], ...json } });
  const createHook = (json: Record<string, unknown>) =>
    owner.json('/api/webhooks', { method: 'POST', json: { name: 'SOC', events: ['incident.created', 'incident.high_severity'], ...json } });
  const disableAll = async () => {
    for (const w of (await owner.json('/api/webhooks')) as any[])
      await owner.json(`/api/webhooks/${w.id}`, { method: 'PUT', json: { enabled: false } });
  };

  it('creates, lists, updates and deletes webhooks; the secret is shown once and never stored in the audit log', async () => {
    const created = await createHook({ url: receiver.url('/crud') });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const one = await owner.json(`/api/webhooks/${created.id}`);
    expect(one).toEqual({
      id: created.id,
      name: 'SOC',
      url: receiver.url('/crud'),
      events: ['incident.created', 'incident.high_severity'],
      enabled: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const list = await owner.request('/api/webhooks');
    expect(list.headers.get('content-range')).toBe('webhooks 0-0/1');
    expect(JSON.stringify(await list.json())).not.toContain(created.secret);
    const updated = await owner.json(`/api/webhooks/${created.id}`, {
      method: 'PUT',
      json: { name: 'SOC channel', events: ['incident.high_severity'] },
    });
    expect(updated).toMatchObject({ name: 'SOC channel', events: ['incident.high_severity'] });
    expect(updated.secret).toBeUndefined();
    const rotated = await owner.json(`/api/webhooks/${created.id}/rotate-secret`, { method: 'POST' });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect((await owner.request(`/api/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await owner.request(`/api/webhooks/${created.id}`)).status).toBe(404);
    const audit = await t.prisma.auditEvent.findMany({ where: { entityType: 'Webhook', entityId: created.id } });
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.update', 'webhook.rotate_secret', 'webhook.delete']);
    const text = JSON.stringify(audit);
    expect(text).not.toContain(created.secret);
    expect(text).not.toContain(rotated.secret);
    expect(await t.prisma.webhook.count()).toBe(0);
  });

  it('lets staff read webhooks and only admins change them; employees neither', async () => {
    const analyst = await addUser(t, 'sam@airlock.test', 'analyst');
    const employee = await addUser(t, 'eve@airlock.test', 'employee');
    expect((await analyst.request('/api/webhooks')).status).toBe(200);
    expect(
      (
        await analyst.request('/api/webhooks', {
          method: 'POST',
          json: { name: 'x', url: receiver.url('/x'), events: ['incident.created'] },
        })
      ).status,
    ).toBe(403);
    expect((await employee.request('/api/webhooks')).status).toBe(403);
    expect(
      (await owner.request('/api/webhooks', { method: 'POST', json: { name: 'x', url: receiver.url('/x'), events: ['incident.deleted'] } }))
        .status,
    ).toBe(400);
  });

  it('delivers incident.created and incident.high_severity, signed with the secret', async () => {
    const hook = await createHook({ url: receiver.url('/ok') });
    const incident = await newIncident({ providerOther: 'Some bot', dataClasses: ['credentials'] });
    expect(incident.severity).toBe('critical');
    await worker.tick();
    const got = await until(() => receiver.on('/ok').length >= 2 && receiver.on('/ok'));
    expect(got.map((r) => r.headers['x-airlock-event']).sort()).toEqual(['incident.created', 'incident.high_severity']);
    for (const r of got) {
      expect(verifySignature(hook.secret, r)).toBe(true);
      expect(verifySignature('whsec_wrong', r)).toBe(false);
      expect(r.headers['content-type']).toBe('application/json');
      expect(Math.abs(Number(r.headers['x-airlock-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      const body = JSON.parse(r.body);
      expect(body).toMatchObject({
        id: r.headers['x-airlock-delivery'],
        event: r.headers['x-airlock-event'],
        data: {
          incident: {
            id: incident.id,
            number: incident.number,
            severity: 'critical',
            status: 'new',
            dataClasses: ['credentials'],
            provider: { slug: null, name: 'Some bot' },
          },
        },
      });
      expect(r.body).not.toContain(ADMIN_EMAIL);
    }
    // A tampered body no longer matches.
    expect(verifySignature(hook.secret, { ...got[0]!, body: got[0]!.body.replace('critical', 'low') })).toBe(false);

    const log = await owner.request(`/api/webhooks/${hook.id}/deliveries`);
    expect(log.headers.get('content-range')).toBe('webhook-deliveries 0-1/2');
    const rows = (await log.json()) as any[];
    for (const d of rows)
      expect(d).toMatchObject({
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: expect.any(String),
      });
  });

  it('sends incident.high_severity when an analyst raises the severity, not for a low one', async () => {
    await disableAll();
    const hook = await createHook({ url: receiver.url('/raised') });
    const incident = await newIncident({
      providerId: (await t.prisma.provider.findFirstOrThrow({ where: { slug: 'openai-chatgpt' } })).id,
      dataClasses: ['creative_work'],
    });
    expect(incident.severity).toBe('low');
    await worker.tick();
    await until(() => receiver.on('/raised').length >= 1);
    expect(receiver.on('/raised').map((r) => r.headers['x-airlock-event'])).toEqual(['incident.created']);
    await owner.json(`/api/incidents/${incident.id}`, { method: 'PUT', json: { severity: 'high' } });
    await worker.tick();
    await until(() => receiver.on('/raised').length >= 2);
    const raised = receiver.on('/raised')[1]!;
    expect(raised.headers['x-airlock-event']).toBe('incident.high_severity');
    expect(JSON.parse(raised.body).data.incident.severity).toBe('high');
    expect(verifySignature(hook.secret, raised)).toBe(true);
    // Lowering it again sends nothing.
    await owner.json(`/api/incidents/${incident.id}`, { method: 'PUT', json: { severity: 'medium' } });
    await worker.tick();
    expect(await t.prisma.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(2);
  });

  describe('with the background loop stopped and a fake clock', () => {
    beforeAll(() => worker.stop());
    // Each test watches its own webhook only.
    beforeEach(() => disableAll());
    afterAll(() => worker.start());

    it('retries after a 500 with backoff, then succeeds', async () => {
      const hook = await createHook({ url: receiver.url('/flaky'), events: ['incident.created'] });
      await newIncident({});
      const t0 = Date.now();
      expect(await worker.tick(new Date(t0))).toEqual({ attempted: 1, succeeded: 0, failed: 1 });
      let d = await t.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
      expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
      expect(d.nextAttemptAt.getTime()).toBe(t0 + MIN);
      expect(await worker.tick(new Date(t0 + 30_000))).toEqual({ attempted: 0, succeeded: 0, failed: 0 });
      expect(await worker.tick(new Date(t0 + MIN))).toEqual({ attempted: 1, succeeded: 1, failed: 0 });
      d = await t.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
      expect(d).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200, lastError: null });
      const [first, second] = receiver.on('/flaky');
      // The same delivery each time: same id, same body, a fresh signature over it.
      expect(second!.headers['x-airlock-delivery']).toBe(first!.headers['x-airlock-delivery']);
      expect(second!.body).toBe(first!.body);
      expect(verifySignature(hook.secret, second!)).toBe(true);
    });

    it('waits 1 min, 5 min, 30 min, 2 h and 12 h between attempts and gives up after the 6th', async () => {
      const hook = await createHook({ url: receiver.url('/fail'), events: ['incident.created'] });
      await newIncident({});
      let now = Date.now();
      const waits: number[] = [];
      for (let attempt = 1; attempt <= 6; attempt++) {
        expect((await worker.tick(new Date(now))).failed).toBe(1);
        const d = await t.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
        expect(d.attempts).toBe(attempt);
        if (attempt < 6) {
          expect(d.status).toBe('pending');
          waits.push(d.nextAttemptAt.getTime() - now);
          // One second early is too early.
          expect((await worker.tick(new Date(d.nextAttemptAt.getTime() - 1000))).attempted).toBe(0);
          now = d.nextAttemptAt.getTime();
        } else {
          expect(d.status).toBe('failed');
        }
      }
      expect(waits).toEqual([MIN, 5 * MIN, 30 * MIN, 2 * H, 12 * H]);
      expect((await worker.tick(new Date(now + 48 * H))).attempted).toBe(0);
      expect(receiver.on('/fail')).toHaveLength(6);
      const [row] = (await owner.json(`/api/webhooks/${hook.id}/deliveries`)) as any[];
      expect(row).toMatchObject({ status: 'failed', attempts: 6, lastStatusCode: 500, nextAttemptAt: null });
    });

    it('does not follow redirects', async () => {
      const hook = await createHook({ url: receiver.url('/redirect'), events: ['incident.created'] });
      await newIncident({});
      expect(await worker.tick()).toMatchObject({ attempted: 1, failed: 1 });
      const d = await t.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
      expect(d).toMatchObject({ status: 'pending', lastStatusCode: 302, lastError: 'redirect (302) not followed' });
      expect(receiver.on('/landed')).toHaveLength(0);
    });

    it('gives up on a receiver that does not answer in time (10 s in production)', async () => {
      const url = new URL(receiver.url('/hang'));
      const started = Date.now();
      const r = await postWebhook({ url, hostname: '127.0.0.1', addresses: [{ address: '127.0.0.1', family: 4 }] }, '{}', {}, 300);
      expect(r).toEqual({ ok: false, statusCode: null, error: 'no answer within 0.3 s' });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(receiver.on('/hang')).toHaveLength(1);
    });

    it('connects to the vetted address, not to what the host name would resolve to now', async () => {
      // The name is unresolvable; the pinned address is the receiver: the request still arrives.
      const url = new URL(`http://pinned.invalid:${receiver.port}/pinned`);
      const r = await postWebhook({ url, hostname: 'pinned.invalid', addresses: [{ address: '127.0.0.1', family: 4 }] }, '{"x":1}', {
        'x-test': '1',
      });
      expect(r).toEqual({ ok: true, statusCode: 200, error: null });
      const [got] = receiver.on('/pinned');
      expect(got!.headers.host).toBe(`pinned.invalid:${receiver.port}`);
      expect(got!.body).toBe('{"x":1}');
    });

    it('hands each due delivery to one worker only, even when rounds run at once', async () => {
      const hook = await createHook({ url: receiver.url('/once'), events: ['incident.created'] });
      for (let i = 0; i < 5; i++) await newIncident({});
      const repo = (worker as any).repo;
      // Two instances claiming at the same moment (the claim is FOR UPDATE SKIP LOCKED + a lease).
      const now = new Date();
      const [a, b] = await Promise.all([
        repo.claimDue(now, new Date(now.getTime() + 2 * MIN), 20),
        repo.claimDue(now, new Date(now.getTime() + 2 * MIN), 20),
      ]);
      expect([...a, ...b].sort()).toEqual(
        (await t.prisma.webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { id: true } })).map((r) => r.id).sort(),
      );
      expect(new Set([...a, ...b]).size).toBe(5);
      // Leased: not due again until the lease ends.
      expect((await worker.tick(now)).attempted).toBe(0);
      // (Deliveries of the earlier, now disabled, webhooks fall due in the same round and fail.)
      expect((await worker.tick(new Date(now.getTime() + 2 * MIN))).succeeded).toBe(5);
      expect(receiver.on('/once')).toHaveLength(5);
      expect(await t.prisma.webhookDelivery.count({ where: { webhookId: hook.id, status: 'succeeded', attempts: 1 } })).toBe(5);
    });
  });
});

describe('webhooks: SSRF protection without AIRLOCK_WEBHOOK_ALLOW_PRIVATE', () => {
  let t: TestApp;
  let owner: Session;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp();
    owner = await t.login();
  });
  afterAll(async () => {
    t.app.get(WebhookUrlGuard).setLookup(null);
    await t.close();
    await receiver.close();
  });

  const create = (url: string) =>
    owner.request('/api/webhooks', { method: 'POST', json: { name: 'x', url, events: ['incident.created'] } });

  it.each([
    ['loopback', () => receiver.url('/ok'), /127\.0\.0\.1 is a loopback address/],
    ['a private 10.x address', () => 'http://10.1.2.3/hook', /10\.1\.2\.3 is a private \(RFC 1918\) address/],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is the cloud metadata address/],
    [
      'a host name resolving to loopback (localhost)',
      () => `http://localhost:${receiver.port}/ok`,
      /localhost resolves to .* loopback address/,
    ],
    ['IPv6 loopback', () => `http://[::1]:${receiver.port}/ok`, /::1 is a loopback address/],
    ['CGNAT', () => 'http://100.64.1.1/', /carrier-grade NAT/],
    ['the IPv6 metadata address', () => 'http://[fd00:ec2::254]/', /cloud metadata/],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${receiver.port}/`, /loopback/],
  ])('refuses %s when the webhook is saved', async (_name, url, why) => {
    const res = await create(url());
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(why);
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'url' })]);
  });

  it('refuses a private target on update too', async () => {
    const guard = t.app.get(WebhookUrlGuard);
    guard.setLookup(async () => [{ address: '93.184.216.34', family: 4 }]);
    const hook = await owner.json('/api/webhooks', {
      method: 'POST',
      json: { name: 'x', url: 'https://hooks.example.test/in', events: ['incident.created'] },
    });
    guard.setLookup(null);
    const res = await owner.request(`/api/webhooks/${hook.id}`, { method: 'PUT', json: { url: 'http://192.168.0.10/' } });
    expect(res.status).toBe(400);
    await owner.request(`/api/webhooks/${hook.id}`, { method: 'DELETE' });
  });

  it('checks again at delivery, after DNS resolution, and connects to nothing private (DNS rebinding)', async () => {
    const guard = t.app.get(WebhookUrlGuard);
    const worker = t.app.get(WebhookDeliveryWorker);
    worker.stop();
    // At save time the name resolves to a public address...
    guard.setLookup(async () => [{ address: '93.184.216.34', family: 4 }]);
    const hook = await owner.json('/api/webhooks', {
      method: 'POST',
      json: { name: 'rebind', url: `http://rebind.example.test:${receiver.port}/ok`, events: ['incident.created'] },
    });
    // ...and at delivery time to loopback, where the receiver listens.
    guard.setLookup(async () => [{ address: '127.0.0.1', family: 4 }]);
    await owner.json('/api/incidents', { method: 'POST', json: { title: 'x', dataClasses: [] } });
    expect(await worker.tick()).toMatchObject({ attempted: 1, failed: 1 });
    const d = await t.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(d.lastError).toMatch(/^refused: rebind\.example\.test resolves to 127\.0\.0\.1 is a loopback address/);
    expect(d.lastStatusCode).toBeNull();
    expect(receiver.received).toHaveLength(0);
    worker.start();
  });
});
