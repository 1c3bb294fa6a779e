import { compileInspector } from '../inspector';
import { expectWithin } from '../timing.test-helper';

const inspector = compileInspector({});
const names = (text: string): string[] => inspector.inspect(text).filter((f) => f.detector === 'person-name').map((f) => text.slice(f.start, f.end));

describe('names in scripts without capitals (caseless-names.ts)', () => {
  it("reads a chat log's authors after the time stamp, and their names again in the messages", () => {
    const chat = '[09/05/2024, 10:14] فاطمة الكعبي: صباح الخير\n[09/05/2024, 10:20] أحمد السويدي: شكراً فاطمة. هل أرسل التقرير؟';
    expect(names(chat)).toEqual(['فاطمة الكعبي', 'أحمد السويدي', 'فاطمة']);
    expect(names('[오전 9:12] 김민준: 서연씨, 계약서 보내드려요\n[오전 9:15] 이서연: 감사합니다!')).toEqual(['김민준', '이서연']);
    expect(names('[10:05] ธนพล ศรีสวัสดิ์: ลูกค้าส่งข้อมูลมาแล้ว')).toEqual(['ธนพล ศรีสวัสดิ์']);
  });

  it("reads LINE's author after a bare time and KakaoTalk's in brackets before the time", () => {
    expect(names('09:03 นภัสสร: สวัสดีค่ะทุกคน\n09:05 ธนวัฒน์ ศรีสุข: หายไวๆนะครับ')).toEqual(['นภัสสร', 'ธนวัฒน์ ศรีสุข']);
    expect(names('[김민준] [오전 9:01] 다들 좋은 아침입니다~\n[박지훈] [오전 9:03] 헐 괜찮으신가요?')).toEqual(['김민준', '박지훈']);
  });
  it('reads an author alone on the line before the time when the name reads as one', () => {
    expect(names('李伟 10:30\n收到。她为什么要退？\n王芳 10:31\n好的')).toEqual(['李伟', '王芳']);
    // a schedule's lines: no family name first, one word
    expect(names('会议改到 10:30\n签到 09:00\n회의 11:00')).toEqual([]);
  });

  it("reads a name field's value, after a chat author's colon too, and the name again later", () => {
    expect(names('姓名：陈晓婷\n身份证号：110105198702192860')).toEqual(['陈晓婷']);
    expect(names('ชื่อ กมลชนก ทองดี\nวันเกิด 14 มี.ค. 2533')).toEqual(['กมลชนก ทองดี']);
    const kakao = '[오전 9:13] 김민준: 이름: 박지현 / 주민등록번호: 930511-2543635\n[오전 9:20] 이서연: 박지현 고객님 맞죠?';
    expect(names(kakao)).toEqual(['김민준', '박지현', '이서연', '박지현']);
  });

  it("reads a contact's, recipient's or account holder's field, not a department or a firm in it", () => {
    expect(names('联系人：王芳，电话：13812345678')).toEqual(['王芳']);
    expect(names('담당자: 김민준\n예금주: 박서연')).toEqual(['김민준', '박서연']);
    expect(names('担当者：山田太郎')).toEqual(['山田太郎']);
    expect(names('负责人：财务部\n担当者：経理部\n收款人：客服中心\n负责人：待定\n联系人：技术支持\n担当者：未定\n담당자: 인사팀\n담당자: 고객센터')).toEqual([]);
    expect(names('姓名：李雨心')).toEqual(['李雨心']);
    expect(names('产品,负责人,状态\n官网,待定,进行中\n小程序,技术部,已完成\n商城,王伟,进行中')).toEqual(['王伟']);
  });
  it("reads a table's reading column and a CJK label ending in the word for a name", () => {
    expect(names('氏名,フリガナ,メール\n山田 太郎,ヤマダ タロウ,taro@example.jp')).toEqual(['山田 太郎', 'ヤマダ タロウ']);
    expect(names('客户姓名,联系人,电话\n王伟,李娜,13812345678')).toEqual(['王伟', '李娜']);
    expect(names('파일 이름,크기\n보고서.docx,12KB\n상품 이름,가격\n김치냉장고,1200000')).toEqual([]);
  });

  it("reads the word for a name in Indic, Persian, Urdu and Ethiopic fields, a role's in CJK, up to the next field or a relation in brackets", () => {
    expect(names('শিক্ষার্থীর নাম: তাসনিম আক্তার\nপিতার নাম: মোঃ আব্দুল করিম')).toEqual(['তাসনিম আক্তার', 'মোঃ আব্দুল করিম']);
    expect(names('पिता का नाम: रमेश कुमार\nதந்தை பெயர்: செல்வராஜ் முருகேசன்')).toEqual(['रमेश कुमार', 'செல்வராஜ் முருகேசன்']);
    expect(names('والد کا نام: محمد اقبال\nنام و نام خانوادگی: مریم رضایی\nሙሉ ስም: ታደሰ ገብረመድኅን')).toEqual(['محمد اقبال', 'مریم رضایی', 'ታደሰ ገብረመድኅን']);
    expect(names('姓名：林子涵　　性别：女\n监护人：林建国（父）　联系电话：139 5718 2046')).toEqual(['林子涵', '林建国']);
    expect(names('被保険者氏名：中村 由美子（ナカムラ ユミコ）\n고객명: 최민서\n성명: 박성호 (부)')).toEqual(['中村 由美子', '최민서', '박성호']);
  });

  it("reads WeChat's author with a relation in brackets, and a Persian dialogue's speakers with a title or an emoji", () => {
    expect(names('张秀英（妈妈） 20:14\n闺女，我今天去社区医院复查了\n\n刘佳 20:16\n啊？妈你按时吃了吗')).toEqual(['张秀英', '刘佳']);
    const dialogue = 'نیلوفر 🌸: سلام خانم دکتر، ببخشید این وقت شب\nدکتر سمیرا احمدی: سلام عزیزم. چند سالشه؟ سرفه داره؟\nنیلوفر 🌸: ۴ سالشه، متولد ۱۳۹۹\nدکتر سمیرا احمدی: احتمالاً عفونت گوش میانی باشه';
    expect(names(dialogue)).toEqual(['نیلوفر', 'دکتر سمیرا احمدی', 'نیلوفر', 'دکتر سمیرا احمدی']);
  });

  it("reads no product's, firm's, scheme's, placeholder's or role's value in a name field, nor a help desk's labels as speakers (a break-it review)", () => {
    expect(names('उत्पाद का नाम: सैमसंग गैलेक्सी\nकंपनी का नाम: टाटा मोटर्स\nপ্রতিষ্ঠানের নাম: ঢাকা ব্যাংক লিমিটেড')).toEqual([]);
    expect(names('申请人：北京字节跳动科技有限公司（以下简称甲方）\n投保人：本人　　被保险人：配偶\n고객명: 삼성전자\n보호자: 해당없음\nنام پدر: ندارد')).toEqual([]);
    expect(names('سوال کاربر: چطور رمز عبور را عوض کنم؟\nپاسخ پشتیبانی: از منوی تنظیمات.\nسوال کاربر: ممنون\nپاسخ پشتیبانی: خواهش می‌کنم')).toEqual([]);
    expect(names('Customer: my order is late\nSupport (Billing): Sorry about that, let me check.\nCustomer: thanks\nSupport (Billing): Refund issued.')).toEqual([]);
    expect(names('[08:14, 12/6/2024] Build Server: deploy ok\n[08:15, 12/6/2024] Build Server: tests passed')).toEqual([]);
    expect(names('Host (venue): GRAND HYATT MANILA\nNama produk: MILO ACTIV GO\nNome da empresa (conforme contrato): MARIA SILVA COMERCIO LTDA\nMteja: Benki Kuu ya Tanzania')).toEqual([]);
  });

  it('reads no word of a caseless script without a stamp, a field or a family name before a time', () => {
    expect(names('الموضوع: تحديث بيانات العميل\nملاحظة: يرجى المراجعة')).toEqual([]);
    expect(names('下午开会，请准时参加。\n地点：三楼会议室')).toEqual([]);
  });

  it('stays linear on many chat lines (200 KB)', () => {
    const big = '[09/05/2024, 10:14] فاطمة الكعبي: صباح الخير أحمد\n'.repeat(4000);
    expect(names(big).length).toBe(4000);
    expectWithin(3000, () => names(big));
  });
});

