/**
 * The lines of a text that list people ("Present: Dr Okonkwo, Rui, Tamsin (notes), Kwabena"), for the
 * person-name detector (person-name-detector.ts): once two names of a line are found, its other
 * items are names too.
 */
import type { Finding } from '../finding';

/** the separators of a list's items, in several languages */
const ITEM_SEPARATOR = /[ \t]*(?:[,;]|[ \t](?:and|y|e|et|und|en|og|och|dan|i|ve|és)[ \t])[ \t]*/giu;
/**
 * an item: a title, one to three capitalised words (group 1), a role in brackets or the words said of them after it
 * (a word: a capital, small letters, and more capitalised parts after an apostrophe or a hyphen or none, "McDonald",
 * "O'Brien", "Jean-Luc"; written so that no two quantifiers can share a letter: the earlier `(?:\p{Ll}+|…)+` tried every
 * split of a long word, ~1 s for 1 MB of lists)
 */
const WORD = `\\p{Lu}(?=[\\p{L}'’-])\\p{Ll}*(?:['’-]?\\p{Lu}\\p{Ll}+)*`;
const ITEM = new RegExp(
  `^[ \\t]*(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|M|Mme|Mlle|Pak|Bu|Sr|Sra|Herr|Frau|Pan|Pani|Ing|Dott|Avv|Lic)\\.?[ \\t]+)?(${WORD}(?:[ \\t]${WORD}){0,2})(?=[ \\t]*(?:\\([^()\\n]{1,30}\\))?[ \\t]*$|[ \\t]+\\p{Ll})`,
  'u',
);

/**
 * The items of a line's list of people not found yet, on a line where two or more names were found:
 * each item (between ',', ';' and "and" of several languages, after a label's colon) that is one to
 * three capitalised words (after a title, before a role in brackets or what is said of them) none of
 * which is a word `excluded` names (an English word, a place, a firm...), and, on a line without a
 * label, one of which a name list knows (`listed`): not "Ana Ruiz, Tom Berg, Globex and Initech".
 */
export function listedPeople(text: string, out: readonly Finding[], excluded: (lower: string) => boolean, listed: (lower: string) => boolean): Finding[] {
  const names = out.filter((f) => f.detector === 'person-name').sort((a, b) => a.start - b.start);
  const found: Finding[] = [];
  for (let i = 0; i < names.length; ) {
    // the findings on this line
    const ls = text.lastIndexOf('\n', names[i]!.start - 1) + 1;
    let le = text.indexOf('\n', names[i]!.start);
    if (le === -1) le = text.length;
    let j = i;
    while (j < names.length && names[j]!.start < le) j++;
    if (j - i >= 2 && le - ls <= 400) {
      // (the colon looked for on the line only: a search of the text would cross every later line)
      const colon = text.slice(ls, names[i]!.start).indexOf(':');
      const from = colon !== -1 ? ls + colon + 1 : ls;
      const line = text.slice(from, le);
      ITEM_SEPARATOR.lastIndex = 0;
      let at = 0;
      for (let m = ITEM_SEPARATOR.exec(line); ; m = ITEM_SEPARATOR.exec(line)) {
        const segEnd = m === null ? line.length : m.index;
        const seg = line.slice(at, segEnd);
        const im = ITEM.exec(seg);
        if (im !== null) {
          const s = from + at + im.index + im[0].length - im[1]!.length, e = s + im[1]!.length;
          const words = im[1]!.toLowerCase().split(/[ \t-]+/);
          if (!names.slice(i, j).some((f) => f.start < e && s < f.end) && !words.some(excluded) && (from > ls || words.some(listed))) found.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.75 });
        }
        if (m === null) break;
        at = m.index + m[0].length;
      }
    }
    i = j;
  }
  return found;
}
