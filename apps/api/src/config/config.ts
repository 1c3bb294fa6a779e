import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { REQUEST_LOG_MODES } from '../common/request-log-modes';
import { autoWorkers } from './usable-cores';

/** The default body limit of the gateway and guardrail routes (AIRLOCK_GATEWAY_MAX_BODY_BYTES). */
export const GATEWAY_MAX_BODY_DEFAULT = 8 * 1024 * 1024;
/** The default size limit of a file sent to POST /v1/decisions/file (AIRLOCK_FILE_MAX_BYTES). */
export const FILE_MAX_BYTES_DEFAULT = 25 * 1024 * 1024;
/** The default body limit of the ICAP service (AIRLOCK_ICAP_MAX_BODY_BYTES). */
export const ICAP_MAX_BODY_DEFAULT = 2 * 1024 * 1024;

/**
 * Typed configuration, read from the environment in one place and validated at boot: a wrong value
 * stops the start with a message naming the variable. See the README's configuration table.
 */
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));
const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().default(fallback);
const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/**
 * Which X-Forwarded-For hops to believe: none (`false`), every one (`true`: the left-most address,
 * which the client itself can write), the last N hops (`1` behind one load balancer), or only the
 * hops that come from the proxies' addresses and networks (`10.0.0.0/8,192.0.2.7`).
 */
export type TrustProxy = boolean | number | string[];

