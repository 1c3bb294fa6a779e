// The content script on AI services' pages: decides paste, typing, submit, file selection and
// drops in the page's composer locally (the compiled policy lives here: no network and no
// messaging on the keystroke path), shows the answer, and hands each decision to the service
// worker for the server's decision log (classes and rule ids, never text).
import { type CompiledExceptions, compileBundle, compileBundleExceptions, contentCanMatter as policyContentCanMatter, decide, type DecisionPolicy, type LocalDecision, userDirectory } from './decide';
import { type DecisionReport, type Effect, type Message, type PolicyState, type RecentDecision } from './shared';
import { closeCards, highlightPlaceholders, type ReasonView, removeBlockOverlay, showBlockOverlay, showCard, showWarn } from './ui';

type Action = 'prompt' | 'upload';
interface Verdict {
  effect: Effect;
  reasons: ReasonView[];
  result: LocalDecision | null;
  /** Why there is no policy decision: fail-closed without a bundle. */
  failClosed?: boolean;
  /** An upload let through without its content inspected (unreadableFiles: allow). */
  uninspected?: boolean;
}

let state: PolicyState | null = null;
let policy: DecisionPolicy | null = null;
/** The bundle's time-limited exceptions (compared with the clock at each decision). */
let exceptions: CompiledExceptions | null = null;
let directory: ReturnType<typeof userDirectory> | null = null;
/** Texts the user chose to send after a warning (by a cheap hash; the page keeps no text). */
const approved = new Set<string>();
/**
 * Warnings already justified in this tab (by rule ids and data classes) with the reason given: the
 * same warning is not asked again in the same tab (a paste then its send), but each decision is
 * still reported with that reason.
 */
const justified = new Map<string, string>();
function warnSignature(v: Verdict): string {
  const r = v.result;
  const rules = v.reasons.map((x) => x.ruleId).sort().join(',');
  const classes = r ? [...new Set(r.findings.map((f) => f.dataClass))].sort().join(',') : '';
  return `${rules}|${classes}`;
}
/** Our own re-dispatched events, let through untouched. */
const ours = new WeakSet<Event>();

/** Which bundle `policy` was compiled from: the same bundle stored again is not compiled again. */
let compiledFrom: string | null = null;

function load(next: PolicyState | undefined): void {
  state = next ?? null;
  exceptions = null;
  const key = state?.bundle ? `${state.bundle.policyVersion}|${state.bundle.contentHash}|${state.etag ?? ''}|${state.fetchedAt ?? ''}` : null;
  if (key !== compiledFrom) {
    compiledFrom = key;
    policy = null;
    if (state?.bundle) {
      try {
        policy = compileBundle(state.bundle);
      } catch {
        policy = null;
      }
    }
  }
  if (policy && state?.bundle) {
    try {
      exceptions = compileBundleExceptions(state.bundle, state.email, state.userKey);
    } catch {
      exceptions = null;
    }
  }
  directory = userDirectory(state?.email, state?.groups ?? []);
  checkAccess();
}

const ready = chrome.storage.local.get('policy').then((got) => load(got.policy as PolicyState | undefined));
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.policy) load(changes.policy.newValue as PolicyState | undefined);
});

function destinationUrl(): string {
  return `${location.origin}${location.pathname}`;
}

function textHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return `${s.length}:${(h >>> 0).toString(36)}`;
}

const FAIL_CLOSED_REASON: ReasonView = {
  ruleId: 'airlock-policy-unavailable',
  message: "Airlock could not load your organization's policy yet, and it is set to block until it can. Try again in a moment; if it persists, tell your IT team.",
};

function verdict(action: Action, text: string | undefined, file?: { name: string; type: string }): Verdict {
  if (!policy || !state) {
    if (state?.failMode === 'closed' || (!state && failClosedDefault)) return { effect: 'block', reasons: [FAIL_CLOSED_REASON], result: null, failClosed: true };
    return { effect: 'allow', reasons: [], result: null };
  }
  const result = decide(policy, directory, {
    action,
    destination: { url: location.href },
    subject: state.email ? { email: state.email } : undefined,
    context: { channel: 'web' },
    content: { text, ...(file ? { fileName: file.name, mimeType: file.type || undefined } : {}) },
  }, exceptions);
  const effect = result.decision.effect;
  const reasons = result.decision.reasons.filter((r) => r.effect === effect).map((r) => ({ ruleId: r.ruleId, message: r.message, guidanceUrl: r.guidanceUrl }));
  return { effect, reasons, result };
}
/** Before the service worker has written any state (first moments after install): allow. */
const failClosedDefault = false;

