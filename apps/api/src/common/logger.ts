import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'auto' | 'json' | 'pretty';

/** `auto` is JSON unless standard output is a terminal, where a person reads it. */
export function resolveLogFormat(format: LogFormat, isTerminal = Boolean(process.stdout.isTTY)): 'json' | 'pretty' {
  return format === 'auto' ? (isTerminal ? 'pretty' : 'json') : format;
}

/**
 * Logs through pino, shared by Fastify (request logs with their request id) and Nest: JSON for
 * machines, or one readable line per event (pino-pretty, written synchronously so nothing is lost
 * when the process exits) for a person at a terminal.
 * Request bodies are never logged: they may hold prompt text or file content.
 */
export function createRootLogger(level: string, format: LogFormat = 'json'): Logger {
  const destination =
    resolveLogFormat(format) === 'pretty'
      ? pretty({
          sync: true,
          colorize: Boolean(process.stdout.isTTY),
          translateTime: 'SYS:HH:MM:ss',
          ignore: 'pid,hostname,service,component,context,req,res',
          singleLine: true,
          messageFormat: '{if context}[{context}] {end}{msg}{if req} {req.method} {req.path}{end}{if res} {res.statusCode}{end}',
          hideObject: false,
        })
      : undefined;
  return pino(
    {
      level,
      base: { service: 'airlock-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string; ip?: string }) => ({
          id: req.id,
          method: req.method,
          // The query string may carry filters, never content; keep the path only to be safe.
          path: req.url.split('?')[0],
          ip: req.ip,
        }),
      },
    },
    destination,
  );
}

/** Nest's start-up chatter (one line per module and per route): kept for debug level. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private ctx(optional: unknown[]): { context?: string } {
    const last = optional[optional.length - 1];
    return typeof last === 'string' ? { context: last } : {};
  }
  log(message: unknown, ...optional: unknown[]): void {
    const ctx = this.ctx(optional);
    if (ctx.context && STARTUP_CONTEXTS.has(ctx.context)) this.logger.debug(ctx, String(message));
    else this.logger.info(ctx, String(message));
  }
  error(message: unknown, ...optional: unknown[]): void {
    const [trace] = optional;
    const ctx = this.ctx(optional.slice(1));
    this.logger.error({ ...ctx, ...(typeof trace === 'string' && trace.includes('\n') ? { stack: trace } : {}) }, String(message));
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.logger.warn(this.ctx(optional), String(message));
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.logger.debug(this.ctx(optional), String(message));
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.logger.trace(this.ctx(optional), String(message));
  }
}
