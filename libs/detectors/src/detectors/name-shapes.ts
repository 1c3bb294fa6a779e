/**
 * More context rules of the person-name detector (person-name-detector.ts), each a small test it
 * calls at one place of its scan:
 * - a name at the start of a numbered or bulleted list item ("2) Chukwudi Nwosu – great communicator");
 * - a first name alone after a salutation, in more languages and unlisted ("Hi Oksana,", "Beste Sanne,");
 * - an initial and a family name ("Client: J. Moreau", "name on card A. Papadopoulos");
 * - more labels of a name field (meeting minutes' "Apologies:", "Naam:", "Nom :");
 * - a name before a Japanese honorific suffix ("Sato-san"), and names with the honorifics of
 *   Japanese, Chinese, Korean and Thai script ("田中さん", "王先生", "김민준 님", "คุณสมชาย");
 * - the sender's name closing a letter without a sign-off word ("… beyond HR.\nJess"), or after one on its line;
 * and what is no person: firms joined by "&" ("Ernst & Young"), a job title or a firm after a name
 * or a label ("Imran Qureshi, Financial Controller", "Bill to: Harbor Point Realty"), a city named
 * like a person among places ("offices in Jordan … and Florence").
 */
import type { Finding } from '../finding';
import { fold, isLetter, isUpper } from './capitalised-runs';
import { previousLine } from './person-name-context';
import { ORG_WORDS, PRODUCT_NAMES, SIGNOFF_LINE, STOP, words } from './person-name-words';

interface Lists {
  given: { has(w: string): boolean };
  all: { has(w: string): boolean };
  common: Set<string>;
  rareGiven?: { has(w: string): boolean };
  english?: { has(w: string): boolean };
}
interface Word { start: number; end: number; lower: string; word: string }

const SURNAME_LIKE = /(?:dottir|sson|ovich|evich|ovic|evic|ovna|evna|ova|eva|ov|ev|ski|ska|sky|enko|escu|poulos|opoulou|akis|idis|oglu|shvili|dze|yan|sen|nen|ez|ić|wicz|czyk)$/;

/** listed (as typed, without accents, or by the first part of a hyphenated word) and no everyday word; a word with accents is no English word */
function listedWord(lower: string, list: { has(w: string): boolean }, common: Set<string>): boolean {
  const f = fold(lower, lower);
  const ascii = f === lower;
  if (ascii && common.has(f)) return false;
  if (list.has(lower) || list.has(f)) return true;
  const i = f.indexOf('-');
  return i >= 2 && list.has(f.slice(0, i)) && !common.has(f.slice(0, i));
}

/** ---- list items ---- */

/**
 * Only a list marker and blanks between the line start and `start`: "2) ", "2. ", "(b) ", "a) ", "• ",
 * "* ", "▪ " (a dash is the detector's signature or bullet dash, read elsewhere).
 */
export function listMarkerBefore(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i === start || i === 0) return false;
  const c = text.charCodeAt(i - 1);
  let m = i - 1;
  if (c === 41 || c === 46) {
    // "2)", "12.", "b)", "(iv)"
    let j = m;
    while (j > 0 && m - j < 4 && ((text.charCodeAt(j - 1) >= 48 && text.charCodeAt(j - 1) <= 57) || (c === 41 && text.charCodeAt(j - 1) >= 97 && text.charCodeAt(j - 1) <= 122))) j--;
    if (j === m) return false;
    if (c === 46 && !(text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57)) return false;
    if (j > 0 && text.charCodeAt(j - 1) === 40) j--;
    m = j;
  } else if (c === 0x2022 || c === 42 || c === 0x25aa || c === 0x25cf || c === 0x25e6 || c === 0x2023 || c === 0xb7) {
    // a bullet
  } else return false;
  while (m > 0 && (text.charCodeAt(m - 1) === 32 || text.charCodeAt(m - 1) === 9)) m--;
  return m === 0 || text.charCodeAt(m - 1) === 10;
}

