/*
 * More health vocabulary for the health detector (detectors/health-detector.ts), read with the other
 * languages' vocabulary (data/health-vocabulary-intl.ts) in a text that is not in English
 * (detectors/health-terms-intl.ts), in the same format: '|'-separated, lower case where the script has
 * case, whole words or phrases with single spaces.
 *
 * Languages: Chinese (simplified and traditional), Japanese, Korean, Thai, Arabic (Modern Standard with
 * and without the article, and common Egyptian and Levantine lay words), Hebrew, Hindi (Devanagari) and
 * Hindi/Urdu as typed in Latin letters, Bulgarian, Serbian (Cyrillic), Macedonian, Icelandic, Estonian,
 * Latvian, Lithuanian, Tagalog/Filipino; and the case forms people write for Polish, Czech, Slovak,
 * Croatian/Serbian (Latin), Slovenian, Hungarian (possessive and case forms) and Finnish (genitive,
 * partitive, illative, inessive) — "po operacji kolana", "operaci slepého střeva", "cöliákiája".
 *
 * - Written for this project by hand from common usage, not copied from a list; a spelling shared by
 *   several languages (Chinese traditional and Japanese kanji, Serbian and Macedonian Cyrillic, Czech
 *   and Slovak) is listed once, under the first language that uses it. Entries of the main vocabulary
 *   and of health-vocabulary-intl.ts are not repeated.
 * - Chinese, Japanese, Thai and Korean are found inside the text's runs of letters (those scripts write
 *   no blank between words, or glue particles to them): no one-character entries, and two-character
 *   ones only where they are not part of common everyday words (癌, 病, 药 are left out; 中风 "stroke"
 *   is ambiguous, as it is also in 中风险 "medium risk"; 透析 is also "analyse thoroughly").
 * - Ambiguous groups: the word has an everyday or figurative sense too (Chinese 感冒, 手术 "overhaul";
 *   Japanese 風邪; Arabic سرطان "crab", حمل "carrying"; Hebrew ניתוח "analysis"; Polish "ciąży"
 *   "weighs on"), as in the other lists.
 */

