/**
 * Names in the grammatical cases of Polish, Czech, Slovak, Russian and Ukrainian: a name list holds
 * "Wojciech", "Kowalski", "Anna", "Иванов"; a sentence says "z Wojciechem", "Kowalskiego", "Annie",
 * "Ивановым". `caseBase` takes a case ending off (and puts the nominative's back) and returns the
 * first form the lists know. It is read only for a text with letters of those languages and a word
 * no list knows as it stands.
 *
 * The endings are the regular declension of given names and family names (nouns and the adjectival
 * -ski/-cki/-ský family names), longest first; "Marek"/"Pawel"/"Jacek" lose their `e` in the other
 * cases ("Markiem", "Pawła", "Jacka"), so a stem ending in k, ł or c is also tried with it back.
 */
const ENDINGS: readonly (readonly [string, readonly string[]])[] = [
  // Polish and Czech adjectival family names: Kowalskiego, Kowalskiemu, Kowalskim, Kowalskiej, Kowalską; Černého, Černému, Černým
  // (a list may hold only the masculine form: Kowalska, Kowalskiej -> Kowalski; Nováková -> Novák)
  ['iego', ['i']], ['iemu', ['i']], ['iej', ['a', 'i']], ['ska', ['ski']], ['cka', ['cki']], ['ską', ['ska', 'ski']], ['cką', ['cka', 'cki']],
  ['ego', ['y']], ['emu', ['y']], ['ého', ['ý']], ['ému', ['ý']], ['ová', ['']],
  // Czech feminine family names: Novákové, Novákovou
  ['ové', ['ová', '']], ['ovou', ['ová', '']],
  // nouns: Nowakowi, Novákovi, Nowakiem, Wojciechem, Novákem
  ['owi', ['']], ['ovi', ['']], ['iem', ['']], ['em', ['']],
  ['im', ['i']], ['ym', ['y']], ['ým', ['ý']],
  // feminine given names: Annie, Anną, Annę, Anny, Marii, Kasi, Janou, Janě
  ['ie', ['a']], ['ii', ['ia']], ['ą', ['a']], ['ę', ['a']], ['ou', ['a']], ['ě', ['a']], ['é', ['á']],
  ['a', ['']], ['u', ['', 'a']], ['y', ['a']], ['i', ['ia', 'a']],
  // Russian and Ukrainian: Ивановым, Петровой, Анной, Марией, Сергеем, Іванові, Оленою, Ивана, Ивану, Анну, Анне, Марии, Марию, Сергея, Олені
  ['ым', ['']], ['ой', ['а']], ['ей', ['я', 'й']], ['ем', ['й', '']], ['ом', ['']], ['ові', ['']], ['ою', ['а']], ['ею', ['я']],
  ['ии', ['ия']], ['а', ['']], ['я', ['й']], ['у', ['', 'а']], ['ю', ['я', 'й']], ['е', ['', 'а']], ['ы', ['а']], ['и', ['я', 'а']], ['і', ['а', 'я']],
];
const FLEETING_E = new Set(['k', 'ł', 'c', 'l']);

/** Letters of the languages above (and Cyrillic) */
const CASE_LETTERS = /[ąęłśźżćńěščřžůýĺľŕĄĘŁŚŹŻĆŃĚŠČŘŽŮÝĹĽŔ\u0400-\u04ff]/g;

/**
 * The text is written in one of those languages: one of their letters in a short text (a sentence
 * may have one: "Rozmawiałem z Wojciechem"), one in 200 characters or more in a longer one (not an
 * English document with a Polish name or a Cyrillic word in a table).
 */
export function inflectingText(text: string): boolean {
  CASE_LETTERS.lastIndex = 0;
  const need = text.length < 400 ? 1 : Math.ceil(text.length / 200);
  let n = 0;
  while (CASE_LETTERS.exec(text) !== null) if (++n >= need) return true;
  return false;
}

/** The nominative form of `lower` (lower case) that `known` accepts, or undefined. */
export function caseBase(lower: string, known: (w: string) => boolean): string | undefined {
  for (const [ending, bases] of ENDINGS) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, lower.length - ending.length);
    if (stem.length < 3) continue;
    for (const b of bases) {
      const w = stem + b;
      if (known(w)) return w;
    }
    // the fleeting e: Markiem -> Marek, Pawła -> Paweł, Jacka -> Jacek
    if (FLEETING_E.has(stem[stem.length - 1]!) && stem.length >= 3) {
      const w = stem.slice(0, -1) + 'e' + stem[stem.length - 1];
      if (known(w)) return w;
    }
  }
  return undefined;
}

/** the endings of Polish, Czech, Slovak, Russian and Ukrainian family names */
export const SLAVIC_SURNAME = /(?:ski|cki|dzki|ska|cka|dzka|ak|ek|ik|uk|yk|czyk|wicz|owicz|ewicz|ák|ek|ík|ová|ský|cký|ov|ova|ev|eva|in|ina|ko|enko|uk|чук|ов|ова|ев|ева|ин|ина|ский|ская|ко|енко|ук)$/;
/** "with" in Polish, Czech, Slovak and Russian, before a name in the instrumental case: "z Wojciechem", "s Radkem", "с Иваном" */
export const SLAVIC_WITH = /(?:^|[^\p{L}])(?:z|ze|s|se|с|со)[ \t]+$/iu;
