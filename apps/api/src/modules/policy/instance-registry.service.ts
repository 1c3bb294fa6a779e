import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import { PolicyRuntime } from './policy-runtime.service';

const HEARTBEAT_MS = 3_000;
/** An instance not seen for this long is considered gone. */
const ALIVE_MS = 15_000;

/**
 * Every API instance writes a heartbeat with the policy versions it serves. The admin console reads
 * it to show when a publish (an emergency block) has reached every running instance.
 */
@Injectable()
export class InstanceRegistry implements OnModuleDestroy {
  private readonly logger = new Logger('Instances');
  readonly id = randomUUID();
  private readonly startedAt = new Date();
  private timer: NodeJS.Timeout | null = null;
  private pending = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly runtime: PolicyRuntime,
  ) {}

  async start(): Promise<void> {
    this.runtime.onLoaded(() => {
      if (!this.pending) {
        this.pending = true;
        setImmediate(() => void this.beat());
      }
    });
    await this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  async beat(): Promise<void> {
    this.pending = false;
    const versions = this.runtime.versions() as Prisma.InputJsonValue;
    try {
      await this.prisma.apiInstance.upsert({
        where: { id: this.id },
        create: { id: this.id, hostname: os.hostname(), startedAt: this.startedAt, lastSeenAt: new Date(), policyVersions: versions },
        update: { lastSeenAt: new Date(), policyVersions: versions },
      });
    } catch (err) {
      this.logger.debug(`Heartbeat failed: ${(err as Error).message}`);
    }
  }

  /** Which live instances serve `version` (or newer) of the organization's policy. */
  async rollout(organizationId: string, version: number) {
    const since = new Date(Date.now() - ALIVE_MS);
    const rows = await this.prisma.apiInstance.findMany({ where: { lastSeenAt: { gte: since } }, orderBy: { startedAt: 'asc' } });
    const instances = rows.map((r) => {
      const serving = (r.policyVersions as Record<string, number>)[organizationId] ?? null;
      return { id: r.id, hostname: r.hostname, lastSeenAt: r.lastSeenAt.toISOString(), servingVersion: serving, upToDate: serving !== null && serving >= version };
    });
    return { version, instances, complete: instances.length > 0 && instances.every((i) => i.upToDate) };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.prisma.apiInstance.deleteMany({ where: { id: this.id } }).catch(() => undefined);
    // Forget instances that died without saying goodbye long ago.
    await this.prisma.apiInstance.deleteMany({ where: { lastSeenAt: { lt: new Date(Date.now() - 86_400_000) } } }).catch(() => undefined);
  }
}
