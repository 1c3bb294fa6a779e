#!/usr/bin/env node
/**
 * The Activity page's reads of the decision log at scale, side by side with the peer they replace,
 * and what its indexes cost the writer.
 *
 *   node scripts/build-stale.mjs && node bench/activity.mjs [--rows 3000000] [--json]
 *   (BENCH_DATABASE_URL: a PostgreSQL server where a scratch database may be created; default
 *   postgresql://postgres@127.0.0.1:5432/postgres. The database is dropped at the end.)
 *
 * 1. Builds a decision log of N rows (default 3 million, 90% one organization, 10% nine others)
 *    over 60 days with the schema of prisma/migrations (monthly partitions, the key, the Activity
 *    indexes: effect (partial, not allow) and subject): 85% allow, 8% warn, 4% redact, 3% block; 40 services, 5,000 people, 20 groups, 3
 *    zones, 6 channels, 5 API clients; then ANALYZE.
 * 2. Reads: the SQL ActivityRepository sends (imported from apps/api/dist, so it is the API's own
 *    query) for a first page of 50 under each filter, and a page 100,000 rows deep by its cursor;
 *    the peer is what a list with a total does: the same page by OFFSET, and count(*) of the filter.
 *    Each query runs repeatedly on one connection; reported: median wall time, and the PostgreSQL
 *    backend's CPU time per query (utime + stime of its process from /proc, over all runs, divided
 *    by the runs; the server is on this host), and the plan's scan node and index (EXPLAIN).
 * 3. Writes: the writer's COPY (1,000-row batches, the writer's own line format) of 100,000 rows
 *    into copies of the table that already hold 500,000 rows: the key only (as before), then with
 *    the Activity indexes added one by one; rows per second and backend CPU time per 1,000 rows.
 */
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { backendCpuMs as cpuMs, option as arg, withScratchDatabase } from './postgres-bench.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { from: copyFrom } = require('pg-copy-streams');
const { ActivityRepository } = require(path.join(root, 'apps/api/dist/modules/activity/activity.repository.js'));
const { DECISION_LOG_COLUMNS, copyLine } = require(path.join(root, 'apps/api/dist/modules/decisions/decision-log.batch.js'));

const argv = process.argv.slice(2);
const ROWS = Number(arg('--rows', '3000000'));
const JSON_OUT = argv.includes('--json');
const ORG = '00000000-0000-4000-8000-00000000000a';
const log = (...a) => (JSON_OUT ? undefined : console.log(...a));

async function generate(client, rows) {
  const dayMs = 86_400_000;
  // Deterministic spread: row i at now - i * (60 days / rows); organization A for 9 of 10 rows.
  await client.query(`
    INSERT INTO "DecisionLog" ("id", "time", "organizationId", "apiClientId", "policyVersion", "providerSlug", "destinationHost", "action", "channel",
      "networkZones", "subjectId", "subjectGroups", "effect", "ruleIds", "dataClasses", "latencyMicros", "source")
    SELECT gen_random_uuid(), now() - (i * ${(60 * dayMs) / rows}) * interval '1 millisecond',
      CASE WHEN i % 10 = 9 THEN ('00000000-0000-4000-8000-00000000000' || (i % 9))::uuid ELSE '${ORG}'::uuid END,
      ('00000000-0000-4000-8000-0000000000c' || (i % 5))::uuid, 1,
      CASE WHEN i % 97 = 0 THEN NULL ELSE 'service-' || floor(40 * power(((i * 7919) % 1000) / 1000.0, 2))::int END,
      CASE WHEN i % 97 = 0 THEN 'unknown-' || (i % 13) || '.example' ELSE 'host.example' END,
      (ARRAY['access','access','access','prompt','prompt','upload'])[1 + i % 6]::"DecisionAction",
      (ARRAY['web','desktop','mobile','api','ide','cli'])[1 + (i / 7) % 6],
      ARRAY[(ARRAY['corporate','remote','vpn'])[1 + (i / 3) % 3]],
      'person' || ((i * 104729) % 5000) || '@corp.example',
      ARRAY['group-' || ((i * 31) % 20)],
      e.effect::"Effect",
      CASE e.effect WHEN 'block' THEN ARRAY['no-credentials'] WHEN 'redact' THEN ARRAY['no-personal-data-unapproved'] WHEN 'warn' THEN ARRAY['coach-unreviewed'] ELSE ARRAY[]::text[] END,
      CASE e.effect WHEN 'block' THEN ARRAY['credentials'] WHEN 'redact' THEN ARRAY['personal_data'] ELSE ARRAY[]::text[] END,
      100, 'api'
    FROM generate_series(0::bigint, ${rows - 1}::bigint) AS i,
    LATERAL (SELECT CASE WHEN (i * 48271) % 100 < 85 THEN 'allow' WHEN (i * 48271) % 100 < 93 THEN 'warn' WHEN (i * 48271) % 100 < 97 THEN 'redact' ELSE 'block' END AS effect) e`);
}

