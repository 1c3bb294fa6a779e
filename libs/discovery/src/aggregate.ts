import { detectFormat, createParser } from './detect';
import { LineSplitter, MAX_LINE_BYTES, own } from './lines';
import { hostOf, type HostMatch } from './match';
import { type DiscoveryFormat, isBad, type LineParser, type LogRecord, type ParserOptions } from './types';

/** Figures for one (day, host, person, zones) of an import: counts, never lines. */
export interface DiscoveryCell {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  host: string;
  /** The person as stored: a keyed hash, or the name when the organization shows names; null when the log has neither user nor address. */
  subject: string | null;
  zones: readonly string[];
  groups: readonly string[];
  requests: number;
  /** Bytes sent; null when the format does not record them. */
  bytesOut: number | null;
  firstSeen: number;
  lastSeen: number;
}

export interface DiscoveryHooks {
  /** The AI service a host is, or null for a host that is not one (not stored). */
  match(host: string): HostMatch | null;
  /** Network zones of a client address (the organization's zones). */
  zonesFor(ip: string): readonly string[];
  /** How a person is stored (keyed hash or name) and their groups in the directory; null for nobody. */
  subjectOf(user: string | null, ip: string | null): { subject: string; groups: readonly string[] } | null;
}

export interface BadLineSample {
  line: number;
  reason: string;
}

export interface ImportStats {
  format: DiscoveryFormat | null;
  lines: number;
  /** Lines read as requests or queries. */
  records: number;
  /** Of those, to an AI service (catalog or known list). */
  aiRecords: number;
  /** Lines skipped on purpose: comments, headers, other log messages, answers already counted as queries. */
  ignoredLines: number;
  badLines: number;
  /** The first bad lines: number and reason (never the text). */
  badSamples: BadLineSample[];
  firstSeen: number | null;
  lastSeen: number | null;
}

export class FormatNotDetected extends Error {
  constructor(readonly lines: number) {
    super(`The format of this file was not recognised in its first ${lines} lines: give it (squid, squid-common, zscaler-csv, zscaler-json, bind, unbound, zeek or csv)`);
  }
}

export interface PipelineOptions extends ParserOptions {
  format: DiscoveryFormat | 'auto';
  hooks: DiscoveryHooks;
  /** Bad lines kept with their numbers (default 100). */
  maxBadSamples?: number;
  /** Lines read before the format is chosen, when auto (default 50). */
  sampleLines?: number;
  maxLineBytes?: number;
}

const SAMPLE_MAX_BYTES = 256 * 1024;

/**
 * One import, bytes in, figures out: lines are split (bounded), parsed in the chosen or detected
 * format, matched, and aggregated per (UTC day, host, person, zones). Only AI hosts are kept. The
 * caller drains the cells whenever `cellCount` grows past what it wants to hold, and at the end.
 */
export class DiscoveryPipeline {
  readonly stats: ImportStats;
  private parser: LineParser | null = null;
  private sample: { line: string; no: number }[] | null = null;
  private sampleBytes = 0;
  private readonly splitter: LineSplitter;
  private cells = new Map<string, DiscoveryCell & { requests: number; bytesOut: number | null }>();
  private sawQuery = false;
  private readonly maxBad: number;
  private readonly sampleLines: number;
  private subjects = new Map<string, { subject: string; groups: readonly string[] } | null>();

  constructor(private readonly options: PipelineOptions) {
    this.maxBad = options.maxBadSamples ?? 100;
    this.sampleLines = options.sampleLines ?? 50;
    this.stats = { format: null, lines: 0, records: 0, aiRecords: 0, ignoredLines: 0, badLines: 0, badSamples: [], firstSeen: null, lastSeen: null };
    if (options.format === 'auto') this.sample = [];
    else this.useFormat(options.format);
    this.splitter = new LineSplitter(
      (line, no) => this.line(line, no),
      (no) => this.bad(no, `longer than ${Math.round((options.maxLineBytes ?? MAX_LINE_BYTES) / 1024)} KiB`),
      options.maxLineBytes ?? MAX_LINE_BYTES,
    );
  }

  get cellCount(): number {
    return this.cells.size;
  }

  /** Feeds bytes; throws FormatNotDetected once the sample is read and no format fits it. */
  push(chunk: Uint8Array): void {
    this.splitter.push(chunk);
  }

