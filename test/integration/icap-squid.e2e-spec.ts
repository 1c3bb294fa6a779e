/**
 * The ICAP service behind Debian's Squid (ssl_bump with a test CA made here, the configuration read
 * from docs/integrations/proxy-icap.md) in front of a local HTTPS stand-in for chat.deepseek.com and
 * chatgpt.com: curl through the proxy; a clean prompt passes byte for byte, a card number arrives
 * masked, ChatGPT gets the block page, an upload of a file with an IBAN is blocked, a body past the
 * limit is refused; Squid's own ICAP client with preview, 204 and keep-alive; Squid with proxy
 * authentication sends the user, whose groups decide; Chromium through the proxy. Then c-icap-client and
 * raw sockets against the listener: OPTIONS and the ISTag after a publish, the subject and zone from
 * the proxy's headers, malformed ICAP.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { IcapListener } from '../../apps/api/src/modules/icap/icap.listener';
import { cIcapClient, curl, makeCertificates, type Squid, squidSnippet, startSquid, startStandIn, tempDir } from '../support/squid';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

const CARD = '4539 1488 0343 6467';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const ANA = 'ana.contractor@airlock.test';
const MAX_BODY = 64 * 1024;

describe('ICAP service with Squid', () => {
  let t: TestApp;
  let owner: Session;
  let key: string;
  let icapPort: number;
  let squid: Squid;
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let dir: string;
  let caPem: string;
  const deepseek = () => `https://chat.deepseek.com:${standIn.port}`;
  const chatgpt = () => `https://chatgpt.com:${standIn.port}`;
  const metric = async (name: string) => {
    const text = await (await t.request('/metrics')).text();
    return [...text.matchAll(new RegExp(`^${name.replace(/[{}"]/g, (c) => `\\${c}`)} (\\d+)`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  };

  beforeAll(async () => {
    dir = tempDir('airlock-icap-');
    const certs = makeCertificates(dir, ['chat.deepseek.com', 'chatgpt.com', 'intranet.example.com']);
    caPem = certs.caPem;
    standIn = await startStandIn(certs.cert, certs.key);
    t = await startTestApp({ AIRLOCK_ICAP_PORT: '0', AIRLOCK_ICAP_MAX_BODY_BYTES: String(MAX_BODY), AIRLOCK_ICAP_USER_DOMAIN: 'airlock.test' });
    icapPort = (await t.app.get(IcapListener).start())!;
    owner = await t.login();
    const rule = (json: Record<string, unknown>) => owner.json('/api/rules', { method: 'POST', json });
    await rule({ ruleId: 'icap-mask-financial', priority: 1, conditions: { dataClasses: ['financial'], actions: ['prompt'] }, effect: 'redact', message: 'Card and account numbers are masked before they reach an AI service.' });
    await rule({ ruleId: 'icap-no-financial-files', priority: 2, conditions: { dataClasses: ['financial'], actions: ['upload'] }, effect: 'block', message: 'Files with bank or card numbers may not be uploaded to AI services.' });
    await rule({ ruleId: 'icap-no-chatgpt', priority: 3, conditions: { providers: ['openai-chatgpt'] }, effect: 'block', message: 'ChatGPT is not approved here: use DeepSeek.' });
    await rule({ ruleId: 'icap-contractors-no-deepseek', priority: 4, conditions: { providers: ['deepseek'], groups: ['contractors'], actions: ['prompt'] }, effect: 'block', message: 'Contractors may not send prompts to DeepSeek.' });
    await rule({ ruleId: 'icap-no-keys-back', priority: 6, conditions: { dataClasses: ['credentials'], actions: ['response'] }, effect: 'block', message: 'A credential came back from the AI service; the answer was stopped.' });
    await rule({ ruleId: 'icap-not-from-guest-wifi', priority: 5, conditions: { providers: ['deepseek'], networkZones: ['guest-wifi'] }, effect: 'block', message: 'Not from the guest Wi-Fi.' });
    await owner.json('/api/zones', { method: 'POST', json: { name: 'guest-wifi', cidrs: ['10.66.0.0/16'] } });
    await owner.json('/api/groups', { method: 'POST', json: { name: 'contractors' } });
    await owner.json('/api/users', { method: 'POST', json: { email: ANA, name: 'Ana', role: 'employee', groups: ['contractors'] } });
    const providers = await owner.json('/api/providers?filter=' + encodeURIComponent(JSON.stringify({ q: 'deepseek' })));
    const ds = providers.find((p: any) => p.slug === 'deepseek');
    await owner.json(`/api/providers/${ds.id}`, { method: 'PUT', json: { status: 'approved' } });
    await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'icap test' } });
    key = (await owner.json('/api/api-clients', { method: 'POST', json: { name: 'squid', scopes: ['decide'] } })).key;
    // The page's snippet, with the listener's port and the proxy's key: nothing else changed.
    const icapConf = squidSnippet('squid-icap').replace('127.0.0.1:1344', `127.0.0.1:${icapPort}`).replace('ak_REPLACE_WITH_THE_PROXY_KEY', key);
    // Squid's own directory (handed to the proxy user when run as root), apart from the test's files.
    squid = await startSquid(fs.mkdtempSync(path.join(dir, 'squid-')), icapConf, { caPem: certs.caPem, caKey: certs.caKey, hosts: ['chat.deepseek.com', 'chatgpt.com', 'intranet.example.com'] });
  }, 120_000);

  afterAll(async () => {
    await squid?.stop();
    await standIn?.close();
    await t?.close();
    if (dir && !process.env.AIRLOCK_KEEP_TEST_DIRS) fs.rmSync(dir, { recursive: true, force: true });
  });

  const lastAtStandIn = () => standIn.requests[standIn.requests.length - 1];

  test('a clean prompt passes unchanged (byte for byte at the stand-in)', async () => {
    const body = JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Write a haiku about autumn.' }], stream: false });
    const before = standIn.requests.length;
    const r = await curl(squid.port, caPem, `${deepseek()}/api/v0/chat/completion`, ['-H', 'content-type: application/json', '--data-binary', body]);
    expect(r.status).toBe(200);
    expect(standIn.requests.length).toBe(before + 1);
    expect(lastAtStandIn()!.body.toString()).toBe(body);
    expect(lastAtStandIn()!.host).toBe(`chat.deepseek.com:${standIn.port}`);
  });

  test('a prompt with a card number arrives with the number masked, Content-Length fixed', async () => {
    const body = JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: `Is my card ${CARD} still valid?` }] });
    const r = await curl(squid.port, caPem, `${deepseek()}/api/v0/chat/completion`, ['-H', 'content-type: application/json', '--data-binary', body]);
    expect(r.status).toBe(200);
    const got = lastAtStandIn()!;
    const text = got.body.toString();
    expect(text).not.toContain(CARD);
    expect(JSON.parse(text).messages[0].content).toBe('Is my card [CARD_1] still valid?');
    expect(Number(got.headers['content-length'])).toBe(got.body.length);
  });

  test('form and plain-text bodies are masked too', async () => {
    await curl(squid.port, caPem, `${deepseek()}/form`, ['--data-urlencode', `q=pay with ${CARD}`]);
    expect(new URLSearchParams(lastAtStandIn()!.body.toString()).get('q')).toBe('pay with [CARD_1]');
    await curl(squid.port, caPem, `${deepseek()}/text`, ['-H', 'content-type: text/plain', '--data-binary', `card ${CARD}`]);
    expect(lastAtStandIn()!.body.toString()).toBe('card [CARD_1]');
  });

  test('a site outside the catalog is not decided: a login form with a credential passes unchanged', async () => {
    const body = 'user=ana&password=Tr0ub4dor%263-correct-horse&token=ghp_1234567890abcdefghijklmnopqrstuvwxyz';
    const r = await curl(squid.port, caPem, `https://intranet.example.com:${standIn.port}/login`, ['--data-binary', body]);
    expect(r.status).toBe(200);
    expect(lastAtStandIn()!.body.toString()).toBe(body);
  });

  test('a blocked service gets the block page: HTML for a browser, JSON for an API client', async () => {
    const before = standIn.requests.length;
    const page = await curl(squid.port, caPem, `${chatgpt()}/`, ['-H', 'accept: text/html,application/xhtml+xml,*/*;q=0.8']);
    expect(page.status).toBe(403);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.body).toContain('ChatGPT is not approved here: use DeepSeek.');
    expect(page.body).toContain('OpenAI ChatGPT');
    const api = await curl(squid.port, caPem, `${chatgpt()}/backend-api/conversation`, ['-H', 'accept: application/json', '-H', 'content-type: application/json', '--data-binary', '{"messages":[]}']);
    expect(api.status).toBe(403);
    const json = JSON.parse(api.body);
    expect(json.error.code).toBe('airlock_policy_block');
    expect(json.error.reasons[0]).toMatchObject({ ruleId: 'icap-no-chatgpt', message: 'ChatGPT is not approved here: use DeepSeek.' });
    expect(standIn.requests.length).toBe(before);
  });

  test('a multipart upload of a file with an IBAN is blocked; a clean file passes', async () => {
    const file = path.join(dir, 'accounts.txt');
    fs.writeFileSync(file, `Please pay the invoice to ${IBAN} by Friday.\n`);
    const before = standIn.requests.length;
    const r = await curl(squid.port, caPem, `${deepseek()}/api/v0/file/upload_file`, ['-H', 'accept: application/json', '-F', `file=@${file};type=text/plain`, '-F', 'purpose=chat']);
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.reasons.map((x: any) => x.ruleId)).toEqual(['icap-no-financial-files']);
    expect(standIn.requests.length).toBe(before);
    const clean = path.join(dir, 'notes.txt');
    fs.writeFileSync(clean, 'Meeting notes: ship on Tuesday.\n');
    const ok = await curl(squid.port, caPem, `${deepseek()}/api/v0/file/upload_file`, ['-F', `file=@${clean};type=text/plain`]);
    expect(ok.status).toBe(200);
    expect(lastAtStandIn()!.body.toString()).toContain('Meeting notes: ship on Tuesday.');
  });

  test('a body past AIRLOCK_ICAP_MAX_BODY_BYTES is refused (fail-closed) with a clear page', async () => {
    const before = standIn.requests.length;
    const big = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(MAX_BODY + 10) }] });
    const r = await curl(squid.port, caPem, `${deepseek()}/api/v0/chat/completion`, ['-H', 'accept: application/json', '-H', 'content-type: application/json', '--data-binary', big]);
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('airlock_body_too_large');
    expect(standIn.requests.length).toBe(before);
  });

  test("Squid's ICAP client: preview then 100 Continue for content, 204 for the rest, one connection for many transactions", async () => {
    const connections = await metric('airlock_icap_connections_total');
    const continues = await metric('airlock_icap_answers_total{status="100"}');
    const noContent = await metric('airlock_icap_answers_total{status="204"}');
    for (let i = 0; i < 5; i++) {
      const r = await curl(squid.port, caPem, `${deepseek()}/api/v0/chat/completion`, ['-H', 'content-type: application/json', '--data-binary', JSON.stringify({ messages: [{ role: 'user', content: `hello ${i}` }] })]);
      expect(r.status).toBe(200);
      expect((await curl(squid.port, caPem, `${deepseek()}/static/app-${i}.js`)).status).toBe(200);
    }
    // Squid keeps its ICAP connections open: 10 requests (and their CONNECTs) on at most a couple.
    expect((await metric('airlock_icap_connections_total')) - connections).toBeLessThanOrEqual(2);
    expect((await metric('airlock_icap_answers_total{status="100"}')) - continues).toBeGreaterThanOrEqual(5);
    expect((await metric('airlock_icap_answers_total{status="204"}')) - noContent).toBeGreaterThanOrEqual(10);
    // The decision log has the AI service's decisions, never the prompt.
    const access = fs.readFileSync(path.join(squid.dir, 'access.log'), 'utf8');
    expect(access).toContain('chat.deepseek.com');
  });

  test("with proxy authentication, Squid's X-Authenticated-User names the person: her groups decide", async () => {
    // A second Squid that asks for a password (basic_ncsa_auth); `ana.contractor` + AIRLOCK_ICAP_USER_DOMAIN is Ana.
    const authDir = fs.mkdtempSync(path.join(dir, 'squid-auth-'));
    const hash = execFileSync('openssl', ['passwd', '-apr1', 'proxy-pass-1']).toString().trim();
    fs.writeFileSync(path.join(authDir, 'passwd'), `ana.contractor:${hash}\nbob:${hash}\n`);
    const icapConf = squidSnippet('squid-icap').replace('127.0.0.1:1344', `127.0.0.1:${icapPort}`).replace('ak_REPLACE_WITH_THE_PROXY_KEY', key);
    const authed = await startSquid(authDir, icapConf, {
      caPem,
      caKey: path.join(dir, 'ca.key'),
      hosts: ['chat.deepseek.com'],
      access: [`auth_param basic program /usr/lib/squid/basic_ncsa_auth ${authDir}/passwd`, 'auth_param basic realm airlock-test', 'acl authed proxy_auth REQUIRED', 'http_access deny !authed'],
    });
    try {
      const body = JSON.stringify({ messages: [{ role: 'user', content: 'Plan the sprint.' }] });
      const send = (user: string) => curl(authed.port, caPem, `${deepseek()}/api/v0/chat/completion`, ['-U', `${user}:proxy-pass-1`, '-H', 'accept: application/json', '-H', 'content-type: application/json', '--data-binary', body]);
      const ana = await send('ana.contractor');
      expect(ana.status).toBe(403);
      expect(JSON.parse(ana.body).error.reasons.map((r: any) => r.ruleId)).toEqual(['icap-contractors-no-deepseek']);
      expect((await send('bob')).status).toBe(200);
      // Without a password the CONNECT is refused (407), so curl gets no HTTP answer at all.
      expect((await curl(authed.port, caPem, `${deepseek()}/`, [])).status).not.toBe(200);
    } finally {
      await authed.stop();
    }
  });

  test("Chromium through the proxy: ChatGPT's page is the block page; a prompt sent from DeepSeek's page arrives masked", async () => {
    const browser = await chromium.launch({
      executablePath: process.env.AIRLOCK_CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--proxy-server=http://127.0.0.1:${squid.port}`, '--proxy-bypass-list=<-loopback>', '--ignore-certificate-errors'],
    });
    try {
      const page = await browser.newPage();
      const blocked = await page.goto(`${chatgpt()}/c/new`);
      expect(blocked?.status()).toBe(403);
      expect(await page.textContent('h1')).toBe('Airlock blocked this page');
      expect(await page.textContent('body')).toContain('ChatGPT is not approved here: use DeepSeek.');
      const home = await page.goto(`${deepseek()}/`);
      expect(home?.status()).toBe(200);
      const before = standIn.requests.length;
      const status = await page.evaluate(async (card) => {
        const res = await fetch('/api/v0/chat/completion', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: `my card is ${card}` }] }) });
        return res.status;
      }, CARD);
      expect(status).toBe(200);
      // Chromium fetches /favicon.ico on its own, possibly after the POST: the prompt is the POST to the chat route.
      const sent = standIn.requests.slice(before).find((r) => r.method === 'POST' && r.url === '/api/v0/chat/completion');
      expect(JSON.parse(sent!.body.toString()).messages[0].content).toBe('my card is [CARD_1]');
    } finally {
      await browser.close();
    }
  }, 60_000);

  describe('c-icap-client and raw ICAP against the listener', () => {
    const service = () => `reqmod?key=${key}`;
    const raw = (bytes: string): Promise<string> =>
      new Promise((resolve) => {
        const s = net.connect(icapPort, '127.0.0.1', () => s.write(bytes));
        let got = '';
        s.on('data', (d) => (got += d.toString('latin1')));
        s.on('close', () => resolve(got));
        s.on('error', () => resolve(got));
        setTimeout(() => s.destroy(), 3000);
      });


    test('OPTIONS: methods, preview, 204; ISTag changes when a new policy version is published', async () => {
      const before = await cIcapClient(['-i', '127.0.0.1', '-p', String(icapPort), '-s', service()]);
      expect(before).toMatch(/Methods: REQMOD/);
      expect(before).toMatch(/Preview: 0/);
      expect(before).toMatch(/Allow: 204/);
      const tag = /ISTag: ("[^"]+")/.exec(before)![1];
      await owner.json('/api/rules', { method: 'POST', json: { ruleId: 'icap-extra', priority: 9, conditions: { providers: ['mistral-le-chat'] }, effect: 'warn', message: 'Mind what you send.' } });
      await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'istag' } });
      const after = await cIcapClient(['-i', '127.0.0.1', '-p', String(icapPort), '-s', service()]);
      expect(/ISTag: ("[^"]+")/.exec(after)![1]).not.toBe(tag);
    });

    test('REQMOD with a file: redacted body in the answer; the subject from X-Authenticated-User gets its groups', async () => {
      const input = path.join(dir, 'prompt.json');
      const output = path.join(dir, 'out.json');
      fs.writeFileSync(input, JSON.stringify({ messages: [{ role: 'user', content: `card ${CARD}` }] }));
      const args = ['-i', '127.0.0.1', '-p', String(icapPort), '-s', service(), '-req', 'https://chat.deepseek.com/api/v0/chat/completion', '-method', 'POST', '-hx', 'Content-Type: application/json', '-f', input, '-o', output, '-v'];
      // c-icap-client will not overwrite its output file.
      const run = (extra: string[]) => {
        fs.rmSync(output, { force: true });
        return cIcapClient([...args, ...extra]);
      };
      const redacted = await run([]);
      expect(redacted).toMatch(/ICAP\/1.0 200 OK/);
      expect(fs.readFileSync(output, 'utf8')).toContain('card [CARD_1]');
      const blocked = await run(['-x', `X-Authenticated-User: ${ANA}`]);
      expect(blocked).toMatch(/403 Forbidden/);
      expect(fs.readFileSync(output, 'utf8')).toContain('Contractors may not send prompts to DeepSeek.');
      await run(['-x', 'X-Authenticated-User: WinNT://AIRLOCK/someone.else']);
      expect(fs.readFileSync(output, 'utf8')).toContain('[CARD_1]');
    });

    test('RESPMOD: an answer carrying a credential is replaced by the block page; a clean one is 204', async () => {
      const input = path.join(dir, 'answer.txt');
      const output = path.join(dir, 'answer.out');
      const respmod = (text: string) => {
        fs.writeFileSync(input, text);
        fs.rmSync(output, { force: true });
        return cIcapClient(['-i', '127.0.0.1', '-p', String(icapPort), '-s', `respmod?key=${key}`, '-resp', 'https://chat.deepseek.com/api/v0/chat/completion', '-rhx', 'Content-Type: text/plain', '-f', input, '-o', output, '-v']);
      };
      const blocked = await respmod('Sure: the deploy key is AKIAZ3MHQ7TNVX5KQ2PB.');
      expect(blocked).toMatch(/HTTP\/1.1 403 Forbidden/);
      expect(fs.readFileSync(output, 'utf8')).toContain('A credential came back from the AI service');
      expect(await respmod('Here is a haiku about autumn.')).toMatch(/ICAP\/1.0 204/);
      // The REQMOD service refuses RESPMOD.
      const wrong = await raw(`RESPMOD icap://127.0.0.1/reqmod?key=${key} ICAP/1.0\r\nEncapsulated: null-body=0\r\n\r\n`);
      expect(wrong).toMatch(/^ICAP\/1.0 (400|405)/);
    });

    test('the zone from X-Client-IP', async () => {
      const output = path.join(dir, 'zone.out');
      const input = path.join(dir, 'hello.txt');
      fs.writeFileSync(input, 'hello');
      const args = ['-i', '127.0.0.1', '-p', String(icapPort), '-s', service(), '-req', 'https://chat.deepseek.com/x', '-method', 'POST', '-hx', 'Accept: application/json', '-f', input, '-o', output, '-v'];
      const run = (extra: string[]) => {
        fs.rmSync(output, { force: true });
        return cIcapClient([...args, ...extra]);
      };
      const fromGuest = await run(['-x', 'X-Client-IP: 10.66.1.2']);
      expect(fromGuest).toMatch(/403 Forbidden/);
      expect(fs.readFileSync(output, 'utf8')).toContain('Not from the guest Wi-Fi.');
      // The seeded corporate zone (10.0.0.0/8) keeps DeepSeek (data in China) out; elsewhere it is allowed.
      const fromOffice = await run(['-x', 'X-Client-IP: 10.1.1.1']);
      expect(fromOffice).toMatch(/403 Forbidden/);
      expect(fs.readFileSync(output, 'utf8')).toContain('no-restricted-jurisdiction-on-corporate');
      const fromHome = await run(['-x', 'X-Client-IP: 203.0.113.5']);
      expect(fromHome).toMatch(/ICAP\/1.0 204/);
    });

    test('no key, a wrong key, a key without the decide scope: ICAP 403 (OPTIONS without a key is answered)', async () => {
      const gatewayKey = (await owner.json('/api/api-clients', { method: 'POST', json: { name: 'gw', scopes: ['gateway'] } })).key;
      const http = 'POST https://chat.deepseek.com/x HTTP/1.1\r\nHost: chat.deepseek.com\r\n\r\n';
      for (const [uri, header] of [
        ['reqmod', ''],
        ['reqmod?key=ak_wrong_key_0000000000000000000000', ''],
        [`reqmod?key=${gatewayKey}`, ''],
        ['reqmod', `X-Airlock-Key: ${gatewayKey}\r\n`],
      ]) {
        const answer = await raw(`REQMOD icap://127.0.0.1/${uri} ICAP/1.0\r\nHost: x\r\n${header}Encapsulated: req-hdr=0, req-body=${http.length}\r\n\r\n${http}5\r\nhello\r\n0\r\n\r\n`);
        expect(answer).toMatch(/^ICAP\/1.0 403 /);
        expect(answer).toMatch(/X-Airlock-Error: (The API key is unknown|The API key lacks|Send an Airlock API key)/);
      }
      expect(await cIcapClient(['-i', '127.0.0.1', '-p', String(icapPort), '-s', 'reqmod'])).toMatch(/Methods: REQMOD/);
      expect(await raw(`OPTIONS icap://127.0.0.1/reqmod?key=${gatewayKey} ICAP/1.0\r\n\r\n`)).toMatch(/^ICAP\/1.0 403 /);
    });

    test.each([
      ['not ICAP', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', /^ICAP\/1.0 400/],
      ['no Encapsulated', 'REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: x\r\n\r\n', /^ICAP\/1.0 400/],
      ['offsets past the heads', 'REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nEncapsulated: req-hdr=0, req-body=20\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n', /^ICAP\/1.0 400/],
      ['bad chunk size', 'REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nEncapsulated: req-hdr=0, req-body=35\r\n\r\nPOST http://a/ HTTP/1.1\r\nHost: a\r\n\r\nZZZ\r\n', /^ICAP\/1.0 (400|403)/],
      ['unknown service', 'OPTIONS icap://127.0.0.1/nothing ICAP/1.0\r\n\r\n', /^ICAP\/1.0 404/],
      ['unknown method', 'DELETE icap://127.0.0.1/reqmod ICAP/1.0\r\n\r\n', /^ICAP\/1.0 501/],
    ])('malformed ICAP (%s) gets an ICAP error, and the listener goes on', async (_n, bytes, status) => {
      expect(await raw(bytes)).toMatch(status);
      const ok = await cIcapClient(['-i', '127.0.0.1', '-p', String(icapPort), '-s', service()]);
      expect(ok).toMatch(/Methods: REQMOD/);
    });
  });
});
