/**
 * Runs an async task at most once at a time. A call while it runs returns the running promise and,
 * with `again`, schedules one more run after it, so a change notified mid-run is never missed.
 * The promise is created before the task starts, so a task that finishes synchronously still
 * clears its slot (a bare `this.p = (async () => { ... finally { this.p = null } })()` does not).
 */
export class SingleFlight {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly task: () => Promise<void>) {}

  /** Whether the task is running now. */
  get busy(): boolean {
    return this.running !== null;
  }

  run({ again = false }: { again?: boolean } = {}): Promise<void> {
    if (this.running) {
      if (again) this.again = true;
      return this.running;
    }
    let done!: () => void;
    let failed!: (err: unknown) => void;
    this.running = new Promise<void>((resolve, reject) => {
      done = resolve;
      failed = reject;
    });
    const p = this.running;
    void (async () => {
      try {
        do {
          this.again = false;
          await this.task();
        } while (this.again);
        this.running = null;
        done();
      } catch (err) {
        this.running = null;
        failed(err);
      }
    })();
    return p;
  }
}
