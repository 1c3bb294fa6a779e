import type { DecisionAction, Effect } from '../../generated/prisma/enums';
import { copyValue } from './copy-text';

/** One decision as logged: never the text, at most its keyed hash (contentHmac). */
export interface DecisionLogEntry {
  id: string;
  time: Date;
  organizationId: string;
  apiClientId: string | null;
  policyVersion: number;
  providerSlug: string | null;
  destinationHost: string | null;
  action: DecisionAction;
  channel: string | null;
  networkZones: readonly string[];
  subjectId: string | null;
  subjectGroups: readonly string[];
  effect: Effect;
  ruleIds: readonly string[];
  dataClasses: readonly string[];
  contentHmac: string | null;
  correlationId: string | null;
  latencyMicros: number;
  staleSeconds: number | null;
  /** Who decided: `api` (default) or the local evaluator that reported it (`extension`, `sdk`). */
  source?: string;
  /** A warning the person continued past: the reason they gave. */
  overrideReason?: string | null;
  /** An AI gateway call's tokens as its upstream reported them (on the call's prompt decision). */
  inputTokens?: number | null;
  outputTokens?: number | null;
}

/** The DecisionLog columns in the order `copyLine` writes them. */
export const DECISION_LOG_COLUMNS = [
  'id', 'time', 'organizationId', 'apiClientId', 'policyVersion', 'providerSlug', 'destinationHost', 'action', 'channel',
  'networkZones', 'subjectId', 'subjectGroups', 'effect', 'ruleIds', 'dataClasses', 'contentHmac', 'correlationId',
  'latencyMicros', 'staleSeconds', 'source', 'overrideReason', 'inputTokens', 'outputTokens',
] as const satisfies readonly (keyof DecisionLogEntry)[];

const HOUR_MS = 3_600_000;

/** Room per entry a batch starts with: a line is 250-300 bytes, more with a content hash or subject. */
const BYTES_PER_ENTRY = 384;
/**
 * Buffers of batches already written, for the next batches to fill, instead of a fresh buffer of a
 * few hundred KiB per batch (grown once near its end): fresh memory is pages for the kernel to map
 * and fault in on the same cores as the API. Measured with the rollup counting below: 2-5% more
 * decisions per second. A worker has a batch filling and one or two being written, so a handful of
 * buffers is enough.
 */
const spareBuffers: Buffer[] = [];
const MAX_SPARE_BUFFERS = 4;

function bufferOf(bytes: number): Buffer {
  const i = spareBuffers.findIndex((b) => b.length >= bytes);
  return i >= 0 ? spareBuffers.splice(i, 1)[0]! : Buffer.allocUnsafe(bytes);
}

function keepSpare(buffer: Buffer): void {
  if (spareBuffers.length < MAX_SPARE_BUFFERS) {
    spareBuffers.push(buffer);
    return;
  }
  // Full: keep the larger buffers, which fit every batch.
  let smallest = 0;
  for (let i = 1; i < spareBuffers.length; i++) if (spareBuffers[i]!.length < spareBuffers[smallest]!.length) smallest = i;
  if (spareBuffers[smallest]!.length < buffer.length) spareBuffers[smallest] = buffer;
}

/**
 * One decision log entry as a line of PostgreSQL's COPY text format, columns in
 * DECISION_LOG_COLUMNS order. Written out by hand rather than mapped over the column list: it runs
 * once per decision, on the request path. copy-text.spec.ts checks it against the generic encoder.
 */
export function copyLine(e: DecisionLogEntry): string {
  return (
    `${e.id}\t${e.time.toISOString()}\t${e.organizationId}\t${copyValue(e.apiClientId)}\t${e.policyVersion}\t` +
    `${copyValue(e.providerSlug)}\t${copyValue(e.destinationHost)}\t${e.action}\t${copyValue(e.channel)}\t` +
    `${copyValue(e.networkZones)}\t${copyValue(e.subjectId)}\t${copyValue(e.subjectGroups)}\t${e.effect}\t` +
    `${copyValue(e.ruleIds)}\t${copyValue(e.dataClasses)}\t${copyValue(e.contentHmac)}\t${copyValue(e.correlationId)}\t` +
    `${copyValue(e.latencyMicros)}\t${copyValue(e.staleSeconds)}\t${copyValue(e.source ?? 'api')}\t${copyValue(e.overrideReason ?? null)}\t` +
    `${copyValue(e.inputTokens ?? null)}\t${copyValue(e.outputTokens ?? null)}\n`
  );
}

/** Hourly counts the dashboard reads, per (organization, hour, provider, action, effect). */
export interface DecisionRollupRows {
  organizationId: string[];
  bucket: string[];
  providerSlug: string[];
  action: string[];
  effect: string[];
  count: number[];
}

/** Hourly warnings and overrides per (organization, hour, provider, subject group or '*'). */
export interface DecisionOverrideRollupRows {
  organizationId: string[];
  bucket: string[];
  providerSlug: string[];
  subjectGroup: string[];
  warned: number[];
  overridden: number[];
}

