/**
 * Where an audit event's object opens in the console. Resources with a show page open it; those
 * with only an edit page open it for people who may write them and otherwise open their list
 * narrowed to the object (readers such as auditors are refused edit pages). Settings-like objects
 * open their page. A deleted object, or one with no page, has no link.
 */
interface Target {
  resource?: string;
  /** The page for everyone: `show` (resource/:id/show) or a fixed path. */
  show?: boolean;
  path?: string;
  /** Edit-only resources: the permission that opens the edit page. */
  write?: string;
  read: string;
}

const TARGETS: Record<string, Target> = {
  Provider: { resource: 'providers', show: true, read: 'catalog.read' },
  Incident: { resource: 'incidents', show: true, read: 'incidents.read' },
  ApiClient: { resource: 'api-clients', show: true, read: 'apiClients.read' },
  PolicyVersion: { resource: 'policy-versions', show: true, read: 'policy.read' },
  PolicyRule: { resource: 'rules', write: 'policy.write', read: 'policy.read' },
  NetworkZone: { resource: 'zones', write: 'zones.write', read: 'zones.read' },
  Group: { resource: 'groups', write: 'groups.write', read: 'groups.read' },
  DataClass: { resource: 'data-classes', write: 'dataClasses.write', read: 'dataClasses.read' },
  CustomDetector: { resource: 'detectors', write: 'detectors.write', read: 'detectors.read' },
  User: { resource: 'users', write: 'users.write', read: 'users.read' },
  Webhook: { resource: 'webhooks', write: 'webhooks.write', read: 'webhooks.read' },
  ToolRequest: { resource: 'tool-requests', write: 'toolRequests.write', read: 'toolRequests.read' },
  GatewayUpstream: { resource: 'gateway/upstreams', write: 'gateway.write', read: 'gateway.read' },
  SiemDestination: { resource: 'siem/destinations', write: 'siem.write', read: 'siem.read' },
  PolicyException: { resource: 'exceptions', read: 'exceptions.read' },
  Organization: { path: '/settings', read: 'settings.read' },
  SsoConnection: { path: '/settings/sso', read: 'settings.read' },
  OrganizationDomain: { path: '/settings/sso', read: 'settings.read' },
  DiscoveryImport: { path: '/discovery', read: 'discovery.read' },
  DiscoveryUsage: { path: '/discovery', read: 'discovery.read' },
  DecisionLog: { path: '/activity', read: 'decisions.read' },
  CatalogUpdate: { path: '/catalog/updates', read: 'catalog.read' },
};

const GONE = /\.(delete|revoke)$/;

export function entityHref(e: { entityType: string; entityId: string | null; action: string }, permissions: readonly string[]): string | null {
  const target = TARGETS[e.entityType];
  if (!target || !permissions.includes(target.read)) return null;
  if (target.path) return target.path;
  if (!e.entityId || GONE.test(e.action) || !target.resource) return null;
  const id = encodeURIComponent(e.entityId);
  if (target.show) return `/${target.resource}/${id}/show`;
  if (target.write && permissions.includes(target.write)) return `/${target.resource}/${id}`;
  return `/${target.resource}?filter=${encodeURIComponent(JSON.stringify({ id: [e.entityId] }))}`;
}

/** The object's name as the event recorded it (after, else before), for the link's text. */
export function entityName(e: { entityType: string; before: unknown; after: unknown }): string | null {
  for (const snap of [e.after, e.before]) {
    if (!snap || typeof snap !== 'object' || Array.isArray(snap)) continue;
    const s = snap as Record<string, unknown>;
    if (e.entityType === 'PolicyVersion' && typeof s.number === 'number') return `#${s.number}`;
    if (e.entityType === 'Incident' && typeof s.number === 'number') return `#${s.number}${typeof s.title === 'string' ? ` ${s.title}` : ''}`;
    for (const k of ['ruleId', 'name', 'title', 'toolName', 'email', 'domain', 'key', 'fileName', 'prefix']) {
      if (typeof s[k] === 'string' && s[k] && s[k] !== '[masked]') return s[k] as string;
    }
  }
  return null;
}