/** A warning justified earlier in this tab: reported with that reason and let through. */
function alreadyJustified(v: Verdict, trigger: string): boolean {
  if (v.effect !== 'warn') return false;
  const reason = justified.get(warnSignature(v));
  if (reason === undefined) return false;
  report('prompt', v, trigger, reason);
  return true;
}

/**
 * The rules behind a verdict for the report: the policy's (a reason lifted by a time-limited
 * exception names it), then the extension's own (no policy yet, a file not inspected).
 */
function reportReasons(v: Verdict): DecisionReport['reasons'] {
  const out: DecisionReport['reasons'] = (v.result?.decision.reasons ?? []).map((x) => ({ ruleId: x.ruleId, effect: x.effect, ...(x.exception ? { exception: { id: x.exception.id } } : {}) }));
  const known = new Set(out.map((x) => x.ruleId));
  for (const x of v.reasons) if (!known.has(x.ruleId)) out.push({ ruleId: x.ruleId, effect: v.effect });
  if (v.uninspected) out.push({ ruleId: UNINSPECTED_RULE, effect: 'allow' });
  return out;
}

/**
 * Queues the report of a decision. Only what the event knows is captured here (the verdict, the
 * time, who and which policy); the report itself (its id, the classes, the reasons, the time as
 * text) is built when the queue is flushed, after the event: at 10 KB that was an eighth of an
 * allowed paste's handler (bench:extension's profile).
 */
function report(action: DecisionReport['action'], v: Verdict, trigger: string, override?: string): void {
  pendingReports.push({ action, v, trigger, override, at: Date.now(), url: destinationUrl(), host: location.host, email: state?.email, policyVersion: state?.bundle?.policyVersion ?? 0 });
  // Sent after the event, several together: messaging the service worker (serialising, IPC) is no
  // part of the paste or the keystroke; a page going away sends what is left at once.
  reportTimer ??= setTimeout(flushReports, REPORT_DELAY_MS);
}

interface PendingReport {
  action: DecisionReport['action'];
  v: Verdict;
  trigger: string;
  override?: string;
  at: number;
  url: string;
  host: string;
  email?: string;
  policyVersion: number;
}

function buildReport(p: PendingReport): { report: DecisionReport; recent: RecentDecision } {
  const r = p.v.result;
  const classes = r ? [...new Set(r.findings.map((f) => f.dataClass))].sort() : [];
  const at = new Date(p.at).toISOString();
  const rep: DecisionReport = {
    id: crypto.randomUUID(),
    at,
    action: p.action,
    destination: { url: p.url },
    subject: { email: p.email },
    effect: p.v.effect,
    reasons: reportReasons(p.v),
    findingClasses: classes,
    findingCount: r?.findings.length ?? 0,
    ...(p.override ? { override: { reason: p.override } } : {}),
    policyVersion: p.policyVersion,
    source: 'extension',
    channel: 'web',
  };
  const recent: RecentDecision = {
    at,
    host: p.host,
    action: p.action,
    effect: p.v.effect,
    trigger: p.trigger,
    messages: p.v.reasons,
    findingClasses: classes,
    override: p.override,
  };
  return { report: rep, recent };
}

const REPORT_DELAY_MS = 200;
const pendingReports: PendingReport[] = [];
let reportTimer: ReturnType<typeof setTimeout> | null = null;
function flushReports(): void {
  if (reportTimer) clearTimeout(reportTimer);
  reportTimer = null;
  if (pendingReports.length === 0) return;
  const msg: Message = { type: 'reports', items: pendingReports.splice(0).map(buildReport) };
  chrome.runtime.sendMessage(msg).catch(() => undefined);
}
window.addEventListener('pagehide', flushReports);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushReports();
});

/** Announces a verdict to the page (a string, so it crosses from this isolated world): tests and the benchmark read it. */
function announce(kind: string, effect: Effect, ms: number): void {
  document.dispatchEvent(new CustomEvent('airlock:verdict', { detail: JSON.stringify({ kind, effect, ms }) }));
}

// ---- composers -----------------------------------------------------------------------------------

function composerOf(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'search')) return target;
  const editable = target.closest('[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]');
  if (editable instanceof HTMLElement) {
    // The outermost editable element is the editor (ProseMirror, Lexical): nested ones are its parts.
    let top: HTMLElement = editable;
    for (let p = top.parentElement?.closest('[contenteditable=""],[contenteditable="true"]'); p instanceof HTMLElement; p = p.parentElement?.closest('[contenteditable=""],[contenteditable="true"]')) top = p;
    return top;
  }
  return null;
}

