import type { Role } from '../../generated/prisma/enums';

/**
 * What each role may do. Routes declare a permission (@Authenticated({ permission })); the guard
 * checks the signed-in user's role against this table. Owner: everything. Admin: catalog, policy,
 * zones, detectors, publish. Analyst: incidents, read the rest. Auditor: read-only, audit log
 * included. Employee: the employee portal only.
 */
const STAFF: readonly Role[] = ['owner', 'admin', 'analyst', 'auditor'];
const EDITORS: readonly Role[] = ['owner', 'admin'];

export const PERMISSIONS = {
  'catalog.read': STAFF,
  'catalog.write': EDITORS,
  'policy.read': STAFF,
  'policy.write': EDITORS,
  'policy.publish': EDITORS,
  'policy.simulate': STAFF,
  'zones.read': STAFF,
  'zones.write': EDITORS,
  'groups.read': STAFF,
  'groups.write': EDITORS,
  'dataClasses.read': STAFF,
  'dataClasses.write': EDITORS,
  'detectors.read': STAFF,
  'detectors.write': EDITORS,
  'incidents.read': STAFF,
  'incidents.write': ['owner', 'admin', 'analyst'],
  'dashboard.read': STAFF,
  /** The decision log (the Activity page and its CSV export): metadata only, never content. */
  'decisions.read': STAFF,
  /** The app bar's search; each kind of result also needs that kind's read permission. */
  search: STAFF,
  'users.read': STAFF,
  'users.write': ['owner'],
  'apiClients.read': STAFF,
  'apiClients.write': ['owner'],
  'audit.read': ['owner', 'auditor'],
  /** Time-limited exceptions to the policy: granting one is a policy change for someone. */
  'exceptions.read': STAFF,
  'exceptions.write': EDITORS,
  'webhooks.read': STAFF,
  'webhooks.write': EDITORS,
  /** AI gateway upstreams (their keys are write-only). */
  'gateway.read': STAFF,
  'gateway.write': EDITORS,
  /** SIEM destinations: what leaves for the organization's SIEM (decisions, incidents, the audit log). */
  'siem.read': ['owner', 'admin', 'auditor'],
  'siem.write': ['owner'],
  /** Shadow-AI discovery from imported logs: the figures (pseudonymised people) and the imports. */
  'discovery.read': STAFF,
  'discovery.write': ['owner', 'admin', 'analyst'],
  /** Whether imports keep people's names instead of keyed hashes. */
  'discovery.settings': EDITORS,
  'settings.read': STAFF,
  'settings.write': ['owner'],
  'toolRequests.read': STAFF,
  'toolRequests.write': EDITORS,
  /** The employee portal: every signed-in user, whatever the role. */
  portal: ['owner', 'admin', 'analyst', 'auditor', 'employee'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_RANK: Record<Role, number> = { owner: 5, admin: 4, analyst: 3, auditor: 2, employee: 1 };
