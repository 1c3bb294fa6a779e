import { caseBase, inflectingText } from './slavic-cases';

const lists = new Set(['wojciech', 'kowalski', 'kowalska', 'anna', 'maria', 'marek', 'paweł', 'novák', 'nováková', 'иванов', 'анна', 'мария', 'сергей', 'олена']);
const known = (w: string): boolean => lists.has(w);

describe('slavic-cases: the nominative of a name in another case', () => {
  it.each([
    ['wojciechem', 'wojciech'], ['kowalskiego', 'kowalski'], ['kowalskim', 'kowalski'], ['kowalskiej', 'kowalska'], ['kowalską', 'kowalska'],
    ['annie', 'anna'], ['anną', 'anna'], ['annę', 'anna'], ['marii', 'maria'], ['markiem', 'marek'], ['pawła', 'paweł'],
    ['novákem', 'novák'], ['novákovi', 'novák'], ['novákové', 'nováková'],
    ['ивановым', 'иванов'], ['ивановa'.replace('a', 'а'), 'иванов'], ['анной', 'анна'], ['марией', 'мария'], ['сергея', 'сергей'], ['олені', 'олена'],
  ])('%s -> %s', (word, base) => {
    expect(caseBase(word, known)).toBe(base);
  });

  it('finds nothing for a word whose stem no list knows, or too short a stem', () => {
    expect(caseBase('faktury', known)).toBeUndefined();
    expect(caseBase('ma', known)).toBeUndefined();
  });

  it('reads a text as Slavic by the density of its letters, not by one word', () => {
    expect(inflectingText('Rozmawiałem z Wojciechem o fakturze, jutro spotkanie u Pietrzaka.')).toBe(true);
    expect(inflectingText('Передайте отчёт Ивану Петрову.')).toBe(true);
    expect(inflectingText(`${'The quarterly report covers sales in every region. '.repeat(20)}Łódź`)).toBe(false);
  });
});
