import { Chip, Tooltip } from '@mui/material';
import TimerIcon from '@mui/icons-material/Timer';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';

function useNow(intervalMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function formatDuration(ms: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  if (h >= 48) return t('airlock.deadline.days', { days: Math.floor(h / 24), hours: h % 24 });
  return t('airlock.deadline.hours', { hours: h, minutes: m });
}

/**
 * The 72-hour notification deadline (personal data): time left, or how long ago it passed. Once
 * the incident is resolved, or the notification decision is recorded, the clock no longer matters
 * and the chip says so.
 */
export function DeadlineCountdown({
  deadline,
  resolved,
  decided,
  live = true,
  compact = false,
}: {
  deadline: string | null | undefined;
  resolved?: boolean;
  decided?: boolean;
  live?: boolean;
  compact?: boolean;
}) {
  const t = useTranslate();
  const now = useNow(live ? 30_000 : 3_600_000);
  if (!deadline) return null;
  const due = Date.parse(deadline);
  const left = due - now;
  const when = new Date(due).toLocaleString();
  if (decided) {
    return (
      <Tooltip title={t('airlock.deadline.dueAt', { when })}>
        <Chip size="small" variant="outlined" icon={<TimerIcon />} label={t(compact ? 'airlock.deadline.decidedShort' : 'airlock.deadline.decided')} data-testid="deadline" />
      </Tooltip>
    );
  }
  if (resolved) {
    return (
      <Tooltip title={t('airlock.deadline.dueAt', { when })}>
        <Chip size="small" variant="outlined" icon={<TimerIcon />} label={t(compact ? 'airlock.deadline.metShort' : 'airlock.deadline.met')} />
      </Tooltip>
    );
  }
  const overdue = left < 0;
  const soon = !overdue && left < 24 * 3_600_000;
  const duration = formatDuration(left, t);
  const label = compact
    ? t(overdue ? 'airlock.deadline.overdueShort' : 'airlock.deadline.leftShort', { duration })
    : t(overdue ? 'airlock.deadline.overdue' : 'airlock.deadline.left', { duration });
  return (
    <Tooltip title={t('airlock.deadline.dueAt', { when })}>
      <Chip size="small" icon={<TimerIcon />} color={overdue ? 'error' : soon ? 'warning' : 'default'} variant={overdue || soon ? 'filled' : 'outlined'} label={label} data-testid="deadline" />
    </Tooltip>
  );
}