function findComposer(): HTMLElement | null {
  return composerOf(document.activeElement) ?? document.querySelector<HTMLElement>('textarea, [contenteditable="true"], [contenteditable=""]');
}

/** Elements that start a new line of a rich editor's text (paragraphs, list items, rows...). */
const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE', 'TR', 'TABLE', 'SECTION', 'ARTICLE', 'HR']);

/**
 * The composer's text. For a rich editor, read from the DOM tree with a line break between blocks
 * and at <br>: like innerText for what detection needs, without innerText's style and layout
 * computation (a forced layout inside the Enter key's event, costly in a long document).
 */
function composerText(c: HTMLElement): string {
  if (c instanceof HTMLTextAreaElement || c instanceof HTMLInputElement) return c.value;
  // Parts joined once at the end, and the last character tracked: no flattening of a growing string.
  const parts: string[] = [];
  let last = '';
  const push = (t: string) => {
    if (t === '') return;
    parts.push(t);
    last = t.charAt(t.length - 1);
  };
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE) push(n.nodeValue ?? '');
      else if (n instanceof HTMLElement) {
        if (n.tagName === 'BR') push('\n');
        else if (n.tagName === 'SCRIPT' || n.tagName === 'STYLE' || n.hidden || n.getAttribute('aria-hidden') === 'true') continue;
        else if (BLOCKS.has(n.tagName)) {
          if (parts.length > 0 && last !== '\n') push('\n');
          walk(n);
          if (last !== '\n') push('\n');
        } else walk(n);
      }
    }
  };
  walk(c);
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '\n') end--;
  const text = parts.slice(0, end).join('');
  return text.endsWith('\n') ? text.replace(/\n+$/, '') : text;
}

/**
 * Puts `text` where the composer's selection is, so that the page's editor takes it into its own
 * model: editors that keep one (Lexical, ProseMirror, Slate, Draft) take pastes from the paste
 * event, so the text is offered as a paste of plain text first (marked as ours: not checked again);
 * when the page does not handle it, it is typed (execCommand insertText: input events, which React
 * and plain editors follow); only when neither changed anything is the DOM edited directly.
 */
function typeText(c: HTMLElement, text: string, fallback: () => void): void {
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  const offered = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
  ours.add(offered);
  c.dispatchEvent(offered);
  if (offered.defaultPrevented) return;
  const before = composerText(c);
  if (document.execCommand('insertText', false, text)) return;
  if (composerText(c) === before) fallback();
}

/** Replaces the composer's whole text so the page's editor notices. */
function setComposerText(c: HTMLElement, text: string): void {
  c.focus();
  if (c instanceof HTMLTextAreaElement || c instanceof HTMLInputElement) {
    c.select();
    typeText(c, text, () => {
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(c) as object, 'value')?.set;
      setter?.call(c, text);
      c.dispatchEvent(new Event('input', { bubbles: true }));
    });
    return;
  }
  const sel = window.getSelection();
  const range = document.createRange();
  range.selectNodeContents(c);
  sel?.removeAllRanges();
  sel?.addRange(range);
  typeText(c, text, () => {
    c.textContent = text;
  });
}

function insertAtCaret(c: HTMLElement, text: string): void {
  c.focus();
  typeText(c, text, () => {
    if (c instanceof HTMLTextAreaElement || c instanceof HTMLInputElement) c.setRangeText(text, c.selectionStart ?? c.value.length, c.selectionEnd ?? c.value.length, 'end');
    else c.append(text);
  });
}

// ---- paste ---------------------------------------------------------------------------------------

function onPaste(e: ClipboardEvent): void {
  if (ours.has(e)) return;
  const composer = composerOf(e.target);
  const data = e.clipboardData;
  if (!composer || !data) return;
  if (data.files.length > 0) {
    e.preventDefault();
    e.stopImmediatePropagation();
    void checkFiles([...data.files], composer, 'paste', () => {
      const dt = new DataTransfer();
      for (const f of data.files) dt.items.add(f);
      const again = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
      ours.add(again);
      composer.dispatchEvent(again);
    });
    return;
  }
  const text = data.getData('text/plain');
  if (!text) return;
  const t0 = performance.now();
  const v = verdict('prompt', text);
  announce('paste', v.effect, performance.now() - t0);
  if (v.effect === 'allow') {
    if (v.result) report('prompt', v, 'paste');
    return;
  }
  if (alreadyJustified(v, 'paste')) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  act(v, composer, 'paste', text, (final) => insertAtCaret(composer, final));
}

