/**
 * Names in the copy formats of chat tools, for the person-name detector (person-name-detector.ts),
 * found before its main scan (which then skips the names pushed here):
 * - the author line of a Slack, Teams or Discord message as copied: the name, then two blanks, a tab
 *   or a dash and the time ("Olga Petrova  10:02", "Olga Petrova\t10:02 AM", "Olga Petrova — Today
 *   at 10:02"), the message on the next line;
 * - the speaker after a timestamp of an exported log ("[10:02] Olga Petrova: …", "03/12/26, 10:02 -
 *   Olga Petrova: …").
 * A chat log has at least two such lines; one alone must be a listed given name and family name.
 */
import type { Finding } from '../finding';
import { fold } from './capitalised-runs';
import { FIRM_NAMES } from './person-name-cues';
import { INITIAL_NOUNS, ORG_WORDS, PARTICLES, PRODUCT_NAMES, STOP, SURNAME_END } from './person-name-words';

interface Lists {
  given: { has(w: string): boolean };
  all: { has(w: string): boolean };
  common: Set<string>;
  english?: { has(w: string): boolean };
}

/** 1-4 capitalised words (particles between), the name of a chat line: sticky, at the name's start; group 1 the name */
const NAME = /(\p{Lu}[\p{L}'’-]{0,30}(?:[ ](?:(?:van|von|de|der|den|da|di|du|del|dos|das|bin|binti|al|el|le|la|ten|ter)[ ])?\p{Lu}[\p{L}'’-]{0,30}){0,3})/uy;
/** after the name: its time ("  10:02", "\t10:02 AM", " — Today at 10:02", " [10:02 AM]"), then the end of the line (sticky) */
const TIME_AFTER =
  /(?:[ ]{2,}|\t+|[ \t]*[—–-][ \t]*|[ \t]*,[ \t]*|[ \t]+\[|[ \t]+)(?:(?:Today|Yesterday|today|yesterday)[ \t]+at[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?=\r?\n)/y;
/**
 * a timestamp at a line start, before a speaker ("[10:02] ", "[03/12/2026, 10:02:11] ", "03/12/26, 10:02 - ", "[Yesterday 16:42] ",
 * "[08:14, 12/6/2024] " with the date after the time, as WhatsApp on a phone copies it): sticky
 */
const STAMP_BEFORE =
  /[ \t]*\[?((?:Yesterday|Today|Mon|Monday|Tue|Tues|Tuesday|Wed|Wednesday|Thu|Thur|Thurs|Thursday|Fri|Friday|Sat|Saturday|Sun|Sunday|Mo|Di|Mi|Do|Fr|Sa|So|Lun|Mar|Mer|Jeu|Ven|Sam|Dim|Mié|Jue|Vie|Sáb|Dom|Seg|Ter|Qua|Qui|Sex|Wo|Vr|Za|Zo),?[ \t]+)?(?:\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?,?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?(?:,[ \t]*\d{1,4}[./-]\d{1,2}[./-]\d{1,4})?\]?[ \t]*(?:[-–—][ \t]*)?(?=\p{L})/uy;
/** a speaker's role before the name at a line's start, in a support or interview transcript (sticky) */
const ROLE_SPEAKER = /(?:Agent|Customer|Client|Rep|Representative|Advisor|Adviser|Support|Operator|Caller|Interviewer|Interviewee|Host|Moderator|Specialist|Technician|Patient|Doctor|Nurse|Coach|Tutor)[ \t]+\(?(?=\p{Lu})/uy;
/** a chat handle as a speaker: small letters and digits with '.', '_' or '-' between parts ("priya.s", "alex.romero"), then a blank or a colon (sticky) */
const HANDLE = /([a-z][a-z0-9]*(?:[._-][a-z0-9]+)+)(?=[ \t]|:)/y;
/** after an author's name or handle on its line: the time between two gaps, then the message on the same line ("Chioma Obi  10:04  alex you…") (sticky) */
const TIME_BETWEEN = /(?:[ ]{2,}|\t+)\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?:[ ]{2,}|\t+|[ \t]*(?=\r?\n|$))/y;
/** after an author's name: one blank, the time, a colon and the message (sticky) */
const TIME_COLON = /[ \t]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*:[ \t]+(?=\S)/y;
/** words of a timetable or an agenda line rather than of a person ("Coffee Break  10:30") */
const NOT_NAME_WORDS = new Set(
  `break lunch coffee dinner breakfast keynote session panel talk workshop meeting call standup stand-up sync review demo welcome opening closing
  registration q&a wrap-up start end arrival departure check-in checkout check-out deadline update meetup training lecture seminar tutorial
  posted edited joined left reacted replied pinned bot app apps channel thread today yesterday server gateway pipeline runner build deploy monitor period
  cliente clientes kunde kundin klant klient klientka usuario usuária usuário utilisateur utente atendente atendimento operador operadora operatore
  agente soporte suporte système sistema system admin administrator
  hbf bf bahnhof station termini centraal central gare estación estacion stazione platform gleis terminal airport flughafen aeropuerto`.split(/\s+/),
);

interface Line { start: number; end: number; plain: boolean }

/** the name at `s` on its line, or undefined: its words must be no stop, firm, agenda or common words */
function nameAt(text: string, s: number): { end: number; words: string[] } | undefined {
  NAME.lastIndex = s;
  const m = NAME.exec(text);
  if (m === null) return undefined;
  const words = m[1]!.toLowerCase().split(' ').filter((w) => !PARTICLES.has(w));
  // (particles only: "De  10:00", "Van  08:15  Utrecht Centraal" in a timetable)
  if (words.length === 0) return undefined;
  for (const w of words) if (STOP.has(w) || ORG_WORDS.has(w) || NOT_NAME_WORDS.has(w) || INITIAL_NOUNS.has(w) || PRODUCT_NAMES.has(w)) return undefined;
  return { end: s + m[1]!.length, words };
}

/** the states and regions written after a city ("Austin, Texas") that the English word list may not hold */
const PLACES = new Set('texas wisconsin nebraska mississippi ohio iowa utah oregon nevada arizona florida georgia virginia carolina dakota kansas kentucky maine maryland michigan minnesota missouri montana alabama alaska arkansas colorado connecticut delaware hawaii idaho illinois indiana louisiana massachusetts oklahoma pennsylvania tennessee vermont washington wyoming california ontario quebec bavaria'.split(' '));
/** "Family, Given" (particles before the family name, two words each at most): sticky; group 1 the family name, group 2 the given names */
const FAMILY_FIRST = /((?:(?:van|von|de|der|den|da|di|du|del|dos|das|ten|ter)[ ])*\p{Lu}[\p{L}'’-]{0,30}(?:[ ]\p{Lu}[\p{L}'’-]{0,30})?),[ ](\p{Lu}[\p{L}'’-]{0,30}(?:[ ]\p{Lu}[\p{L}'’-]{0,30})?)/uy;
function familyFirstAt(text: string, s: number): { end: number; words: string[] } | undefined {
  FAMILY_FIRST.lastIndex = s;
  const m = FAMILY_FIRST.exec(text);
  if (m === null) return undefined;
  const words = `${m[2]!} ${m[1]!}`.toLowerCase().split(' ').filter((w) => !PARTICLES.has(w));
  for (const w of words) if (STOP.has(w) || ORG_WORDS.has(w) || NOT_NAME_WORDS.has(w) || INITIAL_NOUNS.has(w) || PRODUCT_NAMES.has(w)) return undefined;
  return { end: s + m[0].length, words };
}

/** the words of a name, by the lists: 2 both ends listed (a given name first), 1 one word listed or a surname ending, 0 none */
function listed(words: string[], lists: Lists): number {
  const known = (w: string, list: { has(w: string): boolean }): boolean => {
    const f = fold(w, w);
    if (lists.common.has(f)) return false;
    if (list.has(w) || list.has(f)) return true;
    // a hyphenated name: its parts ("Marie-Claude", "Min-jun")
    const i = f.indexOf('-');
    return i > 1 && list.has(f.slice(0, i)) && !lists.common.has(f.slice(0, i));
  };
  const first = words[0]!, last = words[words.length - 1]!;
  const surname = (w: string): boolean => w.length >= 5 && SURNAME_END.test(fold(w, w));
  const g = known(first, lists.given), l = words.length > 1 && (known(last, lists.all) || surname(last));
  if (g && l) return 2;
  return g || l || known(first, lists.all) ? 1 : 0;
}

/**
 * The chat author lines and timestamped speakers of `text`, pushed as names; returns the starts of
 * the names pushed (the main scan skips them), or undefined when there are none.
 */
export function chatNames(text: string, lists: Lists, out: { push(f: Finding): unknown }): Set<number> | undefined {
  // the lines that may be such lines: a capital (an author line) or a digit or '[' (a timestamp) first
  const found: (Line & { words: string[]; day?: boolean; handle?: boolean; weak?: boolean; long?: boolean })[] = [];
  for (let ls = 0; ls < text.length; ) {
    let le = text.indexOf('\n', ls);
    if (le === -1) le = text.length;
    // (a line of prose is short enough to be an author's line, or it starts with a time stamp: a transcript's long turn,
    // "00:00:07 David Feinberg: Sure. So, our issue is that …")
    const head = text.charCodeAt(ls);
    if (le - ls <= 120 || (head >= 48 && head <= 57) || head === 91) {
      let q = ls;
      while (q < le && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
      const c = text.charCodeAt(q);
      // a support chat's transcript: the speaker's role, the name and a colon ("Agent Brandon: Hi, thanks for contacting us")
      if (c >= 65 && c <= 90) {
        ROLE_SPEAKER.lastIndex = q;
        if (ROLE_SPEAKER.test(text)) {
          const s = ROLE_SPEAKER.lastIndex;
          const n = nameAt(text, s);
          // (or the name in brackets after the role: "Support (Chioma): …")
          const bracketed = text.charCodeAt(s - 1) === 40;
          // (in brackets, a name's word: not a team's or a language's, "Support (Billing):", "Support (English):")
          if (n !== undefined && (bracketed ? text.charCodeAt(n.end) === 41 && colonAt(text, n.end + 1) && n.words.every((w) => !(lists.english?.has(w) ?? true) || (lists.given.has(w) && !lists.common.has(w))) : colonAt(text, n.end))) {
            found.push({ start: s, end: n.end, plain: false, words: n.words });
            ls = le + 1;
            continue;
          }
        }
      }
      if (c >= 48 && c <= 57 || c === 91 || (c >= 65 && c <= 90 && STAMP_DAY_HEAD.test(text.slice(q, q + 5)))) {
        STAMP_BEFORE.lastIndex = q;
        const stamp = STAMP_BEFORE.exec(text);
        if (stamp !== null) {
          const s = STAMP_BEFORE.lastIndex;
          const n = nameAt(text, s);
          // a speaker: the name, a colon (after a blank in French: "10:14 Maëlle Guerin : …") and the message
          // (after a day's name, as in an agenda, no English word: not "[Mon 09:00] Project Kickoff: room 3")
          if (n !== undefined && colonAt(text, n.end) && n.end - s >= 3) {
            found.push({ start: s, end: n.end, plain: false, day: stamp[1] !== undefined && !/^(?:yesterday|today)/i.test(stamp[1]), words: n.words, long: le - ls > 120 });
          }
          else if (n === undefined) {
            // or a handle: "Mon 08:47 priya.s anyone heard from ola?"
            HANDLE.lastIndex = s;
            const h = HANDLE.exec(text);
            if (h !== null) found.push({ start: s, end: s + h[1]!.length, plain: false, handle: true, words: [h[1]!.split(/[._-]/)[0]!] });
          }
        }
      } else if (le < text.length && c !== 0 && timeMayEnd(text, le)) {
        // (or the family name first and a comma, as Teams and Outlook write it: "Nguyen, Linh 09:02", "de Boer, Femke 08:51")
        const n = /\p{Lu}/u.test(text[q]!) ? nameAt(text, q) : undefined;
        TIME_AFTER.lastIndex = n?.end ?? q;
        // (its given name one of the lists', or its family name one and its given name no English word: not a schedule's "Austin, Texas 10:00")
        let comma = n === undefined || !TIME_AFTER.test(text) ? familyFirstAt(text, q) : undefined;
        // (only its family name listed: one more author line in the text, as a chat has; not a schedule's one "Rio, Janeiro 10:00")
        let weak = false;
        if (comma !== undefined) {
          const [given, family] = [comma.words[0]!, comma.words[comma.words.length - 1]!];
          const listedGiven = lists.given.has(given) && !lists.common.has(given);
          weak = !listedGiven;
          if (!listedGiven && !(lists.all.has(family) && !lists.common.has(family) && !(lists.english?.has(given) ?? true) && !PLACES.has(given))) comma = undefined;
        }
        const name = comma ?? n;
        if (name !== undefined) {
          TIME_AFTER.lastIndex = name.end;
          // the author line, then the message on the next line
          if (TIME_AFTER.test(text) && nextLineHasText(text, le)) found.push({ start: q, end: name.end, plain: true, words: name.words, weak: comma !== undefined && weak });
        }
      }
      // the author, the time and the message on one line: "Chioma Obi  10:04  alex you…", "alex.romero  10:02  deploy failing"
      // (read only on a line with a time in its first 70 characters: most lines of prose skip the name's regex)
      if ((found.length === 0 || found[found.length - 1]!.start < q) && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0x7f) && timeAhead(text, q, le)) {
        let n: { end: number; words: string[] } | undefined;
        let handle = false;
        if (c >= 97 && c <= 122) {
          HANDLE.lastIndex = q;
          const h = HANDLE.exec(text);
          if (h !== null) {
            n = { end: q + h[1]!.length, words: [h[1]!.split(/[._-]/)[0]!] };
            handle = true;
          }
        } else if (/\p{Lu}/u.test(text[q]!)) n = nameAt(text, q);
        if (n !== undefined) {
          TIME_BETWEEN.lastIndex = n.end;
          // (the message has a word in small letters, as people write: not a timetable's "ICE 578", "Platform 3")
          if (TIME_BETWEEN.test(text) && messageOrNone(text, TIME_BETWEEN.lastIndex, le)) found.push({ start: q, end: n.end, plain: true, handle, words: n.words });
          else {
            // or the time and a colon after one blank, as Zalo copies a message ("Trần Thị Hương 08:12: Chào cả nhà")
            TIME_COLON.lastIndex = n.end;
            if (TIME_COLON.test(text)) found.push({ start: q, end: n.end, plain: false, handle, words: n.words });
          }
        }
      }
    }
    ls = le + 1;
  }
  if (found.length === 0) return undefined;
  const starts = new Set<number>();
  const log = found.length >= 2;
  /** a word of a name's: no English word, or a given name that is no everyday word */
  const nameWord = (w: string): boolean => !(lists.english?.has(w) ?? true) || (lists.given.has(w) && !lists.common.has(w));
  for (const f of found) {
    if (f.weak && !log) continue;
    // (a line longer than prose's author lines: a listed word in the name, as a service's log line has none, "[10:00:01] Build Runner: …")
    if (f.long === true && listed(f.words, lists) === 0) continue;
    // a handle: its first part a given name of both lists, in a log only ("alex.romero", "priya.s"; not "config.yaml"), and
    // its second an initial or a family name ("luigi.scheduler" is a logger's, "anna.dev" a role account)
    if (f.handle) {
      const w = f.words[0]!, second = text.slice(f.start, f.end).toLowerCase().split(/[._-]/)[1] ?? '';
      if (log && w.length >= 3 && lists.given.has(w) && lists.all.has(w) && !lists.common.has(w) && !STOP.has(w) && !PRODUCT_NAMES.has(w) &&
        (second.length <= 2 || (lists.all.has(second) && !lists.english?.has(second) && !lists.common.has(second) && !ROLE_PARTS.has(second)))) {
        out.push({ dataClass: 'personal_data', detector: 'person-name', start: f.start, end: f.end, confidence: 0.8 });
        starts.add(f.start);
      }
      continue;
    }
    const l = listed(f.words, lists);
    // in a log, a listed word or two unlisted words ("Chidi Eze"; after a day's name a given name and a family name of the
    // lists: not a programme's "Sa 10:00 Offene Werkstatt: …"); alone, a given name and a family name of the lists;
    // or, not after a day's name, a name the lists need not know: a speaker with a word that is no English word
    // ("[05.09.24, 19:33] Olu Adebayo: …"), an author line of two or three words each a name's or no English word
    // ("Κατερίνα Μιχαηλίδου 18:45"; not "Jordan Room  10:00")
    const unlisted = !f.day && f.words.some(nameWord) && (!f.plain || (f.words.length >= 2 && f.words.every((w) => nameWord(w) || lists.all.has(w))));
    if ((log ? (f.day ? l === 2 : l >= 1 || (f.words.length >= 2 && !f.plain)) : l === 2 && f.words.length >= 2) || unlisted) {
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: f.start, end: f.end, confidence: 0.85 });
      starts.add(f.start);
    }
  }
  return starts.size > 0 ? starts : undefined;
}

