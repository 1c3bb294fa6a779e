import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCef } from '../../apps/api/src/modules/siem/cef';
import { parseSyslog } from '../../apps/api/src/modules/siem/syslog';
import { freePort, waitFor } from '../support/processes';
import { startTestApp, type Session, type TestApp } from '../support/test-app';

/**
 * Events to the SIEM (issue 17) against Debian's rsyslog: one rsyslogd receiving RFC 5424 over plain
 * TCP (imtcp, octet-counted frames), one over TLS (imtcp with the OpenSSL stream driver, mutual TLS
 * with certificates made here with openssl), each writing what it received to files this test reads;
 * and a local HTTP collector for the gzip JSON-lines batches (Splunk HEC and generic). Checks every
 * field of a CEF and an OCSF record, that a receiver killed and started again loses nothing that was
 * buffered within the bound (and that what went beyond it is counted as dropped), and that a secret
 * in a prompt or in an incident's title and description never reaches a receiver.
 */
const RSYSLOGD = '/usr/sbin/rsyslogd';
const SECRET = 'AKIAZ3MHQ7TNVX5KQ2PB';
const MARKER = `siem-secret-marker-${process.pid}-${Date.now()}`;
const BUFFER = 100;

/** What rsyslog parsed out of a message (the `parsed` template). */
interface Parsed {
  pri: string;
  timestamp: string;
  hostname: string;
  appname: string;
  procid: string;
  msgid: string;
  sd: string;
  msg: string;
}

interface Rsyslog {
  port: number;
  child: ChildProcess;
  start(): Promise<void>;
  kill(): Promise<void>;
  raw(): string[];
  parsed(): Parsed[];
  output(): string;
}

function makeRsyslog(dir: string, name: string, port: number, tls: { ca: string; cert: string; key: string } | null): Rsyslog {
  const work = path.join(dir, `${name}-work`);
  mkdirSync(work, { recursive: true });
  const raw = path.join(dir, `${name}-raw.log`);
  const parsed = path.join(dir, `${name}-parsed.log`);
  const conf = path.join(dir, `${name}.conf`);
  writeFileSync(
    conf,
    [
      tls
        ? `global(workDirectory="${work}" defaultNetstreamDriverCAFile="${tls.ca}" defaultNetstreamDriverCertFile="${tls.cert}" defaultNetstreamDriverKeyFile="${tls.key}")`
        : `global(workDirectory="${work}")`,
      tls ? 'module(load="imtcp" streamDriver.name="ossl" streamDriver.mode="1" streamDriver.authMode="x509/certvalid")' : 'module(load="imtcp")',
      `input(type="imtcp" address="127.0.0.1" port="${port}" ruleset="siem")`,
      'template(name="raw" type="string" string="%rawmsg%\\n")',
      'template(name="parsed" type="list" option.jsonf="on") {',
      '  property(outname="pri" name="pri" format="jsonf")',
      '  property(outname="timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")',
      '  property(outname="hostname" name="hostname" format="jsonf")',
      '  property(outname="appname" name="app-name" format="jsonf")',
      '  property(outname="procid" name="procid" format="jsonf")',
      '  property(outname="msgid" name="msgid" format="jsonf")',
      '  property(outname="sd" name="structured-data" format="jsonf")',
      '  property(outname="msg" name="msg" format="jsonf")',
      '}',
      'ruleset(name="siem") {',
      `  action(type="omfile" file="${raw}" template="raw")`,
      `  action(type="omfile" file="${parsed}" template="parsed")`,
      '}',
      '',
    ].join('\n'),
  );
  let out = '';
  const r: Rsyslog = {
    port,
    child: undefined as unknown as ChildProcess,
    async start() {
      r.child = spawn(RSYSLOGD, ['-n', '-f', conf, '-i', path.join(dir, `${name}.pid`)], { stdio: ['ignore', 'pipe', 'pipe'] });
      r.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      r.child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      await waitFor(`rsyslog ${name} listening`, async () => {
        if (r.child.exitCode !== null) throw new Error(`rsyslogd exited: ${out}`);
        return new Promise<boolean>((resolve) => {
          const s = net.connect({ host: '127.0.0.1', port }, () => {
            s.destroy();
            resolve(true);
          });
          s.on('error', () => resolve(false));
        });
      });
    },
    async kill() {
      const exited = new Promise<void>((res) => r.child.once('exit', () => res()));
      process.kill(r.child.pid!, 'SIGKILL');
      await exited;
      rmSync(path.join(dir, `${name}.pid`), { force: true });
    },
    raw: () => (existsSync(raw) ? readFileSync(raw, 'utf8').split('\n').filter(Boolean) : []),
    parsed: () => (existsSync(parsed) ? readFileSync(parsed, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Parsed) : []),
    output: () => out,
  };
  return r;
}

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  gzip: boolean;
  lines: string[];
}

