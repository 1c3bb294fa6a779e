import type { Detector } from '../detector';
import { addressColumns, labelledAddresses } from './street-address-labelled';
import { brazilianTail, indianAddresses, japaneseAddresses, postcodeAddresses } from './street-address-regional';
import { scriptAddresses } from './street-address-scripts';

/** US/UK street-type words (found by the keyword index), capitalized in an address */
const SUFFIX =
  /^(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl|Way|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Circle|Cir|Trail|Row|Gardens|Mews|Loop|Plaza|Alley|Pike|Turnpike|Expressway|Freeway|Str|Grove|Parade|Esplanade)$/;
const FR_WORDS = /^(?:rue|avenue|boulevard|place|chemin|allée|impasse|quai|cours)$/i;
/** number + 1-4 capitalized (or ordinal) words, anchored at the suffix */
const BEFORE = /(?<![\w.,-])(\d{1,5}[A-Za-z]?(?:-\d{1,5})?)[ \t]+((?:(?:[NSEW]\.?|[A-Z][A-Za-z'’-]*|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,4})$/;
/** a compass direction after the street type: "55 Queen St W", "1200 Main Street NW" */
const DIRECTION = /[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\.?(?![\p{L}\d])/uy;
const UNIT = /,?[ \t]+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Floor|Fl\.?|#)[ \t]*[A-Za-z0-9-]{1,6}/y;
const CITY_US = /,?[ \t]+(?:[A-Z][A-Za-z.'-]*[ \t]){0,3}[A-Z][A-Za-z.'-]*,[ \t]*[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?/y;
const CITY_UK = /,?[ \t]+(?:[A-Z][A-Za-z.'-]*[ \t]){0,2}[A-Z][A-Za-z.'-]*,?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}(?![A-Za-z0-9])/y;
const CITY_ONLY = /,[ \t]*(?:[A-Z][A-Za-z.'-]*[ \t]){0,2}[A-Z][A-Za-z.'-]+(?:,[ \t]*[A-Z]{2})?/y;
/** Australia: suburb, state and postcode ("Parramatta NSW 2150", ", Glen Waverley VIC 3150") */
const CITY_AU = /,?[ \t]+(?:[A-Z][A-Za-z.'-]*[ \t]){0,3}(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+\d{4}(?![\w-])/y;
/** a city and its postcode after the district ("…, Ikoyi, Lagos 101233") */
const CITY_POSTCODE = /,[ \t]*(?:[A-Z][A-Za-z.'-]*[ \t]){0,2}[A-Z][A-Za-z.'-]+[ \t]+\d{5,6}(?![\w-])/y;

/** P.O. Box 1234 [, City, ST 12345] */
const PO_BOX = /\bP\.? ?O\.? ?Box[ \t]+\d{1,7}(?:,?[ \t]+(?:[A-Z][A-Za-z.'-]*[ \t]){0,2}[A-Z][A-Za-z.'-]*,[ \t]*[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?)?/g;

/** German: digit-led (fast to scan) with the street suffix checked by lookbehind; the capitalized street word is found backwards */
const DE = /(?<!\d)\d{1,4}(?<=(?:[sS]traße|[sS]trasse|[sS]tr\.|[wW]eg|[aA]llee|[pP]latz|[gG]asse|[rR]ing|[dD]amm|[uU]fer)[ \t]{1,3}\d{1,4})[a-z]?(?!\d)(?:,?[ \t]+\d{5}[ \t]+[A-ZÄÖÜ][a-zäöüß-]+)?/y;
const DE_WORD = /(?:^|[^\wÄÖÜäöüß])([A-ZÄÖÜ][a-zäöüß-]*(?:[ -][A-ZÄÖÜ][a-zäöüß-]*)?\.?)$/;
/** "5 rue de la Paix, 75002 Paris": the street's words up to its postcode and city, else its capitalised words (and particles) only. */
const FR =
  /(?<![\w,])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:[rR]ue|[aA]venue|[bB]oulevard|[pP]lace|[cC]hemin|[aA]llée|[iI]mpasse|[qQ]uai|[cC]ours)[ \t]+(?:(?:de|du|des|la|le|l'|d')[ \t]?){0,2}[A-ZÉÈ][\wÀ-ÿ'’-]*(?:(?:[ \t]+[A-ZÉÈa-z][\wÀ-ÿ'’-]*){0,3}?,?[ \t]+\d{5}[ \t]+[A-ZÉÈ][A-Za-zÀ-ÿ-]+|(?:[ \t]+(?:(?:de|du|des|la|le|l'|d')[ \t]?)?[A-ZÉÈ][\wÀ-ÿ'’-]*){0,3})/g;

/**
 * Street word first, house number after the name (Spain, Italy, Portugal, Belgium/France "Rue Royale
 * 45", Poland, Romania, Greece "Λεωφόρος Κηφισίας 12"): "Calle de Alcalá 148, 28009 Madrid", "Via Giuseppe Verdi 21, 20121 Milano MI".
 */
const WORD_FIRST_WORDS = /^(?:calle|avenida|av|avda|alameda|estrada|rodovia|praça|paseo|plaza|carrer|avinguda|rua|travessa|via|viale|piazza|corso|largo|ulica|ul|strada|calea|rue|avenue|boulevard|place|chemin|allée|quai|οδός|λεωφόρος|πλατεία)$/iu;
const WORD_FIRST =
  /(?:[ \t]+(?:(?:de|del|de la|de los|de las|do|da|dos|das|di|della|delle|dei|degli|des|du|la|le|l'|d')[ \t]*)?[\p{Lu}\d][\p{L}'’.-]*){1,5},?[ \t]+(?:n[º°o]\.?[ \t]*)?\d{1,4}[a-zA-Z]?(?:[ \t]*(?:bis|ter|[-/]\d{1,4}))?(?![\d])/uy;
/** "..., 28009 Madrid", "..., 1015 CJ Amsterdam", "..., 114 55 Stockholm", "..., 20121 Milano MI", "..., 01234-567 São Paulo" */
const POSTCODE_CITY =
  /,?[ \t]+(?:[A-Z]{1,2}-)?(?:\d{5}-\d{3}|\d{5}|\d{4}[ \t]?[A-Z]{2}|\d{3}[ \t]\d{2}|\d{4}-\d{3}|\d{4}|\d{2}-\d{3})[ \t]+\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2}/uy;
/** Czech and Slovak house numbers, "1511/230", then the postcode as written there ("100 00") and the city: "Vinohradská 1511/230, 100 00 Praha 10" (sticky, at the first digit; not "Invoice 2024/118, 12000 EUR") */
const CZ_NUMBERS = /\d{1,4}\/\d{1,4}[a-zA-Z]?,?[ \t]+\d{3}[ \t]\d{2}[ \t]+\p{Lu}\p{Ll}[\p{L}-]*(?:[ \t]+\d{1,2}(?![\d\p{L}]))?/uy;
/** the street's name before them: one to three capitalised words */
const CZ_NAME = /(?:^|[^\p{L}\d.'’-])((?:\p{Lu}[\p{L}.'’-]*[ \t]+){1,3})$/u;
/**
 * Street name with its type as a suffix, number after (Dutch, Nordic, German compounds): "Keizersgracht 123".
 * (-stien not after "ba", "ri": the given names Sébastien, Bastien, Christien before a number are no street)
 */
const SUFFIX_STREET =
  /\p{Lu}[\p{Ll}ß'’-]*(?:straat|gracht|laan|plein|kade|singel|dijk|steeg|gatan|vägen|gränd|torget|gade|vej|vænget|vænge|stræde|plads|torv|veien|gata|gaten|(?<![bB]a|[rR]i)stien|bakken|katu|tie|kuja|polku|straße|strasse|gasse|allee|weg)[ \t]+\d{1,4}[a-zA-Z]?(?![\d\p{L}])/uy;

/**
 * Street type after the name as its own word, number after it (Hungary, Czechia/Slovakia): "Kossuth
 * Lajos utca 12.", "Erzsébet tér 3", "Király u. 15.", "Václavské náměstí 28". Anchored at the type word.
 */
const TYPE_AFTER = new Set(['utca', 'u.', 'út', 'útja', 'tér', 'körút', 'krt.', 'köz', 'sétány', 'náměstí', 'nám.', 'třída', 'ulice', 'námestie', 'ulica']);
/** the last two characters of the TYPE_AFTER words, as (c1 << 16) | c2: the word is read only after one of them */
const TYPE_AFTER_END = new Set([...TYPE_AFTER].map((w) => (w.charCodeAt(w.length - 2) << 16) | w.charCodeAt(w.length - 1)));
const TYPE_AFTER_NAME = /(?:^|[^\p{L}\d.'’-])((?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,3}(?:\p{Ll}{3,}[ \t]+)?)$/u;
/** the same without a lower-case word, before an abbreviated type word ("Király u. 15."; not chat "Hi Anna love u. 2 weeks") */
const TYPE_AFTER_NAME_CAPS = /(?:^|[^\p{L}\d.'’-])((?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,3})$/u;
const TYPE_AFTER_NUMBER = /[ \t]+\d{1,4}(?:\.(?!\d)|[a-zA-Z](?![\p{L}\d])|\/\d{1,4})?(?![\d\p{L}])/uy;
/** a word of a street corner: a number, a capitalised word or a street type */
const CORNER_TOK =
  String.raw`(?:\d{1,5}(?:st|nd|rd|th|[a-zA-Z])?\.?(?![\p{L}\d])|\p{Lu}[\p{L}'’.-]*|(?:st|str|street|road|rd|ave|avenue|lane|ln|drive|dr|blvd|boulevard|way|court|courts|ct|place|pl|square|sq|terrace|crescent|park|parks|route|pass|u|utca|út|tér|kapu|köz|vej|gade|gata|gatan|straße|strasse|weg)\.?(?![\p{L}\d]))`;
const CORNER_PART = `(?=[\\p{Lu}\\d])${CORNER_TOK}(?:[ \\t]+${CORNER_TOK}){0,4}`;
/** "<street> and <street>" after "corner of", each part starting with a capital or a number (sticky) */
const CORNER = new RegExp(`${CORNER_PART}[ \\t]+(?:and|&)[ \\t]+${CORNER_PART}`, 'uy');
/** an ordinal or a street type word among the words of a corner (a bare number is a version or a hall: "Windows 10 and Windows 11", "Bay 4 and Bay 5") */
const IN_CORNER_STREET = /(?<![\p{L}\d])\d{1,3}(?:st|nd|rd|th)(?![\p{L}])|(?<![\p{L}])(?:st|str|street|road|rd|ave|avenue|lane|ln|drive|dr|blvd|boulevard|way|court|ct|place|pl|square|sq|terrace|crescent|turnpike|highway|utca|út|tér|vej|gade|gata|gatan|straße|strasse|weg)(?![\p{L}])/iu;
/** first words of the parts of a document, not of a street ("the corner of Figure 3 and Table 2") */
const NOT_CORNER = /^(?:figure|fig|table|section|chapter|page|step|appendix|row|column|line|item|slide|part|box|panel|screen|window|tab)\b/i;
/** US military mail: "PSC 1234, Box 5678, APO AE 09876", "Unit 2050 Box 4190\nDPO AP 96278", "CMR 402 Box 12 APO AE 09180" */
const MILITARY = /\b(?:PSC|Unit|CMR)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5},?\s{1,3}(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]+\d{5}\b/gi;
/** the military post line's office, in any case ("APO ", "dpo "): "PO " or "po " after A, F or D */
function militaryOffice(text: string): boolean {
  for (const po of ['PO ', 'po ']) {
    for (let i = text.indexOf(po, 1); i !== -1; i = text.indexOf(po, i + 3)) {
      const c = text.charCodeAt(i - 1) | 32;
      if (c === 97 || c === 102 || c === 100) return true;
    }
  }
  return false;
}
/** US Navy and Coast Guard ships' mail: "USS Nimitz\nFPO AP 96620", "USNS Comfort FPO AE 09575" (the ship's name, then FPO, its region and ZIP) */
const SHIP = /\b(?:USS|USNS|USNV|USCGC)[ \t]+\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2},?\s{1,3}FPO[ \t]+A[AEP][ \t]+\d{5}\b/gu;
/**
 * The name after a lower-case "ul." (lower case, it is also microlitres and an HTML list: "Add 50 ul.
 * Incubate 30 min", "in a ul. Section 3"): a Polish street name, ending in -a, -i, -o, -y (feminine
 * adjectives and genitives: "ul. Lipowa", "ul. Mickiewicza", "ul. Piłsudskiego", "ul. Nowy Świat") or with
 * a Polish letter, or a date's day ("ul. 3 Maja").
 */
const POLISH_STREET_NAME = /^[ \t]+(?:\d{1,2}[ \t]|\p{Lu}\p{Ll}*[aioy](?![\p{L}])|\p{Lu}\p{Ll}*[ąćęłńóśźż])/u;
/**
 * A building number before a street found (the house number is on the street's other side, or the
 * street starts with its own number: "Address: 12 Rua Augusta 40", "    31401 ul. Słowicza 10"):
 * read only at the line's start (after a quote or bullet mark), after a colon or "at", "to", "is",
 * "in", or after a flat or suite number, one blank before the street; not after another word
 * ("Room 12 450 Main Street") nor across a tab.
 */
const LEADING_NUMBER = /(?:^|[\n:]|(?:^|[^\p{L}\d])(?:at|to|is|in)|[>|•·▪◦]|\?{3}|(?:^|[^\p{L}\d])(?:Apt\.?|Apartment|Suite|Flat|Unit)[ \t]*#?\d{1,5}[A-Za-z]?,?)[ \t]*(?<![\p{L}\d])(\d{1,5}) $/u;
/** A flat or suite number right before the street (or its building number): "Flat 3, 12 High Street", "Suite 400 1200 Main Street" */
const LEADING_UNIT = /(?:^|[^\p{L}\d])((?:Apt\.?|Apartment|Suite|Flat|Unit)[ \t]*#?\d{1,5}[A-Za-z]?,?[ \t]+)$/u;

/**
 * "Apt. 5", "Suite 838", "Apto 4", "Piso 3", "Whg. 12" right after the street (same line); the unit is
 * a number, a letter and a number, or one capital ("Apto" is not "Apt" and "o"). Or a Spanish floor
 * and door, "2ºA", "3º izq." (the detectors read NFKC text, where "º" is "o").
 */
const UNIT_AFTER =
  /,?[ \t]+(?:(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Floor|Fl\.?|Apto\.?|Ap\.|Depto\.?|Dpto\.?|Piso|Bloco|Bloque|Sala|Andar|Whg\.?|Stiege|Top)[ \t]*(?:n[º°o]\.?[ \t]*|#)?(?:\d[A-Za-z0-9-]{0,5}|[A-Za-z]\d[A-Za-z0-9-]{0,4}|[A-Z])|\d{1,2}[ºª°oa][ \t]?(?:[A-Z]|izq(?:da)?\.?|dcha\.?)?)(?![\p{L}\d])/uy;

/** a unit after a street typed in lower case ("… 1 suite 463") */
const UNIT_AFTER_LC = /,?[ \t]+(?:apt\.?|apartment|suite|unit|flat)[ \t]*#?\d{1,5}[a-z]?(?![\p{L}\d])/uy;
/** After a street and its number: its unit, then a postcode and city on the same line. */
function unitAndPostcode(text: string, end: number): { end: number; postcode: boolean } {
  UNIT_AFTER.lastIndex = end;
  if (UNIT_AFTER.test(text)) end = UNIT_AFTER.lastIndex;
  POSTCODE_CITY.lastIndex = end;
  if (!POSTCODE_CITY.test(text)) return { end, postcode: false };
  return { end: POSTCODE_CITY.lastIndex, postcode: true };
}
/**
 * One line of an address block after the street line: unit, a line with a postcode, a postcode and
 * its city ("10115 Berlin", "01234-567 São Paulo - SP"), a city with its state or province and
 * postcode ("Winston-Salem, NC 27101", "Toronto, ON M5V 2T6", "Sydney NSW 2000"), a city in
 * capitals, a region code.
 */
const BLOCK_LINE =
  /[ \t]*,?[ \t]*\r?\n(?:[ \t]*(?:[>|•·▪◦]|\?{3}|[-*](?=[ \t]))){0,4}[ \t]*,?[ \t]*(?:(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Floor)[ \t]*[A-Za-z0-9-]{1,6}|(?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,3}\p{Lu}[\p{L}'’.-]*,?[ \t]+(?:[A-Z]{2,3}|nan)[ \t]+(?:\d{4,5}(?:-\d{4})?|\d{3}[ \t]\d{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)|(?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,3}(?:[A-Z]{1,2}-)?\d{4,6}|(?:[A-Z]{1,2}-)?(?:\d{5}-\d{3}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{4}[ \t]?[A-Z]{2}|\d{4,5})[ \t]+\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:-[ \t]+)?\p{Lu}[\p{L}'’.-]*){0,3}|(?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,3}[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\p{Lu}{3,}(?:[ \t-]\p{Lu}{2,}){0,2}(?:,[ \t]*\p{Lu}{2})?|\p{Lu}{2})[ \t]*(?=\r?\n|$|[.,;?!])/uy;
/** A place name alone on its line ("Riisa", "Domoszló", "Frankfurt am Main"): part of the block only when a BLOCK_LINE follows (after one blank line at most). */
const PLACE_LINE = /[ \t]*,?[ \t]*\r?\n(?:[ \t]*(?:[>|•·▪◦]|\?{3}|[-*](?=[ \t]))){0,4}[ \t]*(?:\p{Lu}[\p{Ll}'’.-]+(?:[ \t]+(?:\p{Ll}{2,4}[ \t]+)?\p{Lu}[\p{Ll}'’.-]+){0,2})[ \t]*(?=\r?\n)/uy;
/** The end of the address that ends at `end`: a unit on its line, then up to four lines of its block (city, region, postcode). */
function blockEnd(text: string, end: number): number {
  UNIT_AFTER.lastIndex = end;
  if (UNIT_AFTER.test(text)) end = UNIT_AFTER.lastIndex;
  for (let k = 0; k < 4; k++) {
    BLOCK_LINE.lastIndex = end;
    if (BLOCK_LINE.test(text)) {
      end = BLOCK_LINE.lastIndex;
      continue;
    }
    PLACE_LINE.lastIndex = end;
    if (!PLACE_LINE.test(text)) break;
    const place = PLACE_LINE.lastIndex;
    // the next line, possibly after one blank line, must be a block line
    let at = place;
    if (text.charCodeAt(at) === 10 && text.charCodeAt(at + 1) === 10) at++;
    BLOCK_LINE.lastIndex = at;
    if (!BLOCK_LINE.test(text)) break;
    end = BLOCK_LINE.lastIndex;
  }
  return end;
}

/** A flat or suite number ("Apt. 12", "Suite 400", "Flat 3B"): where one is, the line it ends or the line before names the street. */
const UNIT_ANCHOR = /(?:Apt\.?|Apartment|Suite|Flat)[ \t]*#?[A-Za-z]?\d{1,5}[A-Za-z]?(?![\p{L}\d])/uy;
/** A street with no type word and its house number at the end of what comes before the unit: "Rosenhof 7", "Kongens Nytorv 3". */
const STREET_BEFORE_UNIT = /(?:^|[ \t,])((?:\p{Lu}[\p{Ll}'’.]+(?:-\p{Lu}?[\p{Ll}'’.]+)*[ \t]+){1,3}\d{1,4}[a-zA-Z]?)[ \t]*,?[ \t]*$/u;
/** words before a number that name no street */
const NOT_STREET = new Set(
  `room rm floor level building bldg block tower gate page chapter section version step phase day week year table figure box unit suite apt flat
  apartment ste see call meeting on at in from to and or the a an my our your his her their by for with of is are was no nr number ref order
  invoice ticket item line row monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december`.split(/\s+/),
);

/**
 * A street with no type word and its house number, in the order of most of Europe ("Jahu 80", "Hoge Wei
 * 32", "Pärna 33", "Vana-Viru 25"): read only where an address is plain. Either a building number
 * before it after a line start, a colon, a quote mark, "at", "on", "to", "is", "in" or a unit
 * ("at 87818 Dalmatinova 68", "Suite 913 0547 Bygget 91"), or after "lives on", "located at",
 * "address is"… ("He lives on Grössgstötten 50 street."). Matched backwards from the house number
 * over the slice before it (group 1: the building number, group 2: the cue without a number).
 */
const NUMBERED_STREET =
  /(?:(?:^|[\n:>]|\?{3}|(?:^|[^\p{L}\d])(?:at|on|to|is|in)|(?:^|[^\p{L}\d])(?:Apt\.?|Apartment|Suite|Flat|Unit)[ \t]*#?\d{1,5}[A-Za-z]?,?)[ \t]*(\d{1,5})[ \t]+|(?:^|[^\p{L}])(?:(?:[Ll]ives?|[Ll]iving|[Rr]esides?|[Rr]esiding|[Ll]ocated|[Ss]ituated|[Ss]tays?|[Ss]taying|[Ee]nter|[Ee]ntrance)[ \t]+(?:on|at|in)|[Aa]ddress(?:[ \t]+is)?[ \t]*:?)[ \t]+)((?:\p{Lu}[\p{Ll}ß'’]+(?:-\p{Lu}?[\p{Ll}ß'’]+)*[ \t]+){1,3})$/u;
/** what may follow the house number of NUMBERED_STREET: the end of the address (sticky, after the number) */
const NUMBERED_STREET_END = /[a-zA-Z]?(?=[ \t]*(?:$|\r?\n|[,;?!)]|\.(?!\d)|[ \t](?:St\.?|Street|street|Apt\.?|Suite|Unit|Flat)(?![\p{L}\d])))/uy;
/** words before a number that name no street, beyond NOT_STREET: what is counted or numbered in prose */
const NOT_NUMBERED_STREET = new Set(
  `terminal platform pier dock bay zone sector area lot hall stand gate track lane level stage season episode part volume vol issue grade class
  minutes hours days weeks months years seconds players people points stars windows office python java android ios iphone galaxy pixel
  jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);

/**
 * Two numbers, then a street of capitalised words with no type word, ending the sentence or the line:
 * a building number and the street's own ("at 9816 214 Pavlou Drandaki"). Sticky, at the first
 * number, after a cue of LEADING_NUMBER's kind (a line start, a colon, "at", "to", "is", "on", "in").
 */
const TWO_NUMBERS_STREET = /(\d{1,5}) (\d{1,5})[ \t]+(\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){0,2})(?=[ \t]*(?:$|\r?\n|[,;?!]|\.(?!\d)))/uy;
const TWO_NUMBERS_CUE = /(?:^|[\n:>]|(?:^|[^\p{L}\d])(?:at|on|to|is|in))[ \t]*$/u;
/**
 * A text typed without capitals ("meet me at 2407 tawastintie 6, sé, portugal"): a building number, a
 * street of 1-3 lower-case words and its number, after a cue (a line start, a colon, "at", "to", "on",
 * "is", "in"). Read only in texts with no capital letter, where the capitalised forms above cannot be.
 */
const LOWER_CASE_STREET = /(?:^|[\n:>]|(?:^|[^\p{L}\d])(?:at|on|to|is|in))[ \t]*(\d{1,5})[ \t]+((?:[\p{Ll}'’-]{2,}[ \t]+){1,3})\d{1,4}[a-z]?(?![\d\p{L}])/gu;
/** words of prose between two numbers, not of a street ("at 5 pm 2", "in 3 days 12") */
const LOWER_CASE_NOT_STREET = new Set(
  `the a an of and or to in on at for with by from is are was am pm h hours hour days day minutes min mins weeks months years times people items
  pages page percent per x and or but than out over under about up down floor room level unit suite apt box`.split(/\s+/),
);
/** a capital letter (Latin, Greek, Cyrillic) anywhere: texts without one are read by LOWER_CASE_STREET */
const ANY_CAPITAL = /[A-Z\u00C0-\u00DE\u0391-\u03A9\u0410-\u042F]/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/**
 * The house number at `d` (1-4 digits and a letter) can end a NUMBERED_STREET address: what follows
 * is the text's or the line's end, a punctuation mark, or a blank and "St", "Street", "Apt", "Suite",
 * "Unit", "Flat" (the characters are tested before NUMBERED_STREET_END runs).
 */
function numberEndsStreet(text: string, d: number): boolean {
  let e = d;
  while (e < text.length && e - d < 5 && isDigit(text.charCodeAt(e))) e++;
  if (e - d > 4) return false;
  let c = text.charCodeAt(e);
  if ((c | 32) >= 97 && (c | 32) <= 122) c = text.charCodeAt(++e);
  if (e >= text.length || c === 44 || c === 46 || c === 59 || c === 63 || c === 33 || c === 41 || c === 10 || c === 13) return true;
  if (c !== 32 && c !== 9) return false;
  const n = text.charCodeAt(e + 1);
  return n === 83 || n === 115 || n === 65 || n === 85 || n === 70 || n === 10 || n === 13 || n === 32 || n === 9 || e + 1 >= text.length;
}
/** the small words after which NUMBERED_STREET's words may start (its cues end with them) */
const NUMBERED_CUE_WORDS = new Set(['at', 'on', 'in', 'to', 'is', 'address', 'Address']);
/**
 * What comes right before the capitalised word at `w` can start a NUMBERED_STREET match: a number (a
 * building's), a colon, a quote mark or a line start, another capitalised word (a street of several
 * words), or one of the small words its cues end with. Most "Word 12" of prose ("page Intro 3",
 * "the Model 3") are ruled out here before any regex.
 */
function numberedCue(text: string, w: number): boolean {
  // the second part of a hyphenated street ("Pohjola-Kartano"): read from its first part's start
  if (w > 1 && text.charCodeAt(w - 1) === 45) {
    let h = w - 1;
    while (h > 0 && w - h < 24 && (isSmallLetter(text.charCodeAt(h - 1)) || isCapital(text.charCodeAt(h - 1)))) h--;
    return h < w - 1 && isCapital(text.charCodeAt(h)) && numberedCue(text, h);
  }
  let p = w;
  while (p > 0 && (text.charCodeAt(p - 1) === 32 || text.charCodeAt(p - 1) === 9)) p--;
  if (p === w && p > 0) return false;
  if (p === 0) return true;
  const c = text.charCodeAt(p - 1);
  if (isDigit(c) || c === 58 || c === 62 || c === 10 || c === 63 || c === 44 || c === 45) return true;
  let r = p;
  while (r > 0 && p - r < 24 && (isSmallLetter(text.charCodeAt(r - 1)) || isCapital(text.charCodeAt(r - 1)))) r--;
  if (r === p) return false;
  return isCapital(text.charCodeAt(r)) || (p - r <= 7 && NUMBERED_CUE_WORDS.has(text.slice(r, p)));
}
const isSmallLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f && c !== 0xf7);
const isCapital = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x100 && c <= 0x17f && c % 2 === 0);
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c > 0xbf;

/** cheap prefilter for SUFFIX_STREET: one of the suffixes' last three letters right before a blank run and a digit */
const SUFFIX_HINT = new Set(
  ['aat', 'cht', 'aan', 'ein', 'ade', 'gel', 'ijk', 'eeg', 'tan', 'gen', 'änd', 'get', 'vej', 'nge', 'æde', 'ads', 'orv', 'ien', 'ata', 'ten', 'ken', 'atu', 'tie', 'uja', 'lku'].map((x) => tri(x, 0)),
);
/** three UTF-16 code units as one number (exact below 2^48), to look them up without a substring */
function tri(s: string, i: number): number {
  return (s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) * 65536 + s.charCodeAt(i + 2);
}
/** last characters of the German street words in DE's lookbehind (straße, str., weg, platz, damm, ufer...) */
const DE_LAST = new Set(['e'.charCodeAt(0), '.'.charCodeAt(0), 'g'.charCodeAt(0), 'z'.charCodeAt(0), 'm'.charCodeAt(0), 'r'.charCodeAt(0)]);
/**
 * A blank and the digit after it; the run of blanks before is walked back in code. Not `[ \t]+\d`:
 * on a long run of blanks with no digit after it, that pattern tried the whole run from each of its
 * blanks (50,000 blanks took 0.9 s, 200,000 took 28 s).
 */
const BLANKS_DIGIT = /[ \t]\d/g;

/**
 * Street addresses where the evidence is strong: house number + street name + street-type suffix
 * (US/UK), German/French and other European forms, and India, Japan and Brazil (street-address-regional.ts).
 */
export const streetAddressDetector: Detector = {
  entries: [{ id: 'street-address', dataClass: 'personal_data', description: 'Street addresses (number + street + suffix, optional city/ZIP)' }],
  detect(scan, out) {
    const { text, keywords } = scan;
    const first = out.length;
    let m: RegExpExecArray | { index: number; 0: string } | null;
    let lastEnd = 0;
    const street = keywords.hits('street');
    // "Dr." is indexed as a clinical word; it is also a street suffix
    const hits: { start: number; end: number }[] = street.starts.map((s, i) => ({ start: s, end: street.ends[i]! }));
    const health = keywords.hits('health');
    for (let i = 0; i < health.starts.length; i++) if (text.startsWith('Dr.', health.starts[i]!)) hits.push({ start: health.starts[i]!, end: health.ends[i]! });
    hits.sort((a, b) => a.start - b.start);
    let sawFrench = false, sawBox = false;
    for (const h of hits) {
      const word = text.slice(h.start, h.end).replace(/\.$/, '');
      if (!sawFrench && FR_WORDS.test(word)) sawFrench = true;
      if (!sawBox && /^box$/i.test(word)) sawBox = true;
      if (!SUFFIX.test(word)) continue;
      m = { index: h.start, 0: text.charCodeAt(h.start + word.length) === 46 ? word + '.' : word };
      if (m.index < lastEnd) continue;
      const winStart = Math.max(lastEnd, m.index - 60);
      const before = text.slice(winStart, m.index);
      if (!/\d/.test(before)) continue;
      const b = BEFORE.exec(before);
      if (!b) continue;
      const start = winStart + b.index;
      let end = m.index + m[0].length;
      let confidence = 0.8;
      DIRECTION.lastIndex = end;
      if (DIRECTION.test(text)) end = DIRECTION.lastIndex;
      UNIT.lastIndex = end;
      const u = UNIT.exec(text);
      if (u) end += u[0].length;
      for (const city of [CITY_US, CITY_UK, CITY_AU]) {
        city.lastIndex = end;
        const c = city.exec(text);
        if (c) {
          end += c[0].length;
          confidence = 0.95;
          break;
        }
      }
      if (confidence < 0.95) {
        CITY_ONLY.lastIndex = end;
        const c = CITY_ONLY.exec(text);
        if (c) {
          end += c[0].length;
          confidence = 0.88;
        }
        CITY_POSTCODE.lastIndex = end;
        if (CITY_POSTCODE.test(text)) end = CITY_POSTCODE.lastIndex;
      }
      end = blockEnd(text, end);
      out.push({ dataClass: 'personal_data', detector: 'street-address', start, end, confidence });
      lastEnd = end;
    }
    // Both the German pattern (street word, 1-3 blanks, house number) and the suffix-first one (word
    // ending in -straat, -gatan..., blanks, number) need a blank run with a digit after it, preceded by
    // their street word: one scan finds those runs, and each pattern runs only where its word can end.
    // Exact: every DE match starts at the first digit after its lookbehind's "word[ \t]{1,3}" (the
    // (?<!\d) and the lookbehind's \d{1,4} end at the same digits), no such start lies inside another
    // DE match, and DE runs sticky at each; every SUFFIX_HINT match was such a run after the 3 letters.
    const deAt: number[] = [];
    const suffixAt: number[] = [];
    const typeAt: number[] = [];
    const numberedAt: number[] = [];
    const pairAt: number[] = [];
    BLANKS_DIGIT.lastIndex = 0;
    while (BLANKS_DIGIT.test(text)) {
      // (test, not exec: no match array) the digit ends the match; its blank run starts the match
      const digit = BLANKS_DIGIT.lastIndex - 1;
      let b = digit - 1;
      while (b > 0 && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
      if (b === 0) continue;
      // a capitalised word right before one blank and the number (NUMBERED_STREET): its first letter a capital
      if (digit - b === 1 && b >= 2 && isSmallLetter(text.charCodeAt(b - 1)) && numberEndsStreet(text, digit)) {
        let w = b - 1;
        while (w > 0 && b - w < 32 && (isSmallLetter(text.charCodeAt(w - 1)) || text.charCodeAt(w - 1) === 39 || text.charCodeAt(w - 1) === 0x2019 || text.charCodeAt(w - 1) === 45)) w--;
        if (w > 0 && isCapital(text.charCodeAt(w - 1)) && numberedCue(text, w - 1)) numberedAt.push(digit);
      }
      // a number, one blank, a number and a capitalised word (TWO_NUMBERS_STREET): the first number's end
      if (digit - b === 1 && isDigit(text.charCodeAt(b - 1))) {
        let f = digit;
        while (f < text.length && f - digit < 6 && isDigit(text.charCodeAt(f))) f++;
        if (text.charCodeAt(f) === 32 && isCapital(text.charCodeAt(f + 1))) pairAt.push(b);
      }
      if (digit - b <= 3 && DE_LAST.has(text.charCodeAt(b - 1))) deAt.push(digit);
      if (b >= 3 && SUFFIX_HINT.has(tri(text, b - 3))) suffixAt.push(b - 3);
      // the word before the blanks, if it is a street type of TYPE_AFTER (2-8 characters, non-ASCII or '.' among them mostly)
      if (b >= 2 && digit - b <= 3 && TYPE_AFTER_END.has((text.charCodeAt(b - 2) << 16) | text.charCodeAt(b - 1))) {
        let w = b;
        while (w > 0 && b - w <= 8 && text.charCodeAt(w - 1) !== 32 && text.charCodeAt(w - 1) !== 9 && text.charCodeAt(w - 1) !== 10) w--;
        if (b - w >= 2 && b - w <= 8 && (w === 0 || text.charCodeAt(w - 1) === 32 || text.charCodeAt(w - 1) === 9) && TYPE_AFTER.has(text.slice(w, b))) typeAt.push(w);
      }
    }
    for (const b of pairAt) {
      let a = b;
      while (a > 0 && b - a < 5 && isDigit(text.charCodeAt(a - 1))) a--;
      if (a > 0 && (isDigit(text.charCodeAt(a - 1)) || isWordChar(text.charCodeAt(a - 1)))) continue;
      TWO_NUMBERS_STREET.lastIndex = a;
      const m2 = TWO_NUMBERS_STREET.exec(text);
      if (m2 === null || !TWO_NUMBERS_CUE.test(text.slice(Math.max(0, a - 12), a))) continue;
      // not a year first ("in 2019 12 Monkeys"), nor words of NOT_STREET
      if (m2[1]!.length === 4 && /^(?:19|20)/.test(m2[1]!)) continue;
      if (m2[3]!.split(/[ \t]+/).some((w) => NOT_STREET.has(w.toLowerCase()) || NOT_NUMBERED_STREET.has(w.toLowerCase()))) continue;
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: a, end: blockEnd(text, a + m2[0].length), confidence: 0.72 });
    }
    if (!ANY_CAPITAL.test(text)) {
      LOWER_CASE_STREET.lastIndex = 0;
      let lc: RegExpExecArray | null;
      while ((lc = LOWER_CASE_STREET.exec(text)) !== null) {
        if (lc[2]!.trim().split(/[ \t]+/).some((w) => LOWER_CASE_NOT_STREET.has(w))) continue;
        if (lc[1]!.length === 4 && /^(?:19|20)/.test(lc[1]!)) continue;
        const start = lc.index + lc[0].search(/\d/); // the cue has no digit: the first one starts the building number
        UNIT_AFTER_LC.lastIndex = lc.index + lc[0].length;
        const end = UNIT_AFTER_LC.test(text) ? UNIT_AFTER_LC.lastIndex : lc.index + lc[0].length;
        out.push({ dataClass: 'personal_data', detector: 'street-address', start, end, confidence: 0.7 });
      }
    }
    for (const d of numberedAt) {
      NUMBERED_STREET_END.lastIndex = d;
      let e = d;
      while (e < text.length && e - d < 4 && isDigit(text.charCodeAt(e))) e++;
      if (isDigit(text.charCodeAt(e))) continue;
      NUMBERED_STREET_END.lastIndex = e;
      if (!NUMBERED_STREET_END.test(text)) continue;
      e = NUMBERED_STREET_END.lastIndex;
      const from = Math.max(0, d - 70);
      const pre = from > 0 && text.charCodeAt(from - 1) !== 10 ? 'x' : '';
      const nm = NUMBERED_STREET.exec(pre + text.slice(from, d));
      if (nm === null) continue;
      const streetWords = nm[2]!.trim().split(/[ \t]+/);
      if (streetWords.some((w) => NOT_STREET.has(w.toLowerCase()) || NOT_NUMBERED_STREET.has(w.toLowerCase()))) continue;
      // a building number that is a year is a date ("in 2021 Nokia 3"), not an address
      if (nm[1] !== undefined && nm[1].length === 4 && /^(?:19|20)/.test(nm[1])) continue;
      // the building number ends where the blanks before the street's words start
      const head = nm[0].slice(0, nm[0].length - nm[2]!.length).trimEnd();
      const start = nm[1] !== undefined ? from - pre.length + nm.index + head.length - nm[1].length : d - nm[2]!.length;
      const pc = unitAndPostcode(text, e);
      out.push({ dataClass: 'personal_data', detector: 'street-address', start, end: blockEnd(text, pc.end), confidence: pc.postcode ? 0.9 : 0.72 });
    }
    for (const w of typeAt) {
      let e = w;
      while (e < text.length && text.charCodeAt(e) !== 32 && text.charCodeAt(e) !== 9) e++;
      const nm = (text.charCodeAt(e - 1) === 46 ? TYPE_AFTER_NAME_CAPS : TYPE_AFTER_NAME).exec(text.slice(Math.max(0, w - 60), w));
      if (!nm) continue;
      TYPE_AFTER_NUMBER.lastIndex = e;
      if (!TYPE_AFTER_NUMBER.test(text)) continue;
      const pc = unitAndPostcode(text, TYPE_AFTER_NUMBER.lastIndex);
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: w - nm[1]!.length, end: blockEnd(text, pc.end), confidence: pc.postcode ? 0.93 : 0.78 });
    }
    for (const d of deAt) {
      DE.lastIndex = d;
      if ((m = DE.exec(text)) === null) continue;
      const w = DE_WORD.exec(text.slice(Math.max(0, m.index - 40), m.index).replace(/[ \t]+$/, ''));
      if (!w) continue;
      const start = text.lastIndexOf(w[1]!.trimEnd(), m.index);
      const end = blockEnd(text, m.index + m[0].length);
      out.push({ dataClass: 'personal_data', detector: 'street-address', start, end, confidence: /\d{5}/.test(text.slice(m.index, end)) ? 0.93 : 0.75 });
    }
    PO_BOX.lastIndex = 0;
    while (sawBox && (m = PO_BOX.exec(text)) !== null) {
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: m.index, end: blockEnd(text, m.index + m[0].length), confidence: 0.85 });
    }
    MILITARY.lastIndex = 0;
    const military = sawBox && militaryOffice(text);
    while (military && (m = MILITARY.exec(text)) !== null) {
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: m.index, end: m.index + m[0].length, confidence: 0.9 });
    }
    SHIP.lastIndex = 0;
    const fpo = text.includes('FPO ');
    while (fpo && (m = SHIP.exec(text)) !== null) {
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: m.index, end: m.index + m[0].length, confidence: 0.9 });
    }
    // street word first, number after the name
    for (const h of hits) {
      const c0 = text.charCodeAt(h.start);
      // the street word is capitalised here (Latin or Greek: "Οδός Ερμού 5"), or Polish "ul." as it is written
      if (!((c0 >= 65 && c0 <= 90) || (c0 >= 0x391 && c0 <= 0x3a9) || (c0 === 117 && text.startsWith('ul.', h.start) && POLISH_STREET_NAME.test(text.slice(h.start + 3, h.start + 40)))) || h.start < lastEnd) continue;
      const word = text.slice(h.start, h.end).replace(/\.$/, '');
      if (!WORD_FIRST_WORDS.test(word)) continue;
      WORD_FIRST.lastIndex = h.end + (text[h.end] === '.' ? 1 : 0);
      const w = WORD_FIRST.exec(text);
      if (!w) continue;
      const pc = unitAndPostcode(text, WORD_FIRST.lastIndex);
      // a Brazilian district, city, state code and CEP after the number ("Av. Paulista, 1000 - Bela Vista, São Paulo - SP, 01310-100")
      const br = pc.postcode ? pc.end : brazilianTail(text, pc.end);
      const end = blockEnd(text, br);
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: h.start, end, confidence: pc.postcode || br > pc.end ? 0.93 : 0.78 });
      lastEnd = end;
    }
    for (const hint of suffixAt) {
      // back to the start of the word that ends with the suffix (at most 40 letters), then match there
      let ws = hint;
      while (ws > 0 && hint - ws < 40 && /[\p{L}'’-]/u.test(text[ws - 1]!)) ws--;
      SUFFIX_STREET.lastIndex = ws;
      m = SUFFIX_STREET.exec(text);
      if (m) {
        const pc = unitAndPostcode(text, m.index + m[0].length);
        out.push({ dataClass: 'personal_data', detector: 'street-address', start: m.index, end: blockEnd(text, pc.end), confidence: pc.postcode ? 0.93 : 0.75 });
      }
    }
    // Czech and Slovak: a street's name, its two numbers, the postcode and the city (CZ_NUMBERS)
    for (let i = text.indexOf('/'); i !== -1; i = text.indexOf('/', i + 1)) {
      let ds = i;
      while (ds > 0 && i - ds < 4 && text.charCodeAt(ds - 1) >= 48 && text.charCodeAt(ds - 1) <= 57) ds--;
      if (ds === i || ds === 0 || text.charCodeAt(ds - 1) !== 32) continue;
      CZ_NUMBERS.lastIndex = ds;
      if (!CZ_NUMBERS.test(text)) continue;
      const name = CZ_NAME.exec(text.slice(Math.max(0, ds - 60), ds));
      if (name === null) continue;
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: ds - name[1]!.length, end: CZ_NUMBERS.lastIndex, confidence: 0.9 });
      i = CZ_NUMBERS.lastIndex;
    }
    // a street without a type word is read only before a flat or suite number (same line, or the line after)
    // (the unit words are in the keyword index with the street words: no pass of its own over the text)
    for (const h of hits) {
      const c0 = text.charCodeAt(h.start);
      if (c0 !== 65 && c0 !== 83 && c0 !== 70) continue; // A, S, F: capitalised "Apt", "Suite", "Flat"
      if (h.start > 0 && isWordChar(text.charCodeAt(h.start - 1))) continue;
      UNIT_ANCHOR.lastIndex = h.start;
      if (!UNIT_ANCHOR.test(text)) continue;
      let p = h.start;
      while (p > 0 && (text.charCodeAt(p - 1) === 32 || text.charCodeAt(p - 1) === 9 || text.charCodeAt(p - 1) === 44)) p--;
      if (p > 0 && text.charCodeAt(p - 1) === 10) {
        p--;
        if (p > 0 && text.charCodeAt(p - 1) === 13) p--;
      }
      const lineStart = text.lastIndexOf('\n', p - 1) + 1;
      const st = STREET_BEFORE_UNIT.exec(text.slice(Math.max(lineStart, p - 60), p));
      if (st === null || st[1]!.split(/[ \t]+/).some((w) => NOT_STREET.has(w.toLowerCase()))) continue;
      const start = p - (st[0].length - st[0].indexOf(st[1]!));
      const end = blockEnd(text, p);
      out.push({ dataClass: 'personal_data', detector: 'street-address', start, end, confidence: 0.72 });
    }
    // a street corner: "meet at the corner of King Street and 5th Avenue", "corner of Main and Elm"
    // ("corner" is a street word of the keyword index: no pass of its own over the text)
    for (const h of hits) {
      if (h.end - h.start !== 6 || (text.charCodeAt(h.start) | 32) !== 99 || !text.startsWith(' of ', h.end)) continue; // "corner of"
      const i = h.start;
      // "at the corner of", "in the corner of" (not "the top right corner of" a screen)
      const cue = /(?:^|[^\p{L}])(at|on|in|to|is|near|from|by|of)[ \t]+the[ \t]+$/iu.exec(text.slice(Math.max(0, i - 12), i));
      if (cue === null) continue;
      CORNER.lastIndex = i + 10;
      const c = CORNER.exec(text);
      if (c === null || NOT_CORNER.test(c[0]) || NOT_CORNER.test(c[0].slice(c[0].search(/[ \t](?:and|&)[ \t]/) + 5).trimStart())) continue;
      // "in the corner of" is said of windows and pages too ("in the corner of Outlook and Teams"): an ordinal or a street word there
      if ((cue[1]!.toLowerCase() === 'in') && !IN_CORNER_STREET.test(c[0])) continue;
      let end = i + 10 + c[0].length;
      while (text.charCodeAt(end - 1) === 46) end--;
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: i + 10, end, confidence: 0.75 });
    }
    FR.lastIndex = 0;
    while (sawFrench && (m = FR.exec(text)) !== null) {
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: m.index, end: blockEnd(text, m.index + m[0].length), confidence: /\d{5}/.test(m[0]) ? 0.93 : 0.75 });
    }
    indianAddresses(text, out);
    japaneseAddresses(text, out);
    postcodeAddresses(text, out);
    scriptAddresses(text, out);
    // any form after its label ("Adres: …", "Адрес: …"), or the shapes above widened to the label's whole value (street-address-labelled.ts)
    if (keywords.has('addrlabel')) {
      const labels = keywords.hits('addrlabel');
      labelledAddresses(text, labels.starts, labels.ends, out, first);
      addressColumns(text, labels.starts, out, first);
    }
    for (let i = first; i < out.length; i++) {
      const f = out[i]!;
      const s = f.start;
      // one blank, then a digit before it: checked before any copy
      if (s < 2 || text.charCodeAt(s - 1) !== 32 || !isDigit(text.charCodeAt(s - 2))) continue;
      // (a letter stands for what comes before the 16 characters read, so that '^' is the text's or the line's start only)
      const from = Math.max(0, s - 16);
      const n = LEADING_NUMBER.exec((from > 0 && text.charCodeAt(from - 1) !== 10 ? 'x' : '') + text.slice(from, s));
      if (n !== null) f.start = s - 1 - n[1]!.length;
    }
    for (let i = first; i < out.length; i++) {
      const f = out[i]!;
      const s = f.start;
      // a blank (or comma and blank) and a digit or letter of a unit number before it: checked before any copy
      if (s < 6 || (text.charCodeAt(s - 1) !== 32 && text.charCodeAt(s - 1) !== 9)) continue;
      const u = LEADING_UNIT.exec(text.slice(Math.max(0, s - 24), s));
      if (u !== null) f.start = s - u[1]!.length;
    }
  },
};
