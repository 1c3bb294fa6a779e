import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { SiemDeliveryStatus, SiemDestinationCreate, SiemDestinationUpdate, SiemTestOutput } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { Prisma, SiemDestination } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { SecretsService } from '../secrets/secrets.service';
import { WebhookUrlRefused } from '../webhooks/webhook-url-guard';
import { createDelivery } from './siem-delivery';
import { destinationProblems } from './siem-destination-rules';
import { sealContext, SiemDispatcher } from './siem-dispatcher.service';
import type { SiemEvent } from './siem-events';
import { SiemRepository, type SiemFilter } from './siem.repository';
import { siemAuditView } from './siem.serializers';
import { SiemUrlGuard } from './siem-url-guard';
import type { Page, Sort } from '../../common/list-query';

/** Counts older than this are an instance that is gone: its queue no longer counts as waiting. */
const LIVE_STATUS_MS = 30_000;
const TEST_TIMEOUT_MS = 20_000;

/** SIEM destinations: CRUD (audited, secrets sealed and write-only), the test button, the delivery status. */
@Injectable()
export class SiemService {
  private readonly logger = new Logger('Siem');

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SiemRepository,
    private readonly audit: AuditService,
    private readonly secrets: SecretsService,
    private readonly guard: SiemUrlGuard,
    private readonly dispatcher: SiemDispatcher,
  ) {}

  async list(organizationId: string, filter: SiemFilter, sort: Sort, page: Page) {
    const [rows, total] = await this.repo.list(organizationId, filter, sort, page);
    const statuses = await this.statuses(organizationId, rows);
    return [rows.map((r) => ({ row: r, status: statuses.get(r.id)! })), total] as const;
  }

  async find(organizationId: string, id: string) {
    const row = await this.repo.find(organizationId, id);
    if (!row) throw AppError.notFound('SIEM destination');
    return { row, status: (await this.statuses(organizationId, [row])).get(row.id)! };
  }

  async create(organizationId: string, actor: Actor, input: SiemDestinationCreate) {
    const id = randomUUID();
    const data = normalise(input);
    this.check({ ...emptyShape, ...data, clientKey: input.clientKey ?? null, hasClientKey: !!input.clientKey });
    await this.vetOr400(data);
    const row = await this.transactions.run(async () => {
      if (await this.repo.nameTaken(organizationId, input.name, null)) throw AppError.conflict(`A SIEM destination named "${input.name}" exists already`);
      const d = await this.repo.create({
        id,
        organizationId,
        ...data,
        eventTypes: input.eventTypes,
        decisionEffects: input.decisionEffects,
        tokenSealed: input.token ? await this.secrets.seal(input.token, sealContext.token(id)) : null,
        tokenLast4: input.token ? input.token.slice(-4) : null,
        clientKeySealed: input.clientKey ? await this.secrets.seal(input.clientKey, sealContext.clientKey(id)) : null,
      });
      await this.audit.record({ organizationId, actor, action: 'siem_destination.create', entityType: 'SiemDestination', entityId: id, after: siemAuditView(d) });
      return d;
    });
    await this.reloadRuntime();
    return this.find(organizationId, row.id);
  }

  async update(organizationId: string, actor: Actor, id: string, input: SiemDestinationUpdate) {
    const before = await this.repo.find(organizationId, id);
    if (!before) throw AppError.notFound('SIEM destination');
    const { token, clientKey, ...rest } = input;
    const merged = { ...before, ...rest };
    const data: Prisma.SiemDestinationUncheckedUpdateInput = normalise(merged as SiemDestinationCreate);
    if (rest.name !== undefined) data.name = rest.name;
    if (rest.enabled !== undefined) data.enabled = rest.enabled;
    if (rest.eventTypes !== undefined) data.eventTypes = rest.eventTypes;
    if (rest.decisionEffects !== undefined) data.decisionEffects = rest.decisionEffects;
    const hasClientKey = clientKey === undefined ? before.clientKeySealed !== null : clientKey !== null;
    this.check({ ...emptyShape, ...(data as object), clientKey: clientKey ?? null, hasClientKey } as never);
    await this.vetOr400(data as ReturnType<typeof normalise>);
    if (token !== undefined) {
      data.tokenSealed = token === null ? null : await this.secrets.seal(token, sealContext.token(id));
      data.tokenLast4 = token === null ? null : token.slice(-4);
    }
    if (clientKey !== undefined) data.clientKeySealed = clientKey === null ? null : await this.secrets.seal(clientKey, sealContext.clientKey(id));
    await this.transactions.run(async () => {
      if (rest.name !== undefined && (await this.repo.nameTaken(organizationId, rest.name, id))) throw AppError.conflict(`A SIEM destination named "${rest.name}" exists already`);
      const d = await this.repo.update(organizationId, id, data);
      const secret = token !== undefined || clientKey !== undefined;
      await this.audit.record({
        organizationId,
        actor,
        action: secret ? 'siem_destination.update_secret' : 'siem_destination.update',
        entityType: 'SiemDestination',
        entityId: id,
        before: siemAuditView(before),
        after: siemAuditView(d),
      });
    });
    await this.reloadRuntime();
    return this.find(organizationId, id);
  }

  async remove(organizationId: string, actor: Actor, id: string) {
    const found = await this.find(organizationId, id);
    await this.transactions.run(async () => {
      await this.repo.delete(organizationId, id);
      await this.audit.record({ organizationId, actor, action: 'siem_destination.delete', entityType: 'SiemDestination', entityId: id, before: siemAuditView(found.row) });
    });
    await this.reloadRuntime();
    return found;
  }

  /**
   * Sends one test event (an audit-shaped `siem_destination.test`) straight to the destination over
   * a connection of its own, as configured (secrets, TLS, SSRF rules), and says whether it got
   * there: a syslog write the receiver's TCP accepted, an HTTP 2xx. Nothing is queued or retried.
   */
  async test(organizationId: string, actor: Actor, id: string): Promise<SiemTestOutput> {
    const { row } = await this.find(organizationId, id);
    const started = Date.now();
    const event: SiemEvent = {
      type: 'audit',
      audit: {
        id: randomUUID(),
        organizationId,
        seq: 0,
        action: 'siem_destination.test',
        entityType: 'SiemDestination',
        entityId: id,
        actorType: actor.type,
        actorId: actor.id ?? null,
        actorLabel: actor.label,
        ip: actor.origin?.ip ?? null,
        requestId: actor.origin?.requestId ?? null,
        hash: '-',
        createdAt: new Date(),
      },
    };
    const config = await this.dispatcher.runtimeConfig(row);
    const delivery = createDelivery({ ...config, eventTypes: new Set(['audit']), decisionEffects: null }, { ...this.dispatcher.deps(), capacity: 1, backoffMaxMs: 60_000 });
    delivery.enqueue(event);
    const until = Date.now() + TEST_TIMEOUT_MS;
    while (Date.now() < until && delivery.stats.sent === 0 && delivery.stats.failures === 0) await new Promise((r) => setTimeout(r, 25));
    delivery.close();
    const ok = delivery.stats.sent > 0;
    const error = ok ? null : (delivery.stats.lastError ?? `no answer within ${TEST_TIMEOUT_MS / 1000} s`);
    await this.audit.record({ organizationId, actor, action: 'siem_destination.test', entityType: 'SiemDestination', entityId: id, after: { ok, error } });
    return { ok, error, millis: Date.now() - started };
  }

  /** Applies the change on this instance now (the others within ten seconds); a failure waits for the next poll. */
  private async reloadRuntime(): Promise<void> {
    await this.dispatcher.reload().catch((err: Error) => this.logger.warn(`SIEM destinations not reloaded: ${err.message}`));
  }

  /** Every instance's counts added up, this instance's live ones instead of its last saved row. */
  private async statuses(organizationId: string, rows: readonly SiemDestination[]): Promise<Map<string, SiemDeliveryStatus>> {
    const saved = await this.repo.statuses(organizationId, rows.map((r) => r.id));
    const me = this.dispatcher.originInfo.instanceId;
    const now = Date.now();
    const out = new Map<string, SiemDeliveryStatus>();
    for (const r of rows) {
      const s: SiemDeliveryStatus = { queued: 0, sent: 0, dropped: 0, failures: 0, lastSuccessAt: null, lastError: null, lastErrorAt: null, instances: 0 };
      const later = (a: string | null, b: Date | null) => (b && (!a || b.toISOString() > a) ? b.toISOString() : a);
      let lastErrorAt: string | null = null;
      const add = (x: { queued: number; sent: number; dropped: number; failures: number; lastSuccessAt: Date | null; lastError: string | null; lastErrorAt: Date | null }, live: boolean) => {
        if (live) s.queued += x.queued;
        s.sent += x.sent;
        s.dropped += x.dropped;
        s.failures += x.failures;
        s.lastSuccessAt = later(s.lastSuccessAt, x.lastSuccessAt);
        if (x.lastErrorAt && (!lastErrorAt || x.lastErrorAt.toISOString() > lastErrorAt)) {
          lastErrorAt = x.lastErrorAt.toISOString();
          s.lastError = x.lastError;
          s.lastErrorAt = lastErrorAt;
        }
        s.instances += 1;
      };
      for (const x of saved) if (x.destinationId === r.id && x.instanceId !== me) add(x, now - x.updatedAt.getTime() < LIVE_STATUS_MS);
      const mine = this.dispatcher.delivery(r.id);
      if (mine) add({ ...mine.stats, queued: mine.queued }, true);
      else {
        const row = saved.find((x) => x.destinationId === r.id && x.instanceId === me);
        if (row) add(row, false);
      }
      out.set(r.id, s);
    }
    return out;
  }

  private check(shape: Parameters<typeof destinationProblems>[0]): void {
    const problems = destinationProblems(shape);
    if (problems.length) throw AppError.validation(problems, 'The SIEM destination is not complete');
  }

  private async vetOr400(d: { transport: string; host: string | null; port: number | null; url: string | null }): Promise<void> {
    try {
      if (d.transport === 'http') await this.guard.vet(d.url!);
      else await this.guard.vetHost(d.host!, d.port!);
    } catch (err) {
      if (err instanceof WebhookUrlRefused) throw AppError.validation([{ path: d.transport === 'http' ? 'url' : 'host', message: err.message }], 'The SIEM destination is refused');
      throw err;
    }
  }
}

const emptyShape = { host: null, port: null, httpPreset: null, url: null, caCert: null, clientCert: null };

/** The transport's own fields kept, the other transport's cleared (a syslog destination has no URL). */
function normalise(input: SiemDestinationCreate) {
  const http = input.transport === 'http';
  return {
    name: input.name,
    enabled: input.enabled,
    transport: input.transport,
    format: input.format,
    host: http ? null : (input.host ?? null),
    port: http ? null : (input.port ?? null),
    facility: input.facility,
    httpPreset: http ? (input.httpPreset ?? null) : null,
    url: http ? (input.url ?? null) : null,
    index: http ? (input.index ?? null) : null,
    caCert: input.caCert ?? null,
    clientCert: input.clientCert ?? null,
  };
}
