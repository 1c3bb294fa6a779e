import { Injectable } from '@nestjs/common';
import { type Tx } from '../../../database/prisma.service';
import { Transactions } from '../../../database/transactions';

/** The organization's e-mail domains (OrganizationDomain), every query scoped to the organization. */
@Injectable()
export class SsoDomainsRepository {
  constructor(private readonly transactions: Transactions) {}

  private get db(): Tx {
    return this.transactions.db;
  }

  list(organizationId: string) {
    return this.db.organizationDomain.findMany({ where: { organizationId }, orderBy: [{ domain: 'asc' }] });
  }

  find(organizationId: string, id: string) {
    return this.db.organizationDomain.findFirst({ where: { organizationId, id } });
  }

  findByName(organizationId: string, domain: string) {
    return this.db.organizationDomain.findUnique({ where: { organizationId_domain: { organizationId, domain } } });
  }

  /** Another organization's verified claim on the domain, if any. */
  verifiedElsewhere(organizationId: string, domain: string) {
    return this.db.organizationDomain.findFirst({ where: { domain, verifiedAt: { not: null }, NOT: { organizationId } }, select: { id: true } });
  }

  create(organizationId: string, domain: string, token: string) {
    return this.db.organizationDomain.create({ data: { organizationId, domain, token } });
  }

  countFor(organizationId: string): Promise<number> {
    return this.db.organizationDomain.count({ where: { organizationId } });
  }

  markChecked(organizationId: string, id: string, result: { verifiedAt: Date | null; lastCheckError: string | null }) {
    return this.db.organizationDomain.update({ where: { id, organizationId }, data: { ...result, lastCheckedAt: new Date() } });
  }

  /**
   * Verified domains of every organization not checked since `cutoff`, oldest first: the re-check
   * job's work (it acts on each within that domain's own organization).
   */
  dueForRecheck(cutoff: Date, limit: number) {
    return this.db.organizationDomain.findMany({
      where: { verifiedAt: { not: null }, OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lt: cutoff } }] },
      orderBy: [{ lastCheckedAt: { sort: 'asc', nulls: 'first' } }],
      take: limit,
    });
  }

  /**
   * Takes a due domain for this instance: true when no other instance re-checked (or took) it since
   * `cutoff`, so that several instances do not look the same record up twice.
   */
  async claimRecheck(id: string, cutoff: Date): Promise<boolean> {
    const { count } = await this.db.organizationDomain.updateMany({ where: { id, verifiedAt: { not: null }, OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lt: cutoff } }] }, data: { lastCheckedAt: new Date() } });
    return count === 1;
  }

  remove(organizationId: string, id: string) {
    return this.db.organizationDomain.delete({ where: { id, organizationId } });
  }
}
