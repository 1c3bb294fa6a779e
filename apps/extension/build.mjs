// Builds the extension into dist/ (load it unpacked from there, or pack it): esbuild bundles the
// service worker, the content script, the popup, the block page and the lazily loaded upload text
// extractor; the manifest, the managed-storage schema, the pages and the icon are copied.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const libs = path.resolve(here, '../../libs');
const out = path.join(here, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const require = createRequire(import.meta.url);
/**
 * The detectors import stdnum's validators from its CommonJS build (what Node runs); the browser
 * bundles take its ES modules build, half the size minified (47 against 100 KB: no interop helpers per file).
 */
const stdnumEsm = {
  name: 'stdnum-esm',
  setup(b) {
    b.onResolve({ filter: /^stdnum\/lib\/cjs\// }, (args) => ({ path: require.resolve(args.path.replace('/lib/cjs/', '/lib/esm/')) }));
  },
};

const common = {
  absWorkingDir: here,
  bundle: true,
  platform: 'browser',
  target: 'chrome120',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // The libraries' sources, not their tsc output (which may be stale or missing in a fresh checkout).
  alias: {
    '@airlock/policy-engine': path.join(libs, 'policy-engine/src/index.ts'),
    '@airlock/detectors': path.join(libs, 'detectors/src/index.ts'),
    '@airlock/contracts': path.join(libs, 'contracts/src/index.ts'),
    '@airlock/decision-core': path.join(libs, 'decision-core/src/index.ts'),
    // Only the zip and PDF-layout parts of the file-text library: pdf.js, mammoth and ExcelJS are run by extract.ts itself.
    '@airlock/file-text/office-zip': path.join(libs, 'file-text/src/office-zip.ts'),
    '@airlock/file-text/pdf-layout': path.join(libs, 'file-text/src/pdf-layout.ts'),
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [stdnumEsm],
};

await Promise.all([
  // The service worker is a module; the content script must be a classic script (IIFE).
  build({ ...common, entryPoints: { background: 'src/background.ts' }, outdir: out, format: 'esm' }),
  build({ ...common, entryPoints: { content: 'src/content.ts' }, outdir: out, format: 'iife' }),
  build({ ...common, entryPoints: { popup: 'src/popup.ts', blocked: 'src/blocked.ts' }, outdir: out, format: 'esm' }),
  // One file (no chunks): the content script imports it by its extension URL.
  build({ ...common, entryPoints: { extract: 'src/extract.ts' }, outdir: out, format: 'esm', splitting: false }),
].map((p) => p));

for (const f of readdirSync(path.join(here, 'static'))) copyFileSync(path.join(here, 'static', f), path.join(out, f));
console.log(`extension built in ${path.relative(process.cwd(), out) || out}`);
