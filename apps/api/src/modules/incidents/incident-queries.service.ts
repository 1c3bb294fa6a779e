import { Injectable } from '@nestjs/common';
import { type IncidentFilter, type IncidentMetricsOutput, type IncidentOptionsOutput, type IncidentSeverity, type IncidentStatus, REPORT_DATA_KINDS, type SimilarIncidentOutput } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import type { ListQuery, Sort } from '../../common/list-query';
import { TimeSlice } from '../../common/time-slice';
import type { UserAuth } from '../auth/auth-context';
import { sha256Hex } from '../auth/tokens';
import { HOUR_MS, round2 } from './incident-common';
import { OPEN_STATUSES } from './incident-workflow';
import { type IncidentRow, IncidentsRepository } from './incidents.repository';
import { INCIDENT_CSV_COLUMNS, incidentCsvLine, toIncidentOutput, toIncidentStatusOutput, toPortalIncidentOutput } from './incidents.serializers';
import { DUE_SOON_MS } from './notification-deadline';

const SIMILAR_WINDOW_MS = 24 * HOUR_MS;
const METRICS_WINDOW_DAYS = 90;
const CSV_MAX_ROWS = 50_000;
/** Incidents read per query of the CSV export. */
const CSV_PAGE_ROWS = 200;
/**
 * The CSV export hands over what it wrote and lets other requests in at least this often: an
 * incident costs ~0.1 ms to read, serialise and quote, so an export in one piece held the worker —
 * and the decisions it answers — for seconds (50,000 incidents: 5.6 s).
 */
const CSV_SLICE_MS = 5;

/** Reading incidents: the analysts' list, detail, timeline, export, duplicates and metrics; the portal's reads. */
@Injectable()
export class IncidentQueries {
  constructor(private readonly repo: IncidentsRepository) {}

  async list(organizationId: string, q: ListQuery<IncidentFilter>, now = new Date()) {
    const [rows, total] = await this.repo.list(organizationId, { ...q.filter, asOf: now }, q.sort, q.page);
    return { rows, total, now };
  }

  async get(organizationId: string, id: string, now = new Date()) {
    const row = await this.repo.find(organizationId, id);
    if (!row) throw AppError.notFound('Incident');
    const [tasks, duplicateOf] = await Promise.all([
      this.repo.tasksOf(organizationId, id),
      row.duplicateOfId ? this.repo.findDuplicateTarget(organizationId, row.duplicateOfId) : Promise.resolve(null),
    ]);
    return toIncidentOutput(row, now, {
      tasks,
      duplicateOf: duplicateOf ? { id: duplicateOf.id, number: duplicateOf.number, title: duplicateOf.title } : null,
    });
  }

  async events(organizationId: string, id: string) {
    if (!(await this.repo.find(organizationId, id))) throw AppError.notFound('Incident');
    return this.repo.eventsOf(organizationId, id);
  }

  async tasks(organizationId: string, id: string) {
    if (!(await this.repo.find(organizationId, id))) throw AppError.notFound('Incident');
    return this.repo.tasksOf(organizationId, id);
  }

  /**
   * Every incident matching the filters, in the list's order, as CSV lines (at most CSV_MAX_ROWS),
   * read CSV_PAGE_ROWS at a time on a keyset: memory stays bounded and the worker is handed over
   * every CSV_SLICE_MS. The first page is read before anything is sent, so a failure is an error
   * answer rather than a broken download. One `now` for every page: "overdue" means the same on
   * each line.
   */
  async export(organizationId: string, filter: IncidentFilter, sort: Sort, now = new Date()): Promise<AsyncIterable<string>> {
    const f = { ...filter, asOf: now };
    const page = (last: IncidentRow | null, take: number) => this.repo.exportPage(organizationId, f, sort, last, take);
    const first = await page(null, Math.min(CSV_PAGE_ROWS, CSV_MAX_ROWS));
    async function* lines(): AsyncGenerator<string> {
      yield INCIDENT_CSV_COLUMNS.join(',') + '\r\n';
      let rows = first;
      let asked = Math.min(CSV_PAGE_ROWS, CSV_MAX_ROWS);
      let sent = 0;
      for (;;) {
        let chunk = '';
        const slice = new TimeSlice(CSV_SLICE_MS);
        for (const r of rows) {
          chunk += incidentCsvLine(r, now);
          if (slice.due()) {
            yield chunk;
            chunk = '';
            await slice.pause();
          }
        }
        if (chunk) yield chunk;
        sent += rows.length;
        if (rows.length < asked || sent >= CSV_MAX_ROWS) return;
        asked = Math.min(CSV_PAGE_ROWS, CSV_MAX_ROWS - sent);
        rows = await page(rows[rows.length - 1]!, asked);
      }
    }
    return lines();
  }

