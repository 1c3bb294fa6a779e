import { HEALTH_TERM_WORDS, HEALTH_TERMS, inIcd10Chapter } from '../data/health-vocabulary';
import { compileInspector } from '../inspector';
import { KeywordHits } from '../keyword-scan';
import { expectWithin } from '../timing.test-helper';

const inspector = compileInspector({});
const health = (text: string): string[] =>
  inspector
    .inspect(text)
    .filter((f) => f.dataClass === 'health_data')
    .map((f) => text.slice(f.start, f.end));

describe('health vocabulary (data/health-vocabulary.ts)', () => {
  it('is compact, lower case and has no duplicates', () => {
    expect(HEALTH_TERM_WORDS.length).toBeGreaterThan(700);
    // (the keyword automaton and the extension's bundle carry every word: a budget, raised for the terms of six more languages and then for
    // the injuries of personal-injury letters and clinical notes' conditions)
    expect(HEALTH_TERM_WORDS.join('|').length).toBeLessThan(18500);
    for (const w of HEALTH_TERM_WORDS) expect(w).toBe(w.toLowerCase());
    expect(new Set(HEALTH_TERM_WORDS).size).toBe(HEALTH_TERM_WORDS.length);
  });
  it('is found by the shared keyword scan, whole words only', () => {
    const k = new KeywordHits('my Dad takes Ticagrelor and NovoRapid; the diabetesfoo is not a word');
    const t = 'my Dad takes Ticagrelor and NovoRapid; the diabetesfoo is not a word';
    const { starts, ends } = k.hits('healthterm');
    expect(starts.map((s, i) => t.slice(s, ends[i]))).toEqual(['Ticagrelor', 'NovoRapid']);
  });
  it('keeps the context words of the other detectors (a term never starts with one)', () => {
    const probe = (w: string): string[] => {
      const k = new KeywordHits(`x ${w} x`);
      return (['health', 'lay', 'phone', 'street', 'creative', 'secret', 'card'] as const).filter((kind) => k.has(kind));
    };
    // the clinical words inside a term ("nut allergy", "iron tablets") are counted by the detector itself
    const allowed = new Set(['health']);
    const clashes = HEALTH_TERM_WORDS.filter((w) => probe(w).some((k) => !allowed.has(k)));
    expect(clashes).toEqual([]);
  });
  it('tells categories and tiers apart', () => {
    expect(HEALTH_TERMS.get('ozempic')).toMatchObject({ category: 'medication', ambiguous: false });
    expect(HEALTH_TERMS.get('stroke')).toMatchObject({ category: 'medical-condition', ambiguous: true });
    expect(HEALTH_TERMS.get('aids')).toMatchObject({ upper: true });
  });
  it('knows the ICD-10 chapters', () => {
    expect(['I10', 'E11.9', 'J45', 'F32.1', 'S72.0', 'Z99', 'U07.1', 'O9A'].every(inIcd10Chapter)).toBe(true);
    expect(['K99', 'U99', 'D95', 'E95'].some(inIcd10Chapter)).toBe(false);
  });
});

