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
  it("keeps 'I' the capital of 'i' when a pattern has the Turkish dotless 'ı' (whose capital is also 'I')", () => {
    expect(run(['kimlik numarası', 'oib', 'nif'], 'Kimlik numarası: 1, OIB: 2, NIF 3, oib 4')).toEqual(['Kimlik numarası', 'OIB', 'NIF', 'oib']);
    expect(run(['numarası', 'ssn'], 'NUMARASI SSN')).toEqual(['SSN']);
  });
  it("reads the Turkish capital 'İ' as 'i' (its small form is two code units)", () => {
    expect(run(['doğum tarihi', 'gizlidir'], 'DOĞUM TARİHİ: x, GİZLİDİR')).toEqual(['DOĞUM TARİHİ', 'GİZLİDİR']);
  });

  it('finds what a naive scan finds, on random text and vocabularies', () => {
    // The reference: from every word start not inside the previous match, the longest pattern equal
    // to the text there (case-insensitive) that ends on a word end or with a non-word character.
    const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
    const naive = (patterns: string[], text: string): string[] => {
      const lowered = patterns.map((p) => p.toLowerCase());
      const out: string[] = [];
      let lastEnd = 0;
      for (let i = 0; i < text.length; i++) {
        if ((i > 0 && isWord(text[i - 1])) || i < lastEnd) continue;
        let best = '';
        for (const p of lowered) {
          if (p.length <= best.length || i + p.length > text.length) continue;
          const here = text.slice(i, i + p.length);
          if (![...here].every((ch, k) => ch === p[k] || ch === p[k]!.toUpperCase())) continue;
          if (isWord(p[p.length - 1]) && isWord(text[i + p.length])) continue;
          best = p;
        }
        if (best) {
          out.push(text.slice(i, i + best.length));
          lastEnd = i + best.length;
        }
      }
      return out;
    };
    let seed = 20261206;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const alphabet = ['a', 'b', 'c', 'A', 'B', 'é', 'É', 'ñ', '1', ' ', ' ', '-', '_', '.', '©', '/', "'", '\n'];
    const word = (max: number) => Array.from({ length: 1 + rand(max) }, () => alphabet[rand(alphabet.length)]).join('');
    for (let round = 0; round < 400; round++) {
      const patterns = Array.from({ length: 1 + rand(12) }, () => word(6).toLowerCase()).filter((p) => p.trim() !== '');
      if (patterns.length === 0) continue;
      const text = Array.from({ length: 5 + rand(30) }, () => (rand(3) === 0 ? patterns[rand(patterns.length)]!.toUpperCase() : word(5))).join(rand(2) ? ' ' : '');
      expect(run(patterns, text)).toEqual(naive(patterns, text));
    }
  });
});