export const MORE_CONDITIONS =
  // Chinese (simplified and traditional)
  '糖尿病|高血压|高血壓|低血压|低血壓|哮喘|癌症|乳腺癌|乳癌|肺癌|肝癌|胃癌|肠癌|腸癌|结肠癌|結腸癌|大肠癌|大腸癌|直肠癌|直腸癌|前列腺癌|攝護腺癌|甲状腺癌|甲狀腺癌|宫颈癌|宮頸癌|子宫颈癌|子宮頸癌|卵巢癌|胰腺癌|' +
  '胰臟癌|鼻咽癌|食道癌|食管癌|皮肤癌|皮膚癌|白血病|血癌|淋巴瘤|脑瘤|腦瘤|肿瘤|腫瘤|恶性肿瘤|惡性腫瘤|心脏病|心臟病|心肌梗塞|心肌梗死|心梗|心脏病发作|心臟病發作|冠心病|心力衰竭|心衰竭|心律不齐|心律不整|房颤|房顫|' +
  '心绞痛|心絞痛|脑中风|腦中風|脑卒中|腦卒中|脑梗|腦梗|脑梗塞|腦梗塞|脑出血|腦出血|癫痫|癲癇|羊癫疯|羊癲瘋|抑郁症|抑鬱症|忧郁症|憂鬱症|焦虑症|焦慮症|恐慌症|惊恐障碍|驚恐障礙|躁郁症|躁鬱症|双相情感障碍|雙相情感障礙|' +
  '精神分裂症|思觉失调症|思覺失調症|自闭症|自閉症|多动症|過動症|注意力缺陷多动障碍|创伤后应激障碍|創傷後壓力症候群|厌食症|厭食症|暴食症|进食障碍|飲食失調|阿尔茨海默病|阿尔茨海默症|阿茲海默症|老年痴呆|老年痴呆症|老人痴呆|' +
  '痴呆症|失智症|帕金森病|帕金森氏症|多发性硬化|多发性硬化症|多發性硬化症|偏头痛|偏頭痛|关节炎|關節炎|类风湿关节炎|類風濕性關節炎|类风湿|類風濕|痛风|痛風|骨质疏松|骨質疏鬆|骨质疏松症|骨質疏鬆症|肝炎|乙肝|乙型肝炎|丙肝|' +
  '丙型肝炎|肝硬化|脂肪肝|艾滋病|爱滋病|愛滋病|艾滋|新冠肺炎|肺炎|肺结核|肺結核|结核病|結核病|支气管炎|支氣管炎|慢阻肺|慢性阻塞性肺病|肾病|腎病|慢性肾病|慢性腎病|肾结石|腎結石|肾衰竭|腎衰竭|肾功能衰竭|腎功能衰竭|' +
  '尿毒症|胆结石|膽結石|胆囊炎|膽囊炎|阑尾炎|闌尾炎|盲肠炎|盲腸炎|胃溃疡|胃潰瘍|十二指肠溃疡|十二指腸潰瘍|胃炎|肠胃炎|腸胃炎|胃食管反流|胃食道逆流|克罗恩病|克隆氏症|溃疡性结肠炎|潰瘍性結腸炎|肠易激综合征|腸躁症|乳糜泻|' +
  '乳糜瀉|疝气|疝氣|腹股沟疝|椎间盘突出|椎間盤突出|腰椎间盘突出|腰椎間盤突出|坐骨神经痛|坐骨神經痛|颈椎病|頸椎病|甲减|甲減|甲状腺功能减退|甲状腺功能低下|甲狀腺功能低下|甲亢|甲状腺功能亢进|甲狀腺功能亢進|桥本甲状腺炎|' +
  '橋本氏甲狀腺炎|甲状腺结节|甲狀腺結節|不孕症|不孕不育|不育症|自然流产|自然流產|宫外孕|宮外孕|子宫外孕|子宮外孕|怀孕|懷孕|妊娠|妊娠糖尿病|子痫前期|子癇前症|子宫内膜异位症|子宮內膜異位症|多囊卵巢综合征|多囊性卵巢症候群|' +
  '子宫肌瘤|子宮肌瘤|花粉症|花生过敏|花生過敏|坚果过敏|堅果過敏|青霉素过敏|青黴素過敏|盤尼西林過敏|湿疹|濕疹|银屑病|銀屑病|牛皮癣|牛皮癬|乾癬|红斑狼疮|紅斑狼瘡|贫血|貧血|地中海贫血|地中海貧血|白内障|白內障|青光眼|' +
  '视网膜脱落|視網膜剝離|耳鸣|耳鳴|耳聋|耳聾|听力损失|聽力受損|酒精依赖|酒精成癮|酒精中毒|唐氏综合征|唐氏症|腦性麻痺|脑震荡|腦震盪|十字韧带撕裂|十字韌帶斷裂|半月板撕裂|带状疱疹|帶狀疱疹|水痘|麻疹|登革热|登革熱|手足口病|' +
  '尿路感染|泌尿道感染|膀胱炎|肾盂肾炎|腎盂腎炎|痔疮|痔瘡|血栓|深静脉血栓|深靜脈血栓|动脉硬化|動脈硬化|高血脂|高胆固醇|高膽固醇|低血糖|高血糖|睡眠呼吸暂停|睡眠呼吸中止症|失眠症|产后抑郁|產後憂鬱|产后抑郁症|產後憂鬱症|' +
  '心肌病|主动脉夹层|主動脈剝離|动脉瘤|動脈瘤|肝癌晚期|癌症晚期|系统性红斑狼疮|' +
  // Japanese
  '高血圧|低血圧|ぜんそく|乳がん|肺がん|胃がん|大腸がん|肝臓がん|膵臓がん|前立腺がん|子宮頸がん|子宮がん|卵巣がん|甲状腺がん|食道がん|皮膚がん|血液がん|膵臓癌|肝臓癌|悪性リンパ腫|リンパ腫|脳腫瘍|悪性腫瘍|心臓病|心不全|' +
  '狭心症|不整脈|心房細動|心筋梗塞|脳卒中|脳梗塞|脳出血|くも膜下出血|てんかん|うつ病|鬱病|躁うつ病|抑うつ|適応障害|不安障害|パニック障害|双極性障害|統合失調症|発達障害|自閉スペクトラム症|注意欠如多動症|注意欠陥多動性障害|' +
  '心的外傷後ストレス障害|摂食障害|拒食症|過食症|認知症|アルツハイマー|アルツハイマー病|若年性認知症|パーキンソン病|多発性硬化症|片頭痛|関節炎|関節リウマチ|リウマチ|骨粗鬆症|骨粗しょう症|変形性膝関節症|b型肝炎|c型肝炎|' +
  '肝硬変|エイズ|新型コロナウイルス感染症|コロナ陽性|誤嚥性肺炎|結核|気管支炎|慢性閉塞性肺疾患|腎臓病|慢性腎臓病|腎不全|腎臓結石|尿路結石|胆石|胆石症|胆嚢炎|虫垂炎|逆流性食道炎|潰瘍性大腸炎|クローン病|過敏性腸症候群|' +
  'セリアック病|ヘルニア|椎間板ヘルニア|鼠径ヘルニア|脱腸|坐骨神経痛|ぎっくり腰|甲状腺機能低下症|橋本病|バセドウ病|甲状腺機能亢進症|不妊症|切迫流産|つわり|子宮内膜症|子宮筋腫|多嚢胞性卵巣症候群|更年期障害|食物アレルギー|' +
  'ナッツアレルギー|ピーナッツアレルギー|卵アレルギー|ペニシリンアレルギー|アトピー|アトピー性皮膚炎|蕁麻疹|じんましん|緑内障|網膜剥離|難聴|突発性難聴|耳鳴り|メニエール病|アルコール依存症|薬物依存|ダウン症|脳性麻痺|脳震盪|' +
  '前十字靭帯断裂|半月板損傷|水ぼうそう|はしか|熱中症|尿路感染症|高脂血症|脂質異常症|睡眠時無呼吸症候群|睡眠障害|不眠症|自律神経失調症|肥満症|心筋症|大動脈解離|脳動脈瘤|血栓症|深部静脈血栓症|エコノミークラス症候群|産後うつ|' +
  '持病|妊娠高血圧症候群|子宮外妊娠|膠原病|全身性エリテマトーデス|うつ状態|' +
  // Korean
  '당뇨병|당뇨|고혈압|저혈압|천식|유방암|폐암|위암|간암|대장암|갑상선암|췌장암|전립선암|자궁경부암|난소암|혈액암|백혈병|림프종|뇌종양|악성종양|종양|심장병|심근경색|심장마비|협심증|부정맥|심부전|뇌졸중|뇌경색|뇌출혈|' +
  '중풍|뇌전증|우울증|불안장애|공황장애|조울증|양극성장애|양극성 장애|조현병|정신분열증|자폐증|주의력결핍 과잉행동장애|외상후 스트레스 장애|섭식장애|거식증|폭식증|치매|알츠하이머|알츠하이머병|파킨슨병|다발성 경화증|' +
  '편두통|관절염|류마티스 관절염|류마티스|통풍|골다공증|퇴행성 관절염|간염|b형 간염|c형 간염|간경화|지방간|에이즈|코로나19|폐렴|결핵|폐결핵|기관지염|만성폐쇄성폐질환|신장병|콩팥병|신부전|만성 신부전|만성신부전|' +
  '신장결석|요로결석|담석|담석증|담낭염|맹장염|충수염|위궤양|십이지장궤양|역류성 식도염|위염|장염|크론병|궤양성 대장염|과민성 대장 증후군|과민성대장증후군|셀리악병|탈장|허리디스크|목디스크|좌골신경통|골절|' +
  '갑상선기능저하증|갑상선 기능 저하증|갑상선기능항진증|갑상선 기능 항진증|하시모토 갑상선염|불임|난임|자연유산|계류유산|임신|임신중독증|임신성 당뇨|자궁내막증|자궁근종|다낭성 난소 증후군|땅콩 알레르기|견과류 알레르기|' +
  '페니실린 알레르기|알레르기 비염|아토피|아토피 피부염|건선|습진|두드러기|빈혈|백내장|녹내장|망막박리|난청|이명|알코올 중독|알코올 의존증|마약 중독|다운증후군|뇌성마비|뇌진탕|십자인대 파열|대상포진|수두|홍역|' +
  '방광염|요로감염|치질|고지혈증|수면무호흡증|불면증|산후우울증|수족구병|뎅기열|심근병증|대동맥 박리|동맥류|혈전|루푸스|전립선비대증|갑상선 결절|갑상선염|자궁외 임신|' +
  // Thai
  'เบาหวาน|โรคเบาหวาน|ความดันโลหิตสูง|ความดันสูง|โรคความดันโลหิตสูง|ความดันโลหิตต่ำ|หอบหืด|โรคหอบหืด|โรคหืด|มะเร็ง|' +
  'มะเร็งเต้านม|มะเร็งปอด|มะเร็งตับ|มะเร็งลำไส้ใหญ่|มะเร็งปากมดลูก|มะเร็งต่อมลูกหมาก|มะเร็งต่อมไทรอยด์|มะเร็งรังไข่|' +
  'มะเร็งกระเพาะอาหาร|มะเร็งเม็ดเลือดขาว|ลูคีเมีย|มะเร็งต่อมน้ำเหลือง|มะเร็งตับอ่อน|มะเร็งโพรงจมูก|เนื้องอก|เนื้องอกในสมอง|' +
  'โรคหัวใจ|หัวใจวาย|กล้ามเนื้อหัวใจตาย|หัวใจขาดเลือด|หัวใจล้มเหลว|หัวใจเต้นผิดจังหวะ|โรคหลอดเลือดสมอง|อัมพฤกษ์|' +
  'เส้นเลือดในสมองแตก|เส้นเลือดในสมองตีบ|หลอดเลือดสมองตีบ|ลมชัก|โรคลมชัก|โรคซึมเศร้า|โรควิตกกังวล|โรคแพนิค|ไบโพลาร์|' +
  'โรคอารมณ์สองขั้ว|โรคจิตเภท|จิตเภท|ออทิสติก|โรคสมาธิสั้น|สมองเสื่อม|โรคสมองเสื่อม|อัลไซเมอร์|พาร์กินสัน|โรคพาร์กินสัน|' +
  'ปลอกประสาทอักเสบ|ไมเกรน|ข้ออักเสบ|ข้อเข่าเสื่อม|รูมาตอยด์|โรคเกาต์|กระดูกพรุน|ตับอักเสบ|ไวรัสตับอักเสบบี|' +
  'ไวรัสตับอักเสบซี|ตับแข็ง|ไขมันพอกตับ|เอดส์|เอชไอวี|ติดเชื้อเอชไอวี|โควิด|โควิด-19|ติดโควิด|ปอดอักเสบ|ปอดบวม|วัณโรค|' +
  'หลอดลมอักเสบ|ถุงลมโป่งพอง|โรคไต|ไตวาย|ไตเสื่อม|ไตวายเรื้อรัง|นิ่วในไต|นิ่วในถุงน้ำดี|ถุงน้ำดีอักเสบ|ไส้ติ่งอักเสบ|' +
  'แผลในกระเพาะอาหาร|โรคกระเพาะ|กรดไหลย้อน|ลำไส้แปรปรวน|ไส้เลื่อน|หมอนรองกระดูกทับเส้นประสาท|หมอนรองกระดูกเคลื่อน|' +
  'กระดูกทับเส้น|กระดูกหัก|ไทรอยด์เป็นพิษ|ภาวะไทรอยด์ต่ำ|ไฮโปไทรอยด์|ภาวะมีบุตรยาก|มีบุตรยาก|แท้งลูก|แท้งบุตร|ตั้งครรภ์|' +
  'ตั้งท้อง|ครรภ์เป็นพิษ|เบาหวานขณะตั้งครรภ์|เยื่อบุโพรงมดลูกเจริญผิดที่|ช็อกโกแลตซีสต์|เนื้องอกมดลูก|ถุงน้ำรังไข่|ภูมิแพ้|' +
  'โรคภูมิแพ้|แพ้ถั่ว|แพ้ถั่วลิสง|แพ้เพนิซิลลิน|แพ้ยาเพนิซิลลิน|แพ้อาหาร|สะเก็ดเงิน|โรคสะเก็ดเงิน|ผื่นภูมิแพ้|โลหิตจาง|' +
  'ธาลัสซีเมีย|ต้อกระจก|ต้อหิน|จอประสาทตาลอก|หูหนวก|ติดสุรา|ติดยาเสพติด|ดาวน์ซินโดรม|สมองพิการ|สมองกระทบกระเทือน|' +
  'เอ็นไขว้หน้าขาด|งูสวัด|อีสุกอีใส|โรคหัด|ไข้เลือดออก|กระเพาะปัสสาวะอักเสบ|ทางเดินปัสสาวะอักเสบ|ริดสีดวงทวาร|ริดสีดวง|' +
  'ไขมันในเลือดสูง|คอเลสเตอรอลสูง|น้ำตาลในเลือดสูง|ภาวะหยุดหายใจขณะหลับ|ซึมเศร้าหลังคลอด|โรคพุ่มพวง|โรคเอสแอลอี|โรคอ้วน|' +
  'กล้ามเนื้ออักเสบ|โรคตับ|' +
  // Arabic (Modern Standard, with and without the article; Egyptian/Levantine lay words)
  'السكري|سكري|مرض السكري|داء السكري|مريض سكري|مريض سكر|مرض السكر|الربو|ربو|مرض الربو|أزمة ربو|ازمة ربو|ارتفاع ضغط الدم|' +
  'ارتفاع الضغط|ضغط الدم المرتفع|انخفاض ضغط الدم|مريض ضغط|سرطان الثدي|سرطان الرئة|سرطان القولون|سرطان البروستاتا|' +
  'سرطان الغدة الدرقية|سرطان عنق الرحم|سرطان المبيض|سرطان الدم|سرطان الكبد|سرطان المعدة|سرطان البنكرياس|سرطان الجلد|' +
  'اللوكيميا|لوكيميا|ابيضاض الدم|الورم الخبيث|ورم خبيث|ورم في الدماغ|ورم في المخ|المرض الخبيث|كانسر|الأزمة القلبية|' +
  'أزمة قلبية|ازمة قلبية|النوبة القلبية|نوبة قلبية|جلطة قلبية|جلطة في القلب|الجلطة الدماغية|جلطة دماغية|جلطة في المخ|' +
  'السكتة الدماغية|سكتة دماغية|احتشاء عضلة القلب|قصور القلب|فشل القلب|أمراض القلب|مرض القلب|مريض قلب|الذبحة الصدرية|' +
  'ذبحة صدرية|عدم انتظام ضربات القلب|الصرع|صرع|نوبة صرع|الاكتئاب|اكتئاب|مرض الاكتئاب|اضطراب القلق|نوبات الهلع|نوبة هلع|' +
  'الاضطراب ثنائي القطب|اضطراب ثنائي القطب|الفصام|فصام|انفصام الشخصية|الشيزوفرينيا|شيزوفرينيا|اضطراب طيف التوحد|مرض التوحد|' +
  'فرط الحركة وتشتت الانتباه|اضطراب ما بعد الصدمة|فقدان الشهية العصبي|الشره المرضي|الزهايمر|زهايمر|ألزهايمر|مرض الزهايمر|' +
  'باركنسون|مرض باركنسون|الشلل الرعاش|التصلب المتعدد|تصلب متعدد|التصلب اللويحي|الصداع النصفي|صداع نصفي|التهاب المفاصل|' +
  'التهاب المفاصل الروماتويدي|الروماتيزم|روماتيزم|الروماتويد|النقرس|نقرس|هشاشة العظام|خشونة الركبة|خشونة المفاصل|' +
  'التهاب الكبد|التهاب الكبد الوبائي|الكبد الوبائي|فيروس سي|فيروس بي|تليف الكبد|تشمع الكبد|الكبد الدهني|الإيدز|الايدز|إيدز|' +
  'ايدز|فيروس نقص المناعة|كوفيد|كوفيد-19|كوفيد 19|الالتهاب الرئوي|التهاب رئوي|ذات الرئة|مرض السل|الدرن|' +
  'التهاب الشعب الهوائية|الانسداد الرئوي المزمن|أمراض الكلى|امراض الكلى|مرض الكلى|الفشل الكلوي|فشل كلوي|القصور الكلوي|' +
  'قصور كلوي|حصى الكلى|حصوات الكلى|حصوة في الكلى|حصوة الكلى|حصى المرارة|حصوات المرارة|حصوة المرارة|التهاب المرارة|' +
  'التهاب الزائدة الدودية|التهاب الزائدة|قرحة المعدة|ارتجاع المريء|القولون العصبي|قولون عصبي|مرض كرون|داء كرون|' +
  'التهاب القولون التقرحي|مرض السيلياك|السيلياك|حساسية الجلوتين|حساسية القمح|فتق إربي|فتق اربي|الانزلاق الغضروفي|' +
  'انزلاق غضروفي|عرق النسا|قصور الغدة الدرقية|خمول الغدة الدرقية|كسل الغدة الدرقية|فرط نشاط الغدة الدرقية|تأخر الإنجاب|' +
  'تاخر الانجاب|إجهاض تلقائي|سكري الحمل|تسمم الحمل|بطانة الرحم المهاجرة|الانتباذ البطاني الرحمي|تكيس المبايض|' +
  'تكيس على المبايض|الأورام الليفية|ألياف الرحم|حساسية الفول السوداني|حساسية المكسرات|حساسية البنسلين|حساسية الصدر|الإكزيما|' +
  'إكزيما|الاكزيما|اكزيما|الصدفية|صدفية|فقر الدم|الأنيميا|الانيميا|أنيميا|انيميا|الثلاسيميا|ثلاسيميا|المياه الزرقاء|' +
  'الجلوكوما|إعتام عدسة العين|انفصال الشبكية|الصمم|ضعف السمع|طنين الأذن|طنين الاذن|إدمان الكحول|ادمان الكحول|إدمان المخدرات|' +
  'ادمان المخدرات|متلازمة داون|الشلل الدماغي|ارتجاج في المخ|ارتجاج المخ|قطع الرباط الصليبي|قطع في الرباط الصليبي|' +
  'الحزام الناري|الهربس النطاقي|جدري الماء|الجديري المائي|الحصبة|حصبة|حمى الضنك|التهاب المسالك البولية|البواسير|بواسير|' +
  'ارتفاع الكوليسترول|اكتئاب ما بعد الولادة|الذئبة الحمراء|تضخم البروستاتا|الجلطة|جلطة|فتاق|الشلل النصفي|شلل نصفي|' +
  'التهاب الكبد الفيروسي|' +
  // Hebrew
  'סוכרת|בסוכרת|סוכרתי|סוכרתית|לחץ דם גבוה|יתר לחץ דם|לחץ דם נמוך|אסתמה|באסתמה|קצרת|סרטן השד|סרטן ריאות|סרטן הריאות|' +
  'סרטן המעי הגס|סרטן הערמונית|סרטן בלוטת התריס|סרטן צוואר הרחם|סרטן השחלות|סרטן הלבלב|סרטן העור|סרטן הדם|לוקמיה|לוקמייה|' +
  'לימפומה|גידול סרטני|גידול במוח|גידול ממאיר|התקף לב|אוטם שריר הלב|מחלת לב|מחלות לב|אי ספיקת לב|הפרעות קצב|הפרעת קצב|' +
  'פרפור פרוזדורים|תעוקת חזה|שבץ מוחי|אירוע מוחי|אפילפסיה|באפילפסיה|כפיון|דיכאון|בדיכאון|דכאון|הפרעת חרדה|התקפי חרדה|' +
  'התקף חרדה|התקף פאניקה|התקפי פאניקה|הפרעה דו קוטבית|מאניה דיפרסיה|סכיזופרניה|אוטיזם|הפרעת קשב|הפרעת קשב וריכוז|' +
  'פוסט טראומה|הפרעת דחק פוסט טראומטית|אנורקסיה|בולימיה|הפרעת אכילה|הפרעות אכילה|דמנציה|שיטיון|אלצהיימר|פרקינסון|טרשת נפוצה|' +
  'מיגרנה|מיגרנות|דלקת מפרקים|דלקת מפרקים שגרונית|שיגדון|גאוט|אוסטאופורוזיס|דלדול עצם|צהבת|דלקת כבד|הפטיטיס|שחמת|כבד שומני|' +
  'איידס|קוביד|דלקת ריאות|שחפת|ברונכיטיס|מחלת כליות|אי ספיקת כליות|אבנים בכליות|אבן בכליה|אבני כליה|אבנים בכיס המרה|' +
  'אבני מרה|דלקת בכיס המרה|דלקת תוספתן|דלקת בתוספתן|כיב קיבה|רפלוקס|מחלת קרוהן|קרוהן|קוליטיס|צליאק|צליאקיה|מעי רגיז|' +
  'פריצת דיסק|בקע מפשעתי|סיאטיקה|תת פעילות של בלוטת התריס|תת פעילות בלוטת התריס|תת פעילות של בלוטת המגן|' +
  'יתר פעילות של בלוטת התריס|השימוטו|אי פוריות|בעיות פוריות|הפלה טבעית|הפלות|הריון|היריון|בהריון|בהיריון|סוכרת הריון|' +
  'רעלת הריון|אנדומטריוזיס|שחלות פוליציסטיות|שרירנים|אלרגיה לבוטנים|אלרגיה לאגוזים|אלרגיה לפניצילין|אקזמה|פסוריאזיס|ספחת|' +
  'אנמיה|תלסמיה|קטרקט|גלאוקומה|ברקית|היפרדות רשתית|חירשות|ירידה בשמיעה|טנטון|אלכוהוליזם|התמכרות לאלכוהול|התמכרות לסמים|' +
  'תסמונת דאון|שיתוק מוחין|זעזוע מוח|קרע ברצועה הצולבת|קרע במניסקוס|שלבקת חוגרת|אבעבועות רוח|חצבת|דלקת בדרכי השתן|טחורים|' +
  'כולסטרול גבוה|דום נשימה בשינה|דיכאון אחרי לידה|דיכאון לאחר לידה|לופוס|שבר ברגל|שבר ביד|שבר באגן|אוטיזם בתפקוד גבוה|' +
  // Hindi (Devanagari)
  'मधुमेह|डायबिटीज़|डायबिटीज|डायबिटीज़ की बीमारी|शुगर की बीमारी|उच्च रक्तचाप|हाई ब्लड प्रेशर|हाई बीपी|निम्न रक्तचाप|' +
  'लो ब्लड प्रेशर|दमा|अस्थमा|कैंसर|स्तन कैंसर|ब्रेस्ट कैंसर|फेफड़ों का कैंसर|फेफड़े का कैंसर|ब्लड कैंसर|मुंह का कैंसर|' +
  'गले का कैंसर|थायराइड कैंसर|प्रोस्टेट कैंसर|सर्वाइकल कैंसर|बच्चेदानी का कैंसर|ट्यूमर|रसौली|दिल का दौरा|हार्ट अटैक|' +
  'हृदय रोग|दिल की बीमारी|हृदयाघात|लकवा|पक्षाघात|ब्रेन स्ट्रोक|मिर्गी|मिर्गी के दौरे|अवसाद|डिप्रेशन|चिंता विकार|' +
  'एंग्जायटी डिसऑर्डर|बाइपोलर डिसऑर्डर|सिज़ोफ्रेनिया|सिजोफ्रेनिया|ऑटिज़्म|ऑटिज्म|मनोभ्रंश|डिमेंशिया|अल्ज़ाइमर|अल्जाइमर|' +
  'पार्किंसंस|मल्टीपल स्क्लेरोसिस|माइग्रेन|आधासीसी|गठिया|आर्थराइटिस|रूमेटाइड आर्थराइटिस|गाउट|ऑस्टियोपोरोसिस|हेपेटाइटिस|' +
  'हेपेटाइटिस बी|पीलिया|लिवर सिरोसिस|फैटी लिवर|एड्स|एचआईवी|कोविड|कोविड-19|निमोनिया|टीबी|क्षय रोग|तपेदिक|ब्रोंकाइटिस|' +
  'किडनी की बीमारी|गुर्दे की बीमारी|किडनी फेल|गुर्दे खराब|पथरी|गुर्दे की पथरी|किडनी स्टोन|पित्ताशय की पथरी|पित्त की पथरी|' +
  'अपेंडिसाइटिस|पेट का अल्सर|बवासीर|हर्निया|स्लिप डिस्क|साइटिका|फ्रैक्चर|हाइपोथायरायडिज्म|हाइपरथायरायडिज्म|बांझपन|' +
  'निःसंतानता|गर्भपात|गर्भावस्था|प्रेग्नेंसी|पीसीओडी|पीसीओएस|मूंगफली से एलर्जी|पेनिसिलिन से एलर्जी|एक्जिमा|सोरायसिस|' +
  'सफेद दाग|खून की कमी|एनीमिया|मोतियाबिंद|काला मोतिया|ग्लूकोमा|बहरापन|शराब की लत|नशे की लत|डाउन सिंड्रोम|सेरेब्रल पाल्सी|' +
  'चिकनपॉक्स|छोटी माता|खसरा|डेंगू|मलेरिया|टाइफाइड|मियादी बुखार|दिमागी बुखार|मूत्र संक्रमण|यूरिन इन्फेक्शन|अनिद्रा|' +
  'थैलेसीमिया|ल्यूकेमिया|हृदय गति रुकना|गर्भाशय में गांठ|फाइब्रॉइड|' +
  // Hindi/Urdu (Latin letters, as typed in chats)
  'sugar ki bimari|sugar ki beemari|sugar ka mareez|sugar ki mareez|sugar ka marij|madhumeh|bp ki problem|bp ki bimari|' +
  'bp ka mareez|dil ka daura|dil ka dora|dil ki bimari|dil ki beemari|dil ka mareez|dil ke mareez|dil ka marij|pathri|' +
  'gurde ki pathri|kidney mein pathri|kidney me pathri|pitt ki pathri|pitte ki pathri|mirgi|mirgi ke daure|lakwa|lakva|' +
  'falij|faalij|tapedik|peeliya|piliya|motiyabind|motiabind|kala motia|bawaseer|bawasir|gathiya|khoon ki kami|baanjhpan|' +
  'banjhpan|garbhpat|garbhpaat|garbhavastha|dimagi bukhar|chhoti mata|saans ki bimari|sans ki bimari|dama ki bimari|' +
  'tb ki bimari|cancer ki bimari|dil ki nas band|haddi toot gayi|haddi tut gayi|bachedani ki ganth|rasoli|aadhasisi|' +
  'adhasisi|mahavari ki problem|thyroid ki bimari|thyroid ki problem|kidney ki bimari|kidney kharab|gurde kharab|' +
  'liver ki bimari|nashe ki lat|sharab ki lat|dil mein chhed|sugar badh gayi|bp badh gaya|bp high rehta|bp low rehta|' +
  // Bulgarian
  'захарен диабет|захарна болест|високо кръвно|високо кръвно налягане|хипертония|ниско кръвно|бронхиална астма|' +
  'рак на гърдата|рак на белия дроб|рак на дебелото черво|рак на простатата|рак на щитовидната жлеза|рак на маточната шийка|' +
  'рак на яйчниците|левкемия|лимфом|тумор|мозъчен тумор|сърдечна недостатъчност|предсърдно мъждене|инсулт|мозъчен инсулт|' +
  'епилепсия|депресия|тревожно разстройство|паническа атака|панически атаки|биполярно разстройство|аутизъм|алцхаймер|' +
  'болест на алцхаймер|паркинсон|болест на паркинсон|множествена склероза|мигрена|ревматоиден артрит|остеопороза|хепатит|' +
  'цироза|чернодробна цироза|туберкулоза|хронична обструктивна белодробна болест|бъбречна недостатъчност|' +
  'бъбречно заболяване|камъни в бъбреците|камъни в жлъчката|жлъчни камъни|холецистит|язва на стомаха|болест на крон|' +
  'улцерозен колит|синдром на раздразненото черво|цьолиакия|херния|дискова херния|дископатия|ишиас|хипотиреоидизъм|' +
  'хипотиреоза|хипертиреоидизъм|хашимото|безплодие|стерилитет|спонтанен аборт|бременност|ендометриоза|поликистозни яйчници|' +
  'алергия към ядки|алергия към пеницилин|екзема|псориазис|отлепване на ретината|глухота|загуба на слуха|шум в ушите|' +
  'алкохолизъм|синдром на даун|детска церебрална парализа|мозъчно сътресение|скъсани връзки|херпес зостер|варицела|морбили|' +
  'инфекция на пикочните пътища|цистит|хемороиди|висок холестерол|безсъние|следродилна депресия|сърдечен пристъп|' +
  'хроничен бронхит|ковид-19|' +
  // Serbian (Cyrillic)
  'шећерна болест|дијабетес|висок притисак|висок крвни притисак|хипертензија|рак дојке|рак плућа|рак дебелог црева|' +
  'рак простате|рак штитне жлезде|рак грлића материце|леукемија|срчани удар|мождани удар|шлог|епилепсија|депресија|' +
  'анксиозни поремећај|напади панике|биполарни поремећај|шизофренија|аутизам|деменција|алцхајмер|алцхајмерова болест|' +
  'паркинсонова болест|мултипла склероза|артритис|реуматоидни артритис|реума|гихт|хепатитис|жутица|упала плућа|' +
  'запаљење плућа|бронхитис|болест бубрега|бубрежна инсуфицијенција|камен у бубрегу|камен у жучи|упала слепог црева|' +
  'чир на желуцу|гастритис|кронова болест|улцерозни колитис|целијакија|хернија|дискус хернија|ишијас|неплодност|' +
  'спонтани побачај|трудноћа|псоријаза|екцем|анемија|малокрвност|глауком|губитак слуха|алкохолизам|наркоманија|' +
  'даунов синдром|потрес мозга|овчије богиње|мале богиње|упала мокраћних путева|несаница|инфаркт срца|сива мрена|' +
  // Macedonian
  'шеќерна болест|висок крвен притисок|висок притисок|рак на дојка|рак на белите дробови|рак на дебелото црево|' +
  'рак на простата|срцев удар|мозочен удар|биполарно растројство|жолтица|воспаление на белите дробови|пневмонија|' +
  'бубрежна инсуфициенција|камен во бубрегот|камен во жолчката|апендицитис|чир на желудникот|спонтан абортус|бременост|' +
  'зависност од алкохол|' +
  // Icelandic
  'sykursýki|háþrýstingur|hár blóðþrýstingur|astmi|krabbamein|brjóstakrabbamein|lungnakrabbamein|ristilkrabbamein|' +
  'blöðruhálskirtilskrabbamein|skjaldkirtilskrabbamein|leghálskrabbamein|hvítblæði|eitilfrumukrabbamein|heilaæxli|' +
  'hjartaáfall|kransæðastífla|hjartabilun|gáttatif|heilablóðfall|flogaveiki|þunglyndi|kvíðaröskun|ofsakvíði|geðhvarfasýki|' +
  'geðklofi|einhverfa|athyglisbrestur|vitglöp|heilabilun|parkinsonsveiki|mígreni|liðagigt|slitgigt|þvagsýrugigt|beinþynning|' +
  'lifrarbólga|skorpulifur|alnæmi|lungnabólga|berklar|berkjubólga|nýrnabilun|nýrnasjúkdómur|nýrnasteinar|gallsteinar|' +
  'botnlangabólga|kviðslit|brjósklos|beinbrot|vanvirkur skjaldkirtill|ófrjósemi|fósturlát|meðganga|þungun|legslímuflakk|' +
  'hnetuofnæmi|pensilínofnæmi|exem|blóðleysi|gláka|heyrnarleysi|eyrnasuð|alkóhólismi|áfengissýki|heilahristingur|hlaupabóla|' +
  'mislingar|þvagfærasýking|gyllinæð|svefnleysi|fæðingarþunglyndi|sykursjúkur|krabbameinið|hjartasjúkdómur|æxli|' +
  // Estonian
  'suhkruhaigus|suhkurtõbi|diabeet|kõrge vererõhk|kõrgvererõhutõbi|hüpertensioon|rinnavähk|kopsuvähk|soolevähk|' +
  'jämesoolevähk|eesnäärmevähk|kilpnäärmevähk|emakakaelavähk|leukeemia|lümfoom|ajukasvaja|pahaloomuline kasvaja|' +
  'südameinfarkt|südamerabandus|südamepuudulikkus|kodade virvendus|ajuinsult|langetõbi|depressioon|ärevushäire|paanikahäire|' +
  'bipolaarne häire|skisofreenia|dementsus|alzheimeri tõbi|parkinsoni tõbi|hulgiskleroos|migreen|artriit|reumatoidartriit|' +
  'osteoporoos|hepatiit|maksatsirroos|kopsupõletik|tuberkuloos|bronhiit|neeruhaigus|neerupuudulikkus|neerukivid|sapikivid|' +
  'pimesoolepõletik|maohaavand|crohni tõbi|tsöliaakia|kubemesong|luumurd|kilpnäärme alatalitlus|viljatus|nurisünnitus|' +
  'raseduse katkemine|rasedus|endometrioos|pähkliallergia|penitsilliiniallergia|ekseem|psoriaas|aneemia|hallkae|glaukoom|' +
  'kuulmislangus|alkoholisõltuvus|downi sündroom|ajupõrutus|vöötohatis|tuulerõuged|leetrid|kuseteede põletik|hemorroidid|' +
  'unetus|sünnitusjärgne depressioon|vähktõbi|suhkruhaige|astmahaige|' +
  // Latvian
  'cukura diabēts|diabēts|augsts asinsspiediens|paaugstināts asinsspiediens|vēzis|krūts vēzis|plaušu vēzis|zarnu vēzis|' +
  'resnās zarnas vēzis|prostatas vēzis|vairogdziedzera vēzis|dzemdes kakla vēzis|leikēmija|audzējs|smadzeņu audzējs|' +
  'infarkts|sirdslēkme|sirds infarkts|miokarda infarkts|sirds mazspēja|priekškambaru mirdzaritmija|' +
  'trauksmes traucējumi|panikas lēkmes|bipolāri traucējumi|šizofrēnija|autisms|alcheimera slimība|parkinsona slimība|' +
  'multiplā skleroze|migrēna|artrīts|reimatoīdais artrīts|podagra|osteoporoze|hepatīts|aknu ciroze|pneimonija|' +
  'plaušu karsonis|tuberkuloze|bronhīts|nieru mazspēja|nieru slimība|nierakmeņi|žultsakmeņi|apendicīts|kuņģa čūla|' +
  'krona slimība|celiakija|diska trūce|išiass|kaula lūzums|hipotireoze|neauglība|spontānais aborts|grūtniecība|endometrioze|' +
  'riekstu alerģija|penicilīna alerģija|ekzēma|psoriāze|anēmija|mazasinība|dzirdes zudums|alkoholisms|dauna sindroms|' +
  'smadzeņu satricinājums|jostas roze|vējbakas|masalas|urīnceļu infekcija|hemoroīdi|bezmiegs|depresija pēc dzemdībām|' +
  'epilepsijas lēkme|sirds slimība|' +
  // Lithuanian
  'cukrinis diabetas|diabetas|aukštas kraujospūdis|padidėjęs kraujospūdis|arterinė hipertenzija|vėžys|krūties vėžys|' +
  'plaučių vėžys|žarnyno vėžys|storosios žarnos vėžys|prostatos vėžys|skydliaukės vėžys|gimdos kaklelio vėžys|auglys|' +
  'smegenų auglys|infarktas|miokardo infarktas|širdies priepuolis|širdies nepakankamumas|prieširdžių virpėjimas|insultas|' +
  'nerimo sutrikimas|panikos priepuoliai|bipolinis sutrikimas|šizofrenija|autizmas|alzheimerio liga|parkinsono liga|' +
  'išsėtinė sklerozė|artritas|reumatoidinis artritas|osteoporozė|hepatitas|kepenų cirozė|plaučių uždegimas|tuberkuliozė|' +
  'bronchitas|inkstų nepakankamumas|inkstų liga|inkstų akmenys|tulžies akmenys|apendicitas|skrandžio opa|krono liga|išvarža|' +
  'tarpslankstelinio disko išvarža|išialgija|kaulo lūžis|hipotirozė|nevaisingumas|persileidimas|nėštumas|endometriozė|' +
  'alergija riešutams|alergija penicilinui|egzema|psoriazė|mažakraujystė|klausos praradimas|alkoholizmas|dauno sindromas|' +
  'smegenų sukrėtimas|juostinė pūslelinė|vėjaraupiai|tymai|šlapimo takų infekcija|hemorojus|nemiga|pogimdyminė depresija|' +
  'širdies liga|cukraligė|' +
  // Tagalog/Filipino
  'alta presyon|altapresyon|mataas na presyon|diyabetes|diyabetis|sakit sa puso|atake sa puso|inatake sa puso|' +
  'inaatake ng hika|kanser sa suso|kanser sa baga|kanser sa atay|kanser sa dugo|kanser sa matris|kanser sa bituka|' +
  'sakit sa pag-iisip|sakit sa bato|bato sa bato|bato sa apdo|apendisitis|luslos|almoranas|pulmonya|tisis|bulutong|' +
  'bulutong-tubig|tigdas|beke|rayuma|sakit sa atay|sakit sa baga|pagkabaog|nakunan|pagkakunan|pagbubuntis|alerhiya|nabalian|' +
  'bosyo|pagkabingi|katarata|pagkabulag|alkoholismo|demensya|kulang sa dugo|naparalisa|paralisado|sakit sa dugo|' +
  'sakit sa balat|' +
  // Polish (more inflected forms)
  'cukrzycą|astmy|astmą|padaczki|padaczką|migreny|migreną|depresją|nerwicy|nerwicą|nowotworem|nowotworze|rakiem piersi|' +
  'raku piersi|rakiem płuc|raku płuc|raka jelita grubego|rak jelita grubego|rakiem jelita grubego|rak tarczycy|' +
  'raka tarczycy|rakiem tarczycy|rak szyjki macicy|raka szyjki macicy|rak trzustki|raka trzustki|białaczkę|białaczki|' +
  'białaczką|chłoniaka|chłoniakiem|zawałem serca|zawale serca|udarem mózgu|udarze mózgu|niewydolności serca|' +
  'niewydolność nerek|niewydolności nerek|nadciśnienia|nadciśnieniem|schizofrenii|autyzmem|autyzmu|demencji|' +
  'stwardnienia rozsianego|stwardnieniem rozsianym|zapalenia wątroby|marskość wątroby|marskości wątroby|zapaleniem płuc|' +
  'zapaleniu płuc|gruźlicy|chorobę nerek|choroby nerek|kamicę nerkową|kamicy nerkowej|kamicę żółciową|kamicy żółciowej|' +
  'kamienie żółciowe|zapalenia wyrostka|zapaleniem wyrostka|przepukliny|przepuklinę|przepuklina pachwinowa|' +
  'przepuklinę pachwinową|dyskopatię|dyskopatii|złamanie nogi|złamanie ręki|złamaną nogę|złamaną rękę|' +
  'niedoczynności tarczycy|nadczynności tarczycy|niepłodności|niepłodnością|poronieniu|poronienia|endometriozy|endometriozę|' +
  'uczulenie na orzechy|uczulenie na penicylinę|alergię na orzechy|alergię na penicylinę|alergia na orzechy|' +
  'alergia na penicylinę|łuszczycy|łuszczycę|anemii|jaskry|jaskrę|celiakii|celiakię|ciążę|zespołem downa|' +
  'chorobą afektywną dwubiegunową|chorobę afektywną dwubiegunową|boreliozę|boreliozy|borelioza|koronawirusa|' +
  // Czech (more inflected forms)
  'cukrovce|cukrovky|astmatu|astmatem|astmatik|epilepsii|epilepsií|migrénu|migrény|migrénou|depresí|rakovinu prsu|' +
  'rakovina prsu|rakovinou prsu|rakovina plic|rakovinu plic|rakovinou plic|rakovina tlustého střeva|' +
  'rakovinu tlustého střeva|rakovina prostaty|rakovinu prostaty|rakovina štítné žlázy|rakovinu štítné žlázy|' +
  'rakovina děložního čípku|leukémii|leukémií|nádoru|nádorem|infarktem|infarkt myokardu|mrtvici|mrtvicí|mozkovou mrtvici|' +
  'mozkovou příhodu|mozkové mrtvice|vysoký krevní tlak|vysokým krevním tlakem|hypertenzi|diabetem|demenci|demencí|' +
  'alzheimerovu chorobu|parkinsonovu chorobu|roztroušenou sklerózu|roztroušenou sklerózou|roztroušené sklerózy|žloutenku|' +
  'žloutenkou|hepatitidu|hepatitida|hepatitidou|cirhózu|zápalem plic|tuberkulózu|ledvinových kamenů|selhání ledvin|' +
  'selháním ledvin|onemocnění ledvin|žlučníkových kamenů|kameny ve žlučníku|zánětem slepého střeva|slepák|kýlu|kýlou|' +
  'tříselnou kýlu|tříselná kýla|výhřezem ploténky|zlomenou nohu|zlomenou ruku|zlomená noha|zlomená ruka|' +
  'snížená funkce štítné žlázy|sníženou funkci štítné žlázy|neplodností|neplodnosti|spontánní potrat|endometriózu|' +
  'alergii na ořechy|alergie na ořechy|alergii na penicilin|alergie na penicilin|lupénku|lupénkou|anémii|chudokrevnost|' +
  'šedého zákalu|zeleného zákalu|těhotenstvím|boreliózu|borelióza|klíšťová encefalitida|' +
  // Slovak (more inflected forms)
  'cukrovke|cukrovku 1. typu|astmu|astmou|epilepsiu|rakovinu prsníka|rakovina prsníka|rakovinou prsníka|' +
  'rakovina pľúc|rakovinu pľúc|rakovina hrubého čreva|rakovinu hrubého čreva|rakovina štítnej žľazy|rakovinu štítnej žľazy|' +
  'leukémiu|infarktom|mŕtvicu|mozgovú príhodu|hypertenziu|demenciu|sklerózu multiplex|žltačku|zápalom pľúc|zápalu pľúc|' +
  'zlyhanie obličiek|zápalom slepého čreva|zníženú funkciu štítnej žľazy|znížená funkcia štítnej žľazy|neplodnosťou|' +
  'spontánny potrat|alergiu na orechy|alergia na orechy|alergiu na penicilín|lupienku|lupienka|anémiu|celiakiu|tehotenstve|' +
  'tehotenstva|tehotenstvom|' +
  // Croatian/Serbian (Latin, more inflected forms)
  'šećernom bolešću|šećerne bolesti|dijabetesa|dijabetesom|astme|astmom|epilepsiju|epilepsije|migrenu|depresijom|depresije|' +
  'karcinoma|karcinomom|raka dojke|rakom dojke|raka pluća|raka prostate|rak debelog crijeva|raka debelog crijeva|' +
  'rak debelog creva|rak štitnjače|raka štitnjače|rak štitne žlezde|rak grlića maternice|rak grlića materice|leukemiju|' +
  'srčanog udara|moždanog udara|infarkta|visokog tlaka|visokog pritiska|visok pritisak|povišen tlak|povišeni tlak|' +
  'povišen krvni pritisak|hipertenziju|demenciju|alzheimerovu bolest|alzheimerova bolest|parkinsonova bolest|' +
  'parkinsonovu bolest|multiplu sklerozu|žuticu|žutica|cirozu jetre|ciroza jetre|upalu pluća|upale pluća|zapaljenje pluća|' +
  'tuberkulozu|bubrežne kamence|kamenac u bubregu|kamen u bubregu|bolest bubrega|zatajenje bubrega|bubrežna insuficijencija|' +
  'žučne kamence|kamenac u žuči|kamen u žuči|upalu slijepog crijeva|upala slepog creva|herniju|diskus hernija|' +
  'diskus herniju|slomljenu nogu|slomljena noga|slomljenu ruku|hipotireozu|spontanog pobačaja|endometriozu|' +
  'alergija na orašaste plodove|alergiju na orašaste plodove|alergija na penicilin|alergiju na penicilin|psorijazu|anemiju|' +
  'celijakiju|trudnoći|trudnoću|siva mrena|sivu mrenu|šećeraš|' +
  // Slovenian
  'sladkorna bolezen|sladkorno bolezen|sladkorno boleznijo|sladkorni bolnik|visok pritisk|povišan krvni tlak|astmo|' +
  'rak pljuč|raka pljuč|rak debelega črevesa|raka debelega črevesa|rak ščitnice|raka ščitnice|levkemija|levkemijo|limfom|' +
  'srčni infarkt|srčna kap|možganska kap|možgansko kap|epilepsijo|depresijo|anksiozna motnja|panični napadi|' +
  'bipolarna motnja|shizofrenijo|avtizem|demenca|demenco|alzheimerjeva bolezen|parkinsonova bolezen|multiplo sklerozo|' +
  'migreno|revmatoidni artritis|protin|zlatenica|ciroza jeter|pljučnica|pljučnico|tuberkulozo|ledvična odpoved|' +
  'bolezen ledvic|ledvični kamni|žolčni kamni|vnetje slepiča|razjeda na želodcu|želodčna razjeda|crohnova bolezen|' +
  'hernija diska|išias|zlomljena noga|zlomljeno nogo|zlomljeno roko|hipotiroza|hashimotov tiroiditis|spontani splav|' +
  'nosečnost|nosečnosti|alergija na oreščke|ekcem|luskavica|slabokrvnost|glavkom|naglušnost|alkoholizem|pretres možganov|' +
  'pasovec|norice|ošpice|vnetje sečil|hemoroidi|nespečnost|poporodna depresija|bolezen srca|srčno popuščanje|rak dojk|' +
  'raka dojk|klopni meningitis|' +
  // Hungarian (more inflected forms)
  'cukorbetegsége|cukorbetegséggel|cukorbetegségben|asztmája|asztmás|asztmával|asztmám|epilepsziája|epilepsziás|' +
  'epilepsziával|migrénje|migrénem|migrénes|depressziója|depresszióm|depresszióval|daganata|daganatos|daganatot|daganatom|' +
  'mellrákja|mellrákot|mellrákkal|mellrákban|tüdőrákja|tüdőrákot|tüdőrákban|prosztatarákja|prosztatarákot|vastagbélrákot|' +
  'vastagbélrákja|pajzsmirigyrák|pajzsmirigyrákja|méhnyakrák|leukémiája|leukémiás|limfóma|szívinfarktusa|szívinfarktust|' +
  'infarktusa|infarktust|agyvérzése|agyvérzést|szívrohama|szívroham|szívrohamot|magas vérnyomása|magas vérnyomásom|' +
  'magas vérnyomással|szívbetegség|szívbetegsége|szívbeteg|demenciája|alzheimer-kór|alzheimer-kórja|parkinson-kór|' +
  'parkinson-kórja|sclerosis multiplexe|reumája|reumás|köszvénye|csontritkulása|hepatitisz|májzsugor|májcirrózis|' +
  'koronavírusos|covidos|tüdőgyulladása|tüdőgyulladást|tüdőgyulladással|vesebetegség|vesebetegsége|veseelégtelenség|' +
  'vesekövem|vesekövek|vesekövet|epekövem|epekövek|epekövet|vakbélgyulladása|vakbélgyulladást|gyomorfekélye|sérve|sérvem|' +
  'porckorongsérve|porckorongsérvem|lisztérzékeny|cöliákia|cöliákiája|crohn-betegség|crohn-betegsége|colitis ulcerosa|' +
  'lábtörés|kartörés|csonttörése|pajzsmirigy-alulműködése|pajzsmirigy-túlműködés|pajzsmirigy-túlműködése|meddősége|vetélése|' +
  'vetélésem|vetélést|terhessége|terhességem|várandósság|endometriózisa|allergiája|mogyoróallergia|dióallergia|' +
  'penicillinallergia|ekcéma|pikkelysömöre|vérszegény|vérszegénysége|halláskárosodás|halláskárosult|pánikbetegsége|' +
  'skizofréniája|bipoláris zavara|cukorbetegek|daganatos betegség|rákbeteg|rákos beteg|stroke-ot|' +
  // Finnish (more inflected forms)
  'diabetekseen|diabeetikko|astman|astmaan|astmaatikko|epilepsiaa|epilepsian|migreeniä|migreenin|masennukseen|masennuksen|' +
  'syöpään|rintasyöpään|rintasyövän|rintasyöpää|keuhkosyöpään|keuhkosyövän|eturauhassyövän|suolistosyöpä|paksusuolensyöpä|' +
  'kilpirauhassyöpä|kohdunkaulan syöpä|sydänkohtauksen|sydäninfarkti|aivohalvauksen|aivoinfarkti|verenpainetautia|' +
  'korkeaa verenpainetta|muistisairauden|alzheimerin tautia|parkinsonin tautia|ms-tautia|nivelreumaa|kihtiä|hepatiitti|' +
  'maksakirroosi|keuhkokuumeen|keuhkokuumetta|munuaisten vajaatoiminta|munuaissairaus|munuaiskiviä|munuaiskivi|sappikivet|' +
  'sappikiviä|sappikivi|umpisuolentulehdus|keliakiaa|nivustyrä|välilevytyrä|luunmurtuma|kilpirauhasen vajaatoimintaa|' +
  'kilpirauhasen vajaatoiminnan|lapsettomuus|hedelmättömyyttä|keskenmenon|raskauden|raskautta|raskausaikana|endometrioosia|' +
  'pähkinäallergia|penisilliiniallergia|ruoka-allergia|atooppinen ihottuma|glaukooma|kuulovamma|ahdistuneisuushäiriötä|' +
  'paniikkihäiriötä|unettomuus|skitsofreniaa|sydänsairaus|sepelvaltimotauti|borrelioosi';

