import { loadConfig } from '../../config/config';
import { MetricsService } from '../metrics/metrics.service';
import type { DecisionLogBatch } from './decision-log.batch';
import { type DecisionLogEntry, DecisionLogWriter } from './decision-log.writer';
import { SchedulerRegistry } from '@nestjs/schedule';
import { BackgroundJobs } from '../../common/background-jobs';
import { SiemTap } from '../siem/siem-tap';

function entry(i: number): DecisionLogEntry {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    time: new Date(),
    organizationId: '00000000-0000-4000-8000-000000000001',
    apiClientId: null,
    policyVersion: 1,
    providerSlug: 'deepseek',
    destinationHost: 'chat.deepseek.com',
    action: 'access',
    channel: null,
    networkZones: [],
    subjectId: null,
    subjectGroups: [],
    effect: 'block',
    ruleIds: ['blocked-providers'],
    dataClasses: [],
    contentHmac: null,
    correlationId: null,
    latencyMicros: 10,
    staleSeconds: null,
  };
}

describe('DecisionLogWriter', () => {
  const config = loadConfig({ DATABASE_URL: 'postgresql://x/y', AIRLOCK_DECISION_LOG_BUFFER: '100' });

  it('drops and counts entries beyond the buffer instead of slowing decisions down', async () => {
    const written: number[] = [];
    const store = {
      insert: jest.fn(async (batch: DecisionLogBatch) => {
        written.push(batch.size);
        return { written: batch.size, discarded: 0 };
      }),
    };
    const metrics = new MetricsService();
    const writer = new DecisionLogWriter(store as never, metrics, new BackgroundJobs(new SchedulerRegistry()), new SiemTap(), config);
    for (let i = 0; i < 130; i++) writer.push(entry(i));
    expect(writer.pending).toBe(100);
    expect(writer.dropped).toBe(30);
    expect(await metrics.registry.getSingleMetricAsString('airlock_decision_log_dropped_total')).toMatch(/ 30$/m);
    await writer.flush();
    expect(written).toEqual([100]);
    expect(writer.pending).toBe(0);
    expect(writer.written).toBe(100);
  });

  it('while a write is in flight, fills the next batch up to 10,000 entries instead of queueing batches of 1,000', async () => {
    const sizes: number[] = [];
    let release!: () => void;
    const store = {
      insert: jest.fn(async (batch: DecisionLogBatch) => {
        sizes.push(batch.size);
        // The first write is slow (a busy event loop, a slow database): the next ones wait behind it.
        if (sizes.length === 1) await new Promise<void>((r) => (release = r));
        return { written: batch.size, discarded: 0 };
      }),
    };
    const big = loadConfig({ DATABASE_URL: 'postgresql://x/y', AIRLOCK_DECISION_LOG_BUFFER: '50000' });
    const writer = new DecisionLogWriter(store as never, new MetricsService(), new BackgroundJobs(new SchedulerRegistry()), new SiemTap(), big);
    for (let i = 0; i < 1000; i++) writer.push(entry(i));
    expect(sizes).toEqual([1000]);
    // 25,000 more while the first write is out: two full batches of 10,000 and 5,000 still filling.
    for (let i = 1000; i < 26_000; i++) writer.push(entry(i));
    release();
    await writer.flush();
    expect(sizes).toEqual([1000, 10_000, 10_000, 5000]);
    expect(writer.written).toBe(26_000);
    expect(writer.dropped).toBe(0);
  });

  it('keeps entries when the database fails, and writes them on the next flush', async () => {
    let fail = true;
    const store = {
      insert: jest.fn(async () => {
        if (fail) throw new Error('connection refused');
        return { written: 2, discarded: 0 };
      }),
    };
    const writer = new DecisionLogWriter(store as never, new MetricsService(), new BackgroundJobs(new SchedulerRegistry()), new SiemTap(), config);
    writer.push(entry(1));
    writer.push(entry(2));
    await writer.flush();
    expect(writer.pending).toBe(2);
    fail = false;
    await writer.flush();
    expect(writer.pending).toBe(0);
    expect(writer.written).toBe(2);
  });

  it('flushes what is buffered when the module is destroyed (shutdown)', async () => {
    const store = { insert: jest.fn(async () => ({ written: 1, discarded: 0 })) };
    const writer = new DecisionLogWriter(store as never, new MetricsService(), new BackgroundJobs(new SchedulerRegistry()), new SiemTap(), config);
    writer.start();
    writer.push(entry(1));
    await writer.onModuleDestroy();
    expect(store.insert).toHaveBeenCalledTimes(1);
    expect(writer.pending).toBe(0);
  });

  it('counts rows the store discarded (their organization is gone) as dropped, and moves on', async () => {
    const store = { insert: jest.fn(async () => ({ written: 1, discarded: 2 })) };
    const metrics = new MetricsService();
    const writer = new DecisionLogWriter(store as never, metrics, new BackgroundJobs(new SchedulerRegistry()), new SiemTap(), config);
    for (let i = 0; i < 3; i++) writer.push(entry(i));
    await writer.flush();
    await writer.flush();
    expect(store.insert).toHaveBeenCalledTimes(1);
    expect(writer.pending).toBe(0);
    expect(writer.written).toBe(1);
    expect(writer.dropped).toBe(2);
    expect(await metrics.registry.getSingleMetricAsString('airlock_decision_log_dropped_total')).toMatch(/ 2$/m);
  });
});
