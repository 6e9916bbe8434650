// The console's build (CONSOLE.md): React + antd, routes split so 工作台 loads only its own code.
// Run from the repo root: `npm run console:build` (output apps/console/dist, served by the gateway).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: {
    // The one kernel entry a browser may load (libs/core/kernel/src/browser.ts).
    alias: { '@union/kernel/browser': resolve(here, '../../libs/core/kernel/src/browser.ts') },
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    reportCompressedSize: true,
  },
  server: {
    // `npm run console:dev`: the gateway of `npm start` answers the API.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
