/**
 * Speaker labels of a transcript or a chat log ("Anna: text" at line starts), found before the
 * person-name detector's main scan (person-name-detector.ts), which then skips the names pushed here.
 */
import type { Finding } from '../finding';
import { fold, isUpper } from './capitalised-runs';
import { STOP, words } from './person-name-words';
import { cjkPerson } from './caseless-names';

/** "Anna: text" at a line start: a speaker in a transcript or a chat log */
const SPEAKER = /[ \t]{0,3}(\p{Lu}[\p{Ll}'’-]{1,20}):(?:[ \t]+\S|[ \t]*["“])/uy;
/** words that head a field or a section line ("Note: ...", "Status: ..."; a forwarded mail's header in other languages, "De:", "Para:", "Asunto:"), never a speaker */
const NOT_SPEAKERS = words(`note notes summary subject date time re fw fwd from to cc bcc name email e-mail phone tel fax mobile address website url status
  priority owner type category title description answer question q a step warning error example result results reason comment comments update tip
  bot user assistant system agent customer client host guest speaker interviewer interviewee moderator caller operator support admin me you
  action decision outcome location where when what who why how total price cost amount source reference ref id
  agenda attendees blockers risks risk next todo budget timeline goal goals context background problem solution input output response request
  prompt transcript followup follow-up minutes issue issues fix cause impact steps details info information contact company department role
  team project version build environment env tags labels links attachment attachments pros cons yes no ok okay hint caution important
  antipasto antipasti primo secondo contorno dolce aperitivo digestivo entrée entree plat dessert starter starters main mains pudding appetizer appetiser
  de para enviado enviada asunto fecha von an gesendet betreff datum objet envoyé envoye à da inviato oggetto data van aan verzonden onderwerp
  från till skickat ämne fra sendt emne od do wysłano temat kimden kime gönderildi konu feladó címzett elküldve tárgy lähettäjä vastaanottaja
  lähetetty aihe dari kepada perihal`);
/**
 * Kinship words and the roles of a support chat in other languages, which head a family's or a help
 * desk's messages as a name would ("妈妈：", "Мама:", "אמא:", "Cliente:"): never a speaker's name.
 */
const KIN_AND_ROLES = words(`mama mamá mamã mom mum mother dad papa papá papai father mutter vater mère père madre padre mãe pai moeder vader
  мама папа мать отец бабушка дедушка мам пап mamo tato babcia dziadek mami tati baba ماما بابا أمي أبي امی ابو امی‌جان אמא אבא סבתא סבא
  妈妈 妈 爸爸 爸 老公 老婆 哥哥 姐姐 弟弟 妹妹 奶奶 爷爷 外婆 外公 儿子 女儿 お母さん お父さん 母 父 姉 兄 妹 弟 엄마 아빠 언니 오빠 누나 형 할머니 할아버지
  แม่ พ่อ พี่ น้อง माँ मां पापा पिताजी माताजी भैया दीदी মা বাবা
  cliente agente operador operadora atendente soporte suporte kunde berater klient ärztin arzt patientin patient клиент оператор менеджер врач пациент поддержка
  客服 用户 客户 顾客 医生 患者 お客様 担当 상담원 고객
  عميل موظف مريض طبيب לקוח נציג
  سؤال جواب س ج שאלה תשובה ש ת प्रश्न उत्तर सवाल जवाब প্রশ্ন উত্তর 질문 답변 답 문 ถาม ตอบ คำถาม คำตอบ しつもん こたえ
  سوال پاسخ کاربر پشتیبانی مشتری اپراتور ربات مستخدم دعم`);
/** the everyday short forms of Russian and Ukrainian given names, which chats use and the name lists (full forms) do not hold */
const EAST_SLAVIC_SHORT = words(`маша саша паша даша наташа серёжа сережа дима миша коля оля таня катя лена аня ваня петя вова женя юля настя лёша леша алёша алеша
  костя ксюша гоша гриша рома витя толя слава лиза соня вика надя люба галя зина валя боря юра федя стёпа степа сёма сема лёня леня тёма тема
  вася сеня кира олеся тоня шура нина света ира марина гена жора`);

/** one word of at most six letters in a script whose names the lists do not hold */
const SHORT_UNLISTED_SCRIPT = /^[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Thai}\p{Script=Hangul}\p{Script=Hiragana}\p{M}]{2,6}$/u;

/** a title before a name in a script without capitals: doctor, Mrs, Mr, Ms, Sir (Persian, Arabic, Urdu, Hebrew) */
const CASELESS_TITLES = new Set(['دکتر', 'دكتر', 'خانم', 'آقای', 'آقا', 'السيد', 'السيدة', 'د.', 'دكتور', 'الدكتور', 'أستاذ', 'استاد', 'ڈاکٹر', 'جناب', 'محترمہ', 'ד"ר', 'גב\'', 'מר']);
/** two or three words of such a script, each of a name's length and no kinship or role word, a title first or not: "سمیرا احمدی", "دکتر سمیرا احمدی" */
function caselessFullName(w: string): boolean {
  const words = w.split(' ');
  const name = CASELESS_TITLES.has(words[0]!) ? words.slice(1) : words;
  return name.length >= 2 && name.length <= 3 && name.every((x) => SHORT_UNLISTED_WORD.test(x) && !KIN_AND_ROLES.has(x) && !STOP.has(x));
}
const SHORT_UNLISTED_WORD = /^[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Thai}\p{M}]{2,8}$/u;

