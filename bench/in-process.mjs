#!/usr/bin/env node
/**
 * In-process benchmark: Airlock's policy evaluator against Cedar (cedar-wasm), same policy, same
 * requests.
 *
 *   npx tsc -p libs/policy-engine && node bench/in-process.mjs [--json]
 *
 * README fragment (bench/README):
 *   ## in-process.mjs — policy evaluator vs Cedar
 *   Compiles the default policy (libs/policy-engine defaultPolicyRules) against a catalog of ~30
 *   providers (prisma/seed/catalog.json when present, else a synthetic one) and expresses the same
 *   nine rules as a Cedar policy set, preparsed once (`preparsePolicySet` + `statefulIsAuthorized`,
 *   Cedar's fastest JS entry point). Both answer the same deterministic request mix: 70% access,
 *   20% prompt with data classes, 10% upload; catalog hosts (exact and wildcard, mixed case, ports),
 *   unknown hosts, an IDN host, provider slugs; client IPs inside and outside the corporate zone,
 *   IPv4, IPv6 and IPv4-mapped IPv6.
 *   - Ours is timed end to end: `evaluate(request)` parses the URL, finds the provider, the zones
 *     and the matching rules.
 *   - Cedar is timed on `statefulIsAuthorized` alone: host resolution, zone lookup and the entity
 *     and context JSON are prepared before the clock starts (in Cedar's favour). Cedar's answer is
 *     allow/deny plus the ids of the determining policies; warn/redact rules are `permit` policies
 *     so that they show up as reasons on allow.
 *   Per-decision latency is measured in batches (process.hrtime.bigint around N decisions, divided
 *   by N) after a warm-up; median and p99 are over batches. Throughput is decisions / total time.
 *   Three interleaved rounds; each series reports its best round (the machine is shared).
 *   Agreement: both sides must agree on allow vs deny (ours: deny = effect `block`), and on the
 *   matched rule ids. Targets: our median access decision <= 2 µs and >= 20x Cedar's throughput.
 *   `run()` returns the figures as JSON for an orchestrator; `--json` prints them.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const engine = require('../libs/policy-engine/dist/index.js');
// The subject look-up the API, the SDK and the browser extension run before evaluating (libs/decision-core resolveRequest).
const core = require('../libs/decision-core/dist/index.js');
// The same PRNG as the demo data (built with the API: `npm run bench` builds first).
const { mulberry32 } = require('../apps/api/dist/common/mulberry32.js');
const cedar = require('@cedar-policy/cedar-wasm/nodejs');

export const TARGETS = Object.freeze({ ourMedianAccessMicros: 2, minThroughputRatio: 20 });

// ----------------------------------------------------------------------------------------------
// Catalog, zones, policy

const STATUSES = ['approved', 'restricted', 'under_review', 'blocked'];

/** ~30 providers: the seed catalog when it is there (statuses assigned here), else synthetic ones. */
function loadCatalog(size = 30) {
  const seedFile = path.join(here, '..', 'prisma', 'seed', 'catalog.json');
  try {
    const seed = JSON.parse(fs.readFileSync(seedFile, 'utf8'));
    const providers = (Array.isArray(seed) ? seed : seed.providers).slice(0, size);
    if (providers.length >= 10) {
      return {
        source: 'prisma/seed/catalog.json',
        catalog: providers.map((p, i) => ({
          slug: p.slug,
          name: p.name,
          status: p.hqCountry === 'CN' ? (i % 2 === 0 ? 'blocked' : 'under_review') : STATUSES[i % 3],
          domains: p.domains,
          channels: p.channels,
          hqCountry: p.hqCountry,
          dataCountries: p.dataCountries,
          trainsOnInputs: p.trainsOnInputs,
          zeroRetentionOffer: p.zeroRetentionOffer,
          riskScore: engine.computeRiskScore(p).score,
        })),
      };
    }
  } catch {
    // fall through to the synthetic catalog
  }
  const countries = ['US', 'US', 'FR', 'DE', 'CN', 'SG', 'CA', 'GB'];
  const trains = ['yes', 'opt_out', 'no'];
  return {
    source: 'synthetic',
    catalog: Array.from({ length: size }, (_, i) => {
      const hq = countries[i % countries.length];
      return {
        slug: `provider-${i}`,
        name: `Provider ${i}`,
        status: STATUSES[i % STATUSES.length],
        domains: [`provider${i}.example`, `chat.provider${i}.example`, `*.api${i}.example`],
        channels: ['web', 'api'],
        hqCountry: hq,
        dataCountries: i % 5 === 0 ? [hq, 'CN'] : [hq],
        trainsOnInputs: trains[i % 3],
        zeroRetentionOffer: i % 2 === 0,
      };
    }),
  };
}

