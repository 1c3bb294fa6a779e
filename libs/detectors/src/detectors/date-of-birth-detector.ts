import { firstMatch, type Detector } from '../detector';
import { freeTextColumn, TableHeaders, tableRows, valueOf } from '../table-fields';

/**
 * Month names: English, German, French, Dutch, Swedish; Spanish, Portuguese, Italian, Indonesian,
 * Romanian and Turkish; the genitive of Polish, Czech, Russian and Ukrainian ("3 maja 1985", "14 февраля 1991").
 */
const MONTH =
  '(?:jan(?:uary|uar|vier|uari|eiro)?|feb(?:ruary|ruar|ruari)?|f[ée]vrier|fevereiro|febbraio|m[aä]r(?:ch|z|s|t|ts|et)?|maart|marzo|março|apr(?:il|ile)?|avril|abril|ma[iyj]|mei|mayo|maio|maggio|june?|juni|juin|junio|junho|giugno|july?|juli|juillet|julio|julho|luglio|aug(?:ust|ustus|usti)?|agosto|agustus|ao[uû]t|sep(?:t|tember|tembre|tiembre)?|setembro|settembre|o[ck]t(?:ober|obre|ubre)?|outubro|ottobre|nov(?:ember|embre|iembre)?|novembro|de[cz](?:ember)?|d[ée]cembre|diciembre|dezembro|dicembre|desember|enero|gennaio|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|ocak|şubat|subat|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|ekim|kasım|kasim|aralık|aralik|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|μαιου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta|siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|listopada|studenoga|prosinca|január|február|március|április|május|június|július|augusztus|szeptember|október|november|december|enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre|جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
/** Thai months, abbreviated ("มี.ค.") and written out; the year then in the Buddhist era ("2533") or the common one */
const THAI_MONTH = '(?:ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)';
const MON = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)\\d{2}';
/** a Japanese era's name, before its year ("平成8年11月5日") */
const JA_ERA = '(?:明治|大正|昭和|平成|令和)';
/** a year of the Buddhist era, as Thailand writes dates ("12/04/2530": 1987) */
const BUDDHIST_YEAR = '25[2-6]\\d';
/**
 * a year of the Iranian solar calendar, as Iran writes dates year first ("1368/04/12": 1989), or of the Islamic one, as Saudi Arabia
 * does ("1432/03/14 هـ": 2011); and one of Taiwan's Minguo era ("民國80年5月12日": 1991)
 */
const SOLAR_YEAR = '(?:13\\d{2}|14[0-4]\\d)';
const MINGUO = '民[國国][ \\t]?\\d{1,3}';
/**
 * Numeric (ISO, d/m/y, m/d/y; "17. 4. 1991" with blanks as Czech and Slovak write it) and written dates
 * ("3 March 1985", "March 3rd, 1985", "12. März 1985", "1991年6月14日", "平成8年11月5日", "1993년 5월 11일", "14 มี.ค. 2533", "1368/04/12",
 * "民國80年5月12日").
 */
export const DATE_SOURCE =
  `(?<![\\d/.-])(?:${YEAR}[-/.]${MON}[-/.]${DAY}|${DAY}[-/.]${MON}[-/.](?:${YEAR}|${BUDDHIST_YEAR}|\\d{2})|${MON}[-/.]${DAY}[-/.](?:${YEAR}|\\d{2})|${DAY}(?:st|nd|rd|th|\\.)?(?:[ \\t]+(?:(?:of|de)[ \\t]+)?|-)${MONTH}\\.?(?:,?[ \\t]+(?:de[ \\t]+)?|-)${YEAR}|${MONTH}\\.?[ \\t]+${DAY}(?:st|nd|rd|th)?,?[ \\t]+${YEAR}|${YEAR}\\.[ \\t]+${MONTH}[ \\t]+${DAY}\\.?|ngày[ \\t]+${DAY}[ \\t]+tháng[ \\t]+${MON}[ \\t]+năm[ \\t]+${YEAR}|${DAY}\\.[ \\t]?${MON}\\.[ \\t]${YEAR}|${DAY}\\.[ \\t]${MON}\\.${YEAR}|${YEAR}\\.[ \\t]${MON}\\.[ \\t]${DAY}\\.?|${YEAR}[ \\t]?[年년][ \\t]?${MON}[ \\t]?[月월][ \\t]?${DAY}[ \\t]?[日일]|${DAY}[ \\t]+${THAI_MONTH}[ \\t]+(?:${BUDDHIST_YEAR}|${YEAR})|${JA_ERA}[ \\t]?(?:元|\\d{1,2})[ \\t]?年[ \\t]?${MON}[ \\t]?月[ \\t]?${DAY}[ \\t]?日|${SOLAR_YEAR}\\/${MON}\\/${DAY}|${MINGUO}[ \\t]?年[ \\t]?${MON}[ \\t]?月[ \\t]?${DAY}[ \\t]?日)(?![\\d])`;
