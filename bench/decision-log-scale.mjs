#!/usr/bin/env node
/**
 * The decision log at 100 million rows: how long it takes to load, what it costs on disk, and
 * whether what reads it (the dashboard, the impact preview, the Activity page, retention) stays
 * fast at that size.
 *
 *   node scripts/build-stale.mjs && node bench/decision-log-scale.mjs [--rows 100000000] [--months 13] [--json] [--plans FILE]
 *   (BENCH_DATABASE_URL: a PostgreSQL server where a scratch database may be created; default
 *   postgresql://postgres@127.0.0.1:5432/postgres. The database is dropped at the end. 100 million
 *   rows need about 50 GB of free disk while it runs.)
 *
 * 1. Migrates a scratch database (prisma/migrations: monthly partitions, the key, the Activity
 *    indexes), makes the partitions of the last `--months` months, and loads N decisions with COPY
 *    in the writer's own line format (DECISION_LOG_COLUMNS), oldest first, spread evenly over the
 *    months: 90% one organization, 10% nine others; 85% allow, 8% warn, 4% redact, 3% block; 40
 *    services, 5,000 people, 20 groups, 3 zones, 6 channels, 5 API clients; UUIDv7 ids. Then the
 *    hourly rollups the dashboard reads, as the writer keeps them (grouped from the log), the daily
 *    upkeep's merge of the days before yesterday into a row per day, and VACUUM ANALYZE.
 * 2. Size on disk per million decisions (table and indexes, all partitions).
 * 3. Reads, each the API's own SQL where it is raw SQL (the dashboard's repositories with a stand-in
 *    for Prisma's tagged template; ActivityRepository.pageSql), and for the impact preview the query
 *    Prisma sends for PolicyRepository.recentDecisions (the key read backwards, LIMIT). Each runs
 *    repeatedly on one connection: median and p95 wall time, the backend's CPU time per query
 *    (/proc: the server is on this host), and EXPLAIN (ANALYZE, BUFFERS) of one run (--plans FILE
 *    writes them all as Markdown).
 * 4. Retention: airlock_drop_decision_partitions for the oldest month, timed, and the space it freed.
 */
import fs from 'node:fs';
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
const { DashboardRepository } = require(path.join(root, 'apps/api/dist/modules/dashboard/dashboard.repository.js'));
const { OverrideRatesRepository } = require(path.join(root, 'apps/api/dist/modules/dashboard/override-rates.repository.js'));
const { windowStart } = require(path.join(root, 'apps/api/dist/modules/dashboard/dashboard.service.js'));
const { DECISION_LOG_COLUMNS } = require(path.join(root, 'apps/api/dist/modules/decisions/decision-log.batch.js'));

const argv = process.argv.slice(2);
const ROWS = Number(arg('--rows', '100000000'));
const MONTHS = Number(arg('--months', '13'));
const PLANS_FILE = arg('--plans', null);
const JSON_OUT = argv.includes('--json');
const ORG = '00000000-0000-4000-8000-00000000000a';
const log = (...a) => (JSON_OUT ? undefined : console.log(...a));
const DAY_MS = 86_400_000;

