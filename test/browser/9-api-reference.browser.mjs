// The API reference at /docs (ADR 0014): Swagger UI, served by the API from swagger-ui-dist, renders
// the OpenAPI document under the console's Content-Security-Policy (a refused script or style would
// be a console error, which fails the scenario), for a signed-in staff member.
import { assert } from './harness.mjs';

export async function scenarioApiReference(t) {
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  await page.goto('/docs');
  await page.locator('.swagger-ui .info .title').waitFor();
  const title = await page.locator('.swagger-ui .info .title').innerText();
  assert(title.includes('Airlock API'), `the reference shows the document's title, got ${title}`);
  await page.locator('.opblock-tag', { hasText: 'Decision API' }).first().waitFor();
  await page.locator('.opblock-summary-path', { hasText: '/v1/decisions' }).first().waitFor();
  await t.screenshot(page, 'api-reference');
}
scenarioApiReference.description = '/docs renders the OpenAPI document for staff under the CSP';
