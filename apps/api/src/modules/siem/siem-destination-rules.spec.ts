import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { destinationProblems, type DestinationShape } from './siem-destination-rules';

const base: DestinationShape = { transport: 'syslog_tls', format: 'cef', host: 'siem.example.com', port: 6514, httpPreset: null, url: null, caCert: null, clientCert: null, hasClientKey: false, clientKey: null };

describe('destinationProblems', () => {
  let dir: string;
  let cert: string;
  let key: string;
  let otherKey: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'siem-rules-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'a.key', '-out', 'a.pem', '-days', '1', '-subj', '/CN=a');
    ssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'b.key');
    cert = readFileSync(path.join(dir, 'a.pem'), 'utf8');
    key = readFileSync(path.join(dir, 'a.key'), 'utf8');
    otherKey = readFileSync(path.join(dir, 'b.key'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a complete syslog destination and a complete HTTP one', () => {
    expect(destinationProblems(base)).toEqual([]);
    expect(destinationProblems({ ...base, transport: 'http', format: 'ocsf', host: null, port: null, httpPreset: 'splunk_hec', url: 'https://s:8088' })).toEqual([]);
  });

  it('names what each transport is missing, and refuses CEF over HTTP', () => {
    expect(destinationProblems({ ...base, host: null, port: null }).map((p) => p.path)).toEqual(['host', 'port']);
    expect(destinationProblems({ ...base, transport: 'http', format: 'cef', host: null, port: null }).map((p) => p.path)).toEqual(['url', 'httpPreset', 'format']);
  });

  it('reads every certificate of a CA bundle and says which one is broken', () => {
    expect(destinationProblems({ ...base, caCert: cert + cert })).toEqual([]);
    const broken = `${cert.split('\n').slice(0, 4).join('\n')}\n-----END CERTIFICATE-----\n`; // cut short
    expect(destinationProblems({ ...base, caCert: cert + broken })).toEqual([{ path: 'caCert', message: 'certificate 2 cannot be read' }]);
    expect(destinationProblems({ ...base, caCert: 'no pem here' })).toEqual([{ path: 'caCert', message: 'holds no certificate' }]);
  });

  it('wants a client certificate and its own key together', () => {
    expect(destinationProblems({ ...base, clientCert: cert, clientKey: key, hasClientKey: true })).toEqual([]);
    expect(destinationProblems({ ...base, clientCert: cert, clientKey: otherKey, hasClientKey: true })).toEqual([{ path: 'clientKey', message: 'does not belong to the client certificate' }]);
    expect(destinationProblems({ ...base, clientCert: cert })).toEqual([{ path: 'clientKey', message: 'is required with a client certificate' }]);
    expect(destinationProblems({ ...base, clientKey: key, hasClientKey: true })).toEqual([{ path: 'clientCert', message: 'is required with a client key' }]);
    expect(destinationProblems({ ...base, clientCert: cert, clientKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', hasClientKey: true })[0]!.path).toBe('clientKey');
  });
});