/** a label in a script without capitals (Hebrew, Arabic, Devanagari, Bengali, Thai, Han, kana, Hangul) */
const CASELESS_FIRST = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Thai}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Speaker labels of a transcript: lines that start with "Word: text" where the word is in the name
 * lists (and no field word); at least two different such speakers make a transcript. Or a dialogue
 * (dialogueSpeakers): two speakers or more, each heading two lines or more, taking turns, their
 * messages sentences rather than a record's values ("Серёжа: …\nМаша: …", "张伟：…\n妈妈：…", "אבי: …\nרותם: …"),
 * in any script; its speakers a listed name, a Chinese name's shape, a Russian short form or a short word of
 * a script the lists do not hold; kinship words and a help desk's roles are no names.
 * Returns the starts of the names pushed (so the main scan does not push them again).
 */
export function speakerLabels(
  text: string,
  all: { has(w: string): boolean },
  given: { has(w: string): boolean },
  common: Set<string>,
  english: { has(w: string): boolean },
  out: { push(f: Finding): unknown },
): Set<number> | undefined {
  if (text.indexOf('\n') === -1) return undefined;
  const found = speakerLabelCandidates(text);
  if (found.length < 2) return undefined;
  // a label that repeats ("Plan:", "Salary:" in each record) is no evidence: only words of the name lists count
  const isName = (w: string): boolean => !NOT_SPEAKERS.has(w) && !STOP.has(w) && !common.has(w) && (all.has(w) || all.has(fold(w, w)));
  /** no field's, role's, kinship's or everyday word ("Cliente:", "Мама:", "Ärztin:") */
  const notSpeakerWord = (w: string): boolean => !NOT_SPEAKERS.has(w) && !STOP.has(w) && !common.has(w) && !english.has(w) && !KIN_AND_ROLES.has(w);
  let names = found.filter((f) => isName(f.lower));
  // (or one listed given name heading two lines: "Alice: …\nAlice: …", a speaker talking twice)
  if (new Set(names.map((f) => f.lower)).size < 2 && !(names.length >= 2 && given.has(names[0]!.lower))) {
    // (a dialogue's speaker is a listed name, a Chinese name's shape, or one short word of a script whose names the lists do not
    // hold (Hebrew, Arabic, Indic, Thai, Korean, hiragana): not "Frage:/Antwort:", "Usuario:/Asistente:", "问题：/回答：", "ユーザー：")
    names = dialogueSpeakers(text, found, (w) => notSpeakerWord(w) &&
      (all.has(w) || all.has(fold(w, w)) || EAST_SLAVIC_SHORT.has(w) || (/^\p{Script=Han}+$/u.test(w) ? cjkPerson(w) : SHORT_UNLISTED_SCRIPT.test(w) || caselessFullName(w))));
    if (names.length === 0) return undefined;
  }
  // a speaker whose name is not in the lists ("Xiadani:") on the line right before or after a listed one
  const named = new Set(names);
  const nextLine = (a: { start: number }, b: { start: number }): boolean => {
    const nl = text.indexOf('\n', a.start);
    return nl !== -1 && nl < b.start && text.lastIndexOf('\n', b.start - 1) === nl;
  };
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (named.has(f) || f.end - f.start < 3 || !notSpeakerWord(f.lower)) continue;
    const prev = found[i - 1], next = found[i + 1];
    if ((prev !== undefined && named.has(prev) && nextLine(prev, f)) || (next !== undefined && named.has(next) && nextLine(f, next))) names.push(f);
  }
  const starts = new Set<number>();
  for (const f of names) {
    out.push({ dataClass: 'personal_data', detector: 'person-name', start: f.start, end: f.end, confidence: 0.8 });
    starts.add(f.start);
  }
  return starts;
}

