import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentationFiles, documentedJson, fencedBlocks, looksLikeCommands, mismatches, SHELL_LANGUAGES, type FencedBlock } from '../support/markdown-blocks';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Every command the documentation shows runs here (issue #22). Each fenced shell block of README.md
 * and docs/**\/*.md is either run against one freshly started product, in a temporary folder, with
 * its documented output (the ```json or ```text block right after it) and exit code checked, or
 * marked `<!-- not-run: reason -->` right before it. A new block that is neither fails this test.
 *
 * What the test changes in a block, and only this: `http://localhost:3000` becomes the test server's
 * address (the port is free, not 3000), and a line that runs `npm start` is the product start
 * itself, so instead of running it the test checks that the product here was started with the
 * variables the line sets. AIRLOCK_URL and AIRLOCK_API_KEY are set for blocks that use them.
 */
const ROOT = path.resolve(__dirname, '../..');
const DOCUMENTED_KEY = 'ak_local_dev_key_change_me';
// As `npm start` runs it on the embedded database: with the demo (whose policy is at version 2).
const START_ENV: Record<string, string> = { AIRLOCK_BOOTSTRAP_API_KEY: DOCUMENTED_KEY, AIRLOCK_DEMO_DATA: 'true' };

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}
interface Check {
  file: string;
  /** Text of the block that identifies it. */
  contains: string;
  /** Files the block reads, written into its folder first. */
  files?: Record<string, string | (() => Promise<Buffer>)>;
  /** The documented exit code (0 unless the documentation says otherwise). */
  exitCode?: number;
  /** What the surrounding prose promises about the output, beyond a documented output block. */
  check?: (r: Result) => void;
}

const CHECKS: Check[] = [
  {
    file: 'README.md',
    contains: 'curl -s http://localhost:3000/v1/decisions',
  },
  {
    // "the SDK's command line (libs/sdk), which exits 3 when the answer is a block"
    file: 'README.md',
    contains: 'npx airlock decide --url https://chat.deepseek.com/ --file notes.txt',
    files: { 'notes.txt': 'Minutes of the call. The deploy key is AKIAZ3MHQ7TNVX5KQ2PB, rotate it on Friday.\n' },
    exitCode: 3,
    check: (r) => {
      const answer = JSON.parse(r.stdout) as { effect: string; provider: { slug: string }; findings: { dataClass: string }[] };
      expect(answer.effect).toBe('block');
      expect(answer.provider.slug).toBe('deepseek');
      expect(answer.findings.map((f) => f.dataClass)).toContain('credentials');
    },
  },
  { file: 'docs/api.md', contains: 'curl -s http://localhost:3000/v1/decisions \\' },
  {
    // A deck whose speaker notes hold a cloud access key: read in the worker, decided like text.
    file: 'docs/api.md',
    contains: '/v1/decisions/file',
    files: {
      'quarterly-review.pptx': async () => (await import('../browser/extension/office-files.mjs')).pptx([['Quarterly review', 'Revenue grew 12%']], [['Deploy key for the demo: AKIAZ3MHQ7TNVX5KQ2PB']]),
    },
  },
  { file: 'docs/api.md', contains: '/v1/decisions/batch' },
  { file: 'docs/api.md', contains: '/v1/decisions/report' },
  { file: 'docs/api.md', contains: 'If-None-Match' },
  { file: 'docs/api.md', contains: '/v1/bundle/events' },
];

