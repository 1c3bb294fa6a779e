// Stand-ins for AI services' chat pages, served over HTTPS under their real host names (the browser
// maps the names to this server). Each reproduces one kind of composer: a textarea with a send button
// (chatgpt.com), a contenteditable editor (gemini.google.com), a file input and a drop zone. What the
// page "sends" is POSTed to /api/send and /api/upload, which this server records: the proof of what
// reached the service.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

export const FIXTURE_HOSTS = ['chatgpt.com', 'gemini.google.com', 'chat.deepseek.com', 'poe.com'];

/** A self-signed certificate for the fixture hosts (the browser runs with --ignore-certificate-errors). */
function selfSigned() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-ext-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=airlock-fixture',
      '-addext', `subjectAltName=${FIXTURE_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PAGE = (title, composer) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:15px system-ui;margin:24px} #composer{min-height:80px;width:600px;border:1px solid #888;padding:6px;display:block}
#drop{margin-top:12px;width:600px;height:60px;border:2px dashed #888}</style></head>
<body><h1>${title}</h1>
<form id="form" onsubmit="return false">
${composer}
<button id="send" type="button" aria-label="Send prompt" data-testid="send-button">Send</button>
</form>
<input id="file" type="file" aria-label="Attach file" multiple>
<div id="drop" aria-label="Drop files here">Drop files here</div>
<ol id="sent"></ol>
<script>
const composer = document.getElementById('composer');
const text = () => composer.value !== undefined ? composer.value : composer.innerText;
async function send() {
  const t = text();
  if (!t.trim()) return;
  await fetch('/api/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: t }) });
  const li = document.createElement('li'); li.textContent = 'sent'; document.getElementById('sent').append(li);
  if (composer.value !== undefined) composer.value = ''; else composer.textContent = '';
}
document.getElementById('send').addEventListener('click', send);
composer.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); } });
async function upload(files) {
  for (const f of files) {
    await fetch('/api/upload?name=' + encodeURIComponent(f.name), { method: 'POST', body: await f.arrayBuffer() });
    const li = document.createElement('li'); li.textContent = 'uploaded ' + f.name; document.getElementById('sent').append(li);
  }
}
document.getElementById('file').addEventListener('change', (e) => upload([...e.target.files]));
const drop = document.getElementById('drop');
drop.addEventListener('dragover', (e) => e.preventDefault());
drop.addEventListener('drop', (e) => { e.preventDefault(); upload([...e.dataTransfer.files]); });
</script></body></html>`;

const PAGES = {
  'chatgpt.com': PAGE('ChatGPT (fixture)', '<textarea id="composer" aria-label="Message ChatGPT"></textarea>'),
  'gemini.google.com': PAGE('Gemini (fixture)', '<div id="composer" contenteditable="true" role="textbox" aria-label="Enter a prompt here" class="ProseMirror"></div>'),
  'chat.deepseek.com': PAGE('DeepSeek (fixture)', '<textarea id="composer" aria-label="Message DeepSeek"></textarea>'),
  'poe.com': PAGE('Poe (fixture)', '<textarea id="composer" aria-label="Talk to Poe"></textarea>'),
};

/** Starts the HTTPS server; `requests` holds every request (host, path, body) it received. */
export async function startFixtureServer() {
  const requests = [];
  const server = https.createServer(selfSigned(), (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const body = Buffer.concat(chunks);
      requests.push({ host, method: req.method, path: req.url, body: body.toString('utf8') });
      if (req.method === 'POST') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const page = PAGES[host];
      if (!page || req.url !== '/') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: server.address().port,
    requests,
    /** What reached `host` through the page's send and upload calls. */
    sent: (host) => requests.filter((r) => r.host === host && r.method === 'POST'),
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}