/** What block, redact and warn do; `proceed` puts the (possibly redacted) text where it goes. */
function act(v: Verdict, composer: HTMLElement | null, trigger: string, text: string, proceed: (text: string) => void): void {
  switch (v.effect) {
    case 'allow':
      report('prompt', v, trigger);
      proceed(text);
      return;
    case 'block':
      report('prompt', v, trigger);
      // The card first (it measures the composer), then the page's changes: no forced layout between.
      showCard('block', composer, v.failClosed ? 'Airlock has no policy yet' : 'Airlock blocked this', v.reasons, trigger === 'paste' ? 'The paste did not happen.' : 'Nothing was sent.');
      composer?.setAttribute('data-airlock-composer', 'block');
      return;
    case 'redact': {
      report('prompt', v, trigger);
      const redacted = v.result?.redactedText ?? text;
      const box = composer?.getBoundingClientRect() ?? null;
      proceed(redacted);
      const classes = (v.result?.redactedClasses ?? []).join(', ');
      const placeholders = [...new Set(redacted.match(/\[[A-Z][A-Z0-9_]*_\d+\]/g) ?? [])].join(' ');
      if (composer) {
        composer.setAttribute('data-airlock-composer', 'redact');
        highlightPlaceholders(composer);
      }
      showCard('redact', box, 'Airlock masked personal data', v.reasons, `Masked (${classes}): ${placeholders}. Check the text, then send it.`);
      return;
    }
    case 'warn': {
      const answer = showWarn(composer, v.reasons);
      composer?.setAttribute('data-airlock-composer', 'warn');
      void answer.then((reason) => {
        composer?.removeAttribute('data-airlock-composer');
        if (reason === null) {
          composer?.focus();
          return;
        }
        report('prompt', v, trigger, reason);
        approved.add(textHash(text));
        justified.set(warnSignature(v), reason);
        proceed(text);
      });
      return;
    }
  }
}

// ---- typing and submit ---------------------------------------------------------------------------

let typingTimer: ReturnType<typeof setTimeout> | null = null;
function onInput(e: Event): void {
  const composer = composerOf(e.target);
  if (!composer) return;
  if (typingTimer) clearTimeout(typingTimer);
  // While typing: show what the send would meet (an outline), decided when the user pauses (never on
  // the keystroke itself).
  typingTimer = setTimeout(() => {
    const text = composerText(composer);
    const v = text.trim() ? verdict('prompt', text) : null;
    if (!v || v.effect === 'allow' || approved.has(textHash(text))) composer.removeAttribute('data-airlock-composer');
    else composer.setAttribute('data-airlock-composer', v.effect);
  }, 300);
}

function sendButtonOf(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const b = target.closest<HTMLElement>('button, [role="button"], input[type="submit"]');
  if (!b) return null;
  const label = `${b.getAttribute('aria-label') ?? ''} ${b.getAttribute('data-testid') ?? ''} ${b.id} ${b.textContent ?? ''}`.toLowerCase();
  const isSubmit = (b instanceof HTMLButtonElement && b.type === 'submit' && b.form !== null) || b instanceof HTMLInputElement;
  return isSubmit || /\bsend\b|submit|send-button|composer-submit/.test(label) ? b : null;
}

/** Checks the composer's text at submit; returns true when the submit may go ahead untouched. */
function checkSubmit(e: Event, composer: HTMLElement, resend: () => void): boolean {
  const text = composerText(composer);
  if (!text.trim()) return true;
  const hash = textHash(text);
  if (approved.has(hash)) {
    approved.delete(hash);
    return true;
  }
  const t0 = performance.now();
  const v = verdict('prompt', text);
  announce('submit', v.effect, performance.now() - t0);
  if (v.effect === 'allow') {
    if (v.result) report('prompt', v, 'submit');
    return true;
  }
  if (alreadyJustified(v, 'submit')) return true;
  e.preventDefault();
  e.stopImmediatePropagation();
  act(v, composer, 'submit', text, (final) => {
    if (v.effect === 'warn') {
      approved.add(textHash(composerText(composer)));
      resend();
    } else if (final !== text) setComposerText(composer, final);
  });
  return false;
}

