import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { AppModule } from './app.module';
import { sendError } from './common/error.filter';
import { isScimPath } from './common/scim-error-response';
import { toErrorResponse } from './common/error-response';
import { AppError } from './common/errors';
import { createRootLogger, PinoNestLogger } from './common/logger';
import { computeSecurityHeaders, machineApiHeaders } from './common/security-headers';
import { repoPath } from './common/paths';
import { requestIdFor } from './common/request-id';
import { APP_CONFIG, type AppConfig, loadConfig } from './config/config';
import { applyPendingMigrations } from './database/migrations';
import { BootstrapService } from './modules/bootstrap/bootstrap.service';
import { DecisionRoutes } from './modules/decisions/decision-routes';
import { DecisionFileRoutes } from './modules/decisions/decision-file-routes';
import { GatewayRoutes } from './modules/gateway/gateway-routes';
import { NetworkRoutes } from './modules/network/network-routes';
import { isUploading, registerDiscoveryUploads } from './modules/discovery/discovery-uploads';
import { IcapListener } from './modules/icap/icap.listener';
import { REPORT_MAX_BYTES } from '@airlock/contracts';
import { ReadinessService } from './modules/health/readiness.service';
import { MetricsService } from './modules/metrics/metrics.service';
import { InstanceRegistry } from './modules/policy/instance-registry.service';
import { isTracedPath, tracing } from './tracing';

/**
 * Body limits: a decision carries up to 1 MiB of text; a batch up to 100 of them with 2 MiB of
 * text together (decision-routes.ts), JSON escapes and metadata on top; the rest is small.
 */
export const BODY_LIMITS = {
  default: 256 * 1024,
  decision: 1024 * 1024 + 64 * 1024,
  batch: 4 * 1024 * 1024,
  /** POST /v1/decisions/report (libs/contracts REPORT_MAX_BYTES). */
  report: REPORT_MAX_BYTES,
} as const;

const MAX_PARAM_LENGTH = 200;

export interface StartedServer {
  app: NestFastifyApplication;
  url: string;
  config: AppConfig;
  /** Lines telling a newcomer how to sign in (the generated password on first start). */
  signInHelp: string[];
  close(): Promise<void>;
}

