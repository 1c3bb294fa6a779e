import { compileInspector } from './inspector';
import { expectLinear, expectWithin } from './timing.test-helper';

const inspector = compileInspector({});
const found = (text: string): { detector: string; dataClass: string; value: string; confidence: number }[] =>
  inspector.inspect(text).map((f) => ({ detector: f.detector, dataClass: f.dataClass, value: text.slice(f.start, f.end), confidence: f.confidence }));

const jwtOf = (header: object, payload: object): string =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;

/** [detector, text, the exact value it must report] */
const MUST_FIND: [string, string, string][] = [
  // credentials
  ['private-key', 'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c2\n-----END RSA PRIVATE KEY-----\nthanks', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c2\n-----END RSA PRIVATE KEY-----'],
  ['private-key', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF0\n-----END PGP PRIVATE KEY BLOCK-----', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF0\n-----END PGP PRIVATE KEY BLOCK-----'],
  ['private-key', 'cut off: -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\nAwEHoUQDQgAE', '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\nAwEHoUQDQgAE'],
  ['aws-access-key-id', 'AWS_ACCESS_KEY_ID=AKIAZ7Q2LMN3OPQR4STU', 'AKIAZ7Q2LMN3OPQR4STU'],
  ['aws-access-key-id', 'temp creds ASIAY34FZKBOKMUTVV7A', 'ASIAY34FZKBOKMUTVV7A'],
  ['aws-secret-access-key', 'aws_secret_access_key = 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', 'Zq3T8vK2pLm9Xw4Rb7Nc1Yd6Hf0Js5Ga8Ue3Vi2O'],
  ['aws-secret-access-key', '"SecretAccessKey": "Zq3T8vK2pLm9Xw4Rb7Nc1Yd6Hf0Js5Ga8Ue3Vi2O"', 'Zq3T8vK2pLm9Xw4Rb7Nc1Yd6Hf0Js5Ga8Ue3Vi2O'],
  ['github-token', 'token ghp_R8mZ2kQv7LxN4pT9wB3cY6dF1gH5jK0sA2eU ok', 'ghp_R8mZ2kQv7LxN4pT9wB3cY6dF1gH5jK0sA2eU'],
  ['github-token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV'],
  ['gitlab-token', 'GITLAB_TOKEN=glpat-x8Kd2mQ9vL3nR7tY1wZ5', 'glpat-x8Kd2mQ9vL3nR7tY1wZ5'],
  ['slack-token', 'xoxb-2845567123-4455667788990-AbCdEfGhIjKlMnOpQrStUvWx', 'xoxb-2845567123-4455667788990-AbCdEfGhIjKlMnOpQrStUvWx'],
  ['slack-webhook', 'post to https://hooks.slack.com/services/T0123ABCD/B0456EFGH7/abcdefghijklmnopqrstuvwx now', 'https://hooks.slack.com/services/T0123ABCD/B0456EFGH7/abcdefghijklmnopqrstuvwx'],
  ['stripe-key', 'STRIPE=sk_live_51HxYz2eZvKYlo2C0aB1cD2eF3gH', 'sk_live_51HxYz2eZvKYlo2C0aB1cD2eF3gH'],
  ['stripe-key', 'rk_live_51HxYz2eZvKYlo2C0aB1cD2eF3gH', 'rk_live_51HxYz2eZvKYlo2C0aB1cD2eF3gH'],
  ['stripe-key', 'test mode sk_test_51HxYz2eZvKYlo2C0aB1cD2eF3gH', 'sk_test_51HxYz2eZvKYlo2C0aB1cD2eF3gH'],
  ['openai-api-key', 'OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z', 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z'],
  ['openai-api-key', 'key sk-Ab3dEf6hIj9kLm2nT3BlbkFJOp5qRs8tUv1wXy4z', 'sk-Ab3dEf6hIj9kLm2nT3BlbkFJOp5qRs8tUv1wXy4z'],
  ['anthropic-api-key', 'sk-ant-api03-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2nOp5q-AA', 'sk-ant-api03-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6hIj9kLm2nOp5q-AA'],
  ['google-api-key', 'maps key AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY', 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'],
  ['npm-token', '//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789', 'npm_abcdefghijklmnopqrstuvwxyz0123456789'],
  ['huggingface-token', 'HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyzABCDEFGH', 'hf_abcdefghijklmnopqrstuvwxyzABCDEFGH'],
  ['sendgrid-api-key', 'SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ', 'SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ'],
  ['generic-secret', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
  ['generic-secret', 'AccountName=acme;AccountKey=Zq3T8vK2pLm9Xw4Rb7Nc1Yd6Hf0Js5Ga8Ue3Vi2OZq3T8vK2pLm9Xw4Rb7Nc1Y==;EndpointSuffix=core.windows.net', 'Zq3T8vK2pLm9Xw4Rb7Nc1Yd6Hf0Js5Ga8Ue3Vi2OZq3T8vK2pLm9Xw4Rb7Nc1Y=='],
  ['jwt', `Bearer ${jwtOf({ alg: 'RS256', typ: 'JWT' }, { sub: '42', role: 'admin' })}`, jwtOf({ alg: 'RS256', typ: 'JWT' }, { sub: '42', role: 'admin' })],
  ['password-assignment', 'password=Sup3rS3cret!', 'Sup3rS3cret!'],
  ['password-assignment', '{"pwd": "Tr0ub4dor&3"}', 'Tr0ub4dor&3'],
  ['password-assignment', 'PASSWORD: hunter2hunter2', 'hunter2hunter2'],
  ['password-assignment', 'DB_PASS=xK9#mP2$vL7q # rotate', 'xK9#mP2$vL7q'],
  ['password-assignment', 'const dbPassword = "s3cr3t-Pa55";', 's3cr3t-Pa55'],
  ['password-assignment', 'Server=sql01;User Id=sa;Password=Sunshine1464!;', 'Sunshine1464!'],
  ['password-assignment', 'the wifi password is CoffeeBeans2024! btw', 'CoffeeBeans2024!'],
  ['connection-string', 'postgres://app:hunter22@db.internal:5432/app', 'hunter22'],
  ['connection-string', 'mongodb+srv://analytics:T7h#kz92Lq@cluster0.ab1cd.mongodb.net/prod', 'T7h#kz92Lq'],
  ['connection-string', 'REDIS_URL=redis://default:Xy7kQ2mN9pL4@cache:6379', 'Xy7kQ2mN9pL4'],
  ['connection-string', 'https://admin:s3cret!@jenkins.corp.internal/', 's3cret!'],
  ['generic-secret', 'client_secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6"', '9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6'],
  ['generic-secret', 'X-Api-Key: Zt4kQ9mW2xR7pL3nV8bC1dF6', 'Zt4kQ9mW2xR7pL3nV8bC1dF6'],
  ['generic-secret', 'key = "8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918"  # HMAC', '8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918'],
  ['ip-address', 'ssh deploy@52.14.201.9 uptime', '52.14.201.9'],
  ['creative-work', 'Copyright © 2023 Maya Lindqvist. All rights reserved.', 'Copyright © 2023 Maya Lindqvist. All rights reserved.'],
  // personal data
  ['email', 'mail jane.doe@gmail.com today', 'jane.doe@gmail.com'],
  ['email', 'Write to support@brightcart-store.com or to me, m.whitfield82@gmail.com', 'm.whitfield82@gmail.com'],
  ['email', 'Contact: PRIYA.SHARMA@Infosys-Partner.IN;', 'PRIYA.SHARMA@Infosys-Partner.IN'],
  ['email', 'j.o.hara+invoices@mail.co.uk', 'j.o.hara+invoices@mail.co.uk'],
  ['phone-number', 'call (415) 867-5309 now', '(415) 867-5309'],
  // (beside a toll-free number, a person's is still one)
  ['phone-number', 'Our line 1-800-555-0199 was busy, so call my cell 415-555-0132.', '415-555-0132'],
  // (a premium-rate number in Britain, the first region tried, and a mobile in the Philippines and elsewhere)
  ['phone-number', 'Ipadala ko na lang sa GCash mo, 0917 284 6631 pa rin ba?', '0917 284 6631'],
  // (a service prefix only when written as a group of its own: a Thai mobile, a Stockholm number)
  ['phone-number', 'Hi, my number is 080 091 0420, call me after 6.', '080 091 0420'],
  ['phone-number', 'Ring mig på 08-001 697 12 efter lunch.', '08-001 697 12'],
  ['phone-number', 'Tel:+49 171 552 3098', '+49 171 552 3098'], // a colon right before: a phone word's, or a '+'
  ['phone-number', 'Tel：＋４９ １７１ ５５２ ３０９８', '＋４９ １７１ ５５２ ３０９８'],
  ['phone-number', 'Tel:0171 552 3098', '0171 552 3098'],
  ['phone-number', 'Το τηλέφωνό του είναι 694 512 3387.', '694 512 3387'],
  // Brazil: its bracketed area code shape without a word; the national form after a phone word
  ['phone-number', 'me liga no (11) 98765-4321 amanhã', '(11) 98765-4321'],
  // international, grouped, of a possible length in a range not assigned (a made-up or new number)
  ['phone-number', 'Partnerships Lead | +44 7911 482305', '+44 7911 482305'],
  ['phone-number', 'Pedro: (21) 3456-7890 (comercial)', '(21) 3456-7890'],
  ['phone-number', 'telefone 11 3456-7890 depois das 14h', '11 3456-7890'],
  ['phone-number', 'UK office +44 20 7946 0958.', '+44 20 7946 0958'],
  ['phone-number', 'Tel.: +49 (0)30 2345 6789', '+49 (0)30 2345 6789'],
  ['phone-number', 'mobile +91-98450-12345', '+91-98450-12345'],
  ['phone-number', 'Le numéro: 06 12 34 56 78.', '06 12 34 56 78'],
  ['phone-number', 'phone: 4158675309', '4158675309'],
  ['phone-number', 'dial 1-415-867-5309', '1-415-867-5309'],
  // written the North American way with an extension, a "+1"/"001" prefix or parentheses, even when not assigned
  ['phone-number', 'Reception: 312.845.1190x52 (ask for Dana)', '312.845.1190x52'],
  ['phone-number', 'Office line +1-708-155-2304 ext. 7', '+1-708-155-2304 ext. 7'],
  ['phone-number', 'from abroad dial 001-617-204-3391 instead', '001-617-204-3391'],
  ['phone-number', 'Her desk is (212)310-4467.', '(212)310-4467'],
  ['phone-number', 'From Germany: 0049 89 4521 7730', '0049 89 4521 7730'],
  ['phone-number', 'Nobody is answering at 38-41-27-90 today', '38-41-27-90'], // Danish, with a phone word
  ['phone-number', 'Desk: 2241 7730 (Oslo)', '2241 7730'],
  ['za-id-number', 'Inombolo kamazisi (ID): 8805175809080', '8805175809080'],
  ['in-aadhaar', 'ஆதார் எண் (மாணவி): 3948 0127 6532', '3948 0127 6532'],
  ['date-of-birth', 'DOB: 1985-03-12', '1985-03-12'],
  // (the label in Tamil, Telugu, Zulu, a Spanish short form; an Islamic year; Urdu and Tagalog month names)
  ['date-of-birth', 'பிறந்த தேதி: 11-10-2011', '11-10-2011'],
  ['date-of-birth', 'పుట్టిన తేదీ: 21-06-1983', '21-06-1983'],
  ['date-of-birth', 'Usuku lokuzalwa: 17 May 1988', '17 May 1988'],
  ['date-of-birth', 'Fecha de nac.: 22/11/1957', '22/11/1957'],
  ['date-of-birth', 'تاريخ الميلاد: 1432/03/14 هـ', '1432/03/14'],
  ['date-of-birth', 'تاریخ پیدائش: 03 مارچ 2010', '03 مارچ 2010'],
  ['date-of-birth', 'ipinanganak noong Marso 3, 1996, at', 'Marso 3, 1996'],
  ['date-of-birth', 'She was born on 12 August 1990 in Leeds.', '12 August 1990'],
  ['date-of-birth', 'Date of birth: March 3rd, 1975', 'March 3rd, 1975'],
  // a table's date-of-birth column, however far below its header
  ['date-of-birth', 'id,name,dob,city\n1,Anna Berg,1987-02-11,Oslo\n2,Ola Nordmann,1993-09-30,Bergen', '1993-09-30'],
  ['date-of-birth', 'Name\tDate of Birth\tTeam\nJo Li\t02.12.1978\tOps', '02.12.1978'],
  ['date-of-birth', 'employee_id;birth_date;grade\n771;"14/03/1969";B2', '14/03/1969'],
  ['date-of-birth', 'Geburtsdatum: 03.11.1979', '03.11.1979'],
  // bank accounts after their label in more languages; a Polish account number whole, by its IBAN check digits
  ['bank-account-number', 'Rekening BCA: 5270418836 a.n. Dewi Lestari', '5270418836'],
  ['bank-account-number', 'Tài khoản Vietcombank: 0011004283917', '0011004283917'],
  ['bank-account-number', 'Numer konta: 58 1140 2004 0000 3302 1773 3908', '58 1140 2004 0000 3302 1773 3908'],
  // phone words of more languages before a national number
  ['phone-number', 'W pilnych sprawach jestem pod numerem 512 448 903.', '512 448 903'],
  ['phone-number', 'Kdyby něco, jsem na mobilu 603 518 274.', '603 518 274'],
  // the label and "born" in other languages, months written in them
  ['date-of-birth', 'DNI 50918274T, fecha de nacimiento 3 de mayo de 1979, domicilio en Madrid', '3 de mayo de 1979'],
  ['date-of-birth', 'RG: 32.448.917-1 Data de nascimento: 17/06/1990 Endereço: Rua Augusta', '17/06/1990'],
  ['date-of-birth', 'Giulia Esposito nata a Napoli il 23/04/1990', '23/04/1990'],
  ['date-of-birth', 'Geboren op 2 mei 1989 te Brugge', '2 mei 1989'],
  ['date-of-birth', 'Doğum Tarihi: 07.11.1992 Adres: Bağdat Caddesi', '07.11.1992'],
  ['date-of-birth', 'Data nașterii: 20.11.1990 Domiciliu', '20.11.1990'],
  ['date-of-birth', 'Ημερομηνία γέννησης: 15/03/1987', '15/03/1987'],
  ['date-of-birth', 'Дата рождения: 14.02.1991', '14.02.1991'],
  ['date-of-birth', 'Смирнов родился 14 февраля 1991 г. в Москве', '14 февраля 1991'],
  ['date-of-birth', 'Urodzony 3 maja 1985 w Krakowie', '3 maja 1985'],
  ['date-of-birth', 'Tanggal lahir: 22 Agustus 1993', '22 Agustus 1993'],
  ['date-of-birth', 'Họ và tên: Trần Thị Thu Hà Ngày sinh: 15/08/1995', '15/08/1995'],
  ['date-of-birth', 'nome;data di nascita;città\nGiulia Rossi;08/11/1987;Napoli', '08/11/1987'],
  ['date-of-birth', 'Ngày sinh: ngày 12 tháng 5 năm 1985', 'ngày 12 tháng 5 năm 1985'],
  ['date-of-birth', 'Ημερομηνία γέννησης: 12 Μαΐου 1985', '12 Μαΐου 1985'],
  ['date-of-birth', 'Születési idő: 1985. május 3.', '1985. május 3.'],
  ['date-of-birth', 'Syntymäaika: 3. toukokuuta 1985', '3. toukokuuta 1985'],
  ['street-address', 'Адрес проживания: г. Москва, ул. Тверская, д. 7, кв. 12', 'г. Москва, ул. Тверская, д. 7, кв. 12'],
  ['bank-account-number', 'Numer rachunku: 61 1090 1014 0000 0712 1981 2874', '61 1090 1014 0000 0712 1981 2874'],
  ['street-address', 'Lives at 742 Evergreen Terrace, Springfield, IL 62704.', '742 Evergreen Terrace, Springfield, IL 62704'],
  ['street-address', 'Ship to 350 Fifth Avenue, Suite 4200, New York, NY 10118', '350 Fifth Avenue, Suite 4200, New York, NY 10118'],
  ['street-address', '221B Baker Street, London NW1 6XE', '221B Baker Street, London NW1 6XE'],
  ['street-address', 'Hauptstraße 12, 10115 Berlin', 'Hauptstraße 12, 10115 Berlin'],
  ['street-address', '12 rue de la Paix, 75002 Paris', '12 rue de la Paix, 75002 Paris'],
  ['street-address', 'Address: 5 Rue Victor Hugo, 75016 Paris', '5 Rue Victor Hugo, 75016 Paris'],
  ['street-address', 'Cliente: Ana Souza, Rua das Flores 123, Apto 4, 01234-567 São Paulo - SP', 'Rua das Flores 123, Apto 4, 01234-567 São Paulo'],
  ['street-address', 'Calle de Alcalá 148, Piso 3, 28009 Madrid', 'Calle de Alcalá 148, Piso 3, 28009 Madrid'],
  ['street-address', 'Ship to:\nMaria Lopez\n14 Harbour Road\nWinston Salem, NC 27101', '14 Harbour Road\nWinston Salem, NC 27101'],
  ['street-address', 'Will Baker\n55 Queen St W\nToronto, ON M5V 2T6', '55 Queen St W\nToronto, ON M5V 2T6'],
  ['street-address', 'Jack Cook\nPO Box 42\nSydney NSW 2000', 'PO Box 42\nSydney NSW 2000'],
  ['street-address', 'John Smith\nHauptstraße 5\n10115 Berlin', 'Hauptstraße 5\n10115 Berlin'],
  // India (segments, the place name and PIN), Japan (block numbers and ward), Brazil (district, state, CEP), Australia, Nigeria
  ['street-address', 'Courier to: Flat 12C, Lotus Residency, 4th Main, Jayanagar, Bengaluru, Karnataka 560041 by Friday', 'Flat 12C, Lotus Residency, 4th Main, Jayanagar, Bengaluru, Karnataka 560041'],
  ['street-address', 'His address is Plot No. 7, Sector 21, Gurugram, Haryana - 122016, India.', 'Plot No. 7, Sector 21, Gurugram, Haryana - 122016, India'],
  ['street-address', 'Deliver to B-204, Green Park Society, Andheri East, Mumbai 400069', 'B-204, Green Park Society, Andheri East, Mumbai 400069'],
  ['street-address', 'The studio is at 3-14-5 Ebisu, Shibuya-ku, Tokyo 150-0013.', '3-14-5 Ebisu, Shibuya-ku, Tokyo 150-0013'],
  ['street-address', 'Send the samples to 〒530-0001 Osaka-fu Kita-ku Umeda 2-4-9 please', '〒530-0001 Osaka-fu Kita-ku Umeda 2-4-9'],
  ['street-address', 'Endereço: Av. Brigadeiro Faria Lima, 3477 - Itaim Bibi, São Paulo - SP, 04538-133', 'Av. Brigadeiro Faria Lima, 3477 - Itaim Bibi, São Paulo - SP, 04538-133'],
  ['street-address', 'Flat 2, 9 Wattle Grove, Box Hill VIC 3128', 'Flat 2, 9 Wattle Grove, Box Hill VIC 3128'],
  ['street-address', 'Our Lagos contact lives at 15 Bourdillon Road, Ikoyi, Lagos 106104.', '15 Bourdillon Road, Ikoyi, Lagos 106104'],
  // no street-type word: the town and a UK or Canadian postcode after it
  ['street-address', 'Please send it to 14 Cotham Hill, Bristol BS6 6LA by Friday', '14 Cotham Hill, Bristol BS6 6LA'],
  ['street-address', 'Office: 388 Saint-Paul Ouest, Montréal QC H2Y 2A7', '388 Saint-Paul Ouest, Montréal QC H2Y 2A7'],
  ['ip-address', 'login from 81.2.69.160 failed', '81.2.69.160'],
  ['ip-address', 'client ip 2a02:8070:a184:d900:5cf4:23ff:fe9b:4b5c', '2a02:8070:a184:d900:5cf4:23ff:fe9b:4b5c'],
  // government ids
  ['us-ssn', 'SSN: 536-22-8713', '536-22-8713'],
  ['us-ssn', 'employee 536-22-8713 joined', '536-22-8713'],
  ['us-ssn', 'social security number 536228713', '536228713'],
  ['us-ssn', 'SSN 536.22.8713 on file', '536.22.8713'],
  ['us-itin', 'ITIN: 912-70-1234', '912-70-1234'],
  ['uk-national-insurance-number', 'NI number JG 10 37 50 C', 'JG 10 37 50 C'],
  ['uk-national-insurance-number', 'AB123456C', 'AB123456C'],
  ['passport-number', 'Passport No. 533380006, issued', '533380006'],
  ['passport-number', 'Reisepass: C01X00T47', 'C01X00T47'],
  ['ca-sin', 'SIN: 130 288 475', '130 288 475'],
  ['in-aadhaar', 'Aadhaar: 2345 6789 0124', '2345 6789 0124'],
  ['uk-nhs-number', 'NHS number: 943 476 5919', '943 476 5919'],
  ['uk-nhs-number', 'patient (NHS no. 9434765919) was seen', '9434765919'],
  ['fr-nir', 'Numéro de sécurité sociale : 2 55 08 14 168 025 38', '2 55 08 14 168 025 38'],
  ['fr-nir', 'NIR 255081416802538', '255081416802538'],
  ['nl-bsn', 'BSN: 1112.22.333', '1112.22.333'],
  ['nl-bsn', 'mijn burgerservicenummer is 123456782', '123456782'],
  ['pl-pesel', 'PESEL: 44051401359', '44051401359'],
  ['br-cpf', 'CPF 111.444.777-35', '111.444.777-35'],
  ['br-cpf', 'cliente 111.444.777-35 cadastrado', '111.444.777-35'],
  ['br-cpf', 'CPF: 11144477735', '11144477735'],
  ['za-id-number', 'ID number: 8001015009087', '8001015009087'],
  ['za-id-number', 'SA ID 800101 5009 087 on file', '800101 5009 087'],
  ['it-codice-fiscale', 'codice fiscale RSSMRA85T10A562S', 'RSSMRA85T10A562S'],
  ['it-codice-fiscale', 'CF:RSSMRA85T10A562S.', 'RSSMRA85T10A562S'],
  ['mx-curp', 'CURP: HEGG560427MVZRRL04', 'HEGG560427MVZRRL04'],
  ['se-personnummer', 'Personnummer: 811218-9876', '811218-9876'],
  ['se-personnummer', 'employee 19811218-9876 starts in May', '19811218-9876'],
  ['no-fodselsnummer', 'fødselsnummer 15038510190', '15038510190'],
  ['fi-hetu', 'asiakkaan HETU 131052-308T', '131052-308T'],
  ['dk-cpr', 'CPR-nr. 010190-1234', '010190-1234'],
  // this round's labels and validators (the independent corpora of the eleventh session)
  ['gr-afm', 'ΑΜΚΑ: 30056807388\nΑΦΜ: 050550491', '050550491'],
  ['sa-nid', 'رقم الهوية الوطنية: 1206241265', '1206241265'],
  ['eg-nid', 'الرقم القومي: 28910050178188', '28910050178188'],
  ['ph-sss', 'SSS: 67-2355505-1', '67-2355505-1'],
  ['ph-tin', 'TIN: 312-884-120-000', '312-884-120-000'],
  ['ph-philhealth', 'PhilHealth: 12-050387441-6', '12-050387441-6'],
  ['ph-pagibig', 'Pag-IBIG MID: 1211-4490-8722', '1211-4490-8722'],
  ['hu-taxid', 'Adóazonosító jel: 8400627946', '8400627946'],
  ['hu-taj', 'TAJ-szám: 720 022 713', '720 022 713'],
  ['jp-mynumber', 'マイナンバー：6952 6901 2860', '6952 6901 2860'],
  ['br-rg', 'CPF 172.254.331-05\nRG 38.417.209-X', '38.417.209-X'],
  ['in-uan', 'UAN (PF): 100415091938', '100415091938'],
  ['vn-mst', '- Mã số thuế cá nhân: 8412736594', '8412736594'],
  ['vn-bhxh', '- Số sổ BHXH: 7912408836', '7912408836'],
  ['pl-nip', 'NIP: 260-819-15-23', '260-819-15-23'],
  ['driving-licence', "Driver's licence (LA): 009184237", '009184237'],
  ['pt-cc', 'Cartão de Cidadão: 63520805 9 ZX7', '63520805 9 ZX7'],
  ['be-nn', 'National register number: 86.04.09-544.50', '86.04.09-544.50'],
  ['th-idnr', 'เลขบัตรประชาชน 6-3420-82006-10-3', '6-3420-82006-10-3'],
  ['ae-eid', 'رقم الهوية الإماراتية: 784-1984-4674810-9', '784-1984-4674810-9'],
  ['tr-tckimlik', "annemin TC'si 20742216880, adı Gülsen", '20742216880'],
  ['no-fodselsnummer', 'NAV trenger fødselsnummeret: 22039111830.', '22039111830'],
  ['date-of-birth', 'Ewa Wiśniewska, ur. 23.09.1979, adres', '23.09.1979'],
  ['date-of-birth', 'تاريخ الميلاد: 1985/03/17', '1985/03/17'],
  ['date-of-birth', 'Datum narození: 17. 4. 1991', '17. 4. 1991'],
  ['date-of-birth', '고객님 생년월일 1993년 5월 11일 맞죠?', '1993년 5월 11일'],
  ['date-of-birth', '生年月日：1991年6月14日', '1991年6月14日'],
  ['date-of-birth', 'วันเกิด 14 มี.ค. 2533', '14 มี.ค. 2533'],
  ['date-of-birth', 'Zeynep Arslan – d.t. 17.08.1987 – hipotiroidi', '17.08.1987'],
  ['date-of-birth', 'Дата на раждане: 04.08.1975', '04.08.1975'],
  ['date-of-birth', 'Людмила Гнатюк, 14.02.1962 р. н., працює', '14.02.1962'],
  ['date-of-birth', 'lp;imie_nazwisko;data_urodzenia;dzial\n1;Krzysztof Nowicki;14.03.1988;magazyn', '14.03.1988'],
  ['phone-number', 'navn;telefon;email\nJens Mikkelsen;20 31 44 87;jpm@example.dk', '20 31 44 87'], // a table's phone column
  ['phone-number', '手机：138 1047 2396', '138 1047 2396'],
  ['phone-number', 'Sími: 862 4417', '862 4417'],
  ['aba-routing-number', 'emp_id\tssn\trouting\taccount\nE1041\t756-42-0547\t272109564\t2239413848', '272109564'],
  ['bank-account-number', 'emp_id\tssn\trouting\taccount\nE1041\t756-42-0547\t272109564\t2239413848', '2239413848'],
  ['bank-account-number', 'Vietcombank 0011004235817, chủ TK Trần Thị Mai Anh', '0011004235817'],
  ['bank-account-number', 'nytt i går: 4200 69 79054 (DNB). takk', '4200 69 79054'],
  ['bank-account-number', 'Р/с 40802810916540012345 в ПАО Сбербанк', '40802810916540012345'],
  ['bank-account-number', 'Reikningsnúmer: 0133-26-004512', '0133-26-004512'],
  ['swift-bic', 'A/c no: 50100386859991\nIFSC: HDFC0000472', 'HDFC0000472'],
  ['swift-bic', 'в ПАО Сбербанк, БИК 046577674', '046577674'],
  ['password-assignment', 'sql_admin_password    = "MLX_k-QbGWIsH+"', 'MLX_k-QbGWIsH+'], // aligned assignment
  ['password-assignment', 'Dočasné heslo je Jaro2024!Kx7q – po prvním přihlášení', 'Jaro2024!Kx7q'],
  ['password-assignment', 'логин support, пароль Teplo#2024spring. только не меняй', 'Teplo#2024spring'], // the sentence's full stop left out
  ['password-assignment', '10.50.2.14:5432:warehouse:etl_user:G*IPlfXRG%Fq3u', 'G*IPlfXRG%Fq3u'], // ~/.pgpass
  ['generic-secret', 'vpn_shared_key        = "Arbb_Pu*R-0&UB"', 'Arbb_Pu*R-0&UB'],
  ['generic-secret', 'ALERT_BOT_TOKEN=2748379009:AAAr1F7ppfcgxtieDQNirD4fKqCwLAUm_y2', '2748379009:AAAr1F7ppfcgxtieDQNirD4fKqCwLAUm_y2'],
  ['razorpay-key', 'key_id rzp_live_uQBitkhD03vdj5', 'rzp_live_uQBitkhD03vdj5'],
  ['ar-cuit', 'CUIT 20-12345678-6 IVA 21%', '20-12345678-6'], // the next label's capitals are no part of the value
  ['hr-oib', 'OIB 69435151530 MB 1234567', '69435151530'],
  ['password-assignment', 'Das Passwort ist Sommer2024 und', 'Sommer2024'],
  ['password-assignment', 'Hasło jest Lato2024! dla wszystkich', 'Lato2024!'],
  ['password-assignment', "pw is still `ICi+I4MOxRwfKe` btw, we said we'd change it", 'ICi+I4MOxRwfKe'], // an adverb after the copula
  ['ip-address', 'rotate kar diya. aur staging server 13.235.88.19 pe .env me', '13.235.88.19'], // "server" ends in "ver", no version word
  ['ip-address', 'allowed_ips = ["81.2.69.142/32"]', '81.2.69.142'], // a /32 is one host

  ['generic-secret', 'https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1/sendMessage', '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1'],
  ['id-number-column', 'x;ИНН;СНИЛС;Телефон\ny;738659477126;591-453-352 04;+7 917 204 33 81', '591-453-352 04'], // a table's second id column
  // India's PAN, France's "N° SS", a Cyrillic passport column with a bracketed note, a Spanish SQL insert's dni_nie
  ['in-pan', 'Emp Code\tName\tPAN\tMobile\nBLR0412\tRohit Sharma\tOPRPS6245R\t+91 98450 12345', 'OPRPS6245R'],
  ['fr-nir', 'Matricule;Nom;N° SS;IBAN\nA0192;MARTIN;2 91 02 75 114 087 29;x', '2 91 02 75 114 087 29'],
  ['id-number-column', 'Таб. №;ПІБ;Паспорт (ID-картка);Телефон\n101;Коваленко Олександр;719603444;+380 50 123 45 67', '719603444'],
  ['id-number-column', "INSERT INTO empleados (id, nombre, dni_nie, telefono) VALUES\n(201, 'María José', 'X4827316F', '600 123 456'),\n(202, 'Andrés', '77213984V', '611 222 333');", 'X4827316F'],
  ['ro-cnp', '{"client":{"nume":"Elena Stan","cnp":"2950726121444","telefon":"+40 745 210 338"}}', '2950726121444'], // a JSON key
  ['date-of-birth', '생년월일 1993. 5. 11.', '1993. 5. 11.'],
  ['date-of-birth', 'narozen 17.4. 1991', '17.4. 1991'],
  ['uk-national-insurance-number', 'NI no. for the new starter is nr-62-19-84-d', 'nr-62-19-84-d'],
  // financial
  ['payment-card', 'card 4539 1488 0343 6467 exp 12/26', '4539 1488 0343 6467'],
  ['payment-card', 'Card: 5425-2334-3010-9903', '5425-2334-3010-9903'],
  ['payment-card', 'amex 3782 822463 11235', '3782 822463 11235'],
  ['payment-card', 'pan 2221000000000009', '2221000000000009'],
  ['payment-card', 'Maestro card 6759 7777 7779 expires soon', '6759 7777 7779'],
  ['payment-card', 'old JCB 213177777777771 on file', '213177777777771'],
  ['payment-card', "it's 4244 4574 8850 6965 03/27, name on it Alistair", '4244 4574 8850 6965'], // the expiry's month is no fifth group
  ['payment-card', 'вот номер: 2201 8219 3873 7998 (Мир)', '2201 8219 3873 7998'], // Mir
  ['payment-card', 'kart no 9792 2985 7905 0959 doğru mu?', '9792 2985 7905 0959'], // Troy
  ['iban', 'IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX', 'DE89 3704 0044 0532 0130 00'],
  ['iban', 'to NL91ABNA0417164300 please', 'NL91ABNA0417164300'],
  ['iban', 'my iban is de89 3704 0044 0532 0130 00 thanks', 'de89 3704 0044 0532 0130 00'],
  ['iban', 'pay gb82west12345698765432 today', 'gb82west12345698765432'],
  ['iban', 'IBAN DE89-3704-0044-0532-0130-00.', 'DE89-3704-0044-0532-0130-00'],
  ['aba-routing-number', 'Routing # 021000021, account 000123456789', '021000021'],
  ['bank-account-number', 'Routing # 021000021, account 000123456789', '000123456789'],
  // a table's account column, far below its header
  ['bank-account-number', 'employee_id,name,sort_code,account_number\n1,Ann Lee,20-45-67,41234567\n2,Bo Li,40-11-22,55512345', '55512345'],
  ['bank-account-number', 'name;Account No;amount\nAnn Lee;0012 3456 78;120.50', '0012 3456 78'],
  ['bank-account-number', 'UK payee: sort code 20-00-00, account no. 55779911', '20-00-00'],
  ['bank-account-number', 'UK payee: sort code 20-00-00, account no. 55779911', '55779911'],
  // short words right before their number; long numbers with check digits of their own
  ['bank-account-number', 'new bank details: Nationwide, sort 07-04-36, acc 21457789.', '07-04-36'],
  ['bank-account-number', 'new bank details: Nationwide, sort 07-04-36, acc 21457789.', '21457789'],
  ['bank-account-number', 'Direct deposit: Chase, routing 111000614, checking account 0208999779', '0208999779'],
  ['bank-account-number', '   CLABE: 032180000118359719 (BBVA)', '032180000118359719'],
  ['bank-account-number', 'y su CBU es 2850590940090418135201', '2850590940090418135201'],
  ['bank-account-number', 'みずほ銀行 中野支店 普通 4145919', '4145919'],
  ['bank-account-number', '급여 계좌도 국민은행 106172-85-097729 맞죠?', '106172-85-097729'],
  ['bank-account-number', 'NIK 3174011205934206, BCA 6564432084 a.n. Rizky Pratama', '6564432084'],
  // the columns of a branch and an account beside a bank's
  ['bank-account-number', 'nome,banco,agencia,conta\nAna Ribeiro,Itaú,0341,28413-7\nJoão Lima,Banco do Brasil,4455-1,22019-X', '22019-X'],
  ['bank-account-number', 'nome,banco,agencia,conta\nAna Ribeiro,Itaú,0341,28413-7\nJoão Lima,Banco do Brasil,4455-1,22019-X', '0341'],
  ['bank-account-number', 'Namn;Clearing;Kontonr\nKarin Nilsson;8327-9;113422147\nMikael Eriksson;6000;294387255', '8327-9'],
  ['bank-account-number', 'Namn;Clearing;Kontonr\nKarin Nilsson;8327-9;113422147\nMikael Eriksson;6000;294387255', '294387255'],
  ['bank-account-number', 'Emp Code\tName\tBank A/c\tIFSC\nBLR0412\tRohit Sharma\t63806510396589\tHDFC0001234', '63806510396589'],
  ['swift-bic', 'Emp Code\tName\tBank A/c\tIFSC\nBLR0412\tRohit Sharma\t63806510396589\tHDFC0001234', 'HDFC0001234'],
  ['date-of-birth', 'DOB: 12-Mar-1985', '12-Mar-1985'],
  // a table's birth column: "Né(e) le", a Thai one in the Buddhist era, a Hungarian date's closing dot, an SQL insert's rows
  ['date-of-birth', 'Matricule;Nom;Né(e) le;N° SS\nA0192;MARTIN;12/02/1991;x\nA0193;BERNARD;05/09/1985;y', '05/09/1985'],
  ['date-of-birth', 'รหัสพนักงาน,ชื่อ-นามสกุล,วันเกิด,เบอร์โทร\nTH001,สมชาย ใจดี,12/04/2530,089-123-4567', '12/04/2530'],
  ['date-of-birth', 'Név;Születési dátum;TAJ\nTóth Gábor;1988.03.15.;880 719 407', '1988.03.15.'],
  ['date-of-birth', "INSERT INTO patients (id, full_name, dob, diagnosis) VALUES\n (1001, 'Harold Jennings', '1948-02-11', 'COPD, hypertension'),\n (1002, 'Yolanda Price', '1962-08-29', 'asthma');", '1962-08-29'],
  // (a break-it review's inputs: a CSV row ending in a bracket and a comma, an Excel row's last ';', VALUES on a line of its own, a line of text read as a header)
  ['date-of-birth', 'Name,DOB,Department,Notes\nAnn Lee,1990-01-01,Finance (EMEA),\nBo Li,1985-03-12,HR,ok', '1985-03-12'],
  ['date-of-birth', 'Name;Geburtsdatum;Abteilung;\nAnna Schmidt;12.03.1985;Vertrieb (Süd);\nJonas Weber;03.07.1979;Einkauf;', '03.07.1979'],
  ['date-of-birth', "INSERT INTO staff (id, name, dob)\nVALUES\n(1, 'Ann Lee', '1948-02-11'),\n(2, 'Bo Li', '1962-08-29');", '1962-08-29'],
  ['date-of-birth', 'Mrs. Patel; DOB; Ward 4\n12/03/1985', '12/03/1985'],
  ['password-assignment', 'curl -u admin:Adm1n!2024 https://grafana.local/api', 'Adm1n!2024'],
  ['password-assignment', 'mysql -h 127.0.0.1 -u root -pR00tPa55word shop', 'R00tPa55word'],
  ['es-dni', 'mi DNI es 12345678Z.', '12345678Z'],
  ['classification-marking', '© 2024 Globex | Company Confidential | Page 3 of 12', 'Company Confidential'],
  ['street-address', 'at 1 Infinite Loop, Cupertino, CA 95014', '1 Infinite Loop, Cupertino, CA 95014'],
  ['swift-bic', 'SWIFT/BIC: COBADEFFXXX', 'COBADEFFXXX'],
  // health
  ['medication', 'Patient diagnosed with hypertension, prescribed lisinopril 10 mg daily.', 'lisinopril 10 mg daily'], // the dose is part of it
  ['medical-condition', 'Patient diagnosed with hypertension, prescribed lisinopril 10 mg daily.', 'hypertension'],
  ['medication', 'Pt on sumatriptan 50 mg prn for migraine, prescribed by her physician.', 'sumatriptan 50 mg'],
  ['icd-10-code', 'Diagnosis: type 2 diabetes, ICD-10 E11.9; patient on metformin.', 'E11.9'],
  // company confidential
  ['classification-marking', 'CONFIDENTIAL\nBoard pack Q3', 'CONFIDENTIAL'],
  ['classification-marking', 'Acme Corp | Internal Use Only', 'Internal Use Only'],
  ['classification-marking', 'This e-mail is privileged & confidential and intended only for the addressee.', 'privileged & confidential'],
  ['classification-marking', 'STRICTLY CONFIDENTIAL - DO NOT FORWARD', 'STRICTLY CONFIDENTIAL'],
  ['classification-marking', 'Subject: Confidential - Q3 numbers', 'Confidential'],
  ['classification-marking', 'Sensitivity: Internal Use Only', 'Internal Use Only'],
  ['classification-marking', 'TLP:AMBER\nIndicators attached.', 'TLP:AMBER'],
  // in other languages: alone on a line, in capitals, at the end of a subject line, in a title's brackets
  ['classification-marking', 'VERTRAULICH – nur für die Personalabteilung\nName;Tage', 'VERTRAULICH'],
  ['classification-marking', 'Onderwerp: Re-integratie Erik Smit – vertrouwelijk\n\nBeste Ingrid,', 'vertrouwelijk'],
  ['classification-marking', 'Fehlzeiten Q1 – Werk Augsburg (streng vertraulich, nur für das BEM-Team!)\nMA-Nr.\tName', 'streng vertraulich'],
  ['classification-marking', 'Senior Backend Engineer (Berlin) – Confidential, internal recruitment only\n\nHi Katrin,', 'Confidential'],
  ['classification-marking', 'Subject: [CONFIDENTIAL] board pack', 'CONFIDENTIAL'],
  ['classification-marking', 'Oggetto: RISERVATO – documenti per assunzione', 'RISERVATO'],
  ['classification-marking', 'POUFNE – tylko do użytku wewnętrznego działu kadr\nNr;Nazwisko', 'POUFNE'],
  ['classification-marking', 'GİZLİDİR – Sadece İK\nSicil No,Ad Soyad', 'GİZLİDİR'],
  ['classification-marking', 'Конфиденциально. Для служебного пользования\nТаб.№;ФИО', 'Конфиденциально'],
  ['classification-marking', 'Θέμα: ΕΜΠΙΣΤΕΥΤΙΚΟ – Άδεια ασθενείας', 'ΕΜΠΙΣΤΕΥΤΙΚΟ'],
  ['classification-marking', '件名：【社外秘】休職のご相談', '社外秘'],
  ['classification-marking', '内部资料 严禁外传\n工号,姓名', '内部资料'],
  ['classification-marking', '대외비 – 인사팀 전용\n사번,성명', '대외비'],
  ['classification-marking', 'سري للغاية\nالموضوع: تحديث بيانات الموظف', 'سري للغاية'],
  ['street-address', 'send to P.O. Box 1234, Austin, TX 78701', 'P.O. Box 1234, Austin, TX 78701'],
  ['street-address', 'Post it to PSC 4410, Box 2231\nAPO AE 09012 please', 'PSC 4410, Box 2231\nAPO AE 09012'],
  ['street-address', 'Send it to Mannerheimintie 12 Suite 4\nHELSINKI\n00100\nThanks!', 'Mannerheimintie 12 Suite 4\nHELSINKI\n00100'],
  ['street-address', 'Az iroda: Kossuth Lajos utca 12., 1053 Budapest', 'Kossuth Lajos utca 12., 1053 Budapest'],
  ['street-address', 'Sídlo: Václavské náměstí 28, 110 00 Praha', 'Václavské náměstí 28, 110 00 Praha'],
  ['street-address', 'Adresse: Rosenvænget 7, 2100 København Ø', 'Rosenvænget 7, 2100 København Ø'],
  ['street-address', 'Asun osoitteessa Koivukuja 3, 02100 Espoo', 'Koivukuja 3, 02100 Espoo'],
  ['street-address', 'Bill to:\n12 Harbour Road\nSuite 9\nDundee\n\nScotland DD1 4HN\nThanks', '12 Harbour Road\nSuite 9\nDundee\n\nScotland DD1 4HN'],
  ['street-address', 'We met at 48 Linden Street\nThanks\nAnna', '48 Linden Street'],
  // a street with no type word, read before a flat or suite number (same line or the next)
  ['street-address', 'Ship it to Rosenhof 7, Apt. 3, please.', 'Rosenhof 7, Apt. 3'],
  ['street-address', 'New address:\nPuerto Alegre 18\nFlat 4B\nValparaiso\n\nChile 23400\nThanks', 'Puerto Alegre 18\nFlat 4B\nValparaiso\n\nChile 23400'],  // a street corner: "at/on the corner of <street> and <street>"
  ['street-address', 'The café is on the corner of Larkin Street and 9th Avenue, opposite the bank.', 'Larkin Street and 9th Avenue'],
  ['street-address', 'Pick me up at the corner of Quay Road and Bramble Lane.', 'Quay Road and Bramble Lane'],
  // Greek street words before the name and number
  ['street-address', 'Η διεύθυνση: Λεωφόρος Κηφισίας 12, 11526 Αθήνα', 'Λεωφόρος Κηφισίας 12, 11526 Αθήνα'],
  ['street-address', 'Meet me at Οδός Ερμού 5 tomorrow.', 'Οδός Ερμού 5'],
  // a building number before the street, at the line's start or after a colon or "at"/"to"/"is"/"in"
  ['street-address', 'Deliver to: 18 Calle Mayor 7, 28013 Madrid', '18 Calle Mayor 7, 28013 Madrid'],
  ['street-address', 'Parcel for:\n27 Rua das Flores 112\nThanks', '27 Rua das Flores 112'],
  ['street-address', 'My new address is 9 204 Harbour Lane, Leith', '9 204 Harbour Lane, Leith'],
  ['street-address', 'Room 12 450 Main Street', '450 Main Street'], // a number after another word is not the building's
  ['street-address', 'ID\tAddress\n1042\t450 Main Street', '450 Main Street'], // nor a column across a tab
  ['street-address', 'Order 88 2 Quay Road arrived', '2 Quay Road'],
  // a flat or suite number before the street (and its building number)
  ['street-address', 'She rents Flat 3, 12 High Street, Leeds', 'Flat 3, 12 High Street, Leeds'],
  ['street-address', 'Ms. Ana Ruiz Suite 210 88 Furustien 7, Oslo', 'Suite 210 88 Furustien 7'],
  ['street-address', 'Test run 3, Suite 12 4 Quay Road', 'Suite 12 4 Quay Road'],
  ['street-address', 'Locker12 450 Main Street', '450 Main Street'], // a number glued to a word is no unit's
  // Polish "ul." as it is written (lower case), with or without a building number before
  ['street-address', 'Adres: ul. Lipowa 14, 00-123 Warszawa', 'ul. Lipowa 14, 00-123 Warszawa'],
  ['street-address', 'Drop it at 5 ul. Lipowa 14 tomorrow', '5 ul. Lipowa 14'],
  // a street with no type word and its number, after a building number or a cue about where someone lives
  ['street-address', 'The parcel went to 4410 Mäealuse 12, Tartu', '4410 Mäealuse 12'],
  ['street-address', 'The bakery is at 4410 18 Karja Tee', '4410 18 Karja Tee'],
  ['street-address', 'Ship to Anna Lund\nStorgatan 5\nLUND SE 223 50', 'Storgatan 5\nLUND SE 223 50'], // a Swedish postcode after the region
  ['street-address', 'Kirkegata 14\nHAMAR nan 2317', 'Kirkegata 14\nHAMAR nan 2317'], // a region left empty ("nan") by an export // a building number before the street's own
  ['street-address', 'pls send it to 31 kalamaja 7 apt 2, tallinn', '31 kalamaja 7 apt 2'], // a text typed without capitals
  ['street-address', 'new address: 88 rua do sol 14, porto', '88 rua do sol 14, porto'],
  ['street-address', 'Send the keys to 27 Ermou Str., Athens', '27 Ermou Str., Athens'], // "Str." for street
  ['street-address', 'Our guest lives at Kalinowa 8, near the park.', 'Kalinowa 8'],
  ['street-address', 'Address: Tammsaare Tee 41\nTallinn', 'Tammsaare Tee 41'],
  ['street-address', 'He lives on Birkenhof 3 street.', 'Birkenhof 3'],
  ['street-address', 'Visitor:\n88 Pohjola-Kartano 6\nEspoo', '88 Pohjola-Kartano 6'],
  ['street-address', 'Ms. Ines Roth Suite 12 301 Lindenhof 9', 'Suite 12 301 Lindenhof 9'],
  ['street-address', 'Ship to Kask-Mets 14 Apt. 3, please.', 'Kask-Mets 14 Apt. 3'], // a hyphenated street before its unit
  ['street-address', 'Mail it to psc 3310, box 4402\napo ae 09120 soon', 'psc 3310, box 4402\napo ae 09120'], // military mail in lower case
  ['street-address', 'Bill to:\n>12 rue Lamartine\n>Apt. 4\n>LYON\nThanks', '12 rue Lamartine\n>Apt. 4\n>LYON'],
  // the lines of an address block quoted in an e-mail or listed with bullets
  ['street-address', '> Ship to:\n> 12 Harbour Road\n> Flat 3\n> Dundee\n> DD1 4HN', '12 Harbour Road\n> Flat 3\n> Dundee\n> DD1 4HN'],
  ['street-address', 'Address\n• 12 Harbour Road\n• Flat 3\n• Dundee DD1 4HN', '12 Harbour Road\n• Flat 3\n• Dundee DD1 4HN'],
  // a place with a lower-case word in it on its own line of the block
  ['street-address', 'Send to:\nHauptstraße 5\nFrankfurt am Main\n60311\nDanke', 'Hauptstraße 5\nFrankfurt am Main\n60311'],
  // US Navy and Coast Guard ships' mail
  ['street-address', 'Mail for the crew: USS Harmon\nFPO AP 96601', 'USS Harmon\nFPO AP 96601'],
  ['street-address', 'in the corner of Elm Street and Baker Road is the bakery', 'Elm Street and Baker Road'],
  // a Norwegian street in -stien; a Hungarian street name with a lower-case word
  ['street-address', 'Adresse: Furustien 4, 1383 Asker', 'Furustien 4, 1383 Asker'],
  ['street-address', 'Levél: Béla király út 20., 1118 Budapest', 'Béla király út 20., 1118 Budapest'],
  // a CJK label's copula before the value; an address's next field in Chinese cut off
  ['phone-number', '电话是13800138000', '13800138000'],
  ['bank-account-number', '계좌번호입니다 110-123-456789', '110-123-456789'],
  ['street-address', '现住址：北京市朝阳区建国路88号院3号楼2单元501室 邮编100022 电话010-12345678', '北京市朝阳区建国路88号院3号楼2单元501室'],
  ['street-address', '住所 東京都千代田区丸の内1-1-1 担当 山田', '東京都千代田区丸の内1-1-1'],
  // an address after its Hindi, Hebrew or Swahili label, a Japanese form's label and blank, a JSON key; a Chinese address without blanks
  ['street-address', 'पता: मकान नं. 214, सेक्टर 15, रोहिणी, दिल्ली 110089', 'मकान नं. 214, सेक्टर 15, रोहिणी, दिल्ली 110089'],
  ['street-address', 'כתובת: רחוב הרצל 45 דירה 8, רמת גן', 'רחוב הרצל 45 דירה 8, רמת גן'],
  ['street-address', 'Anwani: Mtaa wa Moi 12, Nairobi', 'Mtaa wa Moi 12, Nairobi'],
  ['street-address', '現住所　〒530-0012 大阪府大阪市北区芝田1-5-12 グランメゾン梅田805', '〒530-0012 大阪府大阪市北区芝田1-5-12 グランメゾン梅田805'],
  ['street-address', '{"address": "上海市徐汇区漕溪北路88号圣爱大厦1102室", "login_ip": "116.228.41.77"}', '上海市徐汇区漕溪北路88号圣爱大厦1102室'],
  // an account after its Hindi or Thai word (glued to the bank's name), Norway's dotted account
  ['bank-account-number', 'बैंक खाता: 033781042827, IFSC: SBIN0005943', '033781042827'],
  ['bank-account-number', 'โอนค่ามัดจำเข้าบัญชีกสิกร 459-4-15939-6 นะครับ', '459-4-15939-6'],
  ['bank-account-number', 'Kontonummer: 6011.94.27110', '6011.94.27110'],
  // dates of birth after Hungarian, Hebrew and Swahili words, a Japanese era's date, a CJK date with 生 ("born") after it
  ['date-of-birth', 'Beteg: Kovács Erzsébet, szül.: 1962.04.11.', '1962.04.11'],
  ['date-of-birth', 'תאריך לידה: 12.09.1995', '12.09.1995'],
  ['date-of-birth', 'Tarehe ya kuzaliwa: 14/02/1987', '14/02/1987'],
  ['date-of-birth', '生年月日　平成8年11月5日生（満27歳）', '平成8年11月5日'],
  ['date-of-birth', '扶養家族：妻 高橋 彩（1991年2月14日生）です', '1991年2月14日'],
  // a national number after a verb of calling or a word for phone of more languages
  ['phone-number', 'W razie pytań proszę dzwonić: 42 636 18 50.', '42 636 18 50'],
  ['phone-number', 'cualquier cosa márcame al 55 4127 8890', '55 4127 8890'],
  ['phone-number', 'โทร 081-574-2290', '081-574-2290'],
  // the area code and a slash as Germany writes it; a national part of ten digits after the country code; a phone emoji
  ['phone-number', 'Tel. 030/1234567', '030/1234567'],
  ['phone-number', 'Handy 0151/23456789', '0151/23456789'],
  ['phone-number', 'Her number is +91 9811047325 and she is in.', '+91 9811047325'],
  ['phone-number', '📞 28 94 17 63', '28 94 17 63'],
  // an international number written without blanks (E.164), in JSON too
  ['phone-number', '{"nome":"Ana","telefone":"+5511987214530"}', '+5511987214530'],
  ['phone-number', 'Tel: +4930123456789', '+4930123456789'],
  // JSON inside a JSON string (a log line's payload): its escaped quotes read as quotes
  ['ro-cnp', '{"payload":"{\\"cnp\\":\\"1960523170011\\",\\"city\\":\\"Cluj\\"}"}', '1960523170011'],
  ['password-assignment', '"{\\"password\\":\\"Sup3rS3cret!x\\"}"', 'Sup3rS3cret!x'],
  // a CSV row whose address cell has an unquoted comma: the columns after it read from the right
  ['street-address', '이름,주소,전화\n김민준,서울특별시 강남구 테헤란로 152, 10층,010-1234-5678', '서울특별시 강남구 테헤란로 152, 10층'],
  ['street-address', '이름,주소,전화\n이서연,부산광역시 해운대구 센텀로 45,010-9876-5432', '부산광역시 해운대구 센텀로 45'],
  ['person-name', '이름,주소,전화\n김민준,서울특별시 강남구 테헤란로 152, 10층,010-1234-5678\n이서연,부산광역시 해운대구 센텀로 45,010-9876-5432', '이서연'],
  ['date-of-birth', 'Name,Address,DOB,Phone\nJohn Baker,12 High Street, Leeds,1981-02-03,07700 900123', '1981-02-03'],
];

/** [detector or class, text]: must NOT be reported */
const MUST_NOT_FIND: [string, string][] = [
  // (a break-it review: a verb of reporting before an everyday word, a talk about a condition, a test in Hausa, a birth of an
  // idea, an order's identifier)
  ['health_data', 'Ms Wong reported a rash of complaints after the update. The insured reported a stroke of lightning. Ms Taylor presented the otitis media guideline to the GPs. Ina son gwaji na sabuwar wayar nan.'],
  ['date-of-birth', 'متولد شدن ایده جدید در جلسه ۱۴۰۲/۰۵/۱۲ بود. Ranar haihuwa ta kamfanin mu ita ce 12/05/2010.'],
  ['government_id', 'Mã định danh đơn hàng: 079308004172. b form submitted, ref 37405-8827164-2'],
  // a role's mailbox names no person (reported under the default threshold)
  ['email', 'To: support@brightcart-store.com, billing@acme.io\nADMIN_EMAIL=ops-alerts@freightline.io\nOwner = "platform-team@lumenpay.sg"\nKepada: sokongan@kedaiperabot.my'],
  // a business's service lines, toll-free, shared-cost or universal access: no person holds one
  ['phone-number', 'Call customer service at 1-888-280-4331. Tel. Zentrale: 0800 100 2030 (kostenfrei). 客服热线 400-820-8820. コールセンター +81 120-444-113. Nosso SAC é 0800 773 3838. Helpline +44 345 123 2399. Main: +1 877 555 0100.'],
  // a second review: a date before 生産 or 生放送, a server's or a download's "address", words of calling in code and products, a build number
  ['date-of-birth', '新工場は2024年4月1日生産開始の予定です。本番組は2024年4月1日生放送です。当店は2024年5月1日生まれ変わりました。'],
  ['street-address', '服务器地址：华东区杭州节点第3组\n下载地址：百度网盘提取码1234\n家庭住址：农村地区学生占比35%\nपता: www.example.com/contact 12'],
  ['phone-number', 'Whats new in build 2024051234. Chiama la funzione con id 1234567890. Build +20240512345 ms. โทรทัศน์ 55 นิ้ว รหัสสินค้า 8851234567'],
  ['bank-account-number', 'ฝ่ายบัญชี เลขที่ใบแจ้งหนี้ 12345678'],
  ['person-name', '宮崎医師会は新型ワクチンの説明会を開催した。石川社長賞の授賞式。'],
  ['health_data', 'Ticket: Pharmacy app crashes when searching metformin.\nDiagnosis: null pointer in search index\nFix: reindex'],
  // a review of this round: CJK words inside longer ones, a game's account, a form's example, a PLC's address, an account balance
  ['bank-account-number', '游戏账号：12345678。账号注册时间：2024-01-02 10:00 用户ID 87654321。계좌이체 거래번호: 2024051234567'],
  ['phone-number', '今天下午3点召开电话会议，会议号：123 4567 8901。'],
  ['date-of-birth', '出生日期格式：YYYY-MM-DD，例如 1990-01-01'],
  ['classification-marking', '극비리에 진행된 협상'],
  ['street-address', 'Signal,Address\nTemp,PLC DB10 DBW4'],
  ['bank-account-number', 'account 3.14159265'],
  ['id-number-column', 'Date,Amount,UTR No\n2024-01-02,5000,412345678901\n2024-01-03,7000,SBIN424012345678'],
  ['date-of-birth', '2024年5月1日生效的合同，2024年5月1日生产'],
  ['phone-number', 'build +20240501123456 done; tx id +123456789012 ok'],
  ['phone-number', 'Termin am 12/2024 um 030/12345 Uhr. Aktenzeichen 0815/2024-12. Az. 0815/2024123. Seite 012/345 ff.'],
  // a log line's next field after a password word; a forwarded mail's header in Spanish
  ['password-assignment', '2024-06-18T07:11:33Z WARN login failed user=jdoe reason=bad_password attempts=4'],
  ['person-name', 'De: soporte@x.es\nEnviado: lunes, 13 de mayo de 2024 9:14\nPara: ventas@x.es\nAsunto: RE: Alquiler'],
  ['street-address', 'Click the icon in the top right corner of Chrome and Firefox windows.'],
  ['street-address', 'As shown in the corner of Figure 3 and Table 2, the totals match.'],
  ['aws-access-key-id', 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE'],
  ['credentials', 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE and AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['jwt', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
  ['jwt', `${Buffer.from('{"typ":"JWT"}').toString('base64url')}.eyJzdWIiOiIxIn0.abcdefghijklmnopqrstuvwx`], // header without alg
  ['password-assignment', 'password: str'],
  ['password-assignment', 'password = user.password'],
  ['password-assignment', 'password=${DB_PASSWORD}'],
  ['password-assignment', 'password: ********'],
  ['password-assignment', 'the password field is required'],
  ['password-assignment', 'I need to bypass = true on the compass'],
  ['password-assignment', 'PASSWORD=os.environ["DB_PASSWORD"]'],
  ['connection-string', 'postgres://app:${DB_PASSWORD}@db:5432/app'],
  ['connection-string', 'https://example.org/path?a=b'],
  ['openai-api-key', 'the sk-learn library and a task-based plan'],
  ['stripe-key', 'publishable pk_live_51HxYz2eZvKYlo2C0aB1cD2eF3gH'],
  ['generic-secret', 'token: refresh'],
  ['generic-secret', 'api_key: your_api_key_here_placeholder'],
  ['generic-secret', 'the publishable key pk_live_51HxYz2eZvKYlo2C0aB1cD2eF3 is public'],
  ['generic-secret', 'the key a8f5f167f44f4964e6c998dee827110c is in the docs'], // "key" without an assignment
  ['email', 'user@example.com and admin@example.org'],
  ['email', 'icon@2x.png'],
  ['email', 'git@github.com:acme/infra.git'],
  ['email', 'npm i @nestjs/core@11.0.1'],
  ['phone-number', 'Order 2024-03-15 shipped'],
  ['phone-number', 'const TIMEOUT = 4155550132;'],
  ['phone-number', 'ISBN 978-0-306-40615-7'],
  ['phone-number', 'version 1.2.3.4'],
  ['phone-number', 'SSN 536-22-8713'],
  ['phone-number', 'tracking 1Z999AA10123456784'],
  ['phone-number', 'total 1,250,000 EUR'],
  ['phone-number', 'Invoice 2024-000123 is due'], // valid digits for the US, but not written like a US number
  ['phone-number', 'Part 123-456-7890 is back in stock'],
  ['street-address', 'We upgraded in 2021 Windows 10 laptops.'],
  ['street-address', 'It runs on Python 3, see Chapter 4.'],
  ['street-address', 'The launch is on 3 March 2024.'],
  ['street-address', 'It came out in 2019 12 Monkeys was a remake.'],
  ['street-address', 'Final score at 10 20 Points each.'],
  ['street-address', 'see you at 5 pm 2 days from now'],
  ['street-address', 'we sold 40 units in 3 weeks 2 times'],
  ['street-address', 'meet at 10 in room 4 please'],
  ['street-address', 'Board at Gate 12, then go to Terminal 2.'],
  ['street-address', 'She lives on Level 3, next to the lifts.'],
  ['street-address', 'Update available: Firefox 128 fixes it.'],
  ['street-address', 'The score was Arsenal 2, Chelsea 1.'], // 3-3-4 without a phone word, an extension or a prefix
  ['phone-number', 'Batch 123.456.7890 passed QA'],
  ['phone-number', 'Serial 312-845-1190x'],
  ['date-of-birth', 'Invoice date 2024-03-15, due 2024-04-15'],
  ['date-of-birth', 'Born in 1985, she moved to Paris.'],
  ['date-of-birth', 'The NATO summit on 12 May 2024 in Washington.'],
  ['bank-account-number', 'Numer konta: 58 1140 2004 0000 3302 1773 3907'], // 26 digits whose IBAN check fails
  ['phone-number', 'The hp 512 448 903 laptop is back in stock.'],
  // what a review of the multilingual labels found
  ['date-of-birth', 'Finland joined NATO a year ago, on 4 April 2023.'],
  ['date-of-birth', 'Il progetto è nato a Torino il 12 marzo 2015 come startup universitaria.'],
  ['date-of-birth', 'Сайт родился 12 февраля 2010 года.'],
  ['street-address', 'Start address: 0x0800, end address: 0x0FFF'],
  ['street-address', 'Loopback address: 127.0.0.1, also known as localhost'],
  ['street-address', 'Address: As stated in Schedule 1, Part 2'],
  ['street-address', 'Dirección: Ver apartado 3, más abajo'],
  ['phone-number', 'Číslo faktury: 2024031512'],
  ['phone-number', 'Sipariş numarası: 6175550143'],
  ['bank-account-number', 'La cuenta total asciende a 1234567 euros.'],
  ['bank-account-number', 'Счет-фактура № 123456789 от 12.01.2024'],
  ['bank-account-number', 'Lieferung: 100 Stk. Art.-Nr. 40123456, Preis 12,90 EUR'],
  ['medication', 'Ibuprofen 400 mg, 20 Filmtabletten. Anwendungsgebiete: leichte bis mäßig starke Schmerzen, Migräne, Fieber. Zu Risiken und Nebenwirkungen lesen Sie die Packungsbeilage und fragen Sie Ihren Arzt oder Apotheker.'],
  ['medical-condition', 'La trombosis se trata con heparina.'],
  ['medical-condition', 'Lunginflammation har många orsaker.'],
  ['street-address', 'I spent 3 hours on Main Street yesterday.'],
  ['street-address', 'Dr. Smith saw 12 patients'],
  ['ip-address', 'upgraded to version 10.0.19045.3693'],
  ['ip-address', 'docs use 192.0.2.1 and 2001:db8::1'],
  ['ip-address', 'build 1.2.3.4 is out'],
  ['phone-number', 'host:8080 3000 and at 12:30 2024, Hotel:0171 552 3098'], // a port, a time, a word that only ends like one
  ['ip-address', 'allow 10.20.0.0/16 and 192.168.1.0/24'],
  ['es-dni', 'DNI 12345678A'], // wrong check letter, and counts up: a placeholder
  ['es-dni', 'SKU 12345678Z in stock'], // valid letter, but no DNI word
  ['bank-account-number', 'My account has 3 users and 1200 credits left; account created 2024-03-15.'],
  ['bank-account-number', 'order 000123456789 shipped'], // no account word
  ['ip-address', 'it was 12:30:45 on the MAC 00:1A:2B:3C:4D:5E, std::vector'],
  ['us-ssn', 'SSN 000-12-3456'],
  ['us-ssn', 'SSN 666-12-3456'],
  ['us-ssn', 'SSN 912-34-5678'],
  ['us-ssn', 'SSN 123-00-4567 and 123-45-0000'],
  ['us-ssn', 'order 536228713 shipped'],
  ['us-ssn', 'room 536 22 8713'],
  ['us-ssn', 'version 536.22.8713 released'], // dotted needs an SSN word
  ['us-ssn', 'SSN field: 1.536.22.8713.4'], // part of a longer dotted number
  ['government_id', 'the ticket 900-70-1234 from the helpdesk'],
  ['uk-national-insurance-number', 'code DA123456A and BG123456A'],
  ['passport-number', 'my passport is in the drawer, flight AB1234 is at 9'],
  ['ca-sin', '046 454 286 widgets'], // no context
  ['uk-nhs-number', 'call 943 476 5919 today'], // no NHS word
  ['fr-nir', 'order 255081416802538 shipped'], // no context
  ['nl-bsn', 'BSN 123456789'], // fails the elfproef, and counts up: a placeholder
  ['pl-pesel', 'PESEL on file, see 44051401358'], // wrong check digit, not right after its label
  ['uk-nhs-number', 'the NHS trust closed ticket 943 476 5918'], // fails modulus 11, no label before it
  ['nl-bsn', 'invoice 123456782'], // no context
  ['pl-pesel', 'tracking 44051401359'], // no context
  ['br-cpf', 'CPF 111.111.111-11'], // one repeated digit: a placeholder
  ['br-cpf', 'ref 11144477735'], // undotted needs a CPF word
  ['za-id-number', 'EAN 8001015009087'], // no context
  ['it-codice-fiscale', 'code RSSMRA85T10A562T'], // wrong check letter
  ['mx-curp', 'CURP HEGG560427MVZRRL05'], // wrong check digit
  ['bank-account-number', 'account,plan,seats\nacme,pro,12\nglobex,team,2024'], // an account name column
  ['bank-account-number', 'account_id,created,seats\n1234567,2024-01-02,5'], // an id, not an account number
  ['date-of-birth', 'version,release date,notes\n1.2,2024-01-02,fix\n1.3,2024-02-09,docs'], // no birth column
  ['date-of-birth', 'dob,notes\nunknown,ask HR\nn/a,2024-01-02 follow up'], // cells that are not a date alone
  ['se-personnummer', 'order 811218-9876 shipped'], // ten digits without a context word
  ['se-personnummer', 'backup-20240512-1432.tar.gz and log 20231218-9876'], // a date and a time
  ['fi-hetu', 'HETU 131052-308U'], // check character
  ['fi-hetu', 'id 131052-308T on the form'], // no context word
  ['dk-cpr', 'invoice 010190-1234 paid'], // no CPR word
  ['dk-cpr', 'CPR-nr. 320190-1234'], // no such day
  ['uk-national-insurance-number', 'ticket nr-62-19-84-d closed'], // lower case without a National Insurance word
  ['payment-card', '4539 1488 0343 6468'], // Luhn fails
  ['payment-card', 'ticket 4539 7777 7779'], // 12 digits: Maestro IINs only
  ['password-assignment', 'heslo je silné a dlouhé'], // another language's copula: a word is no password
  // a review that tried to break this round's labels and columns
  ['bank-account-number', "I'm checking on order #10482931 now, will update you."],
  ['bank-account-number', 'Projected savings 1500000 EUR over 3 years'],
  ['bank-account-number', 'sort 1500000 rows by date, checking 202405 first'],
  ['bank-account-number', 'CLABE: 012180006733013523'], // the check digit fails
  ['bank-account-number', 'Ticket 4415, acc 123456 closed'], // six digits after a short word: a reference
  // (a break-it review's inputs: everyday words, phone numbers after a bank's name, columns of amounts and ledger codes, ids of 18 digits)
  ['bank-account-number', 'Il database conta 12000000 righe'],
  ['bank-account-number', 'El repositorio cuenta 10500000 descargas'],
  ['bank-account-number', 'INFO checking 20240501120000'],
  ['bank-account-number', 'sort 24-05-01 rows first'],
  ['bank-account-number', 'Barclays: 0345 734 5345 (card services)'],
  ['bank-account-number', 'Sold nationwide: 12000000 units'],
  ['bank-account-number', 'Site;Clearing;Fees\nA;1500;20\nB;2250;30'],
  ['bank-account-number', 'Fecha;Cuenta;Banco;Importe\n01/02;572000;BBVA;120,00\n02/02;430000;BBVA;80,00'],
  ['bank-account-number', 'Banned Discord account ID 712345678901234567'],
  ['id-number-column', 'txn_id,pan,expiry,amount\n1,4111111111111111,12/27,9.99\n2,411111XXXXXX1111,01/28,5.00'],
  ['classification-marking', 'Our team uses [Azure Confidential Computing](https://azure.microsoft.com) to protect data.'],
  ['classification-marking', 'sensitivity: z.enum(["public", "internal", "confidential", "restricted"]),'],
  ['classification-marking', "<Badge>{t('Confidential')}</Badge>"],
  ['classification-marking', 'await sendSms(user.phone, "Your code is " + code + ". Do not share it.");'],
  ['classification-marking', 'feat(confidential): add SEV-SNP attestation'],
  ['classification-marking', '[2024-05-01 10:22:13] [confidential] user updated document 42'],
  ['classification-marking', '/**\n * Standard HTTP method strings\n * for internal use\n */'],
  ['classification-marking', "KİŞİYE ÖZEL İNDİRİMLER – %50'YE VARAN FIRSATLAR"],
  ['classification-marking', 'GİZLİ BELGELER SIZDIRILDI: BAKANLIK AÇIKLAMA YAPTI'],
  ['classification-marking', '기밀 유지 서약서 제출 부탁드립니다'],
  ['classification-marking', '書類の右上に「社外秘」と書いてあれば、外部に送らないでください。'],
  ['health_data', "const SVG_ATTRS = [\n  'cx',\n  'cy',\n  'dx',\n  'dy',\n  'fill',\n  'stroke',\n];"],
  ['health_data', 'COLUMNS = [\n    "patient_id",\n    "diagnosis",\n    "admitted_at",\n    "ward",\n]'],
  ['health_data', 'Date | System | Cause | Downtime\n2024-03-01 | Mail | Virus infection on relay | 2h\n2024-04-02 | VPN | Worm infection via USB | 5h'],
  ['health_data', 'Vehicle | Symptom | Diagnosis\nGolf | Rough idle | Faulty coil pack\nCivic | Squeal on braking | Worn pads'],
  ['health_data', '| Dataset | Disease | Samples | Accuracy |\n|---|---|---|---|\n| ISIC | Melanoma | 25331 | 0.91 |\n| CheXpert | Pneumonia | 224316 | 0.88 |'],
  ['health_data', 'According to CDC figures, the leading causes of death were:\n\nCause | Deaths\nHeart disease | 702,880\nCancer | 608,371\nStroke | 165,393'],
  ['health_data', 'Imagine a student, Tom. He has type 1 diabetes and the lesson asks students what to do. According to the guide, call a first-aider.'],
  ['bank-account-number', 'Enter the OTP 49281736 sent to your phone'],
  ['bank-account-number', 'Garanti süresi 24 ay, seri no 123456789. Kotak pos 1234567890'],
  ['bank-account-number', 'BDO USA, LLP, EIN 13-5381590. BCA 2024 annual report ISBN 9781234567897'],
  ['bank-account-number', 'Reikningur nr. 12345678'],
  ['password-assignment', '2001:4860:4860:0000:0000:0000:0000:8888\n00:11:22:33:44:55\n2024-05-01:12:30:45:INFO:started\ncpu0:0:user:system:idle'],
  ['password-assignment', 'La parola è Covid19, molto usata nel 2020.'],
  ['password-assignment', 'the pw is still the same as last week, ask Tom'],
  ['ip-address', 'route 10.20.0.0/16 via the VPN, upgrade to version 10.4.3.7'],
  ['phone-number', 'sent na po, ref 4012 883 227. thanks'], // a reference's number, a phone word or not after it
  ['phone-number', 'Hana Dvořáková, obj. 2024-5531, díky'],

  ['password-assignment', 'password estrella2024 / senha esperanza2024'], // "es" of "estrella" is no copula
  ['driving-licence', 'Business Licence No. 58213467. Pharmacy license no 4821395'],
  ['generic-secret', '{ "key": "Ctrl+Alt+Shift+F12" } "api_key": "${env:API_KEY_V2_PROD}" token = "sha256:9f86d081884c7d659a2feaa0c55ad015" "key": "ORDER#2024-0001#ITEM#17"'],
  ['pl-nip', 'Sprzedawca: ABC Sp. z o.o.\nul. Prosta 1, 00-001 Warszawa\nNIP: 5261040828'], // a firm's, its legal form two lines up
  ['gr-afm', 'ΟΤΕ Α.Ε., ΑΦΜ: 094019245, Αθήνα'],
  ['vn-mst', 'CÔNG TY CỔ PHẦN XYZ - MST: 0100109106'],
  ['ph-tin', 'Federal TIN: 94-1234567'], // a US employer number
  ['in-uan', 'UAN: 021-111-123-456'], // a Pakistani UAN phone number
  ['hu-taj', 'TAJ: 482139572'], // check digit fails after the bare label
  ['date-of-birth', 'Contrato assinado por José Nascimento em 14/06/2021.'],
  ['date-of-birth', 'd.t. 12.05.2024 tarihli toplantı'],
  ['generic-secret', 'token_url = "https://accounts.google.com/o/oauth2/token"'], // a URL quoted after a token word
  ['bank-account-number', 'account,description,debit\nOffice rent,100,1200'],
  ['date-of-birth', 'Projekt gestartet 17. 4. 1991, Version 2'],
  ['driving-licence', 'driving licence categories: B, C1'],
  ['pl-nip', 'NIP: 123-456-78-90'], // a placeholder counting up
  ['payment-card', 'ref 4244 4574 8850 6965 0312 77'], // a longer grouped number: a card's prefix only before an expiry's slash
  ['street-address', 'Unit 4 Box 12 is in the warehouse'], // military mail needs its APO/FPO/DPO line
  ['street-address', 'See Chapter 4, Suite 2 of the handbook.'], // a suite number after words that name no street
  ['street-address', 'Meeting on Monday 12, Suite 400 in the tower.'],
  ['street-address', 'We bought Adobe Creative Suite 6 last year.'],
  ['street-address', 'Totals:\nApples 150\nOranges 2000\nPears 3000'], // no place line among the numbers
  ['street-address', 'Release notes\nVersion 2\nCHANGES\n, EU\n 12345'],
  ['street-address', 'Η πλατεία ήταν γεμάτη το 2021.'], // a Greek street word without a name and number
  ['street-address', 'Meet on Floor 3 Lobby, Suite 12 is closed.'], // a number first after a word that names no street
  ['street-address', 'Version 2 Beta, Suite 4 tests pass.'],
  ['street-address', 'the ul. Lipowa 14 row is lower case'.replace('ul.', 'ul')], // "ul" without its dot
  // ordinary text that looked like an address block or a number-first street to rules tried and dropped
  ['street-address', 'Sprint 14\n2024 Planning\nDone'],
  ['street-address', 'Build 7\n1024 MB\n'],
  ['street-address', 'Invoice\nConsulting Services 12\n1200 EUR\nVAT 19\n'],
  ['street-address', 'Run 3 Passed, Suite 12 failed'],
  ['street-address', 'We ordered 3 Large Pizzas, Flat 2 wanted more'],
  ['street-address', 'The badge shows in the corner of Outlook and Teams.'], // "in the corner of" wants a number or a street word
  ['street-address', 'Logo in the corner of the page and the footer'],
  ['street-address', 'Sprint 14\n> 2024 Planning\n> Done'],
  ['street-address', 'Notes:\n- Build 7\n- 1024 MB'],
  ['street-address', 'Step 3: 12 Items Added'],
  // a given name ending in -stien before a number is no Norwegian street ("Sebastien 3 pm", a TSV of names and ages)
  ['street-address', 'Meeting with Sebastien 3 pm tomorrow.'],
  ['street-address', 'Name\tAge\nSébastien\t34\nBastien\t28'],
  // lower-case "ul." is also microlitres and an HTML list: a Polish street name ends in -a, -i, -o, -y or has a Polish letter
  ['street-address', 'Add 50 ul. Incubate 30 min at 37C.'],
  ['street-address', 'Put the links in a ul. Section 3 covers styling.'],
  // "in the corner of" a window or a hall: a version or hall number is no house number
  ['street-address', 'The clock appears in the corner of Windows 10 and Windows 11.'],
  ['street-address', 'Pallets are stacked in the corner of Bay 4 and Bay 5.'],
  // chat "u." (you) after a lower-case word is no Hungarian "u." (utca)
  ['street-address', 'Hi Anna love u. 2 weeks to go'],
  ['street-address', 'Order 221, item 15, shipped to Pune 411057 units in total'],
  ['street-address', 'Tickets 1-40, ref AB1 2CD and SW1A 1AA.'],
  ['street-address', 'Offices: Mumbai, Delhi, Bengaluru. Revenue 2024, Karnataka 560001 rupees, up 12%.'],
  ['street-address', 'Sales in Chennai, 600028 units, Kolkata, 700001 units'],
  ['street-address', 'Release 1-2-3, the build for Main-shi targets, passed'],
  ['street-address', 'Version 2-1-4 is out. The Shibuya-ku office opens Monday.'],
  ['phone-number', 'See (12) 3456 in the appendix and table (4) 1234-5678-90.'],
  ['phone-number', "parseNumber('+1 111 111 1111') returns {}"],
  ['payment-card', 'test cards 4111 1111 1111 1111, 4242424242424242, 5555555555554444, 378282246310005'],
  ['payment-card', 'order 1234 5678 9012 3456'],
  ['payment-card', 'uuid 550e8400-e29b-41d4-a716-446655440000'],
  ['iban', 'IBAN DE89 3704 0044 0532 0130 01'], // mod-97 fails
  ['iban', 'DE8937040044053201300'], // wrong length
  ['iban', 'commit de89370400440532013000aa7f in the log'], // glued to more letters: a hash, not an IBAN
  ['iban', 'see de89 3704 0044 0532 0130 01'], // lower case, mod-97 fails
  ['iban', 'part X-DE89-3704-0044-0532-0130-00'], // the end of a longer hyphenated code
  ['aba-routing-number', 'routing 021000022'],
  ['aba-routing-number', 'order 021000021 shipped'], // no context
  ['health_data', 'This legacy module is a cancer on our codebase.'],
  ['health_data', 'Be patient with the new hires.'],
  ['health_data', 'The depression in the housing market hurt sales.'],
  ['health_data', 'the patient said the diabetes joke was old'], // one term, one clinical word
  ['health_data', 'we had a doctor appointment, and the team has anxiety about the launch'],
  ['company_confidential', 'keep this confidential between us, ok?'],
  ['company_confidential', 'Re: the restricted area near the loading dock'],
  ['generic-secret', 'Authorization: Basic aGVsbG8='], // decodes to "hello": no user:password
  ['company_confidential', 'Confidential information means any information disclosed by a party that is marked or reasonably understood to be confidential.'],
  ['source_code', 'Meeting notes\nDate: Tuesday\nAttendees: Ana, Ben, Chloe\nDecisions: ship on Friday.'],
  ['source_code', 'Thanks for the call (yesterday).\nWe agreed on the plan.\nI will send the deck.'],
  ['source_code', 'Agenda:\n- review the budget (Q3)\n- hiring plan; two roles\n- next steps: send deck'],
  ['source_code', 'from: ana\nto: ben\nsubject: lunch\ndate: friday'],
  ['source_code', 'me: hey\nhim: hi :)\nme: lunch?\nhim: sure, 12:30'],
  ['creative_work', 'Chapter 3 of the employee handbook explains the travel policy.'],
  ['creative_work', '// Copyright 2024 Acme Inc. All rights reserved.\nconst x = 1;'],
];

describe('built-in detectors: values that must be found', () => {
  it.each(MUST_FIND)('%s in %j', (detector, text, value) => {
    const hits = found(text).filter((f) => f.detector === detector);
    expect(hits.map((h) => h.value)).toContain(value);
  });
});

describe('classification markings: the words in prose and changelogs are not stamps', () => {
  it.each([
    'pls keep this confidential - thanks',
    'How to keep customer data confidential',
    '- **[Internal]** Update dependencies',
    '## Internal\n\nWe have a wide range of tests.',
    'Bitte behandeln Sie diese Informationen vertraulich. Danke!',
    'See the [iTerm Proprietary Escape Codes documentation](https://example.com)',
    'Ini rahasia kecil kita ya, jangan bilang siapa-siapa.',
    'send(statusCode >= 500 ? "Internal server error" : error.message)',
  ])('%j', (text) => {
    expect(found(text).filter((f) => f.dataClass === 'company_confidential')).toEqual([]);
  });
});

describe('built-in detectors: near misses that must not be found', () => {
  it.each(MUST_NOT_FIND)('%s not in %j', (what, text) => {
    const hits = found(text).filter((f) => f.detector === what || f.dataClass === what);
    expect(hits).toEqual([]);
  });
});

describe('an id of its shape right after its label, its check digit failing: found at a lower confidence', () => {
  it.each([
    ['ca-sin', 'SIN 046 454 287', '046 454 287'],
    ['in-aadhaar', 'Aadhaar: 2345 6789 0125', '2345 6789 0125'],
    ['uk-nhs-number', 'NHS number: 943 476 5918', '943 476 5918'],
    ['fr-nir', 'sécurité sociale 2 55 08 14 168 025 39', '2 55 08 14 168 025 39'],
    ['pl-pesel', 'PESEL 44051401358', '44051401358'],
    ['br-cpf', 'CPF 111.444.777-34', '111.444.777-34'],
    ['za-id-number', 'South African ID number: 8001015009088', '8001015009088'],
    ['se-personnummer', 'Personnummer: 811218-9875', '811218-9875'],
    ['no-fodselsnummer', 'fødselsnummer 15038510191', '15038510191'],
    ['es-dni', 'DNI: 48291736K.', '48291736K'],
    ['cz-birth-number', 'rodné číslo 850612/4417', '850612/4417'],
  ])('%s in %j', (detector, text, value) => {
    const hits = found(text).filter((f) => f.detector === detector);
    expect(hits.map((h) => [h.value, h.confidence])).toEqual([[value, 0.85]]);
  });
  it('reads none after a label that names no country (a phone number, a customer id), nor an internal reference in an id column', () => {
    expect(found('My personal number is 0712345678. Customer ID number: 2023010112345').filter((f) => f.dataClass === 'government_id')).toEqual([]);
    expect(found('ID Number,Item,Qty\nINV-100234,Widget,3\nSKU-88812,Bolt,9').filter((f) => f.dataClass === 'government_id')).toEqual([]);
    expect(found('Company,Tax No\nAcme,12-3456789\nGlobex,GB123456789').filter((f) => f.dataClass === 'government_id')).toEqual([]);
  });
  it('stays linear on a long list of labelled ids whose check digit fails', () => {
    const t = 'NHS: 943 476 5918\n'.repeat(55_000);
    expectWithin(3_000, () => found(t));
  });
  it('stays linear on one line of short labels and digits (a value stops before the next label)', () => {
    for (const unit of ['TIN 1 ', 'RG 1 ', 'SSS TIN UAN MST NIP AFM RG TAJ ']) {
      const t = unit.repeat(Math.ceil(262_144 / unit.length));
      expectWithin(3_000, () => found(t));
    }
  });
  it('reads none the text says is no real id', () => {
    expect(found('SIN 875 209 748 is not valid (fails Luhn), see the handbook.').filter((f) => f.dataClass === 'government_id')).toEqual([]);
    expect(found('a fake CPF 347.821.906-52 for the demo').filter((f) => f.dataClass === 'government_id')).toEqual([]);
  });
  it('reports a valid one with its context word higher', () => {
    expect(found('CPF 111.444.777-35').find((f) => f.detector === 'br-cpf')?.confidence).toBe(0.9);
    expect(found('rodné číslo 850612/4418').find((f) => f.detector === 'cz-birth-number')?.confidence).toBe(0.95);
  });
});

describe("a table's column labelled as an id or a bank account", () => {
  it('reads the cells under TaxID and BankAccount whatever their format', () => {
    const csv = 'EmpID,Name,TaxID,BankAccount,Country\nE-2002,Sofía Herrera,HERS850312MDFRRF09,002180700012345678,MX\nE-2003,Kristian Halvorsen,01018512345,NO93 8601 1117 947,NO';
    const fs = found(csv);
    expect(fs.filter((f) => f.detector === 'id-number-column').map((f) => f.value)).toEqual(['HERS850312MDFRRF09', '01018512345']);
    expect(fs.filter((f) => f.detector === 'bank-account-number').map((f) => f.value)).toEqual(['002180700012345678']);
  });
  it('leaves dates and short codes in such a column alone', () => {
    expect(found('Name;National ID;Notes\nAna;2024-01-02;n/a\nLuis;A12;pending').filter((f) => f.dataClass === 'government_id')).toEqual([]);
  });
});

describe('more national ids with their words: Czech and Slovak birth numbers, Indian PAN, a Russian passport', () => {
  it.each([
    ['cz-birth-number', 'RČ 850612/4418', '850612/4418'],
    ['in-pan', 'PAN: ABCPE1234F', 'ABCPE1234F'],
    ['passport-number', 'Паспорт: 4510 823947.', '4510 823947'],
  ])('%s in %j', (detector, text, value) => {
    expect(found(text).filter((f) => f.detector === detector).map((f) => f.value)).toEqual([value]);
  });
  it('needs the word, and a valid date in a birth number', () => {
    expect(found('order 850612/4418 shipped').filter((f) => f.dataClass === 'government_id')).toEqual([]);
    expect(found('rodné číslo 851332/4418 on the form, see 851332/4418').filter((f) => f.detector === 'cz-birth-number' && f.confidence > 0.9)).toEqual([]);
    expect(found('code ABCDE1234F').filter((f) => f.dataClass === 'government_id')).toEqual([]);
  });
});

describe('context changes confidence', () => {
  it('a card next to card words is more confident than a bare one', () => {
    const bare = found('ref 4539148803436467').find((f) => f.detector === 'payment-card')!;
    const ctx = found('Visa card 4539 1488 0343 6467').find((f) => f.detector === 'payment-card')!;
    expect(ctx.confidence).toBeGreaterThan(bare.confidence);
  });
  it('an SSN with an SSN word is more confident than without', () => {
    const bare = found('employee 536-22-8713').find((f) => f.detector === 'us-ssn')!;
    const ctx = found('SSN 536-22-8713').find((f) => f.detector === 'us-ssn')!;
    expect(ctx.confidence).toBeGreaterThan(bare.confidence);
  });
  it('a stamped marking is confident, the word in prose is below the default threshold', () => {
    const all = compileInspector({ minConfidence: 0 });
    const stamp = all.inspect('CONFIDENTIAL\nQ3 numbers').find((f) => f.detector === 'classification-marking')!;
    const prose = all.inspect('please keep this confidential between us').find((f) => f.detector === 'classification-marking')!;
    expect(stamp.confidence).toBeGreaterThanOrEqual(0.85);
    expect(prose.confidence).toBeLessThan(0.5);
  });
});

describe('source code and creative work blocks', () => {
  it('reports one span covering a code block', () => {
    const code = 'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)';
    const text = `Why is this slow?\n\n${code}\n\nThanks!`;
    const f = inspector.inspect(text).filter((x) => x.dataClass === 'source_code');
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe(code);
  });
  it.each([
    ['JSON', '{\n  "name": "api",\n  "version": "1.0.0",\n  "private": true\n}'],
    ['YAML', 'services:\n  api:\n    image: node:20\n    ports:\n      - "3000:3000"'],
  ])('does not report a %s config: configuration is not source code', (_lang, config) => {
    expect(found(`Check this:\n${config}\n`).some((f) => f.dataClass === 'source_code')).toBe(false);
  });
  it.each([
    ['SQL', 'SELECT id, email\nFROM users\nWHERE created_at > now() - interval \'1 day\'\nORDER BY id;'],
    ['Go', 'func main() {\n\tx := 1\n\tfmt.Println(x)\n}'],
    ['shell', '#!/bin/sh\nset -e\nnpm ci\nnpm test'],
  ])('recognizes %s', (_lang, code) => {
    expect(found(`Check this:\n${code}\n`).some((f) => f.dataClass === 'source_code')).toBe(true);
  });
  it('reports two adjacent lines when one opens like code', () => {
    const text = 'why does this fail?\nimport pandas as pd\ndf = pd.read_csv("x.csv")\nthanks';
    const f = inspector.inspect(text).filter((x) => x.dataClass === 'source_code');
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['import pandas as pd\ndf = pd.read_csv("x.csv")']);
  });
  it('reports lyrics with verse/chorus structure', () => {
    const text = 'Feedback?\n\n[Verse 1]\nWe built our house on borrowed light\n\n[Chorus]\nStay, stay, the night is young';
    expect(found(text).some((f) => f.dataClass === 'creative_work')).toBe(true);
  });
  it('reports a manuscript draft marked do not share with a chapter heading', () => {
    expect(found('THE LANTERN KEEPER\nDraft 3 — do not share\n\nChapter One\n\nThe harbour lights went out.').some((f) => f.dataClass === 'creative_work')).toBe(true);
  });
});

describe('values between field separators (CSV, TSV, pipes, quotes, brackets)', () => {
  const card = '4539 1670 2284 6132';
  const plain = '4539167022846132';
  it.each([
    [`a,${card},b`, card],
    [`1,Ana Souza,${plain},120.00`, plain],
    [`1,${plain},2`, plain],
    [`${plain},75.50`, plain],
    [`x;${card};y`, card],
    [`x\t${card}\ty`, card],
    [`x|${card}|y`, card],
    [`"${card}"`, card],
    [`[${plain}]`, plain],
    [`(${plain})`, plain],
    [`card=${plain}&x=1`, plain],
    [`4539-1670-2284-6132,4539.1670.2284.6132,4539_1670_2284_6132`, '4539.1670.2284.6132'],
  ])('%j', (text, value) => {
    expect(found(text).filter((f) => f.detector === 'payment-card').map((f) => f.value)).toContain(value);
  });
  it('does not read a card inside a larger number', () => {
    for (const t of ['3.4539167022846132', '12-4539167022846132', '4539167022846132.5', '94539167022846132']) {
      expect(found(t).filter((f) => f.detector === 'payment-card')).toEqual([]);
    }
  });
  it('finds NI numbers written with dashes too', () => {
    expect(found('NI number AB-12-34-56-C').map((f) => f.value)).toContain('AB-12-34-56-C');
  });
});

describe('health data in lay language', () => {
  const health = (text: string): string[] => found(text).filter((f) => f.dataClass === 'health_data').map((f) => f.value);
  it.each([
    ['My husband is undergoing chemotherapy for bowel cancer, so I need flexible hours.', 'chemotherapy'],
    ['Sorry, my mum is in hospital after a stroke, I need Friday off.', 'stroke'],
    ["She's been on antidepressants since her miscarriage.", 'miscarriage'],
    ['He was signed off with burnout and is seeing a counsellor.', 'burnout'],
    ['Tomasz Nowicki had a heart attack and they put in a stent.', 'heart attack'],
    // a person named by a given name alone, a record's reason, a condition a sick note is due to, a modifier before it
    ['Ravi is recovering from a mild stroke and will be back in June.', 'stroke'],
    ['Jenna is pregnant and due in August, plan her cover.', 'pregnant'],
    ['Employee absence: 5 days, reason: gastroenteritis (self-certified).', 'gastroenteritis'],
    ['Fit note: Mr Daniel Okoro is not fit for work until 17 March due to lumbar disc prolapse.', 'disc prolapse'],
    ["My dad was diagnosed with early-onset Alzheimer's and I need flexible hours.", 'Alzheimer'],
  ])('%j', (text, term) => {
    expect(health(text)).toContain(term);
  });
  it.each([
    'Health news: researchers say people who had a heart attack and are on statins live longer.',
    'In this lesson we explain how chemotherapy works for breast cancer and what a stent is.',
    'Our study found that taking insulin early helps.',
    'I had a great time at the cancer charity run with my team.',
    'Google is recovering from the outage. The release is due to ship in May.',
    'Delays this winter are due to flu season, reason: staff shortages.',
    'Berlin has a stroke of luck and Sales is pregnant with ideas.',
    'Absence report: reason: diabetes research funding ran out.',
  ])('no health finding in general text: %j', (text) => {
    expect(health(text)).toEqual([]);
  });
});

describe('a review that tried to break this round (issue 20)', () => {
  const kinds = (text: string): string[] => found(text).map((f) => `${f.detector}:${f.value}`);
  it.each([
    // digit lists typed with blanks are not joined into numbers
    'Account health scores: 3 4 5 2 1 4',
    'Phone support satisfaction (1-5): 4 5 3 5 4 4 5 2 5 4',
    'Mobile keypad: 1 2 3 4 5 6 7 8 9 0',
    // figures that end in a place name and six digits are no Indian address
    'Sessions by country: US 98,120, UK 45,002, India 120345',
    'Ticket 4521, sprint 12, India 400001',
    'Headcount 2024: Bengaluru 340, Hyderabad 120, Chennai 205001',
    // references after 00 and thousands after a country code are no phone numbers; a CEP is a postcode
    'Invoice ref 0092 1205 1691 paid',
    'Variance: +44 655 169 138 SEK',
    'CEP 01310-100 on the label',
    // a date and a time; a resuscitation course; a rail booking
    'Snapshot db-240102-1300 restored.',
    'CPR training booked, confirmation 0903251400',
    'PNR 0512231234 for the Chennai train',
    // "due to" said of an event, not of someone off work
    'My flight was cancelled due to covid restrictions in Shanghai.',
    // a ledger's account codes; a version before a date in a changelog
    'account,description,debit,credit\n400100,Revenue - Services,,12500.00',
    '- fix account verification\n\n## 6.7.1 2021-11-15',
    // digits inside a git SHA
    'commit 8e50e91f51aa5038745526710ef2e030527982a7',
    // a page range or a test step before a word with a ward's ending
    'Pages 10-12 Kyoto-shi notes',
    'Tested 1-2-3 Osaka-shi style',
  ])('nothing in %j', (text) => {
    expect(kinds(text)).toEqual([]);
  });
  it.each([
    // the context word obfuscated, the value plain
    ['p a s s w o r d = Sunset-91!', 'Sunset-91!'],
    ['d a t e  o f  b i r t h: 02/01/1990', '02/01/1990'],
    ['my sister was d-i-a-g-n-o-s-e-d with leukaemia', 'leukaemia'],
    // a Swedish number with its plus sign; a Finnish code with a lower-case check letter
    ['personnummer 850612+3861', '850612+3861'],
    ['hetu 131052-308t', '131052-308t'],
    // whole addresses: a PIN label, several towns before a postcode, a spelled-out chōme, a capitalised ward
    ['Flat 4B, 12 MG Road, Bengaluru, Karnataka, PIN 560001', 'Flat 4B, 12 MG Road, Bengaluru, Karnataka, PIN 560001'],
    ['14 Cotham Hill, Clifton, Bristol, Avon BS6 6LA', '14 Cotham Hill, Clifton, Bristol, Avon BS6 6LA'],
    ['Ship to: Shibuya 1-chome 2-3, Shibuya-ku, Tokyo 150-0002', 'Shibuya 1-chome 2-3, Shibuya-ku, Tokyo 150-0002'],
    ['1-2-3 Shibuya, Shibuya-Ku, Tokyo 150-0002', '1-2-3 Shibuya, Shibuya-Ku, Tokyo 150-0002'],
  ])('%j finds %j', (text, value) => {
    expect(found(text).map((f) => f.value)).toEqual(expect.arrayContaining([expect.stringContaining(value)]));
  });
  it.each([
    ['one line of JSON with a "dob" key in every record', '[' + '{"id":0,"dob":null},'.repeat(50_000) + ']'],
    ['"dob," a quarter of a million times', 'dob,'.repeat(250_000)],
    ['"account," on one line', 'account,'.repeat(125_000)],
    // each capitalised word looked back to its line's start: 35 s per MB
    ['a capitalised word and a comma, on one line', 'Shibuya, '.repeat(116_000)],
  ])('linear: %s (1 MB)', (_what, text) => {
    expectLinear(text, (t) => inspector.inspect(t));
  });
});

describe('credential shapes and false alarms (issue 20)', () => {
  it.each([
    ['aws-secret-access-key', 'AKIA2OGYBAH6QW3XLMNP,q8Vd1Zt0s9KpL3yXcR7uB2nW5mE4hJ6gF0aT1iOo', 'q8Vd1Zt0s9KpL3yXcR7uB2nW5mE4hJ6gF0aT1iOo'],
    ['connection-string', 'REDIS_URL=redis://:s3cr3tR3d1sPw@cache.internal:6379/0', 's3cr3tR3d1sPw'],
    ['password-assignment', "mysqldump -u backup -p'Bk!2024-nightly' --all-databases", 'Bk!2024-nightly'],
    ['password-assignment', 'mysql --password="Hunter22x" -h db', 'Hunter22x'],
    // a variable given as a name and a value (Kubernetes env lists, ECS task definitions)
    ['password-assignment', 'env:\n  - name: DB_PASSWORD\n    value: "Kx7#pQ2!vLm"\n', 'Kx7#pQ2!vLm'],
    ['generic-secret', 'env:\n  - name: PAYMENTS_API_KEY\n    value: q8Vd1Zt0s9KpL3yXcR7u\n  - name: LOG_LEVEL\n    value: info', 'q8Vd1Zt0s9KpL3yXcR7u'],
    ['password-assignment', '"environment": [{"name": "DB_PASSWORD", "value": "Kx7#pQ2!vLm"}]', 'Kx7#pQ2!vLm'],
    // session cookies: whoever holds one is signed in
    ['generic-secret', 'curl https://app.acme.io/api -H "Cookie: theme=dark; session=s%3Aq8Vd1Zt0s9KpL3yX.cR7uB2nW5mE4" -H "Accept: */*"', 's%3Aq8Vd1Zt0s9KpL3yX.cR7uB2nW5mE4'],
    ['generic-secret', 'Set-Cookie: JSESSIONID=9F2C41A7B3D05E6F8A1B2C3D4E5F6A7B; Path=/; HttpOnly', '9F2C41A7B3D05E6F8A1B2C3D4E5F6A7B'],
  ])('%s in %j', (detector, text, value) => {
    expect(found(text).filter((f) => f.detector === detector).map((f) => f.value)).toContain(value);
  });
  it('reads no secret from a name/value pair that names none, points elsewhere or holds a placeholder', () => {
    for (const text of [
      '- name: LOG_LEVEL\n  value: debug-verbose',
      '- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: password}',
      '- name: DB_PASSWORD\n  value: changeme',
      '- name: API_TOKEN\n  value: ${API_TOKEN}',
      '{"name": "region", "value": "eu-west-1"}',
      'Cookie: theme=dark; lang=en-GB; consent=analytics-and-marketing-2024',
      'Set-Cookie: session=deleted; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    ]) {
      expect(found(text).filter((f) => f.dataClass === 'credentials')).toEqual([]);
    }
  });
  it('does not read version strings as IP addresses, but keeps a login IP', () => {
    expect(found('Upgrade from 10.4.3.2 to 10.4.3.7 fixed the crash').filter((f) => f.detector === 'ip-address')).toEqual([]);
    expect(found('Failed login from 10.4.3.2').map((f) => f.value)).toContain('10.4.3.2');
  });
  it("does not read an organisation's founding date as a date of birth", () => {
    expect(found('The company, born out of a merger, was founded on 12 May 1987.').filter((f) => f.detector === 'date-of-birth')).toEqual([]);
  });
  it('reports documented test card numbers under the default threshold only', () => {
    const low = compileInspector({ minConfidence: 0.2 }).inspect('test with 4242 4242 4242 4242');
    expect(low).toEqual([expect.objectContaining({ detector: 'payment-card', confidence: 0.3 })]);
    expect(found('test with 4242 4242 4242 4242')).toEqual([]);
  });
});

describe('what a review of this round found: no address in a reference, no bank account in a ledger', () => {
  it('reads no Czech address in an invoice reference and an amount', () => {
    expect(found('Invoice 2024/118, 12000 EUR due next week. Order Ref 123/45, 10000 Units').filter((f) => f.detector === 'street-address')).toEqual([]);
  });
  it('reads no bank account in a chart of accounts under a one-word column', () => {
    expect(found('AccountNumber,Description\n400000,Sales Revenue\n500000,Cost of Goods').filter((f) => f.dataClass === 'financial')).toEqual([]);
  });
});

describe('values broken over two lines or written backwards', () => {
  it('reads an IBAN a mail client broke over two lines', () => {
    expect(found('IBAN: DE89 3704 0044\n0532 0130 00 (neue Hausbank)').filter((f) => f.detector === 'iban').map((f) => f.value)).toEqual(['DE89 3704 0044\n0532 0130 00']);
    expect(found('ref DE89 3704\nnot an iban 0044').filter((f) => f.detector === 'iban')).toEqual([]);
  });
  it('reads a value the text says is written backwards', () => {
    expect(found('ssn backwards so its not stored lol: 0788-34-125').map((f) => f.detector)).toContain('us-ssn');
    expect(found('I wrote my card number backwards: 7646 3430 8841 9354').map((f) => f.detector)).toContain('payment-card');
    expect(found('sort in reverse order by id 2024-01-02, the reversed list of 12345 items')).toEqual([]);
    expect(found('IBAN written backwards: 00 0310 2350 4400 4073 98ED').map((f) => f.detector)).toContain('iban');
  });
  it('stays linear after a backwards word', () => {
    expectWithin(3_000, () => {
      found('backwards ' + '1'.repeat(200_000));
      found(('backwards ' + 'a1 '.repeat(30) + '\n').repeat(5_000));
    });
  });
});

describe('a sixteenth independent corpus (issue 20)', () => {
  const of = (text: string, detector: string): string[] => found(text).filter((f) => f.detector === detector).map((f) => f.value);
  it("reads the cards of Brazil's, India's, Nigeria's and Denmark's own schemes", () => {
    expect(of('Paguei no cartão Elo 6363 6848 2917 3649 em 10x', 'payment-card')).toEqual(['6363 6848 2917 3649']);
    expect(of('RuPay card 5085 3211 8845 2194 exp 09/27', 'payment-card')).toEqual(['5085 3211 8845 2194']);
    // (ungrouped, a national scheme's number needs a card's word: not a log's request id, an order's number, a JSON id)
    expect(found('INFO request_id=5085321188452194 status=200')).toEqual([]);
    expect(found('{"id": 5098584380542873, "name": "widget"}')).toEqual([]);
    expect(of('Verve: 5061058823145562719', 'payment-card')).toEqual(['5061058823145562719']);
    expect(of('Dankort 5019 8462 0013 5576', 'payment-card')).toEqual(['5019 8462 0013 5576']);
  });
  it("reads a passport's or residence permit's number after a few words and a colon, a bracketed aside, a Russian series and number", () => {
    expect(of('Passport on file for immigration counsel: K48201937. 4. Jessica', 'passport-number')).toEqual(['K48201937']);
    expect(of('UK BRP: ZU1284760', 'passport-number')).toEqual(['ZU1284760']);
    expect(of('Паспорт: серия 45 12 № 738291, выдан ОВД', 'passport-number')).toEqual(['45 12 № 738291']);
    expect(of('у тебя же новый паспорт, серия 46 21 № 582910?', 'passport-number')).toEqual(['46 21 № 582910']);
    expect(of('SIN (for the credit check): 046 454 286 Employer', 'ca-sin')).toEqual(['046 454 286']);
    // (not words and a colon before another code, nor a sentence's code)
    expect(of('The passport office said: come back at 10:30, ticket AB12345', 'passport-number')).toEqual([]);
    expect(of('passport photos are due: AB12345 is the ticket', 'passport-number')).toEqual([]);
  });
  it('reads a date of birth after Persian, Urdu, Bengali and Greek labels, in their digits, and Iranian and Taiwanese years', () => {
    expect(of('تاریخ تولد: ۱۳۶۸/۰۴/۱۲ تلفن', 'date-of-birth')).toEqual(['۱۳۶۸/۰۴/۱۲']);
    expect(of('জন্ম তারিখ: ২২/০৩/১৯৮৭ মোবাইল', 'date-of-birth')).toEqual(['২২/০৩/১৯৮৭']);
    expect(of('تاریخ پیدائش: 14/05/1988', 'date-of-birth')).toEqual(['14/05/1988']);
    expect(of('Γεώργιος Παπαδόπουλος του Δημητρίου, γεν. 12/03/1985, ΑΜΚΑ', 'date-of-birth')).toEqual(['12/03/1985']);
    expect(of('出生日期：民國80年5月12日 地址', 'date-of-birth')).toEqual(['民國80年5月12日']);
    expect(found('Release 1368/04/12 build')).toEqual([]);
  });
  it('reads a Czech account after its word, a Brazilian one after its branch, a US checking account after its routing number', () => {
    expect(of('Bankovní účet: 2000145399/0800 S pozdravem', 'bank-account-number')).toEqual(['2000145399']);
    expect(of('Banco: Itaú, agência 0341, conta 48217-3 Ela também', 'bank-account-number')).toEqual(['48217-3']);
    expect(of('Refund direct deposit: routing 122105155, checking 000184772615', 'bank-account-number')).toEqual(['000184772615']);
    // (not the everyday words: a bill's account, things being checked, money saved)
    expect(found('por conta 48217-3 de luz. checking 3 items in the list, savings 20000 dollars')).toEqual([]);
  });
  it('reads an address after a Persian or a Thai label', () => {
    expect(of('نشانی: تهران، خیابان ولیعصر، کوچه شهید بهشتی، پلاک ۲۴، واحد ۷', 'street-address')).toEqual(['تهران، خیابان ولیعصر، کوچه شهید بهشتی، پلاک ۲۴، واحد ۷']);
    expect(of('ที่อยู่: 99/45 หมู่บ้านพฤกษา ถนนรามอินทรา แขวงคันนายาว กรุงเทพฯ 10230', 'street-address')).toEqual(['99/45 หมู่บ้านพฤกษา ถนนรามอินทรา แขวงคันนายาว กรุงเทพฯ 10230']);
  });
  it("reads no product's barcode as a card, nor a parcel's tracking code as a phone", () => {
    expect(found('JANコード：4901234567894 お客様相談室')).toEqual([]);
    expect(found('EAN 4006381333931')).toEqual([]);
    // (a statement's month in capitals is no barcode's label)
    expect(of('15 JAN 4539148803436467 AMAZON MKTPLACE 23.99', 'payment-card')).toEqual(['4539148803436467']);
    expect(of('For tracking call 415 555 0132', 'phone-number')).toEqual(['415 555 0132']);
    expect(of('Tracking: SMS sent to 07700 900123', 'phone-number')).toEqual(['07700 900123']);
    expect(of('Shipping address updated, tracking 1Z 999 AA1 01 2345 6784 regenerated.', 'phone-number')).toEqual([]);
    expect(of('Tracking: JD 0002 2345 6789', 'phone-number')).toEqual([]);
    // (a phone after the tracking code still is one)
    expect(of('Tracking: JD 0002 2345 6789, call 0151 23456789', 'phone-number')).toEqual(['0151 23456789']);
  });
});
