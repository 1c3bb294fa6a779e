import { Alert, Button, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { fromLocalInput, toLocalInput } from '../activity/filters';
import { PERIOD_PRESETS, type Period } from './period';

/**
 * The dashboard's period: the last 24 hours, 7, 30 or 90 days, or a custom from/to. The figures'
 * actual span (as the API snapped it to its hourly or daily rollups) is said beside it.
 */
export function PeriodPicker({ value, onChange, shown }: { value: Period; onChange: (p: Period) => void; shown?: { from: string; to: string } }) {
  const t = useTranslate();
  const [custom, setCustom] = useState(value.preset === 'custom');
  const [from, setFrom] = useState(value.preset === 'custom' ? toLocalInput(value.from) : toLocalInput(shown?.from));
  const [to, setTo] = useState(value.preset === 'custom' ? toLocalInput(value.to) : toLocalInput(shown?.to));
  const [problem, setProblem] = useState<string | null>(null);
  // Back to a preset (the browser's back button, a link): the custom fields close.
  useEffect(() => {
    if (value.preset !== 'custom') setCustom(false);
  }, [value.preset]);
  const apply = () => {
    const f = fromLocalInput(from);
    const u = fromLocalInput(to);
    if (!f || !u) return setProblem(t('airlock.dashboard.periodBothDates'));
    if (Date.parse(f) >= Date.parse(u)) return setProblem(t('airlock.dashboard.periodOrder'));
    setProblem(null);
    onChange({ preset: 'custom', from: f, to: u });
  };
  return (
    <Stack sx={{ alignItems: 'flex-end', gap: 1 }}>
      <ToggleButtonGroup
        size="small"
        exclusive
        aria-label={t('airlock.dashboard.period')}
        value={custom ? 'custom' : value.preset}
        onChange={(_, v: string | null) => {
          if (!v) return;
          if (v === 'custom') {
            setCustom(true);
            if (!from && shown) setFrom(toLocalInput(shown.from));
            if (!to && shown) setTo(toLocalInput(shown.to));
            return;
          }
          setCustom(false);
          onChange({ preset: v as Period['preset'] } as Period);
        }}
      >
        {PERIOD_PRESETS.map((p) => (
          <ToggleButton key={p} value={p} data-testid={`period-${p}`}>
            {t(`airlock.dashboard.preset.${p}`)}
          </ToggleButton>
        ))}
        <ToggleButton value="custom" data-testid="period-custom">
          {t('airlock.dashboard.preset.custom')}
        </ToggleButton>
      </ToggleButtonGroup>
      {custom ? (
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField size="small" type="datetime-local" id="dashboard-from" label={t('airlock.dashboard.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} fullWidth={false} />
          <TextField size="small" type="datetime-local" id="dashboard-to" label={t('airlock.dashboard.to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} fullWidth={false} />
          <Button variant="contained" onClick={apply}>
            {t('airlock.dashboard.apply')}
          </Button>
        </Stack>
      ) : null}
      {problem ? (
        <Alert severity="error" role="alert">
          {problem}
        </Alert>
      ) : null}
      {shown ? (
        <Typography variant="caption" color="text.secondary" data-testid="dashboard-shown-period">
          {t('airlock.dashboard.shownPeriod', { from: new Date(shown.from).toLocaleString(), to: new Date(shown.to).toLocaleString() })}
        </Typography>
      ) : null}
    </Stack>
  );
}
