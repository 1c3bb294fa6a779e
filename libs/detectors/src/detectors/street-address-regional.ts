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

/** Streets without a street-type word, before a town and a UK or Canadian postcode. */
export function postcodeAddresses(text: string, out: Finding[]): void {
  POSTCODE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POSTCODE.exec(text)) !== null) {
    const before = lineBefore(text, m.index, 120);
    const b = BEFORE_POSTCODE.exec(before);
    if (b === null) continue;
    const start = m.index - before.length + b.index + b[0].indexOf(b[1]!);
    out.push({ dataClass: 'personal_data', detector: 'street-address', start, end: m.index + m[0].length, confidence: 0.85 });
  }
}
