import { mulberry32 } from './mulberry32';

describe('mulberry32', () => {
  it('gives the same numbers in [0, 1) for the same seed, other numbers for another', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(8)()).not.toBe(first[0]);
  });
});