describe('health data: medications', () => {
  it.each([
    ['She injects Tresiba every morning and Fiasp with her meals.', ['Tresiba', 'Fiasp']],
    ['my doctor switched me to edoxaban last month, any side effects?', ['edoxaban']],
    ['the gp put me on fluoxetine 20mg and I feel flat', ['fluoxetine 20mg']],
    ["Dad's on beta blockers for his heart now.", ['beta blockers']],
    ['The psychiatrist wants my brother to come off his SNRI slowly.', ['SNRI']],
    ['Mum keeps forgetting her donepezil, can you make a reminder chart?', ['donepezil']],
    ['Grandpa has been on blood thinners since the valve operation.', ['blood thinners']],
    ['Her list: ferrous fumarate 210 mg daily, alendronic acid 70 mg weekly, Movicol sachets.', ['ferrous fumarate 210 mg daily', 'alendronic acid 70 mg', 'Movicol']],
  ])('%j', (text, terms) => {
    for (const t of terms) expect(health(text)).toContain(t);
  });
  it("reads a personal-injury letter's injuries and a clinical note's findings, said of someone by a verb of suffering or reporting", () => {
    expect(health('Our client sustained a whiplash injury to the cervical spine and a soft tissue injury to the right shoulder.')).toEqual(['whiplash injury', 'soft tissue injury']);
    expect(health('Ms. Okoro suffered a concussion, then a rotator cuff tear requiring arthroscopic repair.')).toEqual(['concussion', 'rotator cuff tear', 'arthroscopic repair']);
    expect(health('She reports occasional melaena in the past 2 weeks.')).toEqual(['melaena']);
    expect(health('Mr Patel had a stroke of genius. The company suffered a stroke of bad luck.')).toEqual([]);
  });
  it('reads the dose and the frequency with the drug', () => {
    expect(health('Plan for the patient: prasugrel 10 mg OD, rosuvastatin 20 mg ON.')).toEqual(['prasugrel 10 mg OD', 'rosuvastatin 20 mg ON']);
  });
  it('finds new drug names by their stem near a clinical word', () => {
    expect(health('Patient started on cangrelor infusion, then 5 mg tablets of another agent.')).toContain('cangrelor');
  });
});

describe('health data: conditions in lay words', () => {
  it.each([
    ['Our office manager has an irregular heartbeat and asked for a desk near the door.', 'irregular heartbeat'],
    ['My grandad has liver problems and uses a hearing aid.', 'liver problems'],
    ['My grandad has liver problems and uses a hearing aid.', 'hearing aid'],
    ['can you plan a picnic menu, tomek has a peanut allergy', 'peanut allergy'],
    ['please seat the guest who uses a CPAP machine for obstructive sleep apnoea away from the bar', 'obstructive sleep apnoea'],
    ['I need to book leave: my partner is pregnant and due in May.', 'pregnant'],
    ['She takes paracetamol for her knee pain most evenings.', 'knee pain'],
    ["Tom's coeliac disease means the caterer needs to know by Friday.", 'coeliac disease'],
    ['my son was diagnosed with asthma last week and I am worried', 'asthma'],
    ["I'm 12 weeks pregnant and want to tell my team lead next month.", 'pregnant'],
    ['For the HR file: the engineer disclosed bipolar disorder in the interview.', 'bipolar disorder'],
    ['Mio padre ha il diabete e prende insulina.', 'diabete'],
    ['Mi hermana tiene asma y toma salbutamol.', 'asma'],
    ['Good news, I tested positive for covid so the demo moves to Friday.', 'covid'],
    ['Priyanka is off work with shingles this week.', 'shingles'],
    ['Our son is on the waiting list for an autism assessment.', 'autism assessment'],
    ['Marek had a knee arthroscopy and will work from home.', 'knee arthroscopy'],
    // review notes with a business figure near it ("82% of quota" is no statistic about people)
    ['- Targets: 82% of H1 quota.\n- Attendance: Lauren disclosed in our 1:1 that she has endometriosis. She asked that this stay off file.', 'endometriosis'],
    ['My dad is on steroids for his COPD.', 'steroids'],
  ])('%j', (text, term) => {
    expect(health(text)).toContain(term);
  });
  it('reads "if you" in a letter to someone as about them, and in a letter to everyone as about no one', () => {
    const letter = 'Dear Ms Novak,\n\nYour gastroscopy is on 3 March. If you take warfarin for your heart valve, call us first.';
    expect(health(letter)).toEqual(expect.arrayContaining(['gastroscopy', 'warfarin']));
    expect(health('Dear parents,\n\nIf your child takes warfarin or has epilepsy, tell the trip leader.')).toEqual([]);
  });
  it('reads clinical abbreviations and three-character ICD-10 codes in a clinical note', () => {
    const note = 'Clinic letter. Diagnosis: STEMI (I21.0). PMH: T1DM (E10), asthma (J45), CKD. Meds: insulin 10 units daily.';
    const found = health(note);
    for (const t of ['STEMI', 'I21.0', 'T1DM', 'E10', 'asthma', 'J45', 'CKD']) expect(found).toContain(t);
  });
  it('reads procedures in French, Italian, Spanish and German said of a person', () => {
    expect(health('Je me remets encore de ma coloscopie de lundi.')).toContain('coloscopie');
    expect(health('Devo spostare la mia ecografia di giovedì.')).toContain('ecografia');
    expect(health('Tengo cita para una resonancia magnética de la rodilla.')).toContain('resonancia magnética');
    expect(health('Meine Darmspiegelung ist am Dienstag.')).toContain('Darmspiegelung');
  });
});

