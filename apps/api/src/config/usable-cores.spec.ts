import { AUTO_WORKERS_MAX, autoWorkers, cgroupCpuQuota } from './usable-cores';

const files = (map: Record<string, string>) => (file: string) => map[file] ?? null;

describe('AIRLOCK_WORKERS=auto', () => {
  it('reads the CPU quota of cgroup v2 and v1, and none when unlimited or absent', () => {
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' }))).toBe(1.5);
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBeNull();
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '200000\n', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n' }))).toBe(2);
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '-1\n', '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n' }))).toBeNull();
    expect(cgroupCpuQuota(files({}))).toBeNull();
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': 'garbage' }))).toBeNull();
  });

  it('starts one worker per usable core: the affinity, the quota rounded up, at least one, at most the cap', () => {
    expect(autoWorkers(2, null)).toBe(2);
    expect(autoWorkers(64, 1.5)).toBe(2);
    expect(autoWorkers(4, 0.5)).toBe(1);
    expect(autoWorkers(1, null)).toBe(1);
    expect(autoWorkers(64, null)).toBe(AUTO_WORKERS_MAX);
    expect(autoWorkers(2, 16)).toBe(2);
  });
});
