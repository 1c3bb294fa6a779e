// Every main page, signed in as the owner (who sees every menu), at laptop size in the light and the
// dark theme and a few at phone size: a screenshot of each and axe-core with no serious or
// critical violation. Also the theme toggle, the sign-in page and the detector tester.
import { assert, LAPTOP, PHONE } from './harness.mjs';

async function firstId(page, resource, sort) {
  return page.evaluate(
    async ([r, s]) => {
      const res = await fetch(`/api/${r}?range=${encodeURIComponent('[0,0]')}${s ? `&sort=${encodeURIComponent(JSON.stringify(s))}` : ''}`);
      const rows = await res.json();
      return rows[0]?.id ?? null;
    },
    [resource, sort ?? null],
  );
}

/** Opens a route and waits until react-admin has rendered it (no pending request, no spinner). */
async function open(page, route) {
  await page.goto(`/#${route}`);
  await page.waitForLoadState('networkidle');
  await page.locator('main').first().waitFor();
  // Rendered: the content area has text and no spinner (lazy pages and auth checks resolve first).
  await page.waitForFunction(
    () => (document.getElementById('main-content')?.innerText.trim().length ?? 0) > 0 && !document.querySelector('#main-content .MuiCircularProgress-root, .RaLoading-root'),
    null,
    { timeout: 15_000 },
  );
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(250);
}

async function mainPages(page) {
  const provider = await firstId(page, 'providers');
  const rule = await firstId(page, 'rules', ['priority', 'ASC']);
  const version = await firstId(page, 'policy-versions');
  const incident = await firstId(page, 'incidents');
  const client = await firstId(page, 'api-clients');
  return [
    ['dashboard', '/'],
    ['providers', '/providers'],
    ['provider-profile', `/providers/${provider}/show`],
    ['provider-edit', `/providers/${provider}`],
    ['rules', '/rules'],
    ['rule-edit', `/rules/${rule}`],
    ['publish', '/policy/publish'],
    ['versions', '/policy-versions'],
    ['exceptions', '/exceptions'],
    ['exception-grant', '/exceptions/create'],
    ['version', `/policy-versions/${version}/show`],
    ['simulator', '/policy/simulator'],
    ['impact', '/policy/impact'],
    ['zones', '/zones'],
    ['groups', '/groups'],
    ['data-classes', '/data-classes'],
    ['detectors', '/detectors'],
    ['settings', '/settings'],
    ['incidents', '/incidents'],
    ['incident', `/incidents/${incident}/show`],
    ['tool-requests', '/tool-requests'],
    ['users', '/users'],
    ['user-invite', '/users/create'],
    ['api-clients', '/api-clients'],
    ...(client ? [['api-client', `/api-clients/${client}/show`]] : []),
    ['webhooks', '/webhooks'],
    ['audit-log', '/audit-events'],
    ['portal-tools', '/portal/tools'],
    ['portal-report', '/portal/report'],
    ['portal-reports', '/portal/reports'],
  ];
}

export async function scenarioLaptopLight(t) {
  const signIn = await t.newPage({ label: 'anonymous' });
  await signIn.goto('/');
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  await signIn.getByLabel('Organization').fill('example');
  await signIn.getByRole('button', { name: 'Sign in with SSO' }).waitFor();
  await t.capture(signIn, 'laptop-light-sign-in');
  await signIn.goto('/#/accept-invite?token=example-token-0123456789');
  await signIn.getByLabel('New password').waitFor();
  await t.capture(signIn, 'laptop-light-accept-invite');

  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  for (const [name, route] of await mainPages(page)) {
    await open(page, route);
    await t.capture(page, `laptop-light-${name}`);
  }
  // The audit log verifies its hash chain.
  await open(page, '/audit-events');
  await page.getByTestId('chain-ok').waitFor();
}
scenarioLaptopLight.description = 'every main page, laptop, light theme: screenshot and axe';

export async function scenarioLaptopDark(t) {
  const page = await t.newPage({ label: 'owner', colorScheme: 'dark' });
  await t.signIn(page, 'owner@example.com');
  for (const [name, route] of await mainPages(page)) {
    await open(page, route);
    await t.capture(page, `laptop-dark-${name}`);
  }
}
scenarioLaptopDark.description = 'every main page, laptop, dark theme: screenshot and axe';

export async function scenarioPhone(t) {
  for (const colorScheme of ['light', 'dark']) {
    const page = await t.newPage({ label: `phone-${colorScheme}`, viewport: PHONE, colorScheme });
    await t.signIn(page, 'owner@example.com');
    for (const [name, route] of [
      ['dashboard', '/'],
      ['providers', '/providers'],
      ['rules', '/rules'],
      ['incidents', '/incidents'],
      ['simulator', '/policy/simulator'],
    ]) {
      await open(page, route);
      await t.capture(page, `phone-${colorScheme}-${name}`);
    }
    // Lists become simple lists on a phone: no table.
    await open(page, '/providers');
    assert((await page.locator('table').count()) === 0, 'the AI services list is a simple list on a phone');
    const employee = await t.newPage({ label: `phone-employee-${colorScheme}`, viewport: PHONE, colorScheme });
    await t.signIn(employee, 'dan.sales@example.com');
    for (const [name, route] of [
      ['portal-tools', '/portal/tools'],
      ['portal-report', '/portal/report'],
    ]) {
      await open(employee, route);
      await t.capture(employee, `phone-${colorScheme}-${name}`);
    }
  }
}
scenarioPhone.description = 'main pages at phone size, light and dark: simple lists, screenshot and axe';

export async function scenarioThemeToggle(t) {
  const page = await t.newPage({ label: 'owner', viewport: LAPTOP });
  await t.signIn(page, 'owner@example.com');
  await open(page, '/providers');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
  await page.waitForFunction((before) => getComputedStyle(document.body).backgroundColor !== before, light);
  const dark = await bg();
  const lum = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0);
  assert(lum(dark) < lum(light), `the toggle switches to the dark theme (${light} -> ${dark})`);
  await page.reload();
  await page.waitForLoadState('networkidle');
  assert((await bg()) === dark, 'the chosen theme is remembered');
}
scenarioThemeToggle.description = 'the theme toggle switches to dark and remembers it';

export async function scenarioDetectorTester(t) {
  const page = await t.newPage({ label: 'admin' });
  await t.signIn(page, 'maria.admin@example.com');
  await open(page, '/detectors/create');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Project codes');
  await page.getByRole('radio', { name: /Regular expression/ }).check();
  await page.getByRole('combobox', { name: 'Data class' }).click();
  await page.getByRole('option', { name: /Company confidential|company_confidential/ }).first().click();
  const patterns = page.getByRole('combobox', { name: 'Patterns' });
  await patterns.fill('PRJ-[0-9]{4}');
  await patterns.press('Enter');
  await page.getByLabel('Sample text').fill('Budget for PRJ-1234 and PRJ-5678, not PRJ-12.');
  await page.getByRole('button', { name: 'Test the detector' }).click();
  await page.getByTestId('detector-findings-count').getByText('2 findings.').waitFor();
  const marked = await page.locator('mark[data-finding]').allInnerTexts();
  assert(marked.join(',') === 'PRJ-1234,PRJ-5678', `the findings are highlighted in the sample (got ${marked.join(',')})`);
  await t.capture(page, 'laptop-light-flow-detector-tester');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('cell', { name: 'Project codes' }).waitFor();
}
scenarioDetectorTester.description = 'a custom detector is tried on sample text, findings highlighted, then saved';
