import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { mintSession } from '../support/security';
import { startTestApp, type TestApp } from '../support/test-app';

/** `airlock discover <file>`: the CLI streams a log to the discovery import with a progress line. */
describe('airlock discover (CLI)', () => {
  const root = path.join(__dirname, '..', '..');
  const cli = path.join(root, 'libs/sdk/dist/cli.js');
  let t: TestApp;
  let key: string;
  let dir: string;
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, [cli, ...args], { env: { ...process.env, AIRLOCK_URL: t.url, AIRLOCK_API_KEY: key, ...env }, maxBuffer: 10 * 1024 * 1024 }, (err, stdout, stderr) =>
        resolve({ status: err ? Number(err.code) : 0, stdout, stderr }),
      ),
    );

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'libs/sdk'], { cwd: root });
    t = await startTestApp();
    const owner = await mintSession(t, await t.prisma.user.findFirstOrThrow({ where: { role: 'owner' } }));
    const res = await fetch(`${t.url}/api/api-clients`, { method: 'POST', headers: { ...owner.principal.headers('POST'), 'content-type': 'application/json' }, body: JSON.stringify({ name: 'log shipper', scopes: ['discovery'] }) });
    key = ((await res.json()) as { key: string }).key;
    dir = mkdtempSync(path.join(tmpdir(), 'airlock-discover-'));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('streams a 6 MB Squid log, prints a progress line and the figures', async () => {
    const now = Math.floor(Date.now() / 1000) - 3600;
    const lines: string[] = [];
    let length = 0;
    for (let i = 0; length < 6_000_000; i++) {
      length += lines[lines.push(`${now + i}.000 5 10.1.2.${i % 250} TCP_TUNNEL/200 10 CONNECT ${i % 4 === 0 ? 'claude.ai' : `host${i % 900}.example.net`}:443 user${i % 50} HIER_DIRECT/1.2.3.4 -`) - 1]!.length + 1;
    }
    lines.push('not a squid line');
    const file = path.join(dir, 'access.log');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await run(['discover', file, '--format', 'squid']);
    expect(r.stderr).toMatch(/uploading access\.log: [\d.]+ MB of [\d.]+ MB \(100%\)/);
    expect(r.stderr).toMatch(new RegExp(`read ${lines.length} lines as squid: ${lines.length - 1} requests, ${Math.ceil((lines.length - 1) / 4)} to AI services, 1 bad lines`));
    expect(r.stderr).toContain(`line ${lines.length}: expected at least 7 fields`);
    expect(r.status).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ status: 'completed', format: 'squid', fileName: 'access.log', createdBy: 'API client log shipper', badLines: 1 });
    expect(body.bytesProcessed).toBe(body.totalBytes);
  }, 120_000);

  test('a gzipped log with the format detected', async () => {
    const file = path.join(dir, 'queries.log.gz');
    const t0 = Math.floor(Date.now() / 1000) - 60;
    writeFileSync(file, gzipSync(`[${t0}] unbound[1:0] info: 10.1.2.3 chat.deepseek.com. A IN\n[${t0}] unbound[1:0] info: 10.1.2.4 example.org. A IN\n`));
    const r = await run(['discover', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'unbound', records: 2, aiRecords: 1 });
  }, 60_000);

  test('errors: a file in no known format (the server says why), no file, a bad format, a key without the scope', async () => {
    const junk = path.join(dir, 'junk.txt');
    writeFileSync(junk, 'hello\nworld\n');
    const r = await run(['discover', junk]);
    expect([r.status, r.stderr]).toEqual([1, expect.stringMatching(/422 unprocessable: The format of this file was not recognised/)]);
    expect((await run(['discover'])).status).toBe(2);
    expect((await run(['discover', path.join(dir, 'missing.log')])).stderr).toMatch(/Cannot read/);
    expect((await run(['discover', junk, '--format', 'apache'])).status).toBe(2);
    const noScope = await run(['discover', junk], { AIRLOCK_API_KEY: 'ak_test_bootstrap_key_0123456789abcdef' });
    expect([noScope.status, noScope.stderr]).toEqual([1, expect.stringMatching(/^403 forbidden: .*discovery/m)]);
  }, 60_000);
});
