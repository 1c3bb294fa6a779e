import { BUILTIN_DATA_CLASSES, DATA_CLASS_ID_PATTERN } from './data-classes';
import { EFFECT_RANK, explainEffect, mostRestrictive } from './effect';
import { EFFECTS, type Effect } from './types';

describe('mostRestrictive', () => {
  it.each<[Effect, Effect, Effect]>([
    ['allow', 'allow', 'allow'],
    ['allow', 'warn', 'warn'],
    ['warn', 'redact', 'redact'],
    ['redact', 'block', 'block'],
    ['block', 'allow', 'block'],
    ['redact', 'warn', 'redact'],
  ])('%s + %s = %s', (a, b, expected) => {
    expect(mostRestrictive(a, b)).toBe(expected);
    expect(mostRestrictive(b, a)).toBe(expected);
  });

  it('ranks block > redact > warn > allow', () => {
    expect([...EFFECTS].sort((a, b) => EFFECT_RANK[b] - EFFECT_RANK[a])).toEqual(['block', 'redact', 'warn', 'allow']);
  });

  it('explains every effect', () => {
    for (const e of EFFECTS) expect(explainEffect(e)).toMatch(/\.$/);
  });
});

describe('BUILTIN_DATA_CLASSES', () => {
  it('has the nine built-in ids, each with a label and a one-line description', () => {
    expect(BUILTIN_DATA_CLASSES.map((c) => c.id)).toEqual([
      'credentials',
      'personal_data',
      'health_data',
      'financial',
      'government_id',
      'client_information',
      'company_confidential',
      'source_code',
      'creative_work',
    ]);
    for (const c of BUILTIN_DATA_CLASSES) {
      expect(c.id).toMatch(DATA_CLASS_ID_PATTERN);
      expect(c.label).not.toBe('');
      expect(c.description).toMatch(/^[A-Z][^\n]+\.$/);
    }
  });
});