describe('health data: not about anyone', () => {
  it.each([
    // news and statistics
    'Obesity rates in Wales rose again last year, figures from the health board show, and type 2 diabetes now affects one adult in twelve. Prescriptions for tirzepatide doubled, and the treatment budget is under strain.',
    'New figures show stroke and heart failure admissions fell by 4% according to the report; the medication shortage has eased.',
    // teaching
    'Lecture 4 covers asthma, COPD and inhaler technique; students should read the chapter on salbutamol dosage before the lab.',
    'In this module we explain how metformin lowers blood glucose and why the dose matters.',
    // departments, organisations and things
    'Please take the lift to the Cardiology Ward, next to the Dialysis Unit and the hospital pharmacy.',
    'Donations this year go to the Stroke Association and to Diabetes UK.',
    'My team is building a diabetes app and I am writing the onboarding copy.',
    'I am drafting the launch copy for the Ozempic campaign and the sales deck.',
    'Quarterly pharma update: sales of Wegovy and Mounjaro grew, while insulin prices fell.',
    'Pharmacy price list: paracetamol 500mg 16 tablets 39p, ibuprofen 200mg 16 tablets 59p.',
    'Write a blog post about how machine learning can spot skin cancer earlier.',
    'The build has a fever of flaky tests and the pipeline needs surgery.',
    'Virus scan complete: no infection found on the laptop.',
    'She runs the diabetes unit at the hospital and gave a talk on service design.',
    'National figures say waiting lists for hip replacement surgery have grown.',
    // advice to anyone
    'If your child has asthma or needs an EpiPen on the trip, tell the class teacher.',
    'Anyone who has epilepsy should speak to the instructor before the session.',
    // idioms and everyday senses
    "I'm sick of these meetings and honestly allergic to meetings before ten.",
    "That's the heart of the matter, and this migration is a headache of a project.",
    'What a stroke of luck that she called before the operation of the new plant started.',
    'Set the stroke width of the chart line to 2 and redraw the chart daily.',
    'He had a breakdown of the costs ready for the board.',
    'The socket is opened with AF_INET and the flags are set in tia_flags.',
    "Bring the teaching aids to room 4, I'm tired af after the offsite.",
    'Hooks let you change the data before an operation executes, or skip their operation entirely.',
    "Parkinson's law says the work expands to fill the sprint.",
    'Check out this [plotter on steroids](https://example.com) if you want the whole histogram.',
  ])('%j', (text) => {
    expect(health(text)).toEqual([]);
  });
  it('does not read road numbers or invalid codes in brackets as ICD-10', () => {
    expect(health('Traffic on the orbital (M25) was slow near the exit (J10), gate (K99).')).toEqual([]);
  });
});

describe('health data: an absence log entry, someone off sick', () => {
  it('reads the reason after a duration in an absence log, and after "off sick"', () => {
    const log = 'Absence log – Q1\n- Dev Patel-Iyer: 3 days, migraine\n- Sanna Heikkinen: 5 days, COVID-19\n- Tran Duc Minh: 0 days';
    expect(health(log)).toEqual(['migraine', 'COVID-19']);
    expect(health('Priya is off sick with migraine today.')).toEqual(['migraine']);
  });
  it('reads no duration and a term outside an absence record', () => {
    expect(health('Sprint log: 3 days, migraine of a refactor')).toEqual([]);
    expect(health('The course covers 5 days, diabetes management and more.')).toEqual([]);
  });
  it('reads a term in brackets after a line that says someone is ill or away', () => {
    expect(health("Anouk is on that one, she's off today though (migraine again poor thing)")).toEqual(['migraine']);
    expect(health('ok boss. Dariusz is sick today, his back again (sciatica)')).toEqual(['sciatica']);
    expect(health('The sick building syndrome (migraine, nausea) is described in the article.')).toEqual([]);
  });
  it('knows the injuries and dependencies of claims and HR notes', () => {
    expect(health('Declan disclosed he has been struggling with alcohol dependency since his divorce.')).toEqual(['alcohol dependency']);
    expect(health('Injuries: sciatica aggravated by the fall')).toEqual(['sciatica']);
  });
});

