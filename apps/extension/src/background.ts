// The service worker: reads the managed configuration, keeps the policy bundle current (ETag
// polls on an alarm, plus the server's event stream while it is reachable), stores the last good
// bundle for the content scripts, registers the content scripts on the catalog's hosts, redirects
// blocked services to the block page, and sends the decisions made in pages to the server in batches.
import { AirlockClient, AirlockError } from '../../../libs/sdk/src/client';
import { type AirlockSignIn, type Identity, needsAirlockSignIn, parseIdentitySource, readAirlockSignIn, resolveIdentity } from './identity';
import { compileBundle, compileBundleExceptions, decide, subjectGroups, userDirectory, userKey, type PolicyBundle } from './decide';
import {
  type AccessBlock,
  DEFAULT_MAX_UPLOAD_BYTES,
  type DecisionReport,
  type ExtensionConfig,
  type Message,
  matchPatterns,
  type PolicyState,
  type RecentDecision,
  SEED_AI_HOSTS,
  type StatusState,
} from './shared';

const CONTENT_SCRIPT_ID = 'airlock-composer';
const MAX_QUEUE = 2000;
const MAX_RECENT = 20;

async function loadConfig(): Promise<ExtensionConfig> {
  let managed: Record<string, unknown>;
  try {
    managed = (await chrome.storage.managed.get(null)) as Record<string, unknown>;
  } catch {
    managed = {};
  }
  let source: ExtensionConfig['source'] = 'managed';
  let raw = managed;
  if (typeof managed.serverUrl !== 'string') {
    // Developer fallback (an unpacked extension without a managed policy): storage.local['devConfig'].
    const local = (await chrome.storage.local.get('devConfig')).devConfig as Record<string, unknown> | undefined;
    raw = local ?? {};
    source = local && typeof local.serverUrl === 'string' ? 'local' : 'none';
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const num = (v: unknown, dflt: number, min: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(v, min) : dflt);
  return {
    serverUrl: str(raw.serverUrl)?.replace(/\/+$/, ''),
    apiKey: str(raw.apiKey),
    failMode: raw.failMode === 'closed' ? 'closed' : 'open',
    identitySource: parseIdentitySource(raw.identitySource, str(raw.userEmail)),
    userEmail: str(raw.userEmail),
    reportIntervalSeconds: num(raw.reportIntervalSeconds, 30, 1),
    refreshMinutes: num(raw.refreshMinutes, 1, 0.5),
    extraHosts: Array.isArray(raw.extraHosts) ? raw.extraHosts.filter((h): h is string => typeof h === 'string') : [],
    maxUploadBytes: num(raw.maxUploadBytes, DEFAULT_MAX_UPLOAD_BYTES, 1),
    unreadableFiles: raw.unreadableFiles === 'block' || raw.unreadableFiles === 'allow' ? raw.unreadableFiles : raw.failMode === 'closed' ? 'block' : 'allow',
    portalUrl: str(raw.portalUrl),
    source,
  };
}

async function profileEmail(): Promise<string | undefined> {
  try {
    const info = await chrome.identity.getProfileUserInfo({ accountStatus: chrome.identity.AccountStatus.ANY });
    return info.email || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who is signed in to Airlock in this browser: GET /v1/extension/identity with the extension's API
 * key, the browser adding the person's session cookie (credentials 'include'; the extension's host
 * permission for the server makes the request same-site, so the SameSite=Lax cookie goes). Undefined
 * when the server cannot be asked (unconfigured, unreachable): the last answer is kept then.
 */
async function askAirlock(c: ExtensionConfig): Promise<AirlockSignIn | undefined> {
  if (!c.serverUrl || !c.apiKey) return undefined;
  try {
    const res = await fetch(`${c.serverUrl}/v1/extension/identity`, {
      headers: { authorization: `Bearer ${c.apiKey}` },
      credentials: 'include',
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      await setStatus({ lastError: `identity: HTTP ${res.status}` });
      return undefined;
    }
    return readAirlockSignIn(await res.json());
  } catch (err) {
    await setStatus({ lastError: `identity: ${describe(err)}` });
    return undefined;
  }
}

/** The last answer of the server about the Airlock sign-in (kept while it cannot be asked). */
async function lastAirlockSignIn(): Promise<AirlockSignIn | undefined> {
  return (await chrome.storage.local.get('airlockSignIn')).airlockSignIn as AirlockSignIn | undefined;
}

/** The user's identity from the configured source (see identity.ts). */
async function currentIdentity(c: ExtensionConfig): Promise<Identity> {
  const profile = c.identitySource === 'profile' ? await profileEmail() : undefined;
  let airlock: AirlockSignIn | undefined;
  if (needsAirlockSignIn(c.identitySource, profile)) {
    airlock = await askAirlock(c);
    if (airlock) await chrome.storage.local.set({ airlockSignIn: airlock });
    else airlock = await lastAirlockSignIn();
  }
  return resolveIdentity(c.identitySource, { profileEmail: profile, airlock, userEmail: c.userEmail });
}

/**
 * Asks again who the user is (a sign-in or sign-out on the server, the refresh alarm, the popup) and,
 * when it changed, stores the new identity with its groups and exceptions key: the open pages decide
 * with it from then on, and the access redirects are rebuilt for that person.
 */
async function refreshIdentity(): Promise<void> {
  if (!config) return;
  const identity = await currentIdentity(config);
  const prev = await readPolicy();
  await setStatus({ email: identity.email, identityVia: identity.via, signInUrl: signInUrl(config, identity) });
  if (!prev || prev.email === identity.email) return;
  const state: PolicyState = {
    ...prev,
    email: identity.email,
    groups: prev.bundle && identity.email ? await subjectGroups(prev.bundle, identity.email) : [],
    userKey: prev.bundle ? userKey(prev.bundle, identity.email) : undefined,
  };
  await chrome.storage.local.set({ policy: state });
  await applyAccessRedirects(state);
}

/** Where the popup's "Sign in to Airlock" leads: the server's sign-in page (password or SSO), when signing in would help. */
function signInUrl(c: ExtensionConfig, identity: Identity): string | undefined {
  return identity.signInUseful && c.serverUrl && c.apiKey ? `${c.serverUrl}/#/login` : undefined;
}

let config: ExtensionConfig | null = null;
let client: AirlockClient | null = null;
let stream: AbortController | null = null;
let keepAlive: ReturnType<typeof setInterval> | null = null;
let reportTimer: ReturnType<typeof setTimeout> | null = null;
let starting: Promise<void> | null = null;

async function setStatus(patch: Partial<StatusState>): Promise<void> {
  const prev = ((await chrome.storage.local.get('status')).status as StatusState | undefined) ?? { connection: 'unconfigured', configSource: 'none', pendingReports: 0 };
  await chrome.storage.local.set({ status: { ...prev, ...patch } });
}

async function readPolicy(): Promise<PolicyState | undefined> {
  return (await chrome.storage.local.get('policy')).policy as PolicyState | undefined;
}

/** Starts (or restarts after a configuration change) everything; idempotent while running. */
function start(): Promise<void> {
  starting ??= (async () => {
    config = await loadConfig();
    const identity = await currentIdentity(config);
    const email = identity.email;
    client = config.serverUrl && config.apiKey ? new AirlockClient({ baseUrl: config.serverUrl, apiKey: config.apiKey, timeoutMs: 10_000, fetch: (input, init) => fetch(input, init) }) : null;
    const prev = await readPolicy();
    // The configuration's parts the pages need, with the last good bundle (kept across restarts).
    const state: PolicyState = {
      bundle: prev?.bundle ?? null,
      etag: prev?.etag,
      fetchedAt: prev?.fetchedAt,
      email,
      groups: prev?.bundle && email ? await subjectGroups(prev.bundle, email) : [],
      userKey: prev?.bundle ? userKey(prev.bundle, email) : undefined,
      failMode: config.failMode,
      portalUrl: config.portalUrl ?? (config.serverUrl ? `${config.serverUrl}/#/portal/tools` : undefined),
      maxUploadBytes: config.maxUploadBytes,
      unreadableFiles: config.unreadableFiles,
      extraHosts: config.extraHosts,
    };
    // Stored again only when something changed: every open page reads it again when it is.
    const same = prev !== undefined && JSON.stringify({ ...prev, bundle: null }) === JSON.stringify({ ...state, bundle: null });
    if (!same) await chrome.storage.local.set({ policy: state });
    await setStatus({ configSource: config.source, email, identityVia: identity.via, signInUrl: signInUrl(config, identity), connection: client ? 'connecting' : 'unconfigured', policyVersion: state.bundle?.policyVersion });
    await applyPolicy(state);
    await chrome.alarms.create('refresh', { periodInMinutes: Math.max(0.5, config.refreshMinutes) });
    await chrome.alarms.create('report', { periodInMinutes: Math.max(0.5, config.reportIntervalSeconds / 60) });
    if (client) {
      await refresh();
      watch();
    }
  })().finally(() => {
    starting = null;
  });
  return starting;
}

/** Fetches the bundle if it changed (If-None-Match). Keeps the last good one on any failure. */
async function refresh(): Promise<void> {
  if (!client || !config) return;
  const prev = await readPolicy();
  try {
    const got = await client.fetchBundle(prev?.bundle ? prev.etag : undefined);
    await setStatus({ lastContactAt: new Date().toISOString(), lastError: undefined, connection: stream ? 'live' : 'polling' });
    if (!got) return;
    compileBundle(got.bundle); // a bundle that does not compile here never replaces the last good one
    const email = prev?.email;
    const state: PolicyState = {
      ...(prev as PolicyState),
      bundle: got.bundle,
      etag: got.etag,
      fetchedAt: new Date().toISOString(),
      groups: await subjectGroups(got.bundle, email),
      userKey: userKey(got.bundle, email),
    };
    await chrome.storage.local.set({ policy: state });
    await setStatus({ policyVersion: got.bundle.policyVersion });
    await applyPolicy(state);
    retryMs = 1000;
  } catch (err) {
    await setStatus({ connection: 'unreachable', lastError: describe(err) });
    // Soon again (1 s doubling to 30 s), not only at the next alarm: a browser that has just
    // started may fail its first requests.
    if (!retryTimer) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void refresh();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, 30_000);
    }
  }
}
let retryMs = 1000;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function describe(err: unknown): string {
  if (err instanceof AirlockError) return `${err.status} ${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

/** Follows GET /v1/bundle/events; reconnects with backoff while the worker lives (alarms restart it). */
function watch(): void {
  if (stream || !client) return;
  const controller = new AbortController();
  stream = controller;
  // An extension service worker stops after 30 s without extension events; an extension API call
  // every 20 s keeps it (and so the stream) alive while a server is configured.
  keepAlive ??= setInterval(() => void chrome.runtime.getPlatformInfo(), 20_000);
  let backoff = 1000;
  const c = client;
  void (async () => {
    while (!controller.signal.aborted) {
      try {
        await c.watchBundle((event) => {
          backoff = 1000;
          void setStatus({ connection: 'live', lastContactAt: new Date().toISOString(), lastError: undefined });
          void readPolicy().then((p) => {
            if (!p?.bundle || p.etag !== event.etag) void refresh();
          });
        }, controller.signal);
      } catch (err) {
        if (controller.signal.aborted) return;
        await setStatus({ connection: 'unreachable', lastError: describe(err) });
      }
      await new Promise((ok) => setTimeout(ok, backoff));
      backoff = Math.min(backoff * 2, 30_000);
    }
  })();
}

/**
 * What follows from a new policy: the content scripts on every catalog host (and the configured
 * extra hosts), and block-page redirects for the services this user may not access.
 */
async function applyPolicy(state: PolicyState): Promise<void> {
  const domains = new Set<string>(state.extraHosts);
  if (state.bundle) {
    for (const p of state.bundle.catalog) for (const d of p.domains) domains.add(d);
    // Unknown AI destinations the policy has rules for (the server's known list): decided there as such.
    for (const h of state.bundle.watchHosts ?? []) domains.add(h);
  } else for (const h of SEED_AI_HOSTS) domains.add(h);
  const matches = matchPatterns(domains);
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  const script: chrome.scripting.RegisteredContentScript = {
    id: CONTENT_SCRIPT_ID,
    matches,
    js: ['content.js'],
    css: ['content.css'],
    runAt: 'document_start',
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (matches.length === 0) {
    if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  } else if (existing.length) {
    await chrome.scripting.updateContentScripts([script]);
  } else {
    await chrome.scripting.registerContentScripts([script]);
  }
  await applyAccessRedirects(state);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * declarativeNetRequest: top-level navigations to a service whose access is blocked for this user go
 * to blocked.html. The user's time-limited exceptions are honoured like everywhere else (a
 * service-level exception, i.e. of any data class, lifts a blocked service), so a service lifted by
 * an exception gets no rule; the rules are rebuilt at the earliest expiry of the exceptions that
 * lifted one (an alarm, which survives the worker being stopped, and a timer while it runs), so the
 * redirect comes back when the exception ends. A revoked exception leaves the bundle, whose refresh
 * rebuilds the rules too.
 */
async function applyAccessRedirects(state: PolicyState): Promise<void> {
  const blocks: Record<string, AccessBlock> = {};
  const rules: chrome.declarativeNetRequest.Rule[] = [];
  let nextExpiry: number | null = null;
  if (state.bundle) {
    const policy = compileBundle(state.bundle);
    const directory = userDirectory(state.email, state.groups);
    const exceptions = compileBundleExceptions(state.bundle, state.email, state.userKey);
    const now = Date.now();
    let id = 1;
    for (const p of state.bundle.catalog) {
      const r = decide(policy, directory, { action: 'access', destination: { provider: p.slug }, subject: state.email ? { email: state.email } : undefined, context: { channel: 'web' } }, exceptions, now);
      for (const reason of r.decision.reasons) {
        const until = reason.exception ? Date.parse(reason.exception.expiresAt) : NaN;
        if (until > now && (nextExpiry === null || until < nextExpiry)) nextExpiry = until;
      }
      if (r.decision.effect !== 'block') continue;
      blocks[p.slug] = { provider: p.slug, name: p.name, reasons: r.decision.reasons.filter((x) => x.effect === 'block').map((x) => ({ ruleId: x.ruleId, message: x.message, guidanceUrl: x.guidanceUrl })) };
      for (const d of p.domains) {
        const host = d.toLowerCase().replace(/\.$/, '');
        const pattern = host.startsWith('*.') ? `([^/:]+\\.)${escapeRegex(host.slice(2))}` : escapeRegex(host);
        rules.push({
          id: id++,
          priority: 1,
          action: { type: chrome.declarativeNetRequest.RuleActionType.REDIRECT, redirect: { regexSubstitution: `chrome-extension://${chrome.runtime.id}/blocked.html?provider=${encodeURIComponent(p.slug)}&url=\\0` } },
          condition: { regexFilter: `^https?://${pattern}(:[0-9]+)?(/.*)?$`, resourceTypes: [chrome.declarativeNetRequest.ResourceType.MAIN_FRAME] },
        });
      }
    }
  }
  const old = await chrome.declarativeNetRequest.getDynamicRules();
  await chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: old.map((r) => r.id), addRules: rules });
  await chrome.storage.local.set({ accessBlocks: blocks });
  await scheduleAccessRecheck(nextExpiry);
}

