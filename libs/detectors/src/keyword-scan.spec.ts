import { KeywordHits } from './keyword-scan';

describe('KeywordHits', () => {
  it('finds the words of every script, each script by its own automaton, and keeps a kind\'s hits in text order', () => {
    const text = '대외비 – 人事 社外秘, סודי ביותר; CONFIDENTIAL; 기밀 内部资料 سري للغاية';
    const { starts, ends } = new KeywordHits(text).hits('marking');
    expect(starts.map((s, i) => text.slice(s, ends[i]))).toEqual(['대외비', '社外秘', 'סודי ביותר', 'CONFIDENTIAL', '기밀', '内部资料', 'سري للغاية']);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('finds the Latin words and the Chinese ones of one text; a text of Latin letters alone has no other script', () => {
    const hits = new KeywordHits('Konfidentiellt – endast lön; 社外秘');
    expect(hits.otherScript).toBe(true);
    expect(hits.hits('marking').starts).toHaveLength(2);
    expect(new KeywordHits('CONFIDENTIAL').otherScript).toBe(false);
  });
});