export const MORE_CONDITIONS_AMBIGUOUS =
  // Chinese (simplified and traditional)
  '感冒|发烧|發燒|咳嗽|过敏|過敏|流感|气喘|氣喘|骨折|流产|流產|强迫症|強迫症|新冠|抑郁|抑鬱|忧郁|憂鬱|焦虑|焦慮|失眠|头痛|頭痛|腰痛|背痛|头晕|頭暈|更年期|受伤|受傷|残疾|殘疾|发炎|發炎|中暑|拉肚子|腹泻|腹瀉|' +
  '胃痛|中风|中風|痴呆|脑瘫|' +
  // Japanese
  '風邪|発熱|インフルエンザ|コロナ|新型コロナ|アレルギー|流産|怪我|出産|不眠|頭痛持ち|肩こり|過労|障害者|妊婦|喘息|' +
  // Korean
  '감기|독감|몸살|알레르기|알러지|유산|코로나|디스크|갱년기|장애|부상|비염|열감기|간질|' +
  // Thai
  'ซึมเศร้า|สมาธิสั้น|ไข้หวัด|ไข้หวัดใหญ่|เป็นหวัด|ความดัน|ไทรอยด์|ไส้ติ่ง|หูตึง|ติดเหล้า|นอนไม่หลับ|วัยทอง|หมดประจำเดือน|' +
  'ปวดหัว|ปวดหลัง|เป็นไข้|ท้องเสีย|บาดเจ็บ|พิการ|เครียดลงกระเพาะ|อัมพาต|' +
  // Arabic (Modern Standard, with and without the article; Egyptian/Levantine lay words)
  'السرطان|سرطان|الورم|ورم|التوحد|توحد|الخرف|خرف|الشقيقة|شقيقة|الفتق|فتق|الغدة الدرقية|العقم|عقم|الإجهاض|إجهاض|اجهاض|' +
  'الاجهاض|الحمل|حمل|حامل|الحساسية|حساسية|المياه البيضاء|الإدمان|إدمان|ادمان|الإنفلونزا|إنفلونزا|الانفلونزا|انفلونزا|' +
  'نزلة برد|الزكام|زكام|الحمى|حمى|الكوليسترول|السمنة|الأرق|أرق|سن اليأس|الإعاقة|إعاقة|الاعاقة|اعاقة|السكر|الضغط|كورونا|' +
  'الزائدة|الغضروف|المرارة|حصوة|سخونية|دوخة|كسر|إصابة|اصابة|المرض الوحش|ديسك|الديسك|' +
  // Hebrew
  'סרטן|בסרטן|גידול|שבץ|הפלה|אלרגיה|התמכרות|שפעת|הצטננות|נדודי שינה|גיל המעבר|נכות|תוספתן|שבר|בקע|קורונה|חום גבוה|פציעה|' +
  'דלקת|לחץ דם|' +
  // Hindi (Devanagari)
  'शुगर|ब्लड प्रेशर|बीपी|थायराइड|एलर्जी|कोरोना|बुखार|वायरल बुखार|सर्दी-जुकाम|सर्दी जुकाम|जुकाम|खांसी|कोलेस्ट्रॉल|मोटापा|' +
  'रजोनिवृत्ति|विकलांगता|अल्सर|एसिडिटी|जोड़ों का दर्द|कमर दर्द|सिरदर्द|गर्भवती|चोट|स्ट्रोक|ब्लड शुगर|' +
  // Hindi/Urdu (Latin letters, as typed in chats)
  'bukhar|bukhaar|zukaam|zukam|jukam|khansi|khaansi|kamar dard|sar dard|sir dard|tabiyat kharab|tabiyat theek nahi|chakkar|' +
  'kamzori|jodon ka dard|ghutno ka dard|pet dard|khasra|garbhvati|ulti|dast|' +
  // Bulgarian
  'алергия|аборт|бременна|фрактура|счупване|настинка|шарка|менопауза|шипове|' +
  // Serbian (Cyrillic)
  'шећер|анксиозност|прелом|побачај|трудна|алергија|прехлада|инвалидитет|кила|грозница|' +
  // Macedonian
  'абортус|бремена|шеќер|' +
  // Icelandic
  'kvíði|ólétt|ófrísk|ofnæmi|flensa|kvef|örorka|ristill|hiti|' +
  // Estonian
  'vähk|vähki|rase|gripp|nohu|külmetus|puue|kasvaja|' +
  // Latvian
  'trūce|lūzums|alerģija|saaukstēšanās|invaliditāte|stāvoklī|' +
  // Lithuanian
  'lūžis|nėščia|alergija|gripas|peršalimas|neįgalumas|' +
  // Tagalog/Filipino
  'bukol|pagkabalisa|lagnat|trangkaso|sipon|baog|buntis|nagbubuntis|bali|pilay|bingi|bulag|adik|ulyanin|pasma|sakit sa ulo|' +
  'sakit sa sikmura|sakit ng ulo|sakit ng likod|hika|' +
  // Polish (more inflected forms)
  'ciąży|alergii|alergię|alergia|zaćmę|zaćmy|grypy|złamaniem|ciążą|' +
  // Czech (more inflected forms)
  'vysoký tlak|vysokého tlaku|alergie|zlomeninu|zlomeninou|chřipky|chřipkou|' +
  // Slovak (more inflected forms)
  'alergiu|chrípkou|' +
  // Croatian/Serbian (Latin, more inflected forms)
  'alergiju|kila|gripu|prijeloma|preloma|' +
  // Slovenian
  'alergijo|noseča|splav|zlom|slepič|prehlad|invalidnost|gripo|' +
  // Hungarian (more inflected forms)
  'allergia|várandós|alkoholista|depressziós|autista|szorongása|influenzás|náthás|lázam|' +
  // Finnish (more inflected forms)
  'ahdistusta|ahdistus|uupumus|ihottuma|tyrä|flunssassa|kuumeessa';