const EXPIRY_ALARM = 'exception-expiry';
let expiryTimer: ReturnType<typeof setTimeout> | null = null;

/** Rebuilds the redirects just after `at` (ms): when the first exception that lifted one ends. */
async function scheduleAccessRecheck(at: number | null): Promise<void> {
  if (expiryTimer) clearTimeout(expiryTimer);
  expiryTimer = null;
  await chrome.alarms.clear(EXPIRY_ALARM);
  if (at === null) return;
  // The alarm wakes a stopped worker (packed extensions' alarms may fire up to 30 s late); the timer
  // is exact while the worker runs (it does while the bundle's event stream is open).
  await chrome.alarms.create(EXPIRY_ALARM, { when: at + 250 });
  expiryTimer = setTimeout(() => void recheckAccess(), Math.min(Math.max(0, at - Date.now() + 250), 2_147_000_000));
}

async function recheckAccess(): Promise<void> {
  expiryTimer = null;
  const state = await readPolicy();
  if (state) await applyAccessRedirects(state);
}

// ---- reports -------------------------------------------------------------------------------------

/**
 * The reports waiting for the server and the recent decisions (the popup's list), held in memory and
 * written to storage behind (at most every PERSIST_MS, one write): a paste must not cost a read and
 * a rewrite of the whole queue. Loaded once from storage when the worker starts, so a worker that was
 * stopped loses nothing that was written.
 */
