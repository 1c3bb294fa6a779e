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

  it('joins columns with tabs and rows with newlines', () => {
    expect(copyRows([['a', null, 1], ['b', 'x\ty', 2]])).toBe('a\t\\N\t1\nb\tx\\ty\t2\n');
  });
});
