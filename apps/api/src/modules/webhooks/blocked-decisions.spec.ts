import { BLOCKED_WINDOW_MS, BlockedCounts, BlockedDecisionCounter } from './blocked-decisions';

const W = BLOCKED_WINDOW_MS;

describe('blocked decision counter (decisions.blocked webhook)', () => {
  it('counts per organization in clock-aligned windows and hands over only closed ones', () => {
    const c = new BlockedDecisionCounter();
    const t0 = 100 * W + 5_000;
    c.count('org-a', 'deepseek', ['blocked-providers'], 'web', ['sales', 'emea'], t0);
    c.count('org-a', 'deepseek', ['blocked-providers', 'no-credentials'], null, [], t0 + 1_000);
    c.count('org-b', null, [], 'api', [], t0 + 2_000);
    expect(c.take(t0 + 10_000)).toEqual([]);
    c.count('org-a', 'perplexity', [], 'web', [], 101 * W + 1);
    const [closed] = c.take(101 * W + 2);
    expect(closed!.windowStart).toBe(100 * W);
    const a = closed!.byOrganization.get('org-a')!;
    expect(a.toJson()).toEqual({
      total: 2,
      truncated: false,
      service: [['deepseek', 2]],
      rule: [
        ['blocked-providers', 2],
        ['no-credentials', 1],
      ],
      channel: [
        ['web', 1],
        ['', 1],
      ],
      group: [
        ['sales', 1],
        ['emea', 1],
      ],
    });
    expect(closed!.byOrganization.get('org-b')!.total).toBe(1);
    // The current window only with `all` (shutting down).
    expect(c.take(101 * W + 3)).toEqual([]);
    const [current] = c.take(101 * W + 3, true);
    expect(current!.windowStart).toBe(101 * W);
    expect(current!.byOrganization.get('org-a')!.total).toBe(1);
  });

  it('merges instances and summarises the largest first, null for no service or channel', () => {
    const one = new BlockedCounts();
    one.add('deepseek', ['r1'], 'web', ['g']);
    one.add(null, ['r1'], null, []);
    const two = new BlockedCounts();
    two.add('deepseek', ['r2'], 'web', []);
    const sum = new BlockedCounts();
    sum.merge(one.toJson());
    sum.merge(two.toJson());
    expect(sum.summary(new Date(0), 2, 'u')).toEqual({
      windowStart: '1970-01-01T00:00:00.000Z',
      windowEnd: '1970-01-01T00:01:00.000Z',
      total: 3,
      byService: [
        { service: 'deepseek', count: 2 },
        { service: null, count: 1 },
      ],
      byRule: [
        { rule: 'r1', count: 2 },
        { rule: 'r2', count: 1 },
      ],
      byChannel: [
        { channel: 'web', count: 2 },
        { channel: null, count: 1 },
      ],
      byGroup: [{ group: 'g', count: 1 }],
      truncated: false,
      instances: 2,
      url: 'u',
    });
  });

  it('bounds what it keeps: 1,000 values per dimension, 100 listed', () => {
    const c = new BlockedCounts();
    for (let i = 0; i < 1_200; i++) c.add(null, [`rule-${i}`], null, []);
    expect(c.total).toBe(1_200);
    expect(c.rule.size).toBe(1_000);
    expect(c.truncated).toBe(true);
    const s = c.summary(new Date(0), 1, 'u');
    expect(s.byRule).toHaveLength(100);
    expect(s.truncated).toBe(true);
  });
});
