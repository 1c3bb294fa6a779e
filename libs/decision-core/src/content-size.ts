/**
 * The UTF-8 length of `text` in bytes, counted without encoding it (TextEncoder would allocate a
 * copy of up to the whole text, Buffer.byteLength does not exist in a browser). Lone surrogates
 * count 3 bytes, as the replacement character TextEncoder writes for them.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Node's native count (no copy), where there is one: the character loop takes milliseconds of the event loop on a 1 MiB text. */
const nativeByteLength = (globalThis as { Buffer?: { byteLength(text: string, encoding: 'utf8'): number } }).Buffer?.byteLength;

/**
 * Whether `text` is longer than `maxBytes` in UTF-8. Cheap for the usual short text: a UTF-16 code
 * unit is 1 to 3 bytes, so the length alone settles most cases and only the rest is counted
 * (natively on the server, by utf8ByteLength in a browser).
 */
export function exceedsUtf8Bytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return (nativeByteLength ? nativeByteLength(text, 'utf8') : utf8ByteLength(text)) > maxBytes;
}
