import type { Finding } from '../finding';
import { alignedCells, delimiterOf, fieldsOf, freeTextColumn, isLabel, sqlRowEnd, valueOf } from '../table-fields';
import { cjkPerson } from './caseless-names';
import { roleOrFirm } from './name-shapes';
import { ORG_AFTER, ORG_WORDS } from './person-name-words';

/**
 * Person names given by the structure around them rather than by their own words: the cells of a
 * table's name columns (CSV, TSV, a pasted spreadsheet), the value of a name key in JSON, YAML or
 * code (`"customer_name": "Mark Baker"`), and a labelled value typed in lower case ("Name: john
 * smith"). Part of the person-name detector (person-name-detector.ts), which passes its name lists.
 */

export interface NameLists {
  given: { has(w: string): boolean };
  all: { has(w: string): boolean };
  /** names that are also everyday words: no evidence alone */
  common: Set<string>;
  /** English words (SCOWL), when the caller has them */
  english?: { has(w: string): boolean };
}

/**
 * A field or key that holds a person's name: 'person' when it says so by itself (first_name, 客户姓名),
 * 'name' for a bare "name" (a product has one too), 'role' for a person's role (a customer may be a
 * firm), 'cjkrole' for a contact's or a person in charge's in Chinese, Japanese or Korean (联系人,
 * 担当者, 담당자: a department or a placeholder is often there, so the value must read as a person's).
 */
