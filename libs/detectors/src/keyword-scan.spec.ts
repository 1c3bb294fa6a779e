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

  it('finds Chinese and Japanese words inside a run of letters, and Korean ones before their particle', () => {
    const words = (text: string, kind: Parameters<KeywordHits['hits']>[0]): string[] => {
      const { starts, ends } = new KeywordHits(text).hits(kind);
      return starts.map((s, i) => text.slice(s, ends[i]));
    };
    expect(words('请转到我的账号：6222', 'account')).toEqual(['账号']);
    expect(words('振込先の口座番号1234567、口座は普通', 'account')).toEqual(['口座番号', '口座']);
    expect(words('고객님의 계좌번호는 110-234', 'account')).toEqual(['계좌번호']);
    // (the longest of overlapping words; a Korean word must start one)
    expect(words('携帯電話：090', 'phone')).toEqual(['携帯電話']);
    expect(words('무전화기', 'phone')).toEqual([]);
  });
});
