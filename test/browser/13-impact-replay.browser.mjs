// The impact preview after a Block now: the block is in force in the published policy and in the
// draft, so it is not counted as the draft's change; a draft change to the same service is, by
// service and group, within the chosen time window.
import { assert, confirmPublish } from './harness.mjs';

async function setStatus(page, status, reason) {
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('tab', { name: 'Decision' }).click();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: status, exact: true }).click();
  await page.getByLabel('Why this status').fill(reason);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'What it collects' }).waitFor();
}

async function previewLastDay(page) {
  await page.getByRole('menuitem', { name: 'Impact preview' }).click();
  await page.getByRole('combobox', { name: 'Decisions from' }).click();
  await page.getByRole('option', { name: 'The last 24 hours' }).click();
  await page.getByRole('button', { name: 'Preview the impact' }).click();
  const result = page.getByTestId('impact-result');
  await result.waitFor({ timeout: 30_000 });
  return result;
}

export async function scenarioImpactAfterBlockNow(t) {
  // Poe is under review: prompts are coached (warn). Six of them from the sales group.
  for (let i = 0; i < 6; i++) {
    const r = await t.decide({ action: 'prompt', destination: { provider: 'poe' }, subject: { groups: ['sales'] }, content: { text: 'Draft a follow-up mail to the prospect' } });
    assert(r.body.effect === 'warn', `Poe is coached before the block (got ${r.body.effect})`);
  }

  const page = await t.newPage({ label: 'admin' });
  await t.signIn(page, 'maria.admin@example.com');
  await page.getByRole('menuitem', { name: 'AI services', exact: true }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill('Poe');
  await page.getByRole('cell', { name: /^Poe/ }).first().click();
  await page.getByRole('button', { name: 'Block now' }).click();
  const dialog = page.getByRole('dialog', { name: /^Block Poe.* now/ });
  await dialog.getByLabel('Reason').fill('Shares conversations with third-party bot authors');
  await dialog.getByRole('button', { name: 'Block and publish' }).click();
  await dialog.getByTestId('rollout-complete').waitFor({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  const blocked = await t.decide({ action: 'prompt', destination: { provider: 'poe' }, subject: { groups: ['sales'] } });
  assert(blocked.body.effect === 'block', `Poe is blocked now (got ${blocked.body.effect})`);

  // The six warnings are blocks under the published policy and under the draft: not the draft's change.
  let result = await previewLastDay(page);
  const summary = await result.getByRole('status').innerText();
  assert(/decisions (differently from|as) version \d+/.test(summary), `the summary compares the draft with the published version: ${summary}`);
  assert(/replayed from/.test(summary), `the summary says which time the replay covers: ${summary}`);
  const services = result.getByRole('table', { name: 'Affected AI services' });
  if (await services.count()) assert(!(await services.innerText()).includes('Poe'), 'a Block now already in force is not counted as the draft\'s change');
  await t.capture(page, 'laptop-light-flow-impact-after-block-now');

  // A draft change to Poe is: back under review in the draft, its prompts go from block to warn.
  await page.getByRole('menuitem', { name: 'AI services', exact: true }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill('Poe');
  await page.getByRole('cell', { name: /^Poe/ }).first().click();
  await setStatus(page, 'Under review', 'Review continues with the vendor');
  result = await previewLastDay(page);
  const poe = result.getByRole('table', { name: 'Affected AI services' }).getByRole('row', { name: /^Poe/ });
  await poe.waitFor();
  const changed = Number((await poe.getByRole('cell').nth(1).innerText()).trim());
  assert(changed >= 7, `the seven Poe prompts change from block to warn (got ${changed})`);
  const sales = result.getByRole('table', { name: 'Affected groups' }).getByRole('row', { name: /^sales/ });
  await sales.waitFor();
  assert(Number((await sales.getByRole('cell').nth(1).innerText()).trim()) >= 7, 'the sales group is affected');
  const transitions = await result.getByRole('table', { name: 'How the answers change' }).innerText();
  assert(/Block\s+Warn/.test(transitions), `published Block → draft Warn is listed: ${transitions}`);
  // The affected service links to its decisions of the replayed window on the Activity page.
  await poe.getByRole('link', { name: /^Poe/ }).click();
  await page.waitForURL(/#\/activity\?.*service=poe/);
  assert(/since=/.test(page.url()) && /until=/.test(page.url()), `the Activity link keeps the replayed window: ${page.url()}`);
  await t.capture(page, 'laptop-light-flow-impact-activity-link');

  // Leave the organization as found: publish Poe back under review.
  await page.getByRole('menuitem', { name: 'Publish' }).click();
  await page.getByTestId('diff-summary').getByText(/^Poe.*: blocked → under review/).waitFor();
  await page.getByLabel('Note').fill('Poe back under review');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await confirmPublish(page);
  await page.getByTestId('rollout-complete').waitFor({ timeout: 20_000 });
  const after = await t.decide({ action: 'prompt', destination: { provider: 'poe' } });
  assert(after.body.effect === 'warn', `Poe is coached again (got ${after.body.effect})`);
}
scenarioImpactAfterBlockNow.description = 'impact preview after a Block now: only the draft\'s own changes, by service and group, in a time window';
