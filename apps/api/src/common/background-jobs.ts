import { Injectable, Module } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

/**
 * The one way the API runs work in the background (ADR 0015): named intervals kept in Nest's
 * SchedulerRegistry (@nestjs/schedule). The interval is a plain Node timer, `unref()`ed so that it
 * never keeps a draining process alive, with the period each caller passes (from the configuration,
 * so tests can shorten it); the owner stops its job in its own shutdown hook (before it flushes what
 * it buffers), and ScheduleModule clears whatever is left when the application shuts down.
 * `names()` lists what runs, for operators and tests.
 */
@Injectable()
export class BackgroundJobs {
  constructor(private readonly registry: SchedulerRegistry) {}

  /** Runs `job` every `ms` milliseconds under `name`, replacing a job of that name. */
  every(name: string, ms: number, job: () => unknown): void {
    this.stop(name);
    const timer = setInterval(() => void job(), ms);
    timer.unref();
    this.registry.addInterval(name, timer);
  }

  /** Stops the job (a no-op when it does not run). */
  stop(name: string): void {
    if (this.running(name)) this.registry.deleteInterval(name);
  }

  running(name: string): boolean {
    return this.registry.doesExist('interval', name);
  }

  names(): string[] {
    return this.registry.getIntervals();
  }
}

/** Import it where a provider runs background work; ScheduleModule.forRoot() is in AppModule. */
@Module({ providers: [BackgroundJobs], exports: [BackgroundJobs] })
export class BackgroundJobsModule {}
