// Groups and data classes are in force when saved and recorded by each version: a new group and a
// renamed data class say so in their toast, appear in plain words in the publish preview and in the
// published version's changes; the scenario removes the group and renames the class back.
import { assert, confirmPublish } from './harness.mjs';

async function publishWith(page, note, line) {
  await page.getByRole('menuitem', { name: 'Publish' }).click();
  await page.getByTestId('diff-summary').getByText(line, { exact: true }).waitFor();
  await page.getByLabel('Note').fill(note);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Publish version \d+\?$/ });
  await dialog.getByTestId('confirm-summary').getByText(line, { exact: true }).waitFor();
  return confirmPublish(page);
}

async function renameDataClass(page, key, name) {
  await page.goto('/#/data-classes');
  await page.getByRole('cell', { name: key, exact: true }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('draft-saved').getByText('Data class saved: in force now, and recorded by the next published version —').waitFor();
}

export async function scenarioGroupsAndDataClassesInTheDiff(t) {
  const page = await t.newPage({ label: 'admin' });
  await t.signIn(page, 'maria.admin@example.com');
  const group = `deal-team-${Date.now().toString(36)}`;

  // A group mapped from an SSO group: in force at once, the toast says so and links to the changes.
  await page.goto('/#/groups/create');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(group);
  await page.getByRole('textbox', { name: 'Description', exact: true }).fill('Mergers and acquisitions deal team');
  const sso = page.getByRole('combobox', { name: 'SSO groups' });
  await sso.fill('M&A-Deal-Team');
  await sso.press('Enter');
  await page.getByRole('button', { name: 'Save' }).click();
  const toast = page.getByTestId('draft-saved');
  await toast.getByText('Group saved: in force now, and recorded by the next published version —').waitFor();
  await t.screenshot(page, 'laptop-light-flow-group-in-force-toast');

  // A data class renamed: its new name is what people read everywhere, and the diff says it.
  await page.goto('/#/data-classes');
  const row = page.getByRole('row', { name: /client_information/ });
  const dataClassName = (await row.getByRole('cell').nth(1).innerText()).trim();
  await renameDataClass(page, 'client_information', `${dataClassName} (clients and matters)`);
  await page.getByTestId('draft-saved').getByRole('link', { name: 'see what changes' }).click();

  const groupLine = `1 group added: ${group} (SSO groups M&A-Deal-Team)`;
  const classLine = `Data class ${dataClassName} (clients and matters): renamed ${dataClassName} → ${dataClassName} (clients and matters)`;
  const diff = page.getByTestId('diff');
  await diff.getByTestId('diff-summary').getByText(groupLine, { exact: true }).waitFor();
  await diff.getByTestId('diff-summary').getByText(classLine, { exact: true }).waitFor();
  const directory = diff.getByTestId('diff-directory');
  await directory.getByRole('heading', { name: '1 group changed', exact: true }).waitFor();
  await directory.getByRole('heading', { name: '1 data class changed', exact: true }).waitFor();
  assert((await directory.innerText()).includes('In force since they were saved'), 'the diff says groups and data classes are in force already');
  assert(!(await diff.innerText()).includes('client_information'), 'no raw data class key in the diff');
  await t.capture(page, 'laptop-light-flow-publish-diff-directory');

  const number = await publishWith(page, 'M&A deal team; client information renamed', groupLine);
  await page.getByRole('menuitem', { name: 'Versions' }).click();
  await page.getByRole('cell', { name: `v${number}`, exact: true }).click();
  await page.getByRole('heading', { name: new RegExp(`^v${number} `), level: 2 }).waitFor();
  await page.getByTestId('diff').getByTestId('diff-summary').getByText(groupLine, { exact: true }).waitFor();
  await page.getByTestId('diff').getByTestId('diff-summary').getByText(classLine, { exact: true }).waitFor();
  await t.capture(page, 'laptop-light-flow-version-diff-directory');

  // Undo: the group deleted (its toast says in force now), the class renamed back, published.
  await page.goto('/#/groups');
  await page.getByRole('cell', { name: group, exact: true }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByTestId('draft-saved').getByText('Group deleted: in force now, and recorded by the next published version —').waitFor();
  await renameDataClass(page, 'client_information', dataClassName);
  await publishWith(page, 'Undo the deal team', `1 group removed: ${group}`);
}
scenarioGroupsAndDataClassesInTheDiff.description = 'groups and data classes in the publish preview and the version diff, in words';
