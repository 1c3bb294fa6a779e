import type { Finding } from '../finding';
import { nameLists } from './name-lists';
import { STOP } from './person-name-words';

/**
 * Names known by what follows them, in languages that put it after the name: a Turkish title ("Selin
 * Hanım", "Ahmet Bey", "Nermin Hanım'ın"), an Indian English or Hindi one after a given name ("Vikas sir",
 * "Priyanka ma'am", "Sharma ji"), and Turkish case endings, which follow a proper name after an apostrophe
 * ("Zeynep'in", "Elif'e"; the name a listed given name: "İstanbul'da" is no one).
 */
// (each regex opens with the capital and checks the letter before it after: a lookbehind first runs at every position)
const TURKISH_TITLE = /(\p{Lu}(?<![\p{L}\p{M}]\p{Lu})[\p{Ll}\p{M}]+(?:[ \t]\p{Lu}[\p{Ll}\p{M}]+)?)[ \t]+(?:Hanım|Hanim|Hanımefendi|Bey|Beyefendi)(?=['’]\p{Ll}|[^\p{L}]|$)/gu;
const AFTER_GIVEN = /(\p{Lu}(?<![\p{L}\p{M}]\p{Lu})[\p{Ll}\p{M}]+)[ \t]+(?:ji|sir|ma'am|ma’am|madam|saab|sahab|didi|bhai|bhaiya)(?![\p{L}])/gu;
const TURKISH_CASE = /(\p{Lu}(?<![\p{L}\p{M}'’]\p{Lu})[\p{Ll}\p{M}]+)['’](?:in|ın|un|ün|nin|nın|nun|nün|e|a|ye|ya|de|da|te|ta|den|dan|ten|tan|le|la|yle|yla|i|ı|yi|yı|u|ü|yu|yü)(?![\p{L}])/gu;

/** the titles AFTER_GIVEN reads, found by a plain scan before the regex runs */
const TITLE_AFTER_HINT = / (?:ji|sir|ma['’]am|madam|saab|sahab|didi|bhai)\b/;

export function suffixedTitleNames(text: string, out: Finding[]): void {
  const { given, rareGiven, all, common, english } = nameLists();
  const givenName = (w: string): boolean => given.has(w) && !common.has(w);
  const push = (start: number, end: number, confidence: number): void => {
    out.push({ dataClass: 'personal_data', detector: 'person-name', start, end, confidence });
  };
  if (text.indexOf('Han') !== -1 || text.indexOf('Bey') !== -1) {
    TURKISH_TITLE.lastIndex = 0;
    for (let m = TURKISH_TITLE.exec(text); m !== null; m = TURKISH_TITLE.exec(text)) {
      const ws = m[1]!.toLowerCase().split(/[ \t]/);
      // two words when the first is a name too ("Ayşe Nur Hanım"), else the last ("Teşekkürler Elif Hanım")
      const two = ws.length === 2 && all.has(ws[0]!) && !STOP.has(ws[0]!);
      const start = two ? m.index : m.index + m[1]!.lastIndexOf(m[1]!.split(/[ \t]/)[ws.length - 1]!);
      const last = ws[ws.length - 1]!;
      // (a name's word: not an English sentence's "Thanks Bey")
      if (STOP.has(last) || (english.has(last) && !givenName(last))) continue;
      push(start, m.index + m[1]!.length, 0.85);
    }
  }
  AFTER_GIVEN.lastIndex = 0;
  const titled = TITLE_AFTER_HINT.test(text);
  for (let m = titled ? AFTER_GIVEN.exec(text) : null; m !== null; m = AFTER_GIVEN.exec(text)) {
    // (a rarer given name too, not an English word: "Vikas sir", "Priyanka ma'am")
    const w = m[1]!.toLowerCase();
    if (givenName(w) || (rareGiven.has(w) && !english.has(w))) push(m.index, m.index + m[1]!.length, 0.8);
  }
  if (text.indexOf("'") !== -1 || text.indexOf('’') !== -1) {
    TURKISH_CASE.lastIndex = 0;
    for (let m = TURKISH_CASE.exec(text); m !== null; m = TURKISH_CASE.exec(text)) {
      const w = m[1]!.toLowerCase();
      if (givenName(w) && !english.has(w)) push(m.index, m.index + m[1]!.length, 0.75);
    }
  }
}
