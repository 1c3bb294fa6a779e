import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves dist/ on the same port (apps/api/src/server.ts); `npm run dev -w @airlock/admin`
// proxies the API to a running `npm start` on :3000.
export default defineConfig({
  plugins: [react()],
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
