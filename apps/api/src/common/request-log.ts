import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { BackgroundJobs } from './background-jobs';
import type { RequestLogMode } from './request-log-modes';

export type { RequestLogMode } from './request-log-modes';

/** A request that took longer than this is logged whatever the mode (except `off`). */
export const SLOW_REQUEST_MS = 1_000;
const SUMMARY_EVERY_MS = 60_000;

/** Routes called by programs for every prompt or page load: their volume is the decision log's. */
export function isMachineRoute(url: string): boolean {
  return url.startsWith('/v1/') || url.startsWith('/gateway/');
}

/** Whether a finished request gets a line of its own. */
export function logsRequest(mode: RequestLogMode, url: string, statusCode: number, elapsedMs: number): boolean {
  if (mode === 'off') return false;
  if (mode === 'all') return true;
  if (statusCode >= 400 || elapsedMs >= SLOW_REQUEST_MS) return true;
  return mode === 'auto' && !isMachineRoute(url);
}

/** What the summary line counts between two lines: requests that had no line of their own. */
export class RequestCounts {
  requests = 0;
  private byPrefix = new Map<string, number>();

  add(url: string): void {
    this.requests++;
    const prefix = routePrefix(url);
    this.byPrefix.set(prefix, (this.byPrefix.get(prefix) ?? 0) + 1);
  }

  /** The counts so far, then zero. */
  take(): { requests: number; routes: Record<string, number> } | null {
    if (this.requests === 0) return null;
    const taken = { requests: this.requests, routes: Object.fromEntries([...this.byPrefix].sort((a, b) => b[1] - a[1])) };
    this.requests = 0;
    this.byPrefix.clear();
    return taken;
  }
}

/**
 * `/v1/decisions/batch?x` → `/v1/decisions`: two segments say which API without naming ids. Up to
 * the third `/` or the `?`, by one scan: it runs for every decision, where splitting and joining
 * arrays showed up in the profile (1.4 % of a loaded worker's samples).
 */
function routePrefix(url: string): string {
  let slashes = 0;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 63 /* ? */ || (c === 47 /* / */ && ++slashes === 3)) return url.slice(0, i);
  }
  return url;
}

/**
 * Replaces Fastify's two lines per request ("incoming request", "request completed", switched off
 * in server.ts) with at most one, written when the answer is sent, as AIRLOCK_REQUEST_LOG says.
 * Logged through the request's own logger, so its request id is on the line and a route made
 * silent (QuietRequestLog: the anonymous incident portal) stays silent.
 */
@Injectable()
export class RequestLog implements OnApplicationShutdown {
  private readonly counts = new RequestCounts();
  private readonly logger: FastifyInstance['log'] | undefined;

  constructor(adapterHost: HttpAdapterHost, @Inject(APP_CONFIG) private readonly config: AppConfig, private readonly jobs: BackgroundJobs) {
    const fastify = adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    const mode = config.requestLog;
    if (!fastify || typeof fastify.addHook !== 'function' || mode === 'off') return;
    fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      const elapsed = reply.elapsedTime;
      if (logsRequest(mode, request.url, reply.statusCode, elapsed)) {
        request.log.info({ req: request, res: { statusCode: reply.statusCode }, responseTime: Math.round(elapsed * 10) / 10 }, 'request completed');
      } else if ((request.log as Logger).isLevelEnabled('info')) {
        this.counts.add(request.url);
      }
      done();
    });
    if (mode !== 'all') this.jobs.every('request-log-summary', SUMMARY_EVERY_MS, () => this.summarise());
    this.logger = fastify.log;
  }

  /** One line for the requests that had none: how many, by API. */
  summarise(): void {
    const taken = this.counts.take();
    if (taken && this.logger) this.logger.info({ requests: taken.requests, routes: taken.routes, seconds: SUMMARY_EVERY_MS / 1000 }, `${taken.requests} requests answered without a line of their own (AIRLOCK_REQUEST_LOG=${this.config.requestLog})`);
  }

  onApplicationShutdown(): void {
    this.jobs.stop('request-log-summary');
    this.summarise();
  }
}
