import { randomUUID } from 'node:crypto';
import type { RolloutOutput } from '@airlock/contracts';
import os from 'node:os';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { InstanceRepository } from './instance.repository';
import { PolicyRuntime } from './policy-runtime.service';
import { BackgroundJobs } from '../../common/background-jobs';

const HEARTBEAT_MS = 2_000;
/** A heartbeat promises the next one within this: three missed beats and the instance is gone. */
const EXPIRES_AFTER_MS = 3 * HEARTBEAT_MS;
/** Gone and stopped instances stay in the rollout view this long, marked as such. */
const SHOW_ENDED_MS = 3_600_000;
/** Rows of instances that ended longer ago than this are deleted. */
const FORGET_AFTER_MS = 86_400_000;

export type InstanceState = 'live' | 'gone' | 'stopped';

/**
 * Every API instance writes a heartbeat with the policy versions it serves and when it expires.
 * The admin console reads it to show when a publish (an emergency block) has reached every running
 * instance, and tells a live instance that is behind from one that is gone (its heartbeat expired:
 * killed, crashed or cut off) or stopped (shut down cleanly).
 */
@Injectable()
export class InstanceRegistry implements OnModuleDestroy {
  private readonly logger = new Logger('Instances');
  /**
   * This instance's identity: in its heartbeat, in the metrics (`airlock_instance_info`) and on
   * every answer (`X-Airlock-Instance`), so an operator behind a load balancer can tell which
   * instance answered.
   */
  readonly id = randomUUID();
  private readonly startedAt = new Date();
  private pending = false;

  constructor(
    private readonly repo: InstanceRepository,
    private readonly runtime: PolicyRuntime,
    private readonly jobs: BackgroundJobs,
  ) {}

  async start(): Promise<void> {
    this.runtime.onLoaded(() => {
      if (!this.pending) {
        this.pending = true;
        setImmediate(() => void this.beat());
      }
    });
    await this.beat();
    await this.forgetOld();
    this.jobs.every('instance-heartbeat', HEARTBEAT_MS, () => this.beat());
  }

  async beat(): Promise<void> {
    this.pending = false;
    const versions = this.runtime.versions() as Prisma.InputJsonValue;
    const now = new Date();
    const expiresAt = new Date(now.getTime() + EXPIRES_AFTER_MS);
    try {
      await this.repo.heartbeat({ id: this.id, hostname: os.hostname(), startedAt: this.startedAt, lastSeenAt: now, expiresAt, policyVersions: versions });
    } catch (err) {
      this.logger.debug(`Heartbeat failed: ${(err as Error).message}`);
    }
  }

  /** Which instances serve `version` (or newer) of the organization's policy; `complete` counts live ones only. */
  async rollout(organizationId: string, version: number, now = new Date()): Promise<RolloutOutput> {
    const rows = await this.repo.seenSince(new Date(now.getTime() - SHOW_ENDED_MS));
    const instances = rows.map((r) => {
      const serving = (r.policyVersions as Record<string, number>)[organizationId] ?? null;
      const state: InstanceState = r.stoppedAt ? 'stopped' : r.expiresAt > now ? 'live' : 'gone';
      return {
        id: r.id,
        hostname: r.hostname,
        state,
        lastSeenAt: r.lastSeenAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
        servingVersion: serving,
        upToDate: serving !== null && serving >= version,
      };
    });
    const live = instances.filter((i) => i.state === 'live');
    return { version, instances, complete: live.length > 0 && live.every((i) => i.upToDate) };
  }

  private async forgetOld(): Promise<void> {
    await this.repo.forgetSeenBefore(new Date(Date.now() - FORGET_AFTER_MS)).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    this.jobs.stop('instance-heartbeat');
    const now = new Date();
    await this.repo.markStopped(this.id, now).catch(() => undefined);
    await this.forgetOld();
  }
}
