import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Effect, IncidentSeverity, IncidentStatus, ProviderStatus } from '@airlock/contracts/constants';

type Color = ChipProps['color'];

const EFFECT_COLOR: Record<Effect, Color> = { allow: 'success', warn: 'warning', redact: 'info', block: 'error' };
const STATUS_COLOR: Record<ProviderStatus | 'unknown', Color> = { approved: 'success', restricted: 'warning', under_review: 'info', blocked: 'error', unknown: 'default' };
const SEVERITY_COLOR: Record<IncidentSeverity, Color> = { low: 'default', medium: 'info', high: 'warning', critical: 'error' };
const INCIDENT_STATUS_COLOR: Record<IncidentStatus, Color> = {
  new: 'error',
  triaged: 'warning',
  investigating: 'warning',
  contained: 'info',
  resolved: 'success',
  closed: 'default',
};

export function EffectChip({ effect, size = 'small' }: { effect: string | null | undefined; size?: ChipProps['size'] }) {
  const t = useTranslate();
  if (!effect) return null;
  return <Chip size={size} color={EFFECT_COLOR[effect as Effect] ?? 'default'} label={t(`airlock.effect.${effect}`, { _: effect })} />;
}

export function ProviderStatusChip({ status, size = 'small' }: { status: string | null | undefined; size?: ChipProps['size'] }) {
  const t = useTranslate();
  if (!status) return null;
  return <Chip size={size} color={STATUS_COLOR[status as ProviderStatus] ?? 'default'} label={t(`airlock.providerStatus.${status}`, { _: status })} />;
}

export function SeverityChip({ severity }: { severity: string | null | undefined }) {
  const t = useTranslate();
  if (!severity) return null;
  return <Chip size="small" variant={severity === 'low' ? 'outlined' : 'filled'} color={SEVERITY_COLOR[severity as IncidentSeverity] ?? 'default'} label={t(`airlock.severity.${severity}`, { _: severity })} />;
}

export function IncidentStatusChip({ status }: { status: string | null | undefined }) {
  const t = useTranslate();
  if (!status) return null;
  return <Chip size="small" variant={status === 'closed' ? 'outlined' : 'filled'} color={INCIDENT_STATUS_COLOR[status as IncidentStatus] ?? 'default'} label={t(`airlock.incidentStatus.${status}`, { _: status })} />;
}

/** Risk score 0-100 as a coloured chip: 70+ high, 40+ medium. */
export function RiskChip({ score }: { score: number | null | undefined }) {
  const t = useTranslate();
  if (score === null || score === undefined) return null;
  const color: Color = score >= 70 ? 'error' : score >= 40 ? 'warning' : 'success';
  return <Chip size="small" variant="outlined" color={color} label={t('airlock.risk.score', { score })} />;
}

/** Field versions (read the record from the context) for lists. */
export const EffectField = ({ source = 'effect' }: { source?: string; label?: string }) => {
  const record = useRecordContext();
  return <EffectChip effect={record?.[source] as string} />;
};
export const ProviderStatusField = ({ source = 'status' }: { source?: string; label?: string }) => {
  const record = useRecordContext();
  return <ProviderStatusChip status={record?.[source] as string} />;
};
export const SeverityField = ({ source = 'severity' }: { source?: string; label?: string }) => {
  const record = useRecordContext();
  return <SeverityChip severity={record?.[source] as string} />;
};
export const IncidentStatusField = ({ source = 'status' }: { source?: string; label?: string }) => {
  const record = useRecordContext();
  return <IncidentStatusChip status={record?.[source] as string} />;
};
export const RiskField = ({ source = 'riskScore' }: { source?: string; label?: string }) => {
  const record = useRecordContext();
  return <RiskChip score={record?.[source] as number} />;
};

/** Choices for SelectInput & co. whose names are translation keys (react-admin translates them). */
export const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));
