import {
  activityDetailOutput,
  activityPageOutput,
  apiClientOutput,
  apiClientWithKeyOutput,
  apiIncidentInput,
  batchRequest,
  decisionRequest,
  decisionResponse,
  discoveryImportOutput,
  discoverySettings,
  discoverySummaryOutput,
  gatewayTrafficOutput,
  gatewayUpstreamOutput,
  impactOutput,
  ruleImpactOutput,
  incidentEventOutput,
  incidentMetricsOutput,
  incidentOptionsOutput,
  incidentOutput,
  incidentStatusOutput,
  incidentTaskOutput,
  meOutput,
  sessionOutput,
  policyBundleOutput,
  extensionIdentityOutput,
  policyDiffOutput,
  portalIncidentCreated,
  portalIncidentOutput,
  portalToolsOutput,
  providerOutput,
  searchOutput,
  siemDestinationOutput,
  siemTestOutput,
  unknownDestinationOutput,
  ruleOutput,
  simulateOutput,
  toolRequestCreated,
  toolRequestOutput,
  userOutput,
  webhookDeliveryOutput,
  webhookOutput,
  auditEventOutput,
  auditVerifyOutput,
  blockNowOutput,
  builtinDetectorOutput,
  catalogReleaseOutput,
  catalogReviewOutput,
  dashboardOutput,
  dataClassOutput,
  decisionReportResponse,
  detectorOutput,
  detectorTestOutput,
  exceptionOutput,
  groupOutput,
  guardOutput,
  healthOutput,
  knownAiServicesOutput,
  litellmGuardrailOutput,
  loginOutput,
  logoutOutput,
  mfaStatusOutput,
  okMessageOutput,
  okOutput,
  orgSettingsOutput,
  overrideRatesOutput,
  onboardingChecklistOutput,
  providerBulkStatusOutput,
  bulkResultOutput,
  passkeyAddedOutput,
  policyStatusOutput,
  policyVersionOutput,
  policyVersionSummaryOutput,
  readinessOutput,
  recoveryCodesOutput,
  rolloutOutput,
  samlMetadataOutput,
  scimDiscoveryDocument,
  scimDiscoveryListOutput,
  scimGroupListOutput,
  scimGroupOutput,
  scimUserListOutput,
  scimUserOutput,
  sessionEndedOutput,
  sessionStartedOutput,
  sessionsEndedOutput,
  similarIncidentOutput,
  ssoConnectionCheckOutput,
  ssoConnectionOutput,
  ssoDiscoveryOutput,
  ssoDomainOutput,
  ssoOrganizationOutput,
  ssoTestResultOutput,
  stepUpOutput,
  totpConfirmedOutput,
  totpSetupOutput,
  userInvitedOutput,
  webauthnOptionsOutput,
  zoneOutput,
} from '@airlock/contracts';
import { z } from 'zod';

/**
 * What the route table alone cannot tell the OpenAPI document: the shape of answers (a handler's
 * return type is gone at run time) and the bodies of the native decision routes, keyed by
 * "METHOD /path" as the routes are registered. A route missing here is still documented (its
 * parameters, access, request body and error envelope); a key here that matches no route fails the
 * OpenAPI test.
 */
export interface OperationInfo {
  summary?: string;
  /** The answer's schema, a named component. */
  response?: { name: string; schema: z.ZodType };
  /** An array of `response`; `paged`: a react-admin list (sort, range, filter; Content-Range). */
  list?: 'paged' | 'array';
  /** The body of a route that parses it itself (the native decision routes). */
  body?: z.ZodType;
  /** Takes another media type than JSON (the body's parts in `body`). */
  consumes?: 'multipart/form-data';
  /** Answers another media type than JSON. */
  produces?: 'text/csv' | 'text/html' | 'text/plain' | 'text/event-stream' | 'application/javascript' | 'text/css' | 'application/samlmetadata+xml';
  /** The success status when the route table's is not it (a redirect: `3XX`). */
  status?: string;
  /** Answers no body at all (204, a redirect): why. Every other route has `response` or `produces` (the OpenAPI test checks). */
  noJsonBody?: string;
}