function planSummary(plan) {
  const nodes = [];
  const walk = (n) => {
    // Partitions are DecisionLog_<yyyy_mm> / DecisionLog_default: name the index, not the partition.
    const index = n['Index Name']?.replace(/^DecisionLog_(\d{4}_\d{2}|default)_?/, '').replace(/_idx$/, '') || '';
    if (/Scan/.test(n['Node Type'])) nodes.push(`${n['Node Type']}${index ? ` on ${index}` : ''}`);
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(plan);
  const counts = new Map();
  for (const n of nodes) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, c]) => (c > 1 ? `${c} x ${n}` : n)).join(', ');
}

async function timeQuery(client, pid, sql, values, { minRuns = 5, budgetMs = 3000 } = {}) {
  await client.query(sql, values); // warm
  const times = [];
  const cpu0 = await cpuMs(pid);
  const t0 = performance.now();
  while (times.length < minRuns || (performance.now() - t0 < budgetMs && times.length < 200)) {
    const s = performance.now();
    await client.query(sql, values);
    times.push(performance.now() - s);
  }
  const cpu = ((await cpuMs(pid)) - cpu0) / times.length;
  times.sort((a, b) => a - b);
  const explain = await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, values);
  return { medianMs: +times[Math.floor(times.length / 2)].toFixed(2), cpuMsPerQuery: +cpu.toFixed(2), runs: times.length, plan: planSummary(explain.rows[0]['QUERY PLAN'][0].Plan) };
}

const toPg = (s) => ({ text: s.text, values: s.values });

