import { Injectable } from '@nestjs/common';
import type { ReadinessOutput } from '@airlock/contracts';
import { describeFailure } from '../../common/start-failure';

export interface ReadinessCheck {
  name: string;
  /**
   * False for a signal that is reported but does not take the instance out of a load balancer's
   * rotation (the database: decisions are answered from memory while it is away).
   */
  gates?: boolean;
  check(): Promise<{ ok: boolean; detail?: unknown }> | { ok: boolean; detail?: unknown };
}

/** A check that takes longer than this counts as failed (a database that does not answer). */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Collects readiness checks registered by other modules. `/readyz` is ready when every gating
 * check passes and the instance is not draining: it can answer decisions. Checks that do not gate
 * (database health) are reported beside them, and on their own at `/readyz/<name>`.
 */
@Injectable()
export class ReadinessService {
  private readonly checks: ReadinessCheck[] = [];
  private drainingSince: Date | null = null;
  private readonly drainListeners = new Set<() => void>();

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  /** Shutdown has begun: /readyz fails from now on while requests are still served. */
  beginDraining(): void {
    if (this.drainingSince) return;
    this.drainingSince = new Date();
    for (const l of this.drainListeners) l();
  }

  /** Called once when shutdown begins (long-lived streams end then, so the listener can close). */
  onDrain(listener: () => void): void {
    this.drainListeners.add(listener);
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  has(name: string): boolean {
    return this.checks.some((c) => c.name === name);
  }

  async report(only?: string): Promise<ReadinessOutput & { ready: boolean }> {
    const out: ReadinessOutput['checks'] = {};
    const selected = only ? this.checks.filter((c) => c.name === only) : this.checks;
    let ready = selected.length > 0;
    const results = await Promise.all(selected.map((c) => run(c)));
    selected.forEach((c, i) => {
      const r = results[i]!;
      out[c.name] = r.detail === undefined && !r.error ? r.ok : { ok: r.ok, ...(r.error ? { error: r.error } : {}), ...((r.detail as object) ?? {}) };
      if (!r.ok && (only || c.gates !== false)) ready = false;
    });
    if (this.drainingSince && !only) {
      out.draining = { ok: false, since: this.drainingSince.toISOString() };
      return { ready: false, status: 'draining', checks: out };
    }
    return { ready, status: ready ? 'ready' : 'not_ready', checks: out };
  }
}

async function run(c: ReadinessCheck): Promise<{ ok: boolean; detail?: unknown; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    return await Promise.race([Promise.resolve(c.check()), timeout]);
  } catch (err) {
    return { ok: false, error: describeFailure(err) };
  } finally {
    clearTimeout(timer);
  }
}