/**
 * The speakers of a dialogue: two labels or more each heading two lines or more, the label changing
 * from one such line to the next at least twice, and the lines' messages 15 characters long on average (a CJK one counting two)
 * (a record's "Leczenie: antybiotyk" is shorter); of those, the lines whose label `ok` accepts (not
 * "妈妈", "User"), or none.
 */
function dialogueSpeakers(text: string, found: Candidate[], ok: (w: string) => boolean): Candidate[] {
  const count = new Map<string, number>();
  for (const f of found) count.set(f.lower, (count.get(f.lower) ?? 0) + 1);
  const speakers = new Set([...count].filter(([, n]) => n >= 2).map(([w]) => w));
  if (speakers.size < 2) return [];
  const lines = found.filter((f) => speakers.has(f.lower));
  let turns = 0, length = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && lines[i]!.lower !== lines[i - 1]!.lower) turns++;
    const nl = text.indexOf('\n', lines[i]!.end);
    // (a Han, kana or Hangul character counts twice: a message of ten of them says as much as twenty letters)
    for (let k = lines[i]!.end + 1, e = nl === -1 ? text.length : nl; k < e; k++) length += text.charCodeAt(k) >= 0x2e80 ? 2 : 1;
  }
  return turns >= 2 && length >= 15 * lines.length ? lines.filter((f) => ok(f.lower)) : [];
}

interface Candidate {
  start: number;
  end: number;
  lower: string;
}

/**
 * The "Word:" at the start of lines (the first colon of each line, back to its line start, at most 25
 * characters), for speakerLabels. A function of its own: when the scan loop was optimised while
 * running (on-stack replacement), the code after it had no type feedback yet and V8 left that
 * optimised code there on every call (~40 deoptimisations per inspection of the dense text).
 */
function speakerLabelCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  // the next ASCII and full-width colons, each searched again only once passed (a text without one is searched once)
  let ascii = -2, wide = -2;
  const nextColon = (from: number): number => {
    if (ascii !== -1 && ascii < from) ascii = text.indexOf(':', from);
    if (wide !== -1 && wide < from) wide = text.indexOf('：', from);
    return ascii === -1 ? wide : wide === -1 ? ascii : Math.min(ascii, wide);
  };
  for (let c = nextColon(0); c !== -1; ) {
    let ls = c;
    while (ls > 0 && c - ls <= 25 && text.charCodeAt(ls - 1) !== 10) ls--;
    if (ls === 0 || text.charCodeAt(ls - 1) === 10) {
      let q = ls;
      while (q < c && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
      const re = isUpper(text.charCodeAt(q)) ? SPEAKER : CASELESS_FIRST.test(text[q] ?? '') ? CASELESS_SPEAKER : undefined;
      if (re !== undefined) {
        re.lastIndex = ls;
        const m = re.exec(text);
        if (m !== null && ls + m[0].search(/[:：]/) === c) {
          const start = ls + m[0].indexOf(m[1]!);
          found.push({ start, end: start + m[1]!.length, lower: m[1]!.toLowerCase() });
        }
      }
    }
    const nl = text.indexOf('\n', c);
    c = nl === -1 ? -1 : nextColon(nl);
  }
  return found;
}
/** "张伟：text", "רותם: text": a label in a script without capitals, one or two words, then a colon (ASCII or full-width) and a message */
// (up to three words, a title and a name: "دکتر سمیرا احمدی:"; an emoji before the colon: "نیلوفر 🌸:")
const CASELESS_SPEAKER = /[ \t]{0,3}([\p{L}\p{M}]{1,12}(?:[ ][\p{L}\p{M}]{1,12}){0,2})(?:[ \t]*\p{Extended_Pictographic}\uFE0F?)*[ \t]*[:：](?:[ \t]*\S)/uy;
