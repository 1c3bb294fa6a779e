// Menus and actions follow the role: an auditor reads (the audit log included) but changes
// nothing; an analyst works incidents but has no audit log and cannot publish.
import { assert } from './harness.mjs';

export async function scenarioMenusByRole(t) {
  const auditor = await t.newPage({ label: 'auditor' });
  await t.signIn(auditor, 'olivia.auditor@example.com');
  const nav = auditor.getByRole('navigation', { name: 'Main menu' });
  await nav.getByRole('menuitem', { name: 'Audit log' }).waitFor();
  await nav.getByRole('menuitem', { name: 'AI services', exact: true }).click();
  await auditor.getByRole('cell', { name: /^DeepSeek/ }).first().click();
  await auditor.getByRole('heading', { name: 'What it collects' }).waitFor();
  assert((await auditor.getByRole('button', { name: 'Block now' }).count()) === 0, 'an auditor has no Block now');
  assert((await auditor.getByRole('link', { name: 'Edit' }).count()) === 0, 'an auditor cannot edit the catalog');
  await nav.getByRole('menuitem', { name: 'Rules' }).click();
  await auditor.getByRole('cell', { name: 'no-credentials' }).first().waitFor();
  assert((await auditor.getByRole('link', { name: 'Create' }).count()) === 0, 'an auditor cannot write rules');
  await t.capture(auditor, 'laptop-light-auditor-rules');

  const analyst = await t.newPage({ label: 'analyst' });
  await t.signIn(analyst, 'sam.analyst@example.com');
  await analyst.getByRole('menuitem', { name: 'Incidents' }).waitFor();
  const menu = await analyst.getByRole('navigation', { name: 'Main menu' }).innerText();
  assert(menu.includes('Incidents') && !menu.includes('Audit log'), 'an analyst has incidents but no audit log');
  await analyst.getByRole('menuitem', { name: 'Publish' }).click();
  await analyst.getByRole('heading', { name: 'What changes' }).waitFor();
  assert((await analyst.getByRole('button', { name: 'Publish', exact: true }).count()) === 0, 'an analyst cannot publish');
}
scenarioMenusByRole.description = 'menus and actions follow the role (auditor, analyst)';
