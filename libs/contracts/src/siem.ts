import { z } from 'zod';
import { slug, updateOf } from './common';
import { EFFECTS, SIEM_EVENT_TYPES, SIEM_FORMATS, SIEM_HTTP_PRESETS, SIEM_TRANSPORTS } from './constants';

/**
 * SIEM destinations (docs/integrations/siem.md): where an organization's decisions, incidents and
 * audit events are streamed. The HTTP token and the TLS client key are write-only: answers carry
 * `tokenLast4` and `hasClientKey`. Which fields a transport needs is checked by the server on the
 * whole destination (an update may change one field).
 */

/** A host name or an IP address (IPv6 without brackets). */
export const siemHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|[0-9A-Fa-f:.]+)$/, 'must be a host name or an IP address');

export const siemUrl = z
  .string()
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.hash;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without user name, password or fragment (e.g. https://splunk.example.com:8088)');

const pem = (what: string) =>
  z
    .string()
    .max(64 * 1024)
    .regex(/-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/, `must be ${what} in PEM form (-----BEGIN ...-----)`);

export const siemDestinationCreate = z.strictObject({
  name: slug,
  enabled: z.boolean().default(true),
  transport: z.enum(SIEM_TRANSPORTS),
  format: z.enum(SIEM_FORMATS),
  host: siemHost.nullable().optional(),
  port: z.number().int().min(1).max(65535).nullable().optional(),
  /** Syslog facility 0-23 (default 16, local0). */
  facility: z.number().int().min(0).max(23).default(16),
  httpPreset: z.enum(SIEM_HTTP_PRESETS).nullable().optional(),
  url: siemUrl.nullable().optional(),
  /** Splunk index or Elastic index / data stream (default `airlock-events`). */
  index: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,254}$/, 'must be lowercase letters, digits, ".", "_" or "-"')
    .nullable()
    .optional(),
  eventTypes: z
    .array(z.enum(SIEM_EVENT_TYPES))
    .min(1, 'choose at least one kind of event')
    .max(SIEM_EVENT_TYPES.length)
    .refine((a) => new Set(a).size === a.length, 'must not repeat a kind of event'),
  /** Which decisions (by effect) to send; empty: all. */
  decisionEffects: z
    .array(z.enum(EFFECTS))
    .max(EFFECTS.length)
    .refine((a) => new Set(a).size === a.length, 'must not repeat an effect')
    .default([]),
  caCert: pem('certificates').nullable().optional(),
  clientCert: pem('a certificate').nullable().optional(),
  /** Write-only: the TLS client key (PEM); null removes it. */
  clientKey: pem('a private key').nullable().optional(),
  /** Write-only: Splunk HEC token, Elastic API key or bearer token; null removes it. */
  token: z.string().min(1).max(4096).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').nullable().optional(),
});
export type SiemDestinationCreate = z.infer<typeof siemDestinationCreate>;
export const siemDestinationUpdate = updateOf(siemDestinationCreate, ['tokenLast4', 'hasClientKey', 'status']);
export type SiemDestinationUpdate = z.infer<typeof siemDestinationUpdate>;

export const siemDeliveryStatus = z.object({
  /** Events waiting on the instances that report (queued plus in flight). */
  queued: z.number(),
  sent: z.number(),
  dropped: z.number(),
  failures: z.number(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  /** Instances whose counts are included. */
  instances: z.number(),
});
export type SiemDeliveryStatus = z.infer<typeof siemDeliveryStatus>;

export const siemDestinationOutput = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  transport: z.enum(SIEM_TRANSPORTS),
  format: z.enum(SIEM_FORMATS),
  host: z.string().nullable(),
  port: z.number().nullable(),
  facility: z.number(),
  httpPreset: z.enum(SIEM_HTTP_PRESETS).nullable(),
  url: z.string().nullable(),
  index: z.string().nullable(),
  eventTypes: z.array(z.enum(SIEM_EVENT_TYPES)),
  decisionEffects: z.array(z.enum(EFFECTS)),
  caCert: z.string().nullable(),
  clientCert: z.string().nullable(),
  hasClientKey: z.boolean(),
  tokenLast4: z.string().nullable(),
  status: siemDeliveryStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SiemDestinationOutput = z.infer<typeof siemDestinationOutput>;

export const siemTestOutput = z.object({
  ok: z.boolean(),
  /** What failed, in words for the console (null on success). */
  error: z.string().nullable(),
  millis: z.number(),
});
export type SiemTestOutput = z.infer<typeof siemTestOutput>;
