import { countInRange, type Detector } from '../detector';
import { nameFields } from './name-fields';
import { nameLists as names } from './name-lists';
import {
  APPOSITIVE_AFTER, FIRM_NAMES, GAELIC_PARTICLES, PERSON_ONLY_END, SITE_WORDS, addressLabel, peopleIncluding, selfIntroduced, describedByTrait, listenerAfterSpeaker, quotationSpeaker, receiverAfterGiver, unitWordBeforeNumber, unlistedPersonCue,
} from './person-name-cues';
import { type Tok, fold, foldedOf, forEachCapitalisedRun, isLetter, isLower, isUpper, nameIsBefore, prevChar } from './capitalised-runs';
import { HAS_CAPITAL, LOWER_CASE_MAX, cuedLowerCaseNames, lowerCaseNames, typedInLowerCase } from './lower-case-names';
import {
  addressLineAfter, beforeOf, describedPerson, emailLocals, lineEndsAt, nameList, nearbyLocals, pastVerbOfPerson, personalAfter, previousLine, sentenceStartAt, wordAsName, wordsBack,
} from './person-name-context';
import {
  ADDRESS_BLOCK_AFTER, ADDRESS_LINE_AFTER, ADDRESS_VERBS, AUX_AFTER, ADD_VERBS, AND_HEAD, AND_PAIR, ARTICLES, AS_ROLE, CHANGE_VERBS, GEO_WORDS, GREETINGS, GREETINGS2,
  DEPARTMENT_WORDS, HEADING_WORDS, HONORIFICS, INITIAL_NOUNS, LABELS, MEET_WITH, ROLE_NOUNS, LABEL_PHRASES, LAST_OF_MULTI, LIVES_AFTER, LOWER_ARTICLES, MIDDLE_INITIAL, MY_NAME2, NAME_OWNERS, NAMING2,
  NAMING_LAST, NOT_SUBJECTS, ONE_HEADS, ORG_AFTER, ORG_FIRST, ORG_NAMES, ORG_WORDS, PARTICLES, POSSESSIVES, PERSON_VERBS, PLACE_PREPS, PRODUCT_NAMES, RELATIONS,
  AND_I_AFTER, ARTICLE_BEFORE, CAPITALISED_TITLES, CLAUSE_NOT, CUE_WORD_BEFORE, DEITIES, TITLES_NO_WORD, WITH_BEFORE, FIRM_LEAD, FOREIGN_WORDS, FROM_PERSON, VOCATIVE_NOT, PLACEHOLDER_LAST, PLACEHOLDER_NAMES, ROLE_BEFORE, SAID_PAST, SAYS_AFTER, SIGNOFF_LINE, STOP, STREET_WORDS, VENUE_BEFORE, dishNamed, SURNAME_END, THANKS_FILLERS, THANKS_PREPS, THANKS_WORDS, TO_PERSON, TRANSFER_TO, WEAK, WEAK_AFTER, WORK_AFTER, tradeEnd,
} from './person-name-words';
import { koreanGiven, pinyinName } from './east-asian-names';
import { speakerLabels } from './speaker-labels';
import { caselessNames } from './caseless-names';
import { suffixedTitleNames } from './name-suffixes';
import { chatNames, mentionedNames } from './chat-names';
import { listedPeople } from './people-list-lines';
import { SLAVIC_SURNAME, SLAVIC_WITH, caseBase, inflectingText } from './slavic-cases';
import { lowerCaseChat } from './lower-case-chat';
import {
  MORE_LABELS, SALUTATIONS, ampersandFirm, capitalsNames, dashListItem, labelledCapitals, titledCapitals, initialBefore, jobAfterTitle, participleLabel, initialSurname, listItemName, listMarkerBefore, nameWithRoleInBrackets, placeLikeGiven, placeNamedLikePerson, roleOrFirm, salutedName, signedName, senderAfterSignoff, suffixedNames, closingName, scriptNames,
} from './name-shapes';

/**
 * Person names: capitalised word sequences scored by name lists (given and family names of many
 * nationalities, see data/names.ts) and context: salutations (Dear, Hi, Hola...), honorifics (Mr,
 * Ms, Dr...), name fields (Name:, Employee:, Attendees:...), signatures (the line after "Best
 * regards,"), "my name is", a verb right after (told, said, is...), a possessive, and an e-mail
 * address nearby whose local part spells the name. Organisation, place and street words, a
 * preceding article ("the Washington Post") and a house number after ("Via Verdi 21") count against.
 *
 * This file holds the scan and the scoring; the rules it reads are next to it: the word lists and
 * phrase patterns (person-name-words.ts), the capitalised-run scan and its tokens (capitalised-runs.ts),
 * the text around a run (person-name-context.ts, person-name-cues.ts), and the passes of their own:
 * name fields (name-fields.ts), speaker labels (speaker-labels.ts), names in lower case (lower-case-names.ts).
 */

/** after a possessive: a word in lower case (not "'s Day", "'s Law", "'s Disease") */
const POSSESSED = /^[ \t]+\p{Ll}{2,}\b/u;
/** " and Zeynep" (not " and Zeynep Kaya": a full name is the scan's) */
const GIVEN_PAIR = /[ \t]+(?:and|&)[ \t]+(\p{Lu}[\p{Ll}'’-]{1,30})(?![\p{L}'’-]|[ \t]+\p{Lu})/uy;

