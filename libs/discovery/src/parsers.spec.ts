import { createParser, detectFormat } from './detect';
import { isBad, type LineResult, type LogRecord } from './types';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const rec = (r: LineResult) => {
  if (r === null || isBad(r)) throw new Error(`expected a record, got ${JSON.stringify(r)}`);
  return r as LogRecord;
};
const bad = (r: LineResult) => {
  if (r === null || !isBad(r)) throw new Error(`expected a bad line, got ${JSON.stringify(r)}`);
  return r.bad;
};

describe('Squid native access.log', () => {
  const p = () => createParser('squid', { now: NOW });
  test('CONNECT with a user, GET without one', () => {
    const parser = p();
    expect(rec(parser.parse('1764756000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chat.openai.com:443 alice HIER_DIRECT/104.18.32.47 -'))).toEqual({
      time: 1764756000123, destination: 'chat.openai.com:443', user: 'alice', ip: '10.1.2.3', bytesOut: null,
    });
    expect(rec(parser.parse('1764756001.000      3 10.1.2.4 TCP_MISS/200 1024 GET http://example.com/a?b=1 - HIER_DIRECT/93.184.216.34 text/html'))).toMatchObject({ user: null, destination: 'http://example.com/a?b=1' });
    expect(rec(parser.parse('1764756002.5 1 10.1.2.5 NONE_NONE/000 0 - error:transaction-end-before-headers - HIER_NONE/- -'))).toMatchObject({ destination: 'error:transaction-end-before-headers' });
  });
  test('malformed lines are bad, comments and blanks skipped', () => {
    const parser = p();
    expect(bad(parser.parse('1764756000.123 245 10.1.2.3 TCP_TUNNEL/200 5230'))).toMatch(/at least 7 fields/);
    expect(bad(parser.parse('yesterday 245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT a.com:443 - HIER_DIRECT/1.2.3.4 -'))).toMatch(/Unix time/);
    expect(bad(parser.parse('1764756000.123 245 10.1.2.3 200 5230 CONNECT a.com:443 - HIER_DIRECT/1.2.3.4 -'))).toMatch(/result code/);
    expect(bad(parser.parse('1964756000.123 245 10.1.2.3 TCP_MISS/200 5230 CONNECT a.com:443 - HIER_DIRECT/1.2.3.4 -'))).toMatch(/future/);
    expect(parser.parse('')).toBeNull();
    expect(parser.parse('# comment')).toBeNull();
  });
});

describe('Squid common and combined formats', () => {
  test('CLF with a time zone, combined with referrer and agent', () => {
    const parser = createParser('squid-common', { now: NOW });
    expect(rec(parser.parse('10.1.2.3 - alice [03/Dec/2026:10:00:00 +0100] "CONNECT claude.ai:443 HTTP/1.1" 200 5230 TCP_TUNNEL:HIER_DIRECT'))).toEqual({
      time: Date.UTC(2026, 11, 3, 9, 0, 0), destination: 'claude.ai:443', user: 'alice', ip: '10.1.2.3', bytesOut: null,
    });
    expect(rec(parser.parse('10.9.0.7 bob - [02/Dec/2026:23:59:59 -0500] "POST https://api.openai.com/v1/chat/completions HTTP/1.1" 200 812 "-" "curl/8.5.0"'))).toMatchObject({
      time: Date.UTC(2026, 11, 3, 4, 59, 59), user: 'bob', destination: 'https://api.openai.com/v1/chat/completions',
    });
  });
  test('malformed', () => {
    const parser = createParser('squid-common', { now: NOW });
    expect(bad(parser.parse('10.1.2.3 - - [03/Dec/2026:10:00:00 +0000] CONNECT claude.ai:443 200 5230'))).toMatch(/common log format/);
    expect(bad(parser.parse('10.1.2.3 - - [03/Foo/2026:10:00:00 +0000] "GET http://a.com/ HTTP/1.1" 200 1'))).toMatch(/not a month/);
  });
});