function run(script: string, cwd: string, env: Record<string, string>): Promise<Result> {
  return new Promise((resolve) => {
    // Asynchronously: the API under test runs in this process and must keep answering.
    execFile('bash', ['-o', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...env }, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The block as the test runs it: the test server's address, and `npm start` lines checked instead of run. */
function prepare(block: FencedBlock, url: string): { script: string; expectedOutput?: string } {
  let body = block.body;
  let expectedOutput: string | undefined;
  if (block.lang === 'console') {
    // `$ command` lines (with `\` continuations) are run; the other lines are the documented output.
    const commands: string[] = [];
    const output: string[] = [];
    let continuing = false;
    for (const line of body.split('\n')) {
      if (line.startsWith('$ ') || continuing) {
        commands.push(continuing ? line : line.slice(2));
        continuing = line.endsWith('\\');
      } else output.push(line);
    }
    body = commands.join('\n');
    expectedOutput = output.join('\n').trim();
  }
  const lines = body.split('\n').filter((line) => {
    const start = /^\s*((?:[A-Z_][A-Z0-9_]*=\S+\s+)*)npm start\b/.exec(line);
    if (!start) return true;
    for (const [, name, value] of start[1]!.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)) {
      if (START_ENV[name!] !== value) throw new Error(`${block.file}:${block.line} starts the product with ${name}=${value}: start the test's product with it too (START_ENV)`);
    }
    return false;
  });
  return { script: lines.join('\n').replaceAll('http://localhost:3000', url), expectedOutput };
}

function checkTextOutput(actual: string, documented: string): void {
  const pattern = new RegExp(`^${documented.split('...').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
  expect(actual.trim()).toMatch(pattern);
}

const blocks = documentationFiles(ROOT).flatMap((file) => fencedBlocks(ROOT, file));
const shellBlocks = blocks.filter((b) => SHELL_LANGUAGES.has(b.lang));
const where = (b: FencedBlock) => `${b.file}:${b.line}`;

describe('Every command the documentation shows', () => {
  it('is run below or marked <!-- not-run: reason -->, and every check still has its block', () => {
    const problems: string[] = [];
    for (const b of blocks) {
      if (looksLikeCommands(b)) problems.push(`${where(b)}: a block of commands without a language: label it \`\`\`sh (or \`\`\`console)`);
    }
    for (const b of shellBlocks) {
      const checks = CHECKS.filter((c) => c.file === b.file && b.body.includes(c.contains));
      if (b.notRun !== undefined) {
        if (!b.notRun.trim()) problems.push(`${where(b)}: <!-- not-run: --> needs a reason`);
        if (checks.length) problems.push(`${where(b)} is marked not-run but a check runs it`);
      } else if (checks.length === 0) {
        problems.push(`${where(b)}: a \`\`\`${b.lang} block that this test does not run: add a check to CHECKS in test/integration/docs.e2e-spec.ts, or mark it <!-- not-run: why --> right before the block`);
      } else if (checks.length > 1) {
        problems.push(`${where(b)}: more than one check matches`);
      }
    }
    for (const c of CHECKS) {
      const matching = shellBlocks.filter((b) => b.file === c.file && b.body.includes(c.contains));
      if (matching.length !== 1) problems.push(`the check for ${c.file} "${c.contains}" matches ${matching.length} blocks, not 1`);
    }
    expect(problems).toEqual([]);
  });

  describe('against a freshly started product', () => {
    let t: TestApp;
    let scratch: string;
    beforeAll(async () => {
      t = await startTestApp(START_ENV);
      // In the checkout's gitignored .airlock/, so that `npx airlock` finds the checkout's bin (and
      // never asks the registry), as it does for a reader in the checkout.
      mkdirSync(path.join(ROOT, '.airlock'), { recursive: true });
      scratch = mkdtempSync(path.join(ROOT, '.airlock', 'docs-test-'));
    }, 120_000);
    afterAll(async () => {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      await t?.close();
    });

    const runnable = shellBlocks.filter((b) => b.notRun === undefined && CHECKS.some((c) => c.file === b.file && b.body.includes(c.contains)));
    it.each(runnable.map((b) => [where(b), b] as const))('%s', async (_where, block) => {
      const check = CHECKS.find((c) => c.file === block.file && block.body.includes(c.contains))!;
      const cwd = mkdtempSync(path.join(scratch, 'block-'));
      for (const [name, content] of Object.entries(check.files ?? {})) writeFileSync(path.join(cwd, name), typeof content === 'string' ? content : await content());
      const { script, expectedOutput } = prepare(block, t.url);
      const result = await run(script, cwd, { AIRLOCK_URL: t.url, AIRLOCK_API_KEY: DOCUMENTED_KEY, npm_config_yes: 'false', npm_config_update_notifier: 'false' });
      const context = `${where(block)}\n--- ran:\n${script}\n--- stdout:\n${result.stdout}\n--- stderr:\n${result.stderr}`;
      if (result.status !== (check.exitCode ?? 0)) throw new Error(`exit ${result.status}, documented ${check.exitCode ?? 0}\n${context}`);
      if (expectedOutput) checkTextOutput(result.stdout, expectedOutput);
      const next = block.next;
      if (next && next.lang === 'json') {
        let actual: unknown;
        try {
          actual = JSON.parse(result.stdout);
        } catch {
          throw new Error(`the output is not JSON\n${context}`);
        }
        const wrong = mismatches(actual, documentedJson(next.body));
        if (wrong.length) throw new Error(`the output differs from the documented one (${where(next)}):\n${wrong.join('\n')}\n${context}`);
      } else if (next && next.lang === 'text') {
        checkTextOutput(result.stdout, next.body);
      }
      check.check?.(result);
    }, 180_000);
  });
});