/** A place's key in PLACE_NAMES (scripts/build-name-data.mjs makes them the same way): no accents, lower case, one blank between words. */
function placeKey(s: string): string {
  const f = fold(s, s.toLowerCase());
  return singleBlanks(f) ? f : f.replace(/[\s\u002d\u2010-\u2015]+/g, ' ');
}
/** a role or a team right before a name in brackets ("the technician (Marco)", "tell HR (Gemma)") */
const ROLE_IN_BRACKETS = /\b(?:manager|technician|colleague|nurse|engineer|agent|assistant|supervisor|lead|boss|rep|HR|IT|payroll|finance|legal|support|reception|admin)[ \t]*\($/i;
/** an adverb, then a verb in the past: "accidentally committed", "already said", "kindly offered" */
const ADVERB_THEN_PAST = /^[ \t]+\p{Ll}+ly[ \t]+\p{Ll}+ed\b/u;
/** a word in small letters, not part of a handle, an address or a path */
const LOWER_WORD = /(?<![\p{L}\p{N}@._/-])\p{Ll}[\p{Ll}'’]{2,30}(?![\p{L}\p{N}@]|[._/-]\p{L})/gu;
/** brands named with a title (title and next word, lower case) */
const TITLED_BRANDS = new Set(
  'dr martens|dr pepper|dr web|dr fone|dr dre|dr feelgood|dr oetker|dr scholl|dr scholls|dr reddys|dr who|mr muscle|mr porter|mr clean|mr kipling|mr bean|mr robot|mr price'.split('|'),
);
/** what is asked of a person after "Ask X": about, to, for, if, whether, before, when */
const ASKED_ABOUT = /^[ \t]+(?:about|to|for|if|whether|before|when)\b/;
/** their first letters: most words after a name rule the regex out at once */
const ASKED_HEADS = new Set([97, 116, 102, 105, 119, 98]);

/** a letter beyond ASCII in [s, e): the word's accent-free form may be listed where the word is not */
function hasNonAscii(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * True when `s` (ASCII) has no dash, no white space but ' ' and no two blanks side by side: the
 * replace in placeKey would give it back unchanged (a run's words are mostly one blank apart). Any
 * non-ASCII character is left to the replace. Saves the global replace on most runs (~0.5 µs each).
 */
function singleBlanks(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? s.charCodeAt(i + 1) === 32 : c === 45 || c >= 128 || (c >= 9 && c <= 13)) return false;
  }
  return true;
}

export const personNameDetector: Detector = {
  entries: [{ id: 'person-name', dataClass: 'personal_data', description: 'Person names (name lists of many nationalities + context: salutations, titles, name fields, signatures, e-mail addresses)' }],
  detect({ text, keywords }, out) {
    const lists = names();
    const { given, all, rareGiven, english, common, places } = lists;
    // the cells of a table's name columns, the values of name keys (name-fields.ts)
    const fieldWords = keywords.hits('namefield');
    if (fieldWords.starts.length > 0) nameFields(text, fieldWords, lists, out);
    const ats: number[] = [], localParts: string[] = [];
    emailLocals(text, ats, localParts);
    // a name in capitals heading a CV or a contact block (name-shapes.ts)
    capitalsNames(text, lists, (s, e) => (ats.length > 0 ? nearbyLocals(ats, localParts, s, e, 400) : []), out);
    // a name in capitals after a person's label: "Cardholder: DANIEL J ROSENBERG" (name-shapes.ts)
    labelledCapitals(text, lists, (l) => LABELS.has(l) || LABEL_PHRASES.has(l) || MORE_LABELS.has(l), out);
    // after a title in capitals, or a booking's "ANDERSON/JAMES MR" (name-shapes.ts)
    titledCapitals(text, lists, out);
    let lastAcceptedEnd = -1;
    /** the last line break before the current run's start (-1 when none) and the next one (-1 when none) */
    let nlBefore = -1;
    let nlNext = text.indexOf('\n');
    // after a dash at the line start: a signature ("— Aoife Brennan") or an action item ("- Aiko to send"),
    // not a bullet point of a title-case list ("- Fixed Login Page")
    const dashName = (toks: Tok[], text: string): boolean => {
      const f = toks[0]!, l = toks[toks.length - 1]!;
      const givenFirst = given.has(f.lower) && !common.has(f.lower);
      if (toks.length >= 2) return givenFirst || (all.has(l.lower) && !common.has(l.lower) && !common.has(f.lower));
      return (givenFirst || (all.has(f.lower) && !common.has(f.lower))) && /^[ \t]+(?:to|will|is|has|and)[ \t]/.test(text.slice(l.end, l.end + 8));
    };
    const atNear = (p: number): boolean => countInRange(ats, p - 200, p + 200) > 0;
    // a text in Polish, Czech, Slovak, Russian or Ukrainian: a word no list knows may be a name in another case ("z Wojciechem", slavic-cases.ts)
    const inflecting = inflectingText(text);
    /** the nominative of a word in another case that a list knows, from the given names' lists too ("wojciechem" -> "wojciech") */
    const caseOf = (lower: string): string | undefined => {
      let b = CASE_BASES.get(lower);
      if (b === undefined) {
        // (a given name of a list, or a listed word with a Slavic family name's ending: one filter alone answers yes for ~1% of
        // the stems tried, "Współpracujemy", "Kawa")
        b = caseBase(lower, (w) => given.has(w) || ((all.has(w) || all.has(fold(w, w))) && SLAVIC_SURNAME.test(w))) ?? null;
        if (CASE_BASES.size >= 4096) CASE_BASES.clear();
        CASE_BASES.set(lower, b);
      }
      return b ?? undefined;
    };
    /** the same with the rarer given names of the SSA's list as bases (read only for a word a cue names as a person) */
    const rareCaseOf = (lower: string): string | undefined => caseBase(lower, (w) => rareGiven.has(w) && !english.has(w));
    /** in the lists too without its accents ("Kónya" -> "konya"); the folded copy is made only for non-ASCII words */
    const knownRange = (a: number, b: number): boolean => {
      if (all.hasRange(text, a, b)) return true;
      for (let i = a; i < b; i++) {
        if (text.charCodeAt(i) > 0x7f) {
          const w = text.slice(a, b);
          let k = FOLDED_KNOWN.get(w);
          if (k === undefined) {
            k = all.has(fold(w, ''));
            if (FOLDED_KNOWN.size >= 4096) FOLDED_KNOWN.clear();
            FOLDED_KNOWN.set(w, k);
          }
          return k || (inflecting && all.has(caseOf(w.toLowerCase()) ?? ''));
        }
      }
      return inflecting && b - a >= 4 && all.has(caseOf(text.slice(a, b).toLowerCase()) ?? '');
    };
    let listEnd = -1;
    // the words of the full names found ("Ingrid Solheim"), and the lone capitalised words left out
    // (start, end pairs): after the scan, a lone word that is a word of a full name found in the same
    // text is that person again ("… Solheim said", "the Solheim report"). Nothing is looked up unless
    // a full name was found.
    let seen: Set<string> | undefined;
    /** the English words and everyday names among them, found again only where a word cannot be (wordAsName) */
    let seenWord: Set<string> | undefined;
    /** first letter, last letter and length of the seen words: most lone words are ruled out without a copy */
    const seenKeys = new Set<number>();
    /** a one-word name pushed as one of a pair or a list item is that person again further on ("Horváth and Novák joined … Novák will circulate") */
    const remember = (a: number, b: number): void => {
      const lower = text.slice(a, b).toLowerCase();
      // (an English word only when the name lists know it: the English filter answers yes for ~1% of other words, "Novák")
      if (b - a < 3 || b - a > 31 || lower.indexOf(' ') !== -1 || common.has(lower) || STOP.has(lower) || PRODUCT_NAMES.has(lower)) return;
      if (english.has(lower) && !all.has(lower) && !all.has(fold(lower, lower))) return;
      (seen ??= new Set()).add(lower);
      seenKeys.add(wordKey(lower, 0, lower.length));
    };
    const lone: number[] = [];
    /** A list of given names starting at `s`: each item pushed as a name, and skipped by the rest of the scan. */
    const listOfNamesAt = (s: number, confidence: number, isName = listedGiven, minUnlistedFirst = 4): boolean => {
      const items = nameList(text, s, isName, minUnlistedFirst);
      // (not firms joined by "&", not cities named like people: "offices in Charlotte, Austin and Victoria")
      if (items === undefined || items.some(([a, b]) => ampersandFirm(text, a, b, lists)) ||
        items.filter(([a, b]) => placeNamedLikePerson(text, a, text.slice(a, b).toLowerCase())).length >= 2) return false;
      for (const [a, b] of items) out.push({ dataClass: 'personal_data', detector: 'person-name', start: a, end: b, confidence });
      listEnd = lastAcceptedEnd = items[items.length - 1]![1];
      return true;
    };
    /** a giver and a receiver ("Ilse had given Omar his keys"), a speaker and a listener ('"No!" said Ilse to Omar'): both pushed, the second then skipped by the scan */
    const pairedPeople = (s: number, e: number): boolean => {
      const r = receiverAfterGiver(text, s, e) ?? listenerAfterSpeaker(text, s, e);
      if (r === undefined) return false;
      for (const w of [text.slice(s, e).toLowerCase(), text.slice(r[0], r[1]).toLowerCase()]) {
        if (STOP.has(w) || NOT_SUBJECTS.has(w) || PRODUCT_NAMES.has(w) || FIRM_NAMES.has(w) || common.has(w)) return false;
      }
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.75 });
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: r[0], end: r[1], confidence: 0.75 });
      listEnd = lastAcceptedEnd = r[1];
      return true;
    };
    /** a given name, or a rarer one of the SSA's list, that is no English word, everyday name, place, firm or product: "Chidi", "Jürgen", "Wojciech" (not "Prisma", "Georgia") */
    const unambiguousRare = (lower: string): boolean => {
      // (in a Slavic text, in another case: a given name, a family name or a rarer given name of the SSA's list, "Wojciechem")
      const folded = fold(lower, lower), base = inflecting ? caseOf(lower) ?? rareCaseOf(lower) : undefined;
      return (given.has(lower) || rareGiven.has(lower) || (folded !== lower && (given.has(folded) || rareGiven.has(folded))) || base !== undefined) && !english.has(lower) && !common.has(lower) &&
        !places.has(lower) && !placeLikeGiven(lower) && !PRODUCT_NAMES.has(lower) && !FIRM_NAMES.has(lower) && !NOT_SUBJECTS.has(lower) && !STOP.has(lower) &&
        !DEPARTMENT_WORDS.has(lower) && !FOREIGN_WORDS.has(lower) && !FOREIGN_WORDS.has(folded) && !DEITIES.has(lower);
    };
    /** one word no list but the SSA's knows, named as a person by the words before it (CUE_WORD_BEFORE found their last) */
    const cuedRareGiven = (s: number, e: number): boolean => {
      const bs = beforeOf(text, s, lineStartWithin(text, s, 64));
      if (bs.colon || bs.comma) return false;
      const [w0 = '', w1 = '', w2 = ''] = bs.words;
      const cued = w0 === 'to' ? TO_PERSON.has(w1) || TRANSFER_TO.test(text.slice(Math.max(0, s - 64), s))
        : w0 === 'from' ? FROM_PERSON.has(w1)
          : THANKS_PREPS.has(w0) && (THANKS_WORDS.has(w1) || (THANKS_FILLERS.has(w1) && THANKS_WORDS.has(w2)));
      return cued && unambiguousRare(text.slice(s, e).toLowerCase());
    };
    /**
     * One word no list but the SSA's knows, a person by what follows it at a sentence start ("Chidi
     * said", "Chidi will send", "Chidi's laptop", "Kofi and I") or by the word before it ("lunch with
     * Chidi", "me and Chidi", "gesprochen mit Jürgen"). The filter is read first: most words are in no list.
     */
    const placedRareGiven = (s: number, e: number): boolean => {
      if (!rareGiven.hasRange(text, s, e) && !hasNonAscii(text, s, e) && !inflecting) return false;
      const p = prevChar(text, s);
      let placed = false;
      if (p === -1 || p === 46 || p === 33 || p === 63 || p === 10 || p === 58) {
        const c = text.charCodeAt(e);
        // (or called: "Deepa, can you check…", "Segun, budget-wise, are we…")
        placed = c === 44 ? text.charCodeAt(e + 1) === 32 && isLower(text.charCodeAt(e + 2))
          : c === 39 || c === 0x2019 ? text.charCodeAt(e + 1) === 115 && POSSESSED.test(text.slice(e + 2, e + 20))
          : c === 32 && (SAYS_AFTER.test(text.slice(e, e + 16)) || SAID_PAST.test(text.slice(e, e + 14)) || AUX_AFTER.test(text.slice(e, e + 24)) ||
            ADVERB_THEN_PAST.test(text.slice(e, e + 32)) || AND_I_AFTER.test(text.slice(e, e + 12)));
      } else if (isLower(p)) {
        placed = WITH_BEFORE.test(text.slice(Math.max(0, s - 12), s)) || (inflecting && SLAVIC_WITH.test(text.slice(Math.max(0, s - 4), s)));
        // (or after a word for someone's role and a possessive: "My manager Chidi says…")
        if (!placed) {
          const bs = beforeOf(text, s, lineStartWithin(text, s, 40));
          placed = !bs.colon && !bs.comma && ROLE_BEFORE.has(bs.words[0] ?? '') && POSSESSIVES.has(bs.words[1] ?? '');
        }
      }
      return placed && unambiguousRare(text.slice(s, e).toLowerCase());
    };
    const loneWord = (s: number, e: number): void => {
      if (s < listEnd) return;
      if (pairedPeople(s, e)) return;
      const c = text.charCodeAt(e);
      // an unlisted first name after a salutation: "Hi Oksana,", "Beste Marie-Claude," (name-shapes.ts), or its colon ending the line: "Hola Maite:"
      if (c === 44 || (c === 58 && (text.charCodeAt(e + 1) === 10 || text.charCodeAt(e + 1) === 13))) {
        const bs = beforeOf(text, s, lineStartWithin(text, s, 40));
        const w = bs.words[0] ?? '';
        if (!bs.colon && !bs.comma && salutedName(text, s, e, w, GREETINGS.has(w) && w !== 'love' && w !== 'best' && w !== 'morning', lists)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.8 });
          lastAcceptedEnd = e;
          return;
        }
      }
      // the sender after a sign-off on its line: "Thanks, Chidi (Amara's dad)" (name-shapes.ts)
      if (signedName(text, s, e, lists)) {
        out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.8 });
        lastAcceptedEnd = e;
        return;
      }
      // the sender alone on the line after a sign-off line: "Cheers,\nOwain" (name-shapes.ts)
      if ((c === 10 || c === 13 || c === 40 || c === 44 || e === text.length) && senderAfterSignoff(text, s, e, lists)) {
        out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.8 });
        lastAcceptedEnd = e;
        return;
      }
      // a rarer given name of the SSA's list after a verb about a person, before what is asked of them: "ask Hiroshi about the sheet"
      if (c === 32 && ASKED_HEADS.has(text.charCodeAt(e + 1)) && ASKED_ABOUT.test(text.slice(e, e + 10))) {
        const bs = beforeOf(text, s, lineStartWithin(text, s, 40));
        const lower = text.slice(s, e).toLowerCase();
        if (!bs.colon && !bs.comma && PERSON_VERBS.has(bs.words[0] ?? '') && rareGiven.has(lower) && !english.has(lower) && !places.has(lower) && !placeLikeGiven(lower) && !common.has(lower) &&
          !PRODUCT_NAMES.has(lower) && !FIRM_NAMES.has(lower)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.75 });
          lastAcceptedEnd = e;
          return;
        }
      }
      // a rarer given name after something sent or said to someone, a message from them or thanks in
      // another language: "send it to Chidi", "a reply from Wojciech", "Danke an Jürgen"
      if ((CUE_WORD_BEFORE.test(text.slice(Math.max(0, s - 6), s)) && cuedRareGiven(s, e)) || placedRareGiven(s, e)) {
        out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.72 });
        lastAcceptedEnd = e;
        return;
      }
      // a caller introducing themselves: "Hi it's Gareth from Pennine Glazing" (person-name-cues.ts)
      if (selfIntroduced(text, s, e)) {
        const lower = text.slice(s, e).toLowerCase();
        if (e - s >= 3 && !NOT_SUBJECTS.has(lower) && !STOP.has(lower) && !PRODUCT_NAMES.has(lower) && !FIRM_NAMES.has(lower) && !DEPARTMENT_WORDS.has(lower) && !common.has(lower)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.8 });
          lastAcceptedEnd = e;
          return;
        }
      }
      // one unlisted word named by what is said about it (person-name-cues.ts): "people call me Piusz",
      // "my kid Tadzio", "Trivo lives on Birkenhof 3", "Irenka is very reliable … depend on him"
      if (unlistedPersonCue(text, s, e)) {
        const lower = text.slice(s, e).toLowerCase();
        if (!NOT_SUBJECTS.has(lower) && !STOP.has(lower) && !PRODUCT_NAMES.has(lower)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.72 });
          lastAcceptedEnd = e;
          return;
        }
      }
      // the next three letters rule most words out at once
      const head = c === 32 ? (text.charCodeAt(e + 1) << 16) | (text.charCodeAt(e + 2) << 8) | text.charCodeAt(e + 3) : 0;
      // an unlisted word at a sentence start before what only a person does ("Xiadani shouted at…", "Orruk's widow")
      if ((ONE_HEADS.has(head) || c === 39 || c === 0x2019) && sentenceStartAt(text, s) && personalAfter(text, e) && !LIVES_AFTER.test(text.slice(e, e + 12))) {
        const lower = text.slice(s, e).toLowerCase();
        if (!NOT_SUBJECTS.has(lower) && !STOP.has(lower)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.7 });
          lastAcceptedEnd = e;
          return;
        }
      }
      // the speaker named after a quotation, with a surname ending when the lists do not know the word:
      // '"…," says Hartvigsson.' (not '"…," says Finance.', a department, or "says Reuters"; an ending
      // that ends few places: not "said Rostov", "said Moldova"; not a firm: "says Ericsson")
      if (e - s >= 5 && quotationSpeaker(text, s, e)) {
        const lower = text.slice(s, e).toLowerCase();
        if (PERSON_ONLY_END.test(fold(lower, lower)) && !FIRM_NAMES.has(lower) && !NOT_SUBJECTS.has(lower) && !STOP.has(lower) && !common.has(lower) && !PRODUCT_NAMES.has(lower)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.7 });
          lastAcceptedEnd = e;
          return;
        }
      }
      // two family names joined by "and" before a verb ("Okafor and Lindqvist were on the call")
      if ((head === AND_HEAD || head >>> 16 === 38) && andPair(s, e, true)) return;
      // an unlisted family name with a surname ending after "the", before a work or a family: "the Petersson novel"
      // (endings that end no place's name: not "the Geneva book", "the Bratislava album")
      if (c === 32 && e - s >= 6 && s >= 4 && text.startsWith('the ', s - 4) && (s === 4 || !isLetter(text.charCodeAt(s - 5))) && WORK_AFTER.test(text.slice(e, e + 16))) {
        const lower = text.slice(s, e).toLowerCase();
        if (lower !== 'lesson' && PERSON_ONLY_END.test(fold(lower, lower)) && !FIRM_NAMES.has(lower) && !common.has(lower) && !STOP.has(lower) && !PRODUCT_NAMES.has(lower)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.7 });
          lastAcceptedEnd = e;
          return;
        }
      }
      lone.push(s, e);
      // an unlisted word that opens a list of given names (the list's items are then skipped by the scan)
      if (c === 44 && !listOfNamesAt(s, 0.75) && prevChar(text, s) === 58) {
        // or of family names after a label ("Founders: Xiadani, Okafor and Brandt"; the others all listed)
        const bf = beforeOf(text, s, lineStartWithin(text, s + 1, 83));
        const w0 = bf.words[0] ?? '';
        if (bf.colon && (LABELS.has(w0) || LABEL_PHRASES.has(w0))) listOfNamesAt(s, 0.75, listedFamily, 3);
      }
    };
    /** a word of the name lists that is no everyday word, or a surname ending */
    const surnameLike = (a: number, b: number): boolean => {
      const w = text.slice(a, b).toLowerCase();
      if (common.has(w) || STOP.has(w) || PRODUCT_NAMES.has(w) || FIRM_NAMES.has(w)) return false;
      return knownRange(a, b) || (b - a >= 5 && SURNAME_END.test(fold(w, w)));
    };
    /** "Okafor and Lindqvist were…": both words pushed as names (the second is then skipped by the scan) */
    const andPair = (s: number, e: number, firstUnlisted: boolean): boolean => {
      const a = text.charCodeAt(e + 1);
      if (a !== 97 && a !== 38) return false; // " and", " &"
      AND_PAIR.lastIndex = e;
      const m = AND_PAIR.exec(text);
      if (m === null) return false;
      const s2 = e + m[0].indexOf(m[1]!), e2 = s2 + m[1]!.length;
      const pair = text.slice(s, e).toLowerCase() + ' ' + m[1]!.toLowerCase();
      if (ORG_NAMES.has(pair) || (firstUnlisted ? !(e - s >= 5 && SURNAME_END.test(fold(pair.slice(0, e - s), pair.slice(0, e - s)))) : !surnameLike(s, e)) || !surnameLike(s2, e2)) return false;
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.7 });
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: s2, end: e2, confidence: 0.7 });
      remember(s, e);
      remember(s2, e2);
      listEnd = lastAcceptedEnd = e2;
      return true;
    };
    /**
     * Two given names joined by "and" ("next to Ravi and Zeynep", "Mehmet & Chiara will review"): both pushed (the
     * second then skipped by the scan). Listed given names only, none an everyday word, a product, a firm or a
     * place named like a person ("Charlotte and Florence"); the second not the first word of a full name.
     */
    const givenPair = (s: number, e: number): boolean => {
      const a = text.charCodeAt(e + 1);
      if (a !== 97 && a !== 38) return false; // " and", " &"
      GIVEN_PAIR.lastIndex = e;
      const m = GIVEN_PAIR.exec(text);
      if (m === null) return false;
      const s2 = e + m[0].length - m[1]!.length, e2 = e + m[0].length;
      for (const w of [text.slice(s, e).toLowerCase(), m[1]!.toLowerCase()]) {
        if (!listedGiven(w) || NOT_SUBJECTS.has(w) || FIRM_NAMES.has(w) || placeLikeGiven(w) || placeLikeGiven(fold(w, w))) return false;
      }
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.75 });
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: s2, end: e2, confidence: 0.75 });
      remember(s, e);
      remember(s2, e2);
      listEnd = lastAcceptedEnd = e2;
      return true;
    };
    const listedFamily = (x: string): boolean => (all.has(x) || all.has(fold(x, x))) && !common.has(x) && !STOP.has(x) && !PRODUCT_NAMES.has(x);
    const listedGiven = (x: string): boolean => (given.has(x) || given.has(fold(x, x))) && !common.has(x) && !STOP.has(x) && !PRODUCT_NAMES.has(x);
    const emitted = speakerLabels(text, all, given, common, english, out);
    suffixedNames(text, keywords.hits('honorsuffix').starts, (w) => english.has(w) && !given.has(w), out);
    // names in CJK and Thai script with their honorifics (name-shapes.ts); most texts hold none of their characters
    if (NON_LATIN.test(text)) scriptNames(text, out);
    if (keywords.otherScript) caselessNames(text, out);
    suffixedTitleNames(text, out);
    // the author lines of a chat copied from Slack or Teams, the speakers of a timestamped log (chat-names.ts)
    // (their words are that person again elsewhere: "[09:17] Thabo Nkosi: …" then "Thabo can you share…")
    const chatSpans: number[] = [];
    const chatted = chatNames(text, lists, { push: (f) => { chatSpans.push(f.start, f.end); return out.push(f); } });
    // "cc @Ngozi", "@priya can you review?" (chat-names.ts)
    const mentioned = text.indexOf('@') === -1 ? undefined : mentionedNames(text, lists, out);
    // a text typed without capitals ("follow up with anna berg"): the capitalised-run scan finds nothing
    // and a short prompt typed with capitals but a name in lower case ("Can you email john okafor about it?")
    if (!HAS_CAPITAL.test(text) || typedInLowerCase(text)) {
      const lower: { start: number; end: number }[] = [];
      lowerCaseNames(text, given, all, common, { push: (f) => { lower.push(f); out.push(f); } });
      // lists of people, forms of address, given names with a word about a person (lower-case-chat.ts)
      lowerCaseChat(text, lists, lower, out);
    }
    else if (text.length <= LOWER_CASE_MAX) {
      const cues = keywords.hits('personcue'), calls = keywords.hits('phone');
      if (cues.starts.length > 0) cuedLowerCaseNames(text, cues.ends, given, all, common, out);
      for (let i = 0; i < calls.starts.length; i++) if (calls.ends[i]! - calls.starts[i]! === 4 && (text.charCodeAt(calls.starts[i]!) | 32) === 99) cuedLowerCaseNames(text, [calls.ends[i]!], given, all, common, out); // "call"
    }
    /** a run inside a list of names already pushed, or a speaker label already pushed */
    const done = (s: number): boolean =>
      s < listEnd || (emitted !== undefined && emitted.has(s)) || (chatted !== undefined && chatted.has(s)) || (mentioned !== undefined && mentioned.has(s));
    forEachCapitalisedRun(text, knownRange, (toks) => {
      // leading stop words (greetings, honorifics, "The") are context, not the name
      // a firm's name ("Wayne Enterprises", "Acme Logistics"): none of its words is a name
      if (toks.length >= 2 && toks.some((x) => ORG_WORDS.has(x.lower))) return;
      // or a firm named after its founder last: "Exclude Siemens", "Contact Philips"
      if (toks.length >= 2 && FIRM_NAMES.has(toks[toks.length - 1]!.lower) && !HONORIFICS.has(toks[toks.length - 2]!.lower)) return;
      // or first, before a word no given name: "Siemens Healthineers", "Kraft Heinz"; or an institution's first word: "Grupo Andino Logística"
      if ((toks.length === 2 && FIRM_NAMES.has(toks[0]!.lower) && !given.has(toks[1]!.lower)) || (toks.length >= 2 && FIRM_LEAD.has(toks[0]!.lower))) return;
      // or a place named after someone: "Granville Island", "Lynn Canyon"
      if (toks.length >= 2 && GEO_WORDS.has(toks[toks.length - 1]!.lower)) return;
      // or a trade after it: "Severn Roofing" (a last word no list knows)
      // (not a Chinese given name: "Zhang Xiuying")
      if (toks.length >= 2 && tradeEnd(toks[toks.length - 1]!.lower) && !knownRange(toks[toks.length - 1]!.start, toks[toks.length - 1]!.end) &&
        !(pinyinName(toks[toks.length - 1]!.lower) && !english.has(toks[toks.length - 1]!.lower))) return;
      let article = false;
      const runStart = toks[0]!.start;
      const runLength = toks.length;
      const lead = toks[0]!.lower;
      while (toks.length > 0 && (STOP.has(toks[0]!.lower) || PARTICLES.has(toks[0]!.lower))) {
        if (ARTICLES.has(toks[0]!.lower)) article = true;
        toks.shift();
      }
      // a title inside the run: the words before it are the sentence's ("As Dr Smith said", "Per Dr
      // Okonkwo's note"); the title, read again by beforeOf, makes the name after it a strong one
      // (not a title that is also a word or a name: "Little Miss Sunshine", "Don"; "prof" is a word to SCOWL)
      // (nor a brand named with a title: "Dr Martens", "Mr Muscle"; "Pan" only before a given name: not "Pan Fried Sea Bass")
      for (let k = toks.length - 2; k > 0; k--) {
        const w = toks[k]!.lower;
        // (or a title read only capitalised, as every word of a run is: the Indonesian "Pak", not Czech "a pak Windows …")
        if ((HONORIFICS.has(w) || CAPITALISED_TITLES.has(w)) && !given.has(w) && (!english.has(w) || w === 'prof' || TITLES_NO_WORD.has(w))) {
          if (TITLED_BRANDS.has(w + ' ' + toks[k + 1]!.lower) || (w === 'pan' && !(given.has(toks[k + 1]!.lower) && !english.has(toks[k + 1]!.lower)))) return;
          toks.splice(0, k + 1);
          // the run stopped at four words: the name may go on ("Team Lead Dr Maria Keller")
          if (runLength === 4) {
            const more = /^[ \t](\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\d])/u.exec(text.slice(toks[toks.length - 1]!.end, toks[toks.length - 1]!.end + 40));
            if (more !== null) {
              const ms = toks[toks.length - 1]!.end + 1;
              toks.push({ start: ms, end: ms + more[1]!.length, word: more[1]!, lower: more[1]!.toLowerCase(), folded: undefined });
            }
          }
          break;
        }
      }
      // a salutation of another language at a line start: "Beste Sanne,", "Querida Ana," (name-shapes.ts)
      let saluted = false;
      if (toks.length >= 2 && toks[0]!.start === runStart && SALUTATIONS.has(toks[0]!.lower) && blanksOnlyBefore(text, runStart)) {
        toks.shift();
        saluted = true;
        // and a title after it: "Szanowny Panie Kowalczyk,"
        while (toks.length > 1 && HONORIFICS.has(toks[0]!.lower)) toks.shift();
      }
      while (toks.length > 0 && STOP.has(toks[toks.length - 1]!.lower)) toks.pop();
      // "Mrs. Ana Ruiz Suite 5, …": a unit word and its number after the name
      // (a name before it: not "book Jordan Room 3", a room named after someone)
      if (toks.length >= 3 && unitWordBeforeNumber(text, toks[toks.length - 1]!.lower, toks[toks.length - 1]!.end)) toks.pop();
      // a leading capitalised word that is no name (a job title, a sentence-start word) before a known given name
      if (toks.length >= 3 && !all.has(toks[0]!.lower) && !all.has(foldedOf(toks[0]!)) && given.has(toks[1]!.lower) && !common.has(toks[1]!.lower)) toks.shift();
      // a verb about a person opening the sentence before a name: "Ask Huang Jianping for the figures" (the verb is then the word before it)
      if (toks.length >= 3 && toks[0]!.start === runStart && PERSON_VERBS.has(toks[0]!.lower)) toks.shift();
      // or before a given name alone: "Ask Solveig before moving anyone", "Ping Yusuf" (a rarer given
      // name of the SSA's list only before what is asked of the person: "Ask Hiroshi about the sheet")
      if (toks.length === 2 && toks[0]!.start === runStart && PERSON_VERBS.has(toks[0]!.lower) && !common.has(toks[1]!.lower) && !places.has(toks[1]!.lower) && !placeLikeGiven(toks[1]!.lower) &&
        !PRODUCT_NAMES.has(toks[1]!.lower) && !FIRM_NAMES.has(toks[1]!.lower) &&
        (given.has(toks[1]!.lower) || (rareGiven.has(toks[1]!.lower) && !english.has(toks[1]!.lower) && ASKED_ABOUT.test(text.slice(toks[1]!.end, toks[1]!.end + 10))))) {
        out.push({ dataClass: 'personal_data', detector: 'person-name', start: toks[1]!.start, end: toks[1]!.end, confidence: 0.75 });
        lastAcceptedEnd = toks[1]!.end;
        return;
      }
      // a capitalised role before a full name: "Producer Ana Ruiz explained", "Goalkeeper Ana Ruiz"
      let roleLead = false;
      if (toks.length >= 3 && toks[0]!.start === runStart && ROLE_NOUNS.has(toks[0]!.lower)) {
        toks.shift();
        roleLead = true;
      }
      if (toks.length === 0) return;
      const n = toks.length;
      const start = toks[0]!.start, end = toks[n - 1]!.end;
      // the particle run between two words must be blanks and particles only (no line break: groups stay on one line)
      if (toks.some((x) => STOP.has(x.lower))) return; // "Acme Bank Holdings", "New York"
      if (n === 2 && ORG_FIRST.has(foldedOf(toks[0]!)) && ORG_NAMES.has(foldedOf(toks[0]!) + ' ' + foldedOf(toks[1]!))) return;
      if (n === 1) {
        // a firm joined by "&": "Marks & Spencer", "Ernst & Young" (name-shapes.ts)
        if (ampersandFirm(text, start, end, lists)) return;
        // an initial and a family name: "Client: J. Moreau", "name on card A. Papadopoulos"
        if (start === runStart && pairedPeople(start, end)) return;
        const ini = start === runStart ? initialBefore(text, start) : -1;
        // after a title, an initial and any family name: "Dr P. Ramaswamy", "Mrs J Okonkwo"
        const titledIni = start !== runStart && HONORIFICS.has(lead) ? initialBefore(text, start) : -1;
        if (titledIni > runStart && (text.charCodeAt(titledIni + 1) === 46 || e3OfLead(text, runStart, titledIni))) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: titledIni, end, confidence: 0.85 });
          lastAcceptedEnd = end;
          return;
        }
        if (ini >= 0 && initialSurname(text, ini, start, end, lists)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: ini, end, confidence: 0.8 });
          lastAcceptedEnd = end;
          return;
        }
      }
      // the line start, at most 82 characters back (what beforeOf reads): the newlines are found
      // once, forwards, as forEachCapitalisedRun hands the runs over in text order (so nlBefore,
      // the last newline before `start`, never passes a later run's start; a huge single line stays linear)
      while (nlNext !== -1 && nlNext < start) {
        nlBefore = nlNext;
        nlNext = text.indexOf('\n', nlNext + 1);
      }
      const lineStart = Math.max(nlBefore + 1, start - 82);
      const bf = beforeOf(text, start, lineStart);
      const w0 = bf.words[0] ?? '', w1 = bf.words[1] ?? '', w2 = bf.words[2] ?? '';
      // "w1_w0" and "w2_w1_w0" can be in a word list only when w0 ends one of its multi-word entries
      const pairs = LAST_OF_MULTI.has(w0);
      const two = pairs ? w1 + '_' + w0 : '', three = pairs ? w2 + '_' + w1 + '_' + w0 : '';
      // (or a title before a family name's particles: "Mr van der Berg", "meneer de Vries"; the name starts at them)
      const particled = !bf.colon && !bf.comma && PARTICLES.has(w0) && (HONORIFICS.has(w1) || (PARTICLES.has(w1) && HONORIFICS.has(w2)));
      // (Polish "Pan" right before a given name: not "Pan Am", "in the pan. Add", "Pan Fried Sea Bass")
      /** a word written with a capital and then small letters ("Pak", not "pak" or "BU") */
      const titleCasedAt = (i: number): boolean => isUpper(text.charCodeAt(i)) && isLower(text.charCodeAt(i + 1));
      const honorific = (!bf.colon && !bf.comma && (HONORIFICS.has(w0) || (CAPITALISED_TITLES.has(w0) && titleCasedAt(wordsBack(text, start, 1)))) && !(w0 === 'pan' && (end - start < 3 || !/an[ \t]$/.test(text.slice(start - 3, start)) ||
        !given.has(toks[0]!.lower) || english.has(toks[0]!.lower)))) || particled;
      // a job word after a title is a grade: "Sr Eng", "Sr Manager" (name-shapes.ts)
      if (n === 1 && start !== runStart && HONORIFICS.has(lead) && jobAfterTitle(toks[0]!.lower)) return;
      // "rue Victor Hugo", "Via Giuseppe Verdi", "avenue Jean Jaurès": a street named after a person
      if (!bf.colon && !bf.comma && (STREET_WORDS.has(w0) || VENUE_BEFORE.has(w0))) return;
      // "at" and "to" after a verb of speaking are no place preposition: "shouted at Omar"
      const lowerArticle = !bf.colon && !bf.comma && LOWER_ARTICLES.has(w0) && !(w0 === 'at' && ADDRESS_VERBS.has(w1));
      // "assistant to", "married to": "to" before a person, not a place
      // (or after something sent, given or said to someone: "send it to Chidi", "explain the plan to Ines"; no place: not "send it to Paris")
      const personTo = w0 === 'to' && !bf.colon && !bf.comma && (TO_PERSON.has(w1) ||
        (TRANSFER_TO.test(text.slice(Math.max(lineStart, start - 64), start)) && !(n === 1 && (places.has(toks[0]!.lower) || placeLikeGiven(toks[0]!.lower)))));
      // "a reply from Wojciech", "feedback from Ines": what someone sends, then "from" (no place: not "an update from Jordan")
      const personFrom = w0 === 'from' && !bf.colon && !bf.comma && FROM_PERSON.has(w1) && !places.has(toks[0]!.lower) && !placeLikeGiven(toks[0]!.lower);
      // "named her Grace", "my partner's name Ana Ruiz", "her maiden name Okafor"
      const naming = !bf.colon && !bf.comma && (w0 === 'name' ? NAME_OWNERS.has(w1) || w1.endsWith("'s") || w1.endsWith('’s')
        : w0 === 'is' && w1 === 'name' ? NAME_OWNERS.has(w2) || w2.endsWith("'s") || w2.endsWith('’s') // "her maiden name is Key"
          : NAMING_LAST.has(w0) && NAMING2.has(w1 + '_' + w0));
      // thanks in another language, then a preposition or an article: "Danke an Jürgen", "Grazie mille a Giulia", "Ευχαριστώ τον Γιώργο"
      const thanked = !bf.colon && !bf.comma && THANKS_PREPS.has(w0) && (THANKS_WORDS.has(w1) || (THANKS_FILLERS.has(w1) && THANKS_WORDS.has(w2))) &&
        !toks.some((x) => DEITIES.has(x.lower) || FIRM_NAMES.has(x.lower) || PRODUCT_NAMES.has(x.lower));
      // greeted and nothing else: "Moin Hamburg!", "Oi Brasil!" greet a place; a family name alone needs the address's comma
      const greetedOnly = !honorific && !bf.colon && (GREETINGS.has(w0) || GREETINGS2.has(two) || saluted);
      // a label of another language before words of English ("Nume: Plan Standard"): a product, not a person
      // (nor words no list knows, four of them: "Peserta: Semua Karyawan Divisi Keuangan")
      const labelled = bf.colon && (LABELS.has(w0) || LABELS.has(two) || LABELS.has(three) || (MORE_LABELS.has(w0) && !toks.some((x) => english.has(x.lower) && !all.has(x.lower)) &&
        (toks.length <= 3 || toks.some((x) => all.has(x.lower) || all.has(foldedOf(x))))));
      let strong =
        honorific ||
        (!bf.colon && (GREETINGS.has(w0) || GREETINGS2.has(two))) ||
        thanked ||
        (!bf.colon && !bf.comma && (MY_NAME2.has(two) || MY_NAME2.has(w0) || MY_NAME2.has(three))) ||
        naming ||
        (bf.dash && dashName(toks, text)) ||
        labelled ||
        saluted ||
        // the head of a numbered or bulleted list item: "2) Chukwudi Nwosu – great communicator" (name-shapes.ts)
        (n >= 2 && !bf.colon && listMarkerBefore(text, start) && listItemName(text, toks, lists)) ||
        // a name and a role in brackets: "(Harjit Gill, HR BP)"
        (n >= 2 && n <= 3 && start === runStart && nameWithRoleInBrackets(text, start, end) && listItemName(text, toks, lists)) ||
        LABEL_PHRASES.has(two) || (LABEL_PHRASES.has(w0) && (bf.colon || w0 === 'cc' || w0 === 'attn')) ||
        // a relative after "my", "his"…: "his wife, Shirin Ghasemi", "our neighbour Ngozi Eze"
        (n >= 2 && !bf.colon && RELATIONS.has(w0) && POSSESSIVES.has(w1) && !toks.some((x) => common.has(x.lower) || DEPARTMENT_WORDS.has(x.lower) || PRODUCT_NAMES.has(x.lower) || FIRM_NAMES.has(x.lower))) ||
        // "Witnesses interviewed: …", "Staff present: …" (name-shapes.ts)
        (bf.colon && participleLabel(w0, w1)) ||
        // a block of "Name - what is said of them" lines headed by names: "Zhang Wei - vegetarian", "Yaw - none" (name-shapes.ts)
        (bf.lineStart && n <= 3 && dashListItem(text, toks, lists));
      // "Ship to: Warehouse B Dock", "Address: Basement C Storage": a delivery site, not its recipient
      if (n >= 2 && bf.colon && addressLabel(w0, w1) && toks.some((x) => SITE_WORDS.has(x.lower))) return;
      if (!strong && bf.lineStart && lineStart > 0 && text.charCodeAt(lineStart - 1) === 10 && SIGNOFF_LINE.test(previousLine(text, lineStart))) strong = true;
      // a list of names, a role in brackets after one: "Present: Kim Min-jun (BD lead), Park Ji-woo"
      // (after the bracket only a run with a listed name: not "Priya Patel (QA), Release Candidate")
      if (!strong && lastAcceptedEnd >= 0 && start - lastAcceptedEnd < 52) {
        const gap = text.slice(lastAcceptedEnd, start);
        if (LIST_GAP.test(gap) && (gap.indexOf('(') === -1 || toks.some((x) => (all.has(x.lower) && !common.has(x.lower) && !english.has(x.lower)) || koreanGiven(x.lower)))) strong = true;
      }
      // a list of given names ("Hannah, Omar, Lea and Tom"): each item is a name
      if (n === 1 && !strong && text.charCodeAt(end) === 44 && listOfNamesAt(start, 0.8)) return;
      // one word without a salutation, title, field or signature is a name only after a verb about a person or with its e-mail address nearby
      // the accent-free form is looked up only when it differs from the lower-case one (same answers, half the lookups)
      const isCommon = (x: Tok): boolean => common.has(x.lower) || (foldedOf(x) !== x.lower && common.has(foldedOf(x)));
      // (or a hyphenated given name whose parts are both names of the lists: "Wei-Ling", "Jean-Baptiste")
      const isGiven = (x: Tok): boolean => given.has(x.lower) || (foldedOf(x) !== x.lower && given.has(foldedOf(x))) || (x.lower.indexOf('-') > 0 && hyphenGiven(foldedOf(x))) ||
        (inflecting && given.has(caseOf(x.lower) ?? ''));
      const isKnown = (x: Tok): boolean => all.has(x.lower) || (foldedOf(x) !== x.lower && all.has(foldedOf(x))) || (inflecting && all.has(caseOf(x.lower) ?? ''));
      const isRareGiven = (x: Tok): boolean => rareGiven.has(x.lower) || (foldedOf(x) !== x.lower && rareGiven.has(foldedOf(x)));
      /** a given name of both lists (one filter alone answers yes for ~1% of the words of any language), no word, place, firm or product */
      const clauseName = (x: Tok): boolean =>
        x.word.length >= 3 && isGiven(x) && isKnown(x) && !english.has(x.lower) && !isCommon(x) && !places.has(x.lower) && !placeLikeGiven(x.lower) &&
        !PRODUCT_NAMES.has(x.lower) && !FIRM_NAMES.has(x.lower) && !NOT_SUBJECTS.has(x.lower) && !DEPARTMENT_WORDS.has(x.lower) && !HEADING_WORDS.has(x.lower) && !ORG_WORDS.has(x.lower) &&
        !FOREIGN_WORDS.has(x.lower) && !FOREIGN_WORDS.has(foldedOf(x)) && !CLAUSE_NOT.has(x.lower);
      /** a past verb of speaking after the word, which is no place, firm or product: "Will said", "Grant raised" (not "Georgia raised its rate") */
      const saidByPerson = (x: Tok): boolean =>
        pastVerbOfPerson(text, x.end) && !placeLikeGiven(x.lower) && !places.has(x.lower) && !FIRM_NAMES.has(x.lower) && !PRODUCT_NAMES.has(x.lower);
      /** no English word (nor an everyday name), no word of a firm, a department, a site, a product or a heading; two letters or more */
      const noWord = (x: Tok): boolean =>
        x.word.length >= 2 && !english.has(x.lower) && !(foldedOf(x) !== x.lower && english.has(foldedOf(x))) && !isCommon(x) && !ORG_WORDS.has(x.lower) &&
        !DEPARTMENT_WORDS.has(x.lower) && !SITE_WORDS.has(x.lower) && !PRODUCT_NAMES.has(x.lower) && !FIRM_NAMES.has(x.lower) && !HEADING_WORDS.has(x.lower);
      // a name line of an address block: the whole line, a given name first, and the street on the next line
      if (!strong && bf.lineStart && n >= 2 && n <= 4 && (isGiven(toks[0]!) || surnameEnd(toks[n - 1]!))) {
        ADDRESS_LINE_AFTER.lastIndex = end;
        if (ADDRESS_LINE_AFTER.test(text)) strong = true;
      }
      // further down a letter or signature block (a blank line, an organisation line, "> " quotes in
      // between), for a given name, a listed surname or a middle initial
      // (or any two or three words heading the text: "Xiadani Orruk\n\n12 Birch Lane", not "Billing Address\n12 Birch Lane")
      if (!strong && bf.lineStart && n >= 2 && n <= 4 && lineEndsAt(text, end) &&
        (isGiven(toks[0]!) || (isKnown(toks[n - 1]!) && !isCommon(toks[n - 1]!)) || surnameEnd(toks[n - 1]!) || (toks[1]!.start - toks[0]!.end >= 3 && MIDDLE_INITIAL.test(text.slice(toks[0]!.end, toks[1]!.start))) ||
          (n <= 3 && headsText(text, start) && !toks.some((x) => isCommon(x) || x.word.length < 2 || HEADING_WORDS.has(x.lower) || DEPARTMENT_WORDS.has(x.lower) || SITE_WORDS.has(x.lower) || PRODUCT_NAMES.has(x.lower) || FIRM_NAMES.has(x.lower))))) {
        ADDRESS_BLOCK_AFTER.lastIndex = end;
        if (ADDRESS_BLOCK_AFTER.test(text)) strong = true;
      }
      // "my name is X", "last name? X": a self-introduction or an answer to a name question
      const nameIs = !bf.colon && nameIsBefore(text, start);
      if (nameIs) strong = true;
      // one known given name (no common word) addressed or mentioned in running text
      let single = 0;
      // (not after a capitalised word left out above: "Santa Clara", "Port Louis")
      if (n === 1 && !strong && start === runStart && !article && !lowerArticle) {
        const p = prevChar(text, start);
        let q = end;
        while (q < text.length && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
        const next = q < text.length ? text.charCodeAt(q) : -1;
        const sentenceStart = p === -1 || p === 46 || p === 33 || p === 63 || p === 10;
        // the listener after a verb of speaking: "shouted at Omar", "said Ines to Omar"
        // (or "said Maslin to Omar": the speaker a capitalised word, found or not)
        const listener = (w0 === 'to' || w0 === 'at') &&
          (ADDRESS_VERBS.has(w1) || (ADDRESS_VERBS.has(w2) && ((lastAcceptedEnd >= 0 && start - lastAcceptedEnd < 6 && /^[ \t]+(?:to|at)[ \t]+$/.test(text.slice(lastAcceptedEnd, start))) ||
            SPEAKER_TO.test(text.slice(Math.max(0, start - 40), start)))));
        // a vocative: "Anna, can you ...", "... thanks, Omar!"
        let calledOut = false;
        // (not a word of another language that opens a sentence and a comma far more often than a name: "Kérem, állítsanak…")
        if (sentenceStart && next === 44 && q === end && q + 2 < text.length && text.charCodeAt(q + 1) === 32 && isLower(text.charCodeAt(q + 2))) single = VOCATIVE_NOT.has(toks[0]!.lower) ? 0 : 0.75;
        else if (bf.comma && (next === 63 || next === 33)) {
          single = 0.75;
          calledOut = true;
        }
        // mid-sentence, after a small word that is no place preposition: "my kid Lukas", "why is Katrine"
        // ("to" after a word of thanks or of a role: "Thanks to Małgorzata for catching it", "assistant to Ana")
        else if (p !== -1 && isLower(p) && !(next >= 48 && next <= 57) && (!PLACE_PREPS.has(w0) || listener || personTo || personFrom)) single = 0.7;
        // at a sentence start, before a verb of saying or asking: "Kevin said ...", "Amira wants ..."
        // (an adverb between: "Yusuf accidentally committed the bot token", "Kenji already said")
        // (or after a colon: "heads up: Yusuf accidentally committed…")
        else if ((sentenceStart || p === 58) && isLower(next) && q === end + 1 && isGiven(toks[0]!) && !placeLikeGiven(toks[0]!.lower) && (SAYS_AFTER.test(text.slice(end, end + 16)) ||
          saidByPerson(toks[0]!) || ADVERB_THEN_PAST.test(text.slice(end, end + 32)) || AND_I_AFTER.test(text.slice(end, end + 12)))) single = 0.7;
        // or before an auxiliary and what it tells of them: "Theo has a nut allergy", "Kristin has been off since May"
        // (not a place named like a person: "Jordan has been hit by drought")
        else if (sentenceStart && isLower(next) && q === end + 1 && isGiven(toks[0]!) && AUX_AFTER.test(text.slice(end, end + 24)) && !placeLikeGiven(toks[0]!.lower)) single = 0.7;
        // described as a person: "Priya is very reliable. You can always count on her."
        else if (sentenceStart && (next === 105 || next === 119) && q === end + 1 && describedPerson(text, end)) single = 0.7;
        // at the start of a sentence or a clause, in any language, a given name that both name lists know and no list of words
        // or places does, before a word in small letters: "Lena weiß Bescheid", "Mehdi peut reprendre", "Sanne weet ervan"
        else if ((sentenceStart || p === 58 || p === 59 || p === 44) && isLower(next) && q === end + 1 && clauseName(toks[0]!)) single = 0.7;
        // the name lists last (the context tests above are cheaper)
        // (a given name that is also a word only when called out at the end, "Don't go, Mark!", or
        // before what someone said or did at a meeting: "Will said he would", "Grant raised the issue")
        // (after something sent or said to someone, or a message from them, a rarer given name too: "send it to Chidi", "a reply from Wojciech")
        if (single > 0 && !(isGiven(toks[0]!) && (!isCommon(toks[0]!) || (calledOut && q === end) || (sentenceStart && q === end + 1 && saidByPerson(toks[0]!)))) &&
          !((personTo || personFrom) && unambiguousRare(toks[0]!.lower))) single = 0;
        // the speaker named after a quotation, a listed name: '"…," says Okafor.' (not a firm: '"…," said Siemens.')
        if (single === 0 && quotationSpeaker(text, start, end) && isKnown(toks[0]!) && !FIRM_NAMES.has(toks[0]!.lower) && !isCommon(toks[0]!) && !PRODUCT_NAMES.has(toks[0]!.lower) && !NOT_SUBJECTS.has(toks[0]!.lower)) single = 0.75;
        // any word at a sentence start before what only a person does ("Xiadani shouted at…", "Orruk's widow")
        if (single === 0 && sentenceStart && personalAfter(text, end) && !NOT_SUBJECTS.has(toks[0]!.lower) && !isCommon(toks[0]!)) single = 0.7;
        // a listed word described by a trait of character: "Why is Dori so impulsive?"
        // a caller introducing themselves: "G'day, Shane here from Coastline Plumbing" (person-name-cues.ts)
        if (single === 0 && selfIntroduced(text, start, end) && isKnown(toks[0]!) && !isCommon(toks[0]!) && !PRODUCT_NAMES.has(toks[0]!.lower) && !FIRM_NAMES.has(toks[0]!.lower)) single = 0.8;
        // one of the people named after a word for people and "incl." / "including": "mentored six juniors incl. Faisal and Bea"
        if (single === 0 && (w0 === 'incl' || w0 === 'including' || w0 === 'as' || w0 === 'namely') && isKnown(toks[0]!) && !isCommon(toks[0]!) && !PRODUCT_NAMES.has(toks[0]!.lower) &&
          !FIRM_NAMES.has(toks[0]!.lower) && !places.has(toks[0]!.lower) && peopleIncluding(text, start)) single = 0.75;
        if (single === 0 && describedByTrait(text, end) && isKnown(toks[0]!) && !isCommon(toks[0]!) && !NOT_SUBJECTS.has(toks[0]!.lower) && !PRODUCT_NAMES.has(toks[0]!.lower) && !FIRM_NAMES.has(toks[0]!.lower)) single = 0.7;
        // a listed name, a family name too, right after a word for someone's role ("her line manager Kipchoge has been told",
        // "first aider Hemi"), or in brackets after one or after a team ("the technician (Marco) missed", "tell HR (Gemma)")
        if (single === 0 && (isGiven(toks[0]!) || (isKnown(toks[0]!) && !english.has(toks[0]!.lower))) && !isCommon(toks[0]!) && !PRODUCT_NAMES.has(toks[0]!.lower) && !FIRM_NAMES.has(toks[0]!.lower) &&
          !places.has(toks[0]!.lower) && (ROLE_BEFORE.has(w0) && !bf.colon && !bf.comma && p !== 40 ? true : p === 40 && text.charCodeAt(end) === 41 && ROLE_IN_BRACKETS.test(text.slice(Math.max(0, start - 24), start)))) single = 0.7;
      }
      if (n === 1 && !strong && single === 0) {
        if (start === runStart && !article && !lowerArticle && !PLACE_PREPS.has(w0) && andPair(start, end, false)) return;
        if (start === runStart && !article && !lowerArticle && givenPair(start, end)) return;
        // a family name used as a modifier: "the Halvorsen report", "the Okafor proposal"
        // or before its possessive and a work: "Halvorsen's novel"
        const c = text.charCodeAt(end);
        const work = (article || lowerArticle) && (w0 === 'the' || w0 === 'a' || w0 === 'an' || start !== runStart)
          ? WORK_AFTER.test(text.slice(end, end + 16))
          : (c === 39 || c === 0x2019) && text.charCodeAt(end + 1) === 115 && WORK_AFTER.test(text.slice(end + 2, end + 18));
        if (work &&
          isKnown(toks[0]!) && !isCommon(toks[0]!) && !PRODUCT_NAMES.has(toks[0]!.lower) && !FIRM_NAMES.has(toks[0]!.lower) && !(start > 0 && text.charCodeAt(start - 1) === 45))
          single = 0.7;
        // a listed given name before its possessive and a word in lower case: "Priyanka's team", "Mikael's proposal"
        // (not a firm or a product named after someone, nor a place named like a person: "Nando's", "Jordan's economy")
        else if (!article && !lowerArticle && (c === 39 || c === 0x2019) && text.charCodeAt(end + 1) === 115 && POSSESSED.test(text.slice(end + 2, end + 20)) &&
          isGiven(toks[0]!) && !isCommon(toks[0]!) && !PRODUCT_NAMES.has(toks[0]!.lower) && !FIRM_NAMES.has(toks[0]!.lower) && !placeLikeGiven(toks[0]!.lower))
          single = 0.7;
      }
      if (n === 1 && !strong && single === 0 && !PERSON_VERBS.has(w0) && !atNear(start)) {
        lone.push(start, end);
        return;
      }
      const after = text.slice(end, Math.min(text.length, end + 40));
      if (n === 1 && !honorific && PRODUCT_NAMES.has(toks[0]!.lower)) return;
      if (ORG_AFTER.test(after)) return;
      const houseNumber = /^[ \t]+\d{1,4}[a-z]?\b/.test(after) || (start > 1 && text.charCodeAt(start - 2) >= 48 && text.charCodeAt(start - 2) <= 57 && text[start - 1] === ' ');
      // (or a name between commas before a verb of telling: "One of my reports, Tariq Mahmood, just told me")
      const weak = (!bf.colon && WEAK.has(w0)) || WEAK_AFTER.test(after) || (bf.comma && text.charCodeAt(end) === 44 && APPOSITIVE_AFTER.test(after));
      // "add Ana Ruiz as a beneficiary", "the name is wrong, please change it to Ana Ruiz"
      const addedAs = !bf.colon && ADD_VERBS.has(w0) && AS_ROLE.test(after);
      const changeTo = !bf.colon && w0 === 'to' && (w1 === 'it' || w1 === 'this' || w1 === 'that') && CHANGE_VERBS.has(w2) && /\bname\b/i.test(text.slice(Math.max(0, start - 120), start));

      let emailMatch = false;
      /** an address nearby spells this full name: its last word and its first word or initial ("d.farahani@…" by "Dariush Farahani") */
      let emailSpelled = false;
      if (ats.length > 0) {
        const locals = nearbyLocals(ats, localParts, start, end, 200);
        if (locals.length > 0) {
          const parts = toks.map(foldedOf).filter((p) => p.length >= 3);
          emailMatch = locals.some((l) => parts.some((p) => l.includes(p)));
          if (emailMatch && n === 2 && toks[1]!.word.length >= 4) {
            const f = foldedOf(toks[0]!), l2 = foldedOf(toks[1]!);
            emailSpelled = locals.some((l) => l.includes(l2) && (l.startsWith(f) || (l[0] === f[0] && !isLetter(l.charCodeAt(1)))));
          }
        }
      }

      const first = toks[0]!, last = toks[n - 1]!;
      let score = 0;
      if (isGiven(first)) score += isCommon(first) ? 0.25 : 0.5;
      else if (isKnown(first)) score += isCommon(first) ? 0.1 : 0.3;
      // a rarer given name before a listed family name that is no given name, or a surname ending ("Noelle
      // Martinsson", "Pradeep Sharma", "Hilding Carlsson"): 0.45 with it (the list is read for no word alone:
      // Prisma, Deno and Koa are given names too, and "Prisma Dev" is no person)
      if (score < 0.45 && !isCommon(first) && n >= 2 && ((isKnown(last) && !isCommon(last) && !isGiven(last)) || surnameEnd(last)) && isRareGiven(first)) score = 0.45;
      if (n >= 2) {
        if (isKnown(last)) score += isCommon(last) ? 0.1 : 0.35;
        for (let i = 1; i < n - 1; i++) if (isKnown(toks[i]!) && !isCommon(toks[i]!)) score += 0.1;
      }
      // an unknown last word with a surname ending ("-dóttir", "-ova", "-enko", "-escu") after a first word
      if (n >= 2 && !isKnown(last) && surnameEnd(last)) score += 0.3;
      if (n >= 2 && /[ \t](?:van|von|de|der|den|da|di|du|del|della|dos|das|le|la|bin|al|el|ten|ter|zu|y)[ \t]/.test(text.slice(start, end))) score += 0.2;
      // a middle initial between two capitalised words ("Anna K. Berg") is how people's names are written
      if (n >= 2 && MIDDLE_INITIAL.test(text.slice(start, end))) score += text.indexOf('.', start) > 0 && text.indexOf('.', start) < end ? 0.35 : 0.25;
      const listEvidence = score;
      if (weak) score += 0.2;
      if (emailMatch) score += 0.35;
      if (article || lowerArticle) score -= 0.4;
      if (houseNumber) score -= 0.5;

      // "Imran Qureshi, Financial Controller", "Bill to: Harbor Point Realty": a job title or a firm (name-shapes.ts)
      if (n >= 2 && !honorific && roleOrFirm(last.lower)) return;
      let confidence = 0;
      // (a number and a street after a titled full name, a given name first, is its address: "Mrs. Ana Ruiz 12 Elm Road";
      // not "Mr. Robot Season 2 is out", "Dr. Pepper Zero 12 pack")
      const titledAddress = honorific && n >= 2 && houseNumber && isGiven(first) && !isCommon(first) && /^[ \t]+\d{1,4}[a-z]?,?[ \t]+\p{Lu}/u.test(after);
      if (strong && (!houseNumber || titledAddress) && !(n === 1 && isCommon(first) && !honorific && !naming && !GREETINGS.has(w0))) {
        // a salutation, title, name field or signature: the capitalised words after it are a name
        // a single unknown word needs a title ("Mr Xyz"); after a greeting or a label it must be a known name
        if ((n >= 2 || listEvidence > 0) && !(greetedOnly && n === 1 && !isGiven(first) && text.charCodeAt(end) !== 44)) confidence = 0.92;
        else if (honorific || (n === 1 && nameIs)) confidence = 0.8;
        // a rarer given name of the SSA's list thanked: "Danke an Jürgen" (no English word, firm or product)
        else if (thanked && unambiguousRare(first.lower)) confidence = 0.8;
        // an unlisted first name after a salutation: "Hi Oksana," (name-shapes.ts)
        else if (n === 1 && !bf.colon && salutedName(text, start, end, w0, saluted || (GREETINGS.has(w0) && w0 !== 'love' && w0 !== 'best' && w0 !== 'morning'), lists)) confidence = 0.8;
      } else if (n >= 2 && (score >= 0.75 || (score >= 0.7 && isGiven(first) && !isCommon(first) && weak) || (score >= 0.5 && isGiven(first) && !isCommon(first) && WEAK_AFTER.test(after) && !article && !lowerArticle)))
        confidence = score >= 1 ? 0.9 : 0.82;
      // an unlisted first name before a listed surname (or a surname ending) after a word about a person
      // ("sung by Bonifacio Kowalczyk", "a note from Xiadani Okafor"; not after a place preposition)
      else if (n >= 2 && n <= 3 && weak && !isKnown(first) && !article && !lowerArticle && !houseNumber && !(PLACE_PREPS.has(w0) && !personTo && !WEAK_AFTER.test(after)) &&
        ((isKnown(last) && !isCommon(last)) || surnameEnd(last)))
        // after a word about a person before it (not only a verb after it), strong enough to read its words again later
        confidence = !bf.colon && WEAK.has(w0) && (!PLACE_PREPS.has(w0) || personTo) ? 0.82 : 0.8;
      // the family name first, then an unlisted given name, as Chinese and Korean names are written: "ask Zhang
      // Xiuying to courier it", "a call with Park Ji-woo" (no English word after the family name)
      // (a given name of pinyin syllables or a Korean one, even after a family name that is also a word: "Park Ji-woo")
      else if (n === 2 && weak && isKnown(first) && !isKnown(last) && last.word.length >= 4 && noWord(last) && !article && !lowerArticle &&
        (koreanGiven(last.lower) || (!isCommon(first) && pinyinName(last.lower))) &&
        !houseNumber && !(PLACE_PREPS.has(w0) && !personTo && !WEAK_AFTER.test(after)))
        confidence = 0.8;
      // two unlisted words around a middle initial after a word about a person: "written by Szelma K Varga",
      // "assistant to Ondrej P. Halasz" (not "Vitamin D Tablets", "Building C Reception")
      // or on an address block's label: "Billing address: Erlendur G. Hafliðason"
      // (with the street on the next line: not "IP address: Router B Primary")
      else if (n === 2 && (bf.colon ? addressLabel(w0, w1) && addressLineAfter(text, end) : WEAK.has(w0)) && !article && !lowerArticle && !houseNumber && !INITIAL_NOUNS.has(first.lower) && !isCommon(first) && !isCommon(last) &&
        last.word.length >= 3 && MIDDLE_INITIAL.test(text.slice(start, end)))
        confidence = 0.82;
      // two or three words after a role, whatever the lists say: "tennis player Xiadani Orruk", "Producer Xiadani Orruk"
      // (not a firm or a product: no company word, no common word, not before "Inc", "Street"…)
      else if (n >= 2 && n <= 3 && (roleLead || (!bf.colon && !bf.comma && ROLE_NOUNS.has(w0))) && !article && !lowerArticle && !houseNumber &&
        !isCommon(first) && !isCommon(last) && last.word.length >= 3 &&
        !toks.some((x) => ORG_WORDS.has(x.lower) || DEPARTMENT_WORDS.has(x.lower) || PRODUCT_NAMES.has(x.lower) || FIRM_NAMES.has(x.lower)))
        confidence = 0.8;
      // two or three words after "follow up with", "meet with", "speak to": a person, not a department ("talk to Human Resources")
      else if (n >= 2 && n <= 3 && !bf.colon && !bf.comma && w0 !== '' && (w0 === 'with' || w0 === 'to') && !article && !lowerArticle && !houseNumber &&
        MEET_WITH.test(text.slice(Math.max(lineStart, start - 28), start)) && !isCommon(first) && !isCommon(last) && last.word.length >= 3 &&
        !toks.some((x) => DEPARTMENT_WORDS.has(x.lower) || ORG_WORDS.has(x.lower) || PRODUCT_NAMES.has(x.lower) || FIRM_NAMES.has(x.lower)))
        confidence = 0.8;
      // a person named by what is done to them: "add Ana Ruiz as a beneficiary", "(name wrong) change it to Ana Ruiz"
      else if (n >= 2 && n <= 3 && !article && !lowerArticle && !houseNumber && (addedAs || (changeTo &&
        ((isGiven(first) && !isCommon(first)) || SURNAME_END.test(foldedOf(last)) || (isKnown(first) && isKnown(last) && !isCommon(first) && !isCommon(last))))))
        confidence = 0.85;
      // what only a person does, right after two or three words at a sentence start ("Xiadani Orruk lives at…")
      else if (n >= 2 && n <= 3 && start === runStart && !article && !houseNumber && personalAfter(text, end) && sentenceStartAt(text, start)) confidence = 0.8;
      // a listed full name after an article, before a noun: "the Vera Lindqvist recording", "a Homero Portillo concert"
      else if ((article || lowerArticle) && n >= 2 && n <= 3 && !houseNumber && !isCommon(first) && !isCommon(last) && /^[ \t]+\p{Ll}/u.test(after) &&
        ((listEvidence >= 0.85 && isKnown(first) && !/^[ \t]+(?:of|and|or|in|on|at|to|for|from|by|with|is|was|are|were|has|have|had)\b/.test(after)) ||
          // an unlisted given name too, before a work: "a Zoltanek Kowalski concert"
          ((isKnown(last) || surnameEnd(last)) && WORK_AFTER.test(after))))
        confidence = 0.8;
      // two or three words that are no English words, one of them a listed name that is no everyday word (not only
      // a rarer given name: "Prisma Postgres"), none a firm's, department's or site's word: "Skip-level Gabriela
      // Nowicka agrees", "Yamamoto Haruki"
      // (a title, a firm or a heading has a word of the language: "Staff Engineer", "Delta Consulting")
      // (a word no list knows has five letters or more, and a rarer given name, which may be a product's, stands
      // beside a listed name of four letters or more: not "Dev Deps", "Json Schema", "Prisma Dev")
      // (nor a sign-off, "Viele Grüße", nor a department's or a firm's name, "Personalabteilung Nord")
      else if (n >= 2 && n <= 3 && !article && !lowerArticle && !houseNumber && toks.every(noWord) && toks.some((x) => !isCommon(x) && isKnown(x)) &&
        toks.every((x) => isKnown(x) || (x.word.length >= 5 && (!isRareGiven(x) || toks.some((y) => isKnown(y) && !isCommon(y) && y.word.length >= 4)))) &&
        !SIGNOFF_LINE.test(text.slice(start, end)) && !toks.some((x) => DEPARTMENT_WORDS.has(x.lower) || ORG_WORDS.has(x.lower))) confidence = 0.78;
      else if (n === 1 && score >= 0.85 && emailMatch) confidence = 0.8;
      // two words that an e-mail address nearby spells, no English word among them: "Dariush Farahani … d.farahani@…"
      else if (emailSpelled && !article && !lowerArticle && !houseNumber && toks.every(noWord)) confidence = 0.85;
      // a Gaelic surname's particle between two words: "Aoife Ní Bhriain", "Síle Nic Giolla Phádraig"
      else if (n >= 3 && GAELIC_PARTICLES.has(toks[1]!.lower) && !article && !lowerArticle && !houseNumber && !isCommon(first) &&
        !toks.some((x) => ORG_WORDS.has(x.lower) || DEPARTMENT_WORDS.has(x.lower) || PRODUCT_NAMES.has(x.lower) || FIRM_NAMES.has(x.lower))) confidence = 0.85;
      // (not a city named like a person among places: "offices in Jordan … and Florence", name-shapes.ts)
      else if (single > 0 && !houseNumber && !placeNamedLikePerson(text, start, first.lower)) confidence = single;
      // "ask Wojciech to resend", "tell Ingrid": a known, unambiguous given name right after a verb about a person
      else if (n === 1 && !bf.colon && PERSON_VERBS.has(w0) && isGiven(first) && !isCommon(first) && !article && !lowerArticle && !houseNumber) confidence = 0.7;
      if (confidence === 0) {
        if (n === 1) lone.push(start, end);
        return;
      }
      // a country, state or city of several words, some of them names ("Costa Rica", "Sierra Leone", "Los Angeles")
      if (n >= 2 && !honorific && places.has(placeKey(text.slice(start, end)))) return;
      // a placeholder of forms and templates ("Jane Doe", "Max Mustermann"), a dish or a drink named after someone
      // ("Beef Wellington", "Caesar salad", "Earl Grey"); read last, on the runs about to be names only
      if ((n >= 2 && PLACEHOLDER_LAST.has(foldedOf(toks[n - 1]!)) && PLACEHOLDER_NAMES.has(toks.map(foldedOf).join(' '))) || dishNamed(text, start, end, toks)) return;
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: particled ? wordsBack(text, start, HONORIFICS.has(w1) ? 1 : 2) : start, end, confidence });
      lastAcceptedEnd = end;
      // the words of a full name, or one listed word named as a person, are that person again elsewhere ("Gerth had given Gerth his keys")
      if ((n >= 2 && confidence >= 0.82) || (n === 1 && confidence >= 0.7 && isKnown(first))) {
        for (const x of n === 1 ? [first] : [first, last]) {
          if (x.word.length < 3 || x.word.length > 31 || STOP.has(x.lower) || PRODUCT_NAMES.has(x.lower)) continue;
          // (an English word or an everyday name only where a word cannot be: "Before" after "Anno Domini,
          // Before Christ" is not, "Hart" in "Rosalind Hart … ; Hart to chase the contractor" is)
          if (isCommon(x) || english.has(x.lower)) {
            if (n >= 2 && !FIRM_NAMES.has(x.lower) && !ORG_WORDS.has(x.lower) && !DEPARTMENT_WORDS.has(x.lower) && !HEADING_WORDS.has(x.lower)) (seenWord ??= new Set()).add(x.lower);
            else continue;
          } else (seen ??= new Set()).add(x.lower);
          seenKeys.add(wordKey(x.lower, 0, x.lower.length));
        }
      }
    }, loneWord, done);
    // the sender's name closing a letter without a sign-off word (name-shapes.ts)
    // (a listed given name: no English word unless it is an everyday name, "Bill"; the lists' filters answer yes for ~1% of words, "Approved")
    const closing = closingName(text, (w) => (given.has(w) || rareGiven.has(w)) && (!english.has(w) || common.has(w)) && !GREETINGS.has(w) && !NOT_SUBJECTS.has(w) && !places.has(w) && !PRODUCT_NAMES.has(w));
    if (closing !== null && !out.some((f) => f.start < closing[1] && closing[0] < f.end)) out.push({ dataClass: 'personal_data', detector: 'person-name', start: closing[0], end: closing[1], confidence: 0.8 });
    /** the chat speakers' words, for their names typed again in lower case in the messages (below) */
    let speakers: Set<string> | undefined;
    for (let i = 0; i < chatSpans.length; i += 2) {
      // (a handle's first part only: "alex.romero" is "alex" in the messages; "anna.dev" is no "dev")
      const span = text.slice(chatSpans[i]!, chatSpans[i + 1]!).toLowerCase();
      const handle = span.indexOf(' ') === -1 && /[._]/.test(span);
      const ws = handle ? [span.split(/[._]/)[0]!] : span.split(' ');
      for (const w of handle ? ws : [ws[0]!, ws[ws.length - 1]!]) {
        if (w.length < 3 || w.length > 31 || common.has(w) || STOP.has(w) || PRODUCT_NAMES.has(w) || PARTICLES.has(w)) continue;
        (seen ??= new Set()).add(w);
        (speakers ??= new Set()).add(w);
        seenKeys.add(wordKey(w, 0, w.length));
      }
    }
    // the other items of a line's list of people, two of them names found ("Present: Dr Okonkwo, Rui, Tamsin (notes), Kwabena",
    // "Kowalczyk, Zieliński and Nowak attended; Horváth and Novák joined"); their words are those people again further on
    for (const f of listedPeople(text, out, (w) => english.has(w) || common.has(w) || STOP.has(w) || places.has(w) || PRODUCT_NAMES.has(w) ||
      FIRM_NAMES.has(w) || ORG_WORDS.has(w) || DEPARTMENT_WORDS.has(w) || HEADING_WORDS.has(w) || NOT_SUBJECTS.has(w),
    (w) => all.has(w) || given.has(w) || rareGiven.has(w) || all.has(fold(w, w)) || (w.length >= 5 && SURNAME_END.test(fold(w, w))))) {
      out.push(f);
      remember(f.start, f.end);
    }
    if (seen !== undefined || seenWord !== undefined) {
      for (let i = 0; i < lone.length; i += 2) {
        const s = lone[i]!, e = lone[i + 1]!;
        if (e - s > 31 || !seenKeys.has(wordKey(text, s, e))) continue;
        const lower = text.slice(s, e).toLowerCase();
        if (!seen?.has(lower) && !(seenWord?.has(lower) && wordAsName(text, s, e))) continue;
        // "Berg Street", "Solheim Holdings": a street or a firm named after the person
        if (ORG_AFTER.test(text.slice(e, e + 40))) continue;
        out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.75 });
      }
    }
    // in a chat log, a speaker's name typed again in lower case in its messages: "maëlle stp ne colle…", "talk to tariq tomorrow"
    // (no English word, everyday name or other language's word: not "will", "max", "pilar"; not after an article, "the ana
    // module"; three letters or more; from the first speaker to 400 characters after the last)
    if (speakers !== undefined) {
      const taken = new Set(out.filter((f) => f.detector === 'person-name').map((f) => f.start));
      const to = Math.min(text.length, chatSpans[chatSpans.length - 1]! + 400);
      LOWER_WORD.lastIndex = chatSpans[0]!;
      let m: RegExpExecArray | null;
      while ((m = LOWER_WORD.exec(text)) !== null && m.index < to) {
        const s = m.index, e = s + m[0].length, w = m[0];
        if (!seenKeys.has(wordKey(text, s, e)) || !speakers.has(w) || english.has(w) || common.has(w) || STOP.has(w) || HONORIFICS.has(w) ||
          FOREIGN_WORDS.has(w) || CLAUSE_NOT.has(w) || taken.has(s) || ARTICLE_BEFORE.test(text.slice(Math.max(0, s - 5), s))) continue;
        out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.75 });
      }
    }
    // the same name in Chinese, Japanese or Korean script in brackets after it: "Zhang Wei (张伟)", "Takahashi Yuki (高橋 由紀)"
    if (NON_LATIN.test(text)) {
      const names = out.filter((f) => f.detector === 'person-name');
      for (const f of names) {
        // (a name in Latin letters: "张秀英（妈妈）" is a name and a relation)
        if (!/[A-Za-z]/.test(text.slice(f.start, f.end))) continue;
        SCRIPT_NAME_AFTER.lastIndex = f.end;
        const m = SCRIPT_NAME_AFTER.exec(text);
        if (m !== null) out.push({ dataClass: 'personal_data', detector: 'person-name', start: f.end + m[0].indexOf(m[1]!), end: f.end + m[0].length - 1, confidence: f.confidence });
      }
    }
  },
};

