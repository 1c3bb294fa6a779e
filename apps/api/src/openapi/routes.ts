import type { ModulesContainer } from '@nestjs/core';
import type { z } from 'zod';
import { ZodPipe } from '../common/zod-pipe';
import { ACCESS_KEY, type AccessRule, STEP_UP_KEY } from '../modules/auth/access.decorators';
import { FILE_NATIVE_ROUTES } from '../modules/decisions/decision-file-routes';
import { NATIVE_ROUTES } from '../modules/decisions/decision-routes';
import { GATEWAY_NATIVE_ROUTES } from '../modules/gateway/gateway-routes';
import { NETWORK_NATIVE_ROUTES } from '../modules/network/network-routes';

/** Nest's metadata keys and enums (@nestjs/common/constants), spelled out: that module is not a public entry point. */
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';
const HTTP_CODE_METADATA = '__httpCode__';
const ROUTE_ARGS_METADATA = '__routeArguments__';
const REQUEST_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD'] as const;
const BODY_PARAM = 3;
const QUERY_PARAM = 4;

export interface AppRoute {
  method: string;
  /** Fastify-style path with :params. */
  path: string;
  /** Controller.method, for messages. */
  handler: string;
  /** The declared access rule (method over class), or null when the route declares none. */
  rule: AccessRule | null;
  /** True when the handler reads a JSON body (@Body). */
  takesBody: boolean;
  /** The zod schema its body is parsed with (`@Body(body(schema))`), when it has one. */
  bodySchema?: z.ZodType;
  /** The zod schema its whole query string is parsed with (`@Query(new ZodPipe(schema))`). */
  querySchema?: z.ZodType;
  /** True when the route always needs a fresh second factor from a user who has one (@StepUp). */
  stepUp: boolean;
  /** The status of a success (@HttpCode, else Nest's default: 201 for POST, 200 otherwise). */
  status: number;
  params: string[];
}

function joinPath(...parts: string[]): string {
  return `/${parts
    .map((s) => s.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

function zodPipeOf(arg: unknown): z.ZodType | undefined {
  const pipes = (arg as { pipes?: unknown[]; data?: unknown } | undefined)?.pipes ?? [];
  const pipe = pipes.find((p): p is ZodPipe<z.ZodType> => p instanceof ZodPipe);
  return pipe?.schema;
}

/**
 * Every route of the running app, found by walking Nest's module container (controllers and their
 * route metadata, as Nest's own router explorer does) plus the decision API's native Fastify routes
 * (NATIVE_ROUTES), so routes other modules add later are included without editing any list. The
 * OpenAPI document is built from this; tests cross-check it against what Fastify serves.
 */
export function discoverAppRoutes(container: ModulesContainer): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const mod of container.values()) {
    for (const wrapper of mod.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!type) continue;
      const base = Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined;
      const bases = Array.isArray(base) ? base : [base ?? ''];
      const classRule = (Reflect.getMetadata(ACCESS_KEY, type) as AccessRule | undefined) ?? null;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        if (name === 'constructor') continue;
        const fn = (type.prototype as Record<string, unknown>)[name];
        if (typeof fn !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        const methodIndex = Reflect.getMetadata(METHOD_METADATA, fn) as number | undefined;
        if (sub === undefined || methodIndex === undefined) continue;
        const method = REQUEST_METHODS[methodIndex] ?? String(methodIndex);
        const rule = (Reflect.getMetadata(ACCESS_KEY, fn) as AccessRule | undefined) ?? classRule;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, { data?: unknown }>;
        const argsOf = (paramtype: number) => Object.entries(args).filter(([k]) => Number(k.split(':')[0]) === paramtype).map(([, v]) => v);
        const bodyArgs = argsOf(BODY_PARAM);
        const wholeQuery = argsOf(QUERY_PARAM).find((a) => a.data === undefined);
        const bodySchema = bodyArgs.map(zodPipeOf).find(Boolean);
        const querySchema = wholeQuery ? zodPipeOf(wholeQuery) : undefined;
        const status = (Reflect.getMetadata(HTTP_CODE_METADATA, fn) as number | undefined) ?? (method === 'POST' ? 201 : 200);
        for (const b of bases) {
          for (const s of Array.isArray(sub) ? sub : [sub]) {
            const path = joinPath(b, s);
            routes.push({
              method,
              path,
              handler: `${type.name}.${name}`,
              rule,
              takesBody: bodyArgs.length > 0,
              ...(bodySchema ? { bodySchema } : {}),
              ...(querySchema ? { querySchema } : {}),
              stepUp: Reflect.getMetadata(STEP_UP_KEY, fn) === true,
              status,
              params: [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!),
            });
          }
        }
      }
    }
  }
  // The decision API's hot routes are registered on Fastify directly (decision-routes.ts) and
  // declare their access rule in NATIVE_ROUTES.
  for (const r of [...NATIVE_ROUTES, ...FILE_NATIVE_ROUTES, ...GATEWAY_NATIVE_ROUTES]) {
    routes.push({ method: r.method, path: r.path, handler: `native ${r.path}`, rule: r.rule, takesBody: r.takesBody, stepUp: false, status: 200, params: [] });
  }
  // The network routes share paths between methods (Envoy's check request keeps the original method).
  for (const r of NETWORK_NATIVE_ROUTES) {
    const params = [...r.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
    routes.push({ method: r.method, path: r.path, handler: `native ${r.method} ${r.path.replace('*', 'any')}`, rule: r.rule, takesBody: r.takesBody, stepUp: false, status: 200, params });
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
