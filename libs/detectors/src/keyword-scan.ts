import { HEALTH_TERM_WORDS } from './data/health-vocabulary';
import { ID_LABEL_WORDS } from './detectors/labelled-ids';
import { AhoCorasick, type AhoCorasickMatch } from './aho-corasick';
import { KeywordAutomaton } from './keyword-automaton';

/**
 * One case-insensitive pass over the text for every context word the built-in detectors use. The
 * result is an index of hit positions per kind; detectors ask it "is there a birth word within 40
 * characters?" by binary search instead of running a regex per candidate.
 */
const v = (...xs: string[]): string[] => xs;
/** expand "a b" into "a b", "a_b", "a-b" (and "ab" when `joined`) */
const seps = (w: string, joined = true): string[] => {
  const out = [w, w.replace(/ /g, '_'), w.replace(/ /g, '-')];
  if (joined) out.push(w.replace(/ /g, ''));
  return out;
};
const plural = (...ws: string[]): string[] => ws.flatMap((w) => [w, w + 's']);

/** Classification markings (lower case). */
export const MARKING_WORDS: readonly string[] = v(
  'strictly confidential', 'highly confidential', 'company confidential', 'business confidential', 'confidential', 'confidentiality notice',
  'internal use only', 'for internal use only', 'internal only', 'attorney-client privileged', 'attorney client privileged', 'attorney-client privilege',
  'attorney client privilege', 'attorney-client', 'attorney work product', 'privileged and confidential', 'privileged & confidential', 'privileged',
  'do not distribute', 'do not forward', 'do not share', 'do not copy', 'not for distribution', 'not for external distribution', 'not for public distribution',
  'trade secret', 'trade secrets', 'proprietary and confidential', 'proprietary & confidential', 'proprietary', 'restricted', 'top secret',
  'tlp:red', 'tlp:amber', 'tlp:amber+strict', 'tlp: red', 'tlp: amber',
  'private and confidential', 'private & confidential', 'personal and confidential', 'hr confidential', 'confidential hr', 'for your eyes only', 'eyes only',
  'not for external use',
  // the same stamps in other languages (words of everyday prose among them are WEAK in classification-marking-detector.ts)
  'vertraulich', 'streng vertraulich', 'nur für den internen gebrauch', 'nur zum internen gebrauch', 'nur für den dienstgebrauch', 'geheim',
  'confidentiel', 'confidentielle', 'strictement confidentiel', 'strictement confidentielle', 'diffusion restreinte', 'usage interne', 'à usage interne',
  'ne pas diffuser', 'confidencial', 'estrictamente confidencial', 'estritamente confidencial', 'uso interno', 'solo para uso interno', 'sólo para uso interno',
  'só para uso interno', 'reservado', 'sigiloso', 'no distribuir', 'não divulgar', 'não distribuir', 'riservato', 'riservata', 'riservatissimo',
  'strettamente riservato', 'strettamente riservata', 'confidenziale', 'strettamente confidenziale', 'ad uso interno', 'non divulgare', 'non diffondere',
  'vertrouwelijk', 'strikt vertrouwelijk', 'zeer vertrouwelijk', 'intern gebruik', 'alleen voor intern gebruik', 'niet verspreiden',
  'poufne', 'poufny', 'poufna', 'ściśle poufne', 'tajne', 'ściśle tajne', 'do użytku wewnętrznego', 'tylko do użytku wewnętrznego', 'nie rozpowszechniać',
  'důvěrné', 'přísně důvěrné', 'tajné', 'přísně tajné', 'pouze pro interní potřebu', 'pouze pro vnitřní potřebu', 'dôverné', 'prísne dôverné',
  'konfidentiellt', 'konfidentiell', 'strikt konfidentiellt', 'sekretessbelagd', 'hemligt', 'endast för internt bruk', 'fortroligt', 'fortrolig',
  'strengt fortroligt', 'strengt fortrolig', 'kun til intern brug', 'kun til internt bruk', 'konfidensielt', 'konfidensiell', 'strengt konfidensielt',
  'unntatt offentlighet', 'luottamuksellinen', 'ehdottoman luottamuksellinen', 'salainen', 'vain sisäiseen käyttöön', 'bizalmas', 'szigorúan bizalmas',
  'titkos', 'csak belső használatra', 'belső használatra', 'confidențial', 'confidenţial', 'strict confidențial', 'strict confidenţial', 'uz intern',
  'doar pentru uz intern', 'gizlidir', 'çok gizli', 'hizmete özel', 'sadece dahili kullanım için',
  'εμπιστευτικό', 'εμπιστευτικο', 'αυστηρά εμπιστευτικό', 'αυστηρα εμπιστευτικο', 'απόρρητο', 'απορρητο', 'άκρως απόρρητο', 'ακρως απορρητο',
  'για εσωτερική χρήση', 'για εσωτερικη χρηση', 'конфиденциально', 'строго конфиденциально', 'для служебного пользования', 'секретно',
  'совершенно секретно', 'коммерческая тайна', 'для внутреннего использования', 'только для внутреннего использования', 'не для распространения',
  'конфіденційно', 'строго конфіденційно', 'для службового користування', 'таємно', 'цілком таємно', 'комерційна таємниця', 'для внутрішнього використання',
  'поверително', 'строго поверително', 'за служебно ползване', 'povjerljivo', 'poverljivo', 'strogo povjerljivo', 'strogo poverljivo', 'zaupno', 'strogo zaupno',
  'konfidencialu', 'konfidenciāli', 'konfidentsiaalne', 'asutusesiseseks kasutamiseks', 'rahasia', 'sangat rahasia', 'rahsia', 'sulit dan persendirian',
  'hanya untuk internal', 'tối mật', 'tuyệt mật', 'tài liệu mật', 'lưu hành nội bộ', 'chỉ dùng nội bộ', 'bảo mật', 'nội bộ', 'kumpidensyal', 'kompidensyal',
  'ลับ', 'ลับมาก', 'ลับที่สุด', 'ปกปิด', 'ใช้ภายในเท่านั้น', 'เอกสารภายใน', 'गोपनीय', 'अति गोपनीय', 'केवल आंतरिक उपयोग के लिए', 'सीक्रेट',
  'سري', 'سري للغاية', 'سري جدا', 'سرّي', 'للاستخدام الداخلي', 'للاستخدام الداخلي فقط', 'خاص وسري', 'סודי', 'סודי ביותר', 'חסוי', 'לשימוש פנימי',
  'לשימוש פנימי בלבד', '社外秘', '極秘', '機密', '部外秘', '関係者外秘', '取扱注意', '社内限り', '厳秘', '机密', '绝密', '絕密', '内部资料', '內部資料',
  '内部文件', '严禁外传', '嚴禁外傳', '仅限内部使用', '僅限內部使用', '商业秘密', '商業秘密', '대외비', '기밀', '극비', '사내한정', '사내 한정', '내부용',
);

