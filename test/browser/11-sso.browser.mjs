// The owner sets up single sign-on in the console against a real OpenID provider (oidc-provider on
// 127.0.0.1, its development login page): copies the callback URL, tests the connection, is refused
// a wrong issuer with the reason, saves, and a person then signs in through the provider from the
// sign-in link and lands in the console with the role their group maps to.
import { createServer } from 'node:http';
import { assert } from './harness.mjs';

/** oidc-provider with one client whose redirect URI is the one the console shows. */
async function startProvider(redirectUri, postLogoutRedirectUri) {
  const { default: Provider } = await import('oidc-provider');
  let handler = null;
  const server = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const accounts = new Map([['priya', { email: 'priya@example.com', email_verified: true, name: 'Priya Raman', groups: ['airlock-analysts', 'staff'] }]]);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'airlock-console-test',
        client_secret: 'a-client-secret-that-is-long-enough-for-hs256',
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    pkce: { required: () => true },
    cookies: { keys: ['oidc-provider-browser-test-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
  });
  handler = provider.callback();
  return { issuer, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function scenarioSsoSetUpAndSignIn(t) {
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  await page.getByRole('menuitem', { name: 'Single sign-on', exact: true }).click();
  await page.getByRole('heading', { name: 'At your identity provider' }).waitFor();
  assert((await page.getByTestId('sso-state').innerText()) === 'Not set up', 'a new organization has no connection');
  const callbackUrl = await page.getByTestId('sso-callback-url').inputValue();
  assert(callbackUrl === `${t.baseUrl}/api/auth/sso/callback`, `the callback URL to register is shown (${callbackUrl})`);
  const emptyAxe = await t.axe(page, 'sso-empty');
  assert(!emptyAxe.length, `axe on the empty SSO page: ${JSON.stringify(emptyAxe)}`);

  const idp = await startProvider(callbackUrl, `${t.baseUrl}/`);
  try {
    // A wrong issuer (a closed port): the test says why, and saving is refused with the same reason.
    const dead = await new Promise((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const port = s.address().port;
        s.close(() => resolve(`http://127.0.0.1:${port}`));
      });
    });
    await page.getByRole('textbox', { name: 'Issuer URL' }).fill(dead);
    await page.getByRole('textbox', { name: 'Client ID' }).fill('airlock-console-test');
    await page.getByLabel('Client secret').fill('a-client-secret-that-is-long-enough-for-hs256');
    await page.getByRole('textbox', { name: 'Scopes' }).fill('openid email profile groups');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('sso-check').getByText(/Nothing accepts connections/).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText(/Nothing was saved/).waitFor();
    const stored = await page.evaluate(async () => (await fetch('/api/sso-connection')).json());
    assert(stored.configured === false, 'a connection that does not answer is not saved');

    // The right issuer, a group mapped to a role.
    await page.getByRole('textbox', { name: 'Issuer URL' }).fill(idp.issuer);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('sso-check').getByText(/The provider answered OpenID discovery/).waitFor();
    await page.getByRole('button', { name: 'Add a group' }).click();
    await page.getByRole('textbox', { name: 'Group value from the provider' }).fill('airlock-analysts');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Single sign-on saved').waitFor();
    await page.getByTestId('sso-state').getByText('On').waitFor();
    assert((await page.getByLabel('Client secret').inputValue()) === '', 'the secret is never shown back');
    const signInUrl = await page.getByTestId('sso-sign-in-url').inputValue();
    const slug = /\/#\/login\?org=([a-z0-9-]+)$/.exec(signInUrl)?.[1];
    assert(slug, `the sign-in link names the organization (${signInUrl})`);
    await t.capture(page, 'laptop-light-flow-sso-settings');

    // Provider groups -> Airlock groups, edited on the same page: Priya's "staff" fills "security".
    const mapping = page.getByTestId('sso-group-mapping-security');
    await mapping.getByRole('combobox', { name: 'Provider groups for security' }).fill('staff');
    await mapping.getByRole('combobox', { name: 'Provider groups for security' }).press('Enter');
    await mapping.getByRole('button', { name: 'Apply the provider groups of security' }).click();
    await page.getByText('Provider groups of security applied').waitFor();
    const security = await page.evaluate(async () => (await (await fetch('/api/groups?filter=' + encodeURIComponent(JSON.stringify({ q: 'security' })))).json()).find((g) => g.name === 'security'));
    assert(JSON.stringify(security?.ssoGroups) === JSON.stringify(['Security', 'staff']), `the group lists the provider group (${JSON.stringify(security)})`);
    const mappingsAxe = await t.axe(page, 'sso-group-mappings');
    assert(!mappingsAxe.length, `axe on the SSO page with its group mappings: ${JSON.stringify(mappingsAxe)}`);

    // "Try a sign-in": the provider in a popup, signed in there as Priya; the popup reports what a
    // real sign-in would do, and neither the owner's session nor any account changes.
    const ownerBefore = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user);
    // The provider's development pages link a stylesheet on the internet: keep the popup on loopback.
    await page.context().route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort());
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Try a sign-in' }).click()]);
    popup.on('pageerror', (err) => t.errors.push(`[popup] page error at ${popup.url()}: ${err.message}`));
    await popup.waitForURL((u) => u.href.startsWith(idp.issuer));
    await popup.locator('input[name="login"]').fill('priya');
    await popup.locator('input[name="password"]').fill('any password');
    await popup.locator('button[type="submit"]').click();
    // Consent, when the provider asks for it (its page, or straight back to Airlock).
    const backOrConsent = (p) => p.catch(() => undefined);
    await Promise.race([backOrConsent(popup.waitForURL((u) => u.href.startsWith(t.baseUrl))), backOrConsent(popup.getByRole('heading', { name: 'Authorize' }).waitFor())]);
    if (popup.url().startsWith(idp.issuer)) await popup.locator('button[type="submit"]').click();
    await popup.waitForURL((u) => u.href.startsWith(t.baseUrl) && u.hash.startsWith('#/sso-test'));
    await popup.getByTestId('sso-test-outcome').getByText('A real sign-in would create the account priya@example.com (just in time) with the role and groups below.').waitFor();
    const reported = {
      email: await popup.getByTestId('sso-test-email').innerText(),
      groups: await popup.getByTestId('sso-test-groups').innerText(),
      role: await popup.getByTestId('sso-test-role').innerText(),
      airlockGroups: await popup.getByRole('row', { name: /Airlock groups from the provider/ }).innerText(),
    };
    assert(reported.email === 'priya@example.com' && /airlock-analysts/.test(reported.groups) && /staff/.test(reported.groups), `the popup shows what the provider sent (${JSON.stringify(reported)})`);
    assert(reported.role === 'Analyst' && /security/.test(reported.airlockGroups), `the popup shows the mapped role and Airlock groups (${JSON.stringify(reported)})`);
    const popupAxe = await t.axe(popup, 'sso-test-popup');
    assert(!popupAxe.length, `axe on the test sign-in popup: ${JSON.stringify(popupAxe)}`);
    await t.capture(popup, 'laptop-light-flow-sso-test-popup');
    // The button closes its own page: the click can finish after the page is gone, which Playwright
    // reports as an error; what counts is that the page closed.
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Close this window' }).click({ noWaitAfter: true }).catch((err) => (popup.isClosed() ? undefined : Promise.reject(err)))]);
    const ownerAfter = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user);
    assert(ownerAfter?.id === ownerBefore?.id && ownerAfter?.email === 'owner@example.com', `the owner's own session is unchanged (${JSON.stringify(ownerAfter)})`);
    const created = await page.evaluate(async () => (await (await fetch('/api/users?filter=' + encodeURIComponent(JSON.stringify({ q: 'priya' })))).json()).length);
    assert(created === 0, 'the test sign-in created no account');

    // A person signs in from the link: the provider's login page, then the console as an analyst.
    const person = await t.newPage({ label: 'person' });
    // The provider's development pages link a stylesheet on the internet: keep the test on loopback.
    await person.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort());
    await person.goto(signInUrl.replace(t.baseUrl, ''));
    assert((await person.getByRole('textbox', { name: 'Organization' }).inputValue()) === slug, 'the link fills in the organization');
    await person.getByRole('button', { name: 'Sign in with SSO' }).click();
    await person.waitForURL((u) => u.href.startsWith(idp.issuer));
    await person.locator('input[name="login"]').fill('priya');
    await person.locator('input[name="password"]').fill('any password');
    await person.locator('button[type="submit"]').click();
    // Consent, when the provider asks for it.
    if (person.url().startsWith(idp.issuer)) await person.locator('button[type="submit"]').click();
    await person.waitForURL((u) => u.href.startsWith(t.baseUrl) && !u.hash.startsWith('#/login'));
    const me = await person.evaluate(async () => (await fetch('/api/auth/me')).json());
    assert(me.user?.email === 'priya@example.com' && me.user?.role === 'analyst', `signed in through SSO as an analyst (${JSON.stringify(me.user)})`);
    assert(JSON.stringify(me.user?.groups) === JSON.stringify(['security']), `in the Airlock group mapped on the SSO page (${JSON.stringify(me.user?.groups)})`);

    // The refused save above answered 422 on purpose; the provider's stylesheet was not fetched.
    t.errors = t.errors.filter((e) => !(e.startsWith('[owner]') && e.includes('status of 422')) && !(e.startsWith('[person]') && e.includes(idp.issuer)));
    await page.reload();
    await page.getByTestId('sso-usage').getByText(/1 person signs in through single sign-on/).waitFor();
    assert((await page.getByTestId('sso-post-logout-url').inputValue()) === `${t.baseUrl}/`, 'the post-logout redirect URL to register is shown');

    // SSO-only with the owner as break-glass owner.
    await page.getByRole('switch', { name: 'Single sign-on only (no passwords)' }).check();
    await page.getByRole('combobox', { name: /Break-glass owner/ }).click();
    await page.getByRole('option', { name: /owner@example\.com/ }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Single sign-on saved').waitFor();
    const ssoOnly = await page.evaluate(async () => (await fetch('/api/sso-connection')).json());
    assert(ssoOnly.ssoOnly === true && ssoOnly.breakGlassOwner === 'owner@example.com', `SSO-only on with the break-glass owner (${JSON.stringify(ssoOnly)})`);
    // The sign-in page opened for the organization says so.
    const visitor = await t.newPage({ label: 'visitor' });
    await visitor.goto(signInUrl.replace(t.baseUrl, ''));
    await visitor.getByTestId('login-sso-only').getByText('This organization signs in with single sign-on.').waitFor();

    // The Users page marks Priya as signing in through SSO; her role and provider groups are read-only.
    await page.getByRole('menuitem', { name: 'Users', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'priya@example.com' });
    await row.getByText('SSO', { exact: true }).waitFor();
    await row.click();
    await page.getByTestId('user-sso-managed').waitFor();
    assert(await page.getByRole('combobox', { name: /Role/ }).isDisabled(), 'the role of an SSO user is read-only while SSO is on');
    // What the console sends back (her role and provider groups unchanged) passes the API's refusal of provider-owned changes.
    await page.getByRole('textbox', { name: /^Name/ }).fill('Priya R.');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/users/') && r.request().method() === 'PUT'),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    assert(saved.status() === 200, `the console saves an SSO user's name (${saved.status()})`);
    const priya = await saved.json();
    assert(priya.name === 'Priya R.' && priya.role === 'analyst' && JSON.stringify(priya.groups) === JSON.stringify(['security']), `name saved, role and provider groups kept (${JSON.stringify(priya)})`);

    // Priya signs out: the console sends her to the provider's logout, which ends its session too.
    await person.getByRole('button', { name: /account menu/ }).click();
    await person.getByRole('menuitem', { name: 'Logout' }).click();
    await person.waitForURL((u) => u.href.startsWith(`${idp.issuer}/session/end`));
    const after = await person.evaluate(async () => (await fetch('/api/auth/me')).status).catch(() => null);
    assert(after === null || after === 401 || after === 404, 'the Airlock session has ended');
    t.errors = t.errors.filter((e) => !(e.startsWith('[person]') && e.includes(idp.issuer)));
  } finally {
    // Later scenarios sign in with passwords on the same server: turn single sign-on (and with it
    // SSO-only) off again, as the owner, through the API the page uses.
    await page
      .evaluate(async () => {
        const { csrfToken } = await (await fetch('/api/auth/me')).json();
        const c = await (await fetch('/api/sso-connection')).json();
        if (!c.configured) return;
        const body = { issuer: c.issuer, clientId: c.clientId, scopes: c.scopes, groupsClaim: c.groupsClaim, roleMappings: c.roleMappings, defaultRole: c.defaultRole, allowJit: c.allowJit, enabled: false, ssoOnly: false };
        const res = await fetch('/api/sso-connection', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
        if (!res.ok) throw new Error(`turning SSO off answered ${res.status}: ${await res.text()}`);
        // The demo group as it was (the scenario mapped a provider group to it).
        const groups = await (await fetch('/api/groups?filter=' + encodeURIComponent(JSON.stringify({ q: 'security' })))).json();
        const security = groups.find((g) => g.name === 'security');
        if (security) await fetch(`/api/groups/${security.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ ssoGroups: ['Security'] }) });
      })
      .catch((err) => t.errors.push(`[cleanup] ${err.message}`));
    await idp.close();
  }
}
scenarioSsoSetUpAndSignIn.description = 'the owner sets up SSO in the console (test, refusal, save) and a person signs in through the provider';
