// The block page that declarativeNetRequest redirects a blocked service to: the reasons the
// service worker stored for the provider, and "request a review" in the portal.
import type { AccessBlock, PolicyState } from './shared';

async function render(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const slug = params.get('provider') ?? '';
  const url = params.get('url') ?? '';
  const got = await chrome.storage.local.get(['accessBlocks', 'policy']);
  const block = (got.accessBlocks as Record<string, AccessBlock> | undefined)?.[slug];
  const policy = got.policy as PolicyState | undefined;
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
  if (policy?.portalUrl) review.href = policy.portalUrl;
  else review.remove();
}

void render();