/** after the head of a list item: the line's end, or a dash, colon, comma or bracket before what is said of it */
const ITEM_AFTER = /^[ \t]*(?:\r?\n|$|[–—:,(]|-[ \t])/;

/** endings of English nouns, verbs and adjectives, few family names' */
const ENGLISH_END = /(?:ies|es|tion|sion|ions|ment|ments|ing|ings|ness|ity|ance|ence|able|ible|ers|ed|ful|less|ism|ist|ists|ure|ures|ics|ts|ks|ps|ds|ive|ous)$/;

/**
 * The words of a list item's head (2-4 capitalised words after a list marker, before a dash, a
 * colon or the line's end) make a person's name: a listed given name and a listed family name or a
 * surname ending, or an unlisted first word (no everyday word) before a listed family name.
 * Not "2) Budget – approved" (one word), "- Load Balancer – fixed" (no listed name).
 */
export function listItemName(text: string, toks: readonly Word[], lists: Lists): boolean {
  const n = toks.length;
  if (n < 2 || n > 4) return false;
  const last = toks[n - 1]!;
  if (!ITEM_AFTER.test(text.slice(last.end, last.end + 4))) return false;
  const first = toks[0]!;
  const fGiven = listedWord(first.lower, lists.given, lists.common);
  const fKnown = fGiven || listedWord(first.lower, lists.all, lists.common);
  const lKnown = listedWord(last.lower, lists.all, lists.common) || (last.lower.length >= 5 && SURNAME_LIKE.test(fold(last.lower, last.lower)));
  const fCommon = lists.common.has(first.lower) || STOP.has(first.lower);
  // an unlisted first word before a listed one: not an English noun's ending last ("Install Dependencies", "Run Tests")
  if (lKnown) return fKnown || (!fCommon && !ENGLISH_END.test(last.lower) && !ENGLISH_END.test(first.lower));
  // two or three unlisted words, in a list whose item on the line before or after is headed by a listed name
  if (n > 3 || fKnown || fCommon || toks.some((x) => STOP.has(x.lower) || PRODUCT_NAMES.has(x.lower) || ENGLISH_END.test(x.lower) || ROLE_OR_FIRM.has(x.lower))) return false;
  // two items headed by names of the lists around it: both neighbours, or the two before or after it
  return namedAround(text, first.start, last.end, (s, e) => neighbourItemName(text, s, e, lists));
}

/** a list item line: its marker, then 2-3 capitalised words and a dash, a colon or the line's end (group 1 the words) */
const ITEM_LINE = /^[ \t]*(?:\(?\d{1,3}[.)]|\(?[a-z]\)|[•*▪●◦‣·-])[ \t]+(\p{Lu}[\p{L}'’-]{1,30}(?:[ \t]\p{Lu}[\p{L}'’-]{1,30}){1,2})[ \t]*(?:[–—:,(]|-[ \t]|\r?$)/u;
/** The list item on [s, e) is headed by a name of the lists (a given name, or a listed or surname-like family name after a word that is no everyday word). */
function neighbourItemName(text: string, s: number, e: number, lists: Lists): boolean {
  if (e - s > 300 || e <= s) return false;
  const m = ITEM_LINE.exec(text.slice(s, e));
  if (m === null) return false;
  const ws = m[1]!.toLowerCase().split(/[ \t]/);
  const first = ws[0]!, last = ws[ws.length - 1]!;
  if (lists.common.has(first) || STOP.has(first) || ENGLISH_END.test(last)) return false;
  const lKnown = listedWord(last, lists.all, lists.common) || (last.length >= 5 && SURNAME_LIKE.test(fold(last, last)));
  return lKnown && (listedWord(first, lists.given, lists.common) || listedWord(first, lists.all, lists.common));
}

/** ---- salutations ---- */

/** Salutations of letters and mails in more languages (GREETINGS of person-name-words.ts has the common ones), read at a line start only. */
export const SALUTATIONS = words(`beste lieve liebe lieber liebes cher chère chere chers querido querida queridos estimado estimada estimados caro cara cari gentile
  gentili egregio egregia hej hei moi hoi salut witam szanowny szanowna droga drogi ahoj zdravo merhaba sayın sayin namaste salam shalom kedves tere labas sveiki
  goedemorgen goedemiddag buongiorno buenas buenos bom boa καλησπέρα καλημέρα γεια αγαπητέ αγαπητή здравствуйте привет уважаемый уважаемая дорогой дорогая
  oi halo hai bună buna moin servus grüezi selam cześć czesc`);
/** the words after a salutation that address no one person ("Hi team,", "Dear Sir,", "Hello World!") */
const ADDRESSEES = words(`team all everyone everybody folks guys there world friends friend colleagues colleague sir sirs madam madame customer customers member members
  parents parent students student applicant applicants candidate candidates user users partner partners reader readers diary shareholders investors
  gentlemen ladies committee board hiring manager managers recruiter support admin sales editor editors teacher teachers doctor neighbours neighbors
  people yall y'all mate mates buddy bro sis boss chef sweetie honey darling love babe dad mum mom mother father client clients valued
  community developers devs contributors maintainers reviewers tutor professor prof lecturer coach staff crew gang squad world everyone hiring
  клиент клиенты друг друзья мир коллеги коллега партнер партнеры пользователь покупатель все команда бухгалтерия поддержка
  πελάτη πελάτες φίλε φίλοι όλοι ομάδα συνάδελφοι welt mondo wereld dunia världen verden maailma mundo monde świecie světe`);

/**
 * One unlisted capitalised word after a salutation that ends its line or its clause ("Hi Oksana,",
 * "Hi Marie-Claude,\n", "Hej Sanna,"): the person addressed. `prevWord` is the word before it (lower case).
 */
export function salutedName(text: string, s: number, e: number, prevWord: string, greeting: boolean, lists: Lists): boolean {
  if (e - s < 3 || !(greeting || SALUTATIONS.has(prevWord)) || !wordAtLineStart(text, s, prevWord, !SALUTATIONS.has(prevWord))) return false;
  // a comma after it, as a letter's or a mail's salutation is written (not "Hello Koa" heading a section), or a colon ending
  // the line as Spanish and German letters write it ("Hola Maite:", "Hallo Jörg:")
  if (text.charCodeAt(e) !== 44 && !(text.charCodeAt(e) === 58 && (text.charCodeAt(e + 1) === 10 || text.charCodeAt(e + 1) === 13))) return false;
  const lower = text.slice(s, e).toLowerCase();
  if (ADDRESSEES.has(lower) || STOP.has(lower) || lists.common.has(lower)) return false;
  // a plural ("Hi Developers,") unless listed ("Hi Agnes,"), or a word in capitals
  if (lower.endsWith('s') && !listedWord(lower, lists.all, lists.common)) return false;
  for (let i = s + 1; i < e; i++) if (isUpper(text.charCodeAt(i)) && text.charCodeAt(i - 1) !== 45) return false;
  return true;
}
/**
 * One word after a sign-off (opening its line or a sentence) and its comma, ending the line or the
 * text or before a bracket: the sender ("Thanks, Chidi (Amara's dad)", "Ευχαριστώ, Δήμητρα"); in Latin
 * letters a listed name, in the scripts the lists do not cover any word but a group's.
 */
export function signedName(text: string, s: number, e: number, lists: Lists): boolean {
  if (e - s < 3) return false;
  let a = e;
  while (a < text.length && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  const c = a < text.length ? text.charCodeAt(a) : 10;
  if (c !== 10 && c !== 13 && !(c === 40 && a > e)) return false;
  let i = s;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i === s || text.charCodeAt(i - 1) !== 44) return false;
  // the sign-off opens its line or a sentence
  let from = i - 1;
  while (from > 0 && i - from <= 40 && text.charCodeAt(from - 1) !== 10 && !(text.charCodeAt(from - 1) === 32 && /[.!?]/.test(text[from - 2] ?? ''))) from--;
  if (i - from > 40 || !SIGNOFF_LINE.test(text.slice(from, i))) return false;
  const lower = text.slice(s, e).toLowerCase();
  if (ADDRESSEES.has(lower) || STOP.has(lower) || lists.common.has(lower)) return false;
  for (let k = s + 1; k < e; k++) if (isUpper(text.charCodeAt(k)) && text.charCodeAt(k - 1) !== 45) return false;
  // in Latin letters a listed name ("Thanks, Finance", "Best, Zendesk" name no one); in other scripts, which the lists do not cover, any word but those above
  // (and no English word but an everyday name: the lists' filters answer yes for ~1% of words, "Thanks, Approved")
  if (text.charCodeAt(s) >= 0x370) return true;
  if (lists.english?.has(lower) && !lists.common.has(lower)) return false;
  return listedWord(lower, lists.all, lists.common) || listedWord(lower, lists.given, lists.common) || (lists.rareGiven?.has(lower) ?? false);
}
/**
 * One word alone on the line after a sign-off line: the sender ("Cheers,\nOwain", "Bien à toi,\n
 * Nathalie"), or before a bracket or a comma and a role ("Thanks,\nLucy (HR)"): a given name of the
 * lists, or a family name that is no English word (a firm's or a team's word names no one).
 */
export function senderAfterSignoff(text: string, s: number, e: number, lists: Lists): boolean {
  if (e - s < 3) return false;
  let ls = s;
  while (ls > 0 && (text.charCodeAt(ls - 1) === 32 || text.charCodeAt(ls - 1) === 9)) ls--;
  if (ls > 0 && text.charCodeAt(ls - 1) !== 10) return false;
  let a = e;
  while (a < text.length && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  const c = a < text.length ? text.charCodeAt(a) : 10;
  if (c !== 10 && c !== 13 && c !== 40 && c !== 44) return false;
  for (let k = s + 1; k < e; k++) if (isUpper(text.charCodeAt(k)) && text.charCodeAt(k - 1) !== 45) return false;
  const lower = text.slice(s, e).toLowerCase();
  if (ADDRESSEES.has(lower) || STOP.has(lower) || PRODUCT_NAMES.has(lower)) return false;
  // a name of the lists ("Thanks,\nVodafone", "Viele Grüße,\nBuchhaltung" name no one), no English word unless a given name
  const given = listedWord(lower, lists.given, lists.common) || (lists.rareGiven?.has(lower) ?? false);
  if (!given && !(listedWord(lower, lists.all, lists.common) && !lists.english?.has(lower))) return false;
  return ls > 0 && SIGNOFF_LINE.test(previousLine(text, ls).replace(/\r$/, ''));
}
/** the salutation word `w` right before `s` stands at its line's start (`clause`: or at a sentence's start, or after a quote mark) */
function wordAtLineStart(text: string, s: number, w: string, clause: boolean): boolean {
  let i = s;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  i -= w.length;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i <= 0 || text.charCodeAt(i - 1) === 10) return true;
  const p = text.charCodeAt(i - 1);
  return clause && (p === 46 || p === 33 || p === 63 || p === 34 || p === 0x201c || p === 39 || p === 0x2018 || p === 58 || p === 62);
}

/** ---- an initial and a family name ---- */

/** The start of an initial ("J. ", "A ") right before `s` (a capital, a full stop or not, one blank), or -1. */
export function initialBefore(text: string, s: number): number {
  if (s < 3) return -1;
  const b = text.charCodeAt(s - 1);
  if (b !== 32) return -1;
  let i = s - 2;
  const dot = text.charCodeAt(i) === 46;
  if (dot) i--;
  if (i < 0 || !isUpper(text.charCodeAt(i))) return -1;
  // a letter alone: nothing but a blank, a colon, a comma, a bracket or the line start before it
  if (i > 0) {
    const p = text.charCodeAt(i - 1);
    if (isLetter(p) || (p >= 48 && p <= 57) || p === 46 || p === 45 || p === 38 || p === 39) return -1;
  }
  // "A Smith" without the full stop: only after a colon or a word about a name, not the article "A"
  return dot ? i : text.charCodeAt(i) === 65 ? -1 : i;
}

/** what makes an initial and a family name a person's, whatever the words before: the family name listed or with a surname ending */
export function initialSurname(text: string, ini: number, s: number, e: number, lists: Lists): boolean {
  const lower = text.slice(s, e).toLowerCase();
  if (e - s < 3 || STOP.has(lower) || NOT_AFTER_INITIAL.has(lower)) return false;
  // a dotted initial: "J. Moreau"; one without: "Client: J Moreau" after a colon only
  const dot = text.charCodeAt(ini + 1) === 46;
  if (!dot) {
    let p = ini;
    while (p > 0 && text.charCodeAt(p - 1) === 32) p--;
    if (p === 0 || text.charCodeAt(p - 1) !== 58) return false;
  }
  // an outline heading: "A. Introduction" at a line start is read by the lists only (as everywhere)
  return listedWord(lower, lists.all, lists.common) || (lower.length >= 5 && SURNAME_LIKE.test(fold(lower, lower)) && !lists.common.has(lower));
}
/** words after a capital and a full stop that are no family names ("U.S. Army", "Washington D.C. Office", "E. coli") */
const NOT_AFTER_INITIAL = words(`army navy air force office bank corp inc ltd government department court state states district county street avenue road
  code section chapter part appendix figure table note step plan option version edition vol volume no nr page`);

/** ---- labels ---- */

/** labels of a name field beyond person-name-words.ts LABELS: meeting minutes, and the word "name" in other languages */
export const MORE_LABELS = words(`apologies regrets absent absentees excused chair chairperson chairman chairwoman facilitator scribe notetaker note-taker minutes-taker
  invitees presenter presenters panellist panelist panellists panelists mentor mentee sponsor approvers signatory signatories referee referees
  naam voornaam achternaam nom prénom prenom nombre apellido apellidos nome cognome vorname nachname imię imie nazwisko namn navn nimi jméno meno név isim ad soyad
  ansprechpartner contactpersoon interlocuteur responsable destinataire empfänger remitente
  anwesend teilnehmer teilnehmende abwesend entschuldigt protokollant protokollführer schriftführer présents excusés rédacteur secrétaire presentes asistentes
  ausentes secretario presenti partecipanti assenti verbalizzante segretario aanwezig aanwezigen afwezig notulist notulen obecni uczestnicy nieobecni protokolant
  přítomni nepřítomni zapisovatel närvarande deltagare frånvarande sekreterare tilstede fraværende katılımcılar katılanlar katılmayanlar katilimcilar katilanlar katilmayanlar participanți prezenți
  absenți hadir peserta notulis pencatat присутствовали участники отсутствовали секретарь присутні учасники відсутні секретар
  nama ім'я прізвище фио имя фамилия ονοματεπώνυμο όνομα επώνυμο nume prenume numele příjmení priezvisko efternamn förnamn etternavn fornavn sukunimi etunimi
  vezetéknév keresztnév ime prezime
  asegurado asegurada tomador titular paciente cliente empleado empleada solicitante beneficiario beneficiaria arrendatario inquilino inquilina propietario
  assuré assurée souscripteur titulaire locataire bénéficiaire salarié salariée employé employée demandeur
  versicherter versicherte versicherungsnehmer mieter mieterin kunde kundin mitarbeiter mitarbeiterin antragsteller
  assicurato assicurata contraente intestatario intestataria paziente dipendente segurado segurada funcionário funcionária
  verzekerde huurder klant werknemer aanvrager`);

/** people named in a label with a participle after them: "Witnesses interviewed:", "Staff present:", "People involved:" */
const PEOPLE_PLURALS = words(`witnesses people persons staff employees attendees participants members candidates interviewees colleagues contacts individuals
  parties students patients guests speakers panelists panellists reviewers approvers signatories owners officers managers`);
const LABEL_PARTICIPLES = words('interviewed involved present absent contacted attending affected notified consulted invited named listed copied questioned spoken');
/** the two words before a label's colon, nearest first: a participle after a plural of people ("Witnesses interviewed:") */
export function participleLabel(w0: string, w1: string): boolean {
  return LABEL_PARTICIPLES.has(w0) && PEOPLE_PLURALS.has(w1);
}

/** ---- what is no person ---- */

/** words of a job title or of a firm's name: a run that ends with one, after a name or a label, is a title or a firm, not a person */
const ROLE_OR_FIRM = words(`controller manager director engineer analyst consultant specialist coordinator administrator assistant associate executive
  accountant designer developer advisor adviser counsel representative supervisor technician intern chief secretary treasurer auditor recruiter
  strategist scientist researcher editor producer officer president head lead partner vp svp evp
  instruments realty design studio studios services capital properties media software networks foods pharma pharmaceuticals motors airlines
  energy agency trading supplies components solutions industries enterprises holdings ventures consultants advisors advisers law legal
  construction engineering electric electronics manufacturing marketing logistics partners associates insurance finance financial investments
  hotels hotel restaurant restaurants cafe café bakery shop store stores market markets realtors estates homes builders dental medical health
  healthcare pharmacy clinic labs laboratories analytics digital creative films pictures records publishing press books imports exports
  distribution freight shipping transport travel tours security systems technologies tech telecom communications practice surgery chambers partnership
  clerk cashier receptionist bookkeeper paralegal planner operator handler
  physician psychiatrist psychologist surgeon therapist physiotherapist pharmacist dentist paediatrician pediatrician radiologist cardiologist
  oncologist neurologist dermatologist anaesthetist anesthetist midwife practitioner`);
/** abbreviated job words after "Sr" / "Jr" ("Sr Eng", "Sr Mgr"): a title's grade, not a person's */
const JOB_ABBREVIATIONS = words('eng engr mgr dev devs dir assoc exec acct admin ops pm sde swe spec tech cons');
/** The run's last word is a job title's or a firm's ("Financial Controller", "Acme Instruments", "Harbor Point Realty"). */
export function roleOrFirm(lastLower: string): boolean {
  return ROLE_OR_FIRM.has(lastLower);
}
/** A job's word or its abbreviation right after a title: "Sr Eng → Staff", "Sr Manager" (a grade, no person). */
export function jobAfterTitle(lower: string): boolean {
  return ROLE_OR_FIRM.has(lower) || JOB_ABBREVIATIONS.has(lower);
}

/**
 * A word of a firm's name joined by "&" to another capitalised word ("Marks & Spencer", "Ernst &
 * Young", "Ben & Jerry's", "Johnson & Johnson"): both sides one word, and not two given names of
 * people ("Anna & Tom"), or a possessive or "Co", "Sons" after.
 */
export function ampersandFirm(text: string, s: number, e: number, lists: Lists): boolean {
  let a: number, b: number, c: number, d: number; // the words: [a, b) & [c, d)
  const amp = (i: number): number => {
    // the '&' after position i (blanks around), -1 when none
    let j = i;
    while (j < text.length && j - i < 3 && text.charCodeAt(j) === 32) j++;
    return text.charCodeAt(j) === 38 ? j : -1;
  };
  const after = amp(e);
  if (after !== -1) {
    a = s;
    b = e;
    c = after + 1;
    while (c < text.length && c - after < 4 && text.charCodeAt(c) === 32) c++;
    if (!isUpper(text.charCodeAt(c))) return false;
    d = c + 1;
    while (d < text.length && d - c < 40 && isLetter(text.charCodeAt(d))) d++;
  } else {
    let j = s;
    while (j > 0 && s - j < 3 && text.charCodeAt(j - 1) === 32) j--;
    if (j === 0 || text.charCodeAt(j - 1) !== 38) return false;
    b = j - 1;
    while (b > 0 && s - b < 6 && text.charCodeAt(b - 1) === 32) b--;
    a = b;
    while (a > 0 && b - a < 40 && isLetter(text.charCodeAt(a - 1))) a--;
    if (a === b || !isUpper(text.charCodeAt(a))) return false;
    c = s;
    d = e;
  }
  // one word on each side: the word before the first is no capitalised word of a full name ("Ana Ruiz & Tom Berg")
  let p = a;
  while (p > 0 && text.charCodeAt(p - 1) === 32) p--;
  let q = p;
  while (q > 0 && p - q < 40 && isLetter(text.charCodeAt(q - 1))) q--;
  const x = text.slice(a, b).toLowerCase(), y = text.slice(c, d).toLowerCase();
  const nextC = text.charCodeAt(d);
  if (nextC === 39 || nextC === 0x2019) return true; // "Ben & Jerry's"
  if (/^[ \t]+(?:Co|Sons|Partners|Associates|Company)\b/.test(text.slice(d, d + 14))) return true;
  if (q < p && p === a - 1 && isUpper(text.charCodeAt(q))) return false; // "Ana Ruiz & Tom": a full name before
  if (x === y) return true; // "Johnson & Johnson"
  const givenX = listedWord(x, lists.given, lists.common), givenY = listedWord(y, lists.given, lists.common);
  return !(givenX && givenY);
}

/** Cities, regions and countries named like people (given names of the lists): alone among places they are the place. */
const PLACE_GIVEN = words(`florence victoria jordan georgia charlotte austin sydney madison paris adelaide eugene regina savannah lincoln orlando dallas houston
  phoenix denver aurora chelsea brooklyn india kenya israel chad lorraine virginia carolina louisiana florida alberta ontario quebec
  sofia valencia santiago salvador lima vienna geneva lourdes nancy mérida merida asia africa america europe eden hamilton wellington nelson
  darwin perth preston chester bristol kingston jackson raleigh columbus augusta helena marion jerusalem damascus medina fatima siena
  genoa verona regensburg odessa odesa maria camden kent`);
/** True when `lower` is a given name that is also a city or a country ("florence", "jordan", "victoria"). */
export const placeLikeGiven = (lower: string): boolean => PLACE_GIVEN.has(lower);
/** a word before places in the same sentence: "offices in", "cities", "visiting" ("to", "at" before the word itself rule it out already) */
const PLACE_CUE = /\b(?:in|near|visit|visiting|offices?|cities|city|countries|country|regions?|states?|located|based|hq|headquarters|branches|climates?|weather|destinations?|itinerary|trips?|travel\w*|tours?|flights?|relocat\w*)\b/i;
/**
 * A given name that is also a city or a country ("Florence", "Jordan", "Victoria"), found alone
 * (no salutation or title), in a sentence that speaks of places before it: the place.
 */
export function placeNamedLikePerson(text: string, s: number, lower: string): boolean {
  if (!PLACE_GIVEN.has(lower)) return false;
  let i = s;
  while (i > 0 && s - i < 160) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || ((c === 46 || c === 33 || c === 63) && (i === s || text.charCodeAt(i) === 32))) break;
    i--;
  }
  return PLACE_CUE.test(text.slice(i, s));
}

