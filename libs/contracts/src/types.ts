/**
 * The zod-free entry point for types: `import type { IncidentOutput } from '@airlock/contracts/types'`.
 * Only types are exported, so nothing of this file (or of zod) reaches a bundle that imports it.
 */
export type * from './index';