const incident = { name: 'Incident', schema: incidentOutput };
const rule = { name: 'Rule', schema: ruleOutput };
const provider = { name: 'Provider', schema: providerOutput };
const user = { name: 'User', schema: userOutput };
const webhook = { name: 'Webhook', schema: webhookOutput };
const apiClient = { name: 'ApiClient', schema: apiClientOutput };
const apiClientWithKey = { name: 'ApiClientWithKey', schema: apiClientWithKeyOutput };
const siemDestination = { name: 'SiemDestination', schema: siemDestinationOutput };
const gatewayUpstream = { name: 'GatewayUpstream', schema: gatewayUpstreamOutput };
const toolRequest = { name: 'ToolRequest', schema: toolRequestOutput };
const portalIncident = { name: 'PortalIncident', schema: portalIncidentOutput };
const decision = { name: 'DecisionResponse', schema: decisionResponse };
const ok = { name: 'Ok', schema: okOutput };
const okMessage = { name: 'OkMessage', schema: okMessageOutput };
const sessionStarted = { name: 'SessionStarted', schema: sessionStartedOutput };
const sessionEnded = { name: 'SessionEnded', schema: sessionEndedOutput };
const sessionsEnded = { name: 'SessionsEnded', schema: sessionsEndedOutput };
const webauthnOptions = { name: 'WebauthnOptions', schema: webauthnOptionsOutput };
const userInvited = { name: 'UserInvited', schema: userInvitedOutput };
const zone = { name: 'Zone', schema: zoneOutput };
const group = { name: 'Group', schema: groupOutput };
const dataClass = { name: 'DataClass', schema: dataClassOutput };
const detector = { name: 'Detector', schema: detectorOutput };
const detectorTest = { name: 'DetectorTestResult', schema: detectorTestOutput };
const versionSummary = { name: 'PolicyVersionSummary', schema: policyVersionSummaryOutput };
const exception = { name: 'PolicyException', schema: exceptionOutput };
const ssoConnection = { name: 'SsoConnection', schema: ssoConnectionOutput };
const ssoDomain = { name: 'SsoDomain', schema: ssoDomainOutput };
const orgSettings = { name: 'OrganizationSettings', schema: orgSettingsOutput };
const readiness = { name: 'Readiness', schema: readinessOutput };
const scimUser = { name: 'ScimUser', schema: scimUserOutput };
const scimGroup = { name: 'ScimGroup', schema: scimGroupOutput };
const scimDocument = { name: 'ScimDiscoveryDocument', schema: scimDiscoveryDocument };
const webhookDelivery = { name: 'WebhookDelivery', schema: webhookDeliveryOutput };
/** The routes that only redirect the browser (single sign-on's steps). */
const redirect = (where: string) => ({ noJsonBody: `a redirect (302/303) ${where}`, status: '3XX' });
/** OPA's Data API body: the input is a decision request. */
const opaInput = z.strictObject({ input: decisionRequest.optional() });
const opaDecision = { name: 'OpaDecisionResult', schema: z.object({ decision_id: z.string(), result: decisionResponse }) };
const opaUndefined = { name: 'OpaUndefined', schema: z.object({}) };
const opaAllow = { name: 'OpaAllowResult', schema: z.object({ decision_id: z.string(), result: z.boolean() }) };

const batchResponse = z.object({
  items: z.array(
    z.union([
      decisionResponse.extend({ correlationId: z.string() }),
      z.object({ correlationId: z.string(), status: z.number(), error: z.object({ code: z.string(), message: z.string() }) }),
    ]),
  ),
});

