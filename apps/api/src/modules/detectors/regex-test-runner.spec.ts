import type { CustomDetectorDef } from '@airlock/detectors';
import { AppError } from '../../common/errors';
import { RegexTestRunner } from './regex-test-runner';

const def = (patterns: string[]): CustomDetectorDef => ({ id: 'draft', name: 'd', kind: 'regex', dataClass: 'client_information', patterns });

describe('RegexTestRunner (pattern tests in a worker, with a deadline)', () => {
  it('finds what a decision finds', async () => {
    const findings = await new RegexTestRunner().run(def(['ACME-\\d{6}']), 'x ACME-004211 and ACME-99');
    expect(findings).toEqual([{ dataClass: 'client_information', detector: 'custom:draft', start: 2, end: 13, confidence: 0.9 }]);
  });

  it('answers 422 "took too long" at the deadline, and the event loop keeps turning meanwhile', async () => {
    const runner = new RegexTestRunner({ deadlineMs: 100, concurrent: 2 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    // About 40,000 instructions: compiling alone takes longer than the deadline.
    const err = await runner.run(def(['.{0,1000}'.repeat(20) + 'a']), 'lorem ipsum '.repeat(1000)).catch((e: unknown) => e);
    clearInterval(timer);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('unprocessable');
    expect((err as AppError).message).toMatch(/took too long/);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(ticks).toBeGreaterThan(3);
  });

  it('refuses a third concurrent test with 429', async () => {
    const runner = new RegexTestRunner({ deadlineMs: 5_000, concurrent: 2 });
    const slow = def(['.{0,1000}'.repeat(20) + 'a']);
    const running = [runner.run(slow, 'x'), runner.run(slow, 'x')];
    await expect(runner.run(def(['a']), 'a')).rejects.toMatchObject({ code: 'rate_limited' });
    await Promise.all(running);
  });
});
