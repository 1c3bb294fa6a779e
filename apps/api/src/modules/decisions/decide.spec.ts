import { MAX_CONTENT_BYTES } from '@airlock/contracts';
import { exceedsUtf8Bytes } from '@airlock/decision-core';
import { overContentLimit } from './decide';

describe('overContentLimit: the server counts UTF-8 bytes natively, as decision-core counts them in a browser', () => {
  const cases: [string, string][] = [
    ['ASCII at the limit', 'x'.repeat(MAX_CONTENT_BYTES)],
    ['ASCII one over', 'x'.repeat(MAX_CONTENT_BYTES + 1)],
    ['2-byte characters at the limit', 'é'.repeat(MAX_CONTENT_BYTES / 2)],
    ['2-byte characters one over', 'é'.repeat(MAX_CONTENT_BYTES / 2) + 'x'],
    ['3-byte characters under', '€'.repeat(Math.floor(MAX_CONTENT_BYTES / 3))],
    ['3-byte characters over', '€'.repeat(Math.floor(MAX_CONTENT_BYTES / 3) + 1)],
    ['surrogate pairs (4 bytes each) at the limit', '😀'.repeat(MAX_CONTENT_BYTES / 4)],
    ['surrogate pairs one over', '😀'.repeat(MAX_CONTENT_BYTES / 4) + 'x'],
    ['lone surrogates count 3 bytes (the replacement character)', '\ud800x'.repeat(Math.floor(MAX_CONTENT_BYTES / 4) + 1)],
    ['short', 'hello'],
  ];
  test.each(cases)('%s', (_what, text) => {
    expect(overContentLimit(text)).toBe(exceedsUtf8Bytes(text, MAX_CONTENT_BYTES));
  });
});
