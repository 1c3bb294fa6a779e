import { bindParser, unboundParser } from './parsers/dns';
import { csvParser } from './parsers/csv';
import { squidCommonParser, squidNativeParser } from './parsers/squid';
import { zeekParser } from './parsers/zeek';
import { zscalerCsvParser, zscalerJsonParser } from './parsers/zscaler';
import { type DiscoveryFormat, isBad, type LineParser, type ParserOptions } from './types';

export function createParser(format: DiscoveryFormat, options: ParserOptions = {}): LineParser {
  switch (format) {
    case 'squid':
      return squidNativeParser(options);
    case 'squid-common':
      return squidCommonParser(options);
    case 'zscaler-csv':
      return zscalerCsvParser(options);
    case 'zscaler-json':
      return zscalerJsonParser(options);
    case 'bind':
      return bindParser(options);
    case 'unbound':
      return unboundParser(options);
    case 'zeek':
      return zeekParser(options);
    case 'csv':
      return csvParser(options);
  }
}

/** Most specific first: on a tie the earlier format wins (a Zscaler feed is also some CSV). */
const ORDER: readonly DiscoveryFormat[] = ['zeek', 'zscaler-json', 'squid', 'squid-common', 'bind', 'unbound', 'zscaler-csv', 'csv'];

export interface Detection {
  format: DiscoveryFormat;
  /** Sample lines the format read as records. */
  records: number;
  /** Sample lines it counted as bad. */
  bad: number;
}

/**
 * Which format the sample lines (the start of the file) are in: each parser reads them, and the
 * one that reads the most lines as records wins, provided at least half of the lines it did not
 * skip are records. Null when no format reads the sample.
 */
export function detectFormat(sample: readonly string[], options: ParserOptions = {}): Detection | null {
  let best: Detection | null = null;
  for (const format of ORDER) {
    const parser = createParser(format, options);
    let records = 0;
    let bad = 0;
    for (const line of sample) {
      const r = parser.parse(line);
      if (r === null) continue;
      if (isBad(r)) bad++;
      else records++;
    }
    if (records === 0 || records < bad) continue;
    if (best === null || records - bad > best.records - best.bad) best = { format, records, bad };
  }
  return best;
}
