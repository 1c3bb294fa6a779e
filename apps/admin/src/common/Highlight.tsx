import { Box, Tooltip } from '@mui/material';
import type { ReactNode } from 'react';

export interface Finding {
  dataClass: string;
  detector: string;
  start: number;
  end: number;
  confidence?: number | string;
}

/** The sample text with every finding marked (<mark>), its data class and detector on hover. */
export function HighlightedText({ text, findings, label, classLabel = (k) => k }: { text: string; findings: Finding[]; label: string; classLabel?: (key: string) => string }) {
  const sorted = [...findings].filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let pos = 0;
  sorted.forEach((f, i) => {
    if (f.start < pos) return; // overlapping: the first (longest) wins
    if (f.start > pos) parts.push(text.slice(pos, f.start));
    parts.push(
      <Tooltip key={i} title={classLabel(f.dataClass)}>
        <Box
          component="mark"
          data-finding={f.dataClass}
          aria-label={`${text.slice(f.start, f.end)} (${classLabel(f.dataClass)})`}
          sx={{ bgcolor: 'warning.main', color: 'warning.contrastText', borderRadius: 0.5, px: 0.25 }}
        >
          {text.slice(f.start, f.end)}
        </Box>
      </Tooltip>,
    );
    pos = f.end;
  });
  if (pos < text.length) parts.push(text.slice(pos));
  return (
    <Box
      component="pre"
      aria-label={label}
      sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'monospace', fontSize: 14, p: 1.5, m: 0, bgcolor: 'action.hover', borderRadius: 1 }}
    >
      {parts}
    </Box>
  );
}
