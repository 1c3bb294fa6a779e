import { compileInspector } from '../inspector';
import { expectWithin } from '../timing.test-helper';

const inspector = compileInspector({ classes: ['personal_data'] });
const addresses = (text: string): string[] =>
  inspector.inspect(text).filter((f) => f.detector === 'street-address').map((f) => text.slice(f.start, f.end));

describe('UK addresses with a lower-case postcode', () => {
  it.each([
    ['ship to 221b baker street, london nw1 6xe please', '221b baker street, london nw1 6xe'],
    ['i live at 14 cotham hill, bristol bs6 6la', '14 cotham hill, bristol bs6 6la'],
    ['addr: 7 high st, clifton, bristol, bs8 1ab.', '7 high st, clifton, bristol, bs8 1ab'],
    ['Send it to 221B Baker Street, London nw1 6xe today', '221B Baker Street, London nw1 6xe'],
    ['flat 2, 10 downing st, london sw1a 2aa', '10 downing st, london sw1a 2aa'],
  ])('%j', (text, value) => {
    expect(addresses(text)).toEqual([value]);
  });
  it.each([
    'the sw1 is the switch on floor 2, ask ops',
    'take the m4 motorway, exit 12, then the a40 west',
    'we run 3 servers, node 18 and python 3 on rc1 2ab', // "rc" is no UK postcode area
    'upgrade to v2, build 14 of release 3 2ab', // version strings
    'tickets 12 and 14, room b, 2nd floor', // no postcode
    'meet at 5 pm, bring 2 pens, ok 1ab', // an outward code is needed
    'we got 3 new laptops, the m1 1ak ones', // an inward code with C, I, K, M, O or V is none
  ])('nothing in %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('UK addresses on three lines (street, town, postcode)', () => {
  it.each([
    ['Send to:\n14 Cotham Hill\nBristol\nBS6 6LA\nThanks', '14 Cotham Hill\nBristol\nBS6 6LA'],
    ['14 Cotham Hill,\nBristol,\nBS6 6LA', '14 Cotham Hill,\nBristol,\nBS6 6LA'],
    ['14 Cotham Hill\nClifton\nBristol BS6 6LA', '14 Cotham Hill\nClifton\nBristol BS6 6LA'],
    ['14 Cotham Hill\nBristol BS6 6LA', '14 Cotham Hill\nBristol BS6 6LA'],
    ['221b baker street\nlondon\nnw1 6xe', '221b baker street\nlondon\nnw1 6xe'],
    ['Flat 3, 12 Park View\nLeeds\nLS6 2QD', 'Flat 3, 12 Park View\nLeeds\nLS6 2QD'],
  ])('%j', (text, value) => {
    expect(addresses(text)).toEqual([value]);
  });
  it.each([
    // the lines before are no street and town: a heading, a sentence, a list of numbers
    'Summary\nRevenue grew in the quarter.\nBS6 6LA',
    'The totals were 12 and 14 this year, as planned.\nBristol\nBS6 6LA',
    '1. Intro\n2. Results\nBS6 6LA',
    'sw1 is the switch\nm4 motorway\nnw1 6xe',
  ])('nothing in %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
  it('stays linear on many short lines and lower-case postcode shapes (200 KB)', () => {
    for (const t of ['12 a\nb\nab1 2cd\n'.repeat(12_000), '1 a, b ab1 2cd '.repeat(14_000), 'x1 1ab\n'.repeat(30_000), '12 Cotham Hill\n'.repeat(14_000) + 'BS6 6LA']) {
      expectWithin(2500, () => inspector.inspect(t));
    }
  });
});

describe('street addresses: Spanish abbreviations and floors, Czech and Slovak house numbers', () => {
  it.each([
    ['Domicilio: Avda. de la Constitución 45, 2ºA, 41001 Sevilla. Atentamente', 'Avda. de la Constitución 45, 2ºA, 41001 Sevilla'],
    ['fakturaci: Ing. Tomáš Černý, Vinohradská 1511/230, 100 00 Praha 10, rodné číslo', 'Vinohradská 1511/230, 100 00 Praha 10'],
    ['Adresa: Obchodná 12/3, 811 06 Bratislava', 'Obchodná 12/3, 811 06 Bratislava'],
  ])('%j -> %j', (text, address) => {
    expect(addresses(text)).toEqual([address]);
  });
  it('reads no date or fraction as Czech house numbers, and stays linear on many slashes', () => {
    expect(addresses('On 12/05 2024 Rome won; the score was 3/4 100 00 Points')).toEqual([]);
    const t = 'a 1/2 '.repeat(40_000);
    expectWithin(2500, () => inspector.inspect(t));
  });
});

describe('street-address detector: any form after its label', () => {
  it.each([
    ['Doğum Tarihi: 07.11.1992\nAdres: Bağdat Caddesi No: 214 D: 7, 34728 Kadıköy/İstanbul\nCep Telefonu: 0532 481 27 66', 'Bağdat Caddesi No: 214 D: 7, 34728 Kadıköy/İstanbul'],
    ['Adres: Atatürk Bulvarı No: 88/5, 06640 Çankaya/Ankara Telefon: +90 312 418 55 02', 'Atatürk Bulvarı No: 88/5, 06640 Çankaya/Ankara'],
    ['Alamat: Jl. Tebet Barat Dalam Raya No. 15, RT 004/RW 002, Tebet, Jakarta Selatan 12810 No. HP: 0812-8845-2097', 'Jl. Tebet Barat Dalam Raya No. 15, RT 004/RW 002, Tebet, Jakarta Selatan 12810'],
    ['Адрес: г. Москва, ул. Профсоюзная, д. 43, корп. 2, кв. 118', 'г. Москва, ул. Профсоюзная, д. 43, корп. 2, кв. 118'],
    ['Địa chỉ: Số 27 ngõ 84 Trần Quang Diệu, Đống Đa, Hà Nội', 'Số 27 ngõ 84 Trần Quang Diệu, Đống Đa, Hà Nội'],
    ['Anschrift: Hasenheide 71, 10967 Berlin', 'Hasenheide 71, 10967 Berlin'],
    ['Home address: 14 Rua das Flores, Porto 4050-262', '14 Rua das Flores, Porto 4050-262'],
  ])('%j -> %j', (text, address) => {
    expect(addresses(text)).toEqual([address]);
  });

  it.each([
    'The address: we will discuss 3 options, next week',
    'IP address: 10.0.0.1, gateway 10.0.0.254',
    'Billing address: same as above',
    'Wallet address: 0x52908400098527886E0F7030069857D2E4169EE7',
    'Address: +44 20 7946 0000',
  ])('%j: no address', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('street-address detector: labels of other scripts and forms, and address columns', () => {
  it.each([
    ['العنوان الوطني: 4021 شارع عثمان بن عفان، حي النرجس، الرياض 13327', '4021 شارع عثمان بن عفان، حي النرجس، الرياض 13327'],
    ['العنوان: فيلا 12، شارع 27، حي البرشاء 2، دبي', 'فيلا 12، شارع 27، حي البرشاء 2، دبي'],
    ['주소: 서울특별시 강남구 테헤란로 152, 12층 1203호 (06236)', '서울특별시 강남구 테헤란로 152, 12층 1203호 (06236)'],
    // (a Bengali word's vowel signs are part of it: "বাড়ি" is one word, not two letters apart)
    ['ঠিকানা: বাড়ি ১২, রোড ৫, ধানমন্ডি, ঢাকা ১২০৫', 'বাড়ি ১২, রোড ৫, ধানমন্ডি, ঢাকা ১২০৫'],
    ['住所：〒154-0024 東京都世田谷区三軒茶屋1-32-6 サンハイツ203号', '〒154-0024 東京都世田谷区三軒茶屋1-32-6 サンハイツ203号'],
    ['地址：北京市朝阳区望京西路48号院3号楼1单元702室', '北京市朝阳区望京西路48号院3号楼1单元702室'],
    ['Heimilisfang: Laugavegur 58, 101 Reykjavík', 'Laugavegur 58, 101 Reykjavík'],
    ['Trvalý pobyt: Obchodná 48, 811 06 Bratislava', 'Obchodná 48, 811 06 Bratislava'],
    ['Leveringsadresse hjemme: Thorvald Meyers gate 52B, 0555 Oslo.', 'Thorvald Meyers gate 52B, 0555 Oslo'],
    ['Adresimiz değişmedi: Atatürk Mah. Gül Sok. No:14 Daire:6, 34758 Ataşehir/İstanbul. Poliçe', 'Atatürk Mah. Gül Sok. No:14 Daire:6, 34758 Ataşehir/İstanbul'],
    ['- Địa chỉ thường trú: 45/12 Nguyễn Đình Chiểu, Phường 4, Quận 3, TP. Hồ Chí Minh', '45/12 Nguyễn Đình Chiểu, Phường 4, Quận 3, TP. Hồ Chí Minh'],
  ])('%j -> %j', (text, address) => {
    expect(addresses(text)).toEqual([address]);
  });

  it("reads the cells of a table's address column, quoted or not", () => {
    expect(addresses('STT,Họ tên,Email,Địa chỉ\n1,Nguyễn Thị Thu Hà,thuha@example.vn,"Số 8 ngách 12/4 phố Thái Hà, Đống Đa, Hà Nội"')).toEqual(['Số 8 ngách 12/4 phố Thái Hà, Đống Đa, Hà Nội']);
    expect(addresses('navn;adresse;telefon\nMads Overgaard;Frederiks Allé 112, 1. th., 8000 Aarhus C;31 88 24 60\nInger Dalsgaard;Lyseng Allé 7, 8270 Højbjerg;40 12 95 38')).toEqual([
      'Frederiks Allé 112, 1. th., 8000 Aarhus C',
      'Lyseng Allé 7, 8270 Højbjerg',
    ]);
  });

  it("leaves an address column's cells that are no address alone", () => {
    expect(addresses('name,address,port\nweb-1,10.0.0.12,8080\nweb-2,same as above,8081\ndb,0x7ffe1234,5432')).toEqual([]);
  });
});

describe('street-address detector: unlabelled addresses in the shapes of more countries (street-address-scripts.ts)', () => {
  it.each([
    ['我叫吴振华，住成都市武侯区科华北路65号世外桃源广场B座2107。', '成都市武侯区科华北路65号世外桃源广场B座2107'],
    ['DD2024,李静,15921873304,上海市浦东新区张江镇碧波路690号2幢501室,保温杯500ml', '上海市浦东新区张江镇碧波路690号2幢501室'],
    ['四川省成都市武侯区人民南路四段27号,蓝牙耳机Pro', '四川省成都市武侯区人民南路四段27号'],
    ['お届け先は〒105-0004 東京都港区新橋4-11-1 新橋ファーストビル 8階です', '〒105-0004 東京都港区新橋4-11-1 新橋ファーストビル 8階'],
    ['주소 다시 확인해 주세요. 전라남도 순천시 연향번영길 42, 201동 903호 맞죠?', '전라남도 순천시 연향번영길 42, 201동 903호'],
    ['לכבוד\nמר אבי כהן\nרחוב הרצל 48, דירה 7, רמת גן 5251102', 'רחוב הרצל 48, דירה 7, רמת גן 5251102'],
    ['В субботу заеду, адрес Ленинский проспект, 64, кв. 212 же?', 'Ленинский проспект, 64, кв. 212'],
    ['مریم رضایی، به نشانی تهران، خیابان ولیعصر، کوچه شهید بهرامی، پلاک ۱۷، واحد ۳، تلفن همراه', 'تهران، خیابان ولیعصر، کوچه شهید بهرامی، پلاک ۱۷، واحد ۳'],
    ['السيد/ راشد\nفيلا 22، شارع 15ب، حي المزهر 1، دبي\nهاتف', 'فيلا 22، شارع 15ب، حي المزهر 1، دبي'],
    ['บ้านเลขที่ 88/14 หมู่ 5 ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี 11120 ค่ะ', 'บ้านเลขที่ 88/14 หมู่ 5 ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี 11120'],
    ['Chỗ ở: 48/12 Trần Quang Diệu, Phường 14, Quận 3, TP. Hồ Chí Minh', '48/12 Trần Quang Diệu, Phường 14, Quận 3, TP. Hồ Chí Minh'],
    ['Yung address, Blk 12 Lot 7, Phase 2, Brgy. San Isidro, Cainta, Rizal?', 'Blk 12 Lot 7, Phase 2, Brgy. San Isidro, Cainta, Rizal'],
    ['domiciliată în Str. Observatorului nr. 34, bl. C2, sc. 1, ap. 9, Cluj-Napoca, jud. Cluj, posesoare', 'Str. Observatorului nr. 34, bl. C2, sc. 1, ap. 9, Cluj-Napoca, jud. Cluj'],
    ['BAHAGIAN B: PREMIS\nNo. 18, Jalan SS 15/4B, Subang Jaya, 47500 Selangor', 'No. 18, Jalan SS 15/4B, Subang Jaya, 47500 Selangor'],
  ])('%j -> %j', (text, address) => {
    expect(addresses(text)).toEqual([address]);
  });

  it('reads no date, order or price as a Chinese address, and no road without a place', () => {
    expect(addresses('今天是第3号，我们在路上。订单号12345号已发货。人民路18号的咖啡很好喝。')).toEqual([]);
  });

  it('reads no number of hours, years, people, degrees, a metro line or a document as a house number (a break-it review)', () => {
    expect(addresses('ДТП на Варшавском шоссе 2 часа назад. шоссе Энтузиастов 12 км пробка. ул. Ленина 5 лет назад была перекрыта.')).toEqual([]);
    expect(addresses('ตำบลบางพูด อำเภอปากเกร็ด มีประชากร 50000 คน')).toEqual([]);
    expect(addresses('北海道札幌市の気温は1-2度でした。서울시 강남구 테헤란로 2024년 개발 계획.')).toEqual([]);
    expect(addresses('市区路3号线明天开通。今年上海市浦东新区世纪大道第2号文件发布。')).toEqual([]);
    expect(addresses('برای تعویض پلاک خودرو به مرکز تعویض پلاک خیابان آزادی مراجعه کنید پلاک ۱۲')).toEqual([]);
    // (the place's name starts after a preposition: "…线在北京市…")
    expect(addresses('地铁2号线和10号线在北京市海淀区中关村大街1号交汇。')).toEqual(['北京市海淀区中关村大街1号']);
  });

  it.each([
    ['Chinese place and road words', '市区路'.repeat(33_000) + '1号'],
    ['Korean roads', '서울특별시 강남구 테헤란로 '.repeat(6_000)],
    ['Hebrew streets', 'רחוב הרצל '.repeat(10_000)],
    ['Russian street types', 'ул. Тверская, '.repeat(7_000)],
    ['Persian streets', `${'خیابان ولیعصر، کوچه '.repeat(5_000)}پلاک`],
    ['Arabic streets', 'شارع الملك، حي '.repeat(7_000)],
    ['Vietnamese wards', '48/12 Trần Quang Diệu, Phường 14, '.repeat(3_000)],
    ['blocks and lots', 'Blk 12 Lot 7, '.repeat(7_000)],
    // (a break-it review: 25 s for 40 KB of a DNA sequence after a Russian street, 5.7 s for 100 KB of Thai road words)
    ['a sequence after a Russian street', `Адрес лаборатории: ул. Ленина, 5.\nSEQ: ${'ACGT'.repeat(25_000)}\n`],
    ['codes after a Russian street', `Склад: ул. Складская, 3\n${'SKU-'.repeat(25_000)}`],
    ['Cyrillic capitals after a street word', `ул. ${'Я'.repeat(100_000)}`],
    ['Thai road words', `แขวง\n${'ถนน1 '.repeat(20_000)}`],
  ])('stays linear on %s (100 KB)', (_what, input) => {
    expectWithin(1500, () => addresses(input));
  });
});