/** Decision lines for rows [from, to) of `rows` spread over [start, end), in COPY text format. */
function* lines(rows, start, end, chunkRows = 20_000) {
  const orgs = Array.from({ length: 9 }, (_, k) => `00000000-0000-4000-8000-00000000000${k}`);
  const clients = Array.from({ length: 5 }, (_, k) => `00000000-0000-4000-8000-0000000000c${k}`);
  const actions = ['access', 'access', 'access', 'prompt', 'prompt', 'upload'];
  const channels = ['web', 'desktop', 'mobile', 'api', 'ide', 'cli'];
  const zones = ['{corporate}', '{remote}', '{vpn}'];
  const step = (end - start) / rows;
  let text = '';
  for (let i = 0; i < rows; i++) {
    const t = start + Math.floor(i * step);
    const h = (i * 48271) % 100;
    const effect = h < 85 ? 'allow' : h < 93 ? 'warn' : h < 97 ? 'redact' : 'block';
    const rules = effect === 'block' ? '{no-credentials}' : effect === 'redact' ? '{no-personal-data-unapproved}' : effect === 'warn' ? '{coach-unreviewed}' : '{}';
    const classes = effect === 'block' ? '{credentials}' : effect === 'redact' ? '{personal_data}' : '{}';
    const unknown = i % 97 === 0;
    const slug = unknown ? '\\N' : `service-${Math.floor(40 * (((i * 7919) % 1000) / 1000) ** 2)}`;
    const host = unknown ? `unknown-${i % 13}.example` : 'host.example';
    // UUIDv7 (RFC 9562): 48-bit millisecond time, version 7, variant 10, then the row number.
    const ms = t.toString(16).padStart(12, '0');
    const n = i.toString(16).padStart(15, '0');
    const id = `${ms.slice(0, 8)}-${ms.slice(8)}-7${n.slice(0, 3)}-8${n.slice(3, 6)}-${n.slice(6)}000`;
    text +=
      `${id}\t${new Date(t).toISOString()}\t${i % 10 === 9 ? orgs[i % 9] : ORG}\t${clients[i % 5]}\t1\t${slug}\t${host}\t${actions[i % 6]}\t` +
      `${channels[Math.floor(i / 7) % 6]}\t${zones[Math.floor(i / 3) % 3]}\tperson${(i * 104729) % 5000}@corp.example\t{group-${(i * 31) % 20}}\t` +
      `${effect}\t${rules}\t${classes}\t\\N\t\\N\t100\t\\N\tapi\t\\N\t\\N\t\\N\n`;
    if ((i + 1) % chunkRows === 0) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

/** Prisma's tagged template, as the repository calls it, turned into a pg query. */
const sqlStandIn = {
  $queryRaw: (strings, ...values) => ({ text: strings.reduce((acc, s, i) => `${acc}$${i}${s}`), values }),
};
const dashboard = new DashboardRepository(sqlStandIn);
const overrides = new OverrideRatesRepository(sqlStandIn);

function planText(rows) {
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function measure(client, pid, label, q, { minRuns = 5, budgetMs = 3000 } = {}) {
  await client.query(q.text, q.values); // warm
  const times = [];
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  while (times.length < minRuns || (performance.now() - t0 < budgetMs && times.length < 100)) {
    const s = performance.now();
    await client.query(q.text, q.values);
    times.push(performance.now() - s);
  }
  const cpu = (cpuMs(pid) - cpu0) / times.length;
  times.sort((a, b) => a - b);
  const plan = planText((await client.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON) ${q.text}`, q.values)).rows);
  const r = {
    query: label,
    medianMs: +times[Math.floor(times.length / 2)].toFixed(2),
    p95Ms: +times[Math.min(times.length - 1, Math.floor(times.length * 0.95))].toFixed(2),
    cpuMsPerQuery: +cpu.toFixed(2),
    runs: times.length,
    plan,
  };
  log(`  ${label.padEnd(58)} ${String(r.medianMs).padStart(8)} ms  p95 ${String(r.p95Ms).padStart(8)} ms  cpu ${String(r.cpuMsPerQuery).padStart(7)} ms`);
  return r;
}

async function tableSizes(client) {
  const { rows } = await client.query(`
    SELECT sum(pg_table_size(inhrelid))::bigint AS heap, sum(pg_indexes_size(inhrelid))::bigint AS indexes, count(*)::int AS partitions
    FROM pg_inherits WHERE inhparent = '"DecisionLog"'::regclass`);
  return { heap: Number(rows[0].heap), indexes: Number(rows[0].indexes), partitions: rows[0].partitions };
}

const mb = (bytes) => +(bytes / 1024 / 1024).toFixed(1);

export async function run() {
  const result = { rows: ROWS, months: MONTHS, server: null, load: {}, rollups: {}, size: {}, reads: [], retention: {} };
  await withScratchDatabase('airlock_bench_scale', async (client, pid) => {
    result.server = (await client.query('SHOW server_version')).rows[0].server_version;
    // The months of the log, and the next one (the API keeps partitions ahead of time).
    const firstMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - (MONTHS - 1), 1));
    await client.query('SELECT airlock_ensure_decision_partitions($1::date, $2)', [firstMonth.toISOString().slice(0, 10), MONTHS + 1]);
    // The rollups reference their organization (the log does not: ADR 0009).
    await client.query(`INSERT INTO "Organization" ("id", "name", "slug", "updatedAt")
      SELECT id::uuid, 'Organization ' || n, 'org-' || n, now() FROM unnest($1::text[]) WITH ORDINALITY AS o(id, n)`,
      [[ORG, ...Array.from({ length: 9 }, (_, k) => `00000000-0000-4000-8000-00000000000${k}`)]]);

    // 1. Load with COPY, oldest first, in the writer's column order.
    const start = firstMonth.getTime();
    const end = Date.now() - 60_000;
    const columns = DECISION_LOG_COLUMNS.map((c) => `"${c}"`).join(', ');
    log(`Decision log at scale: ${ROWS.toLocaleString()} decisions over ${MONTHS} months into PostgreSQL ${result.server}, load average ${os.loadavg()[0].toFixed(2)}`);
    let t = performance.now();
    const cpu0 = cpuMs(pid);
    const generated = Readable.from(lines(ROWS, start, end));
    const progress = setInterval(() => log(`  … ${Math.round((performance.now() - t) / 1000)} s`), 60_000);
    try {
      await pipeline(generated, client.query(copyFrom(`COPY "DecisionLog" (${columns}) FROM STDIN`)));
    } finally {
      clearInterval(progress);
    }
    const copySeconds = (performance.now() - t) / 1000;
    result.load.copySeconds = +copySeconds.toFixed(1);
    result.load.rowsPerSecond = Math.round(ROWS / copySeconds);
    result.load.backendCpuSecondsPerMillion = +((cpuMs(pid) - cpu0) / 1000 / (ROWS / 1e6)).toFixed(2);
    log(`  COPY: ${result.load.copySeconds} s, ${result.load.rowsPerSecond.toLocaleString()} rows/s, backend CPU ${result.load.backendCpuSecondsPerMillion} s per million rows`);

    t = performance.now();
    await client.query(`INSERT INTO "DecisionRollup" ("organizationId", "bucket", "providerSlug", "action", "effect", "count")
      SELECT "organizationId", date_trunc('hour', "time"), coalesce("providerSlug", ''), "action", "effect", count(*)
      FROM "DecisionLog" GROUP BY 1, 2, 3, 4, 5`);
    await client.query(`INSERT INTO "DecisionClassRollup" ("organizationId", "bucket", "dataClass", "effect", "count")
      SELECT "organizationId", date_trunc('hour', "time"), c, "effect", count(*)
      FROM "DecisionLog", unnest("dataClasses") c WHERE "effect" <> 'allow' GROUP BY 1, 2, 3, 4`);
    // Warnings per service and group (and '*': each once), a fifth of them continued past.
    await client.query(`INSERT INTO "DecisionOverrideRollup" ("organizationId", "bucket", "providerSlug", "subjectGroup", "warned", "overridden")
      SELECT "organizationId", date_trunc('hour', "time"), coalesce("providerSlug", ''), g, count(*), count(*) FILTER (WHERE ('x' || substr("id"::text, 35, 2))::bit(8)::int % 5 = 0)
      FROM "DecisionLog", unnest("subjectGroups" || '{*}'::text[]) g WHERE "effect" = 'warn' GROUP BY 1, 2, 3, 4`);
    const hourlyRows = Number((await client.query('SELECT count(*) AS n FROM "DecisionRollup"')).rows[0].n);
    result.load.rollupSeconds = +((performance.now() - t) / 1000).toFixed(1);
    // The daily upkeep's merge of the days before yesterday into a row per day, as a first run on
    // an installation that kept hours until now would do it.
    t = performance.now();
    const merged = Number((await client.query(`SELECT airlock_merge_decision_rollups_by_day(now() - interval '1 day') AS n`)).rows[0].n);
    result.load.mergeByDaySeconds = +((performance.now() - t) / 1000).toFixed(1);
    for (const table of ['DecisionLog', 'DecisionRollup', 'DecisionClassRollup', 'DecisionOverrideRollup']) await client.query(`VACUUM ANALYZE "${table}"`);
    const dailyRows = Number((await client.query('SELECT count(*) AS n FROM "DecisionRollup"')).rows[0].n);
    result.rollups = { hourlyRows, rowsAfterMerge: dailyRows, merged };
    log(`  rollups: ${hourlyRows.toLocaleString()} hourly rows in ${result.load.rollupSeconds} s; merged by day in ${result.load.mergeByDaySeconds} s: ${dailyRows.toLocaleString()} rows`);

    // 2. Size.
    const size = await tableSizes(client);
    const perMillion = (bytes) => mb(bytes / (ROWS / 1e6));
    result.size = {
      partitions: size.partitions,
      heapMB: mb(size.heap),
      indexesMB: mb(size.indexes),
      totalMB: mb(size.heap + size.indexes),
      perMillionMB: { heap: perMillion(size.heap), indexes: perMillion(size.indexes), total: perMillion(size.heap + size.indexes) },
      rollupMB: mb(Number((await client.query(`SELECT pg_total_relation_size('"DecisionRollup"') + pg_total_relation_size('"DecisionClassRollup"') AS b`)).rows[0].b)),
    };
    log(`  size: ${result.size.totalMB.toLocaleString()} MB in ${size.partitions} partitions (heap ${result.size.heapMB.toLocaleString()} MB, indexes ${result.size.indexesMB.toLocaleString()} MB); ` +
      `per million decisions ${result.size.perMillionMB.total} MB (${result.size.perMillionMB.heap} + ${result.size.perMillionMB.indexes}); rollups ${result.size.rollupMB} MB`);

    // 3. Reads.
    const now = Date.now();
    const since = (days) => new Date(now - days * DAY_MS);
    // The dashboard's window as DashboardService computes it (whole UTC days, today included).
    const reads = [];
    for (const days of [30, 365]) {
      const from = windowStart(days);
      reads.push(
        [`dashboard: decisions by day, ${days} days`, dashboard.decisionsByDay(ORG, from)],
        [`dashboard: top services, ${days} days`, dashboard.topProviders(ORG, from)],
        [`dashboard: data classes, ${days} days`, dashboard.dataClasses(ORG, from)],
        [`dashboard: totals by effect, ${days} days`, dashboard.totalsByEffect(ORG, from)],
        [`dashboard: override rates by service, ${days} days`, overrides.byService(ORG, from)],
        [`dashboard: override rates by group, ${days} days`, overrides.byGroup(ORG, from)],
      );
    }
    // PolicyRepository.recentDecisions as Prisma sends it: the replay's columns, the key backwards.
    const impact = (limit, window) => {
      const values = [ORG];
      let where = `"organizationId" = $1`;
      if (window?.since) where += ` AND "time" >= $${values.push(window.since)}`;
      if (window?.until) where += ` AND "time" <= $${values.push(window.until)}`;
      return {
        text: `SELECT "id", "time", "providerSlug", "destinationHost", "action", "channel", "networkZones", "subjectGroups", "dataClasses"
               FROM "DecisionLog" WHERE ${where} ORDER BY "time" DESC, "id" DESC LIMIT $${values.push(limit)} OFFSET $${values.push(0)}`,
        values,
      };
    };
    reads.push(
      ['impact preview: newest 5,000 (the default)', impact(5001)],
      ['impact preview: newest 50,000 (the most it takes)', impact(50_001)],
      ['impact preview: 5,000 of a week 6 months ago', impact(5001, { since: since(190), until: since(183) })],
    );
    const page = (filter) => {
      const s = ActivityRepository.pageSql(ORG, { since: since(30).toISOString(), ...filter }, 51);
      return { text: s.text, values: s.values };
    };
    reads.push(
      ['activity: first page, last 30 days', page({})],
      ['activity: first page, effect=block', page({ effect: ['block'] })],
      ['activity: first page, subject=person42@corp.example', page({ subject: 'person42@corp.example' })],
    );
    log(`\nReads (organization with 90% of the rows; median, p95, backend CPU per query):`);
    for (const [label, q] of reads) result.reads.push(await measure(client, pid, label, q));

    // 4. Retention: drop the oldest month.
    const before = await tableSizes(client);
    const oldestEnd = new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + 1, 1));
    t = performance.now();
    const dropped = (await client.query('SELECT airlock_drop_decision_partitions($1) AS d', [oldestEnd])).rows[0].d;
    const after = await tableSizes(client);
    result.retention = { dropped, ms: +(performance.now() - t).toFixed(1), freedMB: mb(before.heap + before.indexes - after.heap - after.indexes) };
    log(`\nRetention: dropped ${dropped.join(', ')} in ${result.retention.ms} ms, ${result.retention.freedMB.toLocaleString()} MB freed`);
  });
  if (PLANS_FILE) {
    const md = result.reads.map((r) => `### ${r.query}\n\nmedian ${r.medianMs} ms, p95 ${r.p95Ms} ms, backend CPU ${r.cpuMsPerQuery} ms\n\n\`\`\`\n${r.plan}\n\`\`\`\n`).join('\n');
    fs.writeFileSync(PLANS_FILE, md);
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await run();
  if (JSON_OUT) console.log(JSON.stringify({ ...r, reads: r.reads.map(({ plan: _plan, ...rest }) => rest) }, null, 2));
}
