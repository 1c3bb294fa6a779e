import { lineAround, type Detector } from '../detector';
import type { Finding } from '../finding';

/** Marking words that are also everyday words: a marking only where they stand as a stamp or a label. */
const WEAK = new Set([
  'privileged', 'proprietary', 'restricted', 'geheim', 'reservado', 'riservato', 'riservata', 'sigiloso', 'hemligt',
  'salainen', 'titkos', 'rahasia', 'rahsia', 'tajne', 'tajné', 'секретно', 'таємно', 'bảo mật', 'nội bộ', 'ลับ', 'ปกปิด',
  'سري', 'سرّي', 'सीक्रेट',
]);
const DECORATION = /[\s*_#=~|:;.,!()[\]{}<>"'`\-–—/\\【】「」『』〔〕〖〗（）：，。、・«»„“”]+/g;
/** Brackets a stamp is written in ("[CONFIDENTIAL]", "【社外秘】"); a round one (the last two) only around a word with a capital or no case, or in a title line. */
const OPENERS = '[【〔〖(（';
const CLOSERS = ']】〕〗)）';
/** a line of code or markup rather than a subject or a title: an assignment, a statement, a call, a link */
const CODE_LINE = /[=;{}]|\w\(|\]\(|=>/;

/** a sentence ends inside the line and another starts */
const SENTENCE_INSIDE = /[.!?。！？]\s+\p{Lu}/u;

const LABEL =
  /^\s*(?:subject|re|fw|fwd|classification|sensitivity|sensitivity label|label|marking|security|security classification|status|document status|handling|data classification|betreff|klassifizierung|einstufung|objet|asunto|assunto|oggetto|onderwerp|temat|předmět|ämne|emne|aihe|tárgy|subiect|konu|θέμα|тема|perihal|chủ đề|件名|主题|主題|제목|الموضوع|נושא|विषय|หัวเรื่อง)\s*[:：]\s*(?:re:\s*|fw:\s*|aw:\s*|wg:\s*|tr:\s*)*$/i;
const DISCLAIMER =
  /\b(?:this|the)\s+(?:document|e-?mail|message|communication|memo|presentation|report|information|file|deck|transmission)s?\b[^.!?]{0,60}\b(?:is|are|contains?|may contain|is intended to be)\s+(?:strictly\s+|highly\s+)?$/i;

/**
 * The length of what else a bracket around [start, end) on its line holds ("【Confidential, internal
 * recruitment only】": 26), or -1 when the match is in no bracket of its own (or only in a round one
 * and not `roundToo`): a stamp in a subject line or a table's title.
 */
function bracketRest(text: string, ls: number, le: number, start: number, end: number, roundToo: boolean): number {
  let open = -1;
  for (let i = start - 1; i >= ls && i >= start - 80; i--) {
    const c = text[i]!;
    if (CLOSERS.includes(c)) return -1;
    if (OPENERS.includes(c)) {
      open = i;
      break;
    }
  }
  if (open < 0) return -1;
  const kind = OPENERS.indexOf(text[open]!);
  if (kind >= 4 && !roundToo) return -1; // "(confidential)" in a sentence
  for (let i = end; i < le && i < end + 80; i++) {
    const c = text[i]!;
    if (OPENERS.includes(c)) return -1;
    if (CLOSERS.includes(c)) return CLOSERS.indexOf(c) === kind ? (text.slice(open + 1, start) + text.slice(end, i)).replace(DECORATION, ' ').trim().length : -1;
  }
  return -1;
}

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
  const caps = matched === matched.toUpperCase() && /\p{Lu}{4}/u.test(matched);
  const title = !caps && /^\p{Lu}/u.test(matched);
  /** a script without capitals (CJK, Arabic, Hebrew, Thai, Devanagari): no case tells a stamp from a word */
  const caseless = matched.toLowerCase() === matched.toUpperCase();
  // (the Turkish capital İ: its small form is "i" and a dot above in JavaScript)
  const weak = WEAK.has(matched.replace(/İ/g, 'i').toLowerCase());
  if (rest === 0) return weak && !caps ? 0.6 : 0.93;
  // a stamp in brackets ("Subject: [CONFIDENTIAL] Q3", "件名：【社外秘】休職") or after a dash in a title or subject line
  // ("Onderwerp: Re-integratie – vertrouwelijk"); not in code, markup or a quoted string (`z.enum(["internal", "confidential"])`,
  // `[Azure Confidential Computing](…)`, `t('Confidential')`)
  const line = text.slice(ls, le);
  const quoted = /["'`]/.test(text[start - 1] ?? '') || /["'`]/.test(text[end] ?? '');
  if (!quoted && !CODE_LINE.test(line)) {
    const heading = line.trim().length <= 120 && !SENTENCE_INSIDE.test(line) && !/[.?。？]\s*$/.test(line);
    // (a word in small letters only in a title's brackets, not a log line's tag: "[10:22:13] [confidential] …")
    const lower = !caps && !title && !caseless;
    const inBracket = bracketRest(text, ls, le, start, end, !lower || heading);
    if (inBracket >= 0 && inBracket <= 50 && (!lower || (heading && !/\d:\d\d/.test(line)))) return weak ? (caps || caseless ? 0.8 : 0.4) : 0.9;
    // in such a line, right after a dash or a bar: "Senior Engineer – Confidential, internal recruitment only"
    if (heading && !weak && /(?:^|\s)[-–—|]\s*$/.test(text.slice(ls, start))) return 0.85;
  }
  // a labelled field: "Subject: Confidential - Q3", "Sensitivity: Internal Use Only", "Classification: RESTRICTED"
  if (LABEL.test(text.slice(ls, start)) && !(weak && !caps && !/^(?:classification|sensitivity|label|marking|security|handling)/i.test(text.slice(ls, start).trim()))) return 0.88;
  if (caps) return weak ? (rest <= 40 ? 0.8 : 0.4) : rest <= 60 ? 0.92 : 0.85;
  // disclaimer sentence: "This e-mail (and any attachments) is privileged & confidential ..."
  if (DISCLAIMER.test(text.slice(Math.max(ls, start - 120), start))) return 0.8;
  if (weak) return 0.1;
  // a caseless stamp at the start of its line, a separator, the line's end or a few characters after it ("内部资料 严禁外传",
  // "기밀 – 인사팀 전용"; not "기밀 유지 서약서 제출 부탁드립니다")
  if (caseless) return lead.length === 0 && (trail.length <= 12 || /^[ \t]*(?:[-–—|:：\]】)]|$)/.test(text.slice(end, le))) && !/[.!?。！？]\s*$/.test(text.slice(end, le)) ? 0.85 : 0.3;
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
