import { z } from 'zod';
import { slug, updateOf } from './common';

/**
 * The AI gateway (docs/integrations/gateway.md): upstreams an organization forwards to, and the
 * guardrail endpoints other gateways call. The upstream key is write-only: answers carry its last 4.
 */
export const GATEWAY_APIS = ['openai', 'anthropic'] as const;
export const gatewayApi = z.enum(GATEWAY_APIS);

/** http(s) without credentials, query or fragment; the SSRF rules are checked by the server. */
export const upstreamBaseUrl = z
  .string()
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without user name, password, query or fragment (e.g. https://api.openai.com/v1)');

export const gatewayUpstreamCreate = z.strictObject({
  name: slug,
  api: gatewayApi,
  /** The catalog provider this upstream is (its slug): the destination every call is decided for. */
  providerSlug: slug,
  baseUrl: upstreamBaseUrl,
  /** The organization's key for the upstream; stored sealed, never returned. */
  apiKey: z.string().min(1).max(4096).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
  enabled: z.boolean().default(true),
  timeoutSeconds: z.number().int().min(1).max(900).default(120),
});
export type GatewayUpstreamCreate = z.infer<typeof gatewayUpstreamCreate>;
export const gatewayUpstreamUpdate = updateOf(gatewayUpstreamCreate, ['keyLast4', 'createdAt', 'updatedAt']);

export const gatewayUpstreamOutput = z.object({
  id: z.string(),
  name: z.string(),
  api: gatewayApi,
  providerSlug: z.string(),
  baseUrl: z.string(),
  /** The last four characters of the upstream key; the key itself never leaves Airlock. */
  keyLast4: z.string(),
  enabled: z.boolean(),
  timeoutSeconds: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GatewayUpstreamOutput = z.infer<typeof gatewayUpstreamOutput>;

/** Gateway traffic per AI service (catalog slug) and API client, from the hourly rollups (dashboard). */
export const gatewayTrafficRow = z.object({
  providerSlug: z.string(),
  apiClientId: z.string(),
  apiClientName: z.string().nullable(),
  calls: z.number(),
  blocked: z.number(),
  redacted: z.number(),
  upstreamErrors: z.number(),
  streamed: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  avgAddedMs: z.number().nullable(),
});
export type GatewayTrafficRow = z.infer<typeof gatewayTrafficRow>;
/** GET /api/gateway/traffic: the rows of the window, busiest first. */
export const gatewayTrafficOutput = z.object({ since: z.string(), hours: z.number(), items: z.array(gatewayTrafficRow) });
export type GatewayTrafficOutput = z.infer<typeof gatewayTrafficOutput>;

// ---------------------------------------------------------------------------------------------------
// Guardrail endpoints

/** LiteLLM's Generic Guardrail API request (POST {api_base}/beta/litellm_basic_guardrail_api). */
export const litellmGuardrailRequest = z.looseObject({
  texts: z.array(z.string().max(1024 * 1024)).max(1000).default([]),
  images: z.array(z.string()).max(100).nullable().optional(),
  tools: z.array(z.unknown()).max(500).nullable().optional(),
  /** Tool calls in OpenAI's shape ({id, type, function: {name, arguments}}): their arguments are decided with the texts. */
  tool_calls: z.array(z.unknown()).max(500).nullable().optional(),
  structured_messages: z.array(z.unknown()).max(1000).nullable().optional(),
  request_data: z.record(z.string(), z.unknown()).nullable().optional(),
  input_type: z.enum(['request', 'response']).default('request'),
  litellm_call_id: z.string().max(200).nullable().optional(),
  litellm_trace_id: z.string().max(200).nullable().optional(),
  /** Airlock reads `provider` (a catalog slug: the destination) and `user`/`groups` from here. */
  additional_provider_specific_params: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type LitellmGuardrailRequest = z.infer<typeof litellmGuardrailRequest>;

export const litellmGuardrailResponse = z.object({
  action: z.enum(['BLOCKED', 'NONE', 'GUARDRAIL_INTERVENED']),
  blocked_reason: z.string().optional(),
  texts: z.array(z.string()).optional(),
  /** With GUARDRAIL_INTERVENED, when a tool call's arguments were masked: the tool calls as sent, those arguments masked. */
  tool_calls: z.array(z.unknown()).optional(),
});

/** A Lakera Guard v2 shaped request (POST /v1/guard, also /v2/guard). */
export const guardRequest = z.looseObject({
  messages: z
    .array(z.looseObject({ role: z.enum(['system', 'user', 'assistant', 'tool', 'developer']), content: z.string().max(1024 * 1024) }))
    .min(1)
    .max(1000),
  project_id: z.string().max(200).optional(),
  payload: z.boolean().default(false),
  breakdown: z.boolean().default(false),
  metadata: z.record(z.string(), z.unknown()).optional(),
  dev_info: z.boolean().optional(),
});
export type GuardRequest = z.infer<typeof guardRequest>;

export const guardResponse = z.object({
  flagged: z.boolean(),
  payload: z
    .array(z.object({ start: z.number(), end: z.number(), text: z.string(), detector_type: z.string(), labels: z.array(z.string()), message_id: z.number() }))
    .optional(),
  breakdown: z
    .array(z.object({ project_id: z.string(), policy_id: z.string(), detector_id: z.string(), detector_type: z.string(), detected: z.boolean(), message_id: z.number() }))
    .optional(),
  metadata: z.object({ request_uuid: z.string() }),
});


/** POST /v1/guardrails/litellm/…: LiteLLM's Generic Guardrail API answer (BLOCKED, GUARDRAIL_INTERVENED with the masked texts, or NONE). */
export const litellmGuardrailOutput = z.union([
  z.object({ action: z.literal('BLOCKED'), blocked_reason: z.string() }),
  z.object({ action: z.literal('GUARDRAIL_INTERVENED'), texts: z.array(z.string()), tool_calls: z.array(z.unknown()).optional() }),
  z.object({ action: z.literal('NONE') }),
]);
export type LitellmGuardrailOutput = z.infer<typeof litellmGuardrailOutput>;

/** POST /v1/guard: Lakera Guard v2 shaped; `payload`, `breakdown` and `dev_info` when the request asks for them. */
export const guardOutput = z.object({
  flagged: z.boolean(),
  metadata: z.object({ request_uuid: z.string() }),
  payload: z.array(z.object({ start: z.number(), end: z.number(), text: z.string(), detector_type: z.string(), labels: z.array(z.string()), message_id: z.number() })).optional(),
  breakdown: z
    .array(z.object({ project_id: z.string(), policy_id: z.string(), detector_id: z.string(), detector_type: z.string(), detected: z.boolean(), message_id: z.number() }))
    .optional(),
  dev_info: z.object({ effect: z.string(), reasons: z.array(z.object({ ruleId: z.string(), effect: z.string(), message: z.string() })) }).optional(),
});
export type GuardOutput = z.infer<typeof guardOutput>;