export function nameField(field: string): 'person' | 'name' | 'role' | 'cjkrole' | undefined {
  const f = field.toLowerCase().replace(/[\s_.-]+/g, '');
  if (BARE_NAME_FIELDS.has(f)) return 'name';
  if (ROLE_FIELDS.has(f)) return 'role';
  if (CJK_ROLE_FIELDS.has(f)) return 'cjkrole';
  // (or a CJK label ending in its word for a person's name: "客户姓名", "患者氏名", "고객이름")
  return PERSON_FIELDS.has(f) || CJK_NAME_END.test(f) ? 'person' : undefined;
}
/** "name" in the languages of the lists ("navn", "nimi", "jméno", "имя"): a product has one too */
const BARE_NAME_FIELDS = new Set('name names nom nome naam nombre navn namn nimi név jméno meno nama nume имя імя ім\'я όνομα isim'.split(' '));
/** a given name's column: a bare "name" column beside it holds the family name ("Name;Vorname", "Nume,Prenume") */
const GIVEN_FIELDS = new Set('firstname givenname forename vorname prénom prenom voornaam imie imię prenume förnamn fornavn etunimi keresztnév'.split(' '));
/** a column of goods' own (a price, a SKU, a stock; not a size, a weight or a quantity, which a list of people has too): a bare "name" column beside it names a product, unless a product column is there too */
const GOODS_FIELDS = new Set(
  `price unitprice listprice retailprice sku barcode ean upc stock instock stocklevel
  preis stückpreis bestand prix precio prezzo preço prijs cena pris 价格 価格 가격 在庫 库存 재고`.split(/\s+/),
);
/** a column that names the product itself ("Name,Item,Qty": the name is the buyer's) */
const PRODUCT_FIELDS = new Set('product products item items article artikel produkt produit producto prodotto produto artículo articolo 商品 产品 製品 상품'.split(' '));
/** A person's role as a column or key ("Employee", "assignee"): a person's name or a firm's, an id, a login; a listed name is needed. */
const ROLE_FIELDS = new Set(
  `employee staff customer tenant member student guest applicant candidate owner assignee attendee participant passenger requester requestor reporter
  approver reviewer mitarbeiter kunde empleado employé salarié dipendente funcionário medewerker klant pracownik
  contact contactperson ansprechpartner ansprechperson kontaktperson contacto referente`.split(/\s+/),
);
const PERSON_FIELDS = new Set(
  `firstname lastname fullname givenname familyname forename forenames middlename surname surnames maidenname birthname legalname preferredname
  firstnames lastnames givennames familynames middlenames fullnames othernames
  customername employeename contactname patientname clientname displayname personname membername studentname tenantname guestname passengername
  accountholder accountholdername cardholder cardholdername holdername beneficiary beneficiaryname recipientname sendername insuredname
  apellido apellidos prenom prénom vorname nachname familienname cognome sobrenome voornaam achternaam nazwisko imie imię
  prenume imienazwisko imięinazwisko imieinazwisko nomecompleto nombrecompleto nomcomplet vollständigername jménoapříjmení jménoapríjmení
  hoten họtên hovaten họvàtên фио ф.и.о фамилия имяифамилия фамилияимяотчество прізвище піб ονοματεπώνυμο επώνυμο adsoyad adısoyadı adisoyadi
  namalengkap sukunimi etunimi fullständigtnamn efternamn förnamn fulltnavn etternavn fornavn efternavn fuldtnavn teljesnév vezetéknév keresztnév
  الاسم الاسمالكامل 이름 성명 姓名 氏名 名前 ชื่อ ชื่อนามสกุล フリガナ ふりがな 氏名カナ 성함`.split(/\s+/),
);
/** a person's name by their role in Chinese, Japanese or Korean: the value must read as a person's (caseless-names.ts cjkPerson), a department or a placeholder is often there */
const CJK_ROLE_FIELDS = new Set('联系人 聯絡人 联络人 收件人 收货人 收款人 负责人 負責人 担当者 名義人 담당자 예금주'.split(' '));
/** the word for a name after the word for a customer, an employee, a patient, a student, a member (客户姓名, 患者氏名, 고객이름; not 파일이름, 商品名) */
const CJK_NAME_END = /^(?:客户|客戶|顾客|顧客|员工|員工|职工|患者|病人|学生|學生|会员|會員|申请人|申請人|用户|用戶|社員|従業員|会員|契約者|申請者|고객|직원|환자|학생|회원|사원|신청자|보호자)(?:姓名|氏名|이름|성명)$/u;
/** Cells that stand for no value. */
const EMPTY = new Set(
  'n/a|na|none|null|nil|undefined|unknown|tbd|tba|x|test|example|sample|anonymous|redacted|required|optional|string|text|varchar|true|false|name|your name|first name|last name|full name|surname'.split('|'),
);
/** A name's shape: letters, with blanks, apostrophes, hyphens and dots between; 1-4 words ("Smith, John" too). */
const NAME_SHAPE = /^\p{L}[\p{L}'’.-]*(?:,?[ \t]+\p{L}[\p{L}'’.-]*){0,3}$/u;
/** an identifier in camelCase ("addEndListener", "challengePassword"): a property's name, not a person's */
const IDENTIFIER = /^\p{Ll}+\p{Lu}/u;

/** a role column's cell that is a person: one to three capitalised words, a listed given name first or a listed family name last (nameLike) */
function personCell(value: string, lists: NameLists): boolean {
  const words = value.split(/,?[ \t]+/);
  if (value.length > 40 || words.length > 3 || words.some((w) => !/^\p{Lu}\p{Ll}/u.test(w) || firmWord(w))) return false;
  return nameLike(value, true, lists);
}

/** a word of a firm's name ("Acme Corp", "Jordan Trading", "Wayne Enterprises"): the person-name detector's own lists */
const firmWord = (w: string): boolean => ORG_AFTER.test(' ' + w) || ORG_WORDS.has(w.toLowerCase()) || roleOrFirm(w.toLowerCase());

/** A cell or value that can be a name; with `listed`, its first word must be a listed given name or its last a listed family name (not everyday words). */
function nameLike(value: string, listed: boolean, lists: NameLists): boolean {
  if (value.length < 2 || value.length > 60 || !NAME_SHAPE.test(value) || IDENTIFIER.test(value) || EMPTY.has(value.toLowerCase())) return false;
  if (!listed) return true;
  const words = value.toLowerCase().split(/,?[ \t]+/);
  const first = words[0]!, last = words[words.length - 1]!;
  // (or two words of the lists, the last one hyphenated: "Choi Min-jun", "Lee Seo-yeon")
  const hyphen = last.indexOf('-');
  return (lists.given.has(first) && !lists.common.has(first)) || (words.length > 1 && lists.all.has(last) && !lists.common.has(last)) ||
    (words.length > 1 && hyphen >= 2 && lists.all.has(first) && !lists.common.has(first) && lists.all.has(last.slice(0, hyphen)) && !lists.common.has(last.slice(0, hyphen)));
}

