import type { Finding } from '../finding';
import { forEachColumnCell } from '../table-fields';

/**
 * A postal address after its label, in any country's form: "Adres: Bağdat Caddesi No: 214 D: 7,
 * 34728 Kadıköy/İstanbul", "Адрес: г. Москва, ул. Профсоюзная, д. 43", "Alamat: Jl. Tebet Barat
 * No. 15, Jakarta Selatan 12810", "Anschrift: Hasenheide 71, 10967 Berlin". The shapes of
 * street-address-detector.ts know the street types of a few countries; a label names the value
 * whatever its form. The value runs to the end of its line, or to the next label on the line
 * ("… 10967 Berlin Telefon: …") or a sentence after it, and must read as an address: a number, a
 * capital or an abbreviation first, a digit, two words, and a comma, a postcode or four words; not a
 * memory or network address, nor a reference to elsewhere ("As stated in Schedule 1"). An address
 * the shapes found there already is widened to the whole value.
 */

/** what may follow the label: a word that qualifies it ("Адрес проживания:", "Alamat lengkap:") or one in brackets, then a colon (sticky) */
// (or a JSON key's quotes around the colon, "address": "…", group 1 the value's opening quote; or a blank after a Chinese or Japanese
// label before a postcode mark, a digit or a Han character, as a Japanese form's ideographic space reads folded: "現住所 〒530-…")
const AFTER_LABEL = /[ \t]*(?:\([^)\n]{0,30}\)[ \t]*|[\p{L}-]{2,16}[ \t]*)?(?:["']?[ \t]*[:：][ \t]*(["']?)|(?<=\p{Script=Han})[ \t]+(?=[〒\d\p{Script=Han}]))[ \t]*/uy;
/** a value that is no postal address: a memory or network address, a reference to elsewhere, a placeholder, a payment */
const NOT_ADDRESS = /0x[0-9a-f]|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|(?:^|[^\p{L}])(?:schedule|section|part|page|seite|siehe|see|as stated|stated|same as|ver|véase|apartado|conforme|cláusula|clause|clausola|parágrafo|paragraph|absatz|krok|step|schritt|tbd|tbc|to be confirmed|mandat|sepa|lastschrift|idem|size|byte|bytes|bit|байт|размер|wie)(?:[^\p{L}]|$)/iu;
/** the words before the label that make it another kind of address ("IP address:", "e-mail address:") */
const NOT_POSTAL = /(?:^|[^\p{L}])(?:ip|e-?mail|mail|mac|wallet|web|server|bitcoin|btc|eth|ethereum|contract|memory|return|reply|sender's|url|link|http|network|ipv4|ipv6|bluetooth)[ \t-]*$/iu;
/** a colon later on the value's line, and the two words before it (the label's, when the next field starts there) */
const COLON_LABEL = /(?:(\S+)[ \t]+)?(\S+?)[ \t]*:(?=[ \t]|$)/gu;
/**
 * The words that open the next field on an address's line ("… 10967 Berlin Telefon: …", "… Cep
 * Telefonu: …", "… No. HP: …"); an address's own parts keep their colon ("No: 214 D: 7").
 */
const NEXT_FIELD = new Set(
  `tel tel. telefon telefonu telephone téléphone teléfono telefono telefone telemóvel telemovel phone mobile mobil handy cel cel. celular cellulare cep gsm hp
  fax email e-mail mail correo iban bic swift konto account cuenta conta rekening bank nationality nationalität nacionalidad nationalité date datum data fecha
  geburtsdatum dob birth born doğum ngày tanggal sđt điện тел телефон τηλ τηλέφωνο website web steuer-id npwp nik cccd снилс инн паспорт passport ssn note notes
  status contact kontakt contacto`.split(/\s+/),
);
/** "number" before a field's name: "No. HP", "Nr. Tel", "Số điện" */
const NUMBER_WORDS = new Set(['no.', 'nr.', 'n°', 'nº', 'no', 'nr', 'nomor', 'số', 'num', 'num.']);
/** a gap that ends a value: two blanks, a tab, a bar, a bullet or a dash between blanks */
const GAP = /[ ]{2,}|\t|[ ](?:\||·|•|–|—)[ ]/;
const POSTCODE = /(?<![\d-])\d{4,6}(?![\d-])|(?<![\p{L}\d])[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}(?![\p{L}\d])/u;
/** (a letter and the vowel signs after it are one word: Bengali "বাড়ি", Hindi "नगर") */
const WORD = /\p{L}[\p{L}\p{M}]+/gu;
/** the next field's word in a Chinese or Japanese line ("… 邮编100022 电话010-…", "… TEL 03-…") */
const CJK_NEXT_FIELD = /[ \t]*(?:邮编|郵編|电话|電話|手机|手機|邮箱|郵箱|メール|携帯|担当|연락처|전화|TEL|Tel\b|tel\b)/u;
/** (at least two of a Chinese or Japanese address's words: province, city, district, road, street, number, block; no percentage) */
const CJK_ADDRESS_WORD = /[省市区區县縣路街道巷号號町村都府県]|丁目|番地/gu;
const CJK_ADDRESS = /^(?=(?:[^\p{Script=Han}]*\p{Script=Han}){6})[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\d〒ー\-－ \u3000]*\d/u;
// (or after a postcode: "… кв. 17, 21050. Мій телефон …")
const SENTENCE_END = /(?<=\p{L}{5}|\d{4})\.[ \t]+(?=\p{Lu})/u;
/** (or a letter of a script without capitals: "서울특별시 …", "北京市 …", "فيلا 12، …"; or Japan's postcode mark "〒") */
const VALUE_START = /^(?:[\d\p{Lu}\p{Lo}〒]|\p{Ll}{1,4}\.)/u;

/** The addresses after the `labels` hits (starts and ends of the label words), pushed or widened in `out` from `first` on. */
export function labelledAddresses(text: string, starts: readonly number[], ends: readonly number[], out: Finding[], first: number): void {
  // the addresses found already, by start, and the longest: a value's overlaps are found by binary search (an export of
  // thousands of labelled addresses would otherwise compare every value with every finding)
  const found: Finding[] = [];
  let longest = 0;
  for (let i = first; i < out.length; i++) {
    if (out[i]!.detector !== 'street-address') continue;
    found.push(out[i]!);
    longest = Math.max(longest, out[i]!.end - out[i]!.start);
  }
  found.sort((a, b) => a.start - b.start);
  for (let k = 0; k < starts.length; k++) {
    // (a value ends before the next label: a line of labels, "地址：…地址：…", is read once, not once per label)
    const nextLabel = k + 1 < starts.length ? starts[k + 1]! : text.length;
    AFTER_LABEL.lastIndex = ends[k]!;
    const after = AFTER_LABEL.exec(text);
    if (after === null) continue;
    if (NOT_POSTAL.test(text.slice(Math.max(0, starts[k]! - 16), starts[k]))) continue;
    const vs = AFTER_LABEL.lastIndex;
    // to the line's end (or a quoted value's closing quote), at most 240 characters on (a search for the newline would cross a whole one-line export each time)
    const limit = Math.min(text.length, vs + 240, Math.max(vs, nextLabel));
    const quote = after[1] ? after[1].charCodeAt(0) : -1;
    let ve = vs;
    while (ve < limit && text.charCodeAt(ve) !== 10 && text.charCodeAt(ve) !== quote) ve++;
    let value = text.slice(vs, ve);
    const gap = GAP.exec(value);
    if (gap !== null) value = value.slice(0, gap.index);
    // a Chinese or Japanese value ends at its next field's word ("住所 東京都…1-1-1 担当 山田", "… 邮编100022 电话010-…")
    const cjkField = CJK_NEXT_FIELD.exec(value);
    if (cjkField !== null) value = value.slice(0, cjkField.index);
    // a sentence after it: "… 41001 Sevilla. Atentamente" (not an abbreviation's dot: "Jl. Tebet", "Avda. de la", "г. Москва")
    const stop = SENTENCE_END.exec(value);
    if (stop !== null) value = value.slice(0, stop.index);
    COLON_LABEL.lastIndex = 0;
    for (let m = COLON_LABEL.exec(value); m !== null; m = COLON_LABEL.exec(value)) {
      const w0 = m[1]?.toLowerCase(), w1 = m[2]!.toLowerCase();
      // (and a number's word before the field's: "No. HP:", "Số điện thoại:")
      if (w0 !== undefined && (NEXT_FIELD.has(w0) || (NEXT_FIELD.has(w1) && NUMBER_WORDS.has(w0)))) value = value.slice(0, m.index);
      else if (NEXT_FIELD.has(w1)) value = value.slice(0, m.index + m[0].indexOf(m[2]!, m[1] === undefined ? 0 : m[1].length));
      else continue;
      break;
    }
    value = value.replace(/[\s,;.]+$/, '');
    if (!addressValue(value)) continue;
    pushOrWiden(vs, vs + value.length, found, longest, out);
  }
}

/**
 * A value that reads as a postal address: 8-160 characters with a digit, a number, a capital or an
 * abbreviation first ("14 Rua…", "Kouter 17", "г. Москва", "jl. Tebet"; not a sentence: "The address:
 * we will…"), two words, and a comma, a postcode or four words (three in an address `column`); not a memory or network address, an
 * e-mail or web address, a phone number or a reference to elsewhere. (An Arabic comma counts, and
 * Japan's postcode mark.)
 */
function addressValue(value: string, column = false): boolean {
  if (value.length < 8 || value.length > 160 || !/\d/.test(value) || /@|:\/\/|www\.|^\+?[\d\s().-]+$/.test(value) || NOT_ADDRESS.test(value)) return false;
  if (!VALUE_START.test(value)) return false;
  const words = value.match(WORD)?.length ?? 0;
  // (in an address column three words of a script without capitals and a number will do: "부산광역시 해운대구 센텀로 45"; not "PLC DB10 DBW4")
  // (Chinese and Japanese write an address without blanks: six of their characters and a number, "上海市徐汇区漕溪北路88号")
  return (words >= 2 && (value.includes(',') || value.includes('،') || value.includes('〒') || POSTCODE.test(value) || words >= (column && !/[A-Za-z]/.test(value) ? 3 : 4))) ||
    (CJK_ADDRESS.test(value) && !value.includes('%') && new Set(value.match(CJK_ADDRESS_WORD)).size >= 2);
}

/** An address at [vs, end): pushed, or the shapes' findings over it widened to it. */
function pushOrWiden(vs: number, end: number, found: readonly Finding[], longest: number, out: Finding[]): void {
  let widened = false;
  let lo = 0, hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid]!.start < vs - longest) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < found.length && found[i]!.start < end; i++) {
    const f = found[i]!;
    if (f.end <= vs) continue;
    f.start = Math.min(f.start, vs);
    f.end = Math.max(f.end, end);
    widened = true;
  }
  if (!widened) out.push({ dataClass: 'personal_data', detector: 'street-address', start: vs, end, confidence: 0.85 });
}

/** a table's address column: its label is an address word alone ("adresse", "Địa chỉ", "home_address", "Anschrift") */
const ADDRESS_COLUMN = /^(?:(?:home|postal|mailing|street|current|delivery|billing|shipping)?[ _-]?address(?:[ _-]?line[ _-]?1)?|adress?e|anschrift|dirección|direccion|endereço|endereco|morada|indirizzo|adres|adresa|adresă|osoite|lakcím|cím|adress|διεύθυνση|адрес|адреса|alamat|địa chỉ|住所|地址|주소|العنوان)$/iu;

/** The cells of the tables' address columns (`labels`: the address words' starts), pushed or widened in `out` from `first` on when they read as addresses. */
export function addressColumns(text: string, starts: readonly number[], out: Finding[], first: number): void {
  const found = out.slice(first).filter((f) => f.detector === 'street-address').sort((a, b) => a.start - b.start);
  const longest = found.reduce((m, f) => Math.max(m, f.end - f.start), 0);
  forEachColumnCell(text, starts, (header) => ADDRESS_COLUMN.test(header.label.trim()), (a, b) => {
    if (addressValue(text.slice(a, b), true)) pushOrWiden(a, b, found, longest, out);
  });
}