/** ---- a name in capitals heading a CV or a contact block ---- */

/** a line of 2-4 words in capitals ("ANANYA KRISHNAMURTHY", "JOSÉ LUIS GARCÍA"): sticky, at the line's start; group 1 the words */
const CAPS_LINE = /[ \t]*(\p{Lu}[\p{Lu}'’-]{1,24}(?:[ \t]\p{Lu}[\p{Lu}'’-]{0,24}){1,3})[ \t]*(?=\r?\n)/uy;
/** what the next lines of a contact block hold: an e-mail address, a phone number, a '|' between items, a house number */
const CONTACT_NEXT = /@|\+?\d[\d ()-]{7,}\d|[ \t]\|[ \t]|^[ \t]*(?:No\.?[ \t]*)?\d{1,5}[A-Za-z]?,?[ \t]/m;

/**
 * The name in capitals on a line of its own at the head of a CV or a contact block, with contact
 * details on the next lines: a listed given name and a listed family name, or a listed word and a
 * word of the name in an e-mail address's local part nearby ("ananya.k@…" under "ANANYA KRISHNAMURTHY").
 * Headings in capitals ("WORK EXPERIENCE", "PROFESSIONAL SUMMARY") are no listed names.
 */
export function capitalsNames(text: string, lists: Lists, localsNear: (s: number, e: number) => string[], out: { push(f: Finding): unknown }): void {
  for (let ls = 0; ls < text.length; ) {
    const le = text.indexOf('\n', ls);
    if (le === -1) break;
    const c0 = text.charCodeAt(ls);
    if (le - ls >= 5 && le - ls <= 60 && (isUpper(c0) || c0 === 32)) {
      CAPS_LINE.lastIndex = ls;
      const m = CAPS_LINE.exec(text);
      if (m !== null && m.index + m[0].length === le - (text.charCodeAt(le - 1) === 13 ? 1 : 0)) {
        const s = ls + m[0].indexOf(m[1]!), e = s + m[1]!.length;
        const ws = m[1]!.toLowerCase().split(/[ \t]/);
        const first = ws[0]!, last = ws[ws.length - 1]!;
        const no = ws.some((w) => STOP.has(w) || NOT_AFTER_INITIAL.has(w) || ROLE_OR_FIRM.has(w));
        const both = listedWord(first, lists.given, lists.common) && listedWord(first, lists.all, lists.common) && listedWord(last, lists.all, lists.common);
        const next = text.slice(le, le + 240);
        if (!no && CONTACT_NEXT.test(next)) {
          const any = ws.some((w) => w.length >= 3 && listedWord(w, lists.all, lists.common));
          const mailed = any && localsNear(s, e).some((l) => ws.some((w) => w.length >= 3 && l.includes(fold(w, w))));
          if (both || mailed) out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.85 });
        }
      }
    }
    ls = le + 1;
  }
}

