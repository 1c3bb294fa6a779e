import type { PeerChannel } from '../cluster';
import { RateLimiter } from './rate-limiter';

/** Workers of one cluster, connected as the primary connects them: a message reaches every other. */
function cluster(n: number): RateLimiter[] {
  const listeners: ((payload: unknown) => void)[][] = Array.from({ length: n }, () => []);
  const peer = (i: number): PeerChannel => ({
    send: (payload) => listeners.forEach((ls, j) => j !== i && ls.forEach((l) => l(structuredClone(payload)))),
    onMessage: (l) => listeners[i]!.push(l),
  });
  return Array.from({ length: n }, (_, i) => new RateLimiter('test', 1000, peer(i)));
}

describe('RateLimiter', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');

  it('allows `limit` per minute with bursts, then says how long to wait, and refills over time', () => {
    const l = new RateLimiter('single', 1000, null);
    const answers = Array.from({ length: 61 }, () => l.take('k', 60, now));
    expect(answers.slice(0, 60).every((w) => w === 0)).toBe(true);
    expect(answers[60]).toBe(1);
    expect(l.take('k', 60, now + 1000)).toBe(0);
    expect(l.take('k', 60, now + 1000)).toBeGreaterThan(0);
    expect(l.take('other', 60, now)).toBe(0);
  });

  it('holds a key to its limit across the workers of a cluster, whichever worker serves it', () => {
    const workers = cluster(3);
    let allowed = 0;
    // 300 requests spread over three workers within one second, shares every 10 requests.
    for (let i = 0; i < 300; i++) {
      if (workers[i % 3]!.take('key', 60, now + i) === 0) allowed += 1;
      if (i % 10 === 9) workers.forEach((w) => w.share());
    }
    // 60 for the minute, plus at most what the others let through between two shares.
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(allowed).toBeLessThanOrEqual(60 + 10);
    // Every worker now refuses the key, including those that served few of its requests.
    for (const w of workers) expect(w.take('key', 60, now + 400)).toBeGreaterThan(0);
  });

  it('ignores malformed messages from peers', () => {
    const listeners: ((p: unknown) => void)[] = [];
    const l = new RateLimiter('x', 1000, { send: () => undefined, onMessage: (fn) => listeners.push(fn) });
    for (const bad of [null, 'x', [['k']], [['k', 'many', 60]], [[1, 2, 3]], [['k', 5, -1]]]) listeners.forEach((fn) => fn(bad));
    expect(l.take('k', 60, now)).toBe(0);
  });
});