/** Separates provider and group in the override tally's names (neither can contain it). */
const SEP = '\u001f';
/** The override rollup's row that counts each warning once, whatever the subject's groups. */
export const ALL_GROUPS = '*';

/** Hourly counts per (organization, hour, data class, effect). */
export interface DecisionClassRollupRows {
  organizationId: string[];
  bucket: string[];
  dataClass: string[];
  effect: string[];
  count: number[];
}

const ACTIONS: readonly DecisionAction[] = ['access', 'prompt', 'upload', 'response'];
const EFFECTS: readonly Effect[] = ['allow', 'warn', 'redact', 'block'];
const ACTION_INDEX: Readonly<Record<DecisionAction, number>> = { access: 0, prompt: 1, upload: 2, response: 3 };
const EFFECT_INDEX: Readonly<Record<Effect, number>> = { allow: 0, warn: 1, redact: 2, block: 3 };

/**
 * Counts per (organization, hour, name) and a small fixed set of slots (action x effect, or
 * effect), in nested maps: counting an entry builds no key string and allocates nothing once its
 * row exists.
 */
class HourlyTally {
  private readonly byOrganization = new Map<string, Map<number, Map<string, Uint32Array>>>();

  constructor(private readonly slots: number) {}

  add(organizationId: string, hour: number, name: string, slot: number): void {
    let hours = this.byOrganization.get(organizationId);
    if (!hours) this.byOrganization.set(organizationId, (hours = new Map()));
    let names = hours.get(hour);
    if (!names) hours.set(hour, (names = new Map()));
    let counts = names.get(name);
    if (!counts) names.set(name, (counts = new Uint32Array(this.slots)));
    counts[slot]! += 1;
  }

  organizations(): string[] {
    return [...this.byOrganization.keys()];
  }

  /** A copy without some organizations (the counts themselves are shared, not copied). */
  without(organizationIds: ReadonlySet<string>): HourlyTally {
    const kept = new HourlyTally(this.slots);
    for (const [org, hours] of this.byOrganization) if (!organizationIds.has(org)) kept.byOrganization.set(org, hours);
    return kept;
  }

  clear(): void {
    this.byOrganization.clear();
  }

  /**
   * Every non-zero count, sorted by (organization, hour, name, slot): the rollup upserts of two
   * workers then take their row locks in the same order and cannot deadlock.
   */
  rows(): { organizationId: string; hour: number; name: string; slot: number; count: number }[] {
    const out: { organizationId: string; hour: number; name: string; slot: number; count: number }[] = [];
    for (const org of [...this.byOrganization.keys()].sort()) {
      const hours = this.byOrganization.get(org)!;
      for (const hour of [...hours.keys()].sort((a, b) => a - b)) {
        const names = hours.get(hour)!;
        for (const name of [...names.keys()].sort()) {
          const counts = names.get(name)!;
          for (let slot = 0; slot < counts.length; slot++) if (counts[slot]) out.push({ organizationId: org, hour, name, slot, count: counts[slot]! });
        }
      }
    }
    return out;
  }
}

/**
 * Up to one COPY's worth of decision logs, encoded as COPY text the moment each decision is logged,
 * into a buffer outside the JavaScript heap: nothing per decision stays behind for the garbage
 * collector to move until the flush (an entry object, or even its line as a string, would be
 * promoted to the old generation and collected there, which measured dearer than the encoding),
 * and no burst of formatting work at flush time. The hourly rollups are counted as entries arrive.
 */
export class DecisionLogBatch {
  private text: Buffer;
  private bytes = 0;
  private count = 0;
  /** Per (organization, hour, provider): slot action x 4 + effect. */
  private rollups = new HourlyTally(ACTIONS.length * EFFECTS.length);
  /** Per (organization, hour, data class): slot effect. */
  private classRollups = new HourlyTally(EFFECTS.length);
  /** Per (organization, hour, provider + group): slot 0 warned, 1 overridden. Warnings only. */
  private overrideRollups = new HourlyTally(2);
  /** Times a write of this batch was attempted (DecisionLogStore: a retry may find it written). */
  attempts = 0;

  constructor(expectedEntries = 64, expectedBytes = Math.max(1, expectedEntries) * BYTES_PER_ENTRY) {
    this.text = bufferOf(expectedBytes);
  }

  /**
   * Hands the buffer back for later batches once the batch is written: the batch, and any
   * `copyText()` view of it, must not be used afterwards.
   */
  release(): void {
    if (this.text.length > 0) keepSpare(this.text);
    this.text = Buffer.alloc(0);
    this.bytes = 0;
    this.count = 0;
    this.attempts = 0;
    this.rollups.clear();
    this.classRollups.clear();
    this.overrideRollups.clear();
  }

  get size(): number {
    return this.count;
  }

