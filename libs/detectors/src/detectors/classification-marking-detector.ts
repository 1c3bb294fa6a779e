import { lineAround, type Detector } from '../detector';
import type { Finding } from '../finding';

const WEAK = /^(?:privileged|proprietary|restricted)$/i;
const DECORATION = /[\s*_#=~|:;.,!()[\]{}<>"'`\-–—/\\]+/g;

const LABEL = /^\s*(?:subject|re|fw|fwd|classification|sensitivity|sensitivity label|label|marking|security|security classification|status|document status|handling|data classification)\s*:\s*(?:re:\s*|fw:\s*)*$/i;
const DISCLAIMER =
  /\b(?:this|the)\s+(?:document|e-?mail|message|communication|memo|presentation|report|information|file|deck|transmission)s?\b[^.!?]{0,60}\b(?:is|are|contains?|may contain|is intended to be)\s+(?:strictly\s+|highly\s+)?$/i;


/**
 * Confidence that the match at [start, end) is a document marking rather than the word in prose:
 * alone (or nearly) on its line = header/footer/stamp; ALL CAPS = stamp; at line start followed by
 * a colon or dash = label; otherwise prose (low, filtered by default).
 */
export function markingConfidence(text: string, start: number, end: number, matched: string): number {
  const [ls, le] = lineAround(text, start, 300);
  const lead = text.slice(ls, start).replace(DECORATION, ' ').trim();
  const trail = text.slice(end, le).replace(DECORATION, ' ').trim();
  const rest = lead.length + trail.length;
  const caps = matched === matched.toUpperCase() && /[A-Z]{4}/.test(matched);
  const title = !caps && /^[A-Z]/.test(matched);
  const weak = WEAK.test(matched);
  if (rest === 0) return weak && !caps ? 0.6 : 0.93;
  // a labelled field: "Subject: Confidential - Q3", "Sensitivity: Internal Use Only", "Classification: RESTRICTED"
  if (LABEL.test(text.slice(ls, start)) && !(weak && !caps && !/^(?:classification|sensitivity|label|marking|security|handling)/i.test(text.slice(ls, start).trim()))) return 0.88;
  if (caps) return weak ? (rest <= 40 ? 0.8 : 0.4) : rest <= 60 ? 0.92 : 0.85;
  // disclaimer sentence: "This e-mail (and any attachments) is privileged & confidential ..."
  if (DISCLAIMER.test(text.slice(Math.max(ls, start - 120), start))) return 0.8;
  if (weak) return 0.1;
  if (title) {
    if (lead.length === 0 && trail.length <= 50 && /^\s*[:\-–—|([]|^\s*$/.test(text.slice(end, end + 3))) return 0.88;
    if (lead.length === 0 && trail.length <= 40 && !/[.!?]\s*$/.test(text.slice(end, le))) return 0.8;
    if (lead.length <= 40 && trail.length <= 10 && /[|\-–—•·]\s*$/.test(text.slice(ls, start))) return 0.85;
    // a footer/header cell between separators: "© 2024 Acme | Company Confidential | Page 3"
    if (/[|–—•·]\s*$/.test(text.slice(ls, start)) && /^\s*(?:[|–—•·]|$)/.test(text.slice(end, le))) return 0.85;
    return 0.35;
  }
  return 0.3;
}

/** Classification markings ("Confidential", "Internal use only", "Attorney-client privileged", ...) used as markings. */
export const classificationMarkingDetector: Detector = {
  entries: [{ id: 'classification-marking', dataClass: 'company_confidential', description: 'Classification markings in headers, footers and stamps' }],
  detect({ text, keywords }, out: Finding[]) {
    const { starts, ends } = keywords.hits('marking');
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!, end = ends[i]!;
      out.push({ dataClass: 'company_confidential', detector: 'classification-marking', start, end, confidence: markingConfidence(text, start, end, text.slice(start, end)) });
    }
  },
};
