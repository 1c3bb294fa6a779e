// The toolbar popup: policy version, connection state, identity, and the last decisions with their
// reasons ("why was this blocked"). Reads chrome.storage.local only.
import type { PolicyState, RecentDecision, StatusState } from './shared';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

const CONNECTION: Record<StatusState['connection'], string> = {
  unconfigured: 'Not configured (no managed policy with a server URL and API key)',
  connecting: 'Connecting…',
  live: 'Connected (live updates)',
  polling: 'Connected (periodic refresh)',
  unreachable: 'Server unreachable: using the last policy fetched',
};

const VIA: Record<NonNullable<StatusState['identityVia']>, string> = {
  profile: ' (browser profile)',
  airlock: ' (Airlock sign-in)',
  managed: ' (set by your organization)',
  none: '',
};

let signInUrl: string | undefined;

async function render(): Promise<void> {
  const got = await chrome.storage.local.get(['status', 'policy', 'recent']);
  const status = got.status as StatusState | undefined;
  const policy = got.policy as PolicyState | undefined;
  const recent = (got.recent as RecentDecision[] | undefined) ?? [];
  const dl = document.getElementById('status')!;
  dl.replaceChildren();
  const row = (k: string, v: string, id: string) => {
    const dd = el('dd', v);
    dd.id = id;
    dl.append(el('dt', k), dd);
  };
  row('Policy', policy?.bundle ? `version ${policy.bundle.policyVersion} (fetched ${policy.fetchedAt ? new Date(policy.fetchedAt).toLocaleString() : '?'})` : `none yet: ${policy?.failMode === 'closed' ? 'AI services are blocked until one is fetched' : 'nothing is checked until one is fetched'}`, 'policy-version');
  row('Connection', status ? CONNECTION[status.connection] : CONNECTION.unconfigured, 'connection');
  if (status?.lastError) row('Last error', status.lastError, 'last-error');
  row('Signed in as', policy?.email ? `${policy.email}${VIA[status?.identityVia ?? 'none']}` : 'unknown', 'identity');
  const signIn = document.getElementById('sign-in')!;
  signIn.hidden = !status?.signInUrl;
  signInUrl = status?.signInUrl;
  row('Configured by', status?.configSource === 'managed' ? 'your organization (managed policy)' : status?.configSource === 'local' ? 'local developer settings' : 'nobody yet', 'config-source');
  row('Reports waiting', String(status?.pendingReports ?? 0), 'pending');
  const ol = document.getElementById('recent')!;
  ol.replaceChildren();
  if (recent.length === 0) ol.append(el('li', 'None yet.'));
  for (const d of recent) {
    const li = el('li');
    const details = el('details');
    const summary = el('summary');
    summary.append(el('span', d.effect.toUpperCase(), `effect-${d.effect}`), ` ${d.action} on ${d.host} (${d.trigger}), ${new Date(d.at).toLocaleTimeString()}`);
    details.append(summary);
    if (d.findingClasses.length) details.append(el('p', `Found: ${d.findingClasses.join(', ')}`));
    for (const m of d.messages) {
      details.append(el('p', m.message), el('p', `Rule: ${m.ruleId}`, 'rule'));
      if (m.guidanceUrl) {
        const a = el('a', 'Guidance');
        a.href = m.guidanceUrl;
        a.target = '_blank';
        details.append(a);
      }
    }
    if (d.override) details.append(el('p', `You continued: “${d.override}”`));
    li.append(details);
    ol.append(li);
  }
}

void render();
chrome.storage.onChanged.addListener(() => void render());
// "Sign in to Airlock": the server's sign-in page (password or SSO) in a tab; the service worker sees
// the session cookie arrive and asks the server who signed in.
document.getElementById('sign-in-button')!.addEventListener('click', () => {
  if (signInUrl) void chrome.tabs.create({ url: signInUrl });
});
// Opening the popup asks again who is signed in (the answer re-renders through storage).
void chrome.runtime.sendMessage({ type: 'identity' }).catch(() => undefined);
