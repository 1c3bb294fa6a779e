/*
 * Health vocabulary of the health detector (detectors/health-detector.ts), found by the shared
 * keyword automaton (keyword-scan.ts, kind 'healthterm'): whole words, case-insensitive.
 *
 * Selected by hand from public lists:
 * - medicines: the WHO Model List of Essential Medicines (23rd list, 2023), the most-dispensed items of
 *   the NHS Business Services Authority's Prescription Cost Analysis (England) and the ClinCalc
 *   DrugStats Top 300 (US MEPS) — generic names in British and US spelling, the common brand names of
 *   the same medicines, and the drug classes people name ("an SSRI", "blood thinners");
 * - conditions: the titles of the NHS Health A to Z (nhs.uk/conditions) and of MedlinePlus Health
 *   Topics, in the lay words people use ("kidney problems", "irregular heartbeat", "nut allergy"), with
 *   the clinical abbreviations of discharge letters (NSTEMI, T2DM, COPD), and the common ones in
 *   French, Italian, Spanish, Portuguese, German and Dutch (their dictionary names);
 * - procedures, tests and devices: the same sources, and the common procedures in French, Italian,
 *   Spanish and German;
 * - ICD-10: the chapter structure of WHO ICD-10 (2019), widened to the ranges ICD-10-CM adds.
 *
 * Entries are '|'-separated. Each group is a category (condition, medication, procedure) and a tier:
 * specific words (reported with a clinical context or a person they are about) or ambiguous ones
 * ("stroke", "operation", "fever": they also have an everyday sense, and need a person and a verb or a
 * possessive right before them, or a clinical context).
 */

export type HealthCategory = 'medical-condition' | 'medication' | 'medical-procedure';
export interface HealthTerm {
  readonly category: HealthCategory;
  /** has an everyday sense too: needs the stronger person rules */
  readonly ambiguous: boolean;
  /** an abbreviation only read in capitals (AIDS, TIA, AF: "aids", "tia", "tired af" are not) */
  readonly upper: boolean;
}

