import { describe, expect, it } from '@jest/globals';
import { matchNameOrKey } from './useDataClassChoices';

describe('matchNameOrKey (pickers show names; a typed key or slug still finds the choice)', () => {
  const choice = { id: 'source_code', name: 'Source code' };
  it('finds a choice by its name, whatever the case', () => {
    expect(matchNameOrKey('sOuRcE', choice)).toBe(true);
  });
  it('finds a choice by its key, which is not shown', () => {
    expect(matchNameOrKey('source_code', choice)).toBe(true);
    expect(matchNameOrKey('moonshot-kimi', { id: 'moonshot-kimi', name: 'Kimi' })).toBe(true);
  });
  it('offers every choice for an empty filter and none for a stranger', () => {
    expect(matchNameOrKey('  ', choice)).toBe(true);
    expect(matchNameOrKey('health', choice)).toBe(false);
  });
});