describe('Zscaler NSS web logs', () => {
  // The sample line of help.zscaler.com's "NSS Feed Output Format: Web Logs" (the default feed).
  const defaultFeed =
    '"Mon Jun 20 15:29:11 2022","new-gre","HTTP","ebay.com/","Blocked","Ebay","Consumer Apps","72","14061","0","0","Productivity Loss","Shopping and Auctions","Online Shopping","None","None","0","None","None","new-gre","Default Department","172.17.3.49","66.211.175.229","GET","403","curl/7.68.0","None","FwFilter","Firewall_1","Other","None","NA","NA","N/A"';
  test('the default CSV feed', () => {
    const parser = createParser('zscaler-csv', { now: NOW });
    expect(rec(parser.parse(defaultFeed))).toEqual({ time: Date.UTC(2022, 5, 20, 15, 29, 11), destination: 'ebay.com/', user: 'new-gre', ip: '172.17.3.49', bytesOut: 72 });
  });
  test('a tab-separated feed with a header naming the fields', () => {
    const parser = createParser('zscaler-csv', { now: NOW });
    expect(parser.parse('time\tlogin\teurl\tcip\treqsize')).toBeNull();
    expect(rec(parser.parse('Thu Dec  3 09:15:00 2026\tjdoe@safemarch.com\tchat.deepseek.com/api/v0/chat\t10.2.0.9\t48213'))).toEqual({
      time: Date.UTC(2026, 11, 3, 9, 15, 0), destination: 'chat.deepseek.com/api/v0/chat', user: 'jdoe@safemarch.com', ip: '10.2.0.9', bytesOut: 48213,
    });
    expect(bad(parser.parse('Thu Dec  3 09:15:00 2026\tjdoe@safemarch.com\tchat.deepseek.com/\t10.2.0.9\tmany'))).toMatch(/request size/);
  });
  test('CSV: too few fields, an unclosed quote, a bad time', () => {
    const parser = createParser('zscaler-csv', { now: NOW });
    expect(bad(parser.parse('"Mon Jun 20 15:29:11 2022","new-gre","HTTP","ebay.com/"'))).toMatch(/34 fields/);
    expect(bad(parser.parse('"Mon Jun 20 15:29:11 2022","new-gre'))).toMatch(/quoted field/);
    expect(bad(parser.parse(defaultFeed.replace('Mon Jun 20 15:29:11 2022', 'soon')))).toMatch(/time/);
  });
  test('JSON: the Splunk/Sumo/Datadog layout, the field-name layout, Sentinel', () => {
    const parser = createParser('zscaler-json', { now: NOW });
    expect(
      rec(parser.parse('{ "sourcetype" : "zscalernss-web", "event" : {"datetime":"2026-12-03 08:00:01","reason":"Allowed","event_id":"7351","protocol":"HTTPS","action":"Allowed","transactionsize":"9000","responsesize":"1000","requestsize":"8000","urlcategory":"Generative AI","serverip":"1.2.3.4","ClientIP":"10.3.0.4","status":"200","user":"maria@example.com","url":"gemini.google.com/app","vendor":"Zscaler","hostname":"gemini.google.com"}}')),
    ).toEqual({ time: Date.UTC(2026, 11, 3, 8, 0, 1), destination: 'gemini.google.com', user: 'maria@example.com', ip: '10.3.0.4', bytesOut: 8000 });
    expect(rec(parser.parse('{ "sourcetype" : "zscalernss-web", "event" :{"time":"Thu Dec  3 08:00:02 2026","login":"sam@example.com","proto":"HTTPS","eurl":"claude.ai/api/append_message","cip":"10.3.0.5","reqsize":"1200"}}'))).toMatchObject({
      destination: 'claude.ai/api/append_message', user: 'sam@example.com', bytesOut: 1200,
    });
    expect(rec(parser.parse('<134>Dec  3 08:00:03 nss { "sourcetype" : "zscalernss-web", "TimeGenerated":"2026-12-03 08:00:03", "dhost":"www.perplexity.ai", "src":"10.2.3.4", "suser":"test3@example.com"}'))).toMatchObject({
      destination: 'www.perplexity.ai', ip: '10.2.3.4', user: 'test3@example.com', bytesOut: null,
    });
  });
  test('JSON: broken and incomplete events', () => {
    const parser = createParser('zscaler-json', { now: NOW });
    expect(bad(parser.parse('{ "sourcetype" : "zscalernss-web", "event" : {"datetime":"2026-12-03 08:00:01",'))).toMatch(/JSON/);
    expect(bad(parser.parse('{"event":{"user":"a@b.c","hostname":"claude.ai"}}'))).toMatch(/no time/);
    expect(bad(parser.parse('{"event":{"datetime":"2026-12-03 08:00:01","user":"a@b.c"}}'))).toMatch(/no host/);
    expect(bad(parser.parse('just text'))).toMatch(/JSON object/);
  });
});