function onKeyDown(e: KeyboardEvent): void {
  if (ours.has(e) || e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
  const composer = composerOf(e.target);
  if (!composer || composer instanceof HTMLInputElement) return;
  checkSubmit(e, composer, () => {
    const again = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true });
    ours.add(again);
    composer.dispatchEvent(again);
  });
}

function onClick(e: MouseEvent): void {
  if (ours.has(e)) return;
  const button = sendButtonOf(e.target);
  if (!button) return;
  const composer = (button.closest('form')?.querySelector<HTMLElement>('textarea, [contenteditable="true"], [contenteditable=""]') ?? findComposer());
  if (!composer) return;
  checkSubmit(e, composer, () => button.click());
}

function onSubmit(e: SubmitEvent): void {
  if (ours.has(e) || !(e.target instanceof HTMLFormElement)) return;
  const form = e.target;
  const composer = form.querySelector<HTMLElement>('textarea, [contenteditable="true"], [contenteditable=""]');
  if (!composer) return;
  checkSubmit(e, composer, () => form.requestSubmit());
}

// ---- files ---------------------------------------------------------------------------------------

interface Extracted {
  text?: string;
  error?: string;
  truncated?: boolean;
}

async function extract(file: File): Promise<Extracted> {
  const mod = (await import(chrome.runtime.getURL('extract.js'))) as { extractText: (f: File, workerUrl: string) => Promise<Extracted> };
  return mod.extractText(file, chrome.runtime.getURL('pdf.worker.mjs'));
}

/** A size as people read it: 640 KB, 12.5 MB. */
function sizeText(bytes: number): string {
  return bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * Whether a file's content could change the answer here: a block or redact rule that looks at data
 * classes applies to uploads to this service for this user. Where none does, a file that cannot be
 * read is decided on its name, type and service like any other.
 */
function contentCanMatter(): boolean {
  if (!policy || !state) return true;
  return policyContentCanMatter(policy, directory, { action: 'upload', destination: { url: location.href }, subject: state.email ? { email: state.email } : undefined, context: { channel: 'web' } });
}

/** The answer for one file: its text inspected like a prompt, or what to do when it cannot be. */
async function fileVerdict(file: File, max: number): Promise<{ v: Verdict; notice?: string }> {
  const meta = { name: file.name, type: file.type };
  let got: Extracted = {};
  let problem: string | undefined;
  if (file.size > max) problem = `is ${sizeText(file.size)}, more than the ${sizeText(max)} Airlock inspects`;
  else {
    got = await extract(file).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
    if (got.error !== undefined) problem = `could not be read (${got.error.slice(0, 160)})`;
    else if (got.truncated) problem = 'holds more text than Airlock inspects';
  }
  // What the policy says on what is known (the name, the type, the service, any text read).
  let v = verdict('upload', got.text, meta);
  // An upload cannot be masked in the page: a redact answer blocks the file (the server does the same without text it can change).
  if (v.effect === 'redact') v = { ...v, effect: 'block' };
  if (problem === undefined || v.effect === 'block' || !policy || !contentCanMatter()) return { v };
  if (state?.unreadableFiles === 'block') {
    return {
      v: {
        effect: 'block',
        reasons: [{ ruleId: UNINSPECTED_RULE, message: `${file.name} ${problem}. Your organization blocks files Airlock cannot inspect on this service: upload a smaller extract, or the text itself.` }],
        result: v.result,
      },
    };
  }
  // Allowed uninspected, as configured: the user is told, and the report says so.
  return {
    v: { ...v, reasons: [...v.reasons], uninspected: true },
    notice: `${file.name} ${problem}. It was attached without being inspected, as your organization allows: make sure it holds nothing you may not share here.`,
  };
}

/** The id reports and cards give a file that was not inspected (too large, unreadable). */
const UNINSPECTED_RULE = 'airlock-file-not-inspected';

async function checkFiles(files: File[], anchor: Element | null, trigger: string, proceed: () => void): Promise<void> {
  await ready;
  const max = state?.maxUploadBytes ?? 10 * 1024 * 1024;
  let worst: Verdict = { effect: 'allow', reasons: [], result: null };
  const notices: string[] = [];
  const rank: Record<Effect, number> = { allow: 0, warn: 1, redact: 2, block: 3 };
  for (const file of files) {
    const { v, notice } = await fileVerdict(file, max);
    if (notice) notices.push(notice);
    report('upload', v, trigger);
    if (rank[v.effect] > rank[worst.effect]) worst = v;
  }
  announce('upload', worst.effect, 0);
  const uninspected: ReasonView[] = notices.map((message) => ({ ruleId: UNINSPECTED_RULE, message }));
  if (worst.effect === 'allow') {
    proceed();
    if (uninspected.length) showCard('info', anchor, 'Airlock could not inspect this upload', uninspected, 'The file was attached.');
    return;
  }
  if (worst.effect === 'block') {
    showCard('block', anchor, 'Airlock blocked this upload', worst.reasons, 'The file was not attached.');
    return;
  }
  const reason = await showWarn(anchor, [...worst.reasons, ...uninspected]);
  if (reason === null) return;
  report('upload', worst, trigger, reason);
  proceed();
}

function onChange(e: Event): void {
  if (ours.has(e)) return;
  const input = e.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files || input.files.length === 0) return;
  // Until the answer the page does not see the change; a file that may not go is cleared from the input.
  e.stopImmediatePropagation();
  const files = [...input.files];
  let passed = false;
  void checkFiles(files, input.closest('form') ?? input.parentElement, 'file', () => {
    passed = true;
    const again = new Event('change', { bubbles: true });
    ours.add(again);
    input.dispatchEvent(again);
  }).finally(() => {
    if (!passed) input.value = '';
  });
}

