import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type DecisionRequestInput, type DecisionResponse, decisionRequest } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { parseOr400 } from '../../common/zod-pipe';
import { APP_CONFIG, type AppConfig, isHostPort } from '../../config/config';
import type { ApiClientAuth } from '../auth/auth-context';
import { decide } from '../decisions/decide';
import { DecisionService } from '../decisions/decision.service';
import type { CompiledPolicy } from '../policy/compiled-policy';
import { PolicyRuntime } from '../policy/policy-runtime.service';
import type { OriginalRequest } from './authz';
import type { BlockPageInput } from './block-page';
import { EXPORT_INCLUDES, type ExportedService, type ExportFormat, type ExportInclude, renderExport } from './exports';

export interface ExportQuery {
  include?: unknown;
  zone?: unknown;
  address?: unknown;
  proxy?: unknown;
}

export interface ExportAnswer {
  body: string;
  contentType: string;
  filename: string;
  etag: string;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]{2,39}$/;
const QUERY_KEYS = new Set(['include', 'zone', 'address', 'proxy']);

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new AppError('bad_request', `${name} may be given once`);
  return value.trim();
}

/**
 * The network's enforcement points (docs/integrations/): gateways that ask before forwarding
 * (nginx auth_request, Envoy ext_authz), OPA clients, and the DNS, proxy and PAC exports. Decisions
 * go through DecisionService (memory only, logged like every decision: metadata, never text); the
 * exports are computed from the organization's published policy in PolicyRuntime, so they change
 * when a new version is published (and their ETag with them).
 */
@Injectable()
export class NetworkService {
  /** Rendered exports of the policy object in force, by format and options (a publish replaces the object). */
  private readonly exportCache = new WeakMap<CompiledPolicy, Map<string, ExportAnswer>>();

  constructor(
    private readonly decisions: DecisionService,
    private readonly runtime: PolicyRuntime,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The `access` decision for a request a gateway is about to forward. The client's address: X-Real-IP
   * when the key may assert addresses (`mayAssertIp`), else the connection's (request.ip, which
   * follows X-Forwarded-For as far as AIRLOCK_TRUST_PROXY trusts the hops).
   */
  decideOriginal(client: ApiClientAuth, original: OriginalRequest, connectionIp: string): DecisionResponse {
    const raw: Record<string, unknown> = { action: 'access', destination: { url: original.url } };
    if (original.user) raw.subject = original.user.includes('@') ? { email: original.user } : { id: original.user };
    if (original.realIp && client.rights.ip) raw.context = { ip: original.realIp };
    const req = parseOr400(decisionRequest, raw, 'The original request cannot be decided') as DecisionRequestInput;
    return this.decisions.decideOne(client, req, undefined, connectionIp);
  }

  /** OPA's input is a decision request as POST /v1/decisions takes it. */
  decideInput(client: ApiClientAuth, input: unknown, connectionIp: string): DecisionResponse {
    const req = parseOr400(decisionRequest, input, 'The input is not a decision request') as DecisionRequestInput;
    return this.decisions.decideOne(client, req, undefined, req.context?.ip === undefined ? connectionIp : undefined);
  }

  private policyOf(client: ApiClientAuth): CompiledPolicy {
    const policy = this.runtime.get(client.organizationId);
    if (!policy) throw new AppError('unavailable', 'The policy of this organization is not loaded yet; retry shortly', undefined, { 'retry-after': '1' });
    return policy;
  }

  /**
   * The explanation page nginx's error_page fetches: the rules the decision named (X-Airlock-Rules),
   * with their messages from the organization's published policy, and the service behind the host.
   * Only rule ids of this organization's policy are shown; nothing the caller writes is echoed but
   * the host name and the decision id, both escaped.
   */
  explain(client: ApiClientAuth, ruleIds: readonly string[], host: string | null, decisionId: string | null): BlockPageInput {
    const policy = this.policyOf(client);
    const byId = new Map(policy.rules.map((r) => [r.id, r]));
    const reasons = [...new Set(ruleIds)].flatMap((id) => {
      const rule = byId.get(id);
      return rule ? [{ message: rule.message, guidanceUrl: rule.guidanceUrl ?? null }] : [];
    });
    let service: string | null = null;
    if (host) {
      // The evaluator's destination resolution (wildcards, IDN, ports), without a decision logged.
      try {
        service = decide(policy, { action: 'access', destination: { host } }).decision.provider?.name ?? null;
      } catch {
        service = null;
      }
    }
    return { host, service, reasons, decisionId: decisionId && /^[0-9a-f-]{36}$/i.test(decisionId) ? decisionId : null };
  }

