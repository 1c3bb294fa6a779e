// What streaming to a SIEM adds to each decision on the decision path: SiemTap.decision() (called by
// DecisionLogWriter.push) for an organization with no destination, one, and three destinations that
// want decisions. Only the enqueue is measured (the senders' timers are switched off): formatting and
// sending happen later, off the request path. Run after a build: node bench/siem-enqueue.mjs
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { SiemTap } = require('../apps/api/dist/modules/siem/siem-tap.js');
const { SyslogDelivery } = require('../apps/api/dist/modules/siem/siem-delivery.js');

const ORG = '22222222-2222-4222-8222-222222222222';
const N = 2_000_000;
const entry = (i) => ({
  id: `0190a1b2-0000-7000-8000-${String(i % 1e12).padStart(12, '0')}`, time: new Date(), organizationId: ORG, apiClientId: null, policyVersion: 3,
  providerSlug: 'deepseek', destinationHost: 'chat.deepseek.com', action: 'prompt', channel: 'web', networkZones: ['office'], subjectId: 'a@b.c',
  subjectGroups: ['eu'], effect: 'block', ruleIds: ['no-credentials'], dataClasses: ['credentials'], contentHmac: null, correlationId: null,
  latencyMicros: 300, staleSeconds: null,
});
const entries = Array.from({ length: 1000 }, (_, i) => entry(i));

function sinkWith(destinations) {
  const byOrg = new Map();
  const list = [];
  for (let i = 0; i < destinations; i++) {
    const d = new SyslogDelivery(
      { id: `d${i}`, organizationId: ORG, name: `d${i}`, transport: 'syslog_tcp', format: 'cef', host: '127.0.0.1', port: 1, facility: 16, httpPreset: null, url: null, index: null, eventTypes: new Set(['decision']), decisionEffects: null, tls: { ca: null, cert: null, key: null }, token: null, version: '1' },
      { origin: { hostname: 'h', instanceId: 'i', version: '0', consoleUrl: '' }, vet: async () => { throw new Error('not used'); }, capacity: 10_000, resendWindowMs: 2000, backoffBaseMs: 500, backoffMaxMs: 30_000 },
    );
    d.schedule = () => undefined; // measure the enqueue alone
    list.push(d);
  }
  if (destinations) byOrg.set(ORG, list);
  return {
    list,
    sink: {
      streams: (org) => byOrg.has(org),
      publish: (event) => { const l = byOrg.get(event.entry.organizationId); if (l) for (const d of l) if (d.wants(event)) d.enqueue(event); },
    },
  };
}

function run(label, destinations) {
  const tap = new SiemTap();
  const { sink, list } = sinkWith(destinations);
  tap.attach(destinations === null ? null : sink);
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      tap.decision(entries[i % 1000]);
      // Keep the queues within their bound, as the sender would.
      if ((i & 4095) === 4095) for (const d of list) d.queue.length = 0;
    }
    rounds.push(((performance.now() - t0) * 1e6) / N);
  }
  rounds.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} ${rounds[2].toFixed(1)} ns per decision (median of 5 x ${N / 1e6}M)`);
  return rounds[2];
}

run('no SIEM module attached', null);
run('organization without destinations', 0);
run('one destination wanting decisions', 1);
run('three destinations wanting decisions', 3);

// Off the request path, on the sender's turn: formatting one event into its framed message.
const { syslogFrame } = require('../apps/api/dist/modules/siem/siem-format.js');
const origin = { hostname: 'api-1', instanceId: '11111111-1111-4111-8111-111111111111', version: '0.1.0', consoleUrl: '' };
for (const format of ['cef', 'json', 'ocsf']) {
  const M = 200_000;
  const t0 = performance.now();
  for (let i = 0; i < M; i++) syslogFrame({ type: 'decision', entry: entries[i % 1000] }, format, 16, origin, '1');
  console.log(`${`formatting a decision as RFC 5424 + ${format}`.padEnd(44)} ${(((performance.now() - t0) * 1000) / M).toFixed(2)} µs per event (sender, not the request)`);
}
