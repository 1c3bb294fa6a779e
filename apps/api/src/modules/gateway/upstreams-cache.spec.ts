import { GatewayUpstreamsService } from './upstreams.service';

/** The upstreams' per-organization cache: no call waits for a reload once the list was loaded. */
describe('GatewayUpstreamsService cache', () => {
  const row = (name: string) => ({ id: `id-${name}`, organizationId: 'org', name, api: 'openai', providerSlug: 'openai-api', baseUrl: `https://${name}.example.com/v1`, keySealed: 'sealed', keyLast4: '0000', enabled: true, timeoutSeconds: 30 });

  function setup() {
    let rows = [row('first')];
    const loads: { resolve: () => void; reject: (e: Error) => void }[] = [];
    let manual = false;
    const repo = {
      enabled: jest.fn(() => {
        const snapshot = rows;
        if (!manual) return Promise.resolve(snapshot);
        return new Promise((resolve, reject) => loads.push({ resolve: () => resolve(snapshot), reject }));
      }),
    };
    const guard = { vet: jest.fn(async (u: string) => ({ url: new URL(u), hostname: new URL(u).hostname, addresses: [{ address: '203.0.113.7', family: 4 }] })) };
    const secrets = { open: jest.fn(async () => 'sk-opened') };
    const service = new GatewayUpstreamsService({} as never, repo as never, {} as never, secrets as never, guard as never);
    return {
      service,
      repo,
      setRows: (r: ReturnType<typeof row>[]) => (rows = r),
      holdLoads: () => (manual = true),
      loads,
    };
  }

  afterEach(() => jest.useRealTimers());

  test('within five seconds the cached list; after, the old list answers at once while the reload runs, then the new one', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const s = setup();
    expect((await s.service.pick('org', 'openai', undefined))?.name).toBe('first');
    expect(s.repo.enabled).toHaveBeenCalledTimes(1);
    jest.setSystemTime(1_003_000);
    await s.service.pick('org', 'openai', undefined);
    expect(s.repo.enabled).toHaveBeenCalledTimes(1);

    s.setRows([row('second')]);
    s.holdLoads();
    jest.setSystemTime(1_006_000);
    // Stale: answered from the cache without waiting; one reload started, not one per call.
    expect((await s.service.pick('org', 'openai', undefined))?.name).toBe('first');
    expect((await s.service.pick('org', 'openai', undefined))?.name).toBe('first');
    expect(s.repo.enabled).toHaveBeenCalledTimes(2);
    s.loads[0]!.resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect((await s.service.pick('org', 'openai', undefined))?.name).toBe('second');
  });

  test('a failed reload keeps the old list and tries again a second later', async () => {
    jest.useFakeTimers({ now: 2_000_000 });
    const s = setup();
    await s.service.pick('org', 'openai', undefined);
    s.holdLoads();
    jest.setSystemTime(2_006_000);
    expect((await s.service.pick('org', 'openai', undefined))?.name).toBe('first');
    s.loads[0]!.reject(new Error('database unavailable'));
    await jest.advanceTimersByTimeAsync(0);
    expect((await s.service.pick('org', 'openai', undefined))?.name).toBe('first');
    expect(s.repo.enabled).toHaveBeenCalledTimes(2);
    jest.setSystemTime(2_007_100);
    await s.service.pick('org', 'openai', undefined);
    expect(s.repo.enabled).toHaveBeenCalledTimes(3);
  });

  test('a first load that fails is not cached', async () => {
    const s = setup();
    s.holdLoads();
    const first = s.service.pick('org', 'openai', undefined);
    s.loads[0]!.reject(new Error('database unavailable'));
    await expect(first).rejects.toThrow('database unavailable');
    s.setRows([row('again')]);
    const next = s.service.pick('org', 'openai', undefined);
    s.loads[1]!.resolve();
    expect((await next)?.name).toBe('again');
  });
});
