import type { ServerResponse } from 'node:http';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { ApiKeyRegistry } from '../api-clients/api-key-registry.service';
import type { ApiClientAuth } from '../auth/auth-context';
import { ReadinessService } from '../health/readiness.service';
import { PolicyRuntime } from '../policy/policy-runtime.service';
import { DecisionService } from './decision.service';
import { SubjectDirectoryService } from './subject-directory.service';
import { ExceptionRuntime } from '../exceptions/exception-runtime.service';
import { BackgroundJobs } from '../../common/background-jobs';

/** A comment line this often keeps proxies from closing an idle stream, and re-checks the key. */
const KEEPALIVE_MS = 15_000;
/** Streams one instance holds at most (each is an open connection). */
const MAX_STREAMS = 10_000;
/** Streams one API key may hold on one instance. */
const MAX_STREAMS_PER_KEY = 100;

interface Stream {
  client: ApiClientAuth;
  presentedKey: string;
  res: ServerResponse;
}

/**
 * `GET /v1/bundle/events`: a server-sent events stream that tells a local evaluator (the SDK's
 * LocalDecider, the browser extension) the moment its organization's policy changes, so an
 * emergency block reaches clients that decide locally without waiting for their next poll. Each
 * event carries the version and the bundle's ETag; the client then fetches /v1/bundle. The stream
 * ends when the key is revoked or the instance shuts down (clients reconnect, to another instance).
 */
@Injectable()
export class BundleEvents implements OnModuleDestroy {
  private readonly logger = new Logger('BundleEvents');
  private readonly streams = new Set<Stream>();

  constructor(
    private readonly runtime: PolicyRuntime,
    private readonly apiKeys: ApiKeyRegistry,
    readiness: ReadinessService,
    private readonly decisions: DecisionService,
    directory: SubjectDirectoryService,
    exceptions: ExceptionRuntime,
    private readonly jobs: BackgroundJobs,
  ) {
    this.runtime.onLoaded((organizationId) => this.announce(organizationId));
    // The bundle carries the directory: a membership change is announced like a publish.
    directory.onChanged((organizationId) => this.announce(organizationId));
    // And the exceptions in force: a grant or a revocation reaches local evaluators at once.
    exceptions.onChanged((organizationId) => this.announce(organizationId));
    readiness.onDrain(() => this.endAll('shutdown'));
    this.jobs.every('bundle-events-keepalive', KEEPALIVE_MS, () => this.keepAlive());
  }

  get size(): number {
    return this.streams.size;
  }

  /** Throws the answer to give when this client may not open a stream now (before the response is taken over). */
  admit(client: ApiClientAuth): void {
    if (this.streams.size >= MAX_STREAMS) throw new AppError('unavailable', 'This instance holds as many event streams as it may; poll /v1/bundle or retry later', undefined, { 'retry-after': '30' });
    let sameKey = 0;
    for (const s of this.streams) if (s.client.keyId === client.keyId) sameKey += 1;
    if (sameKey >= MAX_STREAMS_PER_KEY) throw new AppError('rate_limited', `An API key may hold ${MAX_STREAMS_PER_KEY} event streams per instance`, undefined, { 'retry-after': '30' });
    if (!this.runtime.get(client.organizationId)) throw new AppError('unavailable', 'The policy of this organization is not loaded yet; retry shortly', undefined, { 'retry-after': '1' });
  }

  /** Takes over the response (hijacked by the caller after admit()) and sends the current version at once. */
  open(client: ApiClientAuth, presentedKey: string, res: ServerResponse, headers: Record<string, string | number | string[] | undefined>): void {
    const payload = this.eventFor(client) ?? '';
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write(`retry: 2000\n\n${payload}`);
    const stream: Stream = { client, presentedKey, res };
    this.streams.add(stream);
    const drop = () => this.streams.delete(stream);
    res.once('close', drop);
    res.once('error', drop);
  }

  /** The event for one stream: the ETag depends on the client (the bundle carries what it may assert). */
  private eventFor(client: ApiClientAuth): string | null {
    const policy = this.runtime.get(client.organizationId);
    const etag = this.decisions.bundleEtag(client);
    if (!policy || etag === null) return null;
    const data = JSON.stringify({ policyVersion: policy.version, etag });
    return `event: policy\nid: ${policy.version}\ndata: ${data}\n\n`;
  }

  private announce(organizationId: string): void {
    for (const s of this.streams) {
      if (s.client.organizationId !== organizationId) continue;
      const payload = this.eventFor(s.client);
      if (payload) s.res.write(payload);
    }
  }

  private keepAlive(): void {
    for (const s of this.streams) {
      // A key revoked or expired since the stream opened ends it.
      if (!this.apiKeys.authenticate(s.presentedKey)) this.end(s, 'revoked');
      else s.res.write(': keep-alive\n\n');
    }
  }

  private end(s: Stream, reason: string): void {
    this.streams.delete(s);
    if (!s.res.writableEnded) s.res.end(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
  }

  private endAll(reason: string): void {
    if (this.streams.size) this.logger.log(`Ending ${this.streams.size} bundle event streams (${reason})`);
    for (const s of [...this.streams]) this.end(s, reason);
  }

  onModuleDestroy(): void {
    this.jobs.stop('bundle-events-keepalive');
    this.endAll('shutdown');
  }
}