const DATE_RE = new RegExp(DATE_SOURCE, 'gi');
/** a CJK date (its year in figures or an era's) and 生 after it, then a bracket, punctuation or the end ("（1991年2月14日生）"; not 生産, 生放送, 生まれ変わる) */
const BORN_AFTER = new RegExp(`(?<![\\d/.-])((?:${YEAR}|${JA_ERA}[ \\t]?(?:元|\\d{1,2}))[ \\t]?[年][ \\t]?${MON}[ \\t]?月[ \\t]?${DAY}[ \\t]?日)(?=生(?=[)）(（、，,。.\\s]|$))`, 'g');
/** A whole cell that is a date (a table's date-of-birth column) */
const WHOLE_DATE = new RegExp(`^${DATE_SOURCE}\\.?$`, 'i'); // ("1988.03.15." as Hungarian writes it)
/** a birth label of a table header ("dob", "Date of Birth", "birth_date", "Geburtsdatum"): the label is the birth word, with at most "date" or "of" around it */
const BIRTH_LABEL =
  /^(?:(?:date|day)[ _-]?(?:of[ _-]?)?)?(?:birth|dob|d\.o\.b\.?|born|birth[ _-]?date|birthdate|birthday|geburtsdatum|date de naissance|fecha de nacimiento|data de nascimento|data di nascita|geboortedatum|data urodzenia|datum narození|födelsedatum|fødselsdato|syntymäaika|data nașterii|doğum tarihi|дата рождения|дата народження|tanggal lahir|ngày sinh|fødselsdato|n[ée]\(?e?\)?[ _-]?le|date de naiss\.?|datum rođenja|dátum narodenia|születési dátum|ημερομηνία γέννησης|生年月日|出生日期|생년월일|วันเกิด|تاريخ الميلاد)(?:[ _-]?date)?$/i;
/** between the birth word and the date: the date is a form's example or format ("出生日期格式：YYYY-MM-DD，例如 1990-01-01", "e.g. 1990-01-01") */
const EXAMPLE_BETWEEN = /例|예시|예\s?:|e\.g\.|example|format|beispiel|z\.\s?b\.|exemple|ejemplo|esempio|przykład|формат|пример/i;
/** a date that dates something ("d.t. 12.05.2024 tarihli toplantı", a meeting "dated"): no birth */
const DATED_AFTER = /^[ \t]*(?:tarihli|dated|datiert|daté)/i;
/** a header's label as BIRTH_LABEL reads it: its words apart ("data_urodzenia", "fecha-de-nacimiento") */
const birthLabel = (label: string): boolean => BIRTH_LABEL.test(label) || BIRTH_LABEL.test(label.replace(/[_-]+/g, ' '));
const ORG_DATE = /(?:^|[^\p{L}])(?:founded|founding|established|incorporated|launched|opened|company|corporation|firm|business|startup|brand|organi[sz]ation|inc|ltd|llc|gmbh|corp|project|version|release|app|software|website|site|product|progetto|versione|azienda|società|proyecto|versión|empresa|projet|société|projekt|version|wersja|firma|verze|sürüm|sürümü|şirket|проект|версия|сайт|компания|проєкт|версія|компанія|linux|pancasila|undang-undang|ketentuan|perusahaan|hari lahir)(?:[^\p{L}]|$)/iu;

