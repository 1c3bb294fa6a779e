// An admin writes a rule with the pickers and an "unless" exception, then previews its impact on
// the recent decisions before publishing.
import { assert, confirmPublish } from './harness.mjs';

/** Adds a condition on `field` to the block named `block` ("When", "Unless 1") and picks its values. */
async function addCondition(page, block, field, picks) {
  const region = page.getByRole('region', { name: block, exact: true });
  await region.getByRole('button', { name: `Add condition to ${block}` }).click();
  await page.getByRole('menuitem', { name: field, exact: true }).click();
  const box = region.getByRole('group', { name: `Condition on ${field}` }).getByRole('combobox', { name: field, exact: true });
  for (const [typed, option] of picks) {
    await box.click();
    await box.fill(typed);
    await page.getByRole('option', { name: option }).first().click();
  }
  await page.keyboard.press('Escape');
}

export async function scenarioRuleAndImpact(t) {
  const page = await t.newPage({ label: 'admin' });
  await t.signIn(page, 'maria.admin@example.com');
  await page.getByRole('menuitem', { name: 'Rules' }).click();
  await page.getByRole('cell', { name: 'no-credentials' }).first().waitFor();
  await t.capture(page, 'laptop-light-flow-rules');

  await page.getByRole('link', { name: 'Create' }).click();
  await page.getByRole('textbox', { name: 'Rule id', exact: true }).fill('no-source-code-unapproved');
  await page.getByRole('spinbutton', { name: 'Priority', exact: true }).fill('35');
  await page.getByRole('textbox', { name: 'Description', exact: true }).fill('Source code only goes to approved coding assistants.');
  // When: source code in a prompt or an upload...
  await addCondition(page, 'When', 'Data classes', [['Source', /^Source code/]]);
  await addCondition(page, 'When', 'Actions', [
    ['Prompt', /^Prompt/],
    ['Upload', /^Upload/],
  ]);
  // ...unless the service is approved.
  await page.getByRole('button', { name: 'Add exception group' }).click();
  await addCondition(page, 'Unless 1', 'Service status', [['Appr', 'Approved']]);
  // Then block, with a message in plain words.
  await page.getByRole('radio', { name: 'Block' }).check();
  await page.getByRole('textbox', { name: 'Message to the person', exact: true }).fill('Source code may only go to the approved coding assistants (GitHub Copilot for work accounts). Use one of them instead.');
  await t.capture(page, 'laptop-light-flow-rule-editor');
  await page.getByRole('button', { name: 'Save' }).click();

  const row = page.getByRole('row', { name: /no-source-code-unapproved/ });
  await row.waitFor();
  assert((await row.innerText()).includes('Block'), 'the new rule shows its effect chip');
  assert((await row.innerText()).includes('unless the service is approved'), 'the new rule shows its exception');
  await page.getByRole('banner').getByText('draft changed').waitFor();

  // Impact preview: how many of the recent decisions would change, and how.
  await page.getByRole('menuitem', { name: 'Impact preview' }).click();
  await page.getByRole('button', { name: 'Preview the impact' }).click();
  const result = page.getByTestId('impact-result');
  await result.waitFor({ timeout: 30_000 });
  const summary = await result.getByRole('status').innerText();
  const m = /answers (\d+) of (\d+) decisions differently from version \d+/.exec(summary);
  assert(m, `the impact summary counts the changed decisions: ${summary}`);
  assert(Number(m[1]) > 0, `blocking source code to unapproved services changes some demo decisions (${summary})`);
  await result.getByText('Rules that would newly match').waitFor();
  assert((await result.innerText()).includes('no-source-code-unapproved'), 'the new rule is listed as newly matching');
  await t.capture(page, 'laptop-light-flow-impact');

  // Publish it: source code to a service under review is now blocked.
  const ask = { action: 'prompt', destination: { provider: 'grammarly' }, content: { dataClasses: ['source_code'] } };
  const before = await t.decide(ask);
  assert(before.body.effect === 'warn', `before publishing, source code to Grammarly is only coached (got ${before.body.effect})`);
  await page.getByRole('menuitem', { name: 'Publish' }).click();
  await page.getByTestId('diff').getByRole('heading', { name: '1 rule added', exact: true }).waitFor();
  await page.getByLabel('Note').fill('Keep source code in approved coding assistants');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const published = await confirmPublish(page);
  await page.getByTestId('rollout-complete').waitFor({ timeout: 20_000 });
  const blocked = await t.decide(ask);
  assert(blocked.body.effect === 'block' && blocked.body.reasons.some((r) => r.ruleId === 'no-source-code-unapproved'), `the new rule blocks (got ${blocked.body.effect})`);

  // Versions: the diff of the new version, then a rollback to the one before it.
  await page.getByRole('menuitem', { name: 'Versions' }).click();
  await page.getByRole('cell', { name: `v${published}`, exact: true }).click();
  await page.getByRole('heading', { name: new RegExp(`^v${published} `), level: 2 }).waitFor();
  await page.getByTestId('diff').getByRole('heading', { name: '1 rule added', exact: true }).waitFor();
  await page.getByRole('menuitem', { name: 'Versions' }).click();
  await page.getByRole('cell', { name: `v${published - 1}`, exact: true }).click();
  await page.getByRole('button', { name: 'Roll back to this version' }).click();
  const dialog = page.getByRole('dialog', { name: `Roll back to version ${published - 1}?` });
  await dialog.getByLabel('Note').fill('Too many developers blocked: back to coaching');
  await dialog.getByRole('button', { name: 'Roll back to this version' }).click();
  await page.getByRole('heading', { name: new RegExp(`^v${published + 1} `), level: 2 }).waitFor();
  await page.getByText(`rollback to v${published - 1}`).first().waitFor();
  await page.getByRole('banner').getByText(`Policy v${published + 1}`).waitFor();
  await t.capture(page, 'laptop-light-flow-version-rolled-back');
  let after = null;
  for (let i = 0; i < 20; i++) {
    after = await t.decide(ask);
    if (after.body.policyVersion === published + 1) break;
    await page.waitForTimeout(250);
  }
  assert(after.body.policyVersion === published + 1, `the decision API serves the rollback version (got ${after.body.policyVersion})`);
  assert(after.body.effect === 'warn', `after the rollback source code to Grammarly is coached again (got ${after.body.effect})`);
}
scenarioRuleAndImpact.description = 'an admin writes a rule with an exception and sees its impact preview';
