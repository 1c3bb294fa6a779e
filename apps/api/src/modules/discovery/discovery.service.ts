import { createHmac } from 'node:crypto';
import { type DiscoveredServiceOutput, DISCOVERY_FORMATS, type DiscoveryFilter, type DiscoveryImportOutput, type DiscoveryImportQuery, type DiscoverySummaryOutput, type KnownAiServicesOutput } from '@airlock/contracts';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { DISCOVERY_FORMATS as LIB_FORMATS, DiscoveryPipeline, FormatNotDetected, HostMatcher, type HostMatch, type ImportStats } from '@airlock/discovery';
import { compileZones, type PolicyIssue } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import { TimeSlice } from '../../common/time-slice';
import { AuditService } from '../audit/audit.service';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { SecretsService } from '../secrets/secrets.service';
import { DiscoveryRepository, type ImportProgress, type UsageFilter } from './discovery.repository';
import { knownAiServices } from './known-ai-services';

// The contract's list and the library's are the same list.
const SAME_FORMATS: readonly (typeof LIB_FORMATS)[number][] = DISCOVERY_FORMATS;
void SAME_FORMATS;

/** Cells held in memory before they are added to the database (bounds an import's memory). */
const MAX_CELLS_IN_MEMORY = 20_000;
/** How often the import's progress is written while it runs. */
const PROGRESS_EVERY_MS = 500;
/**
 * The import hands the event loop over at least this often: it parsed 1 MiB between two yields,
 * which held the worker — and the decisions it answers — for up to 232 ms (a 38.5 MB squid log).
 */
const IMPORT_SLICE_MS = 5;
/**
 * Bytes given to the parser at once: the body arrives in chunks of 64 KiB or more, and the clock is
 * only looked at between two pieces (~130 squid lines, a fraction of a millisecond of parsing).
 */
const PARSE_PIECE_BYTES = 16 * 1024;
/** A gzip file may expand this much (plus 1 MiB) before the import is refused as a decompression bomb. */
const MAX_GZIP_RATIO = 200;
/** An upload that sends nothing for this long is abandoned. */
export const DISCOVERY_IDLE_TIMEOUT_MS = 60_000;

class ImportAbort extends Error {
  constructor(readonly problem: AppError) {
    super(problem.message);
  }
}