/** ---- a name in capitals after a person's label ---- */

/** after the colon: a title, then 2-4 words in capitals with a middle initial allowed, up to the line's end, a comma or a wide gap (group 1 the name) */
// (up to six words: a Malay name with "BIN" or "BINTI" and the father's names, "NUR AISYAH BINTI MOHD RAZALI")
const LABELLED_CAPS = /[ \t]*(?:(?:MR|MRS|MS|MISS|MX|DR|PROF)\.?[ \t]+)?(\p{Lu}[\p{Lu}'’-]{1,24}(?:[ \t]+\p{Lu}\.?(?=[ \t]))?(?:[ \t]+\p{Lu}[\p{Lu}'’-]{1,24}){1,5})(?=[ \t]*(?:\r?\n|$|,|;|\t|[ \t]{2}))/uy;
/** the label before a colon: up to 30 letters, blanks, '_', '/' or '-' from the line's start, and an aside in brackets ("Nama penuh (seperti dalam MyKad):") */
const LABEL_BEFORE = /(?:^|\n)[ \t]*(\p{L}[\p{L} _/-]{0,29}?)[ \t]*(?:\([^)\n]{0,40}\)[ \t]*)?$/u;
/** the labels of a person's full name in several words, and those an aside in brackets may follow ("Nama penuh (seperti dalam MyKad):") */
const FULL_NAME_LABELS = new Set(['name', 'full_name', 'fullname', 'nama', 'nama_penuh', 'nama_lengkap', 'name_on_card', 'name_as_per_passport', 'name_as_per_id', 'nome_completo', 'nombre_completo', 'nom_complet', 'cardholder_name', 'account_holder']);
/** the particles of a Malay or Indonesian name: "BIN", "BINTI", "BT", "A/L" (no name of the lists, no stop word either) */
const NAME_PARTICLES = new Set(['bin', 'binti', 'bte', 'bt', 'a/l', 'a/p', 'van', 'von', 'de', 'da', 'dos', 'del']);

