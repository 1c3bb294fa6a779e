import type { Finding } from '../finding';

/**
 * Street addresses without a label, in the shapes of countries whose addresses the street-type and
 * number shapes of street-address-detector.ts do not reach: each shape is anchored on a word or a
 * character that only an address has together with a house number, and looked for with indexOf
 * before any regex runs (most texts have none of them):
 * - Chinese: a city or district, a road or street and a number with 号 ("成都市武侯区科华北路65号", then
 *   the building, floor and room: "世外桃源广场B座2107"), read from each 号 (chineseAddresses);
 * - Korean: a province or city, a district and a road name with its number ("전라남도 순천시 연향번영길
 *   42, 201동 903호");
 * - Japanese: a prefecture, a city or ward and the block numbers ("東京都港区新橋4-11-1", "〒105-0004 …");
 * - Hebrew: "רחוב" and a number ("רחוב הרצל 48, דירה 7, רמת גן 5251102");
 * - Russian and Ukrainian: a street type and its number ("Ленинский проспект, 64, кв. 212", "ул. Тверская,
 *   д. 7");
 * - Persian: a street or alley and "پلاک" with its number ("تهران، خیابان ولیعصر، کوچه …، پلاک ۱۷");
 * - Arabic: a villa, flat or building number before "شارع", or "شارع" and a district "حي" ("فيلا 22، شارع
 *   15ب، حي المزهر 1، دبي");
 * - Thai: a sub-district, district and province with the postcode ("ตำบลบางพูด อำเภอปากเกร็ด … 11120");
 * - Vietnamese: a number and street before a ward and a district ("48/12 Trần Quang Diệu, Phường 14, Quận 3");
 * - the Philippines: "Blk 12 Lot 7" and what follows ("Phase 2, Brgy. San Isidro, Cainta, Rizal");
 * - Romania: "Str. … nr. 34" and its block, staircase and flat ("bl. C2, sc. 1, ap. 9");
 * - Malaysia: "Jalan …" and a five-digit postcode with its state ("No. 18, Jalan SS 15/4B, Subang Jaya,
 *   47500 Selangor").
 */

/** the segments after an address's first part: up to `n` more segments of a comma-separated line */
const TAIL = (n: number, comma = '[,،、]'): string => String.raw`(?:[ \t]*${comma}[ \t]*[^,،、\n]{1,40}){0,${n}}`;

interface Shape {
  /** strings one of which the text must hold before the regex runs */
  hints: readonly string[];
  re: RegExp;
  confidence: number;
}

const HAN = String.raw`\p{Script=Han}`;
const DIGITS = String.raw`[\d٠-٩۰-۹]`;