function onDrop(e: DragEvent): void {
  if (ours.has(e) || !e.dataTransfer) return;
  const dt = e.dataTransfer;
  const target = e.target instanceof Element ? e.target : null;
  if (dt.files.length > 0) {
    e.preventDefault();
    e.stopImmediatePropagation();
    const files = [...dt.files];
    void checkFiles(files, target, 'drop', () => {
      const copy = new DataTransfer();
      for (const f of files) copy.items.add(f);
      const again = new DragEvent('drop', { dataTransfer: copy, bubbles: true, cancelable: true, clientX: e.clientX, clientY: e.clientY });
      ours.add(again);
      target?.dispatchEvent(again);
    });
    return;
  }
  const text = dt.getData('text/plain');
  const composer = composerOf(target);
  if (!text || !composer) return;
  const v = verdict('prompt', text);
  if (v.effect === 'allow') return;
  e.preventDefault();
  e.stopImmediatePropagation();
  act(v, composer, 'drop', text, (final) => insertAtCaret(composer, final));
}

// ---- access --------------------------------------------------------------------------------------

let accessChecked = '';
let accessTimer: ReturnType<typeof setTimeout> | null = null;
function checkAccess(): void {
  if (accessTimer) clearTimeout(accessTimer);
  accessTimer = null;
  if (!policy || !state) return;
  const now = Date.now();
  const r = decide(policy, directory, { action: 'access', destination: { url: location.href }, subject: state.email ? { email: state.email } : undefined, context: { channel: 'web' } }, exceptions, now);
  // A block an exception lifted comes back when it ends, in this open tab too.
  let until = Infinity;
  for (const x of r.decision.reasons) if (x.exception) until = Math.min(until, Date.parse(x.exception.expiresAt));
  if (until > now && until !== Infinity) accessTimer = setTimeout(checkAccess, Math.min(until - now + 100, 2_147_000_000));
  const key = `${state.bundle?.policyVersion}:${r.decision.effect}`;
  if (key === accessChecked) return;
  accessChecked = key;
  if (r.decision.effect !== 'block') {
    removeBlockOverlay();
    return;
  }
  const v: Verdict = { effect: 'block', reasons: r.decision.reasons.filter((x) => x.effect === 'block').map((x) => ({ ruleId: x.ruleId, message: x.message, guidanceUrl: x.guidanceUrl })), result: r };
  report('access', v, 'open tab');
  const show = () => {
    closeCards();
    showBlockOverlay(r.decision.provider?.name ?? location.host, v.reasons, state?.portalUrl);
    announce('access', 'block', 0);
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show, { once: true });
}

/** Submits and pastes on a page whose service is blocked go nowhere (the overlay covers it too). */
window.addEventListener('paste', onPaste, true);
window.addEventListener('keydown', onKeyDown, true);
window.addEventListener('click', onClick, true);
window.addEventListener('submit', onSubmit, true);
window.addEventListener('input', onInput, true);
// Editors that cancel native edits and apply them to their own model (Lexical) fire no input event:
// their beforeinput (seen here before the page cancels it) and key-ups start the same check.
window.addEventListener('beforeinput', onInput, true);
window.addEventListener('keyup', onInput, true);
window.addEventListener('change', onChange, true);
window.addEventListener('drop', onDrop, true);

