import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { OPAClient } from '@styra/opa';
import { chromium } from 'playwright-core';
import { fencedBlocks } from '../support/markdown-blocks';
import { freePort, waitFor } from '../support/processes';
import { createUser } from '../support/security';
import { startTestApp, type Session, type TestApp } from '../support/test-app';

/**
 * Enforcement on the network (issue 15, without ICAP), against the real programs where Debian has
 * them: nginx auth_request in front of a stand-in, Unbound loading the RPZ export (NXDOMAIN and
 * ?address=) and including the local-zone export, dnsmasq loading the dnsmasq and hosts exports,
 * Squid loading the dstdomain export, Chromium with the PAC export; the adblock export checked
 * strictly against the Adblock Plus filter syntax (no Debian program loads it); Envoy's ext_authz contract by replaying the check
 * requests Envoy sends (Envoy is not in Debian); OPA clients with the official @styra/opa client.
 * The nginx, Unbound, dnsmasq (hosts) and Squid configurations are read from docs/integrations/, so the documented
 * configuration is the one that runs.
 */
const ROOT = path.resolve(__dirname, '../..');
const NGINX = '/usr/sbin/nginx';
const UNBOUND = '/usr/sbin/unbound';
const SQUID = '/usr/sbin/squid';
const DNSMASQ = '/usr/sbin/dnsmasq';
const CHROMIUM = '/usr/bin/chromium';

function docBlock(file: string, lang: string, containing = ''): string {
  const blocks = fencedBlocks(ROOT, file).filter((b) => b.lang === lang && b.body.includes(containing));
  if (blocks.length !== 1) throw new Error(`${file}: expected one \`\`\`${lang} block${containing ? ` containing ${JSON.stringify(containing)}` : ''}, found ${blocks.length}`);
  return blocks[0]!.body;
}

/** Replaces each documented placeholder, failing when one is missing (the docs and the test must not drift). */
function substitute(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`the documented configuration no longer contains ${JSON.stringify(from)}`);
    out = out.split(from).join(to);
  }
  return out;
}

interface Response1 {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with any Host header (fetch cannot set Host). */
function rawRequest(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; proxyTarget?: boolean }): Promise<Response1> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('timed out')));
    req.end(opts.body);
  });
}

function startProgram(cmd: string, args: string[], name: string): { child: ChildProcess; output: () => string } {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  child.on('error', (e) => (out += `${name}: ${e.message}`));
  return { child, output: () => out };
}

