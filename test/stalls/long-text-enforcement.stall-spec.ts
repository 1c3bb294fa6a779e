import net from 'node:net';
import { TextInspectionPool } from '../../apps/api/src/modules/decisions/text-inspection.pool';
import { IcapListener } from '../../apps/api/src/modules/icap/icap.listener';
import { type MockLlm, startMockLlm } from '../support/mock-llm';
import { BOOTSTRAP_KEY, type Session, startTestApp, type TestApp } from '../support/test-app';
import { collectGarbage, describeProbe, MAX_STALL_MS, officeProse, whileProbing } from './probe';

/**
 * The enforcement points that decide texts on their own paths, the AI gateway, the guardrail
 * endpoints and the ICAP service, send long texts (64 KiB to the 1 MiB limit) to the inspection
 * thread like /v1/decisions does: a 1 MB prompt through any of them must not hold the event loop
 * that answers every other request, and is still redacted, restored or flagged.
 */
describe('long texts at the enforcement points', () => {
  let t: TestApp;
  let owner: Session;
  let mock: MockLlm;
  let gatewayKey: string;
  let icapPort: number;

  beforeAll(async () => {
    mock = await startMockLlm();
    t = await startTestApp({ AIRLOCK_GATEWAY_ALLOW_PRIVATE: '127.0.0.1', AIRLOCK_ICAP_PORT: '0' });
    icapPort = (await t.app.get(IcapListener).start())!;
    owner = await t.login();
    const rule = (json: Record<string, unknown>) => owner.json('/api/rules', { method: 'POST', json });
    await rule({ ruleId: 'mask-personal', priority: 1, conditions: { dataClasses: ['personal_data'], actions: ['prompt', 'response'] }, effect: 'redact', message: 'Personal data is masked.' });
    await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'long texts' } });
    await owner.json('/api/gateway/upstreams', { method: 'POST', json: { name: 'openai-main', api: 'openai', providerSlug: 'openai-api', baseUrl: `${mock.url}/v1`, apiKey: 'sk-upstream-1234' } });
    gatewayKey = (await owner.json('/api/api-clients', { method: 'POST', json: { name: 'app', scopes: ['gateway'] } })).key;
  }, 60_000);

  afterAll(async () => {
    await t?.app.get(IcapListener).close();
    await t?.close();
    await mock?.close();
  });

  /** About `bytes` of office prose, then a last e-mail address. */
  const prose = (bytes: number) => `${officeProse(bytes)}\nFinal note: forward it to dana.whitfield@fabrikam-mail.com.`;

  /** The body of an answer read while probing; parsed after (joining it is the test client's work). */
  async function readAll(res: Response): Promise<string> {
    const chunks: Uint8Array[] = [];
    for await (const c of res.body as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Texts handed to the inspection thread since `from` (a spy on TextInspectionPool.inspect). */
  let inspected: jest.SpiedFunction<TextInspectionPool['inspect']>;
  beforeEach(() => {
    inspected = jest.spyOn(t.app.get(TextInspectionPool), 'inspect');
  });
  afterEach(() => inspected.mockRestore());

  test('AI gateway: a 1 MB prompt is masked for the upstream and restored for the caller, and /healthz is answered meanwhile', async () => {
    const text = prose(1_000_000);
    const call = () =>
      t.request('/gateway/openai/v1/chat/completions', { method: 'POST', headers: { authorization: `Bearer ${gatewayKey}` }, json: { model: 'm', messages: [{ role: 'user', content: text }] } }).then(async (res) => ({ status: res.status, body: await readAll(res) }));
    // the first long text starts the inspection thread and compiles the policy there
    expect((await call()).status).toBe(200);
    await collectGarbage();
    const probe = await whileProbing(t, call());
    console.log(describeProbe(`gateway call with a prompt of ${text.length} characters (and its answer)`, probe));
    expect(probe.result.status).toBe(200);
    const sent = mock.calls[mock.calls.length - 1]!.body.messages[0].content as string;
    expect(sent).not.toContain('dana.whitfield@fabrikam-mail.com');
    expect(sent).toMatch(/forward it to \[EMAIL_\d+\]\.$/);
    const answer = JSON.parse(probe.result.body).choices[0].message.content as string;
    expect(answer.endsWith('forward it to dana.whitfield@fabrikam-mail.com.')).toBe(true);
    // the prompt and the answer of both calls went to the thread
    expect(inspected).toHaveBeenCalledTimes(4);
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  });

  test("AI gateway: a streamed Responses API answer of 1 MB, whose closing events repeat the whole text, is restored, and /healthz is answered meanwhile", async () => {
    const text = prose(1_000_000);
    // ~21 MB of events (a piece of 7 characters each): joined after probing, as the test client's work
    const call = () =>
      t.request('/gateway/openai/v1/responses', { method: 'POST', headers: { authorization: `Bearer ${gatewayKey}` }, json: { model: 'm', input: text, stream: true } }).then(async (res) => {
        const chunks: Uint8Array[] = [];
        for await (const c of res.body as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
        return { status: res.status, chunks };
      });
    expect((await call()).status).toBe(200);
    inspected.mockClear();
    await collectGarbage();
    const probe = await whileProbing(t, call());
    console.log(describeProbe(`gateway call streaming a Responses API answer of ${text.length} characters`, probe));
    expect(probe.result.status).toBe(200);
    const events = Buffer.concat(probe.result.chunks).toString('utf8').split('\n\n').filter((e) => e.includes('data: ')).map((e) => JSON.parse(e.slice(e.indexOf('data: ') + 6)));
    const done = events.find((e) => e.type === 'response.output_text.done');
    expect(done.text.endsWith('forward it to dana.whitfield@fabrikam-mail.com.')).toBe(true);
    expect(events.find((e) => e.type === 'response.completed').response.output[0].content[0].text).toBe(done.text);
    expect(events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta).join('')).toBe(done.text);
    // the prompt, the whole answer of the closing events and the answer's log entry went to the thread
    expect(inspected).toHaveBeenCalledTimes(3);
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  }, 60_000);

  test('AI gateway: a caller that leaves while its long prompt is inspected is not forwarded to the upstream', async () => {
    const before = mock.calls.length;
    const ctrl = new AbortController();
    const sent = fetch(`${t.url}/gateway/openai/v1/chat/completions`, {
      method: 'POST',
      signal: ctrl.signal,
      headers: { authorization: `Bearer ${gatewayKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: prose(1_000_000) }] }),
    }).catch(() => null);
    // gone once the prompt is in the thread
    for (let i = 0; i < 200 && inspected.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(inspected).toHaveBeenCalledTimes(1);
    ctrl.abort();
    await sent;
    await inspected.mock.results[0]!.value.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(mock.calls.length).toBe(before);
  });

  test('guardrail endpoint: a 1 MB message is flagged with its finding, and /healthz is answered meanwhile', async () => {
    const text = prose(1_000_000);
    const probe = await whileProbing(
      t,
      t.request('/v1/guard', { method: 'POST', headers: { authorization: `Bearer ${gatewayKey}` }, json: { messages: [{ role: 'user', content: text }], metadata: { provider: 'openai-api' }, payload: true } }).then(async (res) => ({ status: res.status, body: await readAll(res) })),
    );
    console.log(describeProbe(`/v1/guard on ${text.length} characters`, probe));
    expect(probe.result.status).toBe(200);
    const body = JSON.parse(probe.result.body);
    expect(body.flagged).toBe(true);
    expect(body.payload.map((p: any) => text.slice(p.start, p.end))).toContain('dana.whitfield@fabrikam-mail.com');
    expect(inspected).toHaveBeenCalledTimes(1);
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  });

  test('ICAP: a 1 MB prompt body is rewritten with the value masked, and /healthz is answered meanwhile', async () => {
    const body = Buffer.from(JSON.stringify({ prompt: prose(1_000_000) }), 'utf8');
    const http = `POST https://chat.deepseek.com/api/chat HTTP/1.1\r\nHost: chat.deepseek.com\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const message = Buffer.concat([
      Buffer.from(`REQMOD icap://127.0.0.1/reqmod?key=${BOOTSTRAP_KEY} ICAP/1.0\r\nHost: 127.0.0.1\r\nAllow: 204\r\nEncapsulated: req-hdr=0, req-body=${http.length}\r\n\r\n${http}${body.length.toString(16)}\r\n`),
      body,
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    const transact = () =>
      new Promise<string>((resolve, reject) => {
        // The connection stays open for the next transaction: the answer ends with its last chunk.
        const chunks: Buffer[] = [];
        const s = net.connect(icapPort, '127.0.0.1', () => s.write(message));
        s.on('data', (d) => {
          chunks.push(d);
          if (d.toString('latin1').endsWith('\r\n0\r\n\r\n')) s.end();
        });
        s.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        s.on('error', reject);
      });
    await collectGarbage();
    const probe = await whileProbing(t, transact());
    console.log(describeProbe(`ICAP REQMOD with a body of ${body.length} bytes`, probe));
    const answer = probe.result;
    expect(answer).toMatch(/^ICAP\/1.0 200 /);
    expect(answer).not.toContain('dana.whitfield@fabrikam-mail.com');
    expect(answer).toMatch(/forward it to \[EMAIL_\d+\]\./);
    expect(inspected).toHaveBeenCalledTimes(1);
    expect(probe.stalled).toBeLessThan(MAX_STALL_MS);
  });
});
