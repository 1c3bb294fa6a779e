import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../config/config';
import { LOCAL_STATE_FILE, type LocalApiKey, LocalStateStore } from './local-state';

const key: LocalApiKey = {
  id: 'k1',
  keyHash: 'ab'.repeat(32),
  expiresAt: null,
  organizationId: 'org-1',
  client: { id: 'c1', name: 'Proxy', scopes: ['decisions:write'], rateLimitPerMinute: null, mayAssertGroups: true, mayAssertIp: true, mayAssertAnyZone: true, mayAssertZones: [] },
};
const policy = (n: number) => ({ organizationId: 'org-1', number: n, contentHash: `h${n}`, createdAt: new Date(2026, 0, n).toISOString(), snapshot: { rules: [], n } });

describe('LocalStateStore (the last-known-good state under AIRLOCK_STATE_DIR)', () => {
  let dir: string;
  const store = () => new LocalStateStore({ stateDir: dir } as AppConfig);
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-state-spec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('does nothing without the setting', async () => {
    const s = new LocalStateStore({ stateDir: null } as AppConfig);
    s.putPolicy(policy(1));
    await s.confirmed();
    expect(s.enabled).toBe(false);
    expect(s.read()).toBeNull();
  });

  it('writes nothing before the first confirmed sync, then the newest version per organization, keys and secrets, mode 0600', async () => {
    const s = store();
    s.putSecret('content-hmac', 'c2VjcmV0');
    s.putPolicy(policy(2));
    s.putPolicy(policy(1));
    await s.save();
    expect(s.read()).toBeNull();
    const at = new Date('2026-12-04T10:00:00Z');
    await s.confirmed(at);
    s.putApiKeys([key]);
    await s.save();
    const state = s.read()!;
    expect(state).toEqual({ format: 1, confirmedAt: at.toISOString(), secrets: { 'content-hmac': 'c2VjcmV0' }, policies: [policy(2)], apiKeys: [key] });
    expect(statSync(path.join(dir, LOCAL_STATE_FILE)).mode & 0o777).toBe(0o600);
  });

  it('rewrites an unchanged state only when a minute has passed since the last write', async () => {
    const s = store();
    s.putPolicy(policy(1));
    await s.confirmed(new Date('2026-12-04T10:00:00Z'));
    await s.confirmed(new Date('2026-12-04T10:00:05Z'));
    expect(s.read()!.confirmedAt).toBe('2026-12-04T10:00:00.000Z');
    s.putPolicy(policy(2));
    await s.save();
    expect(s.read()!.confirmedAt).toBe('2026-12-04T10:00:05.000Z');
  });

  it('ignores a file it cannot read (truncated, another format) instead of failing the start', () => {
    writeFileSync(path.join(dir, LOCAL_STATE_FILE), '{"format":1,"confirmedAt":');
    expect(store().read()).toBeNull();
    writeFileSync(path.join(dir, LOCAL_STATE_FILE), JSON.stringify({ format: 2 }));
    expect(store().read()).toBeNull();
  });

  it('keeps what the adopted state held when it saves again', async () => {
    const s = store();
    s.putPolicy(policy(3));
    s.putApiKeys([key]);
    await s.confirmed(new Date('2026-12-04T10:00:00Z'));
    const again = store();
    again.adopt(again.read()!);
    again.putSecret('directory-salt', 'c2FsdA');
    await again.save();
    expect(JSON.parse(readFileSync(path.join(dir, LOCAL_STATE_FILE), 'utf8'))).toMatchObject({ policies: [policy(3)], apiKeys: [key], secrets: { 'directory-salt': 'c2FsdA' } });
  });
});
