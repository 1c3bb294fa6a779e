import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves dist/ on the same port (apps/api/src/server.ts); `npm run dev -w @airlock/admin`
// proxies the API to a running `npm start` on :3000.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/v1': 'http://localhost:3000',
    },
  },
});
