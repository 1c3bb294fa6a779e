import { toCef } from './cef';
import { toJsonEvent } from './json-event';
import { toOcsf } from './ocsf';
import { eventId, eventTime, type SiemEvent, type SiemOrigin } from './siem-events';
import { formatSyslog, octetFrame, SEVERITY } from './syslog';

export type SiemBodyFormat = 'cef' | 'json' | 'ocsf';
export type HttpPreset = 'splunk_hec' | 'elastic' | 'generic';

/** The private enterprise number of Airlock's SD-ID: 32473 is the one RFC 5612 reserves for examples and documentation. */
export const SD_ID = 'airlock@32473';

/** The event as the object the JSON and OCSF bodies serialise. */
export function toBodyObject(e: SiemEvent, format: 'json' | 'ocsf', origin: SiemOrigin): Record<string, unknown> {
  return format === 'ocsf' ? toOcsf(e, origin) : toJsonEvent(e, origin);
}

export function toBody(e: SiemEvent, format: SiemBodyFormat, origin: SiemOrigin): string {
  return format === 'cef' ? toCef(e, origin) : JSON.stringify(toBodyObject(e, format, origin));
}

/** The syslog severity of an event: a block is a warning, a warn or redact a notice, an allow informational. */
export function syslogSeverity(e: SiemEvent): number {
  if (e.type === 'decision')
    return e.entry.effect === 'block' ? SEVERITY.warning : e.entry.effect === 'allow' ? SEVERITY.informational : SEVERITY.notice;
  if (e.type === 'incident') return e.incident.severity === 'critical' ? SEVERITY.error : e.incident.severity === 'high' ? SEVERITY.warning : SEVERITY.notice;
  return SEVERITY.notice;
}

/** One event as an RFC 5424 message with the body in the chosen format, framed by octet counting. */
export function syslogFrame(e: SiemEvent, format: SiemBodyFormat, facility: number, origin: SiemOrigin, procId: string): Buffer {
  return octetFrame(
    formatSyslog({
      facility,
      severity: syslogSeverity(e),
      timestamp: eventTime(e),
      hostname: origin.hostname,
      appName: 'airlock',
      procId,
      msgId: e.type,
      structuredData: [{ id: SD_ID, params: [['type', e.type], ['id', eventId(e)], ['instance', origin.instanceId]] }],
      msg: toBody(e, format, origin),
    }),
  );
}

/**
 * One line of an HTTP batch. Splunk HEC: an event envelope (`time` in seconds, `host`, `source`,
 * `sourcetype`, optional `index`) around the body; Elastic `_bulk`: a `create` action line, then the
 * document with `@timestamp`; generic: the body as it is (JSON lines).
 */
export function httpLine(e: SiemEvent, preset: HttpPreset, format: 'json' | 'ocsf', origin: SiemOrigin, index: string | null): string {
  const body = toBodyObject(e, format, origin);
  if (preset === 'splunk_hec') {
    return JSON.stringify({
      time: eventTime(e).getTime() / 1000,
      host: origin.hostname,
      source: 'airlock',
      sourcetype: format === 'ocsf' ? 'ocsf' : `airlock:${e.type}`,
      ...(index ? { index } : {}),
      event: body,
    });
  }
  if (preset === 'elastic') {
    // `create` with the event's id: a batch sent again after a lost answer is refused (409) item by item, not stored twice.
    return `${JSON.stringify({ create: { _index: index ?? 'airlock-events', _id: eventId(e) } })}\n${JSON.stringify({ '@timestamp': eventTime(e).toISOString(), ...body })}`;
  }
  return JSON.stringify(body);
}

/** The request a batch goes out as: where (the path a preset adds to the URL) and with which headers. */
export function httpRequestOf(preset: HttpPreset, baseUrl: string, token: string | null): { url: string; headers: Record<string, string> } {
  const base = baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'content-encoding': 'gzip' };
  if (preset === 'splunk_hec') {
    if (token) headers.authorization = `Splunk ${token}`;
    headers['content-type'] = 'application/json';
    return { url: /\/services\/collector(\/event)?$/.test(base) ? base : `${base}/services/collector/event`, headers };
  }
  if (preset === 'elastic') {
    if (token) headers.authorization = `ApiKey ${token}`;
    headers['content-type'] = 'application/x-ndjson';
    return { url: /\/_bulk$/.test(base) ? base : `${base}/_bulk`, headers };
  }
  if (token) headers.authorization = `Bearer ${token}`;
  headers['content-type'] = 'application/x-ndjson';
  return { url: baseUrl, headers };
}

/**
 * Elastic answers 200 to a `_bulk` whose items failed one by one: the ids of the items to retry (429:
 * the cluster is busy) and how many were refused for good (a mapping conflict, a bad index).
 */
export function elasticBulkOutcome(answer: string): { retry: number[]; refused: number; firstError: string | null } {
  let parsed: { errors?: boolean; items?: Record<string, { status?: number; error?: { type?: string; reason?: string } }>[] };
  try {
    parsed = JSON.parse(answer) as typeof parsed;
  } catch {
    return { retry: [], refused: 0, firstError: null };
  }
  if (!parsed.errors || !Array.isArray(parsed.items)) return { retry: [], refused: 0, firstError: null };
  const retry: number[] = [];
  let refused = 0;
  let firstError: string | null = null;
  parsed.items.forEach((item, i) => {
    const r = Object.values(item)[0];
    if (!r || (r.status ?? 0) < 300) return;
    if (r.status === 409) return; // `create` of an id already there: delivered before.
    firstError ??= `${r.status} ${r.error?.type ?? ''} ${r.error?.reason ?? ''}`.trim().slice(0, 300);
    if (r.status === 429) retry.push(i);
    else refused += 1;
  });
  return { retry, refused, firstError };
}

/**
 * The wait before the next attempt after `failures` failures in a row: exponential from `baseMs`,
 * capped at `maxMs`, with "equal jitter" (half fixed, half random) so that instances that lost the
 * same receiver do not come back in step.
 */
export function backoffDelay(failures: number, baseMs = 500, maxMs = 30_000, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(exp / 2 + (exp / 2) * random());
}
