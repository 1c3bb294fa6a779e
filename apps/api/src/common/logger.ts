import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/**
 * JSON logs through pino, shared by Fastify (request logs with their request id) and Nest.
 * Request bodies are never logged: they may hold prompt text or file content.
 */
export function createRootLogger(level: string): Logger {
  return pino({
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
  });
}

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private ctx(optional: unknown[]): { context?: string } {
    const last = optional[optional.length - 1];
    return typeof last === 'string' ? { context: last } : {};
  }
  log(message: unknown, ...optional: unknown[]): void {
    this.logger.info(this.ctx(optional), String(message));
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
