import { editedFieldsFromAudit, explainRiskChange, factsOfEntry, isStale, mergeRelease, oldestKeySourceAsOf } from './catalog-release';

const base = factsOfEntry({ name: 'Mistral Le Chat', trainsOnInputs: 'no', notes: 'old', domains: ['chat.mistral.ai'], sources: [] });
const next = factsOfEntry({
  name: 'Mistral Le Chat',
  trainsOnInputs: 'opt_out',
  notes: 'new',
  domains: ['chat.mistral.ai'],
  sources: [{ fact: 'training', url: 'https://help.mistral.ai/x', asOf: '2026-12-02', topic: 'training', kind: 'provider' }],
});

describe('mergeRelease', () => {
  it('applies the release to facts the organization did not edit, naming the source', () => {
    const r = mergeRelease({ slug: 'm', name: 'Mistral Le Chat', current: base, baseline: base, editedFields: new Set(), next });
    expect(r.update).toMatchObject({ trainsOnInputs: 'opt_out', notes: 'new' });
    const training = r.changes.find((c) => c.field === 'trainsOnInputs')!;
    expect(training.outcome).toBe('applied');
    expect(training.summary).toBe('Mistral Le Chat: training on inputs changed from no to opt_out, source https://help.mistral.ai/x');
  });

  it("keeps the organization's own edits and says what the catalog now says", () => {
    const current = { ...base, notes: 'our own note' };
    const r = mergeRelease({ slug: 'm', name: 'Mistral Le Chat', current, baseline: base, editedFields: new Set(), next });
    expect(r.update.notes).toBeUndefined();
    expect(r.changes.find((c) => c.field === 'notes')!.outcome).toBe('kept_own_edit');
  });

  it('uses the audit log for rows seeded before baselines existed', () => {
    const edited = editedFieldsFromAudit([{ before: { notes: 'old', status: 'under_review' }, after: { notes: 'ours', status: 'approved' } }]);
    expect([...edited]).toEqual(['notes']);
    const r = mergeRelease({ slug: 'm', name: 'Mistral Le Chat', current: { ...base, notes: 'ours' }, baseline: null, editedFields: edited, next });
    expect(r.update).toEqual(expect.objectContaining({ trainsOnInputs: 'opt_out' }));
    expect(r.update.notes).toBeUndefined();
  });

  it('says nothing when the release equals the copy', () => {
    expect(mergeRelease({ slug: 'm', name: 'M', current: next, baseline: base, editedFields: new Set(), next }).changes).toEqual([]);
  });
});

describe('risk and staleness', () => {
  it('explains a moved score by the factors that came and went', () => {
    const change = explainRiskChange('m', 'M', { score: 5, factors: [{ id: 'no_zero_retention', points: 5, explanation: 'x' }] }, { score: 15, factors: [{ id: 'no_zero_retention', points: 5, explanation: 'x' }, { id: 'trains_on_inputs', points: 10, explanation: 'Trains unless opted out.' }] });
    expect(change).toMatchObject({ from: 5, to: 15, added: [{ id: 'trains_on_inputs' }], removed: [] });
    expect(change!.explanation).toContain('+10: Trains unless opted out.');
    expect(explainRiskChange('m', 'M', { score: 5, factors: [] }, { score: 5, factors: [] })).toBeNull();
  });

  it('dates a profile by the newest source of each key topic, and flags it when older than the setting', () => {
    const sources = [
      { topic: 'training', asOf: '2024-01-01' },
      { topic: 'training', asOf: '2026-06-01' },
      { topic: 'storage', asOf: '2025-03-01' },
      { topic: 'sharing', asOf: '2020-01-01' },
    ];
    expect(oldestKeySourceAsOf(sources)).toBe('2025-03-01');
    expect(isStale('2025-03-01', 365, new Date('2026-12-02'))).toBe(true);
    expect(isStale('2026-03-01', 365, new Date('2026-12-02'))).toBe(false);
    expect(isStale(null, 365)).toBe(false);
  });
});
