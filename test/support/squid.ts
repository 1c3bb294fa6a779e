import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The fenced block after `<!-- name -->` in docs/integrations/proxy-icap.md: the configuration admins paste. */
export function squidSnippet(name: 'squid-icap' | 'squid-bump'): string {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/integrations/proxy-icap.md'), 'utf8');
  const m = new RegExp(`<!-- ${name} -->\\n\`\`\`squidconf\\n([^]*?)\`\`\``).exec(doc);
  if (!m) throw new Error(`no ${name} block in docs/integrations/proxy-icap.md`);
  return m[1]!;
}

/** A test CA and a certificate for the stand-in's host names, made with the openssl CLI. */
export function makeCertificates(dir: string, names: string[]): { caPem: string; caKey: string; cert: string; key: string } {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Airlock ICAP test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'site.key', '-out', 'site.csr', '-subj', `/CN=${names[0]}`]);
  fs.writeFileSync(path.join(dir, 'site.ext'), `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nextendedKeyUsage=serverAuth\n`);
  run(['x509', '-req', '-in', 'site.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'site.pem', '-days', '2', '-extfile', 'site.ext']);
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return { caPem: path.join(dir, 'ca.pem'), caKey: path.join(dir, 'ca.key'), cert: read('site.pem'), key: read('site.key') };
}

export interface StandInRequest {
  host: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A local HTTPS stand-in for the AI services: records what arrives, answers `{"ok":true}`. */
export async function startStandIn(cert: string, key: string): Promise<{ port: number; requests: StandInRequest[]; close(): Promise<void> }> {
  const requests: StandInRequest[] = [];
  const server = https.createServer({ cert, key, keepAlive: true }, (req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      requests.push({ host: String(req.headers.host ?? ''), method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(parts) });
      const body = JSON.stringify({ ok: true, received: Buffer.concat(parts).length });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface Squid {
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/**
 * Debian's Squid in the foreground (-N) on a loopback port, with its own pid, log and certificate
 * cache in `dir`; `conf` is the configuration's adaptation part (the doc's snippets). Host names
 * resolve to 127.0.0.1 through its hosts_file, never through DNS. Run as root, it switches to the
 * `proxy` user, so the directory is handed to that user.
 */
export async function startSquid(dir: string, conf: string, opts: { caPem: string; caKey: string; hosts: string[]; access?: string[] }): Promise<Squid> {
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'hosts'), `127.0.0.1 ${opts.hosts.join(' ')}\n`);
  execFileSync('/usr/lib/squid/security_file_certgen', ['-c', '-s', path.join(dir, 'ssl_db'), '-M', '4MB'], { stdio: 'pipe' });
  const bump = squidSnippet('squid-bump')
    .replace('http_port 3128', `http_port 127.0.0.1:${port}`)
    .replaceAll('/etc/squid/airlock-proxy-ca.pem', opts.caPem)
    .replaceAll('/etc/squid/airlock-proxy-ca.key', opts.caKey)
    .replaceAll('/var/lib/squid/ssl_db', path.join(dir, 'ssl_db'));
  const config = [
    bump,
    conf,
    ...(opts.access ?? []),
    'http_access allow localhost',
    'http_access deny all',
    `pid_filename ${dir}/squid.pid`,
    `cache_log ${dir}/cache.log`,
    `access_log stdio:${dir}/access.log`,
    'cache deny all',
    `coredump_dir ${dir}`,
    `hosts_file ${dir}/hosts`,
    'dns_nameservers 127.0.0.1',
    `tls_outgoing_options cafile=${opts.caPem}`,
    'shutdown_lifetime 0 seconds',
    'cache_mem 8 MB',
    'workers 1',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'squid.conf'), config);
  if (process.getuid?.() === 0) {
    execFileSync('chown', ['-R', 'proxy:proxy', dir]);
    fs.chmodSync(dir, 0o755);
    // The directories above it must let the proxy user through (a mkdtemp directory is 0700).
    for (let up = path.dirname(dir); up !== path.dirname(up) && up !== os.tmpdir(); up = path.dirname(up)) fs.chmodSync(up, fs.statSync(up).mode | 0o111);
  }
  const child: ChildProcess = spawn('/usr/sbin/squid', ['-N', '-f', path.join(dir, 'squid.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const until = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`squid exited: ${output}\n${readLog(dir)}`);
    if (await canConnect(port)) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`squid did not listen within 20 s: ${output}\n${readLog(dir)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    dir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}

function readLog(dir: string): string {
  try {
    return fs.readFileSync(path.join(dir, 'cache.log'), 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export interface CurlResult {
  status: number;
  body: string;
  contentType: string;
}

/** curl through the proxy (the test CA trusted), as a user or a script would. */
export function curl(proxyPort: number, caPem: string, url: string, args: string[] = []): Promise<CurlResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-sS', '--max-time', '20', '-x', `http://127.0.0.1:${proxyPort}`, '--cacert', caPem, '-o', '-', '-w', '\n@@%{http_code} %{content_type}', ...args, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const m = /\n@@(\d{3}) ?(.*)$/.exec(out);
      if (!m) return reject(new Error(`curl failed (${code}): ${err}`));
      resolve({ status: Number(m[1]), contentType: m[2] ?? '', body: out.slice(0, m.index) });
    });
  });
}

/** c-icap-client against the listener; its stdout (with -v, the ICAP answer's headers). */
export function cIcapClient(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('c-icap-client', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', () => resolve(out));
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