describe('health data: lay language of other languages, and more ways a term is said of someone', () => {
  it.each([
    ['Francesca mi ha detto che suo padre è stato ricoverato per un ictus.', 'ictus'],
    ['Mon père a été hospitalisé pour une crise cardiaque.', 'crise cardiaque'],
    ['Mi madre está ingresada por un infarto.', 'infarto'],
    ['Meine Mutter hat Brustkrebs.', 'Brustkrebs'],
    ['Mijn vader had een beroerte.', 'beroerte'],
    ['A minha mãe tem câncer de mama.', 'câncer de mama'],
    ['Ma mère souffre de la maladie de Parkinson.', 'maladie de Parkinson'],
    ['Hoje não vou trabalhar, estou com dengue.', 'dengue'],
    ['Saya tidak masuk kerja hari ini karena demam berdarah.', 'demam berdarah'],
    ['Meine Tochter hat eine Mandelentzündung und bleibt zu Hause.', 'Mandelentzündung'],
    ['Please note Marco is recovering from a broken leg and will work remotely.', 'broken leg'],
    ["Quick update: Priya starts radiotherapy next week so she'll be working reduced hours.", 'radiotherapy'],
    ['Dietary requirements: Tom vegan, Sunil vegetarian, Mekdes coeliac.', 'coeliac'],
    ['Dietary: Tom - vegan, Anna (coeliac), Sunil: vegetarian', 'coeliac'],
    ['Anna: coeliac\nTom: vegan', 'coeliac'],
    ['Hi team, Dan is off today - kidney stones again.', 'kidney stones'],
  ])('%j -> %j', (text, term) => {
    expect(health(text)).toEqual([term]);
  });
  it.each([
    'Ils collectent des fonds pour le diabète.',
    'Een beroerte is een ernstige aandoening.',
    'Le cancer de la prostate est fréquent chez les hommes.',
    'Wir haben eine Mandelentzündung im Kurs besprochen. Dengue cases rose in 2024.',
    'The course starts radiotherapy modules in May.',
    'Menu: Pasta, Risotto coeliac, Soup vegan. Product list: Oat milk, Bread coeliac-friendly',
  ])('nothing in %j (a fund-raiser, an article, a course, a menu)', (text) => {
    expect(health(text)).toEqual([]);
  });
});

describe('health detector: fields of a record, numbers and intensifiers before a term, pregnancy in more languages', () => {
  it.each([
    ['Diagnosis: primary osteoarthritis of the right hip (ICD-10 M16.1)', 'osteoarthritis'],
    ['DIAGNOSIS: FRACTURE OF TIBIAL SHAFT, SURGICALLY FIXED', 'FRACTURE'],
    ['He has osteoarthritis of the right hip.', 'osteoarthritis'],
    ['I know i wont be in today, woke up with a really bad migraine.', 'migraine'],
    ["Ama told me today she's 16 weeks pregnant and has hyperemesis gravidarum.", 'pregnant'],
    ["Ama told me today she's 16 weeks pregnant and has hyperemesis gravidarum.", 'hyperemesis gravidarum'],
    ['He was off for six weeks following a lumbar discectomy.', 'discectomy'],
    ['Ze heeft ons verteld dat ze zwanger is.', 'zwanger'],
    ['Ella está embarazada de 20 semanas.', 'embarazada'],
    ['Elle est enceinte.', 'enceinte'],
    ['Ich bin schwanger.', 'schwanger'],
    ['Lei è incinta.', 'incinta'],
  ])('%j -> %j', (text, term) => {
    expect(health(text).join(' ')).toContain(term);
  });

  it.each([
    'That was a stroke of luck.',
    'The following surgery slots are open to all staff.',
    'Condition: new, boxed',
    'Item: Vintage vase\nCondition: hairline fracture at the base\nPrice: £40',
    'Engine spec\nOperation: 4 stroke, single cylinder',
    'I had 72 strokes today, my best round this year at the club.',
  ])('%j: nothing', (text) => {
    expect(health(text)).toEqual([]);
  });
});