function startCollector(): Promise<{ port: number; requests: Received[]; server: http.Server }> {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const gzip = req.headers['content-encoding'] === 'gzip' && body[0] === 0x1f && body[1] === 0x8b;
      const text = gzip ? gunzipSync(body).toString('utf8') : body.toString('utf8');
      requests.push({ path: req.url ?? '', headers: req.headers, gzip, lines: text.split('\n').filter(Boolean) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url?.startsWith('/services/collector') ? '{"text":"Success","code":0}' : '{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as { port: number }).port, requests, server })));
}

const cefOf = (raw: string) => {
  const m = parseSyslog(raw);
  return { syslog: m, cef: parseCef(m.msg) };
};

describe('SIEM streaming to rsyslog and an HTTP collector', () => {
  let t: TestApp;
  let owner: Session;
  let dir: string;
  let tcp: Rsyslog;
  let tlsRx: Rsyslog;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(RSYSLOGD)) throw new Error('rsyslogd is not installed (apt-get install rsyslog rsyslog-openssl)');
    dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-siem-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Airlock test SIEM CA');
    const leaf = (name: string, ext: string) => {
      writeFileSync(path.join(dir, `${name}.ext`), ext);
      ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
      ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
    };
    leaf('localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    leaf('airlock-client', 'extendedKeyUsage=clientAuth\n');
    tcp = makeRsyslog(dir, 'tcp', await freePort(), null);
    tlsRx = makeRsyslog(dir, 'tls', await freePort(), { ca: path.join(dir, 'ca.pem'), cert: path.join(dir, 'localhost.pem'), key: path.join(dir, 'localhost.key') });
    await tcp.start();
    await tlsRx.start();
    collector = await startCollector();
    t = await startTestApp({ AIRLOCK_SIEM_ALLOW_PRIVATE: '127.0.0.1,localhost', AIRLOCK_SIEM_BUFFER: String(BUFFER), AIRLOCK_SIEM_BACKOFF_MAX_MS: '800' });
    owner = await t.login();
    const pem = (f: string) => readFileSync(path.join(dir, f), 'utf8');
    const add = async (json: Record<string, unknown>) => {
      const r = await owner.request('/api/siem/destinations', { method: 'POST', json });
      expect(r.status).toBe(201);
      return ((await r.json()) as { id: string }).id;
    };
    ids.cef = await add({ name: 'rsyslog-cef', transport: 'syslog_tcp', format: 'cef', host: '127.0.0.1', port: tcp.port, eventTypes: ['decision'] });
    ids.ocsf = await add({
      name: 'rsyslog-tls-ocsf',
      transport: 'syslog_tls',
      format: 'ocsf',
      host: 'localhost',
      port: tlsRx.port,
      eventTypes: ['decision', 'incident', 'audit'],
      caCert: pem('ca.pem'),
      clientCert: pem('airlock-client.pem'),
      clientKey: pem('airlock-client.key'),
    });
    ids.hec = await add({ name: 'splunk', transport: 'http', httpPreset: 'splunk_hec', format: 'json', url: `http://127.0.0.1:${collector.port}`, token: 'hec-token-0000-1234', index: 'airlock', eventTypes: ['decision', 'incident', 'audit'] });
    ids.generic = await add({ name: 'collector', transport: 'http', httpPreset: 'generic', format: 'ocsf', url: `http://127.0.0.1:${collector.port}/ingest`, eventTypes: ['incident', 'audit'] });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    for (const r of [tcp, tlsRx]) if (r?.child && r.child.exitCode === null && r.child.signalCode === null) await r.kill();
    collector?.server.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the API refuses incomplete destinations, private addresses not allowed, and keeps secrets write-only', async () => {
    const bad = await owner.request('/api/siem/destinations', { method: 'POST', json: { name: 'x', transport: 'syslog_tls', format: 'cef', eventTypes: ['decision'] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/host.*required/);
    const cefHttp = await owner.request('/api/siem/destinations', { method: 'POST', json: { name: 'y', transport: 'http', httpPreset: 'generic', format: 'cef', url: 'http://127.0.0.1:9/', eventTypes: ['audit'] } });
    expect(cefHttp.status).toBe(400);
    const lan = await owner.request('/api/siem/destinations', { method: 'POST', json: { name: 'lan', transport: 'syslog_tcp', format: 'json', host: '10.1.2.3', port: 514, eventTypes: ['audit'] } });
    expect(lan.status).toBe(400);
    expect(await lan.text()).toMatch(/private.*AIRLOCK_SIEM_ALLOW_PRIVATE/);
    const keyWithoutCert = await owner.request('/api/siem/destinations', { method: 'POST', json: { name: 'z', transport: 'syslog_tls', format: 'json', host: 'localhost', port: 6514, eventTypes: ['audit'], clientKey: readFileSync(path.join(dir, 'airlock-client.key'), 'utf8') } });
    expect(keyWithoutCert.status).toBe(400);
    const hec = await owner.json(`/api/siem/destinations/${ids.hec}`);
    expect(hec.tokenLast4).toBe('1234');
    expect(JSON.stringify(hec)).not.toContain('hec-token-0000');
    const tlsDest = await owner.json(`/api/siem/destinations/${ids.ocsf}`);
    expect(tlsDest.hasClientKey).toBe(true);
    expect(JSON.stringify(tlsDest)).not.toContain('PRIVATE KEY');
    const row = await t.prisma.siemDestination.findUniqueOrThrow({ where: { id: ids.hec } });
    expect(row.tokenSealed).toMatch(/^v1\./);
    expect(row.tokenSealed).not.toContain('hec-token');
  });

  test('the test button reaches each receiver, and says why when it cannot', async () => {
    for (const id of Object.values(ids)) {
      const r = await owner.json(`/api/siem/destinations/${id}/test`, { method: 'POST' });
      expect(r).toMatchObject({ ok: true, error: null });
    }
    await waitFor('test event over TLS', async () => tlsRx.raw().some((l) => l.includes('siem_destination.test')));
    // A receiver whose certificate is not signed by the configured CA: the handshake fails, and the answer says so.
    const wrongCa = await owner.json('/api/siem/destinations', {
      method: 'POST',
      json: { name: 'wrong-ca', transport: 'syslog_tls', format: 'json', host: 'localhost', port: tlsRx.port, eventTypes: ['audit'], enabled: false },
    });
    const failed = await owner.json(`/api/siem/destinations/${wrongCa.id}/test`, { method: 'POST' });
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(/certificate/i);
    await owner.request(`/api/siem/destinations/${wrongCa.id}`, { method: 'DELETE' });
  });

  test('a decision arrives as RFC 5424 with a CEF body, every field as decided, and as OCSF over mutual TLS', async () => {
    const res = await t.decide({
      action: 'prompt',
      destination: { url: 'https://chat.deepseek.com/' },
      subject: { email: 'owner@airlock.test' },
      context: { ip: '10.1.2.3', channel: 'web' },
      content: { text: `my key is ${SECRET} ${MARKER}` },
      requestId: 'corr-siem-1',
    });
    expect(res.status).toBe(200);
    const d = (await res.json()) as { decisionId: string; effect: string; policyVersion: number; reasons: { ruleId: string }[]; findings: { dataClass: string }[] };
    expect(d.effect).toBe('block');
    const line = await waitFor('the CEF record', async () => tcp.raw().find((l) => l.includes(d.decisionId)));
    const { syslog, cef } = cefOf(line);
    expect(syslog).toMatchObject({ pri: 16 * 8 + 4, appName: 'airlock', msgId: 'decision', hostname: os.hostname().replace(/[^\x21-\x7e]/g, '_').slice(0, 255) });
    expect(syslog.structuredData).toEqual([{ id: 'airlock@32473', params: [['type', 'decision'], ['id', d.decisionId], ['instance', expect.any(String)]] }]);
    expect(new Date(syslog.timestamp).toISOString()).toBe(syslog.timestamp);
    expect(cef.header).toEqual(['CEF:0', 'Airlock', 'Airlock', expect.stringMatching(/^\d+\.\d+\.\d+/), 'decision:block', 'prompt block', '8']);
    const ruleIds = d.reasons.map((r) => r.ruleId).join(',');
    const x = cef.extension;
    expect(Object.keys(x).sort()).toEqual(
      ['rt', 'externalId', 'cat', 'act', 'app', 'dhost', 'suser', 'cs1Label', 'cs1', 'cs2Label', 'cs2', 'cs3Label', 'cs3', 'cs6Label', 'cs6', 'cn1Label', 'cn1', 'cn2Label', 'cn2', 'airlockOrganizationId', 'airlockApiClientId', 'airlockSource', 'airlockCorrelationId', 'dvchost', 'deviceExternalId']
        .concat(x.cs4 ? ['cs4Label', 'cs4'] : [])
        .concat(x.cs5 ? ['cs5Label', 'cs5'] : [])
        .sort(),
    );
    expect(Number(x.rt)).toBeGreaterThan(Date.now() - 120_000);
    expect(x).toMatchObject({
      externalId: d.decisionId,
      cat: 'decision',
      act: 'block',
      app: 'prompt',
      dhost: 'chat.deepseek.com',
      suser: 'owner@airlock.test',
      cs1Label: 'ruleIds',
      cs1: ruleIds,
      cs2Label: 'dataClasses',
      cs2: [...new Set(d.findings.map((f) => f.dataClass))].join(','),
      cs3Label: 'provider',
      cs3: 'deepseek',
      cs6Label: 'channel',
      cs6: 'web',
      cn1Label: 'policyVersion',
      cn1: String(d.policyVersion),
      cn2Label: 'latencyMicros',
      airlockSource: 'api',
      airlockCorrelationId: 'corr-siem-1',
      dvchost: syslog.hostname,
      deviceExternalId: syslog.structuredData[0]!.params[2]![1],
    });
    expect(Number(x.cn2)).toBeGreaterThan(0);
    const org = await t.prisma.organization.findFirstOrThrow();
    expect(x.airlockOrganizationId).toBe(org.id);
    // rsyslog itself parsed the message as RFC 5424.
    const parsed = tcp.parsed().find((p) => p.msg.includes(d.decisionId))!;
    expect(parsed).toMatchObject({ pri: '132', appname: 'airlock', msgid: 'decision', hostname: syslog.hostname, procid: syslog.procId });
    expect(parsed.sd).toContain(`id="${d.decisionId}"`);

    // The same decision as OCSF over mutual TLS: a Detection Finding (it was blocked).
    const tlsLine = await waitFor('the OCSF record over TLS', async () => tlsRx.parsed().find((p) => p.msgid === 'decision' && p.msg.includes(d.decisionId)));
    const o = JSON.parse(tlsLine.msg) as Record<string, any>;
    expect(Object.keys(o).sort()).toEqual(
      ['class_uid', 'class_name', 'category_uid', 'category_name', 'activity_id', 'activity_name', 'type_uid', 'type_name', 'status_id', 'status', 'time', 'severity_id', 'severity', 'message', 'metadata', 'actor', 'dst_endpoint', 'action_id', 'action', 'disposition_id', 'disposition', 'is_alert', 'policy', 'firewall_rule', 'unmapped', 'finding_info', 'resources', 'confidence_id', 'confidence']
        .concat(o.src_endpoint ? ['src_endpoint'] : [])
        .sort(),
    );
    expect(o).toMatchObject({
      class_uid: 2004,
      class_name: 'Detection Finding',
      category_uid: 2,
      category_name: 'Findings',
      activity_id: 1,
      activity_name: 'Create',
      type_uid: 200401,
      type_name: 'Detection Finding: Create',
      status_id: 1,
      status: 'New',
      time: Number(x.rt),
      severity_id: 4,
      severity: 'High',
      message: 'prompt block (chat.deepseek.com)',
      metadata: { version: '1.3.0', uid: d.decisionId, tenant_uid: org.id, correlation_uid: 'corr-siem-1', product: { name: 'Airlock', vendor_name: 'Airlock', version: cef.header[3] }, profiles: ['security_control', 'host'] },
      actor: { user: { uid: 'owner@airlock.test' } },
      dst_endpoint: { hostname: 'chat.deepseek.com' },
      action_id: 2,
      action: 'Denied',
      disposition_id: 2,
      disposition: 'Blocked',
      is_alert: true,
      policy: { name: 'Airlock policy', version: String(d.policyVersion), is_applied: true },
      firewall_rule: { uid: d.reasons[0]!.ruleId, name: d.reasons[0]!.ruleId },
      finding_info: { uid: d.decisionId, title: 'AI prompt blocked', types: ['AI data policy violation'], created_time: Number(x.rt), analytic: { type_id: 1, type: 'Rule', uid: d.reasons[0]!.ruleId } },
      resources: [{ type: 'AI service', name: 'deepseek', uid: 'deepseek' }],
      confidence_id: 3,
    });
    expect(o.unmapped).toEqual({
      action: 'prompt',
      rule_ids: d.reasons.map((r) => r.ruleId),
      data_classes: cef.extension.cs2!.split(','),
      network_zones: x.cs4 ? x.cs4.split(',') : [],
      channel: 'web',
      source: 'api',
      api_client_id: x.airlockApiClientId,
      latency_micros: Number(x.cn2),
      stale_seconds: null,
      override_reason: null,
    });
    // An allowed access is a Web Resources Activity (Read).
    const allowed = (await (await t.decide({ action: 'access', destination: { host: 'chatgpt.com' } })).json()) as { decisionId: string; effect: string };
    const w = JSON.parse((await waitFor('the allowed access', async () => tlsRx.parsed().find((p) => p.msg.includes(allowed.decisionId)))).msg);
    expect(w).toMatchObject({ class_uid: 6001, category_uid: 6, activity_id: 2, type_uid: 600102, action_id: 1, web_resources: [{ type: 'AI service' }] });
  }, 60_000);

  test('incidents and audit events go to the HTTP collector as gzip JSON lines, Splunk HEC and generic', async () => {
    const created = await owner.json('/api/incidents', { method: 'POST', json: { title: `Pasted ${SECRET}`, description: `client data ${MARKER}`, dataClasses: ['credentials'] } });
    await owner.json(`/api/incidents/${created.id}`, { method: 'PUT', json: { status: 'triaged' } });
    const hecLines = () => collector.requests.filter((r) => r.path === '/services/collector/event').flatMap((r) => r.lines.map((l) => JSON.parse(l)));
    const updated = await waitFor('the incident update at the HEC', async () => hecLines().find((l) => l.event?.type === 'incident' && l.event.activity === 'updated' && l.event.incident.id === created.id));
    expect(updated).toMatchObject({ host: expect.any(String), source: 'airlock', sourcetype: 'airlock:incident', index: 'airlock' });
    expect(updated.event.incident).toMatchObject({ id: created.id, number: created.number, status: 'triaged', data_classes: ['credentials'], source: 'analyst' });
    const audit = hecLines().find((l) => l.event?.type === 'audit' && l.event.audit.action === 'incident.create');
    expect(audit.event.audit).toMatchObject({ entity_type: 'Incident', entity_id: created.id, actor: { type: 'user', label: 'owner@airlock.test' } });
    const hecRequest = collector.requests.find((r) => r.path === '/services/collector/event')!;
    expect(hecRequest.gzip).toBe(true);
    expect(hecRequest.headers.authorization).toBe('Splunk hec-token-0000-1234');
    expect(hecRequest.headers['content-type']).toBe('application/json');
    const generic = await waitFor('the generic collector', async () => {
      const lines = collector.requests.filter((r) => r.path === '/ingest').flatMap((r) => r.lines.map((l) => JSON.parse(l)));
      return lines.some((l) => l.class_uid === 2004 && l.finding_info?.uid === created.id && l.activity_id === 2) ? lines : undefined;
    });
    expect(generic.every((l) => [2004, 3004].includes(l.class_uid))).toBe(true);
    const genericRequest = collector.requests.find((r) => r.path === '/ingest')!;
    expect(genericRequest.gzip).toBe(true);
    expect(genericRequest.headers['content-type']).toBe('application/x-ndjson');
    expect(genericRequest.headers.authorization).toBeUndefined();
    // The delivery status adds up what this instance sent.
    await waitFor('delivery status', async () => {
      const s = (await owner.json(`/api/siem/destinations/${ids.hec}`)).status;
      return s.sent > 0 && s.lastSuccessAt && s.queued === 0 ? s : undefined;
    });
  });

  test('a receiver killed and started again loses nothing buffered within the bound; beyond it, drops are counted', async () => {
    const allDecisions = () => new Set(tcp.raw().map((l) => parseSyslog(l).structuredData[0]?.params.find(([k]) => k === 'id')?.[1]));
    const batch = async (n: number) => {
      const r = await t.request('/v1/decisions/batch', {
        method: 'POST',
        headers: { authorization: 'Bearer ak_test_bootstrap_key_0123456789abcdef' },
        json: { items: Array.from({ length: n }, (_, i) => ({ correlationId: `b-${i}`, action: 'prompt', destination: { host: 'chat.deepseek.com' }, content: { text: `batch ${i} ${SECRET} ${MARKER}` } })) },
      });
      expect(r.status).toBe(200);
      return ((await r.json()) as { items: { decisionId: string }[] }).items.map((x) => x.decisionId);
    };
    const before = await batch(5);
    await waitFor('the first five', async () => before.every((id) => allDecisions().has(id)));
    // Past the resend window (2 s): what was written just before a connection breaks is sent again
    // (at least once), which would take room in the buffer this test counts exactly.
    await new Promise((r) => setTimeout(r, 2_500));
    const statusBefore = (await owner.json(`/api/siem/destinations/${ids.cef}`)).status;
    await tcp.kill();
    const during = [...(await batch(60)), ...(await batch(40))];
    expect(during).toHaveLength(BUFFER);
    const over = await batch(25);
    const queued = await waitFor('the queue while the receiver is down', async () => {
      const s = (await owner.json(`/api/siem/destinations/${ids.cef}`)).status;
      return s.queued >= BUFFER && s.lastError ? s : undefined;
    });
    expect(queued.dropped - statusBefore.dropped).toBe(over.length);
    expect(queued.lastError).toMatch(/ECONNREFUSED|connection/);
    await tcp.start();
    await waitFor('everything buffered, after the restart', async () => during.every((id) => allDecisions().has(id)), 30_000);
    const received = allDecisions();
    expect(during.filter((id) => !received.has(id))).toEqual([]);
    expect(over.filter((id) => received.has(id))).toEqual([]);
    const after = await waitFor('queue drained', async () => {
      const s = (await owner.json(`/api/siem/destinations/${ids.cef}`)).status;
      return s.queued === 0 ? s : undefined;
    });
    expect(after.dropped - statusBefore.dropped).toBe(over.length);
    expect(after.sent - statusBefore.sent).toBeGreaterThanOrEqual(BUFFER);
  }, 90_000);

  test('over TLS too: the receiver killed and started again gets what was queued meanwhile (a new handshake)', async () => {
    const audits = () => tlsRx.parsed().filter((p) => p.msgid === 'audit').map((p) => JSON.parse(p.msg) as { metadata: { uid: string }; message: string; entity: { uid?: string } });
    await waitFor('earlier audit events over TLS', async () => audits().length > 0);
    await new Promise((r) => setTimeout(r, 2_500));
    await tlsRx.kill();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await owner.json('/api/api-clients', { method: 'POST', json: { name: `siem-tls-${i}`, scopes: ['decide'] } });
      made.push(c.id);
    }
    await waitFor('the TLS destination notices', async () => {
      const s = (await owner.json(`/api/siem/destinations/${ids.ocsf}`)).status;
      return s.queued >= made.length && s.lastError ? s : undefined;
    });
    await tlsRx.start();
    await waitFor('the queued audit events over a new TLS connection', async () => made.every((id) => audits().some((a) => a.entity.uid === id && a.message === 'api_client.create')), 30_000);
  }, 60_000);

  test('the HTTP collector down: batches wait, are retried with backoff, and arrive once it is back', async () => {
    const port = collector.port;
    await new Promise<void>((r) => collector.server.close(() => r()));
    collector.server.closeAllConnections();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await owner.json('/api/incidents', { method: 'POST', json: { title: `While the collector is down ${i}` } })).id);
    await waitFor('the HEC destination notices', async () => {
      const s = (await owner.json(`/api/siem/destinations/${ids.hec}`)).status;
      return s.queued > 0 && /ECONNREFUSED/.test(s.lastError ?? '') ? s : undefined;
    });
    await new Promise<void>((r) => collector.server.listen(port, '127.0.0.1', () => r()));
    const hecIncidents = () =>
      collector.requests.filter((r) => r.path === '/services/collector/event').flatMap((r) => r.lines.map((l) => JSON.parse(l) as { event: { type: string; incident?: { id: string } } }));
    await waitFor('the incidents after the collector came back', async () => made.every((id) => hecIncidents().some((l) => l.event.type === 'incident' && l.event.incident?.id === id)), 30_000);
    await waitFor('HEC queue drained', async () => ((await owner.json(`/api/siem/destinations/${ids.hec}`)).status.queued === 0 ? true : undefined));
  }, 60_000);

  test('no secret from a prompt or from the text of an incident reaches any receiver', async () => {
    await new Promise((r) => setTimeout(r, 1500));
    const files = readdirSync(dir).filter((f) => f.endsWith('.log')).map((f) => readFileSync(path.join(dir, f), 'utf8'));
    const http = collector.requests.map((r) => r.lines.join('\n'));
    const everything = [...files, ...http].join('\n');
    expect(files.join('').length).toBeGreaterThan(1000);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(MARKER);
    // And it was there to leak: the decisions and the incident were exported.
    expect(everything).toContain('credentials');
  });
});