function isoOrNull(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/** How a log names a person, folded so the same person is one id: lower case, `DOMAIN\user` kept as written. */
function identityOf(user: string | null, ip: string | null): { kind: 'u' | 'ip'; value: string } | null {
  if (user) return { kind: 'u', value: user.trim().toLowerCase() };
  if (ip) return { kind: 'ip', value: ip.trim().toLowerCase() };
  return null;
}

/**
 * Shadow-AI discovery: imports logs as streams (bounded memory, the event loop yielded to),
 * keeps AI hosts with counts per day, person and zone, and answers the Discovery page.
 */
@Injectable()
export class DiscoveryService {
  constructor(
    private readonly repo: DiscoveryRepository,
    private readonly secrets: SecretsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async settings(organizationId: string) {
    return { showNames: await this.repo.showNames(organizationId) };
  }

  /** Turns names on or off for later imports (earlier ones keep what they stored); audited. */
  async updateSettings(auth: AuthContext, showNames: boolean) {
    return this.transactions.run(async () => {
      const before = await this.repo.showNames(auth.organizationId);
      await this.repo.setShowNames(auth.organizationId, showNames);
      await this.audit.record({ organizationId: auth.organizationId, actor: actorOf(auth), action: 'discovery.settings', entityType: 'Organization', entityId: auth.organizationId, before: { showNames: before }, after: { showNames } });
      return { showNames };
    });
  }

  knownServices(): KnownAiServicesOutput {
    return knownAiServices();
  }

  /**
   * Reads one log from `body` to its end. The import row exists from the first byte, so its
   * progress can be followed; its counts are written in batches; it completes, or fails with
   * its figures deleted (bad input, an interrupted upload). Throws the AppError to answer.
   */
  async importLog(auth: AuthContext, query: DiscoveryImportQuery, body: AsyncIterable<Buffer> & { destroy?(err?: Error): void }, declaredBytes: number | null): Promise<DiscoveryImportOutput> {
    const organizationId = auth.organizationId;
    const [providers, zones, people, namesShown] = await Promise.all([
      this.repo.catalog(organizationId),
      this.repo.zones(organizationId),
      this.repo.directory(organizationId),
      this.repo.showNames(organizationId),
    ]);
    const matcher = new HostMatcher(providers, this.knownServices().services);
    const zoneProblems: PolicyIssue[] = [];
    const zoneMatcher = compileZones(zones, zoneProblems);
    const key = await this.secrets.discoveryPseudonymKey(organizationId);
    const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p.groups]));
    const byLocal = new Map<string, string[] | null>();
    for (const p of people) {
      const local = p.email.toLowerCase().split('@')[0]!;
      byLocal.set(local, byLocal.has(local) ? null : p.groups);
    }
    const groupsOf = (user: string): readonly string[] => {
      const u = user.trim().toLowerCase();
      const direct = byEmail.get(u);
      if (direct) return direct;
      const local = u.replace(/^.*\\/, '').split('@')[0]!;
      return (!u.includes('@') || u.endsWith('@')) ? (byLocal.get(local) ?? []) : [];
    };
    const pipelineFor = new DiscoveryPipeline({
      format: query.format,
      hooks: {
        match: (host) => matcher.match(host),
        zonesFor: (ip) => zoneMatcher.zonesFor(ip),
        subjectOf: (user, ip) => {
          const id = identityOf(user, ip);
          if (id === null) return null;
          const subject = namesShown ? id.value : `p_${createHmac('sha256', key).update(`${id.kind}:${id.value}`).digest('hex').slice(0, 24)}`;
          return { subject, groups: id.kind === 'u' ? groupsOf(id.value) : [] };
        },
      },
    });

    let created: { id: string };
    try {
      created = await this.repo.createImport(organizationId, {
        createdById: auth.kind === 'user' ? auth.userId : null,
        apiClientId: auth.kind === 'api_client' ? auth.clientId : null,
        uploadId: query.uploadId ?? null,
        fileName: query.name ?? null,
        format: query.format === 'auto' ? null : query.format,
        totalBytes: declaredBytes,
        namesShown,
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') throw AppError.conflict(`An import with uploadId ${query.uploadId} already exists: choose a new id for each upload`);
      throw err;
    }
    const importId = created.id;
    let raw = 0;
    let expanded = 0;
    let gzip = false;
    const progress = (): ImportProgress => snapshot(pipelineFor.stats, raw);
    let lastProgress = Date.now();
    const slice = new TimeSlice(IMPORT_SLICE_MS);
    let idle: NodeJS.Timeout | null = null;
    const source = body as AsyncIterable<Buffer>;
    const arm = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => body.destroy?.(new ImportAbort(new AppError('request_timeout', `Nothing arrived for ${DISCOVERY_IDLE_TIMEOUT_MS / 1000} s: the upload was abandoned`))), DISCOVERY_IDLE_TIMEOUT_MS);
      idle.unref();
    };
    try {
      arm();
      for await (const chunk of decompress(source, (n) => {
        raw += n;
        arm();
      }, () => (gzip = true))) {
        expanded += chunk.length;
        if (gzip && expanded > raw * MAX_GZIP_RATIO + 1024 * 1024) throw new ImportAbort(new AppError('payload_too_large', `This gzip file expands more than ${MAX_GZIP_RATIO} times: refused as a possible decompression bomb`));
        for (let at = 0; at < chunk.length; at += PARSE_PIECE_BYTES) {
          pipelineFor.push(chunk.subarray(at, at + PARSE_PIECE_BYTES));
          if (pipelineFor.cellCount >= MAX_CELLS_IN_MEMORY) await this.repo.addUsage(organizationId, importId, pipelineFor.drain());
          if (slice.due()) await slice.pause();
        }
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          await this.repo.progress(organizationId, importId, progress());
        }
      }
      pipelineFor.end();
      await this.repo.addUsage(organizationId, importId, pipelineFor.drain());
    } catch (err) {
      const problem =
        err instanceof FormatNotDetected
          ? new AppError('unprocessable', err.message)
          : err instanceof ImportAbort
            ? err.problem
            : (err as { code?: string }).code === 'Z_DATA_ERROR' || (err as { code?: string }).code === 'Z_BUF_ERROR'
              ? new AppError('bad_request', 'The file starts like gzip but is not valid gzip')
              : isAborted(err)
                ? new AppError('bad_request', `The upload was interrupted after ${raw} bytes`)
                : null;
      await this.repo.deleteUsage(organizationId, importId).catch(() => undefined);
      await this.repo.finish(organizationId, importId, progress(), { status: 'failed', error: (problem ?? new Error('The import failed')).message }).catch(() => undefined);
      if (problem) throw problem;
      throw err;
    } finally {
      if (idle) clearTimeout(idle);
    }
    const final = progress();
    await this.repo.finish(organizationId, importId, final, { status: 'completed' });
    await this.audit.record({
      organizationId,
      actor: actorOf(auth),
      action: 'discovery.import',
      entityType: 'DiscoveryImport',
      entityId: importId,
      after: { fileName: query.name ?? null, format: final.format, bytes: raw, lines: final.lines, records: final.records, aiRecords: final.aiRecords, badLines: final.badLines, namesShown },
    });
    return this.getImport(organizationId, importId);
  }

  async listImports(organizationId: string, filter: { uploadId?: string }, limit: number): Promise<DiscoveryImportOutput[]> {
    const rows = await this.repo.listImports(organizationId, filter, limit);
    return this.outputs(organizationId, rows);
  }

  async getImport(organizationId: string, id: string): Promise<DiscoveryImportOutput> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('Import');
    const row = await this.repo.findImport(organizationId, id);
    if (!row) throw AppError.notFound('Import');
    return (await this.outputs(organizationId, [row]))[0]!;
  }

  async deleteImport(auth: AuthContext, id: string): Promise<void> {
    const before = await this.getImport(auth.organizationId, id);
    if (before.status === 'running') throw AppError.conflict('This import is still running: delete it when it has ended');
    await this.audit.record({ organizationId: auth.organizationId, actor: actorOf(auth), action: 'discovery.import_delete', entityType: 'DiscoveryImport', entityId: id, before: { fileName: before.fileName, format: before.format, lines: before.lines } });
    await this.repo.deleteImport(auth.organizationId, id);
  }

  private async outputs(organizationId: string, rows: NonNullable<Awaited<ReturnType<DiscoveryRepository['findImport']>>>[]): Promise<DiscoveryImportOutput[]> {
    const { users, clients } = await this.repo.actors(
      organizationId,
      [...new Set(rows.map((r) => r.createdById).filter((x): x is string => !!x))],
      [...new Set(rows.map((r) => r.apiClientId).filter((x): x is string => !!x))],
    );
    const user = new Map(users.map((u) => [u.id, u.email]));
    const client = new Map(clients.map((c) => [c.id, `API client ${c.name}`]));
    return rows.map((r) => ({
      id: r.id,
      uploadId: r.uploadId,
      fileName: r.fileName,
      format: (DISCOVERY_FORMATS as readonly string[]).includes(r.format ?? '') ? (r.format as DiscoveryImportOutput['format']) : null,
      status: r.status as DiscoveryImportOutput['status'],
      error: r.error,
      totalBytes: r.totalBytes === null ? null : Number(r.totalBytes),
      bytesProcessed: Number(r.bytesProcessed),
      lines: r.lines,
      records: r.records,
      aiRecords: r.aiRecords,
      ignoredLines: r.ignoredLines,
      badLines: r.badLines,
      badSamples: Array.isArray(r.badSamples) ? (r.badSamples as { line: number; reason: string }[]) : [],
      firstSeen: isoOrNull(r.firstSeen),
      lastSeen: isoOrNull(r.lastSeen),
      namesShown: r.namesShown,
      createdBy: (r.createdById && user.get(r.createdById)) ?? (r.apiClientId && client.get(r.apiClientId)) ?? null,
      startedAt: r.startedAt.toISOString(),
      finishedAt: isoOrNull(r.finishedAt),
    }));
  }

  /** The range a filter means: the given UTC days, or the last 30 days up to today. */
  static range(f: DiscoveryFilter, now = Date.now()): UsageFilter {
    const until = f.until ?? new Date(now).toISOString().slice(0, 10);
    const since = f.since ?? new Date(Date.parse(`${until}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    if (Date.parse(until) - Date.parse(since) > 3660 * 86_400_000) throw AppError.validation([{ path: 'since', message: 'the range is at most 10 years' }]);
    return { since, until, ...(f.zone ? { zone: f.zone } : {}), ...(f.group ? { group: f.group } : {}) };
  }

  async summary(organizationId: string, filter: DiscoveryFilter): Promise<DiscoverySummaryOutput> {
    const f = DiscoveryService.range(filter);
    const { hosts, keys, info } = await this.resolveHosts(organizationId, f);
    const [services, zones, days, totals, facets] = await Promise.all([
      hosts.length ? this.repo.byService(organizationId, f, hosts, keys) : [],
      hosts.length ? this.repo.zonesByService(organizationId, f, hosts, keys) : [],
      hosts.length ? this.repo.byDay(organizationId, f, hosts, keys) : [],
      this.repo.totals(organizationId, f),
      this.repo.facets(organizationId, f),
    ]);
    const zonesOf = new Map<string, string[]>();
    for (const z of zones) zonesOf.set(z.key, [...(zonesOf.get(z.key) ?? []), z.zone]);
    const out: DiscoveredServiceOutput[] = services
      .map((s) => {
        const i = info.get(s.key)!;
        return {
          ...i,
          hosts: [...s.hosts].sort(),
          requests: Number(s.requests),
          bytesOut: s.bytesOut === null ? null : Number(s.bytesOut),
          users: Number(s.users),
          zones: (zonesOf.get(s.key) ?? []).sort(),
          firstSeen: s.firstSeen.toISOString(),
          lastSeen: s.lastSeen.toISOString(),
        };
      })
      .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name));
    const byDay = new Map<string, { day: string; requests: number; bytesOut: number | null; byService: Record<string, number> }>();
    for (let t = Date.parse(`${f.since}T00:00:00Z`); t <= Date.parse(`${f.until}T00:00:00Z`); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      byDay.set(day, { day, requests: 0, bytesOut: null, byService: {} });
    }
    for (const d of days) {
      const e = byDay.get(d.day.toISOString().slice(0, 10));
      if (!e) continue;
      e.requests += Number(d.requests);
      if (d.bytesOut !== null) e.bytesOut = (e.bytesOut ?? 0) + Number(d.bytesOut);
      e.byService[d.key] = Number(d.requests);
    }
    const bytes = out.some((s) => s.bytesOut !== null) ? out.reduce((a, s) => a + (s.bytesOut ?? 0), 0) : null;
    return {
      since: f.since,
      until: f.until,
      totals: { services: out.length, unknownServices: out.filter((s) => !s.inCatalog).length, requests: out.reduce((a, s) => a + s.requests, 0), bytesOut: bytes, users: totals.users, imports: totals.imports },
      services: out,
      byDay: [...byDay.values()],
      zones: facets.zones,
      groups: facets.groups,
    };
  }

  /** The busiest services of the UTC days from `from` to `to` (both included): the dashboard's period. */
  async topServices(organizationId: string, from: Date, to: Date, limit = 5) {
    const s = await this.summary(organizationId, { since: from.toISOString().slice(0, 10), until: to.toISOString().slice(0, 10) });
    return s.services.slice(0, limit).map((x) => ({ key: x.key, slug: x.slug, name: x.name, inCatalog: x.inCatalog, status: x.status, requests: x.requests, users: x.users }));
  }

  /** Per day and service, as CSV lines (the page's export); audited. */
  async exportCsv(auth: AuthContext, filter: DiscoveryFilter): Promise<string> {
    const f = DiscoveryService.range(filter);
    const { hosts, keys, info } = await this.resolveHosts(auth.organizationId, f);
    const rows = hosts.length ? await this.repo.byDay(auth.organizationId, f, hosts, keys) : [];
    await this.audit.record({ organizationId: auth.organizationId, actor: actorOf(auth), action: 'discovery.export', entityType: 'DiscoveryUsage', after: { filter: f } });
    const cell = (v: string | number | null) => {
      if (v === null) return '';
      const s = String(v);
      // Formula injection: a cell a spreadsheet would evaluate is quoted with a leading apostrophe.
      const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const lines = ['day,service,slug,inCatalog,status,requests,bytesOut,users'];
    for (const r of rows) {
      const i = info.get(r.key)!;
      lines.push([r.day.toISOString().slice(0, 10), i.name, i.slug, i.inCatalog ? 'yes' : 'no', i.status ?? 'not in catalog', Number(r.requests), r.bytesOut === null ? null : Number(r.bytesOut), Number(r.users)].map(cell).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  /** Each host in the range to its service now (the catalog may have changed since the import). */
  private async resolveHosts(organizationId: string, f: UsageFilter) {
    const [hosts, providers] = await Promise.all([this.repo.hosts(organizationId, f), this.repo.catalog(organizationId)]);
    const matcher = new HostMatcher(providers, this.knownServices().services);
    const keys: string[] = [];
    const info = new Map<string, Omit<DiscoveredServiceOutput, 'hosts' | 'requests' | 'bytesOut' | 'users' | 'zones' | 'firstSeen' | 'lastSeen'>>();
    for (const host of hosts) {
      const m: HostMatch | null = matcher.match(host);
      const key = m ? `${m.kind}:${m.slug}` : `host:${host}`;
      keys.push(key);
      if (info.has(key)) continue;
      if (m?.kind === 'catalog') info.set(key, { key, slug: m.slug, name: m.name, inCatalog: true, status: m.status as DiscoveredServiceOutput['status'], known: null });
      else if (m?.kind === 'known') {
        const s = m.service;
        info.set(key, { key, slug: s.slug, name: s.name, inCatalog: false, status: null, known: { category: s.category, domains: s.domains, source: s.source } });
      } else info.set(key, { key, slug: host, name: host, inCatalog: false, status: null, known: null });
    }
    return { hosts, keys, info };
  }
}

function snapshot(s: ImportStats, raw: number): ImportProgress {
  return {
    bytesProcessed: raw,
    lines: s.lines,
    records: s.records,
    aiRecords: s.aiRecords,
    ignoredLines: s.ignoredLines,
    badLines: s.badLines,
    badSamples: s.badSamples,
    format: s.format,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
  };
}

function isAborted(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (err as Error)?.message === 'aborted';
}

/** The body's bytes, gunzipped when they start with gzip's magic number; `onRaw` sees every byte received. */
async function* decompress(source: AsyncIterable<Buffer>, onRaw: (n: number) => void, onGzip: () => void): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  onRaw(first.value.length);
  async function* rest(): AsyncGenerator<Buffer> {
    yield first.value as Buffer;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      onRaw(next.value.length);
      yield next.value;
    }
  }
  const head = first.value as Buffer;
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    onGzip();
    const gunzip = createGunzip();
    pipeline(Readable.from(rest()), gunzip, () => undefined);
    for await (const chunk of gunzip) yield chunk as Buffer;
    return;
  }
  yield* rest();
}
