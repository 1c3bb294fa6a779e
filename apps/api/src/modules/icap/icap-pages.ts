import { HeaderList, type HttpHead } from './icap-protocol';

/** What a block page says: the reasons (the rules' user-facing messages), the AI service, the decision. */
export interface BlockInfo {
  title: string;
  reasons: { ruleId: string; message: string; guidanceUrl?: string }[];
  service: string | null;
  decisionId: string | null;
  code: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Whether the client prefers HTML (a browser) to JSON (an API client or a script), by its Accept header. */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => {
    const [type = '', ...params] = t.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type.trim(), q: q ? Number(q.slice(2)) || 0 : 1 };
  });
  const q = (match: (t: string) => boolean) => Math.max(0, ...types.filter((t) => match(t.type)).map((t) => t.q));
  const html = q((t) => t === 'text/html' || t === 'application/xhtml+xml');
  const json = q((t) => t === 'application/json' || t.endsWith('+json') || t === 'text/event-stream');
  return html > 0 && html >= json;
}

/** The HTTP 403 answer of a block: an HTML page for browsers, the JSON error for API clients. */
export function blockResponse(info: BlockInfo, html: boolean): { head: HttpHead; body: Buffer } {
  let body: Buffer;
  let type: string;
  if (html) {
    type = 'text/html; charset=utf-8';
    const items = info.reasons
      .map((r) => `<li>${escapeHtml(r.message)}${r.guidanceUrl && /^https?:\/\//.test(r.guidanceUrl) ? ` <a href="${escapeHtml(r.guidanceUrl)}">What to do instead</a>` : ''}</li>`)
      .join('');
    body = Buffer.from(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(info.title)}</title>` +
        '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.5rem}small{color:#6b7280}</style></head>' +
        `<body><main><h1>${escapeHtml(info.title)}</h1>` +
        (info.service ? `<p>AI service: <strong>${escapeHtml(info.service)}</strong></p>` : '') +
        `<p>Why:</p><ul>${items}</ul>` +
        (info.decisionId ? `<p><small>Decision ${escapeHtml(info.decisionId)} (give this to your security team if you think this is wrong)</small></p>` : '') +
        '<p><small>Airlock, through your organization\'s web proxy</small></p></main></body></html>',
      'utf8',
    );
  } else {
    type = 'application/json; charset=utf-8';
    body = Buffer.from(
      JSON.stringify({
        error: {
          code: info.code,
          message: `${info.title}: ${info.reasons.map((r) => r.message).join(' ')}`,
          reasons: info.reasons,
          service: info.service,
          decisionId: info.decisionId,
        },
      }),
      'utf8',
    );
  }
  const headers = new HeaderList([
    ['Content-Type', type],
    ['Content-Length', String(body.length)],
    ['Cache-Control', 'no-store'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'"],
  ]);
  if (info.decisionId) headers.set('X-Airlock-Decision', info.decisionId);
  return { head: { startLine: 'HTTP/1.1 403 Forbidden', headers }, body };
}
