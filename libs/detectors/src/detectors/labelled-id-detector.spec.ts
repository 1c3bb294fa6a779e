import { compileInspector } from '../inspector';
import { DETECTORS } from '../detector-catalogue';
import { LABELLED_IDS } from './labelled-ids';

const inspector = compileInspector({ classes: ['government_id'], minConfidence: 0 });
const ids = (text: string): { detector: string; value: string; confidence: number }[] =>
  inspector.inspect(text).map((f) => ({ detector: f.detector, value: text.slice(f.start, f.end), confidence: f.confidence }));

describe('labelled-id detector: national and tax ids of more countries, after their label', () => {
  it.each([
    ['pt-nif', 'NIF: 246 813 571', '246 813 571'],
    ['pt-nif', 'Número de contribuinte n.º 246813571', '246813571'],
    ['be-nn', 'Rijksregisternummer: 85.07.30-033.28', '85.07.30-033.28'],
    ['mx-rfc', 'RFC: GODE561231GR8', 'GODE561231GR8'],
    ['cl-rut', 'RUT 15.827.391-8', '15.827.391-8'],
    ['ar-cuit', 'CUIL: 27-31564892-6 y domicilio en Rosario', '27-31564892-6'],
    ['tr-tckimlik', 'T.C. Kimlik No: 38274156062', '38274156062'],
    ['tr-tckimlik', 'Kimlik numarası 38274156062', '38274156062'],
    ['cn-ric', '身份证号：440305198506182531', '440305198506182531'],
    ['tw-natid', '身分證字號 F128573646', 'F128573646'],
    ['kr-rrn', '주민등록번호 850618-1067823', '850618-1067823'],
    ['my-nric', 'MyKad: 850618-14-5270', '850618-14-5270'],
    ['au-tfn', 'Tax file number: 459 871 232', '459 871 232'],
    ['gb-utr', 'UTR 74829 57163', '74829 57163'],
    ['ie-pps', 'PPSN: 6433435F', '6433435F'],
    ['ro-cnp', 'CNP 2850618401232', '2850618401232'],
    ['gr-amka', 'ΑΜΚΑ: 18068512344', '18068512344'],
    ['hk-hkid', 'HKID number is K482951(4)', 'K482951(4)'],
    ['il-idnr', 'Teudat Zehut 315284760', '315284760'],
    ['hr-oib', 'OIB: 72948563100', '72948563100'],
    ['bg-egn', 'ЕГН 8506184525', '8506184525'],
    ['lt-asmens', 'Asmens kodas 38506181231', '38506181231'],
    ['ee-ik', 'Isikukood: 38506181231', '38506181231'],
    ['is-kennitala', 'Kennitala: 180685-2940', '180685-2940'],
    ['ua-rntrc', 'РНОКПП 3128745962', '3128745962'],
    ['ru-inn', 'ИНН 772048159300', '772048159300'],
    ['ch-ahv', 'AHV-Nr. 756.4829.1736.57', '756.4829.1736.57'],
    ['at-vnr', 'SV-Nummer: 4827 180685', '4827 180685'],
    ['de-svnr', 'Rentenversicherungsnummer 12 180685 K 125', '12 180685 K 125'],
    ['es-nss', 'Número de la Seguridad Social: 28 12345678 40', '28 12345678 40'],
    ['es-nss', 'Nº afiliación SS: 28/12345678/40', '28/12345678/40'],
    ['sg-nric', 'NRIC: S8203945G', 'S8203945G'],
    ['sg-nric', 'NRIC/FIN T0418726H', 'T0418726H'],
    ['pl-dowod', 'Nr dowodu: THT452088', 'THT452088'],
    ['de-kvnr', 'Versichertennummer: M400833425', 'M400833425'],
    ['us-mbi', 'Insurance: Medicare Part B, MBI 1EG4-TE5-MK73', '1EG4-TE5-MK73'],
    ['ng-bvn', 'BVN: 27303645211', '27303645211'],
    ['ng-bvn', 'NIN: 97700288949', '97700288949'],
    ['cn-ric', '{"id_card": "440305198506182531"}', '440305198506182531'],
    ['fr-nif', 'Numéro fiscal : 30 23 217 600 053', '30 23 217 600 053'],
    ['th-idnr', 'เลขประจำตัวประชาชน 3 1007 00207 03 5', '3 1007 00207 03 5'],
    ['id-npwp', 'NPWP: 01.300.066.6-091.000', '01.300.066.6-091.000'],
    ['ke-pin', 'KRA PIN A004416331M', 'A004416331M'],
    ['co-nit', 'NIT 901458652-7', '901458652-7'],
    ['latam-cedula', 'Cédula de identidad: 1714307103', '1714307103'],
    ['yu-jmbg', 'JMBG 1806985710129', '1806985710129'],
    ['pk-cnic', 'CNIC No. 35202-4851263-1', '35202-4851263-1'],
    ['nz-ird', 'IRD number 136-184-350', '136-184-350'],
  ])('%s in %j', (detector, text, value) => {
    expect(ids(text)).toEqual([{ detector, value, confidence: 0.9 }]);
  });

  it('reports a value of the right shape whose check digit fails at the labelled confidence', () => {
    expect(ids('TC Kimlik No: 38274156063')).toEqual([{ detector: 'tr-tckimlik', value: '38274156063', confidence: 0.85 }]);
  });

  it('needs the label right before the value', () => {
    expect(ids('order 38274156062 shipped to 440305198506182531')).toEqual([]);
    expect(ids('CNP is explained in chapter 4; the total was 2850618401232 units')).toEqual([]);
  });

  it('reads a label with an aside in brackets before its value', () => {
    expect(ids('NSS (IMSS): 12038541236 Fecha')).toEqual([{ detector: 'mx-nss', value: '12038541236', confidence: 0.9 }]);
    expect(ids('Паспорт (ID-картка): 004817263 Адреса')).toEqual([{ detector: 'ua-idcard', value: '004817263', confidence: 0.9 }]);
  });

  it("reads a valid id standing alone further on, as a chat's next message gives it", () => {
    expect(ids('住院需要身份证号吧？\n妈妈：110105198507123413\n张伟：好')).toEqual([{ detector: 'cn-ric', value: '110105198507123413', confidence: 0.85 }]);
    expect(ids('Randevu için kimlik no lazım dediler: 50192837410 [21.05.2024 22:17]')).toEqual([{ detector: 'tr-tckimlik', value: '50192837410', confidence: 0.85 }]);
    expect(ids('NIK kamu berapa? [20/04/24 19.48] Rina: 3174055208910002')).toEqual([{ detector: 'id-nik', value: '3174055208910002', confidence: 0.85 }]);
    // (not one whose only check is a digit, which one number in ten passes: a phone's, an invoice's; nor one that fails its check,
    // nor one of an id with no check, nor a number inside a sentence)
    expect(ids('תשלח לי את הת.ז. שלה לטופס: אבי: 312564875')).toEqual([]);
    expect(ids('Nabywca: Jan Kowalski (osoba prywatna)\nNIP: —\nFaktura nr FV/9240/05/2024')).toEqual([]);
    expect(ids('Please share the UTR for the refund.\nCustomer mobile: 9654726082')).toEqual([]);
    expect(ids('kimlik no lazım dediler: 50192837411')).toEqual([]);
    expect(ids('NIDA? we will see. Order: 19850712111010000124')).toEqual([]);
    expect(ids('The CNP rules changed; revenue: 2850618401232 units sold')).toEqual([]);
  });

  it("reads the ids of Mexico's IMSS, Iran, Tanzania, Bangladesh, Portugal's SNS, Bulgaria's and Ukraine's cards, Romania's CI, Argentina's DNI and Pakistan's CNIC in Urdu", () => {
    expect(ids('Su NSS es 43927841055 por si')).toEqual([expect.objectContaining({ detector: 'mx-nss', value: '43927841055' })]);
    expect(ids('کد ملی: 0048219371 تاریخ')).toEqual([{ detector: 'ir-melli', value: '0048219371', confidence: 0.9 }]);
    expect(ids('کد ملی: 0048219372')).toEqual([{ detector: 'ir-melli', value: '0048219372', confidence: 0.85 }]);
    expect(ids('Namba ya NIDA: 19850712-11101-00001-24 Tarehe')).toEqual([{ detector: 'tz-nida', value: '19850712-11101-00001-24', confidence: 0.9 }]);
    expect(ids('জাতীয় পরিচয়পত্র নং: 1987264593018 জন্ম')).toEqual([{ detector: 'bd-nid', value: '1987264593018', confidence: 0.9 }]);
    expect(ids('N.º utente SNS: 287 451 903 Data')).toEqual([{ detector: 'pt-sns', value: '287 451 903', confidence: 0.9 }]);
    expect(ids('Лична карта №: 648213907 Адрес')).toEqual([{ detector: 'bg-idcard', value: '648213907', confidence: 0.9 }]);
    expect(ids('Seria și nr. CI: RX 482913 Data')).toEqual([{ detector: 'ro-ci', value: 'RX 482913', confidence: 0.9 }]);
    expect(ids('Cita para renovar el DNI: 12/03/2025 a las 10:30')).toEqual([]);
    expect(ids('CUIT 20-30495827-9, DNI 30.495.827')).toEqual([
      { detector: 'ar-cuit', value: '20-30495827-9', confidence: 0.9 },
      { detector: 'ar-dni', value: '30.495.827', confidence: 0.9 },
    ]);
    expect(ids('شناختی کارڈ نمبر بھیجو\nعمران: 35202-4829173-1')).toEqual([expect.objectContaining({ detector: 'pk-cnic', value: '35202-4829173-1' })]);
  });

  it('leaves out firms, placeholders, weak labels with a failing check digit, and what the text calls fake', () => {
    expect(ids('NIF: 501 964 843')).toEqual([]); // a Portuguese company
    expect(ids('CUIT 30-50001091-2')).toEqual([]); // an Argentine company
    expect(ids('RUT: 11.111.111-1')).toEqual([]);
    expect(ids('NIF: 123456789')).toEqual([]);
    expect(ids('the inn 772048159301 on route 5')).toEqual([]);
    expect(ids('a fake CNP 2850618401233 for the demo')).toEqual([]);
  });

  it('leaves out firms named on the line, payment references, weak labels in lower case, and finds the label forms of the language', () => {
    expect(ids('Emisor: Comercial Andes SpA, RUT 76.086.428-5')).toEqual([]);
    expect(ids('Konzum d.d., OIB: 29955634590')).toEqual([]);
    expect(ids('Payment UTR: 7482957163 received')).toEqual([]);
    expect(ids('Workflow run 15827391-8 failed on main')).toEqual([]);
    expect(ids('Mi RUT es 15.827.391-8')).toEqual([{ detector: 'cl-rut', value: '15.827.391-8', confidence: 0.9 }]);
    expect(ids('T.C. Kimlik Numarası: 38274156062')).toEqual([{ detector: 'tr-tckimlik', value: '38274156062', confidence: 0.9 }]);
  });

  it('reads 130,000 labels without overflowing the stack, in linear time', () => {
    expect(() => compileInspector({}).inspect('RUT: '.repeat(130_000))).not.toThrow();
  });

  it('gives every id a validator and a catalogue entry', () => {
    const catalogue = new Set(DETECTORS.map((d) => d.id));
    for (const { id } of LABELLED_IDS) expect(catalogue.has(id)).toBe(true);
  });
});

