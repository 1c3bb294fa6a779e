import { AhoCorasick } from './aho-corasick';
import { expectWithin } from './timing.test-helper';

describe('AhoCorasick', () => {
  it('finds every entry in one pass, case-insensitive and whole-word by default', () => {
    const ac = new AhoCorasick(['Globex', 'Initech Corp', 'Acme']);
    const text = 'Globex and INITECH CORP met; AcmeCorp is not Acme.';
    expect(ac.search(text).map((m) => text.slice(m.start, m.end))).toEqual(['Globex', 'INITECH CORP', 'Acme']);
  });
  it('respects caseSensitive and wholeWord options', () => {
    const text = 'acme and Acme and Acmeville';
    expect(new AhoCorasick(['Acme'], { caseSensitive: true }).search(text).map((m) => m.start)).toEqual([9]);
    expect(new AhoCorasick(['Acme'], { wholeWord: false }).search(text)).toHaveLength(3);
  });
  it('reports the longest entry ending at a position, with overlapping entries', () => {
    const ac = new AhoCorasick(['he', 'she', 'hers', 'his']);
    const text = 'ushers his';
    expect(ac.search(text).map((m) => text.slice(m.start, m.end))).toEqual(['his']); // nothing whole-word inside "ushers"
    const any = new AhoCorasick(['he', 'she', 'hers'], { wholeWord: false });
    expect(any.search('ushers').map((m) => 'ushers'.slice(m.start, m.end))).toEqual(['she', 'hers']);
  });
  it('handles non-ASCII entries and UTF-16 offsets', () => {
    const ac = new AhoCorasick(['Müller GmbH', 'Société Générale']);
    const text = '😀 MÜLLER GMBH and société générale';
    const m = ac.search(text);
    expect(m.map((x) => text.slice(x.start, x.end))).toEqual(['MÜLLER GMBH', 'société générale']);
    expect(m[0]!.start).toBe(3);
  });
  it('matches a 10,000-name dictionary in one pass over a long text', () => {
    const names = Array.from({ length: 10000 }, (_, i) => `Client ${i.toString(36)} Holdings`);
    const ac = new AhoCorasick(names);
    const parts: string[] = [];
    for (let i = 0; i < 2000; i++) parts.push(i % 100 === 0 ? `met client ${((i * 7) % 10000).toString(36)} holdings today.` : 'nothing to see here, just ordinary prose.');
    const text = parts.join(' ');
    const hits = ac.search(text);
    expect(hits).toHaveLength(20);
    expect(hits.every((h) => /^client [0-9a-z]+ holdings$/.test(text.slice(h.start, h.end)))).toBe(true);
    // one pass: ~90 KB against 10k entries takes milliseconds, not entries x text
    expectWithin(200, () => ac.search(text));
  });
  it('finds what a naive search finds, on random dictionaries of branching and single-child words', () => {
    let seed = 11;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const syllables = ['ka', 'ro', 'mi', 'ne', 'Ta', 'lo', 'é', 'su'];
    const word = (): string => Array.from({ length: 1 + rnd(3) }, () => syllables[rnd(syllables.length)]).join('');
    const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
    /** every start where an entry matches, the longest entry ending at each end, as AhoCorasick reports */
    const naive = (patterns: string[], text: string): string[] => {
      const byEnd = new Map<number, { start: number; end: number; pattern: number }>();
      const t = text.toLowerCase();
      patterns.forEach((p, i) => {
        const q = p.toLowerCase();
        for (let s = t.indexOf(q); s !== -1 && q.length > 0; s = t.indexOf(q, s + 1)) {
          const e = s + q.length;
          if ((isWordChar(text[s - 1]) && isWordChar(text[s])) || (isWordChar(text[e]) && isWordChar(text[e - 1]))) continue;
          const prev = byEnd.get(e);
          if (!prev || q.length > prev.end - prev.start || (q.length === prev.end - prev.start && i < prev.pattern)) byEnd.set(e, { start: s, end: e, pattern: i });
        }
      });
      return [...byEnd.values()].sort((a, b) => a.end - b.end).map((m) => `${m.start}-${m.end}`);
    };
    for (let k = 0; k < 300; k++) {
      const patterns = Array.from({ length: 1 + rnd(15) }, word);
      const text = Array.from({ length: 25 }, () => (rnd(2) ? word() : 'x')).join(rnd(2) ? ' ' : ', ');
      expect(new AhoCorasick(patterns).search(text).map((m) => `${m.start}-${m.end}`)).toEqual(naive(patterns, text));
    }
  });
});
