import type { ContentRequest } from './decide';

/**
 * What an API client may assert in a decision request beyond what the server can check (its
 * ApiClient settings). Everything else in a request (action, destination, channel, content and its
 * data classes, the subject's id and e-mail) is the client's word too, but cannot be restricted:
 * see docs/security.md, "What a decision request trusts".
 */
export interface AssertionRights {
  /** `subject.groups` is accepted (and adds to the groups the directory gives the subject). */
  groups: boolean;
  /** `context.ip` is accepted; otherwise the connection's address decides the network zones. */
  ip: boolean;
  /** Zones the client may name in `context.networkZone`: 'any', or these names ([] = none). */
  zones: 'any' | readonly string[];
}

/** What clients created before these settings existed, and the bootstrap key, may assert. */
export const ASSERT_EVERYTHING: AssertionRights = Object.freeze({ groups: true, ip: true, zones: 'any' as const });
/** What a client created in the console or through /api/api-clients may assert unless told otherwise. */
export const ASSERT_NOTHING: AssertionRights = Object.freeze({ groups: false, ip: false, zones: Object.freeze([]) as readonly string[] });

/** An organization's people: a person's groups (lower case) by e-mail or user id. */
export interface SubjectDirectory {
  /** The groups of the person `subject` names (its id first, then its e-mail), or undefined when unknown. */
  groupsOf(subject: { id?: string; email?: string }): readonly string[] | undefined;
}

/** An assertion the client may not make: the request's field and why. */
export interface RefusedAssertion {
  path: string;
  message: string;
}

/**
 * The first thing in `req` its client may not assert, or null. The server answers it with 403 (the
 * request is refused rather than decided on other facts than the client thinks: a misconfigured
 * client fails loudly instead of getting answers it cannot explain); LocalDecider throws.
 */
export function refusedAssertion(req: ContentRequest, rights: AssertionRights): RefusedAssertion | null {
  const groups = req.subject?.groups;
  if (!rights.groups && groups !== undefined && groups.length > 0) {
    return { path: 'subject.groups', message: 'This API client may not assert groups: the subject\'s groups come from the directory (send subject.email or subject.id), or an admin allows the client to assert groups' };
  }
  const context = req.context;
  if (context === undefined) return null;
  if (!rights.ip && context.ip !== undefined) {
    return { path: 'context.ip', message: 'This API client may not assert an IP address: the address of its connection is used (leave context.ip out), or an admin allows the client to assert it' };
  }
  const zone = context.networkZone;
  if (zone !== undefined && rights.zones !== 'any' && !rights.zones.includes(zone.toLowerCase())) {
    return {
      path: 'context.networkZone',
      message:
        rights.zones.length === 0
          ? 'This API client may not name a network zone: zones come from the address, or an admin allows the client to name zones'
          : `This API client may name only these network zones: ${rights.zones.join(', ')}`,
    };
  }
  return null;
}

/** Which address decided the network zones: the request's `context.ip`, the connection's, or none. */
export type IpSource = 'context' | 'connection' | 'none';

export interface ResolvedRequest {
  request: ContentRequest;
  ipSource: IpSource;
  /** The address the zones were looked up for (null: none). */
  ip: string | null;
}

const NO_GROUPS: readonly string[] = Object.freeze([]);

/**
 * The request as the evaluator should see it, the same on the server and in local evaluation:
 *  - groups: the directory's groups of the person the subject names, plus `subject.groups` (the
 *    client's word; refusedAssertion() has already refused them when the client may not assert them);
 *  - address: `context.ip` when the client sent one, else `connectionIp` (the server's view of the
 *    connection, with AIRLOCK_TRUST_PROXY applied; local evaluation has none).
 * Returns the request itself when nothing changes (most requests), so the hot path allocates nothing.
 */
export function resolveRequest(req: ContentRequest, directory: SubjectDirectory | null, connectionIp?: string): ResolvedRequest {
  let request = req;
  const subject = req.subject;
  if (directory !== null && subject !== undefined && (subject.id !== undefined || subject.email !== undefined)) {
    const known = directory.groupsOf(subject);
    if (known !== undefined && known.length > 0) {
      // (typed mutable for the request type; the engine never changes it)
      request = withParts(request, { id: subject.id, email: subject.email, groups: mergeGroups(known, subject.groups) as string[] }, request.context);
    }
  }
  const context = req.context;
  const asserted = context?.ip;
  if (asserted !== undefined) return { request, ipSource: 'context', ip: asserted };
  if (connectionIp === undefined || connectionIp === '') return { request, ipSource: 'none', ip: null };
  const withIp = context === undefined ? { ip: connectionIp } : { ip: connectionIp, channel: context.channel, networkZone: context.networkZone, accountType: context.accountType };
  return { request: withParts(request, request.subject, withIp), ipSource: 'connection', ip: connectionIp };
}

/** A copy with another subject and context, written out field by field (measured: much cheaper than spreads). */
function withParts(req: ContentRequest, subject: ContentRequest['subject'], context: ContentRequest['context']): ContentRequest {
  const requestId = (req as { requestId?: string }).requestId;
  return { requestId, action: req.action, destination: req.destination, subject, context, content: req.content } as ContentRequest;
}

function mergeGroups(known: readonly string[], asserted: readonly string[] | undefined): readonly string[] {
  if (asserted === undefined || asserted.length === 0) return known;
  const out = known.slice();
  for (const g of asserted) {
    const lower = g.toLowerCase();
    if (!out.includes(lower)) out.push(lower);
  }
  return out.length === 0 ? NO_GROUPS : out;
}