export const MORE_MEDICATIONS =
  // Chinese (simplified and traditional)
  '胰岛素|胰島素|二甲双胍|二甲雙胍|阿司匹林|阿斯匹靈|布洛芬|对乙酰氨基酚|對乙醯胺基酚|扑热息痛|撲熱息痛|必理痛|普拿疼|芬必得|阿莫西林|青霉素|青黴素|盘尼西林|盤尼西林|头孢|頭孢|头孢菌素|頭孢菌素|安眠药|安眠藥|抗抑郁药|' +
  '抗抑鬱藥|抗憂鬱藥|降压药|降壓藥|降糖药|降血糖藥|类固醇|類固醇|泼尼松|潑尼松|强的松|強的松|优甲乐|優甲樂|左甲状腺素|左旋甲狀腺素|甲状腺素|甲狀腺素|阿托伐他汀|瑞舒伐他汀|立普妥|华法林|華法林|氯吡格雷|波立维|保栓通|' +
  '硝酸甘油|速效救心丸|氨氯地平|硝苯地平|络活喜|絡活喜|奥美拉唑|奧美拉唑|舍曲林|左洛复|樂復得|氟西汀|百忧解|百憂解|帕罗西汀|帕羅西汀|艾司西酞普兰|艾司西酞普蘭|来士普|立普能|文拉法辛|阿普唑仑|阿普唑侖|地西泮|劳拉西泮|' +
  '勞拉西泮|唑吡坦|思诺思|喹硫平|奥氮平|奧氮平|利培酮|碳酸锂|碳酸鋰|丙戊酸钠|丙戊酸鈉|卡马西平|卡馬西平|左乙拉西坦|开浦兰|拉莫三嗪|哌甲酯|专注达|專思達|利他林|沙丁胺醇|万托林|泛得林|舒利迭|布地奈德|孟鲁司特|孟魯司特|' +
  '顺尔宁|氯雷他定|开瑞坦|開瑞坦|西替利嗪|避孕药|避孕藥|紧急避孕药|緊急避孕藥|事后避孕药|事後避孕藥|威而鋼|西地那非|他达拉非|化疗药|化療藥|他莫昔芬|泰莫西芬|赫赛汀|賀癌平|格列卫|基利克|抗病毒药|抗病毒藥|奥司他韦|' +
  '奧司他韋|克流感|连花清瘟|連花清瘟|干扰素|干擾素|利尿剂|利尿劑|呋塞米|吗啡|嗎啡|曲马多|曲馬多|羟考酮|羥考酮|芬太尼|甲氨蝶呤|羟氯喹|羥氯喹|司美格鲁肽|司美格魯肽|抗组胺药|抗組織胺|胰岛素注射|胰島素注射|他汀|' +
  // Japanese
  'インスリン|メトホルミン|ロキソニン|ロキソプロフェン|カロナール|アセトアミノフェン|イブプロフェン|バファリン|アスピリン|ボルタレン|抗がん剤|抗癌剤|抗うつ薬|抗うつ剤|抗不安薬|睡眠薬|睡眠導入剤|精神安定剤|降圧剤|降圧薬|' +
  '血圧の薬|プレドニン|プレドニゾロン|チラーヂン|チラージン|レボチロキシン|ワーファリン|ワルファリン|抗凝固薬|リピトール|クレストール|スタチン|アムロジピン|ノルバスク|オメプラゾール|タケキャブ|ネキシウム|レクサプロ|' +
  'ジェイゾロフト|パキシル|サインバルタ|リフレックス|デパス|ソラナックス|レンドルミン|マイスリー|ベルソムラ|ハルシオン|リスパダール|エビリファイ|ジプレキサ|セロクエル|リーマス|デパケン|テグレトール|イーケプラ|ラミクタール|' +
  'コンサータ|ストラテラ|インチュニブ|メプチン|サルタノール|シムビコート|アドエア|シングレア|キプレス|アレグラ|クラリチン|ザイザル|アレロック|低用量ピル|アフターピル|緊急避妊薬|バイアグラ|タミフル|ゾフルーナ|イナビル|' +
  'リレンザ|ラゲブリオ|パキロビッド|メトトレキサート|リウマトレックス|オキシコドン|モルヒネ|トラマドール|トラマール|オゼンピック|マンジャロ|リベルサス|ジャヌビア|フォシーガ|ジャディアンス|メトグルコ|アマリール|ランタス|' +
  'ノボラピッド|ハーセプチン|タモキシフェン|キイトルーダ|オプジーボ|インスリン注射|抗ウイルス薬|抗てんかん薬|抗精神病薬|' +
  // Korean
  '인슐린|메트포르민|아스피린|타이레놀|아세트아미노펜|이부프로펜|부루펜|애드빌|게보린|펜잘|수면제|항우울제|신경안정제|항불안제|혈압약|당뇨약|고지혈증약|갑상선약|신지로이드|씬지로이드|레보티록신|프레드니솔론|와파린|' +
  '항응고제|아토르바스타틴|리피토|크레스토|스타틴|암로디핀|노바스크|오메프라졸|넥시움|렉사프로|졸로프트|프로작|자낙스|알프라졸람|졸피뎀|스틸녹스|리스페달|아빌리파이|쎄로켈|데파코트|콘서타|메틸페니데이트|벤톨린|심비코트|' +
  '몬테루카스트|싱귤레어|지르텍|클라리틴|피임약|사후피임약|응급피임약|비아그라|타미플루|팍스로비드|항암제|타목시펜|허셉틴|키트루다|옵디보|메토트렉세이트|트라마돌|모르핀|펜타닐|위고비|오젬픽|삭센다|마운자로|항히스타민제|' +
  '항경련제|정신과 약|' +
  // Thai
  'อินซูลิน|เมทฟอร์มิน|พาราเซตามอล|ไทลินอล|ไอบูโพรเฟน|แอสไพริน|ยานอนหลับ|ยาต้านซึมเศร้า|ยาคลายเครียด|ยาลดความดัน|ยาความดัน|' +
  'ยาเบาหวาน|ยาละลายลิ่มเลือด|ยาต้านการแข็งตัวของเลือด|วาร์ฟาริน|ยาคุม|ยาคุมกำเนิด|ยาเม็ดคุมกำเนิด|ยาคุมฉุกเฉิน|ยาต้านไวรัส|' +
  'ยาต้านไวรัสเอชไอวี|ยาเคมีบำบัด|เพรดนิโซโลน|ยาไทรอยด์|เลโวไทรอกซีน|อะม็อกซีซิลลิน|ยาพ่นหอบหืด|ยาขยายหลอดลม|เวนโทลิน|' +
  'ทามิฟลู|ยากันชัก|ยาจิตเวช|ยาลดไขมัน|ยาฉีดอินซูลิน|' +
  // Arabic (Modern Standard, with and without the article; Egyptian/Levantine lay words)
  'الأنسولين|أنسولين|الانسولين|انسولين|إبر الأنسولين|ابر الانسولين|ميتفورمين|الميتفورمين|جلوكوفاج|باراسيتامول|الباراسيتامول|' +
  'بنادول|البنادول|أدول|ادول|الأسبرين|أسبرين|اسبرين|الاسبرين|إيبوبروفين|ايبوبروفين|بروفين|فولتارين|كتافلام|أموكسيسيلين|' +
  'اموكسيسيلين|اوجمنتين|حبوب منومة|مضادات الاكتئاب|مضاد اكتئاب|مضادات اكتئاب|الكورتيزون|كورتيزون|بريدنيزولون|الثيروكسين|' +
  'ثيروكسين|يوثيروكس|التروكسين|إلتروكسين|ليفوثيروكسين|الوارفارين|وارفارين|مميعات الدم|مميع للدم|مميع الدم|أتورفاستاتين|' +
  'ليبيتور|كريستور|أملوديبين|املوديبين|نورفاسك|أوميبرازول|اوميبرازول|نيكسيوم|سيرترالين|لوسترال|بروزاك|زاناكس|سيبرالكس|' +
  'فنتولين|الفنتولين|بخاخ الربو|بخاخة الربو|سيريتايد|حبوب منع الحمل|حبوب منع حمل|فياجرا|الفياجرا|تاميفلو|مضادات الفيروسات|' +
  'مورفين|المورفين|ترامادول|الترامادول|أوزمبيك|اوزمبيك|مونجارو|ساكسندا|أدوية الضغط|ادوية الضغط|دواء الضغط|حبوب الضغط|' +
  'أدوية السكر|ادوية السكر|دواء السكر|حبوب السكر|دواء الغدة|أدوية نفسية|ادوية نفسية|مضادات التخثر|ريفوتريل|ليريكا|كونسرتا|' +
  'ريتالين|' +
  // Hebrew
  'אינסולין|מטפורמין|אקמול|דקסמול|אופטלגין|נורופן|אדוויל|אספירין|מיקרופירין|וולטרן|כדורי שינה|כדור שינה|נוגדי דיכאון|' +
  'תרופות נוגדות דיכאון|ציפרלקס|פרוזק|לוסטרל|קלונקס|לוריוון|בונדורמין|אלטרוקסין|יוטירוקס|סטטינים|ליפיטור|קרסטור|סימבסטטין|' +
  'נורווסק|אומפרדקס|לוסק|קומדין|אליקוויס|קסרלטו|ריטלין|קונצרטה|ונטולין|סימביקורט|פרדניזון|גלולות למניעת הריון|גלולה למחרת|' +
  'ויאגרה|טמיפלו|מורפין|אוקסיקודון|טרמדקס|אוזמפיק|משאף|משאף לאסתמה|מדללי דם|תרופות לחץ דם|כדורים ללחץ דם|זודורם|רספרדל|' +
  'סרוקוול|ליתיום|דפלפט|למיקטל|טגרטול|' +
  // Hindi (Devanagari)
  'इंसुलिन|मेटफॉर्मिन|पैरासिटामोल|क्रोसिन|डोलो|कॉम्बिफ्लेम|एस्पिरिन|इबुप्रोफेन|नींद की गोली|नींद की गोलियां|गर्भनिरोधक गोली|' +
  'गर्भनिरोधक गोलियां|थायरोनॉर्म|एल्ट्रोक्सिन|इनहेलर|एंटीडिप्रेसेंट|बीपी की दवा|शुगर की दवा|थायराइड की दवा|अवसादरोधी|' +
  'खून पतला करने की दवा|इंसुलिन का इंजेक्शन|' +
  // Hindi/Urdu (Latin letters, as typed in chats)
  'neend ki goli|neend ki goliyan|neend ki dawai|sugar ki dawai|sugar ki dawa|bp ki dawai|bp ki dawa|bp ki goli|' +
  'thyroid ki dawai|thyroid ki goli|dil ki dawai|insulin ka injection|insulin ke injection|dimag ki dawai|' +
  'depression ki dawai|crocin|combiflam|thyronorm|' +
  // Bulgarian
  'хапчета за сън|сънотворни|противозачатъчни|противозачатъчни хапчета|кортизон|синтром|темпалгин|аулин|бруфен|бромазепам|' +
  'ксанакс|антидепресант|хапчета за кръвно|лекарства за кръвно|аналгетици|антихистамини|' +
  // Serbian (Cyrillic)
  'лекадол|кафетин|андол|бенседин|лексилиум|еутирокс|таблете за спавање|пилуле за спавање|контрацептивне пилуле|' +
  'антидепресиви|лекови за притисак|бета блокатори|кортикостероид|' +
  // Macedonian
  'апчиња за спиење|апчиња за притисок|лекови за притисок|' +
  // Icelandic
  'insúlín|parasetamól|íbúfen|panódíl|paratabs|þunglyndislyf|svefnlyf|svefntöflur|getnaðarvarnarpillan|getnaðarvarnarpilla|' +
  'blóðþynningarlyf|astmalyf|magnýl|' +
  // Estonian
  'insuliin|paratsetamool|ibuprofeen|aspiriin|antidepressandid|unerohi|unerohud|rasestumisvastased tabletid|' +
  'rasestumisvastane tablett|verevedeldaja|verevedeldajad|metformiin|varfariin|' +
  // Latvian
  'insulīns|paracetamols|ibuprofēns|aspirīns|antidepresanti|miega zāles|kontracepcijas tabletes|asins šķidrinātāji|' +
  'metformīns|' +
  // Lithuanian
  'insulinas|paracetamolis|ibuprofenas|aspirinas|antidepresantai|migdomieji|migdomieji vaistai|kontraceptinės tabletės|' +
  'kraują skystinantys vaistai|metforminas|' +
  // Tagalog/Filipino
  'gamot sa alta presyon|gamot sa altapresyon|gamot sa hika|gamot sa puso|gamot sa diyabetes|pampatulog|pampatulog na gamot|' +
  'biogesic|neozep|bioflu|alaxan|medicol|solmux|decolgen|tuseran|' +
  // Polish (more inflected forms)
  'insuliną|insulinie|leki na nadciśnienie|leki na cukrzycę|leki na tarczycę|leki na depresję|leków przeciwdepresyjnych|' +
  'tabletki na nadciśnienie|letrox|polopiryna|ibuprom|encorton|metypred|polocard|nasercowe|' +
  // Czech (more inflected forms)
  'inzulínem|inzulinem|inzulínu|inzulinu|léky na tlak|prášky na tlak|léky na štítnou žlázu|léky na cukrovku|léky na depresi|' +
  'antidepresivum|' +
  // Slovak (more inflected forms)
  'inzulínom|lieky na tlak|lieky na štítnu žľazu|lieky na cukrovku|tabletky na tlak|' +
  // Croatian/Serbian (Latin, more inflected forms)
  'inzulinom|inzulina|lijekovi za tlak|lekovi za pritisak|tablete za tlak|tablete za pritisak|lijekovi za štitnjaču|' +
  'lijekovi za dijabetes|tablete za smirenje|normabel|apaurin|helex|bensedin|lexilium|' +
  // Slovenian
  'tablete za pritisk|zdravila za pritisk|uspavalne tablete|kontracepcijske tablete|zdravila za redčenje krvi|' +
  // Hungarian (more inflected forms)
  'inzulint|inzulinos|rubophen|vérhígítót|fogamzásgátlót|fogamzásgátló tabletta|vérnyomáscsökkentő|vérnyomáscsökkentőt|' +
  'antidepresszáns|antidepresszánst|' +
  // Finnish (more inflected forms)
  'insuliinia|insuliinin|masennuslääkkeitä|unilääkkeitä|verenpainelääke|verenpainelääkkeet|tyroksiini|kortisonia|' +
  'ehkäisypilleri';

