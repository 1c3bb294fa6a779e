import { KeywordAutomaton } from './keyword-automaton';

const run = (patterns: string[], text: string): string[] => {
  const out: string[] = [];
  new KeywordAutomaton(patterns).search(text, (s, e) => out.push(text.slice(s, e)));
  return out;
};

describe('KeywordAutomaton', () => {
  it('matches whole words case-insensitively; _ and - separate words', () => {
    expect(run(['password', 'ssn'], 'DB_PASSWORD=x, my-ssn, Passwords, SSN#')).toEqual(['PASSWORD', 'ssn', 'SSN']);
  });
  it('prefers the longest match starting at the same place', () => {
    expect(run(['confidential', 'strictly confidential', 'confidentiality notice'], 'STRICTLY CONFIDENTIAL / Confidentiality Notice')).toEqual([
      'STRICTLY CONFIDENTIAL',
      'Confidentiality Notice',
    ]);
  });
  it('never matches inside a word', () => {
    expect(run(['ip', 'from'], 'ship tip ip wherefrom from-x')).toEqual(['ip', 'from']);
    expect(run(['date of birth'], 'update of birth; Date of Birth')).toEqual(['Date of Birth']);
  });
  it('handles patterns with non-ASCII characters', () => {
    expect(run(['©', 'né le', 'contraseña'], '© 2024 — né le 3 mai, Contraseña: x')).toEqual(['©', 'né le', 'Contraseña']);
  });
});