let queue: DecisionReport[] | null = null;
let recentList: RecentDecision[] = [];
let persistTimer: ReturnType<typeof setTimeout> | null = null;
const PERSIST_MS = 1000;
const BURST = 100;

let loadingQueue: Promise<DecisionReport[]> | null = null;
function loadQueue(): Promise<DecisionReport[]> {
  if (queue) return Promise.resolve(queue);
  loadingQueue ??= chrome.storage.local.get(['reportQueue', 'recent']).then((got) => {
    queue = ((got.reportQueue as DecisionReport[] | undefined) ?? []).slice(-MAX_QUEUE);
    recentList = ((got.recent as RecentDecision[] | undefined) ?? []).slice(0, MAX_RECENT);
    return queue;
  });
  return loadingQueue;
}

function schedulePersist(): void {
  persistTimer ??= setTimeout(() => void persist(), PERSIST_MS);
}

async function persist(): Promise<void> {
  if (persistTimer) clearTimeout(persistTimer);
  persistTimer = null;
  const q = await loadQueue();
  await chrome.storage.local.set({ reportQueue: q, recent: recentList });
  await setStatus({ pendingReports: q.length });
}

async function enqueue(items: { report: DecisionReport; recent: RecentDecision }[]): Promise<void> {
  const q = await loadQueue();
  for (const { report, recent } of items) {
    q.push(report);
    recentList.unshift(recent);
  }
  if (q.length > MAX_QUEUE) q.splice(0, q.length - MAX_QUEUE);
  if (recentList.length > MAX_RECENT) recentList.length = MAX_RECENT;
  schedulePersist();
  if (!config) return;
  // A burst of decisions goes at once rather than waiting for the interval (it keeps the stored queue small).
  if (q.length >= BURST && Date.now() - lastFlushFailedAt > 30_000) {
    if (reportTimer) clearTimeout(reportTimer);
    reportTimer = setTimeout(() => void flushReports(), 0);
  } else {
    reportTimer ??= setTimeout(() => void flushReports(), config.reportIntervalSeconds * 1000);
  }
}

