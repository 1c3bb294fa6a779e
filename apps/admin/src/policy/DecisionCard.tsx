import { Alert, Box, Card, CardContent, Chip, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EffectChip, ProviderStatusChip } from '../common/chips';
import { HighlightedText } from '../common/Highlight';
import type { Decision } from './types';

/** One decision with every reason, as the decision API would answer. */
export function DecisionCard({ title, decision, text, testId }: { title: string; decision: Decision | null; text?: string; testId: string }) {
  const t = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h3" gutterBottom>
          {title}
        </Typography>
        {!decision ? (
          <Alert severity="info">{t('airlock.simulator.noPublished')}</Alert>
        ) : (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <Typography variant="body1">{t('airlock.simulator.effect')}</Typography>
              <EffectChip effect={decision.effect} size="medium" />
            </Box>
            {decision.provider ? (
              <Typography variant="body2" component="div">
                {t('airlock.simulator.provider')}: <strong>{decision.provider.name}</strong> <ProviderStatusChip status={decision.provider.status} />{' '}
                {t('airlock.risk.score', { score: decision.provider.riskScore })}
              </Typography>
            ) : decision.destination ? (
              <Typography variant="body2">
                {t('airlock.simulator.destination')}: {decision.destination.host ?? '—'}{' '}
                {decision.destination.unknownAi ? <Chip size="small" label={t('airlock.simulator.unknownAi')} /> : null}
              </Typography>
            ) : null}
            {decision.networkZones?.length ? (
              <Typography variant="body2">
                {t('airlock.simulator.zones')}: {decision.networkZones.join(', ')}
              </Typography>
            ) : null}
            {decision.dataClasses?.length ? (
              <Typography variant="body2">
                {t('airlock.simulator.dataClasses')}: {decision.dataClasses.join(', ')}
              </Typography>
            ) : null}
            <Typography variant="subtitle2" component="h4">
              {t('airlock.simulator.reasons')}
            </Typography>
            <List dense disablePadding>
              {decision.reasons.map((r, i) => (
                <ListItem key={`${r.ruleId}-${i}`} disableGutters alignItems="flex-start">
                  <ListItemText
                    primary={
                      <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                        <EffectChip effect={r.effect} /> <code>{r.ruleId}</code>
                      </Box>
                    }
                    secondary={
                      <>
                        {r.message}
                        {r.guidanceUrl ? (
                          <>
                            {' '}
                            <Link href={r.guidanceUrl} target="_blank" rel="noopener noreferrer">
                              {t('airlock.simulator.guidance')}
                            </Link>
                          </>
                        ) : null}
                      </>
                    }
                  />
                </ListItem>
              ))}
            </List>
            {text && decision.findings?.length ? (
              <>
                <Typography variant="subtitle2" component="h4">
                  {t('airlock.simulator.findings', { smart_count: decision.findings.length })}
                </Typography>
                <HighlightedText text={text} findings={decision.findings} label={t('airlock.simulator.findingsLabel')} />
              </>
            ) : null}
            {decision.redactedText !== undefined ? (
              <>
                <Typography variant="subtitle2" component="h4">
                  {t('airlock.simulator.redacted')}
                </Typography>
                <Box component="pre" sx={{ whiteSpace: 'pre-wrap', m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 14 }}>
                  {decision.redactedText}
                </Box>
              </>
            ) : null}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
