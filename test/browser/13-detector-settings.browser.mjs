// The owner adds an allowed value and a per-class threshold on the Settings page, sees the draft
// toast, and the publish preview names both; the settings are put back afterwards (one server).
import { assert } from './harness.mjs';

export async function scenarioAllowedValues(t) {
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  await page.goto('/#/settings');
  const values = page.getByRole('group', { name: 'Allowed values' }).or(page.locator('.ra-input-allowedValues'));
  await values.first().waitFor();
  await values.first().getByRole('button', { name: 'Add' }).click();
  await page.getByRole('textbox', { name: 'Value', exact: true }).fill('+1 (800) 555-0100');
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Our support hotline');
  await page.getByRole('spinbutton', { name: 'Personal data', exact: true }).fill('0.8');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/saved to the draft/i).first().waitFor();
  const saved = await page.evaluate(async () => (await fetch('/api/settings')).json());
  try {
    assert(
      JSON.stringify(saved.allowedValues) === JSON.stringify([{ value: '+1 (800) 555-0100', note: 'Our support hotline' }]),
      `the allowed value is saved without an empty class: ${JSON.stringify(saved.allowedValues)}`,
    );
    assert(JSON.stringify(saved.classThresholds) === JSON.stringify({ personal_data: 0.8 }), `only the filled threshold is kept: ${JSON.stringify(saved.classThresholds)}`);
    await page.goto('/#/policy/publish');
    await page.getByText('Allowed values: none → +1 (800) 555-0100', { exact: false }).first().waitFor();
    await page.getByText('Minimum confidence per data class: none → Personal data: 0.8', { exact: false }).first().waitFor();
    assert((await page.getByText('[object Object]').count()) === 0, 'every setting is shown in words');
    await t.capture(page, 'laptop-light-flow-allowed-values');
  } finally {
    await page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/auth/me')).json();
      const s = await (await fetch('/api/settings')).json();
      const body = JSON.stringify({ ...s, allowedValues: [], classThresholds: {} });
      const res = await fetch('/api/settings', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body });
      if (!res.ok) throw new Error(`putting the settings back answered ${res.status}: ${await res.text()}`);
    });
  }
}
scenarioAllowedValues.description = 'allowed values and a per-class threshold saved from Settings, named in the publish preview';