/** a name in CJK script in brackets, right after a name (sticky; group 1 the name): two to four characters, a blank between family and given name */
const SCRIPT_NAME_AFTER = /[ \t]*[(（]((?:\p{Script=Han}|\p{Script=Hangul}|\p{Script=Katakana}){1,3}[ \u3000]?(?:\p{Script=Han}|\p{Script=Hangul}|\p{Script=Katakana}){1,3})[)）]/uy;

/**
 * A family name's ending on a word of 5+ letters: "-sson", "-ova", "-enko", "-mann" (SURNAME_END,
 * accent-free), or the South Slavic "-ić" with its accent ("Bašić", "Janković": no English word ends so).
 */
function surnameEnd(x: Tok): boolean {
  return x.word.length >= 5 && (SURNAME_END.test(foldedOf(x)) || x.lower.endsWith('ić'));
}
/** "said Okafor to " right before a listener: a verb of speaking, one capitalised word, "to" or "at" */
const SPEAKER_TO = /\b(?:said|says|replied|shouted|yelled|whispered|complained|explained)[ \t]+\p{Lu}[\p{L}'’-]+[ \t]+(?:to|at)[ \t]+$/u;

/** a character of the Hebrew, Arabic, Devanagari, Thai, CJK or Hangul blocks: the script-name pass runs only then */
const NON_LATIN = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\u0E00-\u0E7F\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/u;
/** between two names of a list: a separator, after a role in brackets ("Kim Min-jun (BD lead), ") */
const LIST_GAP = /^[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:,|;|&|and|und|et|y)[ \t]*$/iu;

/** Only blanks, line breaks and e-mail quote marks before `pos`: the first line of the text. */
function headsText(text: string, pos: number): boolean {
  for (let i = 0; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 62) return false;
  }
  return true;
}