/**
 * The line ending at the break `nl` may end with TIME_AFTER: its last character before one '\r' and
 * blanks is a digit, 'M', 'm', '.' or ']'. Read first, so that most lines (prose, code) skip the name
 * regex and its word lists (a necessary condition only: TIME_AFTER decides).
 */
function timeMayEnd(text: string, nl: number): boolean {
  let k = nl;
  if (k > 0 && text.charCodeAt(k - 1) === 13) k--;
  while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  const c = k > 0 ? text.charCodeAt(k - 1) : 0;
  return (c >= 48 && c <= 57) || c === 77 || c === 109 || c === 46 || c === 93;
}

/** a time ("10:04") within the first 70 characters of the line from `q` to `le` */
function timeAhead(text: string, q: number, le: number): boolean {
  const to = Math.min(le - 1, q + 70);
  for (let i = q + 2; i < to; i++) {
    if (text.charCodeAt(i) === 58) {
      const a = text.charCodeAt(i - 1), b = text.charCodeAt(i + 1);
      if (a >= 48 && a <= 57 && b >= 48 && b <= 57) return true;
    }
  }
  return false;
}
/** the second parts of role accounts' handles ("anna.dev", "maria.ops") */
const ROLE_PARTS = new Set('dev devs ops qa test prod stage staging admin bot app api svc sys root data ml ai it hr sales support team eng infra sec'.split(' '));
/** A message from `from` to the line's end `le`: none, or one with a word in small letters. */
function messageOrNone(text: string, from: number, le: number): boolean {
  const m = text.slice(from, le);
  return m.trim() === '' || /(?:^|[\s,.!?;:(])\p{Ll}{2,}(?![\p{L}])/u.test(m);
}
/** a day's abbreviation opening a stamp without a bracket ("Mon 08:47 …", "Mo 09:05 …") */
const STAMP_DAY_HEAD = /^\p{Lu}\p{Ll}{1,3}\.?,?[ \t]+\d/u;
/** a speaker's colon right after the name, or after one blank (French typography: "Maëlle Guerin : …") */
function colonAt(text: string, end: number): boolean {
  return text.charCodeAt(end) === 58 || (text.charCodeAt(end) === 32 && text.charCodeAt(end + 1) === 58);
}

/** the line after the line break at `nl` has text (a message), and is not itself an author line */
function nextLineHasText(text: string, nl: number): boolean {
  let q = nl + 1;
  while (q < text.length && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9 || text.charCodeAt(q) === 13)) q++;
  return q < text.length && text.charCodeAt(q) !== 10;
}

