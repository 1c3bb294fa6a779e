// The block page that declarativeNetRequest redirects a blocked service to: the reasons the
// service worker stored for the provider, and "request a review" in the portal.
import type { AccessBlock, PolicyState } from './shared';

const params = new URLSearchParams(location.search);
const slug = params.get('provider') ?? '';
const url = params.get('url') ?? '';
/** Only web addresses are ever followed from here. */
const target = /^https?:\/\//i.test(url) ? url : '';

async function render(): Promise<void> {
  const got = await chrome.storage.local.get(['accessBlocks', 'policy']);
  const block = (got.accessBlocks as Record<string, AccessBlock> | undefined)?.[slug];
  const policy = got.policy as PolicyState | undefined;
  if (!block && target) {
    // Not (or no longer) blocked for this user, e.g. an exception was granted since: say so and link it.
    document.getElementById('title')!.textContent = 'This AI service is no longer blocked for you';
    const a = document.createElement('a');
    a.href = target;
    a.textContent = `Open ${target}`;
    document.getElementById('url')!.replaceChildren(a);
    document.getElementById('reasons')!.replaceChildren();
    document.getElementById('review')!.hidden = true;
    return;
  }
  document.getElementById('title')!.textContent = `${block?.name ?? 'This AI service'} is blocked by your organization`;
  document.getElementById('url')!.textContent = url ? `You tried to open ${url}` : '';
  const box = document.getElementById('reasons')!;
  box.replaceChildren();
  for (const r of block?.reasons ?? []) {
    const p = document.createElement('p');
    p.textContent = r.message;
    const rule = document.createElement('p');
    rule.className = 'rule';
    rule.textContent = `Rule: ${r.ruleId}`;
    box.append(p, rule);
    if (r.guidanceUrl) {
      const a = document.createElement('a');
      a.href = r.guidanceUrl;
      a.textContent = 'Guidance';
      box.append(a);
    }
  }
  const review = document.getElementById('review') as HTMLAnchorElement;
  review.hidden = !policy?.portalUrl;
  if (policy?.portalUrl) review.href = policy.portalUrl;
}

void render();
// An exception granted while this page is open (the service worker dropped the redirect and the
// service's entry): go on to where the user was going.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !changes.accessBlocks) return;
  const was = (changes.accessBlocks.oldValue as Record<string, AccessBlock> | undefined)?.[slug];
  const now = (changes.accessBlocks.newValue as Record<string, AccessBlock> | undefined)?.[slug];
  if (was && !now && target) location.replace(target);
  else void render();
});
