import { incidentUrl, type SiemEvent, type SiemOrigin } from './siem-events';

/**
 * ArcSight Common Event Format (CEF:0), written by hand: a header of seven `|`-separated fields and
 * an extension of `key=value` pairs. The header escapes `\` and `|`; extension values escape `\`,
 * `=` and line breaks (CR as `\r`, LF as `\n`); keys are the CEF dictionary's where one fits
 * (rt, act, dhost, suser, src, externalId, cs1..cs6 with their labels, cn1..cn3, request) and
 * `airlock*` for the rest. docs/integrations/siem.md has the mapping table.
 */

/** A header field: `\` → `\\`, `|` → `\|`; line breaks (not allowed in a header) become spaces. */
export function cefHeader(value: string): string {
  return value.replace(/[\\|]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n]/g, ' ');
}

/** An extension value: `\` → `\\`, `=` → `\=`, CR → `\r`, LF → `\n` (a CRLF is `\r\n`). */
export function cefValue(value: string): string {
  return value.replace(/[\\=\r\n]/g, (c) => (c === '\r' ? '\\r' : c === '\n' ? '\\n' : `\\${c}`));
}

/** Parses an extension back into its pairs (tests, and the docs' examples): the inverse of cefValue. */
export function parseCefExtension(ext: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /(?:^| )([A-Za-z0-9_.]+)=((?:\\.|[^\\])*?)(?= [A-Za-z0-9_.]+=|$)/g;
  for (const m of ext.matchAll(re)) {
    out[m[1]!] = m[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
  }
  return out;
}

/** Splits a CEF record into its header fields and extension (a `\|` is not a separator). */
export function parseCef(record: string): { header: string[]; extension: Record<string, string> } {
  const header: string[] = [];
  let i = 0;
  let field = '';
  while (header.length < 7 && i < record.length) {
    const c = record[i]!;
    if (c === '\\' && i + 1 < record.length) {
      field += record[i + 1];
      i += 2;
      continue;
    }
    if (c === '|') {
      header.push(field);
      field = '';
    } else field += c;
    i++;
  }
  return { header, extension: parseCefExtension(record.slice(i)) };
}

type Ext = [key: string, value: string | number | null | undefined][];

const empty = (v: string | number | null | undefined) => v === null || v === undefined || v === '';

/** The pairs with a value; a label (`cs1Label`) only when its field (`cs1`) has one. */
function extension(pairs: Ext): string {
  const present = new Set(pairs.filter(([, v]) => !empty(v)).map(([k]) => k));
  const parts: string[] = [];
  for (const [k, v] of pairs) {
    if (empty(v)) continue;
    if (k.endsWith('Label') && !present.has(k.slice(0, -'Label'.length))) continue;
    parts.push(`${k}=${cefValue(String(v))}`);
  }
  return parts.join(' ');
}

const list = (values: readonly string[]) => (values.length ? values.join(',') : null);

/** CEF severity (0-10) of a decision's effect. */
export const CEF_EFFECT_SEVERITY: Record<string, number> = { allow: 1, warn: 4, redact: 6, block: 8 };
/** CEF severity of an incident's severity. */
export const CEF_INCIDENT_SEVERITY: Record<string, number> = { low: 3, medium: 5, high: 8, critical: 10 };

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f:]+$/i;