const SHAPES: Shape[] = [
  {
    // a province or metropolitan city, a city or district and a road (로) or street (길) with its number, then its building and unit
    hints: ['로', '길'],
    re: /(?:\p{Script=Hangul}{1,6}(?:특별시|광역시|특별자치시|특별자치도|도)[ \t]+)?\p{Script=Hangul}{1,6}[시군구](?:[ \t]+\p{Script=Hangul}{1,6}[구군])?[ \t]+\p{Script=Hangul}{1,12}(?:로|길)(?:[ \t]?\d{1,4}(?:번?길))?[ \t]?\d{1,5}(?:-\d{1,4})?(?![\d]|[ \t]?(?:년|명|원|개|%|시|분|층|호선))(?:,?[ \t]*\d{1,4}동)?(?:,?[ \t]*\d{1,5}호)?(?:,?[ \t]*\d{1,3}층)?/gu,
    confidence: 0.85,
  },
  {
    // a prefecture, a city or ward and the block numbers (漢数字 aside): "東京都港区新橋4-11-1", "大阪府大阪市北区梅田1丁目2番3号"
    hints: ['都', '道', '府', '県'],
    re: new RegExp(
      String.raw`(?:〒?\d{3}-\d{4}[ \t\u3000]*)?(?:東京都|北海道|京都府|大阪府|${HAN}{2,3}県)${HAN}{1,6}[市区町村郡](?:${HAN}{1,6}[区町村])?[${HAN}\p{Script=Katakana}ー]{0,10}?(?:\d{1,3}丁目\d{1,4}(?:番地?\d{0,4}号?)?|[1-9]\d{0,3}-\d{1,4}(?:-\d{1,4})?)(?![\d-]|[ \t]?(?:度|℃|%))(?:[ \t\u3000]*[\p{L}ー]{1,16}[ \t\u3000]*\d{1,3}(?:階|F))?`,
      'gu',
    ),
    confidence: 0.85,
  },
  {
    // "רחוב" and its number, then a flat, a city and a seven-digit postcode
    hints: ['רחוב', "רח'"],
    re: /(?:רחוב|רח')[ \t]+[\p{Script=Hebrew}"'׳״ -]{2,30}?[ \t]\d{1,4}(?:[ \t]*,[ \t]*(?:דירה|קומה|כניסה)[ \t]*\d{1,4})*(?:[ \t]*,[ \t]*[\p{Script=Hebrew}"'׳״-]+(?:[ \t]+[\p{Script=Hebrew}"'׳״-]+){0,3}(?:[ \t]+\d{7})?)?/gu,
    confidence: 0.85,
  },
  {
    // a street type before or after the street's name, then the house number (and a building or flat)
    hints: ['ул.', 'улиц', 'проспект', 'пр-т', 'переул', 'бульвар', 'шоссе', 'набережн', 'вул.', 'вулиц', 'просп.', 'пер.'],
    // (the street's name in Cyrillic words of bounded length: an unbounded word before the type word was read again from each of its
    // capitals, 25 s for 40 KB of a DNA sequence; not a number of hours, kilometres or years after it: "шоссе 2 часа назад")
    re: /(?:(?:ул\.|улица|вул\.|вулиця|просп\.|проспект|пр-т|пер\.|переулок|провулок|бульвар|б-р|шоссе|наб\.|набережная)[ \t]*[А-ЯЁІЇЄҐ][а-яёіїєґ.-]{0,24}(?:[ \t]+[А-ЯЁІЇЄҐа-яёіїєґ][а-яёіїєґ.-]{0,24}){0,2}|(?<![А-ЯЁІЇЄҐа-яёіїєґ])[А-ЯЁІЇЄҐ][а-яёіїєґ-]{1,24}(?:[ \t]+[А-ЯЁІЇЄҐ][а-яёіїєґ-]{1,24})?[ \t]+(?:улица|проспект|переулок|бульвар|шоссе|вулиця|провулок))[ \t]*,?[ \t]*(?:д\.|дом|буд\.)?[ \t]*\d{1,4}[а-яё]?(?!\d|[ \t]*(?:час|км|лет|год|мин|раз|сек|тыс|%|м\b))(?:\/\d{1,4})?(?:[ \t]*,?[ \t]*(?:корп\.|корпус|стр\.|строение|кв\.|квартира|оф\.)[ \t]*\d{1,4})*/gu,
    confidence: 0.82,
  },
  {
    // a street or an alley, and "پلاک" with its number (and the unit and floor)
    hints: ['پلاک'],
    re: new RegExp(
      String.raw`(?:\p{Script=Arabic}{2,14}[ \t]*[،,][ \t]*)?(?:خیابان|بلوار|کوچه|میدان|بزرگراه|جاده)[^،,\n]{1,30}(?:[،,][ \t]*[^،,\n]{1,30}){0,4}[،,][ \t]*پلاک[ \t]*${DIGITS}{1,5}(?:[ \t]*[،,][ \t]*(?:واحد|طبقه)[ \t]*${DIGITS}{1,3})*`,
      'gu',
    ),
    confidence: 0.85,
  },
  {
    // a villa, flat or building number before the street, or the street and a district, then the city (and a postcode)
    hints: ['شارع'],
    re: new RegExp(
      String.raw`(?:(?:فيلا|فلة|شقة|مبنى|عمارة|منزل)[ \t]*(?:رقم[ \t]*)?${DIGITS}{1,5}[ \t]*[،,][ \t]*شارع[^،,\n]{1,30}|(?:حي[^،,\n]{1,24}[،,][ \t]*)?شارع[^،,\n]{1,30}[،,][ \t]*(?:حي|مبنى|عمارة)[^،,\n]{1,24})${TAIL(3)}(?:[ \t]+${DIGITS}{5})?`,
      'gu',
    ),
    confidence: 0.8,
  },
  {
    // a sub-district, a district and a province, with the postcode; the house number and village before them
    // (the words as the inspector reads them: NFKC writes the vowel "ำ" as two characters, "ตำบล" as "ตําบล")
    hints: ['ตำบล'.normalize('NFKC'), 'แขวง'],
    re: new RegExp(
      String.raw`(?:(?:บ้านเลขที่[ \t]*)?\d{1,4}(?:\/\d{1,4})?[ \t]*(?:หมู่(?:ที่)?[ \t]*\d{1,3}[ \t]*)?(?:(?:ซอย|ซ\.|ถนน|ถ\.)[^ \t\n]{1,30}[ \t]*){0,3})?(?:ตำบล|แขวง)[^ \t\n]{1,24}[ \t]*(?:อำเภอ|เขต)[^ \t\n]{1,24}[ \t]*(?:จังหวัด)?[^ \t\n\d]{0,24}[ \t]*[1-9]\d{4}(?![ \t]*(?:คน|บาท|ไร่|ครัวเรือน))`.normalize('NFKC'),
      'gu',
    ),
    confidence: 0.85,
  },
  {
    // a number and street, then a ward and a district (and the city)
    hints: ['Phường', 'phường', 'Quận', 'P.', 'Xã'],
    re: /(?:(?:P\.|Phòng|Số)[ \t]*\d{1,4}[A-Z]?,[ \t]*)?\d{1,4}(?:\/\d{1,4}){0,3}[A-Z]?[ \t]+\p{Lu}[\p{L}]*(?:[ \t]+\p{L}+){0,4},[ \t]*(?:Phường|phường|P\.|Xã|xã)[ \t]*[\p{L}\d ]{1,24},[ \t]*(?:Quận|quận|Q\.|Huyện|huyện|Thị xã|TP\.)[ \t]*[\p{L}\d ]{1,24}(?:,[ \t]*(?:TP\.|Thành phố|Tp\.?)?[ \t]*\p{Lu}\p{L}*(?:[ \t]+\p{Lu}\p{L}*){0,3})?/gu,
    confidence: 0.85,
  },
  {
    // block and lot, then the phase, subdivision, barangay, town and province
    hints: ['Blk', 'BLK', 'Block'],
    re: /(?<![\p{L}])(?:Blk|BLK|Block)\.?[ \t]*\d{1,4}[A-Z]?,?[ \t]+(?:Lot|LOT)[ \t]*\d{1,4}[A-Z]?(?:[ \t]*,[ \t]*[^,\n?!]{1,40}){0,5}/gu,
    confidence: 0.85,
  },
  {
    // "Str." and its number, then the block, staircase, floor and flat, the town and the county
    hints: ['Str.', 'str.', 'Strada', 'strada'],
    re: /(?<![\p{L}])(?:Str\.|str\.|Strada|strada)[ \t]+\p{Lu}[\p{L}.-]*(?:[ \t]+\p{L}[\p{L}.-]*){0,3},?[ \t]+nr\.?[ \t]*\d{1,4}[A-Za-z]?(?:,?[ \t]*(?:bl|sc|et|ap)\.[ \t]*[A-Z\d]{1,4})*(?:,[ \t]*\p{Lu}[\p{L}-]*(?:[ \t]+\p{Lu}[\p{L}-]*)?)?(?:,[ \t]*(?:jud\.|județul|judetul|sector|sectorul)[ \t]*[\p{L}\d]+)?/gu,
    confidence: 0.85,
  },
  {
    // "Jalan …" (after a house number), the town, then a five-digit postcode and the state
    hints: ['Jalan', 'Jln', 'JALAN'],
    re: /(?:(?:No\.?|Lot)[ \t]*\d{1,5}[A-Z]?(?:-\d{1,3})?,?[ \t]+)?(?:Jalan|Jln\.?|JALAN)[ \t]+[^,\n]{1,40},[ \t]*(?:[^,\n]{1,30},[ \t]*){0,2}\d{5}[ \t]+\p{Lu}[\p{L}]+(?:[ \t]+\p{Lu}[\p{L}]+)?/gu,
    confidence: 0.88,
  },
];

/** a character of a Chinese road's or street's name's end: 路, 街 (大街), 道 (大道), 巷, 弄, 同 (胡同), 里 */
const ROAD_END = new Set([...'路街道巷弄同里'].map((c) => c.charCodeAt(0)));
/** a character of a place's name's end: province, autonomous region, city, prefecture, district, county, town */
const PLACE_END = new Set([...'省市州区县旗镇乡'].map((c) => c.charCodeAt(0)));
const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
/** after the number: a building, a block, a unit, a floor, a room ("2幢501室", "3号楼1205", "B座2107"), sticky */
const CN_TAIL = /(?:[\p{Script=Han}A-Za-z\d-]{0,12}?(?:\d{1,5}(?:室|号楼|栋|幢|座|层|楼|单元|号院)|[A-Z]座\d{2,5}))*(?:\d{1,5}(?![\d.]))?/uy;
/** the characters a place's name does not start after: prepositions, verbs of living and sending, particles */
const CN_BEFORE_PLACE = new Set([...'在于於到从從往住是的和与與及把向给給寄送发發了着過过们們'].map((c) => c.charCodeAt(0)));
/** a verb of living or sending, or a pronoun, glued before the city: "住成都市…", "寄到上海市…" */
const CN_LEAD = /^(?:我住在|我住|住在|住址|住|寄到|送到|寄往|发到|在|到|是|于|於)/u;

/**
 * Chinese addresses without a label, read from each "号" after a number: a road or street's last
 * character at most four characters before the number ("科华北路65号", "高新南七道18号"), and in the run of
 * Chinese characters before it (at most 30) a place's (市, 区, 县…) — the address starts at most four
 * characters before the first place word. Procedural, each "号" read once: a regex of the same shape
 * backtracked through every run of such characters.
 */
function chineseAddresses(text: string, out: Finding[]): void {
  for (let at = text.indexOf('号'); at !== -1; at = text.indexOf('号', at + 1)) {
    let d = at;
    while (d > 0 && at - d < 5 && isAsciiDigit(text.charCodeAt(d - 1))) d--;
    // (not an ordinal's, a metro line's or a document's number: "第2号文件", "3号线", "2号令")
    if (d === at || d === 0 || text.charCodeAt(d - 1) === 0x7b2c || /^[线線令文]/.test(text[at + 1] ?? '')) continue;
    // the road's end right before the number, or a few characters before ("东大街6号", "人民南路四段27号")
    let road = -1;
    for (let k = d - 1; k >= 0 && d - k <= 4 && isHan(text.charCodeAt(k)); k--) {
      if (ROAD_END.has(text.charCodeAt(k))) {
        road = k;
        break;
      }
    }
    if (road === -1) continue;
    let runStart = road;
    while (runStart > 0 && road - runStart < 30 && isHan(text.charCodeAt(runStart - 1))) runStart--;
    let place = -1;
    for (let k = runStart; k < road; k++) {
      if (PLACE_END.has(text.charCodeAt(k)) && k - runStart >= 1) {
        place = k;
        break;
      }
    }
    if (place === -1) continue;
    // (the place's name, at most four characters before its 市 or 省, after a preposition or a verb: "…线在北京市", "…公司在广州市")
    let start = place;
    while (start > runStart && place - start < 4 && !CN_BEFORE_PLACE.has(text.charCodeAt(start - 1))) start--;
    const lead = CN_LEAD.exec(text.slice(start, place));
    if (lead !== null) start += lead[0].length;
    CN_TAIL.lastIndex = at + 1;
    const end = CN_TAIL.test(text) ? CN_TAIL.lastIndex : at + 1;
    out.push({ dataClass: 'personal_data', detector: 'street-address', start, end, confidence: 0.85 });
  }
}

/** The addresses of SHAPES in `text`, pushed to `out`. */
export function scriptAddresses(text: string, out: Finding[]): void {
  if (text.includes('号')) chineseAddresses(text, out);
  for (const shape of SHAPES) {
    if (!shape.hints.some((h) => text.includes(h))) continue;
    shape.re.lastIndex = 0;
    for (let m = shape.re.exec(text); m !== null; m = shape.re.exec(text)) {
      const value = m[0].replace(/[\s,،、.;]+$/u, '');
      if (value.length < 8) continue;
      out.push({ dataClass: 'personal_data', detector: 'street-address', start: m.index, end: m.index + value.length, confidence: shape.confidence });
    }
  }
}