/** the handle after an '@' (sticky): letters, with '.', '_' or '-' between parts ("priya", "maria.keller"); then a capitalised word (group 2) */
const MENTION = /(\p{L}[\p{L}'’]*(?:[._-]\p{L}+)*)(?:[ ](\p{Lu}[\p{L}'’-]+))?/uy;
/** tags of JSDoc, Javadoc and PHPDoc that are also given names to a list */
const DOC_TAGS = new Set(['param', 'author', 'see', 'link', 'since', 'version', 'example', 'default', 'property', 'return', 'returns', 'throws', 'type', 'template', 'license', 'module', 'member', 'name', 'var']);
/**
 * A declaration after an annotation on the same line ("@Bean public Foo foo()", "@Max private int
 * max"; not the words that are verbs of chat too: let, get, set, open, export, final).
 */
const DECLARATION_AFTER = /^[ \t]+(?:public|private|protected|internal|static|abstract|override|class|interface|enum|def|fun|void|val|var|const|async|function|readonly)\b/;
/** another annotation right after, or right before ("@Valid @RequestBody User user", "Lombok: @Data @Builder @Getter") */
const ANNOTATION_BESIDE = /^[ \t]@\p{L}/u;
const ANNOTATION_BEFORE = /@\p{L}[\p{L}\d]*(?:\([^()\n]*\))?[ \t]$/u;
/** one-word handles of brands and clubs that a name list may know and FIRM_NAMES lacks ("@Nike", "@Roma") */
const HANDLE_BRANDS = new Set('nike roma zendesk napoli juventus'.split(' '));

