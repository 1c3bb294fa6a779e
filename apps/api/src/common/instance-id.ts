import { randomUUID } from 'node:crypto';

/**
 * This process's identity as an API instance: in its heartbeat (the rollout view), in the metrics
 * (`airlock_instance_info`) and on every answer (`X-Airlock-Instance`), so an operator behind a
 * load balancer can tell which instance answered.
 */
export const INSTANCE_ID = randomUUID();
