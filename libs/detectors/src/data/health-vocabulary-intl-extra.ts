/*
 * Health vocabulary of more languages for the health detector (detectors/health-detector.ts), to be read
 * with data/health-vocabulary-intl.ts and data/health-vocabulary-intl-more.ts in a text that is not in
 * English (detectors/health-terms-intl.ts), in the same format: '|'-separated, lower case where the script
 * has case, whole words or phrases with single spaces.
 *
 * Languages: Persian (Farsi), Urdu (Arabic script), Bengali, Tamil, Telugu, Marathi and Nepali (Devanagari:
 * only the words the Hindi list of health-vocabulary-intl-more.ts lacks), Gujarati, Punjabi (Gurmukhi),
 * Swahili, Hausa, Yoruba, Amharic, Malay (only what the Indonesian/Malay entries of
 * health-vocabulary-intl.ts lack) and Burmese — the conditions people mention about themselves or their
 * family at work and in forms, the medicines by the names people use there (local brands too: Napa and
 * Seclo in Bangladesh, Panadol and Risek in Pakistan, Emzor in Nigeria, Coartem and Septrin in East
 * Africa), and the common procedures, tests and devices.
 *
 * - Written for this project by hand from common usage, not copied from a list. Entries of the main
 *   vocabulary, of health-vocabulary-intl.ts and of health-vocabulary-intl-more.ts are not repeated; a
 *   spelling shared by several languages (Persian and Urdu, Marathi and Nepali, Swahili and Hausa "suga")
 *   is listed once, under the first language that uses it.
 * - Inflected and particle-joined forms are listed where people write them as one word: Persian "ـم"/"ـش"
 *   ("my"/"his": "دیابتم", "سرطانش"), Bengali case endings ("ক্যান্সারে", "ডেঙ্গুতে"), Tamil "-ஆல்"
 *   ("மாரடைப்பால்"), Telugu "-తో" ("గుండెపోటుతో"), Marathi "-चा", "-ने" ("कर्करोगाने"), Nepali "-को", "-ले"
 *   ("क्यान्सरले"), Gujarati "-થી" ("કેન્સરથી"), Swahili verb forms ("amepooza", "amelazwa"), Amharic
 *   possessives ("ካንሰሩ", "ስኳሬ"); both spellings where two are common (Urdu "ذیابیطس"/"ذیابطیس", Amharic
 *   "ህመም"/"ሕመም", Hausa with and without the hooked letters ɓ ɗ ƙ, Yoruba with the tone marks and dots
 *   and as often typed without them).
 * - Persian and Urdu are written with the Persian letters ی and ک (a text typed on an Arabic keyboard, ي
 *   and ك, is not matched). Persian compounds usually written with a zero-width non-joiner (ZWNJ) are
 *   listed with a blank and joined ("شیمی درمانی", "شیمیدرمانی"): the reader of health-terms-intl.ts ends a
 *   word at a ZWNJ (a suffix after it is cut off, "قرص‌ها" reads as "قرص", but a compound is two words
 *   with no blank between them). No entry holds a ZWNJ, a ZWJ, a tatweel or a non-ASCII digit.
 * - The entries are in Unicode NFC, which writes the Devanagari, Bengali and Gurmukhi nukta letters as a
 *   letter and a nukta ("য়" = য + ়); many keyboards type them as one code point (U+09DF), so each
 *   entry with one is listed a second time in that form, after its language's entries.
 * - Left out: one- and two-letter words (Persian "سل" TB, "تب" fever; Amharic "ወባ" malaria, "ራጅ"
 *   X-ray), and words that are ordinary words in the language or in another of those read (Hausa "kansa"
 *   is "himself", so the Swahili "kansa" (cancer) is ambiguous; Hausa "shawara" (jaundice) is "advice";
 *   Persian "سقط" is Arabic "fell" and is only listed in "سقط جنین"; Yoruba "oyun" typed without its
 *   accent is Turkish "game", "aditi" a given name; Swahili "korona" is Polish and Czech "crown", as
 *   "corona" was left out of health-vocabulary-intl.ts; a bare "bypass" is also a road).
 * - Ambiguous groups: the word has an everyday or figurative sense too ("sugar" قند, शुगर, sukari, ስኳር;
 *   "pressure" فشار, presha, ግፊት; "fever" بخار (also "steam" in Persian and Arabic), homa, ibà; "operation" آپریشن,
 *   operesheni; "pain" alone), or is said of anyone ("pregnant", "blind", "deaf", "disabled"), as in
 *   the other lists; the plain words for "medicine", "pills" and "injection" are there too.
 * - Burmese is written without blanks between words: like Chinese and Thai (health-vocabulary-intl-more.ts),
 *   its terms are found inside the text's runs of letters, so only terms of two or more syllables that are
 *   not parts of common words are listed ("ကင်ဆာ" cancer, "ဆီးချို" diabetes; not "ဆေး" medicine); they
 *   match only once the Myanmar script (U+1000-U+109F) is one of the UNSPACED scripts of
 *   health-terms-intl.ts. Burmese is in Unicode, not the Zawgyi encoding some older texts use.
 * - EXTRA_SUBJECT_WORDS: the words of these languages that name the person health data is about —
 *   first and third person pronouns and possessives, "my son/daughter/mother/father/husband/wife/
 *   brother/sister" (written as one word where the language joins the possessive: Persian "مادرم",
 *   Amharic "እናቴ", Hausa "mijina"), "patient", "the client" — as people write them, lower case, whole
 *   words (short pronouns included, as in the detector's English "i", "me"); for the detector's person
 *   rules (SUBJECT_NEAR, SUBJECT), not yet read by it. Left out where the word is a common word of another
 *   language in the same script: Persian "من" ("I": Arabic "from, who") and "او" ("he/she": Arabic "or"),
 *   Urdu "میں" (also Urdu "in"), Marathi "तो" ("he": Hindi "then") and "आई" ("mother": Hindi "came"),
 *   Hausa "ni" (Swahili "is"), Swahili "lake" (English); still shared with other languages: Swahili
 *   "wake" (English), Malay "dia" (Portuguese "day"), "mama", "baba".
 */

