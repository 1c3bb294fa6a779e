import type { Finding } from '../finding';
import { nameLists } from './name-lists';
import { STOP } from './person-name-words';

/**
 * Names known by what follows them, in languages that put it after the name: a Turkish title ("Selin
 * Hanım", "Ahmet Bey", "Nermin Hanım'ın"), an Indian English or Hindi one after a given name ("Vikas sir",
 * "Priyanka ma'am", "Sharma ji"), and Turkish case endings, which follow a proper name after an apostrophe
 * ("Zeynep'in", "Elif'e"; the name a listed given name: "İstanbul'da" is no one). Each is found from its
 * title or apostrophe (by indexOf, as most texts have none) and the words before it read backwards: a
 * regex over the whole text tried every capital of English prose (15% of its inspection).
 */
const TURKISH_TITLES = ['Hanım', 'Hanim', 'Bey'];
/** what may follow a title: an apostrophe and a case ending, "efendi", or no letter */
const AFTER_TITLE = /^(?:efendi)?(?:['’]\p{Ll}|[^\p{L}]|$)/u;
/** one or two capitalised words ending right before a blank (the slice's end) */
const WORDS_BEFORE = /(?:^|[^\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}]+(?:[ \t]\p{Lu}[\p{Ll}\p{M}]+)?)[ \t]+$/u;
/** one capitalised word ending at the slice's end */
const WORD_BEFORE = /(?:^|[^\p{L}\p{M}'’])(\p{Lu}[\p{Ll}\p{M}]+)$/u;
const TITLE_AFTER = /[ \t](?:ji|sir|ma['’]am|madam|saab|sahab|didi|bhai|bhaiya)(?![\p{L}])/gu;
/** Turkish case endings after a proper name's apostrophe */
const TURKISH_ENDING = /^(?:in|ın|un|ün|nin|nın|nun|nün|e|a|ye|ya|de|da|te|ta|den|dan|ten|tan|le|la|yle|yla|i|ı|yi|yı|u|ü|yu|yü)(?![\p{L}])/u;

export function suffixedTitleNames(text: string, out: Finding[]): void {
  const { given, rareGiven, all, common, english } = nameLists();
  const givenName = (w: string): boolean => given.has(w) && !common.has(w);
  const push = (start: number, end: number, confidence: number): void => {
    out.push({ dataClass: 'personal_data', detector: 'person-name', start, end, confidence });
  };
  for (const title of TURKISH_TITLES) {
    for (let i = text.indexOf(title); i !== -1; i = text.indexOf(title, i + title.length)) {
      if (!AFTER_TITLE.test(text.slice(i + title.length, i + title.length + 8))) continue;
      const m = WORDS_BEFORE.exec(text.slice(Math.max(0, i - 60), i));
      if (m === null) continue;
      const name = m[1]!;
      const nameEnd = i - (m[0].length - m[0].indexOf(name) - name.length);
      const ws = name.toLowerCase().split(/[ \t]/);
      // two words when the first is a name too ("Ayşe Nur Hanım"), else the last ("Teşekkürler Elif Hanım")
      const two = ws.length === 2 && all.has(ws[0]!) && !STOP.has(ws[0]!);
      const last = ws[ws.length - 1]!;
      // (a name's word: not an English sentence's "Thanks Bey")
      if (STOP.has(last) || (english.has(last) && !givenName(last))) continue;
      push(two ? nameEnd - name.length : nameEnd - last.length, nameEnd, 0.85);
    }
  }
  if (text.indexOf(' ') !== -1) {
    TITLE_AFTER.lastIndex = 0;
    for (let t = TITLE_AFTER.exec(text); t !== null; t = TITLE_AFTER.exec(text)) {
      const m = WORD_BEFORE.exec(text.slice(Math.max(0, t.index - 30), t.index));
      if (m === null) continue;
      // (a rarer given name too, not an English word: "Vikas sir", "Priyanka ma'am")
      const w = m[1]!.toLowerCase();
      if (givenName(w) || (rareGiven.has(w) && !english.has(w))) push(t.index - m[1]!.length, t.index, 0.8);
    }
  }
  for (const apostrophe of ["'", '’']) {
    for (let i = text.indexOf(apostrophe); i !== -1; i = text.indexOf(apostrophe, i + 1)) {
      if (!TURKISH_ENDING.test(text.slice(i + 1, i + 6))) continue;
      const m = WORD_BEFORE.exec(text.slice(Math.max(0, i - 30), i));
      if (m === null) continue;
      const w = m[1]!.toLowerCase();
      if (givenName(w) && !english.has(w)) push(i - m[1]!.length, i, 0.75);
    }
  }
}