export async function run() {
  const result = { rows: ROWS, reads: [], writes: {} };
  await withScratchDatabase('airlock_bench_activity', async (client, pid) => {
    await client.query(`SELECT airlock_ensure_decision_partitions((date_trunc('month', now()) - interval '3 months')::date, 5)`);
    let t = performance.now();
    await generate(client, ROWS);
    await client.query('ANALYZE "DecisionLog"');
    result.generateSeconds = +((performance.now() - t) / 1000).toFixed(1);
    const size = (await client.query(`SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) AS s FROM pg_inherits WHERE inhparent = '"DecisionLog"'::regclass`)).rows[0].s;
    result.loadAverage = os.loadavg().map((l) => +l.toFixed(2));
    log(`Activity bench: ${ROWS.toLocaleString()} decisions generated in ${result.generateSeconds} s (${size} with indexes); load average ${result.loadAverage.join(' ')}`);

    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const page = (filter, after) => toPg(ActivityRepository.pageSql(ORG, { since, ...filter }, 51, after));
    const filters = [
      ['no filter (last 30 days)', {}],
      ['effect=block', { effect: ['block'] }],
      ['effect=warn,redact,block', { effect: ['warn', 'redact', 'block'] }],
      ['service=service-12', { service: 'service-12' }],
      ['service=service-39 (one of the rarest)', { service: 'service-39' }],
      ['subject=person42@corp.example', { subject: 'person42@corp.example' }],
      ['rule=no-credentials', { rule: 'no-credentials' }],
      ['group=group-7', { group: 'group-7' }],
      ['zone=vpn & channel=ide', { zone: 'vpn', channel: 'ide' }],
      ['effect=block & service=service-30 & group=group-3', { effect: ['block'], service: 'service-30', group: 'group-3' }],
      ['subject & effect=block', { subject: 'person42@corp.example', effect: ['block'] }],
      ['host=unknown-3.example', { host: 'unknown-3.example' }],
    ];
    log('\nFirst page of 50 (keyset, LIMIT 51), organization with 90% of the rows:');
    for (const [label, f] of filters) {
      const q = page(f);
      const r = await timeQuery(client, pid, q.text, q.values);
      result.reads.push({ query: label, ...r });
      log(`  ${label.padEnd(48)} ${String(r.medianMs).padStart(8)} ms  cpu ${String(r.cpuMsPerQuery).padStart(7)} ms  ${r.plan}`);
    }

    // Deep paging: the cursor of row 100,000 (found once) vs OFFSET 100,000 (the peer).
    const depth = Math.min(100_000, Math.floor(ROWS * 0.2));
    const nth = (await client.query(`SELECT "time", "id" FROM "DecisionLog" WHERE "organizationId" = $1 AND "time" >= $2 ORDER BY "time" DESC, "id" DESC OFFSET $3 LIMIT 1`, [ORG, since, depth - 1])).rows[0];
    log(`\nPage ${depth.toLocaleString()} rows deep, and a total, side by side with the peer (OFFSET, count(*)):`);
    const deep = [
      ['keyset: page after row ' + depth, page({}, { time: nth.time, id: nth.id })],
      ['peer: OFFSET ' + depth, { text: `SELECT * FROM "DecisionLog" d WHERE d."organizationId" = $1 AND d."time" >= $2 ORDER BY d."time" DESC, d."id" DESC OFFSET ${depth} LIMIT 51`, values: [ORG, since] }],
      ['keyset: effect=block, next page', page({ effect: ['block'] })],
      ['peer: count(*) effect=block', { text: `SELECT count(*) FROM "DecisionLog" d WHERE d."organizationId" = $1 AND d."time" >= $2 AND d."effect" = 'block'`, values: [ORG, since] }],
      ['peer: count(*) no filter', { text: `SELECT count(*) FROM "DecisionLog" d WHERE d."organizationId" = $1 AND d."time" >= $2`, values: [ORG, since] }],
    ];
    for (const [label, q] of deep) {
      const r = await timeQuery(client, pid, q.text, q.values, { minRuns: 3, budgetMs: 4000 });
      result.reads.push({ query: label, ...r });
      log(`  ${label.padEnd(48)} ${String(r.medianMs).padStart(8)} ms  cpu ${String(r.cpuMsPerQuery).padStart(7)} ms  ${r.plan}`);
    }

    // Writes: the writer's COPY into the key only, then with the Activity indexes added one by one.
    log('\nWriter: COPY of 100,000 rows in 1,000-row batches into a table of 500,000 rows:');
    const EFFECT_INDEX = `("organizationId", "effect", "time", "id") WHERE "effect" <> 'allow'`;
    const SERVICE_INDEX = '("organizationId", "providerSlug", "time", "id")';
    const SUBJECT_INDEX = '("organizationId", "subjectId", "time", "id")';
    for (const [name, extra] of [
      ['key only (before)', []],
      ['key + effect (partial)', [EFFECT_INDEX]],
      ['key + effect + subject (shipped)', [EFFECT_INDEX, SUBJECT_INDEX]],
      ['+ service (left out)', [EFFECT_INDEX, SUBJECT_INDEX, SERVICE_INDEX]],
    ]) {
      const table = `bench_write_${extra.length}`;
      await client.query(`CREATE TABLE ${table} (LIKE "DecisionLog" INCLUDING DEFAULTS)`);
      await client.query(`ALTER TABLE ${table} ADD PRIMARY KEY ("organizationId", "time", "id")`);
      for (const cols of extra) await client.query(`CREATE INDEX ON ${table} ${cols}`);
      await client.query(`INSERT INTO ${table} SELECT * FROM "DecisionLog" LIMIT 500000`);
      await client.query(`VACUUM ANALYZE ${table}`);
      const batches = [];
      for (let b = 0; b < 100; b++) {
        let text = '';
        for (let i = 0; i < 1000; i++) {
          const n = b * 1000 + i;
          const effect = ['allow', 'allow', 'allow', 'allow', 'allow', 'allow', 'warn', 'block'][n % 8];
          text += copyLine({
            id: crypto.randomUUID(), time: new Date(Date.now() + n), organizationId: ORG, apiClientId: null, policyVersion: 1,
            providerSlug: `service-${n % 40}`, destinationHost: 'host.example', action: 'prompt', channel: 'web', networkZones: ['corporate'],
            subjectId: `person${n % 5000}@corp.example`, subjectGroups: ['group-1'], effect, ruleIds: effect === 'allow' ? [] : ['coach-unreviewed'],
            dataClasses: [], contentHmac: null, correlationId: null, latencyMicros: 100, staleSeconds: null, source: 'api', overrideReason: null,
          });
        }
        batches.push(text);
      }
      const columns = DECISION_LOG_COLUMNS.map((c) => `"${c}"`).join(', ');
      const cpu0 = await cpuMs(pid);
      t = performance.now();
      for (const text of batches) {
        await client.query('BEGIN');
        await pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
        await client.query('COMMIT');
      }
      const seconds = (performance.now() - t) / 1000;
      const cpu = (await cpuMs(pid)) - cpu0;
      result.writes[name] = { rowsPerSecond: Math.round(100_000 / seconds), cpuMsPer1000Rows: +(cpu / 100).toFixed(2) };
      log(`  ${name.padEnd(34)} ${Math.round(100_000 / seconds).toLocaleString().padStart(9)} rows/s  cpu ${(cpu / 100).toFixed(2)} ms per 1,000 rows`);
    }
  });
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await run();
  if (JSON_OUT) console.log(JSON.stringify(r, null, 2));
}