/** conditions: diagnoses and conditions, in lay and clinical words */
export const EXTRA_CONDITIONS =
  // Persian (Farsi)
  'دیابت|دیابتی|دیابت نوع یک|دیابت نوع دو|دیابت بارداری|پیش دیابت|بیماری قند|مرض قند|قند خون بالا|دیابتم|دیابتش|' +
  'فشار خون بالا|پرفشاری خون|فشار خون پایین|سکته قلبی|حمله قلبی|ایست قلبی|نارسایی قلبی|نارسایی قلب|بیماری قلبی|' +
  'ناراحتی قلبی|بیماری عروق کرونر|آنژین صدری|سکته مغزی|فلج مغزی|سرطان سینه|سرطان پستان|سرطان ریه|سرطان روده|' +
  'سرطان روده بزرگ|سرطان معده|سرطان خون|سرطان پروستات|سرطان کبد|سرطان دهانه رحم|سرطان تیروئید|سرطان پوست|سرطان مثانه|' +
  'سرطان لوزالمعده|سرطان پانکراس|سرطان تخمدان|لوسمی|تومور|تومور مغزی|لنفوم|آسم|بیماری سل|مالاریا|تیفوئید|حصبه|تب دنگی|' +
  'دنگی|هپاتیت|هپاتیت بی|هپاتیت سی|یرقان|ایدز|اچ آی وی|بیماری کلیوی|بیماری کلیه|نارسایی کلیه|نارسایی کلیوی|سنگ کلیه|' +
  'سنگ مثانه|بیماری کبدی|کبد چرب|سیروز|سیروز کبدی|نارسایی کبد|حمله صرع|اختلال اضطراب|اختلال اضطرابی|اختلال اضطراب فراگیر|' +
  'حمله پانیک|حملات پانیک|اختلال دوقطبی|اسکیزوفرنی|اوتیسم|بیش فعالی|اختلال بیش فعالی|آلزایمر|زوال عقل|دمانس|پارکینسون|' +
  'مولتیپل اسکلروزیس|میگرن|میگرنم|آرتروز|آرتریت|آرتریت روماتوئید|روماتیسم|رماتیسم|روماتیسم مفصلی|پوکی استخوان|کمردرد|' +
  'کمردردم|دیسک کمر|دیسک گردن|فتق دیسک|بیرون زدگی دیسک|سیاتیک|فتق مغبنی|فتق نافی|آپاندیسیت|ذات الریه|سینه پهلو|پنومونی|' +
  'عفونت ریه|کم کاری تیروئید|پرکاری تیروئید|گواتر|کم خونی|کمخونی|آنمی|فقر آهن|تالاسمی|تالاسمی مینور|تالاسمی ماژور|' +
  'کم خونی داسی شکل|سیکل سل|بارداری|سقط جنین|ناباروری|نازایی|شکستگی استخوان|عفونت گوش|بیماری پوستی|اگزما|پسوریازیس|' +
  'زخم معده|زخم اثنی عشر|سنگ کیسه صفرا|سنگ صفرا|التهاب کیسه صفرا|پانکراتیت|التهاب لوزالمعده|کووید|کووید-19|آبله مرغان|' +
  'سرخک|اوریون|معلولیت|نابینایی|ناشنوایی|کم شنوایی|کم بینایی|آب مروارید|گلوکوم|کلسترول بالا|چربی خون بالا|' +
  'اختلال وسواس فکری عملی|وسواس فکری عملی|سندروم داون|سندرم داون|بواسیر|هموروئید|عفونت ادراری|عفونت مجاری ادراری|سینوزیت|' +
  'لوپوس|مسمومیت بارداری|کیست تخمدان|تخمدان پلی کیستیک|سندروم تخمدان پلی کیستیک|اندومتریوز|فیبروم رحم|بیماری ریوی|' +
  'اعتیاد به مواد مخدر|اعتیاد به الکل|عفونت خونی|مننژیت|کزاز|سیاه سرفه|فلج اطفال|تب مالت|بیماری روانی|اختلال روانی|' +
  // Urdu (Arabic script)
  'ذیابیطس|ذیابطیس|شوگر کی بیماری|شوگر کا مریض|شوگر کی مریضہ|شوگر کے مریض|ہائی بلڈ پریشر|ہائی بی پی|بلند فشار خون|' +
  'ہائپر ٹینشن|لو بلڈ پریشر|دل کا دورہ|ہارٹ اٹیک|دل کی بیماری|دل کے مریض|دل کا مریض|امراض قلب|عارضہ قلب|فالج|' +
  'فالج کا حملہ|لقوہ|برین اسٹروک|برین ہیمرج|کینسر|چھاتی کا کینسر|بریسٹ کینسر|پھیپھڑوں کا کینسر|خون کا کینسر|بلڈ کینسر|' +
  'منہ کا کینسر|جگر کا کینسر|بچہ دانی کا کینسر|رسولی|ٹیومر|دمہ|استھما|دمے کا مرض|ٹی بی|تپ دق|ملیریا|ٹائیفائیڈ|ٹائیفائڈ|' +
  'میعادی بخار|ڈینگی|ڈینگی بخار|ہیپاٹائٹس|ہیپاٹائٹس بی|ہیپاٹائٹس سی|کالا یرقان|پیلیا|ایچ آئی وی|گردے کی بیماری|' +
  'گردوں کی بیماری|گردے فیل|گردے خراب|گردے کی پتھری|گردوں میں پتھری|پتھری|پتے کی پتھری|پتے میں پتھری|جگر کی بیماری|' +
  'جگر کا مرض|سروسس|مرگی|مرگی کے دورے|ڈپریشن|شیزوفرینیا|آٹزم|الزائمر|پارکنسن|درد شقیقہ|آدھے سر کا درد|مائیگرین|گٹھیا|' +
  'سلپ ڈسک|ہرنیا|اپینڈیسائٹس|نمونیا|خون کی کمی|انیمیا|تھیلیسیمیا|سکل سیل|اسقاط حمل|حمل ضائع|بانجھ پن|فریکچر|ہڈی ٹوٹ گئی|' +
  'کان کا انفیکشن|جلد کی بیماری|جلدی بیماری|ایگزیما|چنبل|معدے کا السر|پیٹ کا السر|لبلبے کی سوزش|کوویڈ|چکن پاکس|خسرہ|' +
  'معذوری|اندھا پن|بہرا پن|بہرہ پن|موتیا بند|کالا موتیا|ہیضہ|پیشاب کی نالی کا انفیکشن|یورین انفیکشن|نشے کی لت|دماغی بخار|' +
  'دماغی فالج|ذہنی بیماری|نفسیاتی مرض|' +
  // Bengali
  'ডায়াবেটিস|ডায়াবেটিক|বহুমূত্র|বহুমূত্র রোগ|ডায়াবেটিসে|ডায়াবেটিসের|উচ্চ রক্তচাপ|হাই প্রেসার|হাই ব্লাড প্রেসার|' +
  'নিম্ন রক্তচাপ|লো প্রেসার|হার্ট অ্যাটাক|হার্ট এটাক|হার্ট অ্যাটাকে|হৃদরোগ|হৃদরোগে|হার্টের অসুখ|হার্টের রোগ|' +
  'ব্রেন স্ট্রোক|ব্রেন স্ট্রোকে|পক্ষাঘাত|প্যারালাইসিস|ক্যান্সার|ক্যানসার|ক্যান্সারে|ক্যান্সারের|ক্যানসারে|স্তন ক্যান্সার|' +
  'ব্রেস্ট ক্যান্সার|ফুসফুসের ক্যান্সার|ব্লাড ক্যান্সার|জরায়ুমুখের ক্যান্সার|জরায়ু ক্যান্সার|মুখের ক্যান্সার|' +
  'লিভার ক্যান্সার|টিউমার|হাঁপানি|হাঁপানিতে|অ্যাজমা|যক্ষ্মা|যক্ষা|যক্ষ্মায়|টিবি|ম্যালেরিয়া|ম্যালেরিয়ায়|টাইফয়েড|' +
  'টাইফয়েডে|ডেঙ্গু|ডেঙ্গুতে|ডেঙ্গুর|ডেঙ্গি|হেপাটাইটিস|জন্ডিস|জন্ডিসে|এইচআইভি|এইডস|কিডনির রোগ|কিডনি রোগ|কিডনি বিকল|' +
  'কিডনি ফেইলিওর|কিডনিতে পাথর|কিডনির পাথর|লিভারের রোগ|লিভার সিরোসিস|ফ্যাটি লিভার|মৃগী|মৃগীরোগ|ডিপ্রেশন|বিষণ্ণতা|বিষন্নতা|' +
  'মাইগ্রেন|আর্থ্রাইটিস|গেঁটে বাত|স্লিপ ডিস্ক|হার্নিয়া|অ্যাপেন্ডিসাইটিস|নিউমোনিয়া|নিউমোনিয়ায়|হাইপোথাইরয়েড|' +
  'হাইপারথাইরয়েড|হাইপোথাইরয়েডিজম|রক্তস্বল্পতা|রক্তশূন্যতা|অ্যানিমিয়া|থ্যালাসেমিয়া|সিকেল সেল|গর্ভাবস্থা|গর্ভপাত|' +
  'বন্ধ্যাত্ব|হাড় ভাঙা|ফ্র্যাকচার|কানের সংক্রমণ|চর্মরোগ|একজিমা|সোরিয়াসিস|পেটের আলসার|পিত্তথলির পাথর|পিত্তথলিতে পাথর|' +
  'পিত্তপাথর|প্যানক্রিয়াটাইটিস|কোভিড|কোভিডে|জলবসন্ত|চিকেন পক্স|প্রতিবন্ধিতা|অন্ধত্ব|বধিরতা|গ্লুকোমা|অনিদ্রা|আলঝেইমার|' +
  'পারকিনসন|অটিজম|সিজোফ্রেনিয়া|পাইলস|অর্শ|অর্শরোগ|ইউরিন ইনফেকশন|প্রস্রাবে সংক্রমণ|মূত্রনালির সংক্রমণ|কলেরা|মানসিক রোগ|' +
  // (the same with the nukta letters as one code point: U+09DF, U+09DC)
  'ডায়াবেটিস|ডায়াবেটিক|ডায়াবেটিসে|ডায়াবেটিসের|জরায়ুমুখের ক্যান্সার|জরায়ু ক্যান্সার|যক্ষ্মায়|ম্যালেরিয়া|ম্যালেরিয়ায়|' +
  'টাইফয়েড|টাইফয়েডে|হার্নিয়া|নিউমোনিয়া|নিউমোনিয়ায়|হাইপোথাইরয়েড|হাইপারথাইরয়েড|হাইপোথাইরয়েডিজম|অ্যানিমিয়া|থ্যালাসেমিয়া|' +
  'হাড় ভাঙা|সোরিয়াসিস|প্যানক্রিয়াটাইটিস|সিজোফ্রেনিয়া|' +
  // Tamil
  'நீரிழிவு|நீரிழிவு நோய்|நீரிழிவுநோய்|சர்க்கரை நோய்|சர்க்கரை வியாதி|சுகர் நோய்|டயாபடீஸ்|உயர் இரத்த அழுத்தம்|' +
  'உயர் ரத்த அழுத்தம்|குறைந்த இரத்த அழுத்தம்|மாரடைப்பு|மாரடைப்பால்|இதய நோய்|இதய செயலிழப்பு|ஹார்ட் அட்டாக்|பக்கவாதம்|' +
  'பக்கவாதத்தால்|புற்றுநோய்|புற்றுநோயால்|புற்று நோய்|மார்பக புற்றுநோய்|நுரையீரல் புற்றுநோய்|இரத்த புற்றுநோய்|' +
  'ரத்த புற்றுநோய்|கர்ப்பப்பை வாய் புற்றுநோய்|வாய் புற்றுநோய்|கல்லீரல் புற்றுநோய்|கேன்சர்|ஆஸ்துமா|ஆஸ்த்மா|காசநோய்|' +
  'மலேரியா|டைபாய்டு|டைஃபாய்டு|டெங்கு|டெங்கு காய்ச்சல்|டெங்குவால்|ஹெபடைடிஸ்|மஞ்சள் காமாலை|எச்ஐவி|எய்ட்ஸ்|சிறுநீரக நோய்|' +
  'சிறுநீரக கல்|சிறுநீரகக் கல்|சிறுநீரக செயலிழப்பு|கல்லீரல் நோய்|கல்லீரல் சுருக்கம்|கொழுப்பு கல்லீரல்|வலிப்பு நோய்|' +
  'காக்காய் வலிப்பு|மனச்சோர்வு|டிப்ரஷன்|ஒற்றைத் தலைவலி|ஒற்றை தலைவலி|மைக்ரேன்|மூட்டுவாதம்|கீல்வாதம்|முடக்கு வாதம்|' +
  'ஸ்லிப் டிஸ்க்|ஹெர்னியா|குடலிறக்கம்|குடல்வால் அழற்சி|அப்பெண்டிசைடிஸ்|நிமோனியா|நிமோனியாவால்|தைராய்டு பிரச்சனை|' +
  'ஹைப்போதைராய்டிசம்|இரத்த சோகை|ரத்த சோகை|தலசீமியா|அரிவாள் செல் இரத்த சோகை|கருச்சிதைவு|கருக்கலைப்பு|மலட்டுத்தன்மை|' +
  'குழந்தையின்மை|எலும்பு முறிவு|காது தொற்று|தோல் நோய்|சொரியாசிஸ்|எக்ஸிமா|வயிற்றுப் புண்|வயிற்றுப்புண்|பித்தப்பை கல்|' +
  'பித்தப்பைக் கல்|கணைய அழற்சி|கோவிட்|சின்னம்மை|தட்டம்மை|பார்வையின்மை|பார்வைக் குறைபாடு|காது கேளாமை|கண்புரை|கண் புரை|' +
  'தூக்கமின்மை|அல்சைமர்|பார்கின்சன்|ஆட்டிசம்|மூலநோய்|சிறுநீர் தொற்று|சிறுநீர்ப் பாதை தொற்று|காலரா|மனநோய்|' +
  'கர்ப்பகால நீரிழிவு|சர்க்கரை நோயால்|' +
  // Telugu
  'మధుమేహం|మధుమేహంతో|చక్కెర వ్యాధి|షుగర్ వ్యాధి|డయాబెటిస్|అధిక రక్తపోటు|హై బీపీ|లో బీపీ|గుండెపోటు|గుండెపోటుతో|' +
  'గుండె జబ్బు|గుండె జబ్బులు|గుండె వ్యాధి|హార్ట్ ఎటాక్|హార్ట్ అటాక్|పక్షవాతం|పక్షవాతంతో|బ్రెయిన్ స్ట్రోక్|క్యాన్సర్|' +
  'కేన్సర్|రొమ్ము క్యాన్సర్|ఊపిరితిత్తుల క్యాన్సర్|బ్లడ్ క్యాన్సర్|గర్భాశయ క్యాన్సర్|గర్భాశయ ముఖద్వార క్యాన్సర్|' +
  'నోటి క్యాన్సర్|కాలేయ క్యాన్సర్|కణితి|ట్యూమర్|ఆస్తమా|ఉబ్బసం|క్షయవ్యాధి|క్షయ వ్యాధి|టీబీ|మలేరియా|టైఫాయిడ్|డెంగ్యూ|డెంగీ|' +
  'డెంగ్యూతో|హెపటైటిస్|కామెర్లు|హెచ్ఐవీ|హెచ్ఐవి|ఎయిడ్స్|కిడ్నీ వ్యాధి|మూత్రపిండాల వ్యాధి|కిడ్నీలో రాళ్లు|కిడ్నీ రాళ్లు|' +
  'మూత్రపిండాల్లో రాళ్లు|కిడ్నీ ఫెయిల్యూర్|మూత్రపిండాల వైఫల్యం|కాలేయ వ్యాధి|లివర్ సిర్రోసిస్|ఫ్యాటీ లివర్|మూర్ఛ వ్యాధి|' +
  'డిప్రెషన్|కుంగుబాటు|మైగ్రేన్|పార్శ్వపు నొప్పి|ఆర్థరైటిస్|కీళ్లవాతం|కీళ్ల వాతం|స్లిప్ డిస్క్|హెర్నియా|అపెండిసైటిస్|' +
  'న్యుమోనియా|నిమోనియా|హైపోథైరాయిడిజం|రక్తహీనత|తలసేమియా|సికిల్ సెల్|గర్భస్రావం|సంతానలేమి|సంతాన లేమి|ఫ్రాక్చర్|' +
  'ఎముక విరిగింది|చెవి ఇన్ఫెక్షన్|చర్మ వ్యాధి|చర్మ వ్యాధులు|సోరియాసిస్|పిత్తాశయంలో రాళ్లు|ప్యాంక్రియాటైటిస్|కోవిడ్|' +
  'ఆటలమ్మ|వైకల్యం|అంధత్వం|చెవిటితనం|కంటిశుక్లం|నిద్రలేమి|అల్జీమర్స్|పార్కిన్సన్స్|ఆటిజం|పైల్స్|మూత్ర నాళ ఇన్ఫెక్షన్|' +
  'యూరిన్ ఇన్ఫెక్షన్|కలరా|గర్భధారణ మధుమేహం|మానసిక వ్యాధి|' +
  // Marathi (Devanagari, words the Hindi list lacks)
  'मधुमेही|डायबेटिस|डायबेटीस|मधुमेहाचा|मधुमेहाने|मधुमेहाचा त्रास|उच्च रक्तदाब|कमी रक्तदाब|रक्तदाबाचा त्रास|हृदयविकार|' +
  'हृदयविकाराचा झटका|हृदयविकाराने|हार्ट अटॅक|अर्धांगवायू|अर्धांगवायूचा झटका|कर्करोग|कर्करोगाने|कर्करोगाचा|' +
  'स्तनाचा कर्करोग|फुफ्फुसाचा कर्करोग|रक्ताचा कर्करोग|तोंडाचा कर्करोग|गर्भाशयाचा कर्करोग|गर्भाशयाच्या मुखाचा कर्करोग|' +
  'कॅन्सर|कॅन्सरने|कॅन्सरचा|क्षयरोग|हिवताप|विषमज्वर|टायफॉइड|डेंग्यू|डेंग्यूने|कावीळ|यकृताचा आजार|मूत्रपिंडाचा आजार|' +
  'किडनीचा आजार|मुतखडा|मूतखडा|किडनी निकामी|मूत्रपिंड निकामी|पित्ताशयातील खडे|अपस्मार|फेफरे|नैराश्य|अर्धशिशी|संधिवात|' +
  'आमवात|अपेंडिसायटिस|न्यूमोनिया|रक्तक्षय|थॅलेसेमिया|गर्भधारणा|गरोदरपणा|वंध्यत्व|फ्रॅक्चर|हाड मोडले|कानाचा संसर्ग|' +
  'त्वचारोग|इसब|गजकर्ण|पोटाचा अल्सर|कांजिण्या|गोवर|अपंगत्व|अंधत्व|बहिरेपणा|मोतीबिंदू|काचबिंदू|निद्रानाश|मूळव्याध|' +
  'स्मृतिभ्रंश|पॅरालिसिस|थायरॉईडचा त्रास|दम्याचा त्रास|मानसिक आजार|' +
  // Nepali (Devanagari, words the Hindi and Marathi lists lack)
  'चिनी रोग|मधुमेहको|उच्च रक्तचापको|मुटु रोग|मुटुको रोग|मुटुरोग|हृदयघात|पक्षघात|प्यारालाइसिस|क्यान्सर|क्यान्सरले|' +
  'क्यान्सरको|स्तन क्यान्सर|फोक्सोको क्यान्सर|रगतको क्यान्सर|पाठेघरको क्यान्सर|पाठेघरको मुखको क्यान्सर|मुखको क्यान्सर|' +
  'दम रोग|औलो|मियादी ज्वरो|डेंगु|डेङ्गु|कमलपित्त|जन्डिस|हेपाटाइटिस|कलेजोको रोग|कलेजोको क्यान्सर|मिर्गौला रोग|' +
  'मिर्गौलाको रोग|मृगौला रोग|मिर्गौलाको पत्थरी|मृगौलाको पत्थरी|मिर्गौला फेल|मृगौला फेल|पत्थरी|पित्तथैलीको पत्थरी|' +
  'छारे रोग|डिप्रेसन|बाथ रोग|एपेन्डिसाइटिस|रक्तअल्पता|रगतको कमी|गर्भपतन|बाँझोपन|हड्डी भाँचिएको|कानको संक्रमण|छालाको रोग|' +
  'छाला रोग|ठेउला|दादुरा|अपाङ्गता|अन्धोपन|बहिरोपन|मोतियाबिन्दु|हैजा|थाइराइडको समस्या|प्रेसरको रोग|सुगरको रोग|सुगर रोग|' +
  'मानसिक रोग|' +
  // Gujarati
  'ડાયાબિટીસ|ડાયાબીટીસ|મધુપ્રમેહ|હાઈ બ્લડ પ્રેશર|હાઇ બ્લડ પ્રેશર|લો બ્લડ પ્રેશર|ઉચ્ચ રક્તચાપ|હાઈ બીપી|હાર્ટ એટેક|' +
  'હાર્ટ અટેક|હાર્ટ એટેકથી|હૃદયરોગ|હૃદય રોગ|હૃદયરોગનો હુમલો|હૃદયની બીમારી|લકવો|પેરાલિસિસ|બ્રેઈન સ્ટ્રોક|બ્રેન સ્ટ્રોક|' +
  'કેન્સર|કેન્સરથી|સ્તન કેન્સર|ફેફસાનું કેન્સર|બ્લડ કેન્સર|મોઢાનું કેન્સર|ગર્ભાશયનું કેન્સર|ગર્ભાશયના મુખનું કેન્સર|' +
  'ટ્યુમર|અસ્થમા|ટીબી|ક્ષય રોગ|ક્ષયરોગ|મેલેરિયા|ટાઈફોઈડ|ટાઇફોઇડ|ડેન્ગ્યુ|ડેંગ્યુ|ડેન્ગ્યુથી|હિપેટાઇટિસ|હેપેટાઇટિસ|કમળો|' +
  'એચઆઈવી|એઇડ્સ|એઈડ્સ|કિડનીની બીમારી|કિડનીમાં પથરી|પથરી|કિડની ફેલ|લીવરની બીમારી|ફેટી લીવર|એપિલેપ્સી|ડિપ્રેશન|માઈગ્રેન|' +
  'માઇગ્રેન|આધાશીશી|સંધિવા|સ્લિપ ડિસ્ક|હર્નિયા|સારણગાંઠ|એપેન્ડિસાઇટિસ|ન્યુમોનિયા|એનિમિયા|લોહીની ઉણપ|થેલેસેમિયા|સિકલ સેલ|' +
  'ગર્ભાવસ્થા|કસુવાવડ|ગર્ભપાત|વંધ્યત્વ|ફ્રેક્ચર|હાડકું તૂટ્યું|કાનમાં ચેપ|ચામડીનો રોગ|ચામડીના રોગ|ખરજવું|સોરાયસિસ|' +
  'પિત્તાશયમાં પથરી|સ્વાદુપિંડનો સોજો|કોવિડ|અછબડા|અપંગતા|અંધાપો|બહેરાશ|મોતિયો|મોતિયાબિંદ|ઝામર|અનિદ્રા|અલ્ઝાઇમર|' +
  'પાર્કિન્સન|ઓટિઝમ|પાઈલ્સ|પેશાબમાં ચેપ|યુરિન ઇન્ફેક્શન|કોલેરા|થાઈરોઈડની તકલીફ|ડાયાબિટીસના દર્દી|માનસિક બીમારી|' +
  // Punjabi (Gurmukhi)
  'ਸ਼ੂਗਰ ਦੀ ਬਿਮਾਰੀ|ਸ਼ੂਗਰ ਦਾ ਮਰੀਜ਼|ਸ਼ੂਗਰ ਦੇ ਮਰੀਜ਼|ਡਾਇਬਟੀਜ਼|ਡਾਇਬਿਟੀਜ਼|ਮਧੂਮੇਹ|ਸ਼ੱਕਰ ਰੋਗ|ਹਾਈ ਬਲੱਡ ਪ੍ਰੈਸ਼ਰ|ਹਾਈ ਬੀਪੀ|ਲੋ ਬੀਪੀ|' +
  'ਦਿਲ ਦਾ ਦੌਰਾ|ਹਾਰਟ ਅਟੈਕ|ਦਿਲ ਦੀ ਬਿਮਾਰੀ|ਦਿਲ ਦਾ ਰੋਗ|ਦਿਲ ਦੇ ਰੋਗ|ਅਧਰੰਗ|ਲਕਵਾ|ਬ੍ਰੇਨ ਸਟ੍ਰੋਕ|ਕੈਂਸਰ|ਛਾਤੀ ਦਾ ਕੈਂਸਰ|ਬ੍ਰੈਸਟ ਕੈਂਸਰ|' +
  'ਫੇਫੜਿਆਂ ਦਾ ਕੈਂਸਰ|ਬਲੱਡ ਕੈਂਸਰ|ਖੂਨ ਦਾ ਕੈਂਸਰ|ਮੂੰਹ ਦਾ ਕੈਂਸਰ|ਬੱਚੇਦਾਨੀ ਦਾ ਕੈਂਸਰ|ਰਸੌਲੀ|ਟਿਊਮਰ|ਦਮਾ|ਅਸਥਮਾ|ਟੀਬੀ|ਤਪਦਿਕ|ਮਲੇਰੀਆ|' +
  'ਟਾਈਫਾਈਡ|ਮਿਆਦੀ ਬੁਖਾਰ|ਮਿਆਦੀ ਬੁਖ਼ਾਰ|ਡੇਂਗੂ|ਹੈਪੇਟਾਈਟਸ|ਕਾਲਾ ਪੀਲੀਆ|ਪੀਲੀਆ|ਏਡਜ਼|ਐੱਚਆਈਵੀ|ਐਚਆਈਵੀ|ਗੁਰਦੇ ਦੀ ਬਿਮਾਰੀ|ਗੁਰਦੇ ਫੇਲ੍ਹ|' +
  'ਗੁਰਦੇ ਖਰਾਬ|ਗੁਰਦੇ ਦੀ ਪੱਥਰੀ|ਗੁਰਦੇ ਵਿੱਚ ਪੱਥਰੀ|ਪੱਥਰੀ|ਪਿੱਤੇ ਦੀ ਪੱਥਰੀ|ਜਿਗਰ ਦੀ ਬਿਮਾਰੀ|ਲਿਵਰ ਦੀ ਬਿਮਾਰੀ|ਮਿਰਗੀ|ਡਿਪਰੈਸ਼ਨ|ਮਾਈਗ੍ਰੇਨ|' +
  'ਅੱਧੇ ਸਿਰ ਦਾ ਦਰਦ|ਗਠੀਆ|ਸਲਿੱਪ ਡਿਸਕ|ਹਰਨੀਆ|ਅਪੈਂਡਿਸਾਈਟਿਸ|ਨਿਮੋਨੀਆ|ਖੂਨ ਦੀ ਕਮੀ|ਖ਼ੂਨ ਦੀ ਕਮੀ|ਅਨੀਮੀਆ|ਥੈਲੇਸੀਮੀਆ|ਗਰਭ ਅਵਸਥਾ|ਗਰਭਅਵਸਥਾ|' +
  'ਗਰਭਪਾਤ|ਬਾਂਝਪਨ|ਫ੍ਰੈਕਚਰ|ਹੱਡੀ ਟੁੱਟ ਗਈ|ਕੰਨ ਦੀ ਇਨਫੈਕਸ਼ਨ|ਚਮੜੀ ਰੋਗ|ਚਮੜੀ ਦੀ ਬਿਮਾਰੀ|ਚੰਬਲ|ਕੋਵਿਡ|ਚਿਕਨਪੌਕਸ|ਛੋਟੀ ਮਾਤਾ|ਖਸਰਾ|ਅਪੰਗਤਾ|' +
  'ਅੰਨ੍ਹਾਪਣ|ਬੋਲਾਪਣ|ਮੋਤੀਆਬਿੰਦ|ਕਾਲਾ ਮੋਤੀਆ|ਬਵਾਸੀਰ|ਨਸ਼ੇ ਦੀ ਲਤ|ਪੇਟ ਦਾ ਅਲਸਰ|ਪਿਸ਼ਾਬ ਦੀ ਇਨਫੈਕਸ਼ਨ|ਹੈਜ਼ਾ|ਮਾਨਸਿਕ ਰੋਗ|' +
  // (the same with the nukta letters as one code point: U+0A36, U+0A5B, U+0A59)
  'ਸ਼ੂਗਰ ਦੀ ਬਿਮਾਰੀ|ਸ਼ੂਗਰ ਦਾ ਮਰੀਜ਼|ਸ਼ੂਗਰ ਦੇ ਮਰੀਜ਼|ਡਾਇਬਟੀਜ਼|ਡਾਇਬਿਟੀਜ਼|ਸ਼ੱਕਰ ਰੋਗ|ਹਾਈ ਬਲੱਡ ਪ੍ਰੈਸ਼ਰ|ਮਿਆਦੀ ਬੁਖ਼ਾਰ|ਏਡਜ਼|ਡਿਪਰੈਸ਼ਨ|ਖ਼ੂਨ ਦੀ ਕਮੀ|' +
  'ਕੰਨ ਦੀ ਇਨਫੈਕਸ਼ਨ|ਨਸ਼ੇ ਦੀ ਲਤ|ਪਿਸ਼ਾਬ ਦੀ ਇਨਫੈਕਸ਼ਨ|ਹੈਜ਼ਾ|' +
  // Swahili
  'kisukari|ugonjwa wa kisukari|ugonjwa wa sukari|shinikizo la damu|shinikizo la juu la damu|shinikizo la damu la juu|' +
  'presha ya kupanda|presha ya kushuka|mshtuko wa moyo|shambulio la moyo|ugonjwa wa moyo|magonjwa ya moyo|' +
  'moyo kushindwa kufanya kazi|kiharusi|kupooza|amepooza|saratani|saratani ya matiti|saratani ya mapafu|' +
  'saratani ya shingo ya kizazi|saratani ya damu|saratani ya tezi dume|saratani ya ini|saratani ya utumbo|' +
  'saratani ya koo|saratani ya ngozi|pumu|kifua kikuu|homa ya matumbo|taifodi|homa ya dengue|homa ya dengi|dengi|' +
  'homa ya ini|homa ya manjano|ukimwi|virusi vya ukimwi|ugonjwa wa figo|magonjwa ya figo|figo kushindwa kufanya kazi|' +
  'mawe kwenye figo|mawe ya figo|ugonjwa wa ini|kifafa|sonona|kipandauso|baridi yabisi|gauti|henia|kidole tumbo|nimonia|' +
  'homa ya mapafu|tezi la shingo|upungufu wa damu|selimundu|sikoseli|ujauzito|kuharibika kwa mimba|mimba kuharibika|' +
  'utasa|ugumba|kuvunjika mfupa|mfupa kuvunjika|amevunjika mguu|amevunjika mkono|maambukizi ya sikio|ugonjwa wa ngozi|' +
  'magonjwa ya ngozi|ukurutu|vidonda vya tumbo|kidonda cha tumbo|mawe kwenye nyongo|mawe ya nyongo|uviko|uviko-19|' +
  'tetekuwanga|surua|ulemavu|upofu|uziwi|mtoto wa jicho|kichocho|kipindupindu|bawasiri|kisonono|kaswende|utapiamlo|' +
  'kifaduro|matende|busha|kolesteroli ya juu|ugonjwa wa akili|matatizo ya akili|tawahudi|usonji|' +
  // Hausa (with and without the hooked letters ɓ ɗ ƙ)
  'ciwon suga|ciwon sukari|cutar suga|cutar sukari|ciwon hawan jini|hawan jini|ciwon zuciya|cutar zuciya|' +
  'shanyewar ɓarin jiki|shanyewar barin jiki|shanyewar jiki|cutar daji|ciwon daji|cutar sankarar mama|sankarar mama|' +
  'sankarar nono|cutar daji ta nono|sankarar jini|sankarar mahaifa|sankarau|cutar sankarau|ciwon asma|tarin fuka|' +
  'tarin tibi|zazzaɓin cizon sauro|zazzabin cizon sauro|maleriya|zazzaɓin taifot|zazzabin taifot|taifot|ciwon hanta|' +
  'cutar hanta|kanjamau|ƙanjamau|cutar kanjamau|cutar ƙanjamau|ciwon ƙoda|ciwon koda|cutar ƙoda|cutar koda|duwatsun ƙoda|' +
  'duwatsun koda|farfaɗiya|farfadiya|ciwon farfaɗiya|ciwon farfadiya|amosanin gabbai|amosanin gaɓɓai|gyambon ciki|' +
  'ciwon huhu|cutar huhu|ƙarancin jini|karancin jini|sikila|ciwon sikila|zubar da ciki|rashin haihuwa|makanta|kurumta|' +
  'kyanda|ƙyanda|kwalara|taɓin hankali|tabin hankali|' +
  // Yoruba (with the tone marks and dots, and as often typed without them)
  'àtọ̀gbẹ|atogbe|àrùn àtọ̀gbẹ|arun atogbe|ìtọ̀ ṣúgà|ito suga|àrùn ṣúgà|arun suga|ẹ̀jẹ̀ ríru|eje riru|ìfúnpá gíga|' +
  'ifunpa giga|àrùn ọkàn|arun okan|rọpárọsẹ̀|roparose|àrùn rọpárọsẹ̀|àrùn ẹ̀gbà|arun egba|jẹjẹrẹ|jejere|àrùn jẹjẹrẹ|' +
  'arun jejere|jẹjẹrẹ ọmú|jejere omu|ikọ́ fée|iko fee|ikọ́ ẹ̀gbẹ|iko egbe|ibà jẹ̀funjẹ̀fun|iba jefunjefun|ibà pọ́njú|' +
  'iba ponju|àrùn ẹ̀dọ̀|arun edo|àrùn kògbóògùn|arun kogboogun|éèdì|àrùn kíndìnrín|arun kindinrin|òkúta kíndìnrín|' +
  'okuta kindinrin|wárápá|warapa|làkúrègbé|lakuregbe|àìtó ẹ̀jẹ̀|aito eje|oyún bàjẹ́|oyun baje|àìrọ́mọbí|airomobi|' +
  'ọgbẹ́ inú|ogbe inu|ìfọ́jú|àrùn awọ ara|arun awo ara|' +
  // Amharic (with ህ/ሕ and ሀ/ሐ spellings where both are written)
  'የስኳር በሽታ|የስኳር ህመም|የስኳር ሕመም|ስኳር በሽታ|የስኳር ህመምተኛ|የስኳር ታማሚ|ከፍተኛ የደም ግፊት|የደም ግፊት በሽታ|ዝቅተኛ የደም ግፊት|የልብ ድካም|የልብ ህመም|የልብ ሕመም|' +
  'የልብ በሽታ|የአንጎል ደም መፍሰስ|ሽባነት|ካንሰር|ካንሰሩ|ካንሰሯ|የጡት ካንሰር|የሳንባ ካንሰር|የደም ካንሰር|የማህፀን በር ካንሰር|የማህጸን ጫፍ ካንሰር|የፕሮስቴት ካንሰር|' +
  'የጉበት ካንሰር|አስም|ሳንባ ነቀርሳ|የሳንባ ነቀርሳ|የወባ በሽታ|ታይፎይድ|ተስቦ|የጉበት በሽታ|ሄፓታይተስ|የጉበት ብግነት|የወፍ በሽታ|ኤችአይቪ|ኤች አይ ቪ|ኤድስ|የኩላሊት በሽታ|' +
  'የኩላሊት ህመም|የኩላሊት ጠጠር|የኩላሊት ስራ ማቆም|የሚጥል በሽታ|ድብርት|ድባቴ|የአእምሮ ህመም|የአዕምሮ ህመም|ማይግሬን|ሄርኒያ|ትርፍ አንጀት|የትርፍ አንጀት ህመም|ኒሞኒያ|የሳንባ ምች|' +
  'እንቅርት|የደም ማነስ|ታላሴሚያ|ሲክል ሴል|ውርጃ|ጽንስ ማስወረድ|መካንነት|የአጥንት ስብራት|የጆሮ ኢንፌክሽን|የቆዳ በሽታ|የጨጓራ ቁስለት|የጨጓራ በሽታ|የሐሞት ጠጠር|የሀሞት ጠጠር|ኮቪድ|' +
  'ኩፍኝ|አካል ጉዳት|ዓይነ ስውርነት|መስማት አለመቻል|ኦቲዝም|አልዛይመር|ፓርኪንሰን|ኪንታሮት|የሽንት ቧንቧ ኢንፌክሽን|ኮሌራ|' +
  // Malay (what the Indonesian entries lack)
  'penyakit kencing manis|tekanan darah tinggi|tekanan darah rendah|darah rendah|sakit jantung|serangan sakit jantung|' +
  'lemah jantung|angin ahmar|kanser payudara|kanser paru-paru|kanser usus|kanser usus besar|kanser pangkal rahim|' +
  'kanser serviks|kanser darah|kanser hati|kanser prostat|kanser nasofarinks|ketumbuhan|ketumbuhan otak|tibi|' +
  'demam kepialu|tifoid|denggi|demam denggi|penyakit kuning|penyakit buah pinggang|kegagalan buah pinggang|' +
  'buah pinggang rosak|batu dalam buah pinggang|sirosis hati|hati berlemak|sawan|sawan babi|gila babi|kemurungan|' +
  'artritis reumatoid|cakera tergelincir|radang apendiks|hipertiroid|talasemia|anemia sel sabit|sel sabit|retak tulang|' +
  'jangkitan telinga|penyakit kulit|ekzema|resdung|ulser perut|ulser gastrik|batu hempedu|pankreatitis|' +
  'orang kurang upaya|kebutaan|kepekakan|kolesterol tinggi|buasir|jangkitan saluran kencing|penyakit mental|autisma|' +
  'penyakit alzheimer|penyakit parkinson|' +
  // Burmese (unspaced: multi-syllable terms only)
  'ဆီးချို|ဆီးချိုရောဂါ|သွေးတိုး|သွေးတိုးရောဂါ|နှလုံးရောဂါ|နှလုံးသွေးကြောပိတ်|လေဖြတ်|လေဖြတ်ရောဂါ|ကင်ဆာ|ကင်ဆာရောဂါ|' +
  'ရင်သားကင်ဆာ|အဆုတ်ကင်ဆာ|သွေးကင်ဆာ|သားအိမ်ခေါင်းကင်ဆာ|အသည်းကင်ဆာ|အူမကြီးကင်ဆာ|ပန်းနာရင်ကျပ်|တီဘီရောဂါ|အဆုတ်ရောဂါ|' +
  'ငှက်ဖျား|ငှက်ဖျားရောဂါ|အူရောင်ငန်းဖျား|သွေးလွန်တုပ်ကွေး|အသည်းရောင်|အသည်းရောင်အသားဝါ|အသည်းခြောက်|အိတ်ချ်အိုင်ဗွီ|' +
  'အေ့ဒ်စ်|ကျောက်ကပ်ရောဂါ|ကျောက်ကပ်ပျက်|ကျောက်ကပ်ကျောက်တည်|ဝက်ရူးပြန်|ဝက်ရူးပြန်ရောဂါ|စိတ်ကျရောဂါ|ခေါင်းတစ်ခြမ်းကိုက်|' +
  'လေးဖက်နာ|အဆစ်အမြစ်ရောင်|အူအတက်ရောင်|အဆုတ်ရောင်|အဆုတ်ရောင်ရောဂါ|သွေးအားနည်း|သွေးအားနည်းရောဂါ|သလာဆီးမီးယား|ကိုယ်ဝန်ပျက်|' +
  'မျိုးမအောင်|အရိုးကျိုး|နားပြည်ယို|အရေပြားရောဂါ|အစာအိမ်အနာ|သည်းခြေကျောက်|ကိုဗစ်|ရေကျောက်|ဝက်သက်|မျက်စိအတွင်းတိမ်|' +
  'ဦးနှောက်သွေးကြောပြတ်';

