/**
 * The console's files as the browser gets them: pre-compressed (brotli or gzip, whichever the browser
 * accepts), hashed assets cached for a year, index.html revalidated on every load.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { isHashedAsset } from '../../apps/api/src/server';
import { startTestApp, type TestApp } from '../support/test-app';

/** fetch() decodes bodies by itself; the raw answer shows what was on the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('console assets', () => {
  let t: TestApp;
  let dir: string;
  const script = `console.log(${JSON.stringify('airlock '.repeat(500))});\n`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'airlock-ui-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-BDQ87scp.js"></script>');
    const asset = path.join(dir, 'assets', 'index-BDQ87scp.js');
    writeFileSync(asset, script);
    writeFileSync(`${asset}.br`, brotliCompressSync(script));
    writeFileSync(`${asset}.gz`, gzipSync(script));
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({ AIRLOCK_ADMIN_UI_DIR: dir });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a hashed asset goes out as brotli, or gzip, or plain, and is cached as immutable', async () => {
    const br = await rawGet(`${t.url}/assets/index-BDQ87scp.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 10);

    const gz = await rawGet(`${t.url}/assets/index-BDQ87scp.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await rawGet(`${t.url}/assets/index-BDQ87scp.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  test('index.html and unhashed files are revalidated, not kept for a year', async () => {
    const index = await rawGet(`${t.url}/dashboard`, { 'accept-encoding': 'br' });
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    const favicon = await rawGet(`${t.url}/favicon.svg`, {});
    expect(favicon.headers['cache-control']).not.toContain('immutable');
  });

  test('only names with a content hash count as hashed', () => {
    expect(isHashedAsset('assets/index-BDQ87scp.js')).toBe(true);
    expect(isHashedAsset('assets/react-admin-BvI1ETNj.js')).toBe(true);
    expect(isHashedAsset('assets/Dashboard-C-4YNCVY.js')).toBe(true);
    expect(isHashedAsset('favicon.svg')).toBe(false);
    expect(isHashedAsset('assets/logo.svg')).toBe(false);
    expect(isHashedAsset('index.html')).toBe(false);
  });
});
