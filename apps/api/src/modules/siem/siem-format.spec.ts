import { gunzipSync } from 'node:zlib';
import { cefHeader, cefValue, parseCef, toCef } from './cef';
import { toJsonEvent } from './json-event';
import { auditActivity, toOcsf } from './ocsf';
import type { SiemAuditEvent, SiemDecisionEvent, SiemIncidentEvent, SiemOrigin } from './siem-events';
import { backoffDelay, elasticBulkOutcome, httpLine, httpRequestOf, syslogFrame } from './siem-format';
import { formatSyslog, octetFrame, parseSyslog, readOctetFrames, sdValue, structuredData } from './syslog';
import { gzipLines } from './siem-transport';

const origin: SiemOrigin = { hostname: 'api-1', instanceId: '11111111-1111-4111-8111-111111111111', version: '0.1.0', consoleUrl: 'https://airlock.example.com' };

const decision = (over: Partial<SiemDecisionEvent['entry']> = {}): SiemDecisionEvent => ({
  type: 'decision',
  entry: {
    id: '0190a1b2-0000-7000-8000-000000000001',
    time: new Date('2026-12-03T10:00:00.123Z'),
    organizationId: '22222222-2222-4222-8222-222222222222',
    apiClientId: '33333333-3333-4333-8333-333333333333',
    policyVersion: 7,
    providerSlug: 'deepseek',
    destinationHost: 'chat.deepseek.com',
    action: 'prompt',
    channel: 'web',
    networkZones: ['office'],
    subjectId: 'maria@example.com',
    subjectGroups: ['finance', 'eu'],
    effect: 'block',
    ruleIds: ['no-credentials', 'no-cn'],
    dataClasses: ['credentials'],
    contentHmac: 'f'.repeat(64),
    correlationId: 'corr-1',
    latencyMicros: 420,
    staleSeconds: null,
    source: 'api',
    overrideReason: null,
    ...over,
  },
});

const incident: SiemIncidentEvent = {
  type: 'incident',
  eventId: '44444444-4444-4444-8444-444444444444',
  activity: 'updated',
  time: new Date('2026-12-03T11:00:00.000Z'),
  incident: {
    id: '55555555-5555-4555-8555-555555555555',
    organizationId: '22222222-2222-4222-8222-222222222222',
    number: 12,
    status: 'closed',
    severity: 'high',
    source: 'portal',
    providerSlug: 'chatgpt',
    dataClasses: ['personal_data'],
    anonymous: true,
    personalDataInvolved: true,
    notificationDeadline: new Date('2026-12-06T10:00:00.000Z'),
    closureReason: 'false_positive',
    decisionId: null,
    apiClientId: null,
    assigneeId: '66666666-6666-4666-8666-666666666666',
    reporterId: null,
    duplicateOfId: null,
    reportedAt: new Date('2026-12-03T10:00:00.000Z'),
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: new Date('2026-12-03T11:00:00.000Z'),
    updatedAt: new Date('2026-12-03T11:00:00.000Z'),
  },
};

const audit: SiemAuditEvent = {
  type: 'audit',
  audit: {
    id: '77777777-7777-4777-8777-777777777777',
    organizationId: '22222222-2222-4222-8222-222222222222',
    seq: 42,
    action: 'gateway_upstream.delete',
    entityType: 'GatewayUpstream',
    entityId: 'up-1',
    actorType: 'user',
    actorId: '88888888-8888-4888-8888-888888888888',
    actorLabel: 'admin@example.com',
    ip: '203.0.113.9',
    requestId: 'req-1',
    hash: 'abc',
    createdAt: new Date('2026-12-03T12:00:00.000Z'),
  },
};

describe('CEF escaping', () => {
  it('escapes backslash and pipe in the header, and never lets a line break through', () => {
    expect(cefHeader('a|b\\c')).toBe('a\\|b\\\\c');
    expect(cefHeader('one\r\ntwo\nthree')).toBe('one two three');
    expect(cefHeader('a=b')).toBe('a=b');
  });

  it('escapes backslash, equals and line breaks in extension values; pipes are left as they are', () => {
    expect(cefValue('a=b')).toBe('a\\=b');
    expect(cefValue('c:\\dir')).toBe('c:\\\\dir');
    expect(cefValue('x\ny\rz')).toBe('x\\ny\\rz');
    expect(cefValue('p|q')).toBe('p|q');
  });

  it('round-trips hostile values through a record', () => {
    const nasty = 'why=because\\ | x\nsecond line cs1=forged';
    const record = toCef(decision({ overrideReason: nasty, ruleIds: ['r|1'] }), origin);
    expect(record).not.toContain('\n');
    const { header, extension } = parseCef(record);
    expect(header).toEqual(['CEF:0', 'Airlock', 'Airlock', '0.1.0', 'decision:block', 'prompt block', '8']);
    expect(extension.reason).toBe(nasty);
    expect(extension.cs1).toBe('r|1');
  });
});