/** conditions with an everyday sense too ("sugar", "pressure", "fever", "pain") */
export const EXTRA_CONDITIONS_AMBIGUOUS =
  // Persian (Farsi)
  'قند|قندم|قندش|فشار خون|فشارم|افت فشار|سکته|فلج|زردی|غده|تشنج|افسردگی|اضطراب|وسواس|دوقطبی|سردرد|گوش درد|کمر درد|شکستگی|' +
  'پیچ خوردگی|رگ به رگ|آلرژی|حساسیت|آکنه|کرونا|آنفولانزا|سرماخوردگی|آپاندیس|تیروئید|تیروئیدم|حامله|باردار|معلول|نابینا|' +
  'ناشنوا|کور|بی خوابی|یائسگی|اعتیاد|چاقی|دیسک|ام اس|سرطانش|سرطانم|ناراحتی اعصاب|آب سیاه|عفونت|مسمومیت|چربی خون|کلسترول|' +
  'سرفه|اسهال|سرگیجه|وبا|' +
  // Urdu (Arabic script)
  'شوگر|بلڈ پریشر|بی پی|انزائٹی|گھبراہٹ|جوڑوں کا درد|کمر کا درد|سر درد|اپینڈکس|تھائیرائیڈ|تھائرائڈ|حاملہ|بانجھ|موچ|الرجی|' +
  'کورونا|بخار|نزلہ|زکام|نزلہ زکام|کھانسی|کولیسٹرول|موٹاپا|معذور|اندھا|بہرا|موتیا|اسٹروک|سٹروک|دورہ پڑا|یرقان کا مرض|' +
  // Bengali
  'সুগার|প্রেসার|রক্তচাপ|ব্লাড প্রেসার|স্ট্রোক|স্ট্রোকে|অবসাদ|উদ্বেগ|বাত|বাতের ব্যথা|কোমর ব্যথা|কোমরে ব্যথা|পিঠে ব্যথা|' +
  'মাথাব্যথা|মাথা ব্যথা|অ্যাপেন্ডিক্স|থাইরয়েড|গর্ভবতী|অন্তঃসত্ত্বা|মচকানো|অ্যালার্জি|এলার্জি|আলসার|গ্যাস্ট্রিক|করোনা|' +
  'করোনায়|হাম|প্রতিবন্ধী|অন্ধ|বধির|ছানি|কোলেস্টেরল|জ্বর|সর্দি|কাশি|ডায়রিয়া|স্থূলতা|' +
  // (the same with the nukta letters as one code point: U+09DF)
  'থাইরয়েড|করোনায়|ডায়রিয়া|' +
  // Tamil
  'சுகர்|சர்க்கரை|இரத்த அழுத்தம்|ரத்த அழுத்தம்|பிபி|பிரஷர்|வாதம்|கட்டி|வலிப்பு|மன அழுத்தம்|பதட்டம்|பதற்றம்|தலைவலி|' +
  'மூட்டு வலி|முதுகு வலி|முதுகுவலி|இடுப்பு வலி|தைராய்டு|கர்ப்பம்|கர்ப்பிணி|சுளுக்கு|அலர்ஜி|ஒவ்வாமை|அல்சர்|கொரோனா|அம்மை|' +
  'மாற்றுத்திறனாளி|ஊனம்|கொலஸ்ட்ரால்|காய்ச்சல்|சளி|இருமல்|உடல் பருமன்|டிபி|' +
  // Telugu
  'షుగర్|రక్తపోటు|బీపీ|స్ట్రోక్|క్షయ|మూర్ఛ|ఫిట్స్|ఆందోళన|తలనొప్పి|కీళ్ల నొప్పులు|నడుము నొప్పి|వెన్నునొప్పి|అపెండిక్స్|' +
  'థైరాయిడ్|గర్భం|గర్భిణి|బెణుకు|అలర్జీ|అల్సర్|కరోనా|కరోనాతో|తట్టు|మొలలు|కొలెస్ట్రాల్|జ్వరం|జలుబు|దగ్గు|ఊబకాయం|' +
  // Marathi (Devanagari, words the Hindi list lacks)
  'साखर|रक्तदाब|गाठ|ताप|खोकला|डोकेदुखी|सांधेदुखी|कंबरदुखी|पाठदुखी|अपेंडिक्स|थायरॉईड|थायरॉइड|गरोदर|मुरगळ|लचक|ॲलर्जी|अपंग|' +
  'दिव्यांग|लठ्ठपणा|अंध|' +
  // Nepali (Devanagari, words the Hindi and Marathi lists lack)
  'सुगर|प्रेसर|जोर्नी दुखाइ|ढाड दुखाइ|कम्मर दुखाइ|टाउको दुखाइ|थाइराइड|मर्किनु|मर्केको|अपाङ्ग|ज्वरो|रुघाखोकी|कोरोनाले|' +
  // Gujarati
  'સુગર|બ્લડ પ્રેશર|બીપી|સ્ટ્રોક|ગાંઠ|વાઈ|ખેંચ|હતાશા|તણાવ|માથાનો દુખાવો|સાંધાનો દુખાવો|કમરનો દુખાવો|એપેન્ડિક્સ|થાઈરોઈડ|' +
  'થાઇરોઇડ|સગર્ભા|ગર્ભવતી|મચકોડ|એલર્જી|અલ્સર|કોરોના|કોરોનાથી|ઓરી|દિવ્યાંગ|અપંગ|કોલેસ્ટ્રોલ|તાવ|શરદી|ઉધરસ|મેદસ્વિતા|હરસ|' +
  'મસા|' +
  // Punjabi (Gurmukhi)
  'ਸ਼ੂਗਰ|ਬਲੱਡ ਪ੍ਰੈਸ਼ਰ|ਬੀਪੀ|ਸਟ੍ਰੋਕ|ਉਦਾਸੀ|ਘਬਰਾਹਟ|ਸਿਰ ਦਰਦ|ਜੋੜਾਂ ਦਾ ਦਰਦ|ਕਮਰ ਦਰਦ|ਲੱਕ ਦਰਦ|ਅਪੈਂਡਿਕਸ|ਥਾਇਰਾਇਡ|ਥਾਈਰਾਈਡ|ਗਰਭਵਤੀ|ਮੋਚ|' +
  'ਐਲਰਜੀ|ਅਲਸਰ|ਕੋਰੋਨਾ|ਅਪਾਹਜ|ਕੋਲੈਸਟ੍ਰੋਲ|ਬੁਖਾਰ|ਬੁਖ਼ਾਰ|ਜ਼ੁਕਾਮ|ਖੰਘ|ਮੋਟਾਪਾ|' +
  // (the same with the nukta letters as one code point: U+0A36, U+0A59, U+0A5B)
  'ਸ਼ੂਗਰ|ਬਲੱਡ ਪ੍ਰੈਸ਼ਰ|ਬੁਖ਼ਾਰ|ਜ਼ੁਕਾਮ|' +
  // Swahili
  'sukari|presha|mfadhaiko|msongo wa mawazo|wasiwasi|maumivu ya kichwa|maumivu ya mgongo|maumivu ya viungo|' +
  'maumivu ya kiuno|maumivu ya tumbo|ngiri|kansa|uvimbe|mimba|mjamzito|kuteguka|ameteguka|mzio|aleji|kipofu|kiziwi|' +
  'kolesteroli|kukosa usingizi|unene|homa|mafua|kikohozi|kuharisha|tezi dume|shida ya akili|sukari ya juu|' +
  // Hausa (with and without the hooked letters ɓ ɗ ƙ)
  'suga|bugun zuciya|shanyewa|zazzaɓi|zazzabi|ciwon kai|ciwon baya|ciwon ciki|ciwon gaɓoɓi|ciwon gabobi|damuwa|juna biyu|' +
  'mai juna biyu|ɓari|karaya|targaɗe|targade|ciwon kunne|nakasa|naƙasa|makaho|kurma|mura|rashin lafiya|' +
  // Yoruba (with the tone marks and dots, and as often typed without them)
  'ṣúgà|ìfúnpá|ẹ̀gbà|ibà|iba|ìsoríkọ́|isoriko|ẹ̀fọ́rí|efori|ẹ̀yìn dídùn|oyún|aboyún|aboyun|àgàn|egungun kíkán|etí dídùn|' +
  'afọ́jú|afoju|adití|kòrónà|òtútù|àìsàn|aisan|' +
  // Amharic (with ህ/ሕ and ሀ/ሐ spellings where both are written)
  'ስኳር|ስኳሬ|የደም ግፊት|ደም ግፊት|ግፊት|ስትሮክ|ጭንቀት|ራስ ምታት|የራስ ምታት|የጀርባ ህመም|የወገብ ህመም|የመገጣጠሚያ ህመም|ታይሮይድ|እርግዝና|እርጉዝ|ነፍሰ ጡር|ስብራት|ውልቃት|' +
  'አለርጂ|ጨጓራ|ኮሮና|አካል ጉዳተኛ|ዓይነ ስውር|ኮሌስትሮል|እንቅልፍ ማጣት|ትኩሳት|ጉንፋን|ውፍረት|ህመም|ሕመም|በሽታ|' +
  // Malay (what the Indonesian entries lack)
  'lumpuh|lelah|semput|batuk kering|batu karang|penyakit hati|tiroid|mengandung|tidak subur|kurang upaya|terseliuh|' +
  'alahan|gastrik|buta|pekak|sakit kepala|sakit sendi|sakit belakang|selsema|batuk|jangkitan kuman|masalah mental|ulser|' +
  'obesiti|' +
  // Burmese (unspaced: multi-syllable terms only)
  'သွေးပေါင်ချိန်|ရင်ကျပ်|ခေါင်းကိုက်|ခါးနာ|သိုင်းရွိုက်|ကိုယ်ဝန်|ကိုယ်ဝန်ဆောင်|ဓာတ်မတည့်|ကိုရိုနာ|တုပ်ကွေး|မသန်စွမ်း|' +
  'မျက်စိကွယ်|နားမကြား|အသားဝါ';

