// The browser-test harness: one Chromium for the run, a fresh context per user, every console error
// and uncaught page error recorded (a scenario fails on any), screenshots and axe-core checks.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core');

export const LAPTOP = { width: 1366, height: 850 };
export const PHONE = { width: 390, height: 844 };

const say = (msg) => process.stdout.write(`[browser] ${msg}\n`);

export class ScenarioContext {
  constructor(browser, ctx, name) {
    this.browser = browser;
    this.baseUrl = ctx.baseUrl;
    this.adminPassword = ctx.adminPassword;
    this.bootstrapKey = ctx.bootstrapKey;
    /** The API's database (PostgreSQL), for checks of what it stored. */
    this.databaseUrl = ctx.databaseUrl;
    this.artifacts = ctx.artifacts;
    /** The DNS stub the API verifies domains through (AIRLOCK_DNS_SERVERS): `dns.txt.set(name, [values])`. */
    this.dns = ctx.dns;
    this.name = name;
    /** Console errors and page errors, with where they happened. */
    this.errors = [];
    this.axeResults = [];
    this.screenshots = [];
    this.contexts = [];
    this.pages = [];
    /** Where each page was and what it said when the scenario failed (printed with the failure). */
    this.failureNotes = [];
  }

  /** A new browser context (its own cookies and storage): viewport and colour scheme as given. */
  async newPage({ viewport = LAPTOP, colorScheme = 'light', label = 'page' } = {}) {
    const context = await this.browser.newContext({
      viewport,
      colorScheme,
      baseURL: this.baseUrl,
      isMobile: viewport.width < 600,
      hasTouch: viewport.width < 600,
      locale: 'en-US',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    // axe-core goes in as an init script (injected through the DevTools protocol, so the console's
    // Content-Security-Policy stays enforced: a page that broke it would log a console error).
    await context.addInitScript({ path: AXE_PATH });
    this.contexts.push(context);
    const page = await context.newPage();
    this.pages.push({ page, label });
    page.setDefaultTimeout(15_000);
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(`[${label}] console error at ${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.errors.push(`[${label}] page error at ${page.url()}: ${err.message}`));
    return page;
  }

  /** Signs in through the login page as a user would. */
  async signIn(page, email, password = this.adminPassword) {
    await page.goto('/#/login');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  }

  async screenshot(page, name) {
    await page.waitForLoadState('networkidle').catch(() => {});
    // Full-page shots stitch the page from the top: start there so fixed bars do not repeat.
    await page.evaluate(() => window.scrollTo(0, 0));
    const vp = page.viewportSize();
    if (vp) await page.mouse.move(vp.width - 2, vp.height - 2).catch(() => {});
    const file = path.join(this.artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    this.screenshots.push(file);
    return file;
  }

  /** Injects axe-core and runs it; serious or critical violations fail the scenario. */
  async axe(page, name) {
    await page.waitForLoadState('networkidle').catch(() => {});
    // Transitions still running (a toast fading in) are measured half-transparent: axe read the
    // "Incident saved" toast's white text on its green at 3.3:1 mid-fade. Wait for the finite ones
    // (a spinner's animation never ends), at most 2 s.
    await page
      .evaluate(() =>
        Promise.race([
          Promise.all(
            document
              .getAnimations()
              .filter((a) => a.effect && Number.isFinite(a.effect.getComputedTiming().endTime))
              .map((a) => a.finished.catch(() => undefined)),
          ),
          new Promise((r) => setTimeout(r, 2000)),
        ]),
      )
      .catch(() => {});
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} [${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}] ${n.html.slice(0, 160)}`),
      }));
    });
    const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    this.axeResults.push({ name, violations: result, bad });
    return bad;
  }

  /** Screenshot and axe in one: the usual check of a main page. */
  async capture(page, name) {
    await this.screenshot(page, name);
    const bad = await this.axe(page, name);
    if (bad.length) {
      throw new Error(`axe: ${bad.length} serious/critical violation(s) on ${name}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`).join('; ')}`);
    }
  }

  /** POST /v1/decisions as a client on the network would (Node's fetch, not the page). */
  async decide(body, key = this.bootstrapKey) {
    const res = await fetch(`${this.baseUrl}/v1/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  async close() {
    for (const c of this.contexts) await c.close().catch(() => {});
    this.contexts = [];
  }
}

/** snake_case words, react-admin/airlock translation keys, and the polyglot marker of a missing key. */
export const RAW_WORDS = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b|\b(?:airlock|resources|ra)\.[a-zA-Z-]+\.[a-zA-Z.-]+|Missing translation/g;

/**
 * The raw slugs, keys and "Missing translation" markers in what a person reads on the page (inputs'
 * values are theirs, not the product's words), plus any of `extra` (e.g. catalog slugs) found as a
 * word. `skipCode`: identifiers shown deliberately as such (in <code>, labelled) are not counted.
 */
export async function rawWordsOn(page, extra = [], { skipCode = false } = {}) {
  let text = await page.locator('#main-content').innerText();
  if (skipCode) for (const code of await page.locator('#main-content code').allInnerTexts()) text = text.split(code).join(' ');
  const found = new Set(text.match(RAW_WORDS) ?? []);
  for (const slug of extra) if (new RegExp(`(^|[^\\w.-])${slug.replace(/[-.]/g, '\\$&')}($|[^\\w-])`).test(text)) found.add(slug);
  return [...found];
}

/** Waits for the page's requests to finish and its last render. */
export async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

/**
 * Picks an option of an MUI select, again if a busy machine lost the click, until the select shows
 * it. A click can land while the menu is still opening (the option list re-renders as its choices
 * arrive, or its choices are still loading) and leave the menu open with nothing chosen: the menu is
 * then closed and opened again.
 */
