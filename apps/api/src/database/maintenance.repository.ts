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

  /**
   * Retention: drops the decision log's monthly partitions whose month ended more than `days` ago
   * (and older rows of the default partition). Returns the partitions dropped.
   */
  async dropDecisionPartitionsOlderThan(days: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ dropped: string[] }[]>`SELECT airlock_drop_decision_partitions(now() - make_interval(days => ${days}::int)) AS dropped`;
    return rows[0]?.dropped ?? [];
  }

  /**
   * Merges the hourly decision rollups of the days before yesterday (UTC) into one row per day (a
   * SQL function of the migrations): what the dashboard sums stays small at any size of the log.
   * Returns the day rows written.
   */
  async mergeDecisionRollupsByDay(): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ merged: bigint }[]>`SELECT airlock_merge_decision_rollups_by_day(now() - interval '1 day') AS merged`;
    return Number(rows[0]?.merged ?? 0);
  }

  poolStats(): { total: number; idle: number; waiting: number } {
    const pool = this.prisma.pool;
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  }
}
