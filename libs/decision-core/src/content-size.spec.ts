import { exceedsUtf8Bytes, utf8ByteLength } from './content-size';

describe('utf8ByteLength', () => {
  it.each(['', 'plain ascii', 'zoë', '€100', '日本語のテキスト', 'emoji 😀 and 👩‍💻', 'lone \ud800 surrogate', 'end \udc00'])('counts %j as TextEncoder encodes it', (text) => {
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });

  it('decides the limit from the length alone when it can, and counts near it', () => {
    expect(exceedsUtf8Bytes('a'.repeat(10), 9)).toBe(true);
    expect(exceedsUtf8Bytes('€'.repeat(3), 9)).toBe(false);
    expect(exceedsUtf8Bytes('€'.repeat(4), 11)).toBe(true);
    expect(exceedsUtf8Bytes('a'.repeat(5) + '€', 8)).toBe(false);
    expect(exceedsUtf8Bytes('a'.repeat(6) + '€', 8)).toBe(true);
  });

  it.each(['é'.repeat(600), '€'.repeat(400), '😀'.repeat(300), '\ud800x'.repeat(300)])('counts natively (Node) as the loop counts for a browser', (text) => {
    for (const max of [utf8ByteLength(text) - 1, utf8ByteLength(text)]) expect(exceedsUtf8Bytes(text, max)).toBe(utf8ByteLength(text) > max);
    expect(Buffer.byteLength(text, 'utf8')).toBe(utf8ByteLength(text));
  });
});