describe('CEF records', () => {
  it('maps every field of a decision', () => {
    const { extension: x } = parseCef(toCef(decision(), origin));
    expect(x).toEqual({
      rt: String(Date.parse('2026-12-03T10:00:00.123Z')),
      externalId: '0190a1b2-0000-7000-8000-000000000001',
      cat: 'decision',
      act: 'block',
      app: 'prompt',
      dhost: 'chat.deepseek.com',
      suser: 'maria@example.com',
      cs1Label: 'ruleIds',
      cs1: 'no-credentials,no-cn',
      cs2Label: 'dataClasses',
      cs2: 'credentials',
      cs3Label: 'provider',
      cs3: 'deepseek',
      cs4Label: 'networkZones',
      cs4: 'office',
      cs5Label: 'subjectGroups',
      cs5: 'finance,eu',
      cs6Label: 'channel',
      cs6: 'web',
      cn1Label: 'policyVersion',
      cn1: '7',
      cn2Label: 'latencyMicros',
      cn2: '420',
      airlockOrganizationId: '22222222-2222-4222-8222-222222222222',
      airlockApiClientId: '33333333-3333-4333-8333-333333333333',
      airlockSource: 'api',
      airlockCorrelationId: 'corr-1',
      dvchost: 'api-1',
      deviceExternalId: origin.instanceId,
    });
  });

  it('leaves out what is empty, labels included, and never the content hash', () => {
    const record = toCef(decision({ subjectGroups: [], channel: null, staleSeconds: 3 }), origin);
    const { extension: x } = parseCef(record);
    expect(x.cs5Label).toBeUndefined();
    expect(x.cs6Label).toBeUndefined();
    expect(x.cn3).toBe('3');
    expect(record).not.toContain('f'.repeat(64));
  });

  it('maps an incident and an audit event', () => {
    const i = parseCef(toCef(incident, origin));
    expect(i.header.slice(4)).toEqual(['incident:updated', 'incident updated', '8']);
    expect(i.extension).toMatchObject({ externalId: incident.incident.id, cs1: 'closed', cs5: 'high', cs6: 'false_positive', cn1: '12', airlockAnonymous: 'true', request: `https://airlock.example.com/#/incidents/${incident.incident.id}/show` });
    expect(i.extension.suser).toBeUndefined();
    const a = parseCef(toCef(audit, origin));
    expect(a.header.slice(4)).toEqual(['audit:gateway_upstream.delete', 'gateway_upstream.delete', '5']);
    expect(a.extension).toMatchObject({ act: 'gateway_upstream.delete', suser: 'admin@example.com', src: '203.0.113.9', cs1: 'GatewayUpstream', cn1: '42' });
    expect(parseCef(toCef({ type: 'audit', audit: { ...audit.audit, ip: 'not an ip' } }, origin)).extension.src).toBeUndefined();
  });
});

