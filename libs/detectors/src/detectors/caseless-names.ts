import type { Finding } from '../finding';
import { JA_FAMILY, KO_FAMILY, ZH_FAMILY } from './name-shapes';

/**
 * Person names in scripts without capitals (Arabic, Hebrew, Devanagari, Thai, Chinese, Japanese,
 * Korean), which the capitalised-run scan cannot see: a chat log's author, after the time stamp at
 * the line's start ("[09/05/2024, 10:14] فاطمة الكعبي: …", "[오전 9:12] 김민준: …", "09:03 นภัสสร: …"), in brackets
 * before the time in brackets ("[김민준] [오전 9:01] …") or alone on its line
 * before the time ("王芳 10:22"); the value of a name field ("الاسم: …", "이름: …", "姓名：…", "联系人：…", "담당자: …", "ชื่อ …");
 * and each of their words again elsewhere in the text ("شكراً فاطمة", "박지현 고객님"). The other
 * languages' names in such scripts are found by honorifics (name-shapes.ts, scriptNames).
 */

/** a word of those scripts, marks included */
const W =
  '[\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Devanagari}\\p{Script=Bengali}\\p{Script=Gurmukhi}\\p{Script=Gujarati}\\p{Script=Tamil}\\p{Script=Telugu}' +
  '\\p{Script=Kannada}\\p{Script=Malayalam}\\p{Script=Sinhala}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}\\p{Script=Ethiopic}' +
  '\\p{Script=Georgian}\\p{Script=Han}\\p{Script=Hangul}\\p{Script=Katakana}\\p{M}]{2,20}';
const NAME = `(${W}(?:[ \\t]${W}){0,3})`;
/** a time stamp opening a chat line: "[09/05/2024, 10:14]", "[오전 9:12]", "[10:05]", "3/6/24, 11:08 - " */
const STAMP = '(?:\\[[^\\]\\n]{3,40}\\]|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4},?[ \\t]+\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ \\t]?[AaPp][Mm])?[ \\t]+[-–]|\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ \\t]?[AaPp][Mm])?(?=[ \\t]))';
const SPEAKER = new RegExp(`^[ \\t]*${STAMP}[ \\t]*${NAME}[ \\t]*[:：]`, 'gmu');
/** KakaoTalk's copy: the author in brackets, then the time in brackets ("[김민준] [오전 9:01] 다들 …") */
const BRACKETED_AUTHOR = new RegExp(`^[ \\t]*\\[${NAME}\\][ \\t]*\\[[^\\]\\n]{0,20}\\d{1,2}:\\d{2}[^\\]\\n]{0,6}\\]`, 'gmu');
// (a date before the time too, as WeChat copies a message: "王建国 2024-06-03 20:15")
// (and a relation in brackets after the name, as WeChat's contact names have it: "张秀英（妈妈） 20:14")
const AUTHOR_TIME = new RegExp(`^[ \\t]*${NAME}(?:[ \\t]*[（(][^）)\\n]{1,8}[）)])?[ \\t]+(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}[ \\t]+)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ \\t]?[AaPp][Mm])?[ \\t]*$`, 'gmu');
/**
 * The labels of a name field: the word for "name" (with a word before it in the Indic scripts: "পিতার নাম",
 * "पिता का नाम", "மாணவர் பெயர்", a father's, a student's), a person's role in Chinese, Japanese or Korean
 * ("监护人", "被保険者氏名", "고객명", "상담원").
 */
