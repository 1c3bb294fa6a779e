import type { SiemDeliveryStatus, SiemDestinationOutput } from '@airlock/contracts';
import type { SiemDestination } from '../../generated/prisma/client';

/** A destination as the API shows it: the token as its last four characters, the client key as whether there is one. */
export function toSiemOutput(d: SiemDestination, status: SiemDeliveryStatus): SiemDestinationOutput {
  return {
    id: d.id,
    name: d.name,
    enabled: d.enabled,
    transport: d.transport as SiemDestinationOutput['transport'],
    format: d.format as SiemDestinationOutput['format'],
    host: d.host,
    port: d.port,
    facility: d.facility,
    httpPreset: d.httpPreset as SiemDestinationOutput['httpPreset'],
    url: d.url,
    index: d.index,
    eventTypes: d.eventTypes as SiemDestinationOutput['eventTypes'],
    decisionEffects: d.decisionEffects as SiemDestinationOutput['decisionEffects'],
    caCert: d.caCert,
    clientCert: d.clientCert,
    hasClientKey: d.clientKeySealed !== null,
    tokenLast4: d.tokenLast4,
    status,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** What the audit log records of a destination (never the token or the key, sealed or not). */
export function siemAuditView(d: SiemDestination) {
  return {
    id: d.id,
    name: d.name,
    enabled: d.enabled,
    transport: d.transport,
    format: d.format,
    host: d.host,
    port: d.port,
    facility: d.facility,
    httpPreset: d.httpPreset,
    url: d.url,
    index: d.index,
    eventTypes: d.eventTypes,
    decisionEffects: d.decisionEffects,
    caCert: d.caCert !== null,
    clientCert: d.clientCert !== null,
    clientKey: d.clientKeySealed !== null,
    tokenLast4: d.tokenLast4,
  };
}