export async function createApp(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config.logLevel, config.logFormat);
  if (config.migrateOnStart) {
    const applied = await applyPendingMigrations(config.migrateDatabaseUrl);
    if (applied.length) logger.info({ applied }, `Applied ${applied.length} migration(s)`);
  }
  const requestTimeoutMs = config.requestTimeoutSeconds * 1000;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Fastify's two lines per request are replaced by common/request-log.ts (AIRLOCK_REQUEST_LOG).
    logController: new LogController({ disableRequestLogging: true }),
    // A client has this long to send a whole request, headers included; then it gets a 408 and the
    // connection closes (Fastify's default is no limit, which lets slow senders hold connections).
    requestTimeout: requestTimeoutMs,
    http: { headersTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.max(250, Math.min(5_000, requestTimeoutMs / 4)) },
    clientErrorHandler: (error, socket) => answerClientError(error, socket, config.requestTimeoutSeconds),
    // A hop count trusts that many proxies nearest to Airlock (proxy-addr's hop index: 0 is the socket).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    // While closing, requests that still arrive on open keep-alive connections are answered (with
    // Connection: close) rather than refused with 503: the load balancer was told by /readyz.
    return503OnClosing: false,
    bodyLimit: BODY_LIMITS.batch,
    // The client's X-Request-Id only when short and plain (it is logged and audited), else a UUID.
    requestIdHeader: false,
    genReqId: requestIdFor,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Errors Fastify raises before routing (bad percent-encoding, overlong parameters) get the envelope too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => sendError(reply, request, error),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    bufferLogs: false,
    abortOnError: false,
    // JSON bodies go through Fastify's own parser (secure-json-parse, per-route body limits): Nest's
    // wrapper reads them as a Buffer and re-creates the parser on every request. Forms keep Nest's
    // parser so a cross-site form post still reaches the CSRF check and gets its 403.
    bodyParser: false,
  });
  app.useBodyParser('application/x-www-form-urlencoded');
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await registerHttpPlugins(fastify, config, app.get(MetricsService), app.get(InstanceRegistry).id);
  app.get(DecisionRoutes).register(fastify);
  app.get(DecisionFileRoutes).register(fastify);
  app.get(GatewayRoutes).register(fastify);
  app.get(NetworkRoutes).register(fastify);
  registerDiscoveryUploads(fastify);
  serveAdminUi(fastify, config);
  return app;
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/**
 * Errors Node raises on a connection before there is a request to route (the request did not
 * arrive in time, headers over Node's size limit, bytes that are not HTTP): answered in the API's
 * error envelope, then the connection is closed, as Fastify's own handler does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket, timeoutSeconds: number): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // A log streaming into a discovery import may take longer than the request timeout; the import's
  // own idle timeout bounds it (modules/discovery/discovery-uploads.ts).
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && isUploading(socket)) return;
  const problem =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new AppError('request_timeout', `The request did not arrive in full within ${timeoutSeconds} s`)
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new AppError('headers_too_large', `The request headers are larger than this API accepts (${maxHeaderSize / 1024} KiB)`)
        : new AppError('bad_request', 'The request is not valid HTTP/1.1');
  if (socket.writable) {
    const { status, body } = toErrorResponse(problem);
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}

async function registerHttpPlugins(fastify: FastifyInstance, config: AppConfig, metrics: MetricsService, instanceId: string): Promise<void> {
  await fastify.register(fastifyCookie);
  // helmet's headers do not depend on the request: compute them once instead of on every request.
  const securityHeaders = computeSecurityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // MUI (emotion) injects style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith('https://') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  const pageHeaders = { ...securityHeaders, 'x-airlock-instance': instanceId };
  const apiHeaders = { ...machineApiHeaders(securityHeaders), 'x-airlock-instance': instanceId };
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith('/v1/') || request.url.startsWith('/gateway/') || isScimPath(request.url) ? apiHeaders : pageHeaders);
    void reply.header('x-request-id', request.id);
    done();
  });
  // With OpenTelemetry on (tracing.ts), the console and admin API's spans are named by their route.
  if (tracing) {
    const traced = tracing;
    fastify.addHook('onRequest', (request, _reply, done) => {
      if (isTracedPath(request.url)) traced.nameAfterRoute(request.method, request.routeOptions.url ?? request.url.split('?')[0]!);
      done();
    });
  }
  // SCIM (RFC 7644 3.1): identity providers send application/scim+json and expect it back.
  fastify.addContentTypeParser('application/scim+json', { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'));
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (isScimPath(request.url) && String(reply.getHeader('content-type') ?? '').startsWith('application/json')) {
      void reply.header('content-type', 'application/scim+json; charset=utf-8');
    }
    done(null, payload);
  });
  fastify.addHook('onResponse', (_request, reply, done) => {
    metrics.countResponse(reply.statusCode);
    done();
  });
  // CORS is closed unless AIRLOCK_CORS_ORIGINS names origins.
  await fastify.register(fastifyCors, {
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['Content-Range', 'ETag', 'Retry-After', 'X-Request-Id', 'X-Airlock-Instance'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-CSRF-Token', 'Idempotency-Key', 'If-None-Match', 'X-Request-Id'],
  });
  // Per-route body limits (Nest registers its routes after this hook is in place).
  fastify.addHook('onRoute', (route) => {
    // The OPA-compatible data API takes a decision request as its input (modules/network).
    if (route.url === '/v1/decisions' || route.url === '/api/policy/simulate' || route.url.startsWith('/v1/data/airlock/')) route.bodyLimit = BODY_LIMITS.decision;
    else if (route.url === '/v1/decisions/batch') route.bodyLimit = BODY_LIMITS.batch;
    else if (route.url === '/v1/decisions/report') route.bodyLimit = BODY_LIMITS.report;
    else route.bodyLimit ??= BODY_LIMITS.default;
  });
}

/** Vite's output under assets/ carries a content hash in its name (`index-BjR4x2aQ.js`). */
export function isHashedAsset(relativePath: string): boolean {
  return /^assets[\\/][^\\/]+-[\w-]{8,}\.[a-z0-9]+$/i.test(relativePath);
}