const FIELD_LABEL =
  'الاسم|الإسم|اسم الموظف|اسم العميل|نام(?:[ \\t]+و[ \\t]+نام[ \\t]+خانوادگی|[ \\t]+(?:پدر|مادر|همسر))?|(?:(?:والد|والدہ|شوہر|بیوی|طالب علم|طالبہ|درخواست گزار|مریض|گاہک|سرپرست)[ \\t]+کا[ \\t]+)?نام|' +
  'שם מלא|שם|(?:(?:पिता|माता|पति|पत्नी|छात्र|छात्रा|विद्यार्थी|ग्राहक|मरीज|रोगी|आवेदक|कर्मचारी|अभिभावक|लाभार्थी)[ \\t]+(?:का|की|के)[ \\t]+)?नाम|' +
  '(?:(?:পিতার|মাতার|বাবার|মায়ের|স্বামীর|স্ত্রীর|শিক্ষার্থীর|ছাত্রের|ছাত্রীর|গ্রাহকের|রোগীর|আবেদনকারীর|অভিভাবকের)[ \\t]+)?নাম|' +
  '(?:(?:தந்தை|தாய்|கணவர்|மனைவி|மாணவர்|மாணவி|வாடிக்கையாளர்|நோயாளி|விண்ணப்பதாரர்)[ \\t]+)?பெயர்|' +
  'పేరు|નામ|ਨਾਮ|ಹೆಸರು|പേര്|නම|(?:ሙሉ[ \\t]+)?ስም|' +
  '이름|성명|고객명|환자명|학생명|보호자|상담원|신청인|수신인|\\p{Script=Han}{0,4}(?:姓名|氏名)|名前|监护人|監護人|家长|申请人|申請人|投保人|被保险人|持卡人|户名|戶名|开户名|' +
  '联系人|聯絡人|联络人|收件人|收货人|收款人|负责人|負責人|担当者|名義人|담당자|성함|예금주|ชื่อ-นามสกุล|ชื่อ';
/**
 * a name field's label, then a colon (or for Thai a blank) and the name, up to a separator, the line's
 * end, a gap before the next field ("姓名：林子涵", two ideographic spaces, "性别：女") or a relation in brackets ("林建国（父）")
 */
const FIELD = new RegExp(
  `(?:^|[\\n/|,;:：][ \\t]*)(?:${FIELD_LABEL})(?:[ \\t]*[:：][ \\t]*|[ \\t]+)${NAME}(?=[ \\t]*(?:$|[\\n/|,;،（(])|\\u3000|\\t|[ ]{2})`,
  'gmu',
);
/** a department's or a firm's last character ("财务部", "経理課", "某公司", "客服中心", "인사팀", "전산실", "고객센터") */
const ORG_END = /[部課课社室店局係系所院科組组班司心队隊团團行厅廳处處팀실터부과]$/u;
/** a placeholder, a group or an instruction in a person's field: "待定", "未定", "全体员工", "공통", "미정", "本人", "请签字", "해당없음", "ندارد" */
const NOT_PERSON = /^(?:待定|未定|待确认|全体|全体员工|全員|全员|本人|请签字|請簽字|配偶|공통|미정|미상|전체|본인|없음|해당없음|해당 없음|전원|챗봇|ندارد|نامعلوم|ہیں|नहीं|লাগু নয়)$/u;
/** a firm's, a bank's, a school's, a scheme's or a document's word in a name field's value: "北京字节跳动科技有限公司", "टाटा मोटर्स", "ঢাকা ব্যাংক লিমিটেড" */
const NOT_PERSON_WORD = /有限公司|公司|集团|集團|银行|銀行|电网|電網|股份|医院|學校|学校|주식회사|전자|은행|학교|병원|लिमिटेड|कंपनी|मोटर्स|योजना|स्कूल|कॉलेज|बैंक|লিমিটেড|ব্যাংক|স্কুল|কলেজ|বিদ্যালয়|பள்ளி|நிறுவனம்|கன்சல்டன்சி|லிமிடெட்|لمیٹڈ|کمپنی|بینک|سکول|رپورٹ|شرکت|بانک|مدرسه|شركة|بنك|مدرسة|መንገድ|ባንክ|ኩባንያ|ትምህርት ቤት/u;

/**
 * A person's name in a CJK role field or column (a contact, a person in charge, an account holder):
 * a Chinese or Korean name of its shape (authorLike), or a Japanese one with a common family name
 * first ("山田太郎", "佐藤 由美"); not a department, a firm or a placeholder.
 */