const MEDICATIONS =
  // generics (British and US names)
  'metformin|insulin|insulin glargine|insulin lispro|insulin aspart|insulin detemir|insulin degludec|gliclazide|glipizide|glimepiride|pioglitazone|' +
  'sitagliptin|linagliptin|alogliptin|saxagliptin|empagliflozin|dapagliflozin|canagliflozin|semaglutide|liraglutide|dulaglutide|tirzepatide|exenatide|' +
  'lisinopril|ramipril|enalapril|perindopril|losartan|candesartan|valsartan|irbesartan|olmesartan|telmisartan|amlodipine|felodipine|lercanidipine|nifedipine|' +
  'diltiazem|verapamil|hydrochlorothiazide|bendroflumethiazide|indapamide|chlorthalidone|furosemide|frusemide|bumetanide|torsemide|spironolactone|eplerenone|' +
  'metoprolol|atenolol|bisoprolol|carvedilol|propranolol|nebivolol|labetalol|sotalol|doxazosin|clonidine|hydralazine|amiodarone|dronedarone|flecainide|digoxin|' +
  'isosorbide mononitrate|glyceryl trinitrate|nitroglycerin|ivabradine|ranolazine|atorvastatin|simvastatin|rosuvastatin|pravastatin|ezetimibe|fenofibrate|' +
  'warfarin|apixaban|rivaroxaban|edoxaban|dabigatran|clopidogrel|ticagrelor|prasugrel|aspirin|heparin|enoxaparin|dalteparin|' +
  'levothyroxine|liothyronine|carbimazole|methimazole|propylthiouracil|alendronic acid|alendronate|risedronate|ibandronate|zoledronic acid|denosumab|raloxifene|' +
  'ferrous sulphate|ferrous sulfate|ferrous fumarate|folic acid|colecalciferol|cholecalciferol|cyanocobalamin|hydroxocobalamin|potassium chloride|' +
  'omeprazole|esomeprazole|lansoprazole|pantoprazole|rabeprazole|ranitidine|famotidine|mesalazine|mesalamine|sulfasalazine|azathioprine|mercaptopurine|' +
  'methotrexate|hydroxychloroquine|leflunomide|adalimumab|etanercept|infliximab|ustekinumab|vedolizumab|tofacitinib|upadacitinib|baricitinib|secukinumab|' +
  'dupilumab|omalizumab|mepolizumab|colchicine|allopurinol|febuxostat|prednisone|prednisolone|hydrocortisone|methylprednisolone|dexamethasone|' +
  'beclometasone|beclomethasone|budesonide|fluticasone|salmeterol|formoterol|tiotropium|ipratropium|montelukast|salbutamol|albuterol|terbutaline|theophylline|' +
  'carbocisteine|codeine|co-codamol|co-dydramol|dihydrocodeine|morphine|oxycodone|hydrocodone|hydromorphone|tapentadol|cyclobenzaprine|methocarbamol|baclofen|tizanidine|tramadol|tilidine|tilidin|fentanyl|buprenorphine|methadone|' +
  'naltrexone|naloxone|acamprosate|disulfiram|varenicline|paracetamol|acetaminophen|ibuprofen|naproxen|diclofenac|celecoxib|etoricoxib|meloxicam|indomethacin|' +
  'amitriptyline|nortriptyline|clomipramine|imipramine|dosulepin|sertraline|fluoxetine|citalopram|escitalopram|paroxetine|fluvoxamine|venlafaxine|' +
  'desvenlafaxine|duloxetine|mirtazapine|trazodone|bupropion|vortioxetine|agomelatine|lithium carbonate|sodium valproate|valproic acid|carbamazepine|' +
  'oxcarbazepine|lamotrigine|levetiracetam|topiramate|phenytoin|zonisamide|lacosamide|gabapentin|pregabalin|clobazam|clonazepam|diazepam|lorazepam|' +
  'alprazolam|temazepam|nitrazepam|chlordiazepoxide|zopiclone|zolpidem|promethazine|hydroxyzine|quetiapine|olanzapine|risperidone|aripiprazole|haloperidol|' +
  'clozapine|lurasidone|paliperidone|amisulpride|chlorpromazine|methylphenidate|lisdexamfetamine|dexamfetamine|dextroamphetamine|atomoxetine|guanfacine|' +
  'modafinil|donepezil|rivastigmine|galantamine|memantine|levodopa|co-careldopa|co-beneldopa|carbidopa|pramipexole|ropinirole|rasagiline|sumatriptan|' +
  'rizatriptan|zolmitriptan|pizotifen|betahistine|prochlorperazine|metoclopramide|domperidone|ondansetron|cyclizine|loperamide|mebeverine|hyoscine|' +
  'macrogol|lactulose|bisacodyl|tamsulosin|finasteride|dutasteride|alfuzosin|oxybutynin|tolterodine|solifenacin|mirabegron|sildenafil|tadalafil|' +
  'nitrofurantoin|trimethoprim|amoxicillin|co-amoxiclav|flucloxacillin|phenoxymethylpenicillin|penicillin|clarithromycin|erythromycin|azithromycin|' +
  'doxycycline|lymecycline|minocycline|ciprofloxacin|levofloxacin|cefalexin|cephalexin|cefuroxime|ceftriaxone|metronidazole|clindamycin|vancomycin|' +
  'gentamicin|rifampicin|isoniazid|fluconazole|terbinafine|aciclovir|acyclovir|valaciclovir|valacyclovir|oseltamivir|tenofovir|emtricitabine|dolutegravir|' +
  'levonorgestrel|desogestrel|norethisterone|medroxyprogesterone|estradiol|oestradiol|tibolone|clomifene|clomiphene|letrozole|anastrozole|tamoxifen|' +
  'exemestane|bicalutamide|goserelin|capecitabine|cyclophosphamide|doxorubicin|paclitaxel|docetaxel|carboplatin|cisplatin|oxaliplatin|pembrolizumab|' +
  'nivolumab|trastuzumab|bevacizumab|rituximab|imatinib|tacrolimus|ciclosporin|cyclosporine|mycophenolate|isotretinoin|chlorphenamine|cetirizine|' +
  'loratadine|fexofenadine|glucagon|' +
  // the same in Italian, Spanish and French where the name changes
  'insulina|metformina|paracetamolo|ibuprofene|ibuprofeno|antidepresivos|antidepressivi|antidépresseurs|' +
  // brand names of the same medicines
  'lantus|levemir|tresiba|toujeo|humalog|novorapid|novomix|humulin|fiasp|apidra|ozempic|wegovy|mounjaro|zepbound|saxenda|victoza|trulicity|byetta|' +
  'januvia|jardiance|forxiga|farxiga|invokana|glucophage|lipitor|zocor|crestor|zetia|ezetrol|norvasc|istin|cozaar|diovan|zestril|tenormin|lopressor|' +
  'toprol|coreg|cardizem|lanoxin|lasix|aldactone|eliquis|xarelto|pradaxa|lixiana|brilinta|brilique|plavix|coumadin|synthroid|eltroxin|euthyrox|levoxyl|' +
  'fosamax|prolia|nexium|prilosec|losec|protonix|zantac|pepcid|gaviscon|singulair|ventolin|proair|flovent|advair|seretide|symbicort|fostair|spiriva|' +
  'qvar|clenil|flixotide|nasonex|flonase|zyrtec|claritin|piriton|tylenol|panadol|calpol|nurofen|motrin|voltaren|voltarol|celebrex|oxycontin|percocet|' +
  'vicodin|dilaudid|suboxone|subutex|narcan|neurontin|lyrica|topamax|keppra|lamictal|tegretol|depakote|epilim|dilantin|aricept|namenda|sinemet|madopar|' +
  'ritalin|concerta|adderall|vyvanse|elvanse|strattera|prozac|zoloft|lustral|paxil|seroxat|celexa|cipramil|lexapro|cipralex|effexor|cymbalta|wellbutrin|' +
  'zyban|remeron|seroquel|zyprexa|risperdal|abilify|latuda|clozaril|priadel|xanax|valium|ativan|klonopin|rivotril|ambien|zimovane|microgynon|cerazette|' +
  'rigevidon|mirena|nexplanon|depo-provera|utrogestan|premarin|viagra|cialis|levitra|flomax|proscar|avodart|vesicare|betmiga|augmentin|amoxil|' +
  'zithromax|keflex|flagyl|bactrim|macrobid|tamiflu|valtrex|zovirax|truvada|descovy|biktarvy|humira|enbrel|remicade|stelara|dupixent|keytruda|opdivo|' +
  'herceptin|avastin|rituxan|gleevec|xeljanz|otezla|plaquenil|imuran|epipen|moviprep|movicol|laxido|dulcolax|senokot|fybogel|imodium|buscopan|colofac|' +
  // classes and lay names
  'ssri|ssris|snri|snris|maoi|nsaid|nsaids|ace inhibitor|ace inhibitors|beta blocker|beta blockers|beta-blocker|beta-blockers|statins|blood thinner|' +
  'blood thinners|anticoagulant|anticoagulants|antidepressant|antidepressants|anti-depressant|anti-depressants|antipsychotic|antipsychotics|benzodiazepine|' +
  'benzodiazepines|sleeping pills|sleeping tablets|water tablets|iron tablets|contraceptive pill|insulin pen|hrt|chemo';