/** one word in small letters under a bare "name" column: an identifier's ("max", "min" in a table of props) */
const IDENTIFIER_CELL = /^[\p{Ll}\d_-]+$/u;

/** After a key's word: its closing quote and its colon, arrow or equals sign (sticky, at the word's end). */
const KEY_AFTER = /["']?[ \t]*(?::|=>|=)/y;


/**
 * Names in name fields, found at the words of such fields (`hints`: the keyword index's "namefield"
 * hits, see keyword-scan.ts):
 * - the name columns of delimited tables: a header line whose fields are short labels, one of them
 *   a name field, then the rows below with as many fields, up to a blank line or a line that is not
 *   such a row. A cell of a column that says "person" (first_name, Nachname) is a name when it has
 *   a name's shape; one of a bare "name" column (a product has one too) also needs a listed name;
 * - the value of a name key (see KEY_VALUE).
 */
export function nameFields(text: string, hints: { starts: readonly number[]; ends: readonly number[] }, lists: NameLists, out: { push(f: Finding): unknown }): void {
  let headersTried = 0; // the end of the last line read as a possible header
  let insertsRead = 0; // the end of the last SQL INSERT read
  for (let i = 0; i < hints.starts.length; i++) {
    const at = hints.starts[i]!;
    if (at >= insertsRead && columnListWord(text, hints.ends[i]!)) insertsRead = Math.max(insertsRead, sqlInsertNames(text, at, lists, out));
    KEY_AFTER.lastIndex = hints.ends[i]!;
    if (KEY_AFTER.test(text)) keyedName(text, at, lists, out);
    if (at < headersTried) continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    headersTried = lineEnd;
    const header = headerOf(text, lineStart, lineEnd);
    if (header === null) continue;
    let row = lineEnd + 1;
    // a role column's cells: persons only when most of its filled cells are (a Customer column of firms names no one)
    const roles = new Map<number, { cells: [number, number][]; filled: number }>();
    while (row < text.length) {
      let rowEnd = text.indexOf('\n', row);
      if (rowEnd === -1) rowEnd = text.length;
      const cells = alignedCells(fieldsOf(text, row, sqlRowEnd(text, row, rowEnd), header.delim), header.width, header.free);
      if (cells === null) break;
      for (const [col, kind] of header.columns) {
        const [s, e] = valueOf(text, cells[col]![0], cells[col]![1]);
        const value = text.slice(s, e);
        if (kind === 'cjkrole') {
          if (cjkPerson(value)) out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.8 });
        } else if (kind === 'role') {
          const r = roles.get(col) ?? { cells: [], filled: 0 };
          roles.set(col, r);
          if (e > s) r.filled++;
          if (personCell(value, lists)) r.cells.push([s, e]);
        } else if (kind === 'family') {
          // (a person's family name: no acronym, no firm's word, and a word of the name lists or no English word: not "Admin", "Guest", "GmbH")
          const w = value.toLowerCase();
          if (nameLike(value, false, lists) && !/^\p{Lu}{1,4}$/u.test(value) && !firmWord(value) && ((lists.all.has(w) && !lists.common.has(w)) || !(lists.english?.has(w) ?? false))) out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.85 });
        } else if (nameLike(value, kind === 'name', lists) && !(kind === 'name' && IDENTIFIER_CELL.test(value))) out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: kind === 'person' ? 0.85 : 0.8 });
      }
      row = rowEnd + 1;
    }
    for (const r of roles.values()) {
      if (r.cells.length * 5 >= r.filled * 3) for (const [s, e] of r.cells) out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.8 });
    }
    headersTried = row;
  }
}

