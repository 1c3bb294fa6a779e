/**
 * Obfuscated values (issue 20): each sample hides one sensitive value with a common trick. Caught = a
 * finding of the labelled class overlaps the value AND redacting the findings leaves fewer than 4 of
 * the value's letters/digits visible. Written for this project; markup as in realistic.mjs.
 */
const ZW = '\u200B', ZWNJ = '\u200C', ZWJ = '\u200D', WJ = '\u2060', SHY = '\u00AD', NBSP = '\u00A0', BOM = '\uFEFF';
export const OBFUSCATIONS = [
  // zero-width and invisible characters
  `mail me at [[personal_data:email|lena${ZW}.krause@pos${ZW}teo.de]] tonight`,
  `key id [[credentials:aws-access-key-id|AKIA${ZWJ}3KD7QP${ZWNJ}2XLMRT4WZQ]] was rotated`,
  `card [[financial:payment-card|5371${WJ} 9822${WJ} 0461${WJ} 5834]] expires 09/28`,
  `token [[credentials:github-token|ghp_${BOM}Zt8Qw2Lx9Mv4Rb7${SHY}Nc1Kp5Hs3Jd6Fg0Ya2We9]]`,
  `SSN [[government_id:us-ssn|536${ZW}-${ZW}82${ZW}-${ZW}4417]] on file`,
  // fullwidth and compatibility forms
  `card number [[financial:payment-card|４５３９ １６７０ ２２８４ ６１３２]] please charge`,
  `email [[personal_data:email|ｒａｊ．ｐａｔｅｌ＠ｆａｓｔｍａｉｌ．ｃｏｍ]]`,
  `key [[credentials:aws-access-key-id|ＡＫＩＡ３ＫＤ７ＱＰ２ＸＬＭＲＴ４ＷＺＱ]]`,
  `phone [[personal_data:phone-number|＋４４ ７８８３ ９１８４４２]]`,
  `IBAN [[financial:iban|𝐃𝐄𝟒𝟒𝟓𝟎𝟎𝟏𝟎𝟓𝟏𝟕𝟓𝟒𝟎𝟕𝟑𝟐𝟒𝟗𝟑𝟏]]`,
  // look-alike letters (Cyrillic/Greek)
  `write to [[personal_data:email|mаrtin.dubоis@lаposte.net]] about the lease`,
  `export AWS_ACCESS_KEY_ID=[[credentials:aws-access-key-id|АКIА3KD7QP2XLMRT4WZQ]]`,
  `token: [[credentials:github-token|ghр_Zt8Qw2Lx9Mv4Rb7Nc1Kp5Hs3Jd6Fg0Ya2We9]]`,
  `password=[[credentials:password-assignment|Рa55wοrd!Winter24]]`,
  // Unicode hyphens, dashes and spaces
  `SSN: [[government_id:us-ssn|536‐82‐4417]]`,
  `call [[personal_data:phone-number|+1 415‑555‑2671]] after 5`,
  `card [[financial:payment-card|6011–0044–8812–9350]]`,
  `phone [[personal_data:phone-number|+49${NBSP}30${NBSP}2345${NBSP}6789]]`,
  `card [[financial:payment-card|4539${NBSP}1670${NBSP}2284${NBSP}6132]]`,
  `UK NI number [[government_id:uk-national-insurance-number|QQ−12−34−56−C]]`.replace('QQ', 'AB'),
  // values broken by line breaks or string concatenation
  `const key = "[[credentials:aws-access-key-id|AKIA3KD7" + "QP2XLMRT4WZQ]]";`,
  `token = '[[credentials:github-token|ghp_Zt8Qw2Lx9Mv4' + 'Rb7Nc1Kp5Hs3Jd6Fg0Ya2We9]]'`,
  `secret = ("[[credentials:openai-api-key|sk-proj-8fK2mQ9xLz4" "Rt7Wv1Nc5Hb3Jd6Pq0Sg2Ye8Ua4Io7Lk]]")`,
  `email = "[[personal_data:email|tobias.engel" + "@" + "web.de]]"`,
  `card on file:\n[[financial:payment-card|4539 1670\n2284 6132]]`,
  `AWS key:\n[[credentials:aws-access-key-id|AKIA3KD7QP\nXLMRT4W2ZQ]]`,
  `ssh key starts [[credentials:github-token|ghp_Zt8Qw2Lx9Mv4Rb7Nc1Kp5\\\n    Hs3Jd6Fg0Ya2We9]]`,
  `String k = "[[credentials:stripe-key|sk_live_51Hx8" +\n  "Qw2Lx9Mv4Rb7Nc1Kp5Hs3Jd]]";`,
  // base64
  `config blob: [[credentials|cGFzc3dvcmQ9VHIwdWI0ZG9yJjN4Sw==]]`,
  `env (b64): [[credentials|YXdzX3NlY3JldF9hY2Nlc3Nfa2V5PUhrM0pkOExxMldtOVh6NFJ0N1lwMVZiNk5jNUZnMFNlOFVhM0lvMng=]]`,
  `note: [[personal_data:email|Y29udGFjdCBsZW5hLmtyYXVzZUBwb3N0ZW8uZGU=]]`,
  `t=[[credentials:github-token|Z2hwX1p0OFF3Mkx4OU12NFJiN05jMUtwNUhzM0pkNkZnMFlhMldlOQ==]]`,
  // escape sequences
  `"email": "[[personal_data:email|\\u0074\\u006f\\u0062\\u0069\\u0061\\u0073\\u002e\\u0065\\u006e\\u0067\\u0065\\u006c\\u0040\\u0077\\u0065\\u0062\\u002e\\u0064\\u0065]]"`,
  `key = "[[credentials:aws-access-key-id|\\x41\\x4b\\x49\\x41\\x33\\x4b\\x44\\x37\\x51\\x50\\x32\\x58\\x4c\\x4d\\x52\\x54\\x34\\x57\\x5a\\x51]]"`,
  `?to=[[personal_data:email|%74%6F%62%69%61%73%2E%65%6E%67%65%6C%40%77%65%62%2E%64%65]]&subject=hi`,
  `mailto:[[personal_data:email|raj.patel%40fastmail.com]]`,
  `"card": "[[financial:payment-card|\\u0034\\u0035\\u0033\\u0039\\u0031\\u0036\\u0037\\u0030\\u0032\\u0032\\u0038\\u0034\\u0036\\u0031\\u0033\\u0032]]"`,
  `html: [[personal_data:email|lena.krause&#64;posteo.de]]`,
  // spelled-out separators
  `reach me: [[personal_data:email|lena.krause [at] posteo [dot] de]]`,
  `my mail is [[personal_data:email|raj.patel at fastmail dot com]]`,
  `contact [[personal_data:email|martin(at)laposte(dot)net]]`,
  // separators that are not the usual ones
  `card [[financial:payment-card|4539.1670.2284.6132]] charged twice`,
  `card [[financial:payment-card|4539_1670_2284_6132]] on hold`,
  `card [[financial:payment-card|5371 | 9822 | 0461 | 5834]] please`,
  // typed with wider gaps, or a separator between every character
  `key [[credentials:stripe-key|s  k  _  l  i  v  e  _  5  1  H  x  8  Q  w  2  L  x  9  M  v  4  R  b  7  N  c  1  K  p  5  H  s  3  J  d]] ok`,
  `card\t[[financial:payment-card|6\t0\t1\t1\t0\t0\t4\t4\t8\t8\t1\t2\t9\t3\t5\t0]]\texp 09/28`,
  `card [[financial:payment-card|4 - 5 - 3 - 9 - 1 - 6 - 7 - 0 - 2 - 2 - 8 - 4 - 6 - 1 - 3 - 2]] thanks`,
  // Python string building
  `key = [[credentials:openai-api-key|''.join(['sk-proj-', '8fK2mQ9xLz4Rt7Wv1Nc5', 'Hb3Jd6Pq0Sg2Ye8Ua4Io7Lk'])]]`,
  `key_id = [[credentials:aws-access-key-id|"".join(("AKIA3KD7", "QP2XLMRT4WZQ"))]]`,
  `key_id = [[credentials:aws-access-key-id|'%s%s' % ('AKIA3KD7', 'QP2XLMRT4WZQ')]]`,
  // digits spelled out in words, card groups with mixed separators, a token written backwards, hex in an assignment
  `the card number is [[financial:payment-card|four five three nine one six seven oh two two eight four six one three two]], exp nine twenty-eight`,
  `SSN: [[government_id:us-ssn|five three six - eight two - four four one seven]] on file`,
  `reach me on [[personal_data:phone-number|plus one, four one five, five five five, two six seven one]] after six`,
  `paid with [[financial:payment-card|5371.9822-0461 5834]] yesterday`,
  `token (reversed): [[credentials:github-token|9eW2aY0gF6dJ3sH5pK1cN7bR4vM9xL2wQ8tZ_phg]]`,
  `MAPS_KEY_HEX=[[credentials:google-api-key|41497a61537944336b5839714c6d325674375277344e63384862314a7036466730597335556532]]`,
];