/**
 * @-mentions of a chat or a ticket ("cc @Ngozi", "@priya can you review?", "@maria.keller",
 * "@Priya Sharma"): a handle whose first part is a listed given name (a mention names a person
 * whatever the word: "@will", "@grace"), or one capitalised word a name list knows and no list of
 * words or places does ("@Ngozi"; not "@Channel", "@Jenkins", "@GitHub", "@Nike"), with a listed
 * family name after it when it is written out. Not an e-mail address or a package scope (a
 * character glued before the '@'), nor an annotation or a decorator ("@Max(5)", "@app.route",
 * "@Override" alone on its line, "* @param", "@Bean public Foo foo()", "@Valid @RequestBody"), a
 * bot or a user name with digits. Returns the starts of the words pushed (the main scan skips them).
 */
export function mentionedNames(text: string, lists: MentionLists, out: { push(f: Finding): unknown }): Set<number> | undefined {
  let starts: Set<number> | undefined;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const prev = at > 0 ? text.charCodeAt(at - 1) : 10;
    if (!(prev === 32 || prev === 9 || prev === 10 || prev === 13 || prev === 40 || prev === 44 || prev === 0xa0)) continue;
    MENTION.lastIndex = at + 1;
    const m = MENTION.exec(text);
    if (m === null) continue;
    // (a possessive is not the handle's: "@Ngozi's PR")
    const raw = /['’]s$/.test(m[1]!) ? m[1]!.slice(0, -2) : m[1]!;
    const s = at + 1, handleEnd = s + raw.length;
    const next = text.charCodeAt(handleEnd);
    // "@Max(5)", "@angular/core", "@app.route" (a '.' then a letter is part of the handle), "@user@host",
    // a user name with digits ("@Quentin01": a handle, not a name written out)
    if (next === 40 || next === 47 || next === 64 || (next >= 48 && next <= 57) || next === 95 || (next === 58 && text.charCodeAt(handleEnd + 1) === 58)) continue;
    // annotations side by side ("@Valid @RequestBody", "@Data @Builder")
    if (ANNOTATION_BESIDE.test(text.slice(handleEnd, handleEnd + 3)) || ANNOTATION_BEFORE.test(text.slice(Math.max(0, at - 40), at))) continue;
    const handle = raw.toLowerCase();
    const cut = handle.search(/[._-]/);
    const first = cut === -1 ? handle : handle.slice(0, cut);
    const f = fold(first, first);
    // (a bot: "@Slackbot", "@dependabot"; a doc comment's tag without its '*': "@param name")
    if (first.length < 2 || STOP.has(first) || PRODUCT_NAMES.has(first) || FIRM_NAMES.has(first) || HANDLE_BRANDS.has(first) || first.endsWith('bot') || DOC_TAGS.has(handle)) continue;
    // a given name of both lists (one Bloom filter answers yes for ~1% of other words: "@classmethod", "@Valid"),
    // or one capitalised word a name list knows and no word or place list does ("@Ngozi"; not "@Nike", "@Autowired")
    const listed = (lists.given.has(first) || lists.given.has(f)) && (lists.all.has(first) || lists.all.has(f));
    if (!listed && !(cut === -1 && titleCased(raw) && (lists.all.has(first) || lists.rareGiven?.has(first)) && !lists.english.has(first) &&
      !lists.places.has(first) && !lists.places.has(f))) continue;
    if (annotationLine(text, at, handleEnd)) continue;
    let end = handleEnd;
    if (m[2] !== undefined && cut === -1 && raw === m[1]) {
      const w = m[2].toLowerCase();
      if (lists.all.has(w) && !lists.common.has(w) && !STOP.has(w) && !ORG_WORDS.has(w)) end = handleEnd + 1 + m[2].length;
    }
    out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end, confidence: listed ? 0.8 : 0.7 });
    (starts ??= new Set()).add(s);
    if (end !== handleEnd) starts.add(handleEnd + 1);
  }
  return starts;
}