export function toCef(e: SiemEvent, origin: SiemOrigin): string {
  const head = (signature: string, name: string, severity: number) =>
    `CEF:0|Airlock|Airlock|${cefHeader(origin.version)}|${cefHeader(signature)}|${cefHeader(name)}|${severity}|`;
  const common: Ext = [
    ['dvchost', origin.hostname],
    ['deviceExternalId', origin.instanceId],
  ];
  if (e.type === 'decision') {
    const d = e.entry;
    return (
      head(`decision:${d.effect}`, `${d.action} ${d.effect}`, CEF_EFFECT_SEVERITY[d.effect] ?? 5) +
      extension([
        ['rt', d.time.getTime()],
        ['externalId', d.id],
        ['cat', 'decision'],
        ['act', d.effect],
        ['app', d.action],
        ['dhost', d.destinationHost],
        ['suser', d.subjectId],
        ['cs1Label', 'ruleIds'],
        ['cs1', list(d.ruleIds)],
        ['cs2Label', 'dataClasses'],
        ['cs2', list(d.dataClasses)],
        ['cs3Label', 'provider'],
        ['cs3', d.providerSlug],
        ['cs4Label', 'networkZones'],
        ['cs4', list(d.networkZones)],
        ['cs5Label', 'subjectGroups'],
        ['cs5', list(d.subjectGroups)],
        ['cs6Label', 'channel'],
        ['cs6', d.channel],
        ['cn1Label', 'policyVersion'],
        ['cn1', d.policyVersion],
        ['cn2Label', 'latencyMicros'],
        ['cn2', d.latencyMicros],
        ['cn3Label', 'staleSeconds'],
        ['cn3', d.staleSeconds],
        ['reason', d.overrideReason ?? null],
        ['airlockOrganizationId', d.organizationId],
        ['airlockApiClientId', d.apiClientId],
        ['airlockSource', d.source ?? 'api'],
        ['airlockCorrelationId', d.correlationId],
        ...common,
      ])
    );
  }
  if (e.type === 'incident') {
    const i = e.incident;
    return (
      head(`incident:${e.activity}`, `incident ${e.activity}`, CEF_INCIDENT_SEVERITY[i.severity] ?? 5) +
      extension([
        ['rt', e.time.getTime()],
        ['externalId', i.id],
        ['cat', 'incident'],
        ['act', e.activity],
        ['outcome', i.status],
        ['suser', i.reporterId],
        ['duser', i.assigneeId],
        ['request', incidentUrl(origin, i.id)],
        ['cs1Label', 'status'],
        ['cs1', i.status],
        ['cs2Label', 'dataClasses'],
        ['cs2', list(i.dataClasses)],
        ['cs3Label', 'provider'],
        ['cs3', i.providerSlug],
        ['cs4Label', 'source'],
        ['cs4', i.source],
        ['cs5Label', 'severity'],
        ['cs5', i.severity],
        ['cs6Label', 'closureReason'],
        ['cs6', i.closureReason],
        ['cn1Label', 'incidentNumber'],
        ['cn1', i.number],
        ['deviceCustomDate1Label', 'notificationDeadline'],
        ['deviceCustomDate1', i.notificationDeadline?.getTime()],
        ['airlockOrganizationId', i.organizationId],
        ['airlockEventId', e.eventId],
        ['airlockAnonymous', String(i.anonymous)],
        ['airlockPersonalData', String(i.personalDataInvolved)],
        ['airlockDecisionId', i.decisionId],
        ['airlockApiClientId', i.apiClientId],
        ['airlockDuplicateOf', i.duplicateOfId],
        ...common,
      ])
    );
  }
  const a = e.audit;
  const ip = a.ip && (IPV4.test(a.ip) || (a.ip.includes(':') && IPV6.test(a.ip))) ? a.ip : null;
  return (
    head(`audit:${a.action}`, a.action, a.action.endsWith('.delete') ? 5 : 3) +
    extension([
      ['rt', a.createdAt.getTime()],
      ['externalId', a.id],
      ['cat', 'audit'],
      ['act', a.action],
      ['suser', a.actorLabel],
      ['suid', a.actorId],
      ['src', ip],
      ['cs1Label', 'entityType'],
      ['cs1', a.entityType],
      ['cs2Label', 'entityId'],
      ['cs2', a.entityId],
      ['cs3Label', 'actorType'],
      ['cs3', a.actorType],
      ['cs4Label', 'requestId'],
      ['cs4', a.requestId],
      ['cs5Label', 'hash'],
      ['cs5', a.hash],
      ['cn1Label', 'seq'],
      ['cn1', a.seq],
      ['airlockOrganizationId', a.organizationId],
      ...common,
    ])
  );
}
