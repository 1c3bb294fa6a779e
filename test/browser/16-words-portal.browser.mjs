// Words, not identifiers (issue #19): the portal's search and its counts, a blocked service naming
// the services to use instead, one training statement per card; the simulator listing a documented
// test card as found but not counted, with why; a dictionary detector filled from a pasted list and
// a CSV file; and no raw slug, translation key or "Missing translation" on the pages walked.
import { assert, rawWordsOn, settle } from './harness.mjs';

export async function scenarioPortalWords(t) {
  const eve = await t.newPage({ label: 'employee' });
  await t.signIn(eve, 'eve.employee@example.com');
  await eve.waitForURL(/#\/portal\/tools/);
  await eve.getByRole('heading', { name: /^You may use \((\d+)\)/ }).waitFor();
  const catalog = await eve.evaluate(async () => (await (await fetch('/api/portal/tools')).json()).tools);
  const slugs = catalog.map((x) => x.slug).filter((s) => s.includes('-'));
  const usable = catalog.filter((x) => (x.status === 'approved' || x.status === 'restricted') && x.prompt !== 'block' && x.access !== 'block');
  assert(usable.length >= 3, `the demo approves several services (${usable.length})`);
  assert(await eve.getByRole('heading', { name: `You may use (${usable.length})` }).isVisible(), 'the count of usable services without a search');

  // Searching "deepseek": nothing usable matches, and the page says so, not "none approved yet".
  const search = eve.getByRole('textbox', { name: 'Find a service' });
  await search.fill('deepseek');
  await eve.getByRole('heading', { name: 'You may use (0)' }).waitFor();
  await eve.getByTestId('none-usable').getByText('No approved service matches “deepseek”.').waitFor();
  assert((await eve.getByText('No AI service is approved yet').count()) === 0, 'never "no AI service is approved yet" while services are approved');
  await eve.getByRole('heading', { name: 'Not allowed, and why (1)' }).waitFor();
  // ...case-insensitively, and by domain
  await search.fill('CHAT.DEEPSEEK.COM');
  await eve.getByRole('heading', { name: 'Not allowed, and why (1)' }).waitFor();

  // The blocked service names and links the services to use instead.
  const instead = eve.getByTestId('instead-deepseek');
  await instead.getByText('Use instead:').waitFor();
  const links = instead.getByRole('button');
  assert((await links.count()) >= 1, 'DeepSeek names at least one service to use instead');
  const first = (await links.first().innerText()).trim();
  const deepseek = catalog.find((x) => x.slug === 'deepseek');
  const approvedNames = catalog.filter((x) => deepseek.alternatives.includes(x.slug) && x.status === 'approved').map((x) => x.name);
  assert(approvedNames.includes(first), `the first alternative is an approved service (${first} of ${approvedNames.join(', ')})`);
  await t.capture(eve, 'laptop-light-flow-portal-search-alternatives');
  await links.first().click();
  await eve.getByRole('heading', { name: `You may use (${usable.length})` }).waitFor();
  const card = eve.locator(`article#card-${catalog.find((x) => x.name === first).slug}`);
  await card.waitFor();
  assert((await search.inputValue()) === '', 'following an alternative clears the search to show its card');

  // One training statement per card: ChatGPT's work accounts do not train, personal ones unless opted out.
  const chatgpt = eve.locator('article#card-openai-chatgpt');
  const facts = await chatgpt.getByTestId('tool-facts').innerText();
  assert(facts.includes('Work or school account: does not train on what you send') && facts.includes('Personal account: trains on what you send unless opted out'), `ChatGPT's training, per account: ${facts}`);
  for (const c of await eve.locator('[data-testid="tool-facts"]').allTextContents()) {
    assert((c.match(/train/g) ?? []).length === (c.includes(';') ? c.split(';').length : 1), `a card states training once per kind of account: ${c}`);
  }

  // "Your requests" comes first on the page.
  const headings = await eve.getByRole('heading', { level: 2 }).allInnerTexts();
  const yours = headings.indexOf('Your requests');
  assert(yours === -1 || yours < headings.indexOf('Which AI services may I use?'), `"Your requests" is at the top (${headings.join(' | ')})`);

  // No raw slug or key on the portal's pages, details open.
  await eve.evaluate(() => document.querySelectorAll('#main-content .MuiAccordionSummary-root[aria-expanded="false"]').forEach((b) => b.click()));
  await settle(eve);
  const onTools = await rawWordsOn(eve, slugs);
  assert(onTools.length === 0, `no raw slug or key on the portal's tools page: ${onTools.join(', ')}`);
  for (const route of ['/portal/report', '/portal/reports']) {
    await eve.goto(`/#${route}`);
    await settle(eve);
    const raw = await rawWordsOn(eve, slugs);
    assert(raw.length === 0, `no raw slug or key on ${route}: ${raw.join(', ')}`);
  }
}
scenarioPortalWords.description = 'the portal: search by name or domain with the right counts, a blocked service names alternatives, training said once, no slugs';

export async function scenarioSimulatorNotCounted(t) {
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  await page.goto('/#/policy/simulator');
  await page.getByRole('combobox', { name: 'Service', exact: true }).fill('Mistral');
  await page.getByRole('option', { name: /Mistral/ }).first().click();
  await page.getByRole('textbox', { name: 'Prompt text' }).fill('Refund card 4111 1111 1111 1111 (the test card) and mail jane.roe@client-corp.com about it.');
  await page.getByRole('button', { name: 'Simulate' }).click();
  const draft = page.getByTestId('decision-draft');
  const notCounted = draft.getByTestId('not-counted');
  await notCounted.waitFor();
  const text = await notCounted.innerText();
  assert(text.includes('4111 1111 1111 1111') && text.includes('a documented test value (a test card number'), `the test card is listed as not counted, with why: ${text}`);
  await draft.getByText('Found but not counted (1)').waitFor();
  const found = await draft.getByTestId('classes-found').innerText();
  assert(found.startsWith('Found in the text:') && found.includes('Personal data'), `found classes are labelled as found, by name: ${found}`);
  const raw = (await rawWordsOn(page)).filter((w) => !w.includes('-'));
  assert(raw.length === 0, `no raw slug or key in the simulator's answer: ${raw.join(', ')}`);
  await t.capture(page, 'laptop-light-flow-simulator-not-counted');
}
scenarioSimulatorNotCounted.description = 'the simulator lists a documented test card as found but not counted, with the reason, and labels found classes';

export async function scenarioDictionaryImport(t) {
  const page = await t.newPage({ label: 'admin' });
  await t.signIn(page, 'maria.admin@example.com');
  await page.goto('/#/detectors/create');
  const name = `Clients ${Date.now().toString(36)}`;
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('radio', { name: /Dictionary/ }).check();
  await page.getByRole('combobox', { name: 'Data class' }).click();
  const option = page.getByRole('option', { name: 'Client information', exact: true });
  await option.waitFor();
  await option.click();

  // A pasted list: trimmed, blank lines and repeats dropped, and counted.
  await page.getByRole('textbox', { name: 'Terms, one per line' }).fill('Acme Corp\n\n  Globex  \nAcme Corp\nInitech\n');
  await page.getByRole('button', { name: 'Add these terms' }).click();
  const result = page.getByTestId('term-import-result');
  await result.getByText('3 terms added · 1 already in the list · 1 blank line skipped.').waitFor();

  // A CSV file: the header is recognised, quoted fields kept whole, and what is new is added.
  await page.locator('input[type="file"]').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from('Client,Code\r\n"Umbrella, Ltd",U1\r\nGlobex,G1\r\n') });
  const csv = page.getByTestId('csv-import');
  await csv.getByText('clients.csv: 3 rows').waitFor();
  assert(await csv.getByRole('checkbox', { name: 'The first row is a header' }).isChecked(), 'the header row is detected');
  await t.capture(page, 'laptop-light-flow-detector-import');
  await csv.getByRole('button', { name: 'Add 2 terms from the file' }).click();
  await result.getByText('1 term added · 1 already in the list.').waitFor();
  const raw = await rawWordsOn(page);
  assert(raw.length === 0, `no raw slug or key on the detector form: ${raw.join(', ')}`);

  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('draft-saved').getByText('Detector saved to the draft —').waitFor();
  const saved = await page.evaluate(async (n) => {
    const rows = await (await fetch(`/api/detectors?filter=${encodeURIComponent(JSON.stringify({ q: n }))}`)).json();
    return rows.find((r) => r.name === n);
  }, name);
  assert(JSON.stringify(saved?.patterns) === JSON.stringify(['Acme Corp', 'Globex', 'Initech', 'Umbrella, Ltd']), `the detector holds the four terms: ${JSON.stringify(saved?.patterns)}`);
  await page.getByRole('cell', { name }).waitFor();
  const onList = await rawWordsOn(page);
  assert(onList.length === 0, `no raw slug or key on the detectors list: ${onList.join(', ')}`);
  // leave the draft as it was for the other scenarios
  await page.evaluate(async (id) => {
    const { csrfToken } = await (await fetch('/api/auth/me')).json();
    const res = await fetch(`/api/detectors/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
    if (!res.ok) throw new Error(`deleting the detector answered ${res.status}`);
  }, saved.id);
}
scenarioDictionaryImport.description = 'a dictionary detector filled from a pasted list and a CSV column, counted, saved';

export async function scenarioToastsAndServerMessages(t) {
  // An employee asks for a service; the owner answers in the console: the toast says what happened.
  const eve = await t.newPage({ label: 'employee' });
  await t.signIn(eve, 'eve.employee@example.com');
  const request = await eve.evaluate(async () => {
    const { csrfToken } = await (await fetch('/api/auth/me')).json();
    const res = await fetch('/api/portal/tool-requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ toolName: 'Fireflies meeting notes', reason: 'Meeting notes' }),
    });
    return res.json();
  });
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  await page.goto(`/#/tool-requests/${request.id}`);
  await page.getByRole('radio', { name: 'Approved' }).check();
  await page.getByRole('textbox', { name: 'Answer' }).fill('Approved for meeting notes without client names.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Answer saved: the person who asked sees it in the portal').waitFor();
  assert((await page.getByText(/Element (created|updated)/).count()) === 0, 'no "Element updated" toast');

  // The API's message reaches the owner as text (not a key, not logged as a missing translation).
  await page.goto('/#/detectors/create');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Look-behind');
  await page.getByRole('radio', { name: /Regular expression/ }).check();
  await page.getByRole('combobox', { name: 'Data class' }).click();
  await page.getByRole('option', { name: 'Company confidential', exact: true }).click();
  const patterns = page.getByRole('combobox', { name: 'Patterns' });
  await patterns.fill('(?<=a)b');
  await patterns.press('Enter');
  await page.getByRole('button', { name: 'Save' }).click();
  // the field says what the API said about the pattern, in its words
  await page.getByText(/#1: not a valid RE2 regular expression/).waitFor();
  // the 400 itself is expected; a "Missing translation" would stay in t.errors and fail the scenario
  t.errors = t.errors.filter((e) => !(e.startsWith('[owner]') && e.includes('status of 400')));
  assert(!t.errors.some((e) => e.includes('Missing translation')), `no missing translation: ${t.errors.join('; ')}`);
}
scenarioToastsAndServerMessages.description = 'toasts say what happened (a service request answered), an API error message is shown as text';