/** medicines: generic and local brand names, and the lay names of the medicines people take */
export const EXTRA_MEDICATIONS =
  // Persian (Farsi)
  'استامینوفن|پاراستامول|ایبوپروفن|بروفن|ژلوفن|ناپروکسن|دیکلوفناک|متفورمین|گلی بن کلامید|گلیبنکلامید|انسولین|قلم انسولین|' +
  'آملودیپین|لوزارتان|کاپتوپریل|آتنولول|پروپرانولول|متوپرولول|آتورواستاتین|سیمواستاتین|رزوواستاتین|آسپرین|آسپیرین|' +
  'آسپرین بچه|کلوپیدوگرل|وارفارین|هپارین|لووتیروکسین|امپرازول|پنتوپرازول|رانیتیدین|فاموتیدین|آموکسی سیلین|آموکسیسیلین|' +
  'کوآموکسی کلاو|سفالکسین|سفکسیم|آزیترومایسین|سیپروفلوکساسین|مترونیدازول|سرترالین|فلوکستین|سیتالوپرام|اسیتالوپرام|' +
  'آمی تریپتیلین|نورتریپتیلین|آلپرازولام|کلونازپام|لورازپام|دیازپام|کدئین|متادون|سالبوتامول|اسپری سالبوتامول|اسپری آسم|' +
  'کورتون|پردنیزولون|دگزامتازون|سدیم والپروات|والپروات|کاربامازپین|لاموتریژین|گاباپنتین|پره گابالین|ریسپریدون|کوئتیاپین|' +
  'اولانزاپین|متیل فنیدیت|ریتالین|ویاگرا|قرص فشار|قرص فشار خون|داروی فشار|داروی فشار خون|داروی قند|داروی دیابت|' +
  'قرص تیروئید|قرص اعصاب|داروی اعصاب|قرص خواب|قرص ضد بارداری|قرص جلوگیری|قرص ضد افسردگی|داروی ضد افسردگی|' +
  'داروهای ضد افسردگی|رقیق کننده خون|قرص آهن|اسپری تنفسی|آمپول انسولین|' +
  // Urdu (Arabic script)
  'پیناڈول|پیراسیٹامول|پیراسیٹامال|بروفین|آئبوپروفین|ڈسپرین|اسپرین|میٹفارمن|میٹفارمین|گلوکوفیج|املوڈیپین|ایملوڈیپین|' +
  'نیند کی گولی|نیند کی گولیاں|شوگر کی دوائی|شوگر کی دوا|شوگر کی گولی|بلڈ پریشر کی دوائی|بلڈ پریشر کی گولی|بی پی کی گولی|' +
  'بی پی کی دوائی|تھائیرائیڈ کی دوائی|انہیلر|آگمنٹن|آگمینٹن|فلیجل|ریزک|اومیپرازول|لیکسوٹینل|زینکس|ٹرامادول|کیلپول|' +
  'ڈائکلوفینک|پونسٹان|انسولین کا ٹیکہ|انسولین کے ٹیکے|مانع حمل گولی|مانع حمل گولیاں|خون پتلا کرنے کی دوائی|سیپٹران|' +
  'ایزیتھرومائسن|اموکسیسلن|' +
  // Bengali
  'প্যারাসিটামল|নাপা|নাপা এক্সট্রা|ইবুপ্রোফেন|মেটফরমিন|মেটফর্মিন|ইনসুলিন|অ্যামলোডিপিন|অ্যাসপিরিন|ইকোস্প্রিন|ওমিপ্রাজল|' +
  'ওমেপ্রাজল|সেকলো|সারজেল|প্যান্টোপ্রাজল|অ্যাজিথ্রোমাইসিন|অ্যামোক্সিসিলিন|সিপ্রোফ্লক্সাসিন|মন্টিলুকাস্ট|সালবিউটামল|' +
  'লেভোথাইরক্সিন|ঘুমের ওষুধ|ঘুমের বড়ি|প্রেসারের ওষুধ|ডায়াবেটিসের ওষুধ|সুগারের ওষুধ|থাইরয়েডের ওষুধ|ইনহেলার|' +
  'জন্মনিয়ন্ত্রণ বড়ি|জন্মনিয়ন্ত্রণ পিল|ক্রোসিন|ইনসুলিন ইনজেকশন|ক্লোনাজেপাম|' +
  // (the same with the nukta letters as one code point: U+09DC, U+09DF)
  'ঘুমের বড়ি|ডায়াবেটিসের ওষুধ|থাইরয়েডের ওষুধ|জন্মনিয়ন্ত্রণ বড়ি|জন্মনিয়ন্ত্রণ পিল|' +
  // Tamil
  'பாராசிட்டமால்|பாராசிடமால்|பாராசெட்டமால்|டோலோ|க்ரோசின்|குரோசின்|ஐபுப்ரோஃபன்|ஐபுப்ரூஃபன்|மெட்ஃபார்மின்|மெட்பார்மின்|' +
  'இன்சுலின்|அம்லோடிபின்|ஆஸ்பிரின்|இன்ஹேலர்|தூக்க மாத்திரை|தூக்க மாத்திரைகள்|சர்க்கரை மாத்திரை|சுகர் மாத்திரை|' +
  'பிபி மாத்திரை|பிரஷர் மாத்திரை|தைராய்டு மாத்திரை|கருத்தடை மாத்திரை|கருத்தடை மாத்திரைகள்|ஒமேப்ரசோல்|பான்டோபிரசோல்|' +
  'அமாக்ஸிசிலின்|அசித்ரோமைசின்|இன்சுலின் ஊசி|தைரோநார்ம்|' +
  // Telugu
  'పారాసిటమాల్|పారాసెటమాల్|డోలో|క్రోసిన్|ఇబుప్రోఫెన్|మెట్ఫార్మిన్|ఇన్సులిన్|అమ్లోడిపైన్|అమ్లోడిపిన్|ఆస్పిరిన్|ఇన్హేలర్|' +
  'నిద్ర మాత్రలు|నిద్ర మాత్ర|షుగర్ మాత్రలు|బీపీ మాత్రలు|బీపీ మాత్ర|థైరాయిడ్ మాత్రలు|గర్భనిరోధక మాత్రలు|ఒమెప్రజోల్|' +
  'పాంటోప్రజోల్|అమోక్సిసిలిన్|అజిత్రోమైసిన్|ఇన్సులిన్ ఇంజెక్షన్|' +
  // Marathi (Devanagari, words the Hindi list lacks)
  'पॅरासिटामॉल|पॅरासिटामोल|इन्सुलिन|झोपेची गोळी|झोपेच्या गोळ्या|रक्तदाबाची गोळी|रक्तदाबाच्या गोळ्या|मधुमेहाच्या गोळ्या|' +
  'मधुमेहाची गोळी|साखरेच्या गोळ्या|थायरॉईडची गोळी|थायरॉईडच्या गोळ्या|गर्भनिरोधक गोळ्या|इन्सुलिनचे इंजेक्शन|' +
  // Nepali (Devanagari, words the Hindi and Marathi lists lack)
  'सिटामोल|पारासिटामोल|मेटफर्मिन|निद्राको औषधि|निन्द्राको औषधि|प्रेसरको औषधि|सुगरको औषधि|थाइराइडको औषधि|गर्भनिरोधक चक्की|' +
  'इन्हेलर|' +
  // Gujarati
  'પેરાસિટામોલ|પેરાસીટામોલ|ઇબુપ્રોફેન|મેટફોર્મિન|ઇન્સ્યુલિન|ઇન્સુલિન|એમ્લોડિપિન|એસ્પિરિન|ક્રોસિન|ડોલો|ઊંઘની ગોળી|' +
  'ઊંઘની ગોળીઓ|બીપીની દવા|બીપીની ગોળી|ડાયાબિટીસની દવા|સુગરની દવા|થાઈરોઈડની દવા|થાઇરોઇડની ગોળી|ઇન્હેલર|ગર્ભનિરોધક ગોળી|' +
  'ગર્ભનિરોધક ગોળીઓ|પેન્ટોપ્રાઝોલ|ઓમેપ્રાઝોલ|એમોક્સિસિલિન|એઝિથ્રોમાયસીન|ઇન્સ્યુલિનનું ઇન્જેક્શન|' +
  // Punjabi (Gurmukhi)
  'ਪੈਰਾਸੀਟਾਮੋਲ|ਕਰੋਸਿਨ|ਕ੍ਰੋਸਿਨ|ਆਈਬਿਊਪ੍ਰੋਫੇਨ|ਮੈਟਫੋਰਮਿਨ|ਮੈਟਫਾਰਮਿਨ|ਇਨਸੁਲਿਨ|ਇੰਸੁਲਿਨ|ਐਮਲੋਡੀਪੀਨ|ਐਸਪਰੀਨ|ਡਿਸਪਰੀਨ|ਨੀਂਦ ਦੀ ਗੋਲੀ|' +
  'ਨੀਂਦ ਦੀਆਂ ਗੋਲੀਆਂ|ਸ਼ੂਗਰ ਦੀ ਦਵਾਈ|ਸ਼ੂਗਰ ਦੀ ਗੋਲੀ|ਬੀਪੀ ਦੀ ਦਵਾਈ|ਬੀਪੀ ਦੀ ਗੋਲੀ|ਥਾਇਰਾਇਡ ਦੀ ਦਵਾਈ|ਦਿਲ ਦੀ ਦਵਾਈ|ਇਨਹੇਲਰ|' +
  'ਇਨਸੁਲਿਨ ਦਾ ਟੀਕਾ|ਗਰਭ ਨਿਰੋਧਕ ਗੋਲੀਆਂ|' +
  // (the same with the nukta letters as one code point: U+0A36)
  'ਸ਼ੂਗਰ ਦੀ ਦਵਾਈ|ਸ਼ੂਗਰ ਦੀ ਗੋਲੀ|' +
  // Swahili
  'panadoli|insulini|metiformini|aspirini|dawa za kisukari|dawa ya kisukari|dawa za presha|dawa ya presha|' +
  'dawa za shinikizo la damu|vidonge vya usingizi|dawa za usingizi|dawa za kurefusha maisha|dawa za kufubaza virusi|' +
  'vidonge vya kuzuia mimba|dawa za uzazi wa mpango|sindano ya insulini|dawa za malaria|dawa ya malaria|' +
  'dawa za kifua kikuu|dawa za pumu|coartem|septrin|fansidar|duo-cotecxin|' +
  // Hausa (with and without the hooked letters ɓ ɗ ƙ)
  'emzor|lonart|felvin|maganin hawan jini|maganin ciwon suga|maganin suga|maganin barci|maganin zazzaɓin cizon sauro|' +
  'maganin zazzabin cizon sauro|maganin kanjamau|maganin tarin fuka|allurar insulin|kwayoyin hana ɗaukar ciki|' +
  'kwayoyin hana daukar ciki|maganin tazarar haihuwa|kwayar barci|kwayoyin barci|maganin ciwon zuciya|maganin ƙara jini|' +
  'maganin kara jini|maganin ciwon hanta|' +
  // Yoruba (with the tone marks and dots, and as often typed without them)
  'oògùn àtọ̀gbẹ|oògùn ẹ̀jẹ̀ ríru|oògùn ibà|ògùn ibà|ogun iba|oogun iba|oògùn oorun|oogun oorun|oogun atogbe|' +
  'oogun eje riru|oògùn ìfúnpá|oogun ifunpa|oògùn ìdènà oyún|oogun idena oyun|' +
  // Amharic (with ህ/ሕ and ሀ/ሐ spellings where both are written)
  'ፓራሲታሞል|ፓናዶል|አይቡፕሮፌን|ሜትፎርሚን|ኢንሱሊን|አምሎዲፒን|አስፕሪን|የስኳር መድሃኒት|የስኳር መድኃኒት|የደም ግፊት መድሃኒት|የደም ግፊት መድኃኒት|የእንቅልፍ ኪኒን|' +
  'የእንቅልፍ መድሃኒት|የወሊድ መቆጣጠሪያ ኪኒን|የወሊድ መከላከያ|የወሊድ መቆጣጠሪያ|የፀረ ኤች አይ ቪ መድሃኒት|የኢንሱሊን መርፌ|አሞክሲሲሊን|ኦሜፕራዞል|' +
  // Malay (what the Indonesian entries lack)
  'ubat tidur|ubat darah tinggi|ubat tekanan darah|ubat kencing manis|ubat diabetes|ubat jantung|ubat tiroid|' +
  'pil perancang|pil perancang keluarga|ubat perancang|ubat pencair darah|ubat cair darah|ubat asma|ubat lelah|' +
  'ubat gastrik|suntikan insulin|' +
  // Burmese (unspaced: multi-syllable terms only)
  'ပါရာစီတမော|ပါရာစီတမော်|အင်ဆူလင်|မက်ဖော်မင်|ဆီးချိုဆေး|သွေးတိုးဆေး|အိပ်ဆေး|သန္ဓေတားဆေး|ငှက်ဖျားဆေး|တီဘီဆေး';

