import type { Detector } from '../detector';

const CONDITIONS = [
  'type [12] diabetes', 'diabetes(?: mellitus)?', 'diabetic', 'hypertension', 'hypertensive', 'asthma', 'copd', 'emphysema', 'major depressive disorder', 'depression',
  'anxiety disorder', 'anxiety', 'generalized anxiety', 'panic disorder', 'panic attacks?', 'bipolar(?: disorder)?', 'schizophrenia', 'ptsd', 'adhd', 'autism', 'epilepsy', 'seizures?', 'migraines?',
  'cancer', 'carcinoma', 'melanoma', 'lymphoma', 'leuka?emia', 'tumou?rs?', 'metasta(?:sis|tic)', 'malignan(?:t|cy)', 'hiv', 'aids', 'hepatitis [abc]', 'hepatitis',
  'tuberculosis', 'pneumonia', 'covid-19', 'sepsis', 'stroke', 'myocardial infarction', 'heart failure', 'atrial fibrillation', 'a-?fib', 'arrhythmia',
  'coronary artery disease', 'angina', 'hyperlipid(?:a)?emia', 'hypercholesterol(?:a)?emia', 'hypothyroidism', 'hyperthyroidism', 'obesity', 'anaemia', 'anemia',
  'chronic kidney disease', 'ckd', 'renal failure', 'cirrhosis', "crohn'?s disease", 'ulcerative colitis', 'gerd', 'osteoporosis', 'rheumatoid arthritis',
  'osteoarthritis', 'arthritis', 'lupus', 'multiple sclerosis', "parkinson'?s(?: disease)?", "alzheimer'?s(?: disease)?", 'dementia', 'fractured?', 'concussion',
  'miscarriage', 'infertility', 'chlamydia', 'syphilis', 'gonorrh(?:o)?ea', 'herpes', 'hpv', 'anorexia(?: nervosa)?', 'bulimia', 'eating disorder',
  'substance use disorder', 'alcohol use disorder', 'opioid use disorder', 'overdose', 'suicidal ideation', 'self-harm', 'psoriasis', 'eczema', 'dermatitis',
  'glaucoma', 'cataracts?', 'sleep apnea', 'insomnia', 'appendicitis', 'gout', 'neuropathy', 'hypoglyc(?:a)?emia', 'hyperglyc(?:a)?emia', 'cellulitis',
  'urinary tract infection', 'uti', 'kidney stones?', 'pancreatitis', 'endometriosis', 'pcos', 'deep vein thrombosis', 'dvt', 'pulmonary embolism', 'aneurysm',
  'heart attacks?', 'mini-stroke', 'heart disease', 'heart condition', 'slipped disc', 'broken (?:leg|arm|wrist|ankle|hip|ribs?|collarbone)', 'burn-?out',
  'nervous breakdown', 'mental breakdown', 'breakdown', 'pregnan(?:t|cy)', 'ivf', 'hiv[ -]positive', 'long covid', 'covid', 'addiction', 'alcoholism',
  '(?:breast|bowel|lung|prostate|skin|ovarian|cervical|pancreatic|brain|blood|liver|colon|colorectal|stomach|bladder|kidney|thyroid|testicular) cancer',
  'mental health (?:issues|problems|condition|crisis)', 'chronic pain', 'back pain', 'cancer',
  'chest pain', 'shortness of breath', 'fatigue', 'dizziness', '(?:persistent |chronic |dry |productive )?cough', 'headaches?', 'rash', 'wheezing', 'o?edema', 'numbness', 'weight loss', 'dyspn(?:o)?ea', 'palpitations', 'syncope', 'nausea', 'vomiting', 'fever', 'hypothermia', 'bronchitis', 'sinusitis', 'otitis media', 'tonsillitis', 'influenza', 'celiac disease', 'irritable bowel syndrome', 'ibs', 'fibromyalgia',
];
const MEDICATIONS = [
  'metformin', 'insulin(?: glargine| lispro)?', 'glipizide', 'lisinopril', 'losartan', 'amlodipine', 'hydrochlorothiazide', 'metoprolol', 'atenolol', 'carvedilol',
  'atorvastatin', 'simvastatin', 'rosuvastatin', 'warfarin', 'apixaban', 'rivaroxaban', 'clopidogrel', 'levothyroxine', 'omeprazole', 'pantoprazole', 'sertraline',
  'fluoxetine', 'escitalopram', 'citalopram', 'paroxetine', 'bupropion', 'venlafaxine', 'duloxetine', 'trazodone', 'mirtazapine', 'lithium carbonate', 'quetiapine',
  'olanzapine', 'risperidone', 'aripiprazole', 'lamotrigine', 'levetiracetam', 'gabapentin', 'pregabalin', 'alprazolam', 'lorazepam', 'diazepam', 'clonazepam',
  'zolpidem', 'methylphenidate', 'adderall', 'oxycodone', 'hydrocodone', 'morphine', 'fentanyl', 'tramadol', 'buprenorphine', 'methadone', 'naloxone',
  'prednisone', 'prednisolone', 'dexamethasone', 'albuterol', 'salbutamol', 'fluticasone', 'montelukast', 'amoxicillin', 'azithromycin', 'doxycycline',
  'ciprofloxacin', 'cephalexin', 'penicillin', 'clindamycin', 'nitrofurantoin', 'metronidazole', 'vancomycin', 'acyclovir', 'valacyclovir', 'tenofovir',
  'semaglutide', 'ozempic', 'wegovy', 'liraglutide', 'empagliflozin', 'dapagliflozin', 'sitagliptin', 'furosemide', 'spironolactone', 'digoxin', 'methotrexate',
  'adalimumab', 'humira', 'infliximab', 'rituximab', 'tamoxifen', 'letrozole', 'cisplatin', 'allopurinol', 'sildenafil', 'estradiol', 'hydroxychloroquine',
  'aspirin', 'ibuprofen', 'naproxen', 'acetaminophen', 'paracetamol', 'enoxaparin', 'heparin', 'ondansetron', 'ramipril', 'bisoprolol', 'candesartan', 'valsartan',
];
const PROCEDURES = [
  'chemotherapy', 'radiotherapy', 'radiation therapy', 'dialysis', 'biops(?:y|ies)', 'mri', 'ct scan', 'x-ray', 'ecg', 'ekg', 'echocardiogram', 'colonoscopy',
  'endoscopy', 'mammogram', 'hba1c', 'a1c', 'blood glucose', 'ldl', 'psa', 'mastectomy', 'appendectomy', 'transplant', 'intubated', 'cholecystectomy',
  'angioplasty', 'stents?', 'pacemaker', '(?:hip|knee|shoulder|joint) replacement(?: surgery)?', 'bypass', 'rehab', 'hysterectomy', 'c-section',
  'caesarean', 'operation', 'physio', 'counselling', 'counseling', 'insulin', 'antibiotics', 'painkillers', 'sleeping pills', 'anti-?depressants?', 'surgery', 'chemo', 'antibiotics?', 'antidepressants?', 'vaccination', 'blood test', 'urinalysis', 'pap smear', 'bypass surgery', 'physiotherapy', 'psychotherapy', 'cbt', 'blood transfusion', 'spirometry', 'ultrasound',
];

