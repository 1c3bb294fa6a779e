import type { Finding } from '../finding';
import { lowerBound } from '../detector';

/**
 * The values of a diagnosis's, a treatment's or a medication's field in some thirty languages, for the
 * health detector (health-detector.ts), which passes the label words' hits and its clinical test.
 */

/** a diagnosis's, a treatment's or a medication's label: at a line's start, at most two words before the word (BEFORE) and three after it, then a colon (AFTER) */
const DIAGNOSIS_LABEL_BEFORE = /^[ \t]*(?:[-*•][ \t]*)?(?:[\p{L}.]+[ \t]+){0,2}$/u;
const DIAGNOSIS_LABEL_AFTER = /^(?:[ \t]+[\p{L}.]+){0,3}[ \t]*[:：][ \t]*/u;
/** a severity or a stage alone, an item's qualifier ("anxiety disorder, mild") */
const QUALIFIER = /^(?:mild|moderate|severe|chronic|acute|stable|stage \w+|grade \w+|type \w+|leicht|mittel|schwer|léger|légère|modéré|sévère|lieve|moderata|grave|leve|moderada|severa)$/iu;
/** a program's or a machine's fault, a data type: an IT ticket's "Diagnosis: null pointer in search index", an API's "Diagnosis: string" */
const TECHNICAL =
  /(?:^|[^\p{L}])(?:null|pointer|index|server|script|timeout|string|array|boolean|integer|text|api|database|cache|memory leak|disk|network|firmware|driver|bug|crash|error|config|deploy|cpu|ram|ssl|dns|http|json|sql)(?:[^\p{L}]|$)|服务器|内存|网络|故障|サーバ|ネットワーク|障害|서버|네트워크|장애|과부하|batch|criteria|(?:table|chapter|section|page|figure)[ \t]*\d|disco duro|servidor|red\b/iu;
/** a value that says there is none, or is still to come */
const NO_DIAGNOSIS =
  /^(?:none|n\/a|na|nil|pending|unknown|tbd|tbc|keine|ninguno|ninguna|nessuna|nessuno|aucun|aucune|brak|нет|немає|yok|geen|ingen|ei|nincs|없음|无|無|なし|-+)$|^(?:please|list|see|to be|awaiting|as discussed|as above|refer|describe|enter|fill|select|bitte|siehe|voir|ver|vedi|zie)\b/iu;

/**
 * The value of a diagnosis's, a treatment's or a medication's field in any language, whatever its
 * words ("Diagnózis: pitvarfibrilláció", "Diagnose: Morbus Bechterew", "निदान: उच्च रक्तचाप, टाइप 2
 * मधुमेह", "Terapia domiciliare: ossigenoterapia 2 L/min, tiotropio 18 mcg/die"): each item of the
 * list after the label up to the line's end (commas and semicolons between, a code in brackets left
 * to the code's reader), one to six words, no sentence; in a clinical text (a term of the
 * vocabularies near; not a machine's "Fault diagnosis: loose connector"), not where a term found
 * there already covers it, nor in news or teaching text. `labels`: the label words' hits.
 */
export function healthFields(
  text: string,
  labels: { starts: readonly number[]; ends: readonly number[] },
  detector: string,
  first: number,
  out: Finding[],
  notClinical: (a: number, b: number) => boolean,
): void {
  if (labels.starts.length === 0) return;
  // the health findings so far by start, for a bisection per item (a list of thousands of fields stays linear)
  const found = out.slice(first).filter((f) => f.dataClass === 'health_data').sort((x, y) => x.start - y.start);
  const foundStarts = found.map((f) => f.start);
  const longest = found.reduce((m, f) => Math.max(m, f.end - f.start), 0);
  const covered = (a: number, b: number): boolean => {
    for (let i = lowerBound(foundStarts, b) - 1; i >= 0 && foundStarts[i]! >= a - longest; i--) if (found[i]!.end > a) return true;
    return false;
  };
  for (let k = 0; k < labels.starts.length; k++) {
    const s = labels.starts[k]!, e = labels.ends[k]!;
    // (the line's start at most 40 characters back, its end at most 300 on: a long line with a label word in every sentence stays linear)
    let lineStart = s;
    while (lineStart > 0 && s - lineStart <= 40 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    if ((lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) || !DIAGNOSIS_LABEL_BEFORE.test(text.slice(lineStart, s))) continue;
    let lineEnd = e;
    while (lineEnd < text.length && lineEnd - e < 300 && text.charCodeAt(lineEnd) !== 10) lineEnd++;
    const after = DIAGNOSIS_LABEL_AFTER.exec(text.slice(e, Math.min(lineEnd, e + 60)));
    if (after === null || notClinical(s, lineEnd)) continue;
    let i = e + after[0].length;
    /** after an item's bracket, up to the next separator, the rest of that item ("פסוריאזיס (L40.0) בדרגה בינונית"): the finding pushed for it, if any, grows */
    let rest = false;
    let item: Finding | undefined;
    while (i < lineEnd) {
      let j = i;
      while (j < lineEnd && !',;(（、،'.includes(text[j]!)) j++;
      const [a, b] = trimmed(text, i, j);
      const value = text.slice(a, b);
      if (rest) {
        // (a qualifier of up to three words, no digits: "בדרגה בינונית"; not "per Dr. Anna Schmidt", a name and a number;
        // nothing to grow when the item was a term found there already)
        if (item !== undefined && b > a && value.split(/\s+/).length <= 3 && !/\d/.test(value) && !/\p{Lu}\p{Ll}*\s+\p{Lu}/u.test(value)) item.end = b;
      } else if (b - a >= 3 && value.split(/\s+/).length <= 6 && /^\p{L}/u.test(value) && !NO_DIAGNOSIS.test(value) && !QUALIFIER.test(value) && !TECHNICAL.test(value) && !/[.!?]\s/.test(value) && !covered(a, b)) {
        item = { dataClass: 'health_data', detector, start: a, end: b, confidence: 0.8 };
        out.push(item);
      }
      // (past a bracket's code, "(J44.1)", to the rest of the item)
      if (text[j] === '(' || text[j] === '（') {
        // (looked for up to the line's end only: a line of unclosed brackets stays linear)
        const q = text[j] === '(' ? ')' : '）';
        let close = j + 1;
        while (close < lineEnd && text[close] !== q) close++;
        i = close >= lineEnd ? lineEnd : close + 1;
        rest = true;
      } else {
        i = j + 1;
        rest = false;
        item = undefined;
      }
    }
  }
}

function trimmed(text: string, a: number, b: number): [number, number] {
  while (a < b && /[\s"'“”«»]/.test(text[a]!)) a++;
  while (b > a && /[\s."'“”«»:]/.test(text[b - 1]!)) b--;
  return [a, b];
}