/** medicine words said loosely too ("medicine", "pills", "antibiotics", "painkillers") */
export const EXTRA_MEDICATIONS_AMBIGUOUS =
  // Persian (Farsi)
  'آنتی بیوتیک|آنتیبیوتیک|مسکن|قرص مسکن|داروی مسکن|دارو|داروها|قرص|قرص قند|لیتیوم|آرامبخش|آرام بخش|آمپول|' +
  // Urdu (Arabic script)
  'اینٹی بائیوٹک|اینٹی بایوٹک|درد کی گولی|درد کی دوائی|دوائی|دوا|گولی|گولیاں|سکون آور|' +
  // Bengali
  'অ্যান্টিবায়োটিক|এন্টিবায়োটিক|ব্যথার ওষুধ|ব্যথানাশক|ওষুধ|ঔষধ|' +
  // (the same with the nukta letters as one code point: U+09DF)
  'অ্যান্টিবায়োটিক|এন্টিবায়োটিক|' +
  // Tamil
  'ஆன்டிபயாட்டிக்|ஆன்டிபயாடிக்|வலி நிவாரணி|வலி மாத்திரை|மருந்து|மருந்துகள்|மாத்திரை|மாத்திரைகள்|' +
  // Telugu
  'యాంటీబయాటిక్|యాంటీబయాటిక్స్|నొప్పి మాత్రలు|నొప్పి నివారణ మాత్రలు|మందులు|మందు|మాత్రలు|' +
  // Marathi (Devanagari, words the Hindi list lacks)
  'वेदनाशामक|प्रतिजैविक|अँटिबायोटिक|औषध|औषधे|गोळ्या|गोळी|' +
  // Nepali (Devanagari, words the Hindi and Marathi lists lack)
  'एन्टिबायोटिक|दुखाइ कम गर्ने औषधि|औषधि|चक्की|' +
  // Gujarati
  'એન્ટિબાયોટિક|એન્ટીબાયોટિક|દુખાવાની ગોળી|પેઇનકિલર|દવા|દવાઓ|ગોળી|ગોળીઓ|' +
  // Punjabi (Gurmukhi)
  'ਦਰਦ ਦੀ ਗੋਲੀ|ਐਂਟੀਬਾਇਓਟਿਕ|ਦਵਾਈ|ਦਵਾਈਆਂ|ਗੋਲੀਆਂ|' +
  // Swahili
  'dawa|dawa za kupunguza maumivu|dawa ya maumivu|dawa za maumivu|viuavijasumu|antibayotiki|vidonge|' +
  // Hausa (with and without the hooked letters ɓ ɗ ƙ)
  'magani|maganin|maganin rage raɗaɗi|maganin rage radadi|maganin ciwo|kwaya|maganin tari|maganin ciwon kai|' +
  // Yoruba (with the tone marks and dots, and as often typed without them)
  'oògùn|oogun|egbòogi|egbogi|oògùn ẹ̀fọ́rí|oogun efori|oògùn ikọ́|oogun iko|' +
  // Amharic (with ህ/ሕ and ሀ/ሐ spellings where both are written)
  'አንቲባዮቲክ|የህመም ማስታገሻ|የሕመም ማስታገሻ|ማስታገሻ|መድሃኒት|መድኃኒት|ኪኒን|' +
  // Malay (what the Indonesian entries lack)
  'ubat|ubat-ubatan|ubat tahan sakit|penahan sakit|' +
  // Burmese (unspaced: multi-syllable terms only)
  'ပဋိဇီဝဆေး|အကိုက်အခဲပျောက်ဆေး|ဆေးဝါး|ဆေးလုံး';

