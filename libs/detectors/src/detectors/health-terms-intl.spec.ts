import { compileInspector } from '../inspector';
import { englishText, intlHealthTerms } from './health-terms-intl';

const inspector = compileInspector({});
const health = (text: string): string[] => inspector.inspect(text).filter((f) => f.dataClass === 'health_data').map((f) => text.slice(f.start, f.end));

describe('health terms of other languages (health-terms-intl.ts)', () => {
  it('tells English text from text in other languages by its commonest words', () => {
    expect(englishText('My father has been diagnosed with diabetes and he is on metformin.')).toBe(true);
    expect(englishText('Mój lekarz rozpoznał u mnie zapalenie płuc i skierował mnie na prześwietlenie.')).toBe(false);
    expect(englishText('Doktorka mi zjistila zánět ledvin, dostala jsem antibiotika.')).toBe(false);
  });

  it('finds the longest phrase a word opens, whole words only, one blank apart', () => {
    expect(intlHealthTerms('rozpoznał zapalenie płuc wczoraj').map((t) => t.term)).toEqual(['zapalenie płuc']);
    expect(intlHealthTerms('zapalenie\n\npłuc').map((t) => t.term)).not.toContain('zapalenie płuc');
    expect(intlHealthTerms('cukrzycowy')).toEqual([]);
  });

  it.each([
    ['Mój lekarz rozpoznał u mnie zapalenie płuc i skierował mnie na RTG.', 'zapalenie płuc'],
    ['Doktorka mi zjistila zápal plic, mám ležet aspoň 10 dní.', 'zápal plic'],
    ['Mikael har berättat att han har epilepsi och inte kan köra.', 'epilepsi'],
    ['Annem diyabet hastası ve insülin kullanıyor.', 'diyabet'],
    ['Моя мама має цукровий діабет 2 типу.', 'діабет'],
    ['Mẹ tôi đang điều trị viêm gan B nên tôi cần nghỉ.', 'viêm gan'],
  ])('%j -> %j', (text, term) => {
    expect(health(text).map((t) => t.toLowerCase())).toContain(term);
  });

  it.each([
    'Boletim epidemiológico – Dengue, semana 12: o estado registrou 148 mil casos prováveis de dengue desde janeiro.',
    'Die Huntington-Krankheit wird autosomal-dominant vererbt. Nach ICD-10 werden Alzheimer unter G30 und Parkinson unter G20 kodiert.',
  ])('%j: nothing (news and teaching)', (text) => {
    expect(health(text)).toEqual([]);
  });
});

describe('health terms of scripts without blanks, Arabic clitics, and the case forms of the second vocabulary', () => {
  it('finds Chinese, Japanese, Thai and Korean terms inside runs of letters, the longest at each place', () => {
    expect(intlHealthTerms('她说刚查出乳腺癌，要去做化疗').map((t) => t.term)).toEqual(['乳腺癌', '化疗']);
    expect(intlHealthTerms('가입 심사에서 갑상선암 수술 이력이 있다고').map((t) => t.term)).toContain('갑상선암');
  });

  it('finds an Arabic noun written with its clitics, the span its noun', () => {
    const text = 'ذكر أنه مصاب بـالربو';
    const hits = intlHealthTerms(text);
    expect(hits.map((t) => text.slice(t.start, t.end))).toEqual(['ربو']);
  });

  it.each([
    ['她说刚查出乳腺癌，要去做化疗，健身卡用不了了', '乳腺癌'],
    ['كما أفاد العميل بأنه بدأ جلسات غسيل الكلى منذ شهر يناير', 'غسيل الكلى'],
    ['Paní Nováková je teď doma po operaci slepého střeva, takže formulář donese později.', 'operaci slepého střeva'],
    ['Десислава спомена, че има хипертония и всеки месец ходи на преглед', 'хипертония'], // a Bulgarian "has" near
    ['husk at Aisha også skrev at hun er gravid og ikke kan hente pakken', 'gravid'], // Danish "she is"

  ])('%j -> %j', (text, term) => {
    expect(health(text).map((t) => t.toLowerCase())).toContain(term);
  });

  it.each(['股市今天上涨，公司发布了新的手术机器人产品', 'บริษัทประกาศผลประกอบการไตรมาสที่สาม ยอดขายเพิ่มขึ้น'])('%j: nothing (no one, no term)', (text) => {
    expect(health(text)).toEqual([]);
  });
});