/**
 * Context words per kind (lower case, whole words; '_' and '-' separate words). One automaton
 * finds them all in a single pass; detectors then ask "is there a birth word within 40 chars?".
 */
/** the multi-word labels of a list also with '_' and '-' between their words, as a table's header writes them ("data_urodzenia") */
const headerForms = (xs: string[]): string[] => [...new Set(xs.flatMap((x) => (x.includes(' ') ? seps(x, false) : [x])))];

const KINDS = {
  aws: v('aws', ...seps('secret access key', true), 'aws_secret_access_key', 'aws_secret_key'),
  passkey: v('pass', 'password', 'passwd', 'passphrase', 'pwd', 'pw', 'passwort', 'kennwort', 'mot de passe', 'contraseña', 'passwords',
    // the word in more languages, with its common cases and articles
    'пароль', 'пароля', 'паролем', 'heslo', 'hesla', 'heslem', 'hasło', 'hasła', 'haslo', 'passord', 'passordet', 'lösenord', 'lösenordet', 'adgangskode', 'kodeord',
    'salasana', 'şifre', 'şifresi', 'şifrem', 'sifre', 'sifresi', 'parolă', 'parolei', 'wachtwoord', 'senha', 'kata sandi', 'mật khẩu', 'jelszó', 'jelszava',
    'κωδικός', 'κωδικός πρόσβασης', 'lozinka', 'lozinku', 'geslo', 'كلمة المرور', 'كلمة السر', 'パスワード', '密码', '密碼', '비밀번호'),
  secret: v(
    'secret', 'key', 'hmac', 'salt', 'secrets', 'token', 'tokens', ...plural(...seps('api key'), ...seps('access key'), ...seps('client secret'), ...seps('private key'), ...seps('signing key')),
    'auth', 'authorization', 'bearer', 'basic', 'credential', 'credentials', ...seps('account key'), ...seps('shared access key'), 'sas token', 'sig',
    ...seps('client id secret'), ...seps('app secret'), ...seps('master key'), ...seps('encryption key'),
  ),
  birth: headerForms(v('dob', 'd.o.b', 'd.o.b.', 'born', ...seps('date of birth'), ...seps('birth date', false), 'birthdate', 'birthday', 'geburtsdatum', 'geb.', 'geboren', 'date de naissance', 'né le', 'née le', 'ne le', 'nee le', 'fecha de nacimiento',
    // the same label and "born" in the languages of the other national ids: Portuguese, Spanish, Italian, Dutch, Polish, Czech, Slovak,
    // Swedish, Danish, Norwegian, Finnish, Hungarian, Croatian, Romanian, Turkish, Greek, Russian, Ukrainian, Indonesian, Vietnamese
    'né(e) le', 'né(e)', 'date de naiss.', 'data de nascimento', 'nascido em', 'nascida em', 'nascido a', 'nascida a', 'nació el', 'nacido el', 'nacida el', 'f. de nacimiento', 'fecha nacimiento',
    'data di nascita', 'nato il', 'nata il', 'nato a', 'nata a', 'geboortedatum', 'geboren op', 'geb. datum', 'data urodzenia', 'urodzony', 'urodzona',
    'urodził się', 'urodziła się', 'datum narození', 'narozen', 'narozena', 'dátum narodenia', 'narodený', 'narodená', 'födelsedatum', 'född', 'fødselsdato',
    'født', 'syntymäaika', 'syntynyt', 'születési idő', 'születési dátum', 'született', 'datum rođenja', 'rođen', 'rođena', 'data nașterii', 'data nasterii',
    'data naşterii', 'născut', 'născută', 'nascut', 'nascuta', 'doğum tarihi', 'dogum tarihi', 'ημερομηνία γέννησης', 'ημ. γέννησης', 'γεννήθηκε', 'дата рождения',
    'родился', 'родилась', 'дата народження', 'народився', 'народилася', 'tanggal lahir', 'tgl lahir', 'tgl. lahir', 'lahir', 'ngày sinh', 'sinh ngày',
    // abbreviations ("ur. 23.09.1979", Turkish "d.t.", "1962 р. н.", "1985 г.р."), Bulgarian, Icelandic, Malay, Tagalog, Hindi, Arabic, Korean, Japanese, Chinese, Thai
    'ur.', 'd.t.', 'р. н.', 'р.н.', 'г.р.', 'г. р.', 'nasc.', 'дата на раждане', 'роден', 'родена', 'fæðingardagur', 'fæddur', 'fædd',
    'tarikh lahir', 'petsa ng kapanganakan', 'janm tithi', 'जन्म तिथि', 'تاريخ الميلاد', 'تاريخ الولادة', '생년월일', '生年月日', '出生日期', '出生年月日',
    'วันเกิด', 'วันเดือนปีเกิด', 'szül.', 'szül', 'תאריך לידה', 'נולד', 'נולדה', 'נולד ב', 'tarehe ya kuzaliwa', 'alizaliwa',
    // Persian, Urdu, Bengali, Greek's "born" abbreviated, Catalan
    'تاریخ تولد', 'تاريخ تولد', 'تاریخ پیدائش', 'تاريخ پیدائش', 'জন্ম তারিখ', 'জন্মতারিখ', 'γεν.', 'data de naixement',
    // Tamil, Telugu, Nepali, Marathi, Gujarati, Punjabi, Kannada, Malayalam, Amharic, Zulu, Xhosa, a Spanish short form, Tagalog's "born on"
    'பிறந்த தேதி', 'పుట్టిన తేదీ', 'जन्म मिति', 'जन्म दिनांक', 'जन्मतारीख', 'જન્મ તારીખ', 'ਜਨਮ ਮਿਤੀ', 'ಜನ್ಮ ದಿನಾಂಕ', 'ജനന തീയതി', 'የትውልድ ቀን',
    'usuku lokuzalwa', 'umhla wokuzalwa', 'fecha de nac.', 'fecha de nac', 'ipinanganak noong')),
  ssn: v('ssn', 'ss#', 'social security', 'social security number', 'social security no', 'soc sec', 'soc. sec'),
  nino: v('national insurance', 'national insurance number', 'national insurance no', 'nino', 'ni number', 'ni no', 'ni no.'),
  /** a bare "NI" (or "N.I."): read only right before a National Insurance number (uk-nino-detector.ts) */
  ni: v('ni', 'n.i', 'n.i.'),
  /** digits spelled in words: where the deobfuscated view's spelled-digit pass starts (not "o", which is read only inside a run) */
  digitword: v('zero', 'oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'double', 'triple'),
  passport: v('passport', 'reisepass', 'passeport', 'pasaporte', 'passaporto', 'passaporte', 'paspoort', 'paszport', 'pasaport', 'passi', 'паспорт', 'паспорта', 'διαβατήριο',
    // (and a residence permit, which carries a number of the same shape: the UK's BRP "ZU1284760")
    'brp', 'biometric residence permit', 'residence permit', 'aufenthaltstitel', 'titre de séjour', 'permesso di soggiorno', 'permiso de residencia'),
  itin: v('itin', 'taxpayer identification'),
  sin: v('sin', 'social insurance', 'assurance sociale', 'nas'),
  aadhaar: v('aadhaar', 'aadhar', 'uidai', 'आधार', 'आधार संख्या', 'आधार नंबर', 'ஆதார்', 'ఆధార్', 'আধার', 'આધાર', 'ਆਧਾਰ', 'ಆಧಾರ್', 'ആധാർ'),
  steuer: v('steuer-id', 'steuerid', 'steueridentifikationsnummer', 'identifikationsnummer', 'steuer-nr', 'steuernummer', 'idnr', 'tax id'),
  routing: v('routing', 'aba', 'rtn', 'transit'),
  ifsc: v('ifsc', 'ifsc code', 'ifsc no'),
  bik: v('бик', 'bik'),
  /** retail banks' names: a long number right after one is an account number (bank-account-detector.ts) */
  bankname: v(
    'vietcombank', 'techcombank', 'vietinbank', 'agribank', 'vpbank', 'mbbank', 'sacombank', 'tpbank', 'bank bca', 'bank bri', 'bank bni', 'bank mandiri',
    'cimb', 'maybank', 'dnb', 'nordea', 'swedbank', 'handelsbanken', 'danske bank', 'sberbank', 'сбербанк', 'тинькофф', 'hdfc bank', 'icici bank',
    'axis bank', 'kotak mahindra', 'ziraat', 'akbank', 'yapı kredi', 'iş bankası', 'halkbank', 'vakıfbank', 'pko bp', 'mbank', 'pekao', 'caixabank',
    'itaú', 'itau', 'bradesco', 'banco do brasil', 'nubank', 'wells fargo', 'bank of america', 'citibank', 'frost bank', 'monzo', 'revolut', 'commerzbank',
    'deutsche bank', 'sparkasse', 'rabobank', 'abn amro', 'landsbankinn', 'íslandsbanki', 'metrobank', 'al rajhi', 'الراجحي', 'emirates nbd',
    // and more of the banks people are paid into: the UK, Canada, the US, Indonesia, Singapore, Korea, Israel
    'barclays', 'lloyds bank', 'natwest', 'hsbc', 'td canada trust', 'scotiabank', 'chase bank', 'bca', 'bri', 'bni', 'mandiri',
    'bank bsi', 'permata', 'danamon', 'cimb niaga', 'ocbc', 'uob', 'posb', '국민은행', '신한은행', '우리은행', '하나은행', '농협', '농협은행', '카카오뱅크',
    '기업은행', 'ibk기업은행', '토스뱅크', 'בנק לאומי', 'בנק הפועלים', 'הפועלים', 'דיסקונט', 'กสิกร', 'กสิกรไทย', 'ไทยพาณิชย์', 'กรุงไทย', 'กรุงศรี',
    'ทหารไทย', 'ทีเอ็มบี',
  ),
  swift: v('swift', 'bic'),
  card: v('card', 'cards', 'visa', 'mastercard', 'amex', 'american express', 'credit', 'debit', 'cvv', 'cvc', 'expiry', 'expires', 'expiration', 'exp', 'exp.', 'payment',
    // the national schemes' names and the word for a card in the languages of the corpora
    'elo', 'hipercard', 'rupay', 'verve', 'dankort', 'humo', 'uzcard', 'discover', 'jcb', 'unionpay', 'maestro', 'cartão', 'cartao', 'tarjeta', 'carte', 'karte', 'kreditkarte',
    'carta', 'karta', 'kort', 'kortti', 'kart', 'карта', 'картка', 'κάρτα', '卡号', '银行卡', '信用卡', 'カード', '카드'),
  phone: v(
    'phone', 'tel', 'tel.', 'telephone', 'mobile', 'cell', 'call', 'fax', 'whatsapp', 'contact', 'reach', 'ph', 'mob', 'téléphone', 'telefon', 'handy', 'sms', 'text me',
    'tél', 'tél.', 'portable', 'numéro', 'teléfono', 'telefono', 'móvil', 'movil', 'celular', 'llamo', 'llamar', 'llámame', 'llama', 'cellulare', 'chiamami',
    'telefone', 'telemóvel', 'ligue', 'telefoon', 'mobiel', 'bel', 'rufnummer', 'mobil', 'ruf', 'tlf', 'puhelin', 'telefonnummer', 'numer', 'komórka', 'landline',
    'desk', 'answering', 'dial', 'ring me', 'liga', 'ligar', 'me liga', 'fone', 'zap', 'volejte', 'zavolejte',
    // and their cases and abbreviations in Polish, Czech, Spanish, Greek, Russian, Ukrainian, Turkish, Indonesian and Vietnamese
    'numerem', 'telefonu', 'telefonem', 'mobilu', 'mobilem', 'cel', 'cel.', 'tfno', 'tlfno', 'τηλ', 'τηλ.', 'τηλέφωνο',
    'τηλεφωνήστε', 'κινητό', 'телефон', 'телефону', 'тел', 'тел.', 'моб', 'моб.', 'мобильный', 'мобільний', 'телефонуйте', 'cep',
    'gsm', 'telp', 'telp.', 'no. hp', 'no hp', 'điện thoại', 'sđt', 'đt', 'móvel', 'celu', 'cell.', 'ph.',
    // Icelandic, Danish MobilePay, Chinese, Japanese, Korean
    'sími', 'simi', 'farsími', 'mobilepay', '手机', '手機', '电话', '電話', '電話番号', '携帯', '携帯電話', '휴대폰', '전화', '전화번호', '연락처',
    'τηλέφωνο', 'τηλέφωνό', 'τηλ', 'τηλ.', 'κινητό', 'телефон', 'тел', 'тел.', 'мобильный',
    // the verbs of calling and the words for a number to call in more languages ("márcame al …", "proszę dzwonić: …", "ring mig på …")
    'márcame', 'marcar', 'dzwonić', 'zadzwoń', 'zadzwonić', 'tel. kom.', 'kom.', 'chiamami al', 'anrufen',
    'appelle', 'appelez', 'appeler', 'joindre', 'bellen', 'bel me', 'ring mig', 'ring til', 'soita', 'soittaa', 'hívj', 'hívjon', 'telefonszám',
    'mobilszám', 'arayın', 'numaram', 'позвоните', 'позвони', 'звоните', 'номер телефона', 'зателефонуй', 'подзвоніть',
    'เบอร์โทร', 'โทรศัพท์', 'เบอร์โทรศัพท์', 'मोबाइल', 'फोन', 'फ़ोन', 'संपर्क', 'هاتف', 'جوال', 'موبايل', 'טלפון', 'נייד', 'simu', 'nambari ya simu',
    'numéro de téléphone', 'número de teléfono', 'numero di telefono', 'telefonnummer', 'tel.nr', 'tel. nr', 'tlf.', 'mob.',
    'kontakt', 'kontaktnummer', 'telefonnr', 'handynummer', '☎', '📞', '📱',
  ),
  health: v(
    'patient', 'patients', 'diagnosis', 'diagnoses', 'diagnosed', 'prescribed', 'prescription', 'symptom', 'symptoms', 'clinic', 'clinical', 'medication',
    'medications', 'medical', 'dosage', 'dose', 'doses', 'treatment', 'therapy', 'physician', 'hospital', 'icd', 'icd-10', 'mg', 'mcg', 'ml', 'tablet', 'tablets',
    'daily', 'b.i.d', 't.i.d', 'q.d', 'prn', 'chart', 'discharge', 'admitted', 'referral', 'history of', 'allergy', 'allergies', 'blood pressure', 'lab', 'labs',
    'biopsy', 'oncology', 'cardiology', 'psychiatry', 'psychiatric', 'psychiatrist', 'nurse', 'doctor', 'dr.',
    'therapist', 'counselor', 'counsellor', 'psychologist', 'pharmacist', 'prescriptions', 'clinic visit',
    'dx', 'rx', 'hx', 'pt', 'y/o', 'yo', 'qd', 'bid', 'tid', 'qid', 'inhaler', 'presents with', 'presented with', 'denies', 'complains of', 'follow-up', 'follow up',
  ),
  /** a diagnosis's word in many languages: a code set apart after it is an ICD-10 code (health-detector.ts) */
  diagnosis: v(
    'diagnosis', 'diagnoses', 'diagnose', 'diagnosen', 'diagnosi', 'diagnostico', 'diagnóstico', 'diagnósticos', 'diagnostic', 'diagnostique', 'diagnostik',
    'diagnoza', 'diagnozy', 'diagnóza', 'diagnózis', 'diagnoos', 'diagnoosi', 'diagnos', 'diagnosa', 'tanı', 'tanısı', 'teşhis', 'teşhisi', 'діагноз',
    'діагнозом', 'диагноз', 'диагнозом', 'диагноза', 'אבחנה', 'אבחון', 'निदान', '诊断', '診断', '진단', '진단명', 'chẩn đoán', 'วินิจฉัย', 'การวินิจฉัย',
    'uchunguzi', 'utambuzi', 'icd', 'icd-10', 'icd10', 'mkb-10', 'мкб', 'мкб-10', 'cid-10', 'cie-10', 'cim-10',
  ),
  /** a treatment's and a medication's label in many languages (health-detector.ts reads the field's value in a clinical text) */
  treatment: v(
    'therapy', 'therapie', 'terapia', 'thérapie', 'traitement', 'tratamiento', 'tratamento', 'behandlung', 'behandeling', 'behandling', 'hoito', 'kezelés',
    'leczenie', 'léčba', 'лечение', 'лікування', 'tedavi', 'טיפול', 'उपचार', 'इलाज', '治疗', '治療', '치료', 'điều trị', 'matibabu', 'pengobatan',
  ),
  medicationlabel: v(
    'medication', 'medications', 'medikation', 'medikamente', 'medicación', 'medicamentos', 'médicaments', 'medicamenti', 'farmaci', 'leki', 'лекарства',
    'препараты', 'ліки', 'ilaçlar', 'תרופות', 'दवाइयाँ', 'दवाएं', 'दवाइयां', '药物', '用药', '薬', '処方', '약물', '처방', 'thuốc', 'dawa', 'obat', 'medicatie', 'mediciner', 'lääkitys', 'gyógyszerek',
  ),
  /** the labels of a table's health column ("diagnosis", "Diagnose", "病名") and of an absence table's reason column ("Grund", "motivo") */
  healthcolumn: headerForms(v(
    'diagnosis', 'diagnoses', 'dx', 'condition', 'conditions', 'medical condition', 'medical conditions', 'health condition', 'health conditions', 'illness',
    'disease', 'diseases', 'illnesses', 'medication', 'medications', 'allergies', 'allergy', 'medical notes', 'health notes', 'reason', 'absence reason', 'sickness reason',
    'sick leave reason', 'cause', 'abwesenheitsgrund',
    'diagnose', 'diagnosen', 'krankheit', 'erkrankung', 'grund', 'diagnostic', 'maladie', 'pathologie', 'motif', 'diagnóstico', 'diagnostico', 'enfermedad',
    'padecimiento', 'motivo', 'causa', 'diagnosi', 'malattia', 'patologia', 'doença', 'rozpoznanie', 'choroba', 'powód', 'diagnóza', 'nemoc', 'důvod', 'diagnos',
    'sjukdom', 'orsak', 'årsak', 'tanı', 'teşhis', 'hastalık', 'sebep', 'neden', 'диагноз', 'заболевание', 'причина', 'διάγνωση', 'ασθένεια', 'αιτία', 'diagnosa',
    'penyakit', 'alasan', 'chẩn đoán', 'bệnh', 'lý do', '诊断', '診断', '病名', '傷病名', '病因', '原因', '진단', '진단명', '병명', '사유', 'التشخيص', 'المرض', 'سبب',
    'אבחנה', 'סיבה', 'निदान', 'बीमारी', 'การวินิจฉัย', 'โรค', 'สาเหตุ',
  )),
  /** lay health verbs: a condition or treatment after them, with a person reference, is health data about someone */
  lay: v(
    'undergoing', 'diagnosed', 'suffering', 'suffers', 'suffered', 'recovering', 'recovery', 'treated', 'battling', 'living with', 'struggling with',
    'signed off', 'off sick', 'sick leave', 'sick note', 'medical leave', 'hospitalised', 'hospitalized', 'in hospital', 'had a', 'has a', 'have a',
    'taking', 'takes', 'been on', 'put in', 'waiting for', 'scheduled for', 'booked for', 'since her', 'since his', 'since my', 'after her', 'after his',
    'after my', 'is on', 'was on', "he's on", "she's on", 'went on', 'put on',
  ),
  ip: v('ip', 'ipv4', 'ipv6', 'address', 'host', 'server', 'client', 'from', 'login', 'source', 'remote', 'src', 'dst', 'peer', 'addr'),
  account: v(
    'account', 'account number', 'account no', 'account no.', 'account #', 'acct', 'acct no', 'acct.', 'a/c', 'bank account', 'checking account',
    'savings account', 'kontonummer', 'konto', 'sort code', 'bsb', 'numéro de compte', 'número de cuenta',
    // in more languages: Polish, Czech, Swedish, Dutch, Italian, Portuguese, Romanian, Turkish, Russian, Ukrainian, Indonesian, Vietnamese
    'numer konta', 'nr konta', 'numer rachunku', 'nr rachunku', 'numer rachunku bankowego', 'číslo účtu', 'bankkonto', 'clearing', 'clearingnummer',
    'rekeningnummer', 'rekening', 'conto corrente', 'numero di conto', 'número da conta', 'conta corrente', 'cont bancar', 'hesap no', 'hesap numarası',
    'hesap numarasi', 'расчётный счёт', 'расчетный счет', 'номер счёта', 'номер счета', 'номер рахунку', 'no. rekening', 'no rekening', 'tài khoản', 'số tài khoản',
    // Swedish and Norwegian abbreviations, Icelandic, Finnish, Hungarian, Greek, Russian, Malay and Arabic
    'clearingnr', 'clearingnr.', 'kontonr', 'kontonr.', 'konto nr', 'konto nr.', 'reikningsnúmer', 'tilinumero', 'számlaszám', 'bankszámlaszám',
    'αριθμός λογαριασμού', 'р/с', 'р/сч', 'л/с', 'akaun', 'no. akaun', 'nombor akaun', 'رقم الحساب',
    // Mexico's CLABE and Argentina's CBU/CVU (their check digits are checked), Brazil's branch and account, Japanese, Korean, Chinese, Hebrew
    'clabe', 'cbu', 'cvu', 'nro de cuenta', 'n° de cuenta', 'número de conta', '口座番号', '口座', '계좌', '계좌번호', '账号', '帐号',
    '银行账号', '銀行帳號', 'מספר חשבון',
    // Hindi, Hebrew, Swahili, Thai, Danish and Norwegian forms
    'बैंक खाता', 'खाता संख्या', 'खाता नंबर', 'खाता', 'חשבון בנק', 'akaunti', 'akaunti ya benki', 'nambari ya akaunti', 'เลขที่บัญชี', 'เลขบัญชี',
    'reg.nr.', 'reg. nr.', 'regnr', 'reg.nr',
    // Czech and Slovak
    'bankovní účet', 'bankovni ucet', 'bankový účet', 'číslo bankovního účtu', 'č. ú.', 'č.ú.', 'č. účtu',
  ),
  /** an account's words that are everyday words too ("sort", "checking", "普通"): an account only with the number right after */
  accountshort: v('acc', 'acc.', 'acc no', 'acc no.', 'sort', '普通', '普通預金', '当座', 'חשבון', 'conta', 'checking', 'savings', 'účet', 'ucet'),
  /** a spreadsheet's account column written in one word ("BankAccount", "AccountNumber"): read as a table's header only */
  accountcolumn: v('bankaccount', 'accountnumber', 'accountno', 'acctno', 'bankaccountnumber', 'kontonr', 'clearing', 'conta', 'agencia', 'agência', 'cuenta'),
  dni: v('dni', 'd.n.i', 'nie', 'nif', 'documento nacional', 'documento de identidad'),
  cli: v('curl', 'wget', 'mysql', 'mysqldump', 'mariadb', 'sshpass', 'svn', 'lftp'),
  marking: MARKING_WORDS,
  /** the label of a postal address, in the languages of the other labels (street-address-labelled.ts) */
  addrlabel: v('address', 'home address', 'postal address', 'mailing address', 'residential address', 'street address', 'current address', 'permanent address',
    'adres', 'adresse', 'anschrift', 'wohnanschrift', 'wohnadresse', 'privatanschrift', 'dirección', 'direccion', 'domicilio', 'endereço', 'endereco', 'morada',
    'indirizzo', 'residenza', 'adresa', 'adresă', 'domiciliu', 'osoite', 'lakcím', 'cím', 'adress', 'postadress', 'bostadsadress', 'woonadres', 'διεύθυνση',
    'адрес', 'адреса', 'адрес регистрации', 'место жительства', 'alamat', 'alamat rumah', 'địa chỉ', 'adresi', 'ev adresi',
    // more forms of the same, and the labels of Czech, Slovak, Icelandic, Danish and Norwegian forms, Chinese, Japanese, Korean and Arabic
    'adresimiz', 'adresim', 'địa chỉ thường trú', 'địa chỉ tạm trú', 'địa chỉ nhà', 'trvalý pobyt', 'trvalé bydliště', 'bydliště', 'trvalé bydlisko', 'adresa trvalého pobytu',
    'adres zamieszkania', 'adres korespondencyjny', 'heimilisfang', 'leveringsadresse', 'bopæl', 'hjemmeadresse', 'postadresse', 'boligadresse', 'dirección de entrega',
    '住所', '地址', '住址', '주소', 'العنوان', 'عنوان', 'العنوان الوطني', 'عنوان السكن',
    // Hindi, Hebrew, Swahili, Tagalog, Japanese forms, Chinese
    'पता', 'वर्तमान पता', 'स्थायी पता', 'כתובת', 'כתובת מגורים', 'anwani', 'anuani', 'tirahan', '現住所', '居住地', '家庭住址', '联系地址', '收货地址', '通讯地址',
    // Persian, Urdu, Bengali, Thai
    'نشانی', 'آدرس', 'پتہ', 'ঠিকানা', 'বর্তমান ঠিকানা', 'স্থায়ী ঠিকানা', 'ที่อยู่', 'ที่อยู่ปัจจุบัน'),
  street: v(
    'street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'drive', 'dr', 'lane', 'ln', 'court', 'ct', 'place', 'pl', 'way', 'terrace',
    'parkway', 'pkwy', 'highway', 'hwy', 'square', 'sq', 'close', 'crescent', 'circle', 'cir', 'trail', 'row', 'gardens', 'mews', 'loop', 'plaza',
    'alley', 'pike', 'turnpike', 'expressway', 'freeway', 'grove', 'parade', 'esplanade', 'str', 'box', 'rue', 'boulevard', 'chemin', 'allée', 'impasse', 'quai', 'cours',
    'calle', 'avenida', 'av', 'av.', 'avda', 'avda.', 'alameda', 'estrada', 'rodovia', 'praça', 'paseo', 'plaza', 'carrer', 'rua', 'travessa', 'via', 'viale', 'piazza', 'corso', 'largo', 'ulica', 'ul.', 'strada', 'calea', 'avinguda',
    'οδός', 'λεωφόρος', 'πλατεία',
    'apt', 'apartment', 'suite', 'flat', 'corner',
  ),
  creative: v(
    '©', '(c)', 'copyright', 'all rights reserved', 'chapter', 'verse', 'chorus', 'pre-chorus', 'bridge', 'outro', 'intro', 'hook', 'refrain', 'draft',
    'act i', 'act ii', 'act iii', 'act iv', 'act v', 'scene', 'prologue', 'epilogue', 'fade in', 'fade out', 'int.', 'ext.', 'working title',
    'manuscript', 'lyrics by', 'words and music by', 'unpublished',
  ),
  /**
   * words after which a name typed in lower case in a short text is read (person-name-detector.ts
   * cuedLowerCaseNames; "call" is a phone word and found there)
   */
  personcue: v(
    'ask', 'asked', 'tell', 'told', 'ping', 'pinged', 'remind', 'reminded', 'invite', 'invited', 'introduce', 'thank', 'thanks', 'cc', 'hi', 'hello', 'hey',
    'dear', 'email', 'e-mail', 'emailed', 'forward', 'forwarded',
  ),
  /** the words of a name field's label or key ("first_name" is two words): see name-fields.ts */
  namefield: v(
    'name', 'names', 'nom', 'nome', 'nombre', 'naam', 'surname', 'surnames', 'firstname', 'lastname', 'fullname', 'givenname', 'familyname', 'forename',
    'forenames', 'middlename', 'maidenname', 'displayname', 'holder', 'cardholder', 'accountholder', 'beneficiary', 'vorname', 'nachname', 'familienname',
    'cognome', 'sobrenome', 'voornaam', 'achternaam', 'apellido', 'apellidos', 'prénom', 'prenom', 'nazwisko', 'imię', 'imie',
    // and in more languages and scripts, the column of a table or a form's field ("ФИО", "Họ tên", "Ad Soyad", "姓名")
    'фио', 'ф.и.о', 'ф.и.о.', 'фамилия', 'имя', 'прізвище', 'піб', 'họ tên', 'họ và tên', 'ονοματεπώνυμο', 'όνομα', 'ad soyad', 'adı soyadı', 'adi soyadi', 'isim',
    'nama lengkap', 'nama', 'nimi', 'sukunimi', 'etunimi', 'namn', 'efternamn', 'förnamn', 'navn', 'etternavn', 'fornavn', 'efternavn', 'név', 'vezetéknév',
    'keresztnév', 'jméno', 'příjmení', 'meno', 'nome completo', 'nombre completo', 'الاسم', '이름', '성명', '姓名', '氏名', '名前', 'ชื่อ',
    'フリガナ', 'ふりがな', '联系人', '聯絡人', '联络人', '收件人', '收货人', '收款人', '负责人', '負責人', '担当者', '名義人', '담당자', '성함', '예금주',
    // a column or key named for a person's role (name-fields.ts: its value needs a listed name)
    'employee', 'staff', 'customer', 'tenant', 'member', 'student', 'guest', 'applicant', 'candidate', 'owner', 'assignee', 'attendee', 'participant',
    'passenger', 'requester', 'requestor', 'reporter', 'approver', 'reviewer', 'mitarbeiter', 'kunde', 'empleado', 'employé', 'salarié', 'dipendente',
    'funcionário', 'medewerker', 'klant', 'pracownik', 'contact', 'contact person', 'ansprechpartner', 'ansprechperson', 'kontaktperson', 'contacto', 'referente',
    'nume', 'prenume',
  ),
  /** a table's column of ids whose own words are in no other kind (national-id-detector.ts): "TaxID", "National ID" */
  idcolumn: v(
    'taxid', 'tin', 'tax number', 'tax no', 'tax_no', 'nationalid', 'national id', 'national_id', 'national id number', 'idnumber', 'id_number',
    'personal id', 'personalid', 'government id', 'govid', 'id card', 'idcard', 'curp', 'rfc',
    // as a column's label only: India's PAN, France's "N° SS", a Spanish "dni_nie", a passport column in Cyrillic
    'pan', 'pan no', 'pan number', 'n° ss', 'nº ss', 'no ss', 'n° sécu', 'num secu', 'dni_nie', 'nie_nif', 'паспорт', 'паспорта',
  ),
  /** a Japanese honorific after a name and its hyphen ("Sato-san"; name-shapes.ts checks the hyphen) */
  honorsuffix: v('san', 'sama', 'kun', 'chan', 'sensei', 'senpai', 'dono'),
  /** words saying a value is written backwards (deobfuscation-runs.ts, saidBackwards) */
  backwards: v('backwards', 'backward', 'reversed', 'in reverse', 'rückwärts', 'al revés', "à l'envers", 'al contrario'),
  /** a Czech or Slovak birth number's words; an Indian PAN's (intl-id-detector.ts) */
  rodne: v('rodné číslo', 'rodne cislo', 'rodného čísla', 'rodneho cisla', 'rodné č.', 'r.č.', 'r. č.', 'rč', 'birth number', 'birth no'),
  pan: v('pan', 'pan card', 'pan no', 'pan number', 'permanent account number', 'पैन', 'पैन कार्ड', 'पैन नंबर'),
  // national identity and health numbers (intl-id-detector.ts)
  nhs: v('nhs', 'nhs number', 'nhs no', 'nhs no.', 'nhs #', 'chi', 'chi number', 'chi no', 'health and care number', 'hcn'),
  nir: v('nir', 'sécurité sociale', 'securite sociale', 'sécu', 'secu', 'insee', 'carte vitale', 'numéro de sécu', 'n° ss', 'n° sécu'),
  bsn: v('bsn', 'burgerservicenummer', 'sofinummer', 'sofi-nummer', 'sofi nummer', 'citizen service number'),
  pesel: v('pesel', 'numer pesel'),
  cpf: v('cpf', 'c.p.f', 'c.p.f.', 'cadastro de pessoas físicas', 'cadastro de pessoa física'),
  nordicid: v(
    'personnummer', 'personnr', 'pers.nr', 'samordningsnummer', 'fødselsnummer', 'fodselsnummer', 'fnr', 'd-nummer', 'hetu', 'henkilötunnus',
    'henkilotunnus', 'sotu', 'personbeteckning', 'personal identity number', 'personal identity code', 'personal number',
    // with the definite article or a case ending: "fødselsnummeret hennes", "personnumret", "henkilötunnuksen"
    'fødselsnummeret', 'fodselsnummeret', 'fødselsnr', 'fødselsnr.', 'personnummeret', 'personnumret', 'henkilötunnuksen', 'henkilötunnukseni', 'hetun',
  ),
  // not a bare "CPR" (resuscitation courses have reference numbers too)
  cpr: v('cpr-nr', 'cpr-nr.', 'cpr-nummer', 'cpr-nummeret', 'cpr nr', 'cpr nr.', 'cpr nummer', 'cpr number', 'cpr no', 'cpr no.'),
  /** labels of the national and tax ids of labelled-id-detector.ts (labelled-ids.ts) */
  natid: ID_LABEL_WORDS,
  zaid: v('id number', 'id no', 'id no.', 'id nr', 'identity number', 'sa id', 'rsa id', 'south african id', 'identity document', 'id-nommer', 'identiteitsnommer',
    // Zulu, Xhosa, Sotho and Tswana: "the number of the identity document"
    'inombolo kamazisi', 'kamazisi', 'inombolo yesazisi', 'isazisi', 'inombolo yesazisi sakho', 'nomoro ya boitsebiso', 'boitsebiso'),
  /** conditions, medications, procedures (data/health-vocabulary.ts; none is another kind's word: a word two kinds list is a hit of both); see health-detector.ts */
  healthterm: HEALTH_TERM_WORDS,
} satisfies Record<string, readonly string[]>;

export type KeywordKind = keyof typeof KINDS;
const KIND_NAMES = Object.keys(KINDS) as KeywordKind[];
/** kind name -> its index in KIND_NAMES */
const KIND_INDEX = Object.fromEntries(KIND_NAMES.map((k, i) => [k, i])) as Record<KeywordKind, number>;
const PATTERNS: string[] = [];
const PATTERN_KIND: number[] = [];
/**
 * the other kinds of a word more than one kind lists ("address" is an `ip` and an `addrlabel` word,
 * "nif" a `dni` and a `natid` one): its hits are each kind's
 */
const PATTERN_MORE: (number[] | undefined)[] = [];
const PATTERN_INDEX = new Map<string, number>();
for (const k of KIND_NAMES) {
  for (const w of KINDS[k]) {
    const p = PATTERN_INDEX.get(w);
    if (p === undefined) {
      PATTERN_INDEX.set(w, PATTERNS.length);
      PATTERNS.push(w);
      PATTERN_KIND.push(KIND_INDEX[k]);
    } else if (PATTERN_KIND[p] !== KIND_INDEX[k] && !PATTERN_MORE[p]?.includes(KIND_INDEX[k])) (PATTERN_MORE[p] ??= []).push(KIND_INDEX[k]);
  }
}
/**
 * Words in scripts written without Latin, Greek or Cyrillic letters (Hebrew, Arabic, Devanagari, Thai,
 * Chinese, Japanese, Korean: "身份证号", "رقم الهوية", "생년월일") are matched by an automaton of their own,
 * run only on a text that holds such a script: one automaton's alphabet is 255 symbols, and its table
 * grows with its alphabet for every text.
 */
const OTHER_SCRIPT = /[\u0590-\u1dff\u2e80-\ud7ff\uf900-\ufaff\uff66-\uffdc]/;
const otherScript = (w: string): boolean => OTHER_SCRIPT.test(w);
const BASE = PATTERNS.map((_, p) => p).filter((p) => !otherScript(PATTERNS[p]!));
const AUTOMATON = new KeywordAutomaton(BASE.map((p) => PATTERNS[p]!));
/**
 * The other scripts' words in four groups, each matched only on a text with a letter of its scripts:
 * Korean; Chinese and Japanese; Thai; the rest (Hebrew, Arabic, Indic, ...), the last by a whole-word
 * automaton of its own (within the 255 symbols of one). Chinese, Japanese and Thai are written without blanks and glue a word
 * to the next ("我的账号：…", "振込先の口座番号", "口座番号1234567", "เข้าบัญชีกสิกร"), and Korean glues its
 * particles to a word ("계좌번호는"): their words are found anywhere in a run of letters (Korean's at a
 * word's start), by Aho-Corasick, keeping the longest of overlapping ones as the whole-word automaton does.
 */
const SCRIPT_GROUPS = (() => {
  const taken = new Set<number>();
  const letterSets = [/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7ff\uffa0-\uffdc]/, /[\u2e80-\u9fff\uf900-\ufaff\uff66-\uff9f]/, /[\u0e00-\u0e7f]/, /[\u0590-\u10ff\u1200-\u1dff\ua000-\uabff]/];
  const wholeWord = ['start', false, false] as const;
  const ends = [koreanEnd, cjkEnd, undefined] as const;
  return letterSets.map((letters, g) => {
    // each word in the first group whose letters it holds (the last takes the rest)
    const patterns = PATTERNS.map((_, p) => p).filter((p) => otherScript(PATTERNS[p]!) && !taken.has(p) && (g === letterSets.length - 1 || letters.test(PATTERNS[p]!)));
    for (const p of patterns) taken.add(p);
    const words = patterns.map((p) => PATTERNS[p]!);
    const search = g < wholeWord.length ? substrings(new AhoCorasick(words, { caseSensitive: true, wholeWord: wholeWord[g] }), ends[g]) : automatonSearch(new KeywordAutomaton(words));
    return { letters, patterns, search };
  });
})();

