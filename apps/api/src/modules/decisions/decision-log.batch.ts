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
}

/** The DecisionLog columns in the order `copyLine` writes them. */
export const DECISION_LOG_COLUMNS = [
  'id', 'time', 'organizationId', 'apiClientId', 'policyVersion', 'providerSlug', 'destinationHost', 'action', 'channel',
  'networkZones', 'subjectId', 'subjectGroups', 'effect', 'ruleIds', 'dataClasses', 'contentHmac', 'correlationId',
  'latencyMicros', 'staleSeconds',
] as const satisfies readonly (keyof DecisionLogEntry)[];

const HOUR_MS = 3_600_000;

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
    `${copyValue(e.latencyMicros)}\t${copyValue(e.staleSeconds)}\n`
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

/** Hourly counts per (organization, hour, data class, effect). */
export interface DecisionClassRollupRows {
  organizationId: string[];
  bucket: string[];
  dataClass: string[];
  effect: string[];
  count: number[];
}

interface Counted<K> {
  key: K;
  count: number;
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
  private readonly rollups = new Map<string, Counted<[string, number, string, string, string]>>();
  private readonly classRollups = new Map<string, Counted<[string, number, string, string]>>();

  constructor(expectedEntries = 64) {
    this.text = Buffer.allocUnsafe(expectedEntries * 256);
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
    const key = `${e.organizationId}|${hour}|${provider}|${e.action}|${e.effect}`;
    const r = this.rollups.get(key);
    if (r) r.count += 1;
    else this.rollups.set(key, { key: [e.organizationId, hour, provider, e.action, e.effect], count: 1 });
    for (const dc of e.dataClasses) {
      const ck = `${e.organizationId}|${hour}|${dc}|${e.effect}`;
      const c = this.classRollups.get(ck);
      if (c) c.count += 1;
      else this.classRollups.set(ck, { key: [e.organizationId, hour, dc, e.effect], count: 1 });
    }
  }

  /** The organizations with rows in this batch. */
  organizationIds(): string[] {
    return [...new Set([...this.rollups.values()].map((r) => r.key[0]))];
  }

  /**
   * This batch without the rows of the given organizations (an organization deleted between a
   * decision and its flush). Rare, so it re-reads the encoded lines rather than keep entries: the
   * organization is the third column of each line.
   */
  without(organizationIds: ReadonlySet<string>): DecisionLogBatch {
    const kept = new DecisionLogBatch(0);
    const text = this.copyText();
    kept.text = Buffer.allocUnsafe(text.length);
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
    for (const [k, r] of this.rollups) if (!organizationIds.has(r.key[0])) kept.rollups.set(k, r);
    for (const [k, r] of this.classRollups) if (!organizationIds.has(r.key[0])) kept.classRollups.set(k, r);
    return kept;
  }

  /** The rows as one COPY text body (a view of the batch's buffer, not a copy). */
  copyText(): Buffer {
    return this.text.subarray(0, this.bytes);
  }

  rollupRows(): DecisionRollupRows {
    const rows: DecisionRollupRows = { organizationId: [], bucket: [], providerSlug: [], action: [], effect: [], count: [] };
    for (const { key, count } of this.rollups.values()) {
      rows.organizationId.push(key[0]);
      rows.bucket.push(new Date(key[1] * HOUR_MS).toISOString());
      rows.providerSlug.push(key[2]);
      rows.action.push(key[3]);
      rows.effect.push(key[4]);
      rows.count.push(count);
    }
    return rows;
  }

  classRollupRows(): DecisionClassRollupRows {
    const rows: DecisionClassRollupRows = { organizationId: [], bucket: [], dataClass: [], effect: [], count: [] };
    for (const { key, count } of this.classRollups.values()) {
      rows.organizationId.push(key[0]);
      rows.bucket.push(new Date(key[1] * HOUR_MS).toISOString());
      rows.dataClass.push(key[2]);
      rows.effect.push(key[3]);
      rows.count.push(count);
    }
    return rows;
  }
}
