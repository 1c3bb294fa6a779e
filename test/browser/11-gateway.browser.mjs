// The owner configures an AI gateway upstream in the console (its key sealed: never shown back, only
// its last four characters), makes a key with the gateway scope, an application calls the gateway
// with the official openai client, the call reaches a mock upstream started here with the upstream
// key, and the dashboard's gateway card shows the traffic for that AI service and key.
import http from 'node:http';
import OpenAI from 'openai';
import { assert, choose } from './harness.mjs';

const UPSTREAM_KEY = 'sk-browser-upstream-Zq81-do-not-show-9876';

/** An OpenAI-compatible chat completions endpoint on loopback that records what reaches it. */
function startMockUpstream() {
  const calls = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      calls.push({ path: req.url, headers: req.headers, body });
      const said = body.messages?.at(-1)?.content ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'chatcmpl-b', object: 'chat.completion', created: 1, model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: `Echo: ${said}` }, finish_reason: 'stop' }], usage: { prompt_tokens: 21, completion_tokens: 5, total_tokens: 26 } }));
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, calls, port: server.address().port })));
}

export async function scenarioGatewayUpstream(t) {
  const upstream = await startMockUpstream();
  try {
    const page = await t.newPage({ label: 'owner' });
    await t.signIn(page, 'owner@example.com');

    // The upstream, configured in the console.
    await page.getByRole('menuitem', { name: 'Gateway upstreams', exact: true }).click();
    await page.getByRole('link', { name: 'Create' }).first().click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('mock-openai');
    // (the select's choices load after the form: on a busy machine the first click can open it empty)
    await choose(page, page.getByRole('combobox', { name: 'AI service' }), 'OpenAI API Platform');
    await page.getByRole('textbox', { name: 'Base URL', exact: true }).fill(`http://127.0.0.1:${upstream.port}/v1`);
    await page.getByLabel('Upstream API key').fill(UPSTREAM_KEY);
    await t.screenshot(page, 'laptop-light-flow-gateway-upstream-new');
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /mock-openai/ });
    await row.waitFor();
    const rowText = await row.innerText();
    assert(rowText.includes('…9876'), `the list shows the key's last four characters (row: ${rowText})`);
    assert(!(await page.content()).includes(UPSTREAM_KEY), 'the list never shows the upstream key');
    await t.capture(page, 'laptop-light-flow-gateway-upstreams');

    // Opened again: the key field is empty (write-only), and the key is nowhere in the page.
    await row.click();
    const keyField = page.getByLabel('New upstream API key (leave empty to keep)');
    await keyField.waitFor();
    assert((await keyField.inputValue()) === '', 'the edit form does not carry the upstream key back');
    assert(!(await page.content()).includes(UPSTREAM_KEY), 'the edit page never shows the upstream key');
    const detail = await page.evaluate(async (u) => (await fetch(u, { credentials: 'include' })).text(), `${t.baseUrl}/api/gateway/upstreams`);
    assert(!detail.includes(UPSTREAM_KEY) && detail.includes('9876'), 'the API answers the last four characters only');

    // A key with the gateway scope, made in the console (shown once).
    await page.getByRole('menuitem', { name: 'API clients' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Support assistant');
    await page.getByRole('checkbox', { name: 'Decisions' }).uncheck();
    await page.getByRole('checkbox', { name: /^AI gateway/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: /The API key of Support assistant/ });
    const key = await dialog.getByTestId('new-api-key').inputValue();
    assert(key.length > 20, 'the gateway key is shown once');
    await dialog.getByRole('button', { name: 'I have stored the key' }).click();

    // An application calls the gateway with the official client: it goes through the upstream set above.
    const openai = new OpenAI({ apiKey: key, baseURL: `${t.baseUrl}/gateway/openai/v1`, maxRetries: 0 });
    const answer = await openai.chat.completions.create({ model: 'gpt-browser', messages: [{ role: 'user', content: 'Summarise the onboarding notes' }] });
    assert(answer.choices[0].message.content === 'Echo: Summarise the onboarding notes', `the answer comes back (${answer.choices[0].message.content})`);
    assert(upstream.calls.length === 1, `the mock upstream got the call (${upstream.calls.length})`);
    assert(upstream.calls[0].path === '/v1/chat/completions', `at the configured base URL (${upstream.calls[0].path})`);
    assert(upstream.calls[0].headers.authorization === `Bearer ${UPSTREAM_KEY}`, 'with the upstream key from the console, not the caller’s');

    // The dashboard's gateway card: the call, for that AI service and key.
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    const card = page.getByRole('table', { name: 'Gateway traffic per AI service and key' });
    for (let i = 0; i < 10 && !(await card.count()); i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    const trafficRow = card.getByRole('row', { name: /openai-api.*Support assistant/ });
    await trafficRow.waitFor();
    const cells = await trafficRow.getByRole('cell').allInnerTexts();
    assert(cells[2] === '1', `one call counted (${cells.join(' | ')})`);
    assert(cells[5] === '21 / 5', `the tokens the upstream reported (${cells.join(' | ')})`);
    await t.capture(page, 'laptop-light-flow-gateway-dashboard');
  } finally {
    upstream.server.close();
  }
}
scenarioGatewayUpstream.description = 'an upstream is configured in the console (key never shown back), a gateway call goes through it, the dashboard counts it';
