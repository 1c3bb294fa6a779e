import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { SsoDomainOutput } from '@airlock/contracts';
import { AppError } from '../../../common/errors';
import { iso } from '../../../common/list-response';
import { Transactions } from '../../../database/transactions';
import type { OrganizationDomain } from '../../../generated/prisma/client';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../auth-context';
import { DnsTxtResolver, type TxtLookup } from './dns-txt';
import { SsoConnectionRepository } from './sso-connection.repository';
import { SsoDomainsRepository } from './sso-domains.repository';

/** The prefix of the TXT record's value: `airlock-verification=<token>`. */
export const TXT_PREFIX = 'airlock-verification=';
const MAX_DOMAINS = 50;
/** Domains re-checked per run of the job (each is one DNS lookup of up to 6 s). */
const RECHECK_BATCH = 50;
const RECHECK_ACTOR: Actor = { type: 'system', id: null, label: 'domain re-check' };

export function domainOut(d: OrganizationDomain): SsoDomainOutput {
  return {
    id: d.id,
    domain: d.domain,
    txtRecordName: d.domain,
    txtRecordValue: `${TXT_PREFIX}${d.token}`,
    verified: d.verifiedAt !== null,
    verifiedAt: d.verifiedAt ? iso(d.verifiedAt) : null,
    lastCheckedAt: d.lastCheckedAt ? iso(d.lastCheckedAt) : null,
    lastCheckError: d.lastCheckError,
    createdAt: iso(d.createdAt),
  };
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'P2002' || /unique constraint|duplicate key/i.test((err as Error).message ?? '');

/**
 * Verified e-mail domains: an organization claims a domain, publishes the TXT record Airlock gives
 * it, and asks for the check. A verified domain sends its people to the organization's SSO from the
 * sign-in page and lets SSO link existing accounts of that domain. One organization per domain.
 */
@Injectable()
export class SsoDomainsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SsoDomainsRepository,
    private readonly audit: AuditService,
    private readonly dns: DnsTxtResolver,
    private readonly connections: SsoConnectionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly logger = new Logger('SsoDomains');

  /** Home-realm discovery: the organization that verified this e-mail domain, when its single sign-on is on. */
  discover(domain: string) {
    return this.connections.enabledConnectionForVerifiedDomain(domain.toLowerCase());
  }

  async list(organizationId: string): Promise<SsoDomainOutput[]> {
    return (await this.repo.list(organizationId)).map(domainOut);
  }

  async add(organizationId: string, actor: Actor, domain: string): Promise<SsoDomainOutput> {
    return this.transactions.run(async () => {
      if (await this.repo.findByName(organizationId, domain)) throw AppError.conflict(`${domain} is already in the list`);
      if (await this.repo.verifiedElsewhere(organizationId, domain)) throw AppError.conflict(`${domain} is verified by another organization; a domain belongs to one organization`);
      if ((await this.repo.countFor(organizationId)) >= MAX_DOMAINS) throw AppError.unprocessable(`An organization can have at most ${MAX_DOMAINS} domains`);
      const row = await this.repo.create(organizationId, domain, randomBytes(24).toString('base64url'));
      await this.audit.record({ organizationId, actor, action: 'sso_domain.create', entityType: 'OrganizationDomain', entityId: row.id, after: { domain } });
      return domainOut(row);
    });
  }

  /**
   * What a TXT lookup says of a domain: the error to show (null: the record is there), and whether
   * the record is definitely gone (the DNS answered without it). A lookup that failed (time-out,
   * SERVFAIL) says nothing about the record: a verified domain stays verified through a DNS outage.
   */
  private judge(row: OrganizationDomain, lookup: TxtLookup): { error: string | null; gone: boolean } {
    const expected = `${TXT_PREFIX}${row.token}`;
    if (!lookup.ok) return { error: row.verifiedAt ? `${lookup.reason} The domain stays verified: only a record that is gone withdraws it.` : lookup.reason, gone: false };
    if (lookup.records.some((r) => r.trim() === expected)) return { error: null, gone: false };
    if (row.verifiedAt) {
      return { error: `The TXT record ${expected} is no longer published at ${row.domain}: the domain is no longer verified. Publish it again, then verify.`, gone: true };
    }
    const ours = lookup.records.filter((r) => r.startsWith(TXT_PREFIX));
    return {
      error: ours.length
        ? `${row.domain} has an airlock-verification TXT record, but not this one: publish ${expected} (the value of another organization or of an earlier attempt does not count).`
        : `No TXT record ${expected} at ${row.domain} yet${lookup.records.length ? ` (it has ${lookup.records.length} other TXT record${lookup.records.length === 1 ? '' : 's'})` : ''}. DNS changes can take a while to appear; try again later.`,
      gone: true,
    };
  }

  /**
   * Looks the TXT record up now; verified when one of the domain's TXT records is exactly the value
   * given. Checking a verified domain again withdraws it when the record is gone (section 7 of
   * docs/sso.md): whoever no longer controls the domain's DNS no longer vouches for its addresses.
   */
  async verify(organizationId: string, actor: Actor, id: string): Promise<SsoDomainOutput> {
    const row = await this.repo.find(organizationId, id);
    if (!row) throw AppError.notFound('Domain');
    const lookup = await this.dns.txt(row.domain);
    const judged = this.judge(row, lookup);
    let error = judged.error;
    // A failed lookup leaves the state as it was; a record gone (or another organization's claim) means not verified.
    const unchanged = judged.error !== null && !judged.gone;
    return this.transactions.run(async () => {
      if (!error && !row.verifiedAt && (await this.repo.verifiedElsewhere(organizationId, row.domain))) {
        error = `${row.domain} is verified by another organization; a domain belongs to one organization.`;
      }
      let saved: OrganizationDomain;
      try {
        saved = await this.repo.markChecked(organizationId, id, { verifiedAt: error ? (unchanged ? row.verifiedAt : null) : (row.verifiedAt ?? new Date()), lastCheckError: error });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        throw AppError.conflict(`${row.domain} is verified by another organization; a domain belongs to one organization`);
      }
      await this.audit.record({
        organizationId,
        actor,
        action: error ? 'sso_domain.verify_failed' : 'sso_domain.verify',
        entityType: 'OrganizationDomain',
        entityId: id,
        before: { verified: row.verifiedAt !== null },
        after: { domain: row.domain, verified: saved.verifiedAt !== null, ...(error ? { reason: error } : {}) },
      });
      return domainOut(saved);
    });
  }

  /**
   * The periodic re-check (the `sso-domain-recheck` job): every verified domain not checked for
   * `AIRLOCK_SSO_DOMAIN_RECHECK_SECONDS` is looked up again, a few at a time; one whose record is
   * gone stops being verified (home-realm discovery and account linking stop with it), audited as
   * `sso_domain.unverified`. A failed lookup is only noted on the domain. Returns how many were lost.
   */
  async recheckDue(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.ssoDomainRecheckSeconds * 1000);
    let lost = 0;
    for (const row of await this.repo.dueForRecheck(cutoff, RECHECK_BATCH)) {
      if (!(await this.repo.claimRecheck(row.id, cutoff))) continue;
      const { error, gone } = this.judge(row, await this.dns.txt(row.domain));
      try {
        await this.transactions.run(async () => {
          await this.repo.markChecked(row.organizationId, row.id, { verifiedAt: gone ? null : row.verifiedAt, lastCheckError: error });
          if (!gone) return;
          await this.audit.record({
            organizationId: row.organizationId,
            actor: RECHECK_ACTOR,
            action: 'sso_domain.unverified',
            entityType: 'OrganizationDomain',
            entityId: row.id,
            before: { verified: true },
            after: { domain: row.domain, verified: false, reason: error },
          });
          lost++;
        });
      } catch (err) {
        // Removed meanwhile (the row is gone): nothing left to re-check.
        this.logger.warn(`Re-checking domain ${row.id} failed: ${(err as Error).message}`);
      }
    }
    return lost;
  }

  async remove(organizationId: string, actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async () => {
      const row = await this.repo.find(organizationId, id);
      if (!row) throw AppError.notFound('Domain');
      await this.repo.remove(organizationId, id);
      await this.audit.record({ organizationId, actor, action: 'sso_domain.delete', entityType: 'OrganizationDomain', entityId: id, before: { domain: row.domain, verified: row.verifiedAt !== null } });
    });
  }
}
