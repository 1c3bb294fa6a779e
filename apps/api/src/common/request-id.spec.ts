import { requestIdFor } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const withHeader = (v: string | string[] | undefined) => ({ headers: v === undefined ? {} : { 'x-request-id': v } });

describe('requestIdFor', () => {
  it.each(['abc-123', 'trace:1.2_3', 'x'.repeat(128), '0b7f6c1e-3f4a-4d5e-9a1b-2c3d4e5f6a7b'])('keeps a well-formed client id %#', (id) => {
    expect(requestIdFor(withHeader(id))).toBe(id);
  });
  it.each([['too long', 'x'.repeat(129)], ['3,015 characters', 'a'.repeat(3015)], ['spaces', 'a b'], ['a newline', 'a\nb'], ['quotes', '"x"'], ['non-ASCII', 'é'], ['empty', '']])(
    'replaces an id with %s by a UUID',
    (_what, id) => {
      expect(requestIdFor(withHeader(id))).toMatch(UUID);
    },
  );
  it('generates one when the header is missing or repeated', () => {
    expect(requestIdFor(withHeader(undefined))).toMatch(UUID);
    expect(requestIdFor(withHeader(['a', 'b']))).toMatch(UUID);
  });
});