/**
 * A name in capitals after a person's label on a form, a card or a shipping label ("Cardholder:
 * DANIEL J ROSENBERG", "DELIVER TO: MS. PRIYANKA CHATTERJEE", "Student: KIM JI-HOON"): a word of the
 * name lists among its words (no everyday word), no company, role or stop word. `isLabel` tells a
 * person's label (name-fields' LABELS and phrases, lower case, '_' for blanks).
 */
export function labelledCapitals(text: string, lists: Lists & { rareGiven: { has(w: string): boolean } }, isLabel: (label: string) => boolean, out: { push(f: Finding): unknown }): void {
  for (let c = text.indexOf(':'); c !== -1; c = text.indexOf(':', c + 1)) {
    // two capitals after the colon (and a blank): most colons of a text are followed by something else
    const v = text.charCodeAt(c + 1) === 32 || text.charCodeAt(c + 1) === 9 ? c + 2 : c + 1;
    if (!isUpper(text.charCodeAt(v)) || !isUpper(text.charCodeAt(v + 1))) continue;
    const lb = LABEL_BEFORE.exec(text.slice(Math.max(0, c - 72), c));
    if (lb === null) continue;
    const parts = lb[1]!.trim().toLowerCase().replace(/[ \t-]+/g, '_').split('/');
    // (or a name's label of several words: "Nama penuh", "Name on card"; an aside in brackets only after a name's label: not "Host (venue):")
    const aside = lb[0]!.trimEnd().endsWith(')');
    if (!parts.some((l) => (isLabel(l) && !(aside && !FULL_NAME_LABELS.has(l))) || FULL_NAME_LABELS.has(l))) continue;
    LABELLED_CAPS.lastIndex = c + 1;
    const m = LABELLED_CAPS.exec(text);
    if (m === null) continue;
    const s = c + 1 + m[0].lastIndexOf(m[1]!), e = s + m[1]!.length;
    const ws = m[1]!.toLowerCase().split(/[ \t]+/).filter((w) => w.length >= 2 && !NAME_PARTICLES.has(w));
    if (ws.length < 2 || ws.some((w) => STOP.has(w) || NOT_AFTER_INITIAL.has(w) || ROLE_OR_FIRM.has(w) || ORG_WORDS.has(w) || PRODUCT_NAMES.has(w))) continue;
    if (!ws.some((w) => listedWord(w, lists.all, lists.common) || lists.rareGiven.has(w))) continue;
    out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.85 });
  }
}

/** ---- a name in capitals after a title in capitals, or an airline's SURNAME/GIVEN TITLE ---- */

/** a title in capitals and one to three words in capitals: "MR JAMES ANDERSON", "MRS. SARAH O'NEILL" (group 1 the name) */
const TITLED_CAPS = /(?<![\p{L}\p{N}])(?:MR|MRS|MS|MISS|MSTR|MX|DR|PROF)\.?[ \t]+(\p{Lu}[\p{Lu}'’-]{1,24}(?:[ \t]+\p{Lu}\.?(?=[ \t]))?(?:[ \t]+\p{Lu}[\p{Lu}'’-]{1,24}){0,2})(?![\p{L}\p{N}])/gu;
/** a booking's passenger: "ANDERSON/JAMES MR", "O'NEILL/SARAH ANN MRS" (group 1 the family name, 2 the given names) */
const PNR_NAME = /(?<![\p{L}/])(\p{Lu}[\p{Lu}'’-]{1,24}(?:[ ]\p{Lu}[\p{Lu}'’-]{1,24})?)\/(\p{Lu}[\p{Lu}'’-]{1,24}(?:[ ]\p{Lu}[\p{Lu}'’-]{1,24})?)[ ]?(?:MR|MRS|MS|MISS|MSTR|DR|CHD|INF)(?![\p{L}\p{N}])/gu;