const ZONES = [
  { name: 'corporate', cidrs: ['10.0.0.0/8', 'fd00::/8'] },
  { name: 'vpn', cidrs: ['192.168.100.0/24'] },
];

const cedarString = (s) => JSON.stringify(s);
const cedarSet = (items) => `[${items.map(cedarString).join(', ')}]`;

/** The nine default rules as Cedar. block -> forbid; warn/redact -> permit (reported on allow). */
function cedarPolicies(restricted) {
  return {
    'no-credentials': `forbid (principal, action in [Action::"prompt", Action::"upload"], resource)
      when { context.dataClasses.contains("credentials") };`,
    'no-health-data-unapproved': `forbid (principal, action, resource)
      when { context.dataClasses.contains("health_data") }
      unless { resource.status == "approved" };`,
    'no-personal-data-unapproved': `@effect("redact") permit (principal, action, resource)
      when { context.dataClasses.containsAny(["personal_data", "government_id", "financial"]) }
      unless { resource.status == "approved" };`,
    'no-confidential-unapproved': `forbid (principal, action, resource)
      when { context.dataClasses.containsAny(["client_information", "company_confidential"]) }
      unless { resource.status == "approved" };`,
    'no-uploads-unapproved': `forbid (principal, action == Action::"upload", resource)
      unless { resource.status == "approved" };`,
    'warn-creative-training': `@effect("warn") permit (principal, action, resource)
      when { context.dataClasses.contains("creative_work") && ["yes", "opt_out"].contains(resource.trainsOnInputs) };`,
    'no-restricted-jurisdiction-on-corporate': `forbid (principal, action, resource)
      when { (${cedarSet(restricted)}.contains(resource.hqCountry) || resource.dataCountries.containsAny(${cedarSet(restricted)}))
             && context.zones.contains("corporate") };`,
    'blocked-providers': `forbid (principal, action, resource) when { resource.status == "blocked" };`,
    'coach-unreviewed': `@effect("warn") permit (principal, action, resource)
      when { ["under_review", "unknown"].contains(resource.status) };`,
    'default-allow': `permit (principal, action, resource);`,
  };
}

// ----------------------------------------------------------------------------------------------
// Request mix

const DATA_CLASS_MIXES = [
  [],
  [],
  ['source_code'],
  ['personal_data'],
  ['credentials'],
  ['creative_work'],
  ['client_information'],
  ['health_data', 'personal_data'],
  ['company_confidential', 'source_code'],
  ['financial'],
];