  /** The services an export lists, in the policy in force: see docs/integrations/dns.md. */
  private servicesToBlock(policy: CompiledPolicy, include: ExportInclude, zone: string | null): ExportedService[] {
    const out: ExportedService[] = [];
    for (const p of policy.snapshot.catalog) {
      // The access decision for a request with no person: what a resolver or a proxy without
      // identities can enforce. Rules about groups never match it; rules about a zone only when asked.
      const { decision } = decide(policy, { action: 'access', destination: { provider: p.slug }, ...(zone ? { context: { networkZone: zone } } : {}) });
      if (decision.effect === 'block' || (include === 'unapproved' && p.status !== 'approved')) out.push({ slug: p.slug, name: p.name, domains: p.domains });
    }
    return out;
  }

  exportFor(client: ApiClientAuth, format: ExportFormat, query: ExportQuery): ExportAnswer {
    for (const key of Object.keys(query)) {
      if (!QUERY_KEYS.has(key)) throw new AppError('bad_request', `Unknown query parameter "${key.slice(0, 40)}" (known: include, zone, address, proxy)`);
    }
    const includeRaw = single(query.include, 'include') ?? 'blocked';
    if (!(EXPORT_INCLUDES as readonly string[]).includes(includeRaw)) throw new AppError('bad_request', `include must be one of ${EXPORT_INCLUDES.join(', ')}`);
    const include = includeRaw as ExportInclude;
    const policy = this.policyOf(client);
    const zone = single(query.zone, 'zone') || null;
    if (zone !== null && !policy.snapshot.zones.some((z) => z.name === zone)) {
      throw new AppError('bad_request', `zone ${JSON.stringify(zone.slice(0, 64))} is not a network zone of the published policy`);
    }
    const address = single(query.address, 'address') || null;
    if (address !== null && !IPV4.test(address) && !(IPV6.test(address) && address.includes(':'))) {
      throw new AppError('bad_request', 'address must be an IPv4 or IPv6 address (the block page server blocked names resolve to)');
    }
    if (address !== null && format === 'pac') throw new AppError('bad_request', 'address is for the DNS formats; a PAC file takes proxy=host:port');
    let blockProxy: string | null = null;
    if (format === 'pac') {
      blockProxy = single(query.proxy, 'proxy') || this.config.blockPage.proxy;
      if (!blockProxy) throw new AppError('bad_request', 'A PAC file sends blocked services to the block-page proxy: set AIRLOCK_BLOCK_PAGE_PROXY or add ?proxy=host:port');
      if (!isHostPort(blockProxy)) throw new AppError('bad_request', 'proxy must be host:port (a host name or IP address and a port)');
    } else if (query.proxy !== undefined) throw new AppError('bad_request', 'proxy is for the PAC format only');

    const key = `${format}|${include}|${zone ?? ''}|${address ?? ''}|${blockProxy ?? ''}`;
    let cache = this.exportCache.get(policy);
    if (!cache) {
      cache = new Map();
      this.exportCache.set(policy, cache);
    }
    const hit = cache.get(key);
    if (hit) return hit;
    const rendered = renderExport(format, this.servicesToBlock(policy, include, zone), { policyVersion: policy.version, include, zone, address, blockProxy });
    const answer = { ...rendered, etag: `"${createHash('sha256').update(rendered.body).digest('base64url').slice(0, 32)}"` };
    if (cache.size > 256) cache.clear();
    cache.set(key, answer);
    return answer;
  }
}
