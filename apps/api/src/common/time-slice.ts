import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lets other work in during a long loop in the worker that also answers decisions: every `ms` of
 * work, `due()` says so and `pause()` yields to the event loop (I/O and timers run) before the loop
 * goes on. Used as `if (slice.due()) await slice.pause();` once per item.
 */
export class TimeSlice {
  private started = performance.now();

  constructor(private readonly ms: number) {}

  due(): boolean {
    return performance.now() - this.started >= this.ms;
  }

  async pause(): Promise<void> {
    await nextTurn();
    this.started = performance.now();
  }
}
