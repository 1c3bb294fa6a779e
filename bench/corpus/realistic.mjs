/**
 * Regression corpus of realistic employee pastes (issue 20), written for the categories the issue lists
 * (names and addresses of many nationalities, phones in national formats, lay health language, CSV rows,
 * credential shapes, false-alarm bait), NOT copied from the issue and kept out of the unit tests'
 * fixtures. Markup as in test/fixtures/detectors/hand-written.mjs: [[dataClass:detector|value]].
 * Person names are personal data (detector `person-name`): the name without its title (Dr, Mr).
 */
export const REALISTIC = [
  // ---- e-mails to customers, HR notes, meeting notes
  `Dear [[personal_data:person-name|Margarethe Vogler]],\n\nthank you for your patience while we looked into order 88213. The replacement was sent to [[personal_data:street-address|Lindenstraße 14, 80331 München]] this morning.\n\nBest regards,\n[[personal_data:person-name|Tomasz Wieczorek]]\nCustomer Care`,
  `Hi [[personal_data:person-name|Priyanka]],\n\ncan you call [[personal_data:person-name|Rahul Mehta]] back on [[personal_data:phone-number|098450 33721]]? He wants to move the delivery to Thursday.\n\nThanks,\n[[personal_data:person-name|Oliver]]`,
  `HR note – performance review\nEmployee: [[personal_data:person-name|Chidinma Okafor]]\nManager: [[personal_data:person-name|Laura Bianchi]]\nSummary: consistently strong delivery; discussed move to team lead in Q3.`,
  `Meeting notes 14 March\nAttendees: [[personal_data:person-name|Sven Lindqvist]], [[personal_data:person-name|Aiko Tanaka]], [[personal_data:person-name|Diego Fernández]]\n- budget approved for the pilot\n- [[personal_data:person-name|Aiko]] to send the vendor shortlist by Friday`,
  `Please forward the contract to Ms. [[personal_data:person-name|Hannah Schultz]] ([[personal_data:email|hannah.schultz@brightline-legal.de]]) before noon.`,
  `Can you write a polite reply to this? "Hello, my name is [[personal_data:person-name|Kwame Mensah]] and I still have not received my refund. My number is [[personal_data:phone-number|+233 24 412 7788]]."`,
  `Summarise this CV:\n[[personal_data:person-name|Isabelle Moreau]]\n[[personal_data:street-address|27 rue des Lilas, 69003 Lyon]]\n[[personal_data:phone-number|06 71 24 83 19]] · [[personal_data:email|isabelle.moreau@orange.fr]]\nExperience: 2016–2023 Logistics coordinator, Transports Durand`,
  `From: [[personal_data:person-name|Mateus Almeida]] <[[personal_data:email|mateus.almeida@correiofacil.com.br]]>\nSubject: invoice question\n\nHello, the invoice lists the wrong company name. Could you fix it? Obrigado, [[personal_data:person-name|Mateus]]`,
  `Dr. [[personal_data:person-name|Fatima Zahra Benali]] will cover the clinic on Monday; her direct line is [[personal_data:phone-number|+33 1 42 68 53 07]].`,
  `Name: [[personal_data:person-name|Nguyen Van Long]]\nDate of birth: [[personal_data:date-of-birth|17/02/1988]]\nAddress: [[personal_data:street-address|42 Wattle Street, Ultimo NSW 2007]]\nPhone: [[personal_data:phone-number|0412 557 903]]`,
  `Rewrite more formally: hey team, [[personal_data:person-name|Bartholomew Ashworth]] is out sick, so [[personal_data:person-name|Ingrid Halvorsen]] will run standup. cheers`,
  `Translate to Spanish: Mr. [[personal_data:person-name|Jonathan Pryce-Evans]] asked us to send the samples to [[personal_data:street-address|Calle de Alcalá 148, 28009 Madrid]].`,
  `Kind regards,\n\n[[personal_data:person-name|Eleanor Whitfield]]\nSenior Account Manager\nMobile: [[personal_data:phone-number|07883 918 442]]`,
  `Our new hire [[personal_data:person-name|Yusuf Demir]] starts Monday at the Berlin office, [[personal_data:street-address|Friedrichstraße 68, 10117 Berlin]]. Please set up his laptop.`,
  `Hola [[personal_data:person-name|Lucía]], te llamo mañana al [[personal_data:phone-number|612 345 678]] para revisar el pedido. Saludos, [[personal_data:person-name|Andrés Castillo]]`,
  `Could you check the shipping label? Deliver to: [[personal_data:person-name|Giulia Romano]], [[personal_data:street-address|Via Giuseppe Verdi 21, 20121 Milano MI]], tel. [[personal_data:phone-number|+39 347 123 4567]]`,
  `Contact for the site visit is [[personal_data:person-name|Pieter de Vries]] ([[personal_data:phone-number|+31 6 12345678]]), address [[personal_data:street-address|Keizersgracht 123, 1015 CJ Amsterdam]].`,
  `Tenant: [[personal_data:person-name|Siobhan Gallagher]]\nProperty: [[personal_data:street-address|Flat 3, 17 Harcourt Road, Dublin 2, D02 HW77]]\nRent overdue since May.`,
  `Thanks [[personal_data:person-name|Wei]], I have passed this to [[personal_data:person-name|Zhang Wei]]'s manager. — [[personal_data:person-name|Emily Carter]]`,
  `Please update the CRM: [[personal_data:person-name|Olga Kuznetsova]], [[personal_data:email|o.kuznetsova@nordtrade.ru]], [[personal_data:phone-number|+7 912 345-67-89]]`,
  // ---- lay health language
  `Can you help me write a note to my manager? My husband is undergoing [[health_data|chemotherapy]] for [[health_data|bowel cancer]] and I need flexible hours for the next three months.`,
  `HR case: [[personal_data:person-name|Grace Thompson]] told her supervisor she was diagnosed with [[health_data|multiple sclerosis]] and takes [[health_data|ocrelizumab]] every six months.`,
  `My dad had a [[health_data|heart attack]] last week and they put in a [[health_data|stent]]; I'll be off until Wednesday.`,
  `Referral letter: patient [[personal_data:person-name|Arjun Nair]], [[health_data|type 2 diabetes]] (ICD-10 [[health_data|E11.9]]), on [[health_data|metformin]] 1000 mg twice daily; recent [[health_data|HbA1c]] 8.1%.`,
  `Absence note for [[personal_data:person-name|Marek Nowak]]: recovering from [[health_data|knee replacement surgery]], expected back in six weeks.`,
  `She's been on [[health_data|antidepressants]] since her [[health_data|miscarriage]] and asked that we keep this between us.`,
  // ---- CSV and tables
  `id,name,card,amount\n1,[[personal_data:person-name|Ana Souza]],[[financial:payment-card|5371 9822 0461 5834]],120.00\n2,[[personal_data:person-name|Lars Jensen]],[[financial:payment-card|4539167022846132]],75.50`,
  `customer|phone|postcode\n[[personal_data:person-name|Henrik Berg]]|[[personal_data:phone-number|+46 70 123 45 67]]|[[personal_data:street-address|114 55 Stockholm]]`,
  `"name","email","iban"\n"[[personal_data:person-name|Jan Kowalski]]","[[personal_data:email|jan.kowalski@poczta.pl]]","[[financial:iban|PL49109024020000000612345678]]"`,
  // ---- credentials
  `# terraform.tfvars\naws_access_key = "[[credentials:aws-access-key-id|AKIA2OGYBAH6QW3XLMNP]]"\naws_secret_key = "[[credentials:aws-secret-access-key|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]]"\nregion = "eu-west-1"`,
  `cache: REDIS_URL=redis://:[[credentials:connection-string|s3cr3tR3d1sPw]]@cache.internal:6379/0`,
  `nightly backup: mysqldump -u backup -p'[[credentials:password-assignment|Bk!2024-nightly]]' --all-databases > /srv/dump.sql`,
  `amqp://orders:[[credentials:connection-string|Q7x!vR2pZ9]]@mq.prod.local:5672/ and the admin UI password is [[credentials:password-assignment|Wq3-rT9p-Lm2z]]`,
  // ---- false-alarm bait (no labels)
  `Use 4242 4242 4242 4242 with any future expiry to test the Stripe checkout in sandbox mode.`,
  `Upgrade from 10.4.3.2 to 10.4.3.7 fixed the crash; see also release 2.14.0.1 notes.`,
  `Acme Corp was founded on 12 May 1987 in Toledo and went public in 1999.`,
  `Health news: researchers say regular exercise lowers the risk of heart disease, diabetes and some cancers, according to a study of 40,000 adults.`,
  `In today's biology lesson we cover how insulin regulates blood glucose and why type 1 diabetes is an autoimmune condition.`,
  `The Washington Post and Ford Motor Company both reported record quarters; General Electric fell 3%.`,
  `Please review the pull request for the New York office dashboard before Monday Morning Standup.`,
  `Our mission statement: Building Better Software Together, since the company was started in 2004.`,
  `The quarterly sales figures grew 12% in Germany; Paris and London stayed flat.`,
  // ---- mixed
  `Ticket 5521: user [[personal_data:person-name|Amara Okonkwo]] reports she cannot log in from [[personal_data:ip-address|41.190.3.77]]; her account number is [[financial:bank-account-number|0042871135]].`,
  `Please send the refund for [[personal_data:person-name|Hiroshi Yamamoto]] to IBAN [[financial:iban|DE44500105175407324931]] and confirm by email.`,
  `New address for [[personal_data:person-name|Sophie Lambert]]: [[personal_data:street-address|Rue Royale 45, 1000 Bruxelles]]. Phone unchanged.`,
  `Approved by [[personal_data:person-name|Rebecca Goldstein]] (Finance). Payment reference 2024-INV-0932.`,
];
