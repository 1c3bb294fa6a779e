import type { Span } from '@opentelemetry/api';

/**
 * OpenTelemetry traces of the console and admin API (`/api/*`, SCIM), exported over OTLP/HTTP
 * (JSON) when `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set: a
 * server span per request, named by its route (`GET /api/providers`), with a child span per
 * PostgreSQL statement it ran (the statement's text with its placeholders, never the values).
 * The decision routes (`/v1/*`, `/gateway/*`, ICAP) are not traced: they answer from memory, the
 * decision log counts them, and a span each would cost more than the decision; database work that
 * no traced request started (the decision log writer, background jobs) makes no span either.
 *
 * Nothing is loaded when no endpoint is set. The standard OTEL_* settings apply (OTEL_SERVICE_NAME,
 * default `airlock-api`; OTEL_EXPORTER_OTLP_HEADERS for an ingest key; OTEL_TRACES_SAMPLER and
 * OTEL_TRACES_SAMPLER_ARG; OTEL_RESOURCE_ATTRIBUTES). Imported first by every entry point (main,
 * worker, start-api), so that the http and pg modules are instrumented before anything loads them.
 */
interface Tracing {
  /** Names the request's server span after its route; no-op for requests not traced. */
  nameAfterRoute(method: string, route: string): void;
  /** Exports what is buffered (at shutdown). */
  shutdown(): Promise<void>;
}

const TRACED_PATHS = /^\/(api|scim)\//;

/** Whether a request path is one whose requests are traced. */
export function isTracedPath(url: string): boolean {
  return TRACED_PATHS.test(url);
}

function otlpEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
}

function start(): Tracing {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is configured */
  const api = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { defaultResource, detectResources, envDetector, resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const provider = new NodeTracerProvider({
    // The SDK's own attributes, then ours, then OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES over
    // both (a resource given here replaces the SDK's default one, which reads them, so merge it back).
    resource: defaultResource()
      .merge(resourceFromAttributes({ 'service.name': 'airlock-api', 'process.pid': process.pid }))
      .merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => !isTracedPath(req.url ?? ''),
        // Calls the API makes (an identity provider's discovery, a webhook) only inside a traced request.
        requireParentforOutgoingSpans: true,
        // No request or response headers on spans: they carry cookies, keys and CSRF tokens.
        headersToSpanAttributes: { server: { requestHeaders: [], responseHeaders: [] } },
      }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  return {
    nameAfterRoute(method, route) {
      const span: Span | undefined = api.trace.getSpan(api.context.active());
      if (!span?.isRecording()) return;
      span.updateName(`${method} ${route}`);
      span.setAttribute('http.route', route);
    },
    shutdown: () => provider.shutdown(),
  };
}

// Once per process, whichever entry point (or a second copy of this module) comes first.
const holder = globalThis as { __airlockTracing?: Tracing | null };
if (holder.__airlockTracing === undefined) holder.__airlockTracing = otlpEndpoint(process.env) ? start() : null;

/** The process's tracing, or null when no OTLP endpoint is set. */
export const tracing: Tracing | null = holder.__airlockTracing ?? null;
