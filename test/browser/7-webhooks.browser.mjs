// The owner adds a webhook (its signing secret shown once), sends a test event and sees it
// delivered to a receiver on this machine, signed.
import { assert, startWebhookReceiver, webhookSignedWith } from './harness.mjs';

export async function scenarioWebhookTest(t) {
  const receiver = await startWebhookReceiver();
  try {
    const page = await t.newPage({ label: 'owner' });
    await t.signIn(page, 'owner@example.com');
    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.getByRole('link', { name: 'Create' }).first().click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Security chat');
    await page.getByRole('textbox', { name: 'URL', exact: true }).fill(`http://127.0.0.1:${receiver.port}/airlock`);
    await page.getByRole('checkbox', { name: 'A high or critical incident' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: /Security chat — signing secret/ });
    const secret = await dialog.getByTestId('new-api-key').inputValue();
    assert(secret.length > 10, 'the signing secret is shown once');
    await dialog.getByRole('button', { name: 'I have stored the key' }).click();

    await page.getByRole('cell', { name: 'Security chat' }).click();
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await page.getByText('Test event queued').waitFor();
    // The delivery log fills in as the worker delivers: reload until it says so.
    for (let i = 0; i < 20 && !(await page.getByText('Delivered', { exact: true }).count()); i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByRole('heading', { name: 'Recent deliveries' }).waitFor();
    }
    await page.getByText('Delivered', { exact: true }).first().waitFor();
    assert(receiver.received.length >= 1, 'the receiver got the test event');
    assert(webhookSignedWith(secret, receiver.received[0]), `the delivery is signed with the secret shown (headers: ${Object.keys(receiver.received[0].headers).join(', ')})`);
    await t.capture(page, 'laptop-light-flow-webhook');
  } finally {
    receiver.server.close();
  }
}
scenarioWebhookTest.description = 'a webhook is added, a test event is delivered, signed';
