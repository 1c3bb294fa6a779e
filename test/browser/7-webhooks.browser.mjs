// The owner adds a webhook (its signing secret shown once), sends a test event and sees it
// delivered to a receiver on this machine, signed.
import http from 'node:http';
import { assert } from './harness.mjs';

function startReceiver() {
  const received = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, received, port: server.address().port })));
}

export async function scenarioWebhookTest(t) {
  const receiver = await startReceiver();
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
    const signed = Object.keys(receiver.received[0].headers).some((h) => /signature/i.test(h));
    assert(signed, `the delivery is signed (headers: ${Object.keys(receiver.received[0].headers).join(', ')})`);
    await t.capture(page, 'laptop-light-flow-webhook');
  } finally {
    receiver.server.close();
  }
}
scenarioWebhookTest.description = 'a webhook is added, a test event is delivered, signed';
