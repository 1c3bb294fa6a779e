/**
 * The labels of national identity and tax numbers that the other id detectors do not read, and the
 * ids each label can name (labelled-id-detector.ts holds their validators). A label is a word or
 * phrase as people write it before the number, lower case; most name one id, some several ("cédula"
 * is Ecuador's, Uruguay's or the Dominican Republic's; "Sozialversicherungsnummer" Switzerland's, Austria's or
 * Germany's). `weak` labels are everyday words or
 * abbreviations of other things too ("inn", "nit"): their numbers must pass the check digit.
 * Not here: a Turkish VKN, mostly firms' (its people are known by their T.C. Kimlik No). A Greek AFM,
 * a Polish NIP and a Vietnamese MST are read, as a person's: every Greek has an AFM on every form, a
 * sole trader's NIP or MST is its owner's, and a firm's number after its legal form is left out by the
 * detector (FIRM_BEFORE).
 */
export interface LabelledId {
  /** the detector id of its findings */
  readonly id: string;
  readonly labels: readonly string[];
  readonly weak?: readonly string[];
  /** labels that name no country ("ID card"): a number after them only when it is valid (a Chinese id's date and check digit), in any case */
  readonly generic?: readonly string[];
}

export const LABELLED_IDS: readonly LabelledId[] = [
  { id: 'pt-nif', labels: ['nif', 'contribuinte', 'número de contribuinte', 'numero de contribuinte', 'nº de contribuinte', 'n.º de contribuinte', 'número de identificação fiscal'] },
  { id: 'pt-cc', labels: ['cartão de cidadão', 'cartao de cidadao', 'cartão do cidadão'] },
  { id: 'be-nn', labels: ['rijksregisternummer', 'rijksregister', 'numéro national', 'numéro de registre national', 'registre national', 'niss', 'insz', 'belgian national number', 'national register number', 'national registry number', 'rijksregisternr'] },
  { id: 'mx-rfc', labels: ['rfc', 'registro federal de contribuyentes'] },
  { id: 'cl-rut', labels: ['rut', 'r.u.t', 'r.u.t.', 'rol único tributario', 'rol unico tributario', 'run', 'rol único nacional'], weak: ['run'] },
  { id: 'ar-cuit', labels: ['cuit', 'cuil', 'c.u.i.t', 'c.u.i.l'] },
  { id: 'tr-tckimlik', labels: ["tc'si", 'tc’si', "tc'nin", 'tc’nin', 'tc kimlik', 't.c. kimlik', 'tc kimlik no', 'tc kimlik numarası', 'tckn', 'tc no', 't.c. no', 'kimlik no', 'kimlik numarası', 'tc kimlik numarasi', 'kimlik numarasi'] },
  { id: 'cn-ric', labels: ['身份证', '身份证号', '身份证号码', '公民身份号码', 'resident identity card', 'chinese id', 'prc id', 'resident id', 'resident id number', 'chinese resident id', 'id card', 'id_card', 'idcard', 'id card no', 'id card number'], generic: ['id card', 'id_card', 'idcard', 'id card no', 'id card number'] },
  { id: 'tw-natid', labels: ['身分證', '身分證字號', '身分證號碼', 'taiwan id'] },
  { id: 'kr-rrn', labels: ['주민등록번호', '주민번호', 'resident registration number', 'rrn'] },
  { id: 'my-nric', labels: ['mykad', 'no. kp', 'no kp', 'no. k/p', 'no k/p', 'k/p', 'kad pengenalan', 'no. kad pengenalan', 'nric', 'ic no', 'ic number'], weak: ['ic no', 'ic number', 'k/p'] },
  { id: 'au-tfn', labels: ['tfn', 'tax file number', 'tax file no'] },
  { id: 'gb-utr', labels: ['utr', 'unique taxpayer reference', 'self assessment utr'] },
  { id: 'ie-pps', labels: ['pps', 'ppsn', 'pps no', 'pps number', 'personal public service number'] },
  { id: 'ro-cnp', labels: ['cnp', 'cod numeric personal', 'codul numeric personal'] },
  { id: 'gr-amka', labels: ['amka', 'αμκα', 'α.μ.κ.α'] },
  { id: 'hk-hkid', labels: ['hkid', 'hong kong identity card', 'hong kong id'] },
  { id: 'il-idnr', labels: ['teudat zehut', 'תעודת זהות', 'ת.ז', 'ת"ז', 'israeli id', 'הת.ז', 'הת"ז', 'תעודת הזהות'] },
  { id: 'hr-oib', labels: ['oib', 'osobni identifikacijski broj'] },
  { id: 'bg-egn', labels: ['egn', 'егн', 'единен граждански номер'] },
  { id: 'lt-asmens', labels: ['asmens kodas'] },
  { id: 'ee-ik', labels: ['isikukood'] },
  { id: 'is-kennitala', labels: ['kennitala', 'kt.'], weak: ['kt.'] },
  { id: 'ua-rntrc', labels: ['рнокпп', 'іпн', 'ідентифікаційний код', 'ідентифікаційний номер'] },
  { id: 'ru-inn', labels: ['инн', 'inn'], weak: ['inn'] },
  { id: 'ch-ahv', labels: ['ahv', 'avs', 'ahv-nr', 'ahv-nummer', 'avs n°', 'numéro avs', 'sozialversicherungsnummer'] },
  { id: 'at-vnr', labels: ['svnr', 'sv-nr', 'sv-nummer', 'versicherungsnummer', 'sozialversicherungsnummer'] },
  { id: 'de-svnr', labels: ['rentenversicherungsnummer', 'rv-nummer', 'rvnr', 'versicherungsnummer', 'sozialversicherungsnummer'] },
  { id: 'es-nss', labels: ['nss', 'número de la seguridad social', 'numero de la seguridad social', 'número de afiliación', 'seguridad social', 'afiliación', 'afiliación ss', 'afiliacion ss', 'nº afiliación', 'nº afiliación ss', 'n° afiliación ss'] },
  { id: 'fr-nif', labels: ['nif', 'numéro fiscal', 'numero fiscal', 'numéro spi', 'spi', 'numéro d’identification fiscale', "numéro d'identification fiscale"], weak: ['spi'] },
  { id: 'th-idnr', labels: ['เลขบัตรประชาชน', 'บัตรประชาชน', 'เลขที่บัตรประชาชน', 'เลขประจำตัวประชาชน', 'thai id', 'thai national id'] },
  { id: 'id-npwp', labels: ['npwp', 'nomor pokok wajib pajak'] },
  { id: 'ke-pin', labels: ['kra pin', 'kra pin no'] },
  { id: 'co-nit', labels: ['nit'], weak: ['nit'] },
  { id: 'latam-cedula', labels: ['cédula', 'cedula', 'cédula de identidad', 'cedula de identidad', 'c.i.', 'ci no'], weak: ['c.i.', 'ci no'] },
  { id: 'yu-jmbg', labels: ['jmbg', 'јмбг', 'emšo', 'emso', 'матичен број'] },
  { id: 'pk-cnic', labels: ['cnic', 'cnic no', 'computerized national identity card', 'computerised national identity card', 'شناختی کارڈ', 'شناختی کارڈ نمبر', 'قومی شناختی کارڈ', 'ب فارم', 'ب فارم نمبر', 'b-form no', 'b-form number'] },
  { id: 'nz-ird', labels: ['ird', 'ird number', 'ird no'] },
  // (more-id-validators.ts)
  { id: 'ru-snils', labels: ['снилс', 'snils', 'страховой номер'] },
  { id: 'au-medicare', labels: ['medicare', 'medicare number', 'medicare no', 'medicare card', 'medicare card number'] },
  { id: 'ae-eid', labels: ['emirates id', 'emirates id number', 'emirates id no', 'eid', 'رقم الهوية', 'رقم الهوية الإماراتية', 'الهوية الإماراتية'], weak: ['eid'] },
  { id: 'br-pis', labels: ['pis', 'pasep', 'pis/pasep', 'pis/pasep/nit', 'nis', 'nit'], weak: ['nis', 'nit'] },
  { id: 'id-nik', labels: ['nik', 'nomor induk kependudukan', 'no. nik'], weak: ['nik'] },
  { id: 'vn-cccd', labels: ['cccd', 'số cccd', 'căn cước công dân', 'căn cước', 'số định danh cá nhân', 'mã định danh cá nhân', 'mã số định danh cá nhân', 'cmnd/cccd'] },
  { id: 'sa-nid', labels: ['رقم الهوية الوطنية', 'الهوية الوطنية', 'رقم الهوية', 'رقم الإقامة', 'iqama', 'iqama no', 'saudi id', 'saudi national id'] },
  { id: 'eg-nid', labels: ['الرقم القومي', 'الرقم القومى', 'رقم قومي', 'egyptian national id'] },
  { id: 'hu-taxid', labels: ['adóazonosító jel', 'adóazonosító', 'adoazonosito jel', 'adóazonosító szám', 'adóazonosító jele'] },
  { id: 'hu-taj', labels: ['taj', 'taj-szám', 'taj szám', 'tajszám', 'taj-száma'], weak: ['taj'] },
  { id: 'jp-mynumber', labels: ['マイナンバー', '個人番号', 'my number', 'mynumber'] },
  { id: 'br-rg', labels: ['rg', 'registro geral', 'carteira de identidade'], weak: ['rg'] },
  { id: 'ph-sss', labels: ['sss', 'sss no', 'sss number', 'sss id'] },
  { id: 'ph-tin', labels: ['tin', 'tin no', 'tin number', 'taxpayer identification number'], weak: ['tin'] },
  { id: 'ph-philhealth', labels: ['philhealth', 'philhealth no', 'philhealth number', 'philhealth id', 'philhealth pin'] },
  { id: 'ph-pagibig', labels: ['pag-ibig', 'pag-ibig mid', 'pag-ibig no', 'pag-ibig number', 'hdmf', 'hdmf no'] },
  { id: 'in-uan', labels: ['uan', 'uan no', 'uan number', 'universal account number'], weak: ['uan'] },
  { id: 'vn-mst', labels: ['mã số thuế', 'mã số thuế cá nhân', 'mst', 'mst cá nhân'] },
  { id: 'vn-bhxh', labels: ['số sổ bhxh', 'mã số bhxh', 'sổ bhxh', 'bhxh'] },
  { id: 'gr-afm', labels: ['αφμ', 'α.φ.μ.', 'α.φ.μ', 'afm', 'αριθμός φορολογικού μητρώου'] },
  { id: 'pl-nip', labels: ['nip', 'numer nip', 'nr nip'] },
  { id: 'sg-nric', labels: ['nric', 'nric/fin', 'fin no', 'singapore nric'] },
  { id: 'pl-dowod', labels: ['nr dowodu', 'numer dowodu', 'nr_dowodu', 'dowód osobisty', 'dowodu osobistego', 'nr dowodu osobistego', 'numer dowodu osobistego', 'seria i numer dowodu'] },
  { id: 'de-kvnr', labels: ['versichertennummer', 'krankenversichertennummer', 'kvnr', 'kv-nummer', 'versicherten-nr', 'versicherten-nr.'] },
  { id: 'us-mbi', labels: ['mbi', 'medicare beneficiary identifier', 'medicare id', 'medicare number'] },
  { id: 'ng-bvn', labels: ['bvn', 'bank verification number', 'nin', 'national identification number', 'nimc'], weak: ['nin'] },
  { id: 'mx-nss', labels: ['nss', 'número de seguridad social', 'numero de seguridad social', 'nss imss', 'imss'] },
  { id: 'ir-melli', labels: ['کد ملی', 'كد ملی', 'کد ملیش', 'کد ملی‌اش', 'کدملی', 'شماره ملی', 'code melli', 'kode melli', 'iranian national code'] },
  { id: 'tz-nida', labels: ['nida', 'namba ya nida', 'nida number', 'nida no'] },
  { id: 'bd-nid', labels: ['জাতীয় পরিচয়পত্র', 'জাতীয় পরিচয়পত্র নং', 'এনআইডি', 'bangladesh nid', 'nid no', 'nid number'] },
  { id: 'pt-sns', labels: ['utente sns', 'n.º utente', 'nº utente', 'n.º utente sns', 'nº utente sns', 'n.º de utente sns', 'número de utente', 'numero de utente', 'n.º de utente', 'número de utente sns'] },
  { id: 'bg-idcard', labels: ['лична карта', 'лична карта №', 'номер на лична карта'] },
  { id: 'ua-idcard', labels: ['id-картка', 'id картка', 'паспорт (id-картка)', 'номер id-картки'] },
  { id: 'ro-ci', labels: ['seria și nr. ci', 'seria si nr. ci', 'seria și numărul ci', 'serie ci', 'seria ci', 'carte de identitate', 'buletin'] },
  { id: 'ar-dni', labels: ['dni'] },
  { id: 'driving-licence', labels: ["driver's licence", "driver's license", 'drivers licence', 'drivers license', 'driver licence', 'driver license', 'driving licence', 'driving license', 'dl no', 'dl#', 'dl number'] },
];

/** a label as the keyword scan reads it: on the NFKC form of the text (Thai "ำ" is two characters there, "nº" is "no") */
export const scannedLabel = (label: string): string => label.normalize('NFKC').toLowerCase();
/** every label once, for the keyword scan's `natid` kind */
export const ID_LABEL_WORDS: readonly string[] = [...new Set(LABELLED_IDS.flatMap((x) => x.labels.map(scannedLabel)))];
