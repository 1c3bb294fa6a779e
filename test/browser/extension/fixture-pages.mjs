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

/**
 * llm.intranet.example is in no list: an internal AI service the extension watches only through
 * extraHosts. phind.com is not in the catalog but in the server's known AI services list: watched
 * when the bundle's watchHosts carries it (a rule for unknown AI destinations).
 */
export const FIXTURE_HOSTS = ['chatgpt.com', 'gemini.google.com', 'chat.deepseek.com', 'poe.com', 'llm.intranet.example', 'phind.com'];

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

/**
 * A composer like Lexical's (and other model-driven editors): the editor owns the text. It cancels
 * every native edit (beforeinput), applies it to its model and renders the DOM from the model; it
 * reads pastes from the clipboard itself; Enter and the send button send the MODEL, not the DOM. So
 * text the extension puts in only reaches the service if the editor took it into its model.
 */
const MODEL_EDITOR_PAGE = (title) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:15px system-ui;margin:24px} #composer{min-height:80px;width:600px;border:1px solid #888;padding:6px} #composer p{margin:0}</style></head>
<body><h1>${title}</h1>
<div id="composer" contenteditable="true" data-lexical-editor="true" role="textbox" aria-label="Ask anything" spellcheck="false"><p><br></p></div>
<button id="send" type="button" aria-label="Send message">Send</button>
<ol id="sent"></ol>
<script>
const composer = document.getElementById('composer');
let model = '';
function render() {
  composer.replaceChildren(...model.split('\\n').map((line) => {
    const p = document.createElement('p');
    if (line) { const span = document.createElement('span'); span.setAttribute('data-lexical-text', 'true'); span.textContent = line; p.append(span); }
    else p.append(document.createElement('br'));
    return p;
  }));
  const sel = getSelection(); const r = document.createRange(); r.selectNodeContents(composer); r.collapse(false); sel.removeAllRanges(); sel.addRange(r);
}
function wholeSelected() {
  const sel = getSelection();
  if (!sel.rangeCount || sel.isCollapsed) return false;
  const strip = (s) => s.replace(/\\s+/g, '');
  return strip(sel.getRangeAt(0).toString()) === strip(composer.textContent) && composer.textContent !== '';
}
composer.addEventListener('beforeinput', (e) => {
  e.preventDefault();
  const all = wholeSelected();
  const t = e.inputType;
  if (t === 'insertText' || t === 'insertReplacementText' || t === 'insertFromPaste' || t === 'insertFromDrop') {
    const d = e.data ?? (e.dataTransfer ? e.dataTransfer.getData('text/plain') : '');
    model = all ? d : model + d;
  } else if (t === 'insertParagraph' || t === 'insertLineBreak') model += '\\n';
  else if (t === 'deleteContentBackward') model = all ? '' : model.slice(0, -1);
  else if (t.startsWith('delete') && all) model = '';
  render();
});
composer.addEventListener('paste', (e) => {
  e.preventDefault();
  const d = e.clipboardData.getData('text/plain');
  model = wholeSelected() ? d : model + d;
  render();
});
async function send() {
  if (!model.trim()) return;
  await fetch('/api/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: model }) });
  const li = document.createElement('li'); li.textContent = 'sent'; document.getElementById('sent').append(li);
  model = ''; render();
}
composer.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); } });
document.getElementById('send').addEventListener('click', send);
</script></body></html>`;

const PAGES = {
  'gemini.google.com/model-editor': MODEL_EDITOR_PAGE('Gemini (fixture, Lexical-like editor)'),
  'chatgpt.com': PAGE('ChatGPT (fixture)', '<textarea id="composer" aria-label="Message ChatGPT"></textarea>'),
  'gemini.google.com': PAGE('Gemini (fixture)', '<div id="composer" contenteditable="true" role="textbox" aria-label="Enter a prompt here" class="ProseMirror"></div>'),
  'chat.deepseek.com': PAGE('DeepSeek (fixture)', '<textarea id="composer" aria-label="Message DeepSeek"></textarea>'),
  'poe.com': PAGE('Poe (fixture)', '<textarea id="composer" aria-label="Talk to Poe"></textarea>'),
  'phind.com': PAGE('Phind (fixture)', '<textarea id="composer" aria-label="Ask Phind"></textarea>'),
  'llm.intranet.example': PAGE('Internal LLM (fixture)', '<textarea id="composer" aria-label="Ask the internal assistant"></textarea>'),
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
      const page = req.url === '/' ? PAGES[host] : PAGES[`${host}${req.url}`];
      if (!page) {
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
