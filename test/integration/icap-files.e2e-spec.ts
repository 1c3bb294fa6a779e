/**
 * Files uploaded through the ICAP service: a PDF or an office file is read (in a child process, as
 * for /v1/decisions/file) and decided on its text, not its name alone; a text file with a stray NUL
 * byte too; a file that cannot be read is decided on its name and type, in bounded time.
 */
import net from 'node:net';
import { IcapListener } from '../../apps/api/src/modules/icap/icap.listener';
import { underDeclaredZip } from '../../libs/file-text/src/test-zips';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

type Office = typeof import('../browser/extension/office-files.mjs');

describe('ICAP: uploaded files are read', () => {
  let t: TestApp;
  let office: Office;
  let icapPort: number;
  const secret = 'AKIAZ3MHQ7TNVX5KQ2PB';

  beforeAll(async () => {
    office = await import('../browser/extension/office-files.mjs');
    t = await startTestApp({ AIRLOCK_ICAP_PORT: '0', AIRLOCK_ICAP_MAX_BODY_BYTES: String(1024 * 1024) });
    icapPort = (await t.app.get(IcapListener).start())!;
    const owner = await t.login();
    const providers = await owner.json<any[]>('/api/providers?filter=' + encodeURIComponent(JSON.stringify({ q: 'chatgpt' })));
    await owner.json(`/api/providers/${providers.find((p) => p.slug === 'openai-chatgpt').id}`, { method: 'PUT', json: { status: 'approved' } });
    await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'icap files test' } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  /** A REQMOD of a multipart upload of `file` to ChatGPT, whole (no preview); the ICAP answer as text. */
  const upload = (file: { name: string; type: string; data: Uint8Array }): Promise<string> => {
    const boundary = 'airlockBoundary7MA4YWxk';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      Buffer.from(file.data),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const http = `POST https://chatgpt.com/backend-api/files HTTP/1.1\r\nHost: chatgpt.com\r\nAccept: application/json\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\n\r\n`;
    const icap = `REQMOD icap://127.0.0.1/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\nX-Airlock-Key: ${BOOTSTRAP_KEY}\r\nAllow: 204\r\nEncapsulated: req-hdr=0, req-body=${http.length}\r\n\r\n`;
    const message = Buffer.concat([Buffer.from(icap + http), Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    return new Promise((resolve) => {
      const s = net.connect(icapPort, '127.0.0.1', () => s.write(message));
      let got = '';
      s.on('data', (d) => {
        got += d.toString('latin1');
        // One answer is enough: 204, or 200 with the encapsulated block page (ends with its last chunk).
        if (/^ICAP\/1.0 204/.test(got) || /\r\n0\r\n\r\n$/.test(got)) s.destroy();
      });
      s.on('close', () => resolve(got));
      s.on('error', () => resolve(got));
      setTimeout(() => s.destroy(), 25_000);
    });
  };

  it('blocks a DOCX, an XLSX, a PDF and a CSV with a stray NUL byte that hold a key; passes a clean DOCX', async () => {
    const line = `aws_access_key_id = ${secret}`;
    const files = [
      { name: 'runbook.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: office.docx(['Runbook', line]) },
      { name: 'keys.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: await office.xlsx([['service', 'key'], ['billing', line]]) },
      { name: 'notes.pdf', type: 'application/pdf', data: office.pdf(['Deploy notes', line]) },
      { name: 'export.csv', type: 'text/csv', data: Buffer.from(`service,key\n\u0000\nbilling,${secret}\n`) },
    ];
    for (const f of files) {
      const answer = await upload(f);
      expect({ name: f.name, answer: answer.slice(0, 40), blocked: /HTTP\/1.1 403/.test(answer) }).toEqual({ name: f.name, answer: expect.stringMatching(/^ICAP\/1.0 200/), blocked: true });
      expect(answer).not.toContain(secret);
    }
    const clean = await upload({ name: 'minutes.docx', type: 'application/octet-stream', data: office.docx(['Minutes', 'Ship on Friday.']) });
    expect(clean).toMatch(/^ICAP\/1.0 204/);
  });

  it('decides a file it cannot read (a zip bomb) on its name and type, within seconds', async () => {
    const bomb = underDeclaredZip({ '[Content_Types].xml': '<Types/>' }, 'word/document.xml', '<w:document>', 64 * 1024 * 1024);
    const started = Date.now();
    expect(await upload({ name: 'report.docx', type: 'application/octet-stream', data: bomb })).toMatch(/^ICAP\/1.0 204/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
