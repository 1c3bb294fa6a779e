import { strToU8, zipSync } from 'fflate';

/**
 * A zip whose central directory declares `declared` bytes for `entry` (a zip bomb as its directory
 * describes it, without spending the seconds and memory a real one costs to build): what the
 * up-front size check reads. Test helper, not exported by the library.
 */
export function lyingZip(entries: Record<string, string>, entry: string, declared: number): Uint8Array {
  const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)])));
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = strToU8(entry);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const len = view.getUint16(i + 28, true);
    const here = zip.subarray(i + 46, i + 46 + len);
    if (len === name.length && here.every((b, j) => b === name[j])) {
      view.setUint32(i + 24, declared, true); // uncompressed size in the central directory
      return zip;
    }
  }
  throw new Error(`no entry ${entry}`);
}