/**
 * Dates of birth: a date within 40 characters after (or 25 before) a birth word (DOB, born, date of
 * birth...), and the dates in a table's column whose header is such a word.
 */
export const dateOfBirthDetector: Detector = {
  entries: [{ id: 'date-of-birth', dataClass: 'personal_data', description: 'Dates of birth next to DOB / born / date of birth' }],
  detect({ text, keywords }, out) {
    // a date with 生 ("born") right after it, in Japanese and Chinese: "（1991年2月14日生）", not 生产, 生效, 生産 (production, taking effect)
    if (text.indexOf('生') !== -1) {
      BORN_AFTER.lastIndex = 0;
      for (let m = BORN_AFTER.exec(text); m !== null; m = BORN_AFTER.exec(text)) out.push({ dataClass: 'personal_data', detector: 'date-of-birth', start: m.index, end: m.index + m[1]!.length, confidence: 0.85 });
    }
    if (!keywords.has('birth')) return;
    const { starts, ends } = keywords.hits('birth');
    let lastEnd = -1;
    let tablesTo = -1; // the end of the last table read
    const headers = new TableHeaders(text);
    for (let k = 0; k < starts.length; k++) {
      // a table's date-of-birth column ("name,dob,city" then one row per person): its date cells
      if (starts[k]! >= tablesTo) {
        const header = headers.headerAt(starts[k]!);
        if (header !== null && header.width > 1 && birthLabel(header.label)) {
          let rows = 0;
          const to = tableRows(text, header.lineEnd, header.delim, header.width, (cells) => {
            rows++;
            const [a, b] = valueOf(text, cells[header.column]![0], cells[header.column]![1]);
            if (WHOLE_DATE.test(text.slice(a, b))) out.push({ dataClass: 'personal_data', detector: 'date-of-birth', start: a, end: b, confidence: 0.85 });
          }, freeTextColumn(header.labels));
          // (a line that reads as a header with no rows under it is a line of text: "Mrs. Patel; DOB; Ward 4" then the date)
          if (rows > 0) {
            tablesTo = to;
            continue;
          }
        }
      }
      // "NATO a …", "NATO il …": the Italian "nato" is a word in small letters or at a sentence start, never the alliance in capitals
      if (text.startsWith('NATO', starts[k]!)) continue;
      const from = Math.max(ends[k]!, lastEnd);
      const m = firstMatch(DATE_RE, text, from, from + 80);
      // "the company was founded ... born out of a merger on 12 May 1987": an organisation's date, not a person's
      const orgDate = (at: number): boolean => ORG_DATE.test(text.slice(Math.max(0, Math.min(starts[k]!, at) - 60), at));
      if (m && m.index - ends[k]! <= 40 && !/[.!?]\s/.test(text.slice(ends[k]!, m.index)) && !EXAMPLE_BETWEEN.test(text.slice(ends[k]!, m.index)) && !orgDate(m.index) && !DATED_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10))) {
        out.push({ dataClass: 'personal_data', detector: 'date-of-birth', start: m.index, end: m.index + m[0].length, confidence: 0.9 });
        lastEnd = m.index + m[0].length;
        continue;
      }
      // "12/03/1985 (DOB)"
      const back = Math.max(0, starts[k]! - 25, lastEnd);
      const b = firstMatch(DATE_RE, text, back, starts[k]!);
      if (b && b.index + b[0].length <= starts[k]! && !/[.!?\n]/.test(text.slice(b.index + b[0].length, starts[k]!)) && !orgDate(b.index)) {
        out.push({ dataClass: 'personal_data', detector: 'date-of-birth', start: b.index, end: b.index + b[0].length, confidence: 0.8 });
        lastEnd = b.index + b[0].length;
      }
    }
  },
};