let flushing = false;
/** When sending last failed: a burst does not retry a server that is down at every decision. */
let lastFlushFailedAt = 0;
async function flushReports(): Promise<void> {
  reportTimer = null;
  if (flushing || !config?.serverUrl || !config.apiKey) return;
  flushing = true;
  try {
    const q = await loadQueue();
    if (q.length === 0) return;
    const batch = q.slice(0, 500);
    const res = await fetch(`${config.serverUrl}/v1/decisions/report`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ decisions: batch }),
      signal: AbortSignal.timeout(10_000),
    });
    // 4xx other than 408/429: the server will never take this batch; drop it rather than loop.
    if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)) {
      if (!res.ok) await setStatus({ lastError: `decision report refused: HTTP ${res.status}` });
      // The batch is the queue's head (reports are only ever added at the tail, or dropped from the head when it overflows).
      const sent = new Set(batch.map((r) => r.id));
      let n = 0;
      while (n < q.length && sent.has(q[n]?.id ?? '')) n++;
      q.splice(0, n);
      await persist();
      if (q.length > 0) reportTimer = setTimeout(() => void flushReports(), 1000);
    }
  } catch (err) {
    lastFlushFailedAt = Date.now();
    await setStatus({ lastError: `decision report: ${describe(err)}` });
  } finally {
    flushing = false;
  }
}

