/**
 * tracing.ts: off (and the OpenTelemetry SDK never loaded) without an OTLP endpoint; only the
 * console, admin and SCIM paths are traced. The export itself is tested against a receiver in
 * test/integration/tracing.e2e-spec.ts.
 */
describe('tracing', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    delete (globalThis as { __airlockTracing?: unknown }).__airlockTracing;
  });

  it('is off and loads no OpenTelemetry module without an endpoint', () => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
    delete (globalThis as { __airlockTracing?: unknown }).__airlockTracing;
    jest.isolateModules(() => {
      for (const m of ['@opentelemetry/sdk-trace-node', '@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-pg', '@opentelemetry/exporter-trace-otlp-http']) {
        jest.doMock(m, () => {
          throw new Error(`${m} loaded`);
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { tracing } = require('./tracing') as typeof import('./tracing');
      expect(tracing).toBeNull();
    });
  });

  it('traces the console, admin and SCIM paths, never the decision paths', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { isTracedPath } = require('./tracing') as typeof import('./tracing');
    for (const p of ['/api/providers', '/api/auth/login', '/scim/v2/Users']) expect([p, isTracedPath(p)]).toEqual([p, true]);
    for (const p of ['/v1/decisions', '/v1/decisions/batch', '/v1/bundle', '/gateway/openai/v1/chat/completions', '/readyz', '/metrics', '/', '/apiary']) {
      expect([p, isTracedPath(p)]).toEqual([p, false]);
    }
  });
});
