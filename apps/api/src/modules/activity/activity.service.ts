import { Injectable } from '@nestjs/common';
import {
  ACTIVITY_EXPORT_MAX,
  EFFECTS,
  type Effect,
  type ActivityDetailOutput,
  type ActivityEntryOutput,
  type ActivityFilter,
  type ActivityPageOutput,
  type UnknownDestinationOutput,
} from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { sqlStateOf } from '../../common/error-response';
import { TimeSlice } from '../../common/time-slice';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { csvCell } from '../incidents/incidents-csv';
import { ActivityRepository, type ActivityRow, type Keyset } from './activity.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The page's cursor: the (time, id) of its last row, opaque to clients (base64url of "ms.id"). */
export function encodeCursor(k: Keyset): string {
  return Buffer.from(`${k.time.getTime()}.${k.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  const bad = () => AppError.validation([{ path: 'cursor', message: 'is not a cursor this API gave (pass nextCursor of the previous page as it is)' }]);
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw bad();
  const m = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || !UUID.test(m[2]!)) throw bad();
  const time = new Date(Number(m[1]));
  if (Number.isNaN(time.getTime())) throw bad();
  return { time, id: m[2]!.toLowerCase() };
}

/** The millisecond a UUIDv7 was made (its first 48 bits), or null for another kind of id. */
export function timeOfUuidV7(id: string): Date | null {
  if (!UUID_V7.test(id)) return null;
  return new Date(parseInt(id.replace(/-/g, '').slice(0, 12), 16));
}

/** Whether a domain pattern of the catalog (exact, or `*.` for the subdomains, never the apex) covers a host. */
export function domainCovers(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '').replace(/:\d+$/, '');
  if (p.startsWith('*.')) return h.endsWith(p.slice(1));
  return h === p.replace(/:\d+$/, '');
}

export const ACTIVITY_CSV_COLUMNS = [
  'time', 'id', 'effect', 'action', 'service', 'serviceName', 'destinationHost', 'channel', 'networkZones', 'subject', 'subjectGroups',
  'rules', 'dataClasses', 'apiClientId', 'apiClientName', 'policyVersion', 'source', 'overrideReason',
  'inputTokens', 'outputTokens',
] as const;

/** Decisions read per query of the CSV export. */
const EXPORT_BATCH = 500;
/**
 * The CSV export hands over what it wrote and lets other requests in at least this often: a batch
 * of 2,000 decisions mapped and quoted in one step held the worker — and the decisions it answers
 * — for 200-465 ms.
 */
const EXPORT_SLICE_MS = 5;

/**
 * The Activity page over the decision log: filtered pages on the log's key, one decision with the
 * reasons of the policy version that made it, a bounded CSV export, and the AI destinations outside
 * the catalog. Content was never stored; nothing here reads more than the metadata the log holds.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly repo: ActivityRepository,
    private readonly audit: AuditService,
  ) {}

  async page(organizationId: string, filter: ActivityFilter, limit: number, cursor?: string): Promise<ActivityPageOutput> {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await this.read(() => this.repo.page(organizationId, filter, limit + 1, after));
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    const last = items[items.length - 1];
    return { items: await this.entries(organizationId, items), nextCursor: more && last ? encodeCursor(last) : null };
  }

  /**
   * One decision. `time` (the row's, as the list gave it) finds it by the exact key; without it the
   * time a UUIDv7 carries does (every id the API and the report route give is one; rows written
   * otherwise, e.g. imported, need `time`).
   */
  async detail(organizationId: string, id: string, time?: string): Promise<ActivityDetailOutput> {
    if (!UUID.test(id)) throw AppError.notFound('Decision');
    const at = time ? new Date(time) : null;
    const around = at ?? timeOfUuidV7(id);
    if (!around) throw AppError.notFound('Decision');
    const row = await this.repo.findOne(organizationId, id.toLowerCase(), around, at ? 0 : 60_000);
    if (!row) throw AppError.notFound('Decision');
    const [entry] = await this.entries(organizationId, [row]);
    const rules = await this.repo.versionRules(organizationId, row.policyVersion);
    const byId = new Map<string, Record<string, unknown>>();
    if (Array.isArray(rules)) for (const r of rules as Record<string, unknown>[]) if (r && typeof r.id === 'string') byId.set(r.id, r);
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    const reasons = row.ruleIds.map((ruleId): ActivityDetailOutput['reasons'][number] => {
      const r = byId.get(ruleId);
      const effect = str(r?.effect);
      return {
        ruleId,
        effect: (EFFECTS as readonly string[]).includes(effect ?? '') ? (effect as Effect) : null,
        message: str(r?.message),
        description: str(r?.description),
        guidanceUrl: str(r?.guidanceUrl),
      };
    });
    return { ...entry!, reasons, correlationId: row.correlationId, latencyMicros: row.latencyMicros, staleSeconds: row.staleSeconds, contentHashed: row.contentHashed };
  }

  /**
   * The CSV of the matching decisions, newest first, at most ACTIVITY_EXPORT_MAX rows (a last line
   * says so when the export stopped there), read EXPORT_BATCH at a time on the log's key with the
   * worker handed over every EXPORT_SLICE_MS. The first batch is read before anything is sent, so a
   * filter that cannot be answered is a 4xx, not a broken download; the export is audited.
   */
  async export(organizationId: string, actor: Actor, filter: ActivityFilter): Promise<AsyncIterable<string>> {
    const first = await this.read(() => this.repo.page(organizationId, filter, EXPORT_BATCH));
    await this.audit.record({ organizationId, actor, action: 'activity.export', entityType: 'DecisionLog', after: { filter } });
    const entries = (rows: ActivityRow[]) => this.entries(organizationId, rows);
    const page = (limit: number, after: Keyset) => this.read(() => this.repo.page(organizationId, filter, limit, after));
    async function* lines(): AsyncGenerator<string> {
      yield ACTIVITY_CSV_COLUMNS.join(',') + '\r\n';
      let rows = first;
      let sent = 0;
      for (;;) {
        const take = rows.slice(0, ACTIVITY_EXPORT_MAX - sent);
        const shown = await entries(take);
        let chunk = '';
        const slice = new TimeSlice(EXPORT_SLICE_MS);
        for (const e of shown) {
          chunk += csvLine(e);
          if (slice.due()) {
            yield chunk;
            chunk = '';
            await slice.pause();
          }
        }
        if (chunk) yield chunk;
        sent += take.length;
        if (sent >= ACTIVITY_EXPORT_MAX) {
          if (rows.length > take.length || (await page(1, keysetOf(take[take.length - 1]!))).length) {
            yield `# stopped at ${ACTIVITY_EXPORT_MAX} rows: narrow the time range or the filters for the rest\r\n`;
          }
          return;
        }
        if (rows.length < EXPORT_BATCH) return;
        const after = keysetOf(rows[rows.length - 1]!);
        rows = await page(EXPORT_BATCH, after);
      }
    }
    return lines();
  }

  async unknownDestinations(organizationId: string, days: number): Promise<UnknownDestinationOutput[]> {
    const since = new Date(Date.now() - days * 86_400_000);
    const [rows, domains] = await Promise.all([this.repo.unknownDestinations(organizationId, since), this.repo.catalogDomains(organizationId)]);
    return rows
      .filter((r) => r.host && !domains.some((d) => domainCovers(d, r.host)))
      .map((r) => ({
        host: r.host,
        decisions: Number(r.decisions),
        blocked: Number(r.blocked),
        warned: Number(r.warned),
        firstSeen: r.firstSeen.toISOString(),
        lastSeen: new Date(r.lastSeen.getTime() + 3_600_000 - 1).toISOString(),
      }));
  }

  /** Rows as the API shows them: the service's name and status, the API client's name. */
  private async entries(organizationId: string, rows: ActivityRow[]): Promise<ActivityEntryOutput[]> {
    const slugs = [...new Set(rows.map((r) => r.providerSlug).filter((s): s is string => !!s))];
    const clientIds = [...new Set(rows.map((r) => r.apiClientId).filter((s): s is string => !!s))];
    const [providers, clients] = await Promise.all([this.repo.providers(organizationId, slugs), this.repo.apiClients(organizationId, clientIds)]);
    const provider = new Map(providers.map((p) => [p.slug, p]));
    const client = new Map(clients.map((c) => [c.id, c.name]));
    return rows.map((r) => {
      const p = r.providerSlug ? provider.get(r.providerSlug) : undefined;
      return {
        id: r.id,
        time: r.time.toISOString(),
        effect: r.effect,
        action: r.action,
        service: r.providerSlug ? { slug: r.providerSlug, name: p?.name ?? r.providerSlug, status: p?.status ?? null } : null,
        destinationHost: r.destinationHost,
        channel: r.channel,
        networkZones: r.networkZones,
        subjectId: r.subjectId,
        subjectGroups: r.subjectGroups,
        ruleIds: r.ruleIds,
        dataClasses: r.dataClasses,
        apiClient: r.apiClientId ? { id: r.apiClientId, name: client.get(r.apiClientId) ?? null } : null,
        policyVersion: r.policyVersion,
        source: r.source,
        overrideReason: r.overrideReason,
        inputTokens: r.inputTokens,
        outputTokens: r.outputTokens,
      };
    });
  }

  /** A read cancelled by the statement timeout is the caller's to narrow, not a server failure. */
  private async read<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (sqlStateOf(err) === '57014') {
        throw AppError.unprocessable('These filters match too few decisions in the time range to answer quickly: narrow the time range (since/until) or add the effect, service or subject filter');
      }
      throw err;
    }
  }
}

function keysetOf(r: { time: Date; id: string }): Keyset {
  return { time: r.time, id: r.id };
}

function csvLine(e: ActivityEntryOutput): string {
  return (
    [
      e.time, e.id, e.effect, e.action, e.service?.slug, e.service?.name, e.destinationHost, e.channel, e.networkZones.join(';'), e.subjectId,
      e.subjectGroups.join(';'), e.ruleIds.join(';'), e.dataClasses.join(';'), e.apiClient?.id, e.apiClient?.name, e.policyVersion, e.source, e.overrideReason,
      e.inputTokens, e.outputTokens,
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}