describe('BIND query log', () => {
  test('BIND 9.16+ with the client object, older without, ISO times, syslog', () => {
    const parser = createParser('bind', { now: NOW });
    expect(rec(parser.parse('03-Dec-2026 10:00:00.123 queries: info: client @0x7f1c2c0a8b60 10.1.2.3#53422 (chat.openai.com): query: chat.openai.com IN A +E(0)K (10.0.0.53)'))).toEqual({
      time: Date.UTC(2026, 11, 3, 10, 0, 0, 123), destination: 'chat.openai.com', user: null, ip: '10.1.2.3', bytesOut: null,
    });
    expect(rec(parser.parse('03-Dec-2026 10:00:01.000 client 10.1.2.4#40000: query: claude.ai IN AAAA + (10.0.0.53)'))).toMatchObject({ destination: 'claude.ai', ip: '10.1.2.4' });
    expect(rec(parser.parse('2026-12-03T10:00:02.500Z queries: info: client @0x55 2001:db8::7#5353 (api.mistral.ai): view internal: query: api.mistral.ai IN A +E(0) (2001:db8::53)'))).toMatchObject({
      time: Date.UTC(2026, 11, 3, 10, 0, 2, 500), destination: 'api.mistral.ai', ip: '2001:db8::7',
    });
    expect(rec(parser.parse('Dec  3 10:00:03 ns1 named[812]: client @0x7f 10.1.2.5#1234 (poe.com): query: poe.com IN HTTPS + (10.0.0.53)'))).toMatchObject({ time: Date.UTC(2026, 11, 3, 10, 0, 3) });
  });
  test('other categories skipped, broken query lines bad', () => {
    const parser = createParser('bind', { now: NOW });
    expect(parser.parse('03-Dec-2026 10:00:00.000 general: info: zone example.com/IN: loaded serial 7')).toBeNull();
    expect(bad(parser.parse('03-Dec-2026 10:00:00.000 queries: info: client @0x7f query: chat.openai.com'))).toMatch(/client/);
    expect(bad(parser.parse('queries: info: client @0x7f1c 10.1.2.3#53422 (a.com): query: a.com IN A +'))).toMatch(/print-time/);
  });
});

