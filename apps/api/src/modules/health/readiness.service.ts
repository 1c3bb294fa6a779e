import { Injectable } from '@nestjs/common';

export interface ReadinessCheck {
  name: string;
  check(): Promise<{ ok: boolean; detail?: unknown }> | { ok: boolean; detail?: unknown };
}

/** Collects readiness checks registered by other modules (migrations, policy loaded, database). */
@Injectable()
export class ReadinessService {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  async report(): Promise<{ ready: boolean; checks: Record<string, unknown> }> {
    const out: Record<string, unknown> = {};
    let ready = this.checks.length > 0;
    for (const c of this.checks) {
      try {
        const r = await c.check();
        out[c.name] = r.detail === undefined ? r.ok : { ok: r.ok, ...((r.detail as object) ?? {}) };
        if (!r.ok) ready = false;
      } catch (err) {
        out[c.name] = { ok: false, error: (err as Error).message };
        ready = false;
      }
    }
    return { ready, checks: out };
  }
}
