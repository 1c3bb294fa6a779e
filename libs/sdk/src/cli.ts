#!/usr/bin/env node
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AirlockClient, AirlockError } from './client';
import { LocalDecider } from './local-decider';

const USAGE = `airlock — ask Airlock before data leaves

  airlock decide --url <url> [--action access|prompt|upload] [--text <text> | --file <path>] [--data-class <c>]...
                 [--group <g>]... [--ip <ip>] [--channel web|desktop|mobile|api|ide|cli]
                 [--account-type consumer|business|api] [--local]
  airlock bundle
  airlock discover <file> [--format auto|squid|squid-common|zscaler-csv|zscaler-json|bind|unbound|zeek|csv]
  airlock --version

  Server and key from --server / --key or AIRLOCK_URL / AIRLOCK_API_KEY.
  --local evaluates in-process from the policy bundle (scope bundle) instead of asking the server.
  discover streams a proxy, DNS or Zeek log (gzip too) to the discovery import (scope discovery),
  with a progress line on stderr, and prints the import's figures as JSON.
  Exit codes: 0 allow, warn or redact (the answer is printed as JSON; with redact, send its redactedText);
  3 block (also a redact of content the text of which was not sent: --data-class alone); 2 usage; 1 error.
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      key: { type: 'string' },
      url: { type: 'string' },
      action: { type: 'string', default: 'prompt' },
      text: { type: 'string' },
      file: { type: 'string' },
      'data-class': { type: 'string', multiple: true },
      group: { type: 'string', multiple: true },
      ip: { type: 'string' },
      channel: { type: 'string' },
      'account-type': { type: 'string' },
      local: { type: 'boolean', default: false },
      format: { type: 'string', default: 'auto' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) {
    // dist/cli.js (tsc) and dist/airlock.cjs (the packed bundle) both sit next to package.json's folder.
    const { version } = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const baseUrl = values.server ?? process.env.AIRLOCK_URL;
  const apiKey = values.key ?? process.env.AIRLOCK_API_KEY;
  if (!baseUrl || !apiKey) {
    process.stderr.write('Set --server and --key (or AIRLOCK_URL and AIRLOCK_API_KEY).\n');
    return 2;
  }
  const client = new AirlockClient({ baseUrl, apiKey });
  if (command === 'bundle') {
    const got = await client.fetchBundle();
    process.stdout.write(`${JSON.stringify(got?.bundle, null, 2)}\n`);
    return 0;
  }
  if (command === 'discover') return discover(baseUrl, apiKey, positionals[1], values.format ?? 'auto');
  if (command !== 'decide' || !values.url) {
    process.stderr.write(USAGE);
    return 2;
  }
  const action = values.action as 'access' | 'prompt' | 'upload' | 'response';
  if (!['access', 'prompt', 'upload', 'response'].includes(action)) {
    process.stderr.write('--action must be access, prompt, upload or response\n');
    return 2;
  }
  const accountType = values['account-type'] as 'consumer' | 'business' | 'api' | undefined;
  if (accountType !== undefined && !['consumer', 'business', 'api'].includes(accountType)) {
    process.stderr.write('--account-type must be consumer, business or api\n');
    return 2;
  }
  const text = values.file ? readFileSync(values.file, 'utf8') : values.text;
  const request = {
    action,
    destination: { url: values.url },
    ...(values.group ? { subject: { groups: values.group } } : {}),
    ...(values.ip || values.channel || accountType
      ? { context: { ...(values.ip ? { ip: values.ip } : {}), ...(values.channel ? { channel: values.channel as 'web' } : {}), ...(accountType ? { accountType } : {}) } }
      : {}),
    ...(text !== undefined || values['data-class']
      ? { content: { ...(text !== undefined ? { text } : {}), ...(values.file ? { fileName: values.file } : {}), ...(values['data-class'] ? { dataClasses: values['data-class'] } : {}) } }
      : {}),
  };
  let answer: { effect: string };
  if (values.local) {
    const decider = await LocalDecider.start(client, { watch: false });
    answer = decider.decide(request);
    decider.stop();
  } else {
    answer = await client.decide(request);
  }
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  return answer.effect === 'block' ? 3 : 0;
}

const FORMATS = ['auto', 'squid', 'squid-common', 'zscaler-csv', 'zscaler-json', 'bind', 'unbound', 'zeek', 'csv'];

function megabytes(n: number): string {
  return `${(n / 1_048_576).toFixed(1)} MB`;
}

/**
 * Streams a log file to POST /api/discovery/imports (never read whole into memory), writing the
 * bytes sent so far on one stderr line, then prints the import's figures.
 */
async function discover(baseUrl: string, apiKey: string, file: string | undefined, format: string): Promise<number> {
  if (!file) {
    process.stderr.write('airlock discover <file> [--format ...]: name the log file\n');
    return 2;
  }
  if (!FORMATS.includes(format)) {
    process.stderr.write(`--format must be one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    process.stderr.write(`Cannot read ${file}\n`);
    return 2;
  }
  let sent = 0;
  let last = 0;
  const tty = process.stderr.isTTY;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - last < (tty ? 200 : 2_000)) return;
    last = now;
    const pct = size ? Math.floor((sent / size) * 100) : 100;
    process.stderr.write(`${tty ? '\r' : ''}uploading ${path.basename(file)}: ${megabytes(sent)} of ${megabytes(size)} (${pct}%)${tty ? '' : '\n'}`);
  };
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  stream.on('data', (chunk) => {
    sent += chunk.length;
    progress();
  });
  const query = new URLSearchParams({ format, name: path.basename(file), size: String(size) });
  const url = `${baseUrl.replace(/\/+$/, '')}/api/discovery/imports?${query.toString()}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/octet-stream', 'content-length': String(size) },
    body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  progress(true);
  if (tty) process.stderr.write('\n');
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } })?.error;
    process.stderr.write(`${res.status} ${error?.code ?? 'error'}: ${error?.message ?? text.slice(0, 300)}\n`);
    return 1;
  }
  const r = body as { format: string; lines: number; records: number; aiRecords: number; badLines: number; badSamples: { line: number; reason: string }[] };
  process.stderr.write(`read ${r.lines} lines as ${r.format}: ${r.records} requests, ${r.aiRecords} to AI services, ${r.badLines} bad lines\n`);
  for (const b of r.badSamples.slice(0, 10)) process.stderr.write(`  line ${b.line}: ${b.reason}\n`);
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(err instanceof AirlockError ? `${err.status} ${err.code}: ${err.message}\n` : `${String(err)}\n`);
    process.exit(1);
  },
);