describe('RFC 5424', () => {
  it('escapes ", \\ and ] in PARAM-VALUEs and nothing else', () => {
    expect(sdValue('a"b\\c]d[e=f')).toBe('a\\"b\\\\c\\]d[e=f');
    expect(structuredData([{ id: 'x@32473', params: [['k', 'v"]'], ['bad name=', 'ü']] }])).toBe('[x@32473 k="v\\"\\]" bad_name_="ü"]');
    expect(structuredData([])).toBe('-');
  });

  it('writes the header, and parses back what it wrote', () => {
    const text = formatSyslog({
      facility: 16,
      severity: 4,
      timestamp: new Date('2026-12-03T10:00:00.123Z'),
      hostname: 'host with space',
      appName: 'airlock',
      procId: '123',
      msgId: 'decision',
      structuredData: [{ id: 'airlock@32473', params: [['v', 'a]b"c\\']] }],
      msg: 'CEF:0|x',
    });
    expect(text).toBe('<132>1 2026-12-03T10:00:00.123Z host_with_space airlock 123 decision [airlock@32473 v="a\\]b\\"c\\\\"] CEF:0|x');
    const parsed = parseSyslog(text);
    expect(parsed.pri).toBe(132);
    expect(parsed.structuredData[0]!.params).toEqual([['v', 'a]b"c\\']]);
    expect(parsed.msg).toBe('CEF:0|x');
    expect(() => formatSyslog({ ...parsed, timestamp: new Date(), facility: 24, severity: 0 })).toThrow(/Facility/);
  });

  it('frames by octet count (UTF-8 bytes, not characters) and splits frames back', () => {
    const frame = octetFrame('é\nx');
    expect(frame.toString('utf8')).toBe('4 é\nx');
    const both = Buffer.concat([frame, octetFrame('second'), Buffer.from('9 trunc')]);
    expect(readOctetFrames(both)).toEqual({ messages: ['é\nx', 'second'], rest: Buffer.from('9 trunc') });
  });

  it('frames each event with the body, the severity of its effect and its SD element', () => {
    const [message] = readOctetFrames(syslogFrame(decision(), 'json', 16, origin, '99')).messages;
    const p = parseSyslog(message!);
    expect(p).toMatchObject({ pri: 16 * 8 + 4, timestamp: '2026-12-03T10:00:00.123Z', hostname: 'api-1', appName: 'airlock', procId: '99', msgId: 'decision' });
    expect(p.structuredData).toEqual([{ id: 'airlock@32473', params: [['type', 'decision'], ['id', decision().entry.id], ['instance', origin.instanceId]] }]);
    expect(JSON.parse(p.msg)).toEqual(toJsonEvent(decision(), origin));
  });
});

describe('OCSF', () => {
  it('maps an allowed prompt to Web Resources Activity with the Security Control profile', () => {
    const o = toOcsf(decision({ effect: 'redact' }), origin) as Record<string, any>;
    expect(o).toMatchObject({
      class_uid: 6001,
      category_uid: 6,
      activity_id: 1,
      type_uid: 600101,
      severity_id: 3,
      action_id: 1,
      disposition_id: 11,
      disposition: 'Corrected',
      time: Date.parse('2026-12-03T10:00:00.123Z'),
      metadata: { version: '1.3.0', uid: decision().entry.id, tenant_uid: decision().entry.organizationId, correlation_uid: 'corr-1', product: { name: 'Airlock', vendor_name: 'Airlock', version: '0.1.0' } },
      actor: { user: { uid: 'maria@example.com', groups: [{ name: 'finance' }, { name: 'eu' }] } },
      dst_endpoint: { hostname: 'chat.deepseek.com' },
      src_endpoint: { zone: 'office' },
      web_resources: [{ type: 'AI service', name: 'deepseek', uid: 'deepseek' }],
      policy: { version: '7' },
      firewall_rule: { uid: 'no-credentials' },
    });
    expect(o.unmapped).toMatchObject({ rule_ids: ['no-credentials', 'no-cn'], data_classes: ['credentials'], latency_micros: 420 });
    expect(JSON.stringify(o)).not.toContain('f'.repeat(64));
    expect((toOcsf(decision({ effect: 'allow', action: 'access' }), origin) as any).activity_id).toBe(2);
  });

  it('maps a block to a Detection Finding', () => {
    const o = toOcsf(decision(), origin) as Record<string, any>;
    expect(o).toMatchObject({ class_uid: 2004, category_uid: 2, activity_id: 1, type_uid: 200401, severity_id: 4, status_id: 1, action_id: 2, disposition_id: 2, is_alert: true });
    expect(o.finding_info).toMatchObject({ uid: decision().entry.id, title: 'AI prompt blocked', analytic: { type_id: 1, uid: 'no-credentials' } });
    expect(o.resources).toEqual([{ type: 'AI service', name: 'deepseek', uid: 'deepseek' }]);
  });

  it('maps an incident to a Detection Finding with its workflow status, an audit event to Entity Management', () => {
    const i = toOcsf(incident, origin) as Record<string, any>;
    expect(i).toMatchObject({ class_uid: 2004, activity_id: 3, activity_name: 'Close', type_uid: 200403, severity_id: 4, status_id: 3, status: 'Suppressed' });
    expect(i.finding_info).toMatchObject({ uid: incident.incident.id, title: 'Incident #12', src_url: `https://airlock.example.com/#/incidents/${incident.incident.id}/show` });
    const a = toOcsf(audit, origin) as Record<string, any>;
    expect(a).toMatchObject({
      class_uid: 3004,
      category_uid: 3,
      activity_id: 4,
      type_uid: 300404,
      metadata: { uid: audit.audit.id, sequence: 42, correlation_uid: 'req-1' },
      actor: { user: { uid: audit.audit.actorId, name: 'admin@example.com' } },
      entity: { type: 'GatewayUpstream', uid: 'up-1' },
      src_endpoint: { ip: '203.0.113.9' },
    });
    expect(auditActivity('policy.publish')).toEqual([3, 'Update']);
    expect(auditActivity('user.create')).toEqual([1, 'Create']);
    expect(auditActivity('activity.export')).toEqual([2, 'Read']);
    expect(auditActivity('something.odd')).toEqual([99, 'Other']);
  });
});

