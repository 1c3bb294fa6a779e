import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import type { IncidentFilter, IncidentStatus } from '@airlock/contracts';
import type { Page, Sort } from '../../common/list-query';
import type { Prisma } from '../../generated/prisma/client';
import { DONE_STATUSES, OPEN_STATUSES } from './incident-workflow';
import { DUE_SOON_MS } from './notification-deadline';

/** The relations every incident output shows (allow-listed columns only). */
export const INCIDENT_INCLUDE = {
  provider: { select: { id: true, slug: true, name: true, status: true, riskScore: true, website: true } },
  assignee: { select: { id: true, name: true, email: true } },
  reporter: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.IncidentInclude;

export type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof INCIDENT_INCLUDE }>;

export const PROVIDER_FACTS = {
  id: true,
  slug: true,
  name: true,
  website: true,
  status: true,
  riskScore: true,
  zeroRetentionOffer: true,
  trainsOnInputs: true,
} as const satisfies Prisma.ProviderSelect;
export type ProviderFacts = Prisma.ProviderGetPayload<{ select: typeof PROVIDER_FACTS }>;

/** How an incident opened for an overridden warning is titled (incidents.service.ts). */
export const OVERRIDE_TITLE = 'Warning overridden:';

@Injectable()
export class IncidentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The next per-organization number: the UPDATE holds the organization row lock until commit. */
  async nextNumber(tx: Tx, organizationId: string): Promise<number> {
    const rows = await tx.$queryRaw<{ incidentSeq: number }[]>`
      UPDATE "Organization" SET "incidentSeq" = "incidentSeq" + 1 WHERE id = ${organizationId}::uuid RETURNING "incidentSeq"`;
    const n = rows[0]?.incidentSeq;
    if (n === undefined) throw new Error(`Organization ${organizationId} not found`);
    return n;
  }

  orgSettings(organizationId: string, db: Tx = this.prisma) {
    return db.organization.findUnique({ where: { id: organizationId }, select: { settings: true } });
  }

  // Providers and users ------------------------------------------------------------------------------

  findProvider(organizationId: string, id: string, db: Tx = this.prisma): Promise<ProviderFacts | null> {
    return db.provider.findFirst({ where: { organizationId, id }, select: PROVIDER_FACTS });
  }

  findProviderBySlug(organizationId: string, slug: string, db: Tx = this.prisma): Promise<ProviderFacts | null> {
    return db.provider.findUnique({ where: { organizationId_slug: { organizationId, slug } }, select: PROVIDER_FACTS });
  }

  listServices(organizationId: string) {
    return this.prisma.provider.findMany({
      where: { organizationId },
      orderBy: [{ name: 'asc' }, { slug: 'asc' }],
      select: { id: true, slug: true, name: true, status: true },
    });
  }

  findUsersByEmail(organizationId: string, emails: string[]) {
    return this.prisma.user.findMany({ where: { organizationId, email: { in: emails } }, select: { id: true, email: true } });
  }

  findUser(organizationId: string, id: string, db: Tx = this.prisma) {
    return db.user.findFirst({ where: { organizationId, id }, select: { id: true, role: true, disabled: true, email: true } });
  }

  // Incidents -----------------------------------------------------------------------------------------

  create(tx: Tx, data: Prisma.IncidentUncheckedCreateInput): Promise<IncidentRow> {
    return tx.incident.create({ data, include: INCIDENT_INCLUDE });
  }

  update(tx: Tx, id: string, data: Prisma.IncidentUncheckedUpdateInput): Promise<IncidentRow> {
    return tx.incident.update({ where: { id }, data, include: INCIDENT_INCLUDE });
  }

  find(organizationId: string, id: string, db: Tx = this.prisma): Promise<IncidentRow | null> {
    return db.incident.findFirst({ where: { organizationId, id }, include: INCIDENT_INCLUDE });
  }

  /** Locks the row until commit, so concurrent edits apply one after the other on fresh data. */
  async findForUpdate(tx: Tx, organizationId: string, id: string): Promise<IncidentRow | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM "Incident" WHERE id = ${id}::uuid AND "organizationId" = ${organizationId}::uuid FOR UPDATE`;
    if (!locked.length) return null;
    return this.find(organizationId, id, tx);
  }

  findDuplicateTarget(organizationId: string, id: string, db: Tx = this.prisma) {
    return db.incident.findFirst({ where: { organizationId, id }, select: { id: true, number: true, title: true, duplicateOfId: true } });
  }

  /** The analysts' list; `now` decides what is overdue or due soon. */
  list(organizationId: string, filter: IncidentFilter, sort: Sort, page: Page, now: Date) {
    return this.page(this.where(organizationId, filter, now), sort, page);
  }

  /** An employee's own named reports. */
  listReportedBy(organizationId: string, reporterId: string, filter: { status?: IncidentStatus[] }, sort: Sort, page: Page) {
    return this.page({ organizationId, reporterId, anonymous: false, ...(filter.status ? { status: { in: filter.status } } : {}) }, sort, page);
  }

  /** Every incident of the analysts' filter, up to `take` (the CSV export). */
  findMany(organizationId: string, filter: IncidentFilter, sort: Sort, take: number, now: Date) {
    return this.prisma.incident.findMany({ where: this.where(organizationId, filter, now), orderBy: this.orderBy(sort), take, include: INCIDENT_INCLUDE });
  }

  private page(where: Prisma.IncidentWhereInput, sort: Sort, page: Page) {
    return this.prisma.$transaction([
      this.prisma.incident.findMany({ where, orderBy: this.orderBy(sort), ...page, include: INCIDENT_INCLUDE }),
      this.prisma.incident.count({ where }),
    ]);
  }

  private where(organizationId: string, f: IncidentFilter, now: Date): Prisma.IncidentWhereInput {
    const and: Prisma.IncidentWhereInput[] = [{ organizationId }];
    const list = <T>(v: T | T[]) => (Array.isArray(v) ? v : [v]);
    if (f.id) and.push({ id: { in: f.id } });
    if (f.status) and.push({ status: { in: list(f.status) } });
    if (f.severity) and.push({ severity: { in: list(f.severity) } });
    if (f.providerId) and.push({ providerId: f.providerId });
    if (f.dataClass) and.push({ dataClasses: { has: f.dataClass } });
    if (f.assigneeId) and.push({ assigneeId: f.assigneeId === 'unassigned' ? null : f.assigneeId });
    if (f.source) and.push({ source: f.source });
    if (f.overdue === true) and.push({ notificationDeadline: { lt: now }, status: { in: [...OPEN_STATUSES] } });
    if (f.overdue === false)
      and.push({ OR: [{ notificationDeadline: null }, { notificationDeadline: { gte: now } }, { status: { in: [...DONE_STATUSES] } }] });
    if (f.dueSoon === true)
      and.push({ notificationDeadline: { gte: now, lt: new Date(now.getTime() + DUE_SOON_MS) }, status: { in: [...OPEN_STATUSES] } });
    if (f.dueSoon === false) {
      and.push({
        OR: [
          { notificationDeadline: null },
          { notificationDeadline: { lt: now } },
          { notificationDeadline: { gte: new Date(now.getTime() + DUE_SOON_MS) } },
          { status: { in: [...DONE_STATUSES] } },
        ],
      });
    }
    const q = f.q?.trim();
    if (q) {
      const n = /^#?(\d{1,9})$/.exec(q);
      and.push({
        OR: [
          { title: { contains: q, mode: 'insensitive' } },
          { description: { contains: q, mode: 'insensitive' } },
          ...(n ? [{ number: Number(n[1]) }] : []),
        ],
      });
    }
    return { AND: and };
  }

  private orderBy({ field, order }: Sort): Prisma.IncidentOrderByWithRelationInput[] {
    const primary: Prisma.IncidentOrderByWithRelationInput =
      field === 'notificationDeadline'
        ? { notificationDeadline: { sort: order, nulls: 'last' } }
        : ({ [field]: order } as Prisma.IncidentOrderByWithRelationInput);
    return field === 'number' ? [primary] : [primary, { number: 'desc' }];
  }


  findByStatusTokenHash(hash: string) {
    return this.prisma.incident.findUnique({ where: { statusTokenHash: hash }, select: { number: true, status: true, updatedAt: true } });
  }

  /** Candidates for "similar": same organization and provider, overlapping classes, close in time. */
  similarCandidates(
    organizationId: string,
    incident: { id: string; providerId: string | null; providerOther: string | null; dataClasses: string[]; reportedAt: Date },
    windowMs: number,
  ) {
    const from = new Date(incident.reportedAt.getTime() - windowMs);
    const to = new Date(incident.reportedAt.getTime() + windowMs);
    return this.prisma.incident.findMany({
      where: {
        organizationId,
        id: { not: incident.id },
        ...(incident.providerId
          ? { providerId: incident.providerId }
          : { providerId: null, providerOther: { equals: incident.providerOther ?? '', mode: 'insensitive' } }),
        dataClasses: { hasSome: incident.dataClasses },
        reportedAt: { gte: from, lte: to },
      },
      orderBy: { reportedAt: 'asc' },
      take: 50,
      include: { ...INCIDENT_INCLUDE, events: { where: { type: 'created' }, select: { data: true }, take: 1 } },
    });
  }

  createdEventData(incidentId: string, db: Tx = this.prisma) {
    return db.incidentEvent.findFirst({ where: { incidentId, type: 'created' }, select: { data: true } });
  }

  /** An automatic incident for the same subject and service with one of these classes since `since`. */
  findRecentAutomatic(
    organizationId: string,
    q: { providerId: string | null; providerOther: string | null; dataClasses: string[]; subjectKey: string; since: Date; kind?: 'override' },
  ) {
    // Overridden warnings and blocks are deduplicated apart (their titles say which they are).
    const kind = q.kind === 'override' ? { title: { startsWith: OVERRIDE_TITLE } } : { NOT: { title: { startsWith: OVERRIDE_TITLE } } };
    return this.prisma.incident.findFirst({
      where: {
        organizationId,
        source: 'automatic',
        reportedAt: { gte: q.since },
        providerId: q.providerId,
        ...(q.providerId ? {} : { providerOther: q.providerOther }),
        ...(q.dataClasses.length || q.kind !== 'override' ? { dataClasses: { hasSome: q.dataClasses } } : {}),
        ...kind,
        events: { some: { type: 'created', data: { path: ['subjectKey'], equals: q.subjectKey } } },
      },
      select: { id: true },
    });
  }

  // Timeline and checklist ----------------------------------------------------------------------------

  createEvents(tx: Tx, rows: Prisma.IncidentEventUncheckedCreateInput[]) {
    return tx.incidentEvent.createManyAndReturn({ data: rows });
  }

  listEvents(organizationId: string, incidentId: string) {
    return this.prisma.incidentEvent.findMany({ where: { organizationId, incidentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  listTasks(organizationId: string, incidentId: string, db: Tx = this.prisma) {
    return db.incidentTask.findMany({ where: { organizationId, incidentId }, orderBy: [{ position: 'asc' }, { key: 'asc' }] });
  }

  createTasks(tx: Tx, rows: Prisma.IncidentTaskUncheckedCreateInput[]) {
    return tx.incidentTask.createMany({ data: rows });
  }

  deleteTasks(tx: Tx, ids: string[]) {
    return tx.incidentTask.deleteMany({ where: { id: { in: ids } } });
  }

  findTask(organizationId: string, incidentId: string, taskId: string, db: Tx = this.prisma) {
    return db.incidentTask.findFirst({ where: { organizationId, incidentId, id: taskId } });
  }

  updateTask(tx: Tx, id: string, data: Prisma.IncidentTaskUncheckedUpdateInput) {
    return tx.incidentTask.update({ where: { id }, data });
  }

  // Metrics ------------------------------------------------------------------------------------------

  countBy(organizationId: string) {
    return this.prisma.$transaction([
      this.prisma.incident.groupBy({ by: ['status'], where: { organizationId }, _count: { _all: true }, orderBy: { status: 'asc' } }),
      this.prisma.incident.groupBy({ by: ['severity'], where: { organizationId }, _count: { _all: true }, orderBy: { severity: 'asc' } }),
    ]);
  }

  count(where: Prisma.IncidentWhereInput) {
    return this.prisma.incident.count({ where });
  }

  /** Mean hours from report to acknowledgement and to resolution, over incidents reported since `since`. */
  async meanTimes(organizationId: string, since: Date) {
    const rows = await this.prisma.$queryRaw<{ mtta: number | null; mttr: number | null; acknowledged: bigint; resolved: bigint }[]>`
      SELECT
        (avg(extract(epoch FROM ("acknowledgedAt" - "reportedAt"))) FILTER (WHERE "acknowledgedAt" IS NOT NULL) / 3600)::float8 AS mtta,
        (avg(extract(epoch FROM ("resolvedAt" - "reportedAt"))) FILTER (WHERE "resolvedAt" IS NOT NULL) / 3600)::float8 AS mttr,
        count("acknowledgedAt") AS acknowledged,
        count("resolvedAt") AS resolved
      FROM "Incident"
      WHERE "organizationId" = ${organizationId}::uuid AND "reportedAt" >= ${since}`;
    const r = rows[0];
    return { mtta: r?.mtta ?? null, mttr: r?.mttr ?? null, acknowledged: Number(r?.acknowledged ?? 0), resolved: Number(r?.resolved ?? 0) };
  }
}
