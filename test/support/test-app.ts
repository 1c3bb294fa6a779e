import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../apps/api/src/config/config';
import { PrismaService } from '../../apps/api/src/database/prisma.service';
import { closeGracefully, createApp } from '../../apps/api/src/server';
import { createTestDatabase } from './database';

export const ADMIN_EMAIL = 'owner@airlock.test';
export const ADMIN_PASSWORD = 'correct horse battery staple';
export const BOOTSTRAP_KEY = 'ak_test_bootstrap_key_0123456789abcdef';

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  databaseUrl: string;
  prisma: PrismaService;
  close(): Promise<void>;
  /** fetch against the app; JSON bodies are serialised. */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** A signed-in browser-like session (cookie jar + CSRF header on mutations). */
  login(email?: string, password?: string): Promise<Session>;
  /** Decision API call with a Bearer key (the bootstrap key by default). */
  decide(body: unknown, key?: string): Promise<Response>;
}

export interface Session {
  csrfToken: string;
  cookie: string;
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  json<T = any>(path: string, init?: RequestInit & { json?: unknown }): Promise<T>;
}

function withJson(init: (RequestInit & { json?: unknown }) | undefined): RequestInit {
  if (!init || init.json === undefined) return init ?? {};
  const { json, headers, ...rest } = init;
  return { ...rest, body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...(headers as Record<string, string>) } };
}

/**
 * The real API on a fresh database cloned from the migrated template, listening on a free port.
 * `env` overrides configuration (e.g. AIRLOCK_DEMO_DATA); `database` is one the test prepared itself.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: { shareDatabaseWith?: TestApp; database?: { url: string; drop(): Promise<void> } } = {},
): Promise<TestApp> {
  // A second instance on the same database (LISTEN/NOTIFY tests) must not drop it on close.
  const db = opts.database ?? (opts.shareDatabaseWith ? { url: opts.shareDatabaseWith.databaseUrl, drop: async () => undefined } : await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '5',
    AIRLOCK_MIGRATE: 'false',
    PORT: '1',
    HOST: '127.0.0.1',
    AIRLOCK_ADMIN_EMAIL: ADMIN_EMAIL,
    AIRLOCK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    AIRLOCK_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY,
    AIRLOCK_DEMO_DATA: 'false',
    AIRLOCK_LOG_LEVEL: 'warn',
    AIRLOCK_POLICY_POLL_SECONDS: '1',
    AIRLOCK_DECISION_LOG_FLUSH_MS: '100',
    ...env,
  });
  let app: NestFastifyApplication;
  try {
    app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    await db.drop();
    throw err;
  }
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const request = (path: string, init?: RequestInit & { json?: unknown }) => fetch(url + path, withJson(init));
  const t: TestApp = {
    app,
    url,
    databaseUrl: db.url,
    prisma: app.get(PrismaService),
    request,
    async close() {
      await closeGracefully(app, 2_000);
      await db.drop();
    },
    decide(body: unknown, key = BOOTSTRAP_KEY) {
      return request('/v1/decisions', { method: 'POST', json: body, headers: { authorization: `Bearer ${key}` } });
    },
    login(email = ADMIN_EMAIL, password = ADMIN_PASSWORD) {
      return signIn(url, email, password);
    },
  };
  return t;
}

/**
 * Signs in to the API at `url` (an in-process TestApp or an API in its own process) and returns a
 * browser-like session: the cookies, and the CSRF header on every mutation.
 */
export async function signIn(url: string, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, withJson({ method: 'POST', json: { email, password } }));
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const session: Session = {
    csrfToken,
    cookie: setCookie,
    request(path, init) {
      const i = withJson(init);
      const method = (i.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = { cookie: setCookie, ...(i.headers as Record<string, string>) };
      if (!['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] ??= csrfToken;
      return fetch(url + path, { ...i, headers });
    },
    async json(path, init) {
      const res = await session.request(path, init);
      const text = await res.text();
      if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path} -> ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
  };
  return session;
}