describe('HTTP batches', () => {
  it('wraps events for Splunk HEC, Elastic _bulk and a generic collector', () => {
    const hec = JSON.parse(httpLine(audit, 'splunk_hec', 'json', origin, 'main'));
    expect(hec).toMatchObject({ time: Date.parse('2026-12-03T12:00:00.000Z') / 1000, host: 'api-1', source: 'airlock', sourcetype: 'airlock:audit', index: 'main' });
    expect(hec.event).toEqual(toJsonEvent(audit, origin));
    const [action, doc] = httpLine(audit, 'elastic', 'ocsf', origin, null).split('\n');
    expect(JSON.parse(action!)).toEqual({ create: { _index: 'airlock-events', _id: audit.audit.id } });
    expect(JSON.parse(doc!)['@timestamp']).toBe('2026-12-03T12:00:00.000Z');
    expect(JSON.parse(httpLine(audit, 'generic', 'ocsf', origin, null)).class_uid).toBe(3004);
  });

  it('adds the preset path and the authorization of each kind', () => {
    expect(httpRequestOf('splunk_hec', 'https://s:8088/', 'tok')).toEqual({ url: 'https://s:8088/services/collector/event', headers: { 'content-encoding': 'gzip', authorization: 'Splunk tok', 'content-type': 'application/json' } });
    expect(httpRequestOf('splunk_hec', 'https://s:8088/services/collector/event', null).url).toBe('https://s:8088/services/collector/event');
    expect(httpRequestOf('elastic', 'https://es:9200', 'k').headers.authorization).toBe('ApiKey k');
    expect(httpRequestOf('elastic', 'https://es:9200', 'k').url).toBe('https://es:9200/_bulk');
    expect(httpRequestOf('generic', 'http://c/in?x=1', 't')).toMatchObject({ url: 'http://c/in?x=1', headers: { authorization: 'Bearer t' } });
  });

  it('gzips JSON lines', async () => {
    expect(gunzipSync(await gzipLines(['{"a":1}', '{"b":2}'])).toString()).toBe('{"a":1}\n{"b":2}\n');
  });

  it("reads Elastic's per-item results: 429 retried, 409 (already there) delivered, others refused", () => {
    const answer = JSON.stringify({
      errors: true,
      items: [{ create: { status: 201 } }, { create: { status: 429, error: { type: 'es_rejected_execution_exception' } } }, { create: { status: 409 } }, { create: { status: 400, error: { type: 'mapper_parsing_exception', reason: 'bad' } } }],
    });
    expect(elasticBulkOutcome(answer)).toEqual({ retry: [1], refused: 1, firstError: '429 es_rejected_execution_exception' });
    expect(elasticBulkOutcome('{"errors":false,"items":[]}')).toEqual({ retry: [], refused: 0, firstError: null });
  });
});

describe('backoff', () => {
  it('doubles from the base up to the cap, with half of it random', () => {
    expect(backoffDelay(1, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelay(1, 500, 30_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 30_000, () => 1)).toBe(2000);
    expect(backoffDelay(50, 500, 30_000, () => 0)).toBe(15_000);
    expect(backoffDelay(50, 500, 30_000, () => 1)).toBe(30_000);
  });
});
