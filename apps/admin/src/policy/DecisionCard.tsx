import { Alert, Box, Card, CardContent, Chip, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { EffectChip, ProviderStatusChip } from '../common/chips';
import { HighlightedText } from '../common/Highlight';
import { useDataClassLabel } from '../common/labels';
import type { Decision } from './types';

type NotCounted = Decision['notCounted'][number];

/** "4111 1111 1111 1111 — Financial details: a documented test value (a test card number, an address at a documentation domain such as example.com), never a real one". */
function NotCountedList({ items, text }: { items: NotCounted[]; text: string }) {
  const t = useTranslate();
  const classLabel = useDataClassLabel();
  return (
    <>
      <Typography variant="subtitle2" component="h4">
        {t('airlock.simulator.notCounted.title', { smart_count: items.length })}
      </Typography>
      <List dense disablePadding aria-label={t('airlock.simulator.notCounted.label')} data-testid="not-counted">
        {items.map((f, i) => (
          <ListItem key={`${f.start}-${i}`} disableGutters>
            <ListItemText
              primary={
                <>
                  <Box component="code" sx={{ bgcolor: 'action.hover', px: 0.5, borderRadius: 0.5 }}>
                    {text.slice(f.start, f.end)}
                  </Box>{' '}
                  — {classLabel(f.dataClass)}
                </>
              }
              secondary={t(`airlock.simulator.notCounted.${f.reason}`, { confidence: f.confidence, threshold: f.threshold })}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}

/** One decision with every reason, as the decision API would answer. */
export function DecisionCard({ title, decision, text, testId }: { title: string; decision: Decision | null; text?: string; testId: string }) {
  const t = useTranslate();
  const classLabel = useDataClassLabel();
  // classes found in the text, and the others (given by the client, implied by the file name)
  const found = [...new Set((decision?.findings ?? []).map((f) => f.dataClass))];
  const given = (decision?.dataClasses ?? []).filter((c) => !found.includes(c));
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
            {found.length ? (
              <Typography variant="body2" data-testid="classes-found">
                {t('airlock.simulator.classesFound')}: {found.map(classLabel).join(', ')}
              </Typography>
            ) : null}
            {given.length ? (
              <Typography variant="body2" data-testid="classes-given">
                {t('airlock.simulator.classesGiven')}: {given.map(classLabel).join(', ')}
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
                <HighlightedText text={text} findings={decision.findings} label={t('airlock.simulator.findingsLabel')} classLabel={classLabel} />
              </>
            ) : null}
            {text && decision.notCounted?.length ? <NotCountedList items={decision.notCounted} text={text} /> : null}
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
