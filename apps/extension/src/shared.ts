// What the service worker, the content scripts, the popup and the block page share through
// chrome.storage.local and messages. Nothing here holds prompt text or file content.
import type { PolicyBundle } from './decide';
import type { IdentitySource, IdentityVia } from './identity';

export type FailMode = 'open' | 'closed';
/** 'block': not attached; 'allow': attached without inspection, the user told so. Default: 'block' when failMode is closed, else 'allow'. */
export type UnreadableFiles = 'block' | 'allow';
export type Effect = 'allow' | 'warn' | 'redact' | 'block';

/** The extension's configuration: from the browser's managed policy (storage.managed). */
export interface ExtensionConfig {
  serverUrl?: string;
  apiKey?: string;
  failMode: FailMode;
  identitySource: IdentitySource;
  userEmail?: string;
  reportIntervalSeconds: number;
  refreshMinutes: number;
  extraHosts: string[];
  maxUploadBytes: number;
  /** A file the extension cannot inspect (unreadable, too large) where its content could change the answer. */
  unreadableFiles: UnreadableFiles;
  portalUrl?: string;
  /** Where it came from: the managed policy, the developer fallback in storage.local, or nowhere. */
  source: 'managed' | 'local' | 'none';
}

/** storage.local['policy']: what content scripts decide with (rewritten only when the policy changes). */
export interface PolicyState {
  bundle: PolicyBundle | null;
  etag?: string;
  fetchedAt?: string;
  email?: string;
  groups: string[];
  /** The user's key in the bundle's hashed directory (exceptions name people by it), from the service worker. */
  userKey?: string;
  failMode: FailMode;
  portalUrl?: string;
  maxUploadBytes: number;
  unreadableFiles: UnreadableFiles;
  extraHosts: string[];
}

export type ConnectionState = 'unconfigured' | 'connecting' | 'live' | 'polling' | 'unreachable';

/** storage.local['status']: for the popup. */
export interface StatusState {
  connection: ConnectionState;
  lastContactAt?: string;
  lastError?: string;
  policyVersion?: number;
  configSource: ExtensionConfig['source'];
  email?: string;
  /** Where the e-mail came from (identity.ts). */
  identityVia?: IdentityVia;
  /** Set when signing in to Airlock would give the identity: the popup offers "Sign in to Airlock" there. */
  signInUrl?: string;
  pendingReports: number;
}

/** One decision as the server's POST /v1/decisions/report takes it: classes and rule ids, never text. */
export interface DecisionReport {
  id: string;
  at: string;
  action: 'access' | 'prompt' | 'upload';
  destination: { url: string };
  subject: { email?: string };
  effect: Effect;
  reasons: { ruleId: string; effect: Effect; exception?: { id: string } }[];
  findingClasses: string[];
  findingCount: number;
  override?: { reason: string };
  policyVersion: number;
  source: 'extension';
  channel: 'web';
}

/** What the popup lists ("why was this blocked"): the report plus the rule messages shown. */
export interface RecentDecision {
  at: string;
  host: string;
  action: DecisionReport['action'];
  effect: Effect;
  trigger: string;
  messages: { ruleId: string; message: string; guidanceUrl?: string }[];
  findingClasses: string[];
  override?: string;
}

/** storage.local['accessBlocks']: per provider slug, why access is blocked (the block page reads it). */
export interface AccessBlock {
  provider: string;
  name: string;
  reasons: { ruleId: string; message: string; guidanceUrl?: string }[];
}

export type Message =
  | { type: 'reports'; items: { report: DecisionReport; recent: RecentDecision }[] }
  | { type: 'refresh' }
  | { type: 'status' }
  | { type: 'identity' };

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Hosts the content script watches before any policy was fetched (fail-closed needs somewhere to
 * block; fail-open watches them too, to decide as soon as a policy arrives). The bundle's catalog
 * replaces this list once fetched.
 */
export const SEED_AI_HOSTS = [
  'chatgpt.com', 'chat.openai.com', 'gemini.google.com', 'chat.deepseek.com', 'claude.ai', 'copilot.microsoft.com',
  'www.perplexity.ai', 'perplexity.ai', 'chat.mistral.ai', 'character.ai', 'poe.com', 'huggingface.co',
];

/** Match patterns (content scripts) for catalog domains: exact `a.b` and wildcard `*.a.b`. */
export function matchPatterns(domains: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const raw of domains) {
    const d = raw.trim().toLowerCase().replace(/\.$/, '');
    if (!d || d.includes('/') || d.includes(':')) continue;
    if (d.startsWith('*.')) out.add(`*://${d}/*`);
    else out.add(`*://${d}/*`);
  }
  return [...out].sort();
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
