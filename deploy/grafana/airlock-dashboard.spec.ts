import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MetricsService } from '../../apps/api/src/modules/metrics/metrics.service';

/**
 * The Grafana dashboard reads only metrics the API exports: a renamed or removed metric fails here
 * rather than leaving an on-call engineer with an empty panel during an incident.
 */
const ROOT = path.resolve(__dirname, '../..');
const dashboard = JSON.parse(readFileSync(path.join(__dirname, 'airlock-dashboard.json'), 'utf8')) as {
  panels: { title: string; targets: { expr: string }[] }[];
};

/** Metric families the API exports, with the series names Prometheus derives from each. */
function exported(): Set<string> {
  const names = new Set<string>();
  const add = (name: string, type: string) => {
    names.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
  };
  // Counters, histograms and the process metrics, as the service registers them.
  for (const m of new MetricsService().registry.getMetricsAsArray()) add(m.name, String(m.type));
  // Gauges read at scrape time, registered by the services that own the values.
  const sources = readdirSync(path.join(ROOT, 'apps/api/src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
  for (const f of sources) {
    const text = readFileSync(path.join(ROOT, 'apps/api/src', f), 'utf8');
    for (const m of text.matchAll(/register(?:Labelled)?Gauge\(\s*'(airlock_\w+)'/g)) add(m[1]!, 'gauge');
  }
  return names;
}

describe('deploy/grafana/airlock-dashboard.json', () => {
  const names = exported();

  it('queries only metrics the API exports', () => {
    const unknown: string[] = [];
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        for (const [metric] of target.expr.matchAll(/\bairlock_[a-z0-9_]+\b/g)) if (!names.has(metric)) unknown.push(`${panel.title}: ${metric}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('covers what the on-call engineer needs (issue 18)', () => {
    const queried = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    for (const metric of [
      'airlock_decisions_total',
      'airlock_decision_seconds_bucket',
      'airlock_decision_log_buffer',
      'airlock_decision_log_dropped_total',
      'airlock_policy_version',
      'airlock_policy_age_seconds',
      'airlock_db_pool_connections',
      'airlock_process_nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(queried).toContain(metric);
    }
  });

  it('names each panel and explains it, with its data source chosen on import', () => {
    for (const panel of dashboard.panels as unknown as { title: string; description: string; datasource: { uid: string } }[]) {
      expect(panel.title).toBeTruthy();
      expect(panel.description.length).toBeGreaterThan(20);
      expect(panel.datasource.uid).toBe('${datasource}');
    }
  });
});