export function cjkPerson(name: string): boolean {
  if (ORG_END.test(name) || NOT_PERSON.test(name)) return false;
  if (authorLike(name) && !/[ \t]/.test(name)) return true;
  const compact = name.replace(/[ \t\u3000]+/g, '');
  return /^\p{Script=Han}{2,5}$|^\p{Script=Han}{1,3}\p{Script=Hiragana}{2,4}$/u.test(compact) && JA_FAMILY.some((f) => compact.startsWith(f) && compact.length > f.length);
}
/** the labels of a person by their role, whose value may be a department or a firm */
const ROLE_LABEL = /联系人|聯絡人|联络人|收件人|收货人|收款人|负责人|負責人|担当者|名義人|담당자|예금주/u;
/** a whole word of those scripts (and the letters of others glued to it, which make it no name's word) */
const WORD = /[\p{L}\p{M}]+/gu;
/** a letter or a mark: a word goes on */
const LETTER = /[\p{L}\p{M}]/u;
/** a Korean or Japanese honorific, then no letter: "서연씨", "田中さん" */
const HONORIFIC_START = /^(?:씨|님|さん|様)(?![\p{L}\p{M}])/u;
/** a Korean or Japanese honorific at a word's end */
const HONORIFIC_END = /(?:씨|님|さん|様)$/u;

function authorLike(name: string): boolean {
  if (/^\p{Script=Han}{2,3}$/u.test(name)) return ZH_FAMILY.includes(name[0]!);
  if (/^\p{Script=Hangul}{2,4}$/u.test(name)) return KO_FAMILY.includes(name[0]!);
  return /[ \t]/.test(name);
}

/** The names at `found` (0.8), and each word of `again` where it stands alone in the text (0.75). */
function pushAll(text: string, found: readonly [number, number][], again: ReadonlySet<string>, out: Finding[]): void {
  const seen = new Set<number>();
  const push = (start: number, end: number, confidence: number): void => {
    if (seen.has(start)) return;
    seen.add(start);
    out.push({ dataClass: 'personal_data', detector: 'person-name', start, end, confidence });
  };
  for (const [s, e] of found) push(s, e, 0.8);
  if (again.size === 0) return;
  // a few words: each found by indexOf (native, and most texts are long beside a chat's few authors); many: one pass over the text's words
  if (again.size <= 32) {
    for (const w of again) {
      for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + w.length)) {
        if (i > 0 && LETTER.test(text[i - 1]!)) continue;
        const after = text.slice(i + w.length, i + w.length + 3);
        if (LETTER.test(after[0] ?? '') && !HONORIFIC_START.test(after)) continue;
        push(i, i + w.length, 0.75);
      }
    }
    return;
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    // (a Korean or Japanese honorific after it: "서연씨", "田中さん")
    const w = HONORIFIC_END.test(m[0]) && again.has(m[0].replace(HONORIFIC_END, '')) ? m[0].replace(HONORIFIC_END, '') : m[0];
    if (again.has(w)) push(m.index, m.index + w.length, 0.75);
  }
}

export function caselessNames(text: string, out: Finding[]): void {
  const found: [number, number][] = [];
  for (const re of [SPEAKER, BRACKETED_AUTHOR, AUTHOR_TIME, FIELD]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const name = m[1]!;
      // a line of a schedule is as short ("签到 09:00", "회의 10:30"): alone before a time, a Chinese or Korean name starts with a family name, and one of another script has two words
      if (re === AUTHOR_TIME && !authorLike(name)) continue;
      // a contact's or recipient's field holds a department, a firm or a placeholder as often ("负责人：财务部", "联系人：前台", "담당자: 인사팀"):
      // there, a name of its shape only (cjkPerson)
      if (re === FIELD && ROLE_LABEL.test(m[0]) && !cjkPerson(name)) continue;
      // (any field: a placeholder, an instruction, a firm's or a school's name, "本人", "请签字", "北京…有限公司")
      // (a department's last character only in a role's field, above: a name may end in one, "李雨心")
      if (re === FIELD && (NOT_PERSON.test(name) || NOT_PERSON_WORD.test(name))) continue;
      const start = m.index + m[0].lastIndexOf(name);
      found.push([start, start + name.length]);
    }
  }
  if (found.length === 0) return;
  // their words again, as whole words ("شكراً فاطمة" after "فاطمة الكعبي:", "박지현 고객님"): one pass over the text's words
  const again = new Set<string>();
  for (const [s, e] of found) for (const w of text.slice(s, e).split(/[ \t]+/)) again.add(w);
  pushAll(text, found, again, out);
}
