import { BUILT_IN_DETECTORS } from './built-in-detectors';
import type { DetectorInfo } from './detector';

/** Detector catalogue for the admin UI: every id a built-in finding may carry, with its class. */
export const DETECTORS: readonly DetectorInfo[] = Object.freeze([
  ...BUILT_IN_DETECTORS.flatMap((d) => d.entries),
  { id: 'org-marking', dataClass: 'company_confidential', description: "The organization's own classification markings (from config)" },
]);
