import type { Finding } from '../finding';

/**
 * Street addresses in the forms of India, Japan and Brazil, which the street-type and number shapes of
 * street-address-detector.ts do not reach:
 * - India: segments separated by commas ("Flat 4B, Sunshine Apartments, 12 MG Road, Bengaluru,
 *   Karnataka 560001", "221, Sector 15, Noida, Uttar Pradesh 201301"), anchored on the six-digit PIN
 *   code after the name of a state, union territory or large city;
 * - Japan (in Latin letters): block numbers chōme-banchi-gō with the ward or city ("1-2-3 Shibuya,
 *   Shibuya-ku, Tokyo 150-0002"), or the postcode first ("〒150-0002 Tokyo-to Shibuya-ku Shibuya 1-2-3");
 * - Brazil: what follows a street and its number ("Av. Paulista, 1000 - Bela Vista, São Paulo - SP,
 *   01310-100"): district, city, state code and CEP (`brazilianTail`, called from the detector);
 * - a street without a street-type word before its town and a UK or Canadian postcode ("14 Cotham
 *   Hill, Bristol BS6 6LA", "388 Saint-Paul Ouest, Montréal QC H2Y 2A7"), anchored on the postcode.
 */

/** States and union territories of India, and its larger cities (lower case, as written in Latin letters). */
const INDIAN_PLACES = new Set(
  `andhra pradesh|arunachal pradesh|assam|bihar|chhattisgarh|goa|gujarat|haryana|himachal pradesh|jharkhand|karnataka|kerala|madhya pradesh|
  maharashtra|manipur|meghalaya|mizoram|nagaland|odisha|orissa|punjab|rajasthan|sikkim|tamil nadu|telangana|tripura|uttar pradesh|uttarakhand|
  west bengal|delhi|new delhi|jammu and kashmir|ladakh|puducherry|pondicherry|chandigarh|andaman and nicobar islands|lakshadweep|
  mumbai|bombay|navi mumbai|thane|pune|bengaluru|bangalore|chennai|madras|kolkata|calcutta|hyderabad|secunderabad|ahmedabad|surat|vadodara|
  jaipur|lucknow|kanpur|nagpur|indore|bhopal|patna|noida|greater noida|gurgaon|gurugram|ghaziabad|faridabad|ludhiana|amritsar|agra|varanasi|
  coimbatore|madurai|kochi|cochin|thiruvananthapuram|trivandrum|kozhikode|mysuru|mysore|mangaluru|mangalore|visakhapatnam|vijayawada|
  bhubaneswar|guwahati|ranchi|raipur|dehradun|shimla|srinagar|jammu|nashik|aurangabad|rajkot|jodhpur|udaipur|kota|allahabad|prayagraj|
  meerut|howrah|salem|tiruchirappalli|trichy|hubli|belgaum|belagavi|gwalior|jabalpur|india`
    .split('|')
    .map((s) => s.trim()),
);
/** the longest INDIAN_PLACES name, in words */
const PLACE_WORDS = 4;

/** a "PIN" or "PIN code" label right before the number */
const PIN_LABEL = /(?<![\p{L}])(?:PIN|Pin|pin)(?:[ \t]?(?:code|Code|CODE))?[ \t]*[:.-]?[ \t]*$/u;
/** a six-digit PIN code, or three and three digits ("560 001") */
const PIN = /(?<![\d,./-])[1-9]\d{2} ?\d{3}(?!\d|[,./-]\d)/g;
/** what may stand between a place name and the PIN: blanks, a comma, a hyphen or a dash */
const PLACE_TO_PIN_CHARS = new Set([32, 9, 44, 45, 0x2013]);
const LETTER = /\p{L}/u;
/** words of an Indian address's segments (one is needed) */
const INDIAN_CUE =
  /(?<![\p{L}])(?:house|h\.?\s?no|flat|plot|door|shop|office|apartments?|apts?|residency|towers?|society|complex|building|bldg|floor|block|sector|phase|stage|cross|main|road|rd|street|st|lane|marg|nagar|colony|layout|enclave|vihar|bagh|puram|peth|wadi|chowk|gali|mohalla|near|opp|opposite|behind)(?![\p{L}])|(?:^|,)[ \t]*[A-Z]?-?\d{1,5}[A-Z]?(?:\/\d{1,4})?[ \t]+\p{Lu}/iu;
/** the end of a sentence inside a segment (prose, not an address), abbreviations aside */
const SENTENCE_END = /[.;!?](?:[ \t]|$)/;
const ABBREVIATION = /(?<![\p{L}])(?:No|Nr|St|Rd|Opp|Ph)\./giu;
/** where an address starts inside its first segment: after a colon, or after "to", "at", "is", "in" */
const SEGMENT_CUE = /^(?:.*(?::|(?<![\p{L}])(?:to|at|is|in|address)(?![\p{L}])))[ \t]*/iu;