describe('chat authors in Latin, Greek or Cyrillic letters the name lists need not know (chat-names.ts)', () => {
  it("reads a support agent's name in brackets after the role, and labels in Swahili and German", () => {
    const chat = 'Adebayo Ogunleye: Order number: JMA-NG-44182736\nSupport (Chioma): Good morning sir, thank you\nAdebayo Ogunleye: ok\nSupport (Chioma): Thank you sir.';
    expect(names(chat)).toEqual(['Adebayo Ogunleye', 'Chioma', 'Adebayo Ogunleye', 'Chioma']);
    expect(names('Mteja: Grace Akinyi Odhiambo\nKontoinhaber: Jürgen Habermaaß\nIBAN: DE20')).toEqual(['Grace Akinyi Odhiambo', 'Jürgen Habermaaß']);
    expect(names('Nama penuh (seperti dalam MyKad): NUR AISYAH BINTI MOHD RAZALI\nStatus: PENDING REVIEW')).toEqual(['NUR AISYAH BINTI MOHD RAZALI']);
  });
  it("reads WhatsApp's stamp with the date after the time, and no role in a name's place", () => {
    const chat = '[08:14, 12/6/2024] Mama Wanjiku: Habari za asubuhi.\n[08:15, 12/6/2024] Njeri: Nzuri mama.\n[08:17, 12/6/2024] Mama Wanjiku: Baba bado anakohoa';
    expect(names(chat)).toEqual(['Mama Wanjiku', 'Njeri', 'Mama Wanjiku']);
    expect(names('[10:32] Cliente: Boa tarde, meu pedido veio errado\n[10:33] Juliana Costa: Olá! Pode me passar o CPF?\n[10:34] Cliente: Pode sim')).toEqual(['Juliana Costa']);
  });

  it('reads the author after the time stamp, and a word of the name again alone', () => {
    const chat = '[02/08/2024, 06:45] Kofi Boateng: I can cover her shift if Mehwish does close\n[02/08/2024, 06:52] Mehwish Iqbal: ok';
    expect(names(chat)).toEqual(expect.arrayContaining(['Kofi Boateng', 'Mehwish', 'Mehwish Iqbal']));
    expect(names('[13:30] Marius Lie: haha ok. billetter til meg')).toEqual(['Marius Lie']);
  });

  it('reads an author alone before the time when a message follows', () => {
    expect(names('Κατερίνα Μιχαηλίδου 18:45\nΟκ, το στέλνω τώρα.')).toEqual(['Κατερίνα Μιχαηλίδου']);
  });

  it("reads no field, bot or team label, no English words and no schedule's entries", () => {
    expect(names('[10:00] System: backup done\n[10:01] Support Team: ticket closed')).toEqual([]);
    expect(names('Team Standup 09:30\nDesign Review 11:00')).toEqual([]);
    expect(names('Jordan Room  10:00\nbooked for the sync')).toEqual([]);
  });
});