export const MORE_MEDICATIONS_AMBIGUOUS =
  // Chinese (simplified and traditional)
  '抗生素|消炎药|消炎藥|止痛药|止痛藥|激素|镇静剂|鎮靜劑|退烧药|退燒藥|感冒药|感冒藥|伟哥|' +
  // Japanese
  '抗生物質|抗生剤|痛み止め|鎮痛剤|解熱剤|ステロイド|風邪薬|胃薬|漢方薬|' +
  // Korean
  '항생제|진통제|해열제|스테로이드|감기약|소화제|안정제|' +
  // Thai
  'ยาปฏิชีวนะ|ยาแก้อักเสบ|ยาแก้ปวด|สเตียรอยด์|ยาพ่น|ยาแก้แพ้|ยาลดไข้|ยาแก้ไอ|' +
  // Arabic (Modern Standard, with and without the article; Egyptian/Levantine lay words)
  'المضاد الحيوي|مضاد حيوي|مضادات حيوية|المضادات الحيوية|مسكن|مسكنات|المسكنات|مهدئات|المهدئات|مهدئ|منوم|بخاخ|' +
  // Hebrew
  'אנטיביוטיקה|משככי כאבים|משכך כאבים|סטרואידים|גלולות|גלולה|כדורי הרגעה|' +
  // Hindi (Devanagari)
  'एंटीबायोटिक|एंटीबायोटिक्स|दर्द निवारक|दर्द की गोली|स्टेरॉयड|' +
  // Hindi/Urdu (Latin letters, as typed in chats)
  'dard ki goli|dard ki dawai|dawai|davai|dawaiyan|antibiotic ki goli|' +
  // Bulgarian
  'антибиотици|обезболяващи|болкоуспокояващи|успокоителни|' +
  // Serbian (Cyrillic)
  'лекови против болова|седативи|' +
  // Icelandic
  'verkjalyf|sýklalyf|sterar|verkjatöflur|' +
  // Estonian
  'antibiootikum|antibiootikumid|valuvaigisti|valuvaigistid|steroidid|rahusti|' +
  // Latvian
  'antibiotikas|pretsāpju zāles|steroīdi|nomierinošie|' +
  // Lithuanian
  'antibiotikai|skausmą malšinantys vaistai|nuskausminamieji|steroidai|raminamieji|' +
  // Tagalog/Filipino
  'antibiyotiko|pampakalma|gamot sa ubo|gamot sa lagnat|' +
  // Polish (more inflected forms)
  'antybiotykiem|antybiotyków|leków przeciwbólowych|' +
  // Czech (more inflected forms)
  'antibiotikem|prášky|léky na bolest hlavy|' +
  // Slovak (more inflected forms)
  'antibiotikami|' +
  // Croatian/Serbian (Latin, more inflected forms)
  'antibiotike|antibiotikom|lijekove protiv bolova|lekove protiv bolova|tablete protiv bolova|' +
  // Slovenian
  'protibolečinske tablete|pomirjevala|' +
  // Hungarian (more inflected forms)
  'fájdalomcsillapítót|altató|nyugtató|antibiotikumot|altatót|nyugtatót|' +
  // Finnish (more inflected forms)
  'särkylääke|särkylääkkeitä|antibioottia|antibioottikuurin';

