export type CardBrand =
  | 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay' | 'maestro' | 'mir' | 'troy'
  | 'elo' | 'hipercard' | 'rupay' | 'verve' | 'dankort' | 'humo' | 'uzcard';

/** Maestro's own IINs (4 digits), issued at 12 to 19 digits */
const MAESTRO = new Set([5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763]);

/**
 * The issuer of a card number by IIN range and length, or undefined when no known scheme issues
 * that prefix at that length. Checks the prefix and length only; see luhnValid for the check digit.
 */
export function cardBrand(digits: string): CardBrand | undefined {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (MAESTRO.has(p4)) return n >= 12 && n <= 19 ? 'maestro' : undefined;
  // JCB's older 15-digit numbers
  if (p4 === 1800 || p4 === 2131) return n === 15 ? 'jcb' : undefined;
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19 ? 'visa' : undefined;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16 ? 'mastercard' : undefined;
  if (p2 === 34 || p2 === 37) return n === 15 ? 'amex' : undefined;
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) {
    return n >= 16 && n <= 19 ? 'discover' : undefined;
  }
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19 ? 'jcb' : undefined;
  if (p4 === 3841) return n === 16 || n === 19 ? 'hipercard' : undefined;
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19 ? 'diners' : undefined;
  if (p2 === 62 || p2 === 81) return n >= 16 && n <= 19 ? 'unionpay' : undefined;
  // Russia's Mir (2200-2204) and Turkey's Troy (9792)
  if (p4 >= 2200 && p4 <= 2204) return n >= 16 && n <= 19 ? 'mir' : undefined;
  if (p4 === 9792) return n === 16 ? 'troy' : undefined;
  // national schemes outside those ranges: Brazil's Elo (636368, 636297, 504175, 5067, 509) and Hipercard (606282, 3841),
  // India's RuPay (508; its 60, 65, 81 and 82 are order numbers' and ids' first digits as often), Nigeria's Verve (506099-506198, 507865-507964), Denmark's Dankort (5019),
  // Uzbekistan's Humo (9860) and Uzcard (8600)
  if (p6 === 636368 || p6 === 636297 || p6 === 504175 || p4 === 5067 || p3 === 509) return n === 16 ? 'elo' : undefined;
  if (p6 === 606282) return n === 16 || n === 19 ? 'hipercard' : undefined;
  if ((p6 >= 506099 && p6 <= 506198) || (p6 >= 507865 && p6 <= 507964)) return n === 16 || n === 18 || n === 19 ? 'verve' : undefined;
  if (p3 === 508) return n === 16 ? 'rupay' : undefined;
  if (p4 === 5019) return n === 16 ? 'dankort' : undefined;
  if (p4 === 9860) return n === 16 ? 'humo' : undefined;
  if (p4 === 8600) return n === 16 ? 'uzcard' : undefined;
  return undefined;
}

/** the national schemes above: an ungrouped number of theirs needs a card's word near it (their prefixes start ids and order numbers) */
export const NATIONAL_SCHEMES: ReadonlySet<CardBrand> = new Set(['elo', 'hipercard', 'rupay', 'verve', 'dankort', 'humo', 'uzcard']);

/** Documented test numbers from card networks and payment processors: never real cards. */
export const TEST_CARD_NUMBERS: ReadonlySet<string> = new Set([
  '4111111111111111', '4242424242424242', '4012888888881881', '4000056655665556', '4222222222222',
  '4000000000000002', '4000000000000077', '4000000000009995', '4005519200000004', '4009348888881881',
  '5555555555554444', '5105105105105100', '5200828282828210', '2223003122003222', '2222400010000008',
  '378282246310005', '371449635398431', '378734493671000', '6011111111111117', '6011000990139424',
  '6011000400000000', '3530111333300000', '3566002020360505', '30569309025904', '38520000023237',
  '36227206271667', '6200000000000005', '4917610000000000', '4462030000000000', '5454545454545454',
  // Stripe's documented outcome cards (declines, 3-D Secure, address and CVC checks, fraud, disputes)
  '4000002500003155', '4000002760003184', '4000008260003178', '4000000000003220', '4000000000003063', '4000000000003238',
  '4000000000000341', '4000000000000127', '4000000000000069', '4000000000000119', '4000000000000010', '4000000000000028',
  '4000000000000036', '4000000000000044', '4000000000000101', '4000000000000093', '4100000000000019', '4000000000009235',
  '4000000000004954', '4000000000000259', '4000000000009979', '4000000000009987',
]);