/** Only blanks between the line start and `pos`. */
function blanksOnlyBefore(text: string, pos: number): boolean {
  let i = pos;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i === 0 || text.charCodeAt(i - 1) === 10;
}

/** A number for the word [s, e) of `w`: its first letter in lower case, its last letter and its length (< 32). */
function wordKey(w: string, s: number, e: number): number {
  let c = w.charCodeAt(s);
  c = c < 128 ? c | 32 : w[s]!.toLowerCase().charCodeAt(0);
  return ((c & 0x1ff) << 21) | ((w.charCodeAt(e - 1) & 0x3ff) << 5) | (e - s); // below 2^30: a small integer
}

/** non-ASCII words -> in the name lists without their accents (bounded: cleared at 4096 entries) */
const FOLDED_KNOWN = new Map<string, boolean>();
/** the nominative a word in another case was found under (slavic-cases.ts), null when none; per process, bounded */
const CASE_BASES = new Map<string, string | null>();

/** A hyphenated word (lower case, no accents) whose two parts are names of the lists and no everyday words: "wei-ling", "jean-baptiste". */
function hyphenGiven(w: string): boolean {
  const i = w.indexOf('-');
  if (i < 2 || w.length - i < 3 || w.indexOf('-', i + 1) !== -1) return false;
  const { all, common } = names();
  const a = w.slice(0, i), b = w.slice(i + 1);
  return all.has(a) && all.has(b) && !common.has(a) && !common.has(b);
}

/** An undotted initial after a title ("Mrs J Okonkwo"): only one blank between the title and the initial. */
function e3OfLead(text: string, runStart: number, ini: number): boolean {
  let i = runStart;
  while (i < ini && isLetter(text.charCodeAt(i))) i++;
  return i + 1 === ini && text.charCodeAt(i) === 32;
}

/**
 * Where the line holding `pos - 1` starts, looking back at most `max` characters (then `pos - max`):
 * an unbounded lastIndexOf per word made a long line without breaks quadratic ("Shibuya, " repeated
 * over 1 MB took 35 s).
 */
function lineStartWithin(text: string, pos: number, max: number): number {
  const lo = Math.max(0, pos - max);
  for (let i = pos - 1; i >= lo; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return lo;
}