/** The `max` characters before `at`, on its line. */
function lineBefore(text: string, at: number, max: number): string {
  const before = text.slice(Math.max(0, at - max), at);
  return before.slice(before.lastIndexOf('\n') + 1);
}

/** The place name (state or city) that ends `before` (before blanks, a comma or a dash), at most PLACE_WORDS words: its offset in `before`, or -1. */
function placeStart(before: string): number {
  let end = before.length;
  while (end > 0 && PLACE_TO_PIN_CHARS.has(before.charCodeAt(end - 1))) end--;
  const starts: number[] = [];
  let s = end;
  for (let w = 0; w < PLACE_WORDS; w++) {
    let e = s;
    while (w > 0 && e > 0 && (before.charCodeAt(e - 1) === 32 || before.charCodeAt(e - 1) === 9)) e--;
    let b = e;
    while (b > 0 && LETTER.test(before[b - 1]!)) b--;
    if (b === e) break;
    starts.push(b);
    s = b;
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    if (INDIAN_PLACES.has(before.slice(starts[k], end).replace(/[ \t]+/g, ' ').toLowerCase())) return starts[k]!;
  }
  return -1;
}

/** Indian addresses ending with a place name and a PIN code; at least one comma-separated segment before the place. */
export function indianAddresses(text: string, out: Finding[]): void {
  PIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PIN.exec(text)) !== null) {
    // every search below stays inside these 200 characters (linear)
    const line = lineBefore(text, m.index, 200);
    const from = m.index - line.length;
    // a "PIN" label between the place and the number ("Karnataka, PIN 560001") is left out of the place
    const before = line.slice(0, line.length - (PIN_LABEL.exec(line)?.[0].length ?? 0));
    let at = placeStart(before);
    if (at < 0) continue;
    // a second place name right before (a city before its state: "Bengaluru, Karnataka 560001")
    const prev = before.slice(0, at);
    const comma = prev.search(/,[ \t]*$/);
    if (comma >= 0) {
      const city = placeStart(prev.slice(0, comma));
      if (city >= 0) at = city;
    }
    // comma-separated segments before the place: up to six, each a short run of words and numbers;
    // the first may start after a cue ("Ship to: Flat 4B", "send it to House No. 45")
    let cut = before.lastIndexOf(',', at - 1);
    if (cut < 0 || before.slice(cut + 1, at).trim() !== '') continue;
    let start = at;
    let segments = 0;
    let hasNumber = false;
    while (segments < 6) {
      const prevComma = cut > 0 ? before.lastIndexOf(',', cut - 1) : -1;
      let body = before.slice(prevComma + 1, cut);
      const cue = SEGMENT_CUE.exec(body);
      if (cue) body = body.slice(cue[0].length);
      // (a segment with six digits of its own is another PIN or a count: "Chennai, 600028 units, Kolkata, 700001")
      if (body.trim() === '' || body.length > 48 || /\d{6}/.test(body) || SENTENCE_END.test(body.replace(ABBREVIATION, ''))) break;
      start = cut - body.length;
      segments++;
      if (/\d/.test(body)) hasNumber = true;
      if (cue || prevComma < 0) break;
      cut = prevComma;
    }
    // an address says where in the street: a house, flat or plot, a road, a sector, a cross... (not "UK 45,002, India 120345")
    if (segments === 0 || !hasNumber || !INDIAN_CUE.test(before.slice(start))) continue;
    start += from;
    while (start < m.index && /\s/.test(text[start]!)) start++;
    let end = m.index + m[0].length;
    const country = /^,?[ \t]*India(?![\p{L}])/u.exec(text.slice(end, end + 12));
    if (country) end += country[0].length;
    out.push({ dataClass: 'personal_data', detector: 'street-address', start, end, confidence: 0.85 });
  }
}

