import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './processes';

/** Debian's HAProxy, when installed (apt-get install -y haproxy). */
export const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p));

export interface Haproxy {
  /** The front end's base URL. */
  url: string;
  /** How many of the named servers HAProxy has UP, from its stats CSV. */
  serversUp(): Promise<number>;
  /** Server name → its state in the stats CSV (UP, DOWN, MAINT, ...). */
  states(): Promise<Record<string, string>>;
  stop(): void;
}

/**
 * HAProxy in front of API instances as a deployment would run it: round robin, health checks on
 * /readyz, a request whose connection fails or comes back empty tried again on another server.
 * `servers` maps a server name to its port on 127.0.0.1.
 */
export async function startHaproxy(servers: Record<string, number>): Promise<Haproxy> {
  if (!HAPROXY) throw new Error('HAProxy is not installed');
  const front = await freePort();
  const stats = await freePort();
  const statsUrl = `http://127.0.0.1:${stats}/stats;csv`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-haproxy-'));
  const config = path.join(dir, 'haproxy.cfg');
  writeFileSync(
    config,
    `global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    retries 3
    option redispatch
frontend front
    bind 127.0.0.1:${front}
    option forwardfor
    default_backend airlock
backend airlock
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    # Checks as often as a busy balancer would; a 2-core test host shared with the load needs the
    # slack of three misses and a 3 s check timeout.
    timeout check 3s
    default-server inter 1s fall 3 rise 2
    retry-on conn-failure empty-response response-timeout
${Object.entries(servers)
  .map(([name, port]) => `    server ${name} 127.0.0.1:${port} check`)
  .join('\n')}
listen stats
    bind 127.0.0.1:${stats}
    stats enable
    stats uri /stats
`,
  );
  const child: ChildProcess = spawn(HAPROXY, ['-f', config, '-db'], { stdio: 'ignore' });
  const states = async () => {
    const csv = await (await fetch(statsUrl)).text();
    const out: Record<string, string> = {};
    for (const line of csv.split('\n')) {
      const f = line.split(',');
      if (f[0] === 'airlock' && f[1] && f[1] in servers) out[f[1]] = f[17] ?? '';
    }
    return out;
  };
  return {
    url: `http://127.0.0.1:${front}`,
    states,
    async serversUp() {
      return Object.values(await states()).filter((s) => s === 'UP').length;
    },
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
