import { Box, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Estimate } from './password-estimator';

type Estimator = typeof import('./password-estimator');
let loading: Promise<Estimator> | null = null;
/** The estimator and its dictionaries, fetched the first time a password form shows. */
const loadEstimator = () => (loading ??= import('./password-estimator'));

/**
 * The strength of the password being chosen (zxcvbn-ts, as the API judges it): a bar, a verdict,
 * and zxcvbn's warning and suggestions. `onEstimate` reports whether the API would accept it
 * (null until the estimator has loaded, or when it could not load: then the API alone decides).
 */
export function PasswordStrength({ password, userInputs = [], onEstimate }: { password: string; userInputs?: string[]; onEstimate?: (acceptable: boolean | null) => void }) {
  const t = useTranslate();
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [min, setMin] = useState(3);
  const inputsKey = userInputs.join('\n');

  useEffect(() => {
    let cancelled = false;
    if (password.length < 12) {
      setEstimate(null);
      onEstimate?.(null);
      return;
    }
    // A short pause, so the estimate follows typing without running on every key.
    const timer = setTimeout(() => {
      loadEstimator().then(
        (m) => {
          if (cancelled) return;
          const e = m.estimate(password, inputsKey.split('\n').filter(Boolean));
          setMin(m.MIN_PASSWORD_SCORE);
          setEstimate(e);
          onEstimate?.(e.score >= m.MIN_PASSWORD_SCORE);
        },
        () => onEstimate?.(null),
      );
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // onEstimate is a callback of the parent; the estimate depends on the password and inputs only.
  }, [password, inputsKey]);

  useEffect(() => void loadEstimator().catch(() => undefined), []);

  if (!estimate) return null;
  const ok = estimate.score >= min;
  const verdict = estimate.common ? t('airlock.password.strength.common') : t(`airlock.password.strength.score${estimate.score}`);
  const advice = [estimate.warning, ...estimate.suggestions].filter(Boolean).join(' ');
  return (
    <Box aria-live="polite" data-testid="password-strength">
      <LinearProgress variant="determinate" value={(estimate.score + 1) * 20} color={ok ? 'success' : estimate.score >= 2 ? 'warning' : 'error'} aria-label={t('airlock.password.strength.label')} />
      <Typography variant="body2" color={ok ? 'success.main' : 'error'} sx={{ mt: 0.5 }}>
        {t('airlock.password.strength.label')}: {verdict}
        {ok ? '' : ` — ${t('airlock.password.strength.notEnough')}`}
      </Typography>
      {!ok && advice ? (
        <Typography variant="body2" color="text.secondary">
          {advice}
        </Typography>
      ) : null}
    </Box>
  );
}
