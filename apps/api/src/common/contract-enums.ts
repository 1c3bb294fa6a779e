import type * as C from '@airlock/contracts';
import type * as Db from '../generated/prisma/enums';

/**
 * The enums of libs/contracts (what the API accepts and answers, what the console offers) and of
 * the database (prisma/schema.prisma) are the same sets: a value added to one and not the other
 * fails the type check here instead of failing at run time.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const CONTRACT_ENUMS_MATCH_DATABASE: {
  role: Same<C.Role, Db.Role>;
  ssoProtocol: Same<C.SsoProtocol, Db.SsoProtocol>;
  providerStatus: Same<C.ProviderStatus, Db.ProviderStatus>;
  trainsOnInputs: Same<C.TrainsOnInputs, Db.TrainsOnInputs>;
  effect: Same<C.Effect, Db.Effect>;
  action: Same<C.Action, Db.DecisionAction>;
  detectorKind: Same<C.DetectorKind, Db.DetectorKind>;
  incidentStatus: Same<C.IncidentStatus, Db.IncidentStatus>;
  incidentSeverity: Same<C.IncidentSeverity, Db.IncidentSeverity>;
  closureReason: Same<C.ClosureReason, Db.ClosureReason>;
  incidentSource: Same<C.IncidentSource, Db.IncidentSource>;
  toolRequestStatus: Same<C.ToolRequestStatus, Db.ToolRequestStatus>;
  webhookDeliveryStatus: Same<C.WebhookDeliveryStatus, Db.WebhookDeliveryStatus>;
} = {
  role: true,
  ssoProtocol: true,
  providerStatus: true,
  trainsOnInputs: true,
  effect: true,
  action: true,
  detectorKind: true,
  incidentStatus: true,
  incidentSeverity: true,
  closureReason: true,
  incidentSource: true,
  toolRequestStatus: true,
  webhookDeliveryStatus: true,
};
