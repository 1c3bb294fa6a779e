import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, TextField, Tooltip } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

/**
 * A new API key, shown this once: a copy button and a warning that it will not be shown again.
 * Only the button closes it: Escape or a click beside the dialog would lose a key that cannot be
 * shown again.
 */
export function KeyOnceDialog({ apiKey, name, onClose }: { apiKey: string | null; name: string; onClose: () => void }) {
  const t = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!apiKey) return;
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied(true);
    } catch {
      (document.getElementById('new-api-key') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <Dialog open={!!apiKey} aria-labelledby="key-once-title" fullWidth maxWidth="sm">
      <DialogTitle id="key-once-title">{t('airlock.apiClients.keyTitle', { name })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('airlock.apiClients.keyWarning')}
        </Alert>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <TextField
            id="new-api-key"
            label={t('airlock.apiClients.key')}
            value={apiKey ?? ''}
            fullWidth
            slotProps={{ htmlInput: { readOnly: true, spellCheck: false, 'data-testid': 'new-api-key', style: { fontFamily: 'monospace' } } }}
            onFocus={(e) => e.target.select()}
          />
          <Tooltip title={copied ? t('airlock.apiClients.copied') : t('airlock.apiClients.copy')}>
            <IconButton onClick={() => void copy()} aria-label={t('airlock.apiClients.copy')}>
              <ContentCopyIcon />
            </IconButton>
          </Tooltip>
        </Box>
        {copied ? (
          <Alert severity="success" sx={{ mt: 1 }} role="status">
            {t('airlock.apiClients.copied')}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {t('airlock.apiClients.stored')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
