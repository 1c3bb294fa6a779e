// The audit log for owners and auditors: an edit made in the console appears with its readable
// before/after (raw JSON behind a toggle), the filters narrow the log (action, date range, who),
// the object's link opens its page, and the CSV export downloads the filtered log, for the auditor too.
import { readFile } from 'node:fs/promises';
import { assert } from './harness.mjs';

const pad = (n) => String(n).padStart(2, '0');
const day = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

async function pickAction(page, label) {
  const action = page.getByRole('combobox', { name: 'Action' });
  await action.fill(label);
  await page.getByRole('option', { name: label, exact: true }).click();
}

async function until(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out: ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Rows of the log table (the header row aside). */
const rows = (page) => page.locator('.RaDataTable-tbody > tr.RaDataTable-expandable');

async function downloadCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  assert(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/.test(download.suggestedFilename()), `the CSV is named ${download.suggestedFilename()}`);
  return readFile(await download.path(), 'utf8');
}

export async function scenarioAuditLog(t) {
  const zone = `audit-lab-${Date.now().toString(36)}`;
  const owner = await t.newPage({ label: 'owner' });
  await t.signIn(owner, 'owner@example.com');

  // An edit in the console: a network zone created, then its description and ranges changed.
  await owner.goto('/#/zones/create');
  await owner.getByRole('textbox', { name: 'Name', exact: true }).fill(zone);
  await owner.getByRole('textbox', { name: 'Description', exact: true }).fill('Lab, first floor');
  const ranges = owner.getByRole('combobox', { name: 'Address ranges' });
  await ranges.fill('10.77.0.0/16');
  await ranges.press('Enter');
  await owner.getByRole('button', { name: 'Save' }).click();
  await owner.waitForURL((u) => u.hash === '#/zones');
  await owner.getByRole('cell', { name: zone, exact: true }).click();
  await owner.waitForURL((u) => /#\/zones\/[0-9a-f-]{36}$/.test(u.hash));
  const zoneUrl = new URL(owner.url()).hash;
  await owner.getByRole('textbox', { name: 'Description', exact: true }).fill('Lab, second floor');
  const editRanges = owner.getByRole('combobox', { name: 'Address ranges' });
  await editRanges.fill('10.78.0.0/16');
  await editRanges.press('Enter');
  await owner.getByRole('button', { name: 'Save' }).click();
  await owner.getByTestId('draft-saved').waitFor();

  // The log: the update in words, by whom, about which zone, what changed.
  await owner.goto('/#/audit-events');
  await owner.getByTestId('chain-ok').waitFor();
  const first = rows(owner).first();
  await first.getByText('Network zone updated', { exact: true }).waitFor();
  await first.getByRole('link', { name: zone }).waitFor();
  assert((await first.innerText()).includes('Description'), 'the row names the changed fields');
  await first.getByText('Network zone updated', { exact: true }).click();
  const changes = owner.getByTestId('audit-changes');
  await changes.getByRole('rowheader', { name: 'Description' }).waitFor();
  const text = await changes.innerText();
  assert(text.includes('Lab, first floor') && text.includes('Lab, second floor'), `old → new description: ${text}`);
  await changes.getByText('Added: 10.78.0.0/16').waitFor();
  assert(!(await owner.getByTestId('audit-raw').count()), 'the raw JSON stays closed until asked for');
  // Clicked again if the panel was drawn anew meanwhile (a list refresh re-mounts it closed) or the click was lost.
  for (let attempt = 0; attempt < 4 && !(await owner.getByTestId('audit-raw').count()); attempt++) {
    const show = owner.getByRole('button', { name: 'Show the raw JSON' });
    if (await show.count()) await show.click();
    await owner.getByTestId('audit-raw').waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
  assert((await owner.getByTestId('audit-raw').innerText()).includes('"description": "Lab, second floor"'), 'the raw JSON is behind the toggle');
  await t.capture(owner, 'laptop-light-audit-log-diff');

  // Filters narrow it on the server: the action, then a date range.
  await pickAction(owner, 'Network zone created');
  await owner.waitForURL((u) => decodeURIComponent(u.hash).includes('"action":"zone.create"'));
  await rows(owner).first().getByRole('link', { name: zone }).waitFor();
  let seen = [];
  await until(async () => (seen = await rows(owner).allInnerTexts()).every((r) => r.includes('Network zone created')), () => `only zone creations are listed: ${seen.join(' | ')}`);
  const today = new Date();
  const tomorrow = new Date(today.getTime() + 86_400_000);
  await owner.getByRole('textbox', { name: 'From', exact: true }).fill(day(tomorrow));
  await owner.waitForURL((u) => decodeURIComponent(u.hash).includes(`"since":`));
  await until(async () => (await rows(owner).count()) === 0, 'nothing from tomorrow on');
  await owner.getByRole('textbox', { name: 'From', exact: true }).fill(day(today));
  await owner.getByRole('textbox', { name: 'To', exact: true }).fill(day(today));
  await owner.waitForURL((u) => decodeURIComponent(u.hash).includes('"until":'));
  await rows(owner).first().getByRole('link', { name: zone }).waitFor();

  // The CSV of what is on screen: the filtered log.
  const csv = await downloadCsv(owner);
  const lines = csv.trim().split('\r\n');
  assert(lines[0].startsWith('seq,time,actor_type,actor_id,actor,actor_name,action,'), `CSV header: ${lines[0]}`);
  assert(lines.length >= 2 && lines.slice(1).every((l) => l.includes(',zone.create,')), `the CSV holds the filtered events: ${lines.length - 1}`);
  assert(csv.includes(zone), 'the new zone is in the CSV');

  // The object's link opens its page (an owner may edit the zone).
  await rows(owner).first().getByRole('link', { name: zone }).click();
  await owner.waitForURL((u) => u.hash === zoneUrl);
  await owner.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
  assert((await owner.getByRole('textbox', { name: 'Name', exact: true }).inputValue()) === zone, 'the link opened the zone');

  // The auditor: reads the same log, filters by who acted, follows the link (the list narrowed to
  // the zone: auditors cannot open edit pages) and exports the CSV too.
  const auditor = await t.newPage({ label: 'auditor' });
  await t.signIn(auditor, 'olivia.auditor@example.com');
  await auditor.goto('/#/audit-events');
  await auditor.getByTestId('chain-ok').waitFor();
  const who = auditor.getByRole('combobox', { name: 'Who' });
  await who.fill('owner@example.com');
  await auditor.getByRole('option', { name: /owner@example\.com/ }).first().click();
  await auditor.waitForURL((u) => decodeURIComponent(u.hash).includes('"actorId":'));
  await pickAction(auditor, 'Network zone updated');
  const row = rows(auditor).filter({ has: auditor.getByRole('link', { name: zone }) }).first();
  await row.waitFor();
  await row.getByText('Network zone updated', { exact: true }).click();
  await auditor.getByTestId('audit-changes').getByText('Lab, second floor').waitFor();
  await t.capture(auditor, 'laptop-light-audit-log-auditor');
  const auditorCsv = await downloadCsv(auditor);
  assert(auditorCsv.includes(',zone.update,') && auditorCsv.includes(zone), 'the auditor downloads the filtered CSV');
  assert(!auditorCsv.split('\r\n').slice(1).some((l) => l && !l.includes(',zone.update,')), 'only the filtered action in the auditor CSV');
  await row.getByRole('link', { name: zone }).click();
  await auditor.waitForURL((u) => u.hash.startsWith('#/zones?'));
  await auditor.getByRole('cell', { name: zone, exact: true }).waitFor();
  assert((await auditor.locator('.RaDataTable-tbody > tr').count()) === 1, 'the zones list narrowed to the one zone');
}
scenarioAuditLog.description = 'audit log: a console edit with its readable diff, filters, the link to the object, CSV export (owner and auditor)';