/** procedures, tests and devices */
export const EXTRA_PROCEDURES =
  // Persian (Farsi)
  'عمل جراحی|جراحی قلب|عمل قلب|عمل قلب باز|جراحی قلب باز|عمل بای پس|جراحی زانو|عمل زانو|تعویض مفصل زانو|تعویض مفصل لگن|' +
  'عمل آپاندیس|عمل کیسه صفرا|برداشتن کیسه صفرا|عمل دیسک|عمل دیسک کمر|عمل فتق|عمل آب مروارید|عمل تیروئید|عمل لوزه|' +
  'عمل سزارین|سزارین|زایمان طبیعی|دیالیز|همودیالیز|شیمی درمانی|شیمیدرمانی|پرتودرمانی|پرتو درمانی|رادیوتراپی|اشعه درمانی|' +
  'ام آر آی|سی تی اسکن|سیتی اسکن|رادیوگرافی|عکس رادیولوژی|سونوگرافی|اکوکاردیوگرافی|اکو قلب|نوار قلب|آنژیوگرافی|' +
  'آنژیوپلاستی|آنژیو|استنت|پیوند کلیه|پیوند کبد|پیوند قلب|پیوند مغز استخوان|آندوسکوپی|کولونوسکوپی|فیزیوتراپی|کاردرمانی|' +
  'گفتاردرمانی|گفتار درمانی|روان درمانی|سمعک|صندلی چرخدار|ماموگرافی|بیوپسی|پاپ اسمیر|آی وی اف|لقاح مصنوعی|تلقیح مصنوعی|' +
  'آزمایش خون|آزمایش قند خون|تزریق خون|باطری قلب|ضربان ساز|پیس میکر|' +
  // Urdu (Arabic script)
  'دل کا آپریشن|اوپن ہارٹ سرجری|بائی پاس آپریشن|انجیوپلاسٹی|انجیوگرافی|اسٹنٹ|سٹنٹ|ڈائیلاسز|ڈائلیسس|ڈائلاسز|کیموتھراپی|' +
  'کیمو|ریڈیو تھراپی|ریڈیوتھراپی|شعاعوں سے علاج|ایکسرے|ایکس رے|ایم آر آئی|سی ٹی اسکین|سی ٹی سکین|بلڈ ٹیسٹ|خون کا ٹیسٹ|' +
  'خون کے ٹیسٹ|سیزیرین|سیزرین|نارمل ڈیلیوری|فزیوتھراپی|آلہ سماعت|سننے کا آلہ|اینڈوسکوپی|گردے کی پیوندکاری|' +
  'گردے کا ٹرانسپلانٹ|جگر کی پیوندکاری|پتے کا آپریشن|گھٹنے کا آپریشن|اپینڈکس کا آپریشن|موتیا کا آپریشن|ہرنیا کا آپریشن|' +
  'ای سی جی|بائیوپسی|ٹیسٹ ٹیوب بے بی|زچگی|الٹرا ساؤنڈ|' +
  // Bengali
  'অস্ত্রোপচার|হার্টের অপারেশন|বাইপাস সার্জারি|এনজিওপ্লাস্টি|এনজিওগ্রাম|এনজিওগ্রাফি|স্টেন্ট|ডায়ালাইসিস|কেমোথেরাপি|কেমো|' +
  'রেডিওথেরাপি|এক্স-রে|এক্সরে|এমআরআই|সিটি স্ক্যান|রক্ত পরীক্ষা|রক্তপরীক্ষা|ব্লাড টেস্ট|আলট্রাসনোগ্রাফি|সিজারিয়ান|' +
  'নরমাল ডেলিভারি|প্রসব|ফিজিওথেরাপি|শ্রবণযন্ত্র|হিয়ারিং এইড|এন্ডোস্কোপি|কোলনোস্কোপি|বায়োপসি|কিডনি প্রতিস্থাপন|ইসিজি|' +
  'ইকোকার্ডিওগ্রাম|টিকাদান|পেসমেকার|' +
  // (the same with the nukta letters as one code point: U+09DF)
  'ডায়ালাইসিস|সিজারিয়ান|হিয়ারিং এইড|বায়োপসি|' +
  // Tamil
  'அறுவை சிகிச்சை|அறுவைசிகிச்சை|இதய அறுவை சிகிச்சை|பைபாஸ் அறுவை சிகிச்சை|பைபாஸ் சர்ஜரி|ஆஞ்சியோபிளாஸ்டி|ஆஞ்சியோகிராம்|' +
  'ஸ்டென்ட்|டயாலிசிஸ்|கீமோதெரபி|கீமோ|கதிர்வீச்சு சிகிச்சை|ரேடியோதெரபி|எக்ஸ்ரே|எக்ஸ்-ரே|எம்ஆர்ஐ|சிடி ஸ்கேன்|சிட்டி ஸ்கேன்|' +
  'இரத்த பரிசோதனை|ரத்த பரிசோதனை|இரத்தப் பரிசோதனை|சிசேரியன்|சுகப்பிரசவம்|பிரசவம்|பிசியோதெரபி|இயன்முறை மருத்துவம்|' +
  'காது கேட்கும் கருவி|எண்டோஸ்கோபி|பயாப்ஸி|சிறுநீரக மாற்று அறுவை சிகிச்சை|சிறுநீரக மாற்று|ஈசிஜி|பேஸ்மேக்கர்|ஐவிஎஃப்|' +
  // Telugu
  'శస్త్రచికిత్స|గుండె ఆపరేషన్|గుండె శస్త్రచికిత్స|బైపాస్ సర్జరీ|యాంజియోప్లాస్టీ|యాంజియోగ్రామ్|స్టెంట్|డయాలసిస్|' +
  'కీమోథెరపీ|కీమో|రేడియోథెరపీ|ఎక్స్-రే|ఎక్స్రే|ఎంఆర్ఐ|సీటీ స్కాన్|రక్త పరీక్ష|రక్త పరీక్షలు|బ్లడ్ టెస్ట్|సిజేరియన్|' +
  'ప్రసవం|సాధారణ ప్రసవం|నార్మల్ డెలివరీ|ఫిజియోథెరపీ|వినికిడి యంత్రం|ఎండోస్కోపీ|బయాప్సీ|కిడ్నీ మార్పిడి|ఈసీజీ|' +
  // Marathi (Devanagari, words the Hindi list lacks)
  'शस्त्रक्रिया|हृदयाची शस्त्रक्रिया|हृदय शस्त्रक्रिया|बायपास शस्त्रक्रिया|अँजिओप्लास्टी|अँजिओग्राफी|केमोथेरपी|केमो|' +
  'रेडिओथेरपी|क्ष-किरण|एमआरआय|सीटी स्कॅन|सिटी स्कॅन|रक्त तपासणी|रक्ताची तपासणी|सिझेरियन|प्रसूती|नॉर्मल डिलिव्हरी|' +
  'फिजिओथेरपी|श्रवणयंत्र|मूत्रपिंड प्रत्यारोपण|किडनी प्रत्यारोपण|गुडघ्याची शस्त्रक्रिया|गुडघ्याचे ऑपरेशन|' +
  'मोतीबिंदूची शस्त्रक्रिया|मोतीबिंदूचे ऑपरेशन|ईसीजी|' +
  // Nepali (Devanagari, words the Hindi and Marathi lists lack)
  'शल्यक्रिया|मुटुको शल्यक्रिया|मुटुको अप्रेसन|डायलाइसिस|केमोथेरापी|रेडियोथेरापी|एक्सरे|सिटी स्क्यान|सीटी स्क्यान|' +
  'रगत जाँच|रगत परीक्षण|भिडियो एक्सरे|फिजियोथेरापी|सुन्ने यन्त्र|श्रवण यन्त्र|एन्डोस्कोपी|मिर्गौला प्रत्यारोपण|' +
  'एन्जियोप्लास्टी|इसिजी|' +
  // Gujarati
  'શસ્ત્રક્રિયા|હૃદયનું ઓપરેશન|બાયપાસ સર્જરી|એન્જીયોપ્લાસ્ટી|એન્જિયોપ્લાસ્ટી|એન્જિયોગ્રાફી|એન્જીયોગ્રાફી|સ્ટેન્ટ|' +
  'ડાયાલિસિસ|કીમોથેરાપી|કીમો|રેડિયોથેરાપી|એક્સ-રે|એક્સરે|એમઆરઆઈ|સીટી સ્કેન|બ્લડ ટેસ્ટ|લોહીની તપાસ|સોનોગ્રાફી|સિઝેરિયન|' +
  'પ્રસૂતિ|ફિઝિયોથેરાપી|શ્રવણ યંત્ર|કાનનું મશીન|રસીકરણ|એન્ડોસ્કોપી|બાયોપ્સી|કિડની ટ્રાન્સપ્લાન્ટ|ઘૂંટણનું ઓપરેશન|' +
  'મોતિયાનું ઓપરેશન|ઈસીજી|પેસમેકર|' +
  // Punjabi (Gurmukhi)
  'ਦਿਲ ਦਾ ਆਪ੍ਰੇਸ਼ਨ|ਦਿਲ ਦਾ ਅਪਰੇਸ਼ਨ|ਬਾਈਪਾਸ ਸਰਜਰੀ|ਐਂਜੀਓਪਲਾਸਟੀ|ਐਂਜੀਓਗ੍ਰਾਫੀ|ਸਟੈਂਟ|ਡਾਇਲਸਿਸ|ਡਾਇਲਾਸਿਸ|ਕੀਮੋਥੈਰੇਪੀ|ਕੀਮੋ|' +
  'ਰੇਡੀਓਥੈਰੇਪੀ|ਐਕਸਰੇ|ਐਕਸ-ਰੇ|ਐਮਆਰਆਈ|ਸੀਟੀ ਸਕੈਨ|ਖੂਨ ਦੀ ਜਾਂਚ|ਖੂਨ ਦਾ ਟੈਸਟ|ਬਲੱਡ ਟੈਸਟ|ਸਿਜ਼ੇਰੀਅਨ|ਜਣੇਪਾ|ਫਿਜ਼ੀਓਥੈਰੇਪੀ|' +
  'ਸੁਣਨ ਵਾਲੀ ਮਸ਼ੀਨ|ਟੀਕਾਕਰਨ|ਐਂਡੋਸਕੋਪੀ|ਬਾਇਓਪਸੀ|ਗੁਰਦਾ ਟਰਾਂਸਪਲਾਂਟ|ਗੋਡੇ ਦਾ ਆਪ੍ਰੇਸ਼ਨ|ਪੱਥਰੀ ਦਾ ਆਪ੍ਰੇਸ਼ਨ|ਮੋਤੀਏ ਦਾ ਆਪ੍ਰੇਸ਼ਨ|' +
  // (the same with the nukta letters as one code point: U+0A36, U+0A5B)
  'ਦਿਲ ਦਾ ਆਪ੍ਰੇਸ਼ਨ|ਦਿਲ ਦਾ ਅਪਰੇਸ਼ਨ|ਸਿਜ਼ੇਰੀਅਨ|ਫਿਜ਼ੀਓਥੈਰੇਪੀ|ਸੁਣਨ ਵਾਲੀ ਮਸ਼ੀਨ|ਗੋਡੇ ਦਾ ਆਪ੍ਰੇਸ਼ਨ|ਪੱਥਰੀ ਦਾ ਆਪ੍ਰੇਸ਼ਨ|ਮੋਤੀਏ ਦਾ ਆਪ੍ਰੇਸ਼ਨ|' +
  // Swahili
  'upasuaji|upasuaji wa moyo|upasuaji wa goti|upasuaji wa tumbo|upasuaji wa kujifungua|kujifungua kwa upasuaji|' +
  'kusafisha figo|dayalisisi|tiba ya mionzi|tiba ya kemikali|kemotherapia|kemotherapi|eksirei|eksrei|kipimo cha damu|' +
  'vipimo vya damu|tiba ya viungo|fiziotherapia|kifaa cha kusikia|vifaa vya kusikia|upandikizaji wa figo|' +
  'kupandikiza figo|kuongezewa damu|kulazwa hospitalini|kipimo cha ukimwi|' +
  // Hausa (with and without the hooked letters ɓ ɗ ƙ)
  'tiyata|aikin tiyata|tiyatar zuciya|wankin ƙoda|wankin koda|gwajin jini|ƙarin jini|karin jini|haihuwa ta tiyata|' +
  'gwajin kanjamau|gwajin cutar kanjamau|gwajin suga|gwajin hawan jini|dashen ƙoda|dashen koda|haihuwa ta hanyar tiyata|' +
  // Yoruba (with the tone marks and dots, and as often typed without them)
  'iṣẹ́ abẹ|iṣẹ abẹ|ise abe|àyẹ̀wò ẹ̀jẹ̀|ayewo eje|abẹ́rẹ́ àjẹsára|abere ajesara|iṣẹ́ abẹ ọkàn|ise abe okan|' +
  'ìfàjẹ̀sínilára|ifajesinilara|àyẹ̀wò ìtọ̀|ayewo ito|àyẹ̀wò àtọ̀gbẹ|ayewo atogbe|' +
  // Amharic (with ህ/ሕ and ሀ/ሐ spellings where both are written)
  'ቀዶ ጥገና|የቀዶ ጥገና ህክምና|የልብ ቀዶ ጥገና|ዲያሊሲስ|የኩላሊት እጥበት|ኬሞቴራፒ|የኬሚካል ህክምና|የጨረር ህክምና|ኤክስሬይ|ኤምአርአይ|ሲቲ ስካን|የደም ምርመራ|በቀዶ ጥገና መውለድ|' +
  'ሲዛሪያን|ፊዚዮቴራፒ|የመስሚያ መሳሪያ|የኩላሊት ንቅለ ተከላ|ኢንዶስኮፒ|ባዮፕሲ|የኤች አይ ቪ ምርመራ|የእርግዝና ምርመራ|' +
  // Malay (what the Indonesian entries lack)
  'pembedahan jantung|pembedahan pintasan|pembedahan bypass|angioplasti|dialisis|rawatan kemoterapi|rawatan radioterapi|' +
  'imbasan mri|imbasan ct|imbasan ultrabunyi|ujian darah|pembedahan caesarean|bersalin secara pembedahan|fisioterapi|' +
  'alat bantu pendengaran|alat pendengaran|pemindahan buah pinggang|pemindahan hati|' +
  // Burmese (unspaced: multi-syllable terms only)
  'ခွဲစိတ်ကုသမှု|ခွဲစိတ်ကုသ|နှလုံးခွဲစိတ်|ကျောက်ကပ်ဆေးကြော|ဓာတုကုထုံး|ဓာတ်ကင်ကုသမှု|ဓာတ်ကင်|ဓာတ်မှန်|သွေးစစ်ဆေး|ခွဲမွေး|' +
  'ကာယကုထုံး|နားကြားကိရိယာ|ကျောက်ကပ်အစားထိုး';

