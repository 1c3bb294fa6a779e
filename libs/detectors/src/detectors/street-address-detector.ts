import type { Detector } from '../detector';

const SUFFIX =
  /(?<![A-Za-z])(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl|Way|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Circle|Cir|Trail|Row|Gardens|Mews)(?![A-Za-z])\.?/g;
/** number + 1-4 capitalized (or ordinal) words, anchored at the suffix */
const BEFORE = /(?<![\w.,-])(\d{1,5}[A-Za-z]?(?:-\d{1,5})?)[ \t]+((?:(?:[NSEW]\.?|[A-Z][A-Za-z'’-]*|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,4})$/;
const UNIT = /,?[ \t]+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Floor|Fl\.?|#)[ \t]*[A-Za-z0-9-]{1,6}/y;
const CITY_US = /,?[ \t]+(?:[A-Z][A-Za-z.'-]*[ \t]){0,3}[A-Z][A-Za-z.'-]*,[ \t]*[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?/y;
const CITY_UK = /,?[ \t]+(?:[A-Z][A-Za-z.'-]*[ \t]){0,2}[A-Z][A-Za-z.'-]*,?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}(?![A-Za-z0-9])/y;
const CITY_ONLY = /,[ \t]*(?:[A-Z][A-Za-z.'-]*[ \t]){0,2}[A-Z][A-Za-z.'-]+(?:,[ \t]*[A-Z]{2})?/y;

const DE = /(?<![\wÄÖÜäöüß])[A-ZÄÖÜ][a-zäöüß-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer)[ \t]+\d{1,4}[a-z]?(?:,?[ \t]+\d{5}[ \t]+[A-ZÄÖÜ][a-zäöüß-]+)?/g;
const FR =
  /(?<![\w,])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|avenue|boulevard|place|chemin|allée|impasse|quai|cours)[ \t]+(?:(?:de|du|des|la|le|l'|d')[ \t]?){0,2}[A-ZÉÈ][\wÀ-ÿ'’-]*(?:[ \t]+[A-ZÉÈa-z][\wÀ-ÿ'’-]*){0,3}?(?:,?[ \t]+\d{5}[ \t]+[A-ZÉÈ][A-Za-zÀ-ÿ-]+)?/g;

/** Street addresses where the evidence is strong: house number + street name + street-type suffix (US/UK), and German/French forms. */
export const streetAddressDetector: Detector = {
  entries: [{ id: 'street-address', dataClass: 'personal_data', description: 'Street addresses (number + street + suffix, optional city/ZIP)' }],
  detect({ text }, out) {
    const re = new RegExp(SUFFIX);
    let m: RegExpExecArray | null;
    let lastEnd = 0;
    while ((m = re.exec(text)) !== null) {
      if (m.index < lastEnd) continue;
      const winStart = Math.max(lastEnd, m.index - 60);
      const b = BEFORE.exec(text.slice(winStart, m.index));
      if (!b) continue;
      const start = winStart + b.index;
      let end = m.index + m[0].length;
      let confidence = 0.8;
      UNIT.lastIndex = end;
      const u = UNIT.exec(text);
      if (u) end += u[0].length;
      for (const city of [CITY_US, CITY_UK]) {
        city.lastIndex = end;
        const c = city.exec(text);
        if (c) {
          end += c[0].length;
          confidence = 0.95;
          break;
        }
      }
      if (confidence < 0.95) {
        CITY_ONLY.lastIndex = end;
        const c = CITY_ONLY.exec(text);
        if (c) {
          end += c[0].length;
          confidence = 0.88;
        }
      }
      out.push({ dataClass: 'personal_data', detector: 'street-address', start, end, confidence });
      lastEnd = end;
    }
    for (const r of [DE, FR]) {
      const rr = new RegExp(r);
      while ((m = rr.exec(text)) !== null) {
        const hasCity = /\d{5}/.test(m[0]);
        out.push({ dataClass: 'personal_data', detector: 'street-address', start: m.index, end: m.index + m[0].length, confidence: hasCity ? 0.93 : 0.75 });
      }
    }
  },
};
