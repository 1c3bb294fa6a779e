import { strToU8, unzipSync, zipSync } from 'fflate';
import { lyingZip, rawXlsx, sharedStringsBomb, underDeclaredZip } from './test-zips';
import { decodeText, detectFormat, drawingMlText, extensionOf, extractFileText, FILE_TEXT_LIMITS, FileTextError, MarkupReader, pdfPageText, pptxText, zipEntries } from './index';

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const slide = (...paras: string[]) =>
  `<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>${paras
    .map((p) => `<a:p>${p}</a:p>`)
    .join('')}</p:spTree></p:cSld></p:sld>`;
const run = (t: string) => `<a:r><a:rPr lang="en-GB"/><a:t>${t}</a:t></a:r>`;

function pptx(slides: Record<number, string>, notes: Record<number, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(CT), 'ppt/presentation.xml': strToU8('<p:presentation/>') };
  for (const [n, xml] of Object.entries(slides)) files[`ppt/slides/slide${n}.xml`] = strToU8(xml);
  for (const [n, xml] of Object.entries(notes)) files[`ppt/notesSlides/notesSlide${n}.xml`] = strToU8(xml);
  return zipSync(files);
}

describe('file text', () => {
  it('reads a PPTX: slides in number order (10 after 2), runs joined, notes after their slide, entities decoded', async () => {
    const data = pptx(
      { 1: slide(run('Quarterly review'), run('Q3 &amp; Q4')), 2: slide(run('Customer: Jane Roe'), `${run('line one')}<a:br/>${run('line two')}`), 10: slide(run('Last slide &#x2014; thanks')) },
      { 2: slide(run('Speaker note: card 4111 1111 1111 1111')) },
    );
    expect(detectFormat(data, 'deck.bin')).toBe('pptx');
    const r = await extractFileText(data, { name: 'deck.pptx' });
    expect(r).toEqual({
      format: 'pptx',
      text: 'Quarterly review\nQ3 & Q4\n\nCustomer: Jane Roe\nline one\nline two\n\nSpeaker note: card 4111 1111 1111 1111\n\nLast slide — thanks',
    });
  });

  it('joins the runs of one paragraph and puts paragraphs on their own lines', () => {
    expect(drawingMlText(slide(`${run('Hel')}${run('lo')}`, run('World'), '<a:endParaRPr/>'))).toBe('Hello\nWorld');
  });

  it('tells office formats apart by the folders inside, whatever the name', () => {
    const z = (folder: string) => zipSync({ '[Content_Types].xml': strToU8(CT), [`${folder}/x.xml`]: strToU8('<x/>') });
    expect(detectFormat(z('word'), 'a.pptx')).toBe('docx');
    expect(detectFormat(z('xl'), 'a.docx')).toBe('xlsx');
    expect(detectFormat(z('ppt'), 'a.zip')).toBe('pptx');
    expect(detectFormat(zipSync({ 'a.txt': strToU8('x') }), 'a.docx')).toBe('unsupported');
    expect(detectFormat(strToU8('%PDF-1.7\n...'), 'scan.txt')).toBe('pdf');
  });

  it('refuses a zip bomb from its declared sizes before inflating anything', async () => {
    const bomb = lyingZip({ '[Content_Types].xml': CT, 'ppt/slides/slide1.xml': slide(run('x')) }, 'ppt/slides/slide1.xml', 300 * 1024 * 1024);
    expect(() => zipEntries(bomb)).toThrow(FileTextError);
    const r = await extractFileText(bomb, { name: 'deck.pptx' });
    expect(r.text).toBeUndefined();
    expect(r.error).toMatch(/more than 256 MiB/);
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, strToU8('x')])));
    expect(() => zipEntries(many, { ...FILE_TEXT_LIMITS, maxText: 1, maxUnzippedBytes: 1e9, maxZipEntries: 20 })).toThrow(/more than 20 entries/);
  });

  it('decodes text in UTF-8, UTF-16 with a byte-order mark and Windows-1252, and calls binary binary', () => {
    expect(decodeText(strToU8('naïve café'))).toBe('naïve café');
    const le = new Uint8Array([0xff, 0xfe, ...Array.from('Hi é').flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(le)).toBe('Hi é');
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94]))).toBe('café € “q”');
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))).toBeNull();
  });

  it('reads text files by name or by content, and truncates past the limit', async () => {
    expect(extensionOf('.env.production')).toBe('env');
    expect(extensionOf('C:\\Users\\a\\notes.TXT')).toBe('txt');
    expect(await extractFileText(strToU8('id,name\n1,Jane'), { name: 'people' })).toEqual({ format: 'text', text: 'id,name\n1,Jane' });
    expect(await extractFileText(strToU8('x'.repeat(100)), { name: 'a.txt' }, { maxText: 10 })).toEqual({ format: 'text', text: 'x'.repeat(10), truncated: true });
    expect(await extractFileText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), { name: 'photo.png', type: 'image/png' })).toEqual({ format: 'unsupported' });
  });

  it('answers a broken office file with an error, never a throw', async () => {
    const broken = strToU8('PK\u0003\u0004 truncated archive');
    const r = await extractFileText(broken, { name: 'report.docx' });
    expect(r.text).toBeUndefined();
    expect(r.error).toBeTruthy();
  });

  it('reads pptxText straight from bytes (the browser extension calls it)', () => {
    expect(pptxText(pptx({ 1: slide(run('Only slide')) }))).toBe('Only slide');
  });

  it('stops reading a spreadsheet at the text limit when one shared string fills every cell', async () => {
    const r = await extractFileText(sharedStringsBomb(100, 1 << 16), { name: 'sheet.xlsx' }, { maxText: 1_000_000 });
    expect(r).toMatchObject({ format: 'xlsx', truncated: true });
    expect(r.text!.length).toBeLessThanOrEqual(1_000_000);
    expect(r.text!.startsWith('A'.repeat(1000))).toBe(true);
  });

  it('refuses an office file whose entry unpacks to more than it declares, without unpacking it whole', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const head = `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>hello</w:t></w:r></w:p>`;
    for (const [name, entry] of [['report.docx', 'word/document.xml'], ['deck.pptx', 'ppt/slides/slide1.xml'], ['sheet.xlsx', 'xl/worksheets/sheet1.xml']] as const) {
      const bomb = underDeclaredZip({ '[Content_Types].xml': CT }, entry, head, 16 * 1024 * 1024);
      expect(bomb.length).toBeLessThan(100_000);
      const r = await extractFileText(bomb, { name });
      expect({ name, text: r.text, error: r.error }).toEqual({ name, text: undefined, error: expect.stringMatching(/unpacks to more than its directory declares/) });
      expect(() => zipEntries(bomb)).toThrow(FileTextError);
    }
  });

  it('refuses an office file with two entries of one name (readers disagree on which is read)', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const doc = (t: string) => strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:body></w:document>`);
    const one = zipSync({ '[Content_Types].xml': strToU8(CT), 'word/document.xml': doc('AKIAZ3MHQ7TNVX5KQ2PB'), 'word/documenu.xml': doc('harmless') });
    // Rename the second entry to the first's name, in its local header and its directory record.
    for (let i = 0; i + 17 <= one.length; i++) if (String.fromCharCode(...one.subarray(i, i + 17)) === 'word/documenu.xml') one[i + 12] = 't'.charCodeAt(0);
    const r = await extractFileText(one, { name: 'report.docx' });
    expect(r.error).toMatch(/two entries named "word\/document.xml"/);
  });

  it('reads a text file with a stray NUL byte, and UTF-16 without a byte-order mark', async () => {
    const secret = 'AKIAZ3MHQ7TNVX5KQ2PB';
    const nul = await extractFileText(strToU8(`a,b\n\u0000\nkey,${secret}\n`), { name: 'export.csv' });
    expect(nul).toEqual({ format: 'text', text: `a,b\n \nkey,${secret}\n` });
    const utf16 = new Uint8Array(Array.from(`key=${secret}\n`).flatMap((c) => [c.charCodeAt(0), 0]));
    expect(await extractFileText(utf16, { name: 'keys.txt' })).toEqual({ format: 'text', text: `key=${secret}\n` });
    expect(await extractFileText(utf16, { name: 'keys' })).toEqual({ format: 'text', text: `key=${secret}\n` });
    const be = new Uint8Array(Array.from('hello').flatMap((c) => [0, c.charCodeAt(0)]));
    expect(decodeText(be)).toBe('hello');
  });

  it('says a password-protected Office file cannot be read, and a legacy one is not read (the PDF case: test/integration/decision-file)', async () => {
    const ole = (...names: string[]) =>
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0), ...names.flatMap((n) => Array.from(n).flatMap((c) => [c.charCodeAt(0), 0]))]);
    expect(await extractFileText(ole('EncryptionInfo', 'EncryptedPackage'), { name: 'salaries.xlsx' })).toEqual({
      format: 'unsupported',
      error: expect.stringMatching(/password-protected/),
    });
    expect(await extractFileText(ole('WordDocument'), { name: 'old.doc' })).toEqual({ format: 'unsupported', error: expect.stringMatching(/legacy Office document/) });
  });

  it('finds a secret where the readers do not look: headers, footers, notes, comments, deleted text, charts, properties', async () => {
    const S = 'AKIAZ3MHQ7TNVX5KQ2PB';
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
    const wp = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries({ '[Content_Types].xml': CT, ...files }).map(([k, v]) => [k, strToU8(v)])));
    const docx = (extra: Record<string, string>, body = wp('body')) => zip({ 'word/document.xml': `<w:document ${W}><w:body>${body}</w:body></w:document>`, ...extra });
    const where: [string, Uint8Array][] = [
      ['docx header', docx({ 'word/header1.xml': `<w:hdr ${W}>${wp(S)}</w:hdr>` })],
      ['docx footer', docx({ 'word/footer2.xml': `<w:ftr ${W}>${wp(S)}</w:ftr>` })],
      ['docx footnote', docx({ 'word/footnotes.xml': `<w:footnotes ${W}><w:footnote w:id="1">${wp(S)}</w:footnote></w:footnotes>` })],
      ['docx endnote', docx({ 'word/endnotes.xml': `<w:endnotes ${W}><w:endnote w:id="1">${wp(S)}</w:endnote></w:endnotes>` })],
      ['docx comment', docx({ 'word/comments.xml': `<w:comments ${W}><w:comment w:id="0">${wp(S)}</w:comment></w:comments>` })],
      ['docx deleted text', docx({}, `<w:p><w:del w:id="1"><w:r><w:delText>${S}</w:delText></w:r></w:del></w:p>`)],
      ['docx title', docx({ 'docProps/core.xml': `<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>${S}</dc:title><dc:creator>Jane Roe</dc:creator></cp:coreProperties>` })],
      ['xlsx comment', rawXlsx(['<sheetData/>'], { extra: { 'xl/comments1.xml': `<comments><commentList><comment ref="A1"><text><r><t>${S}</t></r></text></comment></commentList></comments>` } })],
      ['xlsx threaded comment', rawXlsx(['<sheetData/>'], { extra: { 'xl/threadedComments/threadedComment1.xml': `<ThreadedComments><threadedComment ref="A1"><text>${S}</text></threadedComment></ThreadedComments>` } })],
      ['xlsx header', rawXlsx([`<sheetData/><headerFooter><oddHeader>&amp;L${S}</oddHeader></headerFooter>`])],
      ['xlsx hidden sheet', rawXlsx(['<sheetData/>', `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${S}</t></is></c></row></sheetData>`], { hidden: [1] })],
      ['xlsx chart', rawXlsx(['<sheetData/>'], { extra: { 'xl/charts/chart1.xml': `<c:chartSpace ${A}><c:title><a:p><a:r><a:t>${S}</a:t></a:r></a:p></c:title></c:chartSpace>` } })],
      ['pptx comment', pptx({ 1: slide(run('hi')) })],
      ['pptx SmartArt', pptx({ 1: slide(run('hi')) })],
      ['pptx master', pptx({ 1: slide(run('hi')) })],
    ];
    const extra: Record<string, [string, string]> = {
      'pptx comment': ['ppt/comments/comment1.xml', `<p:cmLst ${A}><p:cm><p:text>${S}</p:text></p:cm></p:cmLst>`],
      'pptx SmartArt': ['ppt/diagrams/data1.xml', `<dgm:dataModel ${A}><a:p><a:r><a:t>${S}</a:t></a:r></a:p></dgm:dataModel>`],
      'pptx master': ['ppt/slideMasters/slideMaster1.xml', `<p:sldMaster ${A}><a:p><a:r><a:t>${S}</a:t></a:r></a:p></p:sldMaster>`],
    };
    for (const [what, data] of where) {
      const file = extra[what] ? zipSync({ ...unzipSync(data), [extra[what][0]]: strToU8(extra[what][1]) }) : data;
      const r = await extractFileText(file, { name: `f.${what.slice(0, 4)}` });
      expect({ what, format: r.format, found: r.text?.includes(S) ?? r.error }).toEqual({ what, format: what.slice(0, 4), found: true });
      expect(r.text).not.toContain('Jane Roe');
    }
  });

  it('reads DrawingML text whatever prefix its namespace has, CDATA too, and in time linear in its length', () => {
    const x = 'xmlns:x="http://schemas.openxmlformats.org/drawingml/2006/main"';
    expect(drawingMlText(`<p:sld ${x}><x:p><x:r><x:t>AKIA</x:t></x:r><x:r><x:t><![CDATA[Z3MH]]></x:t></x:r></x:p><x:p><x:r><x:t>Q7 &amp; more</x:t></x:r></x:p></p:sld>`)).toBe('AKIAZ3MH\nQ7 & more');
    const started = Date.now();
    // 200,000 paragraphs that never close (1 MB): a backtracking reader takes minutes.
    expect(drawingMlText(`${'<a:p>'.repeat(200_000)}<a:t>end</a:t>`)).toBe('end');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reads a PDF page as it is seen: lines top to bottom, runs left to right, a word drawn in pieces whole', () => {
    const run = (str: string, x: number, y: number, width: number) => ({ str, transform: [12, 0, 0, 12, x, y], width, height: 12, hasEOL: false });
    // "AKIAZ3MHQ7TNVX5KQ2PB" drawn end first, then its start; a second line above it drawn last.
    const items = [run('MHQ7TNVX5KQ2PB', 113.35, 700, 113.36), run('AKIAZ3', 72, 700, 41.35), run('Deploy', 72, 714, 36), run('notes', 112, 714, 30)];
    expect(pdfPageText(items)).toBe('Deploy notes\nAKIAZ3MHQ7TNVX5KQ2PB');
    // Rotated text keeps the order it is drawn in.
    expect(pdfPageText([{ str: 'b', transform: [0, 12, -12, 0, 10, 10], width: 5 }, { str: 'a', transform: [0, 12, -12, 0, 10, 0], width: 5 }])).toBe('b a');
  });

  it('reads a large DOCX as it is inflated (mammoth runs out of memory on 16 MB of XML), up to the text limit', async () => {
    const S = 'AKIAZ3MHQ7TNVX5KQ2PB';
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const para = '<w:p><w:pPr><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">lorem &amp; ipsum</w:t></w:r></w:p>';
    const body = `<w:p><w:r><w:t>key ${S}</w:t></w:r></w:p>${para.repeat(Math.ceil((24 * 1024 * 1024) / para.length))}<w:p><w:r><w:t>last ${S}</w:t></w:r></w:p>`;
    const data = zipSync({ '[Content_Types].xml': strToU8(CT), 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`) });
    const started = Date.now();
    const r = await extractFileText(data, { name: 'big.docx' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.format).toBe('docx');
    expect(r.text!.startsWith(`key ${S}\nlorem & ipsum\n`)).toBe(true);
    expect(r.text!.endsWith(`last ${S}`)).toBe(true);
    const first = await extractFileText(data, { name: 'big.docx' }, { maxText: 1000 });
    expect(first).toMatchObject({ format: 'docx', truncated: true });
    expect(first.text).toContain(S);
  }, 30_000);

  it('reads parts whatever they are named: a main document, a header and a slide under names of their own', async () => {
    const S = 'AKIAZ3MHQ7TNVX5KQ2PB';
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>';
    const docx = zipSync({
      '[Content_Types].xml': strToU8(CT),
      '_rels/.rels': strToU8(rels),
      'word/main.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>body text</w:t></w:r></w:p></w:body></w:document>`),
      'word/top7.xml': strToU8(`<w:hdr ${W}><w:p><w:r><w:t>${S}</w:t></w:r></w:p></w:hdr>`),
    });
    const d = await extractFileText(docx, { name: 'a.docx' });
    expect(d.text).toBe(`body text\n\n${S}`);
    const deck = zipSync({ ...unzipSync(pptx({ 1: slide(run('hi')) })), 'ppt/slides/intro.xml': strToU8(slide(run(S))) });
    expect((await extractFileText(deck, { name: 'a.pptx' })).text).toBe(`hi\n\n${S}`);
  });

  it('reads markup pushed one character at a time as it reads it whole', () => {
    const xml = `<a:p><a:r><a:t>AKIA&amp;Z3</a:t></a:r><!-- x<a:t>no</a:t> --><a:r><a:t><![CDATA[M<H>]]></a:t></a:r><a:br/><a:r><a:t>Q7&#x2014;</a:t></a:r></a:p><a:p><a:t>two</a:t></a:p>`;
    const reader = new MarkupReader(new Set(['t']), new Set(['p']), { br: '\n' });
    for (const c of xml) reader.push(c);
    expect(reader.push('', true).result()).toBe(drawingMlText(xml));
    expect(drawingMlText(xml)).toBe('AKIA&Z3M<H>\nQ7—\ntwo');
  });

  it('never quotes the file in its error: a reader\'s own message (an unknown entity by name) is reduced to what it means', async () => {
    const S = 'AKIAZ3MHQ7TNVX5KQ2PB';
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const data = zipSync({ '[Content_Types].xml': strToU8(CT), 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>&${S};</w:t></w:r></w:p></w:body></w:document>`) });
    const r = await extractFileText(data, { name: 'a.docx' });
    expect(r).toEqual({ format: 'docx', error: 'the file could not be read: it is damaged or malformed (as a DOCX)' });
  });
});