/** a title in capitals before a word in capitals ("MR JAMES", "MRS. SARAH"), or a booking's "/JAMES MR" */
const TITLE_IN_CAPITALS = /(?<![\p{L}\p{N}])(?:MR|MRS|MS|MISS|MSTR|MX|DR|PROF)\.?[ \t]+\p{Lu}\p{Lu}|\p{Lu}\/\p{Lu}[\p{Lu}'’ -]*[ ](?:MR|MRS|MS|MISS|MSTR|DR|CHD|INF)(?![\p{L}\p{N}])/u;

/**
 * Names in capitals after a title in capitals, as bookings, boarding passes and forms write them
 * ("1. MR JAMES ANDERSON", "MISS EMMA ANDERSON (child)"), and an airline's passenger names
 * ("ANDERSON/JAMES MR"): a word of the name lists among them, no role, firm or stop word.
 */
export function titledCapitals(text: string, lists: Lists, out: { push(f: Finding): unknown }): void {
  // (most texts hold neither: one test of the whole text before the two scans)
  if (!TITLE_IN_CAPITALS.test(text)) return;
  const named = (ws: string[]): boolean =>
    ws.length > 0 && !ws.some((w) => STOP.has(w) || NOT_AFTER_INITIAL.has(w) || ROLE_OR_FIRM.has(w) || PRODUCT_NAMES.has(w)) && ws.some((w) => listedWord(w, lists.all, lists.common));
  const wordsOf = (v: string): string[] => v.toLowerCase().split(/[ \t]+/).filter((w) => w.length >= 2);
  let m: RegExpExecArray | null;
  TITLED_CAPS.lastIndex = 0;
  while ((m = TITLED_CAPS.exec(text)) !== null) {
    const s = m.index + m[0].lastIndexOf(m[1]!);
    if (named(wordsOf(m[1]!))) out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: s + m[1]!.length, confidence: 0.85 });
  }
  PNR_NAME.lastIndex = 0;
  while ((m = PNR_NAME.exec(text)) !== null) {
    if (named([...wordsOf(m[1]!), ...wordsOf(m[2]!)])) out.push({ dataClass: 'personal_data', detector: 'person-name', start: m.index, end: m.index + m[1]!.length + 1 + m[2]!.length, confidence: 0.85 });
  }
}

/** ---- a name and a role in brackets ---- */

/** after a name in brackets: a comma and a role up to the closing bracket ("(Anna Berg, HR BP)", "(Omar Haddad, head of sales)"): sticky */
const ROLE_IN_BRACKETS = /,[ \t]+([^()\n,]{2,40})\)/y;
/**
 * A name right after "(" with its job after a comma, up to ")": the role holds an acronym in
 * capitals (HR, CFO, BP) or a job title's word. Not "(Paris, France)", "(Jordan, the country)".
 */
export function nameWithRoleInBrackets(text: string, start: number, end: number): boolean {
  if (start === 0 || text.charCodeAt(start - 1) !== 40 || text.charCodeAt(end) !== 44) return false;
  ROLE_IN_BRACKETS.lastIndex = end;
  const m = ROLE_IN_BRACKETS.exec(text);
  if (m === null) return false;
  const role = m[1]!;
  return /(?:^|[ \t/])[A-Z]{2,4}(?:[ \t/]|$)/.test(role) || role.toLowerCase().split(/[ \t/]+/).some((w) => ROLE_OR_FIRM.has(w));
}

/** ---- a list of "Name - what is said of them" lines ---- */

/** a line "Amina Diallo - halal", "Yaw – none": 1-3 capitalised words at the line start, a dash between blanks, then text (group 1 the words) */
const DASH_LINE = /^[ \t]*(\p{Lu}[\p{L}'’-]{1,30}(?:[ \t]\p{Lu}[\p{L}'’-]{1,30}){0,2})[ \t]+[-–—][ \t]+\S/u;
/** the line on [s, e) is such a line headed by a name of the lists: a listed given name alone, or a listed word and a listed family name or a surname ending */
function dashLineName(text: string, s: number, e: number, lists: Lists): boolean {
  if (e - s > 300 || e <= s) return false;
  const m = DASH_LINE.exec(text.slice(s, e));
  if (m === null) return false;
  const ws = m[1]!.toLowerCase().split(/[ \t]/);
  const first = ws[0]!, last = ws[ws.length - 1]!;
  if (STOP.has(first) || ENGLISH_END.test(last)) return false;
  const lKnown = listedWord(last, lists.all, lists.common) || (last.length >= 5 && SURNAME_LIKE.test(fold(last, last)));
  if (ws.length === 1) return listedWord(first, lists.given, lists.common);
  return lKnown && (listedWord(first, lists.given, lists.common) || listedWord(first, lists.all, lists.common));
}

/**
 * The head of a line "Zhang Wei - vegetarian" in a block of such lines (a dietary list, a roster)
 * whose neighbours are headed by names of the lists: both lines around it, or the two before or
 * after it. The head's words are no everyday, stop, product, job or firm words. Not a glossary
 * ("Kubernetes - container orchestration"): its neighbours are no names.
 */
export function dashListItem(text: string, toks: readonly Word[], lists: Lists): boolean {
  const n = toks.length;
  if (n < 1 || n > 3) return false;
  const first = toks[0]!, last = toks[n - 1]!;
  // a blank and a dash right after the words (most runs are ruled out without a copy)
  const d = text.charCodeAt(last.end + 1);
  if (text.charCodeAt(last.end) !== 32 || (d !== 45 && d !== 0x2013 && d !== 0x2014 && d !== 32)) return false;
  if (!/^[ \t]+[-–—][ \t]+\S/.test(text.slice(last.end, last.end + 6))) return false;
  for (const x of toks) {
    if (lists.common.has(x.lower) || STOP.has(x.lower) || PRODUCT_NAMES.has(x.lower) || ROLE_OR_FIRM.has(x.lower) || ENGLISH_END.test(x.lower)) return false;
  }
  // one word: a listed one ("Yaw"); two or three: at least one listed word
  if (!toks.some((x) => listedWord(x.lower, lists.all, lists.common))) return false;
  return namedAround(text, first.start, last.end, (s, e) => dashLineName(text, s, e, lists));
}

/**
 * The lines around the one holding [start, end) are headed by names (`isNamed` on a line's [s, e)):
 * both neighbours, or the two before it, or the two after it.
 */
function namedAround(text: string, start: number, end: number, isNamed: (s: number, e: number) => boolean): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  const named = (k: number): boolean => {
    const line = lineAway(text, lineStart, lineEnd, k);
    return line !== null && isNamed(line[0], line[1]);
  };
  return named(-1) ? named(1) || named(-2) : named(1) && named(2);
}

/** [start, end) of the line `k` lines away from the line [s, e) (k < 0: before it), or null past the text's edge. */
function lineAway(text: string, s: number, e: number, k: number): [number, number] | null {
  for (let i = 0; i < Math.abs(k); i++) {
    if (k < 0) {
      if (s === 0) return null;
      e = s - 1;
      s = text.lastIndexOf('\n', e - 1) + 1;
    } else {
      if (e >= text.length) return null;
      s = e + 1;
      e = text.indexOf('\n', s);
      if (e === -1) e = text.length;
    }
  }
  return [s, e];
}

