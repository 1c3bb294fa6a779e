import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Route config key: `@RouteConfig({ [QUIET_REQUEST_LOG]: true })` turns off Fastify's request log
 * lines ("incoming request" / "request completed", which carry the client IP and the path) for that
 * route. The employee portal's incident routes use it: an anonymous report, and even opening the
 * report form or checking a status code, must leave no line that ties an address to a report.
 * Errors are still logged by the error filter, with the route pattern and never the user.
 */
export const QUIET_REQUEST_LOG = 'airlockQuietRequestLog';

/**
 * Installs the onRoute hook that reads the marker. Instantiated while Nest builds the application,
 * which is before Nest registers its routes with Fastify, so the hook sees every route.
 */
@Injectable()
export class QuietRequestLog {
  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify || typeof fastify.addHook !== 'function') return;
    fastify.addHook('onRoute', (route) => {
      if ((route.config as Record<string, unknown> | undefined)?.[QUIET_REQUEST_LOG] === true) route.logLevel = 'silent';
    });
  }
}
