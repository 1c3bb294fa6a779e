import { z } from 'zod';

/** GET /healthz: the process answers. */
export const healthOutput = z.object({ status: z.literal('ok') });
export type HealthOutput = z.infer<typeof healthOutput>;

/** GET /readyz, /readyz/:check: ready, not_ready (503) or draining (503), with each check's result. */
export const readinessOutput = z.object({
  status: z.enum(['ready', 'not_ready', 'draining']),
  /** true / false, or the check's details ({ ok, error?, ... }). */
  checks: z.record(z.string(), z.union([z.boolean(), z.looseObject({ ok: z.boolean(), error: z.string().optional() })])),
});
export type ReadinessOutput = z.infer<typeof readinessOutput>;