describe('Unbound query log', () => {
  test('queries, epoch and ascii times, syslog, local actions', () => {
    const parser = createParser('unbound', { now: NOW });
    expect(rec(parser.parse('[1764756000] unbound[1234:0] info: 10.1.2.3 chat.deepseek.com. A IN'))).toEqual({
      time: 1764756000000, destination: 'chat.deepseek.com.', user: null, ip: '10.1.2.3', bytesOut: null,
    });
    expect(rec(parser.parse('Dec 03 10:00:00 unbound[1234:0] info: 10.1.2.4 grok.com. AAAA IN'))).toMatchObject({ time: Date.UTC(2026, 11, 3, 10, 0, 0), destination: 'grok.com.' });
    expect(rec(parser.parse('Dec  3 10:00:01 resolver unbound: [1234:0] info: fd00::5 kimi.com. HTTPS IN'))).toMatchObject({ ip: 'fd00::5' });
    expect(rec(parser.parse('[1764756002] unbound[1234:0] info: deepseek.com. always_refuse 10.1.2.3@53422 chat.deepseek.com. A IN'))).toMatchObject({ destination: 'chat.deepseek.com.', ip: '10.1.2.3' });
    expect(rec(parser.parse('[1764756003] unbound[1234:0] info: 10.1.2.3 chat.deepseek.com. A IN NOERROR 0.000112 0 58'))).toMatchObject({ reply: true });
  });
  test('other messages skipped, broken query lines bad', () => {
    const parser = createParser('unbound', { now: NOW });
    expect(parser.parse('[1764756000] unbound[1234:0] info: start of service (unbound 1.17.1).')).toBeNull();
    expect(parser.parse('[1764756000] unbound[1234:0] notice: init module 0: validator')).toBeNull();
    expect(bad(parser.parse('[1764756000] unbound[1234:0] info: 10.1.2.3 chat.deepseek.com.'))).toMatch(/query line/);
    expect(bad(parser.parse('unbound[1234:0] info: 10.1.2.3 chat.deepseek.com. A IN'))).toMatch(/no time/);
  });
});

