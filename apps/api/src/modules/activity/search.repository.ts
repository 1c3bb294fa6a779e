import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

/**
 * "Contains" as text: Prisma passes the value into LIKE as it is, so %, _ and \ are escaped here
 * (PostgreSQL's default LIKE escape is the backslash), or "%%" would match every row.
 */
export const likeText = (q: string) => q.replace(/[\\%_]/g, '\\$&');
const insensitive = (q: string) => ({ contains: likeText(q), mode: 'insensitive' as const });

/** The app bar's search: a few matches of each kind, every query scoped to the organization. */
@Injectable()
export class SearchRepository {
  constructor(private readonly prisma: PrismaService) {}

  services(organizationId: string, q: string, take: number) {
    return this.prisma.provider.findMany({
      where: { organizationId, OR: [{ name: insensitive(q) }, { slug: insensitive(q) }, { vendor: insensitive(q) }, { domains: { has: q.toLowerCase() } }] },
      select: { id: true, slug: true, name: true, status: true },
      orderBy: { name: 'asc' },
      take,
    });
  }

  rules(organizationId: string, q: string, take: number) {
    return this.prisma.policyRule.findMany({
      where: { organizationId, OR: [{ ruleId: insensitive(q) }, { description: insensitive(q) }, { message: insensitive(q) }] },
      select: { id: true, ruleId: true, description: true },
      orderBy: { ruleId: 'asc' },
      take,
    });
  }

  incidents(organizationId: string, q: string, take: number) {
    const n = /^#?(\d{1,9})$/.exec(q);
    return this.prisma.incident.findMany({
      where: { organizationId, OR: [{ title: insensitive(q) }, ...(n ? [{ number: Number(n[1]) }] : [])] },
      select: { id: true, number: true, title: true },
      orderBy: { number: 'desc' },
      take,
    });
  }

  users(organizationId: string, q: string, take: number) {
    return this.prisma.user.findMany({
      where: { organizationId, OR: [{ name: insensitive(q) }, { email: insensitive(q) }] },
      select: { id: true, name: true, email: true },
      orderBy: { email: 'asc' },
      take,
    });
  }

  apiClients(organizationId: string, q: string, take: number) {
    return this.prisma.apiClient.findMany({
      where: { organizationId, OR: [{ name: insensitive(q) }, { description: insensitive(q) }] },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
      take,
    });
  }
}
