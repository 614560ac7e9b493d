/// <reference types="node" />
// Node types only for this file: the config runs in Node, the app in the browser.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server in development; PACER_API_URL points elsewhere (e.g. a shared test server).
const apiTarget = process.env.PACER_API_URL ?? 'http://localhost:3200';

export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env.PACER_WEB_PORT ?? 5173),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd's shared core is one large chunk by nature; routes are split, so warn only above that.
    chunkSizeWarningLimit: 900,
  },
});
