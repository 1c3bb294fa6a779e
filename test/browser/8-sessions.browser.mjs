// The same person is signed in on two browsers; from "My account" in the first they end the
// other session, and the second browser is signed out on its next request.
import { assert } from './harness.mjs';

export async function scenarioEndOtherSession(t) {
  const laptop = await t.newPage({ label: 'laptop' });
  await t.signIn(laptop, 'owner@example.com');
  await laptop.getByRole('button', { name: /account menu/ }).click();
  await laptop.getByRole('menuitem', { name: 'My account' }).click();
  await laptop.getByRole('heading', { name: 'Sessions' }).waitFor();
  const rows = laptop.getByTestId('session-row');
  // Earlier scenarios signed the owner in too: sign out everywhere else first, so that the list
  // holds exactly this browser and the one signed in below.
  await rows.first().waitFor();
  const elsewhere = laptop.getByRole('button', { name: 'Sign out everywhere else' });
  if ((await rows.count()) > 1) {
    await elsewhere.click();
    await laptop.waitForFunction(() => document.querySelectorAll('[data-testid="session-row"]').length === 1);
  }

  const other = await t.newPage({ label: 'other browser' });
  await t.signIn(other, 'owner@example.com');
  assert((await other.evaluate(async () => (await fetch('/api/auth/me')).status)) === 200, 'the other browser is signed in');
  await laptop.reload();
  await laptop.getByRole('heading', { name: 'Sessions' }).waitFor();
  await rows.nth(1).waitFor();
  assert((await rows.count()) === 2, `two sessions are listed (got ${await rows.count()})`);
  assert((await rows.filter({ hasText: 'This browser' }).count()) === 1, 'the current session is marked');
  await t.capture(laptop, 'laptop-light-account-sessions');

  await rows.filter({ hasNotText: 'This browser' }).getByRole('button', { name: /^End the session on/ }).click();
  await laptop.getByText('Session ended').waitFor();
  await laptop.waitForFunction(() => document.querySelectorAll('[data-testid="session-row"]').length === 1);

  // The other browser's cookie no longer works: its next request is refused and the console shows the sign-in page.
  assert((await other.evaluate(async () => (await fetch('/api/auth/me')).status)) === 401, 'the ended session is refused at once');
  await other.reload();
  await other.waitForURL((u) => u.hash.startsWith('#/login'));
  await other.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  // The laptop is still signed in.
  assert((await laptop.evaluate(async () => (await fetch('/api/auth/me')).status)) === 200, 'the laptop stays signed in');
  // The other browser's refused requests (401) are what this scenario is about, not console errors to fail on.
  t.errors = t.errors.filter((e) => !(e.startsWith('[other browser]') && e.includes('status of 401')));
}
scenarioEndOtherSession.description = 'signed in on two browsers, end the other session from My account: it is signed out';
