import type { ClosureReason, IncidentStatus } from '@airlock/contracts';

/**
 * The status workflow. Forward moves may skip steps (a report found harmless goes from `new`
 * straight to `closed`); going back is allowed only to `investigating`, to reopen work that was
 * contained or resolved too early. `closed` is final: a closed incident that turns out to matter
 * again gets a new incident linked to it (duplicateOfId), so the closed record stays as decided.
 *
 * | from          | to                                                     |
 * |---------------|--------------------------------------------------------|
 * | new           | triaged, investigating, contained, resolved, closed    |
 * | triaged       | investigating, contained, resolved, closed             |
 * | investigating | contained, resolved, closed                            |
 * | contained     | investigating (containment failed), resolved, closed   |
 * | resolved      | investigating (reopen), closed                         |
 * | closed        | — (final)                                              |
 */
export const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = Object.freeze({
  new: ['triaged', 'investigating', 'contained', 'resolved', 'closed'],
  triaged: ['investigating', 'contained', 'resolved', 'closed'],
  investigating: ['contained', 'resolved', 'closed'],
  contained: ['investigating', 'resolved', 'closed'],
  resolved: ['investigating', 'closed'],
  closed: [],
});

export const OPEN_STATUSES: readonly IncidentStatus[] = ['new', 'triaged', 'investigating', 'contained'];
export const DONE_STATUSES: readonly IncidentStatus[] = ['resolved', 'closed'];

export function allowedTransitions(from: IncidentStatus): readonly IncidentStatus[] {
  return TRANSITIONS[from];
}

/** Null when allowed; otherwise the sentence a 422 carries. */
export function transitionProblem(from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to) return null;
  if (TRANSITIONS[from].includes(to)) return null;
  if (from === 'closed')
    return `A closed incident is final: it cannot move to "${to}" (open a new incident and link it as related instead)`;
  const allowed = TRANSITIONS[from];
  return `An incident cannot move from "${from}" to "${to}"; from "${from}" it can move to ${allowed.map((s) => `"${s}"`).join(', ')}`;
}

export interface ClosureFields {
  closureReason: ClosureReason | null | undefined;
  riskAcceptedUntil: Date | null | undefined;
  duplicateOfId: string | null | undefined;
}

/**
 * Closing needs a reason: remediated | false_positive | duplicate | risk_accepted. `risk_accepted`
 * needs riskAcceptedUntil in the future (the acceptance is reviewed when it lapses); `duplicate`
 * needs duplicateOfId. Null when the closure is complete.
 */
export function closureProblem(f: ClosureFields, now: Date): { path: string; message: string } | null {
  if (!f.closureReason) {
    return {
      path: 'closureReason',
      message: 'Closing an incident needs closureReason: remediated, false_positive, duplicate or risk_accepted',
    };
  }
  if (f.closureReason === 'risk_accepted') {
    if (!f.riskAcceptedUntil)
      return { path: 'riskAcceptedUntil', message: 'Accepting the risk needs riskAcceptedUntil: the date the acceptance is reviewed' };
    if (f.riskAcceptedUntil.getTime() <= now.getTime())
      return { path: 'riskAcceptedUntil', message: 'riskAcceptedUntil must be in the future' };
  }
  if (f.closureReason === 'duplicate' && !f.duplicateOfId) {
    return { path: 'duplicateOfId', message: 'Closing as duplicate needs duplicateOfId: the incident this one duplicates' };
  }
  return null;
}

/** What the reporter reads about each status (portal and the anonymous status page). */
export const STATUS_EXPLANATIONS: Readonly<Record<IncidentStatus, string>> = Object.freeze({
  new: 'Received. The security team has been notified and will look at it shortly.',
  triaged: 'The security team has read your report and is deciding what needs to be done.',
  investigating: 'The security team is working on it: finding out what was shared, with which service, and what to do about it.',
  contained:
    'The immediate risk is under control (for example, a leaked password was changed or the chat was deleted). Follow-up work continues.',
  resolved: 'The security team has finished the work this report needed.',
  closed: 'This report is closed. Thank you for reporting it: early reports are what make a quick fix possible.',
});
