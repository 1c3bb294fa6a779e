import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * `AIRLOCK_WORKERS=auto` (the default) never starts more workers than this: each worker holds its
 * own database pools (DATABASE_POOL_SIZE + 3 connections, 13 by default), and 8 of them already
 * hold 104 connections against PostgreSQL's default `max_connections` of 100 on a shared server
 * (the embedded database allows 200). Above it, set AIRLOCK_WORKERS to a number and size the pools.
 */
export const AUTO_WORKERS_MAX = 8;

/**
 * The CPU quota of this process's control group, in cores, or null when there is none: cgroup v2
 * (`cpu.max`: "max 100000" or "150000 100000") or v1 (`cpu.cfs_quota_us` / `cpu.cfs_period_us`). A
 * container limited to 1.5 CPUs on a 64-core node sees 64 cores through the affinity mask, so
 * without this, `auto` would start 64 workers that share one and a half cores.
 */
export function cgroupCpuQuota(read: (file: string) => string | null = readOrNull): number | null {
  const v2 = read('/sys/fs/cgroup/cpu.max');
  if (v2 !== null) {
    const [quota, period] = v2.trim().split(/\s+/);
    return quotaOf(quota, period);
  }
  for (const dir of ['/sys/fs/cgroup/cpu', '/sys/fs/cgroup/cpu,cpuacct']) {
    const quota = read(`${dir}/cpu.cfs_quota_us`);
    if (quota !== null) return quotaOf(quota.trim(), read(`${dir}/cpu.cfs_period_us`)?.trim());
  }
  return null;
}

function quotaOf(quota: string | undefined, period: string | undefined): number | null {
  const q = Number(quota);
  const p = Number(period);
  if (!quota || quota === 'max' || !Number.isFinite(q) || q <= 0 || !Number.isFinite(p) || p <= 0) return null;
  return q / p;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The workers `auto` starts: one per core this process may use (its CPU affinity, and its control
 * group's quota rounded up), at least 1 and at most AUTO_WORKERS_MAX.
 */
export function autoWorkers(cores = availableParallelism(), quota = cgroupCpuQuota()): number {
  const usable = quota === null ? cores : Math.min(cores, Math.ceil(quota));
  return Math.max(1, Math.min(usable, AUTO_WORKERS_MAX));
}
