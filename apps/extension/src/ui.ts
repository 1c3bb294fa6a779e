// The cards the content script shows in the page, in a shadow root so the page's styles do not
// reach them. Text from the policy is always set as textContent, never as markup.
import type { Effect } from './shared';

const STYLE = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; max-width: 440px; min-width: 300px; font: 14px/1.45 system-ui, sans-serif;
  color: #1b1b1f; background: #fff; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.28); padding: 14px 16px; border-left: 6px solid #b3261e; }
.card.warn { border-left-color: #b26a00; } .card.redact { border-left-color: #0b57d0; } .card.info { border-left-color: #5f6368; }
h2 { font-size: 15px; margin: 0 0 6px; } p { margin: 6px 0; } .rule { font: 12px ui-monospace, monospace; color: #444; }
a { color: #0b57d0; } label { display: block; margin-top: 8px; font-weight: 600; }
fieldset.reasons { border: 0; margin: 8px 0 0; padding: 0; } legend { font-weight: 600; padding: 0; }
label.choice { display: block; margin-top: 4px; font-weight: 400; }
textarea { width: 100%; box-sizing: border-box; font: inherit; margin-top: 4px; padding: 6px; border: 1px solid #888; border-radius: 6px; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; }
button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid #888; background: #f3f3f3; cursor: pointer; color: #1b1b1f; }
button.primary { background: #0b57d0; color: #fff; border-color: #0b57d0; } button:disabled { opacity: .5; cursor: not-allowed; }
code { background: #eef; padding: 0 3px; border-radius: 3px; }
.overlay { position: fixed; inset: 0; z-index: 2147483647; background: #f6f6f8; display: flex; align-items: center; justify-content: center; font: 15px/1.5 system-ui, sans-serif; color: #1b1b1f; }
.overlay .box { max-width: 620px; background: #fff; padding: 28px 32px; border-radius: 12px; box-shadow: 0 4px 18px rgba(0,0,0,.15); border-top: 6px solid #b3261e; }
.overlay h1 { font-size: 22px; margin: 0 0 10px; }
`;

export interface ReasonView {
  ruleId: string;
  message: string;
  guidanceUrl?: string;
}

let host: HTMLElement | null = null;
let root: ShadowRoot | null = null;

function shadow(): ShadowRoot {
  if (root && host?.isConnected) return root;
  host = document.createElement('airlock-ui');
  host.setAttribute('data-airlock', 'ui');
  root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  (document.body ?? document.documentElement).append(host);
  return root;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** What a card is placed beside: an element, or its box measured before the page was changed. */
export type Anchor = Element | DOMRect | null;

function boxOf(anchor: Anchor): DOMRect | undefined {
  if (!anchor) return undefined;
  return anchor instanceof DOMRect ? anchor : anchor.getBoundingClientRect();
}

/** Runs `fn` once the next frame has been produced (rendering first, then this). */
function afterFrame(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export function closeCards(): void {
  root?.querySelectorAll('.card').forEach((c) => c.remove());
}

/**
 * Where the card goes, from the anchor's box as the last frame laid it out: callers measure before
 * they change the page (no forced synchronous layout in the middle of an event).
 */
function place(card: HTMLElement, r: DOMRect | undefined): void {
  if (r && r.width > 0 && r.right + 472 <= window.innerWidth) {
    // Beside the composer: the send button and the text stay reachable.
    card.style.left = `${r.right + 12}px`;
    card.style.top = `${Math.max(8, Math.min(r.top, window.innerHeight - 300))}px`;
  } else if (r && r.width > 0) {
    card.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - 460))}px`;
    const below = r.bottom + 8;
    if (r.top > 260) card.style.bottom = `${window.innerHeight - r.top + 8}px`;
    else card.style.top = `${below}px`;
  } else {
    card.style.right = '16px';
    card.style.bottom = '16px';
  }
}

function reasonList(reasons: readonly ReasonView[]): HTMLElement {
  const box = el('div');
  for (const r of reasons) {
    const p = el('p', {}, r.message);
    const rule = el('div', { className: 'rule' }, `Rule: ${r.ruleId}`);
    box.append(p, rule);
    if (r.guidanceUrl) box.append(el('p', {}, el('a', { href: r.guidanceUrl, target: '_blank', rel: 'noopener' }, 'Guidance')));
  }
  return box;
}

const TITLES: Record<Effect, string> = {
  block: 'Airlock blocked this',
  redact: 'Airlock masked personal data',
  warn: 'Check before you send',
  allow: '',
};

/** A block or redact card: what happened, the rules and why. */
export function showCard(kind: 'block' | 'redact' | 'info', anchor: Anchor, title: string, reasons: readonly ReasonView[], extra?: string): HTMLElement {
  const box = boxOf(anchor);
  closeCards();
  const card = el('div', { className: `card ${kind}` });
  card.setAttribute('role', 'alert');
  card.setAttribute('data-airlock-card', kind);
  card.append(el('h2', {}, title || TITLES[kind === 'info' ? 'block' : kind]));
  if (extra) card.append(el('p', {}, extra));
  card.append(reasonList(reasons));
  const close = el('button', { type: 'button' }, 'Close');
  close.addEventListener('click', () => card.remove());
  card.append(el('div', { className: 'buttons' }, close));
  place(card, box);
  shadow().append(card);
  // Focus after the card's first frame: focusing now would lay the page out inside the event. Only
  // if the user is still where they were: a frame can come late (a tab in the background), and a
  // focus taken then would swallow what they are typing elsewhere by now.
  const focusedBefore = document.activeElement;
  if (kind !== 'redact') afterFrame(() => card.isConnected && document.activeElement === focusedBefore && close.focus({ preventScroll: true }));
  // The card goes when the user moves on: a click elsewhere or typing in the page.
  const dismiss = (e: Event) => {
    if (e.composedPath().includes(card)) return;
    card.remove();
    window.removeEventListener('pointerdown', dismiss, true);
    window.removeEventListener('keydown', dismiss, true);
  };
  setTimeout(() => {
    window.addEventListener('pointerdown', dismiss, true);
    window.addEventListener('keydown', dismiss, true);
  }, 0);
  return card;
}

const REASONS = [
  'Needed for my work and approved by my manager',
  'The data is public',
  'Test data, not real',
];

/** A coaching card: continue only after a reason is chosen or typed. Resolves with it, or null. */
export function showWarn(anchor: Anchor, reasons: readonly ReasonView[]): Promise<string | null> {
  const box = boxOf(anchor);
  closeCards();
  return new Promise((resolve) => {
    const card = el('div', { className: 'card warn' });
    card.setAttribute('role', 'alertdialog');
    card.setAttribute('aria-label', 'Airlock: check before you send');
    card.setAttribute('data-airlock-card', 'warn');
    card.append(el('h2', {}, TITLES.warn), reasonList(reasons));
    // Radio buttons, not a <select>: a select's first layout costs about as much as the rest of the
    // card, and this card is built inside the paste or submit event.
    const group = el('fieldset', { className: 'reasons' }, el('legend', {}, 'Why do you need to send this?'));
    const radios = REASONS.map((r) => el('input', { type: 'radio', name: 'airlock-reason', value: r }));
    radios.forEach((radio, i) => group.append(el('label', { className: 'choice' }, radio, ` ${REASONS[i]}`)));
    const typed = el('textarea', { id: 'airlock-reason-text', rows: 2, maxLength: 500 });
    const go = el('button', { type: 'button', className: 'primary', disabled: true }, 'Continue');
    const cancel = el('button', { type: 'button' }, 'Cancel');
    const reason = () => radios.find((r) => r.checked)?.value ?? typed.value.trim();
    const update = () => {
      go.disabled = reason().length < 3;
    };
    group.addEventListener('change', update);
    typed.addEventListener('input', () => {
      // Typed words replace a chosen reason.
      if (typed.value.trim()) for (const r of radios) r.checked = false;
      update();
    });
    const done = (value: string | null) => {
      card.remove();
      resolve(value);
    };
    go.addEventListener('click', () => done(reason()));
    cancel.addEventListener('click', () => done(null));
    card.append(group, el('label', { htmlFor: 'airlock-reason-text' }, 'Or in your own words'), typed, el('div', { className: 'buttons' }, cancel, go));
    place(card, box);
    shadow().append(card);
    const focusedBefore = document.activeElement;
    afterFrame(() => {
      // As for the other cards: not if the user has moved on meanwhile (a late frame).
      if (card.isConnected && document.activeElement === focusedBefore) radios[0]?.focus({ preventScroll: true });
    });
  });
}

/** The whole page covered: access to this service is blocked. */
export function showBlockOverlay(serviceName: string, reasons: readonly ReasonView[], reviewUrl: string | undefined): void {
  const r = shadow();
  r.querySelector('.overlay')?.remove();
  const box = el('div', { className: 'box' });
  box.setAttribute('role', 'alert');
  box.setAttribute('data-airlock-card', 'access-block');
  box.append(el('h1', {}, `${serviceName} is blocked by your organization`), reasonList(reasons));
  if (reviewUrl) box.append(el('p', {}, el('a', { href: reviewUrl, target: '_blank', rel: 'noopener' }, 'Request a review of this service')));
  r.append(el('div', { className: 'overlay' }, box));
}

export function removeBlockOverlay(): void {
  root?.querySelector('.overlay')?.remove();
}

/** Highlights placeholders ([EMAIL_1]) in a contenteditable composer (CSS Custom Highlight API). */
export function highlightPlaceholders(composer: Element): void {
  const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightCtor = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!highlights || !HighlightCtor || composer instanceof HTMLTextAreaElement || composer instanceof HTMLInputElement) return;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(composer, NodeFilter.SHOW_TEXT);
  const re = /\[[A-Z][A-Z0-9_]*_\d+\]/g;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    for (const m of text.matchAll(re)) {
      const range = document.createRange();
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      ranges.push(range);
    }
  }
  highlights.set('airlock-placeholder', new HighlightCtor(...ranges));
}
