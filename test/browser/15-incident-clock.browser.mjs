// Incidents that protect the 72-hour clock (issue #19): an employee reports anonymously ("report
// anonymously" comes first; typed text is never turned into a partial match); the analyst writes to
// the reporter, records the notification decision, corrects when the organization became aware (the
// deadline follows) and resolves with open tasks only after saying why; the reporter reads the
// question on the status page and answers, and the status code is never in any address or link.
import { assert, PHONE } from './harness.mjs';

/** A datetime-local value for a moment `hoursAgo` in the past (the browser runs in this machine's zone). */
function localInput(hoursAgo) {
  const d = new Date(Date.now() - hoursAgo * 3_600_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Every address a page went to or asked for, to check that none carries the status code. */
function recordAddresses(page) {
  const seen = [];
  page.on('framenavigated', (f) => seen.push(f.url()));
  page.on('request', (r) => seen.push(r.url()));
  return seen;
}

export async function scenarioIncidentClock(t) {
  const eve = await t.newPage({ label: 'employee' });
  const eveAddresses = recordAddresses(eve);
  await t.signIn(eve, 'eve.employee@example.com');
  await eve.waitForURL(/#\/portal\/tools/);
  await eve.getByRole('menuitem', { name: 'Report an incident' }).click();
  const anonymous = eve.getByRole('checkbox', { name: 'Report anonymously' });
  const picker = eve.getByRole('combobox', { name: 'Which AI service?' });
  await picker.waitFor();
  // "Report anonymously" is offered before the details.
  const anonFirst = await anonymous.evaluate((a) => {
    const service = document.getElementById('report-service');
    return !!service && !!(a.compareDocumentPosition(service) & 4 /* DOCUMENT_POSITION_FOLLOWING */);
  });
  assert(anonFirst, '"Report anonymously" comes before the service and the details');
  await anonymous.check();

  // A partial name is not silently turned into the first match: leaving the field keeps it as "Other".
  await picker.fill('Deep');
  await picker.press('Tab');
  await eve.getByRole('textbox', { name: 'Name of the service' }).waitFor();
  assert((await eve.getByRole('textbox', { name: 'Name of the service' }).inputValue()) === 'Deep', 'the typed text is kept as the other service');
  assert((await picker.inputValue()) === 'Other', `the picker says Other, not DeepSeek (got ${await picker.inputValue()})`);
  // Picking explicitly: the "Other" option carries the typed name.
  await picker.fill('Acme meeting bot');
  await eve.getByRole('option', { name: 'Other: “Acme meeting bot” (not in the list)' }).click();
  assert((await eve.getByRole('textbox', { name: 'Name of the service' }).inputValue()) === 'Acme meeting bot', 'the chosen other name is kept');
  await eve.getByRole('checkbox', { name: 'Customer or client data' }).check();
  await eve.getByLabel('What happened?').fill('The meeting bot got our client list in a shared screen transcript.');
  await t.capture(eve, 'laptop-light-clock-report-form');
  await eve.getByRole('button', { name: 'Send the report' }).click();
  const confirmation = eve.getByTestId('report-confirmation');
  await confirmation.waitFor();
  const number = Number(/Report #(\d+) received/.exec(await confirmation.innerText())?.[1]);
  const token = await eve.getByTestId('status-token').inputValue();
  assert(number > 0 && token.length >= 16, 'the anonymous report shows its number and status code');
  const hrefs = await eve.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert(!hrefs.some((h) => h.includes(token)), 'no link on the confirmation carries the status code');
  assert(hrefs.includes('#/status'), 'the confirmation links to the status page itself');

  // The analyst: a question for the reporter, the notification decision, the corrected facts.
  const sam = await t.newPage({ label: 'analyst' });
  await t.signIn(sam, 'sam.analyst@example.com');
  await sam.getByRole('menuitem', { name: 'Incidents' }).click();
  await sam.getByRole('cell', { name: `#${number}`, exact: true }).click();
  await sam.getByRole('heading', { name: new RegExp(`^#${number} `), level: 2 }).waitFor();
  const question = 'Was it the whole client list, or only the names?';
  await sam.getByRole('textbox', { name: 'Message to the reporter' }).fill(question);
  await sam.getByRole('button', { name: 'Send to the reporter' }).click();
  await sam.getByRole('list', { name: 'Messages with the reporter' }).getByText(question).waitFor();

  await sam.getByRole('button', { name: 'Correct the facts…' }).click();
  const facts = sam.getByRole('dialog', { name: `Correct the facts of incident #${number}` });
  await facts.getByLabel(/^Became aware/).fill(localInput(30));
  await t.capture(sam, 'laptop-light-clock-correct-facts');
  await facts.getByRole('button', { name: 'Save the corrections' }).click();
  await facts.waitFor({ state: 'hidden' });
  const timeline = sam.getByRole('list', { name: 'Timeline' });
  await timeline.getByText(/^Became aware: /).waitFor();
  await timeline.getByText(/^Notification deadline: /).waitFor();

  await sam.getByRole('button', { name: 'Record the decision…' }).click();
  const decision = sam.getByRole('dialog', { name: `Notification decision for incident #${number}` });
  await decision.getByRole('radio', { name: 'No, and we record why' }).check();
  await decision.getByLabel(/^Why not/).fill('Names only, deleted by the vendor within the hour: unlikely to result in a risk.');
  await t.capture(sam, 'laptop-light-clock-notification-dialog');
  await decision.getByRole('button', { name: 'Save the decision' }).click();
  const panel = sam.getByTestId('notification-decision');
  await panel.getByText('Authority not notified').waitFor();
  await sam.getByText('Clock stopped: the notification decision is recorded').waitFor();
  await timeline.getByText(/^Authority not notified: Names only/).waitFor();

  // Resolving with open checklist tasks asks for confirmation and a reason.
  await sam.getByRole('group', { name: 'Move to' }).getByRole('button', { name: 'Resolve', exact: true }).click();
  const confirm = sam.getByRole('dialog', { name: `Resolve incident #${number} with open tasks?` });
  await confirm.getByText(/checklist tasks? (is|are) still open/).waitFor();
  const go = confirm.getByRole('button', { name: 'Resolve with open tasks' });
  assert(await go.isDisabled(), 'resolving with open tasks waits for the reason');
  await confirm.getByLabel(/^Why are they left open/).fill('The vendor confirmed the deletion; nothing else to do.');
  await t.capture(sam, 'laptop-light-clock-resolve-open-tasks');
  await go.click();
  await timeline.getByText(/open tasks? left: The vendor confirmed the deletion/).waitFor();
  await t.capture(sam, 'laptop-light-clock-incident');

  // The reporter, on a phone, without signing in: the code goes in a form, never the address.
  const anon = await t.newPage({ label: 'anonymous', viewport: PHONE });
  const anonAddresses = recordAddresses(anon);
  await anon.goto('/#/status');
  await anon.getByLabel('Status code').fill(token);
  await anon.getByRole('button', { name: 'Check the status' }).click();
  const status = anon.getByTestId('report-status');
  await status.getByText(question).waitFor();
  assert(!(await status.innerText()).includes('sam'), 'the team message does not name the analyst');
  const answer = 'Only the names and the companies, no e-mail addresses.';
  await anon.getByRole('textbox', { name: /^Your answer/ }).fill(answer);
  await anon.getByRole('button', { name: 'Send to the security team' }).click();
  await anon.getByText('Sent. The security team reads it with the report.').waitFor();
  await anon.getByTestId('status-messages').getByText(answer).waitFor();
  await t.capture(anon, 'phone-light-clock-status-messages');

  // Nothing the reporter's browser went to or asked for carries the code, and neither does history.
  for (const [who, seen] of [
    ['employee', eveAddresses],
    ['anonymous', anonAddresses],
  ])
    assert(!seen.some((u) => u.includes(token)), `no address the ${who} page used carries the status code`);
  assert(!anon.url().includes(token) && !anon.url().includes('token='), `the status page address is bare (${anon.url()})`);
  const links = await anon.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert(!links.some((h) => h.includes(token)), 'no link on the status page carries the status code');

  // An old link with the code in it is replaced by the bare page at once, the code unused.
  const old = await t.newPage({ label: 'old link', viewport: PHONE });
  await old.goto(`/#/status?token=${encodeURIComponent(token)}`);
  await old.waitForURL((u) => !u.hash.includes('token'));
  await old.getByLabel('Status code').waitFor();
  await old.waitForLoadState('networkidle');
  assert(!(await old.getByTestId('report-status').count()), 'a code from the address is not used');

  // The answer is back with the team.
  await sam.reload();
  await sam.getByRole('list', { name: 'Messages with the reporter' }).getByText(answer).waitFor();
}
scenarioIncidentClock.description = 'open tasks ask why, the notification decision, corrected facts, two-way anonymous messages without the code in any URL';
