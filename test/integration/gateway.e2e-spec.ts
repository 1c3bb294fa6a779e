/**
 * The AI gateway with the official SDKs (openai, @anthropic-ai/sdk) against a mock upstream on
 * loopback: redaction with restore (streamed and not), blocks as the SDKs' own errors, a secret
 * split across two streamed events, tool-call arguments, upstream errors and timeouts passed
 * through, scopes and bad input; the guardrail endpoints with fixtures in the shape of the LiteLLM
 * and Lakera documentation.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { type MockLlm, SPLIT_SECRET, startMockLlm } from '../support/mock-llm';
import { TextInspectionPool } from '../../apps/api/src/modules/decisions/text-inspection.pool';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

const EMAIL = 'dana.whitfield@fabrikam-mail.com';
const TOKEN = 'ghp_1234567890abcdefghijklmnopqrstuvwxyz';
const fixture = (name: string) => JSON.parse(readFileSync(path.join(__dirname, '../fixtures/gateway', name), 'utf8'));

describe('AI gateway', () => {
  let t: TestApp;
  let owner: Session;
  let mock: MockLlm;
  let key: string;
  let decideKey: string;
  let clientId: string;
  let openai: OpenAI;
  let anthropic: Anthropic;

  beforeAll(async () => {
    mock = await startMockLlm();
    t = await startTestApp({ AIRLOCK_GATEWAY_ALLOW_PRIVATE: '127.0.0.1' });
    owner = await t.login();
    const rule = (json: Record<string, unknown>) => owner.json('/api/rules', { method: 'POST', json });
    await rule({ ruleId: 'gw-redact-personal', priority: 1, conditions: { dataClasses: ['personal_data'], actions: ['prompt'] }, effect: 'redact', message: 'Personal data is masked before it reaches the AI service.' });
    await rule({ ruleId: 'gw-no-credentials-back', priority: 2, conditions: { dataClasses: ['credentials'], actions: ['response'] }, effect: 'block', message: 'A credential came back from the AI service; the answer was stopped.' });
    // Only API accounts may send prompts to the OpenAI API: the gateway is one (it calls with the
    // organization's key), a client that does not say is not.
    await rule({ ruleId: 'gw-openai-api-accounts-only', priority: 3, conditions: { providers: ['openai-api'], actions: ['prompt'], accountTypes: ['consumer', 'business', 'unknown'] }, effect: 'block', message: 'Only API accounts may be used with the OpenAI API.' });
    await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'gateway rules' } });
    const up = (json: Record<string, unknown>) => owner.json('/api/gateway/upstreams', { method: 'POST', json });
    await up({ name: 'openai-main', api: 'openai', providerSlug: 'openai-api', baseUrl: `${mock.url}/v1`, apiKey: 'sk-upstream-secret-1234' });
    await up({ name: 'claude', api: 'anthropic', providerSlug: 'anthropic-api', baseUrl: mock.url, apiKey: 'sk-ant-upstream-5678' });
    await up({ name: 'slow', api: 'openai', providerSlug: 'openai-api', baseUrl: `${mock.url}/v1`, apiKey: 'sk-slow-0000', timeoutSeconds: 1 });
    const client = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'app', scopes: ['gateway'] } });
    key = client.key;
    clientId = client.id;
    decideKey = (await owner.json('/api/api-clients', { method: 'POST', json: { name: 'proxy', scopes: ['decide'] } })).key;
    openai = new OpenAI({ apiKey: key, baseURL: `${t.url}/gateway/openai/v1`, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: key, baseURL: `${t.url}/gateway/anthropic`, maxRetries: 0 });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  const lastCall = () => mock.calls[mock.calls.length - 1]!;

  test('upstream keys are sealed and never returned; non-public URLs are refused unless allowed', async () => {
    const list = await owner.request('/api/gateway/upstreams');
    const text = await list.text();
    expect(list.status).toBe(200);
    expect(text).not.toContain('sk-upstream-secret');
    expect(JSON.parse(text).find((u: any) => u.name === 'openai-main').keyLast4).toBe('1234');
    const row = await t.prisma.gatewayUpstream.findFirstOrThrow({ where: { name: 'openai-main' } });
    expect(row.keySealed).not.toContain('sk-upstream');
    const refused = await owner.request('/api/gateway/upstreams', { method: 'POST', json: { name: 'lan', api: 'openai', providerSlug: 'openai-api', baseUrl: 'http://10.1.2.3/v1', apiKey: 'k' } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/private.*AIRLOCK_GATEWAY_ALLOW_PRIVATE/);
    const unknownProvider = await owner.request('/api/gateway/upstreams', { method: 'POST', json: { name: 'x', api: 'openai', providerSlug: 'no-such-ai', baseUrl: `${mock.url}/v1`, apiKey: 'k' } });
    expect(unknownProvider.status).toBe(400);
    const audit = await owner.json<any[]>('/api/audit-events?filter={"action":"gateway_upstream.create"}');
    expect(JSON.stringify(audit)).not.toContain('sk-upstream');
  });

  test('OpenAI chat: the upstream sees placeholders, the caller the original values', async () => {
    const answer = await openai.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: `Write to ${EMAIL} today` }] });
    const sent = JSON.stringify(lastCall().body);
    expect(sent).not.toContain(EMAIL);
    expect(sent).toContain('[EMAIL_1]');
    expect(lastCall().headers.authorization).toBe('Bearer sk-upstream-secret-1234');
    expect(answer.choices[0]!.message.content).toBe(`You said: Write to ${EMAIL} today`);
    expect(answer.usage?.prompt_tokens).toBe(11);
  });

  test('OpenAI chat streaming: restored across chunks, still streaming', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-test', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: `Mail ${EMAIL} now` }] });
    let text = '';
    let chunks = 0;
    for await (const c of stream) {
      text += c.choices[0]?.delta?.content ?? '';
      chunks++;
    }
    expect(JSON.stringify(lastCall().body)).not.toContain(EMAIL);
    expect(text).toBe(`You said: Mail ${EMAIL} now`);
    expect(chunks).toBeGreaterThan(4);
  });

  test('n > 1: each interleaved streamed choice is restored on its own, also when one ends while another holds part of a placeholder', async () => {
    // The mock streams the choices interleaved, a piece of each in turn, with its own piece size per
    // choice: choice 1's placeholder arrives as "[EM" + "AIL_1]", and choice 0 ends between the two.
    for (const tail of ['', ' BURST']) {
      const content = `Mail ${EMAIL} now${tail}`;
      const stream = await openai.chat.completions.create({ model: 'gpt-test', n: 3, stream: true, messages: [{ role: 'user', content }] });
      const texts: string[] = [];
      const finished: number[] = [];
      for await (const c of stream)
        for (const ch of c.choices) {
          texts[ch.index] = (texts[ch.index] ?? '') + (ch.delta?.content ?? '');
          if (ch.finish_reason) finished.push(ch.index);
        }
      const sent = JSON.stringify(lastCall().body);
      expect(sent).not.toContain(EMAIL);
      expect(sent).toContain('[EMAIL_1]');
      expect(texts).toEqual(['Short one', `Choice 1 heard: ${content}`, `Choice 2 heard: ${content}`]);
      expect([...finished].sort()).toEqual([0, 1, 2]);
    }
    // The SDK's own accumulation of a streamed answer, choice by choice.
    const final = await openai.chat.completions.stream({ model: 'gpt-test', n: 2, messages: [{ role: 'user', content: `Write to ${EMAIL}` }] }).finalChatCompletion();
    expect(final.choices.map((c) => c.message.content)).toEqual(['Short one', `Choice 1 heard: Write to ${EMAIL}`]);
    // Not streamed: every choice restored.
    const plain = await openai.chat.completions.create({ model: 'gpt-test', n: 3, messages: [{ role: 'user', content: `Write to ${EMAIL}` }] });
    expect(JSON.stringify(lastCall().body)).not.toContain(EMAIL);
    expect(plain.choices.map((c) => c.message.content)).toEqual(['Short one', `Choice 1 heard: Write to ${EMAIL}`, `Choice 2 heard: Write to ${EMAIL}`]);
  });

  test('OpenAI responses (streamed and not) and embeddings', async () => {
    const r = await openai.responses.create({ model: 'gpt-test', input: `Note for ${EMAIL}` });
    expect(JSON.stringify(lastCall().body)).not.toContain(EMAIL);
    expect(r.output_text).toBe(`You said: Note for ${EMAIL}`);
    const stream = await openai.responses.create({ model: 'gpt-test', input: `Note for ${EMAIL}`, stream: true });
    let text = '';
    let completed = '';
    for await (const ev of stream) {
      if (ev.type === 'response.output_text.delta') text += ev.delta;
      if (ev.type === 'response.completed') completed = (ev.response.output[0] as any).content[0].text;
    }
    expect(text).toBe(`You said: Note for ${EMAIL}`);
    expect(completed).toBe(text);
    // the instructions the answer echoes carry the values restored, as the caller wrote them
    const instructed = await openai.responses.create({ model: 'gpt-test', instructions: `Reply to ${EMAIL} only.`, input: 'hi' });
    expect(lastCall().body.instructions).toMatch(/^Reply to \[EMAIL_\d+\] only\.$/);
    expect(instructed.instructions).toBe(`Reply to ${EMAIL} only.`);
    const e = await openai.embeddings.create({ model: 'emb', input: [`contact ${EMAIL}`, 'plain'] });
    expect(JSON.stringify(lastCall().body)).not.toContain(EMAIL);
    expect(e.data).toHaveLength(2);
  });

  test('Anthropic messages (streamed and not): x-api-key accepted, values restored', async () => {
    const m = await anthropic.messages.create({ model: 'claude-test', max_tokens: 100, system: 'Be brief.', messages: [{ role: 'user', content: `Call ${EMAIL}` }] });
    expect(lastCall().headers['x-api-key']).toBe('sk-ant-upstream-5678');
    expect(JSON.stringify(lastCall().body)).not.toContain(EMAIL);
    expect((m.content[0] as any).text).toBe(`You said: Call ${EMAIL}`);
    const stream = anthropic.messages.stream({ model: 'claude-test', max_tokens: 100, messages: [{ role: 'user', content: `Call ${EMAIL}` }] });
    const final = await stream.finalMessage();
    expect((final.content[0] as any).text).toBe(`You said: Call ${EMAIL}`);
    expect(final.usage.output_tokens).toBeGreaterThan(0);
  });

  test('a streamed answer whose pieces cut a word is not masked for what the first part reads like; a value to mask is masked whole', async () => {
    // For this test, answers (the mock's echo of the prompt) may carry personal data only masked,
    // and prompts go out as they are, so that the answer has the values to mask.
    const rule = await owner.json('/api/rules', { method: 'POST', json: { ruleId: 'gw-mask-personal-back', priority: 4, conditions: { dataClasses: ['personal_data'], actions: ['response'] }, effect: 'redact', message: 'Personal data in answers is masked.' } });
    const promptRules = (await owner.json<any[]>('/api/rules?range=[0,100]')).filter((r) => ['gw-redact-personal', 'no-personal-data-unapproved'].includes(r.ruleId));
    expect(promptRules).toHaveLength(2);
    for (const r of promptRules) await owner.json(`/api/rules/${r.id}`, { method: 'PUT', json: { enabled: false } });
    await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'mask answers' } });
    try {
      // The mock streams "You said: <prompt>" in pieces of 7 characters: "Frida" ends a piece, "y"
      // starts the next; so do the name's "Frida" and " Lindqv".
      let prompt = 'Send the signed copy to legal before Friday, and then ask Frida Lindqvist.';
      while ((10 + prompt.indexOf('Friday')) % 7 !== 2) prompt = ` ${prompt}`;
      const whole = (await openai.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: prompt }] })).choices[0]!.message.content!;
      expect(whole).toContain('before Friday, and then ask [PERSONAL_DATA_REDACTED].');
      expect(whole).not.toContain('Lindqvist');
      const chat = await openai.chat.completions.create({ model: 'gpt-test', stream: true, messages: [{ role: 'user', content: prompt }] });
      let text = '';
      for await (const c of chat) text += c.choices[0]?.delta?.content ?? '';
      expect(text).toBe(whole);
      // The Responses API: its deltas and the whole text of its closing events agree.
      const stream = await openai.responses.create({ model: 'gpt-test', input: prompt, stream: true });
      let deltas = '';
      let done = '';
      for await (const ev of stream) {
        if (ev.type === 'response.output_text.delta') deltas += ev.delta;
        if (ev.type === 'response.output_text.done') done = ev.text;
      }
      expect(deltas).toBe(whole);
      expect(done).toBe(whole);
    } finally {
      await owner.json(`/api/rules/${rule.id}`, { method: 'DELETE' });
      for (const r of promptRules) await owner.json(`/api/rules/${r.id}`, { method: 'PUT', json: { enabled: true } });
      await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'answers as they are' } });
    }
  });

  test('the gateway decides as an API account: a rule that admits only API accounts lets it through and stops a client that does not say', async () => {
    const through = await openai.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'Summarise the quarterly plan.' }] });
    expect(through.choices[0]!.message.content).toBeTruthy();
    const direct = await t.request('/v1/decisions', {
      method: 'POST',
      headers: { authorization: `Bearer ${decideKey}` },
      json: { action: 'prompt', destination: { provider: 'openai-api' }, content: { text: 'Summarise the quarterly plan.' } },
    });
    const answer = (await direct.json()) as { effect: string; reasons: { ruleId: string }[] };
    expect(answer.effect).toBe('block');
    expect(answer.reasons.map((r) => r.ruleId)).toContain('gw-openai-api-accounts-only');
  });

  test('a block is the SDK error with the reason; nothing reaches the upstream', async () => {
    const before = mock.calls.length;
    const err = await openai.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: `deploy with ${TOKEN}` }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((err as Error).message).toMatch(/credential/i);
    const aerr = await anthropic.messages.create({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: `deploy with ${TOKEN}` }] }).catch((e: unknown) => e);
    expect(aerr).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect((aerr as Error).message).toMatch(/credential/i);
    expect(mock.calls.length).toBe(before);
  });

  test('tool-call arguments are inspected: a secret in them blocks, an e-mail is masked and restored in the answer', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'send_mail', parameters: { type: 'object', properties: { to: { type: 'string' } } } } }];
    const err = await openai.chat.completions
      .create({ model: 'gpt-test', tools, messages: [{ role: 'user', content: 'go' }, { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'send_mail', arguments: JSON.stringify({ token: TOKEN }) } }] }, { role: 'tool', tool_call_id: 'c1', content: 'ok' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    const answer = await openai.chat.completions.create({ model: 'gpt-test', tools, messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'send_mail', arguments: JSON.stringify({ to: EMAIL }) } }] }, { role: 'tool', tool_call_id: 'c1', content: 'sent' }, { role: 'user', content: `TOOL again to ${EMAIL}` }] });
    expect(JSON.stringify(lastCall().body)).not.toContain(EMAIL);
    expect(JSON.parse(answer.choices[0]!.message.tool_calls![0]!.type === 'function' ? (answer.choices[0]!.message.tool_calls![0] as any).function.arguments : '{}')).toEqual({ to: EMAIL });
    const m = await anthropic.messages.create({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: `TOOL to ${EMAIL}` }] });
    expect(JSON.stringify(lastCall().body)).not.toContain(EMAIL);
    expect((m.content[0] as any).input).toEqual({ to: EMAIL });
  });

  test("an assistant turn sent back with its reasoning and refusal (values restored in them) is masked again for the upstream", async () => {
    await openai.chat.completions.create({
      model: 'gpt-test',
      messages: [
        { role: 'user', content: 'Draft the mail.' },
        { role: 'assistant', content: 'Sure.', refusal: `I will not mail ${EMAIL}.`, reasoning_content: `The mail goes to ${EMAIL}.` } as any,
        { role: 'user', content: 'Go on.' },
      ],
    });
    const sent = JSON.stringify(lastCall().body);
    expect(sent).not.toContain(EMAIL);
    expect(sent).toMatch(/The mail goes to \[EMAIL_\d+\]\./);
  });

  test("Responses items sent back with text of their own (a shell call's output and environment, a patch's diff, typed text) are decided as a prompt: masked for the upstream, a credential blocks", async () => {
    const input = [
      { type: 'shell_call', call_id: 's1', action: { commands: ['cat contacts.txt'], max_output_length: null, timeout_ms: null }, status: 'completed' },
      { type: 'shell_call_output', call_id: 's1', output: [{ stdout: `contact: ${EMAIL}\n`, stderr: '', outcome: { type: 'exit', exit_code: 0 } }] },
      { type: 'apply_patch_call', call_id: 'p1', status: 'completed', operation: { type: 'update_file', path: 'team.md', diff: `+owner: ${EMAIL}` } },
      { type: 'computer_call', call_id: 'c1', status: 'completed', pending_safety_checks: [], action: { type: 'type', text: EMAIL } },
      { role: 'user', content: 'Summarise what you found.' },
    ];
    await openai.responses.create({ model: 'gpt-test', input: input as any });
    const sent = lastCall().body;
    expect(JSON.stringify(sent)).not.toContain(EMAIL);
    expect(sent.input[1].output[0].stdout).toMatch(/^contact: \[EMAIL_\d+\]\n$/);
    expect(sent.input[2].operation.diff).toMatch(/^\+owner: \[EMAIL_\d+\]$/);
    expect(sent.input[3].action.text).toMatch(/^\[EMAIL_\d+\]$/);
    const before = mock.calls.length;
    const shell = [{ type: 'local_shell_call', call_id: 'l1', status: 'completed', action: { type: 'exec', command: ['git', 'push'], env: { GITHUB_TOKEN: TOKEN } } }, { type: 'local_shell_call_output', id: 'l1', output: 'pushed' }];
    const err = await openai.responses.create({ model: 'gpt-test', input: shell as any }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(mock.calls.length).toBe(before);
  });

  test('a credential split across two streamed events is stopped before the event that completes it', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'LEAK-SPLIT please' }] });
    let text = '';
    const err = await (async () => {
      for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as Error).message).toMatch(/credential came back/);
    expect(text).toContain(SPLIT_SECRET[0]);
    expect(text).not.toContain(SPLIT_SECRET[1]);
    const astream = anthropic.messages.stream({ model: 'claude-test', max_tokens: 100, messages: [{ role: 'user', content: 'LEAK-SPLIT please' }] });
    let atext = '';
    astream.on('text', (d) => (atext += d));
    const aerr = await astream.finalMessage().catch((e: unknown) => e);
    expect(aerr).toBeInstanceOf(Anthropic.APIError);
    expect(atext).not.toContain(SPLIT_SECRET[1]);
    const nonStream = await openai.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'LEAK-SPLIT please' }] }).catch((e: unknown) => e);
    expect(nonStream).toBeInstanceOf(OpenAI.PermissionDeniedError);
  });

  test('the events of one upstream read are inspected together: restored, and a split credential still stopped before the event that completes it', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-test', stream: true, messages: [{ role: 'user', content: `Mail ${EMAIL} BURST` }] });
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
    expect(JSON.stringify(lastCall().body)).not.toContain(EMAIL);
    expect(text).toBe(`You said: Mail ${EMAIL} BURST`);

    const leak = await openai.chat.completions.create({ model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'LEAK-SPLIT BURST please' }] });
    let leaked = '';
    const err = await (async () => {
      for await (const c of leak) leaked += c.choices[0]?.delta?.content ?? '';
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as Error).message).toMatch(/credential came back/);
    expect((err as Error).message).toMatch(/decision [0-9a-f-]{36}/);
    expect(leaked).toContain(SPLIT_SECRET[0]);
    expect(leaked).not.toContain(SPLIT_SECRET[1]);

    // The Responses API's mock writes all its events at once too.
    const rstream = await openai.responses.create({ model: 'gpt-test', input: 'LEAK-SPLIT please', stream: true });
    let rtext = '';
    const rerr = await (async () => {
      for await (const ev of rstream) if (ev.type === 'response.output_text.delta') rtext += ev.delta;
    })().catch((e: unknown) => e);
    expect(rerr).toBeInstanceOf(Error);
    expect(rtext).not.toContain(SPLIT_SECRET[1]);
  });

  test('upstream errors and timeouts are passed through faithfully', async () => {
    const err = await openai.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'ERROR-429' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect((err as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('7');
    expect((err as InstanceType<typeof OpenAI.APIError>).headers?.get('x-request-id')).toBe('req_mock_429');
    expect((err as Error).message).toContain('Rate limit reached for requests');
    // Streamed calls get the upstream's error before any event, as the SDK's error too; so does Anthropic's SDK.
    const streamed = await openai.chat.completions.create({ model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'ERROR-429' }] }).catch((e: unknown) => e);
    expect(streamed).toBeInstanceOf(OpenAI.RateLimitError);
    expect((streamed as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('7');
    const aerr = await anthropic.messages.create({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'ERROR-429' }] }).catch((e: unknown) => e);
    expect(aerr).toBeInstanceOf(Anthropic.RateLimitError);
    const started = Date.now();
    const slow = await openai.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'SLOW' }] }, { headers: { 'X-Airlock-Upstream': 'slow' } }).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(OpenAI.APIError);
    expect((slow as InstanceType<typeof OpenAI.APIError>).status).toBe(504);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a client that disconnects aborts the upstream request', async () => {
    const before = mock.slowClosed;
    const ctrl = new AbortController();
    const p = fetch(`${t.url}/gateway/openai/v1/chat/completions`, { method: 'POST', signal: ctrl.signal, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'x-airlock-upstream': 'slow' }, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'SLOW' }] }) }).catch(() => null);
    await new Promise((r) => setTimeout(r, 150));
    ctrl.abort();
    await p;
    // Well before the upstream's 1 s timeout, the gateway has closed its connection to the upstream.
    const end = Date.now() + 600;
    while (mock.slowClosed === before && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(mock.slowClosed).toBe(before + 1);
  });

  test('keys, scopes and bad input are answered in the API format', async () => {
    const none = await fetch(`${t.url}/gateway/openai/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(((await none.json()) as any).error.type).toBe('authentication_error');
    const wrongScope = await new OpenAI({ apiKey: decideKey, baseURL: `${t.url}/gateway/openai/v1`, maxRetries: 0 }).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(wrongScope).toBeInstanceOf(OpenAI.PermissionDeniedError);
    const badJson = await fetch(`${t.url}/gateway/anthropic/v1/messages`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: '{"messages": [' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    const array = await fetch(`${t.url}/gateway/openai/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '[1]' });
    expect(array.status).toBe(400);
    const groups = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'X-Airlock-Groups': 'finance' } }).catch((e: unknown) => e);
    expect(groups).toBeInstanceOf(OpenAI.PermissionDeniedError);
    const badGroups = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'X-Airlock-Groups': 'Not A Group!' } }).catch((e: unknown) => e);
    expect(badGroups).toBeInstanceOf(OpenAI.BadRequestError);
    const noUpstream = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'X-Airlock-Upstream': 'nope' } }).catch((e: unknown) => e);
    expect(noUpstream).toBeInstanceOf(OpenAI.NotFoundError);
    const big = await fetch(`${t.url}/gateway/openai/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(9 * 1024 * 1024) }] }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error.message).toBeTruthy();
  });

  test("each call's decision row carries the tokens the upstream reported, streamed and not; none for a block or a caller gone mid-stream; never the text", async () => {
    type Row = { effect: string; inputTokens: number | null; outputTokens: number | null; id: string; time: Date };
    let n = 0;
    /** A call with its own request id (the decision's correlation id), and its prompt decision's row once written. */
    const call = async (run: (headers: Record<string, string>) => Promise<unknown>): Promise<Row> => {
      const id = `tokens-${process.pid}-${++n}`;
      await run({ 'X-Request-Id': id });
      const end = Date.now() + 10_000;
      for (;;) {
        const rows = await t.prisma.$queryRaw<Row[]>`SELECT "id", "time", "effect"::text AS effect, "inputTokens", "outputTokens" FROM "DecisionLog" WHERE "correlationId" = ${id} AND "action" = 'prompt'`;
        if (rows.length) {
          expect(rows).toHaveLength(1);
          return rows[0]!;
        }
        if (Date.now() > end) throw new Error(`no decision logged for ${id}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const tokens = (r: Row) => [r.inputTokens, r.outputTokens];
    const TEXT = 'Tokens for the quarterly summary';

    const chat = await call((headers) => openai.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: TEXT }] }, { headers }));
    expect(tokens(chat)).toEqual([11, 7]);
    let streamedUsage: number[] = [];
    const chatStream = await call(async (headers) => {
      const stream = await openai.chat.completions.create({ model: 'gpt-test', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: TEXT }] }, { headers });
      for await (const c of stream) if (c.usage) streamedUsage = [c.usage.prompt_tokens, c.usage.completion_tokens];
    });
    expect(streamedUsage[1]).toBeGreaterThan(1);
    expect(tokens(chatStream)).toEqual(streamedUsage);
    // Without include_usage the stream reports no usage: nothing to count.
    const chatNoUsage = await call(async (headers) => {
      for await (const _ of await openai.chat.completions.create({ model: 'gpt-test', stream: true, messages: [{ role: 'user', content: TEXT }] }, { headers }));
    });
    expect(tokens(chatNoUsage)).toEqual([null, null]);

    const responses = await call((headers) => openai.responses.create({ model: 'gpt-test', input: TEXT }, { headers }));
    expect(tokens(responses)).toEqual([9, 4]);
    const responsesStream = await call(async (headers) => {
      for await (const _ of await openai.responses.create({ model: 'gpt-test', input: TEXT, stream: true }, { headers }));
    });
    expect(tokens(responsesStream)).toEqual([9, 4]);
    const embeddings = await call((headers) => openai.embeddings.create({ model: 'emb', input: [TEXT, 'plain'] }, { headers }));
    expect(tokens(embeddings)).toEqual([5, 0]);

    const messages = await call((headers) => anthropic.messages.create({ model: 'claude-test', max_tokens: 100, messages: [{ role: 'user', content: TEXT }] }, { headers }));
    expect(tokens(messages)).toEqual([12, 6]);
    let final: Anthropic.Message | undefined;
    const messagesStream = await call(async (headers) => {
      final = await anthropic.messages.stream({ model: 'claude-test', max_tokens: 100, messages: [{ role: 'user', content: TEXT }] }, { headers }).finalMessage();
    });
    expect(final!.usage.output_tokens).toBeGreaterThan(1);
    expect(tokens(messagesStream)).toEqual([final!.usage.input_tokens, final!.usage.output_tokens]);

    // Blocked before forwarding: no upstream, no tokens.
    const blocked = await call((headers) => openai.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: `deploy with ${TOKEN}` }] }, { headers }).catch(() => null));
    expect(blocked.effect).toBe('block');
    expect(tokens(blocked)).toEqual([null, null]);

    // The caller goes away after the first event (message_start already reported usage): the call
    // still has its row, without a count, since the answer did not end.
    const gone = await call(async (headers) => {
      const stream = await anthropic.messages.create({ model: 'claude-test', max_tokens: 1000, stream: true, messages: [{ role: 'user', content: `${TEXT} ${'and more '.repeat(300)}` }] }, { headers });
      for await (const _ of stream) break;
    });
    expect(gone.effect).not.toBe('block');
    expect(tokens(gone)).toEqual([null, null]);

    // The Activity API shows them (list and detail); the row holds no text.
    const detail = await owner.json(`/api/activity/${chat.id}?time=${chat.time.toISOString()}`);
    expect([detail.inputTokens, detail.outputTokens]).toEqual([11, 7]);
    const page = await owner.json(`/api/activity?apiClient=${clientId}&action=prompt&limit=200`);
    expect(page.items.find((i: any) => i.id === messages.id)).toMatchObject({ inputTokens: 12, outputTokens: 6 });
    const dump = JSON.stringify(await t.prisma.$queryRaw`SELECT * FROM "DecisionLog" WHERE "correlationId" LIKE ${`tokens-${process.pid}-%`}`);
    expect(dump).not.toContain('quarterly summary');
    expect(dump).not.toContain(TOKEN);
  }, 60_000);

  test('every call is a logged decision (metadata only) and the traffic per provider and key is counted', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const rows = await t.prisma.$queryRaw<{ action: string; n: bigint }[]>`SELECT action::text, count(*) AS n FROM "DecisionLog" WHERE "apiClientId" = ${clientId}::uuid GROUP BY action`;
    const by = Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
    expect(by.prompt).toBeGreaterThan(5);
    expect(by.response).toBeGreaterThan(3);
    const dump = JSON.stringify(await t.prisma.$queryRaw`SELECT * FROM "DecisionLog" WHERE "apiClientId" = ${clientId}::uuid`, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
    expect(dump).not.toContain(EMAIL);
    const traffic = await owner.json('/api/gateway/traffic?hours=1');
    const openaiRow = traffic.items.find((i: any) => i.providerSlug === 'openai-api' && i.apiClientId === clientId);
    expect(openaiRow.apiClientName).toBe('app');
    expect(openaiRow.calls).toBeGreaterThan(5);
    expect(openaiRow.blocked).toBeGreaterThan(0);
    expect(openaiRow.inputTokens).toBeGreaterThan(0);
    expect(traffic.items.some((i: any) => i.providerSlug === 'anthropic-api')).toBe(true);
  });

  /**
   * Streams whose events a scripted upstream sends as given (5 ms apart), with answers' personal
   * data masked: where held text goes out, and what waits for a long whole text.
   */
  describe('held text in scripted streams', () => {
    let scripted: http.Server;
    let events: string[] = [];
    let rule: { id: string };
    const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
    const MASK = '[PERSONAL_DATA_REDACTED]';

    beforeAll(async () => {
      scripted = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          const queue = [...events];
          const next = (): unknown => (queue.length ? (res.write(queue.shift()), setTimeout(next, 5)) : res.end());
          next();
        });
      });
      await new Promise<void>((r) => scripted.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(scripted.address() as AddressInfo).port}`;
      const up = (json: Record<string, unknown>) => owner.json('/api/gateway/upstreams', { method: 'POST', json });
      await up({ name: 'scripted-openai', api: 'openai', providerSlug: 'openai-api', baseUrl: `${base}/v1`, apiKey: 'sk-scripted-1111', timeoutSeconds: 1 });
      await up({ name: 'scripted-claude', api: 'anthropic', providerSlug: 'anthropic-api', baseUrl: base, apiKey: 'sk-ant-scripted-2222' });
      rule = await owner.json('/api/rules', { method: 'POST', json: { ruleId: 'gw-mask-personal-back-scripted', priority: 4, conditions: { dataClasses: ['personal_data'], actions: ['response'] }, effect: 'redact', message: 'Personal data in answers is masked.' } });
      await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'mask answers' } });
    });

    afterAll(async () => {
      await owner.json(`/api/rules/${rule.id}`, { method: 'DELETE' });
      await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'answers as they are' } });
      await new Promise((r) => scripted.close(r));
    });

    /** The gateway's answer as its events' data, in order. */
    async function stream(path: string, upstream: string, body: Record<string, unknown>): Promise<any[]> {
      const res = await t.request(path, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'x-airlock-upstream': upstream }, json: { ...body, stream: true } });
      expect(res.status).toBe(200);
      return (await res.text())
        .split('\n\n')
        .map((e) => e.split('\n').find((l) => l.startsWith('data: '))?.slice(6))
        .filter((d): d is string => d !== undefined)
        .map((d) => (d === '[DONE]' ? d : JSON.parse(d)));
    }

    test('chat: held text of a choice goes out before the event that ends it, also when that event carries another choice', async () => {
      const chunk = (choices: unknown[]) => sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices });
      events = [
        chunk([{ index: 0, delta: { content: 'Please call Frida Lindqvist' }, finish_reason: null }]),
        chunk([{ index: 1, delta: { content: 'Hello there.' }, finish_reason: null }, { index: 0, delta: {}, finish_reason: 'stop' }]),
        chunk([{ index: 1, delta: {}, finish_reason: 'stop' }]),
        sse('[DONE]'),
      ];
      const out = await stream('/gateway/openai/v1/chat/completions', 'scripted-openai', { model: 'm', n: 2, messages: [{ role: 'user', content: 'hi' }] });
      const at = (f: (e: any) => boolean) => out.findIndex((e) => e !== '[DONE]' && e.choices?.some(f));
      const text0 = out.filter((e) => e !== '[DONE]').flatMap((e) => e.choices.filter((c: any) => c.index === 0).map((c: any) => c.delta.content ?? '')).join('');
      expect(text0).toBe(`Please call ${MASK}`);
      expect(at((c: any) => c.index === 0 && c.delta.content === MASK)).toBeLessThan(at((c: any) => c.index === 0 && c.finish_reason === 'stop'));
    });

    test('chat from servers that send "finish_reason": "" on every chunk (Ollama, sglang): no piece ends the choice, so what may go on is still held', async () => {
      const chunk = (content: string, finish: string | null = '') => sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
      events = [chunk('Please call Frida'), chunk(' Lindqvist today.'), chunk(' Send it before Frida'), chunk('y.'), chunk('', 'stop'), sse('[DONE]')];
      const out = await stream('/gateway/openai/v1/chat/completions', 'scripted-openai', { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      const text = out.filter((e) => e !== '[DONE]').map((e) => e.choices[0]?.delta?.content ?? '').join('');
      expect(text).toBe(`Please call ${MASK} today. Send it before Friday.`);
    });

    test('pieces of one read after an event that ended their field (a stream out of order) keep their order', async () => {
      const chunk = (content: string, finish: string | null = null) => sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
      const pieces = [chunk('Hi '), chunk('there, call Frida', 'stop'), chunk(' and '), chunk('Anna Berg')];
      const textOf = async () => (await stream('/gateway/openai/v1/chat/completions', 'scripted-openai', { model: 'm', messages: [{ role: 'user', content: 'hi' }] })).filter((e) => e !== '[DONE]').map((e) => e.choices[0]?.delta?.content ?? '').join('');
      events = [...pieces, sse('[DONE]')];
      const apart = await textOf();
      events = [pieces.join(''), sse('[DONE]')];
      expect(await textOf()).toBe(apart);
      expect(apart).toMatch(/^Hi there, call /);
      expect(apart).not.toContain('Berg');
    });

    test("chat: the model's reasoning (reasoning_content) is inspected and masked like its answer", async () => {
      const chunk = (delta: Record<string, unknown>, finish: string | null = null) => sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] });
      events = [chunk({ reasoning_content: 'The user asks me to call Frida' }), chunk({ reasoning_content: ' Lindqvist, so I will draft it.' }), chunk({ content: 'Here is the draft.' }), chunk({}, 'stop'), sse('[DONE]')];
      const out = (await stream('/gateway/openai/v1/chat/completions', 'scripted-openai', { model: 'm', messages: [{ role: 'user', content: 'hi' }] })).filter((e) => e !== '[DONE]');
      const reasoning = out.map((e) => e.choices[0]?.delta?.reasoning_content ?? '').join('');
      expect(reasoning).toBe(`The user asks me to call ${MASK}, so I will draft it.`);
      expect(out.map((e) => e.choices[0]?.delta?.content ?? '').join('')).toBe('Here is the draft.');
      // the held reasoning goes out before the answer begins
      const answer = out.findIndex((e) => e.choices[0]?.delta?.content);
      expect(out.slice(answer).some((e) => e.choices[0]?.delta?.reasoning_content)).toBe(false);
    });

    test('chat with content as parts (Mistral): the thinking part and the text part are masked, each in its own shape', async () => {
      const chunk = (content: unknown[], finish: string | null = null) => sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: finish }] });
      const thinking = (text: string) => ({ type: 'thinking', thinking: [{ type: 'text', text }] });
      events = [chunk([thinking('The user asks me to call Frida')]), chunk([thinking(' Lindqvist, so I will draft it.')]), chunk([{ type: 'text', text: 'Dear Frida' }]), chunk([{ type: 'text', text: ' Lindqvist, here it is.' }]), chunk([], 'stop'), sse('[DONE]')];
      const out = (await stream('/gateway/openai/v1/chat/completions', 'scripted-openai', { model: 'm', messages: [{ role: 'user', content: 'hi' }] })).filter((e) => e !== '[DONE]');
      const parts = out.flatMap((e) => (Array.isArray(e.choices[0]?.delta?.content) ? e.choices[0].delta.content : []));
      expect(parts.filter((p: any) => p.type === 'thinking').map((p: any) => p.thinking[0].text).join('')).toBe(`The user asks me to call ${MASK}, so I will draft it.`);
      const answer = out.map((e) => e.choices[0]?.delta?.content).map((c) => (typeof c === 'string' ? c : Array.isArray(c) ? c.filter((p: any) => p.type === 'text').map((p: any) => p.text).join('') : '')).join('');
      expect(answer).toBe(`Dear ${MASK}, here it is.`);
    });

    test("Responses: text that arrives whole in an item (typed by a computer-use model) or a citation's title is masked", async () => {
      const typed = { type: 'computer_call', id: 'cu_1', call_id: 'c1', status: 'completed', pending_safety_checks: [], action: { type: 'type', text: 'Frida Lindqvist' } };
      events = [
        sse({ type: 'response.output_item.done', sequence_number: 1, output_index: 0, item: typed }, 'response.output_item.done'),
        sse({ type: 'response.output_text.annotation.added', sequence_number: 2, output_index: 1, content_index: 0, annotation_index: 0, annotation: { type: 'url_citation', title: 'Interview with Frida Lindqvist', url: 'https://example.com/a', start_index: 0, end_index: 1 } }, 'response.output_text.annotation.added'),
        sse({ type: 'response.completed', sequence_number: 3, response: { id: 'resp_1', object: 'response', status: 'completed', model: 'm', output: [typed], usage: { input_tokens: 1, output_tokens: 2 } } }, 'response.completed'),
      ];
      const out = await stream('/gateway/openai/v1/responses', 'scripted-openai', { model: 'm', input: 'hi' });
      expect(out.find((e) => e.type === 'response.output_item.done').item.action.text).toBe(MASK);
      expect(out.find((e) => e.type === 'response.output_text.annotation.added').annotation.title).toBe(`Interview with ${MASK}`);
      expect(out.find((e) => e.type === 'response.completed').response.output[0].action.text).toBe(MASK);
    });

    test("Responses: a shell call's command and a patch's diff streamed in pieces are masked in their pieces, not only in the item that ends them", async () => {
      const patch = { type: 'apply_patch_call', id: 'ap_1', call_id: 'p1', status: 'completed', operation: { type: 'update_file', path: 'team.md', diff: '+owner: Frida Lindqvist\n' } };
      const shell = { type: 'shell_call', id: 'sh_1', call_id: 's1', status: 'completed', action: { commands: ['grep -r "Frida Lindqvist" .'], timeout_ms: null, max_output_length: null } };
      events = [
        sse({ type: 'response.apply_patch_call_operation_diff.delta', sequence_number: 1, item_id: 'ap_1', output_index: 0, delta: '+owner: Frida' }, 'response.apply_patch_call_operation_diff.delta'),
        sse({ type: 'response.apply_patch_call_operation_diff.delta', sequence_number: 2, item_id: 'ap_1', output_index: 0, delta: ' Lindqvist\n' }, 'response.apply_patch_call_operation_diff.delta'),
        sse({ type: 'response.apply_patch_call_operation_diff.done', sequence_number: 3, item_id: 'ap_1', output_index: 0, diff: patch.operation.diff }, 'response.apply_patch_call_operation_diff.done'),
        sse({ type: 'response.output_item.done', sequence_number: 4, output_index: 0, item: patch }, 'response.output_item.done'),
        sse({ type: 'response.shell_call_command.added', sequence_number: 5, output_index: 1, command_index: 0, command: '' }, 'response.shell_call_command.added'),
        sse({ type: 'response.shell_call_command.delta', sequence_number: 6, output_index: 1, command_index: 0, delta: 'grep -r "Frida Lind' }, 'response.shell_call_command.delta'),
        sse({ type: 'response.shell_call_command.delta', sequence_number: 7, output_index: 1, command_index: 0, delta: 'qvist" .' }, 'response.shell_call_command.delta'),
        sse({ type: 'response.shell_call_command.done', sequence_number: 8, output_index: 1, command_index: 0, command: shell.action.commands[0] }, 'response.shell_call_command.done'),
        sse({ type: 'response.output_item.done', sequence_number: 9, output_index: 1, item: shell }, 'response.output_item.done'),
        sse({ type: 'response.completed', sequence_number: 10, response: { id: 'resp_1', object: 'response', status: 'completed', model: 'm', output: [patch, shell], usage: { input_tokens: 1, output_tokens: 2 } } }, 'response.completed'),
      ];
      const out = await stream('/gateway/openai/v1/responses', 'scripted-openai', { model: 'm', input: 'hi' });
      expect(JSON.stringify(out)).not.toContain('Lindqvist');
      expect(out.filter((e) => e.type === 'response.apply_patch_call_operation_diff.delta').map((e) => e.delta).join('')).toBe(`+owner: ${MASK}\n`);
      expect(out.find((e) => e.type === 'response.apply_patch_call_operation_diff.done').diff).toBe(`+owner: ${MASK}\n`);
      expect(out.filter((e) => e.type === 'response.shell_call_command.delta').map((e) => e.delta).join('')).toBe(`grep -r "${MASK}" .`);
    });

    test("chat: streamed tool-call arguments are inspected through their JSON escapes: a name after a line break is masked", async () => {
      const chunk = (args: string, finish: string | null = null) => sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args } }] }, finish_reason: finish }] });
      // cut inside the escape before the name: the window sees it whole
      const args = JSON.stringify({ note: 'Hello,\nFrida Lindqvist will call.' });
      events = [chunk(args.slice(0, 16)), chunk(args.slice(16)), sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }), sse('[DONE]')];
      const out = (await stream('/gateway/openai/v1/chat/completions', 'scripted-openai', { model: 'm', messages: [{ role: 'user', content: 'hi' }] })).filter((e) => e !== '[DONE]');
      const sent = out.map((e) => e.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments ?? '').join('');
      expect(JSON.parse(sent)).toEqual({ note: `Hello,\n${MASK} will call.` });
    });

    test('chat: a masked piece loses its token log probabilities (they would spell out what the mask replaced)', async () => {
      const chunk = (content: string, tokens: string[], finish: string | null = null) => sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, logprobs: { content: tokens.map((token) => ({ token, logprob: -0.1, bytes: null, top_logprobs: [] })) }, finish_reason: finish }] });
      events = [chunk('Please call ', ['Please', ' call', ' ']), chunk('Frida Lindqvist today.', ['Frida', ' Lind', 'qvist', ' today', '.']), chunk('', [], 'stop'), sse('[DONE]')];
      const out = await stream('/gateway/openai/v1/chat/completions', 'scripted-openai', { model: 'm', logprobs: true, messages: [{ role: 'user', content: 'hi' }] });
      expect(JSON.stringify(out)).not.toContain('Lind');
      expect(out.filter((e) => e !== '[DONE]').map((e) => e.choices[0]?.delta?.content ?? '').join('')).toBe(`Please call ${MASK} today.`);
    });

    test('chat: every copy of the reasoning a server sends (reasoning_content, reasoning, reasoning_details) is masked', async () => {
      const chunk = (delta: Record<string, unknown>, finish: string | null = null) => sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] });
      const said = 'I should call Frida Lindqvist today.';
      events = [chunk({ reasoning_content: said, reasoning: said, reasoning_details: [{ type: 'reasoning.text', text: said, index: 0 }] }), chunk({ content: 'Done.' }), chunk({}, 'stop'), sse('[DONE]')];
      const out = JSON.stringify(await stream('/gateway/openai/v1/chat/completions', 'scripted-openai', { model: 'm', messages: [{ role: 'user', content: 'hi' }] }));
      expect(out).not.toContain('Lindqvist');
      expect(out.split(MASK).length - 1).toBe(3);
    });

    test('Anthropic: a citation in the middle of a block does not release what the block holds; the passage it quotes is masked', async () => {
      const delta = (d: Record<string, unknown>) => sse({ type: 'content_block_delta', index: 0, delta: d }, 'content_block_delta');
      events = [
        sse({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'c', content: [], usage: { input_tokens: 3, output_tokens: 0 } } }, 'message_start'),
        sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: [] } }, 'content_block_start'),
        delta({ type: 'text_delta', text: 'The report names Frida' }),
        delta({ type: 'citations_delta', citation: { type: 'char_location', cited_text: 'Author: Frida Lindqvist', document_index: 0, document_title: 'Report', start_char_index: 0, end_char_index: 23 } }),
        delta({ type: 'text_delta', text: ' Lindqvist as author.' }),
        sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
        sse({ type: 'message_stop' }, 'message_stop'),
      ];
      const out = await stream('/gateway/anthropic/v1/messages', 'scripted-claude', { model: 'c', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
      expect(out.filter((e) => e.delta?.type === 'text_delta').map((e) => e.delta.text).join('')).toBe(`The report names ${MASK} as author.`);
      expect(JSON.stringify(out)).not.toContain('Lindqvist');
    });

    test("Anthropic: an error event ends every field: what is held goes out before it", async () => {
      events = [
        sse({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'c', content: [], usage: { input_tokens: 3, output_tokens: 0 } } }, 'message_start'),
        sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'),
        sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Please call Frida Lindqvist' } }, 'content_block_delta'),
        sse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'error'),
      ];
      const out = await stream('/gateway/anthropic/v1/messages', 'scripted-claude', { model: 'c', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
      const types = out.map((e) => e.type);
      expect(types.slice(-3)).toEqual(['content_block_delta', 'content_block_delta', 'error']);
      expect(out.filter((e) => e.type === 'content_block_delta').map((e) => e.delta.text).join('')).toBe(`Please call ${MASK}`);
    });

    test('Responses: a whole text repeated in a closing event with more text than Airlock inspects ends the stream with an error that says so', async () => {
      const long = 'The plan has three phases. '.repeat(42_000);
      events = [
        sse({ type: 'response.output_text.delta', sequence_number: 1, item_id: 'msg_1', output_index: 0, content_index: 0, delta: long }, 'response.output_text.delta'),
        sse({ type: 'response.output_text.done', sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, text: long }, 'response.output_text.done'),
      ];
      const res = await t.request('/gateway/openai/v1/responses', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'x-airlock-upstream': 'scripted-openai' }, json: { model: 'm', input: 'hi', stream: true } });
      const text = await res.text();
      expect(text).toContain('"code":"answer_too_large"');
      expect(text).toMatch(/more text than Airlock inspects/);
    }, 30_000);

    test('Responses: a long whole text checked in the inspection thread longer than the upstream timeout is no timeout; the held text has a sequence number of its own', async () => {
      const long = `${'The plan has three phases and the second one starts in spring. '.repeat(1100)}Please call Frida Lindqvist`;
      const response = (text: string) => ({ id: 'resp_1', object: 'response', status: 'completed', model: 'm', output: [{ type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }], usage: { input_tokens: 1, output_tokens: 2 } });
      events = [
        sse({ type: 'response.created', sequence_number: 0, response: { ...response(''), status: 'in_progress', output: [] } }, 'response.created'),
        sse({ type: 'response.output_text.delta', sequence_number: 1, item_id: 'msg_1', output_index: 0, content_index: 0, delta: long }, 'response.output_text.delta'),
        sse({ type: 'response.output_text.done', sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, text: long }, 'response.output_text.done'),
        sse({ type: 'response.completed', sequence_number: 3, response: response(long) }, 'response.completed'),
      ];
      const pool = t.app.get(TextInspectionPool);
      const inspect = pool.inspect.bind(pool);
      // the thread takes 1.5 s, the upstream's timeout is 1 s
      const slow = jest.spyOn(pool, 'inspect').mockImplementation(async (...args) => (await new Promise((r) => setTimeout(r, 1500)), inspect(...args)));
      try {
        const out = await stream('/gateway/openai/v1/responses', 'scripted-openai', { model: 'm', input: 'hi' });
        expect(slow).toHaveBeenCalled();
        expect(out.map((e) => e.type)).toEqual(['response.created', 'response.output_text.delta', 'response.output_text.delta', 'response.output_text.done', 'response.completed']);
        const masked = long.replace('Frida Lindqvist', MASK);
        expect(out.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta).join('')).toBe(masked);
        expect(out.find((e) => e.type === 'response.output_text.done').text).toBe(masked);
        const numbers = out.map((e) => e.sequence_number).filter((n) => n !== undefined);
        expect(new Set(numbers).size).toBe(numbers.length);
      } finally {
        slow.mockRestore();
      }
    }, 30_000);
  });

  /** An upstream whose answer each test writes by hand (raw HTTP): upstreams that misbehave, shapes the mock does not make. */
  describe('hand-written upstream answers', () => {
    let raw: http.Server;
    let handler: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => res.end();
    let received: any = null;
    let receivedHeaders: http.IncomingHttpHeaders = {};
    const call = (p: string, body: Record<string, unknown>, upstream = 'raw-openai') => t.request(p, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'x-airlock-upstream': upstream }, json: body });
    const json = (body: unknown, headers: Record<string, string> = {}) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'function' ? JSON.stringify(body()) : JSON.stringify(body));
    };
    const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
    const chatAnswer = (message: Record<string, unknown>) => ({ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: null, ...message }, finish_reason: 'stop', logprobs: null }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
    const rawOpenai = () => new OpenAI({ apiKey: key, baseURL: `${t.url}/gateway/openai/v1`, maxRetries: 0, defaultHeaders: { 'X-Airlock-Upstream': 'raw-openai' } });

    beforeAll(async () => {
      raw = http.createServer((req, res) => {
        const parts: Buffer[] = [];
        req.on('data', (c: Buffer) => parts.push(c));
        req.on('end', () => {
          received = JSON.parse(Buffer.concat(parts).toString('utf8'));
          receivedHeaders = req.headers;
          handler(req, res);
        });
      });
      await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
      await owner.json('/api/gateway/upstreams', { method: 'POST', json: { name: 'raw-openai', api: 'openai', providerSlug: 'openai-api', baseUrl: `${base}/v1`, apiKey: 'sk-raw-3333', timeoutSeconds: 1 } });
      await owner.json('/api/gateway/upstreams', { method: 'POST', json: { name: 'raw-claude', api: 'anthropic', providerSlug: 'anthropic-api', baseUrl: base, apiKey: 'sk-ant-raw-4444', timeoutSeconds: 1 } });
    });

    afterAll(async () => {
      raw.closeAllConnections();
      await new Promise((r) => raw.close(r));
    });

    test('an answer whose body stalls after its headers is a 504 within the upstream timeout; one cut mid-body a 502 (not a hang, not a 500)', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":');
      };
      const started = Date.now();
      const stalled = await call('/gateway/openai/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      expect(stalled.status).toBe(504);
      expect(await stalled.json()).toMatchObject({ error: { type: 'timeout_error', code: 'upstream_timeout' } });
      expect(Date.now() - started).toBeLessThan(3000);
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"id":');
        setTimeout(() => res.socket?.destroy(), 30);
      };
      const cut = await call('/gateway/anthropic/v1/messages', { model: 'c', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }, 'raw-claude');
      expect(cut.status).toBe(502);
      expect(await cut.json()).toMatchObject({ type: 'error', error: { type: 'api_error', message: expect.stringMatching(/closed the connection before the end of its answer/) } });
      // an error answer that stalls is a 504 too
      handler = (_req, res) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.write('{"error":');
      };
      const stalledError = await call('/gateway/openai/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      expect(stalledError.status).toBe(504);
    }, 10_000);

    test("an upstream's keep-alive comments (sent while a model thinks) reach the caller, so its connection is not silent meanwhile", async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': OPENROUTER PROCESSING\n\n');
        setTimeout(() => {
          res.end(`${sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: 'stop' }] })}${sse('[DONE]')}`);
        }, 50);
      };
      const r = await call('/gateway/openai/v1/chat/completions', { model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] });
      const text = await r.text();
      expect(text.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
      expect(text).toContain('"content":"Hi"');
    });

    test('an answer that is not a JSON object is a 502; one with more text than Airlock inspects a 502 that says so, not a 413 blaming the request or a 500', async () => {
      for (const body of ['null', '"ok"', '[1]']) {
        handler = (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(body);
        };
        const r = await call('/gateway/openai/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
        expect(r.status).toBe(502);
        expect(await r.json()).toMatchObject({ error: { type: 'api_error', code: 'upstream_bad_body' } });
      }
      handler = json(() => chatAnswer({ content: 'word '.repeat(300_000) }));
      const long = await call('/gateway/openai/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      expect(long.status).toBe(502);
      expect(await long.json()).toMatchObject({ error: { type: 'api_error', code: 'answer_too_large', message: expect.stringMatching(/answer.*1 MiB/) } });
    });

    test("a stream the upstream cuts before its end ends with the API's error event: the SDKs raise it instead of taking the answer as complete", async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'The first half' }, finish_reason: null }] }));
        setTimeout(() => res.socket?.destroy(), 30);
      };
      let text = '';
      const err = await (async () => {
        for await (const c of await rawOpenai().chat.completions.create({ model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] })) text += c.choices[0]?.delta?.content ?? '';
      })().catch((e: unknown) => e);
      expect(text).toBe('The first half');
      expect(err).toBeInstanceOf(OpenAI.APIError);
      expect((err as Error).message).toMatch(/upstream/i);
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(sse({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'c', content: [], usage: { input_tokens: 3, output_tokens: 0 } } }, 'message_start'));
        res.write(sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'));
        res.write(sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Half' } }, 'content_block_delta'));
        setTimeout(() => res.socket?.destroy(), 30);
      };
      const claude = new Anthropic({ apiKey: key, baseURL: `${t.url}/gateway/anthropic`, maxRetries: 0, defaultHeaders: { 'X-Airlock-Upstream': 'raw-claude' } });
      const aerr = await claude.messages.stream({ model: 'c', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).finalMessage().catch((e: unknown) => e);
      expect(aerr).toBeInstanceOf(Anthropic.APIError);
      // closed right after the answer's last event (without the end of the chunked encoding): whole, no error
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(sse({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'c', content: [], stop_reason: null, usage: { input_tokens: 3, output_tokens: 0 } } }, 'message_start'));
        res.write(sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'));
        res.write(sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Whole' } }, 'content_block_delta'));
        res.write(sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'));
        res.write(sse({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } }, 'message_delta'));
        res.write(sse({ type: 'message_stop' }, 'message_stop'));
        setTimeout(() => res.socket?.destroy(), 30);
      };
      const whole = await claude.messages.stream({ model: 'c', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).finalMessage();
      expect((whole.content[0] as any).text).toBe('Whole');
    });

    test('an answer the upstream compresses although asked for none (gzip, deflate, br; JSON and streamed) is read, inspected and restored', async () => {
      const zlib = await import('node:zlib');
      const codings: Record<string, (b: Buffer) => Buffer> = { gzip: (b) => zlib.gzipSync(b), deflate: (b) => zlib.deflateSync(b), br: (b) => zlib.brotliCompressSync(b) };
      for (const [coding, compress] of Object.entries(codings)) {
        handler = (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
          res.end(compress(Buffer.from(JSON.stringify(chatAnswer({ content: `Noted: ${received.messages[0].content}` })))));
        };
        const answer = await rawOpenai().chat.completions.create({ model: 'm', messages: [{ role: 'user', content: `Write to ${EMAIL}` }] });
        expect(receivedHeaders['accept-encoding']).toBe('identity');
        expect(JSON.stringify(received)).not.toContain(EMAIL);
        expect(answer.choices[0]!.message.content).toBe(`Noted: Write to ${EMAIL}`);
        handler = (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': coding });
          const said = String(received.messages[0].content);
          res.end(compress(Buffer.from([sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: said.slice(0, 12) }, finish_reason: null }] }), sse({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: said.slice(12) }, finish_reason: 'stop' }] }), sse('[DONE]')].join(''))));
        };
        let text = '';
        for await (const c of await rawOpenai().chat.completions.create({ model: 'm', stream: true, messages: [{ role: 'user', content: `Write to ${EMAIL}` }] })) text += c.choices[0]?.delta?.content ?? '';
        expect(text).toBe(`Write to ${EMAIL}`);
      }
      // a body that says it is compressed and is not: a 502, not a 500
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end('{"not":"gzip"}');
      };
      const bad = await call('/gateway/openai/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      expect(bad.status).toBe(502);
    });

    test('a credential nested deep in a tool input blocks like any other; a body nested too deep to handle is a 400, not a 500', async () => {
      handler = json({ id: 'msg', type: 'message', role: 'assistant', model: 'c', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } });
      let nested: unknown = { token: TOKEN };
      for (let i = 0; i < 40; i++) nested = { a: nested };
      const deep = await call('/gateway/anthropic/v1/messages', { model: 'c', max_tokens: 5, messages: [{ role: 'user', content: 'go' }, { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: nested }] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok' }] }] }, 'raw-claude');
      expect(deep.status).toBe(403);
      expect(await deep.json()).toMatchObject({ type: 'error', error: { type: 'permission_error', message: expect.stringMatching(/credential/i) } });
      const levels = 2_000_000;
      const tooDeep = await t.request('/gateway/openai/v1/chat/completions', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'x-airlock-upstream': 'raw-openai', 'content-type': 'application/json' }, body: `{"model":"m","messages":[{"role":"user","content":"hi"}],"metadata":${'['.repeat(levels)}${']'.repeat(levels)}}` });
      expect(tooDeep.status).toBe(400);
      expect(await tooDeep.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'body_too_deep' } });
    }, 30_000);

    test('embeddings given as token ids are refused with a 400 that says why (Airlock cannot read them): never forwarded uninspected', async () => {
      handler = json({ object: 'list', data: [], model: 'e', usage: { prompt_tokens: 3, total_tokens: 3 } });
      received = null;
      for (const input of [[[1, 2, 3]], [101, 7592], ['text', [1, 2]]]) {
        const err = await rawOpenai().embeddings.create({ model: 'e', input: input as any }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(OpenAI.BadRequestError);
        expect((err as Error).message).toMatch(/token/i);
      }
      expect(received).toBeNull();
      const ok = await rawOpenai().embeddings.create({ model: 'e', input: ['text'] });
      expect(ok.object).toBe('list');
    });

    test("chat: a custom tool call's freeform input is decided as a prompt when sent back, and restored in the answer", async () => {
      handler = json(() => chatAnswer({ tool_calls: [{ id: 'c2', type: 'custom', custom: { name: 'run_sql', input: received.messages[1].tool_calls[0].custom.input } }] }));
      const input = `select * from users where mail = '${EMAIL}'`;
      const answer = await rawOpenai().chat.completions.create({
        model: 'm',
        messages: [{ role: 'user', content: 'find them' }, { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'custom', custom: { name: 'run_sql', input } }] }, { role: 'tool', tool_call_id: 'c1', content: 'one row' }],
      });
      expect(JSON.stringify(received)).not.toContain(EMAIL);
      expect(received.messages[1].tool_calls[0].custom.input).toMatch(/^select \* from users where mail = '\[EMAIL_\d+\]'$/);
      expect((answer.choices[0]!.message.tool_calls![0] as any).custom.input).toBe(input);
      const err = await rawOpenai()
        .chat.completions.create({ model: 'm', messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'custom', custom: { name: 'deploy', input: `export GITHUB_TOKEN=${TOKEN}` } }] }, { role: 'tool', tool_call_id: 'c1', content: 'ok' }] })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    });

    test('tool-call arguments are decided through their JSON escapes: a token on a line of its own blocks, an e-mail after a line break is masked as itself and the JSON stays valid', async () => {
      handler = json(() => chatAnswer({ tool_calls: [{ id: 'c2', type: 'function', function: { name: 'send', arguments: received.messages[0].tool_calls[0].function.arguments } }] }));
      const sendBack = (args: Record<string, unknown>) =>
        rawOpenai().chat.completions.create({ model: 'm', messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'send', arguments: JSON.stringify(args) } }] }, { role: 'tool', tool_call_id: 'c1', content: 'done' }] });
      const blocked = await sendBack({ path: '.env', content: `# deploy\n${TOKEN}\n` }).catch((e: unknown) => e);
      expect(blocked).toBeInstanceOf(OpenAI.PermissionDeniedError);
      const args = { body: `Hello,\n${EMAIL}\nregards` };
      const answer = await sendBack(args);
      const sent = received.messages[0].tool_calls[0].function.arguments;
      expect(sent).not.toContain(EMAIL);
      expect(JSON.parse(sent).body).toMatch(/^Hello,\n\[EMAIL_\d+\]\nregards$/);
      expect(JSON.parse((answer.choices[0]!.message.tool_calls![0] as any).function.arguments)).toEqual(args);
    });

    test('a multi-line value masked in a message and echoed into tool-call arguments comes back as valid JSON holding it (chat, streamed Anthropic tool input)', async () => {
      const address = 'Unit 2050 Box 4190\nDPO AP 96278';
      const prompt = `Ship the parcel to ${address} tomorrow.`;
      handler = json(() => {
        const ph = /\[ADDRESS_\d+\]/.exec(received.messages[0].content)![0];
        return chatAnswer({ tool_calls: [{ id: 'c1', type: 'function', function: { name: 'ship', arguments: JSON.stringify({ to: ph }) } }] });
      });
      const answer = await rawOpenai().chat.completions.create({ model: 'm', messages: [{ role: 'user', content: prompt }] });
      expect(JSON.stringify(received)).not.toContain('96278');
      expect(JSON.parse((answer.choices[0]!.message.tool_calls![0] as any).function.arguments)).toEqual({ to: address });
      handler = (_req, res) => {
        const ph = /\[ADDRESS_\d+\]/.exec(received.messages[0].content)![0];
        const partial = JSON.stringify({ to: ph });
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(
          [
            sse({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'c', content: [], stop_reason: null, usage: { input_tokens: 3, output_tokens: 0 } } }, 'message_start'),
            sse({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'tu_1', name: 'ship', input: {} } }, 'content_block_start'),
            sse({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: partial.slice(0, 10) } }, 'content_block_delta'),
            sse({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: partial.slice(10) } }, 'content_block_delta'),
            sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
            sse({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 5 } }, 'message_delta'),
            sse({ type: 'message_stop' }, 'message_stop'),
          ].join(''),
        );
      };
      const claude = new Anthropic({ apiKey: key, baseURL: `${t.url}/gateway/anthropic`, maxRetries: 0, defaultHeaders: { 'X-Airlock-Upstream': 'raw-claude' } });
      const final = await claude.messages.stream({ model: 'c', max_tokens: 10, messages: [{ role: 'user', content: prompt }] }).finalMessage();
      expect(JSON.stringify(received)).not.toContain('96278');
      expect((final.content[0] as any).input).toEqual({ to: address });
    });

    test("Responses streamed: the instructions and prompt variables that response.created and response.in_progress echo come back restored, as in response.completed", async () => {
      handler = (_req, res) => {
        const response = (status: string) => ({ id: 'resp_1', object: 'response', status, model: 'm', instructions: received.instructions, prompt: received.prompt, output: [], usage: null });
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end([sse({ type: 'response.created', sequence_number: 0, response: response('in_progress') }, 'response.created'), sse({ type: 'response.in_progress', sequence_number: 1, response: response('in_progress') }, 'response.in_progress'), sse({ type: 'response.completed', sequence_number: 2, response: { ...response('completed'), usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 } } }, 'response.completed')].join(''));
      };
      const events: any[] = [];
      for await (const ev of await rawOpenai().responses.create({ model: 'm', stream: true, instructions: `Reply to ${EMAIL} only.`, prompt: { id: 'pmpt_1', variables: { customer: `the owner of ${EMAIL}` } }, input: 'hi' })) events.push(ev);
      expect(received.instructions).toMatch(/^Reply to \[EMAIL_\d+\] only\.$/);
      expect(JSON.stringify(received)).not.toContain(EMAIL);
      expect(events.map((e) => e.type)).toEqual(['response.created', 'response.in_progress', 'response.completed']);
      for (const e of events) {
        expect(e.response.instructions).toBe(`Reply to ${EMAIL} only.`);
        expect(e.response.prompt.variables.customer).toBe(`the owner of ${EMAIL}`);
      }
    });
  });

  describe('guardrail endpoints', () => {
    const post = (p: string, body: unknown, k = key) => fetch(`${t.url}${p}`, { method: 'POST', headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const LITELLM = '/v1/guardrails/litellm/beta/litellm_basic_guardrail_api';

    test('LiteLLM generic guardrail API: GUARDRAIL_INTERVENED, BLOCKED, NONE', async () => {
      const intervened = await post(LITELLM, fixture('litellm-pre-call.request.json'));
      expect(intervened.status).toBe(200);
      expect(await intervened.json()).toEqual(fixture('litellm-pre-call.response.json'));
      const blocked = (await (await post(LITELLM, fixture('litellm-blocked.request.json'))).json()) as any;
      expect(blocked.action).toBe('BLOCKED');
      expect(blocked.blocked_reason).toMatch(/credential/i);
      expect(await (await post(LITELLM, fixture('litellm-none.request.json'))).json()).toEqual(fixture('litellm-none.response.json'));
      expect((await post(LITELLM, { texts: ['x'] })).status).toBe(400);
      expect((await post(LITELLM, fixture('litellm-none.request.json'), decideKey)).status).toBe(403);
    });

    test('LiteLLM: tool-call arguments are decided with the texts (masked and returned as tool_calls, a secret in them blocks)', async () => {
      const masked = await post(LITELLM, fixture('litellm-tool-calls.request.json'));
      expect(masked.status).toBe(200);
      expect(await masked.json()).toEqual(fixture('litellm-tool-calls.response.json'));
      const withToken = fixture('litellm-tool-calls.request.json');
      withToken.tool_calls[1].function.arguments = JSON.stringify({ token: TOKEN });
      const blocked = (await (await post(LITELLM, withToken)).json()) as any;
      expect(blocked.action).toBe('BLOCKED');
      expect(blocked.blocked_reason).toMatch(/credential/i);
    });

    test('LiteLLM: tool-call arguments are decided through their JSON escapes (a token on a line of its own blocks)', async () => {
      const withToken = fixture('litellm-tool-calls.request.json');
      withToken.tool_calls[1].function.arguments = JSON.stringify({ content: `# deploy\n${TOKEN}\n` });
      const blocked = (await (await post(LITELLM, withToken)).json()) as any;
      expect(blocked.action).toBe('BLOCKED');
    });

    test("LiteLLM: a custom tool call's freeform input is decided with the texts (a secret blocks, an e-mail is masked in it)", async () => {
      const body = { ...fixture('litellm-none.request.json'), input_type: 'request' };
      body.tool_calls = [{ id: 'c1', type: 'custom', custom: { name: 'shell', input: `export GITHUB_TOKEN=${TOKEN}` } }];
      expect(((await (await post(LITELLM, body)).json()) as any).action).toBe('BLOCKED');
      body.tool_calls = [{ id: 'c1', type: 'custom', custom: { name: 'mail', input: `mail ${EMAIL} the report` } }];
      const masked = (await (await post(LITELLM, body)).json()) as any;
      expect(masked.action).toBe('GUARDRAIL_INTERVENED');
      expect(masked.tool_calls[0].custom.input).toMatch(/^mail \[EMAIL_\d+\] the report$/);
    });

    test('Lakera Guard shaped /v1/guard (and /v2/guard): flagged with payload and breakdown', async () => {
      const r = await post('/v1/guard', fixture('lakera-guard.request.json'));
      expect(r.status).toBe(200);
      const body = await r.json();
      expect(body).toMatchObject(fixture('lakera-guard.response.json'));
      expect(JSON.stringify(body)).not.toContain(EMAIL);
      const clean = (await (await post('/v2/guard', fixture('lakera-clean.request.json'))).json()) as any;
      expect(clean.flagged).toBe(false);
      expect((await post('/v1/guard', { messages: [] })).status).toBe(400);
    });
  });
});