export const MORE_PROCEDURES =
  // Chinese (simplified and traditional)
  '化疗|化療|放疗|放療|放射治疗|放射治療|电疗|電療|靶向治疗|标靶治疗|標靶治療|免疫治疗|免疫治療|血液透析|腹膜透析|洗肾|洗腎|核磁共振|磁共振|磁振造影|断层扫描|斷層掃描|电脑断层|電腦斷層|活检|活檢|活组织检查|切片检查|' +
  '切片檢查|穿刺活检|试管婴儿|試管嬰兒|体外受精|體外受精|人工授精|物理治疗|物理治療|理疗|理療|复健|復健|剖腹产|剖腹產|剖宫产|剖宮產|白内障手术|白內障手術|搭桥手术|搭橋手術|心脏搭桥|心臟搭橋|冠脉搭桥|支架手术|支架手術|' +
  '心脏支架|心臟支架|放支架|胃镜|胃鏡|肠镜|腸鏡|结肠镜|大腸鏡|内窥镜|內視鏡|胃镜检查|胃鏡檢查|膝关节置换|膝關節置換|髋关节置换|髖關節置換|人工关节|人工關節|膝盖手术|膝蓋手術|阑尾切除|闌尾切除|割阑尾|割盲腸|胆囊切除|' +
  '膽囊切除|甲状腺切除|甲狀腺切除|乳房切除|子宫切除|子宮切除|器官移植|肾移植|腎移植|肾脏移植|腎臟移植|肝移植|肝臟移植|骨髓移植|心脏起搏器|心臟起搏器|心律调节器|心律調節器|心导管|心導管|冠脉造影|冠狀動脈造影|钼靶|乳房攝影|' +
  '心理治疗|心理治療|产检|產檢|人工流产|人工流產|堕胎|墮胎|微创手术|微創手術|腹腔镜|腹腔鏡|冻卵|凍卵|冷冻卵子|冷凍卵子|取卵|促排卵|胰岛素泵|胰島素幫浦|心脏手术|心臟手術|开颅手术|開顱手術|髋关节手术|髖關節手術|透析治疗|' +
  '透析治療|' +
  // Japanese
  '抗がん剤治療|化学療法|放射線治療|放射線療法|免疫療法|分子標的薬|人工透析|開腹手術|腹腔鏡手術|生検|組織検査|顕微授精|不妊治療|胚移植|理学療法|帝王切開|白内障手術|バイパス手術|冠動脈バイパス|ステント|カテーテル治療|' +
  'カテーテル手術|心臓カテーテル|内視鏡検査|胃カメラ|大腸カメラ|大腸内視鏡|人工関節|人工膝関節置換術|人工股関節|膝の手術|股関節の手術|心臓の手術|心臓手術|虫垂切除|胆嚢摘出|甲状腺摘出|子宮摘出|臓器移植|骨髄移植|ペースメーカー|' +
  '血液検査|マンモグラフィ|マンモグラフィー|人工妊娠中絶|妊婦健診|胃ろう|抗がん剤投与|造影検査|心電図|精神療法|' +
  // Korean
  '무릎 수술|고관절 수술|심장 수술|맹장 수술|제왕절개|항암치료|항암 치료|방사선 치료|방사선치료|표적치료|면역치료|혈액투석|복막투석|신장투석|조직검사|시험관 시술|시험관시술|시험관아기|인공수정|체외수정|물리치료|' +
  '백내장 수술|관상동맥 우회술|스텐트 시술|심장 스텐트|위내시경|대장내시경|인공관절 수술|인공관절|담낭 절제술|갑상선 절제술|유방 절제술|자궁 적출술|장기 이식|신장 이식|간 이식|골수 이식|심박조율기|정신과 치료|' +
  '심리치료|혈액검사|유방촬영술|수혈|낙태|임신중절|디스크 수술|허리 수술|갑상선 수술|자기공명영상|컴퓨터단층촬영|엠알아이|씨티 촬영|심장초음파|관상동맥 조영술|항암 주사|라식|라섹|난자 채취|난자 동결|산전검사|' +
  // Thai
  'ผ่าตัด|การผ่าตัด|ผ่าตัดเข่า|ผ่าตัดสะโพก|ผ่าตัดหัวใจ|ผ่าตัดไส้ติ่ง|ผ่าตัดถุงน้ำดี|ผ่าตัดต้อกระจก|ผ่าตัดไทรอยด์|' +
  'ผ่าตัดมดลูก|ผ่าตัดเต้านม|ผ่าคลอด|เคมีบำบัด|ให้คีโม|ทำคีโม|คีโม|ฉายแสง|รังสีรักษา|ฉายรังสี|ฟอกไต|ล้างไต|ล้างไตทางช่องท้อง|' +
  'เอ็มอาร์ไอ|ซีทีสแกน|เจาะชิ้นเนื้อ|ตัดชิ้นเนื้อ|ทำเด็กหลอดแก้ว|เด็กหลอดแก้ว|ไอวีเอฟ|ผสมเทียม|กายภาพบำบัด|ทำกายภาพ|' +
  'บายพาสหัวใจ|ผ่าตัดบายพาส|ทำบอลลูน|บอลลูนหัวใจ|ใส่ขดลวด|ขดลวดค้ำยัน|ส่องกล้องกระเพาะ|ส่องกล้องลำไส้ใหญ่|' +
  'ส่องกล้องทางเดินอาหาร|เปลี่ยนข้อเข่า|ข้อเข่าเทียม|ข้อสะโพกเทียม|เปลี่ยนข้อสะโพก|ปลูกถ่ายไต|เปลี่ยนไต|ปลูกถ่ายตับ|' +
  'ปลูกถ่ายไขกระดูก|เครื่องกระตุ้นหัวใจ|ทำแท้ง|ฝากครรภ์|แมมโมแกรม|จิตบำบัด|พบจิตแพทย์|ฉีดอินซูลิน|ตรวจชิ้นเนื้อ|สวนหัวใจ|' +
  'ฉีดสีหัวใจ|' +
  // Arabic (Modern Standard, with and without the article; Egyptian/Levantine lay words)
  'عملية جراحية|العملية الجراحية|جراحة|الجراحة|عملية الركبة|عملية في الركبة|عملية ركبة|عملية الورك|عملية المرارة|عملية فتق|' +
  'عملية الفتق|عملية الزائدة|عملية الزايدة|عملية قلب|عملية قلب مفتوح|عملية القلب المفتوح|قلب مفتوح|عملية قيصرية|' +
  'عملية المياه البيضاء|عملية الغضروف|عملية الديسك|تغيير مفصل الركبة|استبدال مفصل الركبة|تغيير مفصل الورك|مفصل صناعي|' +
  'استئصال المرارة|استئصال الزائدة|استئصال الزائدة الدودية|استئصال الغدة الدرقية|استئصال الثدي|استئصال الرحم|' +
  'العلاج الكيماوي|علاج كيماوي|العلاج الكيميائي|علاج كيميائي|جرعة كيماوي|جلسات الكيماوي|العلاج الإشعاعي|علاج إشعاعي|' +
  'العلاج الاشعاعي|علاج اشعاعي|العلاج بالأشعة|غسيل الكلى|غسيل كلى|الغسيل الكلوي|غسيل كلوي|الغسيل البريتوني|' +
  'الرنين المغناطيسي|رنين مغناطيسي|التصوير بالرنين المغناطيسي|الأشعة المقطعية|أشعة مقطعية|الاشعة المقطعية|اشعة مقطعية|' +
  'التصوير المقطعي|الخزعة|خزعة|أطفال الأنابيب|اطفال الانابيب|طفل أنابيب|التلقيح الصناعي|تلقيح صناعي|الحقن المجهري|حقن مجهري|' +
  'التلقيح المجهري|العلاج الفيزيائي|علاج فيزيائي|الولادة القيصرية|ولادة قيصرية|عملية تكميم|تكميم المعدة|قسطرة القلب|' +
  'القسطرة القلبية|قسطرة|تركيب دعامة|دعامة في القلب|دعامات القلب|منظار المعدة|منظار القولون|منظار الجهاز الهضمي|' +
  'تنظير القولون|تنظير المعدة|التنظير الداخلي|زراعة كلية|زراعة الكلى|زرع كلية|زراعة الكبد|زراعة نخاع العظم|زرع نخاع|' +
  'جهاز تنظيم ضربات القلب|منظم ضربات القلب|العلاج النفسي|علاج نفسي|نقل دم|نقل الدم|فحص الدم|تحليل دم|تحليل الدم|تخطيط القلب|' +
  'رسم القلب|تصوير الثدي الشعاعي|الماموجرام|ماموجرام|جلسات العلاج الطبيعي|عملية القلب|' +
  // Hebrew
  'ניתוח ברך|ניתוח בברך|ניתוח ירך|ניתוח בירך|ניתוח לב|ניתוח לב פתוח|ניתוח מעקפים|צנתור|צנתור לב|צנתור טיפולי|תומכן|' +
  'כימותרפיה|טיפולי כימותרפיה|טיפול כימותרפי|טיפולי כימו|טיפולי הקרנות|דיאליזה|המודיאליזה|תהודה מגנטית|אם אר איי|סי טי|' +
  'טומוגרפיה ממוחשבת|ביופסיה|הפריה חוץ גופית|טיפולי פוריות|טיפולי הפריה|הזרעה מלאכותית|פיזיותרפיה|ניתוח קיסרי|ניתוח קטרקט|' +
  'אנדוסקופיה|גסטרוסקופיה|קולונוסקופיה|החלפת ברך|החלפת מפרק ירך|החלפת מפרק הברך|כריתת כיס מרה|כריתת כיס המרה|כריתת תוספתן|' +
  'ניתוח תוספתן|כריתת בלוטת התריס|כריתת שד|כריתת רחם|השתלת כליה|השתלת כבד|השתלת מח עצם|קוצב לב|טיפול פסיכולוגי|פסיכותרפיה|' +
  'בדיקת דם|בדיקות דם|ממוגרפיה|עירוי דם|הפסקת הריון|ניתוח בריאטרי|ניתוח שרוול|ניתוח גב|ניתוח דיסק|ניתוח בקע|ניתוח כיס מרה|' +
  'ניתוח בלוטת התריס|ניתוח מוח|שאיבת ביציות|החזרת עוברים|הקפאת ביציות|טיפול פסיכיאטרי|מיפוי עצמות|אקו לב|ניתוח להחלפת מפרק|' +
  // Hindi (Devanagari)
  'सर्जरी|घुटने का ऑपरेशन|घुटने की सर्जरी|कूल्हे का ऑपरेशन|दिल का ऑपरेशन|बाईपास सर्जरी|बायपास सर्जरी|एंजियोप्लास्टी|' +
  'एंजियोग्राफी|स्टेंट|कीमोथेरेपी|कीमो|रेडियोथेरेपी|डायलिसिस|एमआरआई|सीटी स्कैन|बायोप्सी|आईवीएफ|टेस्ट ट्यूब बेबी|' +
  'फिजियोथेरेपी|सिजेरियन|सीजेरियन|मोतियाबिंद का ऑपरेशन|एंडोस्कोपी|कोलोनोस्कोपी|अपेंडिक्स का ऑपरेशन|पथरी का ऑपरेशन|' +
  'किडनी ट्रांसप्लांट|गुर्दा प्रत्यारोपण|पेसमेकर|ब्लड टेस्ट|खून की जांच|सोनोग्राफी|बच्चेदानी का ऑपरेशन|हर्निया का ऑपरेशन|' +
  'गर्भपात कराना|रेडिएशन थेरेपी|' +
  // Hindi/Urdu (Latin letters, as typed in chats)
  'ghutne ka operation|ghutne ki surgery|dil ka operation|pathri ka operation|bachedani ka operation|appendix ka operation|' +
  'hernia ka operation|motiyabind ka operation|kulhe ka operation|rid ki haddi ka operation|kidney ka operation|' +
  'bypass ka operation|stent dalwaya|stent dala|chemo chal rahi|chemo ho rahi|dialysis chal raha|bacha operation se hua|' +
  'operation se delivery|khoon ki jaanch|khoon ki janch|garbhpat karwaya|' +
  // Bulgarian
  'операция на коляното|операция на тазобедрената става|операция на сърцето|операция на жлъчката|операция на апендицит|' +
  'операция на херния|операция на катаракта|лъчетерапия|лъчелечение|диализа|хемодиализа|магнитен резонанс|' +
  'ядрено-магнитен резонанс|компютърна томография|цезарово сечение|секцио|байпас|ендоскопия|гастроскопия|ендопротеза|' +
  'пейсмейкър|кръвни изследвания|изследване на кръвта|мамография|апендектомия|холецистектомия|химиотерапията|инвитро|' +
  'сърдечна катетеризация|коронарография|трансплантация на бъбрек|ин витро процедура|' +
  // Serbian (Cyrillic)
  'операција колена|операција кука|операција срца|операција слепог црева|операција жучне кесе|хемиотерапија|радиотерапија|' +
  'дијализа|магнетна резонанца|биопсија|вантелесна оплодња|физикална терапија|физиотерапија|царски рез|операција катаракте|' +
  'бајпас|ендоскопија|колоноскопија|гастроскопија|трансплантација|пејсмејкер|анализа крви|мамографија|уградња стента|' +
  // Macedonian
  'операција на колено|операција на срце|операција на колк|хемотерапија|ин витро оплодување|' +
  // Icelandic
  'skurðaðgerð|hnéaðgerð|mjaðmaaðgerð|hjartaaðgerð|lyfjameðferð|krabbameinslyfjameðferð|geislameðferð|blóðskilun|segulómun|' +
  'tölvusneiðmynd|glasafrjóvgun|sjúkraþjálfun|keisaraskurður|hjáveituaðgerð|kransæðavíkkun|magaspeglun|ristilspeglun|' +
  'nýrnaígræðsla|gangráður|sálfræðimeðferð|brjóstamyndataka|blóðprufa|' +
  // Estonian
  'põlveoperatsioon|puusaoperatsioon|südameoperatsioon|keemiaravi|kiiritusravi|dialüüs|magnetresonantstomograafia|' +
  'kompuutertomograafia|kunstlik viljastamine|füsioteraapia|keisrilõige|endoskoopia|kolonoskoopia|gastroskoopia|vereanalüüs|' +
  'neerusiirdamine|südamestimulaator|psühhoteraapia|mammograafia|pimesoole eemaldamine|sapipõie eemaldamine|' +
  // Latvian
  'ceļa operācija|gūžas operācija|sirds operācija|ķīmijterapija|staru terapija|dialīze|magnētiskā rezonanse|' +
  'datortomogrāfija|mākslīgā apaugļošana|ķeizargrieziens|kataraktas operācija|šuntēšana|endoskopija|asins analīzes|' +
  'nieres transplantācija|elektrokardiostimulators|psihoterapija|mamogrāfija|apendektomija|' +
  // Lithuanian
  'kelio operacija|klubo operacija|širdies operacija|chemoterapija|spindulinė terapija|spindulinis gydymas|dializė|' +
  'magnetinio rezonanso tomografija|kompiuterinė tomografija|dirbtinis apvaisinimas|kineziterapija|cezario pjūvis|' +
  'kataraktos operacija|šuntavimas|stentas|kraujo tyrimas|inkstų transplantacija|širdies stimuliatorius|psichoterapija|' +
  'mamografija|' +
  // Tagalog/Filipino
  'operasyon sa tuhod|operasyon sa puso|operasyon sa apendiks|operasyon sa katarata|operasyon sa balakang|operasyon sa bato|' +
  'kemoterapya|pagpapa-dialysis|nagpapa-dialysis|nagda-dialysis|cesaryan|nagpa-chemo|nagpapa-chemo|' +
  // Polish (more inflected forms)
  'operacja kolana|operację kolana|operacji kolana|operacja biodra|operację biodra|operacji biodra|operacja serca|' +
  'operację serca|operacji serca|operacja kręgosłupa|operację kręgosłupa|operacji kręgosłupa|operacji wyrostka|' +
  'operację wyrostka|operacji przepukliny|operację przepukliny|operacji zaćmy|operację zaćmy|operacja zaćmy|' +
  'operacji woreczka żółciowego|usunięcie woreczka żółciowego|usunięciu woreczka żółciowego|operacji tarczycy|' +
  'operację tarczycy|wycięcie tarczycy|wycięciu tarczycy|chemioterapii|radioterapii|dializie|' +
  'dializy|dializę|dializach|fizjoterapii|rezonansu magnetycznego|rezonansie magnetycznym|tomografii|tomografia komputerowa|' +
  'tomografii komputerowej|biopsji|biopsję|kolonoskopii|kolonoskopię|gastroskopii|gastroskopię|cesarskim cięciu|' +
  'cesarskiego cięcia|przeszczepie nerki|przeszczepu nerki|przeszczep nerki|endoprotezę|endoprotezy|endoprotezie|' +
  'endoprotezoplastyka|koronarografii|koronarografia|koronarografię|angioplastyka|bajpasy|bypassy|stentów|stenty|' +
  'badania krwi|wszczepienie rozrusznika|rozrusznikiem serca|zabiegu in vitro|procedurze in vitro|naświetlania|' +
  'naświetlaniach|' +
  // Czech (more inflected forms)
  'operaci kolene|operace kolene|operaci kyčle|operace kyčle|operaci srdce|operace srdce|operaci slepého střeva|' +
  'operace slepého střeva|operaci páteře|operace páteře|operaci kýly|operace kýly|operaci žlučníku|operace žlučníku|' +
  'operaci šedého zákalu|operace šedého zákalu|operaci štítné žlázy|operace štítné žlázy|chemoterapii|chemoterapií|' +
  'chemoterapiích|ozařováním|dialýzu|dialýze|dialýzou|fyzioterapii|magnetickou rezonanci|magnetické rezonanci|biopsii|' +
  'endoskopii|císařským řezem|císařském řezu|umělém oplodnění|transplantaci|transplantaci ledviny|transplantace ledviny|' +
  'náhradu kolene|náhradu kyčle|náhrada kolene|endoprotézu|endoprotéza|endoprotézy|koronarografie|bypass srdce|stentu|' +
  'psychoterapie|mamografii|mamografie|krevní testy|' +
  // Slovak (more inflected forms)
  'operácii kolena|operáciu kolena|operácia kolena|operáciu bedrového kĺbu|operácii bedrového kĺbu|operácia srdca|' +
  'operáciu srdca|operácii srdca|operáciu slepého čreva|operácii slepého čreva|operáciu žlčníka|operácii žlčníka|' +
  'operáciu sivého zákalu|operácii sivého zákalu|chemoterapiou|rádioterapiu|rádioterapia|ožarovanie|ožarovaní|ožarovania|' +
  'fyzioterapiu|magnetickú rezonanciu|magnetickej rezonancii|biopsiu|kolonoskopiu|cisárskym rezom|cisárskom reze|' +
  'umelom oplodnení|transplantáciu|transplantácii|psychoterapiu|endoprotézou|' +
  // Croatian/Serbian (Latin, more inflected forms)
  'operaciji koljena|operaciju koljena|operacija koljena|operaciji kolena|operaciju kolena|operacija kolena|operaciji kuka|' +
  'operaciju kuka|operacija kuka|operaciji srca|operaciju srca|operacija srca|operaciji slijepog crijeva|' +
  'operaciju slijepog crijeva|operacija slijepog crijeva|operacija slepog creva|operaciju slepog creva|' +
  'operaciju žučnog mjehura|operacija žučnog mjehura|operaciju žučne kese|operacija žučne kese|operaciju mrene|' +
  'operacija mrene|operaciji mrene|kemoterapiji|kemoterapiju|kemoterapijom|hemoterapija|hemoterapiji|hemoterapiju|' +
  'radioterapija|radioterapiji|dijalizi|dijalizu|dijalizom|hemodijaliza|hemodijalizi|fizioterapiji|fizikalnu terapiju|' +
  'fizikalna terapija|fizikalnoj terapiji|magnetskoj rezonanciji|magnetnoj rezonanci|magnetnu rezonancu|biopsiji|biopsiju|' +
  'kolonoskopiji|kolonoskopiju|gastroskopiju|carskim rezom|carskog reza|vantjelesnoj oplodnji|vantelesna oplodnja|' +
  'vantelesnoj oplodnji|transplantacija|transplantaciji|transplantaciju|ugradnja stenta|ugradnju stenta|bajpas|mamografiju|' +
  'kemoterapije|' +
  // Slovenian
  'operacijo kolena|operacija kolka|operacijo kolka|operaciji kolka|operacijo srca|operacija slepiča|operacijo slepiča|' +
  'operacija sive mrene|kemoterapijo|obsevanje|obsevanja|obsevanju|dializo|dializi|magnetna resonanca|magnetno resonanco|' +
  'računalniška tomografija|biopsijo|umetna oploditev|umetno oploditev|fizioterapijo|kolonoskopijo|gastroskopijo|' +
  'presaditev ledvice|srčni spodbujevalnik|krvne preiskave|odvzem krvi|vstavitev stenta|' +
  // Hungarian (more inflected forms)
  'műtétje|műtétem|műtétet|műtétre|térdműtét|térdműtétem|térdműtéte|térdműtéten|csípőműtét|csípőműtéte|szívműtét|szívműtéte|' +
  'vakbélműtét|vakbélműtéte|epeműtét|sérvműtét|szürkehályog-műtét|szürkehályogműtét|bypass-műtét|sztent|sztentet|' +
  'kemoterápiát|kemoterápiás kezelés|kemoterápiára|kemoterápián|sugárkezelést|sugárkezelésre|sugárterápia|dialízisre|' +
  'dialízisen|mr-vizsgálat|ct-vizsgálat|biopsziát|lombikprogramban|mesterséges megtermékenyítés|gyógytornára|fizioterápia|' +
  'császármetszéssel|gyomortükrözés|endoszkópia|kolonoszkópia|veseátültetés|transzplantáció|pacemakert|szívkatéterezés|' +
  'mammográfia|vérvételre|pszichoterápiára|' +
  // Finnish (more inflected forms)
  'polvileikkaus|polvileikkauksen|polvileikkaukseen|polvileikkauksessa|lonkkaleikkaus|lonkkaleikkauksen|lonkkaleikkaukseen|' +
  'sydänleikkaus|sydänleikkauksen|umpisuolileikkaus|sappileikkaus|kaihileikkaus|kaihileikkauksen|tekonivelleikkaus|' +
  'ohitusleikkauksen|pallolaajennus|stentti|sytostaattihoito|sytostaattihoidot|solunsalpaajahoitoja|solunsalpaajahoitoon|' +
  'solunsalpaajahoidot|sädehoitoon|sädehoidon|sädehoitoa|dialyysissä|dialyysihoito|magneettikuvaan|magneettikuvauksessa|' +
  'magneettikuva|koepalan|keinohedelmöitys|hedelmöityshoito|hedelmöityshoidot|hedelmöityshoitoja|fysioterapia|' +
  'fysioterapiaan|fysioterapiassa|keisarileikkauksella|keisarileikkauksen|paksusuolen tähystys|mahalaukun tähystys|' +
  'elinsiirto|munuaisensiirto|sydämentahdistin|verikokeet|psykoterapia|psykoterapiassa|mammografia|syöpähoitoja|' +
  'syöpähoidoissa|syöpähoidot';

