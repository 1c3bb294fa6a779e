import { REPORT_DATA_KINDS, type ReportDataKind } from '@airlock/contracts';
import { BUILTIN_DATA_CLASSES } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import type { Actor } from '../auth/auth-context';
import { roleHas } from '../auth/permissions';
import type { IncidentsRepository } from './incidents.repository';

export const HOUR_MS = 3_600_000;

/** Who files an anonymous report, in the audit log and the timeline. */
export const ANONYMOUS_ACTOR: Actor = { type: 'anonymous', id: null, label: 'anonymous reporter' };
export const AUTOMATIC_ACTOR: Actor = { type: 'system', id: null, label: 'automatic (blocked decision)' };
export const OVERRIDE_ACTOR: Actor = { type: 'system', id: null, label: 'automatic (warning overridden)' };

/** A blocked decision involving one of these classes can open an incident (autoIncidentOnBlock). */
export const AUTO_INCIDENT_CLASSES: ReadonlySet<string> = new Set([
  'credentials',
  'personal_data',
  'health_data',
  'government_id',
  'financial',
]);

const CLASS_LABELS = new Map<string, string>(BUILTIN_DATA_CLASSES.map((c) => [c.id, c.label]));

export function classLabel(c: string): string {
  return CLASS_LABELS.get(c) ?? c;
}

export function classSummary(classes: readonly string[]): string {
  if (!classes.length) return 'Possible data exposure';
  const [first, ...rest] = classes.map(classLabel);
  return rest.length ? `${first} and ${rest.length} more` : first!;
}

/** "Passwords, API keys or tokens and 1 more shared with DeepSeek", from the portal's answers. */
export function portalTitle(kinds: readonly ReportDataKind[], service: string): string {
  const labels = REPORT_DATA_KINDS.filter((k) => k.key !== 'not_sure' && kinds.includes(k.key)).map((k) => k.label);
  const title = labels.length
    ? `${labels[0]}${labels.length > 1 ? ` and ${labels.length - 1} more` : ''} shared with ${service}`
    : `Possible data exposure via ${service}`;
  return title.slice(0, 300);
}

export function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

export function eventActor(actor: Actor): { actorId: string | null; actorLabel: string } {
  return { actorId: actor.type === 'user' || actor.type === 'api_client' ? actor.id : null, actorLabel: actor.label };
}

export function round2(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}

/** An assignee must be an active user of the organization who can work on incidents. */
export async function checkAssignee(repo: IncidentsRepository, organizationId: string, userId: string): Promise<void> {
  const u = await repo.findUser(organizationId, userId);
  if (!u || u.disabled || !roleHas(u.role, 'incidents.write')) {
    throw AppError.validation([
      { path: 'assigneeId', message: 'must be an active user of this organization who can work on incidents (owner, admin or analyst)' },
    ]);
  }
}