function makeRequests(catalog, count, seed) {
  const rnd = mulberry32(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const hostFor = (domain) => {
    if (!domain.startsWith('*.')) return domain;
    return `${pick(['www', 'app', 'eu.app', 'cdn'])}.${domain.slice(2)}`;
  };
  // An organization's clients: ~4,300 distinct IPs, which the evaluator's zone cache (10,000) holds.
  const corporate = Array.from({ length: 2000 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.${(i * 7) & 255}`);
  const corporate6 = Array.from({ length: 500 }, (_, i) => `fd00:${(i % 64).toString(16)}::${(i * 13).toString(16)}`);
  const vpn = Array.from({ length: 250 }, (_, i) => `192.168.100.${i}`);
  const outside = Array.from({ length: 1000 }, (_, i) => `203.0.${(i >> 8) & 255}.${i & 255}`);
  const outside6 = Array.from({ length: 500 }, (_, i) => `2001:db8::${(i * 7).toString(16)}`);
  const requests = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const action = r < 0.7 ? 'access' : r < 0.9 ? 'prompt' : 'upload';
    const d = rnd();
    let destination;
    if (d < 0.84) {
      const provider = pick(catalog);
      let host = hostFor(pick(provider.domains));
      if (rnd() < 0.1) host = host.toUpperCase();
      const port = rnd() < 0.05 ? ':443' : '';
      destination = { url: `https://${host}${port}/c/${(i * 2654435761) % 100000}?model=x&q=${i}` };
    } else if (d < 0.94) {
      destination = { url: `https://ai-tool-${Math.floor(rnd() * 50)}.example/chat/${i}` };
    } else if (d < 0.99) {
      destination = { provider: pick(catalog).slug };
    } else {
      destination = { url: `https://bücher-ki-${Math.floor(rnd() * 5)}.example/` };
    }
    const z = rnd();
    const ip =
      z < 0.5
        ? pick(corporate)
        : z < 0.6
          ? pick(corporate6)
          : z < 0.65
            ? `::ffff:${pick(corporate)}`
            : z < 0.75
              ? pick(vpn)
              : z < 0.9
                ? pick(outside)
                : pick(outside6);
    requests.push({
      action,
      destination,
      subject: { id: `u${i % 500}`, groups: rnd() < 0.2 ? ['legal'] : ['staff'] },
      context: { ip, channel: rnd() < 0.8 ? 'web' : 'desktop' },
      dataClasses: action === 'access' ? [] : pick(DATA_CLASS_MIXES),
    });
  }
  // Requests arrive as JSON: flat strings, as JSON.parse makes them (template literals build ropes).
  return JSON.parse(JSON.stringify(requests));
}

/** The Cedar call for a request, with the destination and zones resolved the way ours does. */
function cedarCallFor(evaluator, req, policySetId) {
  const resolved = evaluator.resolveDestination(req.destination, req.action);
  const p = resolved.provider;
  const id = p ? p.slug : `${resolved.unknownAi ? 'unknown' : 'none'}:${resolved.host ?? ''}`;
  const uid = { type: 'Destination', id };
  const zones = [...evaluator.zonesFor(req.context.ip)];
  return {
    principal: { type: 'User', id: req.subject.id },
    action: { type: 'Action', id: req.action },
    resource: uid,
    context: { zones, dataClasses: req.dataClasses, channel: req.context.channel },
    preparsedPolicySetId: policySetId,
    entities: [
      {
        uid,
        attrs: p
          ? {
              status: p.status,
              hqCountry: p.hqCountry,
              dataCountries: p.dataCountries,
              trainsOnInputs: p.trainsOnInputs,
              zeroRetentionOffer: p.zeroRetentionOffer,
            }
          : { status: resolved.unknownAi ? 'unknown' : 'none', hqCountry: '', dataCountries: [], trainsOnInputs: 'none', zeroRetentionOffer: false },
        parents: [],
      },
    ],
  };
}

// ----------------------------------------------------------------------------------------------
// Timing

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/**
 * Runs `fn` over `items` in batches of `batch` until `budgetMs` has passed (at least `minBatches`).
 * Returns per-decision nanoseconds per batch, and the total decisions and time.
 */
function timeBatches(items, fn, { batch, budgetMs, minBatches = 20 }) {
  const samples = [];
  let sink = 0;
  let total = 0n;
  let decisions = 0;
  let at = 0;
  const deadline = process.hrtime.bigint() + BigInt(budgetMs) * 1_000_000n;
  while (samples.length < minBatches || process.hrtime.bigint() < deadline) {
    if (at + batch > items.length) at = 0;
    const start = process.hrtime.bigint();
    for (let i = at; i < at + batch; i++) sink += fn(items[i]);
    const elapsed = process.hrtime.bigint() - start;
    total += elapsed;
    decisions += batch;
    samples.push(Number(elapsed) / batch);
    at += batch;
  }
  samples.sort((a, b) => a - b);
  return {
    medianMicros: quantile(samples, 0.5) / 1000,
    p99Micros: quantile(samples, 0.99) / 1000,
    throughputPerSec: decisions / (Number(total) / 1e9),
    decisions,
    batches: samples.length,
    sink,
  };
}

const round = (n, digits = 3) => Number(n.toFixed(digits));

// ----------------------------------------------------------------------------------------------

/**
 * Runs the benchmark and returns the figures. Options: `requests` (size of the mix), `seed`,
 * `budgetMs` (time for ours on the mix, half that per action; Cedar gets twice as long), `rounds`.
 */
export async function run({ requests: count = 20_000, seed = 42, budgetMs = 900, rounds = 3 } = {}) {
  const { source, catalog } = loadCatalog();
  const settings = engine.DEFAULT_POLICY_SETTINGS;
  const evaluator = engine.compilePolicy(engine.defaultPolicyRules(settings), catalog, ZONES, settings);

  const policySetId = 'airlock-default';
  const parsed = cedar.preparsePolicySet(policySetId, { staticPolicies: cedarPolicies(settings.restrictedJurisdictions) });
  if (parsed.type !== 'success') throw new Error(`Cedar rejected the policy set: ${JSON.stringify(parsed.errors)}`);

  const requests = makeRequests(catalog, count, seed);
  const calls = requests.map((r) => cedarCallFor(evaluator, r, policySetId));
  const cedarAnswer = (call) => {
    const answer = cedar.statefulIsAuthorized(call);
    if (answer.type !== 'success') throw new Error(`Cedar failed: ${JSON.stringify(answer.errors)}`);
    return answer.response;
  };

  // Agreement over the whole mix (also a warm-up for both).
  let sameDecision = 0;
  let sameRules = 0;
  const disagreements = [];
  for (let i = 0; i < requests.length; i++) {
    const ours = evaluator.evaluate(requests[i]);
    const theirs = cedarAnswer(calls[i]);
    const ourDeny = ours.effect === 'block';
    if (ourDeny === (theirs.decision === 'deny')) sameDecision++;
    const ourRules = ours.reasons
      .filter((r) => r.ruleId !== 'no-matching-rule' && (ourDeny ? r.effect === 'block' : true))
      .map((r) => r.ruleId)
      .sort();
    const theirRules = theirs.diagnostics.reason.filter((id) => id !== 'default-allow').sort();
    if (ourRules.join() === theirRules.join()) sameRules++;
    else if (disagreements.length < 5) disagreements.push({ request: requests[i], ours: ourRules, cedar: theirRules });
  }
  for (let k = 0; k < 3; k++) for (const r of requests) evaluator.evaluate(r);

  const byAction = (action) => {
    const idx = requests.map((r, i) => (r.action === action ? i : -1)).filter((i) => i >= 0);
    return { ours: idx.map((i) => requests[i]), cedar: idx.map((i) => calls[i]) };
  };
  const ourFn = (r) => (evaluator.evaluate(r).effect === 'block' ? 1 : 0);
  const cedarFn = (c) => (cedarAnswer(c).decision === 'deny' ? 1 : 0);

  // Three rounds, series interleaved, keeping each series' best round: the machine is shared, and
  // the best round is the one least disturbed by other processes (same rule for both sides).
  const sets = [
    ['mix', { ours: requests, cedar: calls }],
    ['access', byAction('access')],
    ['prompt', byAction('prompt')],
    ['upload', byAction('upload')],
  ];
  const best = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, set] of sets) {
      const share = name === 'mix' ? 1 : 0.5;
      const ours = timeBatches(set.ours, ourFn, { batch: 100, budgetMs: (budgetMs * share) / rounds });
      const theirs = timeBatches(set.cedar, cedarFn, { batch: 10, budgetMs: (2 * budgetMs * share) / rounds });
      best[name] ??= { ours, cedar: theirs };
      if (ours.medianMicros < best[name].ours.medianMicros) best[name].ours = ours;
      if (theirs.medianMicros < best[name].cedar.medianMicros) best[name].cedar = theirs;
    }
  }
  // Access decisions that name a subject by e-mail (mixed case; 5,000 people, a sixth of the names
  // unknown): the directory look-up the API and LocalDecider do before evaluating (resolveRequest).
  const people = Array.from({ length: 5000 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    email: `person${i}@example.com`,
    groups: i % 5 === 0 ? ['legal'] : ['staff'],
  }));
  const directory = new core.MemoryDirectory(people);
  const subjectRequests = JSON.parse(JSON.stringify(byAction('access').ours.map((r, i) => ({ ...r, subject: { email: `Person${(i * 7) % 6000}@Example.com` } }))));
  const subjectFn = (r) => (evaluator.evaluate(core.resolveRequest(r, directory).request).effect === 'block' ? 1 : 0);
  for (const r of subjectRequests) subjectFn(r);
  let bestSubject = null;
  for (let round = 0; round < rounds; round++) {
    const t = timeBatches(subjectRequests, subjectFn, { batch: 100, budgetMs: (budgetMs * 0.5) / rounds });
    if (!bestSubject || t.medianMicros < bestSubject.medianMicros) bestSubject = t;
  }

  const series = {};
  for (const [name, { ours, cedar: theirs }] of Object.entries(best)) {
    series[name] = {
      ours: { medianMicros: round(ours.medianMicros), p99Micros: round(ours.p99Micros), throughputPerSec: Math.round(ours.throughputPerSec), decisions: ours.decisions },
      cedar: { medianMicros: round(theirs.medianMicros), p99Micros: round(theirs.p99Micros), throughputPerSec: Math.round(theirs.throughputPerSec), decisions: theirs.decisions },
      ratioMedian: round(ours.medianMicros / theirs.medianMicros, 5),
      speedup: round(theirs.medianMicros / ours.medianMicros, 1),
      throughputRatio: round(ours.throughputPerSec / theirs.throughputPerSec, 1),
    };
  }

  series.accessWithSubject = {
    ours: { medianMicros: round(bestSubject.medianMicros), p99Micros: round(bestSubject.p99Micros), throughputPerSec: Math.round(bestSubject.throughputPerSec), decisions: bestSubject.decisions },
  };

  // What a zone-cache miss costs (a client IP seen for the first time, or evicted).
  const uncached = {};
  for (const [kind, make] of [
    ['ipv4', (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`],
    ['ipv6', (i) => `fd00:${(i >> 16).toString(16)}::${(i & 0xffff).toString(16)}`],
  ]) {
    const fresh = engine.compileZones(ZONES);
    const ips = Array.from({ length: 20_000 }, (_, i) => make(i + 1));
    for (let i = 0; i < 2000; i++) fresh.zonesFor(ips[i]);
    const start = process.hrtime.bigint();
    for (let i = 2000; i < ips.length; i++) fresh.zonesFor(ips[i]);
    uncached[kind] = round(Number(process.hrtime.bigint() - start) / (ips.length - 2000) / 1000);
  }

  const result = {
    bench: 'in-process',
    node: process.version,
    cedarVersion: cedar.getCedarVersion(),
    catalog: { source, providers: catalog.length },
    requests: count,
    mix: {
      access: requests.filter((r) => r.action === 'access').length,
      prompt: requests.filter((r) => r.action === 'prompt').length,
      upload: requests.filter((r) => r.action === 'upload').length,
      effects: requests.reduce((acc, r) => {
        const e = evaluator.evaluate(r).effect;
        acc[e] = (acc[e] ?? 0) + 1;
        return acc;
      }, {}),
    },
    agreement: {
      allowDenyPercent: round((100 * sameDecision) / requests.length, 2),
      matchedRulesPercent: round((100 * sameRules) / requests.length, 2),
      disagreements,
    },
    series,
    zoneLookupUncachedMicros: uncached,
    targets: {
      ourMedianAccessMicros: { target: TARGETS.ourMedianAccessMicros, measured: series.access.ours.medianMicros, met: series.access.ours.medianMicros <= TARGETS.ourMedianAccessMicros },
      throughputRatio: { target: TARGETS.minThroughputRatio, measured: series.mix.throughputRatio, met: series.mix.throughputRatio >= TARGETS.minThroughputRatio },
    },
    notes:
      'ours: evaluate() end to end (URL parsing, catalog and zone lookup, rules). Cedar: statefulIsAuthorized() on a preparsed ' +
      'policy set, with destination, zones and entity JSON prepared outside the timed loop.',
  };
  return result;
}

function printTable(r) {
  const pad = (s, n) => String(s).padStart(n);
  const fmt = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const lines = [];
  lines.push(`Airlock policy engine vs Cedar ${r.cedarVersion} (in-process, ${r.node})`);
  lines.push(
    `catalog: ${r.catalog.providers} providers (${r.catalog.source}); ${r.requests} requests: ${r.mix.access} access, ${r.mix.prompt} prompt, ${r.mix.upload} upload; effects ${JSON.stringify(r.mix.effects)}`,
  );
  lines.push('');
  lines.push(`${'series'.padEnd(8)} ${pad('ours med µs', 12)} ${pad('ours p99 µs', 12)} ${pad('cedar med µs', 13)} ${pad('cedar p99 µs', 13)} ${pad('ours/cedar', 11)} ${pad('ours dec/s', 12)} ${pad('cedar dec/s', 12)} ${pad('thr. ratio', 11)}`);
  for (const [name, s] of Object.entries(r.series)) {
    if (!s.cedar) {
      // A series of ours alone (e.g. accessWithSubject: the directory look-up has no Cedar peer).
      lines.push(`${name.padEnd(8)} ${pad(fmt(s.ours.medianMicros), 12)} ${pad(fmt(s.ours.p99Micros), 12)} ${pad('—', 13)} ${pad('—', 13)} ${pad('—', 11)} ${pad(s.ours.throughputPerSec.toLocaleString('en-US'), 12)}`);
      continue;
    }
    lines.push(
      `${name.padEnd(8)} ${pad(fmt(s.ours.medianMicros), 12)} ${pad(fmt(s.ours.p99Micros), 12)} ${pad(fmt(s.cedar.medianMicros), 13)} ${pad(fmt(s.cedar.p99Micros), 13)} ${pad(s.ratioMedian.toFixed(4), 11)} ${pad(s.ours.throughputPerSec.toLocaleString('en-US'), 12)} ${pad(s.cedar.throughputPerSec.toLocaleString('en-US'), 12)} ${pad(`${s.throughputRatio}x`, 11)}`,
    );
  }
  lines.push('');
  lines.push(`zone lookup on a cache miss (first sight of a client IP): IPv4 ${r.zoneLookupUncachedMicros.ipv4} µs, IPv6 ${r.zoneLookupUncachedMicros.ipv6} µs`);
  lines.push(`agreement: allow/deny ${r.agreement.allowDenyPercent}%, matched rules ${r.agreement.matchedRulesPercent}%`);
  const t = r.targets;
  lines.push(`target: our median access <= ${t.ourMedianAccessMicros.target} µs: ${t.ourMedianAccessMicros.measured} µs ${t.ourMedianAccessMicros.met ? 'MET' : 'NOT MET'}`);
  lines.push(`target: >= ${t.throughputRatio.target}x Cedar's throughput: ${t.throughputRatio.measured}x ${t.throughputRatio.met ? 'MET' : 'NOT MET'}`);
  lines.push(r.notes);
  if (r.agreement.disagreements.length > 0) lines.push(`first disagreements: ${JSON.stringify(r.agreement.disagreements, null, 2)}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const result = await run();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else console.log(printTable(result));
}
