import { builtinModules } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { loadDecisionSpec, specDirectory, specPolicyMaterial, summarise } from '../../../test/support/decision-spec';

const LIBS = path.join(__dirname, '..', '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * What the browser extension ships: libs/decision-core bundled by esbuild for the browser. The
 * bundle must pull in no Node built-in (crypto, Buffer, util, process, node:*), and it must decide:
 * it runs here in a bare JavaScript context (node:vm) that has only what every browser has
 * (TextEncoder, btoa, URL), no require, no process, no Buffer, and gives the shared decision
 * specification's answers.
 */
describe('decision-core in the browser', () => {
  let code = '';
  const builtins: string[] = [];

  beforeAll(async () => {
    // Every import of a Node built-in is recorded (with its importer) instead of failing the build,
    // so the test can name them all.
    const recordBuiltins: Plugin = {
      name: 'record-node-builtins',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          if (!NODE_BUILTINS.has(args.path)) return undefined;
          builtins.push(`${args.path} (imported by ${path.relative(LIBS, args.importer)})`);
          return { path: args.path, external: true };
        });
      },
    };
    const out = await build({
      entryPoints: [path.join(LIBS, 'decision-core', 'src', 'index.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      globalName: 'AirlockDecisionCore',
      target: 'es2022',
      // The workspace libraries from their sources, as the extension's build will take them.
      alias: Object.fromEntries(['policy-engine', 'detectors', 'contracts'].map((l) => [`@airlock/${l}`, path.join(LIBS, l, 'src', 'index.ts')])),
      plugins: [recordBuiltins],
      logLevel: 'silent',
    });
    code = out.outputFiles[0]!.text;
  }, 60_000);

  it('pulls in no Node built-in', () => {
    expect(builtins).toEqual([]);
    expect(code.length).toBeGreaterThan(10_000);
  });

  it('decides every case of the decision specification from the bundle, in a context without Node', () => {
    const context = vm.createContext({ TextEncoder, btoa, URL });
    vm.runInContext(code, context, { filename: 'decision-core.browser.js' });
    expect(vm.runInContext('typeof require + typeof process + typeof Buffer', context)).toBe('undefinedundefinedundefined');
    const spec = loadDecisionSpec();
    // The policy and the directory as JSON, as the extension receives them in GET /v1/bundle.
    context.input = JSON.stringify({
      material: specPolicyMaterial(spec),
      directory: specDirectory(spec).toBundle('spec-salt'),
      ttl: spec.policy.settings.decisionTtlSeconds,
      requests: spec.cases.map((c) => c.request),
    });
    const answers = JSON.parse(
      vm.runInContext(
        `(() => {
          const core = AirlockDecisionCore;
          const input = JSON.parse(globalThis.input);
          const policy = core.compileDecisionPolicy(input.material);
          const directory = new core.BundleDirectory(input.directory);
          return JSON.stringify(input.requests.map((request) => {
            const resolved = core.resolveRequest(request, directory);
            return core.toDecisionResponse(core.decideLocally(policy, resolved.request), {
              action: request.action,
              ipSource: resolved.ipSource,
              policyVersion: 1,
              decisionTtlSeconds: input.ttl,
              evaluatedAt: new Date().toISOString(),
            });
          }));
        })()`,
        context,
      ) as string,
    ) as Parameters<typeof summarise>[0][];
    expect(answers).toHaveLength(spec.cases.length);
    spec.cases.forEach((c, i) => expect({ name: c.name, ...summarise(answers[i]!) }).toEqual({ name: c.name, ...c.expect }));
  });
});