export async function choose(page, combobox, option) {
  for (let attempt = 0; attempt < 4; attempt++) {
    await combobox.click();
    const picked = await page
      .getByRole('option', { name: option, exact: true })
      .click({ timeout: 5_000 })
      .then(() => true, () => false);
    if (!picked) {
      await page.keyboard.press('Escape');
      continue;
    }
    const closed = await page
      .getByRole('listbox')
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .then(() => true, () => false);
    if (!closed) {
      await page.keyboard.press('Escape');
      await page.getByRole('listbox').waitFor({ state: 'hidden' });
    }
    if ((await combobox.innerText()).includes(option)) return;
  }
  throw new Error(`the select did not take ${option}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

/** Runs every exported scenario of every file; returns true when all passed. */
export async function runScenarios(files, ctx) {
  const browser = await chromium.launch({
    executablePath: ctx.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  try {
    for (const file of files) {
      const mod = await import(pathToFileURL(file).href);
      for (const [exportName, fn] of Object.entries(mod)) {
        if (typeof fn !== 'function' || !exportName.startsWith('scenario')) continue;
        // AIRLOCK_BROWSER_SCENARIO=scenario5 runs only the scenarios whose export name contains it (while working on one).
        if (process.env.AIRLOCK_BROWSER_SCENARIO && !exportName.includes(process.env.AIRLOCK_BROWSER_SCENARIO)) continue;
        const name = `${path.basename(file, '.browser.mjs')} › ${fn.description ?? exportName}`;
        const sc = new ScenarioContext(browser, ctx, name);
        const t0 = Date.now();
        let error = null;
        try {
          await fn(sc);
        } catch (err) {
          error = err;
          // What each open page looked like when the scenario failed.
          for (const [i, { page, label }] of sc.pages.entries()) {
            await page
              .screenshot({ path: path.join(ctx.artifacts, `FAILED-${path.basename(file, '.browser.mjs')}-${exportName}-${i}-${label}.png`), fullPage: true })
              .catch(() => {});
            // And what it said: the URL and every visible alert and dialog, so a failure in CI can be read from the log.
            const said = await page
              .evaluate(() =>
                [...document.querySelectorAll('[role="alert"], [role="status"], [role="dialog"]')]
                  .filter((e) => e.getClientRects().length > 0)
                  .map((e) => `${e.getAttribute('role')}: ${e.innerText.replace(/\s+/g, ' ').trim().slice(0, 300)}`),
              )
              .catch(() => []);
            sc.failureNotes.push(`${label} at ${page.url()}${said.length ? `\n       ${said.join('\n       ')}` : ''}`);
          }
        }
        await sc.close();
        const ms = Date.now() - t0;
        if (!error && sc.errors.length) error = new Error(`console errors:\n  ${sc.errors.join('\n  ')}`);
        results.push({ name, ms, error, axe: sc.axeResults, screenshots: sc.screenshots.length });
        const axeNote = sc.axeResults.length ? `, axe on ${sc.axeResults.length} page(s): ${sc.axeResults.reduce((n, a) => n + a.violations.length, 0)} minor/moderate, ${sc.axeResults.reduce((n, a) => n + a.bad.length, 0)} serious/critical` : '';
        say(`${error ? 'FAIL' : 'ok  '} ${name} (${(ms / 1000).toFixed(1)} s, ${sc.screenshots.length} screenshot(s)${axeNote})`);
        if (error) say(`     ${String(error.stack ?? error).split('\n').join('\n     ')}`);
        for (const note of sc.failureNotes) say(`     page ${note}`);
      }
    }
  } finally {
    await browser.close();
  }
  const failed = results.filter((r) => r.error);
  const minor = new Map();
  for (const r of results) {
    for (const a of r.axe) {
      for (const v of a.violations) {
        if (a.bad.includes(v)) continue;
        const seen = minor.get(v.id) ?? { text: `${v.id} (${v.impact}): ${v.help}`, pages: [] };
        seen.pages.push(a.name);
        minor.set(v.id, seen);
      }
    }
  }
  for (const m of minor.values()) say(`axe (minor/moderate) ${m.text}: ${m.pages.length} page(s), e.g. ${m.pages.slice(0, 4).join(', ')}`);
  say(`${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0;
}

/**
 * Confirms the publish dialog that the page's Publish button opened, once its impact preview has
 * arrived (or failed): the preview grows the dialog and moves its buttons, and a click while they
 * move can land beside the button. Returns the number of the version it published.
 */
export async function confirmPublish(page) {
  const dialog = page.getByRole('dialog', { name: /^Publish version \d+\?$/ });
  await dialog.getByTestId('confirm-impact').or(dialog.getByRole('alert')).first().waitFor({ timeout: 20_000 });
  const number = Number(/Publish version (\d+)\?/.exec(await dialog.getByRole('heading').first().innerText())[1]);
  await dialog.getByRole('button', { name: `Publish version ${number}`, exact: true }).click();
  await page.getByText(`Version ${number} published.`).waitFor();
  return number;
}

/** A webhook receiver on 127.0.0.1 that records what it gets and answers 204. */
export function startWebhookReceiver() {
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

/** Whether a delivery carries Airlock's signature under `secret` (`v1=` HMAC-SHA256 of "timestamp.body"). */
export const webhookSignedWith = (secret, r) =>
  r.headers['x-airlock-signature'] === `v1=${createHmac('sha256', secret).update(`${r.headers['x-airlock-timestamp']}.${r.body}`).digest('hex')}`;
