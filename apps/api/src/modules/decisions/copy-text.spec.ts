import { copyRows, copyValue } from './copy-text';

describe('COPY text format', () => {
  it.each([
    [null, '\\N'],
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['new\nline\r', 'new\\nline\\r'],
    ['back\\slash', 'back\\\\slash'],
    [42, '42'],
    [Number.NaN, '\\N'],
    [true, 't'],
    [new Date('2026-11-29T10:00:00.123Z'), '2026-11-29T10:00:00.123Z'],
    [[], '{}'],
    [['corporate', 'vpn'], '{"corporate","vpn"}'],
    [['with "quote"', 'with,comma', 'back\\slash'], '{"with \\\\"quote\\\\"","with,comma","back\\\\\\\\slash"}'],
    [['NULL'], '{"NULL"}'],
  ])('encodes %p', (value, expected) => {
    expect(copyValue(value as never)).toBe(expected);
  });

  it('encodes a frozen list once and reuses it; an unfrozen one is encoded afresh', () => {
    const frozen = Object.freeze(['a\tb', 'c']);
    expect(copyValue(frozen)).toBe('{"a\\tb","c"}');
    expect(copyValue(frozen)).toBe('{"a\\tb","c"}');
    const open = ['x'];
    expect(copyValue(open)).toBe('{"x"}');
    open[0] = 'y';
    expect(copyValue(open)).toBe('{"y"}');
  });

  it('joins columns with tabs and rows with newlines', () => {
    expect(copyRows([['a', null, 1], ['b', 'x\ty', 2]])).toBe('a\t\\N\t1\nb\tx\\ty\t2\n');
  });
});
