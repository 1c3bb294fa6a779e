import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes `file.br` and `file.gz` beside every text file of the build that is worth compressing, so
 * the API sends them as they are (@fastify/static's `preCompressed`) instead of compressing on each
 * request. Brotli at its highest quality: this runs once per build.
 */
function precompress(outDir: string): Plugin {
  const compressible = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/i;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : [full];
    });
  return {
    name: 'airlock-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(path.resolve(outDir))) {
        if (!compressible.test(file) || statSync(file).size < 1024) continue;
        const body = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The API serves dist/ on the same port (apps/api/src/server.ts); `npm run dev -w @airlock/admin`
// proxies the API to a running `npm start` on :3000.
export default defineConfig({
  plugins: [react(), precompress('dist')],
  base: '/',
  // `source`: @airlock/contracts/constants and /types resolve to their TypeScript sources (zod-free), so
  // the console needs no build of the library first and never pulls zod into its bundle.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Libraries in their own chunks, cached across releases of the console; recharts stays in the
    // lazily loaded dashboard chunk.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 20 },
            { name: 'react-admin', test: /node_modules[\\/](react-admin|ra-[a-z-]+|@tanstack|react-hook-form|react-router|react-router-dom|lodash|query-string|inflection|date-fns)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/v1': 'http://localhost:3000',
    },
  },
});
