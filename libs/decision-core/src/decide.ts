import type { Finding, Inspector } from '@airlock/detectors';
import { redact } from '@airlock/detectors';
import type { CompiledExceptions, Decision, DecisionRequest, Evaluator, PolicyRule } from '@airlock/policy-engine';
import { escalateRedaction } from './escalation';
import { extensionClass } from './extension-class';

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

/** What a decision honours besides the policy: the organization's time-limited exceptions, at `now`. */
export interface DecideOptions {
  exceptions?: CompiledExceptions | null;
  /** ms since the epoch; default Date.now(). Exceptions expire against it. */
  now?: number;
  /**
   * What this policy's inspector found in `content.text`, found beforehand: the server inspects long
   * texts in a worker thread, off its event loop, with the same inspector compiled from the same
   * policy. Used instead of inspecting the text again.
   */
  findings?: Finding[];
  /**
   * false: the redacted text is not built. For callers that mask their texts themselves from the
   * findings and `redactedClasses` (the AI gateway, with placeholders it restores in the answer; the
   * guardrail endpoints): building it is a second pass over the text, and on a 1 MiB prompt tens of
   * milliseconds of the server's event loop.
   */
  redactedText?: boolean;
}

export interface LocalDecision {
  /**
   * The evaluator's decision, except that a `redact` the text cannot carry out becomes `block`
   * (see escalateRedaction): its redacting reasons then say `escalated: 'redact_without_text'`.
   */
  decision: Decision;
  findings: Finding[];
  /** With `redact` only: the text with the findings of the redacting rules' classes masked (unless options.redactedText is false). */
  redactedText?: string;
  /** With `redact` only: the data classes whose findings were masked (sorted, distinct). */
  redactedClasses?: readonly string[];
  /** Whether the answer depended on content (then it must not be cached). */
  contentDependent: boolean;
}

/**
 * One decision, the same in the API and in local evaluation: inspect the text (only the detectors
 * the policy needs), add the classes the client classified itself and the one its file name
 * implies, evaluate, and for `redact` mask the findings of the classes the redacting rules name.
 *
 * A `redact` is only given when it can be carried out: every class the redacting rules name that is
 * in the request was found in text inspected here. When one came only from the client's own
 * classification or from the file name, or there is no text at all (an `access` check, an upload
 * without extracted text), nobody can make the redacted version the answer would ask for, so the
 * effect becomes `block` and each redacting reason says so (`escalated: 'redact_without_text'`).
 */
export function decideLocally(policy: DecisionPolicy, req: ContentRequest, options?: DecideOptions): LocalDecision {
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
      findings = options?.findings ?? policy.inspector.inspect(text);
      for (const f of findings) classes.add(f.dataClass);
    }
    if (classes.size > 0) dataClasses = [...classes];
  }
  let decision = policy.evaluator.evaluate({
    action: req.action,
    destination: req.destination,
    subject: req.subject,
    context: req.context,
    dataClasses,
  });
  // Time-limited exceptions lift the rules they cover before redaction is worked out (a lifted
  // redacting rule masks nothing); libs/policy-engine exceptions.ts.
  const exceptions = options?.exceptions;
  if (exceptions && exceptions.size > 0) decision = exceptions.apply(decision, req.subject, policy.rules, options.now ?? Date.now());
  let redactedText: string | undefined;
  let redacted: readonly string[] | undefined;
  if (decision.effect === 'redact') {
    // No text: nothing to mask, whatever the rules name (and no need to work out what they name).
    const wanted = text ? redactingClasses(policy.rules, decision) : null;
    if (!text || wanted === null || !allFoundInText(decision.dataClasses, wanted, findings)) {
      decision = escalateRedaction(decision);
    } else {
      const masked = wanted === 'all' ? findings : findings.filter((f) => wanted.has(f.dataClass));
      if (options?.redactedText !== false) redactedText = redact(text, masked).text;
      redacted = classesOf(masked);
    }
  }
  return {
    decision,
    findings,
    redactedText,
    redactedClasses: redacted,
    contentDependent: Boolean(text) || dataClasses !== undefined || req.action !== 'access',
  };
}

const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** The data classes named by the rules that asked for redaction ('all' if one names none). */
function redactingClasses(rules: readonly PolicyRule[], decision: Decision): Set<string> | 'all' {
  const out = new Set<string>();
  for (const reason of decision.reasons) {
    if (reason.effect !== 'redact') continue;
    const named = rules.find((r) => r.id === reason.ruleId)?.when.dataClasses ?? [];
    if (named.length === 0) return 'all';
    for (const c of named) out.add(c.toLowerCase());
  }
  return out;
}

/** Every class of the request the redacting rules name has at least one finding in the text. */
function allFoundInText(classes: readonly string[], wanted: Set<string> | 'all', findings: readonly Finding[]): boolean {
  for (const c of classes) {
    if (wanted !== 'all' && !wanted.has(c)) continue;
    if (!findings.some((f) => f.dataClass === c)) return false;
  }
  return true;
}

function classesOf(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.dataClass))].sort();
}