function serveAdminUi(fastify: FastifyInstance, config: AppConfig): void {
  const dir = config.adminUiDir ? path.resolve(config.adminUiDir) : repoPath('apps', 'admin', 'dist');
  const index = path.join(dir, 'index.html');
  const hasUi = existsSync(index);
  if (hasUi) {
    // The console's build writes a .br and a .gz beside every text asset (apps/admin/vite.config.ts);
    // `preCompressed` sends the one the browser accepts. Vite names assets/ by their content hash,
    // so those are cached for a year; index.html is revalidated on every load (it names the current
    // assets); other files (favicon, robots) are kept for an hour.
    void fastify.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, filePath: string) => {
        // With preCompressed, filePath is the .br or .gz beside the file asked for.
        const relative = path.relative(dir, filePath).replace(/\.(br|gz)$/, '');
        reply.header('cache-control', isHashedAsset(relative) ? 'public, max-age=31536000, immutable' : relative === 'index.html' ? 'no-cache' : 'public, max-age=3600');
      },
    });
  }
  // The admin console is a single-page app: every other GET outside the API loads index.html.
  // find-my-way tries this wildcard only after every specific route (Nest's and the assets').
  fastify.get('/*', (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isApi = /^\/(api|v1|scim|healthz|readyz|metrics|docs)(\/|$)/.test(url);
    if (isApi || !hasUi) {
      // A segment over maxParamLength made the parameterised route miss and land here.
      const tooLong = url.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH);
      sendError(reply, request, tooLong ? new AppError('uri_too_long', 'A path parameter is longer than this API accepts') : new AppError('not_found', `No such endpoint: GET ${url}`));
      return;
    }
    return reply.sendFile('index.html', dir);
  });
}

export async function startServer(config: AppConfig = loadConfig()): Promise<StartedServer> {
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  // The ICAP service for web proxies, when AIRLOCK_ICAP_PORT is set (after the HTTP listener, as it needs the same loaded policies).
  await app.get(IcapListener).start();
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  return {
    app,
    config: app.get<AppConfig>(APP_CONFIG),
    url: `http://${host}:${port}`,
    signInHelp: app.get(BootstrapService).signInHelp(),
    close: async () => {
      await closeGracefully(app);
      await tracing?.shutdown();
    },
  };
}

/**
 * Stops the API without losing an answered decision, in this order:
 * 1. /readyz answers "draining" (503) while everything is still served, for
 *    AIRLOCK_SHUTDOWN_GRACE_SECONDS, so a load balancer stops sending new requests;
 * 2. the listener closes: new connections are refused, idle keep-alive connections closed,
 *    requests in flight finish; after `deadlineMs` the connections still open (a client that never
 *    finishes sending its request, say) are cut;
 * 3. only then Nest's shutdown hooks run: the decision log writer flushes everything answered
 *    (nothing can be added any more), then the pools close.
 */
export async function closeGracefully(app: INestApplication, deadlineMs = 10_000): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.get(ReadinessService).beginDraining();
  if (config.shutdownGraceSeconds > 0) await new Promise((r) => setTimeout(r, config.shutdownGraceSeconds * 1000));
  const http = app.getHttpServer() as import('node:http').Server;
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await app.get(IcapListener).close(deadlineMs);
  const timer = setTimeout(() => http.closeAllConnections(), deadlineMs);
  timer.unref();
  try {
    await fastify.close();
  } finally {
    clearTimeout(timer);
  }
  // Nest closes its HTTP adapter again in app.close(); Fastify answers that second close at once.
  await app.close();
}

export type { INestApplication };
