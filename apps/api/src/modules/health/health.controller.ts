import { Controller, Get, Param, Res } from '@nestjs/common';
import type { HealthOutput, ReadinessOutput } from '@airlock/contracts';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../common/errors';
import { Probe } from '../auth/access.decorators';
import { ReadinessService } from './readiness.service';

type ReadinessBody = ReadinessOutput;

/**
 * Probes for process supervisors and load balancers. None counts against the per-address rate
 * limit (@Probe): a flood of unauthenticated requests must not make a load balancer's own checks
 * fail and take healthy instances out.
 */
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process answers. */
  @Probe()
  @Get('healthz')
  healthz(): HealthOutput {
    return { status: 'ok' };
  }

  /**
   * Readiness for a load balancer: this instance can answer decisions (policies loaded, not more
   * than AIRLOCK_READY_MAX_STALE_SECONDS behind, not shutting down). The database's health is
   * reported but does not gate it: decisions come from memory while the database is away.
   */
  @Probe()
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessBody> {
    const report = await this.readiness.report();
    if (!report.ready) void reply.status(503);
    return { status: report.status, checks: report.checks };
  }

  /** One signal on its own, e.g. `/readyz/database` for the admin API or monitoring. */
  @Probe()
  @Get('readyz/:check')
  async readyzOne(@Param('check') check: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessBody> {
    if (!this.readiness.has(check)) throw new AppError('not_found', `No readiness check named ${check.slice(0, 40)}`);
    const report = await this.readiness.report(check);
    if (!report.ready) void reply.status(503);
    return { status: report.status, checks: report.checks };
  }
}
