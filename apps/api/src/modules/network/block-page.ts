/**
 * The page a blocked request gets (nginx's error_page, Envoy's denied answer, the block-page proxy
 * a PAC file sends blocked services to). Pure: everything it shows is escaped.
 */

export interface BlockPageInput {
  /** The host that was asked for. */
  host: string | null;
  /** The AI service's name, when the destination is in the catalog. */
  service: string | null;
  reasons: readonly { message: string; guidanceUrl?: string | null }[];
  decisionId: string | null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A guidance link is shown only when it is an http(s) URL or a path on this site (policy-fields.ts allows nothing else). */
function safeLink(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export function renderBlockPage(input: BlockPageInput): string {
  const what = input.service ? `${input.service}${input.host ? ` (${input.host})` : ''}` : (input.host ?? 'This site');
  const reasons = input.reasons.length
    ? input.reasons
        .map((r) => {
          const link = safeLink(r.guidanceUrl);
          return `<li>${escapeHtml(r.message)}${link ? ` <a href="${escapeHtml(link)}">What to use instead</a>` : ''}</li>`;
        })
        .join('\n')
    : '<li>Your organization&#39;s policy does not allow this AI service.</li>';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Blocked by your organization: ${escapeHtml(what)}</title></head>
<body>
<main>
<h1>${escapeHtml(what)} is blocked</h1>
<p>Your organization&#39;s AI policy (Airlock) does not allow this request.</p>
<ul>
${reasons}
</ul>
${input.decisionId ? `<p>Decision id (quote it when asking for an exception): <code>${escapeHtml(input.decisionId)}</code></p>` : ''}
</main>
</body>
</html>
`;
}