export const MORE_PROCEDURES_AMBIGUOUS =
  // Chinese (simplified and traditional)
  '透析|手术|手術|开刀|開刀|动手术|動手術|疫苗接种|疫苗接種|打疫苗|接种疫苗|接種疫苗|康复治疗|康復治療|心理咨询|心理諮商|验血|驗血|抽血|体检|體檢|住院|人流|针灸|針灸|顺产|順產|复诊|複診|输血|輸血|' +
  // Japanese
  '入院|通院|予防接種|ワクチン接種|リハビリ|心療内科|精神科|カウンセリング|人間ドック|健康診断|内視鏡|点滴|検査入院|中絶|採卵|' +
  // Korean
  '수술|투석|항암|내시경|스텐트|예방접종|백신 접종|재활치료|재활|상담치료|입원|건강검진|초음파|깁스|' +
  // Thai
  'ฉีดวัคซีน|แอดมิท|นอนโรงพยาบาล|ตรวจเลือด|อัลตราซาวด์|เอกซเรย์|ตรวจสุขภาพ|ฝังเข็ม|ใส่เฝือก|ส่องกล้อง|ให้เลือด|' +
  // Arabic (Modern Standard, with and without the article; Egyptian/Levantine lay words)
  'عملية|القيصرية|قيصرية|التطعيم|تطعيم|اللقاح|لقاح|المنظار|منظار|العلاج الطبيعي|علاج طبيعي|الأشعة|أشعة|اشعة|الأشعة السينية|' +
  'أشعة سينية|دعامة|الكيماوي|كيماوي|تحاليل|تحليل|أشعة تلفزيونية|سونار|السونار|المستشفى|تنويم|' +
  // Hebrew
  'ניתוח|חיסון|חיסונים|אולטרסאונד|אשפוז|מאושפז|מאושפזת|שיקום|הקרנה|כימו|צילום רנטגן|רנטגן|גבס|קיסרי|מעקפים|הקרנות|' +
  // Hindi (Devanagari)
  'ऑपरेशन|टीकाकरण|टीका|वैक्सीन|अल्ट्रासाउंड|एक्स-रे|अस्पताल में भर्ती|इलाज|चेकअप|' +
  // Hindi/Urdu (Latin letters, as typed in chats)
  'operation hua|operation hona|aspatal mein bharti|hospital mein bharti|bharti hai|ilaaj|ilaj|teeka|teekakaran|' +
  // Bulgarian
  'скенер|рехабилитация|ваксина|ваксинация|ваксиниране|ин витро|хоспитализация|' +
  // Serbian (Cyrillic)
  'операција|зрачење|вакцинација|вакцина|рехабилитација|' +
  // Icelandic
  'aðgerð|bólusetning|endurhæfing|sýnataka|sjúkrahúsvist|speglun|' +
  // Estonian
  'operatsioon|operatsioonil|vaktsineerimine|vaktsiin|taastusravi|haiglaravi|' +
  // Latvian
  'operācija|vakcinācija|rehabilitācija|potēšana|' +
  // Lithuanian
  'skiepai|skiepijimas|reabilitacija|' +
  // Tagalog/Filipino
  'naoperahan|inoperahan|pagpapabakuna|pagbabakuna|bakuna|naospital|na-confine|radyasyon|magpapa-opera|' +
  // Polish (more inflected forms)
  'po operacji|operacji|przed operacją|rehabilitacji|szczepieniu|szczepionkę|zabiegu|zabiegiem|szpitalu|chemię|' +
  // Czech (more inflected forms)
  'po operaci|rehabilitaci|očkováním|nemocnici|neschopence|neschopenku|marodím|' +
  // Slovak (more inflected forms)
  'po operácii|operácii|rehabilitáciu|péenke|péenku|' +
  // Croatian/Serbian (Latin, more inflected forms)
  'operaciji|nakon operacije|poslije operacije|posle operacije|bolovanju|bolovanje|bolnici|zračenja|' +
  // Slovenian
  'operacijo|po operaciji|cepljenje|bolniški|bolniško|bolnišnici|' +
  // Hungarian (more inflected forms)
  'lombik|műtét után|oltást|védőoltás|kórházban|táppénzen|rehabilitáción|' +
  // Finnish (more inflected forms)
  'leikkauksen|leikkaukseen|leikkauksessa|leikkauksesta|sairaalassa|sairauslomalla|sairauslomaa|kuntoutukseen';
