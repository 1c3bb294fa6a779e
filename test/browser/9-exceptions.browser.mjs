// The owner grants a time-limited exception in the console (a person, any service, any data class,
// the suggested expiry a week ahead), sees it active in the list with the reason, and revokes it.
import { assert } from './harness.mjs';

export async function scenarioExceptionGrantAndRevoke(t) {
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  await page.getByRole('menuitem', { name: 'Exceptions' }).click();
  await page.getByText(/No Exceptions found|No Exception yet|No exceptions/).or(page.getByRole('table')).first().waitFor();
  await page.getByRole('link', { name: 'Create' }).first().click();
  await page.getByRole('textbox', { name: 'E-mail' }).fill('owner@example.com');
  await page.getByRole('textbox', { name: 'Reason' }).fill('Quarterly vendor audit');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('cell', { name: 'Quarterly vendor audit' }).waitFor();
  await page.getByText('Active', { exact: true }).first().waitFor();
  await t.capture(page, 'laptop-light-flow-exception');

  const rows = await page.evaluate(async () => (await fetch('/api/exceptions')).json());
  const granted = rows.find((r) => r.reason === 'Quarterly vendor audit');
  assert(granted && granted.status === 'active' && granted.subjectEmail === 'owner@example.com', `the exception is active (${JSON.stringify(granted)})`);
  const days = (Date.parse(granted.expiresAt) - Date.now()) / 86_400_000;
  assert(days > 6 && days <= 7, `the suggested expiry is a week ahead (${days.toFixed(2)} days)`);

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Revoke' }).first().click();
  await page.getByText('Exception revoked').waitFor();
  const after = await page.evaluate(async (id) => (await fetch(`/api/exceptions/${id}`)).json(), granted.id);
  assert(after.status === 'revoked', `revoked (${after.status})`);
}
scenarioExceptionGrantAndRevoke.description = 'an exception is granted in the console, listed as active, and revoked';
