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
  readonly decisionLogDropped = new Counter({
    name: 'airlock_decision_log_dropped_total',
    help: 'Decision log entries dropped: the write buffer was full, or their organization no longer existed',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'airlock_process_' });
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