const JP_TOWN = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?`;
const JP_WARD = String.raw`\p{Lu}\p{Ll}+-(?:ku|Ku|KU|shi|Shi|SHI|cho|chō|machi|gun|mura)`;
/** chōme-banchi-gō ("1-2-3"), or the chōme spelled out ("1-chome 2-3") */
const JP_BLOCK = String.raw`(?:\d{1,2}-?ch[oō]me,?[ \t]+\d{1,4}(?:-\d{1,4}){0,2}|\d{1,4}(?:-\d{1,4}){1,2})`;
const JP_POSTCODE = String.raw`(?:〒[ \t]*)?\d{3}-\d{4}`;
/** block numbers (and the town before or after them), the ward or city, then the city or prefecture and the postcode */
const JP_BLOCK_FIRST = new RegExp(
  String.raw`(?<![\w-])(?:${JP_TOWN}[ \t]+)?${JP_BLOCK}(?:,?[ \t]+${JP_TOWN})?,?[ \t]+${JP_WARD}(?![\p{L}])(?:,?[ \t]+\p{Lu}\p{Ll}+(?:-(?:to|fu|ken|shi))?(?![\p{L}-])){0,2}(?:,?[ \t]+${JP_POSTCODE})?(?:,?[ \t]+Japan)?(?=[ \t]*(?:$|[\r\n,.;)]))`,
  'gu',
);
/** the postcode first: "〒150-0002 Tokyo-to Shibuya-ku Shibuya 1-2-3" */
const JP_POSTCODE_FIRST = new RegExp(
  String.raw`${JP_POSTCODE},?[ \t]+(?:\p{Lu}\p{Ll}+(?:-(?:to|fu|ken))?,?[ \t]+)?${JP_WARD},?[ \t]+(?:${JP_TOWN}[ \t]+)?${JP_BLOCK}(?![\d-])`,
  'gu',
);
/** a ward or city word's ending, looked for with indexOf before any regex runs (a Unicode-class regex over the text cost 1 ms per MB) */
const JP_HINTS = ['-ku', '-Ku', '-KU', '-shi', '-Shi', '-SHI', '-cho', '-chō', '-machi', '-gun', '-mura'];

/** Japanese addresses in Latin letters: read only in texts with a ward or city word ("Shibuya-ku", "Osaka-shi"). */
export function japaneseAddresses(text: string, out: Finding[]): void {
  if (!JP_HINTS.some((h) => text.includes(h))) return;
  for (const re of [JP_BLOCK_FIRST, JP_POSTCODE_FIRST]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ dataClass: 'personal_data', detector: 'street-address', start: m.index, end: m.index + m[0].length, confidence: 0.88 });
  }
}

/**
 * After a Brazilian street and its number: the district and city, then the state code and the CEP
 * ("… 1000 - Bela Vista, São Paulo - SP, 01310-100", "…, 1500, apto 42, Consolação, São Paulo/SP, CEP
 * 01304-001"). Sticky at the number's end; at most four short segments before the state code.
 */
const BR_TAIL = /(?:[ \t]*[,–-][ \t]*[\p{L}\d][\p{L}\d'’. ]{0,38}?){0,4}[ \t]*[,–/-][ \t]*[A-Z]{2}[ \t]*[,–-]?[ \t]*(?:CEP[ \t:]*)?\d{5}-?\d{3}(?![\d-])/uy;

/** The end of a Brazilian address whose street and number end at `end`, or `end` when none follows. */
export function brazilianTail(text: string, end: number): number {
  BR_TAIL.lastIndex = end;
  return BR_TAIL.test(text) ? BR_TAIL.lastIndex : end;
}

/** UK postcodes ("BS6 6LA", "SW1A 1AA") and Canadian postal codes ("H2Y 2A7"), upper case */
const POSTCODE = /(?<![A-Za-z0-9])(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-CEGHJ-NPR-TVXY]\d[A-CEGHJ-NPR-TV-Z][ \t]?\d[A-CEGHJ-NPR-TV-Z]\d)(?![A-Za-z0-9])/g;
/**
 * Before a postcode, on its line: a building number, the street's capitalised words, a comma, the
 * town (and a Canadian province code), then the postcode. Group 1 is the building number. Run on the
 * 120 characters before the postcode.
 */
const BEFORE_POSTCODE = /(?:^|[\s:;(>])(\d{1,5}[A-Za-z]?(?:-\d{1,5})?),?[ \t]+(?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,4}\p{Lu}[\p{L}'’.-]*(?:,[ \t]*(?:\p{Lu}[\p{L}'’.-]*[ \t]+){0,2}\p{Lu}[\p{L}'’.-]*){1,3}(?:,?[ \t]+(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT))?,?[ \t]*$/u;

/**
 * The same typed in lower case (or with a lower-case postcode): a building number, the street's words
 * (a comma, then one to three segments of the town's words), the postcode. Letters only in the words, so
 * that prose with numbers between ("node 18 and python 3") is not read.
 */
const BEFORE_POSTCODE_ANY_CASE = /(?:^|[\s:;(>])(\d{1,5}[A-Za-z]?(?:-\d{1,5})?),?[ \t]+(?:\p{L}[\p{L}'’.-]*[ \t]+){0,4}\p{L}[\p{L}'’.-]*(?:,[ \t]*(?:\p{L}[\p{L}'’.-]*[ \t]+){0,2}\p{L}[\p{L}'’.-]*){1,3},?[ \t]*$/u;
/** A lower-case UK postcode's inward code ("6xe" of "nw1 6xe"): a digit, two letters, nothing glued after. Digit-led: found fast. */
const INWARD_LOWER = /\d[abd-hjlnp-uw-z]{2}(?![A-Za-z0-9])/g;
/** the outward code before it, at the end of the text before ("nw1 ", "sw1a ", "m1") */
const OUTWARD_LOWER = /(?:^|[^A-Za-z0-9])([a-z]{1,2})\d[a-z\d]?[ \t]?$/;
/** The UK postcode areas (the letters of an outward code). */
const UK_POSTCODE_AREAS = new Set(
  `ab al b ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy e ec eh en ex fk fy g gl gu gy ha hd hg hp hr hs hu hx
  ig im ip iv je ka kt kw ky l la ld le ll ln ls lu m me mk ml n ne ng nn np nr nw ol ox pa pe ph pl po pr rg rh rm s sa se sg sk sl sm sn so sp sr
  ss st sw sy ta td tf tn tq tr ts tw ub w wa wc wd wf wn wr ws wv yo ze`.split(/\s+/),
);

/**
 * The text before a postcode that may be an address of its own lines: up to three lines before the
 * postcode's line, each short and not empty, joined by ", " as one line would be written (a trailing
 * comma of a line kept once). `at(i)` gives an offset of the joined text in `text`. Undefined when the
 * postcode's line has no line before it.
 */
function linesBefore(text: string, at: number): { joined: string; at: (i: number) => number } | undefined {
  const lines: { s: number; t: string }[] = [];
  let end = at;
  for (let k = 0; k < 4; k++) {
    const nl = text.lastIndexOf('\n', end - 1);
    const s = Math.max(nl + 1, end - 60);
    if (k > 0 && s > nl + 1) break; // a line before that is longer is prose
    const t = text.slice(s, end).replace(/\r$/, '');
    if (k > 0 && t.trim() === '') break;
    lines.unshift({ s, t });
    if (nl < 0) break;
    end = nl;
  }
  if (lines.length < 2) return undefined;
  let joined = '';
  // per line: where it starts in `joined`, and the offset in `text` of that character
  const from: number[] = [];
  const orig: number[] = [];
  lines.forEach(({ s, t }, i) => {
    const body = t.trimStart();
    from.push(joined.length);
    orig.push(s + t.length - body.length);
    joined += i < lines.length - 1 ? body.replace(/[ \t]*,?[ \t]*$/, '') + ', ' : body;
  });
  return {
    joined,
    at: (j: number): number => {
      let i = from.length - 1;
      while (i > 0 && from[i]! > j) i--;
      return orig[i]! + (j - from[i]!);
    },
  };
}

/** The start of an address that ends at a postcode at `pc`: on its line, or on up to three lines before ("14 Cotham Hill\nBristol\nBS6 6LA"); -1 when none. */
function addressBefore(text: string, pc: number, before: RegExp): number {
  const line = lineBefore(text, pc, 120);
  const b = before.exec(line);
  if (b !== null) return pc - line.length + b.index + b[0].indexOf(b[1]!);
  // the postcode alone on its line or after the town, the street on a line before
  if (line.length > 40 || text.lastIndexOf('\n', pc - 1) < 0) return -1;
  const lines = linesBefore(text, pc);
  if (lines === undefined) return -1;
  const m = before.exec(lines.joined);
  return m === null ? -1 : lines.at(m.index + m[0].indexOf(m[1]!));
}

/** Streets without a street-type word, before a town and a UK or Canadian postcode; also in lower case and on lines of their own. */
export function postcodeAddresses(text: string, out: Finding[]): void {
  POSTCODE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POSTCODE.exec(text)) !== null) {
    const start = addressBefore(text, m.index, BEFORE_POSTCODE);
    if (start >= 0) out.push({ dataClass: 'personal_data', detector: 'street-address', start, end: m.index + m[0].length, confidence: 0.85 });
  }
  // lower-case UK postcodes: a valid area and inward code, then the address before it
  INWARD_LOWER.lastIndex = 0;
  while ((m = INWARD_LOWER.exec(text)) !== null) {
    const o = OUTWARD_LOWER.exec(text.slice(Math.max(0, m.index - 6), m.index));
    if (o === null || !UK_POSTCODE_AREAS.has(o[1]!)) continue;
    const pc = m.index - (o[0].length - o[0].indexOf(o[1]!));
    const start = addressBefore(text, pc, BEFORE_POSTCODE_ANY_CASE);
    if (start >= 0) out.push({ dataClass: 'personal_data', detector: 'street-address', start, end: m.index + m[0].length, confidence: 0.8 });
  }
}