/**
 * A table's header on [s, e): its delimiter, its number of fields, its name columns (each with its kind,
 * nameField's, or 'family' for a bare "name" beside a given name's column) and its free-text column
 * (freeTextColumn), or null.
 */
function headerOf(text: string, s: number, e: number): { delim: number; width: number; columns: [number, 'person' | 'name' | 'role' | 'cjkrole' | 'family'][]; free: number } | null {
  if (e - s > 1000 || e - s < 4) return null;
  const delim = delimiterOf(text, s, e);
  if (delim === 0) return null;
  const fields = fieldsOf(text, s, e, delim);
  const columns: [number, 'person' | 'name' | 'role' | 'cjkrole' | 'family'][] = [];
  const labels: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const [a, b] = valueOf(text, fields[i]![0], fields[i]![1]);
    const label = text.slice(a, b);
    // a header is labels: short, no sentence in a field
    if (!isLabel(label)) return null;
    labels.push(label);
    const person = nameField(label);
    if (person !== undefined) columns.push([i, person]);
  }
  if (columns.length === 0) return null;
  const keys = labels.map((l) => l.toLowerCase().replace(/[\s_.-]+/g, ''));
  // (a bare "name" beside a given name's column is the family name: a person's, though not an acronym, "IT", "HR")
  if (keys.some((k) => GIVEN_FIELDS.has(k))) {
    for (const c of columns) if (c[1] === 'name') c[1] = 'family';
  }
  // (a bare "name" beside a price, a stock or a SKU and no product column names a product: "Name,Price\nAudrey,12.00";
  // with a product column it is the buyer's: "Name,Item,Qty")
  else if (keys.some((k) => GOODS_FIELDS.has(k)) && !keys.some((k) => PRODUCT_FIELDS.has(k))) {
    const kept = columns.filter((c) => c[1] !== 'name');
    if (kept.length === 0) return null;
    columns.splice(0, columns.length, ...kept);
  }
  return { delim, width: fields.length, columns, free: freeTextColumn(labels) };
}

/**
 * The value of a name key: `"customer_name": "Mark Baker"`, `name = 'Anna Berg'`, `'surname' =>
 * 'Okafor'`, and unquoted in lower case after a label or a YAML key (`Name: john smith`; a
 * capitalised one is the main detector's). Sticky, from the start of the key; group 2 or 3 is the value.
 */