/** procedures with an everyday sense too ("operation", "vaccine", "wheelchair", "treatment") */
export const EXTRA_PROCEDURES_AMBIGUOUS =
  // Persian (Farsi)
  'جراحی|بای پس|زایمان|آزمایش|واکسن|واکسیناسیون|ویلچر|بستری|سونو|رادیولوژی|نمونه برداری|تزریق|بخیه|چکاپ|ویزیت|درمان|' +
  // Urdu (Arabic script)
  'آپریشن|سرجری|بائی پاس|بڑا آپریشن|الٹراساؤنڈ|ڈیلیوری|وہیل چیئر|ویکسین|ٹیکہ|ٹیکے|حفاظتی ٹیکے|ویکسینیشن|ٹرانسپلانٹ|' +
  'ہسپتال میں داخل|اسپتال میں داخل|علاج|چیک اپ|' +
  // Bengali
  'অপারেশন|সার্জারি|বাইপাস|আল্ট্রাসাউন্ড|আলট্রাসাউন্ড|সিজার|হুইলচেয়ার|টিকা|ভ্যাকসিন|ইনজেকশন|হাসপাতালে ভর্তি|চিকিৎসা|' +
  'ডেলিভারি|' +
  // (the same with the nukta letters as one code point: U+09DF)
  'হুইলচেয়ার|' +
  // Tamil
  'ஆபரேஷன்|ஆப்ரேஷன்|சர்ஜரி|ஸ்கேன்|அல்ட்ராசவுண்ட்|சக்கர நாற்காலி|தடுப்பூசி|ஊசி|மருத்துவமனையில் அனுமதி|சிகிச்சை|' +
  // Telugu
  'ఆపరేషన్|సర్జరీ|అల్ట్రాసౌండ్|స్కానింగ్|వీల్ చైర్|టీకా|వ్యాక్సిన్|చికిత్స|ఇంజెక్షన్|' +
  // Marathi (Devanagari, words the Hindi list lacks)
  'व्हीलचेअर|लसीकरण|डिलिव्हरी|स्कॅन|रुग्णालयात दाखल|उपचार|इंजेक्शन|' +
  // Nepali (Devanagari, words the Hindi and Marathi lists lack)
  'अप्रेसन|अपरेसन|अल्ट्रासाउन्ड|सुत्केरी|ह्विलचेयर|खोप|अस्पताल भर्ना|सुई|' +
  // Gujarati
  'ઓપરેશન|સર્જરી|અલ્ટ્રાસાઉન્ડ|ડિલિવરી|વ્હીલચેર|રસી|હોસ્પિટલમાં દાખલ|સારવાર|ઇન્જેક્શન|' +
  // Punjabi (Gurmukhi)
  'ਆਪ੍ਰੇਸ਼ਨ|ਅਪਰੇਸ਼ਨ|ਓਪਰੇਸ਼ਨ|ਸਰਜਰੀ|ਅਲਟਰਾਸਾਊਂਡ|ਵੱਡਾ ਆਪ੍ਰੇਸ਼ਨ|ਡਿਲੀਵਰੀ|ਵ੍ਹੀਲਚੇਅਰ|ਟੀਕਾ|ਵੈਕਸੀਨ|ਹਸਪਤਾਲ ਦਾਖਲ|ਇਲਾਜ|' +
  // (the same with the nukta letters as one code point: U+0A36)
  'ਆਪ੍ਰੇਸ਼ਨ|ਅਪਰੇਸ਼ਨ|ਓਪਰੇਸ਼ਨ|ਵੱਡਾ ਆਪ੍ਰੇਸ਼ਨ|' +
  // Swahili
  'operesheni|upimaji|vipimo|kipimo|mionzi|kujifungua|alijifungua|amejifungua|chanjo|kuchanjwa|kiti cha magurudumu|' +
  'amelazwa|alilazwa|kulazwa|matibabu|sindano|' +
  // Hausa (with and without the hooked letters ɓ ɗ ƙ)
  'allura|rigakafi|allurar rigakafi|haihuwa|keken guragu|jinya|hoton ciki|gwajin ciki|' +
  // Yoruba (with the tone marks and dots, and as often typed without them)
  'àyẹ̀wò|ayewo|àjẹsára|ajesara|abẹ́rẹ́|abere|ìbímọ|ibimo|kẹ̀kẹ́ arọ|keke aro|' +
  // Amharic (with ህ/ሕ and ሀ/ሐ spellings where both are written)
  'ኦፕሬሽን|ምርመራ|አልትራሳውንድ|ወሊድ|ዊልቸር|ተሽከርካሪ ወንበር|ክትባት|መርፌ|ደም መስጠት|ህክምና|ሕክምና|' +
  // Malay (what the Indonesian entries lack)
  'bersalin|kerusi roda|suntikan|vaksin|pemvaksinan|imbasan|ultrabunyi|masuk wad|dimasukkan ke hospital|rawatan|' +
  // Burmese (unspaced: multi-syllable terms only)
  'ခွဲစိတ်|မီးဖွား|ကာကွယ်ဆေး|ကာကွယ်ဆေးထိုး|ဘီးတပ်ကုလားထိုင်|ဆေးရုံတက်|ဆေးထိုး|သွေးစစ်';

