import { Tooltip } from '@mui/material';
import { useLocaleState } from 'react-admin';

const cache = new Map<string, Intl.DisplayNames | null>();
function displayNames(locale: string): Intl.DisplayNames | null {
  if (!cache.has(locale)) {
    try {
      cache.set(locale, new Intl.DisplayNames([locale], { type: 'region' }));
    } catch {
      cache.set(locale, null);
    }
  }
  return cache.get(locale) ?? null;
}

export function countryName(code: string, locale = 'en'): string {
  try {
    return displayNames(locale)?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function useCountryName() {
  const [locale] = useLocaleState();
  return (code: string) => countryName(code, locale);
}

/** "US, IE" with the full country names on hover (and for screen readers). */
export function CountryCodes({ codes }: { codes: readonly string[] | null | undefined }) {
  const name = useCountryName();
  if (!codes?.length) return <span>—</span>;
  return (
    <span>
      {codes.map((c, i) => (
        <span key={c}>
          {i > 0 ? ', ' : ''}
          <Tooltip title={name(c)}>
            <abbr title={name(c)} style={{ textDecoration: 'none' }}>
              {c}
            </abbr>
          </Tooltip>
        </span>
      ))}
    </span>
  );
}

/** ISO 3166-1 alpha-2 codes, for country pickers. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export function useCountryChoices() {
  const name = useCountryName();
  return COUNTRY_CODES.map((id) => ({ id, name: `${name(id)} (${id})` }));
}