/** USAN/INN stems that mark a generic drug name (sumatriptan, cetirizine, ramipril, ...). */
const DRUG_STEMS =
  'cef[a-z]{4,}|[a-z]{2,}(?:tropium|terol|sonide|platin|rubicin|taxel|conazole|asone|olone|vudine|triptan|izine|yzine|pril|sartan|olol|statin|prazole|dipine|gliptin|gliflozin|afil|xaban|parin|lukast|azepam|zolam|oxetine|tinib|umab|ximab|zumab|cillin|mycin|floxacin|cycline|navir|ciclovir|tidine|semide|thiazide|setron|profen|coxib|triptyline|peridol|glutide|dronate|lamide|pramine)';
const TERM_RE = new RegExp(
  `(?<![A-Za-z0-9])(?:(${CONDITIONS.join('|')})|(${MEDICATIONS.join('|')}|${DRUG_STEMS})|(${PROCEDURES.join('|')}))(?![A-Za-z0-9])`,
  'gi',
);
const ICD_RE = /(?<![A-Za-z0-9])[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?(?![A-Za-z0-9])/g;
const WINDOW = 300;
/** A person the health data is about, right before a lay-language term ("my husband is undergoing chemotherapy"). */
const PERSONAL =
  /(?:^|[^A-Za-z])(?:i|i'm|i've|i am|my|me|he|she|his|her|him|husband|wife|partner|son|daughter|mum|mom|dad|father|mother|brother|sister|grandma|grandpa|colleague|employee|boss|manager|friend|child|baby)(?:[^A-Za-z]|$)/i;
/** news, research and teaching text talks about conditions, not about someone */
const GENERAL = /\b(?:study|studies|researchers?|research|lesson|course|students|according to|article|news|survey|trial|statistics|risk of|symptoms of|what is|explains?|how to|guide|awareness|charity|campaign|population|people who|patients who|adults|percent|%)/i;
/** or a person's name ("Grace Thompson was diagnosed with ...") */
const NAME_PAIR = /(?:^|[^\p{L}])\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u;

/** Number of values of sorted `xs` in [a, b]. */
function countInRange(xs: readonly number[], a: number, b: number): number {
  return lowerBound(xs, b + 1) - lowerBound(xs, a);
}
function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Hit { start: number; end: number; detector: string }

/**
 * Health data by a scored vocabulary: a diagnosis, medication or clinical procedure is reported only
 * in a clinical context, i.e. with a clinical word (patient, diagnosed, mg, prescribed...) within
 * 300 characters plus a second health term or a second clinical word. A single medical word in
 * unrelated prose is not reported. ICD-10 codes need an ICD/diagnosis word or a clinical context.
 */
export const healthDetector: Detector = {
  entries: [
    { id: 'medical-condition', dataClass: 'health_data', description: 'Diagnoses and conditions in a clinical context' },
    { id: 'medication', dataClass: 'health_data', description: 'Medications in a clinical context' },
    { id: 'medical-procedure', dataClass: 'health_data', description: 'Procedures and tests in a clinical context' },
    { id: 'icd-10-code', dataClass: 'health_data', description: 'ICD-10 codes (format + context)' },
  ],
  detect({ text, keywords }, out) {
    const hasLay = keywords.has('lay');
    if (!keywords.has('health') && !hasLay) return;
    const hits: Hit[] = [];
    const { starts, ends } = keywords.hits('health');
    // vocabulary only within WINDOW of a clinical word, or just after a lay health verb: windows merged, each scanned once
    const wins: [number, number][] = [];
    for (let i = 0; i < starts.length; i++) wins.push([Math.max(0, starts[i]! - WINDOW), ends[i]! + WINDOW]);
    if (hasLay) {
      const lay = keywords.hits('lay');
      for (let i = 0; i < lay.starts.length; i++) wins.push([lay.starts[i]!, lay.ends[i]! + 60]);
      wins.sort((a, b) => a[0] - b[0]);
    }
    let m: RegExpExecArray | null;
    let lastEnd = -1;
    for (let i = 0; i < wins.length; ) {
      const ws = Math.max(wins[i]![0], lastEnd);
      let we = wins[i]![1];
      i++;
      while (i < wins.length && wins[i]![0] <= we) we = Math.max(we, wins[i++]![1]);
      we = Math.min(text.length, we);
      lastEnd = we;
      if (we <= ws) continue;
      const win = text.slice(ws, we);
      TERM_RE.lastIndex = 0;
      while ((m = TERM_RE.exec(win)) !== null) {
        const detector = m[1] !== undefined ? 'medical-condition' : m[2] !== undefined ? 'medication' : 'medical-procedure';
        hits.push({ start: ws + m.index, end: ws + m.index + m[0].length, detector });
      }
    }
    const hitStarts = hits.map((h) => h.start);
    const countTriggers = (a: number, b: number): number => countInRange(starts, a, b);
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i]!;
      const a = h.start - WINDOW, b = h.end + WINDOW;
      const triggers = countTriggers(a, b);
      const others = countInRange(hitStarts, a, b) - 1;
      if (triggers > 0 && (others > 0 || triggers >= 2)) {
        out.push({ dataClass: 'health_data', detector: h.detector, start: h.start, end: h.end, confidence: others > 0 && triggers > 1 ? 0.92 : 0.85 });
        continue;
      }
      // lay language: a lay health verb shortly before, and a person it is about ("my dad had a heart attack")
      if (hasLay && keywords.near('lay', h.start, h.end, 30, 0)) {
        const before = text.slice(Math.max(0, h.start - 90), h.start);
        if ((PERSONAL.test(before) || NAME_PAIR.test(before)) && !GENERAL.test(text.slice(Math.max(0, h.start - 200), Math.min(text.length, h.end + 60)))) out.push({ dataClass: 'health_data', detector: h.detector, start: h.start, end: h.end, confidence: others > 0 ? 0.85 : 0.75 });
      }
    }
    const icd = ICD_RE;
    icd.lastIndex = 0;
    while ((m = icd.exec(text)) !== null) {
      const end = m.index + m[0].length;
      const before = text.slice(Math.max(0, m.index - 40), m.index).toLowerCase();
      const icdWord = /icd|diagnos|dx|code/.test(before);
      const clinical = countTriggers(m.index - WINDOW, end + WINDOW) + countInRange(hitStarts, m.index - WINDOW, end + WINDOW);
      if (icdWord && clinical >= 1) out.push({ dataClass: 'health_data', detector: 'icd-10-code', start: m.index, end, confidence: 0.9 });
      else if (m[0].includes('.') && clinical >= 3) out.push({ dataClass: 'health_data', detector: 'icd-10-code', start: m.index, end, confidence: 0.8 });
    }
  },
};
