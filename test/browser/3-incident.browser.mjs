// An employee reports an incident anonymously from the portal; an analyst triages it through the
// workflow to closed; the status code shows the progress without signing in.
import { assert, PHONE } from './harness.mjs';

export async function scenarioAnonymousReportToClosed(t) {
  // The employee: the portal only.
  const eve = await t.newPage({ label: 'employee' });
  await t.signIn(eve, 'eve.employee@example.com');
  await eve.waitForURL(/#\/portal\/tools/);
  await eve.getByRole('heading', { name: 'Which AI services may I use?', level: 2 }).waitFor();
  await eve.getByRole('heading', { name: /^You may use/ }).waitFor();
  await eve.getByRole('menuitem', { name: 'My reports' }).waitFor();
  const menu = await eve.getByRole('navigation', { name: 'Main menu' }).innerText();
  assert(!menu.includes('Dashboard') && !menu.includes('Rules'), 'an employee sees only the portal menu');
  await t.capture(eve, 'laptop-light-flow-portal-tools');

  // Ask for an AI service to be reviewed.
  await eve.getByRole('button', { name: 'Ask for an AI service to be reviewed' }).click();
  const ask = eve.getByRole('dialog', { name: 'Ask for an AI service to be reviewed' });
  await ask.getByRole('textbox', { name: 'Name of the service', exact: true }).fill('Otter.ai');
  await ask.getByRole('textbox', { name: 'Its web address', exact: true }).fill('https://otter.ai');
  await ask.getByRole('textbox', { name: 'What you need it for', exact: true }).fill('Meeting notes for customer calls');
  await ask.getByRole('button', { name: 'Send the request' }).click();
  await ask.getByRole('status').waitFor();
  await ask.getByRole('button', { name: 'Close' }).click();
  await eve.getByRole('heading', { name: 'Your requests' }).waitFor();
  await eve.getByRole('cell', { name: 'Otter.ai' }).waitFor();

  await eve.getByRole('menuitem', { name: 'Report an incident' }).click();
  await eve.getByRole('combobox', { name: 'Which AI service?' }).fill('DeepSe');
  await eve.getByRole('option', { name: 'DeepSeek' }).click();
  await eve.getByRole('checkbox', { name: 'Passwords, API keys or tokens' }).check();
  await eve.getByLabel('What happened?').fill('I pasted a config file with the staging database password into DeepSeek to ask about a YAML error.');
  await eve.getByRole('checkbox', { name: 'Report anonymously' }).check();
  await t.capture(eve, 'laptop-light-flow-portal-report');
  await eve.getByRole('button', { name: 'Send the report' }).click();

  const confirmation = eve.getByTestId('report-confirmation');
  await confirmation.waitFor();
  const text = await confirmation.innerText();
  const number = Number(/Report #(\d+) received/.exec(text)?.[1]);
  assert(number > 0, `the confirmation gives the report number: ${text.slice(0, 200)}`);
  assert(text.includes('What happens next'), 'the confirmation says what happens next');
  const token = await eve.getByTestId('status-token').inputValue();
  assert(token.length >= 16, 'an anonymous report shows its status code once');
  await t.capture(eve, 'laptop-light-flow-portal-report-confirmation');

  // Anonymous reports are not listed under "My reports": nothing links them to the reporter.
  await eve.getByRole('menuitem', { name: 'My reports' }).click();
  await eve.getByRole('heading', { name: 'My reports', level: 2 }).waitFor();
  await eve.waitForLoadState('networkidle');
  assert(!(await eve.locator('main').innerText()).includes(`#${number} `), 'the anonymous report is not in My reports');
  await t.capture(eve, 'laptop-light-flow-portal-my-reports');

  // The analyst triages it to closed, following only the allowed transitions.
  const sam = await t.newPage({ label: 'analyst' });
  await t.signIn(sam, 'sam.analyst@example.com');
  await sam.getByRole('menuitem', { name: 'Incidents' }).click();
  await sam.getByRole('cell', { name: `#${number}`, exact: true }).click();
  await sam.getByRole('heading', { name: new RegExp(`^#${number} `), level: 2 }).waitFor();
  const actions = sam.getByRole('group', { name: 'Move to' });
  await actions.getByRole('button', { name: 'Triage' }).waitFor();
  await t.capture(sam, 'laptop-light-flow-incident');

  for (const [button, status] of [
    ['Triage', 'Triaged'],
    ['Investigate', 'Investigating'],
    ['Mark contained', 'Contained'],
    ['Resolve', 'Resolved'],
  ]) {
    await actions.getByRole('button', { name: button, exact: true }).click();
    if (button === 'Resolve') {
      // The checklist is not done: resolving asks why the open tasks are left open.
      const confirm = sam.getByRole('dialog', { name: `Resolve incident #${number} with open tasks?` });
      await confirm.getByLabel(/^Why are they left open/).fill('The reporter rotated the password; the rest follows after the review.');
      await confirm.getByRole('button', { name: 'Resolve with open tasks' }).click();
    }
    await sam.getByRole('heading', { name: new RegExp(`^#${number} `), level: 2 }).locator('..').getByText(status, { exact: true }).waitFor();
  }
  // From resolved only "Investigate" (reopen) and "Close…" are offered.
  const offered = await actions.getByRole('button').allInnerTexts();
  assert(offered.length === 2, `resolved offers two moves (got ${offered.join(', ')})`);

  // Work the checklist and leave a comment on the timeline.
  // The checkbox follows the server: it turns checked once the task is saved.
  const firstTask = sam.getByRole('checkbox').first();
  await firstTask.click();
  await sam.waitForFunction(() => document.querySelector('input[type=checkbox]')?.checked === true);
  await sam.getByText(/1 of \d+ done/).waitFor();
  await sam.getByLabel('Comment').fill('Password rotated; DeepSeek chat deleted by the reporter.');
  await sam.getByRole('button', { name: 'Add comment' }).click();
  await sam.getByText('Password rotated; DeepSeek chat deleted by the reporter.').last().waitFor();

  await actions.getByRole('button', { name: 'Close…' }).click();
  const dialog = sam.getByRole('dialog', { name: `Close incident #${number}` });
  await dialog.getByRole('combobox', { name: 'Closure reason' }).click();
  await sam.getByRole('option', { name: 'Remediated' }).click();
  // Tasks are still open: closing asks why, as resolving did.
  await dialog.getByLabel(/^Why are they left open/).fill('Accepted by the data protection officer.');
  await dialog.getByRole('button', { name: 'Close with open tasks' }).click();
  await sam.getByText('Closed: this incident is final.').waitFor();
  await sam.getByText('Status: Resolved → Closed (Remediated)').waitFor();
  await t.capture(sam, 'laptop-light-flow-incident-closed');

  // The CSV export of the list carries it (a same-origin GET with the analyst's session).
  await sam.getByRole('menuitem', { name: 'Incidents' }).click();
  const href = await sam.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  const csv = await sam.request.get(new URL(href, t.baseUrl).href);
  assert(csv.ok() && /csv/.test(csv.headers()['content-type'] ?? ''), `the export is a CSV (${csv.status()} ${csv.headers()['content-type']})`);
  assert((await csv.text()).includes('Passwords, API keys or tokens shared with DeepSeek'), 'the export lists the incident');

  // The status code shows the outcome, without signing in, on a phone.
  const anon = await t.newPage({ label: 'anonymous', viewport: PHONE });
  // The code is typed into the page, never put in its address.
  await anon.goto('/#/status');
  await anon.getByLabel('Status code').fill(token);
  await anon.getByRole('button', { name: 'Check the status' }).click();
  const status = anon.getByTestId('report-status');
  await status.waitFor();
  const statusText = await status.innerText();
  assert(statusText.includes(`Report #${number}`) && statusText.includes('Closed'), `the status page shows the closed report: ${statusText}`);
  await t.capture(anon, 'phone-light-flow-report-status');
}
scenarioAnonymousReportToClosed.description = 'an employee reports anonymously and an analyst triages it to closed';
