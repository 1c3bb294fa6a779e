import { deflateSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { lyingZip, sharedStringsBomb, underDeclaredZip } from '../../libs/file-text/src/test-zips';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

type Office = typeof import('../browser/extension/office-files.mjs');

/**
 * POST /v1/decisions/file: an upload decided by what the file says (PDF, DOCX, XLSX, PPTX, CSV), read
 * in a worker, never stored; every malformed or oversized request answered with a 4xx.
 */
describe('decisions on a file', () => {
  let t: TestApp;
  let office: Office;
  const MAX = 256 * 1024;
  const secret = 'AKIAZ3MHQ7TNVX5KQ2PB';
  const line = `aws_access_key_id = ${secret}`;

  beforeAll(async () => {
    office = await import('../browser/extension/office-files.mjs');
    t = await startTestApp({ AIRLOCK_FILE_MAX_BYTES: String(MAX) });
    // Approved, so that only what a file holds stands between it and ChatGPT.
    const owner = await t.login();
    const providers = await owner.json<any[]>('/api/providers?filter=' + encodeURIComponent(JSON.stringify({ q: 'chatgpt' })));
    await owner.json(`/api/providers/${providers.find((p) => p.slug === 'openai-chatgpt').id}`, { method: 'PUT', json: { status: 'approved' } });
    await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'file decisions test' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (parts: { request?: unknown; file?: { data: Uint8Array; name: string; type?: string }; extra?: [string, string][] }, key = BOOTSTRAP_KEY) => {
    const form = new FormData();
    if (parts.request !== undefined) form.append('request', typeof parts.request === 'string' ? parts.request : JSON.stringify(parts.request));
    for (const [k, v] of parts.extra ?? []) form.append(k, v);
    if (parts.file) form.append('file', new Blob([parts.file.data], { type: parts.file.type ?? 'application/octet-stream' }), parts.file.name);
    return t.request('/v1/decisions/file', { method: 'POST', body: form, headers: { authorization: `Bearer ${key}` } });
  };
  const toChatGpt = { destination: { provider: 'openai-chatgpt' } };

  it('blocks a credential inside a PDF, a DOCX, an XLSX, a PPTX speaker note and a CSV, and never echoes it', async () => {
    const files = [
      { name: 'deploy-notes.pdf', data: office.pdf(['Deploy notes', line]), format: 'pdf' },
      { name: 'runbook.docx', data: office.docx(['Runbook', line]), format: 'docx' },
      { name: 'keys.xlsx', data: await office.xlsx([['service', 'key'], ['billing', line]]), format: 'xlsx' },
      { name: 'review.pptx', data: office.pptx([['Quarterly review'], ['Next steps']], [null, [line]]), format: 'pptx' },
      { name: 'export.csv', data: Buffer.from(`service,key\nbilling,${secret}\n`), format: 'text' },
    ];
    for (const f of files) {
      const res = await send({ request: toChatGpt, file: f });
      const body = (await res.json()) as any;
      expect({ name: f.name, status: res.status }).toEqual({ name: f.name, status: 200 });
      expect({ name: f.name, effect: body.effect, format: body.file.format }).toEqual({ name: f.name, effect: 'block', format: f.format });
      expect(body.dataClasses).toContain('credentials');
      expect(body.file.characters).toBeGreaterThan(0);
      expect(JSON.stringify(body)).not.toContain(secret);
    }
  });

  it('allows a harmless deck, decides a file it cannot read on its name and type, and says which', async () => {
    const harmless = await send({ request: toChatGpt, file: { name: 'minutes.pptx', data: office.pptx([['Minutes'], ['The team agreed to ship on Friday.']]) } });
    const h = (await harmless.json()) as any;
    expect({ effect: h.effect, rules: h.reasons.map((r: any) => r.ruleId) }).toEqual({ effect: 'allow', rules: ['no-matching-rule'] });
    expect(h.file).toEqual({ format: 'pptx', bytes: expect.any(Number), characters: 'Minutes\n\nThe team agreed to ship on Friday.'.length, truncated: false });

    const image = await send({ request: toChatGpt, file: { name: 'photo.png', type: 'image/png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) } });
    expect(((await image.json()) as any).file).toEqual({ format: 'unsupported', bytes: 8, characters: 0, truncated: false });

    // A secrets file by its name alone (the policy's file-name class), whatever it holds.
    const env = await send({ request: toChatGpt, file: { name: 'prod.env', data: strToU8('nothing to see') } });
    expect(((await env.json()) as any).effect).toBe('block');

    const broken = await send({ request: toChatGpt, file: { name: 'report.docx', data: strToU8('PK\u0003\u0004 truncated archive') } });
    const b = (await broken.json()) as any;
    expect(broken.status).toBe(200);
    expect(b.file.error).toBeTruthy();
  });

  it('refuses a zip bomb from its declared sizes without reading it, and answers', async () => {
    const bomb = lyingZip({ '[Content_Types].xml': '<Types/>', 'ppt/slides/slide1.xml': '<p:sld/>' }, 'ppt/slides/slide1.xml', 4 * 1024 * 1024 * 1024 - 1);
    const started = Date.now();
    const res = await send({ request: toChatGpt, file: { name: 'deck.pptx', data: bomb } });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.file.error).toMatch(/more than 256 MiB/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers every malformed request with a 4xx that says what to send', async () => {
    const pdf = { name: 'a.pdf', data: office.pdf(['hello']) };
    const cases: [string, Promise<Response>, number, RegExp][] = [
      ['no key', send({ request: toChatGpt, file: pdf }, 'ak_nope'), 401, /API key/],
      ['JSON body', t.request('/v1/decisions/file', { method: 'POST', json: toChatGpt, headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } }), 415, /multipart\/form-data/],
      ['no request field', send({ file: pdf }), 400, /request/],
      ['no file', send({ request: toChatGpt }), 400, /file/],
      ['request not JSON', send({ request: '{"destination":', file: pdf }), 400, /not valid JSON/],
      ['a prompt', send({ request: { ...toChatGpt, action: 'prompt' }, file: pdf }), 400, /must be upload/],
      ['text sent too', send({ request: { ...toChatGpt, content: { text: 'x' } }, file: pdf }), 400, /content\.text/],
      ['unknown field', send({ request: toChatGpt, file: pdf, extra: [['other', 'x']] }), 400, /other/],
      ['request twice', send({ request: toChatGpt, file: pdf, extra: [['request', JSON.stringify({ destination: { provider: 'deepseek' } })]] }), 400, /sent twice/],
      ['file too large', send({ request: toChatGpt, file: { name: 'big.txt', data: new Uint8Array(MAX + 1).fill(0x61) } }), 413, /larger than/],
      ['bad destination', send({ request: { destination: { provider: 'Not A Slug' } }, file: pdf }), 400, /destination/],
    ];
    for (const [name, pending, status, message] of cases) {
      const res = await pending;
      const text = await res.text();
      expect({ name, status: res.status }).toEqual({ name, status });
      expect({ name, message: message.test(text) }).toEqual({ name, message: true });
    }
  });

  it('logs the decision like any other, without the file or its text', async () => {
    const marker = 'AKIAQ7TNVX5KQ2PBZ3MH';
    const res = await send({ request: { ...toChatGpt, requestId: 'file-log-check' }, file: { name: 'notes.docx', data: office.docx([`aws_access_key_id = ${marker}`]) } });
    const { decisionId } = (await res.json()) as any;
    let rows: { n: bigint }[] = [];
    for (let i = 0; i < 50; i++) {
      rows = await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "DecisionLog" WHERE id = $1::uuid`, decisionId);
      if (Number(rows[0]!.n) === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(Number(rows[0]!.n)).toBe(1);
    const leaked = await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "DecisionLog" d WHERE to_jsonb(d)::text LIKE $1`, `%${marker}%`);
    expect(Number(leaked[0]!.n)).toBe(0);
  });

  it('keeps answering other requests while a file is read', async () => {
    const sheet = await office.xlsx(Array.from({ length: 2000 }, (_, i) => [`row ${i}`, 'plain text in a cell', i]));
    const reading = send({ request: toChatGpt, file: { name: 'big.xlsx', data: sheet } });
    const probes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = Date.now();
      await t.request('/healthz');
      probes.push(Date.now() - s);
    }
    expect((await reading).status).toBe(200);
    expect(Math.max(...probes)).toBeLessThan(1_000);
  });

  it('survives a spreadsheet whose text is thousands of times its size (one long shared string in every cell)', async () => {
    // 60,000 cells x 1 MiB: the reader must stop at its text limit, and the server must outlive a reader that runs out of memory.
    const bomb = sharedStringsBomb(600, 1 << 20, line);
    expect(bomb.length).toBeLessThan(MAX);
    const started = Date.now();
    const res = await send({ request: toChatGpt, file: { name: 'sheet.xlsx', data: bomb } });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.file).toMatchObject({ format: 'xlsx', truncated: true });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await t.request('/healthz')).status).toBe(200);
  });

  it('refuses an office file that unpacks to more than its zip directory declares, in bounded time and memory', async () => {
    const head = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
    const bomb = underDeclaredZip({ '[Content_Types].xml': '<Types/>' }, 'word/document.xml', head, 128 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(MAX);
    const started = Date.now();
    const res = await send({ request: toChatGpt, file: { name: 'report.docx', data: bomb } });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.file).toEqual({ format: 'docx', bytes: bomb.length, characters: 0, truncated: false, error: expect.stringMatching(/unpacks to more than its directory declares/) });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('ends the reading of a 1 KB PDF whose doubly compressed page unpacks to gigabytes, and keeps answering meanwhile', async () => {
    // A 256 MiB content stream deflated twice (about 600 bytes), drawn 16 times on one page.
    const stream = deflateSync(deflateSync(Buffer.alloc(256 * 1024 * 1024, 0x20), { level: 9 }), { level: 9 });
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [${Array(16).fill('4 0 R').join(' ')}] >>`,
      `<< /Length ${stream.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n${stream.toString('latin1')}\nendstream`,
    ];
    const started = Date.now();
    const reading = send({ request: toChatGpt, file: { name: 'scan.pdf', data: rawPdf(objects) } });
    const probes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = Date.now();
      expect((await t.request('/healthz')).status).toBe(200);
      probes.push(Date.now() - s);
      await new Promise((r) => setTimeout(r, 200));
    }
    const res = await reading;
    const body = (await res.json()) as any;
    expect({ status: res.status, error: body.file?.error ?? body.error?.message }).toEqual({ status: 200, error: expect.stringMatching(/more memory to read than allowed/) });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(Math.max(...probes)).toBeLessThan(1_000);
  }, 30_000);

  it('says a password-protected PDF or Office file cannot be read, and decides it on its name and type', async () => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`,
    ];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(pdf.length);
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = pdf.length;
    pdf += `xref\n0 5\n0000000000 65535 f\r\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}`;
    pdf += `trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
    const res = await send({ request: toChatGpt, file: { name: 'payroll.pdf', data: strToU8(pdf) } });
    const body = (await res.json()) as any;
    expect({ status: res.status, effect: body.effect }).toEqual({ status: 200, effect: 'allow' });
    expect(body.file).toEqual({ format: 'pdf', bytes: pdf.length, characters: 0, truncated: false, error: 'the PDF is password-protected (encrypted): its text cannot be read' });

    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0), ...Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0])]);
    const office = (await (await send({ request: toChatGpt, file: { name: 'salaries.xlsx', data: ole } })).json()) as any;
    expect(office.file).toEqual({ format: 'unsupported', bytes: ole.length, characters: 0, truncated: false, error: expect.stringMatching(/password-protected/) });
  });

  /** A PDF of `objects` (numbered from 1, the catalog first), with a correct cross-reference table. */
  const rawPdf = (objects: string[]) => {
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(Buffer.byteLength(out, 'latin1'));
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  };
  const stream = (content: string | Buffer, filter = '') => {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'latin1');
    return `<< /Length ${data.length}${filter} >>\nstream\n${data.toString('latin1')}\nendstream`;
  };

  it('finds a key in a PDF that draws its end before its start', async () => {
    // "AKIAZ3" is 41.35 pt wide in 12 pt Helvetica: the rest is drawn first, just right of where it ends.
    const content = `BT /F1 12 Tf 113.35 700 Td (${secret.slice(6)}) Tj ET BT /F1 12 Tf 72 700 Td (${secret.slice(0, 6)}) Tj ET BT /F1 12 Tf 72 714 Td (aws_access_key_id) Tj ET`;
    const pdf = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      stream(content),
    ]);
    const body = (await (await send({ request: toChatGpt, file: { name: 'notes.pdf', data: pdf } })).json()) as any;
    expect({ effect: body.effect, classes: body.dataClasses }).toEqual({ effect: 'block', classes: expect.arrayContaining(['credentials']) });
  });

  it('answers for a PDF whose pages take too long to read, on the pages read, and says it is truncated', async () => {
    const N = 300;
    const content = deflateSync(Buffer.from(`BT /F1 12 Tf 72 700 Td\n${'(lorem ipsum) Tj 0 -1 Td\n'.repeat(20_000)}ET\n`));
    const pdf = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${Array.from({ length: N }, (_, i) => `${5 + i} 0 R`).join(' ')}] /Count ${N} >>`,
      stream(content, ' /Filter /FlateDecode'),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ...Array<string>(N).fill('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>'),
    ]);
    expect(pdf.length).toBeLessThan(MAX);
    const started = Date.now();
    const res = await send({ request: toChatGpt, file: { name: 'long.pdf', data: pdf } });
    const body = (await res.json()) as any;
    expect({ status: res.status, file: body.file }).toEqual({ status: 200, file: { format: 'pdf', bytes: pdf.length, characters: expect.any(Number), truncated: true } });
    expect(body.file.characters).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(18_000);
  }, 30_000);

  it('finds a key in a PDF comment, a form field and the document title, which are not drawn in the page', async () => {
    for (const [where, extra] of [
      ['comment', { annots: `<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents (${line}) >>` }],
      ['form field', { annots: `<< /Type /Annot /Subtype /Widget /FT /Tx /T (key) /V (${line}) /Rect [50 50 200 70] >>` }],
      ['title', { info: `<< /Title (${line}) >>` }],
    ] as const) {
      const objects = [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R${'annots' in extra ? ' /Annots [5 0 R]' : ''} >>`,
        stream('BT ET'),
        'annots' in extra ? extra.annots : '<< >>',
      ];
      let pdf = rawPdf(objects).toString('latin1');
      if ('info' in extra) pdf = rawPdf([...objects, extra.info]).toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Info 6 0 R');
      const body = (await (await send({ request: toChatGpt, file: { name: 'form.pdf', data: Buffer.from(pdf, 'latin1') } })).json()) as any;
      expect({ where, effect: body.effect }).toEqual({ where, effect: 'block' });
    }
  });
});
