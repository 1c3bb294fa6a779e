import type net from 'node:net';
import { backoffDelay, elasticBulkOutcome, httpLine, httpRequestOf, syslogFrame, type HttpPreset, type SiemBodyFormat } from './siem-format';
import type { SiemEvent, SiemEventType, SiemOrigin } from './siem-events';
import { describeError, gzipLines, openSyslogSocket, postBatch, type PinnedTarget, type TlsMaterial } from './siem-transport';

/** A destination as the runtime needs it: secrets opened, nothing else of the database row. */
export interface DestinationRuntimeConfig {
  id: string;
  organizationId: string;
  name: string;
  transport: 'syslog_tcp' | 'syslog_tls' | 'http';
  format: SiemBodyFormat;
  host: string | null;
  port: number | null;
  facility: number;
  httpPreset: HttpPreset | null;
  url: string | null;
  index: string | null;
  eventTypes: ReadonlySet<SiemEventType>;
  /** Decision effects to send; null: every effect. */
  decisionEffects: ReadonlySet<string> | null;
  tls: TlsMaterial;
  token: string | null;
  /** Changes with every edit: the runtime is rebuilt when it does. */
  version: string;
}

export interface DeliveryStats {
  queued: number;
  sent: number;
  dropped: number;
  failures: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export interface DeliveryDeps {
  origin: SiemOrigin;
  /** Resolves and vets the destination's host (the SSRF rules) each time a connection is opened. */
  vet: (hostname: string, port: number, protocol: 'tcp' | 'http' | 'https') => Promise<PinnedTarget>;
  /** Most events buffered (queued plus in flight) per destination; beyond it new events are dropped and counted. */
  capacity: number;
  /**
   * Events written to a syslog connection within this many milliseconds before it broke are sent
   * again on the next connection: TCP says nothing about what the receiver read, so a receiver that
   * died just after our write may have lost it (at least once, never silently lost within the bound).
   */
  resendWindowMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  onChange?: () => void;
}

const SYSLOG_BATCH = 500;
const HTTP_BATCH = 1000;
const HTTP_BATCH_BYTES = 4 * 1024 * 1024;
/** HTTP waits this long for more events before it sends a batch. */
const HTTP_LINGER_MS = 250;

/**
 * One destination's delivery on this instance: a bounded in-memory queue, a sender (a syslog
 * connection or HTTP batches), retries with exponential backoff and jitter, and the counts the
 * console shows. `enqueue` is all the producer pays: an array push.
 */
export abstract class SiemDelivery {
  protected queue: SiemEvent[] = [];
  protected inFlight = 0;
  protected failuresInRow = 0;
  protected retryTimer: NodeJS.Timeout | null = null;
  protected scheduled = false;
  protected closed = false;
  readonly stats: DeliveryStats = { queued: 0, sent: 0, dropped: 0, failures: 0, lastSuccessAt: null, lastError: null, lastErrorAt: null };
  /** Bumped on every change of the stats (the status writer skips unchanged destinations). */
  changes = 0;

  constructor(
    readonly config: DestinationRuntimeConfig,
    protected readonly deps: DeliveryDeps,
  ) {}

  wants(e: SiemEvent): boolean {
    if (!this.config.eventTypes.has(e.type)) return false;
    return e.type !== 'decision' || this.config.decisionEffects === null || this.config.decisionEffects.has(e.entry.effect);
  }

  /** Queues the event (or drops and counts it when the buffer is full); sending happens later. */
  enqueue(e: SiemEvent): void {
    if (this.closed) return;
    if (this.queue.length + this.inFlight >= this.deps.capacity) {
      this.stats.dropped += 1;
      this.changed();
      return;
    }
    this.queue.push(e);
    this.schedule();
  }

  get queued(): number {
    return this.queue.length + this.inFlight;
  }

  /** Takes over what another delivery of the same destination still holds (the configuration changed). */
  adopt(events: SiemEvent[], stats: DeliveryStats): void {
    Object.assign(this.stats, { ...stats, queued: 0 });
    for (const e of events) this.enqueue(e);
  }

  /** Stops sending; answers what was not delivered. */
  abstract close(): SiemEvent[];

  /** Waits up to `ms` for the queue to empty (shutdown). */
  async drain(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (this.queued > 0 && Date.now() < until && !this.closed) await new Promise((r) => setTimeout(r, 50));
  }

  protected changed(): void {
    this.changes += 1;
    this.stats.queued = this.queued;
  }

  protected succeeded(count: number): void {
    this.stats.sent += count;
    this.stats.lastSuccessAt = new Date();
    this.failuresInRow = 0;
    this.changed();
  }

  protected failed(message: string): void {
    this.stats.failures += 1;
    this.stats.lastError = message;
    this.stats.lastErrorAt = new Date();
    this.failuresInRow += 1;
    this.changed();
    this.retryLater();
  }

  protected retryLater(): void {
    if (this.closed || this.retryTimer) return;
    const delay = backoffDelay(this.failuresInRow, this.deps.backoffBaseMs, this.deps.backoffMaxMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, delay);
    this.retryTimer.unref();
  }

  protected schedule(delayMs = 0): void {
    if (this.scheduled || this.retryTimer || this.closed) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.pump();
    };
    if (delayMs > 0) setTimeout(run, delayMs).unref();
    else setImmediate(run);
  }

  protected abstract pump(): Promise<void>;
}

/** RFC 5424 over TCP or TLS, octet-counted frames, one long-lived connection. */
export class SyslogDelivery extends SiemDelivery {
  private socket: net.Socket | null = null;
  private connecting = false;
  private writing = false;
  /** Batches written on the current connection, newest last, kept for `resendWindowMs`. */
  private recent: { at: number; events: SiemEvent[] }[] = [];