/** the words that name the person health data is about: first and third person pronouns and possessives, relatives, a patient, a client */
export const EXTRA_SUBJECT_WORDS =
  // Persian (Farsi)
  'اینجانب|ایشان|وی|خودم|مادرم|پدرم|مامانم|بابام|شوهرم|همسرم|زنم|خانمم|پسرم|دخترم|برادرم|خواهرم|فرزندم|بیمار|مریض|مشتری|' +
  'مراجع|همسرش|مادرش|پدرش|' +
  // Urdu (Arabic script)
  'مجھے|میرا|میری|میرے|وہ|اسے|انہیں|امی|ابو|امی جان|ابا|والدہ|والد|بیٹا|بیٹی|شوہر|بیوی|اہلیہ|بھائی|بہن|مریضہ|کلائنٹ|گاہک|' +
  // Bengali
  'আমি|আমার|আমাকে|আমায়|সে|তার|তাকে|তিনি|তাঁর|তাঁকে|উনি|ওনার|ওর|ওকে|মা|বাবা|আম্মু|আব্বু|ছেলে|মেয়ে|স্বামী|স্ত্রী|বউ|ভাই|' +
  'বোন|রোগী|ক্লায়েন্ট|গ্রাহক|' +
  // (the same with the nukta letters as one code point: U+09DF)
  'আমায়|মেয়ে|ক্লায়েন্ট|' +
  // Tamil
  'நான்|என்|எனக்கு|என்னை|என்னுடைய|அவர்|அவன்|அவள்|அவருக்கு|அவளுக்கு|அவனுக்கு|அவருடைய|அம்மா|அப்பா|மகன்|மகள்|கணவர்|கணவன்|' +
  'மனைவி|அண்ணன்|தம்பி|அக்கா|தங்கை|நோயாளி|வாடிக்கையாளர்|' +
  // Telugu
  'నేను|నా|నాకు|నన్ను|అతను|ఆమె|అతనికి|ఆమెకు|ఆయన|ఆయనకు|వాడు|అమ్మ|నాన్న|కొడుకు|కూతురు|భర్త|భార్య|అన్న|తమ్ముడు|అక్క|చెల్లి|' +
  'రోగి|పేషెంట్|క్లయింట్|కస్టమర్|' +
  // Marathi (Devanagari, words the Hindi list lacks)
  'मी|माझा|माझी|माझे|मला|माझ्या|ती|त्याला|तिला|त्याचा|तिचा|त्यांना|आईला|वडील|बाबा|मुलगा|मुलगी|नवरा|बायको|भाऊ|बहीण|रुग्ण|' +
  'पेशंट|ग्राहक|' +
  // Nepali (Devanagari, words the Hindi and Marathi lists lack)
  'म|मेरो|मलाई|उ|उनी|उहाँ|उसलाई|उनलाई|उहाँलाई|उसको|उनको|आमा|बुबा|छोरा|छोरी|श्रीमान|श्रीमती|दाइ|भाइ|दिदी|बहिनी|बिरामी|' +
  // Gujarati
  'હું|મારો|મારી|મારું|મારા|મને|તે|તેને|તેમને|તેનો|તેની|એને|મમ્મી|પપ્પા|માતા|પિતા|દીકરો|દીકરી|પતિ|પત્ની|ભાઈ|બહેન|દર્દી|' +
  'ગ્રાહક|' +
  // Punjabi (Gurmukhi)
  'ਮੈਂ|ਮੇਰਾ|ਮੇਰੀ|ਮੇਰੇ|ਮੈਨੂੰ|ਉਹ|ਉਸ|ਉਸਨੂੰ|ਉਹਨੂੰ|ਉਸਦਾ|ਉਸਦੀ|ਉਹਨਾਂ|ਮਾਂ|ਮਾਤਾ|ਪਿਤਾ|ਬਾਪੂ|ਮੰਮੀ|ਡੈਡੀ|ਪੁੱਤਰ|ਪੁੱਤ|ਧੀ|ਪਤੀ|ਪਤਨੀ|ਘਰਵਾਲਾ|' +
  'ਘਰਵਾਲੀ|ਭਰਾ|ਭੈਣ|ਮਰੀਜ਼|ਗਾਹਕ|' +
  // (the same with the nukta letters as one code point: U+0A5B)
  'ਮਰੀਜ਼|' +
  // Swahili
  'mimi|yeye|wangu|yangu|changu|langu|yake|chake|nina|mama|baba|mume|mke|mumewe|mkewe|mwanangu|mwanawe|mtoto|kaka|' +
  'dada|mamangu|babangu|mgonjwa|mteja|' +
  // Hausa (with and without the hooked letters ɓ ɗ ƙ)
  'ina|shi|ita|mahaifiyata|mahaifina|mijina|matata|ɗana|dana|ɗiyata|diyata|ɗan\'uwana|dan\'uwana|mahaifiyarsa|mahaifinsa|' +
  'mijinta|matarsa|ɗansa|dansa|majinyaci|mara lafiya|marar lafiya|abokin ciniki|' +
  // Yoruba (with the tone marks and dots, and as often typed without them)
  'mo|èmi|emi|mi|òun|oun|ìyá|iya|màmá|bàbá|ọkọ|ìyàwó|iyawo|ọmọ|omo|ọmọkùnrin|ọmọbìnrin|ẹ̀gbọ́n|àbúrò|aburo|aláìsàn|' +
  'alaisan|oníbàárà|' +
  // Amharic (with ህ/ሕ and ሀ/ሐ spellings where both are written)
  'እኔ|እሱ|እሷ|እርሱ|እርሷ|እሳቸው|የኔ|የእኔ|እናቴ|አባቴ|ባለቤቴ|ባሌ|ሚስቴ|ልጄ|ወንድሜ|እህቴ|እናቱ|አባቱ|እናቷ|አባቷ|ባለቤቱ|ባለቤቷ|ታካሚ|ታካሚው|ታማሚ|በሽተኛ|ደንበኛ|ደንበኛው|' +
  // Malay (what the Indonesian entries lack)
  'isteri|emak|mak|bapa|abah|abang|kakak|adik|beliau|pesakit|pelanggan|klien|' +
  // Burmese (unspaced: multi-syllable terms only)
  'ကျွန်တော်|ကျွန်ုပ်|ကျနော်|ကျွန်မ|မေမေ|ဖေဖေ|အဖေ|ခင်ပွန်း|ဇနီး|သမီး|လူနာ|ဖောက်သည်';
