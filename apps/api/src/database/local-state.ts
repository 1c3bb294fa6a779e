import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { SingleFlight } from '../common/single-flight';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * What an instance needs to answer decisions without its database, kept in a file under
 * AIRLOCK_STATE_DIR so that an instance started while PostgreSQL is down serves what it last had
 * (and says it is stale) instead of refusing every request: each organization's published policy
 * version, the API keys' hashes and what each key may do, and the two installation keys the
 * decision path uses (unless AIRLOCK_SECRET derives them). Written after each change is loaded
 * from the database and at least every CONFIRM_EVERY_MS while syncs succeed (the time it was last
 * confirmed current is what "stale since" counts from); read only at start, and only when the
 * database cannot be reached. Mode 0600: it holds key hashes and the content key, as the database does.
 */
export const LOCAL_STATE_FILE = 'last-known-good.json';
const CONFIRM_EVERY_MS = 60_000;

const policyEntry = z.object({
  organizationId: z.string(),
  number: z.number().int(),
  contentHash: z.string(),
  createdAt: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});
const apiKeyEntry = z.object({
  id: z.string(),
  keyHash: z.string(),
  expiresAt: z.string().nullable(),
  organizationId: z.string(),
  client: z.object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    rateLimitPerMinute: z.number().int().nullable(),
    mayAssertGroups: z.boolean(),
    mayAssertIp: z.boolean(),
    mayAssertAnyZone: z.boolean(),
    mayAssertZones: z.array(z.string()),
  }),
});
const stateFile = z.object({
  format: z.literal(1),
  /** When the content was last confirmed to be the database's latest. */
  confirmedAt: z.string(),
  secrets: z.record(z.string(), z.string()),
  policies: z.array(policyEntry),
  apiKeys: z.array(apiKeyEntry).nullable(),
});

export type LocalPolicy = z.infer<typeof policyEntry>;
export type LocalApiKey = z.infer<typeof apiKeyEntry>;
export type LocalState = z.infer<typeof stateFile>;

@Injectable()
export class LocalStateStore {
  private readonly logger = new Logger('LocalState');
  private readonly file: string | null;
  private readonly policies = new Map<string, LocalPolicy>();
  private readonly secrets: Record<string, string> = {};
  private apiKeys: LocalApiKey[] | null = null;
  private confirmedAt: Date | null = null;
  private lastWrite = 0;
  private dirty = false;
  /** Set when this start read the file because the database could not be reached. */
  startedFrom: LocalState | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.file = config.stateDir ? path.join(config.stateDir, LOCAL_STATE_FILE) : null;
  }

  get enabled(): boolean {
    return this.file !== null;
  }

  /** The saved state, or null (no setting, no file yet, or a file that does not parse: logged). */
  read(): LocalState | null {
    if (!this.file) return null;
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    const parsed = stateFile.safeParse((() => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    })());
    if (!parsed.success) {
      this.logger.warn(`${this.file} is not a state this release can read; ignoring it`);
      return null;
    }
    return parsed.data;
  }

  /** Starts from the saved state (the database is unreachable): later saves keep what it held. */
  adopt(state: LocalState): void {
    this.startedFrom = state;
    for (const p of state.policies) this.policies.set(p.organizationId, p);
    Object.assign(this.secrets, state.secrets);
    this.apiKeys = state.apiKeys;
    this.confirmedAt = new Date(state.confirmedAt);
  }

  putSecret(name: string, value: string): void {
    if (!this.file || this.secrets[name] === value) return;
    this.secrets[name] = value;
    this.dirty = true;
  }

  putPolicy(p: LocalPolicy): void {
    if (!this.file) return;
    const now = this.policies.get(p.organizationId);
    if (now && now.number >= p.number) return;
    this.policies.set(p.organizationId, p);
    this.dirty = true;
    void this.save();
  }

  putApiKeys(keys: LocalApiKey[]): void {
    if (!this.file) return;
    if (JSON.stringify(keys) !== JSON.stringify(this.apiKeys)) {
      this.apiKeys = keys;
      this.dirty = true;
    }
    void this.save();
  }

  /** The policies in memory were just confirmed current: saved now if anything changed, else at most every minute. */
  confirmed(at = new Date()): Promise<void> {
    if (!this.file) return Promise.resolve();
    this.confirmedAt = at;
    return this.save();
  }

  /** Writes the file (temporary file, then rename: a reader never sees half of it); failures are logged, never thrown. */
  save(): Promise<void> {
    return this.writer.run({ again: true });
  }

  private readonly writer = new SingleFlight(async () => {
    if (!this.file || !this.confirmedAt) return;
    if (!this.dirty && Date.now() - this.lastWrite < CONFIRM_EVERY_MS) return;
    const state: LocalState = {
      format: 1,
      confirmedAt: this.confirmedAt.toISOString(),
      secrets: { ...this.secrets },
      policies: [...this.policies.values()],
      apiKeys: this.apiKeys,
    };
    this.dirty = false;
    this.lastWrite = Date.now();
    try {
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch (err) {
      this.dirty = true;
      this.logger.warn(`Could not save the last-known-good state to ${this.file}: ${(err as Error).message}`);
    }
  });
}