const MEDICATIONS_AMBIGUOUS =
  'lithium|antibiotics|antibiotic|painkillers|opioids|opioid|steroids|steroid|antihistamines|antihistamine|benzos|melatonin|meds|the pill';

const CONDITIONS =
  'gastroenteritis|norovirus|stomach bug|disc prolapse|prolapsed disc|herniated disc|slipped discs|' +
  'diabetes|diabetes mellitus|type 1 diabetes|type 2 diabetes|type one diabetes|type two diabetes|diabetic|prediabetes|pre-diabetes|gestational diabetes|' +
  't1dm|t2dm|iddm|niddm|diabetic ketoacidosis|ketoacidosis|dka|hypoglycaemia|hypoglycemia|hyperglycaemia|hyperglycemia|hypertension|hypertensive|htn|' +
  'hypotension|high cholesterol|hypercholesterolaemia|hypercholesterolemia|hyperlipidaemia|hyperlipidemia|asthma|asthmatic|copd|emphysema|' +
  'chronic obstructive pulmonary disease|cystic fibrosis|bronchiectasis|bronchitis|pneumonia|pleurisy|tuberculosis|sleep apnoea|sleep apnea|' +
  'obstructive sleep apnoea|obstructive sleep apnea|narcolepsy|insomnia|' +
  'heart attack|heart attacks|cardiac arrest|myocardial infarction|nstemi|stemi|angina|atrial fibrillation|afib|a-fib|arrhythmia|irregular heartbeat|' +
  'irregular heart beat|heart murmur|palpitations|tachycardia|bradycardia|heart failure|chf|cardiomyopathy|coronary artery disease|coronary heart disease|' +
  'ischaemic heart disease|ischemic heart disease|ihd|mini-stroke|mini stroke|deep vein thrombosis|dvt|pulmonary embolism|blood clot|blood clots|aneurysm|' +
  'peripheral arterial disease|heart condition|heart disease|heart problems|heart defect|' +
  'cancer|carcinoma|melanoma|lymphoma|leukaemia|leukemia|myeloma|sarcoma|tumour|tumor|tumours|tumors|brain tumour|brain tumor|metastases|metastatic|' +
  'malignancy|breast cancer|bowel cancer|lung cancer|prostate cancer|skin cancer|ovarian cancer|cervical cancer|pancreatic cancer|brain cancer|blood cancer|' +
  'liver cancer|colon cancer|colorectal cancer|stomach cancer|bladder cancer|kidney cancer|thyroid cancer|testicular cancer|throat cancer|' +
  'hiv|hiv positive|hiv-positive|hepatitis|hepatitis a|hepatitis b|hepatitis c|chlamydia|syphilis|gonorrhoea|gonorrhea|herpes|genital herpes|hpv|' +
  'covid|covid-19|long covid|sepsis|meningitis|malaria|measles|mumps|chickenpox|glandular fever|tonsillitis|strep throat|influenza|sinusitis|' +
  'ear infection|chest infection|kidney infection|bladder infection|urinary tract infection|uti|utis|cystitis|cellulitis|scabies|impetigo|conjunctivitis|' +
  'epilepsy|epileptic|migraine|migraines|cluster headaches|multiple sclerosis|motor neurone disease|motor neuron disease|mnd|' +
  // "Parkinson's", "Alzheimer’s": the apostrophe ends the word, so the name alone matches every spelling
  'parkinson|parkinsons|alzheimer|alzheimers|early alzheimer|dementia|memory loss|' +
  'neuropathy|peripheral neuropathy|sciatica|slipped disc|herniated disc|carpal tunnel syndrome|tinnitus|labyrinthitis|hearing loss|glaucoma|cataract|' +
  'cataracts|macular degeneration|' +
  'clinical depression|postnatal depression|postpartum depression|major depressive disorder|anxiety disorder|generalised anxiety disorder|' +
  'generalized anxiety disorder|social anxiety|panic disorder|panic attack|panic attacks|ptsd|post-traumatic stress disorder|bipolar disorder|' +
  'schizophrenia|psychosis|eating disorder|anorexia|anorexia nervosa|bulimia|bulimia nervosa|binge eating disorder|self-harm|self harm|suicidal thoughts|' +
  'suicidal ideation|adhd|autism|autism spectrum disorder|tourette syndrome|alcoholism|alcohol use disorder|alcohol dependence|drug addiction|' +
  'opioid use disorder|substance use disorder|anhedonia|low mood|early waking|early morning waking|nervous breakdown|mental breakdown|mental illness|' +
  'mental health problems|mental health issues|mental health condition|' +
  'hypothyroidism|hyperthyroidism|underactive thyroid|overactive thyroid|thyroid problems|obesity|anaemia|anemia|sickle cell disease|sickle cell anaemia|' +
  'sickle cell anemia|thalassaemia|thalassemia|haemophilia|hemophilia|' +
  'chronic kidney disease|ckd|kidney disease|kidney failure|renal failure|acute kidney injury|kidney problems|kidney stones|kidney stone|liver disease|' +
  'liver failure|fatty liver|cirrhosis|gallstones|pancreatitis|' +
  'crohn|crohns disease|ulcerative colitis|colitis|ibs|irritable bowel syndrome|ibd|inflammatory bowel disease|coeliac disease|' +
  'celiac disease|coeliac|gerd|gord|acid reflux|gastritis|stomach ulcer|diverticulitis|haemorrhoids|hemorrhoids|hernia|appendicitis|bowel problems|' +
  'stomach problems|lung disease|lung problems|breathing problems|liver problems|bladder problems|prostate problems|' +
  'osteoporosis|osteoarthritis|rheumatoid arthritis|arthritis|gout|lupus|fibromyalgia|chronic fatigue syndrome|chronic pain|' +
  'back pain|lower back pain|neck pain|shoulder pain|knee pain|hip pain|joint pain|chest pain|stomach pain|pelvic pain|period pain|' +
  'knee injury|back injury|head injury|brain injury|spinal cord injury|frozen shoulder|plantar fasciitis|' +
  'psoriasis|eczema|dermatitis|rosacea|' +
  'endometriosis|pcos|polycystic ovary syndrome|fibroids|infertility|erectile dysfunction|miscarriage|stillbirth|ectopic pregnancy|pre-eclampsia|' +
  'morning sickness|menopause|' +
  'nut allergy|peanut allergy|tree nut allergy|shellfish allergy|egg allergy|milk allergy|dairy allergy|gluten allergy|wheat allergy|sesame allergy|' +
  'penicillin allergy|latex allergy|food allergy|nut allergies|food allergies|lactose intolerance|lactose intolerant|gluten intolerance|hay fever|' +
  'anaphylaxis|anaphylactic shock|' +
  'shortness of breath|dyspnoea|dyspnea|oedema|edema|syncope|' +
  // French, Italian, Spanish, German
  'pregnancy|diabète|asthme|crise cardiaque|infarctus|fausse couche|grossesse|maladie de crohn|sclérose en plaques|insuffisance cardiaque|insuffisance rénale|' +
  'asma|diabete|ictus|infarto|tumore|aborto spontaneo|gravidanza|ipertensione|depressione|' +
  'cáncer|depresión|embarazo|aborto espontáneo|' +
  'zuckerkrankheit|herzinfarkt|schlaganfall|bluthochdruck|fehlgeburt|schwangerschaft|bandscheibenvorfall|' +
  // more of the NHS A to Z's titles in French, Italian, Spanish, Portuguese, German and Dutch
  'cancer du sein|cancer de la prostate|cancer du poumon|cancer du côlon|leucémie|accident vasculaire cérébral|épilepsie|maladie d\'alzheimer|' +
  'maladie de parkinson|démence|hépatite|tuberculose|pneumonie|arthrose|polyarthrite rhumatoïde|ostéoporose|hernie discale|sciatique|trouble bipolaire|' +
  'schizophrénie|anorexie|boulimie|autisme|insuffisance respiratoire|diabète de type 2|' +
  'cancro al seno|tumore al seno|cancro alla prostata|tumore alla prostata|leucemia|epilessia|demenza|morbo di alzheimer|morbo di parkinson|polmonite|' +
  'artrosi|artrite reumatoide|osteoporosi|ernia del disco|sciatica|schizofrenia|disturbo bipolare|anoressia|bulimia|autismo|diabete di tipo 2|epatite|' +
  'tubercolosi|insufficienza renale|insufficienza cardiaca|' +
  'cáncer de mama|cáncer de próstata|cáncer de pulmón|epilepsia|demencia|alzhéimer|párkinson|neumonía|artrosis|artritis reumatoide|osteoporosis|' +
  'hernia discal|ciática|esquizofrenia|trastorno bipolar|anorexia|derrame cerebral|diabetes tipo 2|hepatitis|tuberculosis|hipertensión|' +
  'insuficiencia renal|insuficiencia cardíaca|' +
  'câncer de mama|cancro da mama|demência|artrose|osteoporose|hérnia de disco|transtorno bipolar|hepatite|tuberculose|hipertensão|' +
  'insuficiência renal|' +
  'brustkrebs|prostatakrebs|lungenkrebs|darmkrebs|leukämie|epilepsie|demenz|lungenentzündung|osteoporose|ischias|schizophrenie|bipolare störung|' +
  'magersucht|niereninsuffizienz|herzinsuffizienz|' +
  'borstkanker|longkanker|darmkanker|leukemie|dementie|beroerte|hartaanval|longontsteking|reuma|suikerziekte|zwangerschap|' +
  // infections people are off work with, in those languages and Indonesian
  'dengue|dengue fever|typhoid|cholera|scarlet fever|chikungunya|zika|varicela|varicelle|varicella|windpocken|waterpokken|catapora|masern|' +
  'sarampión|rougeole|morbillo|sarampo|mandelentzündung|amygdalite|tonsillite|amigdalitis|demam berdarah|tifus|cacar air|' +
  // pregnancy complications, sensory impairments and common conditions in other languages
  'hyperemesis gravidarum|visual impairment|hearing impairment|registered blind|zöliakie|celiaquía|appendicite|hérnia|depresja|depressão|dyslexia|' +
  'diskbråck|ischias|utmattningssyndrom|bandscheibenvorfall|hernie discale|ernia del disco|hernia discal|' +
  // injuries and dependencies of insurance claims and HR notes, and the lay forms of two conditions
  'alcohol dependency|alcohol dependence|alcohol addiction|drug addiction|gallbladder stones|low platelet count|high bp|severe dehydration|' +
  // the injuries of personal-injury letters and claims, and clinical notes' conditions
  'whiplash injury|soft tissue injury|soft-tissue injury|rotator cuff tear|torn rotator cuff|hip fracture|wrist fracture|ankle fracture|radius fracture|' +
  'distal radius fracture|skull fracture|rib fracture|orbital fracture|orbital floor fracture|fractured orbital floor|fractured skull|fractured pelvis|fractured vertebra|' +
  'post-concussion syndrome|post-concussive syndrome|post-concussive headaches|post-traumatic headaches|otitis media|acute otitis media|middle ear infection|glue ear|' +
  'melaena|melena|rectal bleeding|epigastric pain|sickle cell crisis|travel anxiety|aom';
