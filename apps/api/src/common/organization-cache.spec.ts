import { Logger } from '@nestjs/common';
import type { NotificationsService } from '../database/notifications.service';
import type { BackgroundJobs } from './background-jobs';
import { contentStamp, EMPTY_STAMP, OrganizationCache, type OrganizationCacheSource } from './organization-cache';

interface Entry {
  stamp: string;
  items: string[];
  mark?: string;
}

/** A database in a map: organization → items and the mark the poll reads. */
function harness(opts: { markOf?: boolean } = {}) {
  const db = new Map<string, { items: string[]; mark: string }>();
  const loads: string[] = [];
  let failNext = false;
  const listeners = new Map<string, (payload: string) => void>();
  const reconnect: (() => void)[] = [];
  const jobs = new Map<string, () => unknown>();
  const notifications = {
    on: (channel: string, l: (payload: string) => void) => listeners.set(channel, l),
    onReconnect: (l: () => void) => reconnect.push(l),
  } as unknown as NotificationsService;
  const background = {
    every: (name: string, _ms: number, job: () => unknown) => jobs.set(name, job),
    stop: (name: string) => jobs.delete(name),
  } as unknown as BackgroundJobs;
  const source: OrganizationCacheSource<Entry> = {
    name: 'things',
    label: 'the things',
    channel: 'airlock_exceptions',
    pollMs: 1000,
    marks: async () => new Map([...db].map(([id, r]) => [id, r.mark])),
    load: async (id) => {
      loads.push(id);
      if (failNext) {
        failNext = false;
        throw new Error('connection lost');
      }
      const r = db.get(id);
      if (!r || !r.items.length) return null;
      return { stamp: contentStamp(r.items), items: [...r.items], mark: r.mark };
    },
    ...(opts.markOf ? { markOf: (e: Entry) => e.mark! } : {}),
  };
  const logger = new Logger('test');
  jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  const cache = new OrganizationCache(source, notifications, background, logger);
  const changed: string[] = [];
  cache.onChanged((id) => changed.push(id));
  return {
    db,
    loads,
    cache,
    changed,
    jobs,
    notify: (id: string) => listeners.get('airlock_exceptions')!(id),
    failNextLoad: () => (failNext = true),
  };
}

describe('OrganizationCache', () => {
  it('loads every organization at start, registers its named poll job, and stamps the content', async () => {
    const h = harness();
    h.db.set('a', { items: ['x', 'y'], mark: '1' });
    h.db.set('b', { items: [], mark: '0' });
    await h.cache.start();
    expect(h.loads.sort()).toEqual(['a', 'b']);
    expect([...h.jobs.keys()]).toEqual(['things-poll']);
    expect(h.cache.get('a')?.items).toEqual(['x', 'y']);
    expect(h.cache.stamp('a')).toBe(contentStamp(['x', 'y']));
    expect(h.cache.stamp('a')).not.toBe(EMPTY_STAMP);
    expect(h.cache.get('b')).toBeUndefined();
    expect(h.cache.stamp('b')).toBe(EMPTY_STAMP);
    expect(h.changed).toEqual(['a']);
    h.cache.stop();
    expect(h.jobs.size).toBe(0);
  });

  it('reloads an organization on NOTIFY and tells the listeners only when its stamp changed', async () => {
    const h = harness();
    h.db.set('a', { items: ['x'], mark: '1' });
    await h.cache.start();
    h.changed.length = 0;
    h.db.set('a', { items: ['x', 'z'], mark: '2' });
    h.notify('a');
    await h.cache.reload('a');
    expect(h.cache.get('a')?.items).toEqual(['x', 'z']);
    expect(h.changed).toEqual(['a']);
    await h.cache.reload('a');
    expect(h.changed).toEqual(['a']);
  });

  it('the poll reloads only organizations whose mark moved, and drops those no longer listed', async () => {
    const h = harness();
    h.db.set('a', { items: ['x'], mark: '1' });
    h.db.set('b', { items: ['y'], mark: '1' });
    await h.cache.start();
    h.loads.length = 0;
    h.changed.length = 0;
    await h.cache.poll();
    expect(h.loads).toEqual([]);
    h.db.set('b', { items: ['y', 'w'], mark: '2' });
    h.db.delete('a');
    await h.cache.poll();
    expect(h.loads).toEqual(['b']);
    expect(h.cache.get('a')).toBeUndefined();
    expect(h.cache.get('b')?.items).toEqual(['y', 'w']);
    expect(h.changed.sort()).toEqual(['a', 'b']);
  });

  it('keeps the last entry when a load fails, and the next poll tries again', async () => {
    const h = harness();
    h.db.set('a', { items: ['x'], mark: '1' });
    await h.cache.start();
    h.db.set('a', { items: ['x', 'q'], mark: '2' });
    h.failNextLoad();
    await h.cache.poll();
    expect(h.cache.get('a')?.items).toEqual(['x']);
    await h.cache.poll();
    expect(h.cache.get('a')?.items).toEqual(['x', 'q']);
  });

  it('with markOf, a reload on NOTIFY records the mark it loaded, so the poll does not load it again', async () => {
    const h = harness({ markOf: true });
    h.db.set('a', { items: ['x'], mark: '1' });
    await h.cache.start();
    h.db.set('a', { items: ['x', 'z'], mark: '2' });
    await h.cache.reload('a');
    h.loads.length = 0;
    await h.cache.poll();
    expect(h.loads).toEqual([]);
  });
});
