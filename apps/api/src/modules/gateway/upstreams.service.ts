import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { GatewayUpstreamCreate } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { GatewayUpstream, Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { SecretsService } from '../secrets/secrets.service';
import { WebhookUrlRefused, type VettedTarget } from '../webhooks/webhook-url-guard';
import type { GatewayDialect } from './dialects';
import { GatewayUrlGuard } from './gateway-url-guard';
import { GatewayRepository } from './upstreams.repository';
import { upstreamAuditView } from './upstreams.serializers';

/** An upstream ready to forward to: its key opened, its address vetted (connections are pinned to it). */
export interface ResolvedUpstream {
  id: string;
  name: string;
  api: GatewayDialect;
  providerSlug: string;
  baseUrl: URL;
  apiKey: string;
  timeoutMs: number;
  target: VettedTarget;
}

/** How long an organization's upstreams (keys opened, addresses vetted) are reused before a reload. */
const CACHE_MS = 5_000;

interface CacheEntry {
  at: number;
  upstreams: Promise<ResolvedUpstream[]>;
  /** The load finished (a failed one is dropped). */
  loaded: boolean;
  refreshing: boolean;
}

const sealContext = (id: string) => `gateway-upstream:${id}`;

/** Upstream CRUD (audited, keys sealed and write-only) and the gateway's per-organization cache. */
@Injectable()
export class GatewayUpstreamsService {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: GatewayRepository,
    private readonly audit: AuditService,
    private readonly secrets: SecretsService,
    private readonly guard: GatewayUrlGuard,
  ) {}

  private async vetOr400(url: string): Promise<void> {
    try {
      await this.guard.vet(url);
    } catch (err) {
      if (err instanceof WebhookUrlRefused) throw AppError.validation([{ path: 'baseUrl', message: err.message }], 'The upstream URL is refused');
      throw err;
    }
  }

  private async providerOr400(organizationId: string, slug: string): Promise<void> {
    if (!(await this.repo.providerExists(organizationId, slug)))
      throw AppError.validation([{ path: 'providerSlug', message: `"${slug}" is not a provider in the catalog (add it first)` }], 'Unknown provider');
  }

  list(...args: Parameters<GatewayRepository['list']>) {
    return this.repo.list(...args);
  }

  find(organizationId: string, id: string) {
    return this.repo.find(organizationId, id);
  }

  async create(organizationId: string, actor: Actor, input: GatewayUpstreamCreate) {
    await this.vetOr400(input.baseUrl);
    await this.providerOr400(organizationId, input.providerSlug);
    const id = randomUUID();
    const keySealed = await this.secrets.seal(input.apiKey, sealContext(id));
    const row = await this.transactions.run(async () => {
      const u = await this.repo.create({
        id,
        organizationId,
        name: input.name,
        api: input.api,
        providerSlug: input.providerSlug,
        baseUrl: input.baseUrl.replace(/\/+$/, ''),
        keySealed,
        keyLast4: input.apiKey.slice(-4),
        enabled: input.enabled,
        timeoutSeconds: input.timeoutSeconds,
      });
      await this.audit.record({ organizationId, actor, action: 'gateway_upstream.create', entityType: 'GatewayUpstream', entityId: id, after: upstreamAuditView(u) });
      return u;
    });
    this.cache.delete(organizationId);
    return row;
  }

  async update(organizationId: string, actor: Actor, id: string, input: Partial<GatewayUpstreamCreate>) {
    if (input.baseUrl !== undefined) await this.vetOr400(input.baseUrl);
    if (input.providerSlug !== undefined) await this.providerOr400(organizationId, input.providerSlug);
    const { apiKey, ...rest } = input;
    const data: Prisma.GatewayUpstreamUncheckedUpdateInput = { ...rest, ...(rest.baseUrl ? { baseUrl: rest.baseUrl.replace(/\/+$/, '') } : {}) };
    if (apiKey !== undefined) {
      data.keySealed = await this.secrets.seal(apiKey, sealContext(id));
      data.keyLast4 = apiKey.slice(-4);
    }
    const row = await this.transactions.run(async () => {
      const before = await this.repo.find(organizationId, id);
      if (!before) throw AppError.notFound('Gateway upstream');
      const u = await this.repo.update(organizationId, id, data);
      await this.audit.record({
        organizationId,
        actor,
        action: apiKey !== undefined ? 'gateway_upstream.update_key' : 'gateway_upstream.update',
        entityType: 'GatewayUpstream',
        entityId: id,
        before: upstreamAuditView(before),
        after: upstreamAuditView(u),
      });
      return u;
    });
    this.cache.delete(organizationId);
    return row;
  }

  async remove(organizationId: string, actor: Actor, id: string) {
    const row = await this.transactions.run(async () => {
      const before = await this.repo.find(organizationId, id);
      if (!before) throw AppError.notFound('Gateway upstream');
      await this.repo.delete(organizationId, id);
      await this.audit.record({ organizationId, actor, action: 'gateway_upstream.delete', entityType: 'GatewayUpstream', entityId: id, before: upstreamAuditView(before) });
      return before;
    });
    this.cache.delete(organizationId);
    return row;
  }

  /**
   * The upstream a gateway call goes to: the one named (X-Airlock-Upstream), else the organization's
   * first enabled upstream of that API. Reloaded from the database at most every few seconds.
   */
  async pick(organizationId: string, api: GatewayDialect, name: string | undefined): Promise<ResolvedUpstream | null> {
    const all = await this.resolved(organizationId);
    return all.find((u) => u.api === api && (name === undefined || u.name === name)) ?? null;
  }

  /**
   * Within CACHE_MS the cached list; after that the cached list still answers while a reload runs in
   * the background (so no gateway call waits for the database, the DNS vetting and the opening of the
   * keys once the organization's upstreams were loaded). A change through this service drops the
   * entry at once, so the console's edits apply to the next call.
   */
  private resolved(organizationId: string): Promise<ResolvedUpstream[]> {
    const hit = this.cache.get(organizationId);
    const now = Date.now();
    if (hit && now - hit.at < CACHE_MS) return hit.upstreams;
    if (hit?.loaded && !hit.refreshing) {
      hit.refreshing = true;
      const next = this.load(organizationId);
      next.then(
        (list) => {
          if (this.cache.get(organizationId) === hit) this.cache.set(organizationId, { at: Date.now(), upstreams: Promise.resolve(list), loaded: true, refreshing: false });
        },
        () => {
          // Kept until the next try: a database hiccup does not stop the gateway.
          hit.refreshing = false;
          hit.at = Date.now() - CACHE_MS + 1_000;
        },
      );
      return hit.upstreams;
    }
    if (hit) return hit.upstreams;
    const upstreams = this.load(organizationId);
    const entry: CacheEntry = { at: now, upstreams, loaded: false, refreshing: false };
    this.cache.set(organizationId, entry);
    upstreams.then(
      () => (entry.loaded = true),
      () => {
        if (this.cache.get(organizationId) === entry) this.cache.delete(organizationId);
      },
    );
    return upstreams;
  }

  private async load(organizationId: string): Promise<ResolvedUpstream[]> {
    const rows = await this.repo.enabled(organizationId);
    const out: ResolvedUpstream[] = [];
    for (const row of rows) {
      const r = await this.open(row);
      if (r) out.push(r);
    }
    return out;
  }

  /** null when the address is no longer allowed (DNS changed): the upstream is skipped until fixed. */
  private async open(row: GatewayUpstream): Promise<ResolvedUpstream | null> {
    let target: VettedTarget;
    try {
      target = await this.guard.vet(row.baseUrl);
    } catch (err) {
      if (err instanceof WebhookUrlRefused) return null;
      throw err;
    }
    return {
      id: row.id,
      name: row.name,
      api: row.api as GatewayDialect,
      providerSlug: row.providerSlug,
      baseUrl: target.url,
      apiKey: await this.secrets.open(row.keySealed, sealContext(row.id)),
      timeoutMs: row.timeoutSeconds * 1000,
      target,
    };
  }
}