describe('health detector: revision notes and news in other languages name no one', () => {
  it.each([
    // lecture notes with Roman numerals and ICD codes, no one's health
    'Renal physiology – lecture 4\n\nLoop diuretics (furosemide, bumetanide) act on the thick ascending limb; thiazides (indapamide) on the distal tubule. ' +
      'Type I and type II errors aside, remember: spironolactone is first-line in resistant hypertension. ICD-10 revision: N18 chronic kidney disease, ' +
      'I50 heart failure. Exam tip: learn one contraindication per drug class; the quiz opens on Thursday.',
    'Grippe saisonnière : selon Santé publique France, la campagne de vaccination est prolongée. Les personnes âgées et les patients atteints de ' +
      'diabète ou d’insuffisance cardiaque sont les plus exposés.',
    'Según el Ministerio de Sanidad, la campaña de vacunación contra la gripe se amplía: las personas con diabetes o asma deben vacunarse.',
  ])('%j: nothing', (text) => {
    expect(health(text)).toEqual([]);
  });

  it('still reads a letter about someone in the same languages', () => {
    expect(health('Mi madre tiene diabetes y asma desde hace años.').join(' ')).toContain('diabetes');
    expect(health('Mon père souffre de diabète depuis des années.').join(' ')).toContain('diabète');
  });
});

describe('health data: a table\'s health columns', () => {
  it('reads every cell of a diagnosis, illness, medication or allergy column', () => {
    const text = 'Name;Diagnose;Abteilung\nKrause, Dieter;Meniskusriss links;Lager\nSchulz, Andrea;Migräne;Vertrieb\nLange, Petra;-;Einkauf';
    expect(health(text)).toEqual(['Meniskusriss links', 'Migräne']);
  });
  it('reads a reason column as health when the vocabulary is in its cells, then all of them', () => {
    const text = 'MA-Nr.\tName\tTage\tGrund lt. Mitarbeiter\n4411\tKrause\t23\tKnie-OP (Meniskus)\n4417\tSchulz\t12\tMigräne, wiederkehrend\n4420\tDemir\t31\tBurn-out / Depression\n4432\tLange\t8\tGrippe';
    expect(health(text)).toEqual(['Knie-OP (Meniskus)', 'Migräne, wiederkehrend', 'Burn-out / Depression', 'Grippe']);
  });
  it('reads no leave reasons, product conditions or yes and no', () => {
    expect(health('Name,Days,Reason\nAnn Lee,5,Vacation\nBo Li,2,Moving house\nCy Ng,3,Wedding')).toEqual([]);
    expect(health('sku,name,condition,price\nA1,Lamp,Used,12\nA2,Chair,New,40')).toEqual([]);
    expect(health('name,allergies\nAnn,none\nBo,no\nCy,n/a')).toEqual([]);
  });
});