describe('labelled-id detector: ids stdnum has no validator for (more-id-validators.ts)', () => {
  it.each([
    ['ru-snils', 'ИНН: 770458123914 СНИЛС: 147-258-369 88 Адрес', '147-258-369 88'],
    ['au-medicare', 'his medicare number 2953 71825 1. He went to the dentist', '2953 71825 1'],
    ['ae-eid', 'Emirates ID: 784-1987-6543210-3 Villa 27', '784-1987-6543210-3'],
    ['br-pis', 'PIS: 120.54781.23-3 Ele comentou', '120.54781.23-3'],
    ['id-nik', 'NIK: 3174056208930004 Tanggal lahir', '3174056208930004'],
    ['vn-cccd', 'Số CCCD: 001195024873 Địa chỉ', '001195024873'],
    ['vn-cccd', 'Mã định danh cá nhân: 079308004172', '079308004172'],
    ['my-nric', 'No. K/P: 880215-10-5437', '880215-10-5437'],
    ['pk-cnic', 'ب فارم نمبر: 37405-8827164-2', '37405-8827164-2'],
    ['ir-melli', 'بیمه تکمیلیش هم دانا هست، کد ملیش 2378451903 رو برای نوبت', '2378451903'],
    ['cn-ric', 'passport no. EJ4471928, Chinese resident ID 110105198605114318, to visit', '110105198605114318'],
  ])('%s: %j -> %j', (detector, text, value) => {
    expect(ids(text)).toContainEqual({ detector, value, confidence: 0.9 });
  });

  it.each([
    'СНИЛС: 147-258-369 89', // the check number fails: still a labelled id, at the lower confidence
  ])('%j: found below 0.9', (text) => {
    expect(ids(text).map((f) => f.confidence)).toEqual([0.85]);
  });

  it.each([
    'Eid Mubarak 2024-784198765432103 to all', // "Eid" in lower case is the feast, not the label
    'nik: 3174056208930004', // a weak label in lower case
    'NIK: 9974056208930004', // no province 99
    'NIK: 3174053208930004', // no day 32
    'CCCD: 000195024873', // no province 000
    'Emirates ID: 123-1987-6543210-3', // not 784
  ])('%j: no id', (text) => {
    expect(ids(text).filter((f) => f.confidence >= 0.85 && ['ae-eid', 'id-nik', 'vn-cccd'].includes(f.detector))).toEqual([]);
  });
});

describe('labelled-id detector: a label that names no country, a number word around a column label', () => {
  it('reads after "ID card" only an id that is valid (a Chinese id by its date and check digit)', () => {
    expect(ids('ID card: 123456789012345678')).toEqual([]);
    expect(ids('id_card: 440305198506182532').filter((f) => f.detector === 'cn-ric')).toEqual([]);
  });
  it("reads a table's id column whose label has a word for number", () => {
    expect(ids('N°;Nom;N° sécurité sociale;Adresse;Téléphone\n1;Martin;280083546443811;8 rue X;06 27 81 24 22').map((f) => f.value)).toContain('280083546443811');
    expect(ids('Nombre,Nº afiliación SS\nAna,46/47786233/96').map((f) => f.value)).toEqual(['46/47786233/96']);
    expect(ids('Name,No,Phone\nAnn Lee,12345678,555')).toEqual([]);
  });
  it('does not read an MBI of a wrong shape nor a letter it excludes', () => {
    expect(ids('MBI 1SG4-TE5-MK73')).toEqual([]);
  });
});
