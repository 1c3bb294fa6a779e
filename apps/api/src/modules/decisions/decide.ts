import { type DecisionRequestInput, MAX_CONTENT_BYTES } from '@airlock/contracts';
import { type Finding, redact } from '@airlock/detectors';
import type { Decision, DecisionRequest } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import type { CompiledPolicy } from '../policy/compiled-policy';

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

export interface DecideResult {
  decision: Decision;
  findings: Finding[];
  redactedText?: string;
  /** Whether the answer depended on content (then clients must not cache it). */
  contentDependent: boolean;
  inspectMicros: number;
}

/**
 * One decision: inspect the text (only the detectors the policy needs), add the classes the client
 * classified itself, evaluate, and for `redact` mask the findings of the classes the redacting rules
 * name. Pure and synchronous: the simulator and the impact preview run exactly this.
 */
export function decide(policy: CompiledPolicy, req: DecisionRequestInput): DecideResult {
  const text = req.content?.text;
  if (text !== undefined && Buffer.byteLength(text, 'utf8') > MAX_CONTENT_BYTES) {
    throw new AppError('payload_too_large', `content.text is larger than 1 MiB (${MAX_CONTENT_BYTES} bytes)`);
  }
  const classes = new Set<string>(req.content?.dataClasses ?? []);
  const fromName = extensionClass(req.content?.fileName);
  if (fromName) classes.add(fromName);
  let findings: Finding[] = [];
  let inspectMicros = 0;
  if (text && policy.inspector) {
    const t0 = process.hrtime.bigint();
    findings = policy.inspector.inspect(text);
    inspectMicros = Number(process.hrtime.bigint() - t0) / 1000;
    for (const f of findings) classes.add(f.dataClass);
  }
  const request: DecisionRequest = {
    action: req.action,
    destination: req.destination,
    ...(req.subject ? { subject: req.subject } : {}),
    ...(req.context ? { context: req.context } : {}),
    dataClasses: [...classes],
  };
  const decision = policy.evaluator.evaluate(request);
  let redactedText: string | undefined;
  if (decision.effect === 'redact' && text) {
    const wanted = redactedClasses(policy, decision);
    const masked = redact(text, wanted === 'all' ? findings : findings.filter((f) => wanted.has(f.dataClass)));
    redactedText = masked.text;
  }
  return {
    decision,
    findings,
    redactedText,
    contentDependent: Boolean(text) || classes.size > 0 || req.action !== 'access',
    inspectMicros,
  };
}

/** The data classes named by the rules that asked for redaction ('all' if one names none). */
function redactedClasses(policy: CompiledPolicy, decision: Decision): Set<string> | 'all' {
  const out = new Set<string>();
  for (const reason of decision.reasons) {
    if (reason.effect !== 'redact') continue;
    const rule = policy.snapshot.rules.find((r) => r.id === reason.ruleId);
    const named = rule?.when.dataClasses ?? [];
    if (named.length === 0) return 'all';
    for (const c of named) out.add(c);
  }
  return out;
}
