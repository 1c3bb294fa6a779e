/**
 * Context rules of the person-name detector (person-name-detector.ts) kept apart from it: the
 * speaker named after a quotation, the recipient line of an address block, unit words after a name.
 */

/**
 * The end of a quotation and a verb of saying right before a word: '"We are glad," says Okafor.',
 * '"Why?" asked Lindqvist' (read on the 24 characters before the word).
 */
const QUOTE_SAYS =
  /[,!?]["”’][ \t]+(?:says|said|adds|added|explains|explained|notes|noted|writes|wrote|recalls|recalled|insists|insisted|continues|continued|asks|asked|replies|replied)[ \t]+$/;
/** what may follow the speaker of a quotation: the sentence's end, or "in", "of", "who"… ("says Okafor in the interview") */
const AFTER_SPEAKER = /^(?:[.,;!?]|[ \t]*(?:\r?\n|$)|[ \t]+(?:in|on|at|of|who|when|during|after|before|from)[ \t])/;

/**
 * One capitalised word right after a quotation and a verb of saying is its speaker, whether or not
 * the name lists know it: '"…," says Okafor.' The word must end the sentence or be followed by a
 * small word ("says Okafor in …"); a word in capitals (an acronym: "says NASA") is not read.
 */
export function quotationSpeaker(text: string, start: number, end: number): boolean {
  if (end - start < 3 || start < 8) return false;
  // the quote mark and the verb: a blank right before the word, a lower-case letter before it
  const p = text.charCodeAt(start - 2);
  if (text.charCodeAt(start - 1) !== 32 || p < 97 || p > 122) return false;
  // not a word in capitals
  const c1 = text.charCodeAt(start + 1);
  if (c1 >= 65 && c1 <= 90) return false;
  // back over the verb's letters: a blank and a closing quote mark before it, else no regex
  let q = start - 2;
  while (q > 0 && text.charCodeAt(q) >= 97 && text.charCodeAt(q) <= 122) q--;
  const qm = text.charCodeAt(q - 1);
  if (text.charCodeAt(q) !== 32 || (qm !== 34 && qm !== 0x201d && qm !== 0x2019)) return false;
  return QUOTE_SAYS.test(text.slice(Math.max(0, start - 24), start)) && AFTER_SPEAKER.test(text.slice(end, end + 10));
}

/**
 * The label of an address block right before a name on its line: "Billing address: Erlendur G.
 * Hafliðason", "Ship to: …", "Deliver to: …" (the words before the colon, nearest first, lower case).
 */
export function addressLabel(w0: string, w1: string): boolean {
  return w0 === 'address' || (w0 === 'to' && (w1 === 'ship' || w1 === 'deliver' || w1 === 'send' || w1 === 'bill' || w1 === 'mail'));
}

/**
 * surname endings that end few place names ("-sson", "-escu", "-ski"; not "-ova", "-ava", "-ev": Geneva, Bratislava, Kishinev;
 * not "-ska": Nebraska, Alaska; "-sky" after a consonant only: Dostoevsky, not whisky, husky, risky)
 */
export const PERSON_ONLY_END = /(?:sson|dottir|ovich|evich|ovic|evic|enko|escu|poulos|opoulou|oglu|shvili|ski|[^aeiouy]sky|skaya|skiy)$/;

/**
 * Firms, studios and places whose names are family names or have a surname ending: quoted as the
 * speaker of a statement ('"…," said Siemens.') or before a work ("the Marvel film") they are no person.
 */
export const FIRM_NAMES = new Set(
  `ericsson kaspersky sikorsky swarovski sobieski siemens philips bayer roche merck disney marvel pixar kellogg kelloggs marriott hilton hyatt
  sainsbury sainsburys schwab bloomberg reuters nordstrom forrester gartner nielsen santander boeing pfizer deloitte accenture mckinsey barclays
  lloyds heineken carlsberg cadbury heinz kraft nestle nestlé bosch porsche ferrari lamborghini dyson miele braun michelin peugeot renault citroen
  citroën toyota honda suzuki yamaha mitsubishi hyundai daimler chrysler chevrolet cadillac walgreens kroger harrods selfridges debenhams tesco
  ikea chanel dior gucci prada armani versace cartier moody moodys fitch gallup ipsos kantar mercer allianz jira yandex aeroflot lukoil gazprom
  hewlett packard kodak xerox gillette colgate hershey wrigley adidas reebok lockheed raytheon northrop grumman airbus bentley pirelli goodyear
  bridgestone dunlop hitachi toshiba fujitsu nikon olympus panasonic samsung nokia novartis sanofi abbott baxter stryker medtronic paramount
  warner wyndham mcdonald mcdonalds starbucks spotify downing geneva`.split(/\s+/),
);

/** words of a delivery site, not of a person, after "Ship to:", "Deliver to:", "Address:" ("Ship to: Warehouse B Dock") */
export const SITE_WORDS = new Set(
  `warehouse warehouses depot dock docks hangar factory kitchen lobby reception mailroom store stores stockroom storeroom office offices site
  yard terminal facility distribution fulfilment fulfillment receiving returns loading storage hq headquarters campus building
  hub centre center entrance basement pallet cargo nursery annex laboratory router server node cluster`.split(/\s+/),
);

/** A flat, suite or room number right after a name on its line ("Mrs. Ana Ruiz Suite 5 …"): the unit word is not part of the name. */
const UNIT_AFTER_NAME = new Set(['suite', 'apt', 'apartment', 'flat', 'unit', 'floor', 'room']);
export function unitWordBeforeNumber(text: string, lower: string, end: number): boolean {
  if (!UNIT_AFTER_NAME.has(lower)) return false;
  let q = end;
  if (text.charCodeAt(q) === 46) q++;
  const b = text.charCodeAt(q), d = text.charCodeAt(q + 1);
  return (b === 32 || b === 9) && d >= 48 && d <= 57;
}
