import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgresql://localhost/airlock' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to one API worker; `auto` is one per core; a number is taken as it is', () => {
    expect(loadConfig(base).workers).toBe(1);
    expect(loadConfig({ ...base, AIRLOCK_WORKERS: 'auto' }).workers).toBe(availableParallelism());
    expect(loadConfig({ ...base, AIRLOCK_WORKERS: '3' }).workers).toBe(3);
  });

  it.each(['0', '65', '1.5', 'two', '-1', 'AUTO'])('refuses AIRLOCK_WORKERS=%s, naming the variable', (value) => {
    expect(problems({ AIRLOCK_WORKERS: value })).toEqual(['AIRLOCK_WORKERS must be a whole number from 1 to 64, or auto']);
  });

  it('gives clients 60 s to send a request unless told otherwise, from 1 s to an hour', () => {
    expect(loadConfig(base).requestTimeoutSeconds).toBe(60);
    expect(loadConfig({ ...base, AIRLOCK_REQUEST_TIMEOUT_SECONDS: '5' }).requestTimeoutSeconds).toBe(5);
    for (const value of ['0', '3601', 'soon']) expect(problems({ AIRLOCK_REQUEST_TIMEOUT_SECONDS: value })[0]).toMatch(/^AIRLOCK_REQUEST_TIMEOUT_SECONDS /);
  });

  it('names every bad variable at once', () => {
    const found = problems({ PORT: '70000', AIRLOCK_WORKERS: 'many', DATABASE_URL: 'mysql://x' });
    expect(found.map((p) => p.split(' ')[0]).sort()).toEqual(['AIRLOCK_WORKERS', 'DATABASE_URL', 'PORT']);
  });
});