// ---- events --------------------------------------------------------------------------------------

chrome.runtime.onInstalled.addListener(() => void start());
chrome.runtime.onStartup.addListener(() => void start());
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && 'devConfig' in changes)) {
    stream?.abort();
    stream = null;
    void start();
  }
});
chrome.alarms.onAlarm.addListener((alarm) => {
  void (async () => {
    if (!config) await start();
    if (alarm.name === 'refresh') {
      await refresh();
      watch();
      await refreshIdentity();
    } else if (alarm.name === 'report') {
      await flushReports();
    } else if (alarm.name === EXPIRY_ALARM) {
      await recheckAccess();
    }
  })();
});
chrome.runtime.onMessage.addListener((msg: Message, _sender, sendResponse) => {
  void (async () => {
    if (!config) await start();
    switch (msg.type) {
      case 'reports':
        await enqueue(msg.items);
        sendResponse({ ok: true });
        return;
      case 'refresh':
        await refresh();
        sendResponse({ ok: true });
        return;
      case 'status':
        sendResponse({ ok: true });
        return;
      case 'identity':
        await refreshIdentity();
        sendResponse({ ok: true });
        return;
    }
  })();
  return true;
});

// A sign-in to Airlock or a sign-out (the session cookie of the configured server set or removed):
// ask the server again at once rather than at the next refresh.
chrome.cookies.onChanged.addListener(({ cookie }) => {
  if (!/airlock_session$/.test(cookie.name) || !config?.serverUrl || !needsAirlockSignIn(config.identitySource, undefined)) return;
  let host: string;
  try {
    host = new URL(config.serverUrl).hostname;
  } catch {
    return;
  }
  if (cookie.domain.replace(/^\./, '') !== host) return;
  if (identityTimer) clearTimeout(identityTimer);
  identityTimer = setTimeout(() => {
    identityTimer = null;
    void refreshIdentity();
  }, 200);
});
let identityTimer: ReturnType<typeof setTimeout> | null = null;

// A worker woken by an event after being stopped starts again (its state is in storage).
void start();

export type { PolicyBundle };
