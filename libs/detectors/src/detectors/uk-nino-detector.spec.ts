import { compileInspector } from '../inspector';
import { expectWithin } from '../timing.test-helper';

const inspector = compileInspector({ classes: ['government_id'] });
const ninos = (text: string): string[] =>
  inspector.inspect(text).filter((f) => f.detector === 'uk-national-insurance-number').map((f) => text.slice(f.start, f.end));

describe('UK National Insurance numbers after a bare "NI"', () => {
  it.each([
    ['NI ab 12 34 56 c', 'ab 12 34 56 c'],
    ['my NI is ab 12 34 56 c thanks', 'ab 12 34 56 c'],
    ['NI: ab123456c', 'ab123456c'],
    ['NI no jg 10 37 29 d', 'jg 10 37 29 d'],
    ['NI No. Jg-10-37-29-D', 'Jg-10-37-29-D'],
    ['N.I. jg103729d', 'jg103729d'],
    ['n.i. number: jg 10 37 29 d', 'jg 10 37 29 d'],
    ['ni - jg 10 37 29 d', 'jg 10 37 29 d'],
    ['name: Jo Bloggs, NI JG 10 37 29 D', 'JG 10 37 29 D'],
  ])('%j', (text, value) => {
    expect(ninos(text)).toEqual([value]);
  });

  it.each([
    // "ni" as a word of prose, a chemical symbol, Northern Ireland
    'ni hao, ni una palabra más',
    'Ni 28 58.69 is nickel',
    'ni ab 12 34 56',
    'NI teams played ab 12 34 56 c later', // not right after the word
    // numbers that break the prefix rules (QQ is HMRC's specimen prefix, never issued), or a suffix past D
    'NI qq 12 34 56 c',
    'NI gb 12 34 56 a',
    'NI ab 12 34 56 e',
    // inconsistent spacing, digits glued to more digits or letters
    'NI ab 12-34 56 c',
    'NI ab 12 34 56 c9',
  ])('nothing in %j', (text) => {
    expect(ninos(text)).toEqual([]);
  });

  it('stays linear after "NI" and long runs of blanks (100 KB)', () => {
    for (const t of [`NI no${' '.repeat(100_000)}x`, 'NI no '.repeat(20_000), `NI:${' '.repeat(100_000)}`, 'ni ab 12 '.repeat(12_000)]) {
      expectWithin(1500, () => inspector.inspect(t));
    }
  });
});
