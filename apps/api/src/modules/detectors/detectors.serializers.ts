import { iso } from '../../common/list-response';
import type { DetectorOutput } from '@airlock/contracts';
import type { CustomDetector } from '../../generated/prisma/client';

export const toDetectorOutput = (d: CustomDetector): DetectorOutput => ({
  id: d.id,
  name: d.name,
  description: d.description,
  kind: d.kind,
  dataClass: d.dataClass,
  patterns: d.patterns,
  patternCount: d.patterns.length,
  caseSensitive: d.caseSensitive,
  wholeWord: d.wholeWord,
  enabled: d.enabled,
  createdAt: iso(d.createdAt),
  updatedAt: iso(d.updatedAt),
});