  /**
   * Likely duplicates: same service, at least one data class in common, the same reporter (both
   * anonymous counts; for decision clients, the same subject), reported within 24 hours of it.
   */
  async similar(organizationId: string, id: string, now = new Date()): Promise<SimilarIncidentOutput[]> {
    const incident = await this.repo.find(organizationId, id);
    if (!incident) throw AppError.notFound('Incident');
    if (!incident.dataClasses.length || (!incident.providerId && !incident.providerOther)) return [];
    const own = await this.repo.createdEventData(id);
    const key = reporterKey(incident, own?.data);
    if (!key) return [];
    const candidates = await this.repo.similarCandidates(organizationId, incident, SIMILAR_WINDOW_MS);
    return candidates
      .filter((c) => reporterKey(c, c.events[0]?.data) === key)
      .map((c) => {
        const shared = c.dataClasses.filter((d) => incident.dataClasses.includes(d));
        const hours = Math.abs(c.reportedAt.getTime() - incident.reportedAt.getTime()) / HOUR_MS;
        return {
          ...toIncidentOutput(c, now),
          similarity: {
            sharedDataClasses: shared,
            hoursApart: Math.round(hours * 10) / 10,
            reasons: [
              'same service',
              `shares ${shared.join(', ')}`,
              incident.anonymous ? 'both anonymous' : 'same reporter',
              `reported ${Math.round(hours * 10) / 10} h apart`,
            ],
          },
        };
      });
  }

  async metrics(organizationId: string, now = new Date()) {
    const since = new Date(now.getTime() - METRICS_WINDOW_DAYS * 24 * HOUR_MS);
    const open = { in: [...OPEN_STATUSES] };
    const [[byStatusRows, bySeverityRows], overdue, dueSoon, times] = await Promise.all([
      this.repo.countBy(organizationId),
      this.repo.count({ organizationId, notificationDeadline: { lt: now }, status: open, notificationDecision: null }),
      this.repo.count({
        organizationId,
        notificationDeadline: { gte: now, lt: new Date(now.getTime() + DUE_SOON_MS) },
        status: open,
        notificationDecision: null,
      }),
      this.repo.meanTimes(organizationId, since),
    ]);
    const byStatus = { new: 0, triaged: 0, investigating: 0, contained: 0, resolved: 0, closed: 0 } as Record<IncidentStatus, number>;
    for (const r of byStatusRows) byStatus[r.status] = (r._count as { _all: number })._all;
    const bySeverity = { low: 0, medium: 0, high: 0, critical: 0 } as Record<IncidentSeverity, number>;
    for (const r of bySeverityRows) bySeverity[r.severity] = (r._count as { _all: number })._all;
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    return {
      total,
      open: OPEN_STATUSES.reduce((a, s) => a + byStatus[s], 0),
      byStatus,
      bySeverity,
      overdue,
      dueSoon,
      windowDays: METRICS_WINDOW_DAYS,
      meanHoursToAcknowledge: round2(times.mtta),
      meanHoursToResolve: round2(times.mttr),
      acknowledgedInWindow: times.acknowledged,
      resolvedInWindow: times.resolved,
    } satisfies IncidentMetricsOutput;
  }

  // Portal reads ---------------------------------------------------------------------------------------

  async listMine(user: UserAuth, q: ListQuery<{ status?: IncidentStatus[] }>) {
    const [rows, total] = await this.repo.listReportedBy(user.organizationId, { ...q.filter, reporterId: user.userId }, q.sort, q.page);
    return { rows, total };
  }

  /** The employee's own named report; anyone else's (or an anonymous one) is "not found". */
  async findMine(user: UserAuth, id: string) {
    const row = await this.repo.find(user.organizationId, id);
    if (!row || row.anonymous || row.reporterId !== user.userId) throw AppError.notFound('Report');
    return toPortalIncidentOutput(row);
  }

  async statusByToken(token: string) {
    const t = token.trim();
    const row = /^[A-Za-z0-9_-]{20,100}$/.test(t) ? await this.repo.findByStatusTokenHash(sha256Hex(t)) : null;
    if (!row) throw new AppError('not_found', 'No report has this status code');
    return row;
  }

  /** What the status page shows the holder of the code: the status and the messages with the team. */
  async statusView(token: string) {
    const row = await this.statusByToken(token);
    const thread = await this.repo.reporterThread(row.organizationId, row.id);
    return toIncidentStatusOutput(row, thread);
  }

  async reportOptions(organizationId: string) {
    const services = await this.repo.services(organizationId);
    return {
      dataKinds: REPORT_DATA_KINDS.map((k) => ({ key: k.key, label: k.label, dataClasses: [...k.dataClasses] })),
      services,
    } satisfies IncidentOptionsOutput;
  }
}

/** Who stands behind a report, for "same reporter": a user, "anonymous", or a decision's subject. */
function reporterKey(i: { anonymous: boolean; reporterId: string | null; source: string }, createdData: unknown): string | null {
  if (i.anonymous) return 'anonymous';
  if (i.reporterId) return `user:${i.reporterId}`;
  const subject = (createdData as { subjectKey?: unknown } | null | undefined)?.subjectKey;
  if ((i.source === 'api' || i.source === 'automatic') && typeof subject === 'string' && subject) return `subject:${subject}`;
  return null;
}
