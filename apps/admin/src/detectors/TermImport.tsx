import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, MenuItem, TextField, Typography } from '@mui/material';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { csvColumn, csvColumns, DETECTOR_MAX_PATTERNS, looksLikeHeader, mergeTerms, parseCsv, splitLines, type MergeResult } from './term-list';

/** A CSV file is read whole in the browser: larger than this is not a term list. */
const MAX_CSV_BYTES = 20 * 1024 * 1024;

interface CsvState {
  fileName: string;
  rows: string[][];
  header: boolean;
  column: number;
}

/**
 * Adds many terms at once to a keyword or dictionary detector: pasted one per line, or a column of
 * a CSV file. Says what was added and what was skipped; refuses a list over the contract's limit.
 */
export function TermImport() {
  const t = useTranslate();
  const form = useFormContext();
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  const [pasted, setPasted] = useState('');
  const [csv, setCsv] = useState<CsvState | null>(null);
  const [result, setResult] = useState<{ severity: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  if (kind === 'regex') return null;

  const summary = (r: MergeResult): { severity: 'success' | 'warning' | 'error'; text: string } => {
    if (r.overLimit) return { severity: 'error', text: t('airlock.detectors.import.overLimit', { max: DETECTOR_MAX_PATTERNS.toLocaleString() }) };
    const parts = [t('airlock.detectors.import.added', { smart_count: r.added })];
    if (r.duplicates) parts.push(t('airlock.detectors.import.duplicates', { smart_count: r.duplicates }));
    if (r.blank) parts.push(t('airlock.detectors.import.blank', { smart_count: r.blank }));
    if (r.tooLong) parts.push(t('airlock.detectors.import.tooLong', { smart_count: r.tooLong }));
    return { severity: r.tooLong ? 'warning' : 'success', text: `${parts.join(' · ')}.` };
  };
  const add = (candidates: string[]) => {
    const existing = ((form.getValues('patterns') as string[] | undefined) ?? []).filter((p) => typeof p === 'string' && p !== '');
    const r = mergeTerms(existing, candidates);
    if (!r.overLimit && r.added > 0) form.setValue('patterns', r.patterns, { shouldDirty: true, shouldValidate: true });
    setResult(summary(r));
    return r;
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setResult(null);
    if (file.size > MAX_CSV_BYTES) {
      setCsv(null);
      setResult({ severity: 'error', text: t('airlock.detectors.import.fileTooLarge', { name: file.name }) });
      return;
    }
    const rows = parseCsv(await file.text());
    if (!rows.length) {
      setCsv(null);
      setResult({ severity: 'error', text: t('airlock.detectors.import.emptyFile', { name: file.name }) });
      return;
    }
    setCsv({ fileName: file.name, rows, header: looksLikeHeader(rows), column: 0 });
  };

  const columns = csv ? csvColumns(csv.rows, csv.header) : [];
  const fromCsv = csv ? csvColumn(csv.rows, csv.column, csv.header) : [];
  return (
    <Card variant="outlined" sx={{ width: '100%', mb: 2 }} component="section" aria-labelledby="term-import-title">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        <Typography variant="subtitle1" component="h2" id="term-import-title">
          {t('airlock.detectors.import.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('airlock.detectors.import.explain')}
        </Typography>
        <TextField id="term-paste" label={t('airlock.detectors.import.paste')} value={pasted} onChange={(e) => setPasted(e.target.value)} multiline minRows={3} maxRows={10} fullWidth />
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button
            variant="outlined"
            startIcon={<PlaylistAddIcon />}
            disabled={!pasted.trim()}
            onClick={() => {
              const r = add(splitLines(pasted));
              if (!r.overLimit) setPasted('');
            }}
          >
            {t('airlock.detectors.import.addPasted')}
          </Button>
          <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()}>
            {t('airlock.detectors.import.upload')}
          </Button>
          <input ref={fileInput} type="file" hidden accept=".csv,.txt,text/csv,text/plain" aria-label={t('airlock.detectors.import.upload')} onChange={(e) => void onFile(e)} />
        </Box>
        {csv ? (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }} data-testid="csv-import">
            <Typography variant="body2">{t('airlock.detectors.import.file', { name: csv.fileName, smart_count: csv.rows.length })}</Typography>
            <TextField select size="small" id="csv-column" label={t('airlock.detectors.import.column')} value={csv.column} onChange={(e) => setCsv({ ...csv, column: Number(e.target.value) })} sx={{ minWidth: 180 }}>
              {columns.map((c) => (
                <MenuItem key={c.index} value={c.index}>
                  {c.name.startsWith('#') && !csv.header ? t('airlock.detectors.import.columnN', { n: c.index + 1 }) : c.name}
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel control={<Checkbox checked={csv.header} onChange={(e) => setCsv({ ...csv, header: e.target.checked })} />} label={t('airlock.detectors.import.header')} />
            <Button
              variant="contained"
              onClick={() => {
                const r = add(fromCsv);
                if (!r.overLimit) setCsv(null);
              }}
            >
              {t('airlock.detectors.import.addCsv', { smart_count: fromCsv.filter((c) => c.trim()).length })}
            </Button>
          </Box>
        ) : null}
        {result ? (
          <Alert severity={result.severity} role="status" data-testid="term-import-result">
            {result.text}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
