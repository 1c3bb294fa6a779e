import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import ScienceIcon from '@mui/icons-material/Science';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { apiSend, errorMessage } from '../api/http';
import { HighlightedText, type Finding } from '../common/Highlight';
import { useDataClassLabel } from '../common/labels';

/** Tries the detector being edited (unsaved) against sample text and highlights what it finds. */
export function DetectorTester() {
  const t = useTranslate();
  const form = useFormContext();
  const classLabel = useDataClassLabel();
  const [sample, setSample] = useState('');
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [tested, setTested] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const test = async () => {
    const v = form.getValues();
    const detector = {
      name: v.name || 'test',
      kind: v.kind,
      dataClass: v.dataClass,
      patterns: (v.patterns ?? []).filter((p: string) => p),
      caseSensitive: !!v.caseSensitive,
      wholeWord: v.wholeWord !== false,
      enabled: true,
    };
    setBusy(true);
    setError(null);
    try {
      const res = await apiSend<{ findings: Finding[] }>('/api/detectors/test', 'POST', { sample, detector });
      setFindings(res.findings);
      setTested(sample);
    } catch (err) {
      setFindings(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined" sx={{ width: '100%', mt: 2 }}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h6" component="h2">
          {t('airlock.detectors.testTitle')}
        </Typography>
        <TextField
          id="detector-sample"
          label={t('airlock.detectors.sample')}
          helperText={t('airlock.detectors.sampleHelp')}
          value={sample}
          onChange={(e) => setSample(e.target.value)}
          multiline
          minRows={3}
          fullWidth
        />
        <Box>
          <Button variant="outlined" startIcon={<ScienceIcon />} onClick={() => void test()} disabled={busy || !sample}>
            {t('airlock.detectors.test')}
          </Button>
        </Box>
        {error ? (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        ) : null}
        {findings ? (
          <Box aria-live="polite">
            <Typography variant="body2" gutterBottom data-testid="detector-findings-count">
              {findings.length ? t('airlock.detectors.found', { smart_count: findings.length }) : t('airlock.detectors.nothingFound')}
            </Typography>
            <HighlightedText text={tested} findings={findings} label={t('airlock.detectors.highlighted')} classLabel={classLabel} />
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
}
