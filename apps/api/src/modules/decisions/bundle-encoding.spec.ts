import { takesGzip } from './decisions.controller';

describe('takesGzip (Accept-Encoding of GET /v1/bundle)', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['*', true],
    ['identity', false],
    ['deflate, br', false],
    ['gzip;q=0', false],
    ['gzip;q=0.000, *', false],
    ['gzip ; q=0 , identity', false],
    ['GZIP;Q=0, *', false],
    ['gzip;q=0.5, identity;q=1', false],
    ['x-gzip', false],
  ])('%p → %p', (header, expected) => {
    expect(takesGzip(header)).toBe(expected);
  });
});
