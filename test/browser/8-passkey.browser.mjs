// Multi-factor sign-in with a passkey, on Chromium's virtual authenticator (DevTools protocol
// WebAuthn domain: CTAP2, internal transport, resident keys, user verification): a user registers
// a passkey on the account security page (the first factor comes with 10 recovery codes, shown
// once), signs out, and signs in again with the password and then the passkey.
import { assert } from './harness.mjs';

const USER = 'dan.sales@example.com';

async function openUserMenu(page) {
  await page.getByRole('button', { name: /account menu/ }).click();
}

export async function scenarioPasskeySignIn(t) {
  const page = await t.newPage({ label: 'passkey' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await t.signIn(page, USER);
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Account security' }).click();
  await page.getByRole('heading', { name: 'Account security', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Set up an authenticator app' }).waitFor();
  await t.capture(page, 'laptop-light-account-security');

  // Register a passkey: the first factor of the account, so the recovery codes come once.
  await page.getByRole('textbox', { name: 'Name of the new passkey' }).fill('Work laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your recovery codes' });
  await dialog.getByText('They are shown only this once').waitFor();
  const codes = await dialog.getByTestId('recovery-codes').locator('li').allInnerTexts();
  assert(codes.length === 10 && codes.every((c) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(c.trim())), `10 recovery codes are shown (got ${codes.join(' ')})`);
  await t.capture(page, 'laptop-light-recovery-codes-once');
  await dialog.getByRole('button', { name: 'I have stored the codes' }).click();
  await page.getByRole('list', { name: 'Passkeys' }).getByText('Work laptop').waitFor();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert(credentials.length === 1 && credentials[0].isResidentCredential, 'the authenticator holds one resident credential');

  // Sign out, then in again: the password alone opens no session; the passkey completes it.
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Logout' }).click();
  await page.waitForURL((u) => u.hash.startsWith('#/login'));
  await page.getByLabel('E-mail').fill(USER);
  await page.getByLabel(/^Password/).fill(t.adminPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
  const cookies = (await page.context().cookies()).map((c) => c.name);
  assert(cookies.includes('__Host-airlock_mfa') && !cookies.includes('__Host-airlock_session'), `after the password alone: a pending sign-in, no session (cookies: ${cookies.join(', ')})`);
  await t.capture(page, 'laptop-light-sign-in-second-step');
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  assert(me.user.email === USER && me.mfa.enabled === true, `signed in with the passkey (${JSON.stringify(me.mfa)})`);
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert(after.credentials[0].signCount > credentials[0].signCount, 'the passkey signed the sign-in');

  // The factor is removable (the sign-in just proved it, so no step-up is asked): back to password only.
  await page.goto('/#/account/security');
  await page.getByRole('button', { name: 'Remove the passkey Work laptop' }).click();
  await page.getByRole('list', { name: 'Passkeys' }).waitFor({ state: 'detached' });
  const status = await page.evaluate(async () => (await fetch('/api/auth/mfa')).json());
  assert(status.enabled === false && status.passkeys.length === 0 && status.recoveryCodesLeft === 0, `the passkey and the recovery codes are gone (${JSON.stringify(status)})`);
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
}
scenarioPasskeySignIn.description = 'a passkey is registered, then signs in as the second factor (virtual authenticator)';