const CONDITIONS_AMBIGUOUS =
  'stroke|strokes|breakdown|burnout|burn-out|anxiety|bipolar|autistic|fever|rash|cough|persistent cough|dry cough|headache|headaches|' +
  'nausea|vomiting|dizziness|fatigue|numbness|wheezing|weight loss|fracture|fractured|broken leg|broken arm|broken wrist|broken ankle|broken hip|' +
  'broken ribs|broken collarbone|concussion|sprained ankle|pregnant|overdose|addiction|infection|flu|shingles|vertigo|acne|thrush|' +
  'heartburn|reflux|constipation|diarrhoea|diarrhea|incontinence|ulcer|memory problems|sleep problems|eye problems|sore throat|food poisoning|' +
  'tennis elbow|hypothermia|malignant|seizure|seizures|aids|tia|af|mi|ocd|psa|sti|cfs|dépression|cancro|depression|' +
  'whiplash|fractured wrist|fractured arm|fractured ankle|fractured leg|fractured hip|fractured ribs|fractured collarbone|bruised ribs|dehydration|work-related stress|' +
  'schwanger|enceinte|embarazada|grávida|incinta|zwanger|gravid|hamile|deaf';

const PROCEDURES =
  'chemotherapy|radiotherapy|radiation therapy|dialysis|haemodialysis|hemodialysis|biopsies|mri|mri scan|ct scan|cat scan|pet scan|ecg|ekg|eeg|' +
  'echocardiogram|echo cardiogram|angiogram|coronary angiogram|angiography|angioplasty|coronary angioplasty|cabg|stent|stents|heart stent|' +
  'drug-eluting stent|pacemaker fitted|colonoscopy|endoscopy|gastroscopy|sigmoidoscopy|cystoscopy|bronchoscopy|laparoscopy|mammogram|smear test|' +
  'cervical screening|pap smear|hba1c|a1c|blood glucose|blood sugar|blood test|blood tests|urinalysis|spirometry|lumbar puncture|' +
  'arthroscopy|knee arthroscopy|mastectomy|lumpectomy|appendectomy|appendicectomy|cholecystectomy|hysterectomy|vasectomy|tonsillectomy|c-section|caesarean|cesarean|caesarean section|' +
  'arthroplasty|knee arthroplasty|hip arthroplasty|total knee arthroplasty|total hip arthroplasty|' +
  'knee replacement|hip replacement|shoulder replacement|joint replacement|knee surgery|hip surgery|back surgery|heart surgery|open-heart surgery|' +
  'bypass surgery|heart bypass|triple bypass|cataract surgery|weight loss surgery|gastric bypass|gastric band|bariatric surgery|brain surgery|' +
  'spinal surgery|wisdom tooth extraction|wisdom teeth removal|root canal|kidney transplant|liver transplant|heart transplant|bone marrow transplant|' +
  'blood transfusion|ivf|egg retrieval|embryo transfer|physiotherapy|physio|psychotherapy|cardiac rehab|cardiac rehabilitation|bowel prep|' +
  'bowel preparation|' +
  'cpap|cpap machine|insulin pump|glucose monitor|continuous glucose monitor|hearing aid|hearing aids|colostomy|colostomy bag|stoma|' +
  'inhaler|asthma inhaler|contraceptive implant|antenatal appointment|antenatal scan|tonsil op|tonsil operation|' +
  // French, Italian, Spanish, German
  'extraction dentaire|extraction de dent de sagesse|dent de sagesse|dents de sagesse|irm|échographie|radiographie|prise de sang|coloscopie|' +
  'endoscopie|chimiothérapie|radiothérapie|dialyse|kinésithérapie|césarienne|intervention chirurgicale|' +
  'risonanza magnetica|ecografia|radiografia|esami del sangue|analisi del sangue|colonscopia|chemioterapia|radioterapia|dialisi|' +
  'intervento chirurgico|dente del giudizio|denti del giudizio|fisioterapia|' +
  'resonancia magnética|ecografía|radiografía|análisis de sangre|quimioterapia|diálisis|cesárea|muela del juicio|muelas del juicio|' +
  'darmspiegelung|magenspiegelung|chemotherapie|strahlentherapie|blutabnahme|bluttest|weisheitszahn|weisheitszähne|physiotherapie|dialyse|' +
  'discectomy|appendicectomie|colecistectomia|ligamentoplastia|herniorrafia|' +
  'arthroscopic repair|rotator cuff repair|ear tubes|grommets|tympanostomy|myringotomy';
