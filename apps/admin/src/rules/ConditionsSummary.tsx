import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { BOOLEAN_KEYS, type Conditions, LIST_KEYS } from './conditions';

/** "Data classes: credentials · Actions: prompt, upload" in one line. */
export function ConditionsLine({ conditions }: { conditions: Conditions | undefined }) {
  const t = useTranslate();
  const parts: string[] = [];
  for (const k of LIST_KEYS) {
    const v = conditions?.[k];
    if (v?.length) parts.push(`${t(`resources.rules.fields.conditions.${k}`)}: ${v.join(', ')}`);
  }
  for (const k of BOOLEAN_KEYS) {
    const v = conditions?.[k];
    if (typeof v === 'boolean') parts.push(`${t(`resources.rules.fields.conditions.${k}`)}: ${t(v ? 'ra.boolean.true' : 'ra.boolean.false')}`);
  }
  return <span>{parts.length ? parts.join(' · ') : t('airlock.rules.always')}</span>;
}

export function ConditionsSummary({ conditions, exceptions }: { conditions: Conditions | undefined; exceptions: Conditions[] | undefined }) {
  const t = useTranslate();
  return (
    <Box>
      <Typography variant="body2" component="div">
        <strong>{t('airlock.rules.when')}</strong> <ConditionsLine conditions={conditions} />
      </Typography>
      {exceptions?.map((e, i) => (
        <Typography key={i} variant="body2" component="div" color="text.secondary">
          <strong>{t('airlock.rules.unless')}</strong> <ConditionsLine conditions={e} />
        </Typography>
      ))}
    </Box>
  );
}