interface MentionLists extends Lists {
  english: { has(w: string): boolean };
  rareGiven?: { has(w: string): boolean };
  places: Set<string>;
}

/** a capital, then three or more small letters only ("Ngozi"; not "GitHub", "QA") */
function titleCased(w: string): boolean {
  if (w.length < 4 || w[0] === w[0]!.toLowerCase()) return false;
  const rest = w.slice(1);
  return rest === rest.toLowerCase() && rest !== rest.toUpperCase();
}

/**
 * The '@' at `at`, before a name of the lists, opens an annotation, a decorator or a doc tag rather
 * than a mention. It is a mention before a word that is also a verb of chat ("@Priya let me know",
 * "@Priya set up the call") and alone on its line before a message in lower case ("@Ngozi\ncan you check?").
 */
function annotationLine(text: string, at: number, handleEnd: number): boolean {
  let q = at;
  while (q > 0 && (text.charCodeAt(q - 1) === 32 || text.charCodeAt(q - 1) === 9)) q--;
  const before = q > 0 ? text.charCodeAt(q - 1) : 10;
  // "* @param", "// @todo", "# @decorator"
  if (before === 42 || before === 47 || before === 35) return true;
  const code = DECLARATION_AFTER.test(text.slice(handleEnd, handleEnd + 24));
  if (before !== 10 && before !== 13) return code;
  // first on its line: an annotation alone on it ("@Override", "@property"), or before a declaration
  let e = handleEnd;
  while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9 || text.charCodeAt(e) === 13)) e++;
  if (e < text.length && text.charCodeAt(e) !== 10) return code;
  return !(e < text.length && /^\n[ \t]*\p{Ll}+[ \t]/u.test(text.slice(e, e + 24)));
}