  /** The end of the input: the last line, and detection on a short file. */
  end(): void {
    this.splitter.end();
    if (this.sample !== null) this.decide();
    this.stats.lines = this.splitter.lines;
  }

  /** The cells gathered since the last drain. */
  drain(): DiscoveryCell[] {
    const out = [...this.cells.values()];
    this.cells = new Map();
    this.stats.lines = this.splitter.lines;
    return out;
  }

  private useFormat(format: DiscoveryFormat): void {
    this.stats.format = format;
    this.parser = createParser(format, this.options);
  }

  private line(line: string, no: number): void {
    if (this.sample !== null) {
      this.sample.push({ line, no });
      this.sampleBytes += line.length;
      if (this.sample.filter((s) => s.line.trim() !== '').length >= this.sampleLines || this.sampleBytes >= SAMPLE_MAX_BYTES) this.decide();
      return;
    }
    this.read(line, no);
  }

  private decide(): void {
    const sample = this.sample!;
    this.sample = null;
    const found = detectFormat(sample.map((s) => s.line), this.options);
    if (found === null) throw new FormatNotDetected(sample.length);
    this.useFormat(found.format);
    for (const s of sample) this.read(s.line, s.no);
  }

  private bad(no: number, reason: string): void {
    this.stats.badLines++;
    if (this.stats.badSamples.length < this.maxBad) this.stats.badSamples.push({ line: no, reason });
  }

  private read(line: string, no: number): void {
    const r = this.parser!.parse(line);
    if (r === null) {
      this.stats.ignoredLines++;
      return;
    }
    if (isBad(r)) {
      this.bad(no, r.bad);
      return;
    }
    if (r.reply) {
      if (this.sawQuery) {
        this.stats.ignoredLines++;
        return;
      }
    } else this.sawQuery = true;
    const host = hostOf(r.destination);
    if (host === null) {
      this.bad(no, 'the destination is not a host name or address');
      return;
    }
    this.stats.records++;
    if (this.stats.firstSeen === null || r.time < this.stats.firstSeen) this.stats.firstSeen = r.time;
    if (this.stats.lastSeen === null || r.time > this.stats.lastSeen) this.stats.lastSeen = r.time;
    if (this.options.hooks.match(host) === null) return;
    this.stats.aiRecords++;
    this.add(host, r);
  }

  private add(host: string, r: LogRecord): void {
    const who = this.subjectOf(r.user, r.ip);
    // The address is copied: the zone matcher keeps it as a cache key.
    const zones = r.ip !== null ? this.options.hooks.zonesFor(own(r.ip)) : [];
    const day = this.dayOf(r.time);
    const subject = who?.subject ?? null;
    const key = `${day}\u0000${host}\u0000${subject ?? ''}\u0000${zones.join(',')}`;
    const cell = this.cells.get(key);
    if (cell === undefined) {
      this.cells.set(own(key), { day, host: own(host), subject: subject === null ? null : own(subject), zones, groups: who?.groups ?? [], requests: 1, bytesOut: r.bytesOut, firstSeen: r.time, lastSeen: r.time });
      return;
    }
    cell.requests++;
    if (r.bytesOut !== null) cell.bytesOut = (cell.bytesOut ?? 0) + r.bytesOut;
    if (r.time < cell.firstSeen) cell.firstSeen = r.time;
    if (r.time > cell.lastSeen) cell.lastSeen = r.time;
  }

  private days = new Map<number, string>();

  /** The UTC day of a time, YYYY-MM-DD (one string per day, not one per line). */
  private dayOf(time: number): string {
    const n = Math.floor(time / 86_400_000);
    let day = this.days.get(n);
    if (day === undefined) {
      day = new Date(n * 86_400_000).toISOString().slice(0, 10);
      this.days.set(n, day);
    }
    return day;
  }

  private subjectOf(user: string | null, ip: string | null) {
    // The person is the user when the log names one (the address then only places them in a zone).
    const k = user !== null ? `u\u0000${user}` : ip !== null ? `i\u0000${ip}` : '';
    let found = this.subjects.get(k);
    if (found === undefined) {
      found = this.options.hooks.subjectOf(user, ip);
      if (this.subjects.size >= 100_000) this.subjects = new Map();
      this.subjects.set(own(k), found === null ? null : { subject: own(found.subject), groups: found.groups });
    }
    return found;
  }
}
