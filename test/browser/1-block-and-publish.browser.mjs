// An admin blocks a service with "Block now", changes another service's status and publishes;
// the simulator and the decision API (POST /v1/decisions) then give the new answer.
import { assert, confirmPublish } from './harness.mjs';

async function rolloutComplete(page) {
  await page.getByTestId('rollout-complete').waitFor({ timeout: 20_000 });
  return page.getByTestId('rollout-complete').innerText();
}

export async function scenarioBlockNowAndPublish(t) {
  const before = await t.decide({ action: 'access', destination: { provider: 'perplexity' } });
  assert(before.status === 200, `decision API answers (got ${before.status})`);
  assert(before.body.effect === 'warn', `Perplexity is only coached before the block (got ${before.body.effect})`);
  const startVersion = before.body.policyVersion;

  const page = await t.newPage({ label: 'admin' });
  await t.signIn(page, 'maria.admin@example.com');
  // The organization and the version in force are always in the app bar.
  await page.getByTestId('org-name').filter({ hasText: 'Example Organization' }).waitFor();
  await page.getByRole('banner').getByText(`Policy v${startVersion}`).waitFor();

  // Find Perplexity in the catalog and open its profile.
  await page.getByRole('menuitem', { name: 'AI services', exact: true }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill('Perplexity');
  await page.getByRole('cell', { name: /^Perplexity/ }).first().click();
  await page.getByRole('heading', { name: 'What it collects' }).waitFor();
  await page.getByRole('heading', { name: 'Where it keeps it' }).waitFor();
  await page.getByRole('heading', { name: 'Sources' }).waitFor();
  await t.capture(page, 'laptop-light-flow-provider-profile');

  // Block now: a reason, then the rollout until every instance has it.
  await page.getByRole('button', { name: 'Block now' }).click();
  const dialog = page.getByRole('dialog', { name: /Block Perplexity now/ });
  await dialog.getByLabel('Reason').fill('Incident #7: prompts with client data seen going to Perplexity');
  await dialog.getByRole('button', { name: 'Block and publish' }).click();
  const rollout = await rolloutComplete(dialog);
  assert(rollout.includes(`version ${startVersion + 1}`), `the rollout names the new version: ${rollout}`);
  await t.screenshot(page, 'laptop-light-flow-block-now-rollout');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('banner').getByText(`Policy v${startVersion + 1}`).waitFor();

  const blocked = await t.decide({ action: 'access', destination: { provider: 'perplexity' } });
  assert(blocked.body.effect === 'block', `the decision API blocks Perplexity after Block now (got ${blocked.body.effect})`);
  assert(blocked.body.reasons.some((r) => r.ruleId === 'blocked-providers'), 'the reason names the blocked-providers rule');

  // Change another service's status in the draft, then publish it with a note after the diff.
  await page.getByRole('menuitem', { name: 'AI services', exact: true }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill('Character');
  await page.getByRole('cell', { name: /^Character\.AI/ }).first().click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('tab', { name: 'Decision' }).click();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Blocked' }).click();
  await page.getByLabel('Why this status').fill('Stores chat history indefinitely and trains on it');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'What it collects' }).waitFor();

  await page.getByRole('menuitem', { name: 'Publish' }).click();
  const diff = page.getByTestId('diff');
  // In plain words, by the service's name: "Character.AI: under review → blocked; status reason changed".
  await diff.getByTestId('diff-summary').getByText(/^Character\.AI: .*→ blocked/).waitFor();
  await t.capture(page, 'laptop-light-flow-publish-diff');
  await page.getByLabel('Note').fill('Block Character.AI: indefinite retention');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  assert((await confirmPublish(page)) === startVersion + 2, `the publish makes version ${startVersion + 2}`);
  await rolloutComplete(page);
  await page.getByRole('banner').getByText(`Policy v${startVersion + 2}`).waitFor();

  // The simulator: draft and published side by side, both blocking now.
  await page.getByRole('menuitem', { name: 'Simulator' }).click();
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: /^Access/ }).click();
  await page.getByRole('combobox', { name: 'Service', exact: true }).fill('Character');
  await page.getByRole('option', { name: /Character\.AI/ }).click();
  await page.getByRole('button', { name: 'Simulate' }).click();
  const draft = page.getByTestId('decision-draft');
  const published = page.getByTestId('decision-published');
  await published.getByText('blocked-providers').waitFor();
  assert((await draft.innerText()).includes('Block'), 'the draft blocks Character.AI');
  assert((await published.innerText()).includes(`Published (v${startVersion + 2})`), 'the published side names the version');
  await t.capture(page, 'laptop-light-flow-simulator');

  const api = await t.decide({ action: 'prompt', destination: { provider: 'character-ai' }, content: { text: 'hello' } });
  assert(api.body.effect === 'block', `the decision API blocks Character.AI after the publish (got ${api.body.effect})`);
  assert(api.body.policyVersion === startVersion + 2, `the decision API serves version ${startVersion + 2} (got ${api.body.policyVersion})`);

}
scenarioBlockNowAndPublish.description = 'an admin blocks a service, publishes, and the simulator and the decision API agree';
