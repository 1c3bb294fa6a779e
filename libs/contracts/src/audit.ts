import { z } from 'zod';
import { QUERYABLE_INSTANT_MESSAGE, queryableInstant } from './common';
import { AUDIT_CHANGE_KINDS } from './constants';

/**
 * The audit log's filters (GET /api/audit-events and its CSV export, react-admin's `filter`): a time
 * range, who acted, what they did and to which object. Each is compared for equality except `action`,
 * which also takes a family (`policy.` for every policy action).
 */
const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T00:00:00Z' })
  .refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE);

export const auditFilter = z
  .strictObject({
    /** react-admin's getMany. */
    id: z.array(z.uuid()).max(1000).optional(),
    /** Events at or after this instant. */
    since: instant.optional(),
    /** Events at or before this instant. */
    until: instant.optional(),
    /** The acting user's or API client's id. */
    actorId: z.string().max(100).regex(/^[A-Za-z0-9_-]+$/, 'must be the id of a user or an API client').optional(),
    actorType: z.enum(['user', 'api_client', 'system', 'anonymous']).optional(),
    action: z
      .string()
      .max(100)
      .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/, 'must be an action such as rule.update, or a family such as rule.')
      .optional(),
    entityType: z.string().max(60).regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be an entity type such as PolicyRule').optional(),
    entityId: z.string().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.since && v.until && Date.parse(v.since) > Date.parse(v.until)) ctx.addIssue({ code: 'custom', path: ['since'], message: 'since must not be after until' });
  });
export type AuditFilter = z.output<typeof auditFilter>;

/**
 * One field of an audit event that differs between before and after, its path with nested objects
 * flattened (`conditions`, `dataClasses`; a list item matched by id is a segment of its own).
 * `added`: the field was set (before: absent), `removed`: it was cleared, `changed`: old → new,
 * `list`: the items added to and removed from a list.
 */
export const auditChangeOutput = z.object({
  path: z.array(z.string()),
  kind: z.enum(AUDIT_CHANGE_KINDS),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  added: z.array(z.unknown()).optional(),
  removed: z.array(z.unknown()).optional(),
});
export type AuditChangeOutput = z.infer<typeof auditChangeOutput>;