async function stopProgram(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

describe('enforcement on the network', () => {
  let t: TestApp;
  let owner: Session;
  let key: string;
  let assertingKey: string;
  let blockPort: number;
  let dir: string;
  let standIn: http.Server;
  let standInPort: number;
  const standInHosts: string[] = [];
  const auth = () => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    blockPort = await freePort();
    t = await startTestApp({ AIRLOCK_BLOCK_PAGE_PORT: String(blockPort), AIRLOCK_BLOCK_PAGE_PROXY: `127.0.0.1:${blockPort}`, AIRLOCK_TRUST_PROXY: '127.0.0.1' });
    owner = await t.login();
    const providers = await owner.json<any[]>('/api/providers?range=[0,199]');
    const id = (slug: string) => providers.find((p) => p.slug === slug).id as string;
    await owner.json(`/api/providers/${id('deepseek')}`, { method: 'PUT', json: { status: 'blocked' } });
    await owner.json(`/api/providers/${id('openai-chatgpt')}`, { method: 'PUT', json: { status: 'approved' } });
    await owner.json(`/api/providers/${id('mistral-le-chat')}`, { method: 'PUT', json: { status: 'under_review' } });
    // A zone whose people may not use ChatGPT: the client's address decides (trust-proxy rules).
    await owner.json('/api/zones', { method: 'POST', json: { name: 'lab', cidrs: ['198.51.100.0/24'] } });
    await owner.json('/api/rules', {
      method: 'POST',
      json: { ruleId: 'lab-no-chatgpt', priority: 5, effect: 'block', message: 'The lab network may not use ChatGPT – ask the lab lead.', conditions: { providers: ['openai-chatgpt'], networkZones: ['lab'] } },
    });
    await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'network enforcement test' } });
    key = (await owner.json<any>('/api/api-clients', { method: 'POST', json: { name: 'network devices', scopes: ['network'] } })).key;
    assertingKey = (await owner.json<any>('/api/api-clients', { method: 'POST', json: { name: 'nginx asserting addresses', scopes: ['network'], mayAssertIp: true } })).key;
    dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-network-'));
    chmodSync(dir, 0o755);
    standIn = http.createServer((req, res) => {
      standInHosts.push(String(req.headers.host));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>stand-in</title><h1>Stand-in for ${String(req.headers.host).replace(/[<>&]/g, '')}</h1>`);
    });
    await new Promise<void>((r) => standIn.listen(0, '127.0.0.1', () => r()));
    standInPort = (standIn.address() as { port: number }).port;
    // The published policy reaches the runtime (NOTIFY): wait until the blocked service decides as blocked.
    await waitFor('the published policy', async () => (await authz({ 'x-original-url': 'https://chat.deepseek.com/' })).status === 403, 10_000);
  });

  afterAll(async () => {
    await new Promise<void>((r) => (standIn ? standIn.close(() => r()) : r()));
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const authz = (headers: Record<string, string>, k = key) => t.request('/v1/authz', { headers: { authorization: `Bearer ${k}`, ...headers } });

  describe('GET|POST /v1/authz (nginx auth_request)', () => {
    test('204 for an approved service, 403 with the decision in headers for a blocked one', async () => {
      const ok = await authz({ 'x-original-url': 'https://chatgpt.com/c/1', 'x-original-method': 'POST' });
      expect(ok.status).toBe(204);
      expect(ok.headers.get('x-airlock-effect')).toBe('allow');
      expect(ok.headers.get('x-airlock-decision-id')).toMatch(/^[0-9a-f-]{36}$/);
      const blocked = await t.request('/v1/authz', { method: 'POST', headers: { ...auth(), 'x-original-uri': '/chat?x=1', 'x-original-host': 'chat.deepseek.com', 'x-original-proto': 'https' } });
      expect(blocked.status).toBe(403);
      expect(blocked.headers.get('x-airlock-effect')).toBe('block');
      expect(blocked.headers.get('x-airlock-rules')).toContain('blocked-providers');
      expect(blocked.headers.get('x-airlock-service')).toBe('deepseek');
      expect(blocked.headers.get('x-airlock-reason')).toBeTruthy();
      const body = (await blocked.json()) as any;
      expect(body.error.code).toBe('forbidden');
      expect(body.error.details.reasons.map((r: any) => r.ruleId)).toContain('blocked-providers');
    });

    test('the client address: X-Forwarded-For from a trusted proxy; X-Real-IP only from a key that may assert addresses', async () => {
      const chatgpt = { 'x-original-url': 'https://chatgpt.com/' };
      expect((await authz({ ...chatgpt, 'x-forwarded-for': '198.51.100.7' })).status).toBe(403);
      const viaRealIp = await authz({ ...chatgpt, 'x-real-ip': '198.51.100.7' });
      expect(viaRealIp.status).toBe(204);
      const asserted = await authz({ ...chatgpt, 'x-real-ip': '198.51.100.7' }, assertingKey);
      expect(asserted.status).toBe(403);
      // Non-ASCII in the rule's message travels percent-encoded.
      expect(asserted.headers.get('x-airlock-reason')).toBe('The lab network may not use ChatGPT %E2%80%93 ask the lab lead.');
      expect((await authz({ ...chatgpt, 'x-real-ip': 'not-an-address' }, assertingKey)).status).toBe(400);
    });

    test('bad input is a 400 that says what to send; keys are checked', async () => {
      const none = await authz({});
      expect(none.status).toBe(400);
      expect(((await none.json()) as any).error.message).toMatch(/X-Original-URL/);
      expect((await authz({ 'x-original-url': 'javascript:alert(1)' })).status).toBe(400);
      expect((await authz({ 'x-original-url': 'https://chatgpt.com/', 'x-airlock-user': 'not an email@' })).status).toBe(400);
      expect((await t.request('/v1/authz', { headers: { 'x-original-url': 'https://chatgpt.com/' } })).status).toBe(401);
      const gateway = (await owner.json<any>('/api/api-clients', { method: 'POST', json: { name: 'gateway only', scopes: ['gateway'] } })).key;
      expect((await authz({ 'x-original-url': 'https://chatgpt.com/' }, gateway)).status).toBe(403);
    });

    test('the explanation page shows the rules of the organization policy, escaped', async () => {
      const res = await t.request('/v1/authz/blocked', {
        headers: { ...auth(), accept: 'text/html', 'x-airlock-rules': 'blocked-providers,no-such-rule', 'x-original-url': 'https://chat.deepseek.com/<x>', 'x-airlock-decision-id': '<script>' },
      });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('DeepSeek');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('no-such-rule');
    });
  });

  (existsSync(NGINX) ? describe : describe.skip)("Debian's nginx with the documented configuration", () => {
    let nginx: ReturnType<typeof startProgram> | undefined;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      const snippet = substitute(docBlock('docs/integrations/nginx.md', 'nginx'), [
        ['airlock.internal:3000', new URL(t.url).host],
        ['backend.internal:8080', `127.0.0.1:${standInPort}`],
        ['listen 8080;', `listen 127.0.0.1:${port};`],
        ['ak_REPLACE_WITH_NETWORK_KEY', key],
      ]);
      writeFileSync(path.join(dir, 'airlock.conf'), snippet);
      writeFileSync(
        path.join(dir, 'nginx.conf'),
        `worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
daemon off;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/airlock.conf;
}
`,
      );
      nginx = startProgram(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], 'nginx');
      await waitFor('nginx', async () => (await rawRequest(port, { path: '/', headers: { host: 'chatgpt.com' } })).status > 0, 10_000).catch((e) => {
        throw new Error(`${(e as Error).message}: ${nginx!.output()}`);
      });
    });
    afterAll(async () => stopProgram(nginx?.child));

    test('an approved service reaches the stand-in; a blocked one gets 403 and the explanation page, never the stand-in', async () => {
      standInHosts.length = 0;
      const ok = await rawRequest(port, { path: '/c/123', headers: { host: 'chatgpt.com' } });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('Stand-in for chatgpt.com');
      const blocked = await rawRequest(port, { method: 'POST', path: '/api/chat', headers: { host: 'chat.deepseek.com', 'content-type': 'application/json' }, body: '{"prompt":"hello"}' });
      expect(blocked.status).toBe(403);
      expect(blocked.body).toContain('DeepSeek');
      expect(blocked.body).toContain('is blocked');
      expect(blocked.headers['x-airlock-decision-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(blocked.body).toContain(String(blocked.headers['x-airlock-decision-id']));
      expect(standInHosts).toEqual(['chatgpt.com']);
    });

    test("a client's own X-Airlock-Key, X-Forwarded-For, X-Real-IP or X-Airlock-User change nothing", async () => {
      const spoofed = { 'x-airlock-key': 'ak_chosen_by_the_client', authorization: 'Bearer ak_chosen_by_the_client', 'x-forwarded-for': '198.51.100.7', 'x-real-ip': '198.51.100.7', 'x-airlock-user': 'someone-else@example.com' };
      // Decided with nginx's key, as from 127.0.0.1 (not the lab zone): allowed.
      const ok = await rawRequest(port, { path: '/', headers: { host: 'chatgpt.com', ...spoofed } });
      expect(ok.status).toBe(200);
      const blocked = await rawRequest(port, { path: '/', headers: { host: 'chat.deepseek.com', ...spoofed } });
      expect(blocked.status).toBe(403);
    });
  });

  describe('Envoy ext_authz (HTTP service): the check requests Envoy sends, replayed', () => {
    // As Envoy builds them: the original method, path_prefix + the original path, the original
    // Host, Content-Length: 0, the user's own Authorization, headers_to_add, the allowed headers.
    const check = (method: string, host: string, originalPath: string, extra: Record<string, string> = {}): Promise<Response1> =>
      rawRequest(new URL(t.url).port as unknown as number, {
        method,
        path: `/v1/authz/envoy${originalPath}`,
        headers: {
          host,
          'content-length': '0',
          authorization: 'Bearer sk-the-users-own-openai-key',
          'x-airlock-key': key,
          'x-forwarded-proto': 'https',
          'x-forwarded-for': '203.0.113.10',
          'x-envoy-expected-rq-timeout-ms': '500',
          'x-request-id': 'e6a5f0b4-2d0c-4f1e-9a57-0c8d5a0e8c11',
          ...extra,
        },
      });

    test('200 lets an approved service through, with the decision for the upstream', async () => {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']) {
        const res = await check(method, 'chatgpt.com', '/backend-api/conversation?model=x');
        expect([method, res.status]).toEqual([method, 200]);
        expect(res.headers['x-airlock-effect']).toBe('allow');
      }
    });

    test('a block is 403 with the headers and body Envoy passes to the client: JSON for API clients, the page for browsers', async () => {
      const api = await check('POST', 'chat.deepseek.com', '/api/v0/chat/completion', { accept: 'application/json' });
      expect(api.status).toBe(403);
      expect(api.headers['x-airlock-rules']).toContain('blocked-providers');
      expect(JSON.parse(api.body).error.details.provider.slug).toBe('deepseek');
      const browser = await check('GET', 'chat.deepseek.com', '/', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
      expect(browser.status).toBe(403);
      expect(browser.headers['content-type']).toMatch(/^text\/html/);
      expect(browser.body).toContain('DeepSeek');
      // The zone from x-forwarded-for (Airlock trusts 127.0.0.1, where the check request comes from).
      expect((await check('GET', 'chatgpt.com', '/', { 'x-forwarded-for': '198.51.100.9' })).status).toBe(403);
    });

    test('a check request with a body (with_request_body) of any type is read and dropped', async () => {
      const res = await rawRequest(new URL(t.url).port as unknown as number, {
        method: 'POST',
        path: '/v1/authz/envoy/upload',
        headers: { host: 'chatgpt.com', 'x-airlock-key': key, 'content-type': 'multipart/form-data; boundary=x', 'x-envoy-auth-partial-body': 'false' },
        body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
      });
      expect(res.status).toBe(200);
    });

    test("no key, or a wrong key in X-Airlock-Key (the user's own Authorization is not Airlock's): 401", async () => {
      expect((await check('GET', 'chatgpt.com', '/', { 'x-airlock-key': 'ak_wrong' })).status).toBe(401);
      const noKey = await rawRequest(new URL(t.url).port as unknown as number, { path: '/v1/authz/envoy/', headers: { host: 'chatgpt.com', authorization: 'Bearer sk-users-key' } });
      expect(noKey.status).toBe(401);
    });
  });

  describe('the OPA-compatible Data API with the official @styra/opa client', () => {
    const client = () => new OPAClient(t.url, { headers: { Authorization: `Bearer ${key}` } });

    test('evaluate("airlock/decision") answers the decision; evaluate("airlock/allow") a boolean', async () => {
      const opa = client();
      const decision = await opa.evaluate<object, any>('airlock/decision', { action: 'prompt', destination: { url: 'https://chat.deepseek.com/' }, content: { text: 'Summarise the quarterly numbers' } });
      expect(decision.effect).toBe('block');
      expect(decision.provider.slug).toBe('deepseek');
      expect(await opa.evaluate<object, boolean>('airlock/allow', { action: 'access', destination: { provider: 'openai-chatgpt' } })).toBe(true);
      expect(await opa.evaluate<object, boolean>('airlock/allow', { action: 'access', destination: { url: 'https://chat.deepseek.com/' } })).toBe(false);
      // The content is inspected as on POST /v1/decisions (and never stored).
      const secret = await opa.evaluate<object, any>('airlock/decision', { action: 'prompt', destination: { provider: 'openai-chatgpt' }, content: { text: 'deploy with AKIAZ3MHQ7TNVX5KQ2PB please' } });
      expect(secret.effect).toBe('block');
      expect(secret.findings.map((f: any) => f.dataClass)).toContain('credentials');
    });

    test('a bad input is rejected by the client with OPA’s error', async () => {
      await expect(client().evaluate('airlock/decision', { action: 'fly', destination: {} })).rejects.toThrow();
      const raw = await t.request('/v1/data/airlock/decision', { method: 'POST', headers: auth(), json: { input: { action: 'fly' } } });
      expect(raw.status).toBe(400);
      const body = (await raw.json()) as any;
      expect(body.code).toBe('invalid_parameter');
      expect(body.errors.length).toBeGreaterThan(0);
      const unauthorized = await t.request('/v1/data/airlock/allow', { method: 'POST', json: { input: {} } });
      expect(unauthorized.status).toBe(401);
      expect(((await unauthorized.json()) as any).code).toBe('unauthorized');
      const broken = await t.request('/v1/data/airlock/allow', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"input":' });
      expect(broken.status).toBe(400);
      expect(((await broken.json()) as any).code).toBe('invalid_parameter');
      const misspelt = await t.request('/v1/data/airlock/allow', { method: 'POST', headers: auth(), json: { inptu: {} } });
      expect(misspelt.status).toBe(400);
    });

    test('GET with ?input=, a missing input, an undefined document: as OPA answers', async () => {
      const input = encodeURIComponent(JSON.stringify({ action: 'access', destination: { host: 'chat.deepseek.com' } }));
      const got = await t.request(`/v1/data/airlock/allow?input=${input}`, { headers: auth() });
      expect(((await got.json()) as any).result).toBe(false);
      const missing = (await (await t.request('/v1/data/airlock/decision', { method: 'POST', headers: auth(), json: {} })).json()) as any;
      expect(missing).toEqual({ warning: { code: 'api_usage_warning', message: "'input' key missing from the request" } });
      expect(await (await t.request('/v1/data/something/else', { method: 'POST', headers: auth(), json: { input: {} } })).json()).toEqual({});
    });
  });

  describe('GET /v1/exports/{format}', () => {
    const get = (format: string, query = '', headers: Record<string, string> = {}) => t.request(`/v1/exports/${format}${query}`, { headers: { ...auth(), ...headers } });

    test('every format, with an ETag and 304; unapproved services by option', async () => {
      for (const format of ['rpz', 'hosts', 'dnsmasq', 'unbound', 'squid-acl', 'pac', 'adblock']) {
        const res = await get(format);
        expect([format, res.status]).toEqual([format, 200]);
        const text = await res.text();
        expect(text).toContain('deepseek.com');
        expect(text).not.toContain('chatgpt.com');
        const etag = res.headers.get('etag')!;
        expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
        const again = await get(format, '', { 'if-none-match': etag });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
      }
      const rpz = await (await get('rpz')).text();
      expect(rpz).not.toContain('mistral.ai');
      expect(await (await get('rpz', '?include=unapproved')).text()).toContain('mistral.ai');
    });

    test('kept current: a Block now changes the list and its ETag', async () => {
      const before = await get('squid-acl');
      const etag = before.headers.get('etag')!;
      expect(await before.text()).not.toContain('perplexity.ai');
      const providers = await owner.json<any[]>('/api/providers?range=[0,199]');
      await owner.json(`/api/providers/${providers.find((p) => p.slug === 'perplexity').id}/block`, { method: 'POST', json: { reason: 'network export test' } });
      const after = await waitFor('the new version in the export', async () => {
        const res = await get('squid-acl', '', { 'if-none-match': etag });
        return res.status === 200 ? res : undefined;
      }, 10_000);
      expect(await after.text()).toContain('.perplexity.ai');
    });

    test('bad input: a 4xx naming the problem', async () => {
      expect((await get('bind')).status).toBe(404);
      expect((await get('rpz', '?include=everything')).status).toBe(400);
      expect((await get('rpz', '?address=999.1.1.1')).status).toBe(400);
      expect((await get('rpz', '?zone=nowhere')).status).toBe(400);
      expect((await get('rpz', '?color=red')).status).toBe(400);
      expect((await get('pac', '?proxy=not a proxy')).status).toBe(400);
      expect((await get('rpz', '?include=a&include=b')).status).toBe(400);
      expect((await get('rpz', '?zone=lab')).status).toBe(200);
      expect(await (await get('rpz', '?zone=lab')).text()).toContain('chatgpt.com');
      expect((await t.request('/v1/exports/rpz')).status).toBe(401);
    });
  });

  test("every answer comes from the key's own organization", async () => {
    const b = await t.prisma.organization.create({ data: { name: 'Network tenant B', slug: 'network-tenant-b' } });
    await createUser(t, { organizationId: b.id, email: 'owner@network-b.test', role: 'owner', password: 'network tenant b owner password' });
    await t.prisma.provider.create({
      data: { organizationId: b.id, slug: 'b-secret-ai', name: 'B Secret AI', domains: ['secret-ai.tenant-b.test', '*.secret-ai.tenant-b.test'], channels: ['web'], trainsOnInputs: 'no', status: 'blocked', hqCountry: 'DE', dataCountries: ['DE'] },
    });
    const ownerB = await t.login('owner@network-b.test', 'network tenant b owner password');
    await ownerB.json('/api/rules', { method: 'POST', json: { ruleId: 'b-blocked', priority: 1, effect: 'block', message: 'Blocked in B.', conditions: { providerStatus: ['blocked'] } } });
    await ownerB.json('/api/policy/publish', { method: 'POST', json: { note: 'tenant B' } });
    const keyB = (await ownerB.json<any>('/api/api-clients', { method: 'POST', json: { name: 'B network', scopes: ['network'] } })).key;
    const rpzB = await waitFor('B policy', async () => {
      const res = await t.request('/v1/exports/rpz', { headers: { authorization: `Bearer ${keyB}` } });
      return res.status === 200 ? res.text() : undefined;
    });
    expect(rpzB).toContain('*.secret-ai.tenant-b.test CNAME .');
    expect(rpzB).not.toContain('deepseek');
    expect(await (await t.request('/v1/exports/rpz', { headers: auth() })).text()).not.toContain('secret-ai');
    // DeepSeek is not in B's catalog: not an AI destination for B, allowed.
    expect((await authz({ 'x-original-url': 'https://chat.deepseek.com/' }, keyB)).status).toBe(204);
    expect((await authz({ 'x-original-url': 'https://app.secret-ai.tenant-b.test/' }, keyB)).status).toBe(403);
    expect((await authz({ 'x-original-url': 'https://app.secret-ai.tenant-b.test/' })).status).toBe(204);
    // B's rules are not A's explanation page's to show.
    const page = await t.request('/v1/authz/blocked', { headers: { ...auth(), accept: 'application/json', 'x-airlock-rules': 'b-blocked' } });
    expect(((await page.json()) as any).reasons).toEqual([]);
  });

  /**
   * Debian's Unbound with a documented configuration: the test's own `server:` settings first
   * (loopback, its port, no chroot or user switch, and local data for the approved names so that
   * nothing leaves the machine), then the documented text.
   */
  async function startUnbound(tag: string, documented: string): Promise<{ unbound: ReturnType<typeof startProgram>; port: number }> {
    const port = await freePort();
    const config = `server:
    interface: 127.0.0.1
    port: ${port}
    do-ip6: no
    do-daemonize: no
    use-syslog: no
    logfile: ""
    chroot: ""
    username: ""
    directory: "${dir}"
    pidfile: "${dir}/unbound-${tag}.pid"
    access-control: 127.0.0.0/8 allow
    verbosity: 1
    local-zone: "chatgpt.com." static
    local-data: "chatgpt.com. 60 IN A 127.0.0.1"
    local-zone: "notdeepseek.com." static
    local-data: "notdeepseek.com. 60 IN A 127.0.0.2"

${documented}
remote-control:
    control-enable: no
`;
    writeFileSync(path.join(dir, `unbound-${tag}.conf`), config);
    const unbound = startProgram(UNBOUND, ['-d', '-c', path.join(dir, `unbound-${tag}.conf`)], `unbound (${tag})`);
    const resolver = new Resolver({ timeout: 1000, tries: 1 });
    resolver.setServers([`127.0.0.1:${port}`]);
    await waitFor(`unbound (${tag})`, async () => (await resolver.resolve4('chatgpt.com')).length > 0, 15_000).catch(async (e) => {
      await stopProgram(unbound.child);
      throw new Error(`${(e as Error).message}: ${unbound.output()}`);
    });
    return { unbound, port };
  }

  function resolverAt(port: number): Resolver {
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${port}`]);
    return resolver;
  }

  const exportText = async (format: string, query = '') => {
    const res = await t.request(`/v1/exports/${format}${query}`, { headers: auth() });
    if (res.status !== 200) throw new Error(`GET /v1/exports/${format}${query}: ${res.status} ${await res.text()}`);
    return res.text();
  };

  (existsSync(UNBOUND) ? describe : describe.skip)("Debian's Unbound loading the RPZ export", () => {
    let plain: Awaited<ReturnType<typeof startUnbound>> | undefined;
    let withAddress: Awaited<ReturnType<typeof startUnbound>> | undefined;

    beforeAll(async () => {
      writeFileSync(path.join(dir, 'airlock.rpz'), await exportText('rpz'));
      writeFileSync(path.join(dir, 'airlock-address.rpz'), await exportText('rpz', '?address=192.0.2.80'));
      plain = await startUnbound('rpz', substitute(docBlock('docs/integrations/dns.md', 'unbound', 'rpz:'), [['/etc/unbound/airlock.rpz', path.join(dir, 'airlock.rpz')]]));
      withAddress = await startUnbound('rpz-address', substitute(docBlock('docs/integrations/dns.md', 'unbound', 'rpz:'), [['/etc/unbound/airlock.rpz', path.join(dir, 'airlock-address.rpz')]]));
    });
    afterAll(async () => {
      await stopProgram(plain?.unbound.child);
      await stopProgram(withAddress?.unbound.child);
    });

    test('a blocked name is NXDOMAIN (exact and wildcard), an approved one resolves', async () => {
      const resolver = resolverAt(plain!.port);
      expect(await resolver.resolve4('chatgpt.com')).toEqual(['127.0.0.1']);
      for (const name of ['chat.deepseek.com', 'deepseek.com', 'x.y.deepseek.com']) {
        await expect(resolver.resolve4(name)).rejects.toMatchObject({ code: 'ENOTFOUND' });
      }
      expect(await resolver.resolve4('notdeepseek.com')).toEqual(['127.0.0.2']);
      expect(plain!.unbound.output()).toContain('airlock');
    });

    test('with ?address= a blocked name (exact and wildcard) answers that address instead; an approved one resolves', async () => {
      const resolver = resolverAt(withAddress!.port);
      expect(await resolver.resolve4('chatgpt.com')).toEqual(['127.0.0.1']);
      for (const name of ['chat.deepseek.com', 'deepseek.com', 'x.y.deepseek.com']) expect([name, await resolver.resolve4(name)]).toEqual([name, ['192.0.2.80']]);
      // The zone answers A records only: no invented IPv6 address for the block page.
      await expect(resolver.resolve6('chat.deepseek.com')).rejects.toMatchObject({ code: expect.stringMatching(/^(ENODATA|ENOTFOUND)$/) });
    });
  });

  (existsSync(UNBOUND) ? describe : describe.skip)("Debian's Unbound including the local-zone export", () => {
    let started: Awaited<ReturnType<typeof startUnbound>> | undefined;
    let text: string;

    beforeAll(async () => {
      text = await exportText('unbound');
      writeFileSync(path.join(dir, 'airlock-unbound.conf'), text);
      started = await startUnbound('local-zone', substitute(docBlock('docs/integrations/dns.md', 'unbound', 'include:'), [['/etc/unbound/airlock-unbound.conf', path.join(dir, 'airlock-unbound.conf')]]));
    });
    afterAll(async () => stopProgram(started?.unbound.child));

    // Without the include this Unbound answers SERVFAIL for these names (no upstream): NXDOMAIN comes from the list.
    test('a blocked domain and every name under it are NXDOMAIN; an approved one resolves from local-data', async () => {
      expect(text).toContain('local-zone: "deepseek.com." always_nxdomain');
      expect(text).not.toContain('chatgpt.com');
      const resolver = resolverAt(started!.port);
      expect(await resolver.resolve4('chatgpt.com')).toEqual(['127.0.0.1']);
      for (const name of ['deepseek.com', 'chat.deepseek.com', 'x.y.deepseek.com']) {
        await expect(resolver.resolve4(name)).rejects.toMatchObject({ code: 'ENOTFOUND' });
      }
      // A name that only ends in the same letters is not inside the blocked zone.
      expect(await resolver.resolve4('notdeepseek.com')).toEqual(['127.0.0.2']);
    });
  });

  (existsSync(DNSMASQ) ? describe : describe.skip)("Debian's dnsmasq loading the hosts export", () => {
    let dnsmasq: ReturnType<typeof startProgram> | undefined;
    let port: number;
    let text: string;

    beforeAll(async () => {
      port = await freePort();
      text = await exportText('hosts');
      const hostsFile = path.join(dir, 'airlock.hosts');
      writeFileSync(hostsFile, text);
      const conf = path.join(dir, 'dnsmasq-hosts.conf');
      writeFileSync(conf, `${substitute(docBlock('docs/integrations/dns.md', 'dnsmasq', 'addn-hosts='), [['/etc/airlock/airlock.hosts', hostsFile]])}
`);
      for (const f of [hostsFile, conf]) chmodSync(f, 0o644);
      dnsmasq = startProgram(
        DNSMASQ,
        ['--keep-in-foreground', '--log-facility=-', `--port=${port}`, '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv', '--no-hosts', '--user=root', `--pid-file=${dir}/dnsmasq-hosts.pid`, `--conf-file=${conf}`, '--address=/chatgpt.com/127.0.0.1'],
        'dnsmasq (hosts)',
      );
      await waitFor('dnsmasq (hosts)', async () => (await resolverAt(port).resolve4('chatgpt.com')).length > 0, 15_000).catch((e) => {
        throw new Error(`${(e as Error).message}: ${dnsmasq!.output()}`);
      });
    });
    afterAll(async () => stopProgram(dnsmasq?.child));

    test('each blocked host answers 0.0.0.0; an approved name is not in the file; names under a wildcard are not covered', async () => {
      expect(text).not.toContain('chatgpt.com');
      const resolver = resolverAt(port);
      for (const name of ['deepseek.com', 'chat.deepseek.com', 'api.deepseek.com', 'platform.deepseek.com']) expect([name, await resolver.resolve4(name)]).toEqual([name, ['0.0.0.0']]);
      expect(await resolver.resolve4('chatgpt.com')).toEqual(['127.0.0.1']);
      // A hosts file has no wildcards (the export says so in a comment): a name under *.deepseek.com
      // is not in it, so dnsmasq, with no upstream, refuses it instead of answering 0.0.0.0.
      expect(text).toContain('# a hosts file has no wildcards; not covered: *.deepseek.com');
      await expect(resolver.resolve4('x.y.deepseek.com')).rejects.toMatchObject({ code: 'EREFUSED' });
    });
  });

  describe('the adblock export against the Adblock Plus filter syntax (no Debian program loads it: a strict format check)', () => {
    test('a header, comment and metadata lines, and one ||domain^ rule per blocked domain', async () => {
      const text = await exportText('adblock');
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.slice(0, -1).split('\n');
      // The header, when a list has one, is its first line: `[Adblock Plus x.y]`.
      expect(lines[0]).toBe('[Adblock Plus 2.0]');
      const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
      const domainRule = new RegExp(`^\\|\\|((?:${label}\\.)+${label})\\^$`);
      const ipRule = /^\|\|(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])\^$/;
      const metadata: Record<string, string> = {};
      const domains: string[] = [];
      for (const line of lines.slice(1)) {
        if (line.startsWith('!')) {
          const meta = /^! ([A-Za-z ]+): (.*)$/.exec(line);
          if (meta && ['Title', 'Version', 'Expires', 'Homepage', 'Last modified'].includes(meta[1]!)) metadata[meta[1]!] = meta[2]!;
          continue;
        }
        // Every other line is a blocking rule in the one form the format promises: no options
        // ($...), no element hiding (##), no exceptions (@@), no regular expressions (/.../), no blanks.
        const rule = domainRule.exec(line);
        if (rule) domains.push(rule[1]!);
        else expect([line, ipRule.test(line)]).toEqual([line, true]);
      }
      expect(metadata.Title).toBe('Airlock: blocked AI services');
      expect(metadata.Version).toMatch(/^\d+$/);
      expect(metadata.Expires).toMatch(/^\d+ (hours|days)$/);
      // Each domain once, none inside another (||x^ already covers every name under x).
      expect(new Set(domains).size).toBe(domains.length);
      for (const a of domains) for (const b of domains) if (a !== b) expect([a, b, a.endsWith(`.${b}`)]).toEqual([a, b, false]);
      // Which names the rules cover, as ||x^ matches: the host x or any host ending in .x.
      const covered = (host: string) => domains.some((d) => host === d || host.endsWith(`.${d}`));
      for (const host of ['deepseek.com', 'chat.deepseek.com', 'x.y.deepseek.com']) expect([host, covered(host)]).toEqual([host, true]);
      for (const host of ['chatgpt.com', 'notdeepseek.com', 'deepseek.com.example']) expect([host, covered(host)]).toEqual([host, false]);
    });
  });

  (existsSync(DNSMASQ) ? describe : describe.skip)("Debian's dnsmasq loading the dnsmasq export", () => {
    let dnsmasq: ReturnType<typeof startProgram> | undefined;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      const file = path.join(dir, 'airlock-dnsmasq.conf');
      writeFileSync(file, await (await t.request('/v1/exports/dnsmasq?address=192.0.2.80', { headers: auth() })).text());
      chmodSync(file, 0o644);
      dnsmasq = startProgram(
        DNSMASQ,
        ['--keep-in-foreground', '--log-facility=-', `--port=${port}`, '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv', '--no-hosts', '--user=root', `--pid-file=${dir}/dnsmasq.pid`, `--conf-file=${file}`, '--address=/chatgpt.com/127.0.0.1'],
        'dnsmasq',
      );
      const resolver = new Resolver({ timeout: 1000, tries: 1 });
      resolver.setServers([`127.0.0.1:${port}`]);
      await waitFor('dnsmasq', async () => (await resolver.resolve4('chatgpt.com')).length > 0, 15_000).catch((e) => {
        throw new Error(`${(e as Error).message}: ${dnsmasq!.output()}`);
      });
    });
    afterAll(async () => stopProgram(dnsmasq?.child));

    test('a blocked name and the names under it answer the block-page address; an approved one resolves', async () => {
      const resolver = new Resolver({ timeout: 2000, tries: 1 });
      resolver.setServers([`127.0.0.1:${port}`]);
      expect(await resolver.resolve4('chatgpt.com')).toEqual(['127.0.0.1']);
      for (const name of ['chat.deepseek.com', 'deepseek.com', 'x.y.deepseek.com']) expect(await resolver.resolve4(name)).toEqual(['192.0.2.80']);
    });
  });

  (existsSync(SQUID) ? describe : describe.skip)("Debian's Squid loading the dstdomain export", () => {
    let squid: ReturnType<typeof startProgram> | undefined;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      const list = path.join(dir, 'airlock-blocked.txt');
      writeFileSync(list, await (await t.request('/v1/exports/squid-acl', { headers: auth() })).text());
      // Names the test's Squid resolves, from its own hosts file: nothing leaves loopback.
      writeFileSync(path.join(dir, 'hosts'), '127.0.0.1 chatgpt.com chat.deepseek.com localhost\n');
      const documented = substitute(docBlock('docs/integrations/dns.md', 'squid'), [['/etc/squid/airlock-blocked.txt', list]]);
      writeFileSync(
        path.join(dir, 'squid.conf'),
        `http_port 127.0.0.1:${port}
pid_filename ${dir}/squid.pid
cache_log ${dir}/cache.log
access_log none
cache deny all
hosts_file ${dir}/hosts
dns_nameservers 127.0.0.1
shutdown_lifetime 0 seconds
${documented}
http_access allow all
`,
      );
      for (const f of ['squid.conf', 'hosts', 'airlock-blocked.txt']) chmodSync(path.join(dir, f), 0o644);
      chmodSync(dir, 0o777);
      squid = startProgram(SQUID, ['-N', '-f', path.join(dir, 'squid.conf')], 'squid');
      await waitFor('squid', async () => (await rawRequest(port, { path: `http://chatgpt.com:${standInPort}/`, headers: { host: `chatgpt.com:${standInPort}` } })).status === 200, 20_000).catch((e) => {
        throw new Error(`${(e as Error).message}: ${squid!.output()}`);
      });
    });
    afterAll(async () => stopProgram(squid?.child));

    test('denies a blocked service, lets an approved one through to the stand-in', async () => {
      standInHosts.length = 0;
      const ok = await rawRequest(port, { path: `http://chatgpt.com:${standInPort}/c/1`, headers: { host: `chatgpt.com:${standInPort}` } });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('Stand-in for chatgpt.com');
      const denied = await rawRequest(port, { path: `http://chat.deepseek.com:${standInPort}/`, headers: { host: `chat.deepseek.com:${standInPort}` } });
      expect(denied.status).toBe(403);
      expect(standInHosts.every((h) => h.startsWith('chatgpt.com'))).toBe(true);
    });

    test('refuses the CONNECT tunnel to a blocked service (https without interception)', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'CONNECT', path: 'chat.deepseek.com:443', agent: false });
        req.on('connect', (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on('response', (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(403);
    });
  });

  (existsSync(CHROMIUM) ? describe : describe.skip)("Debian's Chromium with the PAC export", () => {
    let tls: https.Server;
    let tlsPort: number;
    beforeAll(async () => {
      // chatgpt.com is on Chromium's HSTS preload list: its stand-in speaks TLS, with a certificate made here.
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'standin.key'), '-out', path.join(dir, 'standin.crt'), '-days', '1', '-subj', '/CN=chatgpt.com', '-addext', 'subjectAltName=DNS:chatgpt.com,DNS:chat.deepseek.com'], { stdio: 'ignore' });
      tls = https.createServer({ key: readFileSync(path.join(dir, 'standin.key')), cert: readFileSync(path.join(dir, 'standin.crt')) }, (req, res) => standIn.emit('request', req, res));
      await new Promise<void>((r) => tls.listen(0, '127.0.0.1', () => r()));
      tlsPort = (tls.address() as { port: number }).port;
    });
    afterAll(async () => new Promise<void>((r) => (tls ? tls.close(() => r()) : r())));

    test('an approved service loads from the stand-in; a blocked one shows the block page (http) or does not load (https)', async () => {
      const pac = await (await t.request('/v1/exports/pac', { headers: auth() })).text();
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--proxy-pac-url=data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(pac).toString('base64')}`,
          '--host-resolver-rules=MAP chatgpt.com 127.0.0.1, MAP chat.deepseek.com 127.0.0.1',
        ],
      });
      try {
        standInHosts.length = 0;
        const page = await browser.newPage({ ignoreHTTPSErrors: true });
        const ok = await page.goto(`https://chatgpt.com:${tlsPort}/`);
        expect(ok?.status()).toBe(200);
        expect(await page.textContent('h1')).toBe(`Stand-in for chatgpt.com:${tlsPort}`);
        const blocked = await page.goto(`http://chat.deepseek.com:${standInPort}/`);
        expect(blocked?.status()).toBe(403);
        expect(await page.textContent('h1')).toContain('chat.deepseek.com is blocked');
        await expect(page.goto(`https://chat.deepseek.com:${tlsPort}/`)).rejects.toThrow(/ERR_TUNNEL_CONNECTION_FAILED|ERR_PROXY/);
        expect(standInHosts.every((h) => h.startsWith('chatgpt.com'))).toBe(true);
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
});
