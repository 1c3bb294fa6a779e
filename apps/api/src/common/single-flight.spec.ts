import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('clears its slot even when the task finishes synchronously', async () => {
    let runs = 0;
    const f = new SingleFlight(async () => {
      runs += 1;
    });
    await f.run();
    await f.run();
    expect(runs).toBe(2);
  });

  it('shares one run between concurrent callers', async () => {
    let runs = 0;
    let release!: () => void;
    const f = new SingleFlight(async () => {
      runs += 1;
      await new Promise<void>((r) => (release = r));
    });
    const a = f.run();
    const b = f.run();
    expect(a).toBe(b);
    release();
    await a;
    expect(runs).toBe(1);
  });

  it('runs once more when asked again while running', async () => {
    let runs = 0;
    const gates: (() => void)[] = [];
    const f = new SingleFlight(async () => {
      runs += 1;
      await new Promise<void>((r) => gates.push(r));
    });
    const p = f.run();
    void f.run({ again: true });
    gates.shift()!();
    await new Promise((r) => setImmediate(r));
    gates.shift()!();
    await p;
    expect(runs).toBe(2);
  });

  it('rejects callers when the task throws, then runs again afterwards', async () => {
    let fail = true;
    const f = new SingleFlight(async () => {
      if (fail) throw new Error('boom');
    });
    await expect(f.run()).rejects.toThrow('boom');
    fail = false;
    await expect(f.run()).resolves.toBeUndefined();
  });
});
