/**
 * Which permission (from GET /api/auth/me) each react-admin resource needs: reading for list and
 * show, writing for create, edit and delete. The API checks the same permissions on every route;
 * the console only hides what would be refused.
 */
export const RESOURCE_PERMISSION: Record<string, string> = {
  providers: 'catalog',
  rules: 'policy',
  'policy-versions': 'policy',
  zones: 'zones',
  groups: 'groups',
  'data-classes': 'dataClasses',
  detectors: 'detectors',
  incidents: 'incidents',
  users: 'users',
  'api-clients': 'apiClients',
  'audit-events': 'audit',
  webhooks: 'webhooks',
  'siem/destinations': 'siem',
  'tool-requests': 'toolRequests',
  settings: 'settings',
};

const READ_ACTIONS = new Set(['list', 'show', 'export', 'read']);

export function permissionFor(resource: string, action: string): string | null {
  const base = RESOURCE_PERMISSION[resource];
  if (!base) return null;
  if (READ_ACTIONS.has(action)) return `${base}.read`;
  // Custom actions name the permission suffix directly: publish, simulate.
  if (action === 'publish' || action === 'simulate') return `${base}.${action}`;
  return `${base}.write`;
}

export function can(permissions: readonly string[] | undefined, permission: string): boolean {
  return !!permissions?.includes(permission);
}

/** Only the employee portal: employees (and anyone else without a staff permission). */
export function isPortalOnly(permissions: readonly string[] | undefined): boolean {
  return !permissions || !permissions.some((p) => p !== 'portal');
}