const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): TrustProxy => {
    const value = (v ?? 'false').trim();
    if (/^(false|no|0)$/i.test(value)) return false;
    if (/^(true|yes)$/i.test(value)) return true;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops >= 1 && hops <= 20) return hops;
      ctx.addIssue({ code: 'custom', message: `must be false, true, a hop count from 1 to 20, or a comma-separated list of proxy addresses and CIDR networks (${value} hops is out of range)` });
      return z.NEVER;
    }
    const entries = value.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = entries.filter((e) => !isAddressOrNetwork(e));
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be false, true, a hop count from 1 to 20, or a comma-separated list of proxy addresses and CIDR networks (not: ${bad.join(', ') || value})`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * A proxy address or network written the usual way: dotted-quad IPv4 or IPv6, optionally with a
 * prefix length. ipaddr.js alone also takes `21` or `0x7f.1` as IPv4 addresses, which would make a
 * mistyped hop count silently trust nobody.
 */
function isAddressOrNetwork(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  if (rest.length) return false;
  const v4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!v4 && !ipaddr.IPv6.isValid(address)) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A host name or address that never leaves the machine (no TLS needed to reach it). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(h)) return false;
  const addr = ipaddr.process(h);
  return addr.range() === 'loopback';
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional().default('development'),
  PORT: int(3000, 1, 65535),
  HOST: z.string().min(1).optional().default('127.0.0.1'),
  DATABASE_URL: z
    .string({ error: 'is required (npm start sets it to the embedded database when unset)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  AIRLOCK_MIGRATE_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
  DATABASE_POOL_SIZE: int(10, 1, 200),
  /**
   * How long the API waits for an answer to a statement before it gives up on it (a database that
   * accepts connections but has stopped answering: frozen, a network path that drops packets). Above
   * the server's own statement timeout (30 s), which cancels a statement that is merely slow.
   */
  DATABASE_QUERY_TIMEOUT_SECONDS: int(35, 1, 3600),
  AIRLOCK_PUBLIC_URL: z.url().optional(),
  AIRLOCK_MIGRATE: bool(true),
  AIRLOCK_EMBEDDED_DB: bool(false),
  AIRLOCK_DEMO_DATA: bool(false).optional(),
  AIRLOCK_ORG_NAME: z.string().min(1).max(200).optional().default('Example Organization'),
  AIRLOCK_ADMIN_EMAIL: z.email().optional().default('admin@example.com'),
  AIRLOCK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  AIRLOCK_BOOTSTRAP_API_KEY: z.string().min(20).max(256).optional(),
  AIRLOCK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AIRLOCK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  AIRLOCK_LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).optional().default('auto'),
  AIRLOCK_REQUEST_LOG: z.enum(REQUEST_LOG_MODES).optional().default('auto'),
  AIRLOCK_TRUST_PROXY: trustProxy,
  AIRLOCK_CORS_ORIGINS: list,
  AIRLOCK_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).optional().default('auto'),
  AIRLOCK_SESSION_HOURS: int(12, 1, 24 * 30),
  AIRLOCK_POLICY_POLL_SECONDS: int(5, 1, 3600),
  AIRLOCK_DECISION_LOG_BUFFER: int(20000, 100, 10_000_000),
  AIRLOCK_DECISION_LOG_FLUSH_MS: int(1000, 50, 60_000),
  /** Days of decision log kept; whole months older are dropped daily. 0 keeps everything. */
  AIRLOCK_DECISION_LOG_RETENTION_DAYS: int(400, 0, 36_500),
  AIRLOCK_RATE_LIMIT_PER_IP: int(1200, 1, 1_000_000),
  /** Redis or Valkey through which the instances share their rate limits (redis:// or rediss://). */
  AIRLOCK_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  AIRLOCK_WEBHOOK_ALLOW_PRIVATE: list,
  /** Gateway upstreams on non-public addresses (host names or CIDRs), e.g. a model server on the LAN; same rules as webhooks. */
  AIRLOCK_GATEWAY_ALLOW_PRIVATE: list,
  /** Largest request body the AI gateway accepts (bytes). */
  AIRLOCK_GATEWAY_MAX_BODY_BYTES: int(GATEWAY_MAX_BODY_DEFAULT, 1024, 64 * 1024 * 1024),
  /** Largest file POST /v1/decisions/file reads the text of (bytes). */
  AIRLOCK_FILE_MAX_BYTES: int(FILE_MAX_BYTES_DEFAULT, 1024, 256 * 1024 * 1024),
  /** SIEM destinations on non-public addresses (host names or CIDRs), e.g. a collector on the LAN; same rules as webhooks. */
  AIRLOCK_SIEM_ALLOW_PRIVATE: list,
  /** Events each SIEM destination buffers in memory on each instance; beyond it new events are dropped and counted. */
  AIRLOCK_SIEM_BUFFER: int(10_000, 10, 1_000_000),
  /** Longest wait between two attempts to reach a SIEM destination (exponential backoff with jitter up to it). */
  AIRLOCK_SIEM_BACKOFF_MAX_MS: int(30_000, 100, 600_000),
  /** The ICAP listener (RFC 3507) for web proxies: off unless a port is set (1344 is the usual one). */
  AIRLOCK_ICAP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  AIRLOCK_ICAP_HOST: z.string().min(1).optional(),
  /** A `decide` API key used when an ICAP request carries none (one organization per installation). */
  AIRLOCK_ICAP_API_KEY: z.string().min(20).max(256).optional(),
  /** Largest HTTP body the ICAP service inspects (bytes); past it AIRLOCK_ICAP_FAIL decides. */
  AIRLOCK_ICAP_MAX_BODY_BYTES: int(ICAP_MAX_BODY_DEFAULT, 1024, 64 * 1024 * 1024),
  /** What a body past the limit, or a policy not loaded, gets: `closed` blocks, `open` lets it pass uninspected. */
  AIRLOCK_ICAP_FAIL: z.enum(['open', 'closed']).optional().default('closed'),
  AIRLOCK_ICAP_CLIENT_IP_HEADER: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name').optional().default('X-Client-IP'),
  AIRLOCK_ICAP_USER_HEADER: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name').optional().default('X-Authenticated-User'),
  /** `base64` when the proxy encodes the user name (Squid's icap_client_username_encode on). */
  AIRLOCK_ICAP_USER_ENCODING: z.enum(['plain', 'base64']).optional().default('plain'),
  /** Appended as `@domain` to a user name without one, so the directory finds the person by e-mail. */
  AIRLOCK_ICAP_USER_DOMAIN: z.string().regex(/^[A-Za-z0-9.-]{1,253}$/, 'must be a domain name').optional(),
  AIRLOCK_ADMIN_UI_DIR: z.string().optional(),
  /** The block-page proxy (docs/integrations/pac.md): a port to listen on; unset, it does not run. */
  AIRLOCK_BLOCK_PAGE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The address the block-page proxy listens on (default: HOST). */
  AIRLOCK_BLOCK_PAGE_HOST: z.string().min(1).max(255).optional(),
  /** host:port the PAC export sends blocked services to (the block-page proxy as browsers reach it). */
  AIRLOCK_BLOCK_PAGE_PROXY: z
    .string()
    .optional()
    .refine((v) => v === undefined || isHostPort(v), { error: 'must be host:port (a host name or IP address and a port), e.g. airlock.example.com:8099' }),
  AIRLOCK_MAIL_TRANSPORT: z.enum(['log', 'smtp']).optional().default('log'),
  AIRLOCK_SMTP_URL: z
    .string()
    .optional()
    // The message never repeats the value: the URL carries the SMTP password.
    .refine((v) => v === undefined || isSmtpUrl(v), { error: 'must be an smtp:// or smtps:// URL with a host (smtps://user:password@mail.example.com:465)' }),
  AIRLOCK_SMTP_REQUIRE_TLS: bool(true).optional(),
  AIRLOCK_MAIL_FROM: z.string().min(3).max(320).optional().default('Airlock <airlock@localhost>'),
  AIRLOCK_MAIL_LOG_BODIES: bool(false),
  AIRLOCK_LOGIN_RATE_LIMIT_PER_IP: int(20, 1, 100_000),
  AIRLOCK_SSO_RATE_LIMIT_PER_IP: int(600, 1, 100_000),
  /** Host names or CIDRs an identity provider's SAML metadata URL may point to although private (SSRF guard; same rules as webhooks). */
  AIRLOCK_SSO_ALLOW_PRIVATE: list,
  /**
   * DNS servers (`address` or `address:port`, IPv6 in brackets with a port) that verify e-mail
   * domains' TXT records; unset: the system's resolvers.
   */
  AIRLOCK_DNS_SERVERS: list.refine((servers) => servers.every(isDnsServer), {
    error: 'must be comma-separated IP addresses, each optionally with :port (IPv6 as [::1]:53), e.g. 10.0.0.2,10.0.0.3:5353',
  }),
  /** How often a verified domain's TXT record is looked up again (a record gone: no longer verified). */
  AIRLOCK_SSO_DOMAIN_RECHECK_SECONDS: int(86_400, 1, 30 * 86_400),
  AIRLOCK_PASSWORD_BREACH_CHECK: bool(false),
  AIRLOCK_PASSWORD_BREACH_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s):// URL (the range API; the 5 hex characters are appended)' })
    .optional()
    .default('https://api.pwnedpasswords.com/range/'),
  AIRLOCK_REQUEST_TIMEOUT_SECONDS: int(60, 1, 3600),
  AIRLOCK_SHUTDOWN_GRACE_SECONDS: int(0, 0, 300),
  AIRLOCK_READY_MAX_STALE_SECONDS: int(3600, 0, 30 * 86_400),
  /** A directory of this instance's own (not shared): the last-known-good state for a start without the database. */
  AIRLOCK_STATE_DIR: z.string().min(1).optional(),
  AIRLOCK_WORKERS: z
    .string()
    .optional()
    .default('auto')
    .refine((v) => v === 'auto' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 64), { error: 'must be a whole number from 1 to 64, or auto' }),
});

export type AppConfig = ReturnType<typeof toConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function toConfig(env: z.output<typeof schema>) {
  const publicUrl = (env.AIRLOCK_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    /**
     * Where migrations are applied from: the role that owns the schema. The API itself can then
     * connect (DATABASE_URL) as a role with DML rights only (docs/security.md, "Database roles").
     */
    migrateDatabaseUrl: env.AIRLOCK_MIGRATE_DATABASE_URL ?? env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    databaseQueryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_SECONDS * 1000,
    publicUrl,
    migrateOnStart: env.AIRLOCK_MIGRATE,
    embeddedDatabase: env.AIRLOCK_EMBEDDED_DB,
    /** Demo data defaults to on with the embedded database, off with a real server. */
    demoData: env.AIRLOCK_DEMO_DATA ?? env.AIRLOCK_EMBEDDED_DB,
    orgName: env.AIRLOCK_ORG_NAME,
    adminEmail: env.AIRLOCK_ADMIN_EMAIL.toLowerCase(),
    adminPassword: env.AIRLOCK_ADMIN_PASSWORD,
    bootstrapApiKey: env.AIRLOCK_BOOTSTRAP_API_KEY,
    secret: env.AIRLOCK_SECRET,
    logLevel: env.AIRLOCK_LOG_LEVEL,
    /** `auto`: one readable line per event on a terminal, JSON otherwise (a file, a pipe, a container). */
    logFormat: env.AIRLOCK_LOG_FORMAT,
    /** Which requests get a line of their own (common/request-log.ts). */
    requestLog: env.AIRLOCK_REQUEST_LOG,
    /** X-Forwarded-For hops to believe (see TrustProxy). */
    trustProxy: env.AIRLOCK_TRUST_PROXY,
    corsOrigins: env.AIRLOCK_CORS_ORIGINS,
    cookieSecure:
      env.AIRLOCK_COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https://') : env.AIRLOCK_COOKIE_SECURE === 'true',
    sessionHours: env.AIRLOCK_SESSION_HOURS,
    policyPollSeconds: env.AIRLOCK_POLICY_POLL_SECONDS,
    decisionLogBuffer: env.AIRLOCK_DECISION_LOG_BUFFER,
    decisionLogFlushMs: env.AIRLOCK_DECISION_LOG_FLUSH_MS,
    /**
     * Days of decision log kept (0: all). The daily upkeep drops each monthly partition once its
     * last day is older than this, so a row is kept at least this long and at most a month more.
     */
    decisionLogRetentionDays: env.AIRLOCK_DECISION_LOG_RETENTION_DAYS,
    rateLimitPerIp: env.AIRLOCK_RATE_LIMIT_PER_IP,
    /** When set, rate limits are shared across hosts through it (ADR 0031); per host otherwise. */
    redisUrl: env.AIRLOCK_REDIS_URL ?? null,
    webhookAllowPrivate: env.AIRLOCK_WEBHOOK_ALLOW_PRIVATE,
    gatewayAllowPrivate: env.AIRLOCK_GATEWAY_ALLOW_PRIVATE,
    gatewayMaxBodyBytes: env.AIRLOCK_GATEWAY_MAX_BODY_BYTES,
    fileMaxBytes: env.AIRLOCK_FILE_MAX_BYTES,
    siemAllowPrivate: env.AIRLOCK_SIEM_ALLOW_PRIVATE,
    siemBuffer: env.AIRLOCK_SIEM_BUFFER,
    siemBackoffMaxMs: env.AIRLOCK_SIEM_BACKOFF_MAX_MS,
    adminUiDir: env.AIRLOCK_ADMIN_UI_DIR,
    /**
     * The block-page proxy: every request answered with the block page, CONNECT refused
     * (modules/network/block-page.server.ts); null port: not started. `proxy`: what the PAC export
     * names by default.
     */
    blockPage: {
      port: env.AIRLOCK_BLOCK_PAGE_PORT ?? null,
      host: env.AIRLOCK_BLOCK_PAGE_HOST ?? env.HOST,
      proxy: env.AIRLOCK_BLOCK_PAGE_PROXY ?? null,
    },
    /** The ICAP service (modules/icap, docs/integrations/proxy-icap.md); null: off. */
    icap:
      env.AIRLOCK_ICAP_PORT === undefined
        ? null
        : {
            port: env.AIRLOCK_ICAP_PORT,
            host: env.AIRLOCK_ICAP_HOST ?? env.HOST,
            apiKey: env.AIRLOCK_ICAP_API_KEY ?? null,
            maxBodyBytes: env.AIRLOCK_ICAP_MAX_BODY_BYTES,
            failOpen: env.AIRLOCK_ICAP_FAIL === 'open',
            clientIpHeader: env.AIRLOCK_ICAP_CLIENT_IP_HEADER,
            userHeader: env.AIRLOCK_ICAP_USER_HEADER,
            userEncoding: env.AIRLOCK_ICAP_USER_ENCODING,
            userDomain: env.AIRLOCK_ICAP_USER_DOMAIN?.toLowerCase() ?? null,
          },
    /** Where mail goes: `log` writes a line per mail (see modules/mail). */
    mailTransport: env.AIRLOCK_MAIL_TRANSPORT,
    mailFrom: env.AIRLOCK_MAIL_FROM,
    /** The log transport writes mail bodies (single-use links) only when this is set, in development. */
    mailLogBodies: env.AIRLOCK_MAIL_LOG_BODIES,
    /**
     * The SMTP transport (AIRLOCK_MAIL_TRANSPORT=smtp): the server URL with its credentials, and
     * whether STARTTLS is required on smtp:// (default: yes, unless the host is a loopback address).
     */
    smtp: env.AIRLOCK_SMTP_URL
      ? { url: env.AIRLOCK_SMTP_URL, requireTls: env.AIRLOCK_SMTP_REQUIRE_TLS ?? !isLoopbackHost(new URL(env.AIRLOCK_SMTP_URL).hostname) }
      : null,
    /**
     * Check new passwords against Have I Been Pwned's range API (k-anonymity: the first 5 hex
     * characters of the SHA-1 leave the server); fail-open after 2 s.
     */
    passwordBreachCheck: env.AIRLOCK_PASSWORD_BREACH_CHECK,
    passwordBreachUrl: env.AIRLOCK_PASSWORD_BREACH_URL,
    /** Sign-in attempts (password and SSO) per minute from one address, on top of the per-e-mail lockout. */
    loginRateLimitPerIp: env.AIRLOCK_LOGIN_RATE_LIMIT_PER_IP,
    /** SSO start and callback requests per address and minute (two per sign-in): a budget apart from passwords'. */
    ssoRateLimitPerIp: env.AIRLOCK_SSO_RATE_LIMIT_PER_IP,
    /** Private hosts or networks an identity provider's SAML metadata URL may target (SSRF guard). */
    ssoAllowPrivate: env.AIRLOCK_SSO_ALLOW_PRIVATE,
    /** Resolvers for domain verification (TXT records); empty: the system's. */
    dnsServers: env.AIRLOCK_DNS_SERVERS,
    /** Period of the re-check of verified domains (the `sso-domain-recheck` background job). */
    ssoDomainRecheckSeconds: env.AIRLOCK_SSO_DOMAIN_RECHECK_SECONDS,
    /** How long a client has to send a whole request, headers and body (a slow sender holds a connection). */
    requestTimeoutSeconds: env.AIRLOCK_REQUEST_TIMEOUT_SECONDS,
    /**
     * On SIGTERM/SIGINT, how long /readyz answers "draining" while requests are still served, so a
     * load balancer stops sending new ones before the listener closes.
     */
    shutdownGraceSeconds: env.AIRLOCK_SHUTDOWN_GRACE_SECONDS,
    /**
     * /readyz stays ready while the database is unreachable (decisions come from memory) until the
     * policies are this many seconds behind; 0 keeps it ready however long the outage.
     */
    readyMaxStaleSeconds: env.AIRLOCK_READY_MAX_STALE_SECONDS,
    /**
     * Where the instance keeps its last-known-good state (database/local-state.ts): the published
     * policies, the API keys and the decision path's keys, so that a start while the database is
     * down serves them, marked stale. Unset: nothing is kept, and a start needs the database.
     */
    stateDir: env.AIRLOCK_STATE_DIR ? path.resolve(env.AIRLOCK_STATE_DIR) : null,
    /** API processes sharing the port (cluster.ts); `auto` (the default): one per usable core, at most 8 (usable-cores.ts). */
    workers: env.AIRLOCK_WORKERS === 'auto' ? autoWorkers() : Number(env.AIRLOCK_WORKERS),
  };
}

/** A DNS server as node:dns's Resolver.setServers takes it: an IP address, optionally with a port. */
export function isDnsServer(value: string): boolean {
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed) return ipaddr.IPv6.isValid(bracketed[1]!) && (bracketed[2] === undefined || (Number(bracketed[2]) >= 1 && Number(bracketed[2]) <= 65535));
  if (ipaddr.IPv6.isValid(value)) return true;
  const m = /^([0-9.]+)(?::(\d{1,5}))?$/.exec(value);
  return !!m && ipaddr.IPv4.isValidFourPartDecimal(m[1]!) && (m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 65535));
}

/** `host:port`: a DNS name or IPv4 address (or a bracketed IPv6 one) and a port from 1 to 65535. */
export function isHostPort(value: string): boolean {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*):(\d{1,5})$/.exec(value);
  if (!m) return false;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return false;
  return !m[1]!.startsWith('[') || ipaddr.IPv6.isValid(m[1]!.slice(1, -1));
}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  }
  if (parsed.data.AIRLOCK_MAIL_LOG_BODIES && parsed.data.NODE_ENV !== 'development') {
    throw new ConfigError(['AIRLOCK_MAIL_LOG_BODIES is for development only (NODE_ENV=development): logged mail bodies hold account links']);
  }
  if (parsed.data.AIRLOCK_MAIL_TRANSPORT === 'smtp' && !parsed.data.AIRLOCK_SMTP_URL) {
    throw new ConfigError(['AIRLOCK_SMTP_URL is required with AIRLOCK_MAIL_TRANSPORT=smtp (smtps://user:password@mail.example.com:465, or smtp://… with STARTTLS)']);
  }
  return toConfig(parsed.data);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
