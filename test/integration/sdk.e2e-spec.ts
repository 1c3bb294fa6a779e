import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { AirlockClient, AirlockError, LocalDecider } from '../../libs/sdk/src';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

/** The SDK: the HTTP client, and local evaluation from the bundle agreeing with the server. */
describe('SDK', () => {
  let t: TestApp;
  let client: AirlockClient;
  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_DEMO_DATA: 'false' });
    client = new AirlockClient({ baseUrl: t.url, apiKey: BOOTSTRAP_KEY });
  });
  afterAll(async () => {
    await t?.close();
  });

  const requests = [
    { action: 'access', destination: { url: 'https://chat.deepseek.com/' }, context: { ip: '10.9.8.7' } },
    { action: 'access', destination: { url: 'https://intranet.example.org/' } },
    { action: 'prompt', destination: { url: 'https://new-ai.example/' } },
    { action: 'prompt', destination: { provider: 'openai-chatgpt' }, content: { text: 'Reach me at jo.bloggs@example.net or 4242 4242 4242 4241; AKIAZ3MHQ7TNVX5KQ2PB' } },
    { action: 'prompt', destination: { host: 'gemini.google.com' }, content: { text: 'Patient Ana, DOB 1980-02-03, diagnosed with type 2 diabetes, metformin 500 mg.' } },
    { action: 'upload', destination: { provider: 'perplexity' }, content: { fileName: 'prod.env' } },
    { action: 'prompt', destination: { provider: 'mistral-le-chat' }, content: { text: 'Email maria@client.example and maria@client.example' } },
    { action: 'prompt', destination: { provider: 'mistral-le-chat' }, content: { text: 'Write to jane.roe@client-corp.com', dataClasses: ['financial'] } },
    { action: 'prompt', destination: { url: 'https://new-ai.example/' }, content: { dataClasses: ['personal_data'] } },
  ] as const;

  it('decides locally exactly as the server does', async () => {
    const local = await LocalDecider.start(client);
    try {
      expect(local.policyVersion).toBe(1);
      for (const req of requests) {
        const server = await client.decide(req as never);
        const mine = local.decide(req as never);
        expect({ effect: mine.effect, reasons: mine.reasons, provider: mine.provider, findings: mine.findings, redactedText: mine.redactedText, redactedClasses: mine.redactedClasses }).toEqual({
          effect: server.effect,
          reasons: server.reasons,
          provider: server.provider,
          findings: server.findings,
          redactedText: server.redactedText,
          redactedClasses: server.redactedClasses,
        });
      }
      // An unchanged policy costs a 304.
      expect(await local.refresh()).toBe(false);
    } finally {
      local.stop();
    }
  });

  it('reports API errors with their code', async () => {
    const bad = new AirlockClient({ baseUrl: t.url, apiKey: 'ak_not_a_key' });
    await expect(bad.decide({ action: 'access', destination: { host: 'a.example' } })).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    await expect(client.decide({ action: 'nope' } as never)).rejects.toBeInstanceOf(AirlockError);
  });

  it('gives the CLI an exit code scripts can use', async () => {
    execFileSync(process.execPath, [path.join(__dirname, '../../node_modules/typescript/bin/tsc'), '-b', 'libs/sdk'], { cwd: path.join(__dirname, '../..') });
    const cli = path.join(__dirname, '../../libs/sdk/dist/cli.js');
    const env = { ...process.env, AIRLOCK_URL: t.url, AIRLOCK_API_KEY: BOOTSTRAP_KEY };
    // Asynchronously: the API under test runs in this process and must keep answering.
    const run = (args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [cli, ...args], { env }, (err, stdout, stderr) => resolve({ status: err ? Number(err.code) : 0, stdout, stderr }));
      });
    const blocked = await run(['decide', '--url', 'https://claude.ai/', '--text', 'password = Winter2026!']);
    expect(blocked.stderr).toBe('');
    expect(blocked.status).toBe(3);
    expect(JSON.parse(blocked.stdout).reasons[0].ruleId).toBe('no-credentials');
    const fine = await run(['decide', '--url', 'https://intranet.example.org/', '--action', 'access', '--local']);
    expect(fine.status).toBe(0);
    expect(JSON.parse(fine.stdout).effect).toBe('allow');
  });
});
