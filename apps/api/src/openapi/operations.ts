import {
  activityDetailOutput,
  activityPageOutput,
  apiIncidentInput,
  batchRequest,
  decisionRequest,
  decisionResponse,
  impactOutput,
  incidentEventOutput,
  incidentMetricsOutput,
  incidentOptionsOutput,
  incidentOutput,
  incidentStatusOutput,
  incidentTaskOutput,
  policyBundleOutput,
  policyDiffOutput,
  portalIncidentCreated,
  portalIncidentOutput,
  providerOutput,
  searchOutput,
  unknownDestinationOutput,
  ruleOutput,
  simulateOutput,
  toolRequestOutput,
  userOutput,
  webhookDeliveryOutput,
  webhookOutput,
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
  /** Answers another media type than JSON. */
  produces?: 'text/csv' | 'text/html' | 'text/plain' | 'text/event-stream' | 'application/javascript' | 'text/css';
}

const incident = { name: 'Incident', schema: incidentOutput };
const rule = { name: 'Rule', schema: ruleOutput };
const provider = { name: 'Provider', schema: providerOutput };
const user = { name: 'User', schema: userOutput };
const webhook = { name: 'Webhook', schema: webhookOutput };
const toolRequest = { name: 'ToolRequest', schema: toolRequestOutput };
const portalIncident = { name: 'PortalIncident', schema: portalIncidentOutput };
const decision = { name: 'DecisionResponse', schema: decisionResponse };
/** OPA's Data API body: the input is a decision request. */
const opaInput = z.strictObject({ input: decisionRequest.optional() });
const opaDecision = { name: 'OpaDecisionResult', schema: z.object({ decision_id: z.string(), result: decisionResponse }) };
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
  'GET /v1/bundle': { summary: 'The published policy for local evaluation (ETag / 304)', response: { name: 'PolicyBundle', schema: policyBundleOutput } },
  'GET /v1/bundle/events': { summary: 'Server-sent events announcing new policy versions', produces: 'text/event-stream' },
  'POST /v1/incidents': { summary: 'File an incident from a decision client', body: apiIncidentInput, response: incident },
  'GET /v1/authz': { summary: 'nginx auth_request: 204 allow, 403 block (X-Original-URL, X-Airlock-* headers)' },
  'POST /v1/authz': { summary: 'nginx auth_request: 204 allow, 403 block (X-Original-URL, X-Airlock-* headers)' },
  'GET /v1/authz/blocked': { summary: "The explanation page for nginx's error_page", produces: 'text/html' },
  ...Object.fromEntries(['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((m) => [`${m} /v1/authz/envoy/*`, { summary: "Envoy ext_authz check request (path_prefix /v1/authz/envoy): 200 allow, 403 block" }])),
  'POST /v1/data/airlock/decision': { summary: "OPA Data API: the decision for {input} (errors in OPA's shape)", body: opaInput, response: opaDecision },
  'GET /v1/data/airlock/decision': { summary: 'OPA Data API: the decision for ?input=<JSON>', response: opaDecision },
  'POST /v1/data/airlock/allow': { summary: "OPA Data API: false when {input} is blocked (errors in OPA's shape)", body: opaInput, response: opaAllow },
  'GET /v1/data/airlock/allow': { summary: 'OPA Data API: false when ?input=<JSON> is blocked', response: opaAllow },
  'POST /v1/data/*': { summary: 'OPA Data API: any other document is undefined ({})' },
  'GET /v1/data/*': { summary: 'OPA Data API: any other document is undefined ({})' },
  'GET /v1/exports/:format': { summary: 'Blocked services as rpz, hosts, dnsmasq, unbound, squid-acl, pac or adblock (ETag / 304)', produces: 'text/plain' },

  'GET /api/activity': { summary: 'Decisions of the log, filtered, newest first (keyset pages: pass nextCursor)', response: { name: 'ActivityPage', schema: activityPageOutput } },
  'GET /api/activity/export.csv': { summary: 'Matching decisions as CSV (streamed, at most 100,000 rows)', produces: 'text/csv' },
  'GET /api/activity/unknown-destinations': { summary: 'AI destinations outside the catalog seen in decisions', list: 'array', response: { name: 'UnknownDestination', schema: unknownDestinationOutput } },
  'GET /api/activity/:id': { summary: 'One decision with the reasons of the policy version that made it', response: { name: 'ActivityDecision', schema: activityDetailOutput } },
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

  'GET /api/portal/incident-options': { summary: 'What the report form offers', response: { name: 'IncidentOptions', schema: incidentOptionsOutput } },
  'POST /api/portal/incidents': { summary: 'Report an incident (optionally anonymously)', response: { name: 'PortalIncidentCreated', schema: portalIncidentCreated } },
  'GET /api/portal/incidents': { summary: "The employee's own reports", list: 'paged', response: portalIncident },
  'GET /api/portal/incidents/:id': { summary: 'One of my reports', response: portalIncident },
  'GET /api/portal/incidents/status/:token': { summary: 'The status of an anonymous report', response: { name: 'IncidentStatus', schema: incidentStatusOutput } },
  'GET /api/portal/tool-requests': { summary: "The employee's own tool requests", list: 'array', response: toolRequest },
  'GET /api/tool-requests': { summary: 'List tool requests', list: 'paged', response: toolRequest },
  'GET /api/tool-requests/:id': { summary: 'One tool request', response: toolRequest },
  'PUT /api/tool-requests/:id': { summary: 'Approve or reject a tool request', response: toolRequest },

  'GET /api/rules': { summary: 'List the draft rules', list: 'paged', response: rule },
  'GET /api/rules/:id': { summary: 'One draft rule', response: rule },
  'POST /api/rules': { summary: 'Add a draft rule', response: rule },
  'PUT /api/rules/:id': { summary: 'Change a draft rule', response: rule },
  'DELETE /api/rules/:id': { summary: 'Delete a draft rule', response: rule },

  'GET /api/policy/draft-diff': { summary: 'What a publish would change: the draft against the version in force', response: { name: 'PolicyDiff', schema: policyDiffOutput } },
  'GET /api/policy-versions/:id/diff': { summary: 'A version against another one or the draft', response: { name: 'PolicyDiff', schema: policyDiffOutput } },
  'POST /api/policy/simulate': { summary: 'One request under the draft and under the published policy', response: { name: 'SimulateResult', schema: simulateOutput } },
  'POST /api/policy/impact': { summary: 'The draft replayed against the last logged decisions', response: { name: 'ImpactResult', schema: impactOutput } },

  'GET /api/providers': { summary: 'List the catalog', list: 'paged', response: provider },
  'GET /api/providers/:id': { summary: 'One catalog entry', response: provider },
  'POST /api/providers': { summary: 'Add a catalog entry', response: provider },
  'PUT /api/providers/:id': { summary: 'Change a catalog entry', response: provider },

  'GET /api/users': { summary: 'List users', list: 'paged', response: user },
  'GET /api/users/:id': { summary: 'One user', response: user },
  'POST /api/users': { summary: 'Add or invite a user', response: user },
  'PUT /api/users/:id': { summary: 'Change a user', response: user },

  'GET /api/webhooks': { summary: 'List webhooks', list: 'paged', response: webhook },
  'GET /api/webhooks/:id': { summary: 'One webhook', response: webhook },
  'POST /api/webhooks': { summary: 'Add a webhook (its secret is shown once)', response: webhook },
  'PUT /api/webhooks/:id': { summary: 'Change a webhook', response: webhook },
  'DELETE /api/webhooks/:id': { summary: 'Delete a webhook', response: webhook },
  'POST /api/webhooks/:id/rotate-secret': { summary: "Replace a webhook's secret (shown once)", response: webhook },
  'GET /api/webhooks/:id/deliveries': { summary: "A webhook's deliveries", list: 'paged', response: { name: 'WebhookDelivery', schema: webhookDeliveryOutput } },

  'GET /metrics': { summary: 'Prometheus metrics', produces: 'text/plain' },
  'GET /docs': { summary: 'This reference, as a page (staff)', produces: 'text/html' },
  'GET /docs/assets/:file': { summary: "The reference page's script and style", produces: 'application/javascript' },
  'GET /openapi.json': { summary: 'This document' },
};