type Search = (text: string, onMatch: (start: number, end: number, pattern: number) => void) => void;

function automatonSearch(automaton: KeywordAutomaton): Search {
  return (text, onMatch) => automaton.search(text, onMatch);
}

/** Aho-Corasick's matches as the whole-word automaton reports them: a match starting inside the one before is dropped, one holding it replaces it. */
function substrings(ac: AhoCorasick, endOk?: (text: string, end: number, start: number) => boolean): Search {
  return (text, onMatch) => {
    let last: AhoCorasickMatch | undefined;
    for (const m of ac.search(text)) {
      if (endOk !== undefined && !endOk(text, m.end, m.start)) continue;
      if (last !== undefined && m.start < last.end && m.start > last.start) continue;
      if (last !== undefined && m.start > last.start) onMatch(last.start, last.end, last.pattern);
      last = m;
    }
    if (last !== undefined) onMatch(last.start, last.end, last.pattern);
  };
}
/**
 * a Chinese or Japanese word ends where no Han or katakana follows: a particle in hiragana, a digit,
 * punctuation, a copula, a sentence's final particle ("口座番号1234567", "生年月日は", "电话是…", "身份证号吧？",
 * "账号呢"; not 电话 in 电话会议, 账号 in 账号注册时间)
 */
function cjkEnd(text: string, end: number, start: number): boolean {
  const c = text.charCodeAt(end);
  return !((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x30a0 && c <= 0x30ff)) || COPULAS.has(c) ||
    // (a final particle after a word of three characters or more: "打电话吧" is "call", not a phone's label)
    (end - start >= 3 && FINAL_PARTICLES.has(c));
}
/** Han characters that follow a word without joining it: the copulas 为, 為, 是, and the final particles 吧, 吗, 嗎, 呢, 啊 */
const COPULAS = new Set([0x4e3a, 0x70ba, 0x662f]);
const FINAL_PARTICLES = new Set([0x5427, 0x5417, 0x55ce, 0x5462, 0x554a]);
/** a Korean word ends at its word's end or before a particle of one or two syllables ("계좌번호는", "주소로"; not 계좌 in 계좌이체, 극비 in 극비리에) */
function koreanEnd(text: string, end: number): boolean {
  // (or a copula's ending: "계좌번호입니다", "연락처이에요")
  if (KO_COPULA.test(text.slice(end, end + 4))) return true;
  let n = 0;
  for (let i = end; i < text.length && isHangul(text.charCodeAt(i)); i++) {
    if (++n > 2 || !KO_PARTICLE.has(text[i]!)) return false;
  }
  return true;
}
const isHangul = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;
const KO_COPULA = /^(?:입니다|이에요|예요|이며|이고|이요)(?!\p{Script=Hangul})/u;
const KO_PARTICLE = new Set('은는이가을를의에서도와과로으만요께게까지부터랑나');
const NONE: readonly number[] = Object.freeze([]);

