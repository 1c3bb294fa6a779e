import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { byStatus, startMixedLoad } from '../support/mixed-load';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { type ApiProcess, buildApi, exitOf, spawnReadyApi, waitFor } from '../support/processes';
import { ADMIN_EMAIL, signIn } from '../support/test-app';

/**
 * The database's disk fills up: PostgreSQL's data directory on a small tmpfs, filled by a file
 * the test writes until the kernel says ENOSPC, under a mixed load. Decisions go on; writes fail
 * with a clear error and leave nothing half-done; once the file is removed (space returns),
 * writes succeed again, the buffered decision logs land once, and the data reads back whole.
 * Mounting a tmpfs needs root (CAP_SYS_ADMIN): elsewhere the test is skipped, saying so.
 */
const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'airlock-diskfull-'));
const canMount = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m,mode=0755', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return true;
  } catch (err) {
    console.warn(`Cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]}): skipping the disk-full test; it needs root`);
    rmSync(mountPoint, { recursive: true, force: true });
    return false;
  }
})();

/** Writes a file until the file system is full; returns its size in bytes. */
function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 1);
  let written = 0;
  try {
    for (;;) {
      try {
        written += writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
        // The last megabyte: fill what is left in smaller pieces.
        for (let size = 512 * 1024; size >= 4096; size /= 2) {
          try {
            for (;;) written += writeSync(fd, chunk.subarray(0, size));
          } catch {
            // next size down
          }
        }
        return written;
      }
    }
  } finally {
    closeSync(fd);
  }
}

(canMount ? describe : describe.skip)('the embedded database runs out of disk space', () => {
  let pg: PostgresServer;
  let api: ApiProcess;
  const DB = 'airlock';
  const filler = path.join(mountPoint, 'filler');

  beforeAll(async () => {
    buildApi();
    const dataDir = path.join(mountPoint, 'pg');
    mkdirSync(dataDir);
    // 1 MB WAL segments and a small max_wal_size: the cluster fits on the tmpfs with room for the schema.
    pg = await startPostgresServer(dataDir, { initdbFlags: ['--wal-segsize=1'], flags: ['-c', 'max_wal_size=32MB', '-c', 'min_wal_size=4MB'] });
    await pg.query('postgres', `CREATE DATABASE ${DB}`);
    api = await spawnReadyApi(pg.url(DB), { AIRLOCK_MIGRATE: 'true', AIRLOCK_ADMIN_EMAIL: ADMIN_EMAIL, AIRLOCK_DECISION_LOG_FLUSH_MS: '200' });
  }, 180_000);

  afterAll(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await exitOf(api.child);
    }
    await pg?.stop();
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    } catch {
      // not mounted
    }
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers decisions, refuses writes with a clear error, corrupts nothing, and recovers when space returns', async () => {
    const session = await signIn(api.url);
    const load = startMixedLoad({ url: api.url, session, decisionConnections: 4, writePauseMs: 50, timeoutMs: 30_000 });
    await waitFor('writes acknowledged before the disk fills', async () => load.zones.some((z) => z.status === 201) && load.incidents.some((i) => i.status === 201), 20_000);
    const fullAt = Date.now();
    const filled = fillDisk(filler);
    await new Promise((r) => setTimeout(r, 5_000));
    const freedAt = Date.now();
    rmSync(filler);
    // PostgreSQL stops itself (PANIC) when it cannot write its WAL; an operator starts it again once there is space.
    const restarted = pg.pid() === undefined;
    if (restarted) await pg.start();
    await waitFor('the API to reach the database again', async () => (await fetch(`${api.url}/readyz/database`)).status === 200, 60_000);
    const backAt = Date.now();
    await waitFor('a write acknowledged after space returned', async () => load.zones.some((z) => z.at - z.ms > backAt && z.status === 201), 30_000);
    await load.stop();

    const writes = [...load.zones, ...load.incidents];
    const duringFull = writes.filter((w) => w.at > fullAt && w.at < freedAt);
    const failures = writes.filter((w) => w.status !== 201);
    console.log(
      `disk full (${Math.round(filled / 1024 / 1024)} MB filler on a 160 MB tmpfs) for ${freedAt - fullAt} ms: decisions ${JSON.stringify(byStatus(load.decisions))}; ` +
        `writes while full ${JSON.stringify(byStatus(duringFull))}, errors ${JSON.stringify([...new Set(failures.map((f) => `${f.status} ${f.errorCode}`))])}; ` +
        `PostgreSQL ${restarted ? 'stopped and was started again' : 'stayed up'}; the API wrote again ${backAt - freedAt} ms after space returned`,
    );

    expect(load.decisions.filter((d) => d.status !== 200)).toEqual([]);
    expect(duringFull.some((w) => w.status !== 201)).toBe(true);
    for (const f of failures) expect({ status: f.status, code: f.errorCode, retryAfter: f.retryAfter }).toEqual({ status: 503, code: 'unavailable', retryAfter: '60' });

    // Nothing corrupt, nothing half-done.
    const ackZones = load.zones.filter((z) => z.status === 201);
    const refused = load.zones.filter((z) => z.status === 503).map((z) => z.key);
    expect(await pg.query(DB, `SELECT id FROM "NetworkZone" WHERE id = ANY($1::uuid[])`, [ackZones.map((z) => z.id)])).toHaveLength(ackZones.length);
    expect(await pg.query(DB, `SELECT id FROM "NetworkZone" WHERE name = ANY($1::text[])`, [refused])).toEqual([]);
    const ackIncidents = load.incidents.filter((i) => i.status === 201);
    expect(await pg.query(DB, `SELECT id FROM "Incident" WHERE id = ANY($1::uuid[])`, [ackIncidents.map((i) => i.id)])).toHaveLength(ackIncidents.length);
    expect((await session.json<{ ok: boolean }>('/api/audit-events/verify')).ok).toBe(true);
    const ids = load.decisions.map((d) => d.id!);
    const logged = await waitFor('every decision logged', async () => {
      const [r] = await pg.query<{ found: number; rows: number }>(DB, `SELECT count(DISTINCT id)::int AS found, count(*)::int AS rows FROM "DecisionLog" WHERE id = ANY($1::uuid[])`, [ids]);
      return r!.found === ids.length ? r : undefined;
    }, 30_000);
    expect(logged).toEqual({ found: ids.length, rows: ids.length });
    // Every table reads back (a damaged page would raise an error here).
    const tables = await pg.query<{ t: string }>(DB, `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public'`);
    for (const { t } of tables) await pg.query(DB, `SELECT count(*) FROM ${t}`);
    expect(api.output()).not.toMatch(/Unhandled|uncaught/i);
  }, 180_000);
});