const PROCEDURES_AMBIGUOUS =
  'operation|surgery|x-ray|x-rays|xray|ultrasound|transplant|rehab|counselling|counseling|cbt|vaccination|pacemaker|ldl|pci|wheelchair|' +
  'crutches|catheter|opération|chirurgie|operazione|operación|cirugía';

/** read only in capitals */
const UPPER_ONLY = new Set(['aids', 'tia', 'af', 'mi', 'ocd', 'psa', 'sti', 'cfs', 'ldl', 'pci', 'irm', 'cbt', 'htn', 'ihd', 'chf', 'dka', 'mnd', 'hrt', 'aom']);

const terms = new Map<string, HealthTerm>();
const add = (list: string, category: HealthCategory, ambiguous: boolean): void => {
  for (const w of list.split('|')) {
    if (!terms.has(w)) terms.set(w, { category, ambiguous, upper: UPPER_ONLY.has(w) });
  }
};
add(MEDICATIONS, 'medication', false);
add(MEDICATIONS_AMBIGUOUS, 'medication', true);
add(CONDITIONS, 'medical-condition', false);
add(CONDITIONS_AMBIGUOUS, 'medical-condition', true);
add(PROCEDURES, 'medical-procedure', false);
add(PROCEDURES_AMBIGUOUS, 'medical-procedure', true);

