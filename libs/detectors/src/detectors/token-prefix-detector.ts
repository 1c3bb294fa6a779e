import type { Detector, DetectorInfo } from '../detector';
import type { Finding } from '../finding';

interface PrefixRule {
  info: DetectorInfo;
  /** literal the token starts with, used as the prefilter */
  prefix: string;
  /** sticky regex applied at the prefix position */
  re: RegExp;
  confidence: (m: RegExpExecArray) => number;
  reject?: (value: string) => boolean;
}

const c = (id: string, description: string): DetectorInfo => ({ id, dataClass: 'credentials', description });
const tail = '(?![A-Za-z0-9_-])';

/** Vendor tokens recognizable by a documented prefix and alphabet. */
const RULES: PrefixRule[] = [
  ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].map((p) => ({
    info: c('github-token', 'GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)'),
    prefix: p,
    re: new RegExp(p + '[A-Za-z0-9]{36,251}' + tail, 'y'),
    confidence: () => 0.97,
  })),
  { info: c('github-token', ''), prefix: 'github_pat_', re: new RegExp('github_pat_[A-Za-z0-9_]{22,255}' + tail, 'y'), confidence: () => 0.97 },
  { info: c('gitlab-token', 'GitLab personal access tokens (glpat-)'), prefix: 'glpat-', re: new RegExp('glpat-[A-Za-z0-9_-]{20,64}' + tail, 'y'), confidence: () => 0.96 },
  ...['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xapp-'].map((p) => ({
    info: c('slack-token', 'Slack bot, user and app tokens (xoxb-, xoxp-, ...)'),
    prefix: p,
    re: new RegExp(p + '[A-Za-z0-9-]{10,250}' + tail, 'y'),
    confidence: () => 0.95,
  })),
  {
    info: c('slack-webhook', 'Slack incoming webhook URLs'),
    prefix: 'https://hooks.slack.com/',
    re: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_]{6,}\/[A-Za-z0-9_]{6,}\/[A-Za-z0-9_]{12,}/y,
    confidence: () => 0.96,
  },
  ...['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'whsec_'].map((p) => ({
    info: c('stripe-key', 'Stripe secret and restricted keys (sk_live_, rk_live_; sk_test_ lower)'),
    prefix: p,
    re: new RegExp(p + '[A-Za-z0-9]{16,247}' + tail, 'y'),
    confidence: () => (p.includes('test') ? 0.6 : 0.97),
  })),
  {
    info: c('anthropic-api-key', 'Anthropic API keys (sk-ant-...)'),
    prefix: 'sk-ant-',
    re: new RegExp('sk-ant-(?:api|admin|sid)?[0-9]{0,2}-?[A-Za-z0-9_-]{32,200}' + tail, 'y'),
    confidence: () => 0.97,
  },
  {
    info: c('openai-api-key', 'OpenAI API keys (sk-..., sk-proj-...)'),
    prefix: 'sk-',
    re: new RegExp('sk-(?!ant-)(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,200}' + tail, 'y'),
    confidence: (m) => (m[0].includes('T3BlbkFJ') || /^sk-(?:proj|svcacct|admin)-/.test(m[0]) ? 0.97 : 0.85),
    reject: (v) => !/[0-9]/.test(v) || !/[A-Z]/.test(v) || !/[a-z]/.test(v.slice(3)),
  },
  { info: c('npm-token', 'npm access tokens (npm_)'), prefix: 'npm_', re: new RegExp('npm_[A-Za-z0-9]{36}' + tail, 'y'), confidence: () => 0.95 },
  { info: c('pypi-token', 'PyPI API tokens (pypi-)'), prefix: 'pypi-', re: new RegExp('pypi-AgE[A-Za-z0-9_-]{50,}' + tail, 'y'), confidence: () => 0.95 },
  { info: c('huggingface-token', 'Hugging Face tokens (hf_)'), prefix: 'hf_', re: new RegExp('hf_[A-Za-z0-9]{34,40}' + tail, 'y'), confidence: () => 0.93 },
  { info: c('digitalocean-token', 'DigitalOcean tokens (dop_v1_, doo_v1_)'), prefix: 'dop_v1_', re: new RegExp('dop_v1_[a-f0-9]{64}' + tail, 'y'), confidence: () => 0.96 },
  { info: c('digitalocean-token', ''), prefix: 'doo_v1_', re: new RegExp('doo_v1_[a-f0-9]{64}' + tail, 'y'), confidence: () => 0.96 },
  ...['shpat_', 'shpss_', 'shpca_', 'shppa_'].map((p) => ({
    info: c('shopify-token', 'Shopify access tokens (shpat_, shpss_, ...)'),
    prefix: p,
    re: new RegExp(p + '[a-fA-F0-9]{32}' + tail, 'y'),
    confidence: () => 0.96,
  })),
  {
    info: c('sendgrid-api-key', 'SendGrid API keys (SG.)'),
    prefix: 'SG.',
    re: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/y,
    confidence: () => 0.96,
  },
  ...['rzp_live_', 'rzp_test_'].map((p) => ({
    info: c('razorpay-key', 'Razorpay API key ids (rzp_live_, rzp_test_)'),
    prefix: p,
    re: new RegExp(p + '[A-Za-z0-9]{14}' + tail, 'y'),
    confidence: () => (p === 'rzp_live_' ? 0.9 : 0.7),
  })),
  {
    info: c('google-api-key', 'Google API keys (AIza...)'),
    prefix: 'AIza',
    re: new RegExp('AIza[0-9A-Za-z_-]{35}' + tail, 'y'),
    confidence: () => 0.95,
  },
];

function isTokenChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;
}

const BY_PREFIX = new Map<string, PrefixRule[]>();
for (const r of RULES) BY_PREFIX.set(r.prefix, [...(BY_PREFIX.get(r.prefix) ?? []), r]);
/** The vendor prefixes of the tokens (not the webhook URL): the deobfuscation reads tokens written backwards from them. */
export const TOKEN_PREFIXES: readonly string[] = [...BY_PREFIX.keys()].filter((p) => !p.startsWith('https'));

/** Prefixes that end in '_' or '-', by that last character: found from each '_' / '-' in the text. */
const BY_LAST = new Map<string, string[]>();
for (const p of BY_PREFIX.keys()) {
  const last = p[p.length - 1]!;
  if (last === '_' || last === '-') BY_LAST.set(last, [...(BY_LAST.get(last) ?? []), p].sort((a, b) => b.length - a.length));
}
/** Per last character of BY_LAST, the characters before it in its prefixes (made once, not per text). */
const BEFORE_LAST = new Map<string, Set<number>>();
for (const [last, prefixes] of BY_LAST) BEFORE_LAST.set(last, new Set(prefixes.map((p) => p.charCodeAt(p.length - 2))));

/** Candidate token starts with their prefix, in text order: indexOf on '_', '-', 'AIza' and the webhook host. */
function candidates(text: string): { start: number; prefix: string }[] {
  const found: { start: number; prefix: string }[] = [];
  endingCandidates(text, found);
  fixedCandidates(text, found);
  return found.sort((a, b) => a.start - b.start);
}

/*
 * The two scans are functions of their own that end with their loop: V8 optimises a function while
 * its loop runs on a long text (on-stack replacement), and code after that loop had no type feedback
 * then; the optimised code was kept and thrown away there again on later calls (seen: up to ~9
 * deoptimisations per dense inspection).
 */

/** Starts of the prefixes that end in '_' or '-' (BY_LAST), pushed to `found`. */
function endingCandidates(text: string, found: { start: number; prefix: string }[]): void {
  for (const [last, prefixes] of BY_LAST) {
    const before = BEFORE_LAST.get(last)!;
    let i = text.indexOf(last);
    while (i !== -1) {
      if (!before.has(text.charCodeAt(i - 1))) {
        i = text.indexOf(last, i + 1);
        continue;
      }
      for (const p of prefixes) {
        const start = i + 1 - p.length;
        if (start >= 0 && text.startsWith(p, start)) {
          found.push({ start, prefix: p });
          break;
        }
      }
      i = text.indexOf(last, i + 1);
    }
  }
}

const FIXED_PREFIXES = ['AIza', 'https://hooks.slack.com/', 'SG.'];
/** Starts of the other prefixes, pushed to `found`. */
function fixedCandidates(text: string, found: { start: number; prefix: string }[]): void {
  for (const p of FIXED_PREFIXES) {
    let i = text.indexOf(p);
    while (i !== -1) {
      found.push({ start: i, prefix: p });
      i = text.indexOf(p, i + p.length);
    }
  }
}

const ENTRIES: DetectorInfo[] = [];
for (const r of RULES) if (r.info.description && !ENTRIES.some((e) => e.id === r.info.id)) ENTRIES.push(r.info);

/** Tokens of cloud and SaaS vendors that carry a recognizable prefix. */
export const tokenPrefixDetector: Detector = {
  entries: ENTRIES,
  detect({ text }, out: Finding[]) {
    let lastEnd = 0;
    for (const { start: i, prefix } of candidates(text)) {
      if (i < lastEnd) continue;
      if (!prefix.startsWith('https') && i > 0 && isTokenChar(text.charCodeAt(i - 1))) continue;
      for (const r of BY_PREFIX.get(prefix) ?? []) {
        r.re.lastIndex = i;
        const m = r.re.exec(text);
        if (m && !(r.reject && r.reject(m[0])) && !/(?:EXAMPLE|example|XXXXXXXX|xxxxxxxx)/.test(m[0])) {
          out.push({ dataClass: 'credentials', detector: r.info.id, start: i, end: i + m[0].length, confidence: r.confidence(m) });
          lastEnd = i + m[0].length;
          break;
        }
      }
    }
  },
};