  add(e: DecisionLogEntry): void {
    const line = copyLine(e);
    // At most 3 UTF-8 bytes per UTF-16 code unit: grow before writing rather than measure first.
    const needed = this.bytes + line.length * 3;
    if (needed > this.text.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.text.length * 2));
      this.text.copy(grown, 0, 0, this.bytes);
      this.text = grown;
    }
    this.bytes += this.text.write(line, this.bytes, 'utf8');
    this.count += 1;
    const hour = Math.floor(e.time.getTime() / HOUR_MS);
    const provider = e.providerSlug ?? (e.destinationHost ? `host:${e.destinationHost}` : '');
    const effect = EFFECT_INDEX[e.effect];
    this.rollups.add(e.organizationId, hour, provider, ACTION_INDEX[e.action] * EFFECTS.length + effect);
    for (const dc of e.dataClasses) this.classRollups.add(e.organizationId, hour, dc, effect);
    if (e.effect === 'warn') {
      const slot = e.overrideReason ? 1 : 0;
      this.overrideRollups.add(e.organizationId, hour, provider + SEP + ALL_GROUPS, slot);
      for (const g of e.subjectGroups) this.overrideRollups.add(e.organizationId, hour, provider + SEP + g, slot);
    }
  }

  /** The organizations with rows in this batch. */
  organizationIds(): string[] {
    return this.rollups.organizations();
  }

  /**
   * This batch without the rows of the given organizations (an organization deleted between a
   * decision and its flush). Rare, so it re-reads the encoded lines rather than keep entries: the
   * organization is the third column of each line.
   */
  without(organizationIds: ReadonlySet<string>): DecisionLogBatch {
    const text = this.copyText();
    const kept = new DecisionLogBatch(this.count, Math.max(1, text.length));
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf(0x0a, start) + 1;
      const line = text.subarray(start, end);
      start = end;
      // id \t time \t organizationId \t ...
      const afterTime = line.indexOf(0x09, line.indexOf(0x09) + 1) + 1;
      if (organizationIds.has(line.toString('latin1', afterTime, line.indexOf(0x09, afterTime)))) continue;
      kept.bytes += line.copy(kept.text, kept.bytes);
      kept.count += 1;
    }
    kept.attempts = this.attempts;
    kept.rollups = this.rollups.without(organizationIds);
    kept.classRollups = this.classRollups.without(organizationIds);
    kept.overrideRollups = this.overrideRollups.without(organizationIds);
    return kept;
  }

  /** The rows as one COPY text body (a view of the batch's buffer, not a copy). */
  copyText(): Buffer {
    return this.text.subarray(0, this.bytes);
  }

  rollupRows(): DecisionRollupRows {
    const rows: DecisionRollupRows = { organizationId: [], bucket: [], providerSlug: [], action: [], effect: [], count: [] };
    for (const r of this.rollups.rows()) {
      rows.organizationId.push(r.organizationId);
      rows.bucket.push(new Date(r.hour * HOUR_MS).toISOString());
      rows.providerSlug.push(r.name);
      rows.action.push(ACTIONS[Math.floor(r.slot / EFFECTS.length)]!);
      rows.effect.push(EFFECTS[r.slot % EFFECTS.length]!);
      rows.count.push(r.count);
    }
    return rows;
  }

  /**
   * Warned and overridden counts per row: a warning is counted under the slot it got (an override
   * is a warning too, so `warned` counts both).
   */
  overrideRollupRows(): DecisionOverrideRollupRows {
    const rows: DecisionOverrideRollupRows = { organizationId: [], bucket: [], providerSlug: [], subjectGroup: [], warned: [], overridden: [] };
    let last = '';
    for (const r of this.overrideRollups.rows()) {
      const key = `${r.organizationId}|${r.hour}|${r.name}`;
      if (key !== last) {
        last = key;
        const sep = r.name.indexOf(SEP);
        rows.organizationId.push(r.organizationId);
        rows.bucket.push(new Date(r.hour * HOUR_MS).toISOString());
        rows.providerSlug.push(r.name.slice(0, sep));
        rows.subjectGroup.push(r.name.slice(sep + 1));
        rows.warned.push(0);
        rows.overridden.push(0);
      }
      const i = rows.warned.length - 1;
      rows.warned[i]! += r.count;
      if (r.slot === 1) rows.overridden[i]! += r.count;
    }
    return rows;
  }

  classRollupRows(): DecisionClassRollupRows {
    const rows: DecisionClassRollupRows = { organizationId: [], bucket: [], dataClass: [], effect: [], count: [] };
    for (const r of this.classRollups.rows()) {
      rows.organizationId.push(r.organizationId);
      rows.bucket.push(new Date(r.hour * HOUR_MS).toISOString());
      rows.dataClass.push(r.name);
      rows.effect.push(EFFECTS[r.slot]!);
      rows.count.push(r.count);
    }
    return rows;
  }
}