describe('health data: an ICD-10 code under a diagnosis word of any language', () => {
  it('reads a code set apart (in brackets, dotted, ending a list line) after the word', () => {
    expect(health('Diagnosi di dimissione: BPCO riacutizzata (J44.1), insufficienza respiratoria')).toContain('J44.1');
    // (not an error code: no term of the vocabularies near)
    expect(health('故障诊断：传感器松动，错误代码 (E21.1)')).toEqual([]);
    expect(health('Mgonjwa: Juma\nUchunguzi: malaria kali, B50.9')).toContain('B50.9');
    // (the field's item holds its code: one finding)
    expect(health('אבחנה: פסוריאזיס (L40.0) בדרגה בינונית')).toEqual(['פסוריאזיס (L40.0) בדרגה בינונית']);
    expect(health('Diagnosen:\n- Arterielle Hypertonie, I10\n- Diabetes mellitus Typ 2, E11.9')).toEqual(['I10', 'E11.9']);
  });
  it('reads none after the English verb, nor a part number', () => {
    expect(health('We could not diagnose the fault in unit (B50.9).')).toEqual([]);
    expect(health('Diagnostics: part (M51.2) replaced')).toEqual([]);
  });
  it("reads none where the diagnosis's word is the only clinical one (a technician's or an appliance's code), unless it says ICD", () => {
    expect(health('Ticket 44: replaced PSU. Dx: bad cable (C13), port E11 ok')).toEqual([]);
    expect(health('Error code E11 on the washer, diagnosis: drain pump')).toEqual([]);
    expect(health('ICD: I10')).toEqual(['I10']);
    expect(health('Dx: asthma (J45)')).toContain('J45');
    expect(health('Pt seen for wheeze. Dx: J45.909')).toEqual(['J45.909']);
  });
});

describe("health data: a diagnosis's, a treatment's or a medication's field in any language", () => {
  it('reads each item of the field in a clinical text, whatever its words', () => {
    expect(health('Diagnózis: pitvarfibrilláció (I48.9), szívelégtelenség')).toEqual(['pitvarfibrilláció', 'I48.9', 'szívelégtelenség']);
    expect(health('Patient: Hans Weber\nDiagnose: Morbus Bechterew\nMedikation: Ibuprofen 400 mg')).toEqual(['Morbus Bechterew', 'Ibuprofen 400 mg']);
    expect(health('אבחנה: פסוריאזיס (L40.0) בדרגה בינונית\nטיפול: משחת קלובטזול פעמיים ביום, פוטותרפיה 3 פעמים בשבוע')).toEqual([
      'פסוריאזיס (L40.0) בדרגה בינונית',
      'משחת קלובטזול פעמיים ביום',
      'פוטותרפיה 3 פעמים בשבוע',
    ]);
  });
  it("reads no machine's diagnosis, no water treatment, no field that says there is none, nor one with no clinical word near", () => {
    expect(health('Fault diagnosis: loose connector, replaced')).toEqual([]);
    expect(health('Diagnose: Netzteil defekt')).toEqual([]);
    expect(health('Water treatment: chlorine dosing, UV lamp')).toEqual([]);
    expect(health('Patient: Hans Weber\nMedication: none')).toEqual([]);
    expect(health('Hospital IT ticket: PACS viewer crashes for patient records.\nDiagnosis: memory leak in viewer v2.3')).toEqual([]);
    expect(health('Patient intake form, asthma clinic\nDiagnosis: please describe\nMedication: list all current medications')).toEqual(['asthma']);
  });
});

describe('health data: a drug of any language before its dose in milligrams (a sixteenth corpus)', () => {
  it('reads the word before a dose as a medication', () => {
    expect(health('Terapia proposta: dimetilfumarato 240 mg x 2/die dopo titolazione')).toEqual(['dimetilfumarato 240 mg']);
    expect(health('αγωγή με δικλοφενάκη 75 mg. Αθήνα')).toEqual(['δικλοφενάκη 75 mg']);
    expect(health('العلاج: سوفوسبوفير 400 مجم + داكلاتاسفير 60 مجم يومياً')).toEqual(['سوفوسبوفير', 'داكلاتاسفير']);
  });
  it("reads a condition after its kind's word between a link and the term ('she has bronchial asthma')", () => {
    expect(health('Anna warned that she has bronchial asthma')).toEqual(['asthma']);
    expect(health('my son has allergic asthma')).toEqual(['asthma']);
  });
  it("reads no food's or drink's content, nor a drug in a study", () => {
    expect(health('Each serving has caffeine 95 mg and sugar 20 mg.')).toEqual([]);
    expect(health('The study gave participants metformin 500 mg daily.')).toEqual([]);
  });
  it('stays linear on many doses', () => {
    expectWithin(3000, () => health('Ramipril 5 mg\n'.repeat(40_000)));
  });
});