describe('Zeek http.log, dns.log, ssl.log', () => {
  const HTTP_HEADER = [
    '#separator \\x09',
    '#set_separator\t,',
    '#empty_field\t(empty)',
    '#unset_field\t-',
    '#path\thttp',
    '#open\t2026-12-03-10-00-00',
    '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\ttrans_depth\tmethod\thost\turi\treferrer\tversion\tuser_agent\torigin\trequest_body_len\tresponse_body_len\tstatus_code\tstatus_msg\tusername',
    '#types\ttime\tstring\taddr\tport\taddr\tport\tcount\tstring\tstring\tstring\tstring\tstring\tstring\tstring\tcount\tcount\tcount\tstring\tstring',
  ];
  test('TSV http.log with its header', () => {
    const parser = createParser('zeek', { now: NOW });
    for (const h of HTTP_HEADER) expect(parser.parse(h)).toBeNull();
    expect(rec(parser.parse('1764756000.412345\tCHhAvVGS1DHFjwGM9\t10.1.2.3\t52011\t104.18.32.47\t80\t1\tPOST\tapi.openai.com\t/v1/chat/completions\t-\t1.1\tpython-requests/2.32\t-\t2048\t512\t200\tOK\talice'))).toEqual({
      time: 1764756000412, destination: 'api.openai.com', user: 'alice', ip: '10.1.2.3', bytesOut: 2048,
    });
    expect(parser.parse('1764756001.0\tC2\t10.1.2.3\t52012\t1.2.3.4\t80\t1\tGET\t-\t/\t-\t1.0\t-\t-\t0\t0\t200\tOK\t-')).toBeNull();
    expect(bad(parser.parse('1764756001.0\tC2\t10.1.2.3'))).toMatch(/expected 19 fields/);
    expect(bad(parser.parse('tomorrow\tC2\t10.1.2.3\t52012\t1.2.3.4\t80\t1\tGET\ta.com\t/\t-\t1.0\t-\t-\t0\t0\t200\tOK\t-'))).toMatch(/Unix time/);
    expect(bad(parser.parse('1764756001.0\tC2\t10.1.2.3\t52012\t1.2.3.4\t80\t1\tGET\ta.com\t/\t-\t1.0\t-\t-\tlots\t0\t200\tOK\t-'))).toMatch(/request_body_len/);
  });
  test('TSV dns.log and a record before any header', () => {
    const parser = createParser('zeek', { now: NOW });
    expect(bad(parser.parse('1764756000.1\tC1\t10.1.2.3\t5353\t10.0.0.53\t53\tudp\t1\t-\tclaude.ai'))).toMatch(/#fields/);
    parser.parse('#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\ttrans_id\trtt\tquery\tqclass\tqclass_name\tqtype\tqtype_name\trcode\trcode_name\tAA\tTC\tRD\tRA\tZ\tanswers\tTTLs\trejected');
    expect(rec(parser.parse('1764756000.1\tC1\t10.1.2.3\t5353\t10.0.0.53\t53\tudp\t4242\t0.01\tclaude.ai\t1\tC_INTERNET\t1\tA\t0\tNOERROR\tF\tF\tT\tT\t0\t160.79.104.10\t300.0\tF'))).toEqual({
      time: 1764756000100, destination: 'claude.ai', user: null, ip: '10.1.2.3', bytesOut: null,
    });
  });
  test('JSON lines: http, dns, ssl; ISO times; broken lines', () => {
    const parser = createParser('zeek', { now: NOW });
    expect(rec(parser.parse('{"ts":1764756000.5,"uid":"C1","id.orig_h":"10.1.2.3","id.orig_p":5000,"id.resp_h":"1.2.3.4","id.resp_p":80,"method":"POST","host":"api.anthropic.com","uri":"/v1/messages","request_body_len":4096,"username":"bob"}'))).toEqual({
      time: 1764756000500, destination: 'api.anthropic.com', user: 'bob', ip: '10.1.2.3', bytesOut: 4096,
    });
    expect(rec(parser.parse('{"ts":"2026-12-03T10:00:00.250Z","uid":"C2","id.orig_h":"10.1.2.4","query":"chat.qwen.ai","qtype_name":"A"}'))).toMatchObject({ time: Date.UTC(2026, 11, 3, 10, 0, 0, 250), destination: 'chat.qwen.ai' });
    expect(rec(parser.parse('{"ts":1764756001,"id.orig_h":"10.1.2.5","server_name":"gemini.google.com","version":"TLSv13"}'))).toMatchObject({ destination: 'gemini.google.com' });
    expect(parser.parse('{"ts":1764756001,"id.orig_h":"10.1.2.5","version":"TLSv13","server_name":null}')).toBeNull();
    expect(bad(parser.parse('{"ts":1764756001,"id.orig_h":"10.1.2.5","proto":"tcp"}'))).toMatch(/host/);
    expect(bad(parser.parse('{"ts":1764756001,'))).toMatch(/JSON/);
  });
});

describe('plain CSV', () => {
  test('with a header in any order, user-or-IP column, semicolons', () => {
    const parser = createParser('csv', { now: NOW });
    expect(parser.parse('timestamp,src_ip,user,domain,bytes_sent')).toBeNull();
    expect(rec(parser.parse('2026-12-03T09:00:00Z,10.1.2.3,alice@example.com,chat.openai.com,1500'))).toEqual({
      time: Date.UTC(2026, 11, 3, 9), destination: 'chat.openai.com', user: 'alice@example.com', ip: '10.1.2.3', bytesOut: 1500,
    });
    const semi = createParser('csv', { now: NOW });
    expect(semi.parse('time;user_or_ip;host;bytes_out')).toBeNull();
    expect(rec(semi.parse('1764756000;10.9.8.7;claude.ai;'))).toMatchObject({ ip: '10.9.8.7', user: null, bytesOut: null });
    expect(rec(semi.parse('1764756000123;"Doe, Jane";claude.ai;12'))).toMatchObject({ user: 'Doe, Jane', time: 1764756000123 });
  });
  test('without a header: time, user or IP, host, bytes', () => {
    const parser = createParser('csv', { now: NOW });
    expect(rec(parser.parse('2026-12-03 09:00:00,bob,https://poe.com/chat,77'))).toMatchObject({ user: 'bob', destination: 'https://poe.com/chat', bytesOut: 77 });
    expect(bad(parser.parse('2026-12-03 09:00:00,bob'))).toMatch(/at least 3 columns/);
    expect(bad(parser.parse('2026-12-03 09:00:00,bob,poe.com,1,extra'))).toMatch(/3 or 4 columns/);
    expect(bad(parser.parse('noon,bob,poe.com,1'))).toMatch(/ISO 8601/);
    expect(bad(parser.parse('2026-12-03 09:00:00,bob,poe.com,-5'))).toMatch(/whole number/);
    expect(bad(parser.parse('2026-12-03 09:00:00,bob,,1'))).toMatch(/no host/);
  });
  test('a header without a host column is a bad line', () => {
    const parser = createParser('csv', { now: NOW });
    expect(bad(parser.parse('time,user,bytes'))).toMatch(/host column/);
    expect(bad(parser.parse('2026-12-03T09:00:00Z,bob,12'))).toMatch(/host column/);
  });
});

describe('detectFormat', () => {
  const samples: Record<string, string[]> = {
    squid: ['1764756000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chat.openai.com:443 alice HIER_DIRECT/104.18.32.47 -'],
    'squid-common': ['10.1.2.3 - alice [03/Dec/2026:10:00:00 +0000] "CONNECT claude.ai:443 HTTP/1.1" 200 5230 TCP_TUNNEL:HIER_DIRECT'],
    'zscaler-json': ['{ "sourcetype" : "zscalernss-web", "event" : {"datetime":"2026-12-03 08:00:01","ClientIP":"10.3.0.4","user":"m@example.com","url":"gemini.google.com/app","hostname":"gemini.google.com","requestsize":"1"}}'],
    'zscaler-csv': [
      '"Mon Jun 20 15:29:11 2022","new-gre","HTTP","ebay.com/","Blocked","Ebay","Consumer Apps","72","14061","0","0","Productivity Loss","Shopping and Auctions","Online Shopping","None","None","0","None","None","new-gre","Default Department","172.17.3.49","66.211.175.229","GET","403","curl/7.68.0","None","FwFilter","Firewall_1","Other","None","NA","NA","N/A"',
    ],
    bind: ['03-Dec-2026 10:00:00.123 queries: info: client @0x7f1c2c0a8b60 10.1.2.3#53422 (chat.openai.com): query: chat.openai.com IN A +E(0)K (10.0.0.53)'],
    unbound: ['[1764756000] unbound[1234:0] info: start of service (unbound 1.17.1).', '[1764756000] unbound[1234:0] info: 10.1.2.3 chat.deepseek.com. A IN'],
    zeek: ['#separator \\x09', '#fields\tts\tuid\tid.orig_h\tserver_name', '1764756000.1\tC1\t10.1.2.3\tclaude.ai'],
    'zeek (tsv with a bad line)': ['#separator \\x09', '#path\thttp', '#fields\tts\tuid\tid.orig_h\tid.orig_p\thost\turi', '1764756000.1\tC1\t10.1.2.3\t5\tclaude.ai\t/', '1764756000.1\tC1'],
    csv: ['time,user,host,bytes_out', '2026-12-03T09:00:00Z,alice,chat.openai.com,10'],
  };
  test.each(Object.entries(samples))('%s', (format, lines) => {
    expect(detectFormat(lines, { now: NOW })?.format).toBe(format.split(' ')[0]);
  });
  test('zeek JSON is zeek; nothing readable is null', () => {
    expect(detectFormat(['{"ts":1764756000.5,"id.orig_h":"10.1.2.3","host":"api.anthropic.com","request_body_len":1}'], { now: NOW })?.format).toBe('zeek');
    expect(detectFormat(['hello world', 'this is not a log'], { now: NOW })).toBeNull();
    expect(detectFormat([], { now: NOW })).toBeNull();
  });
});
