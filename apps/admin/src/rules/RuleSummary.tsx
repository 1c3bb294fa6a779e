import { Alert, Box, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { RuleImpactOutput } from '@airlock/contracts/types';
import { describeRule } from '@airlock/contracts/rule-sentence';
import { apiSend, errorMessage } from '../api/http';
import { EffectChip } from '../common/chips';
import { usePermission } from '../common/hooks';
import { cleanConditions } from './conditions';
import { useRuleVocabulary } from './ConditionsInputs';

/** What the rule says, as the form holds it now: clean conditions, exceptions that are not empty groups. */
function useEditedRule() {
  const [conditions, exceptions, effect, enabled] = useWatch({ name: ['conditions', 'exceptions', 'effect', 'enabled'] }) as [unknown, unknown, string | undefined, boolean | undefined];
  const when = cleanConditions(conditions);
  const unless = (Array.isArray(exceptions) ? exceptions : []).map(cleanConditions).filter((e) => Object.keys(e).length > 0);
  return { conditions: when, exceptions: unless, effect: effect ?? 'warn', enabled: enabled !== false };
}

/** The rule in one sentence, live as it is edited ("Block when the data is health data and ..."). */
export function RuleSentence() {
  const t = useTranslate();
  const { label } = useRuleVocabulary();
  const rule = useEditedRule();
  return (
    <Box data-testid="rule-sentence" sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover', width: '100%' }}>
      <Typography variant="overline" component="p" color="text.secondary">
        {t('airlock.ruleForm.sentenceTitle')}
      </Typography>
      <Typography variant="body1" component="p" aria-live="polite">
        {describeRule(rule, label)}
        {rule.enabled ? '' : ` ${t('airlock.ruleForm.sentenceDisabled')}`}
      </Typography>
    </Box>
  );
}

const DEBOUNCE_MS = 600;

/**
 * How many recent logged decisions the rule as edited would match and change (POST
 * /api/policy/rule-impact), asked again a moment after the last edit; an answer to an older edit is
 * never shown over a newer one.
 */
export function RuleImpactCount({ replaces }: { replaces?: string }) {
  const t = useTranslate();
  const canSimulate = usePermission('policy.simulate');
  const rule = useEditedRule();
  const body = JSON.stringify({ ...(replaces ? { replaces } : {}), enabled: rule.enabled, conditions: rule.conditions, exceptions: rule.exceptions, effect: rule.effect });
  const [state, setState] = useState<{ body: string; result?: RuleImpactOutput; error?: string } | null>(null);
  useEffect(() => {
    if (!canSimulate) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      apiSend<RuleImpactOutput>('/api/policy/rule-impact', 'POST', JSON.parse(body) as unknown).then(
        (result) => current && setState({ body, result }),
        (err: unknown) => current && setState({ body, error: errorMessage(err) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [body, canSimulate]);
  if (!canSimulate) return null;
  const fresh = state?.body === body;
  const r = state?.result;
  return (
    <Box data-testid="rule-impact" sx={{ width: '100%' }}>
      {state?.error ? (
        <Alert severity="warning" variant="outlined">
          {t('airlock.ruleForm.impact.error', { error: state.error })}
        </Alert>
      ) : r ? (
        <Stack spacing={0.5} aria-busy={!fresh}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" role="status">
              {t('airlock.ruleForm.impact.count', { matched: r.matched, replayed: r.replayed, changed: r.changed, smart_count: r.replayed })}
              {rule.enabled ? '' : ` ${t('airlock.ruleForm.impact.ifEnabled')}`}
            </Typography>
            {fresh ? null : <CircularProgress size={14} aria-label={t('airlock.ruleForm.impact.counting')} />}
          </Stack>
          {r.transitions.length ? <Transitions list={r.transitions} /> : null}
          {r.edit ? (
            <Typography variant="body2" color="text.secondary" data-testid="rule-impact-edit">
              {t('airlock.ruleForm.impact.edit', { smart_count: r.edit.changed })}
            </Typography>
          ) : null}
          {r.edit?.transitions.length ? <Transitions list={r.edit.transitions} /> : null}
          {r.warnings.map((w) => (
            <Typography key={w.path} variant="caption" color="warning.main">
              {w.message}
            </Typography>
          ))}
          {r.limitations.map((l) => (
            <Typography key={l.code} variant="caption" color="text.secondary">
              {l.message}
              {l.items.length ? ` (${l.items.join(', ')})` : ''}
            </Typography>
          ))}
        </Stack>
      ) : (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <CircularProgress size={14} aria-label={t('airlock.ruleForm.impact.counting')} />
          <Typography variant="body2" color="text.secondary">
            {t('airlock.ruleForm.impact.counting')}
          </Typography>
        </Stack>
      )}
    </Box>
  );
}

function Transitions({ list }: { list: RuleImpactOutput['transitions'] }) {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {list.map((x) => (
        <Chip
          key={`${x.before}-${x.after}`}
          size="small"
          variant="outlined"
          label={
            <span>
              {x.count}: <EffectChip effect={x.before} /> → <EffectChip effect={x.after} />
            </span>
          }
          sx={{ height: 'auto', py: 0.25 }}
        />
      ))}
    </Stack>
  );
}