/**
 * Names before a Japanese honorific suffix, after its hyphen: "Sato-san", "Yuki-chan", "Tanaka-sensei"
 * (`suffixStarts`: the keyword index's "honorsuffix" hits; "San Francisco" has no hyphen before it; no
 * English word before it: "Deploy-kun", "Data-san").
 */
export function suffixedNames(text: string, suffixStarts: readonly number[], isEnglish: (lower: string) => boolean, out: { push(f: Finding): unknown }): void {
  for (const at of suffixStarts) {
    if (at < 3 || text.charCodeAt(at - 1) !== 45) continue;
    let s = at - 1;
    while (s > 0 && at - 1 - s < 21 && isLetter(text.charCodeAt(s - 1))) s--;
    const c = s > 0 ? text.charCodeAt(s - 1) : 32;
    if (at - 1 - s < 2 || !isUpper(text.charCodeAt(s)) || isLetter(c) || (c >= 48 && c <= 57) || c === 45 || isEnglish(text.slice(s, at - 1).toLowerCase())) continue;
    // (a capitalised word, not one in capitals: "API-san" is no name)
    let capitals = false;
    for (let i = s + 1; i < at - 1; i++) if (isUpper(text.charCodeAt(i))) capitals = true;
    if (!capitals) out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: at - 1, confidence: 0.85 });
  }
}

/** a letter's first word, or an e-mail's header line: the text is a message, whose last word may be its sender */
const LETTER_OPENING = /^\s*(?:dear|hi|hello|hey|hiya|good (?:morning|afternoon|evening)|hola|bonjour|hallo|ciao|olá|ola|cześć|hej|moin|salut)\b|^(?:from|to|cc|subject|von|de|objet|betreff):[ \t]/im;

/**
 * The sender's name closing a message without a sign-off word: one capitalised word, a name of the
 * lists, on the text's last line after a line that ends a sentence ("… beyond HR.\nJess"), or after
 * the last sentence on its line ("… when I can. Bill"), in a text that opens as a letter or holds an
 * e-mail's headers. [start, end) of the word, or null.
 */
export function closingName(text: string, isName: (lower: string) => boolean): [number, number] | null {
  let e = text.length;
  while (e > 0 && (text.charCodeAt(e - 1) <= 32)) e--;
  let s = e;
  while (s > 0 && isLetter(text.charCodeAt(s - 1))) s--;
  if (e - s < 2 || e - s > 20 || !isUpper(text.charCodeAt(s))) return null;
  let p = s;
  while (p > 0 && (text.charCodeAt(p - 1) === 32 || text.charCodeAt(p - 1) === 9)) p--;
  const c = p > 0 ? text.charCodeAt(p - 1) : 0;
  if (c === 10 || c === 13) {
    // the line before, skipping blank lines, ends a sentence
    let q = p - 1;
    while (q > 0 && text.charCodeAt(q - 1) <= 32) q--;
    const d = q > 0 ? text.charCodeAt(q - 1) : 0;
    if (d !== 46 && d !== 33 && d !== 63) return null;
  } else if (!((c === 46 || c === 33 || c === 63) && p < s)) return null;
  const word = text.slice(s, e);
  if (word.slice(1) !== word.slice(1).toLowerCase()) return null;
  const lower = word.toLowerCase();
  if (STOP.has(lower) || PRODUCT_NAMES.has(lower) || !isName(lower) || !LETTER_OPENING.test(text.slice(0, 600))) return null;
  return [s, e];
}

/**
 * Names in CJK and Thai script, by their honorifics: in Japanese (a text with kana), two or three
 * kanji or any katakana before さん, 様, 先生, くん, ちゃん ("田中さん"), and one of the commonest family
 * names before a job title ("高橋部長", "佐藤課長", "中村 誠 部長"; a department's head, "営業部長", is
 * none); in Chinese, a family name of one character before 先生, 女士, 小姐 ("王先生"), or before a
 * title ("王经理", "陈老师", "李主任"; 总 only before punctuation or a verb of speech: "张总，", "刘总说");
 * in Korean, a family name's syllable and two more before 님
 * or 씨 ("김민준 님"; not "고객님", "선생님", two syllables, nor "사용자님", a role word); in Thai, the letters
 * after คุณ, นาย, นาง or นางสาว up to a blank ("คุณสมชาย"). Each regex runs only when its honorific
 * is in the text.
 */
const KANA = /[\u3040-\u30FF]/;
/** (not after the honorific prefixes お and ご, nor a word for a role or the customer: "ご担当者様", "お客様", "会員様", "運転手さん") */
const JA_NAME = /(?<![\p{Script=Han}\p{Script=Katakana}おご])(?:\p{Script=Han}{2,3}|\p{Script=Katakana}{2,8})(?=さん|様|先生|くん|ちゃん)/gu;
const JA_NOT_NAMES = new Set(['担当者', '会員', '皆', '皆様', '客', '苦労', '運転手', '医者', '店員', '社員', '奥', '王', '神', '仏', '殿', '大家', '患者', '利用者', '管理者', '責任者', '関係者', '参加者', '各位', '先輩', '後輩', '部長', '課長', '社長', '店長', '院長', '校長', '会長', '選手', '職員', '委員']);
/** the commonest Japanese family names (of the surveys' first 150): one of them before a job title or 氏 */
export const JA_FAMILY =
  '佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 斎藤 斉藤 清水 山崎 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 内田 柴田 酒井 宮崎 横山 高木 安藤 宮本 大野 小島 谷口 今井 工藤 高田 増田 丸山 杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 市川 菊地 杉本 古川 大西 島田 水野 桜井 高野 渡部 吉川 山内 西田 飯田 菊池 西川 小松 北村 安田 五十嵐 川口 平田 中田 久保田 服部 岩田 土屋 川崎 福島 本田 樋口 秋山 田口 永井 山中 中西 吉村 大橋 石原 松岡 浅野 荒木 大久保 野田 小西 熊谷 松下 川上 星野 大石 堀 森 林 原 辻'.split(' ');
