// The API reference at /docs (ADR 0014): Swagger UI, served by the API from swagger-ui-dist, renders
// every operation of /openapi.json for signed-in staff, under the console's Content-Security-Policy,
// without a page error; employees are refused.
//
// Swagger UI (5.33 and later) virtualizes the operations list once it holds 150 tags and operations
// or more (ours holds more): only the rows near the viewport are in the page at any moment. So the
// scenario reads the page as a reader does, scrolling from the top to the bottom, and collects every
// operation that was drawn on the way; all of the document's operations must have been.
import { assert } from './harness.mjs';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);

/** Records CSP violations from the first script of every page (a refused script or style, an eval). */
const recordCspViolations = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__cspViolations.push(`${e.violatedDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
  );
};

/** Scrolls the window from top to bottom and returns every "METHOD /path" Swagger UI drew on the way. */
async function operationsDrawnWhileScrolling(page) {
  const seen = new Set();
  const collect = async () => {
    const ops = await page.evaluate(() =>
      [...document.querySelectorAll('.swagger-ui .opblock')].map((op) => {
        const method = op.querySelector('.opblock-summary-method')?.textContent?.trim() ?? '?';
        const path = op.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '?';
        return `${method.toUpperCase()} ${path}`;
      }),
    );
    for (const op of ops) seen.add(op);
  };
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 500; step++) {
    await page.waitForTimeout(120);
    await collect();
    const atBottom = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.floor(window.innerHeight * 0.6));
      return window.scrollY === before;
    });
    if (atBottom) break;
  }
  return seen;
}

export async function scenarioApiReference(t) {
  const page = await t.newPage({ label: 'analyst' });
  await page.context().addInitScript(recordCspViolations);
  await t.signIn(page, 'sam.analyst@example.com');

  const res = await page.goto('/docs');
  assert(res?.status() === 200, `staff get the reference, got ${res?.status()}`);
  const csp = (await res.allHeaders())['content-security-policy'] ?? '';
  assert(csp.includes("script-src 'self'") && !csp.includes('unsafe-eval'), `the page keeps the strict script-src: ${csp}`);
  await page.locator('.swagger-ui .info .title').waitFor();
  assert((await page.locator('.swagger-ui .info .title').innerText()).includes('Airlock API'), "the reference shows the document's title");

  // The operations the document holds, as the page fetched it.
  const doc = await page.evaluate(async () => (await fetch('/openapi.json')).json());
  const expected = new Set();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) if (METHODS.has(method)) expected.add(`${method.toUpperCase()} ${path}`);
  }
  assert(expected.size > 100, `the document holds the whole API (${expected.size} operations)`);
  await page.locator('.swagger-ui .opblock').first().waitFor();

  const drawn = await operationsDrawnWhileScrolling(page);
  const missing = [...expected].filter((op) => !drawn.has(op));
  const extra = [...drawn].filter((op) => !expected.has(op));
  assert(missing.length === 0, `every operation appears on the page: ${missing.length} of ${expected.size} never drawn, e.g. ${missing.slice(0, 5).join(', ')}`);
  assert(extra.length === 0, `the page shows only the document's operations, also drew ${extra.join(', ')}`);
  const tags = new Set(Object.values(doc.paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags ?? [])));
  assert(tags.size === (doc.tags?.length ?? 0), `every tag of the operations is declared (${tags.size})`);

  // The schemas follow the last group at the bottom of the page (the renderer did not stop).
  await page.locator('.swagger-ui section.models').waitFor();

  // The filter box narrows the list to the matching groups (they then all fit, no virtualization).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.swagger-ui .operation-filter-input').fill('audit-events');
  await page.locator('.swagger-ui .opblock-tag', { hasText: 'Admin: catalog' }).waitFor({ state: 'detached' });
  const auditOps = [...expected].filter((op) => op.includes(' /api/audit-events'));
  await page.waitForFunction((n) => document.querySelectorAll('.swagger-ui .opblock').length === n, auditOps.length, { timeout: 5000 }).catch(() => {});
  const filtered = await page.locator('.swagger-ui .opblock-summary-path').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
  assert(filtered.length === auditOps.length, `the filter shows the ${auditOps.length} audit-event operations, got ${filtered.join(', ')}`);
  await page.locator('.swagger-ui .opblock-summary-path[data-path="/api/audit-events/{id}"]').waitFor();
  await t.screenshot(page, 'api-reference-filtered');

  const violations = await page.evaluate(() => window.__cspViolations);
  assert(violations.length === 0, `no CSP violation: ${violations.join('; ')}`);
  // Console errors and page errors fail the scenario in the harness.
}
scenarioApiReference.description = '/docs draws every operation of /openapi.json for staff under the CSP';

export async function scenarioApiReferenceRefusesEmployees(t) {
  const anonymous = await t.newPage({ label: 'anonymous' });
  const before = await anonymous.request.get('/docs');
  assert(before.status() === 401, `/docs needs a session, got ${before.status()}`);

  const eve = await t.newPage({ label: 'employee' });
  await t.signIn(eve, 'eve.employee@example.com');
  await eve.waitForURL(/#\/portal\//);
  // The page's own request carries the session cookie (page.request shares the context's cookies).
  const res = await eve.request.get('/docs');
  assert(res.status() === 403, `an employee is refused the reference, got ${res.status()}`);
  const body = await res.json();
  assert(body?.error?.code === 'forbidden', `the refusal is the error envelope, got ${JSON.stringify(body)}`);
}
scenarioApiReferenceRefusesEmployees.description = '/docs refuses an employee and an anonymous visitor';
