import type { Finding, Inspector } from '@airlock/detectors';
import { redact } from '@airlock/detectors';
import type { Decision, DecisionRequest, Evaluator, PolicyRule } from '@airlock/policy-engine';

/** What a decision needs: the compiled rules, the content inspector, and the rules' source. */
export interface DecisionPolicy {
  evaluator: Evaluator;
  /** null when no rule looks at data classes (text then costs nothing). */
  inspector: Inspector | null;
  rules: readonly PolicyRule[];
}

/** The request as the decision API takes it (libs/contracts decisionRequest). */
export interface ContentRequest extends Omit<DecisionRequest, 'dataClasses'> {
  content?: { text?: string; fileName?: string; mimeType?: string; dataClasses?: string[] };
}

export interface LocalDecision {
  decision: Decision;
  findings: Finding[];
  redactedText?: string;
  /** Whether the answer depended on content (then it must not be cached). */
  contentDependent: boolean;
}

/** File extensions that say what an upload holds before anyone reads it. */
const EXTENSION_CLASSES: Record<string, string> = Object.fromEntries([
  ...['js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'py', 'java', 'kt', 'go', 'rs', 'c', 'h', 'cc', 'cpp', 'hpp', 'cs', 'rb', 'php', 'swift', 'scala', 'sql', 'sh', 'ps1'].map((e) => [e, 'source_code']),
  ...['pem', 'key', 'p12', 'pfx', 'jks', 'keystore', 'kdbx', 'env'].map((e) => [e, 'credentials']),
]);

export function extensionClass(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.toLowerCase().split(/[\\/]/).pop() ?? '';
  if (base === '.env' || base.startsWith('.env.') || base === 'id_rsa' || base === 'id_ed25519') return 'credentials';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? EXTENSION_CLASSES[base.slice(dot + 1)] : undefined;
}

/**
 * One decision, the same in the API and in local evaluation: inspect the text (only the detectors
 * the policy needs), add the classes the client classified itself and the one its file name
 * implies, evaluate, and for `redact` mask the findings of the classes the redacting rules name.
 */
export function decideLocally(policy: DecisionPolicy, req: ContentRequest): LocalDecision {
  const content = req.content;
  const text = content?.text;
  let findings: Finding[] = NO_FINDINGS;
  // Most requests carry no content: skip the set building entirely (this runs for every decision).
  let dataClasses: string[] | undefined;
  if (content) {
    const classes = new Set<string>(content.dataClasses ?? []);
    const fromName = extensionClass(content.fileName);
    if (fromName) classes.add(fromName);
    if (text && policy.inspector) {
      findings = policy.inspector.inspect(text);
      for (const f of findings) classes.add(f.dataClass);
    }
    if (classes.size > 0) dataClasses = [...classes];
  }
  const decision = policy.evaluator.evaluate({
    action: req.action,
    destination: req.destination,
    subject: req.subject,
    context: req.context,
    dataClasses,
  });
  let redactedText: string | undefined;
  if (decision.effect === 'redact' && text) {
    const wanted = redactedClasses(policy.rules, decision);
    redactedText = redact(text, wanted === 'all' ? findings : findings.filter((f) => wanted.has(f.dataClass))).text;
  }
  return { decision, findings, redactedText, contentDependent: Boolean(text) || dataClasses !== undefined || req.action !== 'access' };
}

const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** The data classes named by the rules that asked for redaction ('all' if one names none). */
function redactedClasses(rules: readonly PolicyRule[], decision: Decision): Set<string> | 'all' {
  const out = new Set<string>();
  for (const reason of decision.reasons) {
    if (reason.effect !== 'redact') continue;
    const named = rules.find((r) => r.id === reason.ruleId)?.when.dataClasses ?? [];
    if (named.length === 0) return 'all';
    for (const c of named) out.add(c);
  }
  return out;
}