  protected async pump(): Promise<void> {
    if (this.closed || this.writing || this.connecting || this.queue.length === 0) return;
    if (!this.socket) {
      this.connecting = true;
      try {
        this.socket = await this.connect();
      } catch (err) {
        this.connecting = false;
        this.failed((err as Error).message);
        return;
      }
      this.connecting = false;
      if (this.closed) {
        this.socket.destroy();
        return;
      }
    }
    const socket = this.socket;
    const batch = this.queue.splice(0, SYSLOG_BATCH);
    this.inFlight += batch.length;
    const frames: Buffer[] = [];
    const procId = String(process.pid);
    for (const e of batch) frames.push(syslogFrame(e, this.config.format, this.config.facility, this.deps.origin, procId));
    this.writing = true;
    socket.write(Buffer.concat(frames), (err) => {
      this.writing = false;
      this.inFlight -= batch.length;
      if (err || socket !== this.socket) {
        // The connection broke under this write: the batch goes back first in line.
        this.queue.unshift(...batch);
        this.changed();
        return;
      }
      const now = Date.now();
      this.recent.push({ at: now, events: batch });
      while (this.recent.length && this.recent[0]!.at < now - this.deps.resendWindowMs) this.recent.shift();
      this.succeeded(batch.length);
      if (this.queue.length) this.schedule();
    });
  }

  private async connect(): Promise<net.Socket> {
    const c = this.config;
    const target = await this.deps.vet(c.host!, c.port!, 'tcp');
    const socket = await openSyslogSocket(target, c.transport === 'syslog_tls', c.tls);
    socket.setKeepAlive(true, 30_000);
    socket.setNoDelay(true);
    // A receiver sends nothing; reading is how its end of the connection (FIN, RST) is seen at once.
    socket.on('data', () => undefined);
    const lost = (why: string) => {
      if (this.socket !== socket) return;
      this.socket = null;
      socket.destroy();
      const cutoff = Date.now() - this.deps.resendWindowMs;
      const again = this.recent.filter((b) => b.at >= cutoff).flatMap((b) => b.events);
      this.recent = [];
      if (again.length) {
        this.queue.unshift(...again);
        this.stats.sent -= again.length;
      }
      if (!this.closed) this.failed(`connection lost: ${why}`);
    };
    socket.on('end', () => lost('the receiver closed the connection'));
    socket.on('error', (err: NodeJS.ErrnoException) => lost(describeError(err)));
    socket.on('close', () => lost('closed'));
    return socket;
  }

  close(): SiemEvent[] {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const s = this.socket;
    this.socket = null;
    s?.end();
    setTimeout(() => s?.destroy(), 2_000).unref();
    return this.queue.splice(0);
  }
}

/** Gzip JSON-lines batches over HTTP(S): Splunk HEC, Elastic `_bulk` or any collector. */
export class HttpDelivery extends SiemDelivery {
  private sending = false;

  protected override schedule(delayMs = HTTP_LINGER_MS): void {
    super.schedule(this.queue.length >= HTTP_BATCH ? 0 : delayMs);
  }

  protected async pump(): Promise<void> {
    if (this.closed || this.sending || this.queue.length === 0) return;
    const c = this.config;
    const preset = c.httpPreset ?? 'generic';
    const format = c.format === 'ocsf' ? 'ocsf' : 'json';
    const lines: string[] = [];
    let bytes = 0;
    let n = 0;
    while (n < this.queue.length && n < HTTP_BATCH && bytes < HTTP_BATCH_BYTES) {
      const line = httpLine(this.queue[n]!, preset, format, this.deps.origin, c.index);
      lines.push(line);
      bytes += line.length + 1;
      n++;
    }
    const batch = this.queue.splice(0, n);
    this.inFlight += batch.length;
    this.sending = true;
    try {
      const { url, headers } = httpRequestOf(preset, c.url!, c.token);
      const parsed = new URL(url);
      const target = await this.deps.vet(parsed.hostname.replace(/^\[|\]$/g, ''), Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)), parsed.protocol === 'https:' ? 'https' : 'http');
      const body = await gzipLines(lines);
      const result = await postBatch(parsed, target, headers, body, c.tls);
      this.inFlight -= batch.length;
      if (!result.ok) {
        this.queue.unshift(...batch);
        this.failed(result.error ?? 'failed');
        return;
      }
      if (preset === 'elastic') {
        const outcome = elasticBulkOutcome(result.body);
        if (outcome.retry.length) this.queue.unshift(...outcome.retry.map((i) => batch[i]!));
        this.stats.dropped += outcome.refused;
        this.succeeded(batch.length - outcome.retry.length - outcome.refused);
        if (outcome.firstError) {
          this.stats.lastError = `Elastic refused ${outcome.refused + outcome.retry.length} of ${batch.length}: ${outcome.firstError}`;
          this.stats.lastErrorAt = new Date();
        }
      } else this.succeeded(batch.length);
    } catch (err) {
      this.inFlight -= batch.length;
      this.queue.unshift(...batch);
      this.failed((err as Error).message);
      return;
    } finally {
      this.sending = false;
    }
    if (this.queue.length) this.schedule(0);
  }

  close(): SiemEvent[] {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    return this.queue.splice(0);
  }
}

export function createDelivery(config: DestinationRuntimeConfig, deps: DeliveryDeps): SiemDelivery {
  return config.transport === 'http' ? new HttpDelivery(config, deps) : new SyslogDelivery(config, deps);
}