function isSorted(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i]! < xs[i - 1]!) return false;
  return true;
}

export class KeywordHits {
  /**
   * Hit starts and ends per kind index; a kind's arrays are made at its first hit (most kinds have
   * none in a short prompt, and 2 x 25 empty arrays per text cost more than the scan of 2 KB).
   */
  private readonly starts: number[][] = new Array<number[]>(KIND_NAMES.length);
  private readonly ends: number[][] = new Array<number[]>(KIND_NAMES.length);
  /** the text holds a letter of a script without Latin, Greek or Cyrillic letters (Hebrew, Arabic, Indic, Thai, CJK, Hangul...) */
  readonly otherScript: boolean = false;

  constructor(text: string) {
    const { starts, ends } = this;
    const add = (k: number, start: number, end: number): void => {
      const s = starts[k];
      if (s === undefined) {
        starts[k] = [start];
        ends[k] = [end];
      } else {
        s.push(start);
        ends[k]!.push(end);
      }
    };
    const hit = (start: number, end: number, p: number): void => {
      add(PATTERN_KIND[p]!, start, end);
      const more = PATTERN_MORE[p];
      if (more !== undefined) for (const k of more) add(k, start, end);
    };
    AUTOMATON.search(text, (start, end, i) => hit(start, end, BASE[i]!));
    this.otherScript = OTHER_SCRIPT.test(text);
    if (!this.otherScript) return;
    const had = starts.map((x) => x?.length ?? 0);
    for (const { letters, patterns, search } of SCRIPT_GROUPS) {
      if (letters.test(text)) search(text, (start, end, i) => hit(start, end, patterns[i]!));
    }
    // a kind with hits of more than one automaton: back in text order
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k];
      if (s === undefined || had[k] === s.length || isSorted(s)) continue;
      const order = s.map((_, i) => i).sort((a, b) => s[a]! - s[b]! || ends[k]![a]! - ends[k]![b]!);
      starts[k] = order.map((i) => s[i]!);
      ends[k] = order.map((i) => ends[k]![i]!);
    }
  }

  has(kind: KeywordKind): boolean {
    return this.starts[KIND_INDEX[kind]] !== undefined;
  }

  /** Hit starts and ends of one kind, in text order. */
  hits(kind: KeywordKind): { starts: readonly number[]; ends: readonly number[] } {
    const k = KIND_INDEX[kind];
    return { starts: this.starts[k] ?? NONE, ends: this.ends[k] ?? NONE };
  }

  /** True when a word of `kind` starts within `before` chars before `start` or `after` chars after `end`. */
  near(kind: KeywordKind, start: number, end: number, before: number, after: number = before): boolean {
    const k = KIND_INDEX[kind];
    const s = this.starts[k];
    if (s === undefined) return false;
    const ends = this.ends[k]!;
    const lo = start - before;
    const hi = end + after;
    // first hit with start >= lo
    let a = 0, b = s.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (s[mid]! < lo) a = mid + 1;
      else b = mid;
    }
    for (let i = a; i < s.length && s[i]! <= hi; i++) {
      const e = ends[i]!;
      if (e <= start || s[i]! >= end) return true;
    }
    return false;
  }
}
