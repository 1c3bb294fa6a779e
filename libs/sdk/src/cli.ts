#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AirlockClient, AirlockError } from './client';
import { LocalDecider } from './local-decider';

const USAGE = `airlock — ask Airlock before data leaves

  airlock decide --url <url> [--action access|prompt|upload] [--text <text> | --file <path>] [--data-class <c>]...
                 [--group <g>]... [--ip <ip>] [--channel web|desktop|mobile|api|ide|cli]
                 [--account-type consumer|business|api] [--local]
  airlock bundle
  airlock --version

  Server and key from --server / --key or AIRLOCK_URL / AIRLOCK_API_KEY.
  --local evaluates in-process from the policy bundle (scope bundle) instead of asking the server.
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(err instanceof AirlockError ? `${err.status} ${err.code}: ${err.message}\n` : `${String(err)}\n`);
    process.exit(1);
  },
);
