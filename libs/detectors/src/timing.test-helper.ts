/** This process's CPU time of one call of `run`, in milliseconds. */
function cpuMs(run: () => unknown): number {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/**
 * For the specs' time bounds (inputs that must stay linear): expects the fastest of up to three runs of
 * `run` to take less than `ms` of this process's CPU time, stopping at the first run within it. CPU time,
 * not wall time: a CI host busy with other test workers once took nearly nine times the usual wall time
 * for one run (1.65 s for a 100 KB input that takes 0.19 s alone), which is the scheduler's doing, not
 * the code's; a path slower than linear is over its bound in CPU time on every run, so the bound still
 * catches it.
 */
export function expectWithin(ms: number, run: () => unknown): void {
  let best = Infinity;
  for (let i = 0; i < 3 && best >= ms; i++) best = Math.min(best, cpuMs(run));
  expect(best).toBeLessThan(ms);
}

/**
 * For inputs that must stay linear and are large enough to be costly (1 MB): expects `run` on the whole
 * input to take less than three times its time on the first half (the fastest of three runs each, in CPU
 * time): twice for a linear path, four times for a quadratic one. A ratio, not a bound in milliseconds:
 * in a full parallel test run one such input once took 15 s of CPU in a worker where it takes 0.9 s alone,
 * the whole input and its half alike.
 */
export function expectLinear(input: string, run: (text: string) => unknown): void {
  const fastest = (text: string): number => Math.min(cpuMs(() => run(text)), cpuMs(() => run(text)), cpuMs(() => run(text)));
  const half = fastest(input.slice(0, input.length >> 1));
  expect(fastest(input)).toBeLessThan(Math.max(100, 3 * half));
}
