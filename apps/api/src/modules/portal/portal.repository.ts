import { Injectable } from '@nestjs/common';
import { idIn, orderOf, type Page, type Sort } from '../../common/list-query';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import type { ToolRequestStatus } from '../../generated/prisma/enums';

export interface ToolRequestFilter {
  id?: string[];
  status?: ToolRequestStatus;
}

/** What the employee portal reads and writes: service requests (ToolRequest rows), and the catalog's descriptive columns. */
@Injectable()
export class PortalRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  /** The descriptive columns of the organization's AI services, which the compiled policy does not keep. */
  serviceDetails(organizationId: string) {
    return this.prisma.provider.findMany({
      where: { organizationId },
      select: { slug: true, website: true, description: true, dataCountries: true, trainsOnInputs: true, accountTypes: true },
    });
  }

  async serviceExists(organizationId: string, id: string): Promise<boolean> {
    return !!(await this.db.provider.findFirst({ where: { organizationId, id }, select: { id: true } }));
  }

  createToolRequest(data: Prisma.ToolRequestUncheckedCreateInput) {
    return this.db.toolRequest.create({ data });
  }

  requestsOf(organizationId: string, requesterId: string) {
    return this.prisma.toolRequest.findMany({ where: { organizationId, requesterId }, orderBy: { createdAt: 'desc' }, take: 100 });
  }

  listToolRequests(organizationId: string, f: ToolRequestFilter, sort: Sort, page: Page) {
    const where = { organizationId, ...idIn(f.id), ...(f.status ? { status: f.status } : {}) };
    return this.prisma.$transaction([
      this.prisma.toolRequest.findMany({ where, orderBy: orderOf(sort), ...page }),
      this.prisma.toolRequest.count({ where }),
    ]);
  }

  findToolRequest(organizationId: string, id: string) {
    return this.db.toolRequest.findFirst({ where: { organizationId, id } });
  }

  updateToolRequest(organizationId: string, id: string, data: Prisma.ToolRequestUncheckedUpdateInput) {
    return this.db.toolRequest.update({ where: { id, organizationId }, data });
  }
}
