/**
 * Every enum of the API and the few numbers clients need, as plain constants and the literal types
 * they define. No zod and no other import: the console takes these through the zod-free entry
 * point `@airlock/contracts/constants` so its bundle does not carry the validation library, and the
 * zod schemas in this package are built from the very same arrays (`z.enum(EFFECTS)`).
 */

// --- Policy ----------------------------------------------------------------------------------------

export const EFFECTS = ['allow', 'warn', 'redact', 'block'] as const;
export type Effect = (typeof EFFECTS)[number];
/** `response`: an AI service's answer coming back (the gateway inspects it before the caller sees it). */
export const ACTIONS = ['access', 'prompt', 'upload', 'response'] as const;
export type Action = (typeof ACTIONS)[number];
export const CHANNELS = ['web', 'desktop', 'mobile', 'api', 'ide', 'cli'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PROVIDER_STATUSES = ['approved', 'restricted', 'under_review', 'blocked'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];
/** A rule's `providerStatus` condition also matches `unknown`: an AI destination outside the catalog. */
export const PROVIDER_STATUS_CONDITIONS = [...PROVIDER_STATUSES, 'unknown'] as const;
export const TRAINS_ON_INPUTS = ['yes', 'opt_out', 'no'] as const;
export type TrainsOnInputs = (typeof TRAINS_ON_INPUTS)[number];
/**
 * The kind of account used at the destination (a decision request's `context.accountType`, the
 * catalog's account types): personal, work or school, or an API key.
 */
export const ACCOUNT_TYPES = ['consumer', 'business', 'api'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
/** A rule's `accountTypes` condition also matches `unknown`: a request that states no account type. */
export const ACCOUNT_TYPE_CONDITIONS = [...ACCOUNT_TYPES, 'unknown'] as const;

/** Why a reason's effect is not its rule's (libs/policy-engine's REASON_ESCALATIONS). */
export const REASON_ESCALATIONS = ['redact_without_text'] as const;
export type ReasonEscalation = (typeof REASON_ESCALATIONS)[number];
/** Which address a decision's network zones were looked up for. */
export const IP_SOURCES = ['context', 'connection', 'none'] as const;
export type IpSource = (typeof IP_SOURCES)[number];

/** Who decided a logged decision: the API itself, or a local evaluator that reported it. */
export const DECISION_SOURCES = ['api', 'extension', 'sdk'] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];

/** Largest content.text the API inspects: 1 MiB of UTF-8. */
export const MAX_CONTENT_BYTES = 1024 * 1024;
/** Most items of one POST /v1/decisions/batch. */
export const BATCH_MAX = 100;

// --- Catalog and detectors ---------------------------------------------------------------------------

export const COLLECTED_DATA = [
  'prompts',
  'files',
  'chat_history',
  'keystroke_patterns',
  'device_identifiers',
  'ip_address',
  'location',
  'payment',
  'contacts',
  'audio',
  'images',
  'advertiser_data',
  'usage_data',
  'account_data',
] as const;
export type CollectedData = (typeof COLLECTED_DATA)[number];
export const DETECTOR_KINDS = ['keywords', 'dictionary', 'regex'] as const;
export type DetectorKind = (typeof DETECTOR_KINDS)[number];
/** A custom detector's patterns: at most this many, each at most this long (detectorInput). */
export const DETECTOR_MAX_PATTERNS = 100_000;
export const DETECTOR_MAX_PATTERN_LENGTH = 1000;
/** Why the simulator lists a found value as not counted (libs/detectors `NotCountedReason`). */
export const NOT_COUNTED_REASONS = ['allowed_value', 'test_value', 'below_threshold'] as const;
export type NotCountedReason = (typeof NOT_COUNTED_REASONS)[number];

// --- People and access -----------------------------------------------------------------------------

export const ROLES = ['owner', 'admin', 'analyst', 'auditor', 'employee'] as const;
export type Role = (typeof ROLES)[number];
/** How an organization's single sign-on talks to its identity provider. */
export const SSO_PROTOCOLS = ['oidc', 'saml'] as const;
export type SsoProtocol = (typeof SSO_PROTOCOLS)[number];
/**
 * `scim` lets the client provision the organization's users and groups (/scim/v2): it is given
 * alone, never with the decision scopes, whose keys sit in extensions and proxies on many machines.
 * `gateway` lets the client call the AI gateway (/gateway/openai, /gateway/anthropic) and the
 * guardrail endpoints (/v1/guard, /v1/guardrails/litellm) with the organization's upstreams.
 * `extension` is the browser extension's: /v1/bundle and its events (to decide locally) and
 * POST /v1/decisions/report (to log what it decided); it may sit beside the decision scopes, never
 * beside `scim`.
 * `network` is for the network's enforcement points (docs/integrations/nginx.md, envoy.md, opa.md,
 * dns.md, pac.md): /v1/authz (nginx auth_request, Envoy ext_authz), the OPA-compatible /v1/data API
 * and the DNS, proxy and PAC exports under /v1/exports. It can decide about a destination and read
 * which services are blocked, nothing else (no bundle with the hashed directory, no reports).
 */
export const API_SCOPES = ['decide', 'bundle', 'incidents:write', 'scim', 'gateway', 'extension', 'network', 'discovery'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const SECOND_FACTOR_METHODS = ['totp', 'recovery_code', 'passkey'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];
/** How a session was opened (GET /api/auth/me `mfa.sessionMethod`). */
export const SESSION_METHODS = ['password', 'sso'] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];
/** How many recovery codes an enrolment hands out, and how long a step-up lasts. */
export const RECOVERY_CODE_COUNT = 10;
export const STEP_UP_SECONDS = 300;

// --- Incidents, service requests, webhooks ------------------------------------------------------------

export const INCIDENT_STATUSES = ['new', 'triaged', 'investigating', 'contained', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** The statuses an incident is still being worked on in (the console's "open" filter). */
export const OPEN_INCIDENT_STATUSES = ['new', 'triaged', 'investigating', 'contained'] as const satisfies readonly IncidentStatus[];
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const CLOSURE_REASONS = ['remediated', 'false_positive', 'duplicate', 'risk_accepted'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
/** Whether the supervisory authority was notified of a personal-data breach (GDPR art. 33). */
export const NOTIFICATION_DECISIONS = ['notified', 'not_notified'] as const;
export type NotificationDecision = (typeof NOTIFICATION_DECISIONS)[number];
export const INCIDENT_SOURCES = ['portal', 'analyst', 'api', 'automatic'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/**
 * What an employee can say went in, in plain words, and the data classes each means. The portal
 * form offers exactly this list (GET /api/portal/incident-options).
 */
export const REPORT_DATA_KINDS = [
  { key: 'passwords_keys', label: 'Passwords, API keys or tokens', dataClasses: ['credentials'] },
  { key: 'customer_data', label: 'Customer or client data', dataClasses: ['client_information', 'personal_data'] },
  { key: 'personal_info', label: 'Personal information about someone (name, address, e-mail, phone)', dataClasses: ['personal_data'] },
  { key: 'health', label: 'Health or medical information', dataClasses: ['health_data'] },
  { key: 'financial', label: 'Bank, card or other financial details', dataClasses: ['financial'] },
  { key: 'ids', label: 'ID numbers (passport, social security, tax, driving licence)', dataClasses: ['government_id'] },
  { key: 'internal_docs', label: 'Internal or confidential documents', dataClasses: ['company_confidential'] },
  { key: 'source_code', label: 'Source code', dataClasses: ['source_code'] },
  { key: 'creative', label: 'Unpublished designs, writing or other creative work', dataClasses: ['creative_work'] },
  { key: 'not_sure', label: "I'm not sure", dataClasses: [] },
] as const satisfies readonly { key: string; label: string; dataClasses: readonly string[] }[];
export type ReportDataKind = (typeof REPORT_DATA_KINDS)[number]['key'];

/** The data classes an employee's plain-words answers stand for (deduplicated, in list order). */
export function dataClassesOfKinds(kinds: readonly string[]): string[] {
  const out = new Set<string>();
  for (const k of REPORT_DATA_KINDS) if (kinds.includes(k.key)) for (const c of k.dataClasses) out.add(c);
  return [...out];
}

/** Data classes that make an incident a personal-data breach: a 72-hour notification clock starts. */
export const PERSONAL_DATA_CLASSES = ['personal_data', 'health_data', 'government_id', 'financial', 'client_information'] as const;

export const TOOL_REQUEST_STATUSES = ['open', 'approved', 'rejected'] as const;
export type ToolRequestStatus = (typeof TOOL_REQUEST_STATUSES)[number];

/**
 * What a webhook can subscribe to. `decisions.blocked` is a summary per minute (only for a minute with
 * blocks), never one delivery per decision; payloads are typed in incidents.ts (webhook*Data).
 */
export const WEBHOOK_EVENTS = ['incident.created', 'incident.high_severity', 'policy.published', 'provider.blocked', 'decisions.blocked'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Where a time-limited exception stands (/api/exceptions `status`), computed from expiresAt and revokedAt. */
export const EXCEPTION_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

// --- Records --------------------------------------------------------------------------------------

/** Read-only fields every API output carries; react-admin sends them back on PUT. */
export const READ_ONLY_FIELDS = ['id', 'createdAt', 'updatedAt'] as const;
export const USER_READ_ONLY_FIELDS = ['email', 'lastLoginAt', 'hasPassword', 'sso', 'invitationPending', 'invitationExpiresAt'] as const;

// --- SIEM streaming ----------------------------------------------------------------------------------

/** How events reach a SIEM destination: RFC 5424 syslog over TCP or TLS (RFC 5425), or HTTP batches. */
export const SIEM_TRANSPORTS = ['syslog_tcp', 'syslog_tls', 'http'] as const;
export type SiemTransport = (typeof SIEM_TRANSPORTS)[number];
/** The body of each event: CEF, Airlock's JSON, or OCSF JSON (HTTP: JSON or OCSF). */
export const SIEM_FORMATS = ['cef', 'json', 'ocsf'] as const;
export type SiemFormat = (typeof SIEM_FORMATS)[number];
/** What an HTTP destination is: Splunk's HTTP Event Collector, Elasticsearch `_bulk`, or any collector of gzip JSON lines. */
export const SIEM_HTTP_PRESETS = ['splunk_hec', 'elastic', 'generic'] as const;
export type SiemHttpPreset = (typeof SIEM_HTTP_PRESETS)[number];
export const SIEM_EVENT_TYPES = ['decision', 'incident', 'audit'] as const;
export type SiemEventType = (typeof SIEM_EVENT_TYPES)[number];
/** Log formats a discovery import reads (libs/discovery DISCOVERY_FORMATS; `auto` detects). */
export const DISCOVERY_FORMATS = ['squid', 'squid-common', 'zscaler-csv', 'zscaler-json', 'bind', 'unbound', 'zeek', 'csv'] as const;
export type DiscoveryFormatName = (typeof DISCOVERY_FORMATS)[number];
export const DISCOVERY_IMPORT_STATUSES = ['running', 'completed', 'failed'] as const;

// --- Audit log ---------------------------------------------------------------------------------------

/**
 * Every action the API records in the audit log (`AuditService.record`), `<entity>.<verb>`. The
 * console names each in words (en.ts `airlock.audit.actions`) and offers them as the action filter's
 * choices; a unit test (apps/api/src/modules/audit/audit-actions.spec.ts) fails when the API records
 * one that is not listed here.
 */
export const AUDIT_ACTIONS = [
  'activity.export',
  'api_client.create',
  'api_client.update',
  'api_client.rotate',
  'api_client.revoke',
  'api_key.revoke',
  'audit.export',
  'auth.login',
  'auth.sso_refused',
  'auth.step_up',
  'catalog.demo_statuses',
  'catalog.release_applied',
  'catalog.review',
  'catalog.seed',
  'data_class.create',
  'data_class.update',
  'data_class.delete',
  'detector.create',
  'detector.update',
  'detector.delete',
  'discovery.export',
  'discovery.import',
  'discovery.import_delete',
  'discovery.settings',
  'exception.grant',
  'exception.revoke',
  'gateway_upstream.create',
  'gateway_upstream.update',
  'gateway_upstream.update_key',
  'gateway_upstream.delete',
  'group.create',
  'group.update',
  'group.members',
  'group.delete',
  'incident.create',
  'incident.update',
  'incident.status_change',
  'incident.notification_decision',
  'incident.message_to_reporter',
  'incident.message_from_reporter',
  'incident.comment',
  'incident.task_check',
  'incident.task_uncheck',
  'mfa.totp.enrol',
  'mfa.totp.remove',
  'mfa.passkey.add',
  'mfa.passkey.remove',
  'mfa.recovery_codes.regenerate',
  'onboarding.dismiss',
  'onboarding.restore',
  'organization.create',
  'policy.publish',
  'policy.rollback',
  'provider.create',
  'provider.update',
  'provider.block_now',
  'provider.delete',
  'rule.create',
  'rule.update',
  'rule.delete',
  'session.end',
  'session.end_others',
  'session.end_all',
  'settings.update',
  'siem_destination.create',
  'siem_destination.update',
  'siem_destination.update_secret',
  'siem_destination.test',
  'siem_destination.delete',
  'sso_connection.create',
  'sso_connection.update',
  'sso_connection.sso_only_on',
  'sso_connection.sso_only_off',
  'sso_domain.create',
  'sso_domain.verify',
  'sso_domain.verify_failed',
  'sso_domain.unverified',
  'sso_domain.delete',
  'tool_request.create',
  'tool_request.update',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.delete',
  'user.invite',
  'user.invitation_accept',
  'user.password_reset_requested',
  'user.password_reset',
  'user.password_change',
  'user.sso_link',
  'user.sso_sync',
  'webhook.create',
  'webhook.update',
  'webhook.rotate_secret',
  'webhook.test',
  'webhook.delete',
  'zone.create',
  'zone.update',
  'zone.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of object audit events are about (`entityType`), the entity filter's choices. */
export const AUDIT_ENTITY_TYPES = [
  'ApiClient',
  'ApiKey',
  'CatalogUpdate',
  'CustomDetector',
  'DataClass',
  'DecisionLog',
  'DiscoveryImport',
  'DiscoveryUsage',
  'GatewayUpstream',
  'Group',
  'Incident',
  'IncidentTask',
  'NetworkZone',
  'Organization',
  'OrganizationDomain',
  'PolicyException',
  'PolicyRule',
  'PolicyVersion',
  'Provider',
  'Session',
  'SiemDestination',
  'SsoConnection',
  'ToolRequest',
  'User',
  'Webhook',
  'AuditLog',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** How one field differs between an audit event's before and after (the readable diff). */
export const AUDIT_CHANGE_KINDS = ['added', 'removed', 'changed', 'list'] as const;
export type AuditChangeKind = (typeof AUDIT_CHANGE_KINDS)[number];
