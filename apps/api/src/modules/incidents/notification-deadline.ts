import { PERSONAL_DATA_CLASSES, type IncidentStatus } from '@airlock/contracts';

export const NOTIFICATION_HOURS = 72;
export const DUE_SOON_HOURS = 24;
const HOUR_MS = 3_600_000;

/** Personal data, health data, government ids, financial details or client information. */
export function involvesPersonalData(dataClasses: readonly string[]): boolean {
  return dataClasses.some((c) => (PERSONAL_DATA_CLASSES as readonly string[]).includes(c));
}

/**
 * A personal-data breach must be assessed (and if needed notified to the regulator) within 72 hours
 * of becoming aware of it (GDPR art. 33): the deadline is awareAt + 72 h, or null when no personal
 * data is involved.
 */
export function notificationDeadline(dataClasses: readonly string[], awareAt: Date): Date | null {
  return involvesPersonalData(dataClasses) ? new Date(awareAt.getTime() + NOTIFICATION_HOURS * HOUR_MS) : null;
}

/**
 * Overdue: the deadline passed, the incident is still open and no notification decision is recorded.
 * Due soon: the same, with less than 24 h left. Recording the decision (notified or not, and why)
 * is what the 72 hours are for, so it stops the clock.
 */
export function deadlineFlags(
  i: { notificationDeadline: Date | null; status: IncidentStatus; notificationDecision?: string | null },
  now: Date,
): { overdue: boolean; dueSoon: boolean } {
  if (!i.notificationDeadline || i.notificationDecision || i.status === 'resolved' || i.status === 'closed')
    return { overdue: false, dueSoon: false };
  const left = i.notificationDeadline.getTime() - now.getTime();
  return { overdue: left < 0, dueSoon: left >= 0 && left < DUE_SOON_HOURS * HOUR_MS };
}

export const DUE_SOON_MS = DUE_SOON_HOURS * HOUR_MS;
