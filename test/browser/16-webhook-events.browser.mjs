// Webhook events of issue #19: the owner subscribes a webhook to the new events (policy published,
// Block now, the per-minute summary of blocked decisions), saves it while its host does not resolve
// yet and sees the warning instead of a refusal, points it at a receiver on this machine, blocks an
// AI service with Block now, and sees both events delivered, signed, and named in words in the log.
import { assert, startWebhookReceiver, webhookSignedWith } from './harness.mjs';

export async function scenarioWebhookEvents(t) {
  const receiver = await startWebhookReceiver();
  try {
    const page = await t.newPage({ label: 'owner' });
    await t.signIn(page, 'owner@example.com');
    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.getByRole('link', { name: 'Create' }).first().click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('SOC alerts');
    // The receiver is not set up yet: its name does not resolve.
    await page.getByRole('textbox', { name: 'URL', exact: true }).fill('https://soc-alerts.not-yet.invalid/airlock');
    // The new events, offered in words.
    await page.getByRole('checkbox', { name: 'An incident is reported' }).uncheck();
    await page.getByRole('checkbox', { name: /^A policy version is published/ }).check();
    await page.getByRole('checkbox', { name: 'An AI service is blocked with Block now' }).check();
    await page.getByRole('checkbox', { name: /^Blocked decisions: a summary each minute/ }).check();
    await t.capture(page, 'laptop-light-flow-webhook-events-pick');
    await page.getByRole('button', { name: 'Save' }).click();

    // Saved, not refused: the secret once, then the warning on the webhook's page.
    const dialog = page.getByRole('dialog', { name: /SOC alerts — signing secret/ });
    const secret = await dialog.getByTestId('new-api-key').inputValue();
    assert(secret.startsWith('whsec_'), 'the signing secret is shown once');
    await dialog.getByRole('button', { name: 'I have stored the key' }).click();
    const warning = page.getByTestId('webhook-warnings');
    await warning.getByText('Saved, with a warning').waitFor();
    await warning.getByText(/Host soc-alerts\.not-yet\.invalid does not resolve \(yet\)/).waitFor();
    await t.capture(page, 'laptop-light-flow-webhook-saved-with-warning');

    // The receiver is ready: point the webhook at it; no warning this time, back to the list.
    const url = page.getByRole('textbox', { name: 'URL', exact: true });
    await url.fill(`http://127.0.0.1:${receiver.port}/soc`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'SOC alerts' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'SOC alerts' });
    const rowText = await row.innerText();
    assert(rowText.includes('An AI service is blocked with Block now') && !rowText.includes('provider.blocked'), `the list names the events in words (row: ${rowText})`);

    // Block now on an AI service: the webhook hears of the block and of the version it published.
    await page.getByRole('menuitem', { name: 'AI services', exact: true }).click();
    await page.getByRole('textbox', { name: 'Search' }).fill('Mistral');
    await page.getByRole('cell', { name: /^Mistral Le Chat/ }).first().click();
    await page.getByRole('button', { name: 'Block now' }).click();
    const block = page.getByRole('dialog', { name: /Block Mistral Le Chat now/ });
    await block.getByLabel('Reason').fill('Chats shared publicly by a plug-in');
    await block.getByRole('button', { name: 'Block and publish' }).click();
    await block.getByTestId('rollout-complete').waitFor({ timeout: 20_000 });
    await block.getByRole('button', { name: 'Close' }).click();

    const events = () => receiver.received.map((r) => r.headers['x-airlock-event']);
    for (let i = 0; i < 60 && !(events().includes('provider.blocked') && events().includes('policy.published')); i++) await page.waitForTimeout(250);
    const blocked = receiver.received.find((r) => r.headers['x-airlock-event'] === 'provider.blocked');
    const published = receiver.received.find((r) => r.headers['x-airlock-event'] === 'policy.published');
    assert(blocked && published, `the receiver got provider.blocked and policy.published (got ${events().join(', ')})`);
    assert(webhookSignedWith(secret, blocked) && webhookSignedWith(secret, published), 'both deliveries are signed with the secret');
    const b = JSON.parse(blocked.body).data;
    assert(b.service.slug === 'mistral-le-chat' && b.reason === 'Chats shared publicly by a plug-in' && b.blockedBy.label === 'owner@example.com', `provider.blocked names the service, reason and who (${blocked.body})`);
    const p = JSON.parse(published.body).data;
    assert(p.version.cause === 'block_now' && p.version.number === b.version, `policy.published says Block now and the same version (${published.body})`);

    // The delivery log names the events in words.
    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.getByRole('cell', { name: 'SOC alerts' }).click();
    await page.getByRole('heading', { name: 'Recent deliveries' }).waitFor();
    const log = page.getByRole('table', { name: 'Recent deliveries' });
    for (let i = 0; i < 20 && (await log.getByText('Delivered', { exact: true }).count()) < 2; i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByRole('heading', { name: 'Recent deliveries' }).waitFor();
    }
    await log.getByRole('cell', { name: 'An AI service is blocked with Block now' }).waitFor();
    await log.getByRole('cell', { name: /^A policy version is published/ }).waitFor();
    assert((await page.getByTestId('webhook-warnings').count()) === 0, 'no warning once the host is a working one');
    await t.capture(page, 'laptop-light-flow-webhook-events-delivered');
  } finally {
    receiver.server.close();
  }
}
scenarioWebhookEvents.description = 'a webhook on the new events is saved with a warning for a host that does not resolve yet, then hears of Block now';