export const OPERATIONS: Record<string, OperationInfo> = {
  'POST /v1/decisions': { summary: 'Decide on one request', body: decisionRequest, response: decision },
  'POST /v1/decisions/batch': { summary: 'Decide on up to 100 requests', body: batchRequest, response: { name: 'DecisionBatchResponse', schema: batchResponse } },
  'POST /v1/decisions/file': {
    summary: "Decide on an upload by the file's content (PDF, DOCX, XLSX, PPTX, text; read in a worker, never stored)",
    consumes: 'multipart/form-data',
    body: z.object({
      request: z.string().describe('The decision request as JSON (action upload or left out; no content.text)'),
      file: z.string().describe('The file (binary), at most AIRLOCK_FILE_MAX_BYTES (25 MiB by default)'),
    }),
    response: {
      name: 'FileDecisionResponse',
      schema: decisionResponse.extend({
        file: z.object({ format: z.enum(['text', 'pdf', 'docx', 'xlsx', 'pptx', 'unsupported']), bytes: z.number(), characters: z.number(), truncated: z.boolean(), error: z.string().optional() }),
      }),
    },
  },
  'GET /v1/bundle': { summary: 'The published policy for local evaluation (ETag / 304)', response: { name: 'PolicyBundle', schema: policyBundleOutput } },
  'GET /v1/extension/identity': { summary: "Who is signed in to Airlock in this browser (the extension's key and the person's session cookie)", response: { name: 'ExtensionIdentity', schema: extensionIdentityOutput } },
  'GET /v1/bundle/events': { summary: 'Server-sent events announcing new policy versions', produces: 'text/event-stream' },
  'POST /v1/incidents': { summary: 'File an incident from a decision client', body: apiIncidentInput, response: incident },
  'GET /v1/authz': { summary: 'nginx auth_request: 204 allow, 403 block (X-Original-URL, X-Airlock-* headers)', noJsonBody: '204 without a body allows; a block is a 403' },
  'POST /v1/authz': { summary: 'nginx auth_request: 204 allow, 403 block (X-Original-URL, X-Airlock-* headers)', noJsonBody: '204 without a body allows; a block is a 403' },
  'GET /v1/authz/blocked': { summary: "The explanation page for nginx's error_page", produces: 'text/html' },
  ...Object.fromEntries(['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((m) => [`${m} /v1/authz/envoy/*`, { summary: "Envoy ext_authz check request (path_prefix /v1/authz/envoy): 200 allow, 403 block", noJsonBody: 'an empty 200 allows; a block is a 403' }])),
  'POST /v1/data/airlock/decision': { summary: "OPA Data API: the decision for {input} (errors in OPA's shape)", body: opaInput, response: opaDecision },
  'GET /v1/data/airlock/decision': { summary: 'OPA Data API: the decision for ?input=<JSON>', response: opaDecision },
  'POST /v1/data/airlock/allow': { summary: "OPA Data API: false when {input} is blocked (errors in OPA's shape)", body: opaInput, response: opaAllow },
  'GET /v1/data/airlock/allow': { summary: 'OPA Data API: false when ?input=<JSON> is blocked', response: opaAllow },
  'POST /v1/data/*': { summary: 'OPA Data API: any other document is undefined ({})', response: opaUndefined },
  'GET /v1/data/*': { summary: 'OPA Data API: any other document is undefined ({})', response: opaUndefined },
  'POST /v1/decisions/report': { summary: 'Decisions a local evaluator (the extension, the SDK) made, for the log', response: { name: 'DecisionReportResponse', schema: decisionReportResponse } },
  'POST /v1/guard': { summary: 'Lakera Guard v2 shaped check of messages (flagged on block or redact)', response: { name: 'GuardResult', schema: guardOutput } },
  'POST /v1/guardrails/litellm/beta/litellm_basic_guardrail_api': { summary: "LiteLLM's Generic Guardrail API", response: { name: 'LitellmGuardrailResult', schema: litellmGuardrailOutput } },
  'GET /v1/exports/:format': { summary: 'Blocked services as rpz, hosts, dnsmasq, unbound, squid-acl, pac or adblock (ETag / 304)', produces: 'text/plain' },

  'GET /api/api-clients': { summary: 'List API clients (key prefixes only)', list: 'paged', response: apiClient },
  'GET /api/api-clients/:id': { summary: 'One API client', response: apiClient },
  'POST /api/api-clients': { summary: 'Add an API client; its key is in this answer only', response: apiClientWithKey },
  'PUT /api/api-clients/:id': { summary: 'Change an API client', response: apiClient },
  'POST /api/api-clients/:id/rotate': { summary: 'A new key; the previous ones keep working for the overlap (the key is in this answer only)', response: apiClientWithKey },
  'POST /api/api-clients/:id/revoke': { summary: 'Revoke the client and all its keys', response: apiClient },
  'POST /api/api-clients/:id/keys/:keyId/revoke': { summary: 'Revoke one key', response: apiClient },
  'GET /api/auth/me': { summary: 'The signed-in user, the organization, the permissions of the role and the CSRF token', response: { name: 'Me', schema: meOutput } },
  'GET /api/auth/sessions': { summary: "The signed-in user's own sessions", list: 'array', response: { name: 'Session', schema: sessionOutput } },
  'GET /api/users/:id/sessions': { summary: "A user's sessions (owners)", list: 'array', response: { name: 'Session', schema: sessionOutput } },
  'GET /api/activity': { summary: 'Decisions of the log, filtered, newest first (keyset pages: pass nextCursor)', response: { name: 'ActivityPage', schema: activityPageOutput } },
  'GET /api/activity/export.csv': { summary: 'Matching decisions as CSV (streamed, at most 100,000 rows)', produces: 'text/csv' },
  'GET /api/activity/unknown-destinations': { summary: 'AI destinations outside the catalog seen in decisions', list: 'array', response: { name: 'UnknownDestination', schema: unknownDestinationOutput } },
  'GET /api/activity/:id': { summary: 'One decision with the reasons of the policy version that made it', response: { name: 'ActivityDecision', schema: activityDetailOutput } },
  'POST /api/discovery/imports': { summary: 'Import a log (the body is the file, streamed: application/octet-stream or gzip); answers when it is read', response: { name: 'DiscoveryImport', schema: discoveryImportOutput } },
  'GET /api/discovery/imports': { summary: 'Discovery imports, newest first (uploadId: the progress of an upload)', list: 'array', response: { name: 'DiscoveryImport', schema: discoveryImportOutput } },
  'GET /api/discovery/imports/:id': { summary: 'One discovery import with its bad lines (numbers and reasons)', response: { name: 'DiscoveryImport', schema: discoveryImportOutput } },
  'GET /api/discovery/summary': { summary: 'AI services seen in imported logs: people, zones, requests and bytes per day', response: { name: 'DiscoverySummary', schema: discoverySummaryOutput } },
  'GET /api/discovery/export.csv': { summary: 'Discovered use per day and service as CSV', produces: 'text/csv' },
  'GET /api/discovery/settings': { summary: 'Whether imports keep names instead of keyed hashes', response: { name: 'DiscoverySettings', schema: discoverySettings } },
  'PUT /api/discovery/settings': { summary: 'Names or keyed hashes for people in later imports', response: { name: 'DiscoverySettings', schema: discoverySettings } },
  'GET /api/search': { summary: 'Search services, rules, incidents, users and API clients', response: { name: 'SearchResults', schema: searchOutput } },

  'GET /api/incidents': { summary: 'List incidents', list: 'paged', response: incident },
  'GET /api/incidents/export.csv': { summary: 'Matching incidents as CSV', produces: 'text/csv' },
  'GET /api/incidents/metrics': { summary: 'Incident metrics', response: { name: 'IncidentMetrics', schema: incidentMetricsOutput } },
  'GET /api/incidents/:id': { summary: 'One incident with its tasks', response: incident },
  'POST /api/incidents': { summary: 'Open an incident', response: incident },
  'PUT /api/incidents/:id': { summary: 'Triage an incident', response: incident },
  'GET /api/incidents/:id/events': { summary: "An incident's timeline", list: 'array', response: { name: 'IncidentEvent', schema: incidentEventOutput } },
  'GET /api/incidents/:id/tasks': { summary: "An incident's remediation checklist", list: 'array', response: { name: 'IncidentTask', schema: incidentTaskOutput } },
  'PUT /api/incidents/:id/tasks/:taskId': { summary: 'Tick a remediation task', response: { name: 'IncidentTask', schema: incidentTaskOutput } },
  'PUT /api/incidents/:id/notification': { summary: 'Record whether the authority was notified (stops the 72-hour clock)', response: incident },
  'POST /api/incidents/:id/reporter-messages': {
    summary: 'Write to an anonymous reporter (shown on their status page)',
    response: { name: 'IncidentEvent', schema: incidentEventOutput },
  },

  'GET /api/portal/incident-options': { summary: 'What the report form offers', response: { name: 'IncidentOptions', schema: incidentOptionsOutput } },
  'POST /api/portal/incidents': { summary: 'Report an incident (optionally anonymously)', response: { name: 'PortalIncidentCreated', schema: portalIncidentCreated } },
  'GET /api/portal/incidents': { summary: "The employee's own reports", list: 'paged', response: portalIncident },
  'GET /api/portal/incidents/:id': { summary: 'One of my reports', response: portalIncident },
  'POST /api/portal/incidents/status': {
    summary: 'The status of an anonymous report and its messages (the code in the body, never the URL)',
    response: { name: 'IncidentStatus', schema: incidentStatusOutput },
  },
  'POST /api/portal/incidents/status/messages': {
    summary: 'The anonymous reporter answers the team',
    response: { name: 'IncidentStatus', schema: incidentStatusOutput },
  },
  'GET /api/portal/tools': { summary: 'Which AI services may I use: every catalog service with what the policy answers the asking employee', response: { name: 'PortalTools', schema: portalToolsOutput } },
  'POST /api/portal/tool-requests': { summary: 'Ask for an AI service to be reviewed (a service request)', response: { name: 'ToolRequestCreated', schema: toolRequestCreated } },
  'GET /api/portal/tool-requests': { summary: "The employee's own service requests", list: 'array', response: toolRequest },
  'GET /api/tool-requests': { summary: 'List service requests', list: 'paged', response: toolRequest },
  'GET /api/tool-requests/:id': { summary: 'One service request', response: toolRequest },
  'PUT /api/tool-requests/:id': { summary: 'Approve or reject a service request', response: toolRequest },

  'GET /api/rules': { summary: 'List the draft rules', list: 'paged', response: rule },
  'GET /api/rules/:id': { summary: 'One draft rule', response: rule },
  'POST /api/rules': { summary: 'Add a draft rule', response: rule },
  'PUT /api/rules/:id': { summary: 'Change a draft rule', response: rule },
  'DELETE /api/rules/:id': { summary: 'Delete a draft rule', response: rule },

  'GET /api/policy/draft-diff': { summary: 'What a publish would change: the draft against the version in force', response: { name: 'PolicyDiff', schema: policyDiffOutput } },
  'GET /api/policy-versions/:id/diff': { summary: 'A version against another one or the draft', response: { name: 'PolicyDiff', schema: policyDiffOutput } },
  'POST /api/policy/simulate': { summary: 'One request under the draft and under the published policy', response: { name: 'SimulateResult', schema: simulateOutput } },
  'POST /api/policy/impact': { summary: 'The published policy and the draft replayed over logged decisions: where they differ', response: { name: 'ImpactResult', schema: impactOutput } },
  'POST /api/policy/rule-impact': {
    summary: 'One rule as edited, not saved: how many recent logged decisions it matches and how many it gives another effect',
    response: { name: 'RuleImpactResult', schema: ruleImpactOutput },
  },

  'GET /api/providers': { summary: 'List the catalog', list: 'paged', response: provider },
  'GET /api/providers/:id': { summary: 'One catalog entry', response: provider },
  'POST /api/providers': { summary: 'Add a catalog entry', response: provider },
  'PUT /api/providers/:id': { summary: 'Change a catalog entry', response: provider },
  'POST /api/providers/bulk-status': { summary: "Set several services' status in the draft (one transaction, audited each)", response: { name: 'ProviderBulkStatus', schema: providerBulkStatusOutput } },

  'GET /api/users': { summary: 'List users', list: 'paged', response: user },
  'GET /api/users/:id': { summary: 'One user', response: user },
  'POST /api/users': { summary: 'Add or invite a user', response: userInvited },
  'PUT /api/users/:id': { summary: 'Change a user', response: user },
  'POST /api/users/bulk': { summary: 'Disable, enable or change the role of several users (one transaction, audited each)', response: { name: 'BulkResult', schema: bulkResultOutput } },
  'POST /api/incidents/bulk-assign': { summary: 'Assign several incidents to one analyst (one transaction, audited each)', response: { name: 'BulkResult', schema: bulkResultOutput } },

  'GET /api/webhooks': { summary: 'List webhooks', list: 'paged', response: webhook },
  'GET /api/webhooks/:id': { summary: 'One webhook', response: webhook },
  'POST /api/webhooks': { summary: 'Add a webhook (its secret is shown once)', response: webhook },
  'PUT /api/webhooks/:id': { summary: 'Change a webhook', response: webhook },
  'DELETE /api/webhooks/:id': { summary: 'Delete a webhook', response: webhook },
  'POST /api/webhooks/:id/rotate-secret': { summary: "Replace a webhook's secret (shown once)", response: webhook },
  'GET /api/gateway/upstreams': { summary: "List the AI gateway's upstreams (keys write-only)", list: 'paged', response: gatewayUpstream },
  'GET /api/gateway/upstreams/:id': { summary: 'One gateway upstream', response: gatewayUpstream },
  'POST /api/gateway/upstreams': { summary: 'Add a gateway upstream', response: gatewayUpstream },
  'PUT /api/gateway/upstreams/:id': { summary: 'Change a gateway upstream', response: gatewayUpstream },
  'DELETE /api/gateway/upstreams/:id': { summary: 'Delete a gateway upstream', response: gatewayUpstream },
  'GET /api/gateway/traffic': { summary: 'Gateway traffic per AI service and API client over the last `hours` (default a week)', response: { name: 'GatewayTraffic', schema: gatewayTrafficOutput } },
  'GET /api/siem/destinations': { summary: 'List SIEM destinations with their delivery status', list: 'paged', response: siemDestination },
  'GET /api/siem/destinations/:id': { summary: 'One SIEM destination', response: siemDestination },
  'POST /api/siem/destinations': { summary: 'Add a SIEM destination (its token and client key are write-only)', response: siemDestination },
  'PUT /api/siem/destinations/:id': { summary: 'Change a SIEM destination', response: siemDestination },
  'DELETE /api/siem/destinations/:id': { summary: 'Delete a SIEM destination', response: siemDestination },
  'POST /api/siem/destinations/:id/test': { summary: 'Send one test event to a SIEM destination now', response: { name: 'SiemTestResult', schema: siemTestOutput } },
  'GET /api/webhooks/:id/deliveries': { summary: "A webhook's deliveries", list: 'paged', response: { name: 'WebhookDelivery', schema: webhookDeliveryOutput } },


  'POST /api/auth/login': { summary: 'Sign in with e-mail and password: a session, or the second factors to ask for', response: { name: 'LoginResult', schema: loginOutput } },
  'POST /api/auth/logout': { summary: 'End the session (an SSO session also gets the identity provider\'s logout URL)', response: { name: 'LogoutResult', schema: logoutOutput } },
  'POST /api/auth/password-reset/request': { summary: 'Mail a password reset link (the same answer whether or not the account exists)', response: okMessage },
  'POST /api/auth/password-reset/confirm': { summary: 'Set a new password with the link\'s token', response: ok },
  'POST /api/auth/invitations/accept': { summary: 'Accept an invitation: set the password', response: ok },
  'POST /api/auth/password': { summary: 'Change the own password (the other sessions end)', response: ok },
  'POST /api/auth/sessions/end-others': { summary: 'End every own session but this one', response: sessionsEnded },
  'DELETE /api/auth/sessions/:id': { summary: 'End one own session (the current one signs out)', response: sessionEnded },
  'GET /api/auth/mfa': { summary: 'The own second factors', response: { name: 'MfaStatus', schema: mfaStatusOutput } },
  'POST /api/auth/mfa/sign-in': { summary: 'The second step of a password sign-in: the session', response: sessionStarted },
  'POST /api/auth/mfa/sign-in/passkey-options': { summary: 'WebAuthn options for signing in with a passkey', response: webauthnOptions },
  'POST /api/auth/mfa/totp': { summary: 'Start setting up an authenticator app (secret, URI, QR code)', response: { name: 'TotpSetup', schema: totpSetupOutput } },
  'POST /api/auth/mfa/totp/confirm': { summary: "Confirm the authenticator app with its first code (the account's first factor: its recovery codes)", response: { name: 'TotpConfirmed', schema: totpConfirmedOutput } },
  'DELETE /api/auth/mfa/totp': { summary: 'Remove the authenticator app', response: ok },
  'POST /api/auth/mfa/passkeys/options': { summary: 'WebAuthn options to register a passkey', response: webauthnOptions },
  'POST /api/auth/mfa/passkeys': { summary: 'Register a passkey', response: { name: 'PasskeyAdded', schema: passkeyAddedOutput } },
  'DELETE /api/auth/mfa/passkeys/:id': { summary: 'Remove a passkey', response: ok },
  'POST /api/auth/mfa/recovery-codes': { summary: 'Ten new recovery codes (shown once)', response: { name: 'RecoveryCodes', schema: recoveryCodesOutput } },
  'POST /api/auth/mfa/step-up/passkey-options': { summary: 'WebAuthn options for a step-up with a passkey', response: webauthnOptions },
  'POST /api/auth/mfa/step-up': { summary: 'Prove a second factor again: sensitive actions for five minutes', response: { name: 'StepUp', schema: stepUpOutput } },
  'GET /api/auth/sso/discover': { summary: 'Where an e-mail address signs in (home-realm discovery)', response: { name: 'SsoDiscovery', schema: ssoDiscoveryOutput } },
  'GET /api/auth/sso/organization': { summary: 'Whether an organization signs in through SSO only', response: { name: 'SsoOrganization', schema: ssoOrganizationOutput } },
  'POST /api/auth/sso/test/result': { summary: 'The report of a test sign-in (nothing was written)', response: { name: 'SsoTestResult', schema: ssoTestResultOutput } },
  'GET /api/auth/sso/start': { summary: "Start a single sign-on at the organization's identity provider", ...redirect('to the identity provider') },
  'GET /api/auth/sso/initiate': { summary: 'OpenID Connect third-party-initiated login', ...redirect('to the identity provider') },
  'GET /api/auth/sso/test': { summary: 'Try a sign-in with the saved connection (nothing is written)', ...redirect('to the identity provider') },
  'GET /api/auth/sso/callback': { summary: 'OpenID Connect redirect URI', ...redirect('to the console, signed in') },
  'POST /api/auth/sso/saml/:org/acs': { summary: 'SAML assertion consumer service', ...redirect('to the console, signed in') },
  'GET /api/auth/sso/saml/:org/slo': { summary: 'SAML single logout return', ...redirect('to the console') },
  'POST /api/auth/sso/saml/:org/slo': { summary: 'SAML single logout return', ...redirect('to the console') },
  'GET /api/auth/sso/saml/:org/metadata': { summary: "The organization's SAML service provider metadata", produces: 'application/samlmetadata+xml' },
  'GET /api/sso-connection': { summary: 'The SSO connection (the client secret never comes back)', response: ssoConnection },
  'PUT /api/sso-connection': { summary: 'Change the SSO connection', response: ssoConnection },
  'POST /api/sso-connection/test': { summary: 'Check an issuer or SAML certificates before saving', response: { name: 'SsoConnectionCheck', schema: ssoConnectionCheckOutput } },
  'POST /api/sso-connection/saml-metadata': { summary: "Read an identity provider's SAML metadata into the form's fields (nothing saved)", response: { name: 'SamlMetadata', schema: samlMetadataOutput } },
  'GET /api/sso-domains': { summary: 'The e-mail domains that sign in through SSO', list: 'array', response: ssoDomain },
  'POST /api/sso-domains': { summary: 'Claim a domain (verified by a DNS TXT record)', response: ssoDomain },
  'POST /api/sso-domains/:id/verify': { summary: "Check a domain's DNS TXT record now", response: ssoDomain },
  'DELETE /api/sso-domains/:id': { summary: 'Release a domain', noJsonBody: '204 without a body' },
  'POST /api/users/:id/invitation': { summary: 'Send the invitation again (a new link)', response: userInvited },
  'DELETE /api/users/:id/sessions': { summary: "End every session of a user", response: sessionsEnded },
  'DELETE /api/users/:id/sessions/:sessionId': { summary: "End one session of a user", response: sessionEnded },
  'GET /api/settings': { summary: "The organization's settings", response: orgSettings },
  'PUT /api/settings': { summary: "Change the organization's settings", response: orgSettings },

  'GET /api/zones': { summary: 'List network zones', list: 'paged', response: zone },
  'GET /api/zones/:id': { summary: 'One network zone', response: zone },
  'POST /api/zones': { summary: 'Add a network zone', response: zone },
  'PUT /api/zones/:id': { summary: 'Change a network zone', response: zone },
  'DELETE /api/zones/:id': { summary: 'Delete a network zone', response: zone },
  'GET /api/groups': { summary: 'List groups', list: 'paged', response: group },
  'GET /api/groups/:id': { summary: 'One group', response: group },
  'POST /api/groups': { summary: 'Add a group', response: group },
  'PUT /api/groups/:id': { summary: 'Change a group', response: group },
  'DELETE /api/groups/:id': { summary: 'Delete a group', response: group },
  'GET /api/data-classes': { summary: 'List data classes', list: 'paged', response: dataClass },
  'GET /api/data-classes/:id': { summary: 'One data class', response: dataClass },
  'POST /api/data-classes': { summary: 'Add a data class', response: dataClass },
  'PUT /api/data-classes/:id': { summary: 'Change a data class', response: dataClass },
  'DELETE /api/data-classes/:id': { summary: 'Delete a data class', response: dataClass },
  'GET /api/detectors': { summary: "List the organization's detectors", list: 'paged', response: detector },
  'GET /api/detectors/builtin': { summary: 'The built-in detectors', list: 'array', response: { name: 'BuiltinDetector', schema: builtinDetectorOutput } },
  'GET /api/detectors/:id': { summary: 'One detector', response: detector },
  'POST /api/detectors': { summary: 'Add a detector', response: detector },
  'PUT /api/detectors/:id': { summary: 'Change a detector', response: detector },
  'DELETE /api/detectors/:id': { summary: 'Delete a detector', response: detector },
  'POST /api/detectors/test': { summary: 'Run a detector being edited on sample text', response: detectorTest },
  'POST /api/detectors/:id/test': { summary: 'Run a saved detector on sample text', response: detectorTest },

  'GET /api/policy/status': { summary: 'The version in force, what this instance serves, whether the draft differs', response: { name: 'PolicyStatus', schema: policyStatusOutput } },
  'POST /api/policy/publish': { summary: 'Publish the draft as a new version', response: versionSummary },
  'GET /api/policy/rollout': { summary: 'Which running instances serve version N (or newer)', response: { name: 'Rollout', schema: rolloutOutput } },
  'GET /api/policy-versions': { summary: 'List published versions', list: 'paged', response: versionSummary },
  'GET /api/policy-versions/:id': { summary: 'One version with its snapshot', response: { name: 'PolicyVersion', schema: policyVersionOutput } },
  'POST /api/policy-versions/:number/rollback': { summary: 'Publish an earlier version again', response: versionSummary },
  'DELETE /api/providers/:id': { summary: 'Delete a catalog entry', response: provider },
  'POST /api/providers/:id/block': { summary: 'Block a service and publish at once (the answer has the rollout so far)', response: { name: 'BlockNowResult', schema: blockNowOutput } },
  'GET /api/catalog/release': { summary: 'What built-in catalog releases changed since the last review', response: { name: 'CatalogRelease', schema: catalogReleaseOutput } },
  'POST /api/catalog/review': { summary: 'Mark the catalog changes reviewed', response: { name: 'CatalogReview', schema: catalogReviewOutput } },
  'GET /api/exceptions': { summary: 'List policy exceptions', list: 'paged', response: exception },
  'GET /api/exceptions/:id': { summary: 'One policy exception', response: exception },
  'POST /api/exceptions': { summary: 'Grant a policy exception', response: exception },
  'POST /api/exceptions/:id/revoke': { summary: 'Revoke a policy exception', response: exception },
  'GET /api/audit-events': { summary: 'The audit log', list: 'paged', response: { name: 'AuditEvent', schema: auditEventOutput } },
  'GET /api/audit-events/export.csv': { summary: 'The audit events matching the filters as CSV (streamed, newest first)', produces: 'text/csv' },
  'GET /api/audit-events/:id': { summary: 'One audit event', response: { name: 'AuditEvent', schema: auditEventOutput } },
  'GET /api/audit-events/verify': { summary: "Verify the audit log's hash chain", response: { name: 'AuditVerification', schema: auditVerifyOutput } },
  'GET /api/dashboard': { summary: 'Decisions, services, data classes and incidents of a period (days, or from/to)', response: { name: 'Dashboard', schema: dashboardOutput } },
  'GET /api/dashboard/overrides': { summary: 'Override rates of warnings', response: { name: 'OverrideRates', schema: overrideRatesOutput } },
  'GET /api/dashboard/checklist': { summary: "A new organization's first-run checklist", response: { name: 'OnboardingChecklist', schema: onboardingChecklistOutput } },
  'PUT /api/dashboard/checklist': { summary: 'Dismiss the first-run checklist (or show it again)', response: { name: 'OnboardingChecklist', schema: onboardingChecklistOutput } },
  'POST /api/incidents/:id/comments': { summary: 'Comment on an incident', response: { name: 'IncidentEvent', schema: incidentEventOutput } },
  'GET /api/incidents/:id/similar': { summary: 'Incidents that look like the same event', list: 'array', response: { name: 'SimilarIncident', schema: similarIncidentOutput } },
  'GET /api/discovery/known-services': { summary: 'AI services Airlock knows of outside the built-in catalog', response: { name: 'KnownAiServices', schema: knownAiServicesOutput } },
  'DELETE /api/discovery/imports/:id': { summary: 'Delete an import and its figures', noJsonBody: '204 without a body' },
  'POST /api/webhooks/:id/test': { summary: 'Queue a test delivery', response: webhookDelivery },

  'GET /scim/v2/Users': { summary: 'SCIM: list users', response: { name: 'ScimUserList', schema: scimUserListOutput } },
  'GET /scim/v2/Users/:id': { summary: 'SCIM: one user', response: scimUser },
  'POST /scim/v2/Users': { summary: 'SCIM: provision a user', response: scimUser },
  'PUT /scim/v2/Users/:id': { summary: 'SCIM: replace a user', response: scimUser },
  'PATCH /scim/v2/Users/:id': { summary: 'SCIM: change a user', response: scimUser },
  'DELETE /scim/v2/Users/:id': { summary: 'SCIM: deprovision a user', noJsonBody: '204 without a body' },
  'GET /scim/v2/Groups': { summary: 'SCIM: list groups', response: { name: 'ScimGroupList', schema: scimGroupListOutput } },
  'GET /scim/v2/Groups/:id': { summary: 'SCIM: one group', response: scimGroup },
  'POST /scim/v2/Groups': { summary: 'SCIM: create a group', response: scimGroup },
  'PUT /scim/v2/Groups/:id': { summary: 'SCIM: replace a group', response: scimGroup },
  'PATCH /scim/v2/Groups/:id': { summary: 'SCIM: change a group', noJsonBody: '204 without a body (RFC 7644 3.5.2)' },
  'DELETE /scim/v2/Groups/:id': { summary: 'SCIM: delete a group', noJsonBody: '204 without a body' },
  'GET /scim/v2/ServiceProviderConfig': { summary: 'SCIM: what this service provider supports', response: scimDocument },
  'GET /scim/v2/ResourceTypes': { summary: 'SCIM: the resource types', response: { name: 'ScimDiscoveryList', schema: scimDiscoveryListOutput } },
  'GET /scim/v2/ResourceTypes/:id': { summary: 'SCIM: one resource type', response: scimDocument },
  'GET /scim/v2/Schemas': { summary: 'SCIM: the schemas', response: { name: 'ScimDiscoveryList', schema: scimDiscoveryListOutput } },
  'GET /scim/v2/Schemas/:id': { summary: 'SCIM: one schema', response: scimDocument },

  'GET /healthz': { summary: 'Liveness: the process answers', response: { name: 'Health', schema: healthOutput } },
  'GET /readyz': { summary: 'Readiness: 200 ready, 503 not ready or draining (the same body)', response: readiness },
  'GET /readyz/:check': { summary: 'One readiness check', response: readiness },
  'GET /metrics': { summary: 'Prometheus metrics', produces: 'text/plain' },
  'GET /docs': { summary: 'This reference, as a page (staff)', produces: 'text/html' },
  'GET /docs/assets/:file': { summary: "The reference page's script and style", produces: 'application/javascript' },
  'GET /openapi.json': {
    summary: 'This document',
    response: { name: 'OpenApiDocument', schema: z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }) },
  },
};