const KEY_VALUE = /["']?[\p{L}\d_-]+["']?[ \t]*(?::|=>|=)[ \t]*(?:(["'])([^"'\n]{2,60})\1|(\p{Ll}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*){0,3})[ \t]*(?=[,;}\]\r\n]|$))/duy;
/** The value of the name key whose word starts at `at` (see KEY_VALUE). A bare "name" key needs a listed name in its value. */
function keyedName(text: string, at: number, lists: NameLists, out: { push(f: Finding): unknown }): void {
  // back to the start of the key: letters, digits, '_' and '-' (at most 32), and an opening quote
  let k = at;
  while (k > 0 && at - k < 32 && /[\p{L}\d_-]/u.test(text[k - 1]!)) k--;
  if (k > 0 && (text.charCodeAt(k - 1) === 34 || text.charCodeAt(k - 1) === 39)) k--;
  KEY_VALUE.lastIndex = k;
  const m = KEY_VALUE.exec(text);
  if (m === null) return;
  const key = /^["']?([\p{L}\d_-]+)/u.exec(m[0])![1]!;
  const kind = nameField(key);
  if (kind === undefined) return;
  const [a, b] = m.indices![2] ?? m.indices![3]!;
  const value = text.slice(a, b).trimEnd();
  if (kind === 'cjkrole' ? cjkPerson(value) : kind === 'role' ? personCell(value, lists) : nameLike(value, kind === 'name', lists)) {
    out.push({ dataClass: 'personal_data', detector: 'person-name', start: a, end: a + value.length, confidence: kind === 'person' ? 0.85 : 0.8 });
  }
}

/** A column name ends at `e`: a closing quote, backtick or bracket, blanks, then a comma or ")" (a word of prose is followed by neither) */
function columnListWord(text: string, e: number): boolean {
  let i = e;
  while (i < text.length && i - e < 4) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 41) return true;
    if (c !== 32 && c !== 9 && c !== 96 && c !== 34 && c !== 93 && c !== 95) return false;
    i++;
  }
  return false;
}

/** "INSERT INTO contacts " right before a column list's "(" (read on the 80 characters before it) */
const INSERT_INTO = /\binsert[ \t]+(?:ignore[ \t]+)?into[ \t]+[\w.`"[\]]{1,64}[ \t]*$/i;
/** "VALUES" after the column list's ")" (sticky) */
const VALUES = /\s*values\s*/iy;

/**
 * The values of the name columns of a SQL INSERT whose column list holds the name-field word at
 * `at`: `INSERT INTO contacts (first_name, last_name, email) VALUES ('Aigerim', 'Bekova', '…'), (…)`.
 * Each row's values are read in one pass (quoted strings with '' inside, or bare words), up to the
 * end of the statement or a row of another width. Returns where the reading ended (`at` when the
 * word is in no such list), so the other words of the same list are not read again.
 */
function sqlInsertNames(text: string, at: number, lists: NameLists, out: { push(f: Finding): unknown }): number {
  // back to the "(" over column names, commas, quotes and blanks (at most 300 characters)
  let p = at;
  while (p > 0 && at - p < 300) {
    const c = text.charCodeAt(p - 1);
    if (c === 40) break;
    if (!(c === 44 || c === 32 || c === 9 || c === 10 || c === 13 || c === 95 || c === 96 || c === 34 || c === 91 || c === 93 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) return at;
    p--;
  }
  if (p === 0 || text.charCodeAt(p - 1) !== 40 || !INSERT_INTO.test(text.slice(Math.max(0, p - 81), p - 1))) return at;
  const close = text.indexOf(')', at);
  if (close === -1 || close - p > 600) return at;
  const cols = text.slice(p, close).split(',').map((c) => c.replace(/[\s`"[\]]/g, ''));
  // (true: the column says "person"; a bare name or a role column needs a listed name)
  const nameCols: [number, boolean][] = [];
  cols.forEach((c, k) => {
    const kind = nameField(c);
    if (kind !== undefined) nameCols.push([k, kind === 'person']);
  });
  if (nameCols.length === 0) return close;
  VALUES.lastIndex = close + 1;
  if (!VALUES.test(text)) return close;
  let i = VALUES.lastIndex;
  const n = text.length;
  const cells: [number, number][] = [];
  for (;;) {
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 44)) i++;
    if (i >= n || text.charCodeAt(i) !== 40) return i;
    i++;
    cells.length = 0;
    // one row: values separated by commas up to ")"
    for (;;) {
      while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      if (i >= n) return i;
      const c = text.charCodeAt(i);
      if (c === 39) {
        const s = i + 1;
        i = s;
        for (; i < n; i++) {
          if (text.charCodeAt(i) === 39) {
            if (text.charCodeAt(i + 1) === 39) i++;
            else break;
          } else if (text.charCodeAt(i) === 10) return i;
        }
        if (i >= n) return i;
        cells.push([s, i]);
        i++;
      } else {
        const s = i;
        while (i < n && text.charCodeAt(i) !== 44 && text.charCodeAt(i) !== 41 && text.charCodeAt(i) !== 10) i++;
        let e = i;
        while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
        cells.push([s, s]); // not a quoted string: no name read from it
        if (e === s && text.charCodeAt(i) !== 41 && text.charCodeAt(i) !== 44) return i;
      }
      while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      const d = text.charCodeAt(i);
      if (d === 44) {
        i++;
        continue;
      }
      if (d === 41) {
        i++;
        break;
      }
      return i;
    }
    if (cells.length !== cols.length) return i;
    for (const [col, personField] of nameCols) {
      const [s, e] = cells[col]!;
      if (e > s && nameLike(text.slice(s, e), !personField, lists)) out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: personField ? 0.85 : 0.8 });
    }
  }
}