/** every health term, lower case, with its category and tier */
export const HEALTH_TERMS: ReadonlyMap<string, HealthTerm> = terms;
/** the words for the keyword automaton */
export const HEALTH_TERM_WORDS: readonly string[] = [...terms.keys()];

/**
 * WHO ICD-10 chapters (2019) as [first, last] three-character categories, with the ranges ICD-10-CM
 * adds (K94-K95, E89...): a code outside them is not an ICD-10 code ("K99", "U99").
 */
export const ICD10_CHAPTERS: readonly (readonly [string, string])[] = [
  ['A00', 'B99'], // I infectious and parasitic diseases
  ['C00', 'D49'], // II neoplasms
  ['D50', 'D89'], // III blood and immune mechanism
  ['E00', 'E90'], // IV endocrine, nutritional and metabolic
  ['F00', 'F99'], // V mental and behavioural
  ['G00', 'G99'], // VI nervous system
  ['H00', 'H59'], // VII eye and adnexa
  ['H60', 'H95'], // VIII ear and mastoid process
  ['I00', 'I99'], // IX circulatory system
  ['J00', 'J99'], // X respiratory system
  ['K00', 'K95'], // XI digestive system
  ['L00', 'L99'], // XII skin
  ['M00', 'M99'], // XIII musculoskeletal system
  ['N00', 'N99'], // XIV genitourinary system
  ['O00', 'O9A'], // XV pregnancy, childbirth and the puerperium
  ['P00', 'P96'], // XVI perinatal period
  ['Q00', 'Q99'], // XVII congenital malformations
  ['R00', 'R99'], // XVIII symptoms, signs and abnormal findings
  ['S00', 'T98'], // XIX injury and poisoning
  ['U00', 'U85'], // XXII codes for special purposes
  ['V01', 'Y99'], // XX external causes
  ['Z00', 'Z99'], // XXI factors influencing health status
];

/** True when the three characters of `code` fall in an ICD-10 chapter. */
export function inIcd10Chapter(code: string): boolean {
  const c = code.slice(0, 3).toUpperCase();
  for (const [a, b] of ICD10_CHAPTERS) if (c >= a && c <= b) return true;
  return false;
}
