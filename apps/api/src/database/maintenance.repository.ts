import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

/** The database as a whole, for the lifecycle: a ping, the decision log's partitions, the pool's counts. */
@Injectable()
export class MaintenanceRepository {
  constructor(private readonly prisma: PrismaService) {}

  async ping(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }

  /** The decision log's monthly partitions for this month and the next two (a SQL function of the migrations). */
  async ensureDecisionPartitions(): Promise<void> {
    await this.prisma.$queryRaw`SELECT airlock_ensure_decision_partitions(date_trunc('month', now())::date, 3)`;
  }

  poolStats(): { total: number; idle: number; waiting: number } {
    const pool = this.prisma.pool;
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  }
}