// (not a title after a place, 支店長, 店長, 所長, 院長, which follow a town's name as often: "千葉支店長"; nor 氏, a clan's in history: "武田氏")
const JA_TITLE = '部長|課長|係長|社長|副社長|取締役|専務|常務|室長|次長|主任|教授|准教授|弁護士|医師';
const JA_TITLE_WORD = new RegExp(JA_TITLE);
/** (longest first: "佐々木" before "佐々"; the given name after a blank too: "中村 誠 部長", "小林 さくら 課長"; not a body or a prize the title begins, "宮崎医師会", "石川社長賞") */
const JA_TITLED = new RegExp(
  `(?<![\\p{Script=Han}\\p{Script=Katakana}])(?:${[...JA_FAMILY].sort((a, b) => b.length - a.length).join('|')})(?:[ \\u3000](?:\\p{Script=Han}{1,2}|\\p{Script=Hiragana}{2,4}))?(?=[ \\u3000]?(?:${JA_TITLE})(?!\\p{Script=Han}))`,
  'gu',
);
/** the hundred commonest Chinese family names: one of them before 先生, 女士 or 小姐 (not "尊敬的女士", "各位女士") */
export const ZH_FAMILY = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤陳楊黃趙吳許鄭謝蕭劉張羅蘇葉鍾譚陸範賈韋鄒顧龔錢嚴湯';
const ZH_NAME = new RegExp(`[${ZH_FAMILY}](?=先生|女士|小姐)`, 'gu');
/** a letter's or a message's salutation: a full name and a title at a line's start, then a colon or a comma ("陈静经理：", "王芳老师，") */
const ZH_SALUTED = new RegExp(`(?<=(?:^|\\n)[ \\t]*)[${ZH_FAMILY}]\\p{Script=Han}{1,2}(?=(?:经理|經理|总监|總監|老师|老師|主任|医生|醫生|律师|律師|教授|先生|女士|小姐)[：:，,])`, 'gu');
/**
 * a family name before a title ("王经理", "陳經理", "李主任"), or 总 (boss) before punctuation or a verb of
 * speech ("张总，", "刘总说"; not "向总部", "金总额"); after no Han character or a word such as 跟, 给, 请
 * (many family names end words: "基金经理", "工程经理", "历史老师", "对方律师"); not 向, 任, 于, 万, words before a title as often ("向经理汇报", "任主任医师")
 */
const ZH_TITLED = new RegExp(
  `(?<=^|[^\\p{Script=Han}]|[跟和与給给找问問请請让讓是被把同叫等及的了说說诉訴知系])(?![向任于万])[${ZH_FAMILY}](?=经理|經理|总监|總監|老师|老師|主任|医生|醫生|律师|律師|教授|博士|总(?:[，。、！？,.!?：:；;\\s]|$|说|說|让|讓|要|已|在|您|你好)|總(?:[，。、！？,.!?：:；;\\s]|$|说|說|让|讓|要|已|在|您|你好))`,
  'gu',
);
export const KO_FAMILY = '김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부';
/** (not a word for a role or a person by what they do, which ends in 자, 장, 원, 사, 객, 인: "사용자님", "부사장님", "지원자님") */
const KO_NAME = new RegExp(`(?<!\\p{Script=Hangul})[${KO_FAMILY}]\\p{Script=Hangul}[^자장원사객인생님씨\\P{Script=Hangul}](?= ?(?:님|씨))`, 'gu');
/** after คุณ, นาย, นาง at the text's start or after a blank (not inside a word: "คุณภาพ" quality, "นายจ้าง" employer) */
const TH_NAME = /(?<=(?:^|[\s(])(?:คุณ|นางสาว|นาย|นาง))(?!ภาพ|ค่า|สมบัติ|ธรรม|ประโยชน์|วุฒิ|ลักษณะ|จ้าง|หน้า|ทุน|พยาบาล)[\u0E01-\u0E4E]{2,20}(?=[\s,.!?]|$)/gu;
/**
 * after a title in Arabic, Hebrew or Hindi, one or two words of its script up to a separator: "الأستاذة نورة الشمري", "د. خالد",
 * "ד"ר רונית אלמוג", "גב' מיכל לוי", "श्रीमती कमला देवी", "डॉ. अनिल गुप्ता"; and a Hindi name before जी ("सुनीता जी")
 */
const AR_NAME = /(?<=(?:^|[\s(،,:])(?:الأستاذة?|الاستاذة?|السيدة?|الدكتورة?|المهندسة?|د\.)[ \t]+)\p{Script=Arabic}{2,15}(?:[ \t]\p{Script=Arabic}{2,15})?(?=[ \t]*(?:[،,.:!؟\n(]|$|المحترمة?))/gu;
const HE_NAME = /(?<=(?:^|[\s(,:])(?:ד"ר|ד״ר|פרופ'|מר|גב'|גברת)[ \t]+)\p{Script=Hebrew}{2,15}(?:[ \t]\p{Script=Hebrew}{2,15})?(?=[ \t]*(?:[,.:!?\n(]|$))/gu;
const HI_NAME = /(?<=(?:^|[\s(,:])(?:श्रीमती|श्री|सुश्री|कुमारी|डॉ\.|डॉ)[ \t]+)[\p{Script=Devanagari}]{2,15}(?:[ \t][\p{Script=Devanagari}]{2,15})?(?=[ \t]*(?:[,.:!?।\n(]|$))|[\p{Script=Devanagari}]{2,15}(?=[ \t]जी(?:[ \t]*[,.!।\n]|$))/gu;
/** a sign-off in Arabic or Hebrew, then the sender alone on the next line (one to three words of the script) */
const RTL_SIGNED = /(?:مع التحية|مع خالص التحية|تحياتي|وتفضلوا بقبول فائق الاحترام|בברכה|תודה רבה|תודה)[ \t]*[،,.]?[ \t]*\r?\n[ \t]*((?:\p{Script=Arabic}{2,15}|\p{Script=Hebrew}{2,15})(?:[ \t](?:\p{Script=Arabic}{2,15}|\p{Script=Hebrew}{2,15})){0,2})[ \t]*(?=\r?\n|$)/gu;
const RTL_NOT_FIRST = new Set('في من على إلى الى عن مع أو و هو هي قسم إدارة ادارة فريق شركة مكتب مركز خدمة צוות מחלקת הנהלת משרד שירות חברת מוקד מערכת'.split(' '));
export function scriptNames(text: string, out: { push(f: Finding): unknown }): void {
  /** each match of `re` (its group `group`) that `keep` keeps */
  const run = (re: RegExp, keep: (name: string) => boolean = () => true, group = 0): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const name = m[group]!;
      const start = m.index + m[0].lastIndexOf(name);
      if (keep(name)) out.push({ dataClass: 'personal_data', detector: 'person-name', start, end: start + name.length, confidence: 0.8 });
    }
  };
  const kana = KANA.test(text);
  if (kana && /さん|様|先生|くん|ちゃん/.test(text)) run(JA_NAME, (n) => !JA_NOT_NAMES.has(n));
  if (kana && JA_TITLE_WORD.test(text)) run(JA_TITLED);
  if (!kana && /先生|女士|小姐/.test(text)) run(ZH_NAME);
  if (!kana && /[理監监师師任生授士总總]/.test(text)) run(ZH_TITLED);
  if (!kana && /[理監监师師任生授士][：:，,]/.test(text)) run(ZH_SALUTED);
  if (text.indexOf('님') !== -1 || text.indexOf('씨') !== -1) run(KO_NAME);
  if (text.indexOf('คุณ') !== -1 || text.indexOf('นาย') !== -1 || text.indexOf('นาง') !== -1) run(TH_NAME);
  if (/[\u0590-\u06ff]/.test(text)) {
    // (a given name first: not a word with the Arabic article, a preposition, a department or a team: "في المستشفى", "قسم الموارد", "צוות התמיכה")
    const rtlName = (name: string): boolean => !/^ال/.test(name) && !RTL_NOT_FIRST.has(name.split(/[ \t]/)[0]!);
    run(AR_NAME, rtlName);
    run(HE_NAME, rtlName);
    run(RTL_SIGNED, rtlName, 1);
  }
  if (/[\u0900-\u097f]/.test(text)) run(HI_NAME);
}
