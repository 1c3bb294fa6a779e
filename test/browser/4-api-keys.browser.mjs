// The owner creates an API client (the key is shown once, with a copy button), a client on the
// network uses it once, and the owner revokes it: the decision API then answers 401.
import { assert } from './harness.mjs';

export async function scenarioApiKeyLifecycle(t) {
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  await page.getByRole('menuitem', { name: 'API clients' }).click();
  await page.getByRole('link', { name: 'Create' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Browser extension (pilot)');
  await page.getByRole('textbox', { name: 'Description', exact: true }).fill('The pilot group’s browser extension');
  await page.getByRole('checkbox', { name: 'Decisions' }).waitFor();
  assert(await page.getByRole('checkbox', { name: 'Decisions' }).isChecked(), 'the decide scope is preselected');
  await page.getByRole('spinbutton', { name: 'Rate limit (per minute)' }).fill('600');
  await page.getByRole('button', { name: 'Save' }).click();

  const dialog = page.getByRole('dialog', { name: /The API key of Browser extension/ });
  await dialog.getByText('It is shown only this once').waitFor();
  const key = await dialog.getByTestId('new-api-key').inputValue();
  assert(key.length > 20, 'the new key is shown');
  await dialog.getByRole('button', { name: 'Copy to the clipboard' }).click();
  await dialog.getByRole('status').getByText('Copied').waitFor();
  assert((await page.evaluate(() => navigator.clipboard.readText())) === key, 'the copy button puts the key on the clipboard');
  await t.screenshot(page, 'laptop-light-flow-api-key-once');
  // Escape and a click beside the dialog must not lose a key that is never shown again.
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 5);
  await page.waitForTimeout(300);
  assert(await dialog.isVisible(), 'Escape and a click outside leave the key dialog open');
  await dialog.getByRole('button', { name: 'I have stored the key' }).click();
  await page.getByRole('heading', { name: /Browser extension \(pilot\)/, level: 2 }).waitFor();
  await page.getByTestId('last-used').getByText('Never used').waitFor();

  // Used once by a client on the network.
  const used = await t.decide({ action: 'access', destination: { url: 'https://chatgpt.com/' } }, key);
  assert(used.status === 200, `the new key is accepted (got ${used.status})`);
  // Last use is recorded in the background: reload until the page shows it.
  for (let i = 0; i < 15; i++) {
    await page.reload();
    await page.getByTestId('last-used').waitFor();
    if (!(await page.getByTestId('last-used').innerText()).includes('Never used')) break;
    await page.waitForTimeout(1000);
  }
  assert(!(await page.getByTestId('last-used').innerText()).includes('Never used'), 'the last use is shown');
  await t.capture(page, 'laptop-light-flow-api-client');

  // Rotated with no overlap: a new key, shown once; the old one stops at once.
  await page.getByRole('button', { name: 'Rotate key' }).click();
  const rotate = page.getByRole('dialog', { name: /Rotate the key of/ });
  await rotate.getByRole('spinbutton', { name: 'Overlap (hours)' }).fill('0');
  await rotate.getByRole('button', { name: 'Rotate key' }).click();
  const again = page.getByRole('dialog', { name: /The API key of Browser extension/ });
  const rotated = await again.getByTestId('new-api-key').inputValue();
  assert(rotated && rotated !== key, 'rotation shows a new key');
  await again.getByRole('button', { name: 'I have stored the key' }).click();
  const withNew = await t.decide({ action: 'access', destination: { url: 'https://chatgpt.com/' } }, rotated);
  assert(withNew.status === 200, `the rotated key works (got ${withNew.status})`);
  const withOld = await t.decide({ action: 'access', destination: { url: 'https://chatgpt.com/' } }, key);
  assert(withOld.status === 401, `with no overlap the old key stops at once (got ${withOld.status})`);

  // Revoked: every key stops working at once.
  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  await page.getByRole('dialog', { name: /Revoke Browser extension/ }).getByRole('button', { name: 'Revoke' }).click();
  await page.getByText(/Revoked .*: its keys no longer work/).waitFor();
  const refused = await t.decide({ action: 'access', destination: { url: 'https://chatgpt.com/' } }, rotated);
  assert(refused.status === 401, `a revoked key is refused with 401 (got ${refused.status})`);
}
export async function scenarioInviteUser(t) {
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  await page.getByRole('menuitem', { name: 'Users' }).click();
  await page.getByRole('link', { name: 'Invite' }).click();
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('nora.new@example.com');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Nora New');
  await page.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Analyst' }).click();
  // The menu fades out (hidden from the accessibility tree at once, still painted): capture and run
  // axe once its options have left the page, not on their half-transparent text.
  await page.locator('li[role="option"][data-value="analyst"]').waitFor({ state: 'detached' });
  await t.capture(page, 'laptop-light-flow-user-invite');
  await page.getByRole('button', { name: 'Save' }).click();
  const row = page.getByRole('row', { name: /Nora New/ });
  await row.waitFor();
  assert((await row.innerText()).includes('Invitation pending'), 'an invited user shows the pending invitation');
}
scenarioInviteUser.description = 'the owner invites a user (no password: an invitation is pending)';

scenarioApiKeyLifecycle.description = 'an API key is created, used once and revoked (then 401)';
