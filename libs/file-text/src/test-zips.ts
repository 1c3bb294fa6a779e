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

const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const rels = (list: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

/**
 * A minimal XLSX from raw worksheet XML (the inside of `<worksheet>`), an optional shared-strings
 * table and other parts: hostile spreadsheets as their XML says, which a writer would not produce.
 */
export function rawXlsx(sheets: string[], opts: { sharedStrings?: string[]; extra?: Record<string, string>; hidden?: number[]; sheetRels?: Record<number, [string, string, string][]> } = {}): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${SHEET_NS}><sheets>${sheets
      .map((_, i) => `<sheet name="Sheet${i + 1}" sheetId="${i + 1}" state="${opts.hidden?.includes(i) ? 'hidden' : 'visible'}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels([
      ...sheets.map((_, i): [string, string, string] => [`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`]),
      ...(opts.sharedStrings ? [['rIdS', 'sharedStrings', 'sharedStrings.xml'] as [string, string, string]] : []),
    ]),
    ...opts.extra,
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0"?><worksheet ${SHEET_NS}>${xml}</worksheet>`));
  for (const [i, list] of Object.entries(opts.sheetRels ?? {})) files[`xl/worksheets/_rels/sheet${Number(i) + 1}.xml.rels`] = rels(list);
  if (opts.sharedStrings) {
    files['xl/sharedStrings.xml'] = `<?xml version="1.0"?><sst ${SHEET_NS}>${opts.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`;
  }
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

/** A spreadsheet whose text is far larger than its file: one long shared string in every cell of `rows` x 100. */
export function sharedStringsBomb(rows: number, stringBytes = 1 << 20, tail = ''): Uint8Array {
  const col = (c: number) => String.fromCharCode(65 + Math.floor(c / 26) - 1).replace('@', '') + String.fromCharCode(65 + (c % 26));
  const cells = (r: number) => Array.from({ length: 100 }, (_, c) => `<c r="${col(c)}${r}" t="s"><v>0</v></c>`).join('');
  const data = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}">${cells(i + 1)}</row>`).join('');
  const last = tail ? `<row r="${rows + 1}"><c r="A${rows + 1}" t="inlineStr"><is><t>${tail}</t></is></c></row>` : '';
  return rawXlsx([`<sheetData>${data}${last}</sheetData>`], { sharedStrings: ['A'.repeat(stringBytes)] });
}

/**
 * A real zip bomb in miniature: `entry` holds `inflated` bytes of spaces after `head` but its
 * directory and local header declare only `head`'s length (what a reader that trusts the declared
 * sizes would check). Other entries are stored honestly.
 */
export function underDeclaredZip(entries: Record<string, string>, entry: string, head: string, inflated: number): Uint8Array {
  const big = new Uint8Array(inflated).fill(0x20);
  big.set(strToU8(head));
  const zip = zipSync({ ...Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)])), [entry]: big }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = strToU8(entry);
  const declared = strToU8(head).length;
  for (let i = 0; i + 30 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    const local = sig === 0x04034b50;
    if (!local && sig !== 0x02014b50) continue;
    const len = view.getUint16(i + (local ? 26 : 28), true);
    const at = i + (local ? 30 : 46);
    if (len === name.length && zip.subarray(at, at + len).every((b, j) => b === name[j])) view.setUint32(i + (local ? 22 : 24), declared, true);
  }
  return zip;
}
