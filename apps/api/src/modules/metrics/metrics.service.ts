import { Injectable } from '@nestjs/common';
import type { Effect } from '@airlock/policy-engine';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics, served at /metrics. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly decisions = new Counter({
    name: 'airlock_decisions_total',
    help: 'Decisions answered, by effect',
    labelNames: ['effect'] as const,
    registers: [this.registry],
  });
  /** One child per effect, bound once: incrementing a labelled counter hashes its labels every time. */
  readonly decisionsByEffect: Readonly<Record<Effect, Counter.Internal>> = Object.freeze({
    allow: this.decisions.labels('allow'),
    warn: this.decisions.labels('warn'),
    redact: this.decisions.labels('redact'),
    block: this.decisions.labels('block'),
  });
  readonly decisionSeconds = new Histogram({
    name: 'airlock_decision_seconds',
    help: 'Server time per decision (inspection and evaluation), seconds',
    buckets: [0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
    registers: [this.registry],
  });
  /** The ICAP service: connections accepted and answers by ICAP status (100 Continue, 204, 200, errors). */
  readonly icapConnections = new Counter({
    name: 'airlock_icap_connections_total',
    help: 'ICAP connections accepted (a proxy keeps them open for many transactions)',
    registers: [this.registry],
  });
  readonly icapAnswers = new Counter({
    name: 'airlock_icap_answers_total',
    help: 'ICAP answers by status: 100 (body asked for after the preview), 204 (unchanged), 200 (rewritten, blocked or echoed), 4xx/5xx',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly decisionLogDropped = new Counter({
    name: 'airlock_decision_log_dropped_total',
    help: 'Decision log entries dropped: the write buffer was full, or their organization no longer existed',
    registers: [this.registry],
  });

  readonly decisionLogWritten = new Counter({
    name: 'airlock_decision_log_written_total',
    help: 'Decision log entries written to the database',
    registers: [this.registry],
  });
  readonly decisionLogWriteFailures = new Counter({
    name: 'airlock_decision_log_write_failures_total',
    help: 'Failed attempts to write a batch of decision logs (the batch stays buffered and is retried)',
    registers: [this.registry],
  });
  private readonly rateLimitedTotal = new Counter({
    name: 'airlock_rate_limited_total',
    help: 'Requests refused with 429, by limit: ip (unauthenticated per address), route (sign-in and other sensitive routes), key (an API key\'s own limit)',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = Object.freeze({
    ip: this.rateLimitedTotal.labels('ip'),
    route: this.rateLimitedTotal.labels('route'),
    key: this.rateLimitedTotal.labels('key'),
  });
  private readonly httpResponses = new Counter({
    name: 'airlock_http_responses_total',
    help: 'HTTP answers by status code (429 and 503 included)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  private readonly byStatus = new Map<number, Counter.Internal>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'airlock_process_' });
  }

  /** Counts one HTTP answer (the child counter per status is bound once). */
  countResponse(status: number): void {
    let c = this.byStatus.get(status);
    if (!c) {
      c = this.httpResponses.labels(String(status));
      this.byStatus.set(status, c);
    }
    c.inc();
  }

  /** A gauge whose labelled values are read at scrape time (per organization, per pool). */
  registerLabelledGauge<L extends string>(name: string, help: string, labelNames: readonly L[], read: () => Iterable<[Record<L, string>, number]>): void {
    if (this.registry.getSingleMetric(name)) return;
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, value] of read()) this.set(labels as never, value);
      },
    });
  }

  registerGauge(name: string, help: string, read: () => number): void {
    if (this.registry.getSingleMetric(name)) return;
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }
}
