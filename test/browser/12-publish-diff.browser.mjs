// An admin adds a custom detector: the toast says it went to the draft and links to the publish
// page, whose "What changes" names the detector in plain words; publishing asks for confirmation
// with the same words and the impact on recent decisions, and the version's changes keep them.
import { assert, confirmPublish } from './harness.mjs';

export async function scenarioPublishDiffWithDetector(t) {
  const page = await t.newPage({ label: 'admin' });
  await t.signIn(page, 'maria.admin@example.com');
  await page.goto('/#/detectors/create');
  const name = `Client names ${Date.now().toString(36)}`;
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('radio', { name: /Dictionary/ }).check();
  await page.getByRole('combobox', { name: 'Data class' }).click();
  const option = page.getByRole('option', { name: /Company confidential|company_confidential/ }).first();
  const classLabel = (await option.innerText()).replace(/\s*\(.*\)\s*$/, '').trim();
  await option.click();
  const patterns = page.getByRole('combobox', { name: 'Patterns' });
  for (const p of ['Acme Corp', 'Globex', 'Initech', 'Umbrella']) {
    await patterns.fill(p);
    await patterns.press('Enter');
  }
  await page.getByRole('button', { name: 'Save' }).click();

  // The toast says where the change went, and links to the publish page.
  const toast = page.getByTestId('draft-saved');
  await toast.getByText('Detector saved to the draft —').waitFor();
  await t.screenshot(page, 'laptop-light-flow-draft-saved-toast');
  await toast.getByRole('link', { name: 'publish to apply' }).click();
  await page.getByRole('heading', { name: 'What changes' }).waitFor();

  // "What changes" names the detector, its pattern count and its data class by its label.
  const line = `1 detector added: ${name} — 4 patterns → ${classLabel}`;
  const diff = page.getByTestId('diff');
  await diff.getByTestId('diff-summary').getByText(line, { exact: true }).waitFor();
  await diff.getByRole('heading', { name: '1 custom detector changed', exact: true }).waitFor();
  assert(!(await diff.innerText()).includes('company_confidential'), 'no raw data class key in the diff');
  await t.capture(page, 'laptop-light-flow-publish-diff-detector');

  // Publishing asks first, with the same words and the impact on recent decisions.
  await page.getByLabel('Note').fill('Client names are confidential');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Publish version \d+\?$/ });
  await dialog.getByTestId('confirm-summary').getByText(line, { exact: true }).waitFor();
  await dialog.getByTestId('confirm-impact').waitFor({ timeout: 20_000 });
  await t.capture(page, 'laptop-light-flow-publish-confirm');
  const number = await confirmPublish(page);

  // The published version's changes say the same.
  await page.getByRole('menuitem', { name: 'Versions' }).click();
  await page.getByRole('cell', { name: `v${number}`, exact: true }).click();
  await page.getByRole('heading', { name: new RegExp(`^v${number} `), level: 2 }).waitFor();
  await page.getByTestId('diff').getByTestId('diff-summary').getByText(line, { exact: true }).waitFor();
  await t.capture(page, 'laptop-light-flow-version-diff-detector');

  // Deleting it is a draft change too: the toast says so, and the publish page lists the removal.
  await page.goto('/#/detectors');
  await page.getByRole('cell', { name, exact: true }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByTestId('draft-saved').getByText('Detector removed from the draft —').waitFor();
  await page.getByTestId('draft-saved').getByRole('link', { name: 'publish to apply' }).click();
  await page.getByTestId('diff-summary').getByText(`1 detector removed: ${name} (4 patterns → ${classLabel})`, { exact: true }).waitFor();
}
scenarioPublishDiffWithDetector.description = 'publish diff with a detector: draft toast with a link, plain-words diff, confirmation, version diff';
